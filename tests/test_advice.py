"""Replies: sourced numbers, averages framed as averages, next steps whatever the score."""

from __future__ import annotations

import re

import pytest

from bot.advice import advise
from bot.profiles import Profile
from bot.render import plain_text
from bot.understand import Parsed
from knowledge import Knowledge

CITATION = "OnlineMedEd, May 2025, based on recent NRMP data"
DISCOURAGING = ("no chance", "impossible", "give up", "won't match", "too low", "guarantee", "you will match")


def reply_text(parsed: Parsed, knowledge: Knowledge, profile: Profile | None = None) -> str:
    return plain_text(advise(parsed, profile or Profile(1), knowledge).html)


def numbers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"(?<![\w.])\d+(?![\w.])", text)}


@pytest.mark.parametrize(
    ("specialty", "average"),
    [("dermatology", 257), ("orthopedic-surgery", 256), ("radiology", 253), ("family-medicine", 241)],
)
def test_average_gives_number_source_date_and_not_a_minimum(knowledge: Knowledge, specialty: str, average: int) -> None:
    text = reply_text(Parsed("average", specialties=(specialty,)), knowledge)
    assert str(average) in text
    assert CITATION in text and "May 2025" in text
    assert "not a minimum" in text


@pytest.mark.parametrize(
    ("score", "specialty", "expect"),
    [
        (260, "orthopedic-surgery", "4 points above"),
        (257, "dermatology", "right at"),
        (254, "dermatology", "3 points below"),
        (252, "dermatology", "within reach"),
        (230, "dermatology", "27 points below"),
        (242, "psychiatry", "right at"),
        (243, "family-medicine", "2 points above"),
    ],
)
def test_score_check_states_the_difference_and_always_a_next_step(
    knowledge: Knowledge, score: int, specialty: str, expect: str
) -> None:
    text = reply_text(Parsed("score_check", score=score, specialties=(specialty,)), knowledge)
    assert expect in text
    assert "Next:" in text
    assert CITATION in text
    assert not any(word in text.lower() for word in DISCOURAGING)


@pytest.mark.parametrize("score", [205, 231, 248, 257, 270])
def test_every_number_in_a_score_check_comes_from_the_store_or_the_student(knowledge: Knowledge, score: int) -> None:
    pass_mark = knowledge.facts["step2-passing-score"].value
    assert pass_mark is not None
    for spec in knowledge.specialties.values():
        text = reply_text(Parsed("score_check", score=score, specialties=(spec.id,)), knowledge)
        allowed = {score, spec.average_step2, abs(score - spec.average_step2), spec.as_of.year}
        if score < pass_mark:
            allowed |= {pass_mark, knowledge.facts["step2-passing-score"].as_of.year}
        assert numbers(text) <= allowed, (spec.id, numbers(text) - allowed)


@pytest.mark.parametrize(("below", "warned"), [(13, True), (1, True), (0, False), (-22, False)])
def test_a_score_under_the_pass_mark_is_said_kindly_with_retakes(
    knowledge: Knowledge, below: int, warned: bool
) -> None:
    fact = knowledge.facts["step2-passing-score"]
    assert fact.value is not None
    score = fact.value - below
    for parsed in (Parsed("score_check", score=score, specialties=("pediatrics",)), Parsed("score_fit", score=score)):
        reply = advise(parsed, Profile(1), knowledge)
        text = plain_text(reply.html)
        note = f"under {fact.value}, the passing mark reported for exams since {fact.as_of:%B %Y}"
        assert (note in text) is warned
        assert ("/faq retakes" in [b.action for row in reply.buttons for b in row]) is warned
        assert not any(word in text.lower() for word in DISCOURAGING)


def test_score_fit_below_every_average_still_gives_a_next_step(knowledge: Knowledge) -> None:
    reply = advise(Parsed("score_fit", score=235), Profile(1), knowledge)
    assert "Next: name the field you're weighing" in plain_text(reply.html)
    assert "/faq low_score" in [b.action for row in reply.buttons for b in row]


