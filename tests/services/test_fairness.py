"""Fairness simulation: 50 specialists, 1,000 questions.

Offers must spread evenly among specialists who are equally available, and never reach a
specialist who is off call or at capacity.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta

from sqlmodel import col, select

from bot.services import routing
from bot.settings import Settings
from storage import queries
from storage.db import SessionFactory
from storage.models import Offer, Thread, ThreadState, User, UserSpecialty, UserStatus

START = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
AVAILABLE = range(100, 150)  # 50 specialists on call
OFF_CALL = range(200, 205)
AT_CAPACITY = range(300, 305)
ASKER = 1
QUESTIONS = 1000


async def _population(sessions: SessionFactory) -> None:
    async with sessions() as session:
        session.add(User(id=ASKER, status=UserStatus.VERIFIED))
        for uid in [*AVAILABLE, *OFF_CALL, *AT_CAPACITY]:
            session.add(
                User(
                    id=uid,
                    status=UserStatus.VERIFIED,
                    on_call_until=None if uid in OFF_CALL else START + timedelta(days=30),
                    capacity=1 if uid in AT_CAPACITY else None,
                )
            )
        await session.flush()
        for uid in [*AVAILABLE, *OFF_CALL, *AT_CAPACITY]:
            session.add(UserSpecialty(user_id=uid, specialty="nephrology"))
        for n, uid in enumerate(AT_CAPACITY):
            # Each of these already answers one conversation: at capacity (1).
            session.add(
                Thread(
                    code=f"C{n:03d}",
                    asker_id=ASKER,
                    specialty="nephrology",
                    state=ThreadState.CLAIMED,
                    specialist_id=uid,
                )
            )
        await session.commit()


async def test_offers_spread_evenly_and_respect_availability(
    sessions: SessionFactory, settings: Settings
) -> None:
    """1,000 questions to 50 equally available specialists: the most-offered gets at most 5 %
    more offers than the least-offered; nobody off call or at capacity is ever offered."""
    await _population(sessions)
    rng = random.Random(7)
    for n in range(QUESTIONS):
        now = START + timedelta(seconds=n)
        async with sessions() as session:
            thread = Thread(
                code=f"Q{n:04d}",
                asker_id=ASKER,
                specialty="nephrology",
                state=ThreadState.WAITING,
                sent_at=now,
            )
            session.add(thread)
            await session.flush()
            offered = await routing.route(session, thread, now=now, settings=settings)
            assert len(offered) == settings.fanout
            # One of them takes it and the conversation ends at once: loads stay equal.
            winner = rng.choice(offered)
            assert thread.id is not None
            await queries.transition(
                session,
                thread_id=thread.id,
                from_states=[ThreadState.OFFERED],
                state=ThreadState.CLOSED,
                specialist_id=winner.id,
            )
            await session.commit()

    async with sessions() as session:
        result = await session.exec(select(Offer.specialist_id))
        counts = Counter(result.all())
        mismatched = await session.exec(
            select(Offer.id).where(col(Offer.specialist_id).not_in(list(AVAILABLE)))
        )
    per_specialist = [counts[uid] for uid in AVAILABLE]
    ratio = max(per_specialist) / min(per_specialist)
    print(
        f"\noffers per specialist: min {min(per_specialist)}, max {max(per_specialist)}, "
        f"max/min ratio {ratio:.3f}"
    )
    assert sum(per_specialist) == QUESTIONS * settings.fanout
    assert mismatched.all() == []
    assert ratio <= 1.05
