"""The sweep, step by step, with an injected clock: claim timeouts and the next batch, escalation,
ended on-call periods, windows opening, expiries, retention, idempotence, and a Take racing it.

Every test runs on SQLite, and on PostgreSQL when ``CONFRERE_TEST_POSTGRES_URL`` is set.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import col, select

from bot.services import asking, closing, relay, routing, sweep
from bot.services.seeding import seed_users
from bot.settings import Settings
from bot.texts import t
from storage import queries
from storage.db import SessionFactory
from storage.models import Offer, OfferState, Outbox, Thread, ThreadMessage, ThreadState, User
from tests.conftest import make_settings

# A Wednesday: 10:00 UTC is 11:00 in Paris (the default time zone).
NOW = datetime(2025, 3, 5, 10, 0, tzinfo=UTC)
GP = 1001
NEPHRO_A, NEPHRO_B, NEPHRO_C = 2001, 2002, 2003
MODERATOR = 9001
QUESTION = "IRC stade 4, kaliémie à 6,1 sous ramipril 10 mg : j'arrête l'IEC ou je baisse ?"


@pytest.fixture
def settings(database_url: str) -> Settings:
    """Fan-out 1 (one specialist per round, so rounds are easy to follow), one moderator."""
    return make_settings(database_url, fanout=1, max_rounds=3, moderator_ids=(MODERATOR,))


# --- set-up ------------------------------------------------------------------------------------


def gp() -> dict[str, Any]:
    """A verified GP (no specialty)."""
    return {"id": GP, "first_name": "Claire", "language_code": "fr", "verified": True}


def nephro(user_id: int, *, on_call: bool = True, lang: str = "fr") -> dict[str, Any]:
    """A verified nephrologist, on call for the default duration from ``NOW`` unless told."""
    return {
        "id": user_id,
        "first_name": f"Neph{user_id}",
        "language_code": lang,
        "verified": True,
        "specialties": ["nephrology"],
        "on_call": on_call,
    }


def moderator() -> dict[str, Any]:
    """The moderator listed in the settings."""
    return {"id": MODERATOR, "first_name": "Mod", "language_code": "fr", "verified": True}


async def add_users(
    sessions: SessionFactory, settings: Settings, *records: dict[str, Any], now: datetime = NOW
) -> None:
    """Seed ready users, their on-call periods starting at ``now``."""
    async with sessions() as session:
        await seed_users(session, records, now=now, settings=settings)


async def ask(
    sessions: SessionFactory,
    settings: Settings,
    *,
    now: datetime = NOW,
    asker: int = GP,
    code: str = "K7Q2",
) -> int:
    """A nephrology question sent at ``now`` through the real send path; returns its id."""
    async with sessions() as session:
        thread = Thread(
            code=code, asker_id=asker, specialty="nephrology", question=QUESTION, created_at=now
        )
        session.add(thread)
        await session.commit()
        assert thread.id is not None
        thread_id = thread.id
    async with sessions() as session:
        await asking.send(
            session,
            user_id=asker,
            thread_id=thread_id,
            specialty="nephrology",
            message_id=None,
            update_id=None,  # type: ignore[arg-type]
            now=now,
            settings=settings,
        )
    return thread_id


async def take(
    sessions: SessionFactory, settings: Settings, thread_id: int, user_id: int, *, now: datetime
) -> str | None:
    """Press Take; return the answer shown to the specialist."""
    async with sessions() as session:
        outcome = await routing.take(
            session,
            user_id=user_id,
            thread_id=thread_id,
            update_id=None,  # type: ignore[arg-type]
            now=now,
            settings=settings,
        )
    return outcome.answer


async def get_thread(sessions: SessionFactory, thread_id: int) -> Thread:
    """The thread as stored now."""
    async with sessions() as session:
        thread = await session.get(Thread, thread_id)
        assert thread is not None
        return thread


async def get_user(sessions: SessionFactory, user_id: int) -> User:
    """The user as stored now."""
    async with sessions() as session:
        user = await session.get(User, user_id)
        assert user is not None
        return user


async def offers(sessions: SessionFactory, thread_id: int) -> dict[int, Offer]:
    """The offers of a thread by specialist."""
    async with sessions() as session:
        result = await session.exec(select(Offer).where(Offer.thread_id == thread_id))
        return {o.specialist_id: o for o in result.all()}


async def outbox_rows(sessions: SessionFactory, chat_id: int | None = None) -> Sequence[Outbox]:
    """Queued Bot API calls, oldest first (of one chat if given)."""
    async with sessions() as session:
        query = select(Outbox).order_by(col(Outbox.id))
        if chat_id is not None:
            query = query.where(Outbox.chat_id == chat_id)
        return (await session.exec(query)).all()


async def texts_to(sessions: SessionFactory, chat_id: int) -> list[str]:
    """The texts of the messages queued to ``chat_id`` (sends only)."""
    return [
        str(r.payload.get("text"))
        for r in await outbox_rows(sessions, chat_id)
        if r.method == "send"
    ]


def fr(key: str, **params: object) -> str:
    """A French text of the catalogue."""
    return t("fr", key, **params)


# --- claim timeouts ----------------------------------------------------------------------------


async def test_an_offer_not_taken_in_time_is_withdrawn_and_its_message_edited(
    sessions: SessionFactory, settings: Settings
) -> None:
    """Past the claim timeout the pending offer becomes WITHDRAWN and an edit of its message
    saying it expired is queued to the specialist."""
    await add_users(sessions, settings, gp(), nephro(NEPHRO_A))
    thread_id = await ask(sessions, settings)
    offer = (await offers(sessions, thread_id))[NEPHRO_A]
    assert offer.state == OfferState.PENDING

    report = await sweep.run(sessions, now=NOW + settings.claim_timeout, settings=settings)

    assert report.timeouts == 1
    assert (await offers(sessions, thread_id))[NEPHRO_A].state == OfferState.WITHDRAWN
    edits = [r for r in await outbox_rows(sessions, NEPHRO_A) if r.method == "edit_text"]
    assert [(r.offer_id, r.payload["text"]) for r in edits] == [
        (offer.id, fr("offer.withdrawn", code="K7Q2"))
    ]


async def test_an_offer_is_not_withdrawn_before_the_claim_timeout(
    sessions: SessionFactory, settings: Settings
) -> None:
    """A second before the claim deadline the sweep leaves the offer pending."""
    await add_users(sessions, settings, gp(), nephro(NEPHRO_A), nephro(NEPHRO_B))
    thread_id = await ask(sessions, settings)
    just_before = NOW + settings.claim_timeout - timedelta(seconds=1)

    report = await sweep.run(sessions, now=just_before, settings=settings)

    assert report.timeouts == 0
    assert {u: o.state for u, o in (await offers(sessions, thread_id)).items()} == {
        NEPHRO_A: OfferState.PENDING
    }


async def test_after_a_claim_timeout_the_next_batch_is_offered(
    sessions: SessionFactory, settings: Settings
) -> None:
    """The next specialist gets a pending offer in round 2 with a fresh claim deadline."""
    await add_users(sessions, settings, gp(), nephro(NEPHRO_A), nephro(NEPHRO_B))
    thread_id = await ask(sessions, settings)
    first = next(iter(await offers(sessions, thread_id)))
    second = NEPHRO_B if first == NEPHRO_A else NEPHRO_A
    later = NOW + settings.claim_timeout

    await sweep.run(sessions, now=later, settings=settings)

    thread = await get_thread(sessions, thread_id)
    new = (await offers(sessions, thread_id))[second]
    assert (thread.state, thread.round) == (ThreadState.OFFERED, 2)
    assert thread.claim_deadline == later + settings.claim_timeout
    assert (new.state, new.round) == (OfferState.PENDING, 2)
    sent = [r for r in await outbox_rows(sessions, second) if r.offer_id == new.id]
    assert [r.method for r in sent] == ["send"]


async def test_after_the_last_round_the_moderators_are_told_and_the_question_waits(
    sessions: SessionFactory, database_url: str
) -> None:
    """After ``max_rounds`` rounds nobody took: the thread is WAITING (escalated), each moderator
    is told, and the asker is told the moderators know."""
    settings = make_settings(database_url, fanout=1, max_rounds=1, moderator_ids=(MODERATOR,))
    await add_users(sessions, settings, gp(), moderator(), nephro(NEPHRO_A))
    thread_id = await ask(sessions, settings)
    later = NOW + settings.claim_timeout

    report = await sweep.run(sessions, now=later, settings=settings)

    thread = await get_thread(sessions, thread_id)
    assert (report.timeouts, report.escalated) == (1, 1)
    assert (thread.state, thread.escalated_at) == (ThreadState.WAITING, later)
    assert fr(
        "sweep.escalated_moderator", code="K7Q2", specialty="Néphrologie", rounds=1
    ) in await texts_to(sessions, MODERATOR)
    assert fr("sweep.escalated_asker", code="K7Q2") in await texts_to(sessions, GP)


async def test_before_the_last_round_nobody_is_escalated(
    sessions: SessionFactory, settings: Settings
) -> None:
    """A timeout in round 1 of 3 with nobody else on call: the question waits, the asker is told
    it waits, and no moderator is told."""
    await add_users(sessions, settings, gp(), moderator(), nephro(NEPHRO_A))
    thread_id = await ask(sessions, settings)

    report = await sweep.run(sessions, now=NOW + settings.claim_timeout, settings=settings)

    thread = await get_thread(sessions, thread_id)
    assert (report.timeouts, report.escalated) == (1, 0)
    assert (thread.state, thread.escalated_at) == (ThreadState.WAITING, None)
    assert await texts_to(sessions, MODERATOR) == []


# --- on-call periods and windows ---------------------------------------------------------------


async def test_an_ended_oncall_period_is_closed_and_the_specialist_told(
    sessions: SessionFactory, settings: Settings
) -> None:
    """Once ``on_call_until`` has passed, the sweep clears it and tells the specialist."""
    await add_users(sessions, settings, nephro(NEPHRO_A))
    after = NOW + settings.oncall_default + timedelta(minutes=1)

    report = await sweep.run(sessions, now=after, settings=settings)

    assert report.oncall_ended == 1
    assert (await get_user(sessions, NEPHRO_A)).on_call_until is None
    assert await texts_to(sessions, NEPHRO_A) == [fr("oncall.ended")]


async def test_a_running_oncall_period_is_left_alone(
    sessions: SessionFactory, settings: Settings
) -> None:
    """An hour into an eight-hour period, nothing ends and nothing is said."""
    await add_users(sessions, settings, nephro(NEPHRO_A))

    report = await sweep.run(sessions, now=NOW + timedelta(hours=1), settings=settings)

    assert report == sweep.SweepReport()
    assert (await get_user(sessions, NEPHRO_A)).on_call_until == NOW + settings.oncall_default
    assert await outbox_rows(sessions) == []


async def test_a_reminder_with_extend_and_stop_is_queued_before_oncall_ends(
    sessions: SessionFactory, settings: Settings
) -> None:
    """Ten minutes before the end the specialist is reminded once, with +2 h and stop buttons."""
    await add_users(sessions, settings, nephro(NEPHRO_A))
    soon = NOW + settings.oncall_default - timedelta(minutes=10)

    report = await sweep.run(sessions, now=soon, settings=settings)

    assert report.reminded == 1
    (row,) = await outbox_rows(sessions, NEPHRO_A)
    assert row.payload["text"] == fr("oncall.reminder", until="19:00")
    assert row.payload["buttons"] == [[["+2 h", "oc:extend"], ["Terminer maintenant", "oc:stop"]]]


async def test_a_window_opening_offers_the_waiting_question(
    sessions: SessionFactory, settings: Settings
) -> None:
    """A question asked while nobody was on call is offered by the sweep to a specialist whose
    weekly window covers the sweep's time (no explicit on-call period)."""
    await add_users(sessions, settings, gp(), nephro(NEPHRO_A, on_call=False))
    async with sessions() as session:  # Wednesday 10:30-12:00, Paris time
        await queries.set_windows(session, user_id=NEPHRO_A, windows=[(2, 10 * 60 + 30, 12 * 60)])
        await session.commit()
    early = NOW - timedelta(hours=1)  # 10:00 in Paris: the window is not open yet
    other = await ask(sessions, settings, now=early)
    assert (await get_thread(sessions, other)).state == ThreadState.WAITING

    report = await sweep.run(sessions, now=NOW + timedelta(minutes=1), settings=settings)

    assert report.offered == 1
    assert (await get_thread(sessions, other)).state == ThreadState.OFFERED
    assert (await offers(sessions, other))[NEPHRO_A].state == OfferState.PENDING


