"""The scheduled sweep: moves every thread forward on time, whatever happened while the bot was
down. Each step is a conditional UPDATE, one short transaction per thread or user, so a tap and
the sweep, or two replicas, never both act."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services import routing
from bot.services.common import lang_of, local_time, say, specialty_name
from bot.settings import Settings
from bot.texts import t
from storage import outbox, queries
from storage.db import SessionFactory
from storage.models import OfferState, Thread, ThreadState

REMINDER_BEFORE: Final = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class SweepReport:
    """What one sweep did (counts only: it is logged)."""

    timeouts: int = 0
    escalated: int = 0
    offered: int = 0
    expired: int = 0
    oncall_ended: int = 0
    reminded: int = 0
    purged: int = 0
    drafts_dropped: int = 0


async def run(sessions: SessionFactory, *, now: datetime, settings: Settings) -> SweepReport:
    """Do everything that is due at ``now``."""
    timeouts, escalated = await _claim_timeouts(sessions, now=now, settings=settings)
    expired = await _expiries(sessions, now=now, settings=settings)
    ended, reminded = await _oncall_periods(sessions, now=now, settings=settings)
    offered = await _offer_waiting(sessions, now=now, settings=settings)
    purged, dropped = await _retention(sessions, now=now, settings=settings)
    return SweepReport(
        timeouts=timeouts,
        escalated=escalated,
        offered=offered,
        expired=expired,
        oncall_ended=ended,
        reminded=reminded,
        purged=purged,
        drafts_dropped=dropped,
    )


async def _withdraw_offers(session: AsyncSession, thread: Thread, *, now: datetime) -> None:
    """Withdraw the pending offers of ``thread`` and edit their messages."""
    assert thread.id is not None
    for offer in await queries.pending_offers(session, thread_id=thread.id):
        if await queries.settle_offer(
            session, offer_id=offer.id or 0, to_state=OfferState.WITHDRAWN, now=now
        ):
            specialist = await queries.get_user(session, offer.specialist_id)
            outbox.edit(
                session,
                chat_id=offer.specialist_id,
                offer_id=offer.id,
                text=t(lang_of(specialist), "offer.withdrawn", code=thread.code),
                now=now,
            )


async def _claim_timeouts(
    sessions: SessionFactory, *, now: datetime, settings: Settings
) -> tuple[int, int]:
    """Offers not taken in time: next batch, or after the last round, tell the moderators."""
    async with sessions() as session:
        due = await queries.due_claim_timeouts(session, now=now)
    timeouts = escalated = 0
    for thread_id in due:
        async with sessions() as session:
            if not await queries.take_claim_timeout(session, thread_id=thread_id, now=now):
                continue
            thread = await session.get(Thread, thread_id)
            assert thread is not None
            timeouts += 1
            await _withdraw_offers(session, thread, now=now)
            if thread.round < settings.max_rounds:
                await routing.next_round(session, thread, now=now, settings=settings)
            elif await queries.transition(
                session,
                thread_id=thread_id,
                from_states=[ThreadState.OFFERED],
                state=ThreadState.WAITING,
                escalated_at=now,
            ):
                escalated += 1
                await _escalate(session, thread, now=now, settings=settings)
            await session.commit()
    return timeouts, escalated


async def _escalate(
    session: AsyncSession, thread: Thread, *, now: datetime, settings: Settings
) -> None:
    """Tell the moderators nobody took the question, and keep the asker informed."""
    asker = await queries.get_user(session, thread.asker_id)
    if asker is not None:
        say(session, asker, "sweep.escalated_asker", now=now, code=thread.code)
    for moderator_id in await queries.moderator_ids(session, configured=settings.moderator_ids):
        moderator = await queries.get_user(session, moderator_id)
        if moderator is not None:
            lang = lang_of(moderator)
            say(
                session,
                moderator,
                "sweep.escalated_moderator",
                now=now,
                code=thread.code,
                specialty=specialty_name(lang, thread.specialty),
                rounds=thread.round,
            )


async def _expiries(sessions: SessionFactory, *, now: datetime, settings: Settings) -> int:
    """Silent conversations and questions nobody took expire; both sides are told."""
    async with sessions() as session:
        due = await queries.due_expiries(session, now=now)
    expired = 0
    for thread_id in due:
        async with sessions() as session:
            thread = await session.get(Thread, thread_id)
            if thread is None or thread.expires_at is None or thread.expires_at > now:
                continue
            was = thread.state
            if not await queries.transition(
                session,
                thread_id=thread_id,
                from_states=[was],
                state=ThreadState.EXPIRED,
                ended_at=now,
                closed_by="expiry",
                claim_deadline=None,
                purge_after=now + settings.retention,
            ):
                continue
            expired += 1
            if was == ThreadState.CLAIMED:
                await _tell_expired(session, thread, now=now)
            else:
                await _withdraw_offers(session, thread, now=now)
                asker = await queries.get_user(session, thread.asker_id)
                if asker is not None:
                    say(session, asker, "sweep.expired_waiting", now=now, code=thread.code)
            await session.commit()
    return expired


async def _tell_expired(session: AsyncSession, thread: Thread, *, now: datetime) -> None:
    """Both sides of an expired conversation are told, each in their language."""
    for user_id in (thread.asker_id, thread.specialist_id):
        user = await queries.get_user(session, user_id) if user_id is not None else None
        if user is not None:
            say(session, user, "sweep.expired_claimed", now=now, code=thread.code)


async def _oncall_periods(
    sessions: SessionFactory, *, now: datetime, settings: Settings
) -> tuple[int, int]:
    """Close ended on-call periods; remind shortly before one ends, with an Extend button."""
    async with sessions() as session:
        ended_ids = await queries.oncall_ended(session, now=now)
        before = min(REMINDER_BEFORE, settings.oncall_default / 4)
        remind_ids = await queries.oncall_ending_soon(session, now=now, within=before)
    ended = reminded = 0
    for user_id in ended_ids:
        async with sessions() as session:
            if await queries.end_oncall(session, user_id=user_id, now=now):
                user = await queries.get_user(session, user_id)
                if user is not None:
                    say(session, user, "oncall.ended", now=now)
                ended += 1
                await session.commit()
    for user_id in remind_ids:
        async with sessions() as session:
            user = await queries.get_user(session, user_id)
            if user is None or user.on_call_until is None:
                continue
            if await queries.mark_reminded(session, user_id=user_id, now=now):
                lang = lang_of(user)
                zone = routing.zone_of(user, settings)
                say(
                    session,
                    user,
                    "oncall.reminder",
                    now=now,
                    until=local_time(user.on_call_until, zone, now),
                    buttons=[
                        [
                            (t(lang, "oncall.extend"), "oc:extend"),
                            (t(lang, "oncall.stop"), "oc:stop"),
                        ]
                    ],
                )
                reminded += 1
                await session.commit()
    return ended, reminded


async def _offer_waiting(sessions: SessionFactory, *, now: datetime, settings: Settings) -> int:
    """Waiting questions go to whoever is available now (a window opened, capacity freed)."""
    async with sessions() as session:
        waiting = await queries.waiting_thread_ids(session)
    offered = 0
    for thread_id in waiting:
        async with sessions() as session:
            thread = await session.get(Thread, thread_id)
            if thread is None or thread.state != ThreadState.WAITING:
                continue
            if await routing.route(session, thread, now=now, settings=settings):
                offered += 1
            await session.commit()
    return offered


async def _retention(
    sessions: SessionFactory, *, now: datetime, settings: Settings
) -> tuple[int, int]:
    """Purge content past retention; drop drafts and held messages nobody used."""
    async with sessions() as session:
        due = await queries.purgeable(session, now=now)
    purged = 0
    for thread_id in due:
        async with sessions() as session:
            if await queries.purge_content(session, thread_id=thread_id, now=now):
                purged += 1
            await session.commit()
    async with sessions() as session:
        dropped = await queries.drop_stale_drafts(session, before=now - settings.wait_ttl)
        await session.commit()
    return purged, dropped
