"""A specialist's Take and Pass on an offered question."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.services import routing
from handlers.base import call, callback_args, person_of


async def take(update: Update, context: BotContext) -> None:
    """Take the question (the first Take wins)."""
    person = person_of(update)
    if person is not None:
        (thread_id,) = callback_args(update)
        await call(
            update,
            context,
            routing.take,
            user_id=person.id,
            thread_id=int(thread_id),
            settings=context.settings,
        )


async def pass_offer(update: Update, context: BotContext) -> None:
    """Decline the question."""
    person = person_of(update)
    if person is not None:
        (thread_id,) = callback_args(update)
        await call(
            update,
            context,
            routing.pass_offer,
            user_id=person.id,
            thread_id=int(thread_id),
            settings=context.settings,
        )
