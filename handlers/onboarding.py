"""Getting in: /start, /language, the charter, the profession."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.services import onboarding
from handlers.base import call, callback_args, person_of


async def start(update: Update, context: BotContext) -> None:
    """Register, or greet back."""
    await call(
        update, context, onboarding.start, person=person_of(update), settings=context.settings
    )


async def language(update: Update, context: BotContext) -> None:
    """Offer the language choice."""
    await call(
        update,
        context,
        onboarding.ask_language,
        person=person_of(update),
        settings=context.settings,
    )


async def choose_language(update: Update, context: BotContext) -> None:
    """Switch language."""
    person = person_of(update)
    if person is not None:
        (lang,) = callback_args(update)
        await call(update, context, onboarding.set_language, user_id=person.id, lang=lang)


async def accept_charter(update: Update, context: BotContext) -> None:
    """Accept the charter."""
    person = person_of(update)
    if person is not None:
        await call(update, context, onboarding.accept_charter, user_id=person.id)


async def choose_profession(update: Update, context: BotContext) -> None:
    """Pick a profession."""
    person = person_of(update)
    if person is not None:
        (profession,) = callback_args(update)
        await call(
            update, context, onboarding.choose_profession, user_id=person.id, profession=profession
        )
