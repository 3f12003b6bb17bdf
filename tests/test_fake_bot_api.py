"""Tests of the loopback Bot API imitation (tests/fake_bot_api.py) and the HTML oracle.

Everything talks to 127.0.0.1 only: a real PTB ``Bot``/``Application``, raw httpx posts and
the echo bot as a subprocess.
"""

from __future__ import annotations

import html
import json
import os
import re
import signal
import struct
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputFile,
    InputTextMessageContent,
    Message,
    Update,
)
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests import ptb_clients
from tests.fake_bot_api import DEFAULT_TOKEN, Call, FakeBotApi
from tests.telegram_html import html_errors, parse_html, telegram_length, visible_text

REPO = Path(__file__).resolve().parents[1]

# PTB 22 warns (when it raises RetryAfter) that retry_after will become a timedelta.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")

# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[FakeBotApi]:
    with FakeBotApi() as srv:
        yield srv


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(trust_env=False, timeout=10, verify=ptb_clients.TLS) as c:
        yield c


def api(
    client: httpx.Client,
    server: FakeBotApi,
    method: str,
    data: dict[str, Any] | None = None,
    *,
    token: str | None = None,
    **kwargs: Any,
) -> httpx.Response:
    return client.post(f"{server.base_url}{token or server.token}/{method}", data=data, **kwargs)


def tiny_png(width: int = 3, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def retry_seconds(error: RetryAfter) -> float:
    value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def keyboard(data: str) -> str:
    return json.dumps({"inline_keyboard": [[{"text": "Go", "callback_data": data}]]})


# --------------------------------------------------------------------------------------------
# the HTML oracle
# --------------------------------------------------------------------------------------------

VALID_HTML = [
    "plain text",
    "<b>bold</b> <strong>strong</strong> <i>it</i> <em>em</em> <u>u</u> <ins>ins</ins>",
    "<s>s</s> <strike>strike</strike> <del>del</del>",
    '<tg-spoiler>secret</tg-spoiler> <span class="tg-spoiler">also</span>',
    '<a href="https://example.com/?a=1&amp;b=2">link</a>',
    "<code>x &lt; y</code>",
    '<pre><code class="language-python">print("hi")</code></pre>',
    "<pre>preformatted</pre>",
    "<blockquote>quoted</blockquote> <blockquote expandable>long quote</blockquote>",
    '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
    "<b>bold <i>bold italic <u>and underlined</u></i></b>",
    "5 &gt; 3 &amp;&amp; 2 &lt; 4 &quot;quoted&quot; &#65; &#x1F600;",
    "score 245 > 240",  # a bare '>' is fine, as in Telegram
    "<B>upper-case tags</B>",
    "",
]

INVALID_HTML = [
    ("a < b", 'bare "<"'),
    ("salt & pepper", 'Unescaped "&"'),
    ("non&nbsp;breaking", "&nbsp;"),
    ("<b>never closed", "Can't find end tag"),
    ("<b><i>crossed</b></i>", "Unmatched end tag"),
    ("stray </b>", "Unexpected end tag"),
    ("line<br>break", 'Unsupported start tag "br"'),
    ("<p>paragraph</p>", 'Unsupported start tag "p"'),
    ("<a>no href</a>", "href"),
    ("<span>no class</span>", "tg-spoiler"),
    ("<tg-emoji>x</tg-emoji>", "emoji-id"),
    ("<code><b>nested</b></code>", "can't be nested"),
    ("<blockquote><blockquote>q</blockquote></blockquote>", "Blockquotes"),
    ("<b", "Unclosed start tag"),
    ('<a href="x>y', "Unclosed start tag"),
    ("<b class>x</b>", "Expected equal sign"),
    ("&#xD800;", "Invalid numeric character reference"),
    ('<a href="https://x.y/?a=1&b=2">l</a>', 'Unescaped "&"'),
]


@pytest.mark.parametrize("text", VALID_HTML)
def test_html_errors_accepts_valid_telegram_html(text: str) -> None:
    assert html_errors(text) == []


@pytest.mark.parametrize(("text", "fragment"), INVALID_HTML)
def test_html_errors_rejects_invalid_html(text: str, fragment: str) -> None:
    errors = html_errors(text)
    assert errors, f"{text!r} should be rejected"
    assert any(fragment in e for e in errors), errors


def test_visible_text_and_length_count_utf16_units() -> None:
    assert visible_text("<b>a</b> &lt;3 &#128512;") == "a <3 😀"
    assert telegram_length("<b>a</b> &lt;3 &#128512;") == 7  # the emoji is a surrogate pair
    assert telegram_length("<i>" + "x" * 10 + "</i>") == 10
    assert visible_text("&amp;lt;") == "&lt;"


def test_parse_html_gives_entities_in_utf16_offsets() -> None:
    result = parse_html('😀 <b>bold</b> <a href="https://e.x">l</a><pre><code class="language-py">c</code></pre>')
    assert result.errors == []
    assert result.text == "😀 bold lc"
    assert result.entities == [
        {"type": "bold", "offset": 3, "length": 4},
        {"type": "text_link", "offset": 8, "length": 1, "url": "https://e.x"},
        {"type": "pre", "offset": 9, "length": 1, "language": "py"},
    ]


# --------------------------------------------------------------------------------------------
# basics with a real PTB Bot
# --------------------------------------------------------------------------------------------


async def test_get_me_and_valid_html_message(server: FakeBotApi) -> None:
    async with Bot(server.token, base_url=server.base_url, **ptb_clients.requests()) as bot:
        me = await bot.get_me()
        assert me.is_bot and me.username == "step2_advisor_bot" and me.id == 123456
        assert me.can_join_groups is True
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="more")]])
        first = await bot.send_message(5, "<b>Average</b> &amp; more", parse_mode="HTML", reply_markup=markup)
        second = await bot.send_message(5, "again")
        other = await bot.send_message(6, "elsewhere")
    assert first.text == "Average & more"
    assert first.text_html == "<b>Average</b> &amp; more"
    assert first.from_user is not None and first.from_user.is_bot
    assert first.reply_markup == markup
    assert (first.message_id, second.message_id, other.message_id) == (1, 2, 1)
    assert first.chat.id == 5 and first.chat.type == "private"
    assert server.violations == []
    sent = server.sent_to(5)
    assert [c.method for c in sent] == ["sendMessage", "sendMessage"]
    assert sent[0].params == {
        "chat_id": 5,
        "text": "<b>Average</b> &amp; more",
        "parse_mode": "HTML",
        "reply_markup": {"inline_keyboard": [[{"text": "More", "callback_data": "more"}]]},
    }
    assert sent[0].result["message_id"] == 1
    assert len(server.requests("getMe")) == 2  # Bot.initialize() and ours


