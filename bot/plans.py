"""Study plans: the stored plan, its phases, the daily nudges, progress and plan operations.

Reading a student's answers lives in `bot.answers`, time zones in `bot.timezones`, the
set-up conversation in `bot.plan_flow`. Every transition here (a nudge, /done, pause, a
moved exam, a break) returns one `PlanOutcome(reply, plan, draft)`.

Everything here is pure: no clock, no I/O, no transport. Callers pass `today` (a local
date) or `now` (an aware datetime) explicitly, which is what makes DST and "missed while
the bot was down" behaviour testable with fixed values.

How a transport is meant to drive it, for every stored plan:

* schedule a wake-up at `next_nudge_at(plan, now)`; when it fires, ask
  `due_day(plan, now)` and, if it returns a day, send `nudge_for(plan, day, knowledge)`
  and store the outcome's plan (its `last_nudged` is the guard against a second send);
* after the exam (`exam_passed(plan, now)`, first possible at `farewell_at(plan)`), send
  `farewell_for(plan, knowledge)` once and store the finished plan.

Design decisions worth knowing:

* Phases are laid out from `plan.created` to the exam, so they do not drift as days pass;
  moving the exam date re-lays them from that day (`created` is reset).
* Days off (`Plan.skipped`, a weekend break) are neither study nor nudge days, so they
  neither get a nudge nor break the streak.
* Self-assessments are dated checkpoints carried on the phase they fall in
  (`Phase.checkpoints`): the last one a week before the exam, weekly in the final four
  weeks, fortnightly before that, plus a baseline the day after a long-runway plan
  starts. `self_assessment_days` moves each onto the nearest study day.
* The eve of the exam is its own "Rest" phase, and it always gets one short
  "rest before the exam" nudge, even when it is not one of the student's study weekdays.
  Nothing is sent on or after exam day except the farewell.
* Wall-clock nudge times are resolved per local day with zoneinfo, so 07:00 stays 07:00
  across DST; a time inside a spring-forward gap fires at the first instant after the
  gap; an ambiguous (fall-back) time fires at its first occurrence, once.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, Literal

from pydantic import ConfigDict, TypeAdapter, ValidationError, field_validator
from pydantic.dataclasses import dataclass as pydantic_dataclass

from bot.answers import WEEKDAY_NAMES, excerpt, find_exam_date, fmt_day, fmt_short, fmt_time, plural
from bot.reply import Button, Reply, escape_text
from bot.timezones import zone
from knowledge import Knowledge
from knowledge.models import Tip

log = logging.getLogger(__name__)

Status = Literal["active", "paused", "stopped", "finished"]
STATUSES: tuple[Status, ...] = ("active", "paused", "stopped", "finished")

FlowStep = Literal["exam_date", "study_days", "nudge_time", "timezone", "extras", "edit"]
"""The set-up question waiting for an answer; "edit" is the "what do you want to change?" menu."""

FLOW_STEPS: tuple[FlowStep, ...] = ("exam_date", "study_days", "nudge_time", "timezone", "extras", "edit")

TRIAGE_DAYS = 14
"""With fewer days than this left, the plan is a question-bank-first triage."""

SNOOZE_MINUTES = 60

# ------------------------------------------------------------------------------ plan

# Stored plans are validated on the way in (pydantic), so a hand-edited or old-shaped
# record is either read correctly or refused with a reason, never half-read. Pydantic
# dataclasses rather than BaseModel: `dataclasses.replace` validates the copy too.
_STORED = ConfigDict(extra="ignore", validate_assignment=True)


def _aware(value: datetime | None) -> datetime | None:
    """Naive stored instants are UTC (older records); aware ones are kept as they are."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


ScoreKind = Literal["nbme", "uwsa", "cms", "free120", "practice"]
"""The practice test a score came from ("practice": a test the student didn't name)."""
SCORE_KINDS: tuple[ScoreKind, ...] = ("nbme", "uwsa", "cms", "free120", "practice")
KIND_LABELS: dict[str, str] = {
    "nbme": "NBME",
    "uwsa": "UWSA",
    "cms": "CMS",
    "free120": "Free 120",
    "practice": "Practice",
}

Cadence = Literal["daily", "alternate", "weekly"]
"""How often study-day nudges go out: every study day, every other one, or only the weekly summary."""
CADENCES: tuple[Cadence, ...] = ("daily", "alternate", "weekly")

MAX_SCORES = 60
"""Practice-test results kept per plan (there are about 20 forms; room for retakes), oldest dropped."""
MAX_LOG_DAYS = 400
"""Days of question counts and percentages kept: more than the longest plan, so bounded at 100,000 plans."""
MAX_PERCENTS_A_DAY = 12
MAX_LOG_HOURS = 7
"""The local hours of the student's last few logs, to notice when they usually study."""


@pydantic_dataclass(config=_STORED, frozen=True)
class ScoreEntry:
    """One practice-test result the student reported: when, which test and form, and the score."""

    day: date
    kind: ScoreKind
    form: str = ""
    score: int | None = None
    """A three-digit score (NBME, UWSA)."""
    percent: int | None = None
    """A percentage correct (CMS forms, Free 120)."""

    @field_validator("kind", mode="before")
    @classmethod
    def _known_kind(cls, value: object) -> object:
        return value if value in SCORE_KINDS else "practice"

    @property
    def label(self) -> str:
        """ "NBME 11", "UWSA 2", "Free 120", "Practice"."""
        name = KIND_LABELS[self.kind]
        return f"{name} {self.form}" if self.form else name


