"""bot/answer_bank.py: the most specific answer for a question, for this student, else the topic's."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from bot.answer_bank import band_of, best_answer, fits, for_someone_else
from bot.conversation import Advisor
from bot.profiles import ProfileStore
from bot.render import plain_text
from knowledge import Knowledge
from knowledge.models import Answer

NOW = dt.datetime(2026, 11, 25, 14, 0, tzinfo=dt.UTC)

ANSWERS = [
    Answer(
        id="rerank-after-interviews",
        topic="program_directors",
        question="Do programs re-rank on Step 2 CK after interviews?",
        answer="Some weigh it again when they build the rank list; ask each program how it ranks.",
        short="Some programs weigh it again when they rank.",
        sources=["nrmp-pd-survey"],
        stages=["interviewing"],
        asks=[
            "do programs rerank after interviews based on step 2",
            "does my ck score matter for the rank list after the interview",
            "will a pd look at my step 2 again when ranking",
            "do they use step 2 to rank applicants post interview",
            "after interviews does the score still count for ranking",
        ],
    ),
    Answer(
        id="img-visa-and-score",
        topic="img",
        question="Does a visa change how my Step 2 CK score is read?",
        answer="Programs that sponsor visas read the score as they read anyone's.",
        short="The score is read the same way.",
        sources=["nrmp-ecfmg-verification"],
        audiences=["img"],
        asks=[
            "as a visa applicant do i need a higher step 2",
            "does needing a visa change what step 2 score i need",
            "img needing h1b what ck score",
            "visa sponsorship and step 2 score",
            "do i need a higher score if i need a visa",
        ],
    ),
]


@pytest.fixture
def bank(knowledge: Knowledge) -> Knowledge:
    return replace(knowledge, answers={a.id: a for a in ANSWERS})


@pytest.mark.parametrize(
    ("text", "topic", "stage", "school", "expect"),
    [
        # A fresh wording of one of its ways of asking, in its topic; never an answer filed under another.
        (
            "do programs re rank applicants on step 2 after the interview?",
            "program_directors",
            None,
            None,
            "rerank-after-interviews",
        ),
        (
            "do programs re rank applicants on step 2 after the interview?",
            "timing",
            None,
            None,
            None,
        ),
        ("does needing a visa change the step 2 score i need?", "img", None, "img", "img-visa-and-score"),
        # Not for this student: another school, another stage.
        ("does needing a visa change the step 2 score i need?", "img", None, "do", None),
        (
            "do programs re rank applicants on step 2 after the interview?",
            "program_directors",
            "preclinical",
            None,
            None,
        ),
        # Nothing in common: the topic's own answer.
        ("how long is the exam day", "exam_format", None, None, None),
        ("", "img", None, None, None),
    ],
)
def test_the_most_specific_answer_that_fits(
    bank: Knowledge, text: str, topic: str, stage: str | None, school: str | None, expect: str | None
) -> None:
    found = best_answer(text, topic, bank, stage, school)  # type: ignore[arg-type]
    assert (found.id if found else None) == expect


def test_a_question_gets_its_specific_answer_and_the_topic_behind_a_button(bank: Knowledge, tmp_path: Path) -> None:
    advisor = Advisor(bank, ProfileStore.in_dir(tmp_path), now=lambda: NOW)
    turn = advisor.handle(1, "do programs look at step 2 again when they make their rank list?")  # stage: interviewing
    shown = plain_text(turn.reply.html)
    assert shown.startswith("Do programs re-rank on Step 2 CK after interviews?")
    assert "Sources: " in shown
    [[more]] = turn.reply.buttons
    assert more.action == "/faq program_directors"
    pressed = plain_text(advisor.press(1, more.action).reply.html)
    assert pressed.startswith(bank.faq["program_directors"].title)


def test_a_specific_answer_has_its_own_button_command(bank: Knowledge, tmp_path: Path) -> None:
    advisor = Advisor(bank, ProfileStore.in_dir(tmp_path), now=lambda: NOW)
    shown = plain_text(advisor.press(1, "/faq img-visa-and-score").reply.html)
    assert shown.startswith("Does a visa change how my Step 2 CK score is read?")


def test_a_long_posts_own_question_finds_its_answer_through_the_story(knowledge: Knowledge) -> None:
    story = (
        "My passport name and my scheduling permit name were different by a middle initial, so I fixed my ID and got "
        "the permit name changed, and now the ID name matches the permit exactly."
    )
    post = f"{story} Separate thing: can I leave the room for the bathroom during a block?"
    found = best_answer(post, "exam_day", knowledge)
    assert found is not None and found.id == "leave-room-during-block"  # the whole post alone matches nothing clearly


def test_a_two_sentence_message_is_matched_through_its_question(knowledge: Knowledge) -> None:
    post = "Failed CK once and passed it the second time this spring. What do I put about the failed attempt in ERAS?"
    found = best_answer(post, "after_fail", knowledge, "retaking")
    assert found is not None and found.id == "af-explain-in-eras"  # the story alone matches no answer clearly


def test_of_a_long_posts_questions_the_closest_match_wins_not_the_first(knowledge: Knowledge) -> None:
    story = "Long week: rotations ran late, I barely slept, and my practice scores bounce around, so bear with me."
    side, main = "Quick one first, can I bring pills in?", "But mostly: what if im sick on test day?"
    found = best_answer(f"{story} {side} {main}", "exam_day", knowledge)
    assert found is not None and found.id == "exam-day-sick"


def test_a_scored_step1_worry_inside_a_chatty_post_gets_the_offset_answer(knowledge: Knowledge) -> None:
    post = (
        "long story, sorry: my step 1 was scored back in 2021 and it was low, and I'm studying for ck now with "
        "nbme 12 at 244. does my step 1 score still matter if ck comes back strong, or am I overthinking it?"
    )
    found = best_answer(post, "step1_vs_step2", knowledge, "studying")
    assert found is not None and found.id == "s1s2-offset-low-step1"


@pytest.mark.parametrize(
    ("stages", "stage", "fit"),
    [
        ((), None, True),
        (("interviewing",), None, True),  # stage unknown: most answers still fit
        (("incoming_resident",), None, False),  # only for residents-to-be: their stage must be said
        (("incoming_resident", "retaking"), None, False),
        (("incoming_resident",), "incoming_resident", True),
        (("incoming_resident",), "studying", False),
    ],
)
def test_an_answer_for_a_turning_point_needs_that_stage_said(
    stages: tuple[str, ...], stage: str | None, fit: bool
) -> None:
    answer = ANSWERS[0].model_copy(update={"stages": list(stages)})
    assert fits(answer, stage, None) is fit  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("stages", "audiences", "stage", "school", "other"),
    [
        (("incoming_resident",), (), None, None, True),  # a matched student's answer, to one who never said so
        (("incoming_resident",), (), "incoming_resident", None, False),
        (("retaking",), (), None, None, False),  # "if I do fail, how many attempts?" is anyone's question
        (("applying", "interviewing"), (), "has_score", None, False),  # a long post's stage is read from few words
        ((), ("img",), None, "us_md", True),  # an IMG's answer to a US MD
        ((), ("img",), None, None, False),
    ],
)
def test_a_long_posts_other_questions_leave_out_answers_for_someone_else(
    stages: tuple[str, ...], audiences: tuple[str, ...], stage: str | None, school: str | None, other: bool
) -> None:
    answer = ANSWERS[0].model_copy(update={"stages": list(stages), "audiences": list(audiences)})
    assert for_someone_else(answer, stage, school) is other  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("score", "average", "band"),
    [(271, 250, "above"), (253, 250, "at"), (247, 250, "at"), (246, 250, "below"), (254, 250, "above")],
)
def test_a_score_sits_below_at_or_above_an_average(score: int, average: int, band: str) -> None:
    assert band_of(score, average) == band


@pytest.mark.parametrize(
    ("bands", "band", "fit"),
    [
        (("below", "at"), "above", False),  # "...with an average Step 2?" is no 271's question
        (("below", "at"), "at", True),
        (("above",), None, True),  # no score, or no field: any answer fits
        ((), "above", True),
    ],
)
def test_an_answer_written_for_a_band_of_scores_fits_only_it(
    bands: tuple[str, ...], band: str | None, fit: bool
) -> None:
    answer = ANSWERS[0].model_copy(update={"score_bands": list(bands)})
    assert fits(answer, None, None, band) is fit  # type: ignore[arg-type]


def test_an_answer_for_those_waiting_on_a_score_is_not_offered_before_the_exam(knowledge: Knowledge) -> None:
    waiting_only = next(a for a in knowledge.answers.values() if set(a.stages) == {"waiting"})
    assert for_someone_else(waiting_only, "studying", None)
    assert not for_someone_else(waiting_only, "waiting", None) and not for_someone_else(waiting_only, None, None)
