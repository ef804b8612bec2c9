"""A redelivered update (same update_id) does nothing the second time."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.context import utc_clock
from bot.services import asking, messages, routing
from bot.services.common import Person
from bot.settings import Settings
from storage.db import SessionFactory, create_engine, create_session_factory
from storage.migrate import upgrade
from storage.models import Offer, Outbox, Thread, ThreadMessage, ThreadState
from tests.conftest import make_settings, seed
from tests.services.support import offered_thread, update_ids, user

ASKER = 301
SPECIALIST = 401


@pytest.fixture
def settings(database_url: str) -> Settings:
    """Default settings on SQLite and PostgreSQL."""
    return make_settings(database_url)


@pytest.fixture
async def sessions(settings: Settings) -> AsyncIterator[SessionFactory]:
    """A migrated database with an asker and an on-call nephrologist."""
    engine = create_engine(settings.database_url)
    await upgrade(engine)
    await seed(
        settings,
        {"id": ASKER, "verified": True},
        {"id": SPECIALIST, "verified": True, "specialties": ["nephrology"], "on_call": True},
    )
    try:
        yield create_session_factory(engine)
    finally:
        await engine.dispose()


async def count(session: AsyncSession, model: type) -> int:
    """Rows of a table."""
    return int((await session.exec(select(func.count()).select_from(model))).one())


async def snapshot(sessions: SessionFactory) -> tuple[int, int, int, int]:
    """Threads, offers, outbox rows and transcript messages."""
    async with sessions() as session:
        return (
            await count(session, Thread),
            await count(session, Offer),
            await count(session, Outbox),
            await count(session, ThreadMessage),
        )


async def test_new_question_twice_makes_one_draft(
    sessions: SessionFactory, settings: Settings
) -> None:
    """The same message delivered twice makes one draft and one preview."""
    for _ in range(2):
        async with sessions() as session:
            outcome = await asking.new_question(
                session,
                user=await user(session, ASKER),
                text="IRC, DFG 20. Avis néphro ?",
                photo=None,
                update_id=7,
                now=utc_clock(),
            )
    assert outcome.duplicate
    assert await snapshot(sessions) == (1, 0, 1, 0)


async def test_send_twice_offers_once(sessions: SessionFactory, settings: Settings) -> None:
    """Send delivered twice with the same update id: one set of offers, no second notice."""
    ids = update_ids(10)
    thread_id = await offered_thread(sessions, settings, asker=ASKER, ids=ids)
    before = await snapshot(sessions)
    async with sessions() as session:
        outcome = await asking.send(
            session,
            user_id=ASKER,
            thread_id=thread_id,
            specialty="nephrology",
            message_id=None,
            update_id=11,
            now=utc_clock(),
            settings=settings,
        )
    assert outcome.duplicate
    assert await snapshot(sessions) == before


async def test_take_twice_claims_once(sessions: SessionFactory, settings: Settings) -> None:
    """A redelivered Take is a no-op: same state, no new outbox rows."""
    ids = update_ids(20)
    thread_id = await offered_thread(sessions, settings, asker=ASKER, ids=ids)
    results = []
    for _ in range(2):
        async with sessions() as session:
            results.append(
                await routing.take(
                    session,
                    user_id=SPECIALIST,
                    thread_id=thread_id,
                    update_id=99,
                    now=utc_clock(),
                    settings=settings,
                )
            )
        if len(results) == 1:
            after_first = await snapshot(sessions)
    assert not results[0].duplicate
    assert results[1].duplicate
    assert await snapshot(sessions) == after_first
    async with sessions() as session:
        thread = await session.get(Thread, thread_id)
    assert thread is not None
    assert (thread.state, thread.specialist_id) == (ThreadState.CLAIMED, SPECIALIST)


async def test_a_relayed_message_twice_is_relayed_once(
    sessions: SessionFactory, settings: Settings
) -> None:
    """The same conversation message delivered twice: one transcript entry, one outbox row."""
    ids = update_ids(30)
    thread_id = await offered_thread(sessions, settings, asker=ASKER, ids=ids)
    async with sessions() as session:
        await routing.take(
            session,
            user_id=SPECIALIST,
            thread_id=thread_id,
            update_id=next(ids),
            now=utc_clock(),
            settings=settings,
        )
    before = await snapshot(sessions)
    for _ in range(2):
        async with sessions() as session:
            await messages.incoming(
                session,
                person=Person(id=ASKER),
                text="TA 150/85.",
                photo_message_id=None,
                reply_to=None,
                update_id=555,
                now=utc_clock(),
                settings=settings,
            )
    threads, offers, outbox, transcript = await snapshot(sessions)
    assert (threads, offers) == before[:2]
    assert outbox == before[2] + 1
    assert transcript == before[3] + 1
