"""bot.plans: parsing, phases, DST-correct nudge timing, nudges, progress and controls.

Everything under test is pure, so fixed `today`/`now` values stand in for the clock.
"""

from __future__ import annotations

import ast
import html
import json
import zoneinfo
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, timezone
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import plans
from bot.plans import (
    Phase,
    Plan,
    PlanOutcome,
    build_phases,
    due_day,
    exam_passed,
    farewell_at,
    farewell_for,
    first_nudge_day,
    focus_for,
    next_nudge_at,
    nudge_for,
    occasion,
    pause,
    record_done,
    resume,
    self_assessment_days,
    snooze,
    stop,
    streak,
    study_weekdays,
    summary_html,
    tip_order,
    zone,
)
from bot.reply import Reply
from knowledge import Knowledge
from knowledge.models import Tip
from tests.telegram_html import html_errors

TODAY = date(2026, 1, 12)  # a Monday
NY = zoneinfo.ZoneInfo("America/New_York")
LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0, tz: str = "America/New_York") -> datetime:
    """An aware local datetime (fold=0) in `tz`."""
    return datetime(y, m, d, hh, mm, tzinfo=zone(tz))


def rp(outcome: PlanOutcome) -> tuple[Reply, Plan]:
    """(reply, plan) of a transition that always changes the plan (a nudge, the farewell)."""
    assert outcome.plan is not None
    return outcome.reply, outcome.plan


def pr(before: Plan, outcome: PlanOutcome) -> tuple[Plan, Reply]:
    """(plan as it is afterwards, reply) of a control; `plan` None means unchanged."""
    return outcome.plan or before, outcome.reply


