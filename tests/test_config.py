"""Settings: the token's shape is checked early, lists and levels are read leniently."""

from __future__ import annotations

import pytest
from pydantic import SecretStr, ValidationError

from bot.config import Settings

GOOD = "1234567:AAH" + "x" * 32


@pytest.mark.parametrize(
    ("token", "problem"),
    [
        (None, "is not set"),
        ("", "is not set"),
        ("hello", "does not look like a bot token"),
        ("123:abc", "does not look like a bot token"),
        (GOOD, None),
        (f"  {GOOD}\n", None),
    ],
)
def test_token_problem(token: str | None, problem: str | None) -> None:
    settings = Settings(telegram_bot_token=SecretStr(token) if token is not None else None)
    found = settings.token_problem()
    assert found is None if problem is None else problem in (found or "")


def test_token_is_secret_in_reprs() -> None:
    settings = Settings(telegram_bot_token=SecretStr(GOOD))
    assert GOOD not in repr(settings) and GOOD not in str(settings.model_dump())


@pytest.mark.parametrize(("raw", "ids"), [("1,2, 3", (1, 2, 3)), ("42", (42,)), ("[5, 6]", (5, 6))])
def test_admin_ids(monkeypatch: pytest.MonkeyPatch, raw: str, ids: tuple[int, ...]) -> None:
    monkeypatch.setenv("ADMIN_IDS", raw)
    assert Settings().admin_ids == ids


def test_log_level_is_case_insensitive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "debug")
    assert Settings().log_level == "DEBUG"


@pytest.mark.parametrize(
    ("raw", "stored"),
    [("UTC", "UTC"), ("America/Chicago", "America/Chicago"), ("Mumbai", "Asia/Kolkata"), ("UTC+5:30", "UTC+05:30")],
)
def test_default_timezone_is_stored_the_way_plans_store_zones(
    monkeypatch: pytest.MonkeyPatch, raw: str, stored: str
) -> None:
    monkeypatch.setenv("DEFAULT_TIMEZONE", raw)
    assert Settings().default_timezone == stored


def test_an_unknown_default_timezone_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEFAULT_TIMEZONE", "Mars/Base")
    with pytest.raises(ValidationError, match="time zone “Mars/Base”"):
        Settings()


def test_a_default_timezone_in_several_zones_is_refused_with_the_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEFAULT_TIMEZONE", "IST")
    with pytest.raises(ValidationError, match=r"more than one time zone.*Asia/Kolkata"):
        Settings()


@pytest.mark.parametrize(
    ("rate", "paid", "warned"),
    [
        ("30", "", False),
        ("0.5", "", False),
        ("31", "", True),
        ("1000", "", True),
        ("1000", "true", False),
        ("250", "1", False),
        ("1001", "true", True),
        ("1000000", "true", True),
    ],
)
def test_rate_limit_above_telegrams_is_accepted_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, rate: str, paid: str, warned: bool
) -> None:
    monkeypatch.setenv("TELEGRAM_RATE_LIMIT", rate)
    monkeypatch.setenv("TELEGRAM_PAID_BROADCAST", paid)
    settings = Settings()
    assert settings.telegram_rate_limit == float(rate)
    warning = settings.rate_limit_warning()
    assert (warning is not None) == warned
    if warning:
        assert f"TELEGRAM_RATE_LIMIT={rate}" in warning and "429" in warning


@pytest.mark.parametrize("rate", ["0", "-5"])
def test_rate_limit_must_be_positive(monkeypatch: pytest.MonkeyPatch, rate: str) -> None:
    monkeypatch.setenv("TELEGRAM_RATE_LIMIT", rate)
    with pytest.raises(ValidationError, match="telegram_rate_limit"):
        Settings()


def test_paid_broadcast_and_aiohttp_are_the_defaults_they_should_be() -> None:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.telegram_paid_broadcast is False
    assert settings.telegram_request == "aiohttp"
