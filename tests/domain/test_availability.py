"""On-call durations, weekly windows and the availability rule (pure, time injected)."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.availability import (
    ParseError,
    Window,
    in_windows,
    is_available,
    parse_until,
    parse_windows,
)

PARIS = ZoneInfo("Europe/Paris")
# Saturday 28 November 2026, 21:00 in Paris.
NOW = datetime(2026, 11, 28, 20, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("2h", timedelta(hours=2)),
        ("90m", timedelta(minutes=90)),
        ("1h30", timedelta(minutes=90)),
        ("45 min", timedelta(minutes=45)),
        ("1,5h", timedelta(minutes=90)),
        ("3j", timedelta(days=3)),
        ("2 days", timedelta(days=2)),
    ],
)
def test_durations(text: str, delta: timedelta) -> None:
    """Durations typed in French or English end that long after now."""
    assert parse_until(text, now=NOW, zone=PARIS) == NOW + delta


@pytest.mark.parametrize("text", ["until 22:00", "jusqu'à 22h", "jusqu’à 22:00", "à 22h00"])
def test_until_a_time_of_day_is_local(text: str) -> None:
    """``until 22:00`` means 22:00 in the user's zone (21:00 UTC in winter)."""
    assert parse_until(text, now=NOW, zone=PARIS) == datetime(2026, 11, 28, 21, 0, tzinfo=UTC)


def test_until_a_past_time_means_tomorrow() -> None:
    """``until 08:00`` at 21:00 means tomorrow morning."""
    end = parse_until("until 08:00", now=NOW, zone=PARIS)
    assert end.astimezone(PARIS) == datetime(2026, 11, 29, 8, 0, tzinfo=PARIS)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("soon", "bad_duration"),
        ("0h", "bad_duration"),
        ("40j", "too_long"),
        ("until 25:00", "bad_time"),
    ],
)
def test_bad_durations_name_their_problem(text: str, key: str) -> None:
    """Each kind of bad input has its own explanation."""
    with pytest.raises(ParseError) as caught:
        parse_until(text, now=NOW, zone=PARIS)
    assert caught.value.key == key


def test_weekday_range_window() -> None:
    """``lun-ven 18:00-22:00`` is five windows, Monday to Friday."""
    windows = parse_windows("lun-ven 18:00-22:00")
    assert [w.weekday for w in windows] == [0, 1, 2, 3, 4]
    assert {(w.start, w.end) for w in windows} == {(18 * 60, 22 * 60)}


def test_several_windows_in_english() -> None:
    """Specs separated by ``;`` add up; English day names work."""
    windows = parse_windows("mon,wed 8-12; sat 09:00-12:00")
    assert [(w.weekday, w.start, w.end) for w in windows] == [
        (0, 480, 720),
        (2, 480, 720),
        (5, 540, 720),
    ]


def test_every_day_and_weekend() -> None:
    """``tous les jours`` is seven days, ``week-end`` two."""
    assert len(parse_windows("tous les jours 20-23")) == 7
    assert [w.weekday for w in parse_windows("week-end 9h-12h")] == [5, 6]


def test_window_past_midnight() -> None:
    """Friday 22:00-02:00 covers Saturday 01:30 and not Saturday 02:30."""
    (window,) = parse_windows("ven 22h-2h")
    assert window.contains(5, 90)
    assert not window.contains(5, 150)
    assert window.contains(4, 23 * 60)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("xyz 8-12", "bad_days"),
        ("lun 9-9", "empty_window"),
        ("lundi", "bad_window"),
        ("lun 8-25", "bad_time"),
    ],
)
def test_bad_windows_name_their_problem(text: str, key: str) -> None:
    """Unknown days, empty windows, missing hours and bad times are told apart."""
    with pytest.raises(ParseError) as caught:
        parse_windows(text)
    assert caught.value.key == key


def test_windows_are_evaluated_in_the_users_zone() -> None:
    """Saturday 21:00 Paris is inside ``sam 20-23`` though it is 20:00 UTC."""
    assert in_windows(parse_windows("sam 20-23"), now=NOW, zone=PARIS)
    assert not in_windows(parse_windows("sam 21:30-23"), now=NOW, zone=PARIS)


def test_pause_beats_on_call_and_windows() -> None:
    """A paused specialist is not available, even on call inside a window."""
    windows = [Window(5, 0, 0)]
    assert not is_available(
        now=NOW,
        on_call_until=NOW + timedelta(hours=1),
        paused_until=NOW + timedelta(days=1),
        windows=windows,
        zone=PARIS,
    )


def test_on_call_period_or_window_makes_available() -> None:
    """An open on-call period or a current window each suffice; an ended period does not."""
    assert is_available(
        now=NOW,
        on_call_until=NOW + timedelta(minutes=1),
        paused_until=None,
        windows=[],
        zone=PARIS,
    )
    assert not is_available(now=NOW, on_call_until=NOW, paused_until=None, windows=[], zone=PARIS)
    assert is_available(
        now=NOW,
        on_call_until=None,
        paused_until=NOW - timedelta(hours=1),
        windows=parse_windows("sam 20-23"),
        zone=PARIS,
    )


@given(st.text(max_size=80))
def test_parsers_only_raise_parse_errors(text: str) -> None:
    """Any input gives a result or a ParseError, never another exception."""
    for parse in (lambda: parse_until(text, now=NOW, zone=PARIS), lambda: parse_windows(text)):
        with contextlib.suppress(ParseError):
            parse()