def make_plan(**changes: object) -> Plan:
    """A 6-week, weekdays, 07:00 New York plan created on TODAY, already nudged for TODAY."""
    base = Plan(
        exam_date=TODAY + timedelta(weeks=6),
        study_days=5,
        nudge_time=time(7, 0),
        tz="America/New_York",
        created=TODAY,
        last_nudged=TODAY,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- plan


def test_plan_round_trips_through_json() -> None:
    plan = make_plan(
        practice_score=240,
        target_specialty="dermatology",
        status="paused",
        snoozed_until=datetime(2026, 1, 13, 13, 5, tzinfo=UTC),
        tips_used=["active-1", "plan-1"],
        done_log={"2026-01-12": 40, "2026-01-13": 0},
        nudge_time=time(7, 30),
        tz="UTC+05:30",
    )
    data = json.loads(json.dumps(plan.to_dict()))
    assert Plan.from_dict(data) == plan
    assert Plan.from_dict(make_plan().to_dict()) == make_plan()


def test_plan_from_dict_tolerates_missing_optional_keys() -> None:
    plan = Plan.from_dict(
        {
            "exam_date": "2026-03-03",
            "study_days": 5,
            "nudge_time": "07:00",
            "tz": "Europe/London",
            "created": "2026-01-12",
        }
    )
    assert plan.status == "active" and plan.last_nudged is None and plan.snoozed_until is None
    assert plan.tips_used == [] and plan.done_log == {} and plan.practice_score is None


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


# -------------------------------------------------------------------------- phases


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


def test_summary_html(knowledge: Knowledge) -> None:
    plan = make_plan(target_specialty="physical-medicine-rehabilitation", practice_score=238)
    spec = knowledge.specialties["physical-medicine-rehabilitation"]
    text = summary_html(plan, TODAY, knowledge)
    assert html_errors(text) == []
    assert len(text) <= 4096
    for expected in (
        "42 days left",
        "5 study days/week",
        "07:00",
        "America/New_York",
        "Mon, Feb 23, 2026",
        "Jan 12 – Feb 7",
        "Final review",
        "Rest",
        f"<b>{knowledge.lead(spec.id).value}</b>",  # the figure replies lead with, and its label
        knowledge.label(knowledge.lead(spec.id)),
        "PM&amp;R",
        "an average, not a cut-off",
        "238",
    ):
        assert expected in text
    paused = summary_html(make_plan(status="paused"), TODAY, knowledge)
    assert "/resume" in paused
    assert (
        html_errors(summary_html(make_plan(exam_date=TODAY + timedelta(days=365), study_days=3), TODAY, knowledge))
        == []
    )


# ---------------------------------------------------------------------- scheduling


@pytest.mark.parametrize(
    ("tz", "day", "utc_hour"),
    [
        # New York: EST (UTC-5) until Sun Mar 8 2026, EDT (UTC-4) until Sun Nov 1 2026.
        ("America/New_York", date(2026, 3, 6), 12),
        ("America/New_York", date(2026, 3, 9), 11),
        ("America/New_York", date(2026, 10, 30), 11),
        ("America/New_York", date(2026, 11, 2), 12),
        # London: GMT until Sun Mar 29 2026, BST until Sun Oct 25 2026.
        ("Europe/London", date(2026, 3, 27), 7),
        ("Europe/London", date(2026, 3, 30), 6),
        ("Europe/London", date(2026, 10, 23), 6),
        ("Europe/London", date(2026, 10, 26), 7),
        ("UTC+05:30", date(2026, 3, 9), 1),
    ],
)
def test_seven_local_stays_seven_local_across_dst(tz: str, day: date, utc_hour: int) -> None:
    plan = make_plan(tz=tz, exam_date=date(2026, 12, 30), created=date(2026, 3, 1), last_nudged=day - timedelta(days=1))
    due = next_nudge_at(plan, at(day.year, day.month, day.day, 0, 5, tz))
    assert due is not None and due.tzinfo is not None
    assert due.astimezone(UTC).hour == utc_hour
    local = due.astimezone(zone(tz))
    assert (local.date(), local.time()) == (day, time(7, 0))


@pytest.mark.parametrize(
    ("tz", "day", "wall", "expected_utc", "expected_local"),
    [
        # 02:30 doesn't exist in New York on Mar 8 2026: fire at 03:00 EDT.
        ("America/New_York", date(2026, 3, 8), time(2, 30), datetime(2026, 3, 8, 7, tzinfo=UTC), time(3, 0)),
        # 01:30 doesn't exist in London on Mar 29 2026: fire at 02:00 BST.
        ("Europe/London", date(2026, 3, 29), time(1, 30), datetime(2026, 3, 29, 1, tzinfo=UTC), time(2, 0)),
    ],
)
def test_nonexistent_local_time_fires_right_after_the_gap(
    tz: str, day: date, wall: time, expected_utc: datetime, expected_local: time
) -> None:
    plan = make_plan(
        tz=tz,
        study_days=7,
        nudge_time=wall,
        exam_date=date(2026, 6, 1),
        created=date(2026, 3, 1),
        last_nudged=day - timedelta(days=1),
    )
    due = next_nudge_at(plan, at(day.year, day.month, day.day, 0, 0, tz))
    assert due == expected_utc
    assert due.astimezone(zone(tz)).time() == expected_local
    assert due_day(plan, due) == day
    assert due_day(plan, due - timedelta(seconds=1)) is None


@pytest.mark.parametrize(
    ("tz", "day", "first_utc"),
    [
        ("America/New_York", date(2026, 11, 1), datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),
        ("Europe/London", date(2026, 10, 25), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
    ],
)
def test_ambiguous_local_time_fires_once(tz: str, day: date, first_utc: datetime) -> None:
    plan = make_plan(
        tz=tz,
        study_days=7,
        nudge_time=time(1, 30),
        exam_date=date(2026, 12, 30),
        created=date(2026, 10, 1),
        last_nudged=day - timedelta(days=1),
    )
    due = next_nudge_at(plan, at(day.year, day.month, day.day, 0, 0, tz))
    assert due == first_utc  # the first 01:30
    assert due_day(plan, due) == day
    _, sent = rp(nudge_for(plan, day, _TinyKnowledge.make()))
    second = first_utc + timedelta(hours=1)  # the repeated 01:30
    assert second.astimezone(zone(tz)).time() == time(1, 30)
    assert due_day(sent, second) is None
    nxt = next_nudge_at(sent, second)
    assert nxt is not None and nxt.astimezone(zone(tz)).date() == day + timedelta(days=1)


def test_missed_nudge_is_sent_late_the_same_local_day_only() -> None:
    plan = make_plan(last_nudged=date(2026, 1, 13))  # Tue nudged; the bot was down Wednesday
    wed_afternoon = at(2026, 1, 14, 15, 0)
    assert due_day(plan, wed_afternoon) == date(2026, 1, 14)
    assert next_nudge_at(plan, wed_afternoon) == wed_afternoon
    # Still down until after Wednesday: Thursday gets Thursday's nudge only, on time.
    thu_early = at(2026, 1, 15, 0, 30)
    assert due_day(plan, thu_early) is None
    assert next_nudge_at(plan, thu_early) == at(2026, 1, 15, 7, 0)
    assert due_day(plan, at(2026, 1, 15, 7, 0)) == date(2026, 1, 15)


def test_never_twice_for_the_same_day(knowledge: Knowledge) -> None:
    plan = make_plan(last_nudged=date(2026, 1, 13))
    now = at(2026, 1, 14, 7, 0)
    day = due_day(plan, now)
    assert day == date(2026, 1, 14)
    _, sent = rp(nudge_for(plan, day, knowledge))
    assert sent.last_nudged == day
    for minutes in (0, 1, 60, 16 * 60):
        assert due_day(sent, now + timedelta(minutes=minutes)) is None
    assert next_nudge_at(sent, now) == at(2026, 1, 15, 7, 0)


def test_rest_weekdays_are_skipped_but_the_weekly_summary_comes() -> None:
    plan = make_plan(last_nudged=date(2026, 1, 16))  # Friday sent
    # Sunday, a rest day, is the summary day by default: the summary, not a study nudge.
    assert next_nudge_at(plan, at(2026, 1, 16, 8, 0)) == at(2026, 1, 18, 7, 0)
    assert occasion(plan, date(2026, 1, 18)) == "summary"
    monday_summary = make_plan(last_nudged=date(2026, 1, 16), summary_weekday=0)
    assert next_nudge_at(monday_summary, at(2026, 1, 16, 8, 0)) == at(2026, 1, 19, 7, 0)  # Monday
    assert due_day(plan, at(2026, 1, 17, 9, 0)) is None  # Saturday


def test_snooze_resends_after_the_delay(knowledge: Knowledge) -> None:
    plan = make_plan(last_nudged=date(2026, 1, 13))
    now = at(2026, 1, 14, 7, 0)
    _, sent = rp(nudge_for(plan, due_day(plan, now) or TODAY, knowledge))
    snoozed, reply = pr(sent, snooze(sent, now + timedelta(minutes=5)))
    assert "07:05" not in reply.html and "08:05" in reply.html
    assert due_day(snoozed, at(2026, 1, 14, 8, 4)) is None
    assert next_nudge_at(snoozed, at(2026, 1, 14, 7, 30)) == at(2026, 1, 14, 8, 5)
    assert due_day(snoozed, at(2026, 1, 14, 8, 5)) == date(2026, 1, 14)
    _, again = rp(nudge_for(snoozed, date(2026, 1, 14), knowledge))
    assert again.snoozed_until is None
    assert due_day(again, at(2026, 1, 14, 9, 0)) is None
    assert sent.snoozed_until is None  # the input plan is never modified


def test_snooze_past_midnight_skips_to_the_next_day(knowledge: Knowledge) -> None:
    plan = make_plan(last_nudged=date(2026, 1, 14))
    snoozed, reply = pr(plan, snooze(plan, at(2026, 1, 14, 23, 30)))
    assert "Nothing more today" in reply.html and "Thu, Jan 15" in reply.html
    assert due_day(snoozed, at(2026, 1, 15, 0, 45)) is None
    assert next_nudge_at(snoozed, at(2026, 1, 14, 23, 31)) == at(2026, 1, 15, 7, 0)


def test_pause_resume_and_stop_control_nudges() -> None:
    plan = make_plan(last_nudged=date(2026, 1, 13))
    now = at(2026, 1, 14, 8, 0)
    paused, reply = pr(plan, pause(plan))
    assert paused.status == "paused" and "/resume" in reply.html
    assert next_nudge_at(paused, now) is None and due_day(paused, now) is None
    again, reply = pr(paused, pause(paused))
    assert again == paused and "already paused" in reply.html
    _, reply = pr(paused, snooze(paused, now))
    assert "paused" in reply.html
    resumed, reply = pr(paused, resume(paused))
    assert resumed.status == "active" and due_day(resumed, now) == date(2026, 1, 14)
    assert "already on" in pr(resumed, resume(resumed))[1].html
    stopped, reply = pr(resumed, stop(resumed))
    assert stopped.status == "stopped" and next_nudge_at(stopped, now) is None
    assert "already stopped" in pr(stopped, stop(stopped))[1].html
    assert pr(stopped, resume(stopped))[0].status == "stopped" and pr(stopped, pause(stopped))[0].status == "stopped"


def test_exam_eve_gets_a_rest_nudge_and_nothing_after(knowledge: Knowledge) -> None:
    # Exam on Monday Feb 23; the eve is a Sunday, not a study weekday, and still nudged.
    plan = make_plan(last_nudged=date(2026, 2, 20))
    eve = date(2026, 2, 22)
    assert next_nudge_at(plan, at(2026, 2, 20, 12, 0)) == at(2026, 2, 22, 7, 0)
    reply, sent = rp(nudge_for(plan, eve, knowledge))
    assert "Tomorrow is exam day" in reply.html and "Today is for rest" in reply.html
    assert "You're ready" not in reply.html  # a promise no source supports (issue 9)
    assert sent.tips_used == plan.tips_used and html_errors(reply.html) == []
    assert next_nudge_at(sent, at(2026, 2, 22, 8, 0)) is None
    assert due_day(plan, at(2026, 2, 23, 9, 0)) is None  # exam day
    assert next_nudge_at(make_plan(last_nudged=None), at(2026, 2, 23, 0, 0)) is None
    assert next_nudge_at(make_plan(last_nudged=None), at(2026, 3, 1, 0, 0)) is None


def test_exam_passed_and_farewell(knowledge: Knowledge) -> None:
    plan = make_plan(done_log={"2026-02-02": 40, "2026-02-03": 0})
    assert not exam_passed(plan, at(2026, 2, 23, 23, 59))
    assert exam_passed(plan, at(2026, 2, 24, 0, 0))
    assert farewell_at(plan) == at(2026, 2, 24, 7, 0)
    reply, done = rp(farewell_for(plan, knowledge))
    assert done.status == "finished" and plan.status == "active"
    assert "Congratulations" in reply.html and "40 questions" in reply.html
    assert html_errors(reply.html) == []
    assert farewell_at(done) is None and next_nudge_at(done, at(2026, 2, 24, 8, 0)) is None


def test_first_nudge_day() -> None:
    plan = make_plan()
    assert first_nudge_day(plan, TODAY) == date(2026, 1, 13)
    assert first_nudge_day(plan, date(2026, 1, 16)) == date(2026, 1, 19)
    assert first_nudge_day(plan, plan.exam_date - timedelta(days=1)) is None


_ZONES = ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "UTC-03:30"]


@settings(max_examples=300, deadline=None)
@given(
    tz=st.sampled_from(_ZONES),
    days=st.integers(1, 7),
    wall=st.times(),
    offset_minutes=st.integers(0, 60 * 24 * 400),
    last_back=st.integers(-1, 3),
    snooze_minutes=st.none() | st.integers(-120, 120),
)
def test_next_nudge_at_agrees_with_due_day(
    tz: str,
    days: int,
    wall: time,
    offset_minutes: int,
    last_back: int,
    snooze_minutes: int | None,
) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=offset_minutes)
    local_today = now.astimezone(zone(tz)).date()
    plan = Plan(
        exam_date=date(2026, 12, 1),
        study_days=days,
        nudge_time=wall.replace(microsecond=0),
        tz=tz,
        created=date(2026, 1, 1),
        last_nudged=None if last_back < 0 else local_today - timedelta(days=last_back),
        snoozed_until=None if snooze_minutes is None else now + timedelta(minutes=snooze_minutes),
    )
    nxt = next_nudge_at(plan, now)
    day = due_day(plan, now)
    assert (day is not None) == (nxt == now)
    if nxt is not None:
        assert nxt >= now and nxt.utcoffset() == timedelta(0)
        fired = due_day(plan, nxt)
        assert fired == nxt.astimezone(zone(tz)).date()
        assert fired != plan.last_nudged and fired < plan.exam_date
        if nxt > now:
            assert due_day(plan, now + (nxt - now) / 2) is None


