"""What every handler shares: who sent the update, and calling one service."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from telegram import Update

from bot.context import BotContext
from bot.services import messages
from bot.services.common import Outcome, Person, load_user


def person_of(update: Update) -> Person | None:
    """The sender as plain values (None for updates without a user)."""
    user = update.effective_user
    if user is None:
        return None
    return Person(
        id=user.id,
        first_name=user.first_name,
        last_name=user.last_name,
        username=user.username,
        language_code=user.language_code,
    )


def callback_args(update: Update) -> list[str]:
    """The ``:``-separated fields of a button's callback data after its verb."""
    query = update.callback_query
    data = query.data if query is not None and query.data else ""
    return data.split(":")[1:]


def source_message_id(update: Update) -> int | None:
    """The bot message a button belongs to."""
    query = update.callback_query
    if query is None or query.message is None:
        return None
    return query.message.message_id


async def call(
    update: Update,
    context: BotContext,
    service: Callable[..., Awaitable[Outcome]],
    *,
    needs_user: bool = False,
    by_id: bool = False,
    **kwargs: Any,
) -> Outcome:
    """Run one service in one session, wake the dispatcher, answer the button if any.

    ``needs_user`` passes the registered ``user`` (an unknown one is told to /start);
    ``by_id`` passes the sender's ``user_id``.
    """
    person = person_of(update)
    if person is None:
        return Outcome()
    if by_id:
        kwargs["user_id"] = person.id
    kwargs.setdefault("update_id", update.update_id)
    kwargs.setdefault("now", context.now())
    async with context.sessions() as session:
        if needs_user:
            outcome = await _as_user(session, person.id, service, context, **kwargs)
        else:
            outcome = await service(session, **kwargs)
    context.kick()
    if update.callback_query is not None:
        await update.callback_query.answer(outcome.answer)
    return outcome


async def _as_user(
    session: AsyncSession,
    user_id: int,
    service: Callable[..., Awaitable[Outcome]],
    context: BotContext,
    **kwargs: Any,
) -> Outcome:
    """Call ``service`` with the registered user, or tell an unknown user to /start."""
    user = await load_user(session, user_id)
    if user is not None:
        return await service(session, user=user, **kwargs)
    return await messages.plain_reply(
        session,
        user_id=user_id,
        key="common.not_registered",
        update_id=kwargs["update_id"],
        now=kwargs["now"],
        language=context.settings.default_language,
    )
