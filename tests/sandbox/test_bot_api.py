"""PTB's real Bot client against the sandbox: results parse, errors surface as PTB exceptions."""

from datetime import timedelta

import httpx
import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, InvalidToken, RetryAfter, TimedOut

from bot.sandbox.server import Sandbox
from tests.sandbox.conftest import ALICE

KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("Prendre", callback_data="take:1")]])


async def test_get_me_describes_the_bot(bot: telegram.Bot) -> None:
    """getMe answers the Confrère bot user."""
    me = await bot.get_me()
    assert (me.id, me.username, me.first_name, me.is_bot) == (
        7000000001,
        "confrere_bot",
        "Confrère",
        True,
    )


async def test_send_message_with_html_keyboard_and_protection(
    bot: telegram.Bot, sandbox: Sandbox
) -> None:
    """The returned Message carries parsed entities, the keyboard and protection."""
    message = await bot.send_message(
        ALICE,
        "<b>Cas</b> urgent",
        parse_mode=ParseMode.HTML,
        reply_markup=KEYBOARD,
        protect_content=True,
    )
    assert message.text == "Cas urgent"
    assert message.entities[0].type == "bold"
    assert message.reply_markup == KEYBOARD
    assert message.has_protected_content
    assert message.from_user is not None and message.from_user.is_bot
    [shown] = sandbox.chat(ALICE)
    assert shown["html"] == "<b>Cas</b> urgent"
    assert shown["protect_content"] is True


async def test_message_ids_are_shared_by_both_sides_of_the_chat(
    bot: telegram.Bot, sandbox: Sandbox
) -> None:
    """A user's message takes the next id in the chat, before the bot's reply."""
    sent = sandbox.send(ALICE, "Bonjour")
    reply = await bot.send_message(ALICE, "Salut", reply_to_message_id=sent["message_id"])
    assert (sent["message_id"], reply.message_id) == (1, 2)
    assert reply.reply_to_message is not None and reply.reply_to_message.text == "Bonjour"


async def test_copy_of_a_photo_keeps_the_photo_with_a_new_caption(
    bot: telegram.Bot, sandbox: Sandbox
) -> None:
    """copyMessage answers a MessageId; the copy is the same photo with the new caption."""
    sent = sandbox.send(ALICE, photo=True, caption="radio")
    copied = await bot.copy_message(
        ALICE, ALICE, sent["message_id"], caption="<i>copie</i>", parse_mode=ParseMode.HTML
    )
    [copy] = sandbox.chat(ALICE)
    assert copy["message_id"] == copied.message_id
    assert (copy["photo"], copy["caption"]) == (True, "copie")


async def test_edit_text_then_markup(bot: telegram.Bot, sandbox: Sandbox) -> None:
    """Edits apply to the stored message; editing text without a keyboard removes it."""
    message = await bot.send_message(ALICE, "Question", reply_markup=KEYBOARD)
    edited = await bot.edit_message_text(
        "Question prise", ALICE, message.message_id, reply_markup=KEYBOARD
    )
    assert isinstance(edited, telegram.Message) and edited.edit_date is not None
    await bot.edit_message_reply_markup(ALICE, message.message_id, reply_markup=None)
    [shown] = sandbox.chat(ALICE)
    assert (shown["text"], shown["reply_markup"], shown["edited"]) == (
        "Question prise",
        None,
        True,
    )


async def test_unchanged_edit_is_refused(bot: telegram.Bot) -> None:
    """Editing to the same content and markup is 'message is not modified'."""
    message = await bot.send_message(ALICE, "Même")
    with pytest.raises(BadRequest, match="Message is not modified: specified new message"):
        await bot.edit_message_text("Même", ALICE, message.message_id)