@pydantic_dataclass(config=_STORED, frozen=True)
class Deadline:
    """A date the student told us about (an application deadline), in their words."""

    day: date
    what: str
    """What they wrote, cut to MAX_DEADLINE_TEXT characters (escaped wherever it is shown)."""


MAX_DEADLINES = 8
MAX_DEADLINE_TEXT = 60
DEADLINE_LEADS = (7, 1)
"""Days before a deadline the student hears about it."""


@pydantic_dataclass(config=_STORED, frozen=True)
class Plan:
    """Everything a student chose plus the nudge bookkeeping; stored via to_dict/from_dict."""

    exam_date: date
    study_days: int
    nudge_time: time
    tz: str
    created: date
    """The local day the phases are laid out from (reset when the exam date is edited)."""
    practice_score: int | None = None
    target_specialty: str | None = None
    status: Status = "active"
    last_nudged: date | None = None
    """LOCAL date of the last nudge sent: the guard against sending twice for one day."""
    snoozed_until: datetime | None = None
    """Aware UTC; no nudge goes out before it."""
    tips_used: list[str] = field(default_factory=list)
    """Tip ids already sent in this rotation."""
    done_log: dict[str, int] = field(default_factory=dict)
    """Local ISO date -> questions done that day (0 when they just said "done")."""
    weekdays: tuple[int, ...] | None = None
    """The study weekdays (0 = Monday) when the student named them ("mon wed fri");
    None means the usual spread for `study_days`."""
    percent_log: dict[str, list[int]] = field(default_factory=dict)
    """Local ISO date -> percentages correct the student reported that day."""
    skipped: list[date] = field(default_factory=list)
    """Days off the student asked for (a weekend break): no nudge, and no broken streak."""
    scores: list[ScoreEntry] = field(default_factory=list)
    """Practice-test results as reported, oldest first (at most MAX_SCORES)."""
    summary_weekday: int = 6
    """The weekday (0 = Monday) of the weekly summary; Sunday unless the student picks another."""
    cadence: Cadence = "daily"
    ignored: int = 0
    """Study-day nudges in a row with no reply, no button and nothing logged."""
    last_seen: date | None = None
    """LOCAL day the student last wrote or pressed a button (kept only as far as nudges need it)."""
    log_hours: list[int] = field(default_factory=list)
    """Local hours of the last few logs (at most MAX_LOG_HOURS)."""
    time_offered: bool = False
    """The offer to move the nudge to the hour they usually log has been made (it is made once)."""
    deadlines: list[Deadline] = field(default_factory=list)
    """Dates the student asked to be reminded of (`/deadline`), soonest first (at most MAX_DEADLINES)."""

    @field_validator("status", mode="before")
    @classmethod
    def _known_status(cls, value: object) -> object:
        return value if value in STATUSES else "active"

    @field_validator("tz", mode="before")
    @classmethod
    def _some_zone(cls, value: object) -> object:
        return value or "UTC"

    @field_validator("cadence", mode="before")
    @classmethod
    def _known_cadence(cls, value: object) -> object:
        return value if value in CADENCES else "daily"

    @field_validator("summary_weekday", mode="before")
    @classmethod
    def _a_weekday(cls, value: object) -> object:
        return value if isinstance(value, int) and 0 <= value <= 6 else 6

    @field_validator("snoozed_until")
    @classmethod
    def _utc_snooze(cls, value: datetime | None) -> datetime | None:
        return _aware(value)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types only; `Plan.from_dict(p.to_dict()) == p`."""
        # Fields at their defaults are left out: a smaller store, and less to read back at start-up.
        return _PLAN.dump_python(self, mode="json", exclude_defaults=True)  # type: ignore[no-any-return]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | Plan) -> Plan:
        """A plan from `to_dict` output (keys with defaults may be missing); a Plan as it is."""
        if isinstance(d, Plan):
            return d
        return _PLAN.validate_python(dict(d))


_PLAN: TypeAdapter[Plan] = TypeAdapter(Plan)


def stored_plan(value: object) -> Plan | None:
    """A stored plan (a Plan, or its dict from an older record), None when unreadable."""
    if value is None or isinstance(value, Plan):
        return value
    try:
        return Plan.from_dict(value) if isinstance(value, Mapping) else None
    except (ValidationError, TypeError, ValueError) as err:
        # Which fields failed, never their values: a plan is a student's private data.
        log.warning("a stored plan could not be read and is left out (%s)", _fields_of(err))
        return None


def changed(plan: Plan, **changes: Any) -> Plan:
    """`replace` with fresh containers, so no two plans ever share a list or dict."""
    changes.setdefault("tips_used", list(plan.tips_used))
    changes.setdefault("done_log", dict(plan.done_log))
    changes.setdefault("percent_log", {k: list(v) for k, v in plan.percent_log.items()})
    changes.setdefault("skipped", list(plan.skipped))
    changes.setdefault("scores", list(plan.scores))
    changes.setdefault("log_hours", list(plan.log_hours))
    changes.setdefault("deadlines", list(plan.deadlines))
    return replace(plan, **changes)


def plan_changes(before: Plan, after: Plan) -> dict[str, Any]:
    """The fields `after` changed relative to `before` (for merging onto a newer copy)."""
    return {f.name: getattr(after, f.name) for f in fields(Plan) if getattr(after, f.name) != getattr(before, f.name)}


@pydantic_dataclass(config=_STORED)
class PlanDraft:
    """A set-up conversation in progress: what it has collected and which question waits."""

    step: FlowStep
    exam_date: date | None = None
    study_days: int | None = None
    nudge_time: time | None = None
    tz: str | None = None
    practice_score: int | None = None
    target_specialty: str | None = None
    default_tz: str = "UTC"
    editing: Plan | None = None
    """The plan being edited (a snapshot), or None when building a new plan."""
    weekdays: tuple[int, ...] | None = None

    @field_validator("step", mode="before")
    @classmethod
    def _known_step(cls, value: object) -> object:
        return value if value in FLOW_STEPS else "exam_date"

    @field_validator("default_tz", mode="before")
    @classmethod
    def _some_zone(cls, value: object) -> object:
        return value or "UTC"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types only; `PlanDraft.from_dict(d.to_dict()) == d`."""
        return _DRAFT.dump_python(self, mode="json")  # type: ignore[no-any-return]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | PlanDraft) -> PlanDraft:
        """Rebuild a draft; missing keys take their defaults, an unknown step restarts it."""
        if isinstance(d, PlanDraft):
            return d
        return _DRAFT.validate_python(dict(d))


