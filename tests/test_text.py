"""knowledge/text.py: the one normaliser every comparison of student text goes through."""

from __future__ import annotations

import pytest

from knowledge.text import answer_words, fold, normalize


@pytest.mark.parametrize(
    ("raw", "folded", "normalized"),
    [
        ("  What’s   the AVG?? ", "what's the avg??", "what s the avg"),
        ("Résumé — Ob/Gyn", "resume - ob/gyn", "resume ob gyn"),
        ("PM&R\tand\nEM", "pm&r and em", "pm r and em"),
        ("exam 3–3–2027", "exam 3-3-2027", "exam 3 3 2027"),
        ("", "", ""),
        ("🙂👋", "🙂👋", ""),
    ],
)
def test_fold_and_normalize(raw: str, folded: str, normalized: str) -> None:
    assert fold(raw) == folded
    assert normalize(raw) == normalized


def test_an_answer_loses_its_end_punctuation_only() -> None:
    assert answer_words("  Yes!! ") == "yes"
    assert answer_words("7:30 p.m.") == "7:30 p.m"