async def test_outside_any_window_the_waiting_question_stays(
    sessions: SessionFactory, settings: Settings
) -> None:
    """Before the window opens the sweep offers nothing."""
    await add_users(sessions, settings, gp(), nephro(NEPHRO_A, on_call=False))
    async with sessions() as session:
        await queries.set_windows(session, user_id=NEPHRO_A, windows=[(2, 18 * 60, 22 * 60)])
        await session.commit()
    thread_id = await ask(sessions, settings)

    report = await sweep.run(sessions, now=NOW + timedelta(minutes=1), settings=settings)

    assert report.offered == 0
    assert (await get_thread(sessions, thread_id)).state == ThreadState.WAITING
    assert await offers(sessions, thread_id) == {}


# --- expiries ----------------------------------------------------------------------------------


async def test_a_claimed_thread_silent_past_its_ttl_expires_and_both_sides_are_told(
    sessions: SessionFactory, settings: Settings
) -> None:
    """A conversation silent for ``thread_ttl`` after the claim expires; asker and specialist
    are each told."""
    await add_users(sessions, settings, gp(), nephro(NEPHRO_A))
    thread_id = await ask(sessions, settings)
    await take(sessions, settings, thread_id, NEPHRO_A, now=NOW)
    later = NOW + settings.thread_ttl

    report = await sweep.run(sessions, now=later, settings=settings)

    thread = await get_thread(sessions, thread_id)
    assert report.expired == 1
    assert (thread.state, thread.closed_by, thread.ended_at) == (
        ThreadState.EXPIRED,
        "expiry",
        later,
    )
    notice = fr("sweep.expired_claimed", code="K7Q2")
    assert notice in await texts_to(sessions, GP)
    assert notice in await texts_to(sessions, NEPHRO_A)


