"""Outbox rows: the Bot API calls a transaction decided, sent after it commits.

Buttons are plain data (rows of ``(label, callback_data)``), so services need no Telegram type.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Offer, Outbox, OutboxStatus, RelayedMessage

Buttons = Sequence[Sequence[tuple[str, str]]]


def _buttons(buttons: Buttons | None) -> list[list[list[str]]] | None:
    if buttons is None:
        return None
    return [[[label, data] for label, data in row] for row in buttons]


def send(
    session: AsyncSession,
    *,
    chat_id: int,
    text: str,
    now: datetime,
    buttons: Buttons | None = None,
    html: bool = True,
    protect: bool = False,
    reply_to: int | None = None,
    thread_id: int | None = None,
    offer_id: int | None = None,
    map_reply: bool = False,
) -> Outbox:
    """Queue a ``sendMessage``."""
    row = Outbox(
        chat_id=chat_id,
        method="send",
        payload={
            "text": text,
            "html": html,
            "buttons": _buttons(buttons),
            "protect": protect,
            "reply_to": reply_to,
        },
        thread_id=thread_id,
        offer_id=offer_id,
        map_reply=map_reply,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(row)
    return row


def copy(
    session: AsyncSession,
    *,
    chat_id: int,
    from_chat_id: int,
    message_id: int,
    caption: str | None,
    now: datetime,
    buttons: Buttons | None = None,
    protect: bool = True,
    thread_id: int | None = None,
    offer_id: int | None = None,
    map_reply: bool = False,
) -> Outbox:
    """Queue a ``copyMessage`` (never a forward: a forward shows the sender)."""
    row = Outbox(
        chat_id=chat_id,
        method="copy",
        payload={
            "from_chat_id": from_chat_id,
            "message_id": message_id,
            "caption": caption,
            "html": True,
            "buttons": _buttons(buttons),
            "protect": protect,
        },
        thread_id=thread_id,
        offer_id=offer_id,
        map_reply=map_reply,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(row)
    return row


def edit(
    session: AsyncSession,
    *,
    chat_id: int,
    now: datetime,
    text: str | None = None,
    buttons: Buttons | None = None,
    message_id: int | None = None,
    offer_id: int | None = None,
) -> Outbox:
    """Queue an edit of a bot message, by id or by the offer it carries (resolved at send)."""
    row = Outbox(
        chat_id=chat_id,
        method="edit_text" if text is not None else "edit_markup",
        payload={
            "text": text,
            "html": True,
            "buttons": _buttons(buttons),
            "message_id": message_id,
        },
        offer_id=offer_id,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(row)
    return row


async def due(session: AsyncSession, *, now: datetime, limit: int) -> Sequence[Outbox]:
    """Pending rows whose attempt time has come, oldest first."""
    result = await session.exec(
        select(Outbox)
        .where(Outbox.status == OutboxStatus.PENDING, col(Outbox.next_attempt_at) <= now)
        .order_by(col(Outbox.id))
        .limit(limit)
    )
    return result.all()


async def next_due_at(session: AsyncSession) -> datetime | None:
    """When the earliest pending row becomes due (None when nothing is pending)."""
    result = await session.exec(
        select(Outbox.next_attempt_at)
        .where(Outbox.status == OutboxStatus.PENDING)
        .order_by(col(Outbox.next_attempt_at))
        .limit(1)
    )
    return result.first()


async def mark_sent(
    session: AsyncSession, row: Outbox, *, message_id: int | None, now: datetime
) -> None:
    """Record delivery, the reply mapping and the offer's message id (``row`` may be detached:
    it is updated by id, without reading it again)."""
    await session.exec(
        update(Outbox)
        .where(col(Outbox.id) == row.id)
        .values(
            status=OutboxStatus.SENT,
            sent_message_id=message_id,
            sent_at=now,
            attempts=Outbox.attempts + 1,
            error=None,
        )
    )
    if message_id is None:
        return
    if row.map_reply and row.thread_id is not None:
        session.add(
            RelayedMessage(
                chat_id=row.chat_id, message_id=message_id, thread_id=row.thread_id, created_at=now
            )
        )
    if row.offer_id is not None and row.method in {"send", "copy"}:
        await session.exec(
            update(Offer).where(col(Offer.id) == row.offer_id).values(message_id=message_id)
        )


async def mark_retry(session: AsyncSession, row: Outbox, *, error: str, at: datetime) -> None:
    """Try again at ``at``."""
    await session.exec(
        update(Outbox)
        .where(col(Outbox.id) == row.id)
        .values(attempts=Outbox.attempts + 1, error=error[:256], next_attempt_at=at)
    )


async def mark_dead(session: AsyncSession, row: Outbox, *, error: str) -> None:
    """Give up on this row."""
    await session.exec(
        update(Outbox)
        .where(col(Outbox.id) == row.id)
        .values(attempts=Outbox.attempts + 1, status=OutboxStatus.DEAD, error=error[:256])
    )


async def offer_message_id(session: AsyncSession, offer_id: int) -> int | None:
    """The message id of an offer's message, once sent."""
    offer = await session.get(Offer, offer_id)
    return offer.message_id if offer else None


def payload_buttons(payload: dict[str, Any]) -> list[list[tuple[str, str]]] | None:
    """The buttons of a payload as rows of ``(label, data)``."""
    raw = payload.get("buttons")
    if raw is None:
        return None
    return [[(str(label), str(data)) for label, data in row] for row in raw]
