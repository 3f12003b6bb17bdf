"""When a plan's messages go out: which days, at what local time, across daylight saving, and how often.

Pure: callers pass `today` (a local date) or `now` (an aware datetime), which is what makes
DST and "missed while the bot was down" behaviour testable with fixed values. Wall-clock
nudge times are resolved per local day with zoneinfo, so 07:00 stays 07:00 across DST; a
time inside a spring-forward gap fires at the first instant after the gap; an ambiguous
(fall-back) time fires at its first occurrence, once. The eve of the exam always gets one
short "rest before the exam" nudge, even when it is not one of the student's study
weekdays; nothing is sent on or after exam day except the farewell, then the score-release
and deadline check-ins.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal

from bot.plans.model import DEADLINE_LEADS, Cadence, Plan, changed
from bot.plans.phases import is_nudge_day, is_study_day
from bot.timezones import zone
from knowledge import Knowledge

Occasion = Literal["study", "summary", "eve", "deadline"]
"""What goes out on a day before the exam: the study nudge, the weekly summary, the eve's rest note,
or (on a day nothing else goes out) a reminder of the student's own deadline."""

SUMMARY_AFTER = 6
"""Days a plan runs before its first weekly summary: a summary of a day or two says little."""

BACK_OFF_AFTER = 3
"""Study-day nudges in a row with no reply before nudging less often (daily -> every other -> weekly)."""


def occasion(plan: Plan, d: date) -> Occasion | None:
    """What the plan sends on local day `d` before the exam, if anything.

    The eve always gets its rest note. The summary weekday (once the plan has run
    SUMMARY_AFTER days, not a day off) gets the weekly summary, whatever the cadence. A study day gets a nudge
    unless today's study is already logged (quiet once done: the streak speaks for itself)
    or the cadence skips it (every other study day, or weekly: only the summary). A day
    DEADLINE_LEADS days before one of the student's deadlines always gets a message.
    """
    eve = plan.exam_date - timedelta(days=1)
    if d >= eve:
        return "eve" if d == eve else None
    if d.weekday() == plan.summary_weekday and (d - plan.created).days >= SUMMARY_AFTER and d not in plan.skipped:
        return "summary"
    if _study_nudge_day(plan, d):
        return "study"
    return "deadline" if plan.deadlines and deadline_due(plan, d) else None


def _study_nudge_day(plan: Plan, d: date) -> bool:
    if not is_study_day(plan, d):
        return False
    if plan.done_log and d.isoformat() in plan.done_log:
        return False
    return plan.cadence == "daily" or plan.last_nudged is None or _cadence_allows(plan, d)


def deadline_due(plan: Plan, d: date) -> bool:
    """One of the student's deadlines is DEADLINE_LEADS days after `d`: a reminder goes out that day."""
    return any((deadline.day - d).days in DEADLINE_LEADS for deadline in plan.deadlines)


def _cadence_allows(plan: Plan, d: date) -> bool:
    """Backed off: weekly sends only the summary; every other study day needs one skipped since the last nudge."""
    if plan.cadence == "weekly" or plan.last_nudged is None:
        return plan.cadence != "weekly"
    x = plan.last_nudged + timedelta(days=1)
    while x < d:
        if is_study_day(plan, x):
            return True
        x += timedelta(days=1)
    return False


def seen(plan: Plan, today: date) -> Plan | None:
    """The plan once the student has replied today (any message or button), or None if nothing changes.

    A reply answers every nudge before it and brings daily nudges back. Only written when it
    matters (a nudge unanswered, or backed off), so most messages cost no write.
    """
    if plan.status != "active":
        return None
    unanswered = plan.last_seen is None or (plan.last_nudged is not None and plan.last_seen < plan.last_nudged)
    if not unanswered and plan.cadence == "daily" and not plan.ignored:
        return None
    return changed(plan, last_seen=today, ignored=0, cadence="daily")


def attention(plan: Plan) -> tuple[Cadence, int, bool]:
    """The cadence and ignored count after one more study-day nudge, and whether the cadence steps down.

    The previous nudge counts as answered when the student wrote or pressed anything since
    (`last_seen`); logging is a reply too. After BACK_OFF_AFTER unanswered nudges in a row
    the cadence steps down once, and the count starts again.
    """
    answered = plan.last_nudged is None or (plan.last_seen is not None and plan.last_seen >= plan.last_nudged)
    ignored = 0 if answered else plan.ignored + 1
    if ignored < BACK_OFF_AFTER or plan.cadence == "weekly":
        return plan.cadence, ignored, False
    cadence: Cadence = "alternate" if plan.cadence == "daily" else "weekly"
    return cadence, 0, True