# -------------------------------------------------------------------------- nudges


def test_nudge_content_and_buttons(knowledge: Knowledge) -> None:
    plan = make_plan(target_specialty="dermatology")
    derm = knowledge.specialties["dermatology"]
    reply, sent = rp(nudge_for(plan, date(2026, 1, 13), knowledge))
    assert html_errors(reply.html) == [] and len(reply.html) <= 4096
    assert "41 days to Step 2 CK" in reply.html
    assert "Content review + QBank" in reply.html
    first_tip = tip_order(knowledge.tips)[0]
    assert html.escape(first_tip.text, quote=False) in reply.html
    lead = knowledge.lead(derm.id)
    assert f"{derm.short_name} average: <b>{lead.value}</b> ({knowledge.label(lead)})" in reply.html
    assert "not a cut-off" in reply.html
    assert [b.action for row in reply.buttons for b in row] == ["/done", "/snooze", "/pause"]
    assert sent.last_nudged == date(2026, 1, 13) and sent.tips_used == [first_tip.id]
    assert plan.last_nudged == TODAY and plan.tips_used == []  # input untouched


def test_encouragement_varies(knowledge: Knowledge) -> None:
    plan = make_plan()
    lines = {rp(nudge_for(plan, TODAY + timedelta(days=d), knowledge))[0].html.splitlines()[-1] for d in range(1, 8)}
    assert len(lines) > 3


