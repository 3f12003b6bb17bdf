"""bot.plans.aims: the goal score and weak areas a student says with a plan request."""

from __future__ import annotations

import pytest

from bot.plans.aims import aims_said, goal_in, weak_areas_in


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("make me a plan, ck march 3, aiming for 250", 250),
        ("goal 245+ by the end of dedicated", 245),
        ("my target score is 255 for derm", 255),
        ("hoping to break 260", 260),
        ("260 is my goal", 260),
        ("i want a 248 on step 2", 248),
        # not a goal: a count, a practice result, an out-of-range number, nothing at all
        ("i need 240 days to feel ready lol", None),
        ("nbme 11 was 238, make me a plan", None),
        ("aiming for 400 questions a week", None),
        ("plan please, exam in 6 weeks", None),
        # the goal said after a practice result, with a comma or a colon between
        ("nbme 230, goal 250", 250),
        ("scored 231. goal: 250", 250),
        ("uwsa2 241 goal is 255", 255),
        # a count of questions, someone else's goal, a goal waved away
        ("study plan please. i need 240 more questions to finish uworld", None),
        ("my friend is aiming for 260", None),
        ("not aiming for 260, just want to pass", None),
    ],
)
def test_the_goal_is_a_score_said_beside_a_goal_word(text: str, goal: int | None) -> None:
    assert goal_in(text) == goal


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("exam in 6 weeks, weak in obgyn and psych", ("OB/GYN", "psychiatry")),
        ("my weakest areas are cardio, renal and biostats", ("cardiology", "renal", "biostats")),
        ("peds is my weakest", ("pediatrics",)),
        ("struggling with ob/gyn", ("OB/GYN",)),
        ("weak in emergency medicine n surgery", ("emergency medicine", "surgery")),
        # a subject named without weakness, or a weakness in something that is not a subject
        ("i want peds, make me a plan", ()),
        ("bad at time management tbh", ()),
        ("weak in general", ()),
        # a list ends at its clause: the next clause's first word is no subject
        ("make me a plan, weak in renal, im hoping for 250", ("renal",)),
        ("weak in surgery, medicine is fine", ("surgery",)),
        ("weak in peds id say", ("pediatrics",)),
        ("weak areas: heme/onc and id", ("heme/onc", "infectious disease")),
        # not theirs, or not weak
        ("not weak in peds, but bad at surgery", ("surgery",)),
        ("my friend is weak in psych", ()),
    ],
)
def test_weak_areas_are_subjects_said_after_a_weakness(text: str, areas: tuple[str, ...]) -> None:
    assert weak_areas_in(text) == areas


def test_what_was_heard_is_said_back_and_nothing_when_nothing_was() -> None:
    said = aims_said(250, ("OB/GYN",))
    assert "250" in said and "OB/GYN" in said
    assert aims_said(None, ()) == ""
