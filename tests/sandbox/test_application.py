"""A real PTB Application runs against the sandbox, by polling and by webhook."""

import socket

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.sandbox.client import SandboxClient
from bot.sandbox.server import SANDBOX_TOKEN, Sandbox
from tests.sandbox.conftest import ALICE


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet with a button."""
    assert update.effective_message is not None
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("OK", callback_data="ok")]])
    await update.effective_message.reply_html("<b>Bienvenue</b>", reply_markup=keyboard)


async def ok(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Acknowledge the press and drop the keyboard."""
    query = update.callback_query
    assert query is not None
    await query.answer("Noté")
    await query.edit_message_reply_markup(None)


def _application(sandbox: Sandbox) -> Application:  # type: ignore[type-arg]
    application = Application.builder().token(SANDBOX_TOKEN).base_url(sandbox.base_url).build()
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CallbackQueryHandler(ok))
    return application


async def _converse(control: SandboxClient) -> None:
    await control.send(ALICE, "/start")
    welcome = await control.wait_for_text(ALICE, "Bienvenue")
    assert welcome["reply_markup"] is not None
    await control.press(ALICE, welcome["message_id"], text="OK")
    await control.wait_for(ALICE, lambda m: m["reply_markup"] is None)
    [answer] = await control.answers(ALICE)
    assert answer["text"] == "Noté"


async def test_polling_application_converses(sandbox: Sandbox, control: SandboxClient) -> None:
    """run by polling: a command is answered, a press is answered and edits the message."""
    async with _application(sandbox) as application:
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0, timeout=1)
        await application.start()
        try:
            await _converse(control)
        finally:
            await application.updater.stop()
            await application.stop()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def test_webhook_application_converses(sandbox: Sandbox, control: SandboxClient) -> None:
    """run by webhook: PTB's own webhook server receives the updates with the secret."""
    port = _free_port()
    async with _application(sandbox) as application:
        assert application.updater is not None
        await application.updater.start_webhook(
            listen="127.0.0.1",
            port=port,
            url_path="hook",
            webhook_url=f"http://127.0.0.1:{port}/hook",
            secret_token="s3cret",
        )
        await application.start()
        try:
            await _converse(control)
        finally:
            await application.updater.stop()
            await application.stop()