def test_tips_rotate_without_repeats(knowledge: Knowledge) -> None:
    plan = make_plan(exam_date=TODAY + timedelta(days=300), study_days=7)
    seen: list[str] = []
    day = TODAY
    for _ in range(len(knowledge.tips) + 3):
        day += timedelta(days=1)
        _, plan = rp(nudge_for(plan, day, knowledge))
        seen.append(plan.tips_used[-1])
    n = len(knowledge.tips)
    assert sorted(seen[:n]) == sorted(t.id for t in knowledge.tips)  # all, none repeated
    assert seen[n:] == seen[:3]  # then a new rotation in the same order
    strategies = {t.id: t.strategy for t in knowledge.tips}
    assert strategies[seen[0]] != strategies[seen[1]]  # strategies are interleaved


class _TinyKnowledge:
    """A Knowledge with three tips the test controls (built from the real dataclass)."""

    @staticmethod
    def make(ids: tuple[str, ...] = ("a-1", "a-2", "b-1")) -> Knowledge:
        tips = tuple(Tip(id=i, strategy=i.split("-")[0], text=f"Tip {i} <&>", source="s") for i in ids)
        return Knowledge(
            sources={},
            specialties={},
            other_specialties={},
            faq={},
            tips=tips,
            facts={},
            alias_index={},
            other_alias_index={},
            phrasing_index={},
        )