async def test_ptb_gets_bad_request_for_invalid_html(server: FakeBotApi) -> None:
    async with Bot(server.token, base_url=server.base_url, **ptb_clients.requests()) as bot:
        with pytest.raises(BadRequest, match="parse entities"):
            await bot.send_message(5, "<b>oops</i>", parse_mode="HTML")
    assert len(server.violations) == 1
    assert "not valid Telegram HTML" in server.violations[0]


async def test_wrong_token_is_unauthorized(server: FakeBotApi) -> None:
    bot = Bot("987654:" + "A" * 35, base_url=server.base_url, **ptb_clients.requests())
    try:
        with pytest.raises(InvalidToken):
            await bot.initialize()  # calls getMe
    finally:
        await bot.shutdown()
    assert server.calls[-1].status == 401
    assert server.violations == []


# --------------------------------------------------------------------------------------------
# spec checking with raw requests
# --------------------------------------------------------------------------------------------

BAD_REQUESTS = [
    pytest.param(
        "sendMessage",
        {"chat_id": "1", "text": "<b>bold</i>", "parse_mode": "HTML"},
        "can't parse entities",
        "not valid Telegram HTML",
        id="invalid-html",
    ),
    pytest.param(
        "sendMessage",
        {"chat_id": "1", "text": "5 < 6", "parse_mode": "html"},
        "can't parse entities",
        'bare "<"',
        id="bare-lt",
    ),
    pytest.param(
        "sendMessage", {"chat_id": "1", "text": "x" * 4097}, "message is too long", "4097", id="text-too-long"
    ),
    pytest.param(
        "sendMessage", {"chat_id": "1", "text": "😀" * 2049}, "message is too long", "4098", id="utf16-too-long"
    ),
    pytest.param("sendMessage", {"chat_id": "1", "text": "  "}, "message text is empty", "empty", id="empty-text"),
    pytest.param(
        "sendMessage",
        {"chat_id": "1", "text": "hi", "reply_markup": keyboard("x" * 65)},
        "BUTTON_DATA_INVALID",
        "65 bytes",
        id="callback-data-65-bytes",
    ),
    pytest.param(
        "sendMessage",
        {"chat_id": "1", "text": "hi", "reply_markup": keyboard("é" * 33)},
        "BUTTON_DATA_INVALID",
        "66 bytes",
        id="callback-data-counts-bytes",
    ),
    pytest.param("sendMessage", {"text": "hi"}, "chat_id is empty", 'required parameter "chat_id"', id="missing"),
    pytest.param(
        "sendMessage", {"chat_id": "1"}, "message text is empty", 'required parameter "text"', id="missing-text"
    ),
    pytest.param(
        "sendMessage",
        {"chat_id": "1", "text": "hi", "colour": "red"},
        'unknown parameter "colour"',
        "colour",
        id="unknown-field",
    ),
    pytest.param(
        "sendMessage",
        {"chat_id": "1", "text": "hi", "disable_notification": "maybe"},
        "must be of type Boolean",
        "expected Boolean",
        id="wrong-type-boolean",
    ),
    pytest.param(
        "editMessageText",
        {"chat_id": "1", "message_id": "first", "text": "x"},
        "must be of type Integer",
        "expected Integer",
        id="wrong-type-integer",
    ),
    pytest.param(
        "sendMessage",
        {"chat_id": "1", "text": "hi", "reply_markup": "{not json"},
        "JSON object",
        "not a JSON object",
        id="markup-not-json",
    ),
    pytest.param(
        "sendMessage",
        {"chat_id": "1", "text": "hi", "reply_markup": json.dumps({"inline_keyboard": [[{"callback_data": "x"}]]})},
        "must be present",
        'inline_keyboard[0][0]: InlineKeyboardButton is missing required field "text"',
        id="nested-required",
    ),
    pytest.param(
        "sendMessage",
        {
            "chat_id": "1",
            "text": "hi",
            "reply_markup": json.dumps({"inline_keyboard": [{"text": "a", "callback_data": "x"}]}),
        },
        "must be an Array",
        "inline_keyboard[0]: expected Array of InlineKeyboardButton",
        id="nested-array-of-array",
    ),
    pytest.param(
        "sendMessage",
        {"chat_id": "1", "text": "hi", "reply_markup": json.dumps({"inline_keyboard": [[{"text": "a"}]]})},
        "text buttons are unallowed",
        "has no action",
        id="button-without-action",
    ),
    pytest.param(
        "sendMessage",
        {
            "chat_id": "1",
            "text": "hi",
            "reply_markup": json.dumps({"inline_keyboard": [[{"text": "a", "callback_data": "x", "colour": 1}]]}),
        },
        "unknown field",
        'unknown field "colour" in InlineKeyboardButton',
        id="nested-unknown-field",
    ),
    pytest.param(
        "sendMessage",
        {"chat_id": "1", "text": "hi", "parse_mode": "HTML5"},
        "unsupported parse_mode",
        "HTML5",
        id="mode",
    ),
    pytest.param(
        "sendChatAction", {"chat_id": "1", "action": "dancing"}, "wrong parameter action", "dancing", id="act"
    ),
    pytest.param(
        "setMyCommands",
        {"commands": json.dumps([{"command": "Start", "description": "go"}])},
        "BOT_COMMAND_INVALID",
        "'Start'",
        id="command-case",
    ),
    pytest.param(
        "setMyCommands",
        {"commands": json.dumps([{"command": "start", "description": "go"}]), "scope": json.dumps({"type": "chat"})},
        "must be present",
        'BotCommandScopeChat is missing required field "chat_id"',
        id="abstract-type-subtype-fields",
    ),
    pytest.param(
        "setMyCommands",
        {"commands": json.dumps([{"command": "start", "description": "go"}]), "scope": json.dumps({"type": "all"})},
        "unsupported type",
        'BotCommandScope needs "type" to be one of',
        id="abstract-type-discriminator",
    ),
    pytest.param(
        "sendPhoto",
        {"chat_id": "1", "photo": "AgACfileid", "caption": "c" * 1025},
        "message caption is too long",
        "1025",
        id="caption-too-long",
    ),
]


