"""The plan's days: study weekdays, the phases and self-assessments laid over them, what a day is for, the streak.

Phases are laid out from `plan.created` to the exam, so they do not drift as days pass;
moving the exam date re-lays them from that day (`created` is reset). Days off
(`Plan.skipped`, a weekend break) are neither study nor nudge days, so they neither get a
nudge nor break the streak. Self-assessments are dated checkpoints carried on the phase
they fall in (`Phase.checkpoints`): the last one a week before the exam, weekly in the
final four weeks, fortnightly before that, plus a baseline the day after a long-runway
plan starts; `self_assessment_days` moves each onto the nearest study day. The eve of the
exam is its own "Rest" phase.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.formatting import WEEKDAY_NAMES
from bot.plans.model import Plan

TRIAGE_DAYS = 14
"""With fewer days than this left, the plan is a question-bank-first triage."""

# Rest days spread through the week rather than bunched: 4 days keeps Wednesday off so
# no stretch is longer than two days; fewer days lean on the weekend.
_WEEKDAY_SETS: dict[int, frozenset[int]] = {
    1: frozenset({5}),
    2: frozenset({2, 5}),
    3: frozenset({0, 2, 4}),
    4: frozenset({0, 1, 3, 4}),
    5: frozenset({0, 1, 2, 3, 4}),
    6: frozenset({0, 1, 2, 3, 4, 5}),
    7: frozenset(range(7)),
}


def weekdays_for(study_days: int) -> frozenset[int]:
    """Study weekdays (0 = Monday) for a number of days a week, clamped to 1-7."""
    return _WEEKDAY_SETS[min(7, max(1, study_days))]


def study_weekdays(plan: Plan) -> frozenset[int]:
    """The plan's study weekdays (0 = Monday): the ones named, else 5 -> Mon-Fri, 6 -> Mon-Sat, ..."""
    if plan.weekdays:
        return frozenset(plan.weekdays)
    return weekdays_for(plan.study_days)


def describe_weekdays(days: frozenset[int]) -> str:
    """'Mon–Fri' for a run, 'every day' for all seven, else 'Mon, Tue, Thu, Fri'."""
    ordered = sorted(days)
    if len(ordered) == 7:
        return "every day"
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{WEEKDAY_NAMES[ordered[0]]}–{WEEKDAY_NAMES[ordered[-1]]}"
    return ", ".join(WEEKDAY_NAMES[d] for d in ordered)


def is_study_day(plan: Plan, d: date) -> bool:
    """A day the plan expects study on: a study weekday before the eve of the exam, not taken off."""
    return d < plan.exam_date - timedelta(days=1) and d.weekday() in study_weekdays(plan) and d not in plan.skipped


def is_nudge_day(plan: Plan, d: date) -> bool:
    """Study days, plus the eve of the exam (one short "rest before the exam" nudge)."""
    return is_study_day(plan, d) or d == plan.exam_date - timedelta(days=1)


# ---------------------------------------------------------------------------- phases


@dataclass(frozen=True)
class Phase:
    """A stretch of the plan, both ends inclusive, with what to focus on."""

    name: str
    start: date
    end: date
    focus: str
    checkpoints: tuple[date, ...] = ()
    """Self-assessment dates (full practice tests) that fall inside this phase."""


FOUNDATIONS = ("Content review", "Go system by system, with a daily untimed question block in tutor mode.")
MAIN = ("Content review + QBank", "Daily timed, mixed question blocks; review every explanation and patch weak topics.")
QBANK = ("Question bank", "Timed, mixed blocks daily; review every explanation; revisit weak systems.")
FINAL = ("Final review", "Timed mixed blocks, your weak areas and high-yield notes; no new resources.")
TRIAGE = (
    "Triage: questions first",
    "Timed blocks on high-yield topics and your weakest areas; read every explanation; skip big new resources.",
)
TRIAGE_FINAL = ("Final review", "High-yield notes and your missed questions, plus one light block to stay sharp.")
REST = ("Rest", "No new material: light review at most, sort exam-day logistics, sleep early.")
SELF_ASSESSMENT = (
    "Self-assessment day: a full practice test under exam conditions, then review it to aim the next days."
)


def _checkpoints(exam_date: date, floor: date) -> list[date]:
    """Self-assessments counted back from a week before the exam, down to `floor`.

    Weekly inside the last four weeks (when scores move fastest and feedback matters),
    fortnightly before that, so a long runway doesn't burn through every practice form.
    """
    out: list[date] = []
    d = exam_date - timedelta(days=7)
    while d >= floor:
        out.append(d)
        d -= timedelta(days=7 if (exam_date - d).days < 28 else 14)
    return sorted(out)


def _phase(spec: tuple[str, str], start: date, end: date, sas: Sequence[date]) -> Phase:
    return Phase(spec[0], start, end, spec[1], tuple(d for d in sas if start <= d <= end))