_DRAFT: TypeAdapter[PlanDraft] = TypeAdapter(PlanDraft)


def stored_draft(value: object) -> PlanDraft | None:
    """A stored set-up draft, None when there is none or it can't be read (set-up restarts)."""
    if value is None or isinstance(value, PlanDraft):
        return value
    try:
        return PlanDraft.from_dict(value) if isinstance(value, Mapping) else None
    except (ValidationError, TypeError, ValueError) as err:
        log.warning("a stored plan set-up could not be read and starts over (%s)", _fields_of(err))
        return None


def _fields_of(err: Exception) -> str:
    """The fields a validation error names, for a log line that holds no user data."""
    if isinstance(err, ValidationError):
        return ", ".join(".".join(str(p) for p in e["loc"]) for e in err.errors()) or "no field"
    return type(err).__name__


@dataclass(frozen=True)
class PlanOutcome:
    """What every plan transition returns: the set-up still going, the plan to store, the reply.

    `draft` None means no set-up is in progress afterwards; `plan` None means the stored plan
    stays as it is (nothing to save).
    """

    reply: Reply
    plan: Plan | None = None
    draft: PlanDraft | None = None


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


def _is_study_day(plan: Plan, d: date) -> bool:
    """A day the plan expects study on: a study weekday before the eve of the exam, not taken off."""
    return d < plan.exam_date - timedelta(days=1) and d.weekday() in study_weekdays(plan) and d not in plan.skipped


def _is_nudge_day(plan: Plan, d: date) -> bool:
    """Study days, plus the eve of the exam (one short "rest before the exam" nudge)."""
    return _is_study_day(plan, d) or d == plan.exam_date - timedelta(days=1)


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
    return "deadline" if plan.deadlines and deadline_notes(plan, d) else None


def _study_nudge_day(plan: Plan, d: date) -> bool:
    if not _is_study_day(plan, d):
        return False
    if plan.done_log and d.isoformat() in plan.done_log:
        return False
    return plan.cadence == "daily" or plan.last_nudged is None or _cadence_allows(plan, d)


def deadline_notes(plan: Plan, d: date) -> list[str]:
    """'📌 In 7 days (Fri, Sep 25): “ERAS opens sep 25”' for each deadline due a reminder on `d` (HTML)."""
    notes = []
    for deadline in plan.deadlines:
        left = (deadline.day - d).days
        if left in DEADLINE_LEADS:
            when = "Tomorrow" if left == 1 else f"In {left} days"
            notes.append(f"📌 {when} ({fmt_day(deadline.day)}): “{escape_text(deadline.what)}”")
    return notes


def _cadence_allows(plan: Plan, d: date) -> bool:
    """Backed off: weekly sends only the summary; every other study day needs one skipped since the last nudge."""
    if plan.cadence == "weekly" or plan.last_nudged is None:
        return plan.cadence != "weekly"
    x = plan.last_nudged + timedelta(days=1)
    while x < d:
        if _is_study_day(plan, x):
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


def _plan_phases(plan: Plan) -> list[Phase]:
    """The plan's phases, laid out from the day it was created (or its exam-date edit)."""
    return build_phases(plan.exam_date, plan.created)


def self_assessment_days(plan: Plan) -> list[date]:
    """The plan's self-assessment dates, each moved onto the nearest study day.

    A checkpoint on a rest weekday moves back (then forward) by up to 6 days to a free
    study day after the plan was made and before the eve; if none, it is dropped.
    """
    out: list[date] = []
    eve = plan.exam_date - timedelta(days=1)
    for phase in _plan_phases(plan):
        for cp in phase.checkpoints:
            for shift in (0, -1, -2, -3, -4, -5, -6, 1, 2, 3, 4, 5, 6):
                d = cp + timedelta(days=shift)
                if plan.created < d < eve and _is_study_day(plan, d) and d not in out:
                    out.append(d)
                    break
    return sorted(out)


def focus_for(plan: Plan, day: date) -> str:
    """What `day` is for: the phase focus, a self-assessment, a rest day or exam day."""
    if day == plan.exam_date:
        return "Exam day: trust your preparation. Good luck!"
    if day > plan.exam_date:
        return "The exam is behind you."
    phases = _plan_phases(plan)
    phase = next((p for p in phases if p.start <= day <= p.end), phases[0] if phases else None)
    if phase is None:
        return "Keep your daily question block going."
    if phase.name == REST[0]:
        return f"{phase.name}: {phase.focus}"
    if day in self_assessment_days(plan):
        return SELF_ASSESSMENT
    if not _is_study_day(plan, day):
        return "Rest day: recharge; nothing is scheduled today."
    return f"{phase.name}: {phase.focus}"


