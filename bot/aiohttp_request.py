"""An aiohttp-backed `telegram.request.BaseRequest`: PTB's HTTP layer, at a fraction of the CPU.

PTB's default HTTPXRequest costs about 2.7 ms of CPU per send on this machine; the same
POST through aiohttp costs about 0.3 ms, and the bot is CPU-bound in that layer. PTB
documents BaseRequest as the place to swap the HTTP library (and its issue #4560 asks
for exactly this backend), so everything above it, retries, rate limiting and error
handling included, works unchanged.

One pooled `aiohttp.ClientSession` per request object, made in `initialize` (a session
belongs to the running event loop) and closed in `shutdown`. Proxies come from the
environment (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY) as with httpx, read once per
host: aiohttp's own trust_env reads them, and ~/.netrc, on every request (a tenth of
the bot's CPU per send in a profile). aiohttp's errors become
PTB's `TimedOut` and `NetworkError`, which PTB's callers already handle.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit
from urllib.request import getproxies_environment, proxy_bypass_environment  # type: ignore[attr-defined]

import aiohttp
import orjson
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import JSONDict, ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from bot import json_bytes

log = logging.getLogger(__name__)

JSON = {"Content-Type": "application/json"}


def client_timeout(
    read: float | None, write: float | None, connect: float | None, pool: float | None
) -> aiohttp.ClientTimeout:
    """PTB's four timeouts as aiohttp's.

    aiohttp has no write timeout and counts waiting for a pooled connection as part of
    `connect`. So: `sock_connect` is PTB's connect, `connect` is pool plus connect,
    `sock_read` (the longest silence while reading) is PTB's read, and `total` caps the
    whole exchange at the sum of all four, which is what bounds a stalled upload.
    """
    finite = [t for t in (read, write, connect, pool) if t is not None]
    total = sum(finite) if len(finite) == 4 else None
    both = None if connect is None or pool is None else connect + pool
    return aiohttp.ClientTimeout(total=total, connect=both, sock_connect=connect, sock_read=read)


class AiohttpRequest(BaseRequest):
    """A PTB request on one pooled aiohttp session (the arguments mean what HTTPXRequest's do)."""

    __slots__ = ("_media_write_timeout", "_pool_size", "_proxies", "_session", "_timeout_cache", "_timeouts")

    def __init__(
        self,
        connection_pool_size: int = 256,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._timeouts = (read_timeout, write_timeout, connect_timeout, pool_timeout)
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None
        # Building a ClientTimeout per request shows in profiles; the combinations in use are few.
        self._timeout_cache: dict[tuple[float | None, ...], aiohttp.ClientTimeout] = {}
        self._proxies: dict[tuple[str, str], str | None] = {}

    @staticmethod
    def parse_json_payload(payload: bytes) -> JSONDict:
        """Telegram's answer as a dict, parsed by orjson (PTB documents this override for it).

        Every send and every poll parses one. A payload orjson refuses (not valid UTF-8, or not
        JSON) goes to PTB's own parser, which replaces bad bytes or raises TelegramError. Unlike
        PTB's, orjson reads an integer past 64 bits as a float; Telegram's ids fit in 52 bits.
        """
        try:
            parsed: JSONDict = orjson.loads(payload)
        except orjson.JSONDecodeError:
            return BaseRequest.parse_json_payload(payload)
        return parsed

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout, in seconds."""
        return self._timeouts[0]

    async def initialize(self) -> None:
        """Open the session (again, after a shutdown) on the running loop."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                headers={"User-Agent": self.USER_AGENT},
                # PTB's callers read the status and body themselves; aiohttp raising on 4xx/5xx
                # would hide Telegram's error description from them.
                raise_for_status=False,
                auto_decompress=True,
            )

    async def shutdown(self) -> None:
        """Close the session and its pooled connections."""
        session, self._session = self._session, None
        if session is not None and not session.closed:
            await session.close()
        self._proxies.clear()  # read the environment afresh on the next start

    def proxy_for(self, url: str) -> str | None:
        """The proxy the environment names for `url`'s scheme and host (None: go direct)."""
        parts = urlsplit(url)
        key = (parts.scheme, parts.netloc)
        if key not in self._proxies:
            proxies = getproxies_environment()
            proxy = proxies.get(parts.scheme) or proxies.get("all")
            bypass = proxy is not None and proxy_bypass_environment(parts.hostname or "", proxies)
            self._proxies[key] = None if bypass else proxy
        return self._proxies[key]

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Make one request; returns the status code and the body, as PTB expects."""
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        default_read, default_write, default_connect, default_pool = self._timeouts
        if isinstance(write_timeout, DefaultValue):
            write_timeout = self._media_write_timeout if files else default_write
        key = (
            default_read if isinstance(read_timeout, DefaultValue) else read_timeout,
            write_timeout,
            default_connect if isinstance(connect_timeout, DefaultValue) else connect_timeout,
            default_pool if isinstance(pool_timeout, DefaultValue) else pool_timeout,
        )
        timeout = self._timeout_cache.get(key)
        if timeout is None:
            timeout = self._timeout_cache[key] = client_timeout(*key)
        data: aiohttp.FormData | bytes | None = None
        headers = None
        if files and request_data:
            data = aiohttp.FormData(quote_fields=False)
            for name, value in request_data.json_parameters.items():
                data.add_field(name, value)
            for name, (filename, content, mimetype) in files.items():
                data.add_field(name, content, filename=filename or name, content_type=mimetype)
        elif request_data and (params := request_data.parameters):
            # A JSON body (the Bot API takes one as readily as a form): encoding it is C code,
            # where urlencoding a long HTML reply quotes it character by character in Python.
            data, headers = json_bytes.dumps(params), JSON
        try:
            proxy = self.proxy_for(url)
            async with session.request(
                method, url, data=data, headers=headers, timeout=timeout, proxy=proxy
            ) as response:
                return response.status, await response.read()
        except TimeoutError as err:  # aiohttp's ServerTimeoutError and ConnectionTimeoutError included
            raise TimedOut(f"aiohttp: {type(err).__name__}: {err}" if str(err) else None) from err
        except aiohttp.ClientError as err:
            raise NetworkError(f"aiohttp.{type(err).__name__}: {err}") from err
