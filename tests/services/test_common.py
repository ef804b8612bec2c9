"""Shared service helpers."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.services.common import local_time, visible_length

PARIS = ZoneInfo("Europe/Paris")


def test_visible_length_counts_what_telegram_counts() -> None:
    """Tags do not count; an entity counts as one character."""
    assert visible_length("💬 <b>Confrère #Q4</b> · #AB &lt;3 &amp;") == len(
        "💬 Confrère #Q4 · #AB <3 &"
    )


def test_local_time_shows_the_date_only_on_another_day() -> None:
    """Today: ``HH:MM``; another day: ``DD/MM HH:MM``, in the user's zone."""
    now = datetime(2026, 11, 28, 20, 0, tzinfo=UTC)
    assert local_time(datetime(2026, 11, 28, 21, 0, tzinfo=UTC), PARIS, now) == "22:00"
    assert local_time(datetime(2026, 11, 29, 7, 0, tzinfo=UTC), PARIS, now) == "29/11 08:00"