@pytest.mark.parametrize(("method", "data", "description", "violation"), BAD_REQUESTS)
def test_spec_violations_are_rejected_and_recorded(
    server: FakeBotApi, client: httpx.Client, method: str, data: dict[str, str], description: str, violation: str
) -> None:
    response = api(client, server, method, data)
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["ok"] is False and body["error_code"] == 400
    assert body["description"].startswith("Bad Request: ")
    assert description in body["description"]
    assert server.violations, "the violation must be recorded"
    assert any(violation in v for v in server.violations), server.violations
    assert all(v.startswith(f"{method}: ") for v in server.violations)
    assert server.calls[-1].status == 400


def test_limits_count_visible_text_not_markup(server: FakeBotApi, client: httpx.Client) -> None:
    text = "<b>" + "x" * 4096 + "</b>"  # 4103 characters, 4096 after entity parsing
    assert api(client, server, "sendMessage", {"chat_id": "1", "text": text, "parse_mode": "HTML"}).status_code == 200
    ok = api(client, server, "sendMessage", {"chat_id": "1", "text": "b", "reply_markup": keyboard("x" * 64)})
    assert ok.status_code == 200
    assert server.violations == []


def test_unknown_method_is_404_and_a_violation(server: FakeBotApi, client: httpx.Client) -> None:
    response = api(client, server, "sendTelepathy", {"chat_id": "1"})
    assert response.status_code == 404
    assert response.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
    assert server.violations == ["sendTelepathy: no such Bot API method (spec Bot API 10.1)"]