def specialty_line(plan: Plan, knowledge: Knowledge) -> str | None:
    """'Derm average: 257 (its label) — an average, not a cut-off.' (escaped HTML), or None."""
    spec = knowledge.specialties.get(plan.target_specialty or "")
    if spec is None:
        return None
    lead = knowledge.lead(spec.id)  # the figure every reply about one specialty leads with
    label = escape_text(knowledge.label(lead))
    return f"{escape_text(spec.short_name)} average: <b>{lead.value}</b> ({label}) — an average, not a cut-off."


def _days_left_text(days: int) -> str:
    if days > 1:
        return f"{days} days left"
    if days == 1:
        return "tomorrow!"
    return "today" if days == 0 else "passed"


def progress_line(plan: Plan, today: date) -> str:
    """'🔥 Streak: 3 study days · 120 questions logged · last score 70%', or how to start one."""
    if not plan.done_log:
        return "🔥 No progress logged yet: send <code>/done 40</code> after a block of questions."
    parts = [f"🔥 Streak: {plural(streak(plan, today), 'study day')}"]
    questions = sum(plan.done_log.values())
    parts.append(f"{questions:,} questions logged" if questions != 1 else "1 question logged")
    latest = [p for day in sorted(plan.percent_log) for p in plan.percent_log[day]]
    if latest:
        parts.append(f"last block {latest[-1]}% correct")
    return " · ".join(parts)


def summary_html(plan: Plan, today: date, knowledge: Knowledge) -> str:
    """A compact, phone-sized summary of the plan in Telegram HTML."""
    days = (plan.exam_date - today).days
    lines = [
        "<b>📋 Your Step 2 CK plan</b>",
        f"📅 Exam: <b>{fmt_day(plan.exam_date, year=True)}</b> · {_days_left_text(days)}",
        f"📚 {len(study_weekdays(plan))} study days/week ({describe_weekdays(study_weekdays(plan))})",
        f"⏰ Nudges at {fmt_time(plan.nudge_time)} ({escape_text(plan.tz)})",
    ]
    if plan.practice_score is not None:
        lines.append(f"📝 Latest practice score: {plan.practice_score}")
    spec_line = specialty_line(plan, knowledge)
    if spec_line:
        lines.append(f"🎯 {spec_line}")
    lines.append(progress_line(plan, today))
    off = [d for d in plan.skipped if d >= today]
    if off:
        lines.append(f"🌿 Days off: {', '.join(fmt_short(d) for d in off[:6])}")
    if plan.status == "paused":
        lines.append("⏸ Nudges are paused — send /resume to restart them.")
    elif plan.status in ("stopped", "finished"):
        lines.append(f"⏹ This plan is {plan.status}; no nudges are sent.")

    phases = [p for p in _plan_phases(plan) if p.end >= today]
    if phases:
        lines.append("")
        lines.append("<b>Phases</b>")
        for p in phases:
            span = fmt_day(p.start) if p.start == p.end else f"{fmt_short(p.start)} – {fmt_short(p.end)}"
            lines.append(f"• <b>{escape_text(p.name)}</b>, {span}: {escape_text(p.focus)}")
        upcoming = [d for d in self_assessment_days(plan) if d >= today]
        if upcoming:
            shown = ", ".join(fmt_short(d) for d in upcoming[:6])
            more = f" (+{len(upcoming) - 6} more)" if len(upcoming) > 6 else ""
            lines.append(f"📝 Self-assessments: {shown}{more}")
    if days >= 0:
        lines.append("")
        lines.append(f"<b>Today:</b> {escape_text(focus_for(plan, today))}")
    return "\n".join(lines)


# ------------------------------------------------------------------------ scheduling


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


def _utc(now: datetime) -> datetime:
    """`now` as aware UTC; a naive value is taken to be UTC rather than server-local time."""
    return now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)


def _local_date(plan: Plan, now: datetime) -> date:
    return _day_in(now, plan.tz)


@functools.lru_cache(maxsize=1024)
def _day_in(now: datetime, tz: str) -> date:
    """The local date at instant `now` in zone `tz`.

    Cached, as `_local_instant` is: restoring 100,000 plans asks both the same few questions
    (one instant, a handful of zones, whole-minute nudge times) 100,000 times, and the
    answers were a third of the time start-up spent scheduling.
    """
    return _utc(now).astimezone(zone(tz)).date()


local_instant = _local_instant
"""The UTC instant of a local wall time on a local day (cached; see `_local_instant`)."""
local_day = _day_in
"""The local date at an instant in a stored zone string (cached; see `_day_in`)."""


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
    now = _utc(now)
    tz = zone(plan.tz)
    d = _local_date(plan, now)
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
    now = _utc(now)
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


def first_nudge_day(plan: Plan, after: date) -> date | None:
    """The first local day after `after` that gets a nudge (study day or exam eve), or None."""
    d = after + timedelta(days=1)
    while d < plan.exam_date:
        if _is_nudge_day(plan, d):
            return d
        d += timedelta(days=1)
    return None


def exam_passed(plan: Plan, now: datetime) -> bool:
    """True once the local day after the exam has begun (exam day itself is not 'passed')."""
    return _local_date(plan, now) > plan.exam_date


def farewell_at(plan: Plan) -> datetime | None:
    """When to send the farewell: the nudge time on the day after the exam (UTC), or None
    for a plan that is stopped or already finished."""
    if plan.status in ("stopped", "finished"):
        return None
    return _local_instant(plan.exam_date + timedelta(days=1), plan.nudge_time, zone(plan.tz))