async def test_delete_message_then_edit_it_fails(bot: telegram.Bot, sandbox: Sandbox) -> None:
    """A deleted message stays listed as deleted and can no longer be edited."""
    message = await bot.send_message(ALICE, "Éphémère")
    assert await bot.delete_message(ALICE, message.message_id)
    assert sandbox.chat(ALICE)[0]["deleted"] is True
    with pytest.raises(BadRequest, match=r"^Message to edit not found$"):
        await bot.edit_message_text("Encore", ALICE, message.message_id)


async def test_user_messages_cannot_be_edited_by_the_bot(
    bot: telegram.Bot, sandbox: Sandbox
) -> None:
    """Only the bot's own messages are editable."""
    sent = sandbox.send(ALICE, "à moi")
    with pytest.raises(BadRequest, match=r"^Message to edit not found$"):
        await bot.edit_message_text("à toi", ALICE, sent["message_id"])


async def test_answer_callback_query_is_recorded(bot: telegram.Bot, sandbox: Sandbox) -> None:
    """The answer to a press is listed with the press's data and message."""
    message = await bot.send_message(ALICE, "Question", reply_markup=KEYBOARD)
    sandbox.press(ALICE, message.message_id, data="take:1")
    [update] = await bot.get_updates()
    assert update.callback_query is not None
    assert await bot.answer_callback_query(update.callback_query.id, "Pris", show_alert=True)
    assert sandbox.answers(ALICE) == [
        {
            "callback_query_id": update.callback_query.id,
            "message_id": message.message_id,
            "data": "take:1",
            "text": "Pris",
            "show_alert": True,
        }
    ]
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query(update.callback_query.id)


async def test_set_my_commands_round_trips(bot: telegram.Bot) -> None:
    """setMyCommands per language is read back by getMyCommands."""
    assert await bot.set_my_commands([("ask", "Poser une question")], language_code="fr")
    commands = await bot.get_my_commands(language_code="fr")
    assert [(c.command, c.description) for c in commands] == [("ask", "Poser une question")]
    assert await bot.get_my_commands() == ()


@pytest.mark.parametrize(
    ("text", "parse_mode", "error"),
    [
        ("", None, "^Message text is empty$"),
        ("<b>  </b>", ParseMode.HTML, "^Message text is empty$"),
        ("x" * 4097, None, "^Message is too long$"),
        ("<b>gras", ParseMode.HTML, "^Can't parse entities: "),
        ("a < b", ParseMode.HTML, "^Can't parse entities: "),
    ],
)
async def test_bad_texts_are_refused(
    bot: telegram.Bot, text: str, parse_mode: str | None, error: str
) -> None:
    """Empty, too long and unparsable texts raise BadRequest with Telegram's message."""
    with pytest.raises(BadRequest, match=error):
        await bot.send_message(ALICE, text, parse_mode=parse_mode)


async def test_long_text_with_markup_is_measured_after_parsing(bot: telegram.Bot) -> None:
    """4096 characters of text pass even when the HTML source is longer."""
    message = await bot.send_message(ALICE, f"<b>{'x' * 4096}</b>", parse_mode=ParseMode.HTML)
    assert len(message.text or "") == 4096


async def test_too_long_caption_is_refused(bot: telegram.Bot, sandbox: Sandbox) -> None:
    """A caption over 1024 characters is refused on copy too."""
    sent = sandbox.send(ALICE, photo=True)
    with pytest.raises(BadRequest, match=r"^Message caption is too long$"):
        await bot.copy_message(ALICE, ALICE, sent["message_id"], caption="x" * 1025)


async def test_unknown_chat_and_message(bot: telegram.Bot) -> None:
    """Unknown chats and messages to copy are refused with Telegram's wording."""
    with pytest.raises(BadRequest, match=r"^Chat not found$"):
        await bot.send_message(999, "?")
    with pytest.raises(BadRequest, match=r"^Message to copy not found$"):
        await bot.copy_message(ALICE, ALICE, 77)


async def test_oversized_callback_data_is_refused(bot: telegram.Bot) -> None:
    """Callback data over 64 bytes is BUTTON_DATA_INVALID, as on Telegram."""
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="é" * 33)]])
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(ALICE, "x", reply_markup=keyboard)


