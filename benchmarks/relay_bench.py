"""Relay speed: the real Application on the local Bot API stand-in, SQLite in a temp folder.

Measures (1) the latency of one relayed message, from the user's send to the copy in the
other side's chat (sequential, one conversation), and (2) the throughput of many
conversations relaying at once. The stand-in runs in a process of its own (``--same-process``
to share the bot's event loop instead), as Telegram would. Run:
.venv/bin/python benchmarks/relay_bench.py [--pairs 20] [--same-process]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from bot.app import build_application, running
from bot.sandbox.client import SandboxClient
from bot.sandbox.server import SANDBOX_TOKEN, Sandbox
from bot.settings import Settings
from storage.db import create_engine, create_session_factory
from storage.migrate import upgrade
from storage.models import Thread, ThreadState, User, UserStatus

os.environ.setdefault("PTB_TIMEDELTA", "true")
TEXT = (
    "Patient de 67 ans, IRC stade 3b, DFG 38, kaliémie 5,4 sous ramipril 5 mg et spironolactone "
    "25 mg. Je propose d'arrêter la spironolactone et de recontrôler dans une semaine, ok ?"
)


async def _setup(settings: Settings, pairs: int) -> None:
    engine = create_engine(settings.database_url)
    await upgrade(engine)
    now = datetime.now(UTC)
    async with create_session_factory(engine)() as session:
        for i in range(pairs):
            session.add(User(id=10_000 + i, status=UserStatus.VERIFIED, language="fr"))
            session.add(User(id=20_000 + i, status=UserStatus.VERIFIED, language="fr"))
        await session.flush()
        for i in range(pairs):
            session.add(
                Thread(
                    code=f"B{i:03d}",
                    asker_id=10_000 + i,
                    specialist_id=20_000 + i,
                    specialty="nephrology",
                    state=ThreadState.CLAIMED,
                    question="…",
                    claimed_at=now,
                    last_activity_at=now,
                    expires_at=now + timedelta(days=2),
                )
            )
        await session.commit()
    await engine.dispose()


def _sent(db: sqlite3.Connection, chat_id: int | None = None) -> tuple[int, datetime | None]:
    """How many relayed messages the dispatcher has sent (to one chat, or to any), and when
    the last one went.

    Read with a plain read-only connection: in WAL mode it neither waits for nor blocks the
    bot, and it costs the process being measured almost nothing.
    """
    query = "SELECT count(*), max(sent_at) FROM outbox WHERE status = 'sent' AND map_reply = 1"
    args: tuple[int, ...] = ()
    if chat_id is not None:
        query += " AND chat_id = ?"
        args = (chat_id,)
    count, last = db.execute(query, args).fetchone()
    return count, datetime.fromisoformat(last).replace(tzinfo=UTC) if last else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _stand_in(same_process: bool) -> tuple[str, Sandbox | None, Any]:
    """Start the stand-in: in this process, or in a child process of its own."""
    if same_process:
        sandbox = Sandbox()
        await sandbox.start(0)
        return sandbox.url, sandbox, None
    port = _free_port()
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.sandbox",
        "--port",
        str(port),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    async with SandboxClient(url) as probe:
        for _ in range(200):
            try:
                await probe.users()
                break
            except (OSError, httpx.HTTPError):
                await asyncio.sleep(0.05)
    return url, None, child


async def main(pairs: int, per_pair: int, latency_samples: int, same_process: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'b.db'}")
        await _setup(settings, pairs)
        url, sandbox, child = await _stand_in(same_process)
        app = build_application(settings, token=SANDBOX_TOKEN, api_url=url)
        try:
            async with running(app, poll_timeout=1), SandboxClient(url) as client:
                for i in range(pairs):
                    await client.add_user(10_000 + i, f"A{i}", language_code="fr")
                    await client.add_user(20_000 + i, f"S{i}", language_code="fr")
                db = sqlite3.connect(f"file:{Path(tmp) / 'b.db'}?mode=ro", uri=True)
                # (1) latency, one conversation, one message at a time.
                latencies = []
                for n in range(latency_samples):
                    start = datetime.now(UTC)
                    await client.send(10_000, f"{TEXT} ({n})")
                    while (sent := _sent(db, 20_000))[0] < n + 1:
                        await asyncio.sleep(0.005)
                    assert sent[1] is not None
                    latencies.append((sent[1] - start).total_seconds() * 1000)
                # (2) throughput, every conversation at once.
                before = _sent(db)[0]
                total = pairs * per_pair
                cpu_start = time.process_time()
                start = datetime.now(UTC)
                for n in range(per_pair):
                    for i in range(pairs):
                        await client.send(10_000 + i, f"{TEXT} [{n}]")
                while (sent := _sent(db))[0] < before + total:
                    await asyncio.sleep(0.02)
                assert sent[1] is not None
                elapsed = (sent[1] - start).total_seconds()
                cpu = time.process_time() - cpu_start
                db.close()
        finally:
            if sandbox is not None:
                await sandbox.stop()
            if child is not None:
                child.terminate()
                await child.wait()
    latencies.sort()
    where = "in the bot's process" if same_process else "in a process of its own"
    print(f"stand-in {where}")
    print(f"relay latency, one conversation ({latency_samples} messages, send → copy sent):")
    print(
        f"  p50 {statistics.median(latencies):.1f} ms, "
        f"p95 {latencies[int(0.95 * (len(latencies) - 1))]:.1f} ms, max {latencies[-1]:.1f} ms"
    )
    print(
        f"relay throughput: {total} messages in {pairs} conversations at once: "
        f"{elapsed:.2f} s, {total / elapsed:.0f} messages/s"
    )
    per_message = cpu / total * 1000
    print(
        f"bot process CPU per relayed message: {per_message:.1f} ms "
        f"(one core could relay about {1000 / per_message:.0f} messages/s; steadier than wall "
        "clock on a shared machine)"
    )
    print("(Telegram itself allows about 30 messages/s per bot; the bot must not be the limit.)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--per-pair", type=int, default=10)
    parser.add_argument("--latency-samples", type=int, default=30)
    parser.add_argument("--same-process", action="store_true")
    args = parser.parse_args()
    asyncio.run(main(args.pairs, args.per_pair, args.latency_samples, args.same_process))
