"""What the bot logs, at DEBUG too: no secret, no message text, no score, no needless user id."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.logging_setup import configure_logging
from tests.bot_process import BotProcess
from tests.fake_bot_api import FakeBotApi
from tests.test_telegram_e2e import free_port, post_update

USER = 918273645
SCORE = "263"
WORDS = "zebraquokka"
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ", re.MULTILINE)


def body(log: str) -> str:
    """The log without its timestamps, whose digits could look like a score."""
    return TIMESTAMP.sub("", log)


def assert_private(log: str, api: FakeBotApi, *secrets: str) -> None:
    text = body(log)
    assert text.strip(), "the bot logged nothing at all"
    for secret in (api.token, api.token.split(":", 1)[1], *secrets):
        assert secret not in text
    assert WORDS not in text
    assert not re.search(rf"\b{SCORE}\b", text)
    assert str(USER) not in text


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as server:
        yield server


@pytest.mark.e2e  # the bot as a process
def test_debug_log_of_a_conversation_and_forget_holds_no_text_score_or_id(tmp_path: Path, api: FakeBotApi) -> None:
    bot = BotProcess(api, tmp_path, LOG_LEVEL="DEBUG").start()
    try:
        assert "263" in "".join(
            c.params.get("text", "") for c in bot.say(USER, f"{WORDS} {SCORE} good enough for ortho??")
        )
        bot.say(USER, "/forget")
        bot.press(USER, "/forget yes")
    finally:
        log = bot.stop()
    assert_private(log, api)


@pytest.mark.e2e  # the bot as a process
def test_webhook_secret_is_never_logged_even_at_debug(tmp_path: Path, api: FakeBotApi) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/tg-hook"
    secret = "hush-Secret_42xyz"
    bot = BotProcess(
        api,
        tmp_path,
        LOG_LEVEL="DEBUG",
        BOT_MODE="webhook",
        WEBHOOK_URL=url,
        WEBHOOK_PORT=str(port),
        WEBHOOK_SECRET=secret,
    ).start(wait_for_polling=False)
    try:
        [hook] = api.wait_for(method="setWebhook", timeout=30)
        assert hook.params["secret_token"] == secret
        update = {
            "update_id": 7,
            "message": {
                "message_id": 1,
                "date": 1,
                "text": f"{WORDS} {SCORE} ortho",
                "chat": {"id": USER, "type": "private"},
                "from": {"id": USER, "is_bot": False, "first_name": "S"},
            },
        }
        headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret}
        assert post_update(url, update, headers) == 200
        bot.replies(USER, 0)
    finally:
        log = bot.stop()
    assert_private(log, api, secret)


def test_exception_messages_are_withheld_but_the_traceback_kept(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception's message can quote what a student typed; its type and frames are enough."""
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456789:" + "S" * 35)
    root = logging.getLogger()
    saved = root.handlers[:]
    root.handlers = []
    try:
        configure_logging(Settings(log_level="DEBUG", webhook_secret="hook-secret-1"))  # type: ignore[arg-type]
        try:
            int(f"{WORDS} {SCORE}")
        except ValueError:
            logging.getLogger("bot.test").exception("turn failed")
        logging.getLogger("telegram.ext.Updater").debug("update %s", f"{WORDS} {SCORE}")
        logging.getLogger("bot.test").warning("token %s secret %s", "123456789:" + "S" * 35, "hook-secret-1")
        logging.getLogger("bot.test").warning("half %s", "S" * 35)
        # APScheduler names every nudge job after its user and logs each run at INFO.
        logging.getLogger("apscheduler.executors.default").info('Running job "nudge:%s"', USER)
    finally:
        for handler in root.handlers:
            root.removeHandler(handler)
        root.handlers = saved
    err = capsys.readouterr().err
    assert "turn failed" in err and "ValueError" in err and "Traceback" in err
    assert WORDS not in err and SCORE not in body(err)
    assert "S" * 35 not in err and "hook-secret-1" not in err
    assert str(USER) not in err