def test_follow_up_uses_the_remembered_score(knowledge: Knowledge) -> None:
    profile = Profile(1, score=250, specialties=("dermatology",))
    text = reply_text(Parsed("average", specialties=("psychiatry",)), knowledge, profile)
    assert "Your 250 (from earlier) is 8 points above" in text
    assert "Psychiatry" in text


def test_score_fit_groups_specialties_by_the_score(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("score_fit", score=246), knowledge)
    at_or_above, rest = text.split("Within 5 points")
    assert "EM 246" in at_or_above and "FM 241" in at_or_above
    assert "Gen Surg 247" in rest.split("Further above")[0]
    assert "Derm 257" in rest.split("Further above")[1]


def test_compare_lists_highest_first_with_the_spread(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("compare", specialties=("psychiatry", "dermatology", "pediatrics")), knowledge)
    assert text.index("Dermatology") < text.index("Pediatrics") < text.index("Psychiatry")
    assert "15 points spread" in text


def test_compare_with_a_score_shows_each_difference(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("compare", score=250, specialties=("dermatology", "psychiatry")), knowledge)
    assert "your 250: -7" in text and "your 250: +8" in text


def test_faq_answer_has_sources_and_related_buttons(knowledge: Knowledge) -> None:
    reply = advise(Parsed("faq", topic="img"), Profile(1), knowledge)
    entry = knowledge.faq["img"]
    assert entry.title in plain_text(reply.html)
    assert "Sources:" in reply.html
    actions = [b.action for row in reply.buttons for b in row]
    assert actions == [f"/faq {t}" for t in entry.related]


def test_faq_with_a_specialty_adds_its_average(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("faq", topic="img", specialties=("dermatology",)), knowledge)
    assert "Dermatology average is about 257" in text


@pytest.mark.parametrize("bad", [320, 0, 999])
def test_invalid_score_explains_the_scale(knowledge: Knowledge, bad: int) -> None:
    text = reply_text(Parsed("invalid_score", bad_score=bad), knowledge)
    assert f"{bad} can't be a Step 2 CK score" in text
    assert "300" in text


def test_specialty_without_a_figure_is_said_honestly(knowledge: Knowledge) -> None:
    reply = advise(Parsed("average", other_specialty="urology"), Profile(1), knowledge)
    text = plain_text(reply.html)
    assert "don't have a sourced average for Urology" in text
    assert "PM&R" in text and "PM&amp;R" in reply.html  # names from the store are escaped too


@pytest.mark.parametrize("intent", ["greeting", "help"])
def test_greeting_and_help_show_examples_and_a_menu(knowledge: Knowledge, intent: str) -> None:
    reply = advise(Parsed(intent), Profile(1), knowledge)  # type: ignore[arg-type]
    assert "248 good enough for ortho?" in plain_text(reply.html)
    assert any(b.action == "/specialties" for row in reply.buttons for b in row)


def test_not_understood_is_at_most_four_lines_with_things_to_try(knowledge: Knowledge) -> None:
    reply = advise(Parsed("unknown"), Profile(1), knowledge)
    text = plain_text(reply.html)
    assert len(text.splitlines()) <= 4 and text.count("“") == 3
    assert any(b.action == "/specialties" for row in reply.buttons for b in row)


@pytest.mark.parametrize(
    "parsed",
    [
        Parsed("unknown", practice_score=240),
        Parsed("average", specialties=("emergency-medicine",), practice_score=240),
        Parsed("compare", specialties=("dermatology", "psychiatry"), practice_score=240),
    ],
    ids=["alone", "with-a-specialty", "with-a-comparison"],
)
def test_a_practice_score_is_named_as_such_never_compared(knowledge: Knowledge, parsed: Parsed) -> None:
    text = reply_text(parsed, knowledge)
    assert "240 sounds like a practice-test (or Step 1) score" in text
    assert "say “predicted 240”" in text
    assert "Your 240" not in text and "your 240" not in text
