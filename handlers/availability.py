"""Specialties, on call, weekly windows, pause, capacity and status."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.services import availability
from handlers.base import call, callback_args, source_message_id


def _args(context: BotContext) -> str:
    return " ".join(context.args or [])


async def specialties(update: Update, context: BotContext) -> None:
    """Show the specialty keyboard."""
    await call(update, context, availability.specialties_menu, needs_user=True)


async def toggle_specialty(update: Update, context: BotContext) -> None:
    """Tick or untick a specialty, or finish."""
    (slug,) = callback_args(update)
    await call(
        update,
        context,
        availability.toggle_specialty,
        by_id=True,
        slug=slug,
        message_id=source_message_id(update),
    )


async def oncall(update: Update, context: BotContext) -> None:
    """Go on call, for a duration or until a time if given."""
    await call(
        update,
        context,
        availability.go_on_call,
        needs_user=True,
        args=_args(context),
        settings=context.settings,
    )


async def offcall(update: Update, context: BotContext) -> None:
    """End on-call."""
    await call(update, context, availability.go_off_call, needs_user=True)


async def extend_or_stop(update: Update, context: BotContext) -> None:
    """The end-of-on-call reminder's buttons."""
    (action,) = callback_args(update)
    await call(
        update,
        context,
        availability.extend_or_stop,
        by_id=True,
        action=action,
        message_id=source_message_id(update),
        settings=context.settings,
    )


async def schedule(update: Update, context: BotContext) -> None:
    """Show, set or clear the weekly on-call windows."""
    await call(
        update,
        context,
        availability.schedule,
        needs_user=True,
        args=_args(context),
        settings=context.settings,
    )


async def pause(update: Update, context: BotContext) -> None:
    """Pause offers (holidays), or resume with ``off``."""
    await call(
        update,
        context,
        availability.pause,
        needs_user=True,
        args=_args(context),
        settings=context.settings,
    )


async def capacity(update: Update, context: BotContext) -> None:
    """Show or set the most conversations at once."""
    await call(
        update,
        context,
        availability.capacity,
        needs_user=True,
        args=_args(context),
        settings=context.settings,
    )


async def set_timezone(update: Update, context: BotContext) -> None:
    """Show or set one's time zone."""
    await call(
        update,
        context,
        availability.set_timezone,
        needs_user=True,
        args=_args(context),
        settings=context.settings,
    )


async def status(update: Update, context: BotContext) -> None:
    """Show one's on-call state."""
    await call(update, context, availability.status, needs_user=True, settings=context.settings)
