"""Settings: the token's shape is checked early, lists and levels are read leniently."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

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
