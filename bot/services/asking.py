"""Asking: a question becomes a draft with a preview, then is sent, edited or dropped."""

from __future__ import annotations

import random
from datetime import datetime
from typing import Final

from sqlalchemy import delete
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.pseudonyms import new_thread_code
from bot.domain.specialties import SPECIALTIES, is_specialty
from bot.domain.triage import classify, for_asker
from bot.services import routing
from bot.services.common import (
    DUPLICATE,
    OK,
    Outcome,
    blocked_reason,
    esc,
    lang_of,
    redact,
    refuse,
    removed_summary,
    say,
    specialty_name,
)
from bot.settings import Settings
from bot.texts import t
from storage import outbox, queries
from storage.models import Thread, ThreadState, User

# Room left for the offer's header inside Telegram's 4096-character limit.
QUESTION_LIMIT: Final = 3500
AWAITING_QUESTION: Final = "question"
EDIT_PREFIX: Final = "edit:"
_rng = random.SystemRandom()


def preview_buttons(thread: Thread, lang: str, choices: tuple[str, ...]) -> outbox.Buttons:
    """Send to the suggested specialty (or to one of the top choices when unsure), other, edit,
    cancel."""
    rows: list[list[tuple[str, str]]] = [
        [
            (
                t(lang, "ask.send_to", specialty=specialty_name(lang, slug)),
                f"send:{thread.id}:{slug}",
            )
        ]
        for slug in choices
    ]
    rows.append(
        [
            (t(lang, "ask.other"), f"other:{thread.id}"),
            (t(lang, "ask.edit"), f"edit:{thread.id}"),
            (t(lang, "ask.cancel"), f"cancel:{thread.id}"),
        ]
    )
    return rows


def specialty_buttons(thread: Thread, lang: str) -> outbox.Buttons:
    """Every specialty, sorted by its name in ``lang``, two per row, then cancel."""
    names = sorted(SPECIALTIES, key=lambda slug: specialty_name(lang, slug).casefold())
    buttons = [(specialty_name(lang, slug), f"send:{thread.id}:{slug}") for slug in names]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append([(t(lang, "ask.cancel"), f"cancel:{thread.id}")])
    return rows


async def _new_code(session: AsyncSession) -> str:
    while True:
        code = new_thread_code(_rng)
        if not await queries.code_taken(session, code=code):
            return code


def _check_text(session: AsyncSession, user: User, text: str, *, now: datetime) -> bool:
    """Tell the user when the text is empty or too long; True when it is usable."""
    if not text.strip():
        say(session, user, "common.empty", now=now)
        return False
    if len(text) > QUESTION_LIMIT:
        say(session, user, "ask.too_long_preview", now=now, length=len(text), limit=QUESTION_LIMIT)
        return False
    return True


async def _queue_preview(
    session: AsyncSession, user: User, thread: Thread, text: str, *, now: datetime
) -> None:
    """De-identify, classify and show the preview of ``thread``. A specialist asking is rarely
    asking their own specialty: theirs come last, unless they requested it."""
    lang = lang_of(user)
    redaction = redact(text, lang)
    own = await queries.specialties_of(session, user_id=user.id)
    plain = classify(text)
    triage = for_asker(plain, own)
    thread.question = redaction.text
    thread.redactions = dict(redaction.counts)
    thread.specialty = triage.specialty
    summary = removed_summary(redaction, lang)
    removed = t(lang, "ask.removed", items=summary) if summary else t(lang, "ask.removed_none")
    if thread.photo_message_id is not None:
        removed = f"{removed}\n{t(lang, 'ask.photo_note')}"
    if triage.specialty != plain.specialty:
        own_name = specialty_name(lang, plain.specialty)
        removed = f"{removed}\n{t(lang, 'ask.own_last', specialty=own_name)}"
    choices = triage.top(3) if triage.unsure else (triage.specialty,)
    key = "ask.preview_unsure" if triage.unsure else "ask.preview"
    say(
        session,
        user,
        key,
        now=now,
        buttons=preview_buttons(thread, lang, choices),
        text=esc(redaction.text),
        removed=removed,
        specialty=specialty_name(lang, triage.specialty),
    )


async def new_question(
    session: AsyncSession,
    *,
    user: User,
    text: str,
    photo: tuple[int, int] | None,
    update_id: int,
    now: datetime,
) -> Outcome:
    """Turn a message into a draft and show its preview."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    reason = blocked_reason(user)
    if reason is not None:
        say(session, user, reason, now=now)
    elif photo is not None and not text.strip():
        say(session, user, "ask.photo_needs_caption", now=now)
    elif _check_text(session, user, text, now=now):
        thread = Thread(
            code=await _new_code(session),
            asker_id=user.id,
            specialty="general_practice",
            lang=lang_of(user),
            photo_chat_id=photo[0] if photo else None,
            photo_message_id=photo[1] if photo else None,
            created_at=now,
        )
        user.awaiting = None
        session.add_all([user, thread])
        await session.flush()  # the preview's buttons carry the thread id
        await _queue_preview(session, user, thread, text, now=now)
        session.add(thread)
    await session.commit()
    return OK


async def replace_text(
    session: AsyncSession,
    *,
    user: User,
    thread_id: int,
    text: str,
    update_id: int,
    now: datetime,
) -> Outcome:
    """A new text for a draft (after Edit): show a new preview."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    thread = await session.get(Thread, thread_id)
    user.awaiting = None
    session.add(user)
    if thread is None or thread.asker_id != user.id or thread.state != ThreadState.DRAFT:
        say(session, user, "ask.expired_draft", now=now)
    elif _check_text(session, user, text, now=now):
        await _queue_preview(session, user, thread, text, now=now)
        session.add(thread)
    await session.commit()
    return OK


