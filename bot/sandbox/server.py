"""The sandbox HTTP server: the Bot API at ``/bot<token>/<method>``, the control API at
``/sandbox/...``, on 127.0.0.1 only.

Run it in the bot's own asyncio loop::

    async with Sandbox() as sandbox:
        application = ApplicationBuilder().token(SANDBOX_TOKEN).base_url(sandbox.base_url)...
        sandbox.add_user(42, "Alice")
        sandbox.send(42, "/start")
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, Final, Self
from urllib.parse import parse_qs

import httpx
import tornado.httpserver
import tornado.netutil
import tornado.web

from bot.sandbox import api
from bot.sandbox.state import (
    JSON,
    ApiError,
    BotIdentity,
    ControlError,
    PendingUpdate,
    SandboxState,
    Webhook,
)

__all__ = ["DEFAULT_BOT_ID", "HOST", "SANDBOX_TOKEN", "Sandbox"]

SANDBOX_TOKEN: Final = "7000000001:SANDBOX-not-a-real-token"  # noqa: S105 - fake, local only
DEFAULT_BOT_ID: Final = 7000000001
HOST: Final = "127.0.0.1"
_MAX_POLL_TIMEOUT: Final = 50
_WEBHOOK_BACKOFF: Final = (0.05, 1.0)  # first retry delay, maximum delay (seconds)
_WEBHOOK_TIMEOUT: Final = 10.0

logger = logging.getLogger(__name__)


class Sandbox:
    """A local stand-in of the Telegram Bot API, plus a control API for scripted users."""

    def __init__(self, *, token: str = SANDBOX_TOKEN, clock: Callable[[], float] = time.time):
        prefix = token.split(":", 1)[0]
        bot_id = int(prefix) if prefix.isdigit() else DEFAULT_BOT_ID
        self.token = token
        self.state = SandboxState(BotIdentity(bot_id), clock=clock, on_change=self._on_change)
        self.port = 0
        self._server: tornado.httpserver.HTTPServer | None = None
        self._http: httpx.AsyncClient | None = None
        self._changed = asyncio.Event()
        self._stopped = asyncio.Event()
        self._poll_generation = 0
        self._webhook_task: asyncio.Task[None] | None = None
        self._webhook_for: Webhook | None = None

    # --- lifecycle -------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """Return the server's root URL."""
        return f"http://{HOST}:{self.port}"

    @property
    def base_url(self) -> str:
        """Return what ``ApplicationBuilder.base_url()`` / ``Bot(base_url=...)`` take."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """Return what ``ApplicationBuilder.base_file_url()`` takes."""
        return f"{self.url}/file/bot"

    async def start(self, port: int = 0) -> None:
        """Listen on 127.0.0.1 (never another interface); port 0 picks a free port."""
        if self._server is not None:
            raise RuntimeError("the sandbox is already running")
        application = tornado.web.Application(
            [
                (r"/bot([^/]+)/([^/]*)", _BotApiHandler, {"sandbox": self}),
                (r"/sandbox/(.*)", _ControlHandler, {"sandbox": self}),
            ],
            log_function=_log_request,
        )
        sockets = tornado.netutil.bind_sockets(port, address=HOST, family=socket.AF_INET)
        self.port = sockets[0].getsockname()[1]
        self._stopped = asyncio.Event()
        self._server = tornado.httpserver.HTTPServer(application)
        self._server.add_sockets(sockets)
        self._sync_webhook()
        logger.info("Sandbox Bot API listening on %s", self.url)

    async def stop(self) -> None:
        """Stop serving: finish waiting long polls, stop webhook delivery, close connections."""
        server, self._server = self._server, None
        if server is None:
            return
        self._stopped.set()
        self._wake()
        await self._stop_webhook()
        server.stop()
        await server.close_all_connections()
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    # --- Python API (the control API, in-process) ------------------------------------------

    def add_user(
        self,
        user_id: int,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> JSON:
        """Create or update a scripted user; return the Bot API User object."""
        return self.state.add_user(
            user_id,
            first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )

    def users(self) -> list[JSON]:
        """Return the scripted users."""
        return [user.to_api() | {"blocked": user.blocked} for user in self.state.users.values()]

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
        """Make the user send a message to the bot; return its message_id and update_id."""
        return self.state.send(
            user_id,
            text,
            photo=photo,
            caption=caption,
            reply_to_message_id=reply_to_message_id,
            kind=kind,
        )

    def press(
        self,
        user_id: int,
        message_id: int,
        *,
        data: str | None = None,
        text: str | None = None,
        force: bool = False,
    ) -> JSON:
        """Make the user press an inline button (by callback data or label); return update_id."""
        return self.state.press(user_id, message_id, data=data, text=text, force=force)

    def chat(self, user_id: int, *, include_user: bool = False) -> list[JSON]:
        """Return the bot's messages in the user's chat (and the user's own if asked)."""
        return self.state.chat(user_id, include_user=include_user)

    def answers(self, user_id: int) -> list[JSON]:
        """Return the bot's answers to the user's button presses, in order."""
        return self.state.answers_of(user_id)

    def calls(self, method: str | None = None) -> list[JSON]:
        """Return every Bot API call received, in order, optionally of one method."""
        return self.state.calls_of(method)

    def block(self, user_id: int, blocked: bool = True) -> None:
        """Make the user block (or unblock) the bot."""
        self.state.block(user_id, blocked)

    def add_fault(
        self,
        method: str,
        status: int | str,
        count: int = 1,
        *,
        retry_after: int = 1,
        seconds: float = 30,
    ) -> None:
        """Make the next ``count`` calls of a method answer 429, 500 or hang ("timeout")."""
        name = api.canonical_method(method)
        if name is None:
            raise ControlError(400, f"unknown Bot API method {method!r}")
        self.state.add_fault(name, status, count, retry_after=retry_after, seconds=seconds)

    def reset(self) -> None:
        """Forget users, chats, updates, webhook, faults and calls."""
        self.state.reset()

    # --- Bot API ---------------------------------------------------------------------------

    async def bot_api(self, token: str, method: str, raw: dict[str, Any]) -> tuple[int, JSON]:
        """Answer one Bot API request: (HTTP status, Telegram envelope)."""
        if token != self.token:
            return 401, ApiError(401, "Unauthorized").to_json()
        name = api.canonical_method(method)
        call = self.state.record_call(name or method, _recordable(raw))
        try:
            if name is None:
                raise ApiError(404, "Not Found")  # noqa: TRY301 - one place builds the envelope
            params = api.coerce_params(raw)
            call.params = _recordable(params)
            await self._apply_fault(name)
            if name == "getUpdates":
                result: Any = await self._get_updates(params)
            else:
                result = api.method_handler(name)(self.state, params)
        except ApiError as error:
            call.ok, call.error_code = False, error.status
            return error.status, error.to_json()
        call.ok = True
        return 200, {"ok": True, "result": result}

    async def _apply_fault(self, method: str) -> None:
        fault = self.state.take_fault(method)
        if fault is None:
            return
        if fault.status == 429:
            raise ApiError(
                429,
                f"Too Many Requests: retry after {fault.retry_after}",
                retry_after=fault.retry_after,
            )
        if fault.status == 500:
            raise ApiError(500, "Internal Server Error")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopped.wait(), fault.seconds)
        raise ApiError(504, "Gateway Timeout")  # the call is not performed

    async def _get_updates(self, params: dict[str, Any]) -> list[JSON]:
        """getUpdates with real long polling; a newer poll ends an older one with 409."""
        timeout = params.get("timeout") or 0
        if not isinstance(timeout, int):
            raise ApiError(400, "Bad Request: timeout must be an integer")
        self._poll_generation += 1
        generation = self._poll_generation
        self._wake()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + min(max(timeout, 0), _MAX_POLL_TIMEOUT)
        while True:
            changed = self._changed
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one "
                    "bot instance is running",
                )
            updates = api.get_updates(self.state, params)
            remaining = deadline - loop.time()
            if updates or remaining <= 0 or self._stopped.is_set():
                return updates
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), remaining)

    # --- change notification and webhook delivery ------------------------------------------

    def _wake(self) -> None:
        """Wake every coroutine waiting for a change (long polls, the webhook sender)."""
        self._changed.set()
        self._changed = asyncio.Event()

    def _on_change(self) -> None:
        self._wake()
        self._sync_webhook()

    def _sync_webhook(self) -> None:
        """Run one delivery task for the current webhook, none without one."""
        webhook = self.state.webhook
        if self._server is None or webhook is self._webhook_for:
            return
        if self._webhook_task is not None:
            self._webhook_task.cancel()
        self._webhook_for = webhook
        self._webhook_task = None
        if webhook is not None:
            self._webhook_task = asyncio.get_running_loop().create_task(
                self._deliver(webhook), name="sandbox-webhook"
            )

    async def _stop_webhook(self) -> None:
        task, self._webhook_task, self._webhook_for = self._webhook_task, None, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _deliver(self, webhook: Webhook) -> None:
        """POST pending updates to the webhook one at a time, in order, retrying failures."""
        first_delay, max_delay = _WEBHOOK_BACKOFF
        delay = first_delay
        while True:
            changed = self._changed
            pending = self.state.pending(1)
            if not pending:
                await changed.wait()
                continue
            error = await self._post_update(webhook, pending[0])
            if error is None:
                self.state.confirm(pending[0].update_id + 1)
                delay = first_delay
                continue
            webhook.last_error_date = self.state.now()
            webhook.last_error_message = error
            await asyncio.sleep(delay)
            delay = min(delay * 2, max_delay)

    async def _post_update(self, webhook: Webhook, update: PendingUpdate) -> str | None:
        """Deliver one update; return None on success, else Telegram-style error text."""
        if self._http is None:  # made on first use: building its TLS context takes a while
            self._http = httpx.AsyncClient(timeout=_WEBHOOK_TIMEOUT, trust_env=False)
        headers = {"Content-Type": "application/json"}
        if webhook.secret_token is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = webhook.secret_token
        try:
            response = await self._http.post(
                webhook.url, content=json.dumps(update.to_api()), headers=headers
            )
        except httpx.ConnectError:
            return "Connection refused"
        except httpx.TimeoutException:
            return "Read timeout expired"
        except httpx.HTTPError as exc:
            return f"Failed to deliver: {type(exc).__name__}"
        if 200 <= response.status_code < 300:
            return None
        return f"Wrong response from the webhook: {response.status_code} {response.reason_phrase}"

    # --- control API over HTTP -------------------------------------------------------------

    def control(
        self, verb: str, path: str, query: dict[str, str], body: JSON
    ) -> JSON | list[JSON]:
        """Answer one control API request, or raise ControlError."""
        parts = [part for part in path.split("/") if part]
        route = (verb, parts[0] if parts else "", len(parts))
        if route == ("POST", "users", 1):
            return self.add_user(
                _int(body, "id"),
                _str(body, "first_name"),
                last_name=_opt_str(body, "last_name"),
                username=_opt_str(body, "username"),
                language_code=_opt_str(body, "language_code"),
            )
        if route == ("GET", "users", 1):
            return self.users()
        if route == ("POST", "send", 1):
            return self.send(
                _int(body, "user_id"),
                _opt_str(body, "text"),
                photo=bool(body.get("photo", False)),
                caption=_opt_str(body, "caption"),
                reply_to_message_id=_opt_int(body, "reply_to_message_id"),
                kind=_opt_str(body, "kind"),
            )
        if route == ("POST", "press", 1):
            return self.press(
                _int(body, "user_id"),
                _int(body, "message_id"),
                data=_opt_str(body, "data"),
                text=_opt_str(body, "text"),
                force=bool(body.get("force", False)),
            )
        if route == ("GET", "chats", 2):
            include_user = query.get("all", "") not in {"", "0", "false"}
            return self.chat(_path_int(parts[1]), include_user=include_user)
        if route == ("GET", "answers", 2):
            return self.answers(_path_int(parts[1]))
        if route == ("GET", "calls", 1):
            return self.calls(query.get("method") or None)
        if route == ("POST", "block", 1):
            self.block(_int(body, "user_id"), bool(body.get("blocked", True)))
            return {"ok": True}
        if route == ("POST", "faults", 1):
            status = body.get("status")
            if not isinstance(status, (int, str)):
                raise ControlError(400, 'status must be 429, 500 or "timeout"')
            self.add_fault(
                _str(body, "method"),
                status,
                _opt_int(body, "count") or 1,
                retry_after=_opt_int(body, "retry_after") or 1,
                seconds=float(body.get("seconds", 30)),
            )
            return {"ok": True}
        if route == ("POST", "reset", 1):
            self.reset()
            return {"ok": True}
        raise ControlError(404, f"no control route {verb} /sandbox/{path}")