# ----------------------------------------------------------------------------- nudges

ENCOURAGEMENTS = (
    "Small, steady days add up. You've got this. 💪",
    "One block at a time: consistency beats intensity.",
    "Every explanation you read today is a question you'll get right later.",
    "Progress over perfection today.",
    "You showed up, and that's the hardest part.",
    "Exam-day you will thank today-you.",
    "Your score is built on ordinary days like this one.",
)

ADD_TO_CALENDAR = Button("📅 Add to calendar", "/calendar")
"""Under a plan summary: the plan as an .ics file."""

NUDGE_BUTTONS = ((Button("✅ Done", "/done"), Button("⏰ Snooze 1h", "/snooze"), Button("⏸ Pause", "/pause")),)
DAILY_BUTTON = Button("🔔 Daily nudges again", "/plan daily")

BACKED_OFF: dict[Cadence, str] = {
    "alternate": (
        "I haven't heard from you after the last few nudges, so I'll nudge you every other study day for now. "
        "No pressure: any reply brings the daily nudges back."
    ),
    "weekly": (
        "Still quiet, so I'll keep to your weekly summary from now on. "
        "Whenever you want the daily nudges again, tap below or just write to me."
    ),
}
"""Said once, in the nudge where the cadence steps down."""


def _attention(plan: Plan) -> tuple[Cadence, int, str | None]:
    """The cadence and ignored count after one more study-day nudge, and what to say if it steps down.

    The previous nudge counts as answered when the student wrote or pressed anything since
    (`last_seen`); logging is a reply too. After BACK_OFF_AFTER unanswered nudges in a row
    the cadence steps down once, and the count starts again.
    """
    answered = plan.last_nudged is None or (plan.last_seen is not None and plan.last_seen >= plan.last_nudged)
    ignored = 0 if answered else plan.ignored + 1
    if ignored < BACK_OFF_AFTER or plan.cadence == "weekly":
        return plan.cadence, ignored, None
    cadence: Cadence = "alternate" if plan.cadence == "daily" else "weekly"
    return cadence, 0, BACKED_OFF[cadence]


def tip_order(tips: Sequence[Tip]) -> list[Tip]:
    """Tips interleaved across strategies (one of each in turn), file order within each."""
    groups: dict[str, list[Tip]] = {}
    for tip in tips:
        groups.setdefault(tip.strategy, []).append(tip)
    out: list[Tip] = []
    for i in range(max((len(g) for g in groups.values()), default=0)):
        out.extend(g[i] for g in groups.values() if i < len(g))
    return out


def next_tip(plan: Plan, knowledge: Knowledge) -> tuple[Tip | None, list[str]]:
    """The next tip of the rotation and the updated `tips_used`; none repeats until all are used."""
    order = tip_order(knowledge.tips)
    used = [t for t in plan.tips_used if any(t == tip.id for tip in order)]
    remaining = [tip for tip in order if tip.id not in used]
    if not remaining:  # rotation complete (or the tips changed underneath us): start again
        used, remaining = [], order
    if not remaining:
        return None, list(plan.tips_used)
    return remaining[0], [*used, remaining[0].id]


def nudge_for(plan: Plan, day: date, knowledge: Knowledge) -> PlanOutcome:
    """The nudge for local `day` and the plan with `last_nudged` (and tips) updated.

    Study day: days left, today's focus, one rotating tip, the target specialty's
    average when set, the streak and a word of encouragement, with Done / Snooze / Pause.
    Exam eve: a short "rest before the exam" message, no tip and no buttons.
    """
    days = (plan.exam_date - day).days
    if days < 1:  # never scheduled (see next_nudge_at); answered sensibly all the same
        return PlanOutcome(
            Reply("<b>🍀 Exam day.</b> Trust your preparation. Good luck!"),
            changed(plan, last_nudged=day, snoozed_until=None),
        )
    if days == 1:
        text = "\n".join(
            [
                "<b>🌙 Tomorrow is exam day.</b>",
                "Today is for rest: no new material, light review at most. Check your test "
                "center, ID and route, eat well and get to bed early.",
                "Whatever tomorrow brings, the work you've put in counts. 🍀",
                *deadline_notes(plan, day),
            ]
        )
        return PlanOutcome(Reply(text), changed(plan, last_nudged=day, snoozed_until=None))
    if occasion(plan, day) == "deadline":
        return deadline_nudge(plan, day)

    cadence, ignored, backed_off = _attention(plan)
    tip, used = next_tip(plan, knowledge)
    lines = [
        f"<b>📚 {plural(days, 'day')} to Step 2 CK</b>",
        f"<b>Today:</b> {escape_text(focus_for(plan, day))}",
    ]
    if tip is not None:
        lines.append(f"💡 {escape_text(tip.text)}")
    spec_line = specialty_line(plan, knowledge)
    if spec_line:
        lines.append(f"🎯 {spec_line}")
    run = streak(plan, day)
    if run:
        lines.append(f"🔥 Streak: {plural(run, 'study day')}")
    lines.extend(deadline_notes(plan, day))
    lines.append(f"<i>{escape_text(ENCOURAGEMENTS[day.toordinal() % len(ENCOURAGEMENTS)])}</i>")
    buttons: tuple[tuple[Button, ...], ...] = NUDGE_BUTTONS
    if backed_off is not None:
        lines += ["", f"🔕 {escape_text(backed_off)}"]
        buttons = (*NUDGE_BUTTONS, (DAILY_BUTTON,))
    updated = changed(plan, last_nudged=day, snoozed_until=None, tips_used=used, cadence=cadence, ignored=ignored)
    return PlanOutcome(Reply("\n".join(lines), buttons), updated)


