"""bot/webhook.py: the webhook server, in process, on loopback, with a real HTTP client.

Each request goes through aiohttp's server and the handler exactly as Telegram's would;
what the handler accepts lands on the queue the application reads. The path through a whole
bot process is tested in tests/test_telegram_app.py and tests/test_telegram_e2e.py.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Iterator

import aiohttp
import pytest
from telegram import Update
from telegram.ext import ExtBot

from bot import webhook
from tests import ptb_clients
from tests.fake_bot_api import DEFAULT_TOKEN
from tests.test_telegram_e2e import DERM_UPDATE

SECRET = "hook-Secret_77"
JSON = {"Content-Type": "application/json"}
HEADERS = {**JSON, webhook.SECRET_HEADER: SECRET}


class Hook:
    """A webhook server on a free loopback port, and the queue it feeds."""

    def __init__(self, url: str, queue: asyncio.Queue[object], session: aiohttp.ClientSession) -> None:
        self.url = url
        self.queue = queue
        self.session = session

    async def post(self, body: bytes | object, headers: dict[str, str] = HEADERS) -> int:
        """POST `body` as Telegram would; the HTTP status, or -1 when the server hung up on it."""
        try:
            async with self.session.post(self.url, data=body, headers=headers) as response:
                return response.status
        except aiohttp.ClientError:
            return -1

    def taken(self) -> list[object]:
        """What the server has put on the queue so far."""
        out = []
        while not self.queue.empty():
            out.append(self.queue.get_nowait())
        return out


async def serve(shared_port: bool = False, port: int = 0) -> tuple[aiohttp.web.AppRunner, int, asyncio.Queue[object]]:
    queue: asyncio.Queue[object] = asyncio.Queue()
    # Reading an update needs no request to Telegram.
    bot: ExtBot[None] = ExtBot(DEFAULT_TOKEN, **ptb_clients.requests())
    runner = await webhook.start_server(
        bot, queue, listen="127.0.0.1", port=port, path="/tg-hook", secret=SECRET, shared_port=shared_port
    )
    return runner, runner.addresses[0][1], queue


@pytest.fixture
async def hook() -> AsyncIterator[Hook]:
    runner, port, queue = await serve()
    try:
        async with aiohttp.ClientSession() as session:
            yield Hook(f"http://127.0.0.1:{port}/tg-hook", queue, session)
    finally:
        await runner.cleanup()


@pytest.fixture
def quiet_log(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Everything logged meanwhile, at every level; checked for what must never be there."""
    caplog.set_level(logging.DEBUG)
    yield caplog
    assert "zebraquokka" not in caplog.text and "RecursionError" not in caplog.text
    assert "Traceback" not in caplog.text and SECRET not in caplog.text


async def test_an_update_with_the_secret_goes_on_the_queue(hook: Hook, quiet_log: pytest.LogCaptureFixture) -> None:
    assert await hook.post(json.dumps(DERM_UPDATE).encode()) == 200
    [update] = hook.taken()
    assert isinstance(update, Update) and update.update_id == 5
    assert update.message is not None and update.message.text == "avg for derm"


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({**JSON, webhook.SECRET_HEADER: "wrong"}, 403),
        ({**JSON, webhook.SECRET_HEADER: SECRET + "x"}, 403),
        (JSON, 403),  # no secret
        ({"Content-Type": "text/plain", webhook.SECRET_HEADER: SECRET}, 403),  # not JSON, as PTB answered
    ],
)
async def test_a_request_without_the_secret_or_not_json_is_forbidden(
    hook: Hook, quiet_log: pytest.LogCaptureFixture, headers: dict[str, str], status: int
) -> None:
    assert await hook.post(json.dumps(DERM_UPDATE).encode(), headers) == status
    assert hook.taken() == []


@pytest.mark.parametrize(
    ("body", "statuses"),
    [
        (b'{"update_id": 3, "message": {', {400}),  # cut short
        (b'{"update_id": 3, "x": "\xff\xfe"}', {400}),  # not UTF-8
        (b"[" * 200_000, {400}),  # nested past any parser's patience
        (b"[1, 2]", {400}),
        (b'{"update_id": "three"}', {400}),
        (b'{"update_id": 3, "message": {"text": "248 ortho zebraquokka"}}', {400}),  # PTB can't read it
        (b'{"update_id": 3, "pad": "' + b"x" * 3_000_000 + b'"}', {413, -1}),  # refused before it is read
    ],
)
async def test_hostile_bodies_get_a_400_and_the_server_keeps_serving(
    hook: Hook, quiet_log: pytest.LogCaptureFixture, body: bytes, statuses: set[int]
) -> None:
    assert await hook.post(body) in statuses
    assert hook.taken() == []
    assert await hook.post(json.dumps(DERM_UPDATE).encode()) == 200  # still serving
    assert len(hook.taken()) == 1


async def test_a_chunked_body_past_the_limit_is_refused(hook: Hook, quiet_log: pytest.LogCaptureFixture) -> None:
    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: the size shows only while reading
        yield b'{"update_id": 3, "pad": "'
        for _ in range(40):
            yield b"x" * 65_536
        yield b'"}'

    assert await hook.post(chunks()) in {413, -1}
    assert hook.taken() == []


async def test_only_post_on_the_path_is_served(hook: Hook) -> None:
    async with hook.session.get(hook.url) as response:
        assert response.status == 405
    other = hook.url.replace("/tg-hook", "/other")
    async with hook.session.post(other, data=json.dumps(DERM_UPDATE).encode(), headers=HEADERS) as response:
        assert response.status == 404
    assert hook.taken() == []


async def test_workers_share_a_port_only_when_asked() -> None:
    first, port, _ = await serve(shared_port=True)
    try:
        second, same, _ = await serve(shared_port=True, port=port)  # another worker, SO_REUSEPORT
        await second.cleanup()
        assert same == port
        with pytest.raises(OSError):  # a second bot on the port by mistake is refused
            await serve(port=port)
    finally:
        await first.cleanup()
