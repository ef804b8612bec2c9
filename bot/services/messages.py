"""Where an incoming text or photo goes: onboarding input, a draft, a conversation, a question."""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services import asking, onboarding, relay
from bot.services.common import DUPLICATE, OK, Outcome, Person, blocked_reason, say
from bot.settings import Settings
from storage import queries
from storage.models import User, UserStatus


async def incoming(
    session: AsyncSession,
    *,
    person: Person,
    text: str,
    photo_message_id: int | None,
    reply_to: int | None,
    update_id: int,
    now: datetime,
    settings: Settings,
) -> Outcome:
    """Route a user's message to the use case it belongs to."""
    user = await queries.get_user(session, person.id)
    if user is None:
        return await onboarding.start(
            session, person=person, update_id=update_id, now=now, settings=settings
        )
    user.reachable = True
    if user.awaiting == onboarding.AWAITING_RPPS and user.status == UserStatus.NEW:
        return await onboarding.submit_rpps(
            session, user=user, text=text, update_id=update_id, now=now, settings=settings
        )
    photo = (user.id, photo_message_id) if photo_message_id is not None else None
    if user.awaiting and user.awaiting.startswith(asking.EDIT_PREFIX):
        thread_id = int(user.awaiting.removeprefix(asking.EDIT_PREFIX))
        return await asking.replace_text(
            session, user=user, thread_id=thread_id, text=text, update_id=update_id, now=now
        )
    if user.awaiting == asking.AWAITING_QUESTION:
        return await asking.new_question(
            session, user=user, text=text, photo=photo, update_id=update_id, now=now
        )
    return await _converse_or_ask(
        session,
        user=user,
        text=text,
        photo=photo,
        reply_to=reply_to,
        update_id=update_id,
        now=now,
        settings=settings,
    )


async def _converse_or_ask(
    session: AsyncSession,
    *,
    user: User,
    text: str,
    photo: tuple[int, int] | None,
    reply_to: int | None,
    update_id: int,
    now: datetime,
    settings: Settings,
) -> Outcome:
    """A reply goes to its thread, a plain message to the only conversation; else a question."""
    photo_message_id = photo[1] if photo else None
    thread = (
        await queries.thread_by_reply(session, chat_id=user.id, message_id=reply_to)
        if reply_to is not None
        else None
    )
    claimed = list(await queries.claimed_threads(session, user_id=user.id))
    if thread is None and not claimed:
        return await asking.new_question(
            session, user=user, text=text, photo=photo, update_id=update_id, now=now
        )
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    reason = blocked_reason(user)
    if reason is not None:
        say(session, user, reason, now=now)
    elif thread is not None:
        await relay.relay_to(
            session,
            sender=user,
            thread=thread,
            text=text,
            photo_message_id=photo_message_id,
            now=now,
            settings=settings,
        )
    elif len(claimed) == 1:
        await relay.relay_to(
            session,
            sender=user,
            thread=claimed[0],
            text=text,
            photo_message_id=photo_message_id,
            now=now,
            settings=settings,
        )
    else:
        await relay.hold_and_ask(
            session,
            sender=user,
            text=text,
            photo_message_id=photo_message_id,
            threads=claimed,
            now=now,
        )
    session.add(user)
    await session.commit()
    return OK


async def unsupported(
    session: AsyncSession, *, user_id: int, update_id: int, now: datetime
) -> Outcome:
    """A sticker, voice note, document…: say what is accepted."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    user = await queries.get_user(session, user_id)
    if user is not None:
        say(session, user, "common.unsupported", now=now)
    await session.commit()
    return OK


async def plain_reply(
    session: AsyncSession,
    *,
    user_id: int,
    key: str,
    update_id: int,
    now: datetime,
    language: str = "fr",
) -> Outcome:
    """Answer with one catalogue text (help, unknown command…)."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    user = await queries.get_user(session, user_id)
    if user is None:
        user = User(id=user_id, language=language)
        say(session, user, "common.not_registered", now=now)
    else:
        say(session, user, key, now=now)
    await session.commit()
    return OK
