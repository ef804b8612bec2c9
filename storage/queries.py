"""Query functions: a session, then keyword-only plain values; they flush, never commit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import delete, func, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import (
    ACTIVE_STATES,
    Offer,
    OfferState,
    ProcessedUpdate,
    RelayedMessage,
    Thread,
    ThreadState,
    User,
    UserSpecialty,
    UserStatus,
)


async def claim_update(session: AsyncSession, *, update_id: int | None, now: datetime) -> bool:
    """Record ``update_id`` as processed; False when it already was (a redelivery)."""
    if update_id is None:
        return True
    if await session.get(ProcessedUpdate, update_id) is not None:
        return False
    session.add(ProcessedUpdate(update_id=update_id, processed_at=now))
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError:
        return False
    return True


async def get_user(session: AsyncSession, user_id: int) -> User | None:
    """The user with this Telegram id."""
    return await session.get(User, user_id)


async def upsert_user(
    session: AsyncSession,
    *,
    user_id: int,
    first_name: str | None,
    last_name: str | None,
    username: str | None,
    language: str,
    now: datetime,
) -> tuple[User, bool]:
    """Create the user or refresh their Telegram profile; returns (user, created)."""
    user = await session.get(User, user_id)
    created = user is None
    if user is None:
        user = User(id=user_id, language=language, created_at=now, updated_at=now)
    user.first_name, user.last_name, user.username = first_name, last_name, username
    user.reachable = True
    user.updated_at = now
    session.add(user)
    await session.flush()
    return user, created


async def specialties_of(session: AsyncSession, *, user_id: int) -> list[str]:
    """A user's specialties, sorted."""
    result = await session.exec(
        select(UserSpecialty.specialty).where(UserSpecialty.user_id == user_id)
    )
    return sorted(result.all())


async def set_specialties(session: AsyncSession, *, user_id: int, slugs: Iterable[str]) -> None:
    """Replace a user's specialties."""
    await session.exec(delete(UserSpecialty).where(col(UserSpecialty.user_id) == user_id))
    for slug in sorted(set(slugs)):
        session.add(UserSpecialty(user_id=user_id, specialty=slug))
    await session.flush()


async def moderator_ids(session: AsyncSession, *, configured: Iterable[int]) -> list[int]:
    """Moderators from the settings and those promoted in the database."""
    result = await session.exec(select(User.id).where(col(User.is_moderator).is_(True)))
    return sorted(set(configured) | set(result.all()))


async def active_load(session: AsyncSession, *, user_id: int) -> int:
    """How many claimed threads a specialist is answering."""
    result = await session.exec(
        select(func.count()).where(
            Thread.specialist_id == user_id, Thread.state == ThreadState.CLAIMED
        )
    )
    return int(result.one())


async def offerable_specialists(
    session: AsyncSession,
    *,
    specialty: str,
    now: datetime,
    limit: int,
    exclude: Iterable[int],
    default_capacity: int,
) -> list[int]:
    """Verified, reachable, on-call specialists of ``specialty`` under capacity.

    Least loaded first, then least recently offered, then by id (stable).
    """
    load = (
        select(func.count())
        .where(Thread.specialist_id == User.id, Thread.state == ThreadState.CLAIMED)
        .correlate(User)
        .scalar_subquery()
    )
    excluded = list(exclude)
    query = (
        select(User.id)
        .join(UserSpecialty, col(UserSpecialty.user_id) == col(User.id))
        .where(
            UserSpecialty.specialty == specialty,
            User.status == UserStatus.VERIFIED,
            col(User.reachable).is_(True),
            col(User.on_call_until) > now,
            or_(col(User.paused_until).is_(None), col(User.paused_until) <= now),
            load < func.coalesce(User.capacity, default_capacity),
        )
        .order_by(load, col(User.last_offered_at).asc().nulls_first(), col(User.id))
        .limit(limit)
    )
    if excluded:
        query = query.where(col(User.id).not_in(excluded))
    result = await session.exec(query)
    return list(result.all())


async def offered_to(session: AsyncSession, *, thread_id: int) -> list[int]:
    """Everyone this thread was ever offered to."""
    result = await session.exec(select(Offer.specialist_id).where(Offer.thread_id == thread_id))
    return list(result.all())


