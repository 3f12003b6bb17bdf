"""The FAQ topics, named once: by the records of knowledge/data/faq.json.

The examples' labels and the model's topics are checked against that file (`knowledge.corpus`,
`knowledge check`). Code that must name a topic (a button, a reroute after a fail) names it
through the constants below, each checked against the file when this module loads, so a topic
renamed or dropped in the data fails at once, not on a student's button.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

FAQ_FILE = Path(__file__).parent / "data" / "faq.json"


@cache
def shipped_topics() -> tuple[str, ...]:
    """The topics of the shipped faq.json, in file order: the labels examples and the model use."""
    records = json.loads(FAQ_FILE.read_text(encoding="utf-8"))["faq"].values()
    return tuple(str(record["topic"]) for record in records)


def _named(topic: str) -> str:
    if topic not in shipped_topics():
        raise LookupError(f"the code names FAQ topic {topic!r}, which {FAQ_FILE.name} has no record for")
    return topic


ACCOMMODATIONS = _named("accommodations")
AFTER_FAIL = _named("after_fail")
BEYOND_SCORES = _named("beyond_scores")
DIFFICULTY = _named("difficulty")
DO_STUDENTS = _named("do_students")
DO_WITHOUT_USMLE = _named("do_without_usmle")
EARLY_MATCH = _named("early_match")
ECFMG_CERTIFICATION = _named("ecfmg_certification")
EXAM_DAY = _named("exam_day")
EXAM_FORMAT = _named("exam_format")
GOOD_SCORE = _named("good_score")
IMG = _named("img")
LOW_SCORE = _named("low_score")
MATCH_RATES = _named("match_rates")
SIGNALS = _named("signals_geography")
MATCH_WITH_AVERAGE = _named("match_with_average")
OVERALL_AVERAGE = _named("overall_average")
PASSING_SCORE = _named("passing_score")
PENDING_SCORE = _named("pending_score")
PERCENTILES = _named("percentiles")
PRACTICE_TESTS = _named("practice_tests")
PROGRAM_DIRECTORS = _named("program_directors")
RESIDENCYCAS = _named("residencycas")
RETAKES = _named("retakes")
SCORE_BEFORE_INTERVIEW = _named("score_before_interview")
SCORE_RECHECK = _named("score_recheck")
SCORE_RELEASE = _named("score_release")
STEP1_PASS_FAIL = _named("step1_pass_fail")
STEP1_VS_STEP2 = _named("step1_vs_step2")
STEP2_CS = _named("step2_cs")
STUDY_LENGTH = _named("study_length")
STUDY_STRATEGIES = _named("study_strategies")
TAKE_BEFORE_APPLYING = _named("take_before_applying")
TIMING = _named("timing")
USMLE_TIME_LIMITS = _named("usmle_time_limits")
WHY_STEP2_MATTERS = _named("why_step2_matters")

NAMED_IN_CODE = (
    ACCOMMODATIONS,
    AFTER_FAIL,
    BEYOND_SCORES,
    DIFFICULTY,
    DO_STUDENTS,
    DO_WITHOUT_USMLE,
    EARLY_MATCH,
    ECFMG_CERTIFICATION,
    EXAM_DAY,
    EXAM_FORMAT,
    GOOD_SCORE,
    IMG,
    LOW_SCORE,
    MATCH_RATES,
    MATCH_WITH_AVERAGE,
    OVERALL_AVERAGE,
    PASSING_SCORE,
    PENDING_SCORE,
    PERCENTILES,
    PRACTICE_TESTS,
    PROGRAM_DIRECTORS,
    RESIDENCYCAS,
    RETAKES,
    SCORE_BEFORE_INTERVIEW,
    SCORE_RECHECK,
    SCORE_RELEASE,
    STEP1_PASS_FAIL,
    STEP1_VS_STEP2,
    STEP2_CS,
    STUDY_LENGTH,
    STUDY_STRATEGIES,
    TAKE_BEFORE_APPLYING,
    TIMING,
    USMLE_TIME_LIMITS,
    WHY_STEP2_MATTERS,
)
"""Every topic the code names: `knowledge check` fails when a knowledge folder lacks one."""
