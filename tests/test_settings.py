"""Settings: environment prefix, parsing, and one clear line per bad value."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.settings import (
    DEFAULT_DATABASE_URL,
    Settings,
    SettingsError,
    load_settings,
    require_token,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No CONFRERE_ variable and no .env leak into these tests."""
    for name in list(__import__("os").environ):
        if name.startswith("CONFRERE_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def test_defaults_need_nothing() -> None:
    """With nothing set, the defaults describe a local SQLite development bot."""
    settings = load_settings()
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert settings.fanout == 3
    assert settings.bot_token is None


def test_reads_prefixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """CONFRERE_-prefixed variables set the fields, with lists from comma-separated ids."""
    monkeypatch.setenv("CONFRERE_FANOUT", "5")
    monkeypatch.setenv("CONFRERE_MODERATOR_IDS", "12, 34")
    monkeypatch.setenv("CONFRERE_THREAD_TTL_HOURS", "0.002")
    settings = load_settings()
    assert settings.fanout == 5
    assert settings.moderator_ids == (12, 34)
    assert settings.thread_ttl.total_seconds() == pytest.approx(7.2)


def test_reads_dotenv_file(tmp_path: Path) -> None:
    """A .env file in the working directory is read."""
    (tmp_path / ".env").write_text("CONFRERE_MAX_ROUNDS=7\n", encoding="utf-8")
    assert load_settings().max_rounds == 7


def test_invalid_value_is_one_line_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bad integer gives one line with the variable name and where to fix it."""
    monkeypatch.setenv("CONFRERE_FANOUT", "many")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("CONFRERE_FANOUT:")
    assert ".env" in message


def test_bad_moderator_ids_are_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    """Moderator ids that are not numbers are refused with what is expected."""
    monkeypatch.setenv("CONFRERE_MODERATOR_IDS", "alice,bob")
    with pytest.raises(SettingsError, match="CONFRERE_MODERATOR_IDS: must be Telegram user ids"):
        load_settings()


def test_unknown_time_zone_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A time zone that does not exist is refused."""
    monkeypatch.setenv("CONFRERE_DEFAULT_TIMEZONE", "Mars/Olympus")
    with pytest.raises(SettingsError, match="CONFRERE_DEFAULT_TIMEZONE"):
        load_settings()


def test_plain_database_urls_get_async_drivers(monkeypatch: pytest.MonkeyPatch) -> None:
    """postgresql:// and sqlite:// URLs are mapped to asyncpg and aiosqlite."""
    monkeypatch.setenv("CONFRERE_DATABASE_URL", "postgresql://u@h/db")
    assert load_settings().database_url == "postgresql+asyncpg://u@h/db"


def test_production_refuses_placeholder_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside development the placeholder pseudonym secret is refused."""
    monkeypatch.setenv("CONFRERE_ENVIRONMENT", "production")
    with pytest.raises(SettingsError, match="CONFRERE_PSEUDONYM_SECRET"):
        load_settings()


def test_secrets_are_not_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The token never appears in the settings' repr."""
    monkeypatch.setenv("CONFRERE_BOT_TOKEN", "123:very-secret")
    assert "very-secret" not in repr(load_settings())


def test_missing_token_says_where_to_get_one() -> None:
    """`run` without a token explains BotFather and that the demo needs none."""
    with pytest.raises(SettingsError) as caught:
        require_token(load_settings())
    assert "@BotFather" in str(caught.value)
    assert "confrere demo" in str(caught.value)


def test_env_example_lists_every_setting() -> None:
    """Every field is in .env.example, and .env.example lists nothing else."""
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    listed = set(re.findall(r"^(CONFRERE_[A-Z_]+)=", text, re.MULTILINE))
    assert listed == {f"CONFRERE_{name.upper()}" for name in Settings.model_fields}
