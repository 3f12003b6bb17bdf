"""The Telegram transport's edges: a revoked token, hostile webhook bodies, groups."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bot_process import BotProcess
from tests.fake_bot_api import FakeBotApi

REJECTED = "Telegram rejected TELEGRAM_BOT_TOKEN"


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as server:
        yield server


def test_a_token_revoked_while_running_exits_non_zero_with_the_start_line(tmp_path: Path, api: FakeBotApi) -> None:
    bot = BotProcess(api, tmp_path).start()
    assert bot.proc is not None
    assert bot.say(5001, "avg for derm")
    api.token = "987654321:" + "R" * 35  # revoked: the old token now gets 401
    try:
        code = bot.proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("the bot kept running with a revoked token")
    finally:
        log = bot.stop()
    assert code == 2
    last = log.strip().splitlines()[-1]
    assert last.startswith(REJECTED)

    # The same line a wrong token gets at start.
    again = BotProcess(api, tmp_path / "again")
    again.env["TELEGRAM_BOT_TOKEN"] = "111111111:" + "W" * 35
    (tmp_path / "again").mkdir()
    again.start(wait_for_polling=False)
    assert again.proc is not None
    assert again.proc.wait(timeout=60) == 2
    assert again.stop().strip().splitlines()[-1] == last
    time.sleep(0)


GROUP = -100777


@pytest.mark.parametrize(
    ("text", "answered"),
    [
        ("@step2_advisor_botfan club hi", False),
        ("@step2_advisor_bot_fans avg for derm", False),
        ("hi@step2_advisor_bot avg for derm", False),
        ("@Step2_Advisor_Bot avg for derm", True),
        ("avg for derm, @step2_advisor_bot?", True),
    ],
)
def test_a_mention_is_the_bot_username_as_a_whole_word(
    tmp_path: Path, api: FakeBotApi, text: str, answered: bool
) -> None:
    bot = BotProcess(api, tmp_path).start()
    try:
        since = len(api.calls)
        api.push_message(5101, text, chat_id=GROUP, chat_type="group")
        # The same user's command right after: answered in order, so it proves the first was read.
        api.push_message(5101, "/help", chat_id=GROUP, chat_type="group")
        sent = bot.replies(GROUP, since, count=2 if answered else 1)
        assert len(sent) == (2 if answered else 1)
        assert "What I can do" in sent[-1].params["text"]
    finally:
        bot.stop()


def test_forget_yes_in_a_group_erases_nothing_and_tells_nothing(tmp_path: Path, api: FakeBotApi) -> None:
    bot = BotProcess(api, tmp_path).start()
    try:
        bot.say(5201, "I got 231")  # private: remembered
        [group] = bot.say(5201, "/forget yes", chat_id=GROUP, chat_type="supergroup")
        assert "private" in group.params["text"] and "erased" not in group.params["text"]
        [private] = bot.say(5201, "/forget yes")
        assert "erased everything" in private.params["text"]
    finally:
        bot.stop()
