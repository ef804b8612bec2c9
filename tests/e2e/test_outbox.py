"""Step 6, the outbox: a crash between commit and send loses nothing and duplicates nothing;
flood control is waited out; a user who blocked the bot is reported to the other side."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.app import build_application, running
from bot.sandbox.client import SandboxClient
from bot.sandbox.server import SANDBOX_TOKEN, Sandbox
from bot.settings import Settings
from storage.models import Outbox, OutboxStatus
from tests.e2e.helpers import Script, get_user, user_record, wait_db

GP = 8001
NEPHRO = 8101


def users() -> tuple[dict[str, Any], dict[str, Any]]:
    """A GP and an on-call nephrologist."""
    return user_record(GP), user_record(NEPHRO, specialties=["nephrology"], on_call=True)


async def pending_rows(session: AsyncSession) -> list[Outbox]:
    """The outbox rows not yet delivered."""
    query = select(Outbox).where(col(Outbox.status) == OutboxStatus.PENDING)
    return list((await session.exec(query)).all())


async def test_a_crash_after_commit_delivers_every_pending_message_once(
    migrated: Settings, sandbox: Sandbox, client: SandboxClient
) -> None:
    """Rows committed by a bot that never sent them are sent once by the next bot."""
    s = Script(client, migrated)
    await s.seed(*users())
    async with running(
        build_application(migrated, token=SANDBOX_TOKEN, api_url=sandbox.url), poll_timeout=1
    ):
        _, took = await s.conversation(GP, NEPHRO)
        await s.settle()

    crashed = build_application(migrated, token=SANDBOX_TOKEN, api_url=sandbox.url, dispatch=False)
    async with running(crashed, poll_timeout=1):
        await client.send(
            NEPHRO, "Créatinine à recontrôler dans 48 h.", reply_to_message_id=took["message_id"]
        )
        await client.send(NEPHRO, "/mythreads")
        rows = await wait_db(
            migrated,
            lambda session: _at_least(session, 2),
            "the relay and /mythreads to be committed to the outbox",
        )
    assert {row.chat_id for row in rows} == {GP, NEPHRO}
    assert not [m for m in await s.new_messages(GP) if "recontrôler" in (m.get("text") or "")]

    async with running(
        build_application(migrated, token=SANDBOX_TOKEN, api_url=sandbox.url), poll_timeout=1
    ):
        await s.expect_text(GP, "Créatinine à recontrôler dans 48 h.")
        await s.expect_text(NEPHRO, "Vos échanges en cours")
        await s.settle()
    sent = await client.calls("sendMessage")
    for row in rows:
        copies = [
            c
            for c in sent
            if c["params"]["chat_id"] == row.chat_id and c["params"]["text"] == row.payload["text"]
        ]
        assert len(copies) == 1, row.payload["text"]


async def _at_least(session: AsyncSession, count: int) -> list[Outbox] | None:
    rows = await pending_rows(session)
    return rows if len(rows) >= count else None


@pytest.fixture
async def s(bot: Any, client: SandboxClient, settings: Settings) -> Script:
    """A GP talking with a nephrologist who took the question."""
    script = Script(client, settings)
    await script.seed(*users())
    await script.conversation(GP, NEPHRO)
    await script.settle()
    return script


async def test_flood_control_is_waited_out(s: Script) -> None:
    """A 429 with retry_after=1: the message still arrives, after about a second."""
    await s.c.fault("sendMessage", 429, count=1, retry_after=1)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await s.c.send(GP, "La kaliémie de contrôle est à 5,4.")
    await s.expect_text(NEPHRO, "La kaliémie de contrôle est à 5,4.")
    assert loop.time() - started >= 0.9
    codes = [c["error_code"] for c in await s.c.calls("sendMessage") if not c["ok"]]
    assert codes == [429]


async def test_a_peer_who_blocked_the_bot_is_reported(s: Script, settings: Settings) -> None:
    """The GP blocked the bot: the specialist's next message cannot be delivered, the
    specialist is told the peer is unreachable, and the GP is marked so."""
    await s.c.block(GP)
    await s.c.send(NEPHRO, "Avez-vous le ionogramme ?")
    await s.expect_text(NEPHRO, "ne reçoit plus les messages")
    user = await get_user(settings, GP)
    assert user is not None
    assert not user.reachable
    assert [c["error_code"] for c in await s.c.calls("sendMessage") if not c["ok"]] == [403]


async def test_after_a_block_later_messages_are_refused_at_once(s: Script) -> None:
    """Once the peer is known unreachable, a new message is not attempted and the sender is
    told again."""
    await s.c.block(GP)
    await s.c.send(NEPHRO, "Avez-vous le ionogramme ?")
    await s.expect_text(NEPHRO, "ne reçoit plus les messages")
    attempts = len(await s.c.calls("sendMessage"))
    await s.c.send(NEPHRO, "Et la gazométrie ?")
    await s.expect_text(NEPHRO, "ne reçoit plus les messages")
    await s.settle()
    to_gp = [
        c for c in (await s.c.calls("sendMessage"))[attempts:] if c["params"]["chat_id"] == GP
    ]
    assert to_gp == []
