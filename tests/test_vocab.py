"""The shipped word lists' helpers: whole-word phrase search."""

from __future__ import annotations

import pytest

from knowledge.vocab import phrase_in

PHRASES = frozenset({"want to die", "end it", "end it all", "no way out"})


@pytest.mark.parametrize(
    ("norm", "found"),
    [
        ("i want to die", "want to die"),
        ("some days i just want to end it all honestly", "end it all"),  # the longer of two at one word
        ("theres no way out", "no way out"),
        ("i want to diet before the exam", None),  # whole words only
        ("legend it is", None),
        ("", None),
    ],
)
def test_a_phrase_is_found_as_whole_words(norm: str, found: str | None) -> None:
    assert phrase_in(norm, PHRASES) == found
    assert phrase_in(norm, frozenset()) is None
