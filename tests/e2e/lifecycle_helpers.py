"""Steps shared by the on-call and lifecycle end-to-end tests: a clock the test moves, the real
Application on the stand-in with that clock, scripted users, and reads of the database.

Nothing here sleeps for time to pass: the clock is moved by hand and the sweep is called directly.
Waiting is polling the stand-in or the database until a condition holds, with a deadline.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import col, select

from bot.app import build_application, running
from bot.context import ConfrereApp
from bot.sandbox.client import SandboxClient
from bot.sandbox.server import SANDBOX_TOKEN, Sandbox
from bot.services import sweep
from bot.services.seeding import seed_users
from bot.settings import Settings
from storage.db import SessionFactory, create_engine, create_session_factory
from storage.models import Offer, OnCallWindow, Outbox, OutboxStatus, Thread, User
from tests.e2e.helpers import Json, Predicate, buttons, has

# A Wednesday: 10:00 UTC is 11:00 in Paris (the default time zone).
NOW = datetime(2025, 3, 5, 10, 0, tzinfo=UTC)
STEP_TIMEOUT = 8.0
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


def is_offer(message: Json) -> bool:
    """The message is an offer carrying Take / Pass."""
    return any(str(b.get("callback_data", "")).startswith("take:") for b in buttons(message))


def record(
    user_id: int,
    *,
    specialties: Sequence[str] = (),
    on_call: bool = False,
    capacity: int | None = None,
    moderator: bool = False,
) -> Json:
    """A seed record of a verified French-speaking user."""
    rec: Json = {
        "id": user_id,
        "first_name": f"User{user_id}",
        "language_code": "fr",
        "verified": True,
        "specialties": list(specialties),
        "on_call": on_call,
        "moderator": moderator,
    }
    if capacity is not None:
        rec["capacity"] = capacity
    return rec


def nephro(user_id: int, *, on_call: bool = False, capacity: int | None = None) -> Json:
    """A verified nephrologist."""
    return record(user_id, specialties=["nephrology"], on_call=on_call, capacity=capacity)


class Users:
    """Scripted users; each ``expect`` waits for a message newer than the last one seen."""

    def __init__(self, client: SandboxClient, settings: Settings, clock: Clock) -> None:
        self.c = client
        self.settings = settings
        self.clock = clock
        self.seen: dict[int, int] = {}

    async def seed(self, *records: Json) -> None:
        """Create ready users in the stand-in and in the database, on call from the clock's now."""
        for r in records:
            await self.c.add_user(r["id"], r["first_name"], language_code=r["language_code"])
        async with database(self.settings) as sessions, sessions() as session:
            await seed_users(session, records, now=self.clock(), settings=self.settings)

    async def expect(self, user_id: int, predicate: Predicate) -> Json:
        """Wait for a new message to ``user_id`` satisfying ``predicate``."""
        after = self.seen.get(user_id, 0)
        message = await self.c.wait_for(
            user_id, lambda m: m["message_id"] > after and predicate(m), timeout=STEP_TIMEOUT
        )
        self.seen[user_id] = message["message_id"]
        return message

    async def expect_text(self, user_id: int, substring: str) -> Json:
        """Wait for a new message to ``user_id`` containing ``substring``."""
        return await self.expect(user_id, has(substring))

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
        send = next(
            str(b["callback_data"])
            for b in buttons(preview)
            if str(b["callback_data"]).startswith("send:")
        )
        await self.c.press(asker, preview["message_id"], data=send)
        return await self.expect(asker, has("#"))

    async def offers_to(self, user_id: int) -> list[Json]:
        """Every offer message in ``user_id``'s chat, oldest first."""
        return [m for m in await self.c.chat(user_id) if is_offer(m)]

    async def settle(self) -> None:
        """Wait until every queued message due at the clock's now has been delivered."""
        await wait_db(self.settings, _outbox_drained(self.clock()), "the outbox to drain")


def _outbox_drained(now: datetime) -> Callable[[SessionFactory], Any]:
    async def check(sessions: SessionFactory) -> bool:
        async with sessions() as session:
            result = await session.exec(
                select(Outbox.id).where(
                    Outbox.status == OutboxStatus.PENDING, col(Outbox.next_attempt_at) <= now
                )
            )
            return result.first() is None

    return check


@asynccontextmanager
async def database(settings: Settings) -> AsyncIterator[SessionFactory]:
    """A session factory on the test database, disposed afterwards."""
    engine = create_engine(settings.database_url)
    try:
        yield create_session_factory(engine)
    finally:
        await engine.dispose()


async def wait_db(settings: Settings, check: Callable[[SessionFactory], Any], what: str) -> None:
    """Poll ``check(sessions)`` until it is true, or fail naming ``what``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + STEP_TIMEOUT
    async with database(settings) as sessions:
        while not await check(sessions):
            if loop.time() > deadline:
                raise AssertionError(f"timed out waiting for {what}")
            await asyncio.sleep(0.02)


async def get_user(settings: Settings, user_id: int) -> User:
    """The user as stored now."""
    async with database(settings) as sessions, sessions() as session:
        user = await session.get(User, user_id)
        assert user is not None
        return user


async def get_thread(settings: Settings, thread_id: int) -> Thread:
    """The thread as stored now."""
    async with database(settings) as sessions, sessions() as session:
        thread = await session.get(Thread, thread_id)
        assert thread is not None
        return thread


async def threads(settings: Settings) -> list[Thread]:
    """Every sent thread, oldest first."""
    async with database(settings) as sessions, sessions() as session:
        result = await session.exec(
            select(Thread).where(col(Thread.sent_at).is_not(None)).order_by(col(Thread.id))
        )
        return list(result.all())


async def offers(settings: Settings, thread_id: int) -> dict[int, Offer]:
    """The offers of a thread by specialist."""
    async with database(settings) as sessions, sessions() as session:
        result = await session.exec(select(Offer).where(Offer.thread_id == thread_id))
        return {o.specialist_id: o for o in result.all()}


async def windows(settings: Settings, user_id: int) -> list[tuple[int, int, int]]:
    """A user's stored weekly windows as (weekday, start minute, end minute)."""
    async with database(settings) as sessions, sessions() as session:
        result = await session.exec(
            select(OnCallWindow)
            .where(OnCallWindow.user_id == user_id)
            .order_by(col(OnCallWindow.weekday), col(OnCallWindow.start_minute))
        )
        return [(w.weekday, w.start_minute, w.end_minute) for w in result.all()]


async def set_windows(settings: Settings, user_id: int, spans: list[tuple[int, int, int]]) -> None:
    """Store weekly windows for a user directly."""
    async with database(settings) as sessions, sessions() as session:
        for weekday, start, end in spans:
            session.add(
                OnCallWindow(user_id=user_id, weekday=weekday, start_minute=start, end_minute=end)
            )
        await session.commit()