def test_method_names_are_case_insensitive_and_json_bodies_work(server: FakeBotApi, client: httpx.Client) -> None:
    response = api(client, server, "SENDMESSAGE", {"chat_id": "3", "text": "hi"})
    assert response.status_code == 200
    response = client.post(
        f"{server.base_url}{server.token}/sendMessage",
        json={"chat_id": 3, "text": "<i>json</i>", "parse_mode": "HTML", "reply_markup": json.loads(keyboard("k"))},
    )
    assert response.status_code == 200, response.text
    assert response.json()["result"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "k"
    bad = client.post(f"{server.base_url}{server.token}/sendMessage", json={"chat_id": 3, "text": 5})
    assert bad.status_code == 400
    assert [c.method for c in server.requests("sendmessage")] == ["sendMessage"] * 3
    assert server.violations == ["sendMessage: text: expected String, got int 5"]


def test_wrong_and_malformed_tokens(server: FakeBotApi, client: httpx.Client) -> None:
    someone_else, malformed = "111:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", "garbage"
    wrong = api(client, server, "getMe", token=someone_else)
    assert wrong.status_code == 401
    assert wrong.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
    assert api(client, server, "getMe", token=malformed).status_code == 404
    assert client.get(f"{server.base_file_url}{server.token}/photos/nothing.jpg").status_code == 404
    assert server.violations == []


# --------------------------------------------------------------------------------------------
# fault injection
# --------------------------------------------------------------------------------------------


async def test_fail_next_429_raises_retry_after(server: FakeBotApi) -> None:
    server.fail_next("sendMessage", status=429, retry_after=7)
    async with Bot(server.token, base_url=server.base_url, **ptb_clients.requests()) as bot:
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(1, "hi")
        assert retry_seconds(caught.value) == 7
        await bot.send_message(1, "hi again")  # only the next call fails
    assert server.requests("sendMessage")[0].response == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 7",
        "parameters": {"retry_after": 7},
    }
    assert [c.status for c in server.requests("sendMessage")] == [429, 200]
    assert server.violations == []


async def test_fail_next_other_statuses(server: FakeBotApi) -> None:
    server.fail_next("sendMessage", status=500, times=2)
    async with Bot(server.token, base_url=server.base_url, **ptb_clients.requests()) as bot:
        server.fail_next("*", status=403)  # after initialize(): "*" would also hit its getMe
        for _ in range(2):
            with pytest.raises(NetworkError, match="Internal Server Error"):
                await bot.send_message(1, "hi")
        with pytest.raises(Forbidden, match="bot was blocked by the user"):
            await bot.send_chat_action(1, "typing")
        await bot.send_message(1, "works")


