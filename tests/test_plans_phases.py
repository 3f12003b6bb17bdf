"""bot.plans.phases: study weekdays, phases sized by the runway, self-assessments on study days, the streak."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest

from bot.plans.phases import Phase, build_phases, focus_for, self_assessment_days, streak, study_weekdays
from tests.plan_helpers import TODAY, make_plan


@pytest.mark.parametrize(
    ("days", "weekdays"),
    [
        (7, {0, 1, 2, 3, 4, 5, 6}),
        (6, {0, 1, 2, 3, 4, 5}),
        (5, {0, 1, 2, 3, 4}),
        (4, {0, 1, 3, 4}),
        (3, {0, 2, 4}),
        (2, {2, 5}),
        (1, {5}),
    ],
)
def test_study_weekdays(days: int, weekdays: set[int]) -> None:
    assert study_weekdays(make_plan(study_days=days)) == weekdays


@pytest.mark.parametrize("days_left", [365, 200, 84, 70, 56, 42, 35, 28, 15, 14, 13, 8, 7, 4, 3, 2])
def test_phases_are_dated_contiguous_and_end_with_rest(days_left: int) -> None:
    exam = TODAY + timedelta(days=days_left)
    phases = build_phases(exam, TODAY)
    assert phases[0].start == TODAY
    for before, after in pairwise(phases):
        assert after.start == before.end + timedelta(days=1)
    for p in phases:
        assert p.start <= p.end and p.focus
        assert all(p.start <= c <= p.end for c in p.checkpoints)
    assert phases[-1] == Phase("Rest", exam - timedelta(days=1), exam - timedelta(days=1), phases[-1].focus)
    checkpoints = [c for p in phases for c in p.checkpoints]
    assert checkpoints == sorted(set(checkpoints))
    assert all(TODAY < c < exam - timedelta(days=1) for c in checkpoints)


def test_long_runway_has_content_review_then_question_bank() -> None:
    phases = build_phases(TODAY + timedelta(days=365), TODAY)
    assert [p.name for p in phases] == ["Content review", "Question bank", "Final review", "Rest"]
    lengths = {p.name: (p.end - p.start).days + 1 for p in phases}
    assert lengths["Final review"] == 14 and lengths["Question bank"] == 56
    # A baseline right away, then every 1-2 weeks from the question-bank phase on.
    checkpoints = [c for p in phases for c in p.checkpoints]
    assert checkpoints[0] == TODAY + timedelta(days=1)
    gaps = [(b - a).days for a, b in pairwise(checkpoints[1:])]
    assert gaps and all(g in (7, 14) for g in gaps)
    assert checkpoints[-1] == phases[-1].end - timedelta(days=6)  # a week before the exam


def test_six_weeks_is_review_plus_bank_then_final_review() -> None:
    exam = TODAY + timedelta(weeks=6)
    phases = build_phases(exam, TODAY)
    assert [p.name for p in phases] == ["Content review + QBank", "Final review", "Rest"]
    main, final = phases[0], phases[1]
    assert (main.end - main.start) > (final.end - final.start)  # the biggest share
    assert 7 <= (final.end - final.start).days + 1 <= 14
    checkpoints = [c for p in phases for c in p.checkpoints]
    assert checkpoints == [exam - timedelta(days=d) for d in (28, 21, 14, 7)]


@pytest.mark.parametrize("days_left", [13, 10, 8, 6, 4])
def test_under_two_weeks_is_a_triage_plan_with_one_self_assessment(days_left: int) -> None:
    exam = TODAY + timedelta(days=days_left)
    phases = build_phases(exam, TODAY)
    assert phases[0].name.startswith("Triage")
    assert "weakest" in phases[0].focus
    assert len([c for p in phases for c in p.checkpoints]) == 1
    assert phases[-1].name == "Rest" and phases[-1].start == exam - timedelta(days=1)


def test_tiny_runways() -> None:
    assert [p.name for p in build_phases(TODAY + timedelta(days=1), TODAY)] == ["Rest"]
    two = build_phases(TODAY + timedelta(days=2), TODAY)
    assert [p.name for p in two] == ["Triage: questions first", "Rest"]
    assert not two[0].checkpoints  # a full practice test would eat the only study day
    assert build_phases(TODAY, TODAY) == []
    assert build_phases(TODAY - timedelta(days=3), TODAY) == []


def test_focus_for_days() -> None:
    plan = make_plan()
    eve = plan.exam_date - timedelta(days=1)
    assert focus_for(plan, TODAY).startswith("Content review + QBank")
    assert focus_for(plan, plan.exam_date - timedelta(days=5)).startswith("Final review")
    assert focus_for(plan, eve).startswith("Rest")
    assert focus_for(plan, plan.exam_date).startswith("Exam day")
    assert focus_for(plan, TODAY + timedelta(days=5)).startswith("Rest day")  # a Saturday
    sa = self_assessment_days(plan)
    assert sa and focus_for(plan, sa[0]).startswith("Self-assessment day")


def test_self_assessments_move_onto_study_days() -> None:
    # 13 days out the triage self-assessment falls on a Sunday; weekdays-only moves it.
    plan = make_plan(exam_date=TODAY + timedelta(days=13))
    checkpoints = [c for p in build_phases(plan.exam_date, TODAY) for c in p.checkpoints]
    assert checkpoints[0].weekday() == 6
    moved = self_assessment_days(plan)
    assert len(moved) == 1 and moved[0].weekday() in study_weekdays(plan)


def test_streak_counts_study_days_and_skips_rest_days() -> None:
    # Weekdays plan: Thu 15, Fri 16, (weekend off), Mon 19 logged.
    plan = make_plan(done_log={"2026-01-15": 20, "2026-01-16": 0, "2026-01-19": 40})
    assert streak(plan, date(2026, 1, 19)) == 3
    assert streak(plan, date(2026, 1, 20)) == 3  # today not logged yet doesn't break it
    assert streak(plan, date(2026, 1, 21)) == 0  # Tuesday was missed
    gap = make_plan(done_log={"2026-01-13": 10, "2026-01-15": 10})
    assert streak(gap, date(2026, 1, 15)) == 1  # Wednesday missed breaks it
    assert streak(make_plan(), TODAY) == 0
