"""Ending a conversation, the survey, and /mythreads."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.services import closing
from handlers.base import call, callback_args, source_message_id


async def close_command(update: Update, context: BotContext) -> None:
    """Close the open conversation, or ask which."""
    await call(update, context, closing.close_command, needs_user=True, settings=context.settings)


async def close(update: Update, context: BotContext) -> None:
    """The close button."""
    (thread_id,) = callback_args(update)
    await call(
        update,
        context,
        closing.close,
        by_id=True,
        thread_id=int(thread_id),
        message_id=source_message_id(update),
        settings=context.settings,
    )


async def survey(update: Update, context: BotContext) -> None:
    """One answer of the close-out survey."""
    query = update.callback_query
    if query is not None and query.data:
        thread_id, choice = callback_args(update)
        await call(
            update,
            context,
            closing.answer_survey,
            by_id=True,
            thread_id=int(thread_id),
            question=1 if query.data.startswith("sv1") else 2,
            choice=choice,
            message_id=source_message_id(update),
        )


async def my_threads(update: Update, context: BotContext) -> None:
    """List open conversations."""
    await call(update, context, closing.my_threads, needs_user=True)
