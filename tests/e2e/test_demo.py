"""`confrere demo` plays the whole consultation and says so."""

from __future__ import annotations

import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import demo
from bot.sandbox.client import SandboxClient
from bot.sandbox.server import SANDBOX_TOKEN, Sandbox


async def test_demo_plays_every_step(capsys: pytest.CaptureFixture[str]) -> None:
    """The scripted consultation completes (exit 0) and ends with the success line."""
    assert await demo.main(quiet=True) == 0
    out = capsys.readouterr().out
    assert "Demo complete: every step happened." in out
    assert "DEMO FAILED" not in out


@pytest.mark.parametrize(
    "markup",
    [
        None,
        InlineKeyboardMarkup([[InlineKeyboardButton("Prendre", callback_data="take:bob_md")]]),
    ],
)
async def test_anonymity_check_catches_an_identity_in_text_or_buttons(
    markup: InlineKeyboardMarkup | None,
) -> None:
    """The demo's check fails when another user's username reaches a chat, in the text or in a
    button's callback data; it passes when nothing names anyone."""
    users: list[demo.Json] = [
        {"id": 501, "first_name": "Ana", "last_name": "Roux", "username": "ana_md"},
        {"id": 502, "first_name": "Bob", "last_name": "Lenoir", "username": "bob_md"},
    ]
    text = "Nouvelle question" if markup is not None else "Question de bob_md"
    async with Sandbox() as sandbox, SandboxClient(sandbox.url) as control:
        for user in users:
            await control.add_user(
                user["id"],
                user["first_name"],
                last_name=user["last_name"],
                username=user["username"],
            )
        async with telegram.Bot(SANDBOX_TOKEN, base_url=sandbox.base_url) as bot:
            await bot.send_message(501, "Bonjour")
            await demo.check_anonymity(control, users)  # nothing names anyone yet
            await bot.send_message(501, text, reply_markup=markup)
        with pytest.raises(demo.StepFailedError):
            await demo.check_anonymity(control, users)
