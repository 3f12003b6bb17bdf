"""Settings from the environment and .env, validated once at start (pydantic-settings)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.timezones import ZoneQuestion, parse_timezone

# A Telegram token is "<bot id>:<35 url-safe characters>"; checking the shape early
# turns a pasted-wrong token into one clear line instead of a failed network call.
TOKEN_SHAPE = re.compile(r"^\d{5,12}:[A-Za-z0-9_-]{30,50}$")

FREE_RATE = 30.0
"""Messages per second Telegram allows a bot overall (its FAQ: about 30)."""
PAID_RATE = 1000.0
"""Messages per second with allow_paid_broadcast (Bot API), for 0.1 Telegram Stars each."""


class Settings(BaseSettings):
    """Every setting the bot reads; .env.example documents each one."""

    # Empty values count as unset, so a .env copied from .env.example works as it is.
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True)

    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str = "https://api.telegram.org/bot"
    bot_data_dir: Path = Path("data")
    bot_mode: Literal["polling", "webhook"] = "polling"
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = None
    admin_ids: Annotated[tuple[int, ...], NoDecode] = ()
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    default_timezone: str = "UTC"
    knowledge_dir: Path | None = None
    """Where the knowledge files are; None means the ones shipped in knowledge/data."""
    telegram_rate_limit: float = Field(default=30.0, gt=0)
    """Messages per second overall; Telegram allows about 30, or 1,000 with paid broadcast."""
    telegram_paid_broadcast: bool = False
    """Send nudges with allow_paid_broadcast: up to 1,000/s, at a cost in Telegram Stars."""
    telegram_request: Literal["aiohttp", "httpx"] = "aiohttp"
    """PTB's HTTP layer: our aiohttp request (the default, far less CPU) or PTB's own httpx."""
    database_url: SecretStr | None = None
    """postgresql://… to keep the user store in PostgreSQL (several workers can share it); unset: TinyDB."""
    bot_workers: int = Field(default=1, ge=1, le=1000)
    """Worker processes sharing this bot; each keeps to TELEGRAM_RATE_LIMIT / BOT_WORKERS."""
    nudge_lease_seconds: float = Field(default=60.0, gt=0)
    """With DATABASE_URL: how long a worker's claim on a due nudge holds before another worker may take it."""

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """Accept ADMIN_IDS as "1,2,3" or "[1, 2, 3]"."""
        if isinstance(value, str):
            return tuple(int(part) for part in re.split(r"[,\s\[\]]+", value.strip()) if part)
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        """Store the zone the way plans do ("Mumbai" -> "Asia/Kolkata", "+5:30" -> "UTC+05:30")."""
        choice = parse_timezone(value)
        if isinstance(choice, str):
            raise ValueError(choice)  # pydantic reports it as a validation error
        if isinstance(choice, ZoneQuestion):
            options = ", ".join(tz for _, tz in choice.options)
            raise ValueError(f"{value!r} is in more than one time zone; name one of: {options}")
        return choice.tz

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @property
    def database(self) -> str | None:
        """DATABASE_URL, or None for the TinyDB store in BOT_DATA_DIR."""
        url = self.database_url.get_secret_value().strip() if self.database_url else ""
        return url or None

    @property
    def has_token(self) -> bool:
        """True when a token is set at all (shape is checked by `token_problem`)."""
        return bool(self.telegram_bot_token and self.telegram_bot_token.get_secret_value())

    def rate_limit_warning(self) -> str | None:
        """What to say at start when TELEGRAM_RATE_LIMIT is above what Telegram allows, else None.

        Any positive rate is accepted, since a local Bot API server or a test may lift the limit.
        """
        allowed, how = (PAID_RATE, "with paid broadcast") if self.telegram_paid_broadcast else (FREE_RATE, "")
        if self.telegram_rate_limit <= allowed:
            return None
        hint = "" if self.telegram_paid_broadcast else "; TELEGRAM_PAID_BROADCAST=true allows up to 1000 for nudges"
        return (
            f"TELEGRAM_RATE_LIMIT={self.telegram_rate_limit:.15g} is above the {allowed:g} messages/s Telegram allows"
            f"{' ' + how if how else ''}: expect 429s unless the Bot API server lifts the limit{hint}."
        )

    def token_problem(self) -> str | None:
        """One line saying what to fix about the token, or None when it looks right."""
        if not self.has_token:
            return "TELEGRAM_BOT_TOKEN is not set: put the token from @BotFather in .env or the environment."
        assert self.telegram_bot_token is not None  # noqa: S101  # narrowed by has_token
        if not TOKEN_SHAPE.match(self.telegram_bot_token.get_secret_value().strip()):
            return (
                "TELEGRAM_BOT_TOKEN does not look like a bot token "
                "(expected digits, a colon, then about 35 letters, digits, '-' or '_')."
            )
        return None
