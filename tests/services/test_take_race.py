"""Two specialists tap Take at the same instant: exactly one wins (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlmodel import select

from bot.context import utc_clock
from bot.services import routing
from bot.settings import Settings
from bot.texts import t
from storage.db import SessionFactory, create_engine, create_session_factory
from storage.migrate import upgrade
from storage.models import Offer, OfferState, Thread, ThreadState
from tests.conftest import make_settings, seed
from tests.services.support import offered_thread, update_ids

ASKER = 101
SPECIALISTS = (201, 202)
ROUNDS = 20


@pytest.fixture
def settings(database_url: str) -> Settings:
    """Each question is offered to both specialists."""
    return make_settings(database_url, fanout=2)


@pytest.fixture
async def sessions(settings: Settings) -> AsyncIterator[SessionFactory]:
    """One engine on the migrated database, with the asker and two roomy specialists."""
    engine = create_engine(settings.database_url)
    await upgrade(engine)
    await seed(
        settings,
        {"id": ASKER, "verified": True},
        *(
            {
                "id": s,
                "verified": True,
                "specialties": ["nephrology"],
                "on_call": True,
                "capacity": ROUNDS + 1,
            }
            for s in SPECIALISTS
        ),
    )
    try:
        yield create_session_factory(engine)
    finally:
        await engine.dispose()


async def take(
    sessions: SessionFactory, settings: Settings, *, user_id: int, thread_id: int, update_id: int
) -> str | None:
    """One Take in its own session; return the answer shown to the specialist."""
    async with sessions() as session:
        outcome = await routing.take(
            session,
            user_id=user_id,
            thread_id=thread_id,
            update_id=update_id,
            now=utc_clock(),
            settings=settings,
        )
    return outcome.answer


async def offer_states(sessions: SessionFactory, thread_id: int) -> dict[int, str]:
    """Each offered specialist's offer state."""
    async with sessions() as session:
        offers = (await session.exec(select(Offer).where(Offer.thread_id == thread_id))).all()
    return {o.specialist_id: o.state for o in offers}


async def test_simultaneous_takes_have_exactly_one_winner(
    sessions: SessionFactory, settings: Settings
) -> None:
    """For 20 threads offered to two specialists who take at once: one "done", one "too late",
    and the thread belongs to the winner."""
    ids = update_ids(1000)
    done = t("fr", "common.done")
    too_late = t("fr", "offer.already_taken")
    winners: list[int] = []
    for _ in range(ROUNDS):
        thread_id = await offered_thread(sessions, settings, asker=ASKER, ids=ids)
        assert set(await offer_states(sessions, thread_id)) == set(SPECIALISTS)
        answers = await asyncio.gather(
            *(
                take(sessions, settings, user_id=s, thread_id=thread_id, update_id=next(ids))
                for s in SPECIALISTS
            )
        )
        assert sorted(answers, key=str) == sorted([done, too_late], key=str), answers
        winner = SPECIALISTS[answers.index(done)]
        async with sessions() as session:
            thread = await session.get(Thread, thread_id)
            assert thread is not None
            assert (thread.state, thread.specialist_id) == (ThreadState.CLAIMED, winner)
        states = await offer_states(sessions, thread_id)
        assert states[winner] == OfferState.TAKEN
        assert list(states.values()).count(OfferState.TAKEN) == 1
        winners.append(winner)
    assert len(winners) == ROUNDS
