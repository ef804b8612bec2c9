"""Shared fixtures: databases (SQLite always, PostgreSQL when CONFRERE_TEST_POSTGRES_URL is set),
settings, and the real Application running against the local Bot API stand-in."""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from bot.app import build_application, running
from bot.context import utc_clock
from bot.sandbox.client import SandboxClient
from bot.sandbox.server import SANDBOX_TOKEN, Sandbox
from bot.services.seeding import seed_users
from bot.settings import Settings, async_database_url
from storage.db import SessionFactory, create_engine, create_session_factory
from storage.migrate import upgrade

# PTB 22 warns on every flood-control error unless time periods are timedeltas (as in main()).
os.environ.setdefault("PTB_TIMEDELTA", "true")

PG_ENV = "CONFRERE_TEST_POSTGRES_URL"
PG_SKIP = f"{PG_ENV} is not set: PostgreSQL tests skipped (.ci/run sets it)"


def _plain(url: str) -> str:
    return str(make_url(url).set(drivername="postgresql"))


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throw-away PostgreSQL database for this test session."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    name = f"confrere_test_{secrets.token_hex(4)}"
    admin = _plain(base)

    async def create() -> None:
        conn = await asyncpg.connect(admin)
        try:
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()

    async def drop() -> None:
        conn = await asyncpg.connect(admin)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()

    # A thread of its own: this fixture may be requested while an event loop is running.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, create()).result()
        yield async_database_url(str(make_url(admin).set(database=name)))
        pool.submit(asyncio.run, drop()).result()


async def _reset_postgres(url: str) -> None:
    conn = await asyncpg.connect(_plain(url))
    try:
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    finally:
        await conn.close()


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: SQLite always, PostgreSQL when configured."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
    url: str = request.getfixturevalue("postgres_url")
    await _reset_postgres(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """An empty SQLite database (for tests that need only one backend)."""
    return f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"


def make_settings(database_url: str, **overrides: Any) -> Settings:
    """Test settings: no .env, instant approval, given database."""
    values: dict[str, Any] = {"database_url": database_url, "require_approval": False}
    values.update(overrides)
    return Settings(_env_file=None, **values)


@pytest.fixture
def settings(sqlite_url: str) -> Settings:
    """Settings on a fresh SQLite file (override in a module to use ``database_url``)."""
    return make_settings(sqlite_url)


@pytest.fixture
async def sessions(settings: Settings) -> AsyncIterator[SessionFactory]:
    """A session factory on the migrated test database."""
    engine = create_engine(settings.database_url)
    await upgrade(engine)
    try:
        yield create_session_factory(engine)
    finally:
        await engine.dispose()


async def seed(settings: Settings, *users: dict[str, Any]) -> None:
    """Create ready users in the database (verified, specialties, on call...)."""
    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as session:
            await seed_users(session, users, now=utc_clock(), settings=settings)
    finally:
        await engine.dispose()


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    """The local Bot API stand-in on a free loopback port."""
    stand_in = Sandbox()
    await stand_in.start(0)
    try:
        yield stand_in
    finally:
        await stand_in.stop()


@pytest.fixture
async def client(sandbox: Sandbox) -> AsyncIterator[SandboxClient]:
    """The control API client of the stand-in."""
    async with SandboxClient(sandbox.url) as control:
        yield control


@pytest.fixture
async def migrated(settings: Settings) -> Settings:
    """The settings' database, migrated to head."""
    engine = create_engine(settings.database_url)
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()
    return settings


@pytest.fixture
async def bot(migrated: Settings, sandbox: Sandbox) -> AsyncIterator[Any]:
    """The real Application, long polling the stand-in through PTB's HTTP client."""
    application = build_application(migrated, token=SANDBOX_TOKEN, api_url=sandbox.url)
    async with running(application, poll_timeout=1):
        yield application
