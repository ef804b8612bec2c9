"""Settings from the environment (prefix ``CONFRERE_``) or a ``.env`` file.

Nothing here is built at import time: the CLI builds ``Settings()`` once and hands it on.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_SQLITE_PATH = Path("data") / "confrere.db"
DEFAULT_DATABASE_URL = f"sqlite+aiosqlite:///./{DEFAULT_SQLITE_PATH.as_posix()}"
ENV_PREFIX = "CONFRERE_"
# Values shipped in .env.example: refused outside development so nobody deploys them.
PLACEHOLDER_SECRETS = frozenset(
    {"", "change-me", "changeme", "secret", "dev-only-pseudonym-secret"}
)
DEV_PSEUDONYM_SECRET = "dev-only-pseudonym-secret"  # noqa: S105 (refused in production)


class SettingsError(Exception):
    """A setting is missing or invalid; the message is one line a person can act on."""


class Settings(BaseSettings):
    """Every knob of the bot. ``.env.example`` lists each one with a comment."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        frozen=True,
    )

    # --- Telegram -----------------------------------------------------------------------------
    bot_token: SecretStr | None = None
    bot_api_url: str = "https://api.telegram.org"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: Annotated[int, Field(ge=1, le=65535)] = 8443

    # --- Runtime ------------------------------------------------------------------------------
    environment: Literal["development", "production"] = "development"
    database_url: str = DEFAULT_DATABASE_URL
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    pseudonym_secret: SecretStr = SecretStr(DEV_PSEUDONYM_SECRET)

    # --- People -------------------------------------------------------------------------------
    moderator_ids: Annotated[tuple[int, ...], NoDecode] = ()
    require_approval: bool = True
    default_language: Literal["fr", "en"] = "fr"
    default_timezone: str = "Europe/Paris"

    # --- Routing and lifecycle ----------------------------------------------------------------
    fanout: Annotated[int, Field(ge=1, le=50)] = 3
    max_rounds: Annotated[int, Field(ge=1, le=20)] = 3
    default_capacity: Annotated[int, Field(ge=1, le=20)] = 2
    claim_timeout_minutes: Annotated[float, Field(gt=0)] = 15
    thread_ttl_hours: Annotated[float, Field(gt=0)] = 48
    wait_ttl_hours: Annotated[float, Field(gt=0)] = 24
    oncall_default_hours: Annotated[float, Field(gt=0)] = 8
    retention_days: Annotated[float, Field(gt=0)] = 30
    sweep_seconds: Annotated[float, Field(gt=0)] = 30

    @field_validator("moderator_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """Accept ``123,456`` (and spaces) as well as a list."""
        if isinstance(value, str):
            parts = [p for p in value.replace(";", ",").replace(" ", ",").split(",") if p]
            try:
                return tuple(int(p) for p in parts)
            except ValueError:
                raise ValueError("must be Telegram user ids separated by commas") from None
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        """Refuse a time zone the system does not know."""
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("must be an IANA time zone such as Europe/Paris") from None
        return value

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        """Map plain ``sqlite://`` and ``postgresql://`` URLs to their async drivers."""
        return async_database_url(value)

    @model_validator(mode="after")
    def _no_placeholder_secrets(self) -> Settings:
        """Outside development, refuse the placeholder secrets of ``.env.example``."""
        if self.environment == "production":
            if self.pseudonym_secret.get_secret_value() in PLACEHOLDER_SECRETS:
                raise ValueError(
                    "CONFRERE_PSEUDONYM_SECRET is a placeholder; set a long random value "
                    "(python -c 'import secrets; print(secrets.token_urlsafe(32))')"
                )
            secret = self.webhook_secret.get_secret_value() if self.webhook_secret else None
            if self.webhook_url and (secret is None or secret in PLACEHOLDER_SECRETS):
                raise ValueError(
                    "CONFRERE_WEBHOOK_SECRET must be set to a random value when "
                    "CONFRERE_WEBHOOK_URL is set in production"
                )
        return self

    # --- Derived values -----------------------------------------------------------------------
    @property
    def claim_timeout(self) -> timedelta:
        """How long an offer waits for Take before the next batch."""
        return timedelta(minutes=self.claim_timeout_minutes)

    @property
    def thread_ttl(self) -> timedelta:
        """How long a claimed thread may stay silent before it expires."""
        return timedelta(hours=self.thread_ttl_hours)

    @property
    def wait_ttl(self) -> timedelta:
        """How long a question may wait for a specialist before it expires."""
        return timedelta(hours=self.wait_ttl_hours)

    @property
    def oncall_default(self) -> timedelta:
        """How long ``/oncall`` without a duration lasts."""
        return timedelta(hours=self.oncall_default_hours)

    @property
    def retention(self) -> timedelta:
        """How long message content is kept after a thread ended."""
        return timedelta(days=self.retention_days)

    @property
    def is_sqlite(self) -> bool:
        """Tell whether the database is SQLite."""
        return self.database_url.startswith("sqlite")


def async_database_url(url: str) -> str:
    """Return ``url`` with the async driver this project uses for its dialect."""
    for plain, driver in (
        ("postgresql://", "postgresql+asyncpg://"),
        ("postgres://", "postgresql+asyncpg://"),
        ("postgresql+psycopg2://", "postgresql+asyncpg://"),
        ("sqlite://", "sqlite+aiosqlite://"),
    ):
        if url.startswith(plain):
            return driver + url[len(plain) :]
    return url


def load_settings(**overrides: object) -> Settings:
    """Build the settings, turning a validation error into one actionable line per problem."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise SettingsError(describe_validation_error(exc)) from None


def describe_validation_error(exc: ValidationError) -> str:
    """One line per invalid setting, naming the environment variable and what to do."""
    lines = []
    for error in exc.errors():
        location = [str(part) for part in error.get("loc", ()) if part != "__root__"]
        message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
        if location:
            variable = ENV_PREFIX + location[0].upper()
            given = error.get("input")
            shown = "" if isinstance(given, dict) or given is None else f" (got {given!r})"
            lines.append(
                f"{variable}: {message}{shown}. Fix it in the environment or in .env "
                "(see .env.example)."
            )
        else:
            lines.append(message)
    return "\n".join(lines)


def require_token(settings: Settings) -> str:
    """Return the bot token, or explain in one line where to get one."""
    if settings.bot_token is None or not settings.bot_token.get_secret_value().strip():
        raise SettingsError(
            "CONFRERE_BOT_TOKEN is not set: create a bot with @BotFather on Telegram, put its "
            "token in .env (CONFRERE_BOT_TOKEN=...) and run again. "
            "`confrere demo` and `confrere sandbox` run without a token."
        )
    return settings.bot_token.get_secret_value()
