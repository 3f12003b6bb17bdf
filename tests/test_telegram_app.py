"""The Telegram transport's edges: a revoked token, hostile webhook bodies, groups."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from telegram import Chat, Message, User
from telegram.constants import ChatType
from telegram.ext import ExtBot

from bot import timezones
from bot.conversation import Advisor, Turn
from bot.profiles import ProfileStore
from bot.reply import Chart, Reply
from bot.telegram_app import Handlers, addressed_text, send_reply
from knowledge import Knowledge, load_knowledge
from tests import ptb_clients
from tests.bot_process import BotProcess
from tests.fake_bot_api import FakeBotApi
from tests.test_telegram_e2e import DERM_UPDATE, free_port, post_update

REJECTED = "Telegram rejected TELEGRAM_BOT_TOKEN"


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as server:
        yield server


@pytest.mark.e2e  # the bot as a process
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


async def test_a_reply_is_sent_as_html_and_a_caption_too_long_for_it_as_plain_text(
    api: FakeBotApi, knowledge: Knowledge
) -> None:
    # As the app builds it: no PTB Defaults.
    async with ExtBot(api.token, base_url=api.base_url, **ptb_clients.requests()) as bot:
        await send_reply(bot, 7, Reply("<b>Derm</b> average &amp; more: https://example.org"), knowledge)
        await send_reply(bot, 7, Reply("<b>Your</b> chart " + "😀" * 700, chart=Chart(score=250)), knowledge)
    text, photo = [c for c in api.calls if c.method in {"sendMessage", "sendPhoto"}]
    assert text.result["text"] == "Derm average & more: https://example.org"  # shown formatted, not as tags
    assert text.params["link_preview_options"] == {"is_disabled": True}
    assert "parse_mode" not in photo.params  # cut to plain text, it must not be read as HTML
    assert photo.result["caption"].startswith("Your chart 😀") and photo.result["caption"].endswith("…")
    assert api.violations == []  # and within Telegram's 1,024 for a caption, counted as Telegram counts


GROUP = -100777


BOT_ID = 777
BOT_NAME = "step2_advisor_bot"


def message(text: str, chat_type: str = "group", reply_to_bot: bool = False) -> Message:
    """A message as PTB reads it from an update, in a group unless said otherwise."""
    chat = Chat(5101 if chat_type == ChatType.PRIVATE else GROUP, chat_type)
    when = dt.datetime(2026, 1, 14, tzinfo=dt.UTC)
    replied = (
        Message(1, when, chat, from_user=User(BOT_ID, "Advisor", is_bot=True), text="Hi") if reply_to_bot else None
    )
    return Message(2, when, chat, from_user=User(5101, "S", is_bot=False), text=text, reply_to_message=replied)


@pytest.mark.parametrize(
    ("text", "chat_type", "reply_to_bot", "read"),
    [
        ("@step2_advisor_botfan club hi", "group", False, None),  # another name that starts with ours
        ("@step2_advisor_bot_fans avg for derm", "group", False, None),
        ("hi@step2_advisor_bot avg for derm", "group", False, None),  # inside a word
        ("@Step2_Advisor_Bot avg for derm", "group", False, "avg for derm"),  # usernames ignore case
        ("avg for derm, @step2_advisor_bot?", "group", False, "avg for derm, ?"),
        ("avg for derm", "supergroup", False, None),  # chatter
        ("avg for derm", "group", True, "avg for derm"),  # a reply to the bot
        ("/help", "group", False, "/help"),
        ("/help@step2_advisor_bot", "group", False, "/help@step2_advisor_bot"),
        ("/help@other_bot", "group", False, None),
        ("avg for derm", "private", False, "avg for derm"),  # in private, everything
    ],
)
def test_a_group_message_is_read_only_when_addressed_to_the_bot(
    text: str, chat_type: str, reply_to_bot: bool, read: str | None
) -> None:
    assert addressed_text(message(text, chat_type, reply_to_bot), BOT_NAME, BOT_ID) == read


@pytest.mark.e2e  # the bot as a process
def test_a_mention_is_the_bot_username_as_a_whole_word_through_the_real_bot(tmp_path: Path, api: FakeBotApi) -> None:
    bot = BotProcess(api, tmp_path).start()
    try:
        since = len(api.calls)
        api.push_message(5101, "@step2_advisor_botfan club hi", chat_id=GROUP, chat_type="group")
        api.push_message(5101, "@Step2_Advisor_Bot avg for derm", chat_id=GROUP, chat_type="group")
        # The same user's command last: answered in order, so it proves the first two were read.
        api.push_message(5101, "/help", chat_id=GROUP, chat_type="group")
        sent = bot.replies(GROUP, since, count=2)
        assert "257" in sent[0].params["text"] and "What I can do" in sent[1].params["text"]
    finally:
        bot.stop()


@pytest.mark.e2e  # the bot as a process
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


def post_raw(url: str, body: bytes, secret: str) -> int:
    """POST raw bytes to the webhook the way Telegram would; returns the HTTP status."""
    headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret}
    request = urllib.request.Request(url, body, headers)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # loopback only
            return int(response.status)
    except urllib.error.HTTPError as err:
        return int(err.code)
    except (ConnectionError, urllib.error.URLError):
        return -1  # the server hung up on an oversized body without reading it


HOOK_SECRET = "hook-Secret_77"


@pytest.fixture
def webhook_bot(tmp_path: Path, api: FakeBotApi) -> Iterator[tuple[BotProcess, str]]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/tg-hook"
    bot = BotProcess(
        api, tmp_path, BOT_MODE="webhook", WEBHOOK_URL=url, WEBHOOK_PORT=str(port), WEBHOOK_SECRET=HOOK_SECRET
    ).start(wait_for_polling=False)
    api.wait_for(method="setWebhook", timeout=30)
    post_update(
        url, {"update_id": 1}, {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": HOOK_SECRET}
    )
    yield bot, url
    bot.stop()


HOSTILE = [
    (b'{"update_id": 3, "message": {', {400}),
    (b'{"update_id": 3, "x": "\xff\xfe"}', {400}),
    (b"[" * 200_000, {400}),
    (b'{"update_id": 3, "message": {"text": "248 ortho zebraquokka"}}', {400}),
    (b'{"update_id": 3, "pad": "' + b"x" * 3_000_000 + b'"}', {413, -1}),
]
"""A few of tests/test_webhook.py's hostile bodies, sent to a whole bot process."""


