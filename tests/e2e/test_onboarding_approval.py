"""Step 0 when registrations need a moderator: a valid RPPS leaves the user pending."""

from __future__ import annotations

from typing import Any

import pytest

from bot.sandbox.client import SandboxClient
from bot.settings import Settings
from storage.models import UserStatus
from tests.conftest import make_settings
from tests.e2e.helpers import RPPS, Script, get_user, threads, user_record

GP = 3101
MODERATOR = 3199


@pytest.fixture
def settings(sqlite_url: str) -> Settings:
    """Registrations wait for a moderator."""
    return make_settings(sqlite_url, require_approval=True, moderator_ids=(MODERATOR,))


@pytest.fixture
async def s(bot: Any, client: SandboxClient, settings: Settings) -> Script:
    """A moderator in the database, and a GP who registered and now waits."""
    script = Script(client, settings)
    await script.seed(user_record(MODERATOR, moderator=True))
    await script.add(user_record(GP))
    await script.onboard(GP, RPPS)
    return script


async def test_a_valid_rpps_leaves_the_user_pending(s: Script, settings: Settings) -> None:
    """The user is told a moderator will check; the status is pending, the RPPS stored."""
    assert "Un modérateur va vérifier" in (await s.c.chat(GP))[-1]["text"]
    user = await get_user(settings, GP)
    assert user is not None
    assert (user.status, user.rpps) == (UserStatus.PENDING, RPPS)


async def test_the_moderators_are_told_of_a_pending_registration(s: Script) -> None:
    """A configured moderator gets the pending registration."""
    await s.expect_text(MODERATOR, "Inscription en attente")


async def test_a_pending_user_cannot_ask(s: Script, settings: Settings) -> None:
    """A question from a pending user is answered with why, and creates no thread."""
    await s.c.send(GP, "Patient de 60 ans, IRC, DFG 25, avis néphro ?")
    await s.expect_text(GP, "attend la validation")
    assert await threads(settings) == []


async def test_a_pending_user_cannot_go_on_call(s: Script, settings: Settings) -> None:
    """/oncall from a pending user says why and changes nothing."""
    await s.c.send(GP, "/oncall")
    await s.expect_text(GP, "attend la validation")
    user = await get_user(settings, GP)
    assert user is not None
    assert user.on_call_until is None
