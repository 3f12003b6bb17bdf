"""bot.plans.operations: logging work, snooze, pause, resume, stop, the nudge-time offer and deadlines."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from bot.plans import operations, schedule
from bot.plans.messages import nudge_for
from bot.plans.operations import pause, record_done, resume, snooze, stop
from bot.plans.schedule import due_day, next_nudge_at
from knowledge import Knowledge
from tests.plan_helpers import TODAY, at, make_plan, pr, rp
from tests.telegram_html import html_errors


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


def test_stopping_a_finished_plan_ends_the_release_check_ins(knowledge: Knowledge) -> None:
    plan = make_plan(exam_date=date(2026, 1, 13), status="finished")
    stopped, reply = pr(plan, stop(plan))
    assert stopped.status == "stopped" and "no more messages" in reply.html
    assert schedule.next_release_at(stopped, at(2026, 1, 20), knowledge) is None


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
    plan, reply = pr(make_plan(), operations.add_deadline(make_plan(), text, TODAY))
    assert says in reply.html and html_errors(reply.html) == []
    assert [d.day for d in plan.deadlines] == kept