async def test_blocked_user_raises_forbidden(bot: telegram.Bot, sandbox: Sandbox) -> None:
    """Sending to a user who blocked the bot is 403 Forbidden; unblocking restores it."""
    sandbox.block(ALICE)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(ALICE, "Toc toc")
    sandbox.block(ALICE, blocked=False)
    assert (await bot.send_message(ALICE, "Toc toc")).text == "Toc toc"


async def test_429_fault_raises_retry_after(
    bot: telegram.Bot, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A planned 429 surfaces as RetryAfter, then the method works again."""
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # PTB 22 warns on int retry_after otherwise
    sandbox.add_fault("sendMessage", 429, retry_after=7)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(ALICE, "vite")
    assert caught.value.retry_after == timedelta(seconds=7)
    await bot.send_message(ALICE, "vite")
    assert [call["ok"] for call in sandbox.calls("sendMessage")] == [False, True]


async def test_500_fault_raises_a_network_error(bot: telegram.Bot, sandbox: Sandbox) -> None:
    """A planned 500 is a NetworkError; nothing is sent."""
    sandbox.add_fault("sendmessage", 500)
    with pytest.raises(telegram.error.NetworkError, match="Internal Server Error"):
        await bot.send_message(ALICE, "x")
    assert sandbox.chat(ALICE) == []


async def test_timeout_fault_raises_timed_out(bot: telegram.Bot, sandbox: Sandbox) -> None:
    """A hanging call makes PTB's short read timeout expire; the call is not performed."""
    sandbox.add_fault("sendMessage", "timeout", seconds=5)
    with pytest.raises(TimedOut):
        await bot.send_message(ALICE, "x", read_timeout=0.2)
    assert sandbox.chat(ALICE) == []


async def test_wrong_token_is_unauthorized(sandbox: Sandbox) -> None:
    """Another token gets Telegram's 401, which PTB reports as InvalidToken."""
    async with httpx.AsyncClient(trust_env=False) as http:
        response = await http.get(f"{sandbox.base_url}123:wrong/getMe")
    assert response.status_code == 401
    assert response.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
    with pytest.raises(InvalidToken):  # initialize() calls getMe, and shuts down on failure
        async with telegram.Bot("123:wrong", base_url=sandbox.base_url):
            pass


async def test_methods_are_case_insensitive_and_unknown_ones_404(sandbox: Sandbox) -> None:
    """GETMe works; an unknown method is 404 Not Found."""
    async with httpx.AsyncClient(
        base_url=sandbox.base_url + sandbox.token, trust_env=False
    ) as http:
        assert (await http.get("/GETME")).json()["result"]["id"] == 7000000001
        missing = await http.post("/sendTelepathy")
    assert missing.status_code == 404
    assert missing.json()["description"] == "Not Found"


async def test_json_and_query_parameters_are_accepted(sandbox: Sandbox) -> None:
    """Parameters may come as a JSON body or a query string, typed by field name."""
    async with httpx.AsyncClient(
        base_url=sandbox.base_url + sandbox.token, trust_env=False
    ) as http:
        by_json = await http.post(
            "/sendMessage", json={"chat_id": 42, "text": "a", "protect_content": True}
        )
        by_query = await http.get(
            "/sendMessage", params={"chat_id": "42", "text": "b", "protect_content": "false"}
        )
    assert by_json.json()["result"]["has_protected_content"] is True
    assert "has_protected_content" not in by_query.json()["result"]


async def test_photo_upload_is_multipart(bot: telegram.Bot, sandbox: Sandbox) -> None:
    """sendPhoto with bytes (multipart) returns PhotoSizes and the caption."""
    message = await bot.send_photo(ALICE, b"\x89PNG fake", caption="scan")
    assert len(message.photo) == 2 and message.caption == "scan"
    [call] = sandbox.calls("sendPhoto")
    assert str(call["params"]["photo"]).startswith("<upload")
