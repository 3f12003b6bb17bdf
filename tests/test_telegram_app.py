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
