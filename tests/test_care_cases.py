"""Crisis or not, over a list written apart from the training examples (tests/care_cases.jsonl).

Each line is {"text", "crisis"}: a crisis (passive or active suicidal thoughts, a method, self-harm,
a farewell, hopelessness about living) must come out as the "hopeless" feeling, which is what sends
the care reply and a crisis line; exam stress, venting, idioms and dark humour ("this exam is killing
me", "kill me now lol", "I'll kill for a 250") must not, because a hotline in answer to a joke teaches
students to stop telling the bot how they feel.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.understand import understand
from knowledge import Knowledge

CASES = Path(__file__).with_name("care_cases.jsonl")
KNOWN_FALSE_ALARMS: frozenset[str] = frozenset(
    # The model hears "not going to be around ... anyway" (a real crisis shape) at its low bar; the rule
    # itself sets "this weekend" aside.
    {"i'm not going to be around this weekend anyway, so pause the reminders"}
)
"""Ordinary messages the feeling model still reads as a crisis, each marked xfail(strict) so it shows:
a caring reply too many is the cheaper mistake, and when the model stops making it the test says so.
("i can't see the point of the free 120 if i've done all the nbmes" was one until the model's low bar
came to need a word crises are said in.)"""


def _cases() -> list[tuple[str, bool]]:
    rows = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row["text"], row["crisis"]) for row in rows]


def test_the_list_is_broad_on_both_sides() -> None:
    cases = _cases()
    assert sum(crisis for _, crisis in cases) >= 100
    assert sum(not crisis for _, crisis in cases) >= 140
    assert len({text for text, _ in cases}) == len(cases)


def _params() -> list[object]:
    known = pytest.mark.xfail(strict=True, reason="a known false alarm of the feeling model (KNOWN_FALSE_ALARMS)")
    return [pytest.param(t, c, marks=known) if t in KNOWN_FALSE_ALARMS else (t, c) for t, c in _cases()]


@pytest.mark.parametrize(("text", "crisis"), _params(), ids=lambda v: str(v)[:40] if isinstance(v, str) else None)
def test_crisis_exactly_when_hopeless(text: str, crisis: bool, knowledge: Knowledge) -> None:
    feeling = understand(text, knowledge).feeling
    assert (feeling == "hopeless") is crisis, f"{text!r} read as {feeling}"
