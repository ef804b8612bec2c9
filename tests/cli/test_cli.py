"""The command line: help, one-line errors, database upgrade."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import main


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`confrere --help` names run, demo, sandbox, db, deid and triage."""
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    for command in ("run", "demo", "sandbox", "db", "deid", "triage"):
        assert command in out


def _confrere(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CONFRERE_")}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_run_without_token_is_one_clear_line(tmp_path: Path) -> None:
    """`confrere run` with no token exits 2 with one line and no traceback."""
    result = _confrere("run", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "CONFRERE_BOT_TOKEN" in result.stderr


def test_bad_setting_is_one_clear_line(tmp_path: Path) -> None:
    """An invalid setting names the variable, without a traceback."""
    result = _confrere("db", "upgrade", cwd=tmp_path, CONFRERE_FANOUT="lots")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "CONFRERE_FANOUT" in result.stderr


def test_db_upgrade_on_sqlite(tmp_path: Path) -> None:
    """`confrere db upgrade` creates the default SQLite database under ./data/."""
    result = _confrere("db", "upgrade", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "confrere.db").exists()
    assert "head" in result.stdout


def test_db_upgrade_on_postgresql(tmp_path: Path, postgres_url: str) -> None:
    """`confrere db upgrade` migrates PostgreSQL."""
    result = _confrere("db", "upgrade", cwd=tmp_path, CONFRERE_DATABASE_URL=postgres_url)
    assert result.returncode == 0, result.stderr
    assert "head" in result.stdout


def test_unreachable_database_is_one_clear_line(tmp_path: Path) -> None:
    """A database that does not answer is reported in one line."""
    result = _confrere(
        "db",
        "upgrade",
        cwd=tmp_path,
        CONFRERE_DATABASE_URL="postgresql://nobody@127.0.0.1:1/none",
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "CONFRERE_DATABASE_URL" in result.stderr


def test_triage_refuses_an_unknown_asker_specialty(tmp_path: Path) -> None:
    """`confrere triage --asker psy` names the valid slugs, exit 2, no traceback."""
    result = _confrere("triage", "--asker", "psy", "HTA", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "invalid choice: 'psy'" in result.stderr
    assert "psychiatry" in result.stderr
