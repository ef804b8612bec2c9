"""Fixtures: a running sandbox, a scripted user, and PTB's real Bot client pointed at it."""

from collections.abc import AsyncIterator

import pytest
import telegram

from bot.sandbox.client import SandboxClient
from bot.sandbox.server import SANDBOX_TOKEN, Sandbox

ALICE = 42


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox() as running:
        running.add_user(ALICE, "Alice", last_name="Martin", username="alice", language_code="fr")
        yield running


@pytest.fixture
async def bot(sandbox: Sandbox) -> AsyncIterator[telegram.Bot]:
    async with telegram.Bot(SANDBOX_TOKEN, base_url=sandbox.base_url) as client:
        yield client


@pytest.fixture
async def control(sandbox: Sandbox) -> AsyncIterator[SandboxClient]:
    async with SandboxClient(sandbox.url) as client:
        yield client