def deadline_nudge(plan: Plan, day: date) -> PlanOutcome:
    """On a day nothing else goes out: just the reminder of the student's own deadline(s)."""
    lines = ["<b>📌 A date you asked me to remind you of</b>", *deadline_notes(plan, day)]
    lines.append("Worth a look today, so nothing is left to the last minute.")
    return PlanOutcome(Reply("\n".join(lines)), changed(plan, last_nudged=day, snoozed_until=None))


_DEADLINE_HINT = "Send it like <code>/deadline ERAS opens sep 25</code>: what it is and the date."


def add_deadline(plan: Plan, text: str, today: date) -> PlanOutcome:
    """'/deadline ERAS opens sep 25': remember the date, in the student's words, for reminders 7 days and 1 day before.

    "/deadline" alone lists them; "/deadline clear" forgets them all.
    """
    words = text.strip()
    if plan.status == "stopped":
        return PlanOutcome(_no_plan_reply(plan))
    if words.lower() in {"clear", "none", "delete", "remove"}:
        return PlanOutcome(Reply("🧹 Done: no deadlines kept."), changed(plan, deadlines=[]))
    if not words:
        if not plan.deadlines:
            return PlanOutcome(Reply(f"📌 No deadlines yet. {_DEADLINE_HINT}"))
        shown = "\n".join(f"• {fmt_day(d.day, year=True)}: “{escape_text(d.what)}”" for d in plan.deadlines)
        return PlanOutcome(Reply(f"📌 <b>Your deadlines</b>\n{shown}\n<i>/deadline clear forgets them.</i>"))
    found = find_exam_date(words, today)
    if not isinstance(found, date):
        return PlanOutcome(Reply(f"🤔 I couldn't find a date ahead in that. {_DEADLINE_HINT}"))
    what = excerpt(words, MAX_DEADLINE_TEXT)
    kept = sorted([*plan.deadlines, Deadline(found, what)], key=lambda d: d.day)[:MAX_DEADLINES]
    leads = " and ".join(plural(n, "day") for n in DEADLINE_LEADS)
    text = f"📌 Noted: “{escape_text(what)}” on <b>{fmt_day(found, year=True)}</b>. I'll remind you {leads} before."
    return PlanOutcome(Reply(text), changed(plan, deadlines=kept))


def farewell_for(plan: Plan, knowledge: Knowledge) -> PlanOutcome:
    """The after-exam congratulation and the plan marked finished (nudges stop for good)."""
    questions = sum(plan.done_log.values())
    days = len(plan.done_log)
    lines = ["🎉 <b>You did it: Step 2 CK is done!</b>", "Congratulations on getting through exam day."]
    if days:
        logged = f"{questions:,} questions over " if questions else ""
        lines.append(f"You logged {logged}{plural(days, 'study day')} with me. That's real work.")
    lines.append(
        "Take a proper break now; you've earned it. When your score comes in, send it "
        "to me and I'll show where it sits against specialty averages."
    )
    release = knowledge.facts.get(SCORE_RELEASE_FACT)
    if release_days(plan, knowledge) and release is not None:
        lines.append(
            f"Your plan is finished, so the daily nudges stop here. I'll check in on the {release.weekday}s "
            f"scores usually come out ({escape_text(knowledge.cite(release.source))}), and otherwise leave you be. "
            "Send /plan any time to start a new one."
        )
    else:
        lines.append("Your plan is finished, so the nudges stop here. Send /plan any time to start a new one.")
    finished = changed(plan, status="finished", snoozed_until=None, last_nudged=plan.exam_date + timedelta(days=1))
    return PlanOutcome(Reply("\n".join(lines)), finished)


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
    now = _utc(now)
    tz = zone(plan.tz)
    today = _local_date(plan, now)
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
    now = _utc(now)
    today = _local_date(plan, now)
    if today not in _after_exam_days(plan, knowledge) or (plan.last_nudged is not None and today <= plan.last_nudged):
        return None
    return today if now >= _local_instant(today, plan.nudge_time, zone(plan.tz)) else None


def release_nudge(plan: Plan, day: date, knowledge: Knowledge) -> PlanOutcome:
    """A kind word on a day scores usually come out, with the sourced timing; marks the day.

    On a deadline reminder day (and no release day) it is the reminder alone.
    """
    days = release_days(plan, knowledge)
    if day not in days:
        return deadline_nudge(plan, day)
    fact = knowledge.facts[SCORE_RELEASE_FACT]
    first = bool(days) and day == days[0]
    head = "📬 <b>Scores may post today.</b>" if first else "📬 <b>Another day scores usually post.</b>"
    lines = [
        head,
        f"{escape_text(fact.text)} ({escape_text(knowledge.cite(fact.source))})",
        "Waiting is hard, and checking every hour won't bring it sooner. Whatever the number says, "
        "the weeks of work behind it were real.",
        "When it comes, send it to me (“I got 251”) and I'll show where it sits against specialty averages.",
    ]
    if first and len(days) > 1:
        lines.insert(2, f"If it isn't there today, {fmt_day(days[1])} is the next usual day.")
    lines.extend(deadline_notes(plan, day))
    buttons = ((Button("🔕 No more reminders", "/stop"),),)
    return PlanOutcome(Reply("\n".join(lines), buttons), changed(plan, last_nudged=day))


# ------------------------------------------------------------------------- progress


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
        elif _is_study_day(plan, d) and d != today:
            break
        d -= timedelta(days=1)
    return count