# ------------------------------------------------------------------------ local time


@functools.lru_cache(maxsize=16_384)
def _local_instant(day: date, wall: time, tz: tzinfo) -> datetime:
    """The UTC instant of local wall time `wall` on `day`, DST-correct.

    Ambiguous (fall-back) times resolve to their first occurrence. Nonexistent
    (spring-forward) times resolve to the first valid instant after the gap, i.e. the
    transition itself (02:30 New York on a spring-forward day -> 03:00 EDT).
    """
    naive = datetime.combine(day, wall)
    first = naive.replace(tzinfo=tz, fold=0)
    utc = first.astimezone(UTC)
    if utc.astimezone(tz).replace(tzinfo=None) == naive:
        return utc
    # In a gap the two folds straddle the transition; binary-search the first second
    # whose local wall time has reached `wall`.
    a, b = naive.replace(tzinfo=tz, fold=1).astimezone(UTC), utc
    lo, hi = min(a, b), max(a, b)
    while hi - lo > timedelta(seconds=1):
        mid = lo + (hi - lo) / 2
        if mid.astimezone(tz).replace(tzinfo=None) >= naive:
            hi = mid
        else:
            lo = mid
    return hi.replace(microsecond=0)


def as_utc(now: datetime) -> datetime:
    """`now` as aware UTC; a naive value is taken to be UTC rather than server-local time."""
    return now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)


def local_day(plan: Plan, now: datetime) -> date:
    return _day_in(now, plan.tz)


@functools.lru_cache(maxsize=1024)
def _day_in(now: datetime, tz: str) -> date:
    """The local date at instant `now` in zone `tz`.

    Cached, as `_local_instant` is: restoring 100,000 plans asks both the same few questions
    (one instant, a handful of zones, whole-minute nudge times) 100,000 times, and the
    answers were a third of the time start-up spent scheduling.
    """
    return as_utc(now).astimezone(zone(tz)).date()


local_instant = _local_instant
"""The UTC instant of a local wall time on a local day (cached; see `_local_instant`)."""
zone_day = _day_in
"""The local date at an instant in a stored zone string (cached; see `_day_in`)."""


def local_time(plan: Plan, at: datetime) -> datetime:
    """Instant `at` on the plan's local clock."""
    return at.astimezone(zone(plan.tz))


def next_nudge_at(plan: Plan, now: datetime) -> datetime | None:
    """The next UTC instant at or after `now` when a nudge is due, or None.

    It is the local nudge time on the next nudge day (study day or exam eve) not yet
    nudged, pushed back to `snoozed_until` when snoozed; equal to `now` when today's
    nudge is overdue (missed while the bot was down). A day whose nudge can no longer
    go out that same local day is skipped. None when paused/stopped/finished, or when
    no nudge day is left before the exam.
    """
    if plan.status != "active":
        return None
    now = as_utc(now)
    tz = zone(plan.tz)
    d = local_day(plan, now)
    while d < plan.exam_date:
        if (plan.last_nudged is None or d > plan.last_nudged) and occasion(plan, d) is not None:
            at = max(_local_instant(d, plan.nudge_time, tz), now)
            if plan.snoozed_until is not None:
                at = max(at, plan.snoozed_until)
            if _day_in(at, plan.tz) == d:
                return at.astimezone(UTC)
        d += timedelta(days=1)
    return None


def due_day(plan: Plan, now: datetime) -> date | None:
    """The local date whose nudge should be sent right now, or None.

    Due when the plan is active, today (local) is a nudge day not yet nudged, today's
    nudge time has passed and no snooze is running. A nudge missed while the bot was
    down is therefore sent late, once, the same local day, and never the next day.
    """
    if plan.status != "active":
        return None
    now = as_utc(now)
    tz = zone(plan.tz)
    today = now.astimezone(tz).date()
    if plan.last_nudged is not None and today <= plan.last_nudged:
        return None
    if today >= plan.exam_date or occasion(plan, today) is None:
        return None
    if now < _local_instant(today, plan.nudge_time, tz):
        return None
    if plan.snoozed_until is not None and now < plan.snoozed_until:
        return None
    return today


