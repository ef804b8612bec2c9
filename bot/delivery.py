"""The dispatcher: sends outbox rows after their transaction commits.

It is the only code that sends messages. Rows of one chat go in order; chats go concurrently.
Each row is leased with a conditional UPDATE before it is sent, so two replicas never both send
it. Flood control (429) is retried after ``retry_after``, network errors with backoff; a user who
blocked the bot is marked unreachable and the other side of their threads is told.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import warnings
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import update
from sqlmodel import col
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from storage import outbox
from storage.db import SessionFactory
from storage.models import Outbox, OutboxStatus

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)
MAX_ATTEMPTS = 12
MAX_BACKOFF = timedelta(minutes=5)
BATCH = 200
CONCURRENT_CHATS = 16
STOP_GRACE_SECONDS = 15.0

Clock = Callable[[], datetime]
BlockedHook = Callable[[int, datetime], Awaitable[None]]


def keyboard(rows: Sequence[Sequence[tuple[str, str]]] | None) -> InlineKeyboardMarkup | None:
    """An inline keyboard from rows of ``(label, callback_data)``."""
    if not rows:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )


def retry_delay(exc: RetryAfter) -> timedelta:
    """The flood-control wait, whichever type this PTB version returns."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        value: Any = exc.retry_after
    return value if isinstance(value, timedelta) else timedelta(seconds=float(value))


def backoff(attempts: int) -> timedelta:
    """Exponential backoff after ``attempts`` failures: 1 s, 2 s, 4 s… up to five minutes."""
    return min(timedelta(seconds=2 ** min(attempts, 16)), MAX_BACKOFF)


