"""Shared steps of the end-to-end tests: user records, scripted users, onboarding, asking,
taking, and every read (or direct write) of the database.

``Chats`` remembers the last message each user has seen, so every ``expect`` waits for a *new*
message (the same idea as ``bot.demo.Demo.expect``); ``Script`` builds the flows on it, and
``tests.e2e.lifecycle_helpers.Users`` the on-call steps on a clock the test moves. Nothing here
sleeps to let time pass: it polls the stand-in or the database until a condition holds, with a
deadline.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.rpps import luhn_valid
from bot.sandbox.client import SandboxClient
from bot.settings import Settings
from bot.texts import t
from storage.db import create_engine, create_session_factory
from storage.models import Offer, OnCallWindow, Outbox, OutboxStatus, Thread, User
from tests.conftest import seed

Json = dict[str, Any]
Predicate = Callable[[Json], bool]

STEP_TIMEOUT = 8.0
PROBE = 990_000_001  # a user who only ever sends /help, to know the bot caught up
RPPS = "10001234565"  # Luhn-valid

QUESTION = (
    "Bonjour, patiente Mme Jeanne Dupont née le 12/03/1954, IRC stade 4 (DFG 18, créat "
    "280 µmol/L), kaliémie à 6,1 sous ramipril 10 mg. J'arrête l'IEC ou je baisse la dose ? "
    "Avis néphro svp"
)
DERM_QUESTION = "Eczéma chronique des mains depuis 3 mois malgré dermocorticoïdes, avis dermato ?"


def make_rpps(seq: int) -> str:
    """A Luhn-valid RPPS number, different for each ``seq``."""
    base = f"1{seq:09d}"
    return next(base + d for d in "0123456789" if luhn_valid(base + d))


def body(message: Json) -> str:
    """A message's text or caption."""
    return str(message.get("text") or message.get("caption") or "")


def has(substring: str) -> Predicate:
    """A predicate: the message's text or caption contains ``substring``."""
    return lambda m: substring in body(m) and not m.get("deleted")


def fr(key: str, **params: object) -> str:
    """A French text of the catalogue as the stand-in shows it (no HTML tags)."""
    return t("fr", key, **params).replace("<b>", "").replace("</b>", "")


def buttons(message: Json) -> list[Json]:
    """Every inline button of a message, row after row."""
    markup = message.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


def button_data(message: Json, prefix: str) -> str:
    """The callback data of the first button whose data starts with ``prefix``."""
    for b in buttons(message):
        if str(b.get("callback_data", "")).startswith(prefix):
            return str(b["callback_data"])
    raise AssertionError(f"no button starting with {prefix!r} in {buttons(message)}")


def thread_id_of(message: Json, prefix: str = "take:") -> int:
    """The thread id carried by a button (``take:12`` → 12)."""
    return int(button_data(message, prefix).split(":")[1])


def is_offer(message: Json) -> bool:
    """The message is an offer carrying Take / Pass."""
    return any(str(b.get("callback_data", "")).startswith("take:") for b in buttons(message))


def user_record(
    user_id: int,
    *,
    first_name: str | None = None,
    last_name: str | None = None,
    username: str | None = None,
    language_code: str = "fr",
    specialties: Iterable[str] = (),
    on_call: bool = False,
    verified: bool = True,
    capacity: int | None = None,
    moderator: bool = False,
) -> Json:
    """A seed record (``tests.conftest.seed``) that also names the user in the stand-in."""
    record: Json = {
        "id": user_id,
        "first_name": first_name or f"User{user_id}",
        "last_name": last_name,
        "username": username,
        "language_code": language_code,
        "verified": verified,
        "specialties": list(specialties),
        "on_call": on_call,
        "moderator": moderator,
    }
    if capacity is not None:
        record["capacity"] = capacity
    return record