def test_tip_rotation_with_controlled_tips() -> None:
    tiny = _TinyKnowledge.make()
    assert [t.id for t in tip_order(tiny.tips)] == ["a-1", "b-1", "a-2"]
    plan = make_plan(study_days=7, tips_used=["a-1", "gone-tip"])  # a tip since removed
    reply, plan = rp(nudge_for(plan, date(2026, 1, 13), tiny))
    assert plan.tips_used == ["a-1", "b-1"] and "Tip b-1 &lt;&amp;&gt;" in reply.html
    _, plan = rp(nudge_for(plan, date(2026, 1, 14), tiny))
    assert plan.tips_used == ["a-1", "b-1", "a-2"]
    _, plan = rp(nudge_for(plan, date(2026, 1, 15), tiny))
    assert plan.tips_used == ["a-1"]  # all used: a new rotation


# ------------------------------------------------------------------------ progress


def test_streak_counts_study_days_and_skips_rest_days() -> None:
    # Weekdays plan: Thu 15, Fri 16, (weekend off), Mon 19 logged.
    plan = make_plan(done_log={"2026-01-15": 20, "2026-01-16": 0, "2026-01-19": 40})
    assert streak(plan, date(2026, 1, 19)) == 3
    assert streak(plan, date(2026, 1, 20)) == 3  # today not logged yet doesn't break it
    assert streak(plan, date(2026, 1, 21)) == 0  # Tuesday was missed
    gap = make_plan(done_log={"2026-01-13": 10, "2026-01-15": 10})
    assert streak(gap, date(2026, 1, 15)) == 1  # Wednesday missed breaks it
    assert streak(make_plan(), TODAY) == 0