async def test_activity_postpones_the_expiry_of_a_claimed_thread(
    sessions: SessionFactory, settings: Settings
) -> None:
    """A message relayed an hour after the claim moves the expiry: at claim + ttl the thread is
    still claimed."""
    await add_users(sessions, settings, gp(), nephro(NEPHRO_A))
    thread_id = await ask(sessions, settings)
    await take(sessions, settings, thread_id, NEPHRO_A, now=NOW)
    async with sessions() as session:
        sender = await session.get(User, GP)
        thread = await session.get(Thread, thread_id)
        assert sender is not None and thread is not None
        await relay.relay_to(
            session,
            sender=sender,
            thread=thread,
            text="TA 150/85",
            photo_message_id=None,
            now=NOW + timedelta(hours=1),
            settings=settings,
        )
        await session.commit()

    report = await sweep.run(sessions, now=NOW + settings.thread_ttl, settings=settings)

    assert report.expired == 0
    assert (await get_thread(sessions, thread_id)).state == ThreadState.CLAIMED


async def test_a_waiting_question_past_its_wait_ttl_expires_and_the_asker_is_told(
    sessions: SessionFactory, settings: Settings
) -> None:
    """A question nobody was on call for expires after ``wait_ttl``; the asker is told."""
    await add_users(sessions, settings, gp())
    thread_id = await ask(sessions, settings)
    assert (await get_thread(sessions, thread_id)).state == ThreadState.WAITING

    report = await sweep.run(sessions, now=NOW + settings.wait_ttl, settings=settings)

    assert report.expired == 1
    assert (await get_thread(sessions, thread_id)).state == ThreadState.EXPIRED
    assert fr("sweep.expired_waiting", code="K7Q2") in await texts_to(sessions, GP)


