"""Restart safety, end to end: what fell due while the bot was down happens at the first sweep of
a new Application on the same database and stand-in (next batch, expiries, ended on call)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.sandbox.client import SandboxClient
from bot.sandbox.server import Sandbox
from bot.settings import Settings
from storage.models import OfferState, ThreadState
from tests.conftest import make_settings
from tests.e2e.helpers import fr, get_thread, get_user, has, is_offer, offers, threads, user_record
from tests.e2e.lifecycle_helpers import GP, NOW, Clock, Users, bot_at, nephro, run_sweep

NEPHRO_A, NEPHRO_B = 2001, 2002


@pytest.fixture
def settings(sqlite_url: str) -> Settings:
    """One specialist per round; a claim timeout of under a second (only the injected clock
    moves, so the value matters only through the deadline it sets); no sweep on its own."""
    return make_settings(sqlite_url, fanout=1, claim_timeout_minutes=0.01, sweep_seconds=3600)


async def test_after_a_restart_past_the_claim_deadline_the_next_batch_gets_the_offer(
    migrated: Settings, sandbox: Sandbox, client: SandboxClient
) -> None:
    """Offered, then the bot stops; a new Application whose clock is past the claim deadline
    withdraws the first offer (its message says so) and offers the question to the next
    specialist at its first sweep."""
    clock = Clock(NOW)
    u = Users(client, migrated, clock)
    async with bot_at(migrated, sandbox, clock):
        await u.seed(
            user_record(GP), nephro(NEPHRO_A, on_call=True), nephro(NEPHRO_B, on_call=True)
        )
        await u.ask(GP)
        await u.settle()
    (thread,) = await threads(migrated)
    (first_offer,) = await offers(migrated, thread.id or 0)
    first = first_offer.specialist_id
    second = NEPHRO_B if first == NEPHRO_A else NEPHRO_A
    offer_message = (await u.offers_to(first))[0]
    assert await u.offers_to(second) == []

    clock.advance(migrated.claim_timeout + timedelta(minutes=1))
    async with bot_at(migrated, sandbox, clock) as app:
        report = await run_sweep(app)
        new_offer = await u.expect(second, is_offer)
        await client.wait_for(
            first,
            lambda m: m["message_id"] == offer_message["message_id"] and "expirée" in m["text"],
        )

    assert report.timeouts == 1
    assert f"#{thread.code}" in new_offer["text"]
    states = {o.specialist_id: o.state for o in await offers(migrated, thread.id or 0)}
    assert states == {first: OfferState.WITHDRAWN, second: OfferState.PENDING}


async def test_a_conversation_that_expired_while_the_bot_was_down_is_ended_at_restart(
    migrated: Settings, sandbox: Sandbox, client: SandboxClient
) -> None:
    """Taken, then the bot stops for longer than the thread TTL; at the first sweep after the
    restart the thread expires and both sides are told."""
    clock = Clock(NOW)
    u = Users(client, migrated, clock)
    async with bot_at(migrated, sandbox, clock):
        await u.seed(user_record(GP), nephro(NEPHRO_A, on_call=True))
        await u.ask(GP)
        offer = await u.expect(NEPHRO_A, is_offer)
        await client.press(NEPHRO_A, offer["message_id"], text="✋ Je prends")
        await u.expect_text(NEPHRO_A, "Vous avez pris")
        await u.expect_text(GP, "a été prise par")
        await u.settle()
    (thread,) = await threads(migrated)

    clock.advance(migrated.thread_ttl + timedelta(minutes=1))
    async with bot_at(migrated, sandbox, clock) as app:
        report = await run_sweep(app)
        notice = fr("sweep.expired_claimed", code=thread.code)
        await u.expect(GP, has(notice))
        await u.expect(NEPHRO_A, has(notice))

    assert report.expired == 1
    stored = await get_thread(migrated, thread.id or 0)
    assert stored is not None
    assert stored.state == ThreadState.EXPIRED


async def test_a_question_whose_wait_ran_out_while_the_bot_was_down_expires_at_restart(
    migrated: Settings, sandbox: Sandbox, client: SandboxClient
) -> None:
    """A question waits (nobody on call), the bot stops past the wait TTL; at the first sweep
    after the restart it expires and the asker is told."""
    clock = Clock(NOW)
    u = Users(client, migrated, clock)
    async with bot_at(migrated, sandbox, clock):
        await u.seed(user_record(GP), nephro(NEPHRO_A))
        notice = await u.ask(GP)
        assert "attend" in notice["text"]
        await u.settle()
    (thread,) = await threads(migrated)

    clock.advance(migrated.wait_ttl + timedelta(minutes=1))
    async with bot_at(migrated, sandbox, clock) as app:
        report = await run_sweep(app)
        await u.expect(GP, has(fr("sweep.expired_waiting", code=thread.code)))

    assert report.expired == 1
    stored = await get_thread(migrated, thread.id or 0)
    assert stored is not None
    assert stored.state == ThreadState.EXPIRED


async def test_an_oncall_period_that_ended_while_the_bot_was_down_is_closed_at_restart(
    migrated: Settings, sandbox: Sandbox, client: SandboxClient
) -> None:
    """``/oncall 2h``, the bot stops for three hours; the first sweep after the restart closes
    the period and tells the specialist, and sends no stale reminder."""
    clock = Clock(NOW)
    u = Users(client, migrated, clock)
    async with bot_at(migrated, sandbox, clock):
        await u.seed(nephro(NEPHRO_A))
        await u.command(NEPHRO_A, "/oncall 2h")
        await u.settle()

    clock.advance(timedelta(hours=3))
    async with bot_at(migrated, sandbox, clock) as app:
        report = await run_sweep(app)
        await u.expect(NEPHRO_A, has(fr("oncall.ended")))
        await u.settle()

    assert (report.oncall_ended, report.reminded) == (1, 0)
    user = await get_user(migrated, NEPHRO_A)
    assert user is not None
    assert user.on_call_until is None
    assert not [m for m in await client.chat(NEPHRO_A) if "⏰" in m["text"]]
