"""What the bot sends a student unprompted, and when: one place for every kind of check-in.

Before the exam: the study-day nudge, the weekly summary on the student's day, the eve's
rest note (`schedule.occasion` decides which, cadence and "already logged today" included).
After it: the farewell, then a kind word on the days scores usually come out (timing from
the knowledge store's score-release fact). Reminders of the student's own deadlines
(`/deadline`) come 7 days and 1 day before, before the exam or after it. The transport (`bot.nudges`) asks only two
questions, both pure: when is the next one (`next_message_at`) and what is due now
(`message_due`).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TypeVar

from bot import progress
from bot.plans import messages, schedule
from bot.plans.model import Plan, PlanOutcome
from bot.timezones import zone
from knowledge import Knowledge


def next_message_at(plan: Plan, now: datetime, knowledge: Knowledge) -> datetime | None:
    """The next UTC instant something is due for this plan, or None when nothing ever is."""
    at = schedule.next_nudge_at(plan, now)
    if at is not None:
        return at
    if plan.status == "active":
        return schedule.farewell_at(plan)
    return schedule.next_release_at(plan, now, knowledge)


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_TIME = re.compile(r"[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?")
"""The forms `Plan.to_dict` writes: read here as pydantic reads them, anything else left to pydantic."""
_ONE_DAY = timedelta(days=1)


class Bounds:
    """`earliest_message_at` for many stored plans at one instant (restoring every plan at start).

    What plans share is worked out once: a zone's tzinfo and local date, and each distinct
    date or time string (students' exam days and nudge times repeat). Without that, reading
    the bound was 6 µs a plan, most of a restore.
    """

    def __init__(self, now: datetime, knowledge: Knowledge) -> None:
        self.now = now
        self.horizon = _last_release_after_exam(knowledge)
        self._zones: dict[str, tuple[tzinfo, date]] = {}
        self._dates: dict[str, date | None] = {}
        self._times: dict[str, time | None] = {}

    def __call__(self, stored: object) -> datetime | None:
        """The bound for one stored plan (see `earliest_message_at`)."""
        now = self.now
        if not isinstance(stored, dict):
            return now
        get = stored.get
        status = get("status", "active")
        if status in ("paused", "stopped"):  # as Plan reads them: any other value is "active"
            return None
        tz, wall, exam, last = get("tz") or "UTC", get("nudge_time"), get("exam_date"), get("last_nudged")
        if not (isinstance(tz, str) and isinstance(wall, str) and isinstance(exam, str)):
            return now
        wall_time, exam_day = self._time(wall), self._date(exam)
        if wall_time is None or exam_day is None:
            return now
        zone_today = self._zones.get(tz)
        if zone_today is None:
            zone_today = self._zones[tz] = (zone(tz), schedule.zone_day(now, tz))
        tzinfo_, today = zone_today
        first = today
        if last is not None:
            last_day = self._date(last) if isinstance(last, str) else None
            if last_day is None:
                return now
            if last_day >= today:
                first = last_day + _ONE_DAY if last_day < date.max else last_day
        try:
            if status == "finished":
                if not get("deadlines") and (self.horizon is None or today > exam_day + self.horizon):
                    return None
            else:
                first = min(first, exam_day + _ONE_DAY)  # the farewell
            at = schedule.local_instant(first, wall_time, tzinfo_)
        except OverflowError:  # at the end of the calendar: leave it to next_message_at
            return now
        return at if at > now else now

    def _date(self, value: str) -> date | None:
        return _read_once(self._dates, value, _ISO_DATE, date.fromisoformat)

    def _time(self, value: str) -> time | None:
        return _read_once(self._times, value, _ISO_TIME, time.fromisoformat)


_V = TypeVar("_V")


def _read_once(seen: dict[str, _V | None], value: str, form: re.Pattern[str], read: Callable[[str], _V]) -> _V | None:
    """`value` read as a stored date or time, once per distinct string; None when it isn't one ("2026-02-30")."""
    if value not in seen:
        parsed = None
        if form.fullmatch(value):
            with contextlib.suppress(ValueError):  # the right shape, but no such day or time: "25:00"
                parsed = read(value)
        seen[value] = parsed
    return seen[value]


def earliest_message_at(stored: object, now: datetime, knowledge: Knowledge) -> datetime | None:
    """A lower bound on `next_message_at`, read from a plan as stored (`Plan.to_dict`), unvalidated.

    None: nothing is ever due (a paused or stopped plan, or a finished one past its last
    check-in). An instant after `now`: nothing is due before it. `now` itself: something may
    be due now, or the stored plan isn't in the plain form read here; ask `next_message_at`.

    Restoring 100,000 plans at start with a validated Plan and `next_message_at` each was most
    of start-up. With this, a plan is only woken at the bound, when the nudger reads and checks
    it anyway and, if nothing is due, schedules its exact next instant; at most one early
    wake-up per plan. It holds because every check-in goes out at the plan's nudge time, on a
    local day from today on and after `last_nudged` (the farewell: on the day after the exam,
    even a past one), or later still (snoozes, skipped days). A rule that sends earlier must
    change this too: tests/test_startup.py checks the bound against `next_message_at`.
    For many plans at one instant, use `Bounds`.
    """
    return Bounds(now, knowledge)(stored)


def _last_release_after_exam(knowledge: Knowledge) -> timedelta | None:
    """How long after the exam its last score-release day can fall (see `schedule.release_days`), or None if none."""
    fact = knowledge.facts.get(schedule.SCORE_RELEASE_FACT)
    if fact is None or fact.weekday is None or not fact.weeks:
        return None
    return timedelta(weeks=max(fact.weeks), days=6)


def message_due(plan: Plan, now: datetime, knowledge: Knowledge) -> PlanOutcome | None:
    """What to send right now, with the plan marked so it is sent once; None when nothing is due."""
    if plan.status == "active" and schedule.exam_passed(plan, now):
        return messages.farewell_for(plan, knowledge)
    released = schedule.release_due(plan, now, knowledge)
    if released is not None:
        return messages.release_nudge(plan, released, knowledge)
    day = schedule.due_day(plan, now)
    if day is None:
        return None
    if schedule.occasion(plan, day) == "summary":
        return progress.weekly_summary(plan, day, knowledge)
    # A study nudge, the eve's note, or a deadline reminder on a day with nothing else.
    return messages.nudge_for(plan, day, knowledge)
