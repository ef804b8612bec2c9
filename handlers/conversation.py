"""Messages: a question, a reply in a conversation, or something the bot cannot relay."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.services import messages, relay
from handlers.base import call, callback_args, person_of, source_message_id


async def message(update: Update, context: BotContext) -> None:
    """Route a text or a photo with its caption."""
    msg = update.effective_message
    if msg is None:
        return
    reply = msg.reply_to_message
    await call(
        update,
        context,
        messages.incoming,
        person=person_of(update),
        text=msg.text or msg.caption or "",
        photo_message_id=msg.message_id if msg.photo else None,
        reply_to=reply.message_id if reply is not None else None,
        settings=context.settings,
    )


async def unsupported(update: Update, context: BotContext) -> None:
    """Say what the bot accepts."""
    await call(update, context, messages.unsupported, by_id=True)


async def unknown_command(update: Update, context: BotContext) -> None:
    """Point to /help."""
    await call(update, context, messages.plain_reply, by_id=True, key="common.unknown_command")


async def edited(update: Update, context: BotContext) -> None:
    """Edits are not relayed: say so."""
    await call(update, context, messages.plain_reply, by_id=True, key="common.edit_not_relayed")


async def help_command(update: Update, context: BotContext) -> None:
    """Show the help."""
    await call(update, context, messages.plain_reply, by_id=True, key="common.help")


async def to_thread(update: Update, context: BotContext) -> None:
    """Relay a held message to the conversation the sender picked."""
    thread_id, held_id = callback_args(update)
    await call(
        update,
        context,
        relay.release_held,
        by_id=True,
        thread_id=int(thread_id),
        held_id=int(held_id),
        message_id=source_message_id(update),
        settings=context.settings,
    )
