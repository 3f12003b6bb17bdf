"""The command registry (bot/commands.py): one table drives dispatch, Telegram's menu, /help and the README."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot import commands
from bot.commands import COMMANDS
from bot.conversation import _HANDLERS, Advisor
from bot.profiles import ProfileStore
from bot.render import plain_text
from knowledge import Knowledge

NOW = dt.datetime(2026, 11, 25, 14, 0, tzinfo=dt.UTC)
README = Path(__file__).resolve().parents[1] / "README.md"
UNKNOWN = "I don't know that command"


@pytest.fixture
def advisor(knowledge: Knowledge, store: ProfileStore) -> Advisor:
    return Advisor(knowledge, store, now=lambda: NOW, admin_ids=(1,))


def test_every_command_has_a_handler_and_every_handler_a_command() -> None:
    assert set(_HANDLERS) == {c.name for c in COMMANDS}


@pytest.mark.parametrize("command", [c.name for c in COMMANDS])
def test_every_registered_command_is_answered(advisor: Advisor, command: str) -> None:
    turn = advisor.handle(1, f"/{command}")
    assert UNKNOWN not in plain_text(turn.reply.html)


def test_an_unknown_command_is_answered_with_the_command_list(advisor: Advisor) -> None:
    shown = plain_text(advisor.handle(1, "/nonsense").reply.html)
    assert UNKNOWN in shown and "/plan" in shown


def test_admin_commands_stay_out_of_the_menu_and_unknown_to_others(advisor: Advisor) -> None:
    assert "stats" not in dict(commands.menu())
    assert UNKNOWN in plain_text(advisor.handle(2, "/stats").reply.html)  # user 2 is no admin
    assert "Users stored" in plain_text(advisor.handle(1, "/stats").reply.html)


def test_help_shows_each_menu_command_with_its_example(advisor: Advisor) -> None:
    shown = plain_text(advisor.handle(1, "/help").reply.html)
    for command in COMMANDS:
        if command.menu:
            assert (command.example or f"/{command.name}") in shown


def test_telegram_menu_descriptions_fit_telegram_limits() -> None:
    for name, description in commands.menu():
        assert re.fullmatch(r"[a-z0-9_]{1,32}", name)
        assert 1 <= len(description) <= 256


def test_the_readme_lists_the_registry() -> None:
    text = README.read_text(encoding="utf-8")
    listed = text.split("<!-- commands -->\n", 1)[1].split("\n<!-- /commands -->", 1)[0]
    assert listed == commands.markdown_list(), (
        "regenerate with: python -c 'from bot import commands; print(commands.markdown_list())'"
    )


@pytest.mark.parametrize(
    "command",
    ["/plan i want to die", "/score 190 honestly i want to kill myself", "/done 40 i don't want to be alive"],
)
def test_hopeless_words_in_a_command_get_care_not_the_command(
    advisor: Advisor, store: ProfileStore, command: str
) -> None:
    turn = advisor.handle(1, command)
    assert turn.feeling == "hopeless"
    assert "You matter" in plain_text(turn.reply.html)
    assert store.get(1).draft is None and store.get(1).score is None  # nothing planned or scored