class Chats:
    """Users' chats with the bot through the stand-in, each remembering the last message seen."""

    def __init__(self, client: SandboxClient, settings: Settings) -> None:
        self.c = client
        self.settings = settings
        self.seen: dict[int, int] = {}

    async def add(self, *records: Json) -> None:
        """Create users in the stand-in only (they will onboard themselves)."""
        for r in records:
            await self.c.add_user(
                r["id"],
                r.get("first_name") or f"User{r['id']}",
                last_name=r.get("last_name"),
                username=r.get("username"),
                language_code=r.get("language_code", "fr"),
            )

    async def expect(
        self,
        user_id: int,
        predicate: Predicate,
        *,
        timeout: float = STEP_TIMEOUT,  # noqa: ASYNC109 - a polling deadline, like wait_for
    ) -> Json:
        """Wait for a new message to ``user_id`` that satisfies ``predicate``."""
        after = self.seen.get(user_id, 0)
        message = await self.c.wait_for(
            user_id, lambda m: m["message_id"] > after and predicate(m), timeout=timeout
        )
        self.seen[user_id] = message["message_id"]
        return message

    async def expect_text(self, user_id: int, substring: str) -> Json:
        """Wait for a new message to ``user_id`` containing ``substring``."""
        return await self.expect(user_id, has(substring))

    async def expect_edit(self, user_id: int, message_id: int, predicate: Predicate) -> Json:
        """Wait until the bot message ``message_id`` of ``user_id`` satisfies ``predicate``."""
        return await self.c.wait_for(
            user_id,
            lambda m: m["message_id"] == message_id and predicate(m),
            timeout=STEP_TIMEOUT,
        )

    async def expect_answer(self, user_id: int, count: int) -> Json:
        """Wait until ``user_id`` has ``count`` answers to presses; return the last one."""
        deadline = asyncio.get_running_loop().time() + STEP_TIMEOUT
        while True:
            answers = await self.c.answers(user_id)
            if len(answers) >= count:
                return answers[count - 1]
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError(f"user {user_id} has {len(answers)} answers, wanted {count}")
            await asyncio.sleep(0.02)

    async def press_and_answer(self, user_id: int, message_id: int, data: str) -> str | None:
        """Press a button (forced: it may be gone or forged) and return the bot's answer."""
        before = len(await self.c.answers(user_id))
        await self.c.press(user_id, message_id, data=data, force=True)
        answer = await self.expect_answer(user_id, before + 1)
        text = answer.get("text")
        return text if isinstance(text, str) else None

    async def new_messages(self, user_id: int) -> list[Json]:
        """The bot messages to ``user_id`` after the last one this script saw."""
        after = self.seen.get(user_id, 0)
        return [m for m in await self.c.chat(user_id) if m["message_id"] > after]


class Script(Chats):
    """Scripted users going through onboarding, asking, taking, on the real clock."""

    async def seed(self, *records: Json) -> None:
        """Create ready users in the stand-in and in the database (no onboarding)."""
        await self.add(*records)
        await seed(self.settings, *records)

    async def settle(self) -> None:
        """Wait until the bot handled every update sent so far and the outbox is empty.

        PTB handles updates one at a time, so once the probe's /help is answered every earlier
        update was handled; then every row those handlers queued must have been delivered.
        """
        if PROBE not in self.seen:
            await self.c.add_user(PROBE, "Probe", language_code="fr")
            self.seen[PROBE] = 0
        await self.c.send(PROBE, "/help")
        await self.expect(PROBE, lambda _m: True)
        await wait_db(self.settings, no_pending_outbox, "the outbox to empty")

    # --- flows -------------------------------------------------------------------------------

    async def onboard(self, user_id: int, rpps: str = RPPS, profession: str = "gp") -> Json:
        """/start, accept the charter, pick a profession, give the RPPS; return the last reply."""
        await self.c.send(user_id, "/start")
        charter = await self.expect(user_id, lambda m: bool(buttons(m)))
        await self.c.press(user_id, charter["message_id"], data="charter:accept")
        question = await self.expect(user_id, lambda m: bool(buttons(m)))
        await self.c.press(user_id, question["message_id"], data=f"prof:{profession}")
        await self.expect_text(user_id, "RPPS")
        await self.c.send(user_id, rpps)
        return await self.expect(user_id, lambda _m: True)

    async def ask(self, asker: int, text: str, *, via_ask: bool = False) -> Json:
        """Send a question (after /ask when ``via_ask``); return its preview."""
        if via_ask:
            await self.c.send(asker, "/ask")
            await self.expect_text(asker, "Écrivez votre question")
        await self.c.send(asker, text)
        return await self.expect(asker, lambda m: bool(buttons(m)))

    async def send_question(
        self, asker: int, text: str, specialty: str | None = None, *, via_ask: bool = False
    ) -> Json:
        """Ask and press Send; return the asker's "offered"/"waiting" notice."""
        preview = await self.ask(asker, text, via_ask=via_ask)
        data = button_data(preview, "send:")
        if specialty is not None:
            data = f"send:{thread_id_of(preview, 'send:')}:{specialty}"
        await self.c.press(asker, preview["message_id"], data=data, force=True)
        return await self.expect(asker, lambda m: body(m).startswith(("📨", "⏳")))

    async def offer(self, specialist: int) -> Json:
        """Wait for the next offer to ``specialist``."""
        return await self.expect(specialist, is_offer)

    async def take(self, specialist: int, offer: Json) -> Json:
        """Press Take; return the specialist's "you took it" message."""
        await self.c.press(specialist, offer["message_id"], data=button_data(offer, "take:"))
        return await self.expect(
            specialist,
            lambda m: any(
                str(b.get("callback_data", "")).startswith("close:") for b in buttons(m)
            ),
        )

    async def conversation(
        self, asker: int, specialist: int, text: str = QUESTION, *, via_ask: bool = False
    ) -> tuple[Json, Json]:
        """A question taken by ``specialist``: return (asker's notice, specialist's message)."""
        await self.send_question(asker, text, via_ask=via_ask)
        took = await self.take(specialist, await self.offer(specialist))
        taken = await self.expect_text(asker, "a été prise par")
        return taken, took


