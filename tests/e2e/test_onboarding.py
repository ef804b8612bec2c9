"""Step 0, getting in: /start, the charter, the profession, the RPPS number, the language,
specialties and on call — through the real Application and the stand-in."""

from __future__ import annotations

from typing import Any

import pytest

from bot.domain.rpps import luhn_valid
from bot.sandbox.client import SandboxClient
from bot.settings import Settings
from storage.models import UserStatus
from tests.e2e.helpers import RPPS, Script, buttons, get_user, has, make_rpps, user_record

GP = 3001


@pytest.fixture
def s(client: SandboxClient, settings: Settings) -> Script:
    """The scripted users of one test."""
    return Script(client, settings)


async def reach_rpps_question(s: Script, user_id: int) -> None:
    """/start, accept the charter, pick GP: the bot now waits for the RPPS number."""
    await s.add(user_record(user_id))
    await s.c.send(user_id, "/start")
    charter = await s.expect_text(user_id, "La charte")
    await s.c.press(user_id, charter["message_id"], data="charter:accept")
    profession = await s.expect_text(user_id, "profession")
    await s.c.press(user_id, profession["message_id"], data="prof:gp")
    await s.expect_text(user_id, "RPPS")


def test_the_sample_rpps_numbers_are_what_the_tests_assume() -> None:
    """The valid number passes the Luhn check, the refused one does not."""
    assert luhn_valid(RPPS)
    assert luhn_valid(make_rpps(7))
    assert not luhn_valid("12345678901")


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("12345678901", "clé de contrôle"),
        ("1000123456", "exactement 11 chiffres"),
        ("1000123456A", "que des chiffres"),
        ("mon rpps", "que des chiffres"),
    ],
)
async def test_an_invalid_rpps_is_refused_and_changes_nothing(
    bot: Any, s: Script, settings: Settings, typed: str, reason: str
) -> None:
    """A wrong key, a wrong length or letters get a clear refusal; the user stays new."""
    await reach_rpps_question(s, GP)
    await s.c.send(GP, typed)
    await s.expect_text(GP, reason)
    user = await get_user(settings, GP)
    assert user is not None
    assert user.status == UserStatus.NEW
    assert user.rpps is None
    assert user.awaiting == "rpps"


async def test_a_valid_rpps_after_an_invalid_one_verifies_the_user(
    bot: Any, s: Script, settings: Settings
) -> None:
    """The user may try again; a valid number verifies them at once (no approval needed)."""
    await reach_rpps_question(s, GP)
    await s.c.send(GP, "12345678901")
    await s.expect_text(GP, "pas valide")
    await s.c.send(GP, "100 0123 4565")
    await s.expect_text(GP, "Inscription validée")
    user = await get_user(settings, GP)
    assert user is not None
    assert (user.status, user.rpps, user.profession) == (UserStatus.VERIFIED, RPPS, "gp")


async def test_an_rpps_already_registered_is_refused(
    bot: Any, s: Script, settings: Settings
) -> None:
    """Two people cannot register with the same RPPS number."""
    await s.add(user_record(GP + 1))
    await s.onboard(GP + 1, RPPS)
    await reach_rpps_question(s, GP)
    await s.c.send(GP, RPPS)
    await s.expect_text(GP, "déjà inscrit")
    user = await get_user(settings, GP)
    assert user is not None
    assert user.status == UserStatus.NEW


async def test_start_again_when_verified_says_so(bot: Any, s: Script) -> None:
    """/start after registration does not restart onboarding."""
    await s.add(user_record(GP))
    await s.onboard(GP)
    await s.c.send(GP, "/start")
    await s.expect_text(GP, "déjà inscrit")
    assert not [m for m in await s.new_messages(GP) if "La charte" in (m.get("text") or "")]


