"""What a message tells us about the student, kept (bot/memory.py): pure, a profile in and out."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.memory import MAX_INTERESTS, remember
from bot.student import About, Profile
from bot.understand import understand
from knowledge import Knowledge

TODAY = dt.date(2026, 12, 4)
KNOWN = Profile(1, score=251, about=About(score_own=True))


def kept(knowledge: Knowledge, text: str, profile: Profile | None = None) -> Profile:
    return remember(profile or Profile(1), understand(text, knowledge), text, knowledge, TODAY)


@pytest.mark.parametrize(
    ("text", "before", "score", "own"),
    [
        ("I got 244", None, 244, True),  # their own result
        ("is 240 good for IM?", None, 240, False),  # asked about: context while no real one is known
        ("is 240 good for IM?", KNOWN, 251, True),  # ... and never over a stated one
        ("actually I got 247", KNOWN, 247, True),  # a new result replaces the old
        ("hoping for 255, enough for derm?", None, None, False),  # hoped for: no score at all
        ("my friend got 260 and matched derm", None, None, False),  # someone else's
        ("my husband got 250, is that good for EM?", None, None, False),  # someone else's, asked about
        ("I got a 190 back in 2008, pass mark was lower then", None, None, False),  # older rules
    ],
)
def test_whose_score_is_kept(
    knowledge: Knowledge, text: str, before: Profile | None, score: int | None, own: bool
) -> None:
    after = kept(knowledge, text, before)
    assert (after.score, after.about.score_own) == (score, own)


def test_a_message_that_says_nothing_new_returns_the_same_profile(knowledge: Knowledge) -> None:
    assert kept(knowledge, "how should I study?", KNOWN) is KNOWN


def test_who_they_are_and_their_exam_date_are_kept(knowledge: Knowledge) -> None:
    after = kept(knowledge, "I'm an IMG, my exam is on march 3")
    assert after.about.school == "img" and after.about.exam_date == "2027-03-03"


def test_interests_are_newest_first_and_capped(knowledge: Knowledge) -> None:
    profile = Profile(1)
    for text in ("avg derm", "avg psych", "avg peds", "avg ortho", "avg ent", "avg neuro"):
        profile = kept(knowledge, text, profile)
    assert len(profile.specialties) == MAX_INTERESTS and profile.specialties[0] == "neurology"
