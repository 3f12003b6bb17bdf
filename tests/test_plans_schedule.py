"""bot.plans.schedule: DST-correct nudge timing, missed and repeated nudges, cadence, and the after-exam check-ins.

Everything under test is pure, so fixed `today`/`now` values stand in for the clock.
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.plans import messages, schedule
from bot.plans.messages import farewell_for, nudge_for
from bot.plans.model import Plan
from bot.plans.schedule import due_day, exam_passed, farewell_at, first_nudge_day, next_nudge_at, occasion
from bot.timezones import zone
from knowledge import Knowledge
from tests.plan_helpers import TODAY, TinyKnowledge, at, make_plan, rp
from tests.property_budget import examples
from tests.telegram_html import html_errors


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
    _, sent = rp(nudge_for(plan, day, TinyKnowledge.make()))
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


@settings(max_examples=examples(300), deadline=None)
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


def test_fixed_offset_zone_plan() -> None:
    plan = make_plan(tz="UTC+05:30", last_nudged=date(2026, 1, 13))
    assert next_nudge_at(plan, datetime(2026, 1, 13, 20, tzinfo=UTC)) == datetime(2026, 1, 14, 1, 30, tzinfo=UTC)
    assert zone(plan.tz) == timezone(timedelta(hours=5, minutes=30), "UTC+05:30")


def test_naive_now_is_read_as_utc() -> None:
    plan = make_plan(last_nudged=date(2026, 1, 13))
    naive = datetime(2026, 1, 14, 12, 0)  # 07:00 in New York
    assert due_day(plan, naive) == date(2026, 1, 14)
    assert next_nudge_at(plan, naive) == datetime(2026, 1, 14, 12, 0, tzinfo=UTC)


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


def test_any_reply_answers_the_nudges_and_brings_daily_back() -> None:
    answered = make_plan(last_nudged=TODAY, last_seen=TODAY)
    assert schedule.seen(answered, TODAY) is None  # nothing to write for most messages
    backed_off = make_plan(last_nudged=TODAY, last_seen=TODAY - timedelta(days=5), cadence="weekly", ignored=1)
    back = schedule.seen(backed_off, TODAY + timedelta(days=1))
    assert back is not None
    assert (back.cadence, back.ignored, back.last_seen) == ("daily", 0, TODAY + timedelta(days=1))
    assert schedule.seen(replace(backed_off, status="paused"), TODAY) is None


def test_score_release_days_come_from_the_knowledge_store(knowledge: Knowledge) -> None:
    exam = date(2026, 1, 13)  # a Tuesday
    plan = make_plan(exam_date=exam, status="finished", last_nudged=exam + timedelta(days=1))
    assert schedule.release_days(plan, knowledge) == [date(2026, 2, 4), date(2026, 2, 11)]  # Wednesdays, 3-4 weeks
    assert schedule.next_release_at(plan, at(2026, 1, 20, 9), knowledge) == at(2026, 2, 4, 7)
    assert schedule.release_due(plan, at(2026, 2, 4, 6, 59), knowledge) is None
    assert schedule.release_due(plan, at(2026, 2, 4, 7, 0), knowledge) == date(2026, 2, 4)
    reply, sent = rp(messages.release_nudge(plan, date(2026, 2, 4), knowledge))
    fact = knowledge.facts["score-release"]
    assert html.escape(fact.text, quote=False) in reply.html and knowledge.cite(fact.source) in reply.html
    assert sent.last_nudged == date(2026, 2, 4)
    assert schedule.next_release_at(sent, at(2026, 2, 4, 8), knowledge) == at(2026, 2, 11, 7)
    assert schedule.next_release_at(replace(sent, last_nudged=date(2026, 2, 11)), at(2026, 2, 11, 8), knowledge) is None
    # Without the timing in the store, nothing is invented.
    facts = {k: v for k, v in knowledge.facts.items() if k != "score-release"}
    assert schedule.release_days(plan, replace(knowledge, facts=facts)) == []
