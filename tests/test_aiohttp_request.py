"""bot/aiohttp_request.py: PTB's Bot on aiohttp against the loopback Bot API, faults injected.

Every test drives a real `telegram.Bot` whose requests go through `AiohttpRequest` over
HTTP to tests/fake_bot_api.py, so what is checked is what PTB's callers (the bot's
handlers, the nudger's retries) get back: results, or PTB's own exceptions.
"""

from __future__ import annotations

import struct
import time
import zlib
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import Any

import pytest
from telegram import Bot
from telegram.error import NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest

from bot.aiohttp_request import AiohttpRequest, client_timeout
from bot.config import Settings
from bot.conversation import Advisor
from bot.profiles import ProfileStore
from bot.telegram_app import build_application
from knowledge import Knowledge
from tests.fake_bot_api import FakeBotApi

READ_TIMEOUT = 0.5


def tiny_png(width: int = 4, height: int = 3) -> bytes:
    """A valid RGB PNG, built by hand so the test needs no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\x80\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture
def api() -> Any:
    with FakeBotApi() as server:
        yield server


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[Bot]:
    """A Bot on two aiohttp requests, as the application wires it; initialized (getMe done)."""
    async with Bot(
        api.token,
        base_url=api.base_url,
        base_file_url=api.base_file_url,
        request=AiohttpRequest(read_timeout=READ_TIMEOUT),
        get_updates_request=AiohttpRequest(connection_pool_size=1, read_timeout=READ_TIMEOUT),
    ) as initialized:
        yield initialized


async def test_sends_text_with_html_and_keyboard(api: FakeBotApi, bot: Bot) -> None:
    message = await bot.send_message(
        42,
        "<b>248</b> &amp; up: “averages” 😊",
        parse_mode="HTML",
        reply_markup={"inline_keyboard": [[{"text": "Chart", "callback_data": "/chart 248"}]]},  # type: ignore[arg-type]
    )
    assert message.text == "248 & up: “averages” 😊"
    call = api.requests("sendMessage")[0]
    assert call.ok and call.text == "<b>248</b> &amp; up: “averages” 😊"
    assert call.reply_markup == {"inline_keyboard": [[{"text": "Chart", "callback_data": "/chart 248"}]]}
    assert api.violations == []


async def test_uploads_a_photo_as_multipart(api: FakeBotApi, bot: Bot) -> None:
    png = tiny_png()
    message = await bot.send_photo(42, png, caption="<i>your chart</i>", parse_mode="HTML")
    assert message.photo and message.caption == "your chart"
    call = api.requests("sendPhoto")[0]
    assert call.ok and call.params["caption"] == "<i>your chart</i>"
    assert call.files["photo"].data == png and call.files["photo"].is_png
    assert api.violations == []


async def test_downloads_a_file(api: FakeBotApi, bot: Bot) -> None:
    png = tiny_png(5, 5)
    sent = await bot.send_photo(42, png)
    file = await bot.get_file(sent.photo[-1].file_id)
    assert bytes(await file.download_as_bytearray()) == png


async def test_long_poll_gets_updates(api: FakeBotApi, bot: Bot) -> None:
    api.push_message(7, "avg for derm")
    updates = await bot.get_updates(timeout=1)
    assert [u.message.text for u in updates if u.message] == ["avg for derm"]


@pytest.mark.e2e  # waits out real timeouts
async def test_a_slow_long_poll_is_not_a_timeout(api: FakeBotApi, bot: Bot) -> None:
    """PTB adds the poll's own timeout to the read timeout; the mapping must keep that."""
    api.stall_next("getUpdates", READ_TIMEOUT * 2)
    api.push_message(7, "slow network today")
    started = time.monotonic()
    updates = await bot.get_updates(timeout=2)
    assert time.monotonic() - started >= READ_TIMEOUT * 2  # longer than the read timeout alone
    assert [u.message.text for u in updates if u.message] == ["slow network today"]


@pytest.mark.e2e  # waits out real timeouts
async def test_a_stalled_poll_times_out(api: FakeBotApi, bot: Bot) -> None:
    api.stall_next("getUpdates", READ_TIMEOUT * 4)
    with pytest.raises(TimedOut):
        await bot.get_updates(timeout=0)
    api.push_message(7, "still there?")
    assert len(await bot.get_updates(timeout=1)) == 1  # a fresh connection works


