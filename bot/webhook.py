"""Part of the Telegram transport: PTB's webhook server, made strict about what it accepts.

PTB's handler answered malformed JSON and invalid UTF-8 with a 500, logged a
RecursionError for a body of "[[[[…", logged whole bodies (students' messages) at
CRITICAL when an update could not be read, and accepted bodies up to tornado's 100 MB.
PTB builds its tornado server inside Updater.start_webhook with no hook for either, so
`install` swaps in a stricter request handler and a size-capped HTTP server in the
module PTB builds them from. tests/test_telegram_app.py holds PTB to this on upgrades.
"""

from __future__ import annotations

import json
import logging
import socket
from http import HTTPStatus
from typing import Any

import tornado.web
from telegram import Update
from telegram.ext import ExtBot
from telegram.ext._utils import webhookhandler  # PTB's only seam for its webhook server
from tornado.httpserver import HTTPServer

log = logging.getLogger(__name__)

MAX_BODY = 1 << 20
"""Bytes; a real update is a few KB, so 1 MiB is far above any and far below 100 MB."""


class StrictTelegramHandler(webhookhandler.TelegramHandler):
    """PTB's webhook handler, answering any body that isn't an update with a 400."""

    async def post(self) -> None:
        """Check the secret and content type, then read exactly one update or refuse."""
        self._validate_post()  # PTB's own checks: content type and secret token (403)
        try:
            data = json.loads(self.request.body)
        except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested past reason
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST, reason="Body is not JSON") from None
        if not isinstance(data, dict) or type(data.get("update_id")) is not int:
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST, reason="Body is not an update")
        try:
            update = Update.de_json(data, self.bot)
        except Exception:  # whatever PTB can't read is refused; its content is never logged
            log.warning("webhook: refused a %d-byte body that is not a readable update", len(self.request.body))
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST, reason="Update could not be processed") from None
        self.set_status(HTTPStatus.OK)
        if isinstance(self.bot, ExtBot):
            self.bot.insert_callback_data(update)
        await self.update_queue.put(update)


def capped_http_server(app: Any, **kwargs: Any) -> HTTPServer:
    """tornado's HTTPServer with a body limit; larger bodies are refused before they are read."""
    return HTTPServer(app, max_body_size=MAX_BODY, **kwargs)


class SharedPortServer(HTTPServer):
    """A capped server that lets other worker processes listen on the same port (SO_REUSEPORT):
    the kernel then spreads Telegram's connections between them."""

    def listen(
        self,
        port: int,
        address: str | None = None,
        family: socket.AddressFamily = socket.AF_UNSPEC,
        backlog: int = 128,
        flags: int | None = None,
        reuse_port: bool = True,
    ) -> None:
        """Listen on `port` with SO_REUSEPORT."""
        super().listen(port, address, family, backlog, flags, reuse_port=True)


def shared_port_server(app: Any, **kwargs: Any) -> HTTPServer:
    """`capped_http_server`, sharing its port with the other workers."""
    return SharedPortServer(app, max_body_size=MAX_BODY, **kwargs)


def install(*, shared_port: bool = False) -> None:
    """Make PTB's webhook server use the strict handler and the size cap; with `shared_port`,
    several workers (DATABASE_URL set) can listen on one WEBHOOK_PORT."""
    webhookhandler.TelegramHandler = StrictTelegramHandler  # type: ignore[misc]
    server = shared_port_server if shared_port else capped_http_server
    webhookhandler.HTTPServer = server  # type: ignore[attr-defined,assignment]
