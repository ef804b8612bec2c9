"""Query functions: a session, then keyword-only plain values; they flush, never commit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import (
    ACTIVE_STATES,
    ENDED_STATES,
    Flag,
    HeldMessage,
    Offer,
    OfferState,
    OnCallWindow,
    Outbox,
    ProcessedUpdate,
    RelayedMessage,
    Thread,
    ThreadMessage,
    ThreadState,
    User,
    UserSpecialty,
    UserStatus,
)


async def claim_update(session: AsyncSession, *, update_id: int | None, now: datetime) -> bool:
    """Record ``update_id`` as processed; False when it already was (a redelivery)."""
    if update_id is None:
        return True
    # One statement; a concurrent insert of the same id waits, then inserts nothing.
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    result = await session.exec(
        insert(ProcessedUpdate)
        .values(update_id=update_id, processed_at=now)
        .on_conflict_do_nothing(index_elements=["update_id"])
    )
    return bool(result.rowcount == 1)


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


async def specialist_candidates(
    session: AsyncSession,
    *,
    specialty: str,
    exclude: Iterable[int],
    default_capacity: int,
) -> list[User]:
    """Verified, reachable specialists of ``specialty`` under capacity, fairest first.

    Least loaded first, then least recently offered, then by id. Whether each is on call now
    (explicit period, weekly window, pause) is decided by the caller from their windows.
    """
    load = (
        select(func.count())
        .where(Thread.specialist_id == User.id, Thread.state == ThreadState.CLAIMED)
        .correlate(User)
        .scalar_subquery()
    )
    excluded = list(exclude)
    query = (
        select(User)
        .join(UserSpecialty, col(UserSpecialty.user_id) == col(User.id))
        .where(
            UserSpecialty.specialty == specialty,
            User.status == UserStatus.VERIFIED,
            col(User.reachable).is_(True),
            load < func.coalesce(User.capacity, default_capacity),
        )
        .order_by(load, col(User.last_offered_at).asc().nulls_first(), col(User.id))
    )
    if excluded:
        query = query.where(col(User.id).not_in(excluded))
    result = await session.exec(query)
    return list(result.all())


async def windows_of(
    session: AsyncSession, *, user_ids: Sequence[int]
) -> dict[int, list[OnCallWindow]]:
    """The weekly windows of these users."""
    found: dict[int, list[OnCallWindow]] = {uid: [] for uid in user_ids}
    if not user_ids:
        return found
    result = await session.exec(
        select(OnCallWindow)
        .where(col(OnCallWindow.user_id).in_(list(user_ids)))
        .order_by(col(OnCallWindow.weekday), col(OnCallWindow.start_minute))
    )
    for window in result.all():
        found[window.user_id].append(window)
    return found


async def set_windows(
    session: AsyncSession, *, user_id: int, windows: Iterable[tuple[int, int, int]]
) -> None:
    """Replace a user's weekly windows with (weekday, start minute, end minute) triples."""
    await session.exec(delete(OnCallWindow).where(col(OnCallWindow.user_id) == user_id))
    for weekday, start, end in windows:
        session.add(
            OnCallWindow(user_id=user_id, weekday=weekday, start_minute=start, end_minute=end)
        )
    await session.flush()


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


async def lock_thread(session: AsyncSession, *, thread_id: int) -> None:
    """Lock a thread's row until the transaction ends (PostgreSQL; SQLite locks the database)."""
    await session.exec(select(Thread.id).where(Thread.id == thread_id).with_for_update())


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


async def mark_offer(session: AsyncSession, *, offer_id: int, state: str) -> None:
    """Set an offer's state unconditionally (the caller holds it)."""
    await session.exec(update(Offer).where(col(Offer.id) == offer_id).values(state=state))


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
    """Remember when these specialists were last offered a thread (fairness).

    Each gets ``now`` plus its rank in microseconds, so a batch keeps its order and the next
    rotation does not favour low ids among specialists offered at the same instant.
    """
    for rank, user_id in enumerate(user_ids):
        await session.exec(
            update(User)
            .where(col(User.id) == user_id)
            .values(last_offered_at=now + timedelta(microseconds=rank))
        )


async def rpps_holder(session: AsyncSession, *, rpps: str) -> int | None:
    """The user registered with this RPPS number, if any."""
    result = await session.exec(select(User.id).where(User.rpps == rpps))
    return result.first()


