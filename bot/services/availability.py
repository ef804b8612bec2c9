"""Specialties and on-call state of volunteer specialists."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.availability import (
    ParseError,
    Window,
    format_window,
    in_windows,
    parse_until,
    parse_windows,
)
from bot.domain.specialties import SPECIALTIES, is_specialty
from bot.services import routing
from bot.services.common import (
    DUPLICATE,
    OK,
    Outcome,
    blocked_reason,
    lang_of,
    local_time,
    refuse,
    say,
    specialty_name,
)
from bot.services.routing import zone_of
from bot.settings import Settings
from bot.texts import t
from storage import outbox, queries
from storage.models import User

EXTENSION: Final = timedelta(hours=2)
DEFAULT_PAUSE: Final = timedelta(days=1)
MIN_CAPACITY: Final = 1
MAX_CAPACITY: Final = 10


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
        return await refuse(session, lang, "specialties.only_verified")
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
        return await refuse(session, lang, "common.stale_button")
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


def _specialty_list(lang: str, specialties: list[str]) -> str:
    return ", ".join(specialty_name(lang, s) for s in specialties)


async def go_on_call(
    session: AsyncSession,
    *,
    user: User,
    args: str,
    update_id: int,
    now: datetime,
    settings: Settings,
) -> Outcome:
    """``/oncall [2h | 90m | until 22:00]``: on call until then (default duration otherwise),
    and get the waiting questions of one's specialties."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    reason = blocked_reason(user)
    specialties = await queries.specialties_of(session, user_id=user.id)
    lang, zone = lang_of(user), zone_of(user, settings)
    if reason is not None:
        say(session, user, reason, now=now)
    elif not specialties:
        say(session, user, "oncall.no_specialties", now=now)
    else:
        try:
            until = parse_until(args, now=now, zone=zone) if args.strip() else None
        except ParseError as error:
            say(session, user, f"oncall.{error.key}", now=now)
        else:
            user.on_call_until = until or now + settings.oncall_default
            user.oncall_reminded_at = None
            user.paused_until = None
            session.add(user)
            await session.flush()
            say(
                session,
                user,
                "oncall.on",
                now=now,
                until=local_time(user.on_call_until, zone, now),
                specialties=_specialty_list(lang, specialties),
            )
            await routing.offer_waiting_to(session, user, now=now, settings=settings)
    await session.commit()
    return OK


async def go_off_call(
    session: AsyncSession, *, user: User, update_id: int, now: datetime
) -> Outcome:
    """Stop being on call now (conversations in progress continue)."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    _end_period(session, user, now=now)
    await session.commit()
    return OK


def _end_period(session: AsyncSession, user: User, *, now: datetime) -> None:
    if user.on_call_until is None or user.on_call_until <= now:
        say(session, user, "oncall.already_off", now=now)
    else:
        user.on_call_until = None
        user.oncall_reminded_at = None
        session.add(user)
        say(session, user, "oncall.off", now=now)


async def extend_or_stop(
    session: AsyncSession,
    *,
    user_id: int,
    action: str,
    message_id: int | None,
    update_id: int,
    now: datetime,
    settings: Settings,
) -> Outcome:
    """The reminder's buttons: two more hours, or stop now."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    user = await queries.get_user(session, user_id)
    lang = lang_of(user)
    if user is None or blocked_reason(user) is not None:
        return await refuse(session, lang, "common.stale_button")
    if message_id is not None:
        outbox.edit(session, chat_id=user_id, message_id=message_id, buttons=None, now=now)
    if action == "stop":
        _end_period(session, user, now=now)
    else:
        start = max(user.on_call_until or now, now)
        user.on_call_until = start + EXTENSION
        user.oncall_reminded_at = None
        session.add(user)
        say(
            session,
            user,
            "oncall.extended",
            now=now,
            until=local_time(user.on_call_until, zone_of(user, settings), now),
        )
        await routing.offer_waiting_to(session, user, now=now, settings=settings)
    await session.commit()
    return OK


def _windows_text(lang: str, windows: list[Window]) -> str:
    days = t(lang, "schedule.days").split(",")
    return "\n".join(f"• {format_window(w, days)}" for w in windows)