def todays_nudge_still_comes(plan: Plan, today: date, now: datetime | None) -> bool:
    """For a plan made now and marked nudged today: would today's nudge still go out, were it not marked?

    True only when `now` is before today's local nudge time and that nudge can still go out
    today (a snooze or the exam's eve may say otherwise).
    """
    if now is None or now.astimezone(zone(plan.tz)).time() >= plan.nudge_time:
        return False
    at = next_nudge_at(changed(plan, last_nudged=today - timedelta(days=1)), now)
    return at is not None and local_time(plan, at).date() == today


def first_nudge(plan: Plan, today: date, now: datetime | None) -> tuple[date, time] | None:
    """The local day and time nudges start for a plan made `today`, or None when none is left.

    With `now`, the next nudge as scheduled (today's included); without it, the first nudge day after today.
    """
    if now is not None:
        at = next_nudge_at(plan, now)
        if at is None:
            return None
        local = local_time(plan, at)
        return local.date(), local.time()
    first = first_nudge_day(plan, today)
    return None if first is None else (first, plan.nudge_time)


def first_nudge_day(plan: Plan, after: date) -> date | None:
    """The first local day after `after` that gets a nudge (study day or exam eve), or None."""
    d = after + timedelta(days=1)
    while d < plan.exam_date:
        if is_nudge_day(plan, d):
            return d
        d += timedelta(days=1)
    return None


def exam_passed(plan: Plan, now: datetime) -> bool:
    """True once the local day after the exam has begun (exam day itself is not 'passed')."""
    return local_day(plan, now) > plan.exam_date


def farewell_at(plan: Plan) -> datetime | None:
    """When to send the farewell: the nudge time on the day after the exam (UTC), or None
    for a plan that is stopped or already finished."""
    if plan.status in ("stopped", "finished"):
        return None
    return _local_instant(plan.exam_date + timedelta(days=1), plan.nudge_time, zone(plan.tz))


# ------------------------------------------------------------------ after the exam

SCORE_RELEASE_FACT = "score-release"
"""The knowledge fact that says on which weekday, and how many weeks after the exam, scores come out."""
_WEEKDAY_FULL = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def release_days(plan: Plan, knowledge: Knowledge) -> list[date]:
    """The local days the score is expected: the fact's weekday on or after each of its weeks past the exam.

    With USMLE's "Wednesdays, three to four weeks after": the Wednesdays 3 and 4 weeks on.
    Empty when the knowledge store doesn't say (then no such nudge is sent: nothing is invented).
    """
    fact = knowledge.facts.get(SCORE_RELEASE_FACT)
    if fact is None or fact.weekday is None or not fact.weeks:
        return []
    weekday = _WEEKDAY_FULL.index(fact.weekday)
    days = set()
    for weeks in fact.weeks:
        d = plan.exam_date + timedelta(weeks=weeks)
        days.add(d + timedelta(days=(weekday - d.weekday()) % 7))
    return sorted(days)


def _after_exam_days(plan: Plan, knowledge: Knowledge) -> list[date]:
    """The days a finished plan still gets a message: the score-release days and deadline reminders."""
    reminders = {dl.day - timedelta(days=n) for dl in plan.deadlines for n in DEADLINE_LEADS}
    return sorted({*release_days(plan, knowledge), *(d for d in reminders if d > plan.exam_date)})


def next_release_at(plan: Plan, now: datetime, knowledge: Knowledge) -> datetime | None:
    """When the next after-exam check-in (score release, deadline) is due (UTC) for a finished plan, or None."""
    if plan.status != "finished":
        return None
    now = as_utc(now)
    tz = zone(plan.tz)
    today = local_day(plan, now)
    for d in _after_exam_days(plan, knowledge):
        if d >= today and (plan.last_nudged is None or d > plan.last_nudged):
            at = max(_local_instant(d, plan.nudge_time, tz), now)
            if at.astimezone(tz).date() == d:
                return at
    return None


def release_due(plan: Plan, now: datetime, knowledge: Knowledge) -> date | None:
    """The release day whose nudge should go out now (finished plan, that day, after the nudge time), or None."""
    if plan.status != "finished":
        return None
    now = as_utc(now)
    today = local_day(plan, now)
    if today not in _after_exam_days(plan, knowledge) or (plan.last_nudged is not None and today <= plan.last_nudged):
        return None
    return today if now >= _local_instant(today, plan.nudge_time, zone(plan.tz)) else None
