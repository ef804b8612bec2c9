"""Ending a conversation, the close-out survey, and the list of one's conversations."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.common import (
    DUPLICATE,
    OK,
    Outcome,
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
from storage.models import OfferState, Thread, ThreadState, User

OUTCOMES: Final = ("confirmed", "new_plan", "not_useful")
REFERRALS: Final = ("avoided", "still_needed", "not_needed", "initiated")


async def close_command(
    session: AsyncSession, *, user: User, update_id: int, now: datetime, settings: Settings
) -> Outcome:
    """``/close``: close the only open thread, or ask which one."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    lang = lang_of(user)
    threads = [
        th
        for th in await queries.active_threads(session, user_id=user.id)
        if th.asker_id == user.id or th.state == ThreadState.CLAIMED
    ]
    if not threads:
        say(session, user, "thread.no_active", now=now)
    elif len(threads) == 1:
        await close_thread(session, user=user, thread=threads[0], now=now, settings=settings)
    else:
        buttons = [
            [
                (
                    t(
                        lang,
                        "thread.pick",
                        code=th.code,
                        specialty=specialty_name(lang, th.specialty),
                    ),
                    f"close:{th.id}",
                )
            ]
            for th in threads
        ]
        say(session, user, "thread.which", now=now, buttons=buttons)
    await session.commit()
    return OK


async def close(
    session: AsyncSession,
    *,
    user_id: int,
    thread_id: int,
    message_id: int | None,
    update_id: int,
    now: datetime,
    settings: Settings,
) -> Outcome:
    """The close button."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    user = await queries.get_user(session, user_id)
    thread = await session.get(Thread, thread_id)
    lang = lang_of(user)
    if user is None or thread is None or user_id not in (thread.asker_id, thread.specialist_id):
        return await refuse(session, lang, "thread.not_yours")
    closed = await close_thread(session, user=user, thread=thread, now=now, settings=settings)
    if closed and message_id is not None:
        outbox.edit(session, chat_id=user_id, message_id=message_id, buttons=None, now=now)
    await session.commit()
    return Outcome(answer=None if closed else t(lang, "thread.closed", code=thread.code))


async def close_thread(
    session: AsyncSession, *, user: User, thread: Thread, now: datetime, settings: Settings
) -> bool:
    """Close (conditionally); tell both sides; the asker gets the survey. False if already over."""
    assert thread.id is not None
    is_asker = user.id == thread.asker_id
    allowed = (
        [ThreadState.WAITING, ThreadState.OFFERED, ThreadState.CLAIMED]
        if is_asker
        else [ThreadState.CLAIMED]
    )
    was_claimed = thread.state == ThreadState.CLAIMED
    done = await queries.transition(
        session,
        thread_id=thread.id,
        from_states=allowed,
        state=ThreadState.CLOSED,
        ended_at=now,
        closed_by="asker" if is_asker else "specialist",
        claim_deadline=None,
        expires_at=None,
        purge_after=now + settings.retention,
    )
    if not done:
        say(session, user, "thread.closed", now=now, code=thread.code)
        return False
    for offer in await queries.pending_offers(session, thread_id=thread.id):
        if await queries.settle_offer(
            session, offer_id=offer.id or 0, to_state=OfferState.WITHDRAWN, now=now
        ):
            specialist = await queries.get_user(session, offer.specialist_id)
            outbox.edit(
                session,
                chat_id=offer.specialist_id,
                offer_id=offer.id,
                now=now,
                text=t(lang_of(specialist), "thread.withdrawn_by_asker", code=thread.code),
            )
    if not was_claimed:
        say(session, user, "thread.cancelled_waiting", now=now, code=thread.code)
        return True
    say(session, user, "thread.closed_by_you", now=now, code=thread.code)
    peer_id = thread.specialist_id if is_asker else thread.asker_id
    peer = await queries.get_user(session, peer_id) if peer_id is not None else None
    if peer is not None:
        say(
            session,
            peer,
            "thread.closed_by_other",
            now=now,
            code=thread.code,
            pseudonym=esc(participant_name(settings, thread, user.id, lang_of(peer))),
        )
    asker = user if is_asker else peer
    if asker is not None:
        lang = lang_of(asker)
        buttons = [[(t(lang, f"outcome.{o}"), f"sv1:{thread.id}:{o}")] for o in OUTCOMES]
        say(session, asker, "survey.outcome", now=now, buttons=buttons, code=thread.code)
    return True


async def answer_survey(
    session: AsyncSession,
    *,
    user_id: int,
    thread_id: int,
    question: int,
    choice: str,
    message_id: int | None,
    update_id: int,
    now: datetime,
) -> Outcome:
    """Store one survey answer (once) and ask the next question."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    user = await queries.get_user(session, user_id)
    thread = await session.get(Thread, thread_id)
    lang = lang_of(user)
    choices = OUTCOMES if question == 1 else REFERRALS
    if user is None or thread is None or thread.asker_id != user_id or choice not in choices:
        return await refuse(session, lang, "common.stale_button")
    column = "outcome" if question == 1 else "referral"
    if getattr(thread, column) is not None:
        return await refuse(session, lang, "survey.already")
    setattr(thread, column, choice)
    if question == 2:
        thread.survey_at = now
    session.add(thread)
    if message_id is not None:
        chosen = t(lang, f"{column}.{choice}")
        key = "survey.outcome" if question == 1 else "survey.referral"
        outbox.edit(
            session,
            chat_id=user_id,
            message_id=message_id,
            now=now,
            text=f"{t(lang, key, code=thread.code)}\n→ <b>{esc(chosen)}</b>",
        )
    if question == 1:
        buttons = [[(t(lang, f"referral.{r}"), f"sv2:{thread.id}:{r}")] for r in REFERRALS]
        say(session, user, "survey.referral", now=now, buttons=buttons)
    else:
        say(session, user, "survey.thanks", now=now)
    await session.commit()
    return OK


async def my_threads(
    session: AsyncSession, *, user: User, update_id: int, now: datetime
) -> Outcome:
    """``/mythreads``: one line per open thread."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    lang = lang_of(user)
    threads = await queries.active_threads(session, user_id=user.id)
    if not threads:
        say(session, user, "thread.mythreads_none", now=now)
    else:
        lines = [t(lang, "thread.mythreads_title")]
        for th in threads:
            role = "role_asker" if th.asker_id == user.id else "role_specialist"
            lines.append(
                t(
                    lang,
                    "thread.mythreads_item",
                    code=th.code,
                    specialty=specialty_name(lang, th.specialty),
                    state=t(lang, f"thread.state_{th.state}"),
                    role=t(lang, f"thread.{role}"),
                )
            )
        outbox.send(session, chat_id=user.id, text="\n".join(lines), now=now)
    await session.commit()
    return OK
