"""The real bot process, end to end, against the loopback Bot API server.

Each conversation runs through `python -m bot run` as a student would meet it:
long polling, inline buttons, photos, restarts, webhooks. The server checks every
request against Telegram's published API, so `api.violations == []` means Telegram
would have accepted everything the bot sent.
"""

from __future__ import annotations

import itertools
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.telegram_app import PLACES_READY
from knowledge import load_knowledge
from tests.bot_process import REPO, BotProcess
from tests.fake_bot_api import FakeBotApi
from tests.telegram_html import visible_text

pytestmark = pytest.mark.e2e  # every test here runs the bot (or the CLI) as a process

users = itertools.count(1001)


@pytest.fixture(scope="module")
def api() -> Iterator[FakeBotApi]:
    server = FakeBotApi()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def bot(api: FakeBotApi, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    """One bot process shared by the conversation tests; each test uses its own user."""
    process = BotProcess(api, tmp_path_factory.mktemp("data")).start()
    yield process
    log = process.stop()
    assert api.token not in log
    assert api.violations == []


DERM_UPDATE = {
    "update_id": 5,
    "message": {
        "message_id": 1,
        "date": 1,
        "text": "avg for derm",
        "chat": {"id": 42, "type": "private"},
        "from": {"id": 42, "is_bot": False, "first_name": "S"},
    },
}
"""A raw update as Telegram posts it to a webhook."""


def text_of(calls: list) -> str:  # type: ignore[type-arg]
    return "\n".join(visible_text(c.params.get("text") or c.params.get("caption") or "") for c in calls)


def actions(call) -> list[str]:  # type: ignore[no-untyped-def]
    markup = call.params.get("reply_markup") or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


def test_start_welcomes_with_examples_and_buttons(bot: BotProcess, api: FakeBotApi) -> None:
    commands = api.requests("setMyCommands")[-1].params["commands"]
    assert {"start", "help", "specialties", "score", "compare", "faq", "chart", "plan", "forget"} <= {
        c["command"] for c in commands
    }
    [welcome] = bot.say(next(users), "/start")
    assert "Step 2 CK Advisor" in text_of([welcome])
    assert "248 good enough for ortho?" in text_of([welcome])
    assert {"/specialties", "/chart", "/faq", "/plan"} <= set(actions(welcome))


def test_score_and_specialty_gets_the_sourced_comparison(bot: BotProcess) -> None:
    [reply] = bot.say(next(users), "248 good enough for ortho??")
    text = text_of([reply])
    assert "9 points below" in text and "257" in text  # the lead figure: 2024, matched U.S. MD seniors
    assert "OnlineMedEd, May 2025" in text
    assert "/chart 248" in actions(reply)


def test_follow_up_uses_memory_and_forget_erases_it(bot: BotProcess) -> None:
    user = next(users)
    bot.say(user, "I got 250, good for derm?")
    assert "Your 250 (from earlier) is 4 points above the Psychiatry average" in text_of(
        bot.say(user, "what about psych?")
    )

    [question] = bot.say(user, "/forget")
    assert actions(question) == ["/forget yes", "/forget no"]
    pressed = bot.press(user, "/forget yes")
    assert [c.method for c in pressed] == ["answerCallbackQuery", "editMessageText"]
    assert "erased everything" in text_of(pressed)
    assert pressed[-1].params["parse_mode"] == "HTML"  # the reply's HTML is shown as formatting, like every reply
    assert "from earlier" not in text_of(bot.say(user, "what about psych?"))


def test_faq_answer_offers_related_topics_that_work(bot: BotProcess) -> None:
    user = next(users)
    [answer] = bot.say(user, "can IMGs match derm")
    assert "IMG" in text_of([answer]) and "Dermatology average is 257" in text_of([answer])
    related = actions(answer)
    assert related and all(a.startswith("/faq ") for a in related)
    pressed = bot.press(user, related[0])
    assert pressed[0].method == "answerCallbackQuery"
    assert "Sources:" in text_of(pressed[1:])


def test_hopelessness_gets_the_crisis_line_and_no_menu(bot: BotProcess) -> None:
    [reply] = bot.say(next(users), "honestly I can't do this anymore, I want to disappear")
    text = text_of([reply])
    assert "988" in text and "counselling" in text and "someone you trust" in text
    assert actions(reply) == []


def test_hopelessness_in_the_middle_of_a_plan_set_up_gets_the_crisis_line(bot: BotProcess) -> None:
    user = next(users)
    bot.say(user, "make me a study plan")
    bot.say(user, "in 6 weeks")
    [reply] = bot.say(user, "honestly i want to die")
    assert "988" in text_of([reply]) and "days a week" not in text_of([reply])
    assert actions(reply) == []
    [asked_again] = bot.say(user, "5")  # the set-up waited: the next answer still counts
    assert "5 days a week" in text_of([asked_again])


def test_a_specific_answer_leads_and_its_more_button_gives_the_topic(bot: BotProcess) -> None:
    user = next(users)
    [answer] = bot.say(user, "do programs look at step 2 again when they make their rank list?")
    assert text_of([answer]).startswith("Do programs look at Step 2 again when they rank me after interviews?")
    assert actions(answer) == ["/faq program_directors"]
    pressed = bot.press(user, "/faq program_directors")
    assert pressed[0].method == "answerCallbackQuery"
    assert "How PDs use your score" in text_of(pressed[1:]) and "Sources:" in text_of(pressed[1:])


def test_a_long_posts_second_question_is_a_button_that_answers_it(bot: BotProcess) -> None:
    user = next(users)
    post = (
        "I'm an MS4 at a state school, took CK in July and got 246. Step 1 was pass, NBME 12 was 238. "
        "Is 246 competitive for EM? Also, when do step 2 scores usually come out?"
    )
    [answer] = bot.say(user, post)
    assert "Emergency Medicine" in text_of([answer]) and "You also asked:" in text_of([answer])
    assert "/faq score_release" in actions(answer)
    pressed = bot.press(user, "/faq score_release")
    assert "Sources:" in text_of(pressed[1:])


def test_chart_is_a_png_with_the_source_in_the_caption(bot: BotProcess, api: FakeBotApi) -> None:
    user = next(users)
    since = len(api.calls)
    [photo] = bot.say(user, "/chart 250")
    assert photo.method == "sendPhoto"
    assert photo.params["photo"].is_png
    biggest = load_knowledge().ranking()[0]  # the panel with the most specialties is named first
    assert "The line is your 250" in text_of([photo]) and f"1. {biggest.label}" in text_of([photo])
    shown = photo.result["caption"]  # as Telegram shows it: the HTML parsed, not printed
    assert "director's page" in shown and "<i>" not in shown and "&#x27;" not in shown
    actions_sent = [c.params["action"] for c in api.calls[since:] if c.method == "sendChatAction"]
    assert actions_sent == ["upload_photo"]


def test_every_button_press_is_answered_even_stale_ones(bot: BotProcess, api: FakeBotApi) -> None:
    user = next(users)
    bot.say(user, "/start")
    pressed = bot.press(user, "v1:some-old-button")
    assert pressed[0].method == "answerCallbackQuery"
    assert "no longer applies" in text_of(pressed[1:])


STICKER = {
    "sticker": {
        "file_id": "s1",
        "file_unique_id": "u1",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }
}
PHOTO = {"photo": [{"file_id": "p1", "file_unique_id": "q1", "width": 90, "height": 90}]}


@pytest.mark.parametrize(
    ("text", "extra", "expect"),
    [
        (None, STICKER, "only read text"),
        (None, PHOTO, "only read text"),
        ("<script>alert(1)</script> & <b>", None, "didn't quite catch"),
        ("🤡🤡🤡 💀", None, "didn't quite catch"),
        ("I got 999 on step 2", None, "999 can't be a Step 2 CK score"),
        ("x" * 5000, None, "didn't quite catch"),
        ("asdkjh qwe 1234567", None, "didn't quite catch"),
        ("/nonsense", None, "don't know that command"),
        ("nuclear medicine average?", None, "don't have a sourced average for Nuclear Medicine"),
    ],
)
def test_bad_input_gets_a_friendly_reply(bot: BotProcess, text: str | None, extra: dict | None, expect: str) -> None:  # type: ignore[type-arg]
    assert expect in text_of(bot.say(next(users), text, extra=extra))


def test_edited_messages_are_taken_quietly(bot: BotProcess, api: FakeBotApi) -> None:
    user = next(users)
    since = len(api.calls)
    api.push_message(user, "248 ortho", edited=True)
    assert "256" in text_of(bot.say(user, "avg for ortho"))  # still answering, and only the new message
    assert len([c for c in api.calls[since:] if c.method == "sendMessage" and c.chat_id == user]) == 1


def test_flood_control_is_waited_out_and_the_reply_arrives(bot: BotProcess, api: FakeBotApi) -> None:
    api.fail_next("sendMessage", status=429, retry_after=1)
    assert "253" in text_of(bot.say(next(users), "avg for rads"))


def test_a_failed_reply_is_logged_and_apologised_for(bot: BotProcess, api: FakeBotApi) -> None:
    api.fail_next("sendMessage", status=400, description="Bad Request: message is too long")
    assert "Sorry, something went wrong" in text_of(bot.say(next(users), "avg for peds"))


class TestGroups:
    GROUP = -100123

    def test_group_chatter_is_ignored(self, bot: BotProcess, api: FakeBotApi) -> None:
        since = len(api.calls)
        api.push_message(next(users), "248 ortho lol", chat_id=self.GROUP, chat_type="supergroup")
        # A command right after proves the bot has read past the chatter.
        bot.say(next(users), "/help", chat_id=self.GROUP, chat_type="supergroup")
        sent = [c for c in api.calls[since:] if c.method == "sendMessage" and c.chat_id == self.GROUP]
        assert len(sent) == 1 and "What I can do" in text_of(sent)

    def test_mentions_and_replies_are_answered(self, bot: BotProcess, api: FakeBotApi) -> None:
        mention = bot.say(next(users), "@step2_advisor_bot avg for derm", chat_id=self.GROUP, chat_type="group")
        assert "257" in text_of(mention)
        reply = bot.say(next(users), "and psych?", chat_id=self.GROUP, chat_type="group", reply_to_bot=True)
        assert "242" in text_of(reply)

    def test_a_stored_score_is_never_shown_in_a_group(self, bot: BotProcess) -> None:
        user = next(users)
        bot.say(user, "I got 231")  # private: remembered
        text = text_of(bot.say(user, "@step2_advisor_bot avg for psych", chat_id=self.GROUP, chat_type="group"))
        assert "242" in text and "231" not in text


def test_memory_survives_a_restart(tmp_path: Path) -> None:
    with FakeBotApi() as api:
        first = BotProcess(api, tmp_path).start()
        first.say(7, "I got 250, good for derm?")
        first.stop()
        second = BotProcess(api, tmp_path).start()
        assert "Your 250 (from earlier)" in text_of(second.say(7, "what about psych?"))
        second.stop()
        assert api.violations == []


def test_what_a_reply_acknowledged_survives_the_bot_being_killed_right_after_it(tmp_path: Path) -> None:
    with FakeBotApi() as api:
        first = BotProcess(api, tmp_path).start()
        # Once the place index is built, turns write the store on the event loop and share fsyncs.
        first.wait_for_log(PLACES_READY)
        users = {101 + i: 231 + i for i in range(12)}
        since = len(api.calls)
        for user, score in users.items():  # all at once, so that their writes share fsyncs
            api.push_message(user, f"I got {score}, good for derm?")
        for user in users:
            first.replies(user, since)
        first.kill()  # no shutdown: only what the bot had handed to the OS before each reply is left
        second = BotProcess(api, tmp_path).start()
        for user, score in users.items():
            assert f"Your {score} (from earlier)" in text_of(second.say(user, "what about psych?"))
        second.stop()
        assert api.violations == []


def test_token_is_never_logged_even_at_debug(tmp_path: Path) -> None:
    with FakeBotApi() as api:
        bot = BotProcess(api, tmp_path).start()
        bot.say(5, "/start")
        bot.press(5, "/chart")
        api.fail_next("sendMessage", status=500)
        bot.say(5, "avg for em")
        log = bot.stop()
    assert "DEBUG" in log  # the scan covers the noisiest level
    assert api.token not in log
    assert api.token.split(":")[1] not in log


def run_cli(*args: str, env: dict[str, str], timeout: float = 30) -> subprocess.CompletedProcess[str]:
    import os

    full = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=REPO,
        env={**full, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.mark.parametrize(
    ("token", "expect"),
    [("", "TELEGRAM_BOT_TOKEN is not set"), ("not-a-token", "does not look like a bot token")],
)
def test_missing_or_malformed_token_is_one_clear_line(tmp_path: Path, token: str, expect: str) -> None:
    result = run_cli("run", env={"TELEGRAM_BOT_TOKEN": token, "BOT_DATA_DIR": str(tmp_path)})
    assert result.returncode == 2
    assert expect in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert len(result.stderr.strip().splitlines()) == 1


def test_token_rejected_by_telegram_exits_2_without_echoing_it(tmp_path: Path) -> None:
    with FakeBotApi() as api:
        wrong = "987654321:" + "A" * 35
        result = run_cli(
            "run",
            env={
                "TELEGRAM_BOT_TOKEN": wrong,
                "TELEGRAM_BASE_URL": api.base_url,
                "BOT_DATA_DIR": str(tmp_path),
                "LOG_LEVEL": "DEBUG",
            },
        )
    assert result.returncode == 2
    assert "Telegram rejected TELEGRAM_BOT_TOKEN" in result.stderr
    assert wrong not in result.stderr + result.stdout
    assert "A" * 35 not in result.stderr + result.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def post_update(url: str, update: dict, headers: dict[str, str]) -> int:  # type: ignore[type-arg]
    """POST an update the way Telegram would; returns the HTTP status.

    PTB may call setWebhook a moment before its webhook server accepts connections.
    """
    request = urllib.request.Request(url, json.dumps(update).encode(), headers)
    deadline = time.monotonic() + 10
    while True:
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # loopback only
                return int(response.status)
        except urllib.error.HTTPError as err:
            return int(err.code)
        except urllib.error.URLError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_webhook_accepts_only_the_right_secret(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/tg-hook"
    with FakeBotApi() as api:
        bot = BotProcess(
            api,
            tmp_path,
            BOT_MODE="webhook",
            WEBHOOK_URL=url,
            WEBHOOK_LISTEN="127.0.0.1",
            WEBHOOK_PORT=str(port),
            WEBHOOK_SECRET="s3cret-OK_1",
        ).start(wait_for_polling=False)
        try:
            [hook] = api.wait_for(method="setWebhook", timeout=30)
            assert hook.params["url"] == url and hook.params["secret_token"] == "s3cret-OK_1"
            update = {**DERM_UPDATE, "update_id": 1}
            for secret in ("wrong", None):
                headers = {"Content-Type": "application/json"}
                if secret is not None:
                    headers["X-Telegram-Bot-Api-Secret-Token"] = secret
                assert post_update(url, update, headers) == 403
            headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "s3cret-OK_1"}
            assert post_update(url, {**update, "update_id": 2}, headers) == 200
            [reply] = bot.replies(42, 0)
            assert "257" in text_of([reply])
            assert len(api.requests("sendMessage")) == 1  # the two refused were never answered
        finally:
            bot.stop()
        assert api.violations == []
