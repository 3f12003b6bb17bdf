"""bot/understand/cues.py: the phrases that stay rules, here the request for the plan as a calendar file."""

from __future__ import annotations

import pytest

from bot.understand.cues import asks_for_calendar
from knowledge import Knowledge
from knowledge.corpus import load_corpus
from knowledge.text import normalize


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("add it to my calendar", True),
        ("export my plan", True),
        ("Can you put my exam in my Google Calendar?", True),
        ("send me the ics file", True),
        ("sync it with outlook pls", True),
        ("make me a study calendar", False),  # a plan request, not a file
        ("need a study calendar for step2ck", False),
        ("does USMLE publish a calendar of score release dates", False),
        ("avg for derm", False),
        ("my exam got moved to feb 22", False),
    ],
)
def test_asks_for_calendar(text: str, wanted: bool) -> None:
    assert asks_for_calendar(normalize(text)) is wanted


def test_no_labelled_example_is_taken_for_a_calendar_request(knowledge: Knowledge) -> None:
    """The rule runs before the classifier's answer: it must not take a message labelled as anything else."""
    corpus = load_corpus(specialty_ids=[*knowledge.specialties, *knowledge.other_specialties])
    caught = [e.text for e in corpus.examples if asks_for_calendar(normalize(e.text))]
    assert caught == []
