"""The error handler: log the traceback with an id; users and moderators get only the id."""

from __future__ import annotations

import logging
import secrets

from telegram import Update
from telegram.error import TelegramError

from bot.context import BotContext
from bot.texts import normalise_language, t

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Never show a traceback; never send the update's content anywhere."""
    error_id = secrets.token_hex(4)
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("error %s on update %s", error_id, update_id, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_user is None:
        return
    lang = normalise_language(update.effective_user.language_code)
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(t(lang, "common.error", error_id=error_id))
        else:
            await context.bot.send_message(
                update.effective_user.id, t(lang, "common.error", error_id=error_id)
            )
        for moderator in context.settings.moderator_ids:
            text = t(
                context.settings.default_language, "common.error_moderator", error_id=error_id
            )
            await context.bot.send_message(moderator, text)
    except TelegramError:
        log.warning("could not report error %s", error_id)
