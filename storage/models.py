"""The tables. Telegram ids are BigInteger; every timestamp is timezone-aware UTC.

Roles: a *clinician* is any verified user; a *specialist* is a verified user with at least one
specialty; a *moderator* has ``is_moderator`` (or is listed in the settings).
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, DateTime, ForeignKey, Index, MetaData, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

# Constraints get the same names on SQLite and PostgreSQL (Alembic batch mode needs names).
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


def utc_now() -> datetime:
    """The current time, timezone-aware UTC (for column defaults only; services pass ``now``)."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as UTC and always read back timezone-aware (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Refuse naive datetimes; store UTC (naive on SQLite, aware on PostgreSQL)."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Return an aware UTC datetime."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _ts(*, nullable: bool = True, index: bool = False) -> Any:
    """A UTC timestamp column."""
    return Field(default=None, sa_type=UTCDateTime, nullable=nullable, index=index)


def _created() -> Any:
    return Field(default_factory=utc_now, sa_type=UTCDateTime, nullable=False)


def _telegram_id(*, primary_key: bool = False, foreign_key: str | None = None, **kw: Any) -> Any:
    """A Telegram user or chat id (64-bit)."""
    args: list[Any] = [BigInteger]
    if foreign_key:
        args.append(ForeignKey(foreign_key, ondelete="CASCADE"))
    return Field(
        sa_column=Column(*args, primary_key=primary_key, autoincrement=False, **kw),
    )


class UserStatus(StrEnum):
    """Where a user stands in onboarding and moderation."""

    NEW = "new"  # has not finished onboarding
    PENDING = "pending"  # waiting for a moderator
    VERIFIED = "verified"
    REJECTED = "rejected"
    SUSPENDED = "suspended"


class ThreadState(StrEnum):
    """A thread's lifecycle. Every transition is one conditional UPDATE."""

    DRAFT = "draft"
    WAITING = "waiting"
    OFFERED = "offered"
    CLAIMED = "claimed"
    CLOSED = "closed"
    EXPIRED = "expired"


ACTIVE_STATES = (ThreadState.WAITING, ThreadState.OFFERED, ThreadState.CLAIMED)
ENDED_STATES = (ThreadState.CLOSED, ThreadState.EXPIRED)


class OfferState(StrEnum):
    """What became of one offer of a thread to one specialist."""

    PENDING = "pending"
    TAKEN = "taken"
    PASSED = "passed"
    LOST = "lost"  # a colleague took it first
    WITHDRAWN = "withdrawn"  # claim timeout, or the thread ended


class OutboxStatus(StrEnum):
    """Delivery state of one outgoing Bot API call."""

    PENDING = "pending"
    SENT = "sent"
    DEAD = "dead"  # gave up: blocked user, permanent error, too many attempts


class FlagState(StrEnum):
    """A flag's review state."""

    OPEN = "open"
    DISMISSED = "dismissed"
    ACTIONED = "actioned"


class User(SQLModel, table=True):
    """A Telegram user who talked to the bot. Names are kept for moderators only."""

    __tablename__ = "users"

    id: int = _telegram_id(primary_key=True)
    first_name: str | None = Field(default=None, max_length=128)
    last_name: str | None = Field(default=None, max_length=128)
    username: str | None = Field(default=None, max_length=64)
    language: str = Field(default="fr", max_length=2)
    status: str = Field(default=UserStatus.NEW, max_length=16, index=True)
    # The next free-text input the bot expects from this user (e.g. "rpps", "question").
    awaiting: str | None = Field(default=None, max_length=32)
    profession: str | None = Field(default=None, max_length=32)
    rpps: str | None = Field(default=None, max_length=11, unique=True)
    charter_accepted_at: datetime | None = _ts()
    is_moderator: bool = False
    reachable: bool = True
    timezone: str | None = Field(default=None, max_length=64)
    capacity: int | None = None
    on_call_until: datetime | None = _ts(index=True)
    paused_until: datetime | None = _ts()
    oncall_reminded_at: datetime | None = _ts()
    last_offered_at: datetime | None = _ts()
    warnings: int = 0
    created_at: datetime = _created()
    updated_at: datetime = _created()


class UserSpecialty(SQLModel, table=True):
    """A specialty a user declared; a user with any is a specialist."""

    __tablename__ = "user_specialties"
    __table_args__ = (Index("ix_user_specialties_specialty", "specialty"),)

    user_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    )
    specialty: str = Field(sa_column=Column(String(32), primary_key=True))


