"""When a specialist can answer: durations, weekly windows, pauses. Pure; time is a parameter.

Durations: ``2h``, ``90m``, ``1h30``, ``45 min``, ``3d`` / ``3j``, ``until 22:00``,
``jusqu'à 22h``.
Windows: ``lun-ven 18:00-22:00``, ``sat 09:00-12:00``, ``mon,wed 8-12``, ``tous les jours 20-23``
(French or English day names, in the specialist's time zone; a window may run past midnight).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

MAX_DURATION: Final = timedelta(days=30)
MINUTES_PER_DAY: Final = 24 * 60

_DAYS: Final[dict[str, int]] = {
    "lun": 0, "lundi": 0, "mon": 0, "monday": 0,
    "mar": 1, "mardi": 1, "tue": 1, "tues": 1, "tuesday": 1,
    "mer": 2, "mercredi": 2, "wed": 2, "wednesday": 2,
    "jeu": 3, "jeudi": 3, "thu": 3, "thur": 3, "thurs": 3, "thursday": 3,
    "ven": 4, "vendredi": 4, "fri": 4, "friday": 4,
    "sam": 5, "samedi": 5, "sat": 5, "saturday": 5,
    "dim": 6, "dimanche": 6, "sun": 6, "sunday": 6,
}  # fmt: skip
_EVERY_DAY: Final = ("tous les jours", "tlj", "every day", "everyday", "daily", "7/7", "all")
_WEEKDAYS: Final = ("semaine", "weekdays", "week days", "en semaine")
_WEEKEND: Final = ("week-end", "weekend", "we")

_UNIT = r"(?P<unit>d|j|jours?|days?|h|hr|hrs|heures?|hours?|m|min|mins|minutes?)"
_DURATION = re.compile(
    rf"^\s*(?P<num>\d+(?:[.,]\d+)?)\s*{_UNIT}\s*(?:(?P<rest>\d{{1,2}})\s*(?:m|min)?)?\s*$"
)
_UNTIL = re.compile(
    r"^\s*(?:until|till|to|jusqu'?\s*(?:a|à)|jusqu’\s*(?:a|à)|a|à)\s+"
    r"(?P<h>\d{1,2})\s*(?:[:h.]\s*(?P<m>\d{2})?)?\s*$"
)
_TIME = r"(?P<{0}h>\d{{1,2}})(?:[:h.](?P<{0}m>\d{{2}}))?\s*h?"
_RANGE = re.compile(rf"{_TIME.format('a')}\s*(?:-|–|à|a|to)\s*{_TIME.format('b')}\s*$")


@dataclass(frozen=True, slots=True)
class Window:
    """A weekly window: on ``weekday`` (0 = Monday) from ``start`` to ``end`` minutes, local."""

    weekday: int
    start: int
    end: int  # exclusive; <= start means the window ends the next day

    def contains(self, weekday: int, minute: int) -> bool:
        """Tell whether local ``weekday`` at ``minute`` is inside this window."""
        if self.start < self.end:
            return weekday == self.weekday and self.start <= minute < self.end
        # Past midnight: the evening part today, the morning part tomorrow.
        return (weekday == self.weekday and minute >= self.start) or (
            weekday == (self.weekday + 1) % 7 and minute < self.end
        )


class ParseError(ValueError):
    """The text could not be understood; ``key`` names the explanation in the catalogue."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _fold(text: str) -> str:
    """Lowercase without accents, typographic apostrophes made plain."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def parse_until(text: str, *, now: datetime, zone: ZoneInfo) -> datetime:
    """The end of a period given as a duration (``2h``) or a time of day (``until 22:00``)."""
    folded = _fold(text)
    until = _UNTIL.match(folded)
    if until:
        hour, minute = int(until["h"]), int(until["m"] or 0)
        if hour > 23 or minute > 59:
            raise ParseError("bad_time")
        local = now.astimezone(zone)
        end = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if end <= local:
            end += timedelta(days=1)
        return end.astimezone(now.tzinfo)
    match = _DURATION.match(folded)
    if not match:
        raise ParseError("bad_duration")
    amount = float(match["num"].replace(",", "."))
    unit = match["unit"][0]
    if unit in "dj":
        delta = timedelta(days=amount)
    elif unit == "h":
        delta = timedelta(hours=amount, minutes=int(match["rest"] or 0))
    else:
        delta = timedelta(minutes=amount)
    if delta <= timedelta(0):
        raise ParseError("bad_duration")
    if delta > MAX_DURATION:
        raise ParseError("too_long")
    return now + delta


def _days(spec: str) -> list[int]:
    """Day numbers from ``lun-ven``, ``mon,wed``, ``sat``, ``tous les jours``, ``weekend``."""
    spec = spec.strip(" ,;:")
    if spec in _EVERY_DAY:
        return list(range(7))
    if spec in _WEEKDAYS:
        return list(range(5))
    if spec in _WEEKEND:
        return [5, 6]
    days: list[int] = []
    for part in re.split(r"\s*[,;/]\s*|\s+et\s+|\s+and\s+|\s+", spec):
        if not part:
            continue
        bounds = re.split(r"\s*(?:-|–|a|à|to)\s*", part) if "-" in part or "–" in part else [part]
        names = [b.strip(".") for b in bounds]
        if any(n not in _DAYS for n in names) or len(names) > 2:
            raise ParseError("bad_days")
        first = _DAYS[names[0]]
        last = _DAYS[names[-1]]
        span = (last - first) % 7
        days.extend((first + i) % 7 for i in range(span + 1))
    if not days:
        raise ParseError("bad_days")
    return sorted(set(days))


def _minutes(hours: str, minutes: str | None) -> int:
    h, m = int(hours), int(minutes or 0)
    if h > 24 or m > 59 or (h == 24 and m):
        raise ParseError("bad_time")
    return h * 60 + m


def parse_windows(text: str) -> list[Window]:
    """Windows from one or more ``days start-end`` specs separated by newlines or ``;``."""
    windows: list[Window] = []
    for raw in re.split(r"[\n;]+", _fold(text)):
        spec = raw.strip()
        if not spec:
            continue
        match = _RANGE.search(spec)
        if not match:
            raise ParseError("bad_window")
        start = _minutes(match["ah"], match["am"])
        end = _minutes(match["bh"], match["bm"]) % MINUTES_PER_DAY
        if start % MINUTES_PER_DAY == end:
            raise ParseError("empty_window")
        for day in _days(spec[: match.start()]):
            windows.append(Window(day, start % MINUTES_PER_DAY, end))
    if not windows:
        raise ParseError("bad_window")
    return windows


def in_windows(windows: Iterable[Window], *, now: datetime, zone: ZoneInfo) -> bool:
    """Tell whether ``now`` falls inside one of the windows, in ``zone``."""
    local = now.astimezone(zone)
    minute = local.hour * 60 + local.minute
    return any(w.contains(local.weekday(), minute) for w in windows)


def is_available(
    *,
    now: datetime,
    on_call_until: datetime | None,
    paused_until: datetime | None,
    windows: Sequence[Window],
    zone: ZoneInfo,
) -> bool:
    """On call now: an explicit on-call period, or inside a weekly window, and not paused."""
    if paused_until is not None and paused_until > now:
        return False
    if on_call_until is not None and on_call_until > now:
        return True
    return in_windows(windows, now=now, zone=zone)


def format_window(window: Window, day_names: Sequence[str]) -> str:
    """``lun 18:00-22:00`` with the given seven day names."""

    def hhmm(minute: int) -> str:
        return f"{minute // 60:02d}:{minute % 60:02d}"

    return f"{day_names[window.weekday]} {hhmm(window.start)}-{hhmm(window.end)}"
