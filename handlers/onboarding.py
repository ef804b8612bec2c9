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
    (lang,) = callback_args(update)
    await call(update, context, onboarding.set_language, by_id=True, lang=lang)


async def accept_charter(update: Update, context: BotContext) -> None:
    """Accept the charter."""
    await call(update, context, onboarding.accept_charter, by_id=True)


async def choose_profession(update: Update, context: BotContext) -> None:
    """Pick a profession."""
    (profession,) = callback_args(update)
    await call(update, context, onboarding.choose_profession, by_id=True, profession=profession)
