"""Offering a thread to on-call specialists, and their Take / Pass."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.availability import Window, is_available
from bot.services.common import (
    DUPLICATE,
    OK,
    Outcome,
    blocked_reason,
    esc,
    lang_of,
    participant_name,
    refuse,
    say,
    specialty_name,
)
from bot.settings import Settings
from bot.texts import t
from storage import outbox, queries
from storage.models import Offer, OfferState, Thread, ThreadState, User


def offer_text(thread: Thread, lang: str) -> str:
    """The offer as a specialist sees it: code, specialty, de-identified question."""
    return t(
        lang,
        "offer.text",
        code=thread.code,
        specialty=specialty_name(lang, thread.specialty),
        text=esc(thread.question or ""),
    )


def offer_buttons(thread: Thread, lang: str) -> outbox.Buttons:
    """Take / Pass."""
    return [
        [
            (t(lang, "offer.take"), f"take:{thread.id}"),
            (t(lang, "offer.pass"), f"pass:{thread.id}"),
        ]
    ]


async def offer_to(
    session: AsyncSession, thread: Thread, specialists: list[User], *, now: datetime
) -> None:
    """Create the offers and queue their messages (photo first, when there is one)."""
    assert thread.id is not None
    for specialist in specialists:
        lang = lang_of(specialist)
        offer = Offer(
            thread_id=thread.id, specialist_id=specialist.id, round=thread.round, created_at=now
        )
        session.add(offer)
        await session.flush()
        if thread.photo_chat_id is not None and thread.photo_message_id is not None:
            outbox.copy(
                session,
                chat_id=specialist.id,
                from_chat_id=thread.photo_chat_id,
                message_id=thread.photo_message_id,
                caption=f"📷 #{thread.code}",
                now=now,
                thread_id=thread.id,
            )
        outbox.send(
            session,
            chat_id=specialist.id,
            text=offer_text(thread, lang),
            buttons=offer_buttons(thread, lang),
            protect=True,
            now=now,
            thread_id=thread.id,
            offer_id=offer.id,
        )
    await queries.mark_offered(session, user_ids=[s.id for s in specialists], now=now)


async def available_specialists(
    session: AsyncSession,
    *,
    specialty: str,
    now: datetime,
    limit: int,
    exclude: list[int],
    settings: Settings,
) -> list[User]:
    """Up to ``limit`` specialists on call now (period or weekly window, not paused), fairest
    first."""
    candidates = await queries.specialist_candidates(
        session, specialty=specialty, exclude=exclude, default_capacity=settings.default_capacity
    )
    windows = await queries.windows_of(session, user_ids=[u.id for u in candidates])
    chosen: list[User] = []
    for user in candidates:
        if is_available(
            now=now,
            on_call_until=user.on_call_until,
            paused_until=user.paused_until,
            windows=[Window(w.weekday, w.start_minute, w.end_minute) for w in windows[user.id]],
            zone=zone_of(user, settings),
        ):
            chosen.append(user)
            if len(chosen) == limit:
                break
    return chosen


def zone_of(user: User, settings: Settings) -> ZoneInfo:
    """The user's time zone."""
    return ZoneInfo(user.timezone or settings.default_timezone)


async def route(
    session: AsyncSession, thread: Thread, *, now: datetime, settings: Settings
) -> list[User]:
    """Offer ``thread`` to the next batch; move it to ``offered`` or ``waiting``.

    Returns the specialists it was offered to (empty: it waits).
    """
    assert thread.id is not None
    specialists = await available_specialists(
        session,
        specialty=thread.specialty,
        now=now,
        limit=settings.fanout,
        exclude=[thread.asker_id, *await queries.offered_to(session, thread_id=thread.id)],
        settings=settings,
    )
    target = ThreadState.OFFERED if specialists else ThreadState.WAITING
    moved = await queries.transition(
        session,
        thread_id=thread.id,
        from_states=[thread.state],
        state=target,
        round=thread.round + 1 if specialists else thread.round,
        claim_deadline=now + settings.claim_timeout if specialists else None,
    )
    if not moved:
        return []
    await session.refresh(thread)
    if specialists:
        await offer_to(session, thread, specialists, now=now)
    return specialists