async def schedule(
    session: AsyncSession,
    *,
    user: User,
    args: str,
    update_id: int,
    now: datetime,
    settings: Settings,
) -> Outcome:
    """``/schedule``: show, replace (``lun-ven 18:00-22:00 ; sam 9-12``) or ``clear`` the
    weekly windows."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    lang, zone = lang_of(user), zone_of(user, settings)
    command = args.strip()
    if blocked_reason(user) is not None:
        say(session, user, "specialties.only_verified", now=now)
    elif not command:
        windows = await _windows(session, user.id)
        if windows:
            say(
                session,
                user,
                "schedule.show",
                now=now,
                zone=zone.key,
                windows=_windows_text(lang, windows),
            )
        else:
            say(session, user, "schedule.none", now=now, zone=zone.key)
    elif command.casefold() in {"clear", "effacer", "off", "aucun", "none"}:
        await queries.set_windows(session, user_id=user.id, windows=[])
        say(session, user, "schedule.cleared", now=now)
    else:
        try:
            windows = parse_windows(command)
        except ParseError as error:
            say(session, user, f"schedule.{error.key}", now=now)
        else:
            await queries.set_windows(
                session, user_id=user.id, windows=[(w.weekday, w.start, w.end) for w in windows]
            )
            say(
                session,
                user,
                "schedule.saved",
                now=now,
                zone=zone.key,
                windows=_windows_text(lang, windows),
            )
            await routing.offer_waiting_to(session, user, now=now, settings=settings)
    await session.commit()
    return OK


async def _windows(session: AsyncSession, user_id: int) -> list[Window]:
    stored = (await queries.windows_of(session, user_ids=[user_id]))[user_id]
    return [Window(w.weekday, w.start_minute, w.end_minute) for w in stored]


async def pause(
    session: AsyncSession,
    *,
    user: User,
    args: str,
    update_id: int,
    now: datetime,
    settings: Settings,
) -> Outcome:
    """``/pause [7d | until 08:00 | off]``: no offers until then, even inside windows."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    zone = zone_of(user, settings)
    command = args.strip().casefold()
    if command in {"off", "stop", "fin", "resume", "reprendre"}:
        if user.paused_until is not None and user.paused_until > now:
            user.paused_until = None
            session.add(user)
            say(session, user, "pause.off", now=now)
            await routing.offer_waiting_to(session, user, now=now, settings=settings)
        else:
            say(session, user, "pause.not_paused", now=now)
    else:
        try:
            until = parse_until(command, now=now, zone=zone) if command else now + DEFAULT_PAUSE
        except ParseError as error:
            say(session, user, f"oncall.{error.key}", now=now)
        else:
            user.paused_until = until
            session.add(user)
            say(
                session,
                user,
                "pause.on",
                now=now,
                until=local_time(until, zone, now),
            )
    await session.commit()
    return OK


async def capacity(
    session: AsyncSession,
    *,
    user: User,
    args: str,
    update_id: int,
    now: datetime,
    settings: Settings,
) -> Outcome:
    """``/capacity N``: most conversations at once (1 to 10); without N, show it."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    current = user.capacity or settings.default_capacity
    value = args.strip()
    if not value:
        say(session, user, "capacity.show", now=now, count=current)
    elif not value.isdigit() or not MIN_CAPACITY <= int(value) <= MAX_CAPACITY:
        say(session, user, "capacity.bad", now=now)
    else:
        user.capacity = int(value)
        session.add(user)
        say(session, user, "capacity.set", now=now, count=user.capacity)
        await session.flush()
        await routing.offer_waiting_to(session, user, now=now, settings=settings)
    await session.commit()
    return OK


async def set_timezone(
    session: AsyncSession,
    *,
    user: User,
    args: str,
    update_id: int,
    now: datetime,
    settings: Settings,
) -> Outcome:
    """``/timezone Europe/Paris``: the zone of one's windows and times; without it, show it."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    name = args.strip()
    if not name:
        say(session, user, "timezone.show", now=now, zone=zone_of(user, settings).key)
    else:
        try:
            zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            say(session, user, "timezone.bad", now=now)
        else:
            user.timezone = zone.key
            session.add(user)
            say(
                session,
                user,
                "timezone.set",
                now=now,
                zone=zone.key,
                time=now.astimezone(zone).strftime("%H:%M"),
            )
            await routing.offer_waiting_to(session, user, now=now, settings=settings)
    await session.commit()
    return OK


async def status(
    session: AsyncSession, *, user: User, update_id: int, now: datetime, settings: Settings
) -> Outcome:
    """``/status``: on call or not, windows, pause, specialties, load."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    lang, zone = lang_of(user), zone_of(user, settings)
    windows = await _windows(session, user.id)
    if user.on_call_until is not None and user.on_call_until > now:
        oncall = t(lang, "status.oncall_until", until=local_time(user.on_call_until, zone, now))
    elif in_windows(windows, now=now, zone=zone):
        oncall = t(lang, "status.oncall_window")
    else:
        oncall = t(lang, "status.oncall_no")
    paused = user.paused_until is not None and user.paused_until > now
    specialties = await queries.specialties_of(session, user_id=user.id)
    say(
        session,
        user,
        "status.text",
        now=now,
        oncall=oncall,
        windows=(
            ", ".join(format_window(w, t(lang, "schedule.days").split(",")) for w in windows)
            or t(lang, "status.none")
        ),
        pause=(
            t(
                lang,
                "status.pause_until",
                until=local_time(user.paused_until, zone, now),
            )
            if paused and user.paused_until is not None
            else t(lang, "status.pause_no")
        ),
        specialties=_specialty_list(lang, specialties) or t(lang, "status.none"),
        load=await queries.active_load(session, user_id=user.id),
        capacity=user.capacity or settings.default_capacity,
    )
    await session.commit()
    return OK