class Dispatcher:
    """Delivers due outbox rows; ``kick()`` after a commit, ``run()`` as a background task."""

    def __init__(
        self,
        bot: Bot,
        sessions: SessionFactory,
        *,
        clock: Clock,
        on_blocked: BlockedHook | None = None,
    ) -> None:
        self._bot = bot
        self._sessions = sessions
        self._clock = clock
        self._on_blocked = on_blocked
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._limit = asyncio.Semaphore(CONCURRENT_CHATS)
        self._next_due: datetime | None = None
        self._stopping = False

    def kick(self) -> None:
        """Wake the dispatcher: something was committed to the outbox."""
        self._wake.set()

    def start(self) -> None:
        """Run in the background until ``stop()``."""
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self.run(), name="dispatcher")

    async def stop(self) -> None:
        """Stop after the pass in progress (pending rows stay in the outbox for the next start).

        Cancelling a pass in the middle of a transaction would make SQLAlchemy terminate the
        connection it holds, and closing an aiosqlite connection from a cancelled task can wait
        forever: the loop is asked to finish instead, and cancelled only past a grace period.
        """
        if self._task is None:
            return
        self._stopping = True
        self._wake.set()
        try:
            await asyncio.wait_for(asyncio.shield(self._task), timeout=STOP_GRACE_SECONDS)
        except TimeoutError:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._task = None
        self._stopping = False

    async def run(self) -> None:
        """Deliver what is due, then sleep until kicked or until the next retry is due."""
        while not self._stopping:
            self._wake.clear()
            try:
                await self.deliver_due()
                wait = self._seconds_to_next()
            except Exception:
                log.exception("dispatcher pass failed; retrying in 5 s")
                wait = 5.0
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=wait)

    def _seconds_to_next(self) -> float | None:
        """Seconds until the earliest pending row is due (seen by the last empty lease)."""
        if self._next_due is None:
            return None
        return max(0.0, (self._next_due - self._clock()).total_seconds())

    async def deliver_due(self) -> int:
        """Send every row that is due now; return how many were sent."""
        sent = 0
        while not self._stopping:
            rows = await self._lease()
            if not rows:
                return sent
            by_chat: dict[int, list[Outbox]] = defaultdict(list)
            for row in rows:
                by_chat[row.chat_id].append(row)
            results = await asyncio.gather(*(self._deliver_chat(r) for r in by_chat.values()))
            sent += sum(results)
            # Loop until a lease finds nothing: that lease records when the next row is due.
        return sent

    async def _lease(self) -> list[Outbox]:
        """Take the due rows for ourselves for a while (one conditional UPDATE).

        When nothing is due, note when the next row will be, in the same transaction.
        """
        now = self._clock()
        async with self._sessions() as session:
            candidates = await outbox.due(session, now=now, limit=BATCH)
            if not candidates:
                self._next_due = await outbox.next_due_at(session)
                return []
            ids = [row.id for row in candidates]
            result = await session.exec(
                update(Outbox)
                .where(
                    col(Outbox.id).in_(ids),
                    col(Outbox.status) == OutboxStatus.PENDING,
                    col(Outbox.next_attempt_at) <= now,
                )
                .values(next_attempt_at=now + LEASE)
                .returning(col(Outbox.id))
            )
            leased = {row_id for (row_id,) in result.all()}
            await session.commit()
        return [row for row in candidates if row.id in leased]

    async def _deliver_chat(self, rows: list[Outbox]) -> int:
        """Send one chat's rows in order; stop at the first one that must wait."""
        sent = 0
        async with self._limit:
            for index, row in enumerate(rows):
                outcome = await self._deliver(row)
                if outcome == "sent":
                    sent += 1
                elif outcome == "retry":
                    await self._release(rows[index + 1 :])
                    break
        return sent

    async def _release(self, rows: Sequence[Outbox]) -> None:
        """Give back leased rows that were not attempted (their chat must wait)."""
        if not rows:
            return
        async with self._sessions() as session:
            await session.exec(
                update(Outbox)
                .where(col(Outbox.id).in_([r.id for r in rows]))
                .values(next_attempt_at=self._clock())
            )
            await session.commit()

    async def _deliver(self, row: Outbox) -> str:
        """Make one call and record its outcome: ``sent``, ``retry`` or ``dead``.

        No session is open during the network call: a slow Bot API must not hold a database
        connection (or SQLite's write lock) that every other transaction needs.
        """
        # The row is leased to us: no need to read it again, except for an edit of an offer
        # whose message was only sent earlier in this pass.
        target = row.payload.get("message_id")
        if target is None and row.offer_id is not None and row.method not in {"send", "copy"}:
            async with self._sessions() as session:
                target = await outbox.offer_message_id(session, row.offer_id)
        outcome, blocked, message_id = "sent", False, None
        error: str | None = None
        retry_at = self._clock()
        try:
            message_id = await self._call(row, target)
        except RetryAfter as exc:
            outcome, error = "retry", "flood control"
            retry_at = self._clock() + retry_delay(exc)
        except Forbidden as exc:
            outcome, blocked, error = "dead", True, f"forbidden: {exc.message}"
        except BadRequest as exc:
            if "not modified" not in exc.message:
                outcome, error = "dead", exc.message
                log.warning("outbox %s (%s) refused: %s", row.id, row.method, exc.message)
        except (NetworkError, TelegramError) as exc:
            if row.attempts + 1 >= MAX_ATTEMPTS:
                outcome, error = "dead", f"gave up: {type(exc).__name__}"
            else:
                outcome, error = "retry", type(exc).__name__
                retry_at = self._clock() + backoff(row.attempts)
        await self._record(row, outcome, message_id=message_id, error=error, at=retry_at)
        if blocked and self._on_blocked is not None:
            await self._on_blocked(row.chat_id, self._clock())
        return outcome

    async def _record(
        self,
        row: Outbox,
        outcome: str,
        *,
        message_id: int | None,
        error: str | None,
        at: datetime,
    ) -> None:
        """Store a call's outcome (and the reply mapping) in a transaction of its own; the
        leased row is updated by id, not read again."""
        async with self._sessions() as session:
            if outcome == "sent":
                await outbox.mark_sent(session, row, message_id=message_id, now=self._clock())
            elif outcome == "retry":
                await outbox.mark_retry(session, row, error=error or "retry", at=at)
            else:
                await outbox.mark_dead(session, row, error=error or "dead")
            await session.commit()

    async def _call(self, row: Outbox, target: int | None) -> int | None:
        """The Bot API call for one row (``target``: the message an edit applies to); the sent
        message's id when there is one."""
        payload = row.payload
        markup = keyboard(outbox.payload_buttons(payload))
        parse_mode = ParseMode.HTML if payload.get("html", True) else None
        if row.method == "send":
            reply_to = payload.get("reply_to")
            message = await self._bot.send_message(
                chat_id=row.chat_id,
                text=payload["text"],
                parse_mode=parse_mode,
                reply_markup=markup,
                protect_content=bool(payload.get("protect")),
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                reply_parameters=(
                    ReplyParameters(message_id=reply_to, allow_sending_without_reply=True)
                    if reply_to
                    else None
                ),
            )
            return message.message_id
        if row.method == "copy":
            copied = await self._bot.copy_message(
                chat_id=row.chat_id,
                from_chat_id=payload["from_chat_id"],
                message_id=payload["message_id"],
                caption=payload.get("caption"),
                parse_mode=parse_mode,
                reply_markup=markup,
                protect_content=bool(payload.get("protect", True)),
            )
            return copied.message_id
        message_id = target
        if message_id is None:
            raise BadRequest("message to edit not found")
        if row.method == "edit_text":
            await self._bot.edit_message_text(
                text=payload["text"],
                chat_id=row.chat_id,
                message_id=message_id,
                parse_mode=parse_mode,
                reply_markup=markup,
            )
        elif row.method == "edit_markup":
            await self._bot.edit_message_reply_markup(
                chat_id=row.chat_id, message_id=message_id, reply_markup=markup
            )
        elif row.method == "delete":
            await self._bot.delete_message(chat_id=row.chat_id, message_id=message_id)
        else:
            raise BadRequest(f"unknown outbox method {row.method}")
        return None