def _recent_keys(log: dict[str, Any]) -> dict[str, Any]:
    """The log without its oldest days past MAX_LOG_DAYS (ISO keys sort by date)."""
    if len(log) <= MAX_LOG_DAYS:
        return log
    return {k: log[k] for k in sorted(log)[-MAX_LOG_DAYS:]}


def usual_hour(plan: Plan) -> int | None:
    """The local hour the student usually logs at: the same hour in 4 of their last 5 logs, else None."""
    recent = plan.log_hours[-5:]
    if len(recent) < 4:
        return None
    hour = max(set(recent), key=recent.count)
    return hour if recent.count(hour) >= 4 else None


def _time_offer(plan: Plan) -> tuple[str, Button] | None:
    """Once: "you usually log around 21:00; nudge you then?" when that is 2+ hours from the nudge time."""
    hour = usual_hour(plan)
    if plan.time_offered or hour is None or plan.status != "active":
        return None
    gap = abs(hour - plan.nudge_time.hour)
    if min(gap, 24 - gap) < 2:
        return None
    wall = time(hour)
    text = (
        f"⏰ You usually log around {fmt_time(wall)}, and I nudge you at {fmt_time(plan.nudge_time)}. "
        f"Shall I move your nudge to {fmt_time(wall)}? If not, carry on: I won't ask again."
    )
    return text, Button(f"⏰ Nudge me at {fmt_time(wall)}", f"/plan time {wall.strftime('%H:%M')}")


def record_done(
    plan: Plan, today: date, count: int | None, percent: int | None = None, hour: int | None = None
) -> PlanOutcome:
    """Log today's work (`count` questions, or just "done", and a percentage correct) with the streak.

    `hour` is the local hour of the log: after a few logs at one hour, far from the nudge
    time, the reply offers (once) to move the nudge there.
    """
    key = today.isoformat()
    log = dict(plan.done_log)
    log[key] = log.get(key, 0) + (count or 0)
    percents = {k: list(v) for k, v in plan.percent_log.items()}
    if percent is not None:
        percents[key] = [*percents.get(key, []), percent][-MAX_PERCENTS_A_DAY:]
    hours = [*plan.log_hours, hour][-MAX_LOG_HOURS:] if hour is not None else list(plan.log_hours)
    updated = changed(
        plan, done_log=_recent_keys(log), percent_log=_recent_keys(percents), log_hours=hours, last_seen=today
    )
    offer = _time_offer(updated)
    if offer is not None:
        updated = changed(updated, time_offered=True)
    run = streak(updated, today)
    if count:
        first = f"✅ Logged {plural(count, 'question')}"
        first += f" ({log[key]} today in total)" if log[key] != count else " for today"
    else:
        first = "✅ Marked today as done"
    first += f", at {percent}% correct." if percent is not None else "."
    lines = [first]
    if not _is_study_day(plan, today) and today < plan.exam_date - timedelta(days=1) and today not in plan.skipped:
        lines.append("A rest day and you still studied. Nice, but rest counts too.")
    lines.append(
        f"🔥 Streak: {plural(run, 'study day')}." if run > 1 else "🔥 Day 1 of a new streak. See you next study day!"
    )
    if offer is not None:
        lines += ["", escape_text(offer[0])]
        return PlanOutcome(Reply("\n".join(lines), ((offer[1],),)), updated)
    return PlanOutcome(Reply("\n".join(lines)), updated)


def _no_plan_reply(plan: Plan) -> Reply:
    return Reply(f"Your plan is {plan.status}, so there are no nudges to change. Send /plan to start a new one.")


def snooze(plan: Plan, now: datetime, minutes: int = SNOOZE_MINUTES) -> PlanOutcome:
    """Re-send today's nudge `minutes` from now (or delay it, if not yet sent).

    Snoozing a nudge already sent today clears `last_nudged` for today so it can go out
    once more; if the snooze ends after local midnight, today's nudge is simply skipped.
    """
    if plan.status == "paused":
        return PlanOutcome(
            Reply("Your nudges are paused, so there's nothing to snooze. Send /resume to turn them back on.")
        )
    if plan.status != "active":
        return PlanOutcome(_no_plan_reply(plan))
    now = _utc(now)
    tz = zone(plan.tz)
    today = now.astimezone(tz).date()
    until = now + timedelta(minutes=minutes)
    last = None if plan.last_nudged == today else plan.last_nudged
    updated = changed(plan, snoozed_until=until, last_nudged=last)
    nxt = next_nudge_at(updated, now)
    if nxt is None:
        return PlanOutcome(Reply("⏰ Snoozed. There are no more nudges before your exam."), updated)
    local = nxt.astimezone(tz)
    if local.date() == today:
        return PlanOutcome(Reply(f"⏰ Snoozed. I'll nudge you again at {fmt_time(local.time())}."), updated)
    text = f"⏰ Nothing more today. Next nudge: {fmt_day(local.date())} at {fmt_time(local.time())}."
    return PlanOutcome(Reply(text), updated)


def pause(plan: Plan) -> PlanOutcome:
    """Stop nudges until /resume; the plan and progress are kept."""
    resume_button = ((Button("▶️ Resume", "/resume"),),)
    if plan.status == "paused":
        return PlanOutcome(Reply("Your nudges are already paused. Send /resume when you're ready.", resume_button))
    if plan.status != "active":
        return PlanOutcome(_no_plan_reply(plan))
    return PlanOutcome(
        Reply("⏸ Paused. No nudges until you send /resume; your plan and streak are kept.", resume_button),
        changed(plan, status="paused", snoozed_until=None),
    )


