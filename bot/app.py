"""The composition root: builds the engine, the sessions, the dispatcher and the Application."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import Any, cast

from telegram import BotCommand, BotCommandScopeDefault, Update
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.context import AppState, BotContext, Clock, ConfrereApp, utc_clock
from bot.delivery import Dispatcher
from bot.domain import deid, triage
from bot.services import relay
from bot.settings import Settings
from bot.texts import LANGUAGES, t
from handlers import asking, availability, closing, conversation, jobs, offers, onboarding
from handlers.errors import on_error
from storage.db import create_engine, create_session_factory

log = logging.getLogger(__name__)

COMMANDS = (
    "ask",
    "mythreads",
    "close",
    "specialties",
    "oncall",
    "offcall",
    "schedule",
    "pause",
    "capacity",
    "status",
    "timezone",
    "language",
    "help",
    "start",
)


def build_application(
    settings: Settings,
    *,
    token: str,
    api_url: str | None = None,
    clock: Clock = utc_clock,
    dispatch: bool = True,
) -> ConfrereApp:
    """Wire everything. ``dispatch=False`` leaves the outbox unsent (crash tests)."""
    engine = create_engine(settings.database_url)
    sessions = create_session_factory(engine)
    state = AppState(settings=settings, engine=engine, sessions=sessions, clock=clock)
    base = (api_url or settings.bot_api_url).rstrip("/")
    # PTB builds bot_data by calling the factory; hand it the state built above.
    bot_data = cast("type[AppState]", lambda: state)
    context_types = ContextTypes(context=BotContext, bot_data=bot_data)
    application = cast(
        ConfrereApp,
        ApplicationBuilder()
        .token(token)
        .base_url(f"{base}/bot")
        .base_file_url(f"{base}/file/bot")
        .context_types(context_types)
        .rate_limiter(AIORateLimiter(max_retries=0))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build(),
    )

    if dispatch:

        async def on_blocked(user_id: int, now: datetime) -> None:
            async with sessions() as session:
                await relay.mark_unreachable(session, user_id=user_id, now=now, settings=settings)
            if state.dispatcher is not None:
                state.dispatcher.kick()

        state.dispatcher = Dispatcher(
            application.bot, sessions, clock=clock, on_blocked=on_blocked
        )
    register_handlers(application)
    if application.job_queue is not None:
        application.job_queue.run_repeating(
            jobs.sweep_job,
            interval=settings.sweep_seconds,
            first=settings.sweep_seconds,
            name="sweep",
        )
    return application


def register_handlers(application: ConfrereApp) -> None:
    """Commands, buttons, then messages; the first matching handler wins."""
    private = filters.ChatType.PRIVATE
    commands: dict[str, Any] = {
        "start": onboarding.start,
        "language": onboarding.language,
        "ask": asking.ask,
        "close": closing.close_command,
        "mythreads": closing.my_threads,
        "specialties": availability.specialties,
        "oncall": availability.oncall,
        "offcall": availability.offcall,
        "schedule": availability.schedule,
        "pause": availability.pause,
        "capacity": availability.capacity,
        "status": availability.status,
        "timezone": availability.set_timezone,
        "help": conversation.help_command,
    }
    for name, callback in commands.items():
        application.add_handler(CommandHandler(name, callback, filters=private))
    buttons: dict[str, Any] = {
        r"^lang:(fr|en)$": onboarding.choose_language,
        r"^charter:accept$": onboarding.accept_charter,
        r"^prof:[a-z]+$": onboarding.choose_profession,
        r"^send:\d+(:[a-z_]+)?$": asking.send,
        r"^other:\d+$": asking.other_specialty,
        r"^edit:\d+$": asking.edit,
        r"^cancel:\d+$": asking.cancel,
        r"^take:\d+$": offers.take,
        r"^pass:\d+$": offers.pass_offer,
        r"^to:\d+:\d+$": conversation.to_thread,
        r"^close:\d+$": closing.close,
        r"^sv[12]:\d+:[a-z_]+$": closing.survey,
        r"^sp:[a-z_]+$": availability.toggle_specialty,
        r"^oc:(extend|stop)$": availability.extend_or_stop,
    }
    for pattern, callback in buttons.items():
        application.add_handler(CallbackQueryHandler(callback, pattern=pattern))
    application.add_handler(CallbackQueryHandler(_stale_button))
    application.add_handler(
        MessageHandler(private & filters.COMMAND, conversation.unknown_command)
    )
    application.add_handler(
        MessageHandler(
            private & filters.UpdateType.MESSAGE & (filters.TEXT | filters.PHOTO),
            conversation.message,
        )
    )
    application.add_handler(
        MessageHandler(private & filters.UpdateType.MESSAGE, conversation.unsupported)
    )
    application.add_handler(
        MessageHandler(private & filters.UpdateType.EDITED_MESSAGE, conversation.edited)
    )
    application.add_error_handler(on_error)


async def _stale_button(update: Update, context: BotContext) -> None:
    """A button the bot no longer knows (old or forged): say so, change nothing."""
    query = update.callback_query
    if query is not None:
        lang = (update.effective_user.language_code if update.effective_user else None) or "fr"
        await query.answer(t("en" if lang.startswith("en") else "fr", "common.stale_button"))


async def _post_init(application: ConfrereApp) -> None:
    """Load the de-identification word lists, the triage lexicon and its learned word weights
    (not on the first question), publish the command list in both languages, then send what the
    outbox still holds."""
    deid.warm_up()
    triage.load_lexicon()
    triage.load_words()
    for lang in LANGUAGES:
        await application.bot.set_my_commands(
            [BotCommand(name, t(lang, f"commands.{name}")) for name in COMMANDS],
            scope=BotCommandScopeDefault(),
            language_code=lang,
        )
    dispatcher = application.bot_data.dispatcher
    if dispatcher is not None:
        dispatcher.start()
        dispatcher.kick()


async def _post_shutdown(application: ConfrereApp) -> None:
    """Stop the dispatcher and close the database."""
    state = application.bot_data
    if state.dispatcher is not None:
        await state.dispatcher.stop()
    await state.engine.dispose()


@asynccontextmanager
async def running(application: ConfrereApp, *, poll_timeout: float = 10) -> AsyncIterator[None]:
    """Run the bot with long polling inside the caller's event loop (sandbox, demo, tests)."""
    await application.initialize()
    if application.post_init is not None:
        await application.post_init(application)
    assert application.updater is not None
    await application.updater.start_polling(
        poll_interval=0, timeout=timedelta(seconds=poll_timeout), drop_pending_updates=False
    )
    await application.start()
    try:
        yield
    finally:
        if application.updater.running:
            await application.updater.stop()
        if application.running:
            await application.stop()
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