async def due_claim_timeouts(session: AsyncSession, *, now: datetime) -> list[int]:
    """Offered threads whose claim deadline has passed."""
    result = await session.exec(
        select(Thread.id)
        .where(Thread.state == ThreadState.OFFERED, col(Thread.claim_deadline) <= now)
        .order_by(col(Thread.id))
    )
    return [i for i in result.all() if i is not None]


async def take_claim_timeout(session: AsyncSession, *, thread_id: int, now: datetime) -> bool:
    """Claim the timeout of one thread (conditional: a Take or another sweep may have won)."""
    result = await session.exec(
        update(Thread)
        .where(
            col(Thread.id) == thread_id,
            col(Thread.state) == ThreadState.OFFERED,
            col(Thread.claim_deadline) <= now,
        )
        .values(claim_deadline=None)
    )
    return bool(result.rowcount == 1)


async def due_expiries(session: AsyncSession, *, now: datetime) -> list[int]:
    """Active threads past their expiry (silent conversations, questions nobody took)."""
    result = await session.exec(
        select(Thread.id)
        .where(col(Thread.state).in_(list(ACTIVE_STATES)), col(Thread.expires_at) <= now)
        .order_by(col(Thread.id))
    )
    return [i for i in result.all() if i is not None]


async def waiting_thread_ids(session: AsyncSession) -> list[int]:
    """Every waiting thread, oldest first."""
    result = await session.exec(
        select(Thread.id)
        .where(Thread.state == ThreadState.WAITING)
        .order_by(col(Thread.sent_at), col(Thread.id))
    )
    return [i for i in result.all() if i is not None]


async def oncall_ended(session: AsyncSession, *, now: datetime) -> list[int]:
    """Users whose explicit on-call period is over."""
    result = await session.exec(select(User.id).where(col(User.on_call_until) <= now))
    return list(result.all())


async def end_oncall(session: AsyncSession, *, user_id: int, now: datetime) -> bool:
    """Close an on-call period that ended (conditional)."""
    result = await session.exec(
        update(User)
        .where(col(User.id) == user_id, col(User.on_call_until) <= now)
        .values(on_call_until=None, oncall_reminded_at=None)
    )
    return bool(result.rowcount == 1)


async def oncall_ending_soon(
    session: AsyncSession, *, now: datetime, within: timedelta
) -> list[int]:
    """Users whose on-call period ends within ``within`` and who were not reminded yet."""
    result = await session.exec(
        select(User.id).where(
            col(User.on_call_until) > now,
            col(User.on_call_until) <= now + within,
            col(User.oncall_reminded_at).is_(None),
        )
    )
    return list(result.all())


async def mark_reminded(session: AsyncSession, *, user_id: int, now: datetime) -> bool:
    """Record the end-of-on-call reminder (conditional, so it is sent once)."""
    result = await session.exec(
        update(User)
        .where(col(User.id) == user_id, col(User.oncall_reminded_at).is_(None))
        .values(oncall_reminded_at=now)
    )
    return bool(result.rowcount == 1)


async def purgeable(session: AsyncSession, *, now: datetime) -> list[int]:
    """Ended threads whose content is past retention and not yet purged."""
    result = await session.exec(
        select(Thread.id).where(
            col(Thread.state).in_(list(ENDED_STATES)),
            col(Thread.purge_after) <= now,
            col(Thread.purged_at).is_(None),
        )
    )
    return [i for i in result.all() if i is not None]


async def purge_content(session: AsyncSession, *, thread_id: int, now: datetime) -> bool:
    """Erase a thread's message content; counts, timings, specialty and survey stay."""
    result = await session.exec(
        update(Thread)
        .where(col(Thread.id) == thread_id, col(Thread.purged_at).is_(None))
        .values(question=None, photo_chat_id=None, photo_message_id=None, purged_at=now)
    )
    if result.rowcount != 1:
        return False
    await session.exec(
        update(ThreadMessage).where(col(ThreadMessage.thread_id) == thread_id).values(text=None)
    )
    await session.exec(update(Flag).where(col(Flag.thread_id) == thread_id).values(reason=None))
    await session.exec(update(Outbox).where(col(Outbox.thread_id) == thread_id).values(payload={}))
    return True


async def drop_stale_drafts(session: AsyncSession, *, before: datetime) -> int:
    """Delete drafts never sent and messages never assigned, created before ``before``."""
    drafts = await session.exec(
        delete(Thread).where(
            col(Thread.state) == ThreadState.DRAFT, col(Thread.created_at) < before
        )
    )
    await session.exec(delete(HeldMessage).where(col(HeldMessage.created_at) < before))
    return int(drafts.rowcount or 0)
