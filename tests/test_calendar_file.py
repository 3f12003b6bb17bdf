"""The plan as an .ics file, parsed back with icalendar and set against the plan and the nudges."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar, Event

from bot.calendar_file import plan_calendar, uid
from bot.plans import model, operations, phases, schedule
from bot.plans.model import Plan
from bot.plans.phases import build_phases, self_assessment_days
from knowledge import load_knowledge

NOW = dt.datetime(2027, 1, 2, 15, 0, tzinfo=dt.UTC)
USER = 4242


def plan(**changes: object) -> Plan:
    base = Plan(
        exam_date=dt.date(2027, 4, 20),  # New York springs forward on March 14, 2027
        study_days=5,
        nudge_time=dt.time(19, 0),
        tz="America/New_York",
        created=dt.date(2027, 1, 2),
        skipped=[dt.date(2027, 1, 12)],
    )
    return model.changed(base, **changes)


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events(cal: Calendar) -> dict[str, Event]:
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def kind(event: Event) -> str:
    return str(event["uid"]).split("-", 1)[1].split("@")[0]


def test_every_event_has_a_uid_and_dtstamp_and_the_file_names_itself() -> None:
    cal = parse(plan_calendar(plan(), USER, NOW))
    assert cal["version"] == "2.0" and "Step 2 CK Advisor" in str(cal["prodid"])
    found = cal.walk("VEVENT")
    assert found
    for event in found:
        assert event["uid"] and event["dtstamp"].dt == NOW
    assert len({str(e["uid"]) for e in found}) == len(found)


def test_the_exam_phases_and_self_assessments_are_all_day_events_on_the_plans_dates() -> None:
    p = plan()
    by_kind = {kind(e): e for e in events(parse(plan_calendar(p, USER, NOW))).values()}
    exam = by_kind["exam"]
    assert exam["dtstart"].dt == p.exam_date and exam["dtend"].dt == p.exam_date + dt.timedelta(days=1)
    assert str(exam["transp"]) == "OPAQUE"
    phases = build_phases(p.exam_date, p.created)
    assert [str(by_kind[k]["summary"]) for k in by_kind if k.startswith("phase-")] == [
        f"Step 2 CK: {ph.name}" for ph in phases
    ]
    for ph in phases:
        event = next(e for k, e in by_kind.items() if k.startswith("phase-") and ph.name in str(e["summary"]))
        assert (event["dtstart"].dt, event["dtend"].dt) == (ph.start, ph.end + dt.timedelta(days=1))
        assert str(event["description"]) == ph.focus
    days = [e["dtstart"].dt for k, e in sorted(by_kind.items()) if k.startswith("self-assessment-")]
    assert sorted(days) == self_assessment_days(p) and days


def _nudge_days(p: Plan) -> list[dt.date]:
    """The study days the bot itself messages at the nudge time (a nudge, or the weekly summary in its
    place); not the exam eve's rest note, nor a summary that falls on a rest day."""
    tz = ZoneInfo(p.tz)
    out = []
    day = p.created
    while day < p.exam_date - dt.timedelta(days=1):
        ready = model.changed(p, last_nudged=day - dt.timedelta(days=1))
        at = dt.datetime.combine(day, p.nudge_time, tzinfo=tz)
        if schedule.due_day(ready, at) == day and day.weekday() in phases.study_weekdays(p):
            out.append(day)
        day += dt.timedelta(days=1)
    return out


@pytest.mark.parametrize(
    "changes",
    [{}, {"study_days": 3}, {"weekdays": (0, 2, 4), "study_days": 3}, {"study_days": 7, "tz": "Europe/London"}],
)
def test_the_weekly_rule_falls_exactly_on_the_bots_nudges_at_the_local_time_across_dst(
    changes: dict[str, object],
) -> None:
    p = plan(**changes)
    cal = parse(plan_calendar(p, USER, NOW))
    nudges = next(e for e in cal.walk("VEVENT") if kind(e) == "nudges")
    start = nudges["dtstart"].dt
    assert start.tzinfo is not None and str(nudges["dtstart"].params["TZID"]) == p.tz
    assert str(nudges["rrule"]["FREQ"][0]) == "WEEKLY"
    # The zone travels with the file: a VTIMEZONE for the TZID, with both offsets of the year.
    (vtimezone,) = cal.walk("VTIMEZONE")
    assert str(vtimezone["tzid"]) == p.tz
    rule = rrulestr(nudges["rrule"].to_ical().decode(), dtstart=start)
    skipped = {d.dt for exdate in [nudges.get("exdate")] if exdate for d in exdate.dts}
    occurrences = [o for o in rule if o not in skipped]
    local = [o.astimezone(ZoneInfo(p.tz)) for o in occurrences]
    assert {(t.hour, t.minute) for t in local} == {(19, 0)}  # 19:00 before and after the clocks change
    if p.tz == "America/New_York":  # the rule runs across the spring change, at 19:00 on both sides
        assert {t.utcoffset() for t in local} == {dt.timedelta(hours=-5), dt.timedelta(hours=-4)}
    assert [t.date() for t in local] == _nudge_days(p)


def test_days_off_are_left_out_of_the_rule() -> None:
    cal = parse(plan_calendar(plan(), USER, NOW))
    nudges = next(e for e in cal.walk("VEVENT") if kind(e) == "nudges")
    assert [d.dt.date() for d in nudges["exdate"].dts] == [dt.date(2027, 1, 12)]


def test_uids_stay_the_same_when_the_plan_changes() -> None:
    p = plan()
    before = events(parse(plan_calendar(p, USER, NOW)))
    moved = operations.move_exam(p, dt.date(2027, 4, 6), dt.date(2027, 1, 9), load_knowledge()).plan
    assert moved is not None
    later = NOW + dt.timedelta(days=7)
    after = events(parse(plan_calendar(moved, USER, later)))
    assert set(after) == set(before)  # same structure here, so every event is updated in place
    exam_uid = uid(USER, "exam")
    assert after[exam_uid]["dtstart"].dt == dt.date(2027, 4, 6) != before[exam_uid]["dtstart"].dt
    assert all(e["dtstamp"].dt == later for e in after.values())
    # Another student's events never share a UID with these.
    assert not set(events(parse(plan_calendar(p, USER + 1, NOW)))) & set(before)


def test_the_student_id_is_not_in_the_file() -> None:
    assert str(USER).encode() not in plan_calendar(plan(), USER, NOW)


def test_a_fixed_offset_zone_gets_its_own_vtimezone() -> None:
    p = plan(tz="UTC+05:30")
    cal = parse(plan_calendar(p, USER, NOW))
    (vtimezone,) = cal.walk("VTIMEZONE")
    assert str(vtimezone["tzid"]) == "UTC+05:30"
    nudges = next(e for e in cal.walk("VEVENT") if kind(e) == "nudges")
    assert nudges["dtstart"].dt.utcoffset() == dt.timedelta(hours=5, minutes=30)


def test_a_plan_on_the_eve_of_the_exam_has_no_study_rule() -> None:
    p = plan(created=dt.date(2027, 4, 19), skipped=[])
    found = {kind(e) for e in parse(plan_calendar(p, USER, NOW)).walk("VEVENT")}
    assert found == {"exam", "phase-rest"}
