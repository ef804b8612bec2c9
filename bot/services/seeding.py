"""Ready-made users for the sandbox and the demo (skipping onboarding)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.specialties import is_specialty
from bot.settings import Settings
from bot.texts import normalise_language
from storage import queries
from storage.models import UserStatus


async def seed_users(
    session: AsyncSession,
    users: Iterable[Mapping[str, Any]],
    *,
    now: datetime,
    settings: Settings,
) -> int:
    """Create or update users from seed records; unknown fields are ignored."""
    count = 0
    for record in users:
        user, _ = await queries.upsert_user(
            session,
            user_id=int(record["id"]),
            first_name=record.get("first_name"),
            last_name=record.get("last_name"),
            username=record.get("username"),
            language=normalise_language(record.get("language_code"), settings.default_language),
            now=now,
        )
        if record.get("verified", False):
            user.status = UserStatus.VERIFIED
            user.charter_accepted_at = user.charter_accepted_at or now
            user.profession = user.profession or "specialist"
        user.is_moderator = bool(record.get("moderator", False))
        if record.get("on_call", False):
            user.on_call_until = now + settings.oncall_default
        if "capacity" in record:
            user.capacity = int(record["capacity"])
        session.add(user)
        slugs = [s for s in record.get("specialties", []) if is_specialty(s)]
        if slugs:
            await queries.set_specialties(session, user_id=user.id, slugs=slugs)
        count += 1
    await session.commit()
    return count
