"""The sandbox is reachable from this machine's loopback address only."""

import asyncio
import socket

import pytest

from bot.sandbox.server import Sandbox


async def _connects(host: str, port: int, family: socket.AddressFamily) -> bool:
    try:
        _, writer = await asyncio.wait_for(
            asyncio.open_connection(host, port, family=family), timeout=1
        )
    except OSError:
        return False
    writer.close()
    await writer.wait_closed()
    return True


async def test_listens_on_127_0_0_1_only(sandbox: Sandbox) -> None:
    """127.0.0.1 answers; other loopback addresses and IPv6 do not reach the port."""
    assert sandbox.url == f"http://127.0.0.1:{sandbox.port}"
    assert await _connects("127.0.0.1", sandbox.port, socket.AF_INET)
    assert not await _connects("127.0.0.2", sandbox.port, socket.AF_INET)
    if socket.has_ipv6:
        assert not await _connects("::1", sandbox.port, socket.AF_INET6)


async def test_other_interfaces_do_not_reach_the_port(sandbox: Sandbox) -> None:
    """The host's own non-loopback address, when it has one, does not reach the sandbox."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # UDP connect sends nothing: it only picks a route
        address = probe.getsockname()[0]
    except OSError:
        pytest.skip("no non-loopback route on this machine")
    finally:
        probe.close()
    if address.startswith("127."):
        pytest.skip("no non-loopback address on this machine")
    assert not await _connects(address, sandbox.port, socket.AF_INET)
