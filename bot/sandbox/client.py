"""An async client of the sandbox's control API, for the demo, benchmarks and outside scripts.

::

    async with SandboxClient("http://127.0.0.1:8081") as users:
        await users.add_user(42, "Alice", language_code="fr")
        await users.send(42, "/start")
        reply = await users.wait_for_text(42, "Bienvenue")
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

import httpx

__all__ = ["SandboxClient", "SandboxError"]

JSON = dict[str, Any]
_POLL_INTERVAL = 0.02


class SandboxError(Exception):
    """The control API refused a request."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message


class SandboxClient:
    """Script Telegram users against a running sandbox over HTTP."""

    def __init__(self, url: str, *, timeout: float = 10.0) -> None:
        self._http = httpx.AsyncClient(
            base_url=f"{url.rstrip('/')}/sandbox", timeout=timeout, trust_env=False
        )

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        await self._http.aclose()

    async def _call(
        self, verb: str, path: str, body: JSON | None = None, params: JSON | None = None
    ) -> Any:
        response = await self._http.request(verb, path, json=body, params=params)
        if response.status_code >= 400:
            try:
                message = str(response.json().get("error", response.text))
            except (ValueError, AttributeError):
                message = response.text
            raise SandboxError(response.status_code, message)
        return response.json()

    async def add_user(
        self,
        user_id: int,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> JSON:
        """Create or update a user; return the Bot API User object."""
        body = {
            "id": user_id,
            "first_name": first_name,
            "last_name": last_name,
            "username": username,
            "language_code": language_code,
        }
        result: JSON = await self._call("POST", "/users", body)
        return result

    async def users(self) -> list[JSON]:
        """Return the users."""
        result: list[JSON] = await self._call("GET", "/users")
        return result

    async def send(
        self,
        user_id: int,
        text: str | None = None,
        *,
        photo: bool = False,
        caption: str | None = None,
        reply_to_message_id: int | None = None,
        kind: str | None = None,
    ) -> JSON:
        """Make the user send a message; return its message_id and update_id."""
        body = {
            "user_id": user_id,
            "text": text,
            "photo": photo,
            "caption": caption,
            "reply_to_message_id": reply_to_message_id,
            "kind": kind,
        }
        result: JSON = await self._call("POST", "/send", body)
        return result

    async def press(
        self,
        user_id: int,
        message_id: int,
        *,
        data: str | None = None,
        text: str | None = None,
        force: bool = False,
    ) -> JSON:
        """Make the user press an inline button by callback data or label; return update_id."""
        body = {
            "user_id": user_id,
            "message_id": message_id,
            "data": data,
            "text": text,
            "force": force,
        }
        result: JSON = await self._call("POST", "/press", body)
        return result

    async def chat(self, user_id: int, *, include_user: bool = False) -> list[JSON]:
        """Return the bot's messages in the user's chat (and the user's own if asked)."""
        params = {"all": "1"} if include_user else None
        result: list[JSON] = await self._call("GET", f"/chats/{user_id}", params=params)
        return result

    async def answers(self, user_id: int) -> list[JSON]:
        """Return the bot's answers to the user's presses."""
        result: list[JSON] = await self._call("GET", f"/answers/{user_id}")
        return result

    async def calls(self, method: str | None = None) -> list[JSON]:
        """Return the Bot API calls received, optionally of one method."""
        params = {"method": method} if method else None
        result: list[JSON] = await self._call("GET", "/calls", params=params)
        return result

    async def block(self, user_id: int, blocked: bool = True) -> None:
        """Make the user block (or unblock) the bot."""
        await self._call("POST", "/block", {"user_id": user_id, "blocked": blocked})

    async def fault(
        self,
        method: str,
        status: int | str,
        count: int = 1,
        *,
        retry_after: int = 1,
        seconds: float = 30,
    ) -> None:
        """Make the next ``count`` calls of a method answer 429, 500 or hang ("timeout")."""
        body = {
            "method": method,
            "status": status,
            "count": count,
            "retry_after": retry_after,
            "seconds": seconds,
        }
        await self._call("POST", "/faults", body)

    async def reset(self) -> None:
        """Clear the sandbox."""
        await self._call("POST", "/reset")

    async def wait_for(
        self,
        user_id: int,
        predicate: Callable[[JSON], bool],
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 - a polling deadline, part of the documented API
        include_user: bool = False,
    ) -> JSON:
        """Poll the chat until a message satisfies predicate; return it, or raise TimeoutError."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            messages = await self.chat(user_id, include_user=include_user)
            for message in messages:
                if predicate(message):
                    return message
            if loop.time() >= deadline:
                shown = json.dumps(messages, ensure_ascii=False, indent=1)
                raise TimeoutError(
                    f"no message in chat {user_id} matched within {timeout:g} s; "
                    f"the chat holds {len(messages)} message(s):\n{shown}"
                )
            await asyncio.sleep(_POLL_INTERVAL)

    async def wait_for_text(
        self,
        user_id: int,
        substring: str,
        timeout: float = 5.0,  # noqa: ASYNC109 - same as wait_for
    ) -> JSON:
        """Wait for a bot message whose text or caption contains substring."""

        def has_text(message: JSON) -> bool:
            content = message.get("text") or message.get("caption") or ""
            return substring in content and not message.get("deleted")

        return await self.wait_for(user_id, has_text, timeout=timeout)
