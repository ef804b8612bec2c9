"""The conversation: messages relayed both ways under pseudonyms, de-identified every time."""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.common import (
    DUPLICATE,
    OK,
    TELEGRAM_CAPTION_LIMIT,
    TELEGRAM_TEXT_LIMIT,
    Outcome,
    blocked_reason,
    esc,
    lang_of,
    participant_name,
    redact,
    refuse,
    removed_summary,
    say,
    specialty_name,
    visible_length,
)
from bot.settings import Settings
from bot.texts import t
from storage import outbox, queries
from storage.models import HeldMessage, Thread, ThreadMessage, ThreadState, User


def _peer_id(thread: Thread, user_id: int) -> int | None:
    return thread.specialist_id if user_id == thread.asker_id else thread.asker_id


async def relay_to(
    session: AsyncSession,
    *,
    sender: User,
    thread: Thread,
    text: str,
    photo_message_id: int | None,
    now: datetime,
    settings: Settings,
) -> None:
    """Queue ``text`` (and the photo) to the other side of a thread the sender is in."""
    assert thread.id is not None
    if sender.id not in (thread.asker_id, thread.specialist_id):
        say(session, sender, "thread.not_yours", now=now)
        return
    if thread.state != ThreadState.CLAIMED:
        key = (
            "thread.not_claimed"
            if thread.state in (ThreadState.WAITING, ThreadState.OFFERED)
            else "thread.closed"
        )
        say(session, sender, key, now=now, code=thread.code)
        return
    peer_id = _peer_id(thread, sender.id)
    peer = await queries.get_user(session, peer_id) if peer_id is not None else None
    if peer is None:
        say(session, sender, "thread.closed", now=now, code=thread.code)
        return
    peer_lang = lang_of(peer)
    name = participant_name(settings, thread, sender.id, peer_lang)
    if not peer.reachable:
        say(
            session,
            sender,
            "thread.peer_unreachable",
            now=now,
            pseudonym=esc(participant_name(settings, thread, peer.id, lang_of(sender))),
            code=thread.code,
        )
        return
    header = t(peer_lang, "thread.header", pseudonym=esc(name), code=thread.code)
    limit = (
        (TELEGRAM_CAPTION_LIMIT if photo_message_id else TELEGRAM_TEXT_LIMIT)
        - visible_length(header)
        - 2
    )
    if len(text) > limit:
        say(session, sender, "common.too_long", now=now, length=len(text), limit=limit)
        return
    if photo_message_id is None and not text.strip():
        say(session, sender, "common.empty", now=now)
        return
    redaction = redact(text, peer_lang)
    body = f"{header}\n\n{esc(redaction.text)}" if redaction.text.strip() else header
    if photo_message_id is not None:
        outbox.copy(
            session,
            chat_id=peer.id,
            from_chat_id=sender.id,
            message_id=photo_message_id,
            caption=body,
            now=now,
            thread_id=thread.id,
            map_reply=True,
        )
    else:
        outbox.send(
            session,
            chat_id=peer.id,
            text=body,
            now=now,
            protect=True,
            thread_id=thread.id,
            map_reply=True,
        )
    role = "asker" if sender.id == thread.asker_id else "specialist"
    session.add(
        ThreadMessage(
            thread_id=thread.id,
            sender_id=sender.id,
            role=role,
            text=redaction.text,
            photo=photo_message_id is not None,
            redactions=dict(redaction.counts),
            created_at=now,
        )
    )
    await queries.transition(
        session,
        thread_id=thread.id,
        from_states=[ThreadState.CLAIMED],
        last_activity_at=now,
        expires_at=now + settings.thread_ttl,
        message_count=thread.message_count + 1,
    )
    summary = removed_summary(redaction, lang_of(sender))
    if summary:
        say(
            session,
            sender,
            "thread.relayed_with_removed",
            now=now,
            items=summary,
            pseudonym=esc(participant_name(settings, thread, peer.id, lang_of(sender))),
            code=thread.code,
        )


async def hold_and_ask(
    session: AsyncSession,
    *,
    sender: User,
    text: str,
    photo_message_id: int | None,
    threads: list[Thread],
    now: datetime,
) -> None:
    """Keep the message (de-identified) and ask which conversation it is for."""
    lang = lang_of(sender)
    held = HeldMessage(
        user_id=sender.id,
        text=redact(text, lang).text if text else None,
        photo_message_id=photo_message_id,
        created_at=now,
    )
    session.add(held)
    await session.flush()
    buttons = [
        [
            (
                t(lang, "thread.pick", code=th.code, specialty=specialty_name(lang, th.specialty)),
                f"to:{th.id}:{held.id}",
            )
        ]
        for th in threads
    ]
    say(session, sender, "thread.which", now=now, buttons=buttons)


async def release_held(
    session: AsyncSession,
    *,
    user_id: int,
    thread_id: int,
    held_id: int,
    message_id: int | None,
    update_id: int,
    now: datetime,
    settings: Settings,
) -> Outcome:
    """The sender picked the conversation for a held message: relay it there."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    sender = await queries.get_user(session, user_id)
    held = await session.get(HeldMessage, held_id)
    thread = await session.get(Thread, thread_id)
    lang = lang_of(sender)
    if sender is None or held is None or held.user_id != user_id or thread is None:
        return await refuse(session, lang, "common.stale_button")
    reason = blocked_reason(sender)
    if reason is not None:
        return await refuse(session, lang, reason)
    await relay_to(
        session,
        sender=sender,
        thread=thread,
        text=held.text or "",
        photo_message_id=held.photo_message_id,
        now=now,
        settings=settings,
    )
    await session.delete(held)
    if message_id is not None:
        outbox.edit(session, chat_id=user_id, message_id=message_id, buttons=None, now=now)
    return await refuse(session, lang, "common.done")


async def mark_unreachable(
    session: AsyncSession, *, user_id: int, now: datetime, settings: Settings
) -> None:
    """The user blocked the bot: remember it and tell the other side of their conversations."""
    user = await queries.get_user(session, user_id)
    if user is None or not user.reachable:
        return
    user.reachable = False
    user.updated_at = now
    session.add(user)
    for thread in await queries.claimed_threads(session, user_id=user_id):
        peer_id = _peer_id(thread, user_id)
        peer = await queries.get_user(session, peer_id) if peer_id is not None else None
        if peer is not None and peer.reachable:
            lang = lang_of(peer)
            say(
                session,
                peer,
                "thread.peer_unreachable",
                now=now,
                code=thread.code,
                pseudonym=esc(participant_name(settings, thread, user_id, lang)),
            )
    await session.commit()


__all__ = ["OK", "hold_and_ask", "mark_unreachable", "relay_to", "release_held"]
