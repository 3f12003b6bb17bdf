"""bot/understand/about.py: what students say about themselves."""

from __future__ import annotations

from typing import Any

import pytest

from bot.understand.about import AboutFacts, about
from knowledge.text import fold, normalize


def facts(text: str) -> AboutFacts:
    return about(normalize(text), fold(text))


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("I'm an IMG from India, can I match IM", {"school": "img"}),
        ("as an FMG is 240 ok", {"school": "img"}),
        ("caribbean student here, 245 for FM?", {"school": "img"}),
        ("I'm a DO student, should I take step 2 too", {"school": "do"}),
        ("im a us md student, ms3", {"school": "us_md", "stage": "ms3"}),
        ("I'm a 4th year applying peds", {"stage": "4th year"}),
        ("I failed step 2 and feel terrible", {"status": "failed"}),
        ("I passed ck!!", {"status": "passed"}),
        ("took step 2 last week, waiting", {"status": "taken"}),
        ("I got 251", {"status": "taken"}),
        ("failed step 1 once but passed later, is that bad", {"status": None}),
        ("my exam is on March 3", {"exam_date": True}),
        ("exam was march 3, score comes out soon", {"exam_date": False}),
        ("what's the average for derm", {"school": None, "status": None, "exam_date": False}),
    ],
)
def test_self_description(text: str, fields: dict[str, Any]) -> None:
    found = facts(text)
    for name, value in fields.items():
        assert getattr(found, name) == value, (name, found)