# --- retention ---------------------------------------------------------------------------------


async def _closed_conversation(sessions: SessionFactory, settings: Settings) -> int:
    """A nephrology conversation: taken, two messages, closed by the asker, survey answered."""
    await add_users(sessions, settings, gp(), nephro(NEPHRO_A))
    thread_id = await ask(sessions, settings)
    await take(sessions, settings, thread_id, NEPHRO_A, now=NOW + timedelta(minutes=2))
    for sender_id, text in ((NEPHRO_A, "Quelle natrémie ?"), (GP, "Na 136, TA 150/85")):
        async with sessions() as session:
            sender = await session.get(User, sender_id)
            thread = await session.get(Thread, thread_id)
            assert sender is not None and thread is not None
            await relay.relay_to(
                session,
                sender=sender,
                thread=thread,
                text=text,
                photo_message_id=None,
                now=NOW + timedelta(minutes=5),
                settings=settings,
            )
            await session.commit()
    async with sessions() as session:
        asker = await session.get(User, GP)
        thread = await session.get(Thread, thread_id)
        assert asker is not None and thread is not None
        assert await closing.close_thread(
            session, user=asker, thread=thread, now=NOW + timedelta(hours=1), settings=settings
        )
        await session.commit()
    for question, choice in ((1, "new_plan"), (2, "avoided")):
        async with sessions() as session:
            await closing.answer_survey(
                session,
                user_id=GP,
                thread_id=thread_id,
                question=question,
                choice=choice,
                message_id=None,
                update_id=None,  # type: ignore[arg-type]
                now=NOW + timedelta(hours=1),
            )
    return thread_id


