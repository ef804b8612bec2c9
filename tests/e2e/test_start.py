"""/start through the real Application and the stand-in, in French and in English."""

from __future__ import annotations

from typing import Any

from bot.sandbox.client import SandboxClient


async def test_start_in_french_by_language_code(bot: Any, client: SandboxClient) -> None:
    """A user whose Telegram is in French gets the French welcome and charter."""
    await client.add_user(11, "Anne", language_code="fr-FR")
    await client.send(11, "/start")
    await client.wait_for_text(11, "Bienvenue sur")
    charter = await client.wait_for_text(11, "La charte")
    labels = [b["text"] for row in charter["reply_markup"]["inline_keyboard"] for b in row]
    assert "✅ J'accepte la charte" in labels


async def test_start_in_english_by_language_code(bot: Any, client: SandboxClient) -> None:
    """A user whose Telegram is in English gets the English welcome."""
    await client.add_user(12, "John", language_code="en")
    await client.send(12, "/start")
    welcome = await client.wait_for_text(12, "Welcome to")
    assert "Bienvenue" not in welcome["text"]
    await client.wait_for_text(12, "The charter")


async def test_other_languages_fall_back_to_english(bot: Any, client: SandboxClient) -> None:
    """A German-speaking user is answered in English, not in French."""
    await client.add_user(13, "Klaus", language_code="de")
    await client.send(13, "/start")
    await client.wait_for_text(13, "Welcome to")
