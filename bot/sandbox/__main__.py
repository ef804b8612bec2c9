"""Run the sandbox alone, for outside scripts: ``python -m bot.sandbox --port 8081``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from bot.sandbox.server import SANDBOX_TOKEN, Sandbox


async def serve(port: int, token: str) -> None:
    """Serve until cancelled (Ctrl-C)."""
    sandbox = Sandbox(token=token)
    await sandbox.start(port)
    try:
        print(f"Sandbox Bot API on {sandbox.base_url}<token>/<method>", flush=True)
        print(f"Control API on {sandbox.url}/sandbox/ (users, send, chats...)", flush=True)
        await asyncio.Event().wait()
    finally:
        await sandbox.stop()


def main() -> None:
    """Parse the command line and serve on 127.0.0.1."""
    parser = argparse.ArgumentParser(prog="python -m bot.sandbox", description=__doc__)
    parser.add_argument("--port", type=int, default=8081, help="port on 127.0.0.1 (0: any)")
    parser.add_argument("--token", default=SANDBOX_TOKEN, help="the bot token to accept")
    arguments = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(arguments.port, arguments.token))


if __name__ == "__main__":
    main()
