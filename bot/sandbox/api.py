"""The Bot API methods the sandbox speaks, as functions of (state, params) -> result.

getUpdates and the webhook methods need the event loop; the server wraps them. Parameter
coercion follows what PTB sends: every non-string value JSON-encoded in a form field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urlsplit

from bot.sandbox.markup import EntityParseError, parse_html, strip_text, utf16_len
from bot.sandbox.state import (
    JSON,
    ApiError,
    SandboxState,
    StoredMessage,
    User,
    Webhook,
    bad_request,
)

__all__ = ["METHODS", "Upload", "canonical_method", "coerce_params", "method_handler"]

_INT_FIELDS: Final = frozenset(
    {
        "chat_id",
        "from_chat_id",
        "message_id",
        "offset",
        "limit",
        "timeout",
        "cache_time",
        "max_connections",
        "reply_to_message_id",
        "message_thread_id",
    }
)
_JSON_FIELDS: Final = frozenset(
    {
        "reply_markup",
        "reply_parameters",
        "allowed_updates",
        "commands",
        "link_preview_options",
        "entities",
        "caption_entities",
        "scope",
    }
)
_BOOL_FIELDS: Final = frozenset(
    {
        "protect_content",
        "disable_notification",
        "show_alert",
        "drop_pending_updates",
        "allow_sending_without_reply",
        "disable_web_page_preview",
        "has_spoiler",
        "show_caption_above_media",
        "allow_paid_broadcast",
    }
)
_TEXT_LIMIT: Final = 4096
_CAPTION_LIMIT: Final = 1024
_CALLBACK_DATA_LIMIT: Final = 64
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
_LOCAL_HOSTS: Final = frozenset({"127.0.0.1", "localhost", "::1"})

Params = dict[str, Any]
Method = Callable[[SandboxState, Params], Any]


@dataclass(frozen=True)
class Upload:
    """A file sent in a multipart request."""

    filename: str
    body: bytes
    content_type: str

    def __str__(self) -> str:
        return f"<upload {self.filename} {len(self.body)} bytes>"


def coerce_params(raw: Params) -> Params:
    """Convert form values to the types Telegram reads them as, by field name."""
    params: Params = {}
    for key, value in raw.items():
        if not isinstance(value, str):
            params[key] = value
        elif key in _INT_FIELDS:
            params[key] = _to_int(key, value)
        elif key in _JSON_FIELDS:
            try:
                params[key] = json.loads(value)
            except ValueError as exc:
                raise bad_request(f"can't parse {key} JSON object") from exc
        elif key in _BOOL_FIELDS:
            params[key] = value.strip().lower() in {"true", "1"}
        else:
            params[key] = value
    return params


def _to_int(key: str, value: str) -> int | str:
    try:
        return int(value.strip())
    except ValueError:
        if key in {"chat_id", "from_chat_id"}:
            return value  # "@username": Telegram answers "chat not found"
        raise bad_request(f"invalid {key} specified: expected an integer") from None


# --- helpers -------------------------------------------------------------------------------


def _chat(state: SandboxState, params: Params, key: str = "chat_id") -> User:
    if params.get(key) in (None, ""):
        raise bad_request(f"{key} is empty")
    value = params[key]
    user = state.users.get(value) if isinstance(value, int) else None
    if user is None:
        raise bad_request("chat not found")
    return user


def _recipient(state: SandboxState, params: Params) -> User:
    user = _chat(state, params)
    if user.blocked:
        raise ApiError(403, "Forbidden: bot was blocked by the user")
    return user


def _message_id(params: Params) -> int:
    value = params.get("message_id")
    if not isinstance(value, int):
        raise bad_request("message identifier is not specified")
    return value


def _formatted(
    params: Params, key: str, entities_key: str
) -> tuple[str | None, list[JSON], str | None]:
    """Return (text, entities, raw html) of a text or caption parameter."""
    raw = params.get(key)
    if raw is None:
        return None, [], None
    raw = str(raw)
    explicit = params.get(entities_key)
    parse_mode = params.get("parse_mode") or None
    if explicit is not None:
        if not isinstance(explicit, list) or not all(isinstance(e, dict) for e in explicit):
            raise bad_request(f"can't parse {entities_key} JSON object")
        text, entities, html = raw, list(explicit), None
    elif parse_mode is None:
        text, entities, html = raw, [], None
    elif str(parse_mode).lower() == "html":
        try:
            text, entities = parse_html(raw)
        except EntityParseError as exc:
            raise bad_request(f"can't parse entities: {exc}") from None
        html = raw
    else:
        raise bad_request(f"unsupported parse_mode {parse_mode!r} (the sandbox speaks HTML)")
    text, entities = strip_text(text, entities)
    return text, entities, html


def _text(params: Params) -> tuple[str, list[JSON], str | None]:
    text, entities, html = _formatted(params, "text", "entities")
    if not text:
        raise bad_request("message text is empty")
    if utf16_len(text) > _TEXT_LIMIT:
        raise bad_request("message is too long")
    return text, entities, html


def _caption(params: Params) -> tuple[str | None, list[JSON], str | None]:
    caption, entities, html = _formatted(params, "caption", "caption_entities")
    if caption is not None and utf16_len(caption) > _CAPTION_LIMIT:
        raise bad_request("message caption is too long")
    return caption or None, entities, html


def _markup(params: Params) -> JSON | None:
    markup = params.get("reply_markup")
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    keyboard = markup.get("inline_keyboard")
    if keyboard is None:
        return markup
    if not isinstance(keyboard, list) or not all(isinstance(row, list) for row in keyboard):
        raise bad_request(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
        )
    for row in keyboard:
        for button in row:
            if not isinstance(button, dict) or not button.get("text"):
                raise bad_request(
                    "can't parse inline keyboard button: Text buttons are "
                    "unallowed in the inline keyboard"
                )
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= _CALLBACK_DATA_LIMIT:
                raise bad_request("BUTTON_DATA_INVALID")
            if len(button) == 1:
                raise bad_request(
                    "can't parse inline keyboard button: Text buttons are "
                    "unallowed in the inline keyboard"
                )
    return markup


def _reply_to(state: SandboxState, chat_id: int, params: Params) -> int | None:
    reply = params.get("reply_parameters")
    allow_missing = bool(params.get("allow_sending_without_reply"))
    message_id = params.get("reply_to_message_id")
    if isinstance(reply, dict):
        message_id = reply.get("message_id")
        allow_missing = bool(reply.get("allow_sending_without_reply", allow_missing))
    if message_id is None:
        return None
    if not isinstance(message_id, int) or state.live_message(chat_id, message_id) is None:
        if allow_missing:
            return None
        raise bad_request("message to be replied not found")
    return message_id


def _editable(state: SandboxState, params: Params) -> StoredMessage:
    if params.get("inline_message_id"):
        raise bad_request("message to edit not found")  # no inline mode in the sandbox
    user = _chat(state, params)
    message = state.live_message(user.id, _message_id(params))
    if message is None or not message.from_bot:
        raise bad_request("message to edit not found")
    return message


def _not_modified() -> ApiError:
    return bad_request(
        "message is not modified: specified new message content and reply markup are exactly "
        "the same as a current content and reply markup of the message"
    )


# --- methods -------------------------------------------------------------------------------


def get_me(state: SandboxState, params: Params) -> JSON:
    """getMe."""
    return state.bot.me()


def send_message(state: SandboxState, params: Params) -> JSON:
    """sendMessage."""
    user = _recipient(state, params)
    text, entities, html = _text(params)
    markup = _markup(params)
    message = state.add_message(
        user.id,
        from_bot=True,
        text=text,
        entities=entities,
        html=html,
        reply_markup=markup,
        protect_content=bool(params.get("protect_content")),
        reply_to_message_id=_reply_to(state, user.id, params),
    )
    return state.message_api(message)


def send_photo(state: SandboxState, params: Params) -> JSON:
    """sendPhoto: an upload, a URL or a file_id of a known photo."""
    user = _recipient(state, params)
    photo = params.get("photo")
    if photo is None or photo == "":
        raise bad_request("there is no photo in the request")
    sizes = state.photo_by_file_id(photo) if isinstance(photo, str) else None
    if sizes is None:
        if isinstance(photo, str) and not photo.startswith(("http://", "https://", "attach://")):
            raise bad_request("wrong file identifier/HTTP URL specified")
        sizes = state.new_photo()
    caption, entities, html = _caption(params)
    markup = _markup(params)
    message = state.add_message(
        user.id,
        from_bot=True,
        photo=sizes,
        caption=caption,
        caption_entities=entities,
        html=html,
        reply_markup=markup,
        protect_content=bool(params.get("protect_content")),
        reply_to_message_id=_reply_to(state, user.id, params),
    )
    return state.message_api(message)


def copy_message(state: SandboxState, params: Params) -> JSON:
    """copyMessage: same content, optionally a new caption; answers the new message_id."""
    source_chat = _chat(state, params, "from_chat_id")
    user = _recipient(state, params)
    source = state.live_message(source_chat.id, _message_id(params))
    if source is None:
        raise bad_request("message to copy not found")
    fields: JSON = {
        "text": source.text,
        "entities": list(source.entities),
        "photo": source.photo,
        "kind": source.kind,
        "media": dict(source.media),
        "caption": source.caption,
        "caption_entities": list(source.caption_entities),
        "html": source.html,
    }
    if "caption" in params and source.has_caption_slot:
        caption, entities, html = _caption(params)
        fields |= {"caption": caption, "caption_entities": entities, "html": html}
    markup = _markup(params)
    message = state.add_message(
        user.id,
        from_bot=True,
        reply_markup=markup,
        protect_content=bool(params.get("protect_content")),
        reply_to_message_id=_reply_to(state, user.id, params),
        **fields,
    )
    return {"message_id": message.message_id}


def edit_message_text(state: SandboxState, params: Params) -> JSON:
    """editMessageText; without reply_markup the inline keyboard goes away, as on Telegram."""
    message = _editable(state, params)
    if message.text is None:
        raise bad_request("there is no text in the message to edit")
    text, entities, html = _text(params)
    markup = _markup(params)
    if (text, entities, markup) == (message.text, message.entities, message.reply_markup):
        raise _not_modified()
    message.text, message.entities, message.html = text, entities, html
    message.reply_markup, message.edit_date = markup, state.now()
    return state.message_api(message)


def edit_message_caption(state: SandboxState, params: Params) -> JSON:
    """editMessageCaption."""
    message = _editable(state, params)
    if not message.has_caption_slot:
        raise bad_request("there is no caption in the message to edit")
    caption, entities, html = _caption(params)
    markup = _markup(params)
    current = (message.caption, message.caption_entities, message.reply_markup)
    if (caption, entities, markup) == current:
        raise _not_modified()
    message.caption, message.caption_entities, message.html = caption, entities, html
    message.reply_markup, message.edit_date = markup, state.now()
    return state.message_api(message)


def edit_message_reply_markup(state: SandboxState, params: Params) -> JSON:
    """editMessageReplyMarkup; no reply_markup removes the inline keyboard."""
    message = _editable(state, params)
    markup = _markup(params)
    if markup == message.reply_markup:
        raise _not_modified()
    message.reply_markup, message.edit_date = markup, state.now()
    return state.message_api(message)


def delete_message(state: SandboxState, params: Params) -> bool:
    """deleteMessage (the bot may delete both sides of a private chat)."""
    user = _chat(state, params)
    message = state.live_message(user.id, _message_id(params))
    if message is None:
        raise bad_request("message to delete not found")
    message.deleted = True
    return True


def answer_callback_query(state: SandboxState, params: Params) -> bool:
    """answerCallbackQuery."""
    text = params.get("text")
    state.answer(
        str(params.get("callback_query_id", "")),
        text=None if text in (None, "") else str(text),
        show_alert=bool(params.get("show_alert")),
    )
    return True


def _commands_key(params: Params) -> str:
    scope = params.get("scope") or {"type": "default"}
    return json.dumps([scope, params.get("language_code") or ""], sort_keys=True)


def set_my_commands(state: SandboxState, params: Params) -> bool:
    """setMyCommands."""
    commands = params.get("commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise bad_request("can't parse commands JSON object")
    for command in commands:
        if not isinstance(command, dict) or not _COMMAND_NAME.fullmatch(
            str(command.get("command", ""))
        ):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    state.commands[_commands_key(params)] = [
        {"command": c["command"], "description": c["description"]} for c in commands
    ]
    return True


def get_my_commands(state: SandboxState, params: Params) -> list[JSON]:
    """getMyCommands."""
    return state.commands.get(_commands_key(params), [])


def delete_my_commands(state: SandboxState, params: Params) -> bool:
    """deleteMyCommands."""
    state.commands.pop(_commands_key(params), None)
    return True


def send_chat_action(state: SandboxState, params: Params) -> bool:
    """sendChatAction."""
    _recipient(state, params)
    return True


def accept(state: SandboxState, params: Params) -> bool:
    """close, logOut: harmless here."""
    return True


def set_webhook(state: SandboxState, params: Params) -> bool:
    """setWebhook: deliveries go to 127.0.0.1/localhost only; an empty url removes it."""
    url = str(params.get("url") or "")
    drop = bool(params.get("drop_pending_updates"))
    if not url:
        state.set_webhook(None, drop_pending_updates=drop)
        return True
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or parts.hostname not in _LOCAL_HOSTS:
        raise bad_request("bad webhook: the sandbox delivers only to 127.0.0.1 or localhost")
    allowed = params.get("allowed_updates")
    secret = params.get("secret_token")
    if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
        raise bad_request("bad webhook: secret token contains unallowed characters")
    previous = state.webhook
    if previous is not None and previous.url == url:
        previous.secret_token = secret
        previous.allowed_updates = allowed if isinstance(allowed, list) else None
        state.set_webhook(previous, drop_pending_updates=drop)
        return True
    webhook = Webhook(
        url,
        secret_token=None if secret is None else str(secret),
        allowed_updates=allowed if isinstance(allowed, list) else None,
        max_connections=int(params.get("max_connections") or 40),
    )
    state.set_webhook(webhook, drop_pending_updates=drop)
    return True


def delete_webhook(state: SandboxState, params: Params) -> bool:
    """deleteWebhook."""
    state.set_webhook(None, drop_pending_updates=bool(params.get("drop_pending_updates")))
    return True


def get_webhook_info(state: SandboxState, params: Params) -> JSON:
    """getWebhookInfo."""
    pending = len(state.pending())
    if state.webhook is None:
        return {"url": "", "has_custom_certificate": False, "pending_update_count": pending}
    return state.webhook.info(pending)


def get_updates(state: SandboxState, params: Params) -> list[JSON]:
    """getUpdates without waiting (the server adds long polling on top)."""
    if state.webhook is not None:
        raise ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook "
            "to delete the webhook first",
        )
    offset = params.get("offset") or 0
    limit = params.get("limit") or 100
    if not isinstance(offset, int) or not isinstance(limit, int):
        raise bad_request("offset and limit must be integers")
    allowed = params.get("allowed_updates")
    if isinstance(allowed, list):
        state.allowed_updates = allowed or None
    state.confirm(offset)
    return [update.to_api() for update in state.pending(min(max(limit, 1), 100))]


METHODS: Final[dict[str, tuple[str, Method]]] = {
    name.lower(): (name, function)
    for name, function in [
        ("getMe", get_me),
        ("getUpdates", get_updates),
        ("setWebhook", set_webhook),
        ("deleteWebhook", delete_webhook),
        ("getWebhookInfo", get_webhook_info),
        ("sendMessage", send_message),
        ("copyMessage", copy_message),
        ("sendPhoto", send_photo),
        ("editMessageText", edit_message_text),
        ("editMessageCaption", edit_message_caption),
        ("editMessageReplyMarkup", edit_message_reply_markup),
        ("answerCallbackQuery", answer_callback_query),
        ("deleteMessage", delete_message),
        ("setMyCommands", set_my_commands),
        ("getMyCommands", get_my_commands),
        ("deleteMyCommands", delete_my_commands),
        ("sendChatAction", send_chat_action),
        ("close", accept),
        ("logOut", accept),
    ]
}


def canonical_method(name: str) -> str | None:
    """Return the method's canonical spelling, or None when the sandbox does not know it."""
    entry = METHODS.get(name.lower())
    return None if entry is None else entry[0]


def method_handler(name: str) -> Method:
    """Return the function implementing a known method."""
    return METHODS[name.lower()][1]
