"""bot/json_bytes.py: orjson's bytes, and the standard library's wherever orjson refuses a value."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.json_bytes import dumps

VALUES: list[tuple[Any, Any, str]] = [
    ({"text": "José 😊 <b>248</b>", "ok": True, "n": None}, None, "unicode, bool, null"),
    ([1, 2**63 - 1, -(2**63)], None, "64-bit integers"),
    ({"score": 2**64}, None, "an integer past 64 bits"),
    ({"name": "ms3 \ud83d"}, None, "a lone surrogate"),
    ({1: "a", 2: "b"}, {"1": "a", "2": "b"}, "integer keys"),
]


@pytest.mark.parametrize(("value", "read_back"), [v[:2] for v in VALUES], ids=[v[2] for v in VALUES])
def test_what_is_written_reads_back_with_the_standard_library(value: Any, read_back: Any) -> None:
    written = dumps(value)
    assert isinstance(written, bytes)
    assert json.loads(written) == (value if read_back is None else read_back)


def test_text_is_utf8_and_compact() -> None:
    written = dumps({"name": "José 😊", "tags": ["a", "b"]})
    assert written == '{"name":"José 😊","tags":["a","b"]}'.encode()