async def test_content_is_purged_after_retention_and_the_figures_stay(
    sessions: SessionFactory, settings: Settings
) -> None:
    """Past retention the question and the messages' text are erased and ``purged_at`` set;
    specialty, timings, survey answers and message count are kept."""
    thread_id = await _closed_conversation(sessions, settings)
    before = await get_thread(sessions, thread_id)
    assert before.message_count == 2
    later = NOW + timedelta(hours=1) + settings.retention

    report = await sweep.run(sessions, now=later, settings=settings)

    after = await get_thread(sessions, thread_id)
    assert report.purged == 1
    assert (after.question, after.purged_at) == (None, later)
    kept = ("specialty", "state", "sent_at", "claimed_at", "ended_at", "outcome", "referral")
    assert {k: getattr(after, k) for k in (*kept, "message_count")} == {
        k: getattr(before, k) for k in (*kept, "message_count")
    }
    assert (after.outcome, after.referral) == ("new_plan", "avoided")
    async with sessions() as session:
        result = await session.exec(
            select(ThreadMessage.text).where(ThreadMessage.thread_id == thread_id)
        )
        assert result.all() == [None, None]


async def test_content_is_kept_until_retention(
    sessions: SessionFactory, settings: Settings
) -> None:
    """A minute before retention ends, the question and the messages are still there."""
    thread_id = await _closed_conversation(sessions, settings)
    almost = NOW + timedelta(hours=1) + settings.retention - timedelta(minutes=1)

    report = await sweep.run(sessions, now=almost, settings=settings)

    thread = await get_thread(sessions, thread_id)
    assert report.purged == 0
    assert (thread.question, thread.purged_at) == (QUESTION, None)


# --- idempotence and races ---------------------------------------------------------------------


async def test_the_sweep_run_twice_at_the_same_time_does_everything_once(
    sessions: SessionFactory, settings: Settings
) -> None:
    """With a claim timeout, a claimed expiry, ended on-call periods, a reminder and a purge all
    due, the first sweep does each once and a second one at the same instant does nothing and
    queues nothing."""
    purged = await _closed_conversation(sessions, settings)  # NEPHRO_A on call until NOW + 8 h
    at = NOW + timedelta(hours=1) + settings.retention + timedelta(days=3)
    # NEPHRO_C was on call 49 h to 41 h before `at` and took a question then: it expires at `at`.
    await add_users(sessions, settings, nephro(NEPHRO_C), now=at - timedelta(hours=49))
    claimed = await ask(sessions, settings, now=at - settings.thread_ttl, code="C1C1")
    await take(sessions, settings, claimed, NEPHRO_C, now=at - settings.thread_ttl)
    # NEPHRO_B's period ends five minutes after `at` (reminder due); its offer times out at `at`.
    await add_users(
        sessions,
        settings,
        nephro(NEPHRO_B),
        now=at - settings.oncall_default + timedelta(minutes=5),
    )
    offered = await ask(sessions, settings, now=at - settings.claim_timeout, code="T1T1")

    first = await sweep.run(sessions, now=at, settings=settings)
    queued = len(await outbox_rows(sessions))
    second = await sweep.run(sessions, now=at, settings=settings)

    assert first == sweep.SweepReport(timeouts=1, expired=1, oncall_ended=2, reminded=1, purged=1)
    assert second == sweep.SweepReport()
    assert len(await outbox_rows(sessions)) == queued
    assert (await get_thread(sessions, purged)).purged_at == at
    assert (await get_thread(sessions, claimed)).state == ThreadState.EXPIRED
    assert (await get_thread(sessions, offered)).state == ThreadState.WAITING


