"""What every service shares: plain inputs and outputs, text rendering, guards."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.deid import Redaction, deidentify
from bot.domain.pseudonyms import pseudonym, pseudonym_tag
from bot.settings import Settings
from bot.texts import normalise_language, t
from storage import outbox, queries
from storage.models import Thread, User, UserStatus

TELEGRAM_TEXT_LIMIT = 4096
TELEGRAM_CAPTION_LIMIT = 1024
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class Person:
    """Who sent an update, as Telegram describes them (never logged, never relayed)."""

    id: int
    first_name: str | None = None
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a handler may need after a service ran: a short answer for a button press."""

    answer: str | None = None
    duplicate: bool = False


DUPLICATE = Outcome(duplicate=True)
OK = Outcome()


def esc(text: str) -> str:
    """Escape user text for an HTML message."""
    return html.escape(text, quote=False)


def lang_of(user: User | None, default: str = "fr") -> str:
    """The language to talk to ``user`` in."""
    return normalise_language(user.language if user else None, default)


def say(
    session: AsyncSession,
    user: User,
    key: str,
    *,
    now: datetime,
    buttons: outbox.Buttons | None = None,
    thread_id: int | None = None,
    map_reply: bool = False,
    **params: object,
) -> None:
    """Queue the text ``key`` to ``user`` in their language."""
    outbox.send(
        session,
        chat_id=user.id,
        text=t(lang_of(user), key, **params),
        now=now,
        buttons=buttons,
        thread_id=thread_id,
        map_reply=map_reply,
    )


def removed_summary(redaction: Redaction, lang: str) -> str | None:
    """``2 × nom, 1 × date`` summary of what was removed, or None when nothing was."""
    if not redaction.counts:
        return None
    return ", ".join(f"{n} × {t(lang, f'label.{label}')}" for label, n in redaction.counts.items())


def visible_length(html_text: str) -> int:
    """How many characters Telegram counts in an HTML message: tags out, entities as one."""
    return len(html.unescape(_TAG.sub("", html_text)))


def local_time(when: datetime, zone: ZoneInfo, now: datetime) -> str:
    """``22:00`` today, ``29/11 08:00`` on another day, in ``zone``."""
    local, today = when.astimezone(zone), now.astimezone(zone)
    return (
        local.strftime("%H:%M") if local.date() == today.date() else local.strftime("%d/%m %H:%M")
    )


def redact(text: str, lang: str) -> Redaction:
    """De-identify ``text`` with tags in ``lang``."""
    return deidentify(text, lang)


def specialty_name(lang: str, slug: str) -> str:
    """A specialty's display name."""
    return t(lang, f"specialty.{slug}")


def participant_name(settings: Settings, thread: Thread, user_id: int, lang: str) -> str:
    """How ``user_id`` appears to the other side of ``thread`` (``Néphrologue #B7``)."""
    assert thread.id is not None
    tag = pseudonym_tag(
        settings.pseudonym_secret.get_secret_value().encode(),
        thread_id=thread.id,
        user_id=user_id,
    )
    if user_id == thread.asker_id:
        label = t(lang, "pseudonym.asker")
    else:
        label = t(lang, f"specialist.{thread.specialty}")
    return pseudonym(label, tag)


def blocked_reason(user: User | None) -> str | None:
    """The text key explaining why this user may not ask or relay, or None."""
    if user is None or user.status == UserStatus.NEW:
        return "common.not_registered"
    if user.status == UserStatus.PENDING:
        return "common.pending"
    if user.status == UserStatus.REJECTED:
        return "common.rejected"
    if user.status == UserStatus.SUSPENDED:
        return "common.suspended"
    return None


async def load_user(session: AsyncSession, user_id: int) -> User | None:
    """The user with this Telegram id, for handlers that need one."""
    return await queries.get_user(session, user_id)


async def refuse(session: AsyncSession, lang: str, key: str, /, **params: object) -> Outcome:
    """Commit (the update id is recorded) and answer why nothing else happened."""
    await session.commit()
    return Outcome(answer=t(lang, key, **params))