async def test_language_switches_the_following_texts(bot: Any, s: Script) -> None:
    """/language → English: the answer and every later text are in English."""
    await s.add(user_record(GP))
    await s.onboard(GP)
    await s.c.send(GP, "/language")
    prompt = await s.expect_text(GP, "Choisissez votre langue")
    await s.c.press(GP, prompt["message_id"], data="lang:en")
    await s.expect_text(GP, "Language: English.")
    await s.c.send(GP, "/help")
    await s.expect_text(GP, "a clinical question to an on-call specialist")
    await s.c.send(GP, "/offcall")
    await s.expect_text(GP, "You were not on call.")


async def test_language_button_on_the_charter_repeats_it_in_english(bot: Any, s: Script) -> None:
    """The charter's language button switches to English and shows the English charter."""
    await s.add(user_record(GP))
    await s.c.send(GP, "/start")
    charter = await s.expect_text(GP, "La charte")
    await s.c.press(GP, charter["message_id"], data="lang:en")
    await s.expect_text(GP, "The charter")


async def test_specialties_toggle_ticks_the_keyboard_at_once(
    bot: Any, s: Script, settings: Settings
) -> None:
    """Ticking a specialty edits the same keyboard with ✅ and is stored immediately."""
    await s.seed(user_record(GP))
    await s.c.send(GP, "/specialties")
    menu = await s.expect_text(GP, "Cochez vos spécialités")
    labels = [b["text"] for b in buttons(menu)]
    assert "Néphrologie" in labels
    await s.c.press(GP, menu["message_id"], data="sp:nephrology")
    edited = await s.expect_edit(
        GP, menu["message_id"], lambda m: "✅ Néphrologie" in [b["text"] for b in buttons(m)]
    )
    assert sum(b["text"].startswith("✅") for b in buttons(edited)) == 1
    await s.c.send(GP, "/oncall")
    await s.expect(GP, has("Néphrologie"))  # the specialty counts before pressing Done


async def test_specialties_untick_removes_it(bot: Any, s: Script) -> None:
    """Pressing a ticked specialty again unticks it; Done lists what is left."""
    await s.seed(user_record(GP, specialties=["nephrology", "cardiology"]))
    await s.c.send(GP, "/specialties")
    menu = await s.expect_text(GP, "Cochez vos spécialités")
    ticked = {b["text"] for b in buttons(menu) if b["text"].startswith("✅")}
    assert ticked == {"✅ Néphrologie", "✅ Cardiologie"}
    await s.c.press(GP, menu["message_id"], data="sp:cardiology")
    await s.expect_edit(
        GP, menu["message_id"], lambda m: "Cardiologie" in [b["text"] for b in buttons(m)]
    )
    await s.c.press(GP, menu["message_id"], data="sp:done")
    saved = await s.expect_text(GP, "Spécialités :")
    assert "Néphrologie" in saved["text"]
    assert "Cardiologie" not in saved["text"]


async def test_oncall_needs_specialties(bot: Any, s: Script, settings: Settings) -> None:
    """/oncall without a specialty says to choose them first and does not put one on call."""
    await s.seed(user_record(GP))
    await s.c.send(GP, "/oncall")
    await s.expect_text(GP, "/specialties")
    user = await get_user(settings, GP)
    assert user is not None
    assert user.on_call_until is None


async def test_oncall_then_offcall(bot: Any, s: Script, settings: Settings) -> None:
    """/oncall puts the specialist on call until a time; /offcall ends it."""
    await s.seed(user_record(GP, specialties=["nephrology"]))
    await s.c.send(GP, "/oncall")
    await s.expect_text(GP, "Vous êtes de garde jusqu'à")
    user = await get_user(settings, GP)
    assert user is not None
    assert user.on_call_until is not None
    await s.c.send(GP, "/offcall")
    await s.expect_text(GP, "Vous n'êtes plus de garde")
    user = await get_user(settings, GP)
    assert user is not None
    assert user.on_call_until is None
    await s.c.send(GP, "/offcall")
    await s.expect_text(GP, "Vous n'étiez pas de garde")
