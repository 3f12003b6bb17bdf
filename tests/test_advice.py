"""Replies: sourced numbers, averages framed as averages, next steps whatever the score."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bot.advice import advise
from bot.profiles import Profile
from bot.render import plain_text
from bot.understand import Parsed
from knowledge import Knowledge
from knowledge.models import Specialty

CITATION = "OnlineMedEd, May 2025, year and population not stated"
"""How replies label the seed's figures: the article's summary, never "matched applicants"."""
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
    figures = knowledge.specialties[specialty].figures
    for figure in figures if len(figures) > 1 else ():  # every figure we hold, each with its label
        assert f"{figure.value}: {knowledge.label(figure)}" in text
    if len(figures) == 1:
        assert f"about {average}.\n" in text and f"Source: {knowledge.label(figures[0])}." in text


def with_specialty(knowledge: Knowledge, record: dict[str, object]) -> Knowledge:
    """The real knowledge plus (or with a replaced) specialty built from `record`."""
    spec = Specialty.model_validate(record)
    return replace(knowledge, specialties={**knowledge.specialties, spec.id: spec})


PAIRED = {
    "id": "dermatology",
    "name": "Dermatology",
    "short_name": "Derm",
    "aliases": ["derm"],
    "figures": [
        {"value": 257, "source": "onlinemeded-2025", "as_of": "2025-05-01"},
        {
            "value": 258,
            "unmatched": 244,
            "source": "ama-step2-decoded-2025",
            "as_of": "2025-06-25",
            "year": 2024,
            "population": "U.S. MD seniors",
        },
    ],
}
"""A specialty whose second source gives matched and unmatched means (made up for the test)."""


def test_average_and_score_check_show_matched_and_unmatched_where_a_source_gives_both(knowledge: Knowledge) -> None:
    kb = with_specialty(knowledge, PAIRED)
    label = "AMA, June 2025: U.S. MD seniors, 2024 data"
    for parsed in (Parsed("average", specialties=("dermatology",)), Parsed("score_check", 250, ("dermatology",))):
        text = reply_text(parsed, kb)
        assert f"258 for those who matched, 244 for those who didn't: {label}" in text
        assert f"257: {CITATION}" in text or f"Source: {CITATION}" in text


def test_a_score_check_lists_the_other_labelled_figures(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("score_check", score=248, specialties=("orthopedic-surgery",)), knowledge)
    assert "8 points below the Orthopedic Surgery average of 256" in text and f"Source: {CITATION}" in text
    second = knowledge.specialties["orthopedic-surgery"].figures[1]
    assert f"More figures for Orthopedic Surgery, to read your 248 against:\n• 257: {knowledge.label(second)}" in text
    assert "matched U.S. MD seniors, 2024 data" in text


def test_figures_from_different_sources_are_never_set_side_by_side_unlabelled(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("compare", specialties=("dermatology", "anesthesiology")), knowledge)
    assert "Dermatology: 257 [1]" in text and "Anesthesiology: 250 [2]" in text
    assert f"[1] {CITATION}" in text
    assert f"[2] {knowledge.label(knowledge.specialties['anesthesiology'].primary)}" in text
    same = reply_text(Parsed("compare", specialties=("dermatology", "psychiatry")), knowledge)
    assert "[1]" not in same and f"Source: {CITATION}" in same


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
        allowed = {score, abs(score - spec.average_step2)}
        for figure in spec.figures:
            allowed |= {figure.value, figure.unmatched or 0} | numbers(knowledge.label(figure))
        for source in spec.match_sources:  # how it matches, cited (urology: "the 2025 Urology Match")
            allowed |= numbers(knowledge.cite(source))
        if score < pass_mark:
            for fact in (knowledge.facts["step2-passing-score"], knowledge.facts["step2-passing-score-2022"]):
                allowed |= {fact.value or 0, fact.as_of.day, fact.as_of.year} | numbers(knowledge.cite(fact.source))
        assert numbers(text) <= allowed, (spec.id, numbers(text) - allowed)


DEPENDS_ON_DATE = (
    "whether it passes depends on your exam date. The pass mark is 218 for exams taken from July 1, 2025, "
    "and it was 214 before that. When did you sit it?"
)
UNDER_BOTH = "it's under the pass mark for recent exam dates: 218 for exams from July 1, 2025, and 214 before that."


@pytest.mark.parametrize(
    ("score", "note"),
    [(205, UNDER_BOTH), (213, UNDER_BOTH), (214, DEPENDS_ON_DATE), (217, DEPENDS_ON_DATE), (218, None), (240, None)],
)
def test_a_score_under_the_pass_mark_asks_the_exam_date_and_offers_retakes(
    knowledge: Knowledge, score: int, note: str | None
) -> None:
    assert knowledge.facts["step2-passing-score"].value == 218
    assert knowledge.facts["step2-passing-score-2022"].value == 214
    for parsed in (Parsed("score_check", score=score, specialties=("pediatrics",)), Parsed("score_fit", score=score)):
        reply = advise(parsed, Profile(1), knowledge)
        text = plain_text(reply.html)
        warned = note is not None
        assert (f"If {score} is your Step 2 CK result, {note}" in text) is warned
        assert ("a retake is possible if you have attempts left" in text) is warned
        assert ("Source: USMLE, Scores and Transcripts;" in text) is warned
        assert "((" not in text and "))" not in text  # citations never nest brackets
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
    assert "EM 246" in at_or_above and "Child Neuro 246" in at_or_above  # 25 specialties now
    assert "FM 241" not in at_or_above and "… and 5 more" in at_or_above  # nearest first; the rest a tap away
    assert "Gen Surg 247" in rest.split("Further above")[0]
    assert "Radiology 253" in rest.split("Further above")[1] and "Derm 257" not in text


def test_score_fit_never_hides_a_specialty_the_student_asked_about(knowledge: Knowledge) -> None:
    reply = advise(Parsed("score_fit", score=246), Profile(1, specialties=("dermatology",)), knowledge)
    assert "Derm 257" in plain_text(reply.html) and "/specialties" in [b.action for r in reply.buttons for b in r]


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
    assert f"Dermatology average is about 257 ({CITATION}); 257 (" in text


def test_overall_and_specialty_figures_each_keep_their_label(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("faq", topic="overall_average", specialties=("psychiatry",)), knowledge)
    assert "U.S. MD seniors who matched in the 2024 Main Residency Match averaged 250" in text
    assert f"Psychiatry average is about 242 ({CITATION})" in text
    assert "matched applicants" not in text.lower()


@pytest.mark.parametrize("bad", [320, 0, 999])
def test_invalid_score_explains_the_scale(knowledge: Knowledge, bad: int) -> None:
    text = reply_text(Parsed("invalid_score", bad_score=bad), knowledge)
    assert f"{bad} can't be a Step 2 CK score" in text
    assert "300" in text


def test_specialty_without_a_figure_is_said_honestly(knowledge: Knowledge) -> None:
    reply = advise(Parsed("average", other_specialty="nuclear-medicine"), Profile(1), knowledge)
    text = plain_text(reply.html)
    assert "don't have a sourced average for Nuclear Medicine" in text
    assert "PM&R" in text and "PM&amp;R" in reply.html  # names from the store are escaped too


def test_urology_says_it_has_its_own_early_match(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("average", specialties=("urology",)), knowledge)
    assert "Society of Academic Urologists, separate from the NRMP Main Match" in text
    assert "not in the NRMP Main Match" in text  # the blog figure keeps its doubt in its label


def test_ophthalmology_says_it_matches_through_sf_match(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("average", specialties=("ophthalmology",)), knowledge)
    assert "matches through the SF Match" in text and "AMA, on early match programs" in text
    assert "258 for those who matched, 245 for those who didn't" in text


@pytest.mark.parametrize("score", [240, 258, 266])
def test_every_stored_unmatched_mean_is_shown_beside_its_matched_one(knowledge: Knowledge, score: int) -> None:
    paired = [(s, f) for s in knowledge.specialties.values() for f in s.figures if f.unmatched is not None]
    assert paired  # the real store holds at least one source that gives both
    for spec, figure in paired:
        text = reply_text(Parsed("score_check", score, (spec.id,)), knowledge)
        line = (
            f"{figure.value} for those who matched, {figure.unmatched} for those who didn't: {knowledge.label(figure)}"
        )
        assert line in text, spec.id


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


def test_a_practice_score_beside_a_specialty_shows_that_average_with_its_source(knowledge: Knowledge) -> None:
    from bot.understand import PracticeResult

    parsed = Parsed(
        "practice_score",
        practice_score=238,
        practice=(PracticeResult(exam="nbme", form="12", score=238),),
        specialties=("emergency-medicine",),
    )
    text = reply_text(parsed, knowledge)
    assert "NBME 12 238" in text and "Emergency Medicine: average 246" in text and CITATION in text
    assert "not a cut-off" in text