async def take(
    session: AsyncSession,
    *,
    user_id: int,
    thread_id: int,
    update_id: int,
    now: datetime,
    settings: Settings,
) -> Outcome:
    """First Take wins (one conditional UPDATE); the others learn a colleague took it."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    # Thread row first, then its offers: the order every path uses (the sweep too), so two
    # transactions on PostgreSQL wait for each other instead of deadlocking.
    await queries.lock_thread(session, thread_id=thread_id)
    user = await queries.get_user(session, user_id)
    lang = lang_of(user)
    offer = await queries.offer_for(session, thread_id=thread_id, user_id=user_id)
    if user is None or offer is None:
        return await refuse(session, lang, "offer.not_for_you")
    reason = blocked_reason(user)
    if reason is not None:
        return await refuse(session, lang, reason)
    thread = await session.get(Thread, thread_id)
    if thread is None or offer.state != OfferState.PENDING:
        answer = "offer.already_taken" if offer.state == OfferState.LOST else "offer.no_longer"
        return await refuse(session, lang, answer)
    capacity = user.capacity or settings.default_capacity
    load = await queries.active_load(session, user_id=user_id)
    if load >= capacity:
        return await refuse(session, lang, "offer.at_capacity", count=load)
    # The offer first: a sweep that withdrew it (claim timeout) makes this Take lose.
    if not await queries.settle_offer(
        session, offer_id=offer.id or 0, to_state=OfferState.TAKEN, now=now
    ):
        return await refuse(session, lang, "offer.no_longer")
    won = await queries.transition(
        session,
        thread_id=thread_id,
        from_states=[ThreadState.OFFERED],
        state=ThreadState.CLAIMED,
        specialist_id=user_id,
        claimed_at=now,
        last_activity_at=now,
        claim_deadline=None,
        expires_at=now + settings.thread_ttl,
    )
    if not won:
        await queries.mark_offer(session, offer_id=offer.id or 0, state=OfferState.LOST)
        return await refuse(session, lang, "offer.already_taken")
    await session.refresh(thread)
    await _tell_others_lost(session, thread, winner=user_id, now=now)
    await _announce_claim(session, thread, user, now=now, settings=settings)
    return await refuse(session, lang, "common.done")


async def _tell_others_lost(
    session: AsyncSession, thread: Thread, *, winner: int, now: datetime
) -> None:
    """Edit the other pending offers to "taken by a colleague"."""
    assert thread.id is not None
    for other in await queries.pending_offers(session, thread_id=thread.id):
        if other.specialist_id == winner:
            continue
        if await queries.settle_offer(
            session, offer_id=other.id or 0, to_state=OfferState.LOST, now=now
        ):
            colleague = await queries.get_user(session, other.specialist_id)
            outbox.edit(
                session,
                chat_id=other.specialist_id,
                offer_id=other.id,
                text=t(lang_of(colleague), "offer.taken_by_colleague", code=thread.code),
                now=now,
            )


async def _announce_claim(
    session: AsyncSession, thread: Thread, specialist: User, *, now: datetime, settings: Settings
) -> None:
    """Tell the specialist they have it, and the asker who took it (by pseudonym)."""
    assert thread.id is not None
    offer = await queries.offer_for(session, thread_id=thread.id, user_id=specialist.id)
    outbox.edit(
        session, chat_id=specialist.id, offer_id=offer.id if offer else None, buttons=None, now=now
    )
    lang = lang_of(specialist)
    say(
        session,
        specialist,
        "offer.you_took",
        now=now,
        thread_id=thread.id,
        map_reply=True,
        buttons=[[(t(lang, "thread.close"), f"close:{thread.id}")]],
        code=thread.code,
        pseudonym=esc(participant_name(settings, thread, specialist.id, lang)),
    )
    asker = await queries.get_user(session, thread.asker_id)
    if asker is not None:
        asker_lang = lang_of(asker)
        say(
            session,
            asker,
            "thread.taken",
            now=now,
            thread_id=thread.id,
            map_reply=True,
            buttons=[[(t(asker_lang, "thread.close"), f"close:{thread.id}")]],
            code=thread.code,
            pseudonym=esc(participant_name(settings, thread, specialist.id, asker_lang)),
        )


async def pass_offer(
    session: AsyncSession,
    *,
    user_id: int,
    thread_id: int,
    update_id: int,
    now: datetime,
    settings: Settings,
) -> Outcome:
    """Decline an offer; when nobody offered is left, offer the next batch."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    await queries.lock_thread(session, thread_id=thread_id)
    user = await queries.get_user(session, user_id)
    lang = lang_of(user)
    offer = await queries.offer_for(session, thread_id=thread_id, user_id=user_id)
    thread = await session.get(Thread, thread_id)
    if user is None or offer is None or thread is None:
        return await refuse(session, lang, "offer.not_for_you")
    if not await queries.settle_offer(
        session, offer_id=offer.id or 0, to_state=OfferState.PASSED, now=now
    ):
        answer = "offer.already_taken" if offer.state == OfferState.LOST else "offer.no_longer"
        return await refuse(session, lang, answer)
    outbox.edit(
        session,
        chat_id=user_id,
        offer_id=offer.id,
        text=t(lang, "offer.you_passed", code=thread.code),
        now=now,
    )
    if thread.state == ThreadState.OFFERED and not await queries.pending_offers(
        session, thread_id=thread_id
    ):
        await next_round(session, thread, now=now, settings=settings)
    await session.commit()
    return OK


