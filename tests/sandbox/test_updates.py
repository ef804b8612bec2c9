"""Updates reach the bot by real long polling or by webhook, as on Telegram."""

import asyncio
import json
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import pytest
import telegram
import tornado.httpserver
import tornado.netutil
import tornado.web
from telegram.error import Conflict

from bot.sandbox.server import Sandbox
from tests.sandbox.conftest import ALICE


async def test_long_poll_returns_as_soon_as_a_user_sends(
    bot: telegram.Bot, sandbox: Sandbox
) -> None:
    """A getUpdates waiting 2 s answers right after the user's message, not at the timeout."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    poll = asyncio.create_task(bot.get_updates(timeout=2))
    await asyncio.sleep(0.1)
    assert not poll.done()
    sandbox.send(ALICE, "/start")
    updates = await poll
    assert loop.time() - started < 1.0
    [update] = updates
    assert update.message is not None and update.message.text == "/start"


async def test_long_poll_without_updates_waits_for_the_timeout(bot: telegram.Bot) -> None:
    """With nothing to deliver, getUpdates waits its timeout and answers an empty list."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert await bot.get_updates(timeout=1) == ()
    assert loop.time() - started >= 0.9


async def test_offset_confirms_and_drops_earlier_updates(
    bot: telegram.Bot, sandbox: Sandbox
) -> None:
    """Updates stay until a later offset confirms them."""
    ids = [sandbox.send(ALICE, f"m{n}")["update_id"] for n in range(3)]
    assert [u.update_id for u in await bot.get_updates()] == ids
    assert [u.update_id for u in await bot.get_updates(offset=ids[1] + 1)] == ids[2:]
    assert [u.update_id for u in await bot.get_updates()] == ids[2:]


async def test_limit_caps_the_batch(bot: telegram.Bot, sandbox: Sandbox) -> None:
    """limit returns only the first updates."""
    for n in range(5):
        sandbox.send(ALICE, f"m{n}")
    updates = await bot.get_updates(limit=2)
    assert [u.message.text for u in updates if u.message] == ["m0", "m1"]


async def test_a_newer_poll_ends_the_older_one_with_conflict(
    bot: telegram.Bot, sandbox: Sandbox
) -> None:
    """Two pollers at once: the older gets 409, as when two bot instances run."""
    async with httpx.AsyncClient(trust_env=False) as other_instance:
        older = asyncio.create_task(
            other_instance.get(f"{sandbox.base_url}{sandbox.token}/getUpdates?timeout=3")
        )
        await asyncio.sleep(0.1)
        assert await bot.get_updates(timeout=0) == ()
        response = await asyncio.wait_for(older, 1)
    assert response.status_code == 409
    assert response.json()["description"].startswith(
        "Conflict: terminated by other getUpdates request"
    )


@dataclass
class Receiver:
    """A webhook receiver on 127.0.0.1 that fails its first ``failures`` deliveries."""

    failures: int = 0
    received: asyncio.Queue[tuple[str | None, dict[str, object]]] = field(
        default_factory=asyncio.Queue
    )
    attempts: int = 0
    url: str = ""


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    state = Receiver()

    class Handler(tornado.web.RequestHandler):
        def post(self) -> None:
            state.attempts += 1
            if state.failures > 0:
                state.failures -= 1
                self.set_status(500)
                return
            secret = self.request.headers.get("X-Telegram-Bot-Api-Secret-Token")
            state.received.put_nowait((secret, json.loads(self.request.body)))

    sockets = tornado.netutil.bind_sockets(0, address="127.0.0.1", family=socket.AF_INET)
    server = tornado.httpserver.HTTPServer(tornado.web.Application([(r"/hook", Handler)]))
    server.add_sockets(sockets)
    state.url = f"http://127.0.0.1:{sockets[0].getsockname()[1]}/hook"
    yield state
    server.stop()
    await server.close_all_connections()


async def test_webhook_delivers_updates_in_order_with_the_secret(
    bot: telegram.Bot, sandbox: Sandbox, receiver: Receiver
) -> None:
    """Each update is POSTed with the secret header, in the order users sent them."""
    assert await bot.set_webhook(receiver.url, secret_token="s3cret")
    first, second = sandbox.send(ALICE, "un"), sandbox.send(ALICE, "deux")
    got = [await asyncio.wait_for(receiver.received.get(), 2) for _ in range(2)]
    assert [secret for secret, _ in got] == ["s3cret", "s3cret"]
    assert [body["update_id"] for _, body in got] == [first["update_id"], second["update_id"]]
    info = await bot.get_webhook_info()
    assert (info.url, info.pending_update_count) == (receiver.url, 0)


async def test_webhook_retries_while_the_receiver_fails(
    bot: telegram.Bot, sandbox: Sandbox, receiver: Receiver
) -> None:
    """A failing receiver gets the same update again until it accepts it."""
    receiver.failures = 2
    await bot.set_webhook(receiver.url)
    sent = sandbox.send(ALICE, "insiste")
    secret, body = await asyncio.wait_for(receiver.received.get(), 3)
    assert (secret, body["update_id"], receiver.attempts) == (None, sent["update_id"], 3)


async def test_get_updates_conflicts_while_a_webhook_is_set(
    bot: telegram.Bot, receiver: Receiver
) -> None:
    """getUpdates is 409 while a webhook is set, and works again after deleteWebhook."""
    await bot.set_webhook(receiver.url)
    with pytest.raises(Conflict, match="can't use getUpdates method while webhook is active"):
        await bot.get_updates()
    assert await bot.delete_webhook()
    assert await bot.get_updates() == ()


async def test_drop_pending_updates(bot: telegram.Bot, sandbox: Sandbox) -> None:
    """deleteWebhook(drop_pending_updates=True) forgets what was waiting."""
    sandbox.send(ALICE, "oublié")
    await bot.delete_webhook(drop_pending_updates=True)
    assert await bot.get_updates() == ()


async def test_webhook_only_to_localhost(bot: telegram.Bot) -> None:
    """The sandbox never delivers beyond this machine."""
    with pytest.raises(telegram.error.BadRequest, match=r"^Bad webhook: "):
        await bot.set_webhook("https://example.org/hook")