async def _draft_of(session: AsyncSession, *, user_id: int, thread_id: int) -> Thread | None:
    thread = await session.get(Thread, thread_id)
    if thread is None or thread.asker_id != user_id:
        return None
    return thread


async def show_specialties(
    session: AsyncSession,
    *,
    user_id: int,
    thread_id: int,
    message_id: int,
    update_id: int,
    now: datetime,
) -> Outcome:
    """Swap the preview's buttons for the keyboard of every specialty."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    user = await queries.get_user(session, user_id)
    thread = await _draft_of(session, user_id=user_id, thread_id=thread_id)
    lang = lang_of(user)
    if thread is None or thread.state != ThreadState.DRAFT:
        return await refuse(session, lang, "ask.already_sent" if thread else "common.stale_button")
    outbox.edit(
        session,
        chat_id=user_id,
        message_id=message_id,
        buttons=specialty_buttons(thread, lang),
        now=now,
    )
    return await refuse(session, lang, "ask.choose_specialty")


async def send(
    session: AsyncSession,
    *,
    user_id: int,
    thread_id: int,
    specialty: str | None,
    message_id: int | None,
    update_id: int,
    now: datetime,
    settings: Settings,
) -> Outcome:
    """Send the draft: create the thread once (a second tap finds it sent) and offer it."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    user = await queries.get_user(session, user_id)
    lang = lang_of(user)
    thread = await _draft_of(session, user_id=user_id, thread_id=thread_id)
    reason = blocked_reason(user)
    if user is None or reason is not None:
        return await refuse(session, lang, reason or "common.not_registered")
    if thread is None or (specialty is not None and not is_specialty(specialty)):
        return await refuse(session, lang, "common.stale_button")
    chosen = specialty or thread.specialty
    sent = await queries.transition(
        session,
        thread_id=thread_id,
        from_states=[ThreadState.DRAFT],
        state=ThreadState.WAITING,
        specialty=chosen,
        sent_at=now,
        last_activity_at=now,
        expires_at=now + settings.wait_ttl,
    )
    if not sent:
        return await refuse(session, lang, "ask.already_sent")
    await session.refresh(thread)
    if message_id is not None:
        outbox.edit(session, chat_id=user_id, message_id=message_id, buttons=None, now=now)
    offered = await routing.route(session, thread, now=now, settings=settings)
    name = specialty_name(lang, chosen)
    if offered:
        say(
            session,
            user,
            "ask.offered",
            now=now,
            code=thread.code,
            count=len(offered),
            specialty=name,
        )
    else:
        say(session, user, "ask.waiting", now=now, code=thread.code, specialty=name)
    return await refuse(session, lang, "common.done")


async def start_edit(
    session: AsyncSession, *, user_id: int, thread_id: int, update_id: int, now: datetime
) -> Outcome:
    """Wait for a new text for this draft."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    user = await queries.get_user(session, user_id)
    thread = await _draft_of(session, user_id=user_id, thread_id=thread_id)
    lang = lang_of(user)
    if user is None or thread is None or thread.state != ThreadState.DRAFT:
        return await refuse(session, lang, "ask.already_sent" if thread else "common.stale_button")
    user.awaiting = f"{EDIT_PREFIX}{thread_id}"
    session.add(user)
    say(session, user, "ask.edit_prompt", now=now)
    await session.commit()
    return OK


async def cancel(
    session: AsyncSession,
    *,
    user_id: int,
    thread_id: int,
    message_id: int | None,
    update_id: int,
    now: datetime,
) -> Outcome:
    """Drop a draft: nothing was sent, nothing is kept."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    user = await queries.get_user(session, user_id)
    lang = lang_of(user)
    thread = await _draft_of(session, user_id=user_id, thread_id=thread_id)
    if user is None or thread is None:
        return await refuse(session, lang, "common.stale_button")
    result = await session.exec(
        delete(Thread).where(col(Thread.id) == thread_id, col(Thread.state) == ThreadState.DRAFT)
    )
    if result.rowcount != 1:
        return await refuse(session, lang, "ask.already_sent")
    if user.awaiting == f"{EDIT_PREFIX}{thread_id}":
        user.awaiting = None
        session.add(user)
    if message_id is not None:
        outbox.edit(session, chat_id=user_id, message_id=message_id, buttons=None, now=now)
    say(session, user, "ask.cancelled", now=now)
    await session.commit()
    return OK


async def prompt(session: AsyncSession, *, user: User, update_id: int, now: datetime) -> Outcome:
    """``/ask``: the next message is a question, even during a conversation."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    reason = blocked_reason(user)
    if reason is not None:
        say(session, user, reason, now=now)
    else:
        user.awaiting = AWAITING_QUESTION
        session.add(user)
        say(session, user, "ask.prompt", now=now)
    await session.commit()
    return OK
