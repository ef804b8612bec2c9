"""Getting in: /start, language, charter, profession, RPPS, verification."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.rpps import normalise_rpps, rpps_problem
from bot.services.common import DUPLICATE, OK, Outcome, Person, lang_of, refuse, say
from bot.settings import Settings
from bot.texts import LANGUAGES, normalise_language, t
from storage import outbox, queries
from storage.models import User, UserStatus

PROFESSIONS: Final[tuple[str, ...]] = (
    "gp",
    "specialist",
    "resident",
    "pharmacist",
    "midwife",
    "dentist",
)
AWAITING_RPPS: Final = "rpps"


def _charter_buttons(lang: str) -> outbox.Buttons:
    other = "en" if lang == "fr" else "fr"
    return [
        [(t(lang, "onboarding.accept"), "charter:accept")],
        [(t(lang, "onboarding.language_button"), f"lang:{other}")],
    ]


def _profession_buttons(lang: str) -> outbox.Buttons:
    labels = [(t(lang, f"profession.{p}"), f"prof:{p}") for p in PROFESSIONS]
    return [labels[i : i + 2] for i in range(0, len(labels), 2)]


def _next_step(session: AsyncSession, user: User, *, now: datetime) -> None:
    """Queue what the user must do next to finish onboarding."""
    lang = lang_of(user)
    if user.charter_accepted_at is None:
        say(session, user, "onboarding.charter", now=now, buttons=_charter_buttons(lang))
    elif user.profession is None:
        say(session, user, "onboarding.ask_profession", now=now, buttons=_profession_buttons(lang))
    elif user.status == UserStatus.NEW:
        say(session, user, "onboarding.ask_rpps", now=now)
    else:
        say(session, user, "common.pending", now=now)


async def start(
    session: AsyncSession, *, person: Person, update_id: int, now: datetime, settings: Settings
) -> Outcome:
    """Register the user (or greet them back) and show the next onboarding step."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    existing = await queries.get_user(session, person.id)
    language = (
        existing.language
        if existing
        else normalise_language(person.language_code, settings.default_language)
    )
    user, _ = await queries.upsert_user(
        session,
        user_id=person.id,
        first_name=person.first_name,
        last_name=person.last_name,
        username=person.username,
        language=language,
        now=now,
    )
    if person.id in settings.moderator_ids and not user.is_moderator:
        user.is_moderator = True
    if user.status == UserStatus.VERIFIED:
        say(session, user, "onboarding.already_verified", now=now)
    elif user.status in {UserStatus.SUSPENDED, UserStatus.REJECTED, UserStatus.PENDING}:
        say(session, user, f"common.{user.status}", now=now)
    else:
        say(session, user, "onboarding.welcome", now=now)
        _next_step(session, user, now=now)
    session.add(user)
    await session.commit()
    return OK


async def ask_language(
    session: AsyncSession, *, person: Person, update_id: int, now: datetime, settings: Settings
) -> Outcome:
    """Offer the language choice (``/language``)."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    user = await queries.get_user(session, person.id)
    if user is None:
        return await refuse(session, settings.default_language, "common.not_registered")
    buttons = [[("Français", "lang:fr"), ("English", "lang:en")]]
    say(session, user, "onboarding.language_prompt", now=now, buttons=buttons)
    await session.commit()
    return OK


async def set_language(
    session: AsyncSession, *, user_id: int, lang: str, update_id: int, now: datetime
) -> Outcome:
    """Switch the user's language and repeat where they are in onboarding."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    user = await queries.get_user(session, user_id)
    if user is None or lang not in LANGUAGES:
        return await refuse(
            session, "fr" if user is None else lang_of(user), "common.stale_button"
        )
    user.language = lang
    user.updated_at = now
    session.add(user)
    say(session, user, "onboarding.language_set", now=now)
    if user.status == UserStatus.NEW:
        _next_step(session, user, now=now)
    return await refuse(session, lang, "onboarding.language_set")


async def accept_charter(
    session: AsyncSession, *, user_id: int, update_id: int, now: datetime
) -> Outcome:
    """Record the charter's acceptance and ask for the profession."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    user = await queries.get_user(session, user_id)
    if user is None:
        return await refuse(session, "fr", "common.not_registered")
    if user.charter_accepted_at is None:
        user.charter_accepted_at = now
        session.add(user)
        _next_step(session, user, now=now)
    await session.commit()
    return OK


async def choose_profession(
    session: AsyncSession, *, user_id: int, profession: str, update_id: int, now: datetime
) -> Outcome:
    """Record the profession and ask for the RPPS number."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    user = await queries.get_user(session, user_id)
    if user is None or profession not in PROFESSIONS:
        return await refuse(session, lang_of(user), "common.stale_button")
    if user.charter_accepted_at is None:
        return await refuse(session, lang_of(user), "onboarding.finish_first")
    if user.status == UserStatus.NEW:
        user.profession = profession
        user.awaiting = AWAITING_RPPS
        session.add(user)
        say(session, user, "onboarding.ask_rpps", now=now)
    await session.commit()
    return OK


async def submit_rpps(
    session: AsyncSession,
    *,
    user: User,
    text: str,
    update_id: int,
    now: datetime,
    settings: Settings,
) -> Outcome:
    """Check the RPPS number; verify the user or put them in the moderators' queue."""
    if not await queries.claim_update(session, update_id=update_id, now=now):
        return DUPLICATE
    problem = rpps_problem(text)
    if problem is not None:
        say(session, user, f"onboarding.rpps_{problem}", now=now)
        await session.commit()
        return OK
    number = normalise_rpps(text)
    holder = await queries.rpps_holder(session, rpps=number)
    if holder is not None and holder != user.id:
        say(session, user, "onboarding.rpps_taken", now=now)
        await session.commit()
        return OK
    user.rpps = number
    user.awaiting = None
    user.updated_at = now
    if settings.require_approval and not user.is_moderator:
        user.status = UserStatus.PENDING
        say(session, user, "onboarding.pending", now=now)
        for moderator_id in await queries.moderator_ids(
            session, configured=settings.moderator_ids
        ):
            moderator = await queries.get_user(session, moderator_id)
            if moderator is not None and moderator.id != user.id:
                lang = lang_of(moderator)
                say(
                    session,
                    moderator,
                    "onboarding.moderator_pending",
                    now=now,
                    user_id=user.id,
                    profession=t(lang, f"profession.{user.profession or 'gp'}"),
                )
    else:
        user.status = UserStatus.VERIFIED
        say(session, user, "onboarding.verified", now=now)
    session.add(user)
    await session.commit()
    return OK