def resume(plan: Plan) -> PlanOutcome:
    """Turn nudges back on for a paused plan."""
    if plan.status == "active":
        return PlanOutcome(Reply("Your nudges are already on. 👍"))
    if plan.status != "paused":
        return PlanOutcome(_no_plan_reply(plan))
    text = f"▶️ Welcome back! Nudges are on again at {fmt_time(plan.nudge_time)} ({escape_text(plan.tz)}) on study days."
    return PlanOutcome(Reply(text), changed(plan, status="active"))


def stop(plan: Plan) -> PlanOutcome:
    """End the plan: no more nudges. Progress stays stored until the student erases it."""
    if plan.status == "stopped":
        return PlanOutcome(Reply("This plan is already stopped. Send /plan to make a new one."))
    if plan.status == "finished":
        return PlanOutcome(
            Reply("🔕 Okay: no more messages about this plan. Send /plan whenever you want a new one."),
            changed(plan, status="stopped", snoozed_until=None),
        )
    return PlanOutcome(
        Reply("⏹ Plan stopped. No more nudges. Send /plan whenever you want a new one."),
        changed(plan, status="stopped", snoozed_until=None),
    )


# ---------------------------------------------------------- plan questions in free text


def move_exam(plan: Plan, exam: date, today: date, knowledge: Knowledge) -> PlanOutcome:
    """Move the exam to `exam`, keeping everything else, and say what changed.

    The phases are laid out again from today (they run from `created` to the exam), while
    progress, streak, tips and the nudge time stay as they were.
    """
    if exam == plan.exam_date:
        return PlanOutcome(Reply(f"Your plan already has the exam on {fmt_day(exam, year=True)}. 👍"))
    before = plan.exam_date
    updated = changed(plan, exam_date=exam, created=today, skipped=[d for d in plan.skipped if d < exam])
    shift = (exam - before).days
    way = f"{plural(abs(shift), 'day')} {'later' if shift > 0 else 'earlier'}"
    lines = [
        f"📅 Moved your exam from {fmt_day(before, year=True)} to <b>{fmt_day(exam, year=True)}</b> ({way}).",
        f"That's {plural((exam - today).days, 'day')} from today. Your phases are laid out again from today;"
        " your study days, nudge time and progress are unchanged.",
    ]
    if (exam - today).days < TRIAGE_DAYS <= (before - today).days:
        lines.append("With under two weeks to go, your plan is now a focused triage plan: questions first.")
    lines += ["", summary_html(updated, today, knowledge)]
    return PlanOutcome(Reply("\n".join(lines), ((Button("✏️ Edit plan", "/plan edit"), ADD_TO_CALENDAR),)), updated)


def days_left_reply(plan: Plan, today: date) -> PlanOutcome:
    """How many days until the exam, and how many of them are study days."""
    days = (plan.exam_date - today).days
    if days < 0:
        return PlanOutcome(Reply("Your exam date in the plan has passed. Send /plan to make a new plan."))
    if days == 0:
        return PlanOutcome(Reply("🍀 It's exam day! Trust your preparation. Good luck!"))
    study = sum(1 for n in range(days) if _is_study_day(plan, today + timedelta(days=n)))
    text = (
        f"📅 <b>{plural(days, 'day')}</b> until your exam on {fmt_day(plan.exam_date, year=True)}"
        f", {plural(study, 'study day')} among them."
    )
    return PlanOutcome(Reply(text))


def weekend_ahead(today: date) -> tuple[date, date]:
    """This weekend (Saturday and Sunday), or today and tomorrow when today is already Sunday."""
    saturday = today + timedelta(days=(5 - today.weekday()) % 7)
    if today.weekday() == 6:
        return today, today + timedelta(days=1)
    return saturday, saturday + timedelta(days=1)


def offer_break(plan: Plan, today: date) -> PlanOutcome:
    """Answer "can I take a break this weekend?": yes, with a button to confirm it."""
    first, last = weekend_ahead(today)
    if first >= plan.exam_date - timedelta(days=1):
        return PlanOutcome(Reply("Your exam is right there, so rest is already the plan. Take it easy. 🍀"))
    span = f"{fmt_day(first)} – {fmt_day(last)}"
    text = (
        f"Yes: rest is part of the plan. 🌿 Shall I take {span} off? No nudges those days, "
        "and your streak stays as it is."
    )
    buttons = ((Button("🌿 Yes, take the break", f"/plan break {first.isoformat()} {last.isoformat()}"),),)
    return PlanOutcome(Reply(text, buttons))


def take_break(plan: Plan, first: date, last: date, today: date) -> PlanOutcome:
    """Take `first`..`last` off (confirmed): no nudges those days, and the streak holds."""
    if last < today:
        return PlanOutcome(Reply("That break is already behind you. Ask me again for a new one. 🌿"))
    first = max(first, today)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    days = [d for d in days if d < plan.exam_date - timedelta(days=1)]
    if not days:
        return PlanOutcome(Reply("Those days are your exam's eve or later, so there's nothing to take off."))
    updated = changed(plan, skipped=sorted({*plan.skipped, *days}), snoozed_until=None)
    span = fmt_day(days[0]) if len(days) == 1 else f"{fmt_day(days[0])} – {fmt_day(days[-1])}"
    nxt = next((d for d in (days[-1] + timedelta(days=n) for n in range(1, 8)) if _is_nudge_day(updated, d)), None)
    back = f" Nudges pick up again {fmt_day(nxt)}." if nxt is not None else ""
    return PlanOutcome(Reply(f"🌿 Done: {span} off. Enjoy it, rest is part of the work.{back}"), updated)