async def next_round(
    session: AsyncSession, thread: Thread, *, now: datetime, settings: Settings
) -> None:
    """Offer an ``offered`` thread to the next batch, or let it wait and tell the asker."""
    offered = await route(session, thread, now=now, settings=settings)
    if not offered:
        asker = await queries.get_user(session, thread.asker_id)
        if asker is not None:
            lang = lang_of(asker)
            say(
                session,
                asker,
                "ask.waiting",
                now=now,
                code=thread.code,
                specialty=specialty_name(lang, thread.specialty),
            )


async def offer_waiting_to(
    session: AsyncSession, specialist: User, *, now: datetime, settings: Settings
) -> int:
    """A specialist became available (on call, window, pause over, more capacity): offer them
    the waiting threads of their specialties.

    Nothing when they are not on call now. Oldest first, up to their free capacity. Returns
    how many were offered.
    """
    specialties = await queries.specialties_of(session, user_id=specialist.id)
    windows = (await queries.windows_of(session, user_ids=[specialist.id]))[specialist.id]
    if not is_available(
        now=now,
        on_call_until=specialist.on_call_until,
        paused_until=specialist.paused_until,
        windows=[Window(w.weekday, w.start_minute, w.end_minute) for w in windows],
        zone=zone_of(specialist, settings),
    ):
        return 0
    capacity = specialist.capacity or settings.default_capacity
    free = capacity - await queries.active_load(session, user_id=specialist.id)
    if free <= 0:
        return 0
    threads = await queries.waiting_threads(
        session, specialties=specialties, exclude_asker=specialist.id, limit=free
    )
    count = 0
    for thread in threads:
        assert thread.id is not None
        if specialist.id in await queries.offered_to(session, thread_id=thread.id):
            continue
        moved = await queries.transition(
            session,
            thread_id=thread.id,
            from_states=[ThreadState.WAITING],
            state=ThreadState.OFFERED,
            round=thread.round + 1,
            claim_deadline=now + settings.claim_timeout,
        )
        if moved:
            await session.refresh(thread)
            await offer_to(session, thread, [specialist], now=now)
            count += 1
    return count
