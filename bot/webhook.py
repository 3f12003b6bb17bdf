"""Part of the Telegram transport: the webhook server, strict about what it accepts.

PTB's documented pattern for a webhook of one's own ("customwebhookbot" in its examples):
a web server of ours reads each update and puts it on `application.update_queue`, and the
application, built without an Updater, runs from there. Ours is aiohttp (already the bot's
HTTP client), so PTB's tornado server and the private module it would have to be patched
through are not needed.

What it refuses, and why, since PTB's own handler did not: malformed JSON, invalid UTF-8
and a body of "[[[[…" get a 400 (PTB answered 500, or logged a RecursionError); a body that
isn't an update gets a 400 and only its size is logged (PTB logged whole bodies, students'
messages, at CRITICAL); a body over MAX_BODY is refused before it is read (tornado took up
to 100 MB). As in PTB, a request without the secret token set with setWebhook, or not JSON
by its content type, gets a 403.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import signal
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

import orjson
from aiohttp import web
from telegram import Bot, Update
from telegram.ext import Application, ExtBot

log = logging.getLogger(__name__)

MAX_BODY = 1 << 20
"""Bytes; a real update is a few KB, so 1 MiB is far above any and far below 100 MB."""

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105  # the name of a header
"""Where Telegram puts the secret token given to setWebhook."""

MAX_CONNECTIONS = 40
"""Telegram's connections to the webhook at once: the default PTB's run_webhook asked for."""

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGABRT)
"""The signals that stop the bot, as with PTB's run_polling and run_webhook."""

Queue = asyncio.Queue[object]


def _refuse(status: HTTPStatus, reason: str) -> web.Response:
    return web.Response(status=status, text=reason)


def update_handler(bot: Bot, queue: Queue, secret: str) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """The request handler: checks a POST as PTB's did, then puts its one update on `queue`."""
    expected = secret.encode()

    async def handle(request: web.Request) -> web.StreamResponse:
        if request.content_type != "application/json":
            return _refuse(HTTPStatus.FORBIDDEN, "Content type is not application/json")
        given = request.headers.get(SECRET_HEADER, "").encode()
        # In constant time, and never logged: the header is as good as a password.
        if not hmac.compare_digest(given, expected):
            return _refuse(HTTPStatus.FORBIDDEN, "Wrong or missing secret token")
        if request.content_length is not None and request.content_length > MAX_BODY:
            return _refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "Body too large")  # not read at all
        body = await request.read()  # a chunked body past MAX_BODY is refused with a 413 here
        try:
            data = orjson.loads(body)  # refuses invalid UTF-8, and nesting past 1,024 levels
        except orjson.JSONDecodeError:
            return _refuse(HTTPStatus.BAD_REQUEST, "Body is not JSON")
        if not isinstance(data, dict) or type(data.get("update_id")) is not int:
            return _refuse(HTTPStatus.BAD_REQUEST, "Body is not an update")
        try:
            update = Update.de_json(data, bot)
        except Exception:  # whatever PTB can't read is refused; its content is never logged
            log.warning("webhook: refused a %d-byte body that is not a readable update", len(body))
            return _refuse(HTTPStatus.BAD_REQUEST, "Update could not be processed")
        if isinstance(bot, ExtBot):  # as PTB's handler does (a no-op without arbitrary callback data)
            bot.insert_callback_data(update)
        await queue.put(update)
        return web.Response(status=HTTPStatus.OK)

    return handle


async def start_server(
    bot: Bot, queue: Queue, *, listen: str, port: int, path: str, secret: str, shared_port: bool = False
) -> web.AppRunner:
    """Listen for Telegram's POSTs on `listen`:`port` (0: any free one) at `path`; returns the
    runner, to clean up (its `addresses` say where it listens).

    With `shared_port`, other worker processes may listen on the same port (SO_REUSEPORT),
    and the kernel spreads Telegram's connections between them.
    """
    app = web.Application(client_max_size=MAX_BODY)
    app.router.add_post("/" + path.lstrip("/"), update_handler(bot, queue, secret))
    # No access log: a line per update is CPU under load, and the bot logs what matters.
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    try:
        await web.TCPSite(runner, listen, port, reuse_port=shared_port).start()
    except OSError:  # the port is taken: nothing may be left half set up
        await runner.cleanup()
        raise
    return runner


async def run(
    app: Application[Any, Any, Any, Any, Any, Any],
    *,
    url: str,
    listen: str,
    port: int,
    path: str,
    secret: str,
    shared_port: bool = False,
) -> None:
    """Run `app` (built without an Updater) on our webhook server until a stop signal.

    The same steps, in the same order, as PTB's run_webhook: initialize, post_init, the
    server, setWebhook, start; at a signal, the server, stop, post_stop, shutdown.
    """
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, stopping.set)
    async with app:  # initialize, and shutdown at the end
        if app.post_init is not None:
            await app.post_init(app)
        runner = await start_server(
            app.bot, app.update_queue, listen=listen, port=port, path=path, secret=secret, shared_port=shared_port
        )
        try:
            await app.bot.set_webhook(
                url, allowed_updates=Update.ALL_TYPES, max_connections=MAX_CONNECTIONS, secret_token=secret
            )
            await app.start()
            await stopping.wait()
        finally:
            await runner.cleanup()  # no new updates; those under way are answered first
            if app.running:
                await app.stop()
                if app.post_stop is not None:
                    await app.post_stop(app)
    if app.post_shutdown is not None:
        await app.post_shutdown(app)
