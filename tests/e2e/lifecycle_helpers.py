"""Steps of the on-call and lifecycle end-to-end tests: a clock the test moves, the real
Application on the stand-in with that clock, the sweep, and scripted users on that clock.

User records, message predicates and every read of the database come from ``tests.e2e.helpers``.
Nothing here sleeps for time to pass: the clock is moved by hand and the sweep is called directly.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

from bot.app import build_application, running
from bot.context import ConfrereApp
from bot.sandbox.client import SandboxClient
from bot.sandbox.server import SANDBOX_TOKEN, Sandbox
from bot.services import sweep
from bot.services.seeding import seed_users
from bot.settings import Settings
from tests.e2e.helpers import (
    Chats,
    Json,
    button_data,
    db,
    has,
    is_offer,
    no_pending_outbox,
    user_record,
    wait_db,
)

# A Wednesday: 10:00 UTC is 11:00 in Paris (the default time zone).
NOW = datetime(2025, 3, 5, 10, 0, tzinfo=UTC)
GP = 1001
QUESTION = (
    "Patiente de 70 ans, IRC stade 4 (DFG 18, créat 280 µmol/L), kaliémie à 6,1 sous ramipril "
    "10 mg. J'arrête l'IEC ou je baisse la dose ? Avis néphro svp"
)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> datetime:
        """Move forward by ``delta``; return the new time."""
        self.now += delta
        return self.now


@asynccontextmanager
async def bot_at(settings: Settings, sandbox: Sandbox, clock: Clock) -> AsyncIterator[ConfrereApp]:
    """The real Application, long polling the stand-in, reading time from ``clock``."""
    app = build_application(settings, token=SANDBOX_TOKEN, api_url=sandbox.url, clock=clock)
    async with running(app, poll_timeout=1):
        yield app


async def run_sweep(app: ConfrereApp) -> sweep.SweepReport:
    """What the sweep job does, at the application's clock: sweep, then wake the dispatcher."""
    state = app.bot_data
    report = await sweep.run(state.sessions, now=state.clock(), settings=state.settings)
    assert state.dispatcher is not None
    state.dispatcher.kick()
    return report


def nephro(user_id: int, *, on_call: bool = False, capacity: int | None = None) -> Json:
    """A verified nephrologist."""
    return user_record(user_id, specialties=["nephrology"], on_call=on_call, capacity=capacity)


class Users(Chats):
    """Scripted users on the test's clock; each ``expect`` waits for a message newer than the
    last one seen."""

    def __init__(self, client: SandboxClient, settings: Settings, clock: Clock) -> None:
        super().__init__(client, settings)
        self.clock = clock

    async def seed(self, *records: Json) -> None:
        """Create ready users in the stand-in and in the database, on call from the clock's now."""
        await self.add(*records)
        async with db(self.settings) as session:
            await seed_users(session, records, now=self.clock(), settings=self.settings)

    async def command(self, user_id: int, text: str) -> Json:
        """Send a command and return the bot's next message to that user."""
        await self.c.send(user_id, text)
        return await self.expect(user_id, lambda _m: True)

    async def ask(self, asker: int, text: str = QUESTION) -> Json:
        """``/ask``, the question, Send on the preview; return the notice (offered / waiting)."""
        await self.c.send(asker, "/ask")
        await self.expect_text(asker, "Écrivez votre question")
        await self.c.send(asker, text)
        preview = await self.expect_text(asker, "Aperçu")
        await self.c.press(asker, preview["message_id"], data=button_data(preview, "send:"))
        return await self.expect(asker, has("#"))

    async def offers_to(self, user_id: int) -> list[Json]:
        """Every offer message in ``user_id``'s chat, oldest first."""
        return [m for m in await self.c.chat(user_id) if is_offer(m)]

    async def settle(self) -> None:
        """Wait until every queued message due at the clock's now has been delivered."""
        now = self.clock()
        await wait_db(
            self.settings,
            lambda session: no_pending_outbox(session, due_by=now),
            "the outbox to drain",
        )