def test_record_done_accumulates_and_reports_the_streak() -> None:
    plan = make_plan(done_log={"2026-01-15": 20, "2026-01-16": 0})
    plan2, reply = pr(plan, record_done(plan, date(2026, 1, 19), 40))
    assert plan2.done_log["2026-01-19"] == 40 and "40 questions" in reply.html
    assert "Streak: 3 study days" in reply.html
    plan3, reply = pr(plan2, record_done(plan2, date(2026, 1, 19), 10))
    assert plan3.done_log["2026-01-19"] == 50 and "50 today" in reply.html
    plan4, reply = pr(plan3, record_done(plan3, date(2026, 1, 19), None))
    assert plan4.done_log["2026-01-19"] == 50 and "done" in reply.html
    assert "2026-01-19" not in plan.done_log  # pure
    first, reply = pr(make_plan(), record_done(make_plan(), TODAY, None))
    assert first.done_log == {"2026-01-12": 0} and "Day 1" in reply.html
    _, reply = pr(make_plan(), record_done(make_plan(), date(2026, 1, 17), 10))  # Saturday
    assert "rest day" in reply.html


def test_replies_are_valid_telegram_html(knowledge: Knowledge) -> None:
    plan = make_plan(target_specialty="physical-medicine-rehabilitation")
    replies = [
        rp(nudge_for(plan, date(2026, 1, 13), knowledge))[0],
        rp(farewell_for(plan, knowledge))[0],
        pr(plan, record_done(plan, TODAY, 5))[1],
        pr(plan, snooze(plan, at(2026, 1, 13, 7, 5)))[1],
        pr(plan, pause(plan))[1],
        resume(pr(plan, pause(plan))[0]).reply,
        pr(plan, stop(plan))[1],
    ]
    for reply in replies:
        assert html_errors(reply.html) == [] and len(reply.html) <= 4096


def _imports(name: str) -> set[str]:
    tree = ast.parse((Path(plans.__file__).parent / name).read_text())
    modules = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return modules | {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}


def test_core_never_imports_telegram() -> None:
    for name in ("plans.py", "plan_flow.py", "parse_answers.py", "formatting.py", "timezones.py"):
        assert not {m for m in _imports(name) if m.split(".")[0] == "telegram"}


def test_understanding_and_settings_do_not_import_the_plan_module() -> None:
    understanding = sorted(
        p.relative_to(Path(plans.__file__).parent) for p in (Path(plans.__file__).parent / "understand").glob("*.py")
    )
    assert understanding  # the package is there to check
    for name in (*map(str, understanding), "config.py"):
        assert not {m for m in _imports(name) if m in ("bot.plans", "bot.plan_flow")}, name


def test_fixed_offset_zone_plan() -> None:
    plan = make_plan(tz="UTC+05:30", last_nudged=date(2026, 1, 13))
    assert next_nudge_at(plan, datetime(2026, 1, 13, 20, tzinfo=UTC)) == datetime(2026, 1, 14, 1, 30, tzinfo=UTC)
    assert zone(plan.tz) == timezone(timedelta(hours=5, minutes=30), "UTC+05:30")


def test_naive_now_is_read_as_utc() -> None:
    plan = make_plan(last_nudged=date(2026, 1, 13))
    naive = datetime(2026, 1, 14, 12, 0)  # 07:00 in New York
    assert due_day(plan, naive) == date(2026, 1, 14)
    assert next_nudge_at(plan, naive) == datetime(2026, 1, 14, 12, 0, tzinfo=UTC)


# --------------------------------------------------------------------- attention


def test_occasions_through_a_week() -> None:
    """Mon-Fri plan, summary on Sunday: what goes out each day, and what doesn't."""
    plan = make_plan(created=TODAY - timedelta(days=7))
    week = {TODAY + timedelta(days=n): occasion(plan, TODAY + timedelta(days=n)) for n in range(7)}
    assert list(week.values()) == ["study", "study", "study", "study", "study", None, "summary"]
    logged = replace(plan, done_log={TODAY.isoformat(): 40})
    assert occasion(logged, TODAY) is None  # quiet once done
    assert occasion(replace(plan, skipped=[TODAY + timedelta(days=6)]), TODAY + timedelta(days=6)) is None
    assert occasion(plan, plan.exam_date - timedelta(days=1)) == "eve"
    assert occasion(replace(plan, cadence="weekly"), TODAY + timedelta(days=6)) == "summary"
    # A plan made on Friday has no summary two days later: there is no week to sum up yet.
    assert occasion(replace(plan, created=TODAY + timedelta(days=4)), TODAY + timedelta(days=6)) is None