async def test_block_user_makes_sends_forbidden(server: FakeBotApi) -> None:
    server.block_user(13)
    async with Bot(server.token, base_url=server.base_url, **ptb_clients.requests()) as bot:
        with pytest.raises(Forbidden, match="bot was blocked by the user"):
            await bot.send_message(13, "hi")
        await bot.send_message(14, "someone else")
        server.unblock_user(13)
        await bot.send_message(13, "hi again")
    assert [c.status for c in server.requests("sendMessage")] == [403, 200, 200]
    assert server.violations == []


async def test_limit_rate_answers_429_like_telegram(server: FakeBotApi) -> None:
    server.limit_rate(None, per_chat_per_second=1)
    async with Bot(server.token, base_url=server.base_url, **ptb_clients.requests()) as bot:
        await bot.send_message(1, "first")
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(1, "too soon")
        assert retry_seconds(caught.value) >= 1
        await bot.send_message(2, "another chat is fine")
        server.limit_rate(2)
        await bot.send_message(3, "a")
        await bot.send_message(4, "b")
        with pytest.raises(RetryAfter):
            await bot.send_message(5, "c")
    assert server.rate_limited_count == 2


async def test_paid_broadcast_sends_get_their_own_higher_limit(server: FakeBotApi) -> None:
    """Like Telegram: allow_paid_broadcast lifts the overall limit (here 1/s) to the paid one."""
    server.limit_rate(1, paid_per_second=5)
    async with Bot(server.token, base_url=server.base_url, **ptb_clients.requests()) as bot:
        for chat in range(10, 15):  # five paid sends at once: within the paid bucket
            await bot.send_message(chat, "nudge", allow_paid_broadcast=True)
        with pytest.raises(RetryAfter):
            await bot.send_message(15, "a sixth", allow_paid_broadcast=True)
        await bot.send_message(16, "a free one still has its own bucket")
        with pytest.raises(RetryAfter):
            await bot.send_message(17, "but only one a second")
    assert server.requests("sendMessage")[0].params["allow_paid_broadcast"] is True
    assert server.rate_limited_count == 2
    assert server.violations == []


# --------------------------------------------------------------------------------------------
# getUpdates
# --------------------------------------------------------------------------------------------


def test_get_updates_returns_pushed_updates_and_honours_offset(server: FakeBotApi, client: httpx.Client) -> None:
    first = server.push_message(10, "/start@step2_advisor_bot now")
    second = server.push_message(10, "hello", reply_to_bot=True)
    third = server.push_callback(10, "plan:show")
    body = api(client, server, "getUpdates", {"timeout": "0"}).json()
    updates = body["result"]
    assert [u["update_id"] for u in updates] == [first, second, third]
    command = updates[0]["message"]
    assert command["entities"] == [{"type": "bot_command", "offset": 0, "length": 24}]
    assert command["chat"] == {"id": 10, "type": "private", "first_name": "Sam"}
    assert updates[1]["message"]["reply_to_message"]["from"]["is_bot"] is True
    assert updates[2]["callback_query"]["data"] == "plan:show"

    limited = api(client, server, "getUpdates", {"offset": str(second), "limit": "1"}).json()["result"]
    assert [u["update_id"] for u in limited] == [second]
    assert server.pending_updates() == 2  # the first one is confirmed and forgotten
    rest = api(client, server, "getUpdates", {"offset": str(third + 1)}).json()["result"]
    assert rest == []
    assert server.pending_updates() == 0
    assert server.violations == []


@pytest.mark.e2e  # waits on the real clock
def test_get_updates_long_polls_until_an_update_arrives(server: FakeBotApi, client: httpx.Client) -> None:
    timer = threading.Timer(0.2, server.push_message, args=(11, "late"))
    started = time.monotonic()
    timer.start()
    try:
        updates = api(client, server, "getUpdates", {"timeout": "5"}).json()["result"]
    finally:
        timer.cancel()
    assert 0.15 < time.monotonic() - started < 2
    assert [u["message"]["text"] for u in updates] == ["late"]


