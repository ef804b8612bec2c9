"""Asking: /ask and the preview's buttons (send, another specialty, edit, cancel)."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.services import asking
from handlers.base import call, callback_args, source_message_id


async def ask(update: Update, context: BotContext) -> None:
    """Take the next message as a question."""
    await call(update, context, asking.prompt, needs_user=True)


async def send(update: Update, context: BotContext) -> None:
    """Send the draft to the chosen (or suggested) specialty."""
    args = callback_args(update)
    await call(
        update,
        context,
        asking.send,
        by_id=True,
        thread_id=int(args[0]),
        specialty=args[1] if len(args) > 1 else None,
        message_id=source_message_id(update),
        settings=context.settings,
    )


async def other_specialty(update: Update, context: BotContext) -> None:
    """Show every specialty."""
    (thread_id,) = callback_args(update)
    await call(
        update,
        context,
        asking.show_specialties,
        by_id=True,
        thread_id=int(thread_id),
        message_id=source_message_id(update) or 0,
    )


async def edit(update: Update, context: BotContext) -> None:
    """Wait for a new text for the draft."""
    (thread_id,) = callback_args(update)
    await call(update, context, asking.start_edit, by_id=True, thread_id=int(thread_id))


async def cancel(update: Update, context: BotContext) -> None:
    """Drop the draft."""
    (thread_id,) = callback_args(update)
    await call(
        update,
        context,
        asking.cancel,
        by_id=True,
        thread_id=int(thread_id),
        message_id=source_message_id(update),
    )
