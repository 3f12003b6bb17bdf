"""PTB's own HTTP clients (httpx) for talking to the loopback Bot API, sharing one TLS context.

The loopback server speaks plain HTTP, yet each httpx client loads the system's certificates when
it is made: about 30 ms, and a PTB `Bot` makes two. Over the hundred-odd bots and clients the
tests make, that was three seconds of the fast tier.
"""

from __future__ import annotations

import ssl

from telegram.request import HTTPXRequest

TLS = ssl.create_default_context()
"""Pass as httpx's `verify=` to a client of the loopback server."""


def requests() -> dict[str, HTTPXRequest]:
    """`request=` and `get_updates_request=` for a PTB `Bot` or `ExtBot`, as PTB builds them by default."""
    return {
        "request": HTTPXRequest(httpx_kwargs={"verify": TLS}),
        "get_updates_request": HTTPXRequest(connection_pool_size=1, httpx_kwargs={"verify": TLS}),
    }