@pytest.mark.e2e  # a bot process / a real 1 s long poll
def test_get_updates_times_out_empty_and_stop_wakes_pollers(client: httpx.Client) -> None:
    server = FakeBotApi()
    server.start()
    try:
        started = time.monotonic()
        assert api(client, server, "getUpdates", {"timeout": "1"}).json() == {"ok": True, "result": []}
        assert 0.9 < time.monotonic() - started < 1.8
        results: list[Any] = []

        def poll() -> None:
            try:
                results.append(api(client, server, "getUpdates", {"timeout": "30"}).json())
            except httpx.HTTPError as exc:
                results.append(exc)

        poller = threading.Thread(target=poll)
        poller.start()
        server.wait_for(method="getUpdates", count=2, timeout=2)
    finally:
        started = time.monotonic()
        server.stop()
    poller.join(3)
    assert not poller.is_alive()
    assert time.monotonic() - started < 2
    assert results == [{"ok": True, "result": []}]


def test_second_poller_conflicts_with_the_first(server: FakeBotApi, client: httpx.Client) -> None:
    results: list[int] = []
    first = threading.Thread(
        target=lambda: results.append(api(client, server, "getUpdates", {"timeout": "5"}).status_code)
    )
    first.start()
    server.wait_for(method="getUpdates")
    with httpx.Client(trust_env=False, timeout=5, verify=ptb_clients.TLS) as other:
        assert api(other, server, "getUpdates", {"timeout": "0"}).status_code == 200
    first.join(3)
    assert results == [409]


def test_a_token_revoked_mid_poll_gets_401_at_once(server: FakeBotApi, client: httpx.Client) -> None:
    old = server.token
    results: list[httpx.Response] = []
    poller = threading.Thread(target=lambda: results.append(api(client, server, "getUpdates", {"timeout": "30"})))
    poller.start()
    server.wait_for(method="getUpdates")
    started = time.monotonic()
    server.token = "987654321:" + "R" * 35  # revoked with @BotFather
    poller.join(3)
    assert not poller.is_alive() and time.monotonic() - started < 1
    assert results[0].status_code == 401
    assert api(client, server, "getUpdates", {"timeout": "0"}, token=old).status_code == 401
    assert api(client, server, "getUpdates", {"timeout": "0"}).status_code == 200  # the new token works


@pytest.mark.e2e  # waits on the real clock
def test_wait_for_times_out_with_a_dump(server: FakeBotApi, client: httpx.Client) -> None:
    api(client, server, "sendMessage", {"chat_id": "1", "text": "only one"})
    with pytest.raises(AssertionError, match=r"(?s)timed out .* 2 call\(s\) of sendMessage.*only one"):
        server.wait_for(method="sendMessage", count=2, timeout=0.2)
    assert server.wait_for(lambda calls: any(c.text == "only one" for c in calls), timeout=1)
    mark = len(server.calls)
    api(client, server, "sendMessage", {"chat_id": "1", "text": "two"})
    assert [c.text for c in server.wait_for(method="sendMessage", since=mark)] == ["two"]


# --------------------------------------------------------------------------------------------
# messages, edits, callbacks, photos
# --------------------------------------------------------------------------------------------


async def test_edits_and_callback_answers_follow_telegram(server: FakeBotApi) -> None:
    async with Bot(server.token, base_url=server.base_url, **ptb_clients.requests()) as bot:
        message = await bot.send_message(8, "<b>Plan</b>", parse_mode="HTML")
        edited = await bot.edit_message_text(
            "<b>Plan</b> v2", chat_id=8, message_id=message.message_id, parse_mode="HTML"
        )
        assert isinstance(edited, Message)
        assert edited.text == "Plan v2" and edited.edit_date is not None
        with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
            await bot.edit_message_text("<b>Plan</b> v2", chat_id=8, message_id=message.message_id, parse_mode="HTML")
        assert server.violations == []  # "not modified" is a normal Telegram answer, not a spec breach
        with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
            await bot.edit_message_text("x", chat_id=8, message_id=99)
        with pytest.raises(BadRequest, match=r"(?i)query is too old"):
            await bot.answer_callback_query("no-such-query")
    assert server.chat_messages(8)[0]["text"] == "Plan v2"
    assert len(server.violations) == 2