FAULTS: list[tuple[str, Callable[[FakeBotApi], None], type[TelegramError], str | None]] = [
    ("read timeout", lambda api: api.stall_next("sendMessage", READ_TIMEOUT * 4), TimedOut, None),
    ("connection reset", lambda api: api.reset_next("sendMessage"), NetworkError, "aiohttp."),
    ("500", lambda api: api.fail_next("sendMessage", status=500), NetworkError, "Internal Server Error"),
    ("502", lambda api: api.fail_next("sendMessage", status=502), NetworkError, "Bad Gateway"),
    ("429", lambda api: api.fail_next("sendMessage", status=429, retry_after=3), RetryAfter, None),
]


@pytest.mark.parametrize(
    ("inject", "kind", "match"),
    # The read timeout waits one out on the real clock.
    [pytest.param(*f[1:], id=f[0], marks=[pytest.mark.e2e] if f[0] == "read timeout" else []) for f in FAULTS],
)
# PTB 22 warns (when it raises RetryAfter) that retry_after will become a timedelta; both are checked.
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_faults_become_ptb_errors_and_the_next_send_works(
    api: FakeBotApi, bot: Bot, inject: Callable[[FakeBotApi], None], kind: type[TelegramError], match: str | None
) -> None:
    inject(api)
    with pytest.raises(kind, match=match) as caught:
        await bot.send_message(42, "first try")
    if isinstance(caught.value, RetryAfter):
        assert caught.value.retry_after in (3, timedelta(seconds=3))
    await bot.send_message(42, "second try")
    assert api.sent_to(42)[-1].text == "second try"


async def test_an_answer_that_is_not_json_is_a_telegram_error_and_the_next_send_works(
    api: FakeBotApi, bot: Bot
) -> None:
    api.garble_next("sendMessage", b"<html><body>502 Bad Gateway</body></html>")
    with pytest.raises(TelegramError, match="Invalid server response"):
        await bot.send_message(42, "first try")
    await bot.send_message(42, "second try")
    assert [c.text for c in api.sent_to(42)] == ["second try"]  # the proxy swallowed the first


async def test_an_answer_with_bytes_that_are_not_utf8_is_read_as_ptb_reads_it(api: FakeBotApi, bot: Bot) -> None:
    """orjson refuses it; PTB's own parser replaces the bad byte, as it would without us."""
    chat = b'"chat":{"id":42,"type":"private"}'
    api.garble_next(
        "sendMessage", b'{"ok":true,"result":{"message_id":1,"date":1764460800,' + chat + b',"text":"caf\xe9"}}'
    )
    sent = await bot.send_message(42, "café")
    assert sent.text == "caf\ufffd"


async def test_a_reset_is_a_network_error_not_a_timeout(api: FakeBotApi, bot: Bot) -> None:
    """PTB's callers treat both as transient, but only a timeout may have been delivered."""
    api.reset_next("sendMessage")
    with pytest.raises(NetworkError) as caught:
        await bot.send_message(42, "hi")
    assert not isinstance(caught.value, TimedOut)
    assert all(c.text != "hi" or not c.ok for c in api.requests("sendMessage"))  # never handled


