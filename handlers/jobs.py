"""Scheduled jobs (PTB's JobQueue, i.e. APScheduler)."""

from __future__ import annotations

import logging

from bot.context import BotContext
from bot.services import sweep

log = logging.getLogger(__name__)


async def sweep_job(context: BotContext) -> None:
    """Do what is due: claim timeouts, escalation, expiry, on-call periods, retention."""
    report = await sweep.run(context.sessions, now=context.now(), settings=context.settings)
    if report != sweep.SweepReport():
        log.info("sweep: %s", report)
    context.kick()