async def test_send_photo_multipart_is_parsed(server: FakeBotApi) -> None:
    png = tiny_png(4, 3)
    files = server.base_file_url
    async with Bot(server.token, base_url=server.base_url, base_file_url=files, **ptb_clients.requests()) as bot:
        message = await bot.send_photo(9, png, caption="<b>Averages</b> chart", parse_mode="HTML", filename="c.png")
        assert message.caption == "Averages chart"
        assert message.photo[-1].width == 4 and message.photo[-1].height == 3
        downloaded = await (await bot.get_file(message.photo[-1].file_id)).download_as_bytearray()
        assert bytes(downloaded) == png
    (call,) = server.requests("sendPhoto")
    upload = call.params["photo"]
    assert upload.is_png and upload.data == png and upload.filename == "c.png"
    assert call.files["photo"] is upload
    assert call.params["caption"] == "<b>Averages</b> chart"
    assert server.violations == []


async def test_send_document_multipart_is_parsed(server: FakeBotApi) -> None:
    ics = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    files = server.base_file_url
    async with Bot(server.token, base_url=server.base_url, base_file_url=files, **ptb_clients.requests()) as bot:
        sent = await bot.send_document(
            9, InputFile(ics, filename="plan.ics"), caption="<b>Your plan</b>", parse_mode="HTML"
        )
        assert sent.document is not None and sent.document.file_name == "plan.ics"
        assert sent.document.mime_type == "text/calendar"
        downloaded = await (await bot.get_file(sent.document.file_id)).download_as_bytearray()
        assert bytes(downloaded) == ics
    (call,) = server.requests("sendDocument")
    assert call.params["document"].data == ics and call.text == "<b>Your plan</b>"
    assert server.violations == []


def _article(result_id: str, text: str = "<b>Dermatology</b>: 257", title: str = "Derm") -> InlineQueryResultArticle:
    return InlineQueryResultArticle(result_id, title, InputTextMessageContent(text, parse_mode="HTML"))


async def test_inline_queries_are_delivered_and_answered_once(server: FakeBotApi) -> None:
    query_id = server.push_inline_query(31, "derm", chat_type="group")
    async with Bot(server.token, base_url=server.base_url, **ptb_clients.requests()) as bot:
        assert (await bot.get_me()).supports_inline_queries
        (update,) = await bot.get_updates(timeout=0)
        assert update.inline_query is not None
        assert (update.inline_query.id, update.inline_query.query) == (query_id, "derm")
        assert update.inline_query.chat_type == "group" and update.inline_query.from_user.id == 31
        button = InlineQueryResultsButton("Ask me privately", start_parameter="inline")
        assert await bot.answer_inline_query(query_id, [_article("a")], cache_time=60, button=button)
        assert server.violations == []
        assert server.inline_answer(query_id) is not None
        with pytest.raises(BadRequest, match=r"(?i)query is too old"):
            await bot.answer_inline_query(query_id, [_article("a")])
        with pytest.raises(BadRequest, match=r"(?i)query is too old"):
            await bot.answer_inline_query("no-such-query", [])
    assert len(server.violations) == 2
    with pytest.raises(ValueError, match="256"):
        server.push_inline_query(31, "x" * 257)


@pytest.mark.parametrize(
    ("results", "button", "expected"),
    [
        ([_article(str(i)) for i in range(51)], None, "RESULTS_TOO_MUCH"),
        ([_article("x" * 65)], None, "RESULT_ID_INVALID"),
        ([_article("same"), _article("same")], None, "RESULT_ID_DUPLICATE"),
        ([_article("a", title=" ")], None, "RESULT_TITLE_EMPTY"),
        ([_article("a", text="x" * 4097)], None, "message is too long"),
        ([_article("a", text="<b>open")], None, "can't parse entities"),
        ([], InlineQueryResultsButton("Go", start_parameter="has space"), "START_PARAM_INVALID"),
    ],
)
async def test_inline_answers_break_telegram_rules(
    server: FakeBotApi, results: list[InlineQueryResultArticle], button: InlineQueryResultsButton | None, expected: str
) -> None:
    query_id = server.push_inline_query(31, "derm")
    async with Bot(server.token, base_url=server.base_url, **ptb_clients.requests()) as bot:
        with pytest.raises(BadRequest, match="(?i)" + re.escape(expected)):
            await bot.answer_inline_query(query_id, results, button=button)
    assert server.violations and server.inline_answer(query_id) is None


