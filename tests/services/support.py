"""Building blocks for service tests: users, a thread offered to specialists, update ids."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.context import utc_clock
from bot.services import asking
from bot.settings import Settings
from storage.db import SessionFactory
from storage.models import Thread, User

QUESTION = "Homme de 60 ans, IRC stade 4, DFG 18, kaliémie 6,1 sous IEC. Avis néphro ?"


def update_ids(start: int = 1) -> Iterator[int]:
    """Fresh update ids."""
    return itertools.count(start)


async def user(session: AsyncSession, user_id: int) -> User:
    """A user that must exist."""
    found = await session.get(User, user_id)
    assert found is not None
    return found


async def offered_thread(
    sessions: SessionFactory,
    settings: Settings,
    *,
    asker: int,
    ids: Iterator[int],
    now: datetime | None = None,
    text: str = QUESTION,
) -> int:
    """Ask ``text`` as ``asker`` and press Send through the services; return the thread id."""
    now = now or utc_clock()
    async with sessions() as session:
        await asking.new_question(
            session,
            user=await user(session, asker),
            text=text,
            photo=None,
            update_id=next(ids),
            now=now,
        )
    async with sessions() as session:
        query = select(Thread.id).where(Thread.asker_id == asker).order_by(col(Thread.id).desc())
        thread_id = (await session.exec(query)).first()
        assert thread_id is not None
        await asking.send(
            session,
            user_id=asker,
            thread_id=thread_id,
            specialty="nephrology",
            message_id=None,
            update_id=next(ids),
            now=now,
            settings=settings,
        )
    return thread_id
