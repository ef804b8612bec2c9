"""Running things: the bot against Telegram, the sandbox, database upgrades."""

from __future__ import annotations

import asyncio
import json
import logging
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from bot.app import build_application, running
from bot.context import utc_clock
from bot.services.seeding import seed_users
from bot.settings import Settings, SettingsError, require_token
from storage.db import create_engine, create_session_factory
from storage.migrate import current_revision, head_revision, upgrade

log = logging.getLogger(__name__)


def _safe_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


async def upgrade_database(settings: Settings) -> int:
    """``confrere db upgrade``."""
    engine = create_engine(settings.database_url)
    try:
        await upgrade(engine)
        revision = await current_revision(engine)
    except (SQLAlchemyError, OSError) as exc:
        raise SettingsError(
            f"CONFRERE_DATABASE_URL: cannot migrate {_safe_url(settings.database_url)} "
            f"({type(exc).__name__}: {str(exc).splitlines()[0][:200]}). Check the URL and that "
            "the server is running."
        ) from None
    finally:
        await engine.dispose()
    print(f"Database {_safe_url(settings.database_url)} is at revision {revision} (head).")
    return 0


async def print_revision(settings: Settings) -> int:
    """``confrere db current``."""
    engine = create_engine(settings.database_url)
    try:
        revision = await current_revision(engine)
    finally:
        await engine.dispose()
    print(f"{revision or 'empty'} (code head: {head_revision()})")
    return 0


async def prepare_database(settings: Settings) -> None:
    """Migrate SQLite automatically; refuse to start on an out-of-date PostgreSQL."""
    engine = create_engine(settings.database_url)
    try:
        if settings.is_sqlite:
            await upgrade(engine)
            return
        revision = await current_revision(engine)
    except (SQLAlchemyError, OSError) as exc:
        raise SettingsError(
            f"CONFRERE_DATABASE_URL: cannot open {_safe_url(settings.database_url)} "
            f"({type(exc).__name__}). Check the URL and that the server is running."
        ) from None
    finally:
        await engine.dispose()
    if revision != head_revision():
        raise SettingsError(
            f"The database is at revision {revision or 'none'}, the code needs "
            f"{head_revision()}: run `confrere db upgrade` first."
        )


def run_bot(settings: Settings) -> int:
    """``confrere run``: long polling, or a webhook when one is configured."""
    token = require_token(settings)
    asyncio.run(prepare_database(settings))
    application = build_application(settings, token=token)
    if settings.webhook_url:
        url = settings.webhook_url.rstrip("/")
        path = url.split("/", 3)[3] if url.count("/") >= 3 else ""
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=path,
            webhook_url=url,
            secret_token=(
                settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
            ),
            allowed_updates=["message", "edited_message", "callback_query"],
        )
    else:
        application.run_polling(allowed_updates=["message", "edited_message", "callback_query"])
    return 0


def run_sandbox(settings: Settings, *, port: int, seed: Path | None) -> int:
    """``confrere sandbox``: the stand-in and the bot, until Ctrl-C."""
    records = _read_seed(seed) if seed else []
    with tempfile.TemporaryDirectory(prefix="confrere-sandbox-") as tmp:
        if "database_url" not in settings.model_fields_set:
            settings = settings.model_copy(
                update={"database_url": f"sqlite+aiosqlite:///{Path(tmp) / 'sandbox.db'}"}
            )
        try:
            asyncio.run(_serve_sandbox(settings, port=port, records=records))
        except KeyboardInterrupt:
            print("\nSandbox stopped.")
    return 0


def _read_seed(path: Path) -> list[dict[str, Any]]:
    """The seed file's users, or one line saying what is wrong with it."""
    shape = SettingsError(
        f'--seed: {path} must be JSON like {{"users": [{{"id": 1, "first_name": "A", '
        '"verified": true, "specialties": ["nephrology"], "on_call": true}]}.'
    )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingsError(f"--seed: {path} does not exist.") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise shape from None
    users = data.get("users") if isinstance(data, dict) else None
    if not isinstance(users, list) or not all(
        isinstance(u, dict) and "id" in u and "first_name" in u for u in users
    ):
        raise shape
    return users


async def _serve_sandbox(settings: Settings, *, port: int, records: list[dict[str, Any]]) -> None:
    from bot.sandbox.server import SANDBOX_TOKEN, Sandbox

    await prepare_database(settings)
    if records:
        engine = create_engine(settings.database_url)
        async with create_session_factory(engine)() as session:
            await seed_users(session, records, now=utc_clock(), settings=settings)
        await engine.dispose()
    sandbox = Sandbox()
    try:
        await sandbox.start(port)
    except OSError as exc:
        raise SettingsError(
            f"--port {port}: cannot listen on 127.0.0.1 ({exc.strerror})."
        ) from None
    for record in records:
        sandbox.add_user(
            int(record["id"]),
            str(record["first_name"]),
            last_name=record.get("last_name"),
            username=record.get("username"),
            language_code=record.get("language_code"),
        )
    application = build_application(settings, token=SANDBOX_TOKEN, api_url=sandbox.url)
    try:
        async with running(application, poll_timeout=10):
            print(f"Sandbox Bot API on {sandbox.url} (token {SANDBOX_TOKEN}); bot running.")
            print(f"  curl {sandbox.url}/bot{SANDBOX_TOKEN}/getMe")
            print(
                f"  curl -X POST {sandbox.url}/sandbox/users -d "
                '\'{"id": 1, "first_name": "Ana", "language_code": "fr"}\''
            )
            print(
                f"  curl -X POST {sandbox.url}/sandbox/send -d "
                '\'{"user_id": 1, "text": "/start"}\''
            )
            print(f"  curl {sandbox.url}/sandbox/chats/1")
            print("Ctrl-C to stop.")
            await asyncio.Event().wait()
    finally:
        await sandbox.stop()