# --------------------------------------------------------------------------------------------
# a real PTB Application, in-process
# --------------------------------------------------------------------------------------------


async def test_application_answers_pushed_messages_end_to_end(server: FakeBotApi) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("Show plan", callback_data="plan")]])
        await update.effective_message.reply_text("<b>Welcome</b>", parse_mode="HTML", reply_markup=markup)

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_message.text is not None
        text = html.escape(update.effective_message.text)
        await update.effective_message.reply_text(f"You said: <i>{text}</i>", parse_mode="HTML")

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer()
        await query.edit_message_text(f"Plan for <b>{query.data}</b>", parse_mode="HTML")

    app = ApplicationBuilder().token(server.token).base_url(server.base_url).build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_handler(CallbackQueryHandler(pressed))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        try:
            server.push_message(77, "/start")
            await server.await_calls(method="sendMessage", timeout=5)
            server.push_message(77, "salt & <pepper>")
            await server.await_calls(method="sendMessage", count=2, timeout=5)
            server.push_callback(77, "week-1")
            await server.await_calls(method="editMessageText", timeout=5)
            await server.await_calls(method="answerCallbackQuery", timeout=5)
        finally:
            await app.updater.stop()
            await app.stop()

    texts = [c.params["text"] for c in server.sent_to(77)]
    assert texts == ["<b>Welcome</b>", "You said: <i>salt &amp; &lt;pepper&gt;</i>", "Plan for <b>week-1</b>"]
    (edit,) = server.requests("editMessageText")
    assert edit.params["message_id"] == 2  # the welcome message (the /start was message 1)
    assert [m["text"] for m in server.chat_messages(77)] == ["Plan for week-1", "You said: salt & <pepper>"]
    assert server.violations == []


# --------------------------------------------------------------------------------------------
# webhooks (delivered to loopback only)
# --------------------------------------------------------------------------------------------


class _Hook(BaseHTTPRequestHandler):
    received: ClassVar[list[tuple[dict[str, Any], str | None]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((json.loads(body), self.headers.get("X-Telegram-Bot-Api-Secret-Token")))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_webhook_delivery_and_conflict_with_polling(server: FakeBotApi, client: httpx.Client) -> None:
    _Hook.received = []
    hook = ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=hook.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{hook.server_address[1]}/telegram"
        assert api(client, server, "setWebhook", {"url": url, "secret_token": "s3cret"}).status_code == 200
        update_id = server.push_message(21, "via webhook")
        deadline = time.monotonic() + 3
        while not _Hook.received and time.monotonic() < deadline:
            time.sleep(0.01)
        assert _Hook.received and _Hook.received[0][0]["update_id"] == update_id
        assert _Hook.received[0][1] == "s3cret"
        conflict = api(client, server, "getUpdates", {"timeout": "0"})
        assert conflict.status_code == 409
        assert "webhook is active" in conflict.json()["description"]
        info = api(client, server, "getWebhookInfo").json()["result"]
        assert info["url"] == url and info["pending_update_count"] == 0
        assert api(client, server, "deleteWebhook").status_code == 200
        assert api(client, server, "getUpdates", {"timeout": "0"}).status_code == 200
    finally:
        hook.shutdown()
        hook.server_close()
    assert server.violations == []


# --------------------------------------------------------------------------------------------
# the echo bot, as a subprocess
# --------------------------------------------------------------------------------------------


@pytest.mark.e2e  # a bot process / a real 1 s long poll
def test_echo_bot_subprocess_echoes(server: FakeBotApi) -> None:
    env = {**os.environ, **server.env(), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "echo_bot.py")],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        server.wait_for(method="getUpdates", timeout=10)
        server.push_message(31, "echo <me> & you")
        (reply,) = server.wait_for(method="sendMessage", timeout=5)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            output, _ = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
    assert reply.params == {"chat_id": 31, "text": "echo <me> & you"}
    assert process.returncode == 0, output
    assert server.violations == [], server.violations


def test_default_token_and_call_helpers() -> None:
    assert DEFAULT_TOKEN.startswith("123456:")
    call = Call("sendMessage", {"chat_id": 1, "caption": "c"}, 0.0)
    assert call.ok and call.text == "c" and call.chat_id == 1 and call.result is None