# --- the database ------------------------------------------------------------------------------


@asynccontextmanager
async def db(settings: Settings) -> AsyncIterator[AsyncSession]:
    """A session on the test database (its own engine, disposed at the end)."""
    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as session:
            yield session
    finally:
        await engine.dispose()


async def wait_db(
    settings: Settings,
    check: Callable[[AsyncSession], Any],
    what: str,
    *,
    timeout: float = STEP_TIMEOUT,  # noqa: ASYNC109 - a polling deadline
) -> Any:
    """Poll the database until ``check(session)`` returns something truthy; return it."""
    engine = create_engine(settings.database_url)
    sessions = create_session_factory(engine)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    try:
        while True:
            async with sessions() as session:
                result = await check(session)
            if result:
                return result
            if loop.time() > deadline:
                raise TimeoutError(f"timed out waiting for {what}")
            await asyncio.sleep(0.05)
    finally:
        await engine.dispose()


async def no_pending_outbox(session: AsyncSession, *, due_by: datetime | None = None) -> bool:
    """True when every outbox row (due by ``due_by``, when given) was delivered or given up."""
    query = select(func.count()).where(col(Outbox.status) == OutboxStatus.PENDING)
    if due_by is not None:
        query = query.where(col(Outbox.next_attempt_at) <= due_by)
    return int((await session.exec(query)).one()) == 0


async def get_user(settings: Settings, user_id: int) -> User | None:
    """A user row as it is now."""
    async with db(settings) as session:
        return await session.get(User, user_id)


async def threads(settings: Settings) -> list[Thread]:
    """Every thread, oldest first."""
    async with db(settings) as session:
        return list((await session.exec(select(Thread).order_by(col(Thread.id)))).all())


async def get_thread(settings: Settings, thread_id: int) -> Thread | None:
    """A thread row as it is now."""
    async with db(settings) as session:
        return await session.get(Thread, thread_id)


async def offers(settings: Settings, thread_id: int) -> list[Offer]:
    """The offers of a thread."""
    async with db(settings) as session:
        query = select(Offer).where(Offer.thread_id == thread_id).order_by(col(Offer.id))
        return list((await session.exec(query)).all())


async def set_status(settings: Settings, user_id: int, status: str) -> None:
    """Change a user's status directly in the database (as a moderator action would)."""
    async with db(settings) as session:
        user = await session.get(User, user_id)
        assert user is not None
        user.status = status
        session.add(user)
        await session.commit()


async def windows(settings: Settings, user_id: int) -> list[tuple[int, int, int]]:
    """A user's stored weekly windows as (weekday, start minute, end minute)."""
    async with db(settings) as session:
        query = (
            select(OnCallWindow)
            .where(OnCallWindow.user_id == user_id)
            .order_by(col(OnCallWindow.weekday), col(OnCallWindow.start_minute))
        )
        return [(w.weekday, w.start_minute, w.end_minute) for w in (await session.exec(query))]


async def set_windows(settings: Settings, user_id: int, spans: list[tuple[int, int, int]]) -> None:
    """Store weekly windows for a user directly."""
    async with db(settings) as session:
        for weekday, start, end in spans:
            session.add(
                OnCallWindow(user_id=user_id, weekday=weekday, start_minute=start, end_minute=end)
            )
        await session.commit()