def _recordable(params: dict[str, Any]) -> JSON:
    return {
        key: str(value) if isinstance(value, api.Upload) else value
        for key, value in params.items()
    }


def _int(body: JSON, key: str) -> int:
    value = body.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ControlError(400, f"{key} must be an integer")
    return value


def _opt_int(body: JSON, key: str) -> int | None:
    return None if body.get(key) is None else _int(body, key)


def _str(body: JSON, key: str) -> str:
    value = body.get(key)
    if not isinstance(value, str):
        raise ControlError(400, f"{key} must be a string")
    return value


def _opt_str(body: JSON, key: str) -> str | None:
    return None if body.get(key) is None else _str(body, key)


def _path_int(part: str) -> int:
    try:
        return int(part)
    except ValueError:
        raise ControlError(400, "the user id in the path must be an integer") from None


def _log_request(handler: tornado.web.RequestHandler) -> None:
    """Log requests at DEBUG without their URL (it carries the bot token)."""
    logger.debug("%s %s", handler.request.method, handler.get_status())


class _JsonHandler(tornado.web.RequestHandler):
    def initialize(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def reply(self, status: int, body: object) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(body, ensure_ascii=False))


class _BotApiHandler(_JsonHandler):
    async def get(self, token: str, method: str) -> None:
        try:
            raw = self.raw_params()
        except ApiError as error:
            self.reply(error.status, error.to_json())
            return
        try:
            status, body = await self.sandbox.bot_api(token, method, raw)
        except Exception:
            logger.exception("Sandbox failed on a Bot API call")
            status, body = 500, ApiError(500, "Internal Server Error").to_json()
        self.reply(status, body)

    async def post(self, token: str, method: str) -> None:
        await self.get(token, method)

    def raw_params(self) -> dict[str, Any]:
        """Merge query string, form, multipart and JSON body parameters."""
        request = self.request
        params: dict[str, Any] = {k: v[-1].decode() for k, v in request.query_arguments.items()}
        content_type = request.headers.get("Content-Type", "")
        if content_type.startswith("application/json") and request.body:
            try:
                body = json.loads(request.body)
            except ValueError:
                raise ApiError(400, "Bad Request: can't parse JSON body") from None
            if not isinstance(body, dict):
                raise ApiError(400, "Bad Request: the JSON body must be an object")
            params |= body
        else:
            params |= {k: v[-1].decode() for k, v in request.body_arguments.items()}
        for key, files in request.files.items():
            upload = files[-1]
            params[key] = api.Upload(upload.filename, upload.body, upload.content_type)
        return params


class _ControlHandler(_JsonHandler):
    def get(self, path: str) -> None:
        self.handle("GET", path)

    def post(self, path: str) -> None:
        self.handle("POST", path)

    def handle(self, verb: str, path: str) -> None:
        query = {key: value[-1] for key, value in parse_qs(self.request.query).items()}
        try:
            body = json.loads(self.request.body) if self.request.body else {}
            if not isinstance(body, dict):
                raise ControlError(400, "the body must be a JSON object")
            self.reply(200, self.sandbox.control(verb, path, query, body))
        except ValueError as error:  # JSONDecodeError, ControlError
            status = error.status if isinstance(error, ControlError) else 400
            message = error.message if isinstance(error, ControlError) else "invalid JSON body"
            self.reply(status, {"error": message})
