"""The study plan as an iCalendar file (RFC 5545), for Google Calendar, Apple Calendar or Outlook.

Pure: the stored plan, the student's id and the current instant in, the bytes of an `.ics`
out. What it holds:

* the exam day, and each phase of the plan, as all-day events;
* the self-assessment days, as all-day events;
* the study-day nudges as one weekly event (RRULE with BYDAY) at the nudge time, in the
  student's zone (TZID, with its VTIMEZONE), so it keeps its wall-clock time across
  daylight saving; days taken off are EXDATEs.

Every event has a UID and a DTSTAMP. UIDs come from the student's id and the event's kind
(the exam, a phase by name, the nth self-assessment, the nudges), never from dates, so the
file made after the exam moves has the same UIDs, and a calendar that matches events by UID
updates them on re-import instead of adding copies. The student's id goes in only hashed:
the file may be forwarded or shared.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from icalendar import Calendar, Event, Timezone, TimezoneStandard

from bot.plans.model import Plan
from bot.plans.phases import SELF_ASSESSMENT, build_phases, self_assessment_days, study_weekdays
from bot.timezones import zone

FILENAME = "step2-ck-plan.ics"
MIME_TYPE = "text/calendar"
PRODID = "-//Step 2 CK Advisor//Study plan//EN"
UID_DOMAIN = "step2-ck-advisor"
STUDY_BLOCK = timedelta(minutes=30)
"""How long the study-day event lasts in the calendar: a reminder-sized slot at the nudge time."""
_ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def uid(user_id: int, kind: str) -> str:
    """A stable UID for one kind of event of one student ("exam", "phase-rest", "nudges", ...)."""
    who = hashlib.sha256(f"{UID_DOMAIN}:{user_id}".encode()).hexdigest()[:20]
    return f"{who}-{kind}@{UID_DOMAIN}"


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _all_day(
    user_id: int,
    kind: str,
    span: tuple[date, date],
    summary: str,
    description: str,
    stamp: datetime,
    *,
    busy: bool = False,
) -> Event:
    first, last = span
    event = Event()
    event.add("uid", uid(user_id, kind))
    event.add("dtstamp", stamp)
    event.add("dtstart", first)
    event.add("dtend", last + timedelta(days=1))  # DTEND of an all-day event is exclusive
    event.add("summary", summary)
    event.add("description", description)
    # A phase spans weeks: it must not mark the student busy. Exam day does.
    event.add("transp", "OPAQUE" if busy else "TRANSPARENT")
    return event


def _study_days(plan: Plan) -> list[date]:
    """Every day the plan nudges on as a study day (not the exam eve, not days off), from its start."""
    eve = plan.exam_date - timedelta(days=1)
    weekdays = study_weekdays(plan)
    days = (plan.created + timedelta(days=n) for n in range((eve - plan.created).days))
    return [d for d in days if d.weekday() in weekdays]


def _zone_for_calendar(plan: Plan) -> tuple[tzinfo, Timezone | None]:
    """The plan's zone for event times, and a VTIMEZONE to add by hand for a fixed offset.

    An IANA zone (and UTC) gets its VTIMEZONE from icalendar (`add_missing_timezones`); a
    stored offset such as "UTC+05:30" has no IANA name, so it gets a one-rule VTIMEZONE here.
    """
    tz = zone(plan.tz)
    if not isinstance(tz, timezone) or tz is UTC:
        return tz, None
    offset = tz.utcoffset(None)
    vtimezone = Timezone()
    vtimezone.add("tzid", plan.tz)
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))  # a VTIMEZONE rule starts in local time
    standard.add("tzoffsetfrom", offset)
    standard.add("tzoffsetto", offset)
    standard.add("tzname", plan.tz)
    vtimezone.add_component(standard)
    return tz, vtimezone


def _nudges(plan: Plan, user_id: int, stamp: datetime, tz: tzinfo) -> Event | None:
    """The study-day nudges as one weekly event at the nudge time, or None with no study day left."""
    days = [d for d in _study_days(plan) if d not in plan.skipped]
    if not days:
        return None
    weekdays = sorted({d.weekday() for d in _study_days(plan)})
    first = datetime.combine(days[0], plan.nudge_time, tzinfo=tz)
    # UNTIL is UTC when DTSTART names a zone (RFC 5545, 3.3.10): the last study day's nudge.
    until = datetime.combine(days[-1], plan.nudge_time, tzinfo=tz).astimezone(UTC)
    event = Event()
    event.add("uid", uid(user_id, "nudges"))
    event.add("dtstamp", stamp)
    event.add("dtstart", first)
    event.add("duration", STUDY_BLOCK)
    event.add("rrule", {"freq": "weekly", "byday": [_ICAL_DAYS[d] for d in weekdays], "until": until})
    skipped = sorted(d for d in plan.skipped if days[0] <= d <= days[-1] and d.weekday() in weekdays)
    if skipped:
        event.add("exdate", [datetime.combine(d, plan.nudge_time, tzinfo=tz) for d in skipped])
    event.add("summary", "Step 2 CK: study block")
    event.add(
        "description",
        "Your study-day nudge time. The bot's nudge says what today is for; "
        "send /done 40 (or how many questions you did) after your block.",
    )
    return event


def plan_calendar(plan: Plan, user_id: int, now: datetime) -> bytes:
    """The plan as the bytes of an .ics file (VCALENDAR, UTF-8, CRLF line ends)."""
    stamp = now.astimezone(UTC)
    tz, fixed_zone = _zone_for_calendar(plan)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Step 2 CK study plan")
    if fixed_zone is not None:
        cal.add_component(fixed_zone)
    cal.add_component(
        _all_day(
            user_id,
            "exam",
            (plan.exam_date, plan.exam_date),
            "USMLE Step 2 CK exam",
            "Exam day: trust your preparation. Good luck!",
            stamp,
            busy=True,
        )
    )
    for phase in build_phases(plan.exam_date, plan.created):
        summary = f"Step 2 CK: {phase.name}"
        kind = f"phase-{_slug(phase.name)}"
        cal.add_component(_all_day(user_id, kind, (phase.start, phase.end), summary, phase.focus, stamp))
    for n, day in enumerate(self_assessment_days(plan), 1):
        summary = "Step 2 CK: self-assessment"
        cal.add_component(_all_day(user_id, f"self-assessment-{n}", (day, day), summary, SELF_ASSESSMENT, stamp))
    nudges = _nudges(plan, user_id, stamp, tz)
    if nudges is not None:
        cal.add_component(nudges)
    if fixed_zone is None:
        # The zone's rules over the plan's own span (a year either side), not icalendar's
        # default 1970-2038: the same DST changes, in a file a fraction of the size.
        cal.add_missing_timezones(
            first_date=plan.created - timedelta(days=366), last_date=plan.exam_date + timedelta(days=366)
        )
    return cal.to_ical()  # type: ignore[no-any-return]