class OnCallWindow(SQLModel, table=True):
    """A weekly window during which a specialist counts as on call (in their time zone)."""

    __tablename__ = "oncall_windows"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(
        sa_column=Column(
            BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    weekday: int  # 0 = Monday
    start_minute: int  # minutes after midnight, local time
    end_minute: int  # exclusive; may be <= start_minute for a window past midnight


class Thread(SQLModel, table=True):
    """One question and the conversation about it."""

    __tablename__ = "threads"
    __table_args__ = (
        Index("ix_threads_state_claim_deadline", "state", "claim_deadline"),
        Index("ix_threads_state_expires_at", "state", "expires_at"),
        Index("ix_threads_specialty_state", "specialty", "state"),
    )

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=8, unique=True)
    asker_id: int = Field(
        sa_column=Column(
            BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    specialist_id: int | None = Field(
        default=None,
        sa_column=Column(BigInteger, ForeignKey("users.id", ondelete="SET NULL"), index=True),
    )
    specialty: str = Field(max_length=32)
    state: str = Field(default=ThreadState.DRAFT, max_length=16)
    lang: str = Field(default="fr", max_length=2)
    # De-identified question text; set to NULL by the retention purge.
    question: str | None = None
    # The asker's photo, when the question came with one (copied, never forwarded).
    photo_chat_id: int | None = Field(default=None, sa_type=BigInteger)
    photo_message_id: int | None = Field(default=None, sa_type=BigInteger)
    redactions: dict[str, int] = Field(default_factory=dict, sa_type=JSON)
    round: int = 0
    message_count: int = 0
    flagged: bool = False
    created_at: datetime = _created()
    sent_at: datetime | None = _ts()
    claimed_at: datetime | None = _ts()
    ended_at: datetime | None = _ts()
    last_activity_at: datetime | None = _ts()
    claim_deadline: datetime | None = _ts()
    expires_at: datetime | None = _ts()
    escalated_at: datetime | None = _ts()
    purge_after: datetime | None = _ts(index=True)
    purged_at: datetime | None = _ts()
    closed_by: str | None = Field(default=None, max_length=16)
    outcome: str | None = Field(default=None, max_length=16)
    referral: str | None = Field(default=None, max_length=16)
    survey_at: datetime | None = _ts()


class Offer(SQLModel, table=True):
    """A thread offered to one specialist; each specialist is offered a thread at most once."""

    __tablename__ = "offers"
    __table_args__ = (
        Index("uq_offers_thread_id_specialist_id", "thread_id", "specialist_id", unique=True),
        Index("ix_offers_specialist_state", "specialist_id", "state"),
    )

    id: int | None = Field(default=None, primary_key=True)
    thread_id: int = Field(foreign_key="threads.id", ondelete="CASCADE", index=True)
    specialist_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    )
    round: int
    state: str = Field(default=OfferState.PENDING, max_length=16)
    # The bot's message carrying the offer in the specialist's chat (set by the dispatcher).
    message_id: int | None = Field(default=None, sa_type=BigInteger)
    created_at: datetime = _created()
    answered_at: datetime | None = _ts()


class ThreadMessage(SQLModel, table=True):
    """The de-identified transcript of a thread, for moderators; content purged after retention."""

    __tablename__ = "thread_messages"

    id: int | None = Field(default=None, primary_key=True)
    thread_id: int = Field(foreign_key="threads.id", ondelete="CASCADE", index=True)
    sender_id: int = Field(sa_type=BigInteger)
    role: str = Field(max_length=16)  # "asker" | "specialist"
    text: str | None = None
    photo: bool = False
    redactions: dict[str, int] = Field(default_factory=dict, sa_type=JSON)
    created_at: datetime = _created()


class RelayedMessage(SQLModel, table=True):
    """Reply mapping: a bot message in a chat that belongs to a thread."""

    __tablename__ = "relayed_messages"

    chat_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    message_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    thread_id: int = Field(foreign_key="threads.id", ondelete="CASCADE", index=True)
    created_at: datetime = _created()


class HeldMessage(SQLModel, table=True):
    """A message waiting for its sender to say which thread it is for (de-identified)."""

    __tablename__ = "held_messages"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_type=BigInteger, index=True)
    text: str | None = None
    photo_message_id: int | None = Field(default=None, sa_type=BigInteger)
    created_at: datetime = _created()


class Outbox(SQLModel, table=True):
    """One Bot API call to make after the transaction that decided it commits."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_next_attempt_at", "status", "next_attempt_at"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_type=BigInteger)
    # send | copy | edit_text | edit_markup | delete
    method: str = Field(max_length=16)
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    thread_id: int | None = Field(default=None, foreign_key="threads.id", ondelete="SET NULL")
    offer_id: int | None = Field(default=None, foreign_key="offers.id", ondelete="SET NULL")
    # Record (chat_id, sent message id) -> thread_id once sent, so replies find the thread.
    map_reply: bool = False
    status: str = Field(default=OutboxStatus.PENDING, max_length=16)
    attempts: int = 0
    next_attempt_at: datetime = _created()
    sent_message_id: int | None = Field(default=None, sa_type=BigInteger)
    error: str | None = Field(default=None, max_length=256)
    created_at: datetime = _created()
    sent_at: datetime | None = _ts()


class Flag(SQLModel, table=True):
    """A thread reported by a participant or by an automatic check."""

    __tablename__ = "flags"

    id: int | None = Field(default=None, primary_key=True)
    thread_id: int = Field(foreign_key="threads.id", ondelete="CASCADE", index=True)
    reporter_id: int | None = Field(default=None, sa_type=BigInteger)
    kind: str = Field(max_length=24)  # user | identifier | abuse | repeated
    reason: str | None = None  # de-identified; purged with the thread's content
    state: str = Field(default=FlagState.OPEN, max_length=16, index=True)
    created_at: datetime = _created()
    resolved_by: int | None = Field(default=None, sa_type=BigInteger)
    resolved_at: datetime | None = _ts()
    resolution: str | None = Field(default=None, max_length=24)


class AuditEvent(SQLModel, table=True):
    """Who did what, for accountability. Never holds message text."""

    __tablename__ = "audit_events"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _created()
    actor_id: int | None = Field(default=None, sa_type=BigInteger, index=True)
    action: str = Field(max_length=32)
    target_user_id: int | None = Field(default=None, sa_type=BigInteger)
    thread_id: int | None = Field(default=None, foreign_key="threads.id", ondelete="SET NULL")
    detail: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)


class ProcessedUpdate(SQLModel, table=True):
    """A Telegram update already handled; a redelivered one does nothing."""

    __tablename__ = "processed_updates"

    update_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    processed_at: datetime = _created()
