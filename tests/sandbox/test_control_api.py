"""The control API over HTTP, and SandboxClient, as the demo and outside scripts use them."""

import httpx
import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.sandbox.client import SandboxClient, SandboxError
from bot.sandbox.server import Sandbox
from tests.sandbox.conftest import ALICE

KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("Prendre", callback_data="take:7"),
            InlineKeyboardButton("Passer", callback_data="pass:7"),
        ]
    ]
)


async def test_users_are_created_updated_and_listed(control: SandboxClient) -> None:
    """Creating a user twice updates it; the list shows it once."""
    await control.add_user(7, "Bob")
    user = await control.add_user(7, "Bob", username="bob", language_code="en")
    assert user == {
        "id": 7,
        "is_bot": False,
        "first_name": "Bob",
        "username": "bob",
        "language_code": "en",
    }
    assert [u["id"] for u in await control.users()].count(7) == 1


async def test_send_queues_a_command_with_its_entity(
    control: SandboxClient, bot: telegram.Bot
) -> None:
    """A text starting with / carries a bot_command entity covering the command and @botname."""
    sent = await control.send(ALICE, "/start@confrere_bot payload")
    [update] = await bot.get_updates()
    message = update.message
    assert message is not None and update.update_id == sent["update_id"]
    assert message.parse_entities(["bot_command"]).popitem()[1] == "/start@confrere_bot"
    assert message.from_user is not None and message.from_user.language_code == "fr"


@pytest.mark.parametrize(
    "kind",
    [
        "sticker",
        "voice",
        "video",
        "document",
        "location",
        "contact",
        "audio",
        "video_note",
        "animation",
    ],
)
async def test_every_message_kind_parses_in_ptb(
    control: SandboxClient, bot: telegram.Bot, kind: str
) -> None:
    """Non-text messages carry plausible fields PTB can parse."""
    await control.send(ALICE, kind=kind)
    [update] = await bot.get_updates()
    assert getattr(update.message, kind) is not None


async def test_reply_to_carries_the_replied_message(
    control: SandboxClient, bot: telegram.Bot
) -> None:
    """A user's reply includes the full replied-to bot message."""
    question = await bot.send_message(ALICE, "Quel âge ?")
    await control.send(ALICE, "54 ans", reply_to_message_id=question.message_id)
    [update] = await bot.get_updates()
    assert update.message is not None and update.message.reply_to_message is not None
    assert update.message.reply_to_message.text == "Quel âge ?"


async def test_press_by_data_and_by_label(control: SandboxClient, bot: telegram.Bot) -> None:
    """A press names its button by callback data or by label; both send its data."""
    message = await bot.send_message(ALICE, "Nouveau cas", reply_markup=KEYBOARD)
    await control.press(ALICE, message.message_id, data="take:7")
    await control.press(ALICE, message.message_id, text="Passer")
    updates = await bot.get_updates()
    queries = [u.callback_query for u in updates if u.callback_query]
    assert [q.data for q in queries] == ["take:7", "pass:7"]
    assert queries[0].message is not None and queries[0].message.message_id == message.message_id


async def test_forged_press_needs_force(control: SandboxClient, bot: telegram.Bot) -> None:
    """Data that no button carries is refused unless forced (to test forged callbacks)."""
    message = await bot.send_message(ALICE, "Nouveau cas", reply_markup=KEYBOARD)
    with pytest.raises(SandboxError) as refused:
        await control.press(ALICE, message.message_id, data="take:999")
    assert refused.value.status == 400
    await control.press(ALICE, message.message_id, data="take:999", force=True)
    [update] = await bot.get_updates()
    assert update.callback_query is not None and update.callback_query.data == "take:999"


async def test_chat_shows_edits_and_optionally_the_users_messages(
    control: SandboxClient, bot: telegram.Bot
) -> None:
    """The chat lists bot messages as they are now; ?all=1 adds the user's own."""
    await control.send(ALICE, "Bonjour")
    message = await bot.send_message(ALICE, "<b>v1</b>", parse_mode="HTML", reply_markup=KEYBOARD)
    await bot.edit_message_text("<i>v2</i>", ALICE, message.message_id, parse_mode="HTML")
    [shown] = await control.chat(ALICE)
    assert (shown["text"], shown["html"], shown["edited"], shown["reply_markup"]) == (
        "v2",
        "<i>v2</i>",
        True,
        None,
    )
    assert [m["message_id"] for m in await control.chat(ALICE, include_user=True)] == [1, 2]


async def test_calls_are_recorded_and_filtered(control: SandboxClient, bot: telegram.Bot) -> None:
    """Every Bot API call is listed in order with its typed parameters."""
    await bot.send_message(ALICE, "un", protect_content=True)
    await bot.get_me()
    [call] = await control.calls("sendmessage")
    assert call["method"] == "sendMessage"
    assert call["params"]["chat_id"] == ALICE and call["params"]["protect_content"] is True
    assert [c["method"] for c in await control.calls()][-2:] == ["sendMessage", "getMe"]


async def test_block_and_fault_over_http(control: SandboxClient, bot: telegram.Bot) -> None:
    """Blocking and planned faults can be set from outside the process."""
    await control.block(ALICE)
    with pytest.raises(telegram.error.Forbidden):
        await bot.send_chat_action(ALICE, "typing")
    await control.block(ALICE, blocked=False)
    await control.fault("sendChatAction", 500, count=2)
    for _ in range(2):
        with pytest.raises(telegram.error.NetworkError):
            await bot.send_chat_action(ALICE, "typing")
    assert await bot.send_chat_action(ALICE, "typing")


async def test_reset_clears_everything(control: SandboxClient, bot: telegram.Bot) -> None:
    """After reset no user, chat, call or pending update remains; update ids keep growing."""
    before = await control.send(ALICE, "x")
    await control.reset()
    assert await control.users() == []
    assert await control.calls() == []
    assert await bot.get_updates() == ()
    await control.add_user(ALICE, "Alice")
    assert (await control.send(ALICE, "y"))["update_id"] > before["update_id"]


async def test_control_errors_are_json(sandbox: Sandbox) -> None:
    """Unknown users are 404 and bad bodies 400, with an error text."""
    async with httpx.AsyncClient(base_url=sandbox.url, trust_env=False) as http:
        unknown = await http.post("/sandbox/send", json={"user_id": 5, "text": "?"})
        bad = await http.post("/sandbox/users", content=b"{not json")
        nowhere = await http.get("/sandbox/nowhere")
    assert (unknown.status_code, bad.status_code, nowhere.status_code) == (404, 400, 404)
    assert "error" in unknown.json() and "error" in bad.json()


async def test_wait_for_returns_the_matching_message(
    control: SandboxClient, bot: telegram.Bot
) -> None:
    """wait_for polls the chat until the predicate holds."""
    await bot.send_message(ALICE, "Bienvenue sur Confrère")
    found = await control.wait_for_text(ALICE, "Bienvenue", timeout=1)
    assert found["message_id"] == 1


async def test_wait_for_times_out_showing_the_chat(
    control: SandboxClient, bot: telegram.Bot
) -> None:
    """A wait that never matches raises TimeoutError listing what the chat holds."""
    await bot.send_message(ALICE, "Autre chose")
    with pytest.raises(TimeoutError, match="Autre chose"):
        await control.wait_for(ALICE, lambda m: m.get("text") == "jamais", timeout=0.1)