@pytest.mark.parametrize(
    ("cadence", "last_nudged", "expected"),
    [
        # Mon Jan 12 .. Fri Jan 16 are study days.
        ("daily", date(2026, 1, 12), ["study", "study", "study", "study"]),
        ("alternate", date(2026, 1, 12), [None, "study", None, "study"]),
        ("weekly", date(2026, 1, 12), [None, None, None, None]),
    ],
)
def test_cadence_thins_the_study_nudges(cadence: str, last_nudged: date, expected: list[str | None]) -> None:
    plan = make_plan(cadence=cadence, last_nudged=last_nudged)
    days = [date(2026, 1, 13) + timedelta(days=n) for n in range(4)]
    got = []
    for d in days:  # as the nudger would: each one sent moves last_nudged
        got.append(occasion(plan, d))
        if got[-1] is not None:
            plan = replace(plan, last_nudged=d)
    assert got == expected


@pytest.mark.parametrize(
    ("cadence", "ignored", "last_seen", "after", "says"),
    [
        ("daily", 0, TODAY - timedelta(days=1), ("daily", 1), None),
        ("daily", 1, TODAY, ("daily", 0), None),  # they answered the last one
        ("daily", 2, TODAY - timedelta(days=3), ("alternate", 0), "every other study day"),
        ("alternate", 2, None, ("weekly", 0), "weekly summary"),
        ("weekly", 5, None, ("weekly", 6), None),
    ],
)
def test_unanswered_nudges_step_the_cadence_down_once_each(
    knowledge: Knowledge, cadence: str, ignored: int, last_seen: date | None, after: tuple[str, int], says: str | None
) -> None:
    plan = make_plan(cadence=cadence, ignored=ignored, last_seen=last_seen, last_nudged=TODAY)
    day = TODAY + timedelta(days=1)
    reply, sent = rp(nudge_for(plan, day, knowledge))
    assert (sent.cadence, sent.ignored) == after
    actions = [b.action for row in reply.buttons for b in row]
    if says is None:
        assert "🔕" not in reply.html and "/plan daily" not in actions
    else:
        assert says in reply.html and "/plan daily" in actions


def test_any_reply_answers_the_nudges_and_brings_daily_back() -> None:
    answered = make_plan(last_nudged=TODAY, last_seen=TODAY)
    assert plans.seen(answered, TODAY) is None  # nothing to write for most messages
    backed_off = make_plan(last_nudged=TODAY, last_seen=TODAY - timedelta(days=5), cadence="weekly", ignored=1)
    back = plans.seen(backed_off, TODAY + timedelta(days=1))
    assert back is not None
    assert (back.cadence, back.ignored, back.last_seen) == ("daily", 0, TODAY + timedelta(days=1))
    assert plans.seen(replace(backed_off, status="paused"), TODAY) is None


@pytest.mark.parametrize(
    ("hours", "nudge", "offered"),
    [
        ([21, 21, 21], time(7), "21:00"),
        ([21, 20, 21], time(7), None),  # not yet 4 of the last 5 at one hour
        ([8, 8, 8], time(7), None),  # within an hour or two of the nudge already
        ([23, 23, 23], time(0, 30), None),  # across midnight it is close too
    ],
)
def test_offer_to_move_the_nudge_to_the_usual_hour(hours: list[int], nudge: time, offered: str | None) -> None:
    plan = make_plan(log_hours=hours, nudge_time=nudge)
    out = record_done(plan, TODAY, 40, hour=hours[0])
    assert out.plan is not None
    actions = [b.action for row in out.reply.buttons for b in row]
    if offered is None:
        assert actions == [] and not out.plan.time_offered
    else:
        assert actions == [f"/plan time {offered}"] and out.plan.time_offered
        again = record_done(out.plan, TODAY + timedelta(days=1), 40, hour=hours[0])
        assert again.reply.buttons == ()  # offered once