def build_phases(exam_date: date, today: date) -> list[Phase]:
    """Dated, contiguous phases from `today` to the eve of the exam (empty if no days left).

    Sizing by days left (n = study days before the eve):
    * under 14 days: a triage plan — questions first on high-yield weak areas, a short
      final review when there are 6+ days, one self-assessment when there are 3+ days;
    * otherwise: the final review takes the last 7 days (14 when 5+ weeks are left); the
      rest is content review + question bank, split into a content-review phase and an
      8-week question-bank phase when that main block would be 10 weeks or more.
    The day before the exam is always its own "Rest" phase.
    """
    days_left = (exam_date - today).days
    if days_left < 1:
        return []
    eve = exam_date - timedelta(days=1)
    rest = Phase(REST[0], eve, eve, REST[1])
    n = days_left - 1
    if n == 0:
        return [rest]
    last = eve - timedelta(days=1)
    one = timedelta(days=1)

    if days_left < TRIAGE_DAYS:
        # One self-assessment: a week out when there's room, else as early as possible,
        # so the result can still aim the remaining days. With 1-2 days it would cost
        # the time it is meant to guide, so it is left out.
        sas = [max(today + one, exam_date - timedelta(days=7))] if n >= 3 else []
        if n >= 6:
            final_start = exam_date - timedelta(days=4)
            return [_phase(TRIAGE, today, final_start - one, sas), _phase(TRIAGE_FINAL, final_start, last, sas), rest]
        return [_phase(TRIAGE, today, last, sas), rest]

    final_len = 7 if n < 35 else 14
    main_len = n - final_len
    final_start = last - timedelta(days=final_len - 1)
    if main_len >= 70:
        qbank_start = final_start - timedelta(days=56)
        # A baseline the day after starting shows where the long content phase should dig.
        sas = [today + one, *_checkpoints(exam_date, qbank_start)]
        return [
            _phase(FOUNDATIONS, today, qbank_start - one, sas),
            _phase(QBANK, qbank_start, final_start - one, sas),
            _phase(FINAL, final_start, last, sas),
            rest,
        ]
    sas = _checkpoints(exam_date, today + one)
    return [_phase(MAIN, today, final_start - one, sas), _phase(FINAL, final_start, last, sas), rest]


def plan_phases(plan: Plan) -> list[Phase]:
    """The plan's phases, laid out from the day it was created (or its exam-date edit)."""
    return build_phases(plan.exam_date, plan.created)


def self_assessment_days(plan: Plan) -> list[date]:
    """The plan's self-assessment dates, each moved onto the nearest study day.

    A checkpoint on a rest weekday moves back (then forward) by up to 6 days to a free
    study day after the plan was made and before the eve; if none, it is dropped.
    """
    out: list[date] = []
    eve = plan.exam_date - timedelta(days=1)
    for phase in plan_phases(plan):
        for cp in phase.checkpoints:
            for shift in (0, -1, -2, -3, -4, -5, -6, 1, 2, 3, 4, 5, 6):
                d = cp + timedelta(days=shift)
                if plan.created < d < eve and is_study_day(plan, d) and d not in out:
                    out.append(d)
                    break
    return sorted(out)


def focus_for(plan: Plan, day: date) -> str:
    """What `day` is for: the phase focus, a self-assessment, a rest day or exam day."""
    if day == plan.exam_date:
        return "Exam day: trust your preparation. Good luck!"
    if day > plan.exam_date:
        return "The exam is behind you."
    phases = plan_phases(plan)
    phase = next((p for p in phases if p.start <= day <= p.end), phases[0] if phases else None)
    if phase is None:
        return "Keep your daily question block going."
    if phase.name == REST[0]:
        return f"{phase.name}: {phase.focus}"
    if day in self_assessment_days(plan):
        return SELF_ASSESSMENT
    if not is_study_day(plan, day):
        return "Rest day: recharge; nothing is scheduled today."
    return f"{phase.name}: {phase.focus}"


def weak_area_for(plan: Plan, day: date) -> str | None:
    """The weak area a study day's nudge starts on, None on other days or without any. They come in turn, one
    per nudge that names one (`Plan.weak_turn`), so a plan nudged three days a week, or less often, still
    alternates."""
    if not plan.weak_areas or not is_study_day(plan, day) or day in self_assessment_days(plan):
        return None
    return plan.weak_areas[plan.weak_turn % len(plan.weak_areas)]


def streak(plan: Plan, today: date) -> int:
    """Days in the current unbroken run of logged days, counted back from `today`.

    Any logged day counts (a bonus day on a rest weekday too). Rest days without a log
    don't break the run, and neither does today before it has been logged.
    """
    if not plan.done_log:
        return 0
    earliest = min(date.fromisoformat(k) for k in plan.done_log)
    count, d = 0, today
    while d >= earliest:
        if d.isoformat() in plan.done_log:
            count += 1
        elif is_study_day(plan, d) and d != today:
            break
        d -= timedelta(days=1)
    return count
