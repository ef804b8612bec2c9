"""`confrere demo` plays the whole consultation and says so."""

from __future__ import annotations

import pytest

from bot import demo


async def test_demo_plays_every_step(capsys: pytest.CaptureFixture[str]) -> None:
    """The scripted consultation completes (exit 0) and ends with the success line."""
    assert await demo.main(quiet=True) == 0
    out = capsys.readouterr().out
    assert "Demo complete: every step happened." in out
    assert "DEMO FAILED" not in out
