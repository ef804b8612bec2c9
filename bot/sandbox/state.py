"""The sandbox's world: users, private chats, pending updates, webhook, faults, recorded calls.

Plain synchronous data and operations; the HTTP layer (server.py) and the Bot API methods
(api.py) stay thin on top of it. Every change that a waiting long poll or the webhook sender
must notice calls ``on_change``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

from bot.sandbox.markup import utf16_len

__all__ = [
    "MESSAGE_KINDS",
    "ApiCall",
    "ApiError",
    "BotIdentity",
    "CallbackAnswer",
    "CallbackQuery",
    "ControlError",
    "Fault",
    "PendingUpdate",
    "SandboxState",
    "StoredMessage",
    "User",
    "Webhook",
]

JSON = dict[str, Any]

MESSAGE_KINDS: Final = frozenset(
    {
        "sticker",
        "voice",
        "video",
        "document",
        "location",
        "contact",
        "audio",
        "video_note",
        "animation",
    }
)
_CAPTIONLESS_KINDS: Final = frozenset({"sticker", "location", "contact", "video_note"})
_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,64})?")
_FIRST_UPDATE_ID: Final = 100_000_001


class ApiError(Exception):
    """A Bot API error answer: HTTP status, Telegram's description, optional retry_after."""

    def __init__(self, status: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def to_json(self) -> JSON:
        """Return the error envelope Telegram sends."""
        body: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


class ControlError(ValueError):
    """A control-API error: HTTP status (400 or 404) and a message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def bad_request(reason: str) -> ApiError:
    """Return a 400 error with Telegram's ``Bad Request: `` prefix."""
    return ApiError(400, f"Bad Request: {reason}")


@dataclass(frozen=True)
class BotIdentity:
    """The bot the sandbox pretends to be."""

    id: int
    first_name: str = "Confrère"
    username: str = "confrere_bot"

    def user(self) -> JSON:
        """Return the bot as the ``from`` of its messages."""
        return {
            "id": self.id,
            "is_bot": True,
            "first_name": self.first_name,
            "username": self.username,
        }

    def me(self) -> JSON:
        """Return the answer of getMe."""
        return {
            **self.user(),
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }


@dataclass
class User:
    """A scripted Telegram user; their private chat with the bot has the same id."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    blocked: bool = False

    def to_api(self) -> JSON:
        """Return the Bot API User object."""
        user: JSON = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if getattr(self, key) is not None:
                user[key] = getattr(self, key)
        return user

    def chat(self) -> JSON:
        """Return the Bot API Chat object of the private chat with this user."""
        chat: JSON = {"id": self.id, "type": "private", "first_name": self.first_name}
        for key in ("last_name", "username"):
            if getattr(self, key) is not None:
                chat[key] = getattr(self, key)
        return chat


@dataclass
class StoredMessage:
    """A message in a private chat, as it is now (edits applied)."""

    chat_id: int
    message_id: int
    from_bot: bool
    date: int
    text: str | None = None
    entities: list[JSON] = field(default_factory=list)
    html: str | None = None
    photo: list[JSON] | None = None
    caption: str | None = None
    caption_entities: list[JSON] = field(default_factory=list)
    kind: str | None = None
    media: JSON = field(default_factory=dict)  # the kind's fields, e.g. {"sticker": {...}}
    reply_markup: JSON | None = None
    protect_content: bool = False
    reply_to_message_id: int | None = None
    edit_date: int | None = None
    deleted: bool = False

    @property
    def has_caption_slot(self) -> bool:
        """Tell whether the message is media that can carry a caption."""
        return self.photo is not None or (
            self.kind is not None and self.kind not in _CAPTIONLESS_KINDS
        )

    def snapshot(self) -> JSON:
        """Return the control API's view of the message."""
        view: JSON = {"message_id": self.message_id, "from_bot": self.from_bot}
        if self.text is not None:
            view["text"] = self.text
        else:
            view["caption"] = self.caption
        view |= {
            "html": self.html,
            "photo": self.photo is not None,
            "kind": self.kind or ("photo" if self.photo is not None else "text"),
            "reply_markup": self.reply_markup,
            "protect_content": self.protect_content,
            "reply_to_message_id": self.reply_to_message_id,
            "deleted": self.deleted,
            "edited": self.edit_date is not None,
        }
        return view


@dataclass
class CallbackQuery:
    """A button press sent to the bot, waiting for answerCallbackQuery."""

    id: str
    user_id: int
    message_id: int
    data: str
    answered: bool = False


@dataclass(frozen=True)
class CallbackAnswer:
    """The bot's answer to a press."""

    callback_query_id: str
    message_id: int
    data: str
    text: str | None
    show_alert: bool

    def to_json(self) -> JSON:
        """Return the control API's view of the answer."""
        return {
            "callback_query_id": self.callback_query_id,
            "message_id": self.message_id,
            "data": self.data,
            "text": self.text,
            "show_alert": self.show_alert,
        }


@dataclass
class ApiCall:
    """One Bot API request received, with its outcome."""

    method: str
    params: JSON
    ok: bool | None = None
    error_code: int | None = None

    def to_json(self) -> JSON:
        """Return the control API's view of the call."""
        return {
            "method": self.method,
            "params": self.params,
            "ok": self.ok,
            "error_code": self.error_code,
        }


@dataclass
class Fault:
    """The next ``remaining`` calls of a method fail with ``status`` (429, 500 or "timeout")."""

    status: int | str
    remaining: int
    retry_after: int = 1
    seconds: float = 30.0


@dataclass
class Webhook:
    """The webhook set with setWebhook, and its delivery health."""

    url: str
    secret_token: str | None = None
    allowed_updates: list[str] | None = None
    max_connections: int = 40
    last_error_date: int | None = None
    last_error_message: str | None = None

    def info(self, pending: int) -> JSON:
        """Return the answer of getWebhookInfo."""
        info: JSON = {
            "url": self.url,
            "has_custom_certificate": False,
            "pending_update_count": pending,
            "max_connections": self.max_connections,
        }
        if self.allowed_updates is not None:
            info["allowed_updates"] = self.allowed_updates
        if self.last_error_date is not None:
            info["last_error_date"] = self.last_error_date
            info["last_error_message"] = self.last_error_message
        return info


@dataclass(frozen=True)
class PendingUpdate:
    """An update waiting to be fetched or delivered."""

    update_id: int
    kind: str  # "message", "callback_query", ...
    payload: JSON

    def to_api(self) -> JSON:
        """Return the Bot API Update object."""
        return {"update_id": self.update_id, self.kind: self.payload}


def _no_change() -> None:
    return None


@dataclass
class SandboxState:
    """Everything the sandbox knows; synchronous, single-threaded (one asyncio loop)."""

    bot: BotIdentity
    clock: Callable[[], float] = time.time
    on_change: Callable[[], None] = _no_change
    users: dict[int, User] = field(default_factory=dict)
    chats: dict[int, list[StoredMessage]] = field(default_factory=dict)
    updates: list[PendingUpdate] = field(default_factory=list)
    next_update_id: int = _FIRST_UPDATE_ID
    allowed_updates: list[str] | None = None
    webhook: Webhook | None = None
    callback_queries: dict[str, CallbackQuery] = field(default_factory=dict)
    answers: dict[int, list[CallbackAnswer]] = field(default_factory=dict)
    calls: list[ApiCall] = field(default_factory=list)
    faults: dict[str, Fault] = field(default_factory=dict)
    commands: dict[str, list[JSON]] = field(default_factory=dict)
    next_file: int = 1

    def reset(self) -> None:
        """Forget everything but the update counter (a running bot's offset stays valid)."""
        fresh = SandboxState(self.bot, clock=self.clock, on_change=self.on_change)
        fresh.next_update_id = self.next_update_id
        self.__dict__.update(fresh.__dict__)
        self.on_change()

    def now(self) -> int:
        """Return the current Unix time, as message dates carry it."""
        return int(self.clock())

    # --- users and chats -------------------------------------------------------------------

    def add_user(
        self,
        user_id: int,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> JSON:
        """Create or update a user; return the Bot API User object."""
        if not first_name:
            raise ControlError(400, "first_name is required")
        if user_id <= 0:
            raise ControlError(400, "id must be a positive integer")
        user = self.users.get(user_id)
        if user is None:
            user = self.users[user_id] = User(user_id, first_name)
            self.chats[user_id] = []
        user.first_name, user.last_name = first_name, last_name
        user.username, user.language_code = username, language_code
        return user.to_api()

    def user(self, user_id: int) -> User:
        """Return a user known to the control API, or raise a 404."""
        user = self.users.get(user_id)
        if user is None:
            raise ControlError(404, f"unknown user {user_id}")
        return user

    def block(self, user_id: int, blocked: bool = True) -> None:
        """Make the user block (or unblock) the bot."""
        self.user(user_id).blocked = blocked

    def message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        """Return the message with that id in the chat, deleted or not, or None."""
        chat = self.chats.get(chat_id, [])
        if 1 <= message_id <= len(chat):
            return chat[message_id - 1]
        return None

    def live_message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        """Return the message if it exists and was not deleted."""
        message = self.message(chat_id, message_id)
        return None if message is None or message.deleted else message

    def add_message(self, chat_id: int, *, from_bot: bool, **fields: Any) -> StoredMessage:
        """Append a message to the chat with the chat's next message id."""
        chat = self.chats[chat_id]
        message = StoredMessage(chat_id, len(chat) + 1, from_bot, self.now(), **fields)
        chat.append(message)
        return message

    def message_api(self, message: StoredMessage, *, nested: bool = False) -> JSON:
        """Return the Bot API Message object for a stored message."""
        user = self.users[message.chat_id]
        result: JSON = {
            "message_id": message.message_id,
            "from": self.bot.user() if message.from_bot else user.to_api(),
            "chat": user.chat(),
            "date": message.date,
        }
        if message.text is not None:
            result["text"] = message.text
            if message.entities:
                result["entities"] = message.entities
        if message.photo is not None:
            result["photo"] = message.photo
        result |= message.media
        if message.caption is not None:
            result["caption"] = message.caption
            if message.caption_entities:
                result["caption_entities"] = message.caption_entities
        markup = message.reply_markup
        if markup is not None and markup.get("inline_keyboard"):
            result["reply_markup"] = {"inline_keyboard": markup["inline_keyboard"]}
        if message.protect_content:
            result["has_protected_content"] = True
        if message.edit_date is not None:
            result["edit_date"] = message.edit_date
        if not nested and message.reply_to_message_id is not None:
            replied = self.message(message.chat_id, message.reply_to_message_id)
            if replied is not None:
                result["reply_to_message"] = self.message_api(replied, nested=True)
        return result

    def chat(self, user_id: int, *, include_user: bool = False) -> list[JSON]:
        """Return the control API's view of the chat, oldest first."""
        self.user(user_id)
        return [
            message.snapshot()
            for message in self.chats[user_id]
            if include_user or message.from_bot
        ]

    def new_file_ids(self, prefix: str) -> tuple[str, str]:
        """Return a fresh (file_id, file_unique_id) pair."""
        number, self.next_file = self.next_file, self.next_file + 1
        return f"{prefix}-sandbox-{number:06d}", f"AQAD{number:06d}"

    def new_photo(self) -> list[JSON]:
        """Return two PhotoSize objects of a newly "uploaded" photo."""
        file_id, unique = self.new_file_ids("AgACAgQAAxkBAAI")
        return [
            {
                "file_id": f"{file_id}-s",
                "file_unique_id": f"{unique}s",
                "file_size": 1_234,
                "width": 90,
                "height": 67,
            },
            {
                "file_id": f"{file_id}-m",
                "file_unique_id": f"{unique}m",
                "file_size": 84_321,
                "width": 1280,
                "height": 960,
            },
        ]

    def photo_by_file_id(self, file_id: str) -> list[JSON] | None:
        """Return the sizes of a known photo given any of its file ids."""
        for chat in self.chats.values():
            for message in chat:
                if message.photo and any(size["file_id"] == file_id for size in message.photo):
                    return message.photo
        return None

    # --- what users do ---------------------------------------------------------------------

    def send(
        self,
        user_id: int,
        text: str | None = None,
        *,
        photo: bool = False,
        caption: str | None = None,
        reply_to_message_id: int | None = None,
        kind: str | None = None,
    ) -> JSON:
        """Queue a message from the user to the bot; return its message_id and update_id."""
        user = self.user(user_id)
        if (
            reply_to_message_id is not None
            and self.live_message(user_id, reply_to_message_id) is None
        ):
            raise ControlError(400, f"message {reply_to_message_id} not found in that chat")
        if kind is not None and kind not in MESSAGE_KINDS:
            raise ControlError(400, f"kind must be one of {sorted(MESSAGE_KINDS)}")
        fields: JSON = {"reply_to_message_id": reply_to_message_id}
        if photo:
            fields |= {"photo": self.new_photo(), "caption": caption}
        elif kind is not None:
            fields |= {"kind": kind, "media": self._media(kind, user)}
            if caption is not None and kind not in _CAPTIONLESS_KINDS:
                fields["caption"] = caption
        elif text:
            fields |= {"text": text, "entities": _command_entity(text)}
        else:
            raise ControlError(400, "text, photo or kind is required")
        message = self.add_message(user.id, from_bot=False, **fields)
        update = self.queue_update("message", self.message_api(message))
        return {"message_id": message.message_id, "update_id": update.update_id}

    def _media(self, kind: str, user: User) -> JSON:
        file_id, unique = self.new_file_ids("BQACAgQAAxkBAAI")
        common: JSON = {"file_id": file_id, "file_unique_id": unique, "file_size": 20_480}
        sized: JSON = {**common, "width": 640, "height": 480, "duration": 4}
        fields: dict[str, JSON] = {
            "sticker": {
                **common,
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "emoji": "👍",
            },
            "voice": {**common, "duration": 3, "mime_type": "audio/ogg"},
            "video": {**sized, "mime_type": "video/mp4"},
            "document": {**common, "file_name": "report.pdf", "mime_type": "application/pdf"},
            "location": {"latitude": 48.8566, "longitude": 2.3522},
            "contact": {
                "phone_number": "+33612345678",
                "first_name": user.first_name,
                "user_id": user.id,
            },
            "audio": {**common, "duration": 30, "mime_type": "audio/mpeg", "title": "Audio"},
            "video_note": {**common, "length": 240, "duration": 5},
            "animation": {**sized, "file_name": "animation.mp4", "mime_type": "video/mp4"},
        }
        media: JSON = {kind: fields[kind]}
        if kind == "animation":
            media["document"] = fields["animation"]  # Telegram sends both, for old clients
        return media

    def press(
        self,
        user_id: int,
        message_id: int,
        *,
        data: str | None = None,
        text: str | None = None,
        force: bool = False,
    ) -> JSON:
        """Queue a callback query for a button of a bot message; return its update_id."""
        user = self.user(user_id)
        if (data is None) == (text is None):
            raise ControlError(400, "give exactly one of data and text")
        message = self.live_message(user_id, message_id)
        button = _find_button(message, data=data, text=text)
        if button is None and not force:
            raise ControlError(
                400, f"message {message_id} has no button with that data or label in that chat"
            )
        if button is not None:
            data = button["callback_data"]
        if data is None:
            raise ControlError(400, "force needs data when no button has that label")
        query_id = f"{4_400_000_000_000_000 + len(self.callback_queries) + 1}"
        self.callback_queries[query_id] = CallbackQuery(query_id, user_id, message_id, data)
        if message is not None and message.from_bot:
            shown = self.message_api(message)
        else:  # an inaccessible message, as Telegram sends for old or deleted ones
            shown = {"chat": user.chat(), "message_id": message_id, "date": 0}
        payload: JSON = {
            "id": query_id,
            "from": user.to_api(),
            "message": shown,
            "chat_instance": str(-(7_000_000_000_000_000 + user_id)),
            "data": data,
        }
        return {"update_id": self.queue_update("callback_query", payload).update_id}

    def answer(self, query_id: str, *, text: str | None, show_alert: bool) -> None:
        """Record the bot's answer to a press; each press is answered at most once."""
        query = self.callback_queries.get(query_id)
        if query is None or query.answered:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        query.answered = True
        answer = CallbackAnswer(query_id, query.message_id, query.data, text, show_alert)
        self.answers.setdefault(query.user_id, []).append(answer)

    def answers_of(self, user_id: int) -> list[JSON]:
        """Return the answers to the user's presses, in order."""
        self.user(user_id)
        return [answer.to_json() for answer in self.answers.get(user_id, [])]

    # --- updates ---------------------------------------------------------------------------

    def queue_update(self, kind: str, payload: JSON) -> PendingUpdate:
        """Add an update to the queue and wake whoever waits for one."""
        update = PendingUpdate(self.next_update_id, kind, payload)
        self.next_update_id += 1
        self.updates.append(update)
        self.on_change()
        return update

    def confirm(self, offset: int) -> None:
        """Apply a getUpdates offset: forget confirmed updates (negative: keep the last -N)."""
        if offset < 0:
            del self.updates[: max(len(self.updates) + offset, 0)]
        elif offset > 0:
            self.updates = [update for update in self.updates if update.update_id >= offset]

    def pending(self, limit: int = 100) -> list[PendingUpdate]:
        """Return the first pending updates of the allowed kinds, dropping the others."""
        allowed = self.webhook.allowed_updates if self.webhook else self.allowed_updates
        if allowed:
            self.updates = [update for update in self.updates if update.kind in allowed]
        return self.updates[:limit]

    def set_webhook(self, webhook: Webhook | None, *, drop_pending_updates: bool) -> None:
        """Set or remove the webhook, optionally dropping the pending updates."""
        self.webhook = webhook
        if drop_pending_updates:
            self.updates.clear()
        self.on_change()

    # --- calls and faults ------------------------------------------------------------------

    def record_call(self, method: str, params: JSON) -> ApiCall:
        """Record a Bot API call; the caller fills in its outcome."""
        call = ApiCall(method, params)
        self.calls.append(call)
        return call

    def calls_of(self, method: str | None = None) -> list[JSON]:
        """Return the recorded calls, optionally of one method (case-insensitive)."""
        return [
            call.to_json()
            for call in self.calls
            if method is None or call.method.lower() == method.lower()
        ]

    def add_fault(
        self,
        method: str,
        status: int | str,
        count: int = 1,
        *,
        retry_after: int = 1,
        seconds: float = 30.0,
    ) -> None:
        """Make the next ``count`` calls of a method fail with 429, 500 or a timeout."""
        if status not in (429, 500, "timeout"):
            raise ControlError(400, 'status must be 429, 500 or "timeout"')
        if count < 1 or retry_after < 1 or seconds < 0:
            raise ControlError(400, "count and retry_after must be >= 1, seconds >= 0")
        self.faults[method.lower()] = Fault(status, count, retry_after, seconds)

    def take_fault(self, method: str) -> Fault | None:
        """Consume one planned failure of the method, if any."""
        fault = self.faults.get(method.lower())
        if fault is None:
            return None
        fault.remaining -= 1
        if fault.remaining <= 0:
            del self.faults[method.lower()]
        return fault


def _command_entity(text: str) -> list[JSON]:
    match = _COMMAND.match(text)
    if match is None:
        return []
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(match.group(0))}]


def _find_button(
    message: StoredMessage | None, *, data: str | None, text: str | None
) -> JSON | None:
    if message is None or not message.from_bot or message.reply_markup is None:
        return None
    for row in message.reply_markup.get("inline_keyboard", []):
        for button in row:
            if "callback_data" not in button:
                continue
            if (data is not None and button["callback_data"] == data) or (
                text is not None and button.get("text") == text
            ):
                return dict(button)
    return None
