"""Specialties and on-call state of volunteer specialists."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.specialties import SPECIALTIES, is_specialty
from bot.services import routing
from bot.services.common import (
    DUPLICATE,
    OK,
    Outcome,
    blocked_reason,
    lang_of,
    say,
    specialty_name,
)
from bot.settings import Settings
from bot.texts import t
from storage import outbox, queries
from storage.models import User


def specialty_keyboard(lang: str, chosen: set[str]) -> outbox.Buttons:
    """Every specialty with a tick on the chosen ones, two per row, then Done."""
    names = sorted(SPECIALTIES, key=lambda slug: specialty_name(lang, slug).casefold())
    buttons = [
        (("✅ " if slug in chosen else "") + specialty_name(lang, slug), f"sp:{slug}")
        for slug in names
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append([(t(lang, "specialties.done_button"), "sp:done")])
    return rows


async def specialties_menu(
    session: AsyncSession, *, user: User, update_id: int, now: datetime
) -> Outcome:
    """``/specialties``: the keyboard of specialties to tick."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    if blocked_reason(user) is not None:
        say(session, user, "specialties.only_verified", now=now)
    else:
        chosen = set(await queries.specialties_of(session, user_id=user.id))
        say(
            session,
            user,
            "specialties.prompt",
            now=now,
            buttons=specialty_keyboard(lang_of(user), chosen),
        )
    await session.commit()
    return OK


async def toggle_specialty(
    session: AsyncSession,
    *,
    user_id: int,
    slug: str,
    message_id: int | None,
    update_id: int,
    now: datetime,
) -> Outcome:
    """Tick or untick one specialty (effective at once), or finish with ``done``."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    user = await queries.get_user(session, user_id)
    lang = lang_of(user)
    if user is None or blocked_reason(user) is not None:
        await session.commit()
        return Outcome(answer=t(lang, "specialties.only_verified"))
    chosen = set(await queries.specialties_of(session, user_id=user_id))
    if slug == "done":
        if message_id is not None:
            outbox.edit(session, chat_id=user_id, message_id=message_id, buttons=None, now=now)
        names = ", ".join(specialty_name(lang, s) for s in sorted(chosen))
        say(
            session,
            user,
            "specialties.saved" if chosen else "specialties.saved_none",
            now=now,
            list=names,
        )
        await session.commit()
        return OK
    if not is_specialty(slug):
        await session.commit()
        return Outcome(answer=t(lang, "common.stale_button"))
    chosen ^= {slug}
    await queries.set_specialties(session, user_id=user_id, slugs=chosen)
    if message_id is not None:
        outbox.edit(
            session,
            chat_id=user_id,
            message_id=message_id,
            buttons=specialty_keyboard(lang, chosen),
            now=now,
        )
    await session.commit()
    return Outcome(answer=specialty_name(lang, slug))


async def go_on_call(
    session: AsyncSession,
    *,
    user: User,
    update_id: int,
    now: datetime,
    settings: Settings,
    until: datetime | None = None,
) -> Outcome:
    """Be on call until ``until`` (default duration otherwise) and get the waiting questions."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    reason = blocked_reason(user)
    specialties = await queries.specialties_of(session, user_id=user.id)
    lang = lang_of(user)
    if reason is not None:
        say(session, user, reason, now=now)
    elif not specialties:
        say(session, user, "oncall.no_specialties", now=now)
    else:
        user.on_call_until = until or now + settings.oncall_default
        user.oncall_reminded_at = None
        session.add(user)
        await session.flush()
        local = user.on_call_until.astimezone(_zone(user, settings))
        say(
            session,
            user,
            "oncall.on",
            now=now,
            until=local.strftime("%H:%M"),
            specialties=", ".join(specialty_name(lang, s) for s in specialties),
        )
        await routing.offer_waiting_to(session, user, now=now, settings=settings)
    await session.commit()
    return OK


async def go_off_call(
    session: AsyncSession, *, user: User, update_id: int, now: datetime
) -> Outcome:
    """Stop being on call (threads in progress continue)."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    if user.on_call_until is None or user.on_call_until <= now:
        say(session, user, "oncall.already_off", now=now)
    else:
        user.on_call_until = None
        session.add(user)
        say(session, user, "oncall.off", now=now)
    await session.commit()
    return OK


def _zone(user: User, settings: Settings) -> ZoneInfo:
    """The user's time zone."""
    return ZoneInfo(user.timezone or settings.default_timezone)
