"""The typed context handlers receive: settings, sessions, the clock and the dispatcher."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot.delivery import Dispatcher
from bot.settings import Settings
from storage.db import SessionFactory

Clock = Callable[[], datetime]


def utc_clock() -> datetime:
    """The real clock."""
    return datetime.now(UTC)


@dataclass(slots=True)
class AppState:
    """What the composition root builds once and every handler shares (``bot_data``)."""

    settings: Settings
    engine: AsyncEngine
    sessions: SessionFactory
    clock: Clock
    dispatcher: Dispatcher | None = None


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], AppState]):
    """``CallbackContext`` with typed access to the application's dependencies."""

    @property
    def state(self) -> AppState:
        """The shared application state."""
        return self.bot_data

    @property
    def settings(self) -> Settings:
        """The settings."""
        return self.bot_data.settings

    @property
    def sessions(self) -> SessionFactory:
        """Open a session with ``async with context.sessions() as session``."""
        return self.bot_data.sessions

    def now(self) -> datetime:
        """The current time from the injected clock."""
        return self.bot_data.clock()

    def kick(self) -> None:
        """Tell the dispatcher there is something to send."""
        if self.bot_data.dispatcher is not None:
            self.bot_data.dispatcher.kick()


ConfrereApp = Application[
    ExtBot[None], BotContext, dict[Any, Any], dict[Any, Any], AppState, JobQueue[BotContext]
]
