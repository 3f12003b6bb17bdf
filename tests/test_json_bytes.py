"""bot/json_bytes.py: orjson's bytes, and the standard library's wherever orjson refuses a value."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bot.json_bytes import dumps, loads

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


READ: list[tuple[bytes, str]] = [
    (b'{"score": 123456789012345678901234567890}', "an integer past 64 bits (orjson: a float)"),
    (b'{"a": 18446744073709551615, "b": -9223372036854775808}', "the 64-bit limits"),
    (b'{"phone": "00000000000000000000000"}', "20 digits in a string"),
    (b'{"a": 0.1000000000000000055511151231257827}', "a long mantissa"),
    (b'{"a": NaN, "b": Infinity, "c": 1e400}', "what orjson refuses"),
    (b'{"a": "\\ud800"}', "a lone surrogate"),
    (b'\xef\xbb\xbf{"a": 1}', "a byte order mark"),
    ('{"a": "é"}'.encode("utf-16"), "UTF-16"),
    (b'{"a": 1, "a": 2}', "a repeated key"),
    (b'[1.5, -0.0, 1E2, 5e-324, "\\u00e9"]', "floats and escapes"),
]


@pytest.mark.parametrize("raw", [r for r, _ in READ], ids=[i for _, i in READ])
def test_reads_exactly_what_the_standard_library_reads(raw: bytes) -> None:
    expected = json.loads(raw)
    got = loads(raw)
    assert repr(got) == repr(expected)  # repr: a NaN is not equal to itself, and 1 == 1.0


@pytest.mark.parametrize("raw", [b'{"a": 1', b'{"a": 1}\n{', b"\xff\xfe\xfa", b"[" * 100_000])
def test_damage_raises_the_standard_librarys_error(raw: bytes) -> None:
    with pytest.raises(Exception) as expected:
        json.loads(raw)
    with pytest.raises(expected.type) as got:
        loads(raw)
    assert str(got.value) == str(expected.value)  # the same line and column


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON)
@example(-(2**63) - 1)  # 19 digits, one past orjson's 64 bits: found by this test
@example(2**64)
def test_any_value_written_reads_back_as_the_standard_library_reads_it(value: Any) -> None:
    written = dumps(value)
    assert repr(loads(written)) == repr(json.loads(written))