@pytest.mark.parametrize("take_first", [True, False], ids=["take-starts", "sweep-starts"])
async def test_a_take_racing_the_claim_timeout_sweep_never_both_act(
    sessions: SessionFactory, settings: Settings, take_first: bool
) -> None:
    """Take and the claim-timeout sweep at the deadline, concurrently on separate sessions:
    either the taker holds the thread and nobody else is offered it, or the offer is withdrawn,
    the thread goes to the next specialist and the Take is answered "no longer valid"."""
    await add_users(sessions, settings, gp(), nephro(NEPHRO_A), nephro(NEPHRO_B))
    thread_id = await ask(sessions, settings)
    taker = next(iter(await offers(sessions, thread_id)))
    other = NEPHRO_B if taker == NEPHRO_A else NEPHRO_A
    deadline = NOW + settings.claim_timeout

    async def tap() -> str | None:
        return await take(sessions, settings, thread_id, taker, now=deadline)

    async def job() -> sweep.SweepReport:
        return await sweep.run(sessions, now=deadline, settings=settings)

    if take_first:
        answer, report = await asyncio.gather(tap(), job())
    else:
        report, answer = await asyncio.gather(job(), tap())

    thread = await get_thread(sessions, thread_id)
    by_user = await offers(sessions, thread_id)
    if thread.state == ThreadState.CLAIMED:
        assert (thread.specialist_id, answer) == (taker, fr("common.done"))
        assert by_user[taker].state == OfferState.TAKEN
        assert other not in by_user
        assert report.timeouts == 0
    else:
        assert answer == fr("offer.no_longer")
        assert by_user[taker].state == OfferState.WITHDRAWN
        assert (thread.state, thread.specialist_id) == (ThreadState.OFFERED, None)
        assert by_user[other].state == OfferState.PENDING
        assert report.timeouts == 1


async def test_sweep_arriving_during_a_take_waits_and_does_nothing(
    sessions: SessionFactory,
    settings: Settings,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The worst interleaving on PostgreSQL: a Take has locked the thread and settled its offer
    when the claim-timeout sweep arrives. The sweep waits for the Take's transaction instead of
    deadlocking, then finds the thread claimed and does nothing; neither side errs."""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite serialises writers (BEGIN IMMEDIATE): this interleaving cannot occur")
    await add_users(sessions, settings, gp(), nephro(NEPHRO_A), nephro(NEPHRO_B))
    thread_id = await ask(sessions, settings)
    taker = next(iter(await offers(sessions, thread_id)))
    deadline = NOW + settings.claim_timeout
    offer_settled = asyncio.Event()
    real_settle, real_timeout = queries.settle_offer, queries.take_claim_timeout

    async def settle_then_linger(session: Any, *, offer_id: int, to_state: str, now: Any) -> bool:
        settled = await real_settle(session, offer_id=offer_id, to_state=to_state, now=now)
        if to_state == OfferState.TAKEN:
            offer_settled.set()
            await asyncio.sleep(0.3)  # the sweep now tries the thread row and must wait
        return settled

    async def wait_then_timeout(session: Any, *, thread_id: int, now: Any) -> bool:
        await asyncio.wait_for(offer_settled.wait(), timeout=5)
        return await real_timeout(session, thread_id=thread_id, now=now)

    monkeypatch.setattr(queries, "settle_offer", settle_then_linger)
    monkeypatch.setattr(queries, "take_claim_timeout", wait_then_timeout)

    results = await asyncio.gather(
        take(sessions, settings, thread_id, taker, now=deadline),
        sweep.run(sessions, now=deadline, settings=settings),
        return_exceptions=True,
    )

    assert [r for r in results if isinstance(r, BaseException)] == []
    thread = await get_thread(sessions, thread_id)
    states = {u: o.state for u, o in (await offers(sessions, thread_id)).items()}
    assert (thread.state == ThreadState.CLAIMED) == (states[taker] == OfferState.TAKEN)
    assert (thread.state, thread.specialist_id) == (ThreadState.CLAIMED, taker)
    report = results[1]
    assert isinstance(report, sweep.SweepReport)
    assert report.timeouts == 0