async def pending_offers(session: AsyncSession, *, thread_id: int) -> Sequence[Offer]:
    """The offers of a thread still waiting for an answer."""
    result = await session.exec(
        select(Offer).where(Offer.thread_id == thread_id, Offer.state == OfferState.PENDING)
    )
    return result.all()


async def offer_for(session: AsyncSession, *, thread_id: int, user_id: int) -> Offer | None:
    """The offer of this thread to this specialist, if any."""
    result = await session.exec(
        select(Offer).where(Offer.thread_id == thread_id, Offer.specialist_id == user_id)
    )
    return result.first()


async def transition(
    session: AsyncSession,
    *,
    thread_id: int,
    from_states: Sequence[str],
    **values: object,
) -> bool:
    """Move a thread out of ``from_states`` with one conditional UPDATE; False if it lost."""
    result = await session.exec(
        update(Thread)
        .where(col(Thread.id) == thread_id, col(Thread.state).in_(list(from_states)))
        .values(**values)
    )
    return bool(result.rowcount == 1)


async def settle_offer(
    session: AsyncSession, *, offer_id: int, to_state: str, now: datetime
) -> bool:
    """Move a pending offer to ``to_state`` (conditional); False if it was no longer pending."""
    result = await session.exec(
        update(Offer)
        .where(col(Offer.id) == offer_id, col(Offer.state) == OfferState.PENDING)
        .values(state=to_state, answered_at=now)
    )
    return bool(result.rowcount == 1)


async def active_threads(session: AsyncSession, *, user_id: int) -> Sequence[Thread]:
    """Threads a user asked or answers that are not over, oldest first."""
    result = await session.exec(
        select(Thread)
        .where(
            or_(col(Thread.asker_id) == user_id, col(Thread.specialist_id) == user_id),
            col(Thread.state).in_(list(ACTIVE_STATES)),
        )
        .order_by(col(Thread.id))
    )
    return result.all()


async def claimed_threads(session: AsyncSession, *, user_id: int) -> Sequence[Thread]:
    """Conversations in progress for a user (either side), oldest first."""
    result = await session.exec(
        select(Thread)
        .where(
            or_(col(Thread.asker_id) == user_id, col(Thread.specialist_id) == user_id),
            Thread.state == ThreadState.CLAIMED,
        )
        .order_by(col(Thread.id))
    )
    return result.all()


async def thread_by_reply(
    session: AsyncSession, *, chat_id: int, message_id: int
) -> Thread | None:
    """The thread a bot message in this chat belongs to (reply mapping)."""
    mapping = await session.get(RelayedMessage, (chat_id, message_id))
    if mapping is None:
        return None
    return await session.get(Thread, mapping.thread_id)


async def code_taken(session: AsyncSession, *, code: str) -> bool:
    """Tell whether a thread code is in use."""
    result = await session.exec(select(Thread.id).where(Thread.code == code))
    return result.first() is not None


async def waiting_threads(
    session: AsyncSession, *, specialties: Sequence[str], exclude_asker: int, limit: int
) -> Sequence[Thread]:
    """Waiting threads of these specialties, oldest first, not asked by ``exclude_asker``."""
    if not specialties:
        return []
    result = await session.exec(
        select(Thread)
        .where(
            Thread.state == ThreadState.WAITING,
            col(Thread.specialty).in_(list(specialties)),
            Thread.asker_id != exclude_asker,
        )
        .order_by(col(Thread.sent_at), col(Thread.id))
        .limit(limit)
    )
    return result.all()


async def mark_offered(session: AsyncSession, *, user_ids: Sequence[int], now: datetime) -> None:
    """Remember when these specialists were last offered a thread (fairness)."""
    if user_ids:
        await session.exec(
            update(User).where(col(User.id).in_(list(user_ids))).values(last_offered_at=now)
        )


async def rpps_holder(session: AsyncSession, *, rpps: str) -> int | None:
    """The user registered with this RPPS number, if any."""
    result = await session.exec(select(User.id).where(User.rpps == rpps))
    return result.first()