def test_score_release_days_come_from_the_knowledge_store(knowledge: Knowledge) -> None:
    exam = date(2026, 1, 13)  # a Tuesday
    plan = make_plan(exam_date=exam, status="finished", last_nudged=exam + timedelta(days=1))
    assert plans.release_days(plan, knowledge) == [date(2026, 2, 4), date(2026, 2, 11)]  # Wednesdays, 3-4 weeks
    assert plans.next_release_at(plan, at(2026, 1, 20, 9), knowledge) == at(2026, 2, 4, 7)
    assert plans.release_due(plan, at(2026, 2, 4, 6, 59), knowledge) is None
    assert plans.release_due(plan, at(2026, 2, 4, 7, 0), knowledge) == date(2026, 2, 4)
    reply, sent = rp(plans.release_nudge(plan, date(2026, 2, 4), knowledge))
    fact = knowledge.facts["score-release"]
    assert html.escape(fact.text, quote=False) in reply.html and knowledge.cite(fact.source) in reply.html
    assert sent.last_nudged == date(2026, 2, 4)
    assert plans.next_release_at(sent, at(2026, 2, 4, 8), knowledge) == at(2026, 2, 11, 7)
    assert plans.next_release_at(replace(sent, last_nudged=date(2026, 2, 11)), at(2026, 2, 11, 8), knowledge) is None
    # Without the timing in the store, nothing is invented.
    facts = {k: v for k, v in knowledge.facts.items() if k != "score-release"}
    assert plans.release_days(plan, replace(knowledge, facts=facts)) == []


def test_stopping_a_finished_plan_ends_the_release_check_ins(knowledge: Knowledge) -> None:
    plan = make_plan(exam_date=date(2026, 1, 13), status="finished")
    stopped, reply = pr(plan, stop(plan))
    assert stopped.status == "stopped" and "no more messages" in reply.html
    assert plans.next_release_at(stopped, at(2026, 1, 20), knowledge) is None


@pytest.mark.parametrize(
    ("text", "says", "kept"),
    [
        ("ERAS opens feb 20", "Noted: “ERAS opens feb 20” on <b>Fri, Feb 20, 2026</b>", [date(2026, 2, 20)]),
        ("program X in 3 weeks", "Noted", [TODAY + timedelta(weeks=3)]),
        ("ERAS opens <soon>", "couldn't find a date", []),
        ("", "No deadlines yet", []),
    ],
)
def test_deadlines_in_the_students_words(text: str, says: str, kept: list[date]) -> None:
    plan, reply = pr(make_plan(), plans.add_deadline(make_plan(), text, TODAY))
    assert says in reply.html and html_errors(reply.html) == []
    assert [d.day for d in plan.deadlines] == kept


def test_deadline_reminders_come_a_week_and_a_day_before_even_when_nothing_else_would(knowledge: Knowledge) -> None:
    deadline = date(2026, 2, 20)  # a Friday
    mwf = make_plan(study_days=3, weekdays=(0, 2, 4))
    plan, _ = pr(mwf, plans.add_deadline(mwf, "ERAS <opens> feb 20", TODAY))
    assert plan.deadlines[0].what == "ERAS <opens> feb 20"
    week_before, day_before = deadline - timedelta(days=7), deadline - timedelta(days=1)
    assert occasion(plan, week_before) == "study"  # a study day: the nudge carries it
    reply, _ = rp(nudge_for(plan, week_before, knowledge))
    assert "📌 In 7 days (Fri, Feb 20): “ERAS &lt;opens&gt; feb 20”" in reply.html
    assert occasion(mwf, day_before) is None and occasion(plan, day_before) == "deadline"  # a Thursday rest day
    reply, sent = rp(nudge_for(plan, day_before, knowledge))
    assert "Tomorrow (Fri, Feb 20)" in reply.html and sent.last_nudged == day_before
    quiet = replace(plan, cadence="weekly", last_nudged=TODAY)
    assert occasion(quiet, week_before) == "deadline"  # backed off, but their own date still comes
    cleared, _ = pr(plan, plans.add_deadline(plan, "clear", TODAY))
    assert cleared.deadlines == [] and occasion(cleared, day_before) is None