@pytest.mark.e2e  # the bot as a process
def test_hostile_webhook_bodies_get_a_400_and_the_bot_keeps_serving(
    webhook_bot: tuple[BotProcess, str], api: FakeBotApi
) -> None:
    bot, url = webhook_bot
    for body, statuses in HOSTILE:
        assert post_raw(url, body, HOOK_SECRET) in statuses
    # Still serving: a real update right after is answered.
    assert post_raw(url, json.dumps(DERM_UPDATE).encode(), HOOK_SECRET) == 200
    assert "257" in bot.replies(42, 0)[-1].params["text"]
    log = bot.stop()
    assert "RecursionError" not in log and "zebraquokka" not in log
    assert "Traceback" not in log


@pytest.mark.parametrize(
    ("text", "index_ready", "on_loop"),
    [
        ("I got 245, good for derm?", True, True),  # the usual turn: on the loop, its fsync shared
        ("I got 245, good for derm?", False, False),  # the place index may still be building
        ("/forget yes", True, False),  # rewrites the whole store file
        ("\u200e/forget yes", True, False),  # read as the advisor reads it, unshowable marks and all
        ("/stats", True, False),  # counts every record
        ("/start", True, True),
    ],
)
async def test_where_a_turn_runs(
    text: str, index_ready: bool, on_loop: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ProfileStore.in_dir(tmp_path)
    handlers = Handlers(Advisor(load_knowledge(), store))
    monkeypatch.setattr(timezones, "ready", lambda: index_ready)
    ran_in: list[int] = []
    real = handlers.advisor.handle

    def handle(user_id: int, text: str, *, private: bool = True) -> Turn:
        ran_in.append(threading.get_ident())
        return real(user_id, text, private=private)

    monkeypatch.setattr(handlers.advisor, "handle", handle)
    turn = await handlers.handle(9, text, private=True)
    assert (ran_in == [threading.get_ident()]) is on_loop
    assert turn.reply.html
    assert store.synced == store.appended  # whatever ran where, it was on disk before the reply
    store.close()
