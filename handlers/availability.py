"""Specialties and on-call commands."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.services import availability
from handlers.base import call, callback_args, person_of, source_message_id


async def specialties(update: Update, context: BotContext) -> None:
    """Show the specialty keyboard."""
    await call(update, context, availability.specialties_menu, needs_user=True)


async def toggle_specialty(update: Update, context: BotContext) -> None:
    """Tick or untick a specialty, or finish."""
    person = person_of(update)
    if person is not None:
        (slug,) = callback_args(update)
        await call(
            update,
            context,
            availability.toggle_specialty,
            user_id=person.id,
            slug=slug,
            message_id=source_message_id(update),
        )


async def oncall(update: Update, context: BotContext) -> None:
    """Go on call."""
    await call(
        update, context, availability.go_on_call, needs_user=True, settings=context.settings
    )


async def offcall(update: Update, context: BotContext) -> None:
    """End on-call."""
    await call(update, context, availability.go_off_call, needs_user=True)
