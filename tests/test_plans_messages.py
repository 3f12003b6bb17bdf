"""bot.plans.messages: the summary, the nudges with their rotating tips, backing off, deadline reminders, valid HTML."""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

import pytest

from bot.plans import operations
from bot.plans.messages import farewell_for, nudge_for, summary_html, tip_order
from bot.plans.operations import pause, record_done, resume, snooze, stop
from bot.plans.phases import is_study_day, self_assessment_days
from bot.plans.schedule import occasion
from knowledge import Knowledge
from tests.plan_helpers import TODAY, TinyKnowledge, at, make_plan, pr, rp
from tests.telegram_html import html_errors


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


@pytest.mark.parametrize("study_days", [5, 3])  # Mon-Fri, and Mon/Wed/Fri (whose dates share a parity each week)
def test_study_days_start_on_each_weak_area_in_turn_and_self_assessments_name_the_goal(
    knowledge: Knowledge, study_days: int
) -> None:
    plan = make_plan(study_days=study_days, goal_score=250, weak_areas=("OB/GYN", "psychiatry"))
    named: list[str] = []
    for d in range(1, 29):
        day = TODAY + timedelta(days=d)
        reply, plan = rp(nudge_for(plan, day, knowledge))
        started = [area for area in plan.weak_areas if f"Start today's questions with {area}" in reply.html]
        if is_study_day(plan, day) and day not in self_assessment_days(plan):
            assert len(started) == 1, day
            named += started
        else:
            assert started == [], day
        if day in self_assessment_days(plan):
            assert "Your goal: 250" in reply.html
    assert len(named) > 4 and all(a != b for a, b in pairwise(named))  # strictly in turn


def test_a_plan_without_aims_says_nothing_of_them(knowledge: Knowledge) -> None:
    plan = make_plan()
    assert self_assessment_days(plan)  # the goal's own days are among those checked
    for d in range(1, 40):
        reply, plan = rp(nudge_for(plan, TODAY + timedelta(days=d), knowledge))
        assert "Start today's questions with" not in reply.html and "Your goal" not in reply.html


def test_encouragement_varies(knowledge: Knowledge) -> None:
    plan = make_plan()
    lines = {rp(nudge_for(plan, TODAY + timedelta(days=d), knowledge))[0].html.splitlines()[-1] for d in range(1, 8)}
    assert len(lines) > 3
    assert lines <= {f"<i>{html.escape(e.text, quote=False)}</i>" for e in knowledge.encouragements}


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


def test_tip_rotation_with_controlled_tips() -> None:
    tiny = TinyKnowledge.make()
    assert [t.id for t in tip_order(tiny.tips)] == ["a-1", "b-1", "a-2"]
    plan = make_plan(study_days=7, tips_used=["a-1", "gone-tip"])  # a tip since removed
    reply, plan = rp(nudge_for(plan, date(2026, 1, 13), tiny))
    assert plan.tips_used == ["a-1", "b-1"] and "Tip b-1 &lt;&amp;&gt;" in reply.html
    _, plan = rp(nudge_for(plan, date(2026, 1, 14), tiny))
    assert plan.tips_used == ["a-1", "b-1", "a-2"]
    _, plan = rp(nudge_for(plan, date(2026, 1, 15), tiny))
    assert plan.tips_used == ["a-1"]  # all used: a new rotation


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


def test_deadline_reminders_come_a_week_and_a_day_before_even_when_nothing_else_would(knowledge: Knowledge) -> None:
    deadline = date(2026, 2, 20)  # a Friday
    mwf = make_plan(study_days=3, weekdays=(0, 2, 4))
    plan, _ = pr(mwf, operations.add_deadline(mwf, "ERAS <opens> feb 20", TODAY))
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
    cleared, _ = pr(plan, operations.add_deadline(plan, "clear", TODAY))
    assert cleared.deadlines == [] and occasion(cleared, day_before) is None