async def test_proxy_comes_from_the_environment(api: FakeBotApi, monkeypatch: pytest.MonkeyPatch) -> None:
    """The base URL's host doesn't exist; the request only arrives because it went via HTTP_PROXY
    (the loopback server reads the path of a proxy-style absolute URL like any other)."""
    for name in ("NO_PROXY", "no_proxy", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", api.url)
    async with Bot(api.token, base_url="http://api.telegram.invalid/bot", request=AiohttpRequest()) as bot:
        await bot.send_message(42, "via the proxy")
    assert api.sent_to(42)[-1].text == "via the proxy"


async def test_restarts_after_shutdown_and_refuses_before_initialize(api: FakeBotApi) -> None:
    request = AiohttpRequest()
    with pytest.raises(NetworkError, match="not initialized"):  # PTB wraps what the request raises
        await request.post(f"{api.base_url}{api.token}/getMe")
    for _ in range(2):
        await request.initialize()
        me = await request.post(f"{api.base_url}{api.token}/getMe")
        assert isinstance(me, dict) and me["username"] == api.bot_username
        await request.shutdown()
    await request.shutdown()  # twice is fine


@pytest.mark.parametrize(
    ("timeouts", "expected"),
    [
        ((5.0, 5.0, 5.0, 1.0), {"total": 16.0, "connect": 6.0, "sock_connect": 5.0, "sock_read": 5.0}),
        ((15.0, 20.0, 5.0, 1.0), {"total": 41.0, "connect": 6.0, "sock_connect": 5.0, "sock_read": 15.0}),
        ((None, 5.0, 5.0, 1.0), {"total": None, "connect": 6.0, "sock_connect": 5.0, "sock_read": None}),
        ((5.0, 5.0, 5.0, None), {"total": None, "connect": None, "sock_connect": 5.0, "sock_read": 5.0}),
    ],
    ids=["defaults", "getUpdates with timeout 10 and a media write", "no read limit", "no pool limit"],
)
def test_timeouts_map_onto_aiohttps(timeouts: tuple[float | None, ...], expected: dict[str, float | None]) -> None:
    timeout = client_timeout(*timeouts)
    assert {name: getattr(timeout, name) for name in expected} == expected


@pytest.mark.parametrize(("setting", "kind"), [("aiohttp", AiohttpRequest), ("httpx", HTTPXRequest)])
def test_the_setting_chooses_the_http_layer(
    setting: str, kind: type, knowledge: Knowledge, store: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TELEGRAM_REQUEST", setting)
    settings = Settings(telegram_bot_token="123456:" + "a" * 35)  # type: ignore[arg-type]
    app = build_application(settings, Advisor(knowledge, store))
    assert isinstance(app.bot.request, kind)
    assert isinstance(app.bot._request[0], kind)  # getUpdates too


@pytest.mark.parametrize(
    ("env", "url", "proxy"),
    [
        ({}, "https://api.telegram.org/bot1/getMe", None),
        ({"HTTPS_PROXY": "http://proxy:3128"}, "https://api.telegram.org/bot1/getMe", "http://proxy:3128"),
        ({"HTTPS_PROXY": "http://proxy:3128"}, "http://127.0.0.1:8081/bot1/getMe", None),
        ({"ALL_PROXY": "http://proxy:3128"}, "http://127.0.0.1:8081/bot1/getMe", "http://proxy:3128"),
        ({"HTTPS_PROXY": "http://proxy:3128", "NO_PROXY": "telegram.org"}, "https://api.telegram.org/bot1/x", None),
    ],
    ids=["none", "https", "https proxy, http url", "all", "no_proxy"],
)
def test_proxy_for_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], url: str, proxy: str | None
) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert AiohttpRequest().proxy_for(url) == proxy


PAYLOADS = [
    ('{"ok":true,"result":{"message_id":7,"text":"248 \\u0026 up “avg” 😊"}}'.encode(), "utf-8"),
    (b'{"ok":true,"result":[{"update_id":9007199254740993,"message":{"date":1764460800}}]}', "integer past 2**53"),
    (b'{"ok":false,"error_code":429,"parameters":{"retry_after":3},"description":"Too Many Requests"}', "error"),
    (b'{"ok":true,"result":{"text":"caf\xe9"}}', "invalid utf-8"),
    (b'{"ok":true,"result":{"text":"\\ud83d"}}', "lone surrogate"),
]


@pytest.mark.parametrize("payload", [p for p, _ in PAYLOADS], ids=[i for _, i in PAYLOADS])
def test_parses_telegrams_answers_as_ptb_does(payload: bytes) -> None:
    assert AiohttpRequest.parse_json_payload(payload) == BaseRequest.parse_json_payload(payload)


@pytest.mark.parametrize("payload", [b"<html>502 Bad Gateway</html>", b"", b'{"ok":true'])
def test_an_answer_that_is_not_json_is_a_telegram_error(payload: bytes) -> None:
    with pytest.raises(TelegramError, match="Invalid server response"):
        AiohttpRequest.parse_json_payload(payload)
