"""Relay speed: the real Application on the local Bot API stand-in, SQLite in a temp folder.

Measures (1) the latency of one relayed message, from the user's send to the copy in the
other side's chat (sequential, one conversation), and (2) the throughput of many
conversations relaying at once. Run: .venv/bin/python benchmarks/relay_bench.py [--pairs 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

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


def _delivered(sandbox: Sandbox, user_id: int, count: int) -> bool:
    # In-process look (no HTTP), so measuring costs the shared event loop almost nothing.
    return len(sandbox.chat(user_id)) >= count


async def main(pairs: int, per_pair: int, latency_samples: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'b.db'}", _env_file=None
        )  # type: ignore[call-arg]
        await _setup(settings, pairs)
        sandbox = Sandbox()
        await sandbox.start(0)
        app = build_application(settings, token=SANDBOX_TOKEN, api_url=sandbox.url)
        try:
            async with running(app, poll_timeout=1), SandboxClient(sandbox.url) as client:
                for i in range(pairs):
                    await client.add_user(10_000 + i, f"A{i}", language_code="fr")
                    await client.add_user(20_000 + i, f"S{i}", language_code="fr")
                # (1) latency, one conversation, one message at a time.
                latencies = []
                for n in range(latency_samples):
                    start = time.perf_counter()
                    await client.send(10_000, f"{TEXT} ({n})")
                    while not _delivered(sandbox, 20_000, n + 1):
                        await asyncio.sleep(0.002)
                    latencies.append((time.perf_counter() - start) * 1000)
                # (2) throughput, every conversation at once.
                start = time.perf_counter()
                for n in range(per_pair):
                    for i in range(pairs):
                        await client.send(10_000 + i, f"{TEXT} [{n}]")
                expected = {
                    20_000 + i: per_pair + (latency_samples if i == 0 else 0) for i in range(pairs)
                }
                while True:
                    done = [_delivered(sandbox, u, c) for u, c in expected.items()]
                    if all(done):
                        break
                    await asyncio.sleep(0.01)
                elapsed = time.perf_counter() - start
        finally:
            await sandbox.stop()
    total = pairs * per_pair
    latencies.sort()
    print(f"relay latency, one conversation ({latency_samples} messages, send → copy visible):")
    print(
        f"  p50 {statistics.median(latencies):.1f} ms, "
        f"p95 {latencies[int(0.95 * (len(latencies) - 1))]:.1f} ms, max {latencies[-1]:.1f} ms"
    )
    print(
        f"relay throughput: {total} messages in {pairs} conversations at once: "
        f"{elapsed:.2f} s, {total / elapsed:.0f} messages/s"
    )
    print("(Telegram itself allows about 30 messages/s per bot; the bot must not be the limit.)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--per-pair", type=int, default=10)
    parser.add_argument("--latency-samples", type=int, default=30)
    args = parser.parse_args()
    asyncio.run(main(args.pairs, args.per_pair, args.latency_samples))
