"""Storage on SQLite and PostgreSQL: migrations, timestamps, idempotent updates, transitions."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection

from storage import outbox, queries
from storage.db import SessionFactory, create_engine, create_session_factory
from storage.migrate import current_revision, head_revision, upgrade
from storage.models import Thread, ThreadState, User, metadata

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[SessionFactory]:
    """A migrated database of each backend."""
    engine = create_engine(database_url)
    await upgrade(engine)
    try:
        yield create_session_factory(engine)
    finally:
        await engine.dispose()


async def test_migrations_build_exactly_the_models(database_url: str) -> None:
    """After `upgrade head` the schema matches the models: nothing left to autogenerate."""
    engine = create_engine(database_url)
    try:
        await upgrade(engine)
        assert await current_revision(engine) == head_revision()

        def diff(connection: Connection) -> list[object]:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return list(compare_metadata(context, metadata))

        async with engine.connect() as connection:
            assert await connection.run_sync(diff) == []
    finally:
        await engine.dispose()


async def test_timestamps_come_back_aware_utc(db: SessionFactory) -> None:
    """A timestamp written in another zone is read back as the same instant in UTC."""
    paris = datetime(2026, 1, 1, 9, 30, tzinfo=UTC).astimezone(
        __import__("zoneinfo").ZoneInfo("Europe/Paris")
    )
    async with db() as session:
        session.add(User(id=2**40, created_at=paris, updated_at=paris))
        await session.commit()
    async with db() as session:
        user = await session.get(User, 2**40)
        assert user is not None
        assert user.created_at == paris
        assert user.created_at.tzinfo is not None


async def test_telegram_ids_beyond_32_bits(db: SessionFactory) -> None:
    """Telegram ids above 2**31 are stored intact."""
    async with db() as session:
        session.add(User(id=7_000_000_001))
        await session.commit()
    async with db() as session:
        assert await session.get(User, 7_000_000_001) is not None


async def test_an_update_is_processed_once(db: SessionFactory) -> None:
    """The second claim of the same update id fails, even from another session."""
    async with db() as session:
        assert await queries.claim_update(session, update_id=99, now=NOW)
        await session.commit()
    async with db() as session:
        assert not await queries.claim_update(session, update_id=99, now=NOW)


async def _thread(db: SessionFactory, state: str) -> int:
    async with db() as session:
        session.add(User(id=1))
        await session.flush()
        thread = Thread(code="ABCD", asker_id=1, specialty="nephrology", state=state)
        session.add(thread)
        await session.commit()
        assert thread.id is not None
        return thread.id


async def test_transition_wins_only_from_the_expected_state(db: SessionFactory) -> None:
    """A conditional transition succeeds once; the second finds the state changed."""
    thread_id = await _thread(db, ThreadState.OFFERED)
    async with db() as session:
        first = await queries.transition(
            session,
            thread_id=thread_id,
            from_states=[ThreadState.OFFERED],
            state=ThreadState.CLAIMED,
        )
        second = await queries.transition(
            session,
            thread_id=thread_id,
            from_states=[ThreadState.OFFERED],
            state=ThreadState.CLAIMED,
        )
        await session.commit()
    assert (first, second) == (True, False)


async def test_outbox_rows_come_due_in_order(db: SessionFactory) -> None:
    """Pending rows are returned oldest first, and not before their attempt time."""
    async with db() as session:
        outbox.send(session, chat_id=5, text="first", now=NOW)
        outbox.send(session, chat_id=5, text="second", now=NOW)
        outbox.send(session, chat_id=5, text="later", now=NOW + timedelta(hours=1))
        await session.commit()
    async with db() as session:
        rows = await outbox.due(session, now=NOW, limit=10)
        assert [r.payload["text"] for r in rows] == ["first", "second"]
        assert await outbox.next_due_at(session) == NOW


async def test_sent_row_records_reply_mapping(db: SessionFactory) -> None:
    """Marking a relayed row sent maps (chat, message) to its thread."""
    thread_id = await _thread(db, ThreadState.CLAIMED)
    async with db() as session:
        row = outbox.send(
            session, chat_id=1, text="x", now=NOW, thread_id=thread_id, map_reply=True
        )
        await session.commit()
        await outbox.mark_sent(session, row, message_id=77, now=NOW)
        await session.commit()
    async with db() as session:
        found = await queries.thread_by_reply(session, chat_id=1, message_id=77)
        assert found is not None and found.id == thread_id
        assert await queries.thread_by_reply(session, chat_id=2, message_id=77) is None
