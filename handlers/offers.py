"""A specialist's Take and Pass on an offered question."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.services import routing
from handlers.base import call, callback_args


async def take(update: Update, context: BotContext) -> None:
    """Take the question (the first Take wins)."""
    (thread_id,) = callback_args(update)
    await call(
        update,
        context,
        routing.take,
        by_id=True,
        thread_id=int(thread_id),
        settings=context.settings,
    )


async def pass_offer(update: Update, context: BotContext) -> None:
    """Decline the question."""
    (thread_id,) = callback_args(update)
    await call(
        update,
        context,
        routing.pass_offer,
        by_id=True,
        thread_id=int(thread_id),
        settings=context.settings,
    )
