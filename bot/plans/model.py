"""The stored study plan: what the student chose, its bookkeeping, the set-up draft, and what a transition returns.

Stored plans are validated on the way in (pydantic), so a hand-edited or old-shaped record
is either read correctly or refused with a reason, never half-read. Every transition (a
nudge, /done, pause, a moved exam, a break) returns one `PlanOutcome(reply, plan, draft)`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, time
from typing import Any, Literal, TypeVar, get_args

from pydantic import ConfigDict, TypeAdapter, ValidationError, field_validator
from pydantic.dataclasses import dataclass as pydantic_dataclass

from bot.reply import Reply

log = logging.getLogger(__name__)


Status = Literal["active", "paused", "stopped", "finished"]
STATUSES: tuple[Status, ...] = ("active", "paused", "stopped", "finished")

FlowStep = Literal["exam_date", "study_days", "nudge_time", "timezone", "extras", "edit"]
"""The set-up question waiting for an answer; "edit" is the "what do you want to change?" menu."""

FLOW_STEPS: tuple[FlowStep, ...] = get_args(FlowStep)

# Pydantic dataclasses rather than BaseModel: `dataclasses.replace` validates the copy too.
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
    goal_score: int | None = None
    """The Step 2 CK score the student said they aim for, when they said one (`bot.plans.aims`)."""
    weak_areas: tuple[str, ...] = ()
    """Subjects the student said they're weak in, as said back ("OB/GYN"); study days start on each in turn."""
    weak_turn: int = 0
    """Nudges that have named a weak area: the next names `weak_areas[weak_turn % len(weak_areas)]`."""
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

    @field_validator("weak_areas", mode="before")
    @classmethod
    def _subject_names(cls, value: object) -> object:
        # a hand-edited or damaged record loses the odd entry, never the whole plan
        return tuple(v for v in value if isinstance(v, str)) if isinstance(value, (list, tuple)) else ()

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


_T = TypeVar("_T")


def stored_plan(value: object) -> Plan | None:
    """A stored plan (a Plan, or its dict from an older record), None when unreadable."""
    return _stored(value, Plan, _PLAN, "a stored plan could not be read and is left out")


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
    goal_score: int | None = None
    weak_areas: tuple[str, ...] = ()
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
    return _stored(value, PlanDraft, _DRAFT, "a stored plan set-up could not be read and starts over")


def _stored(value: object, kind: type[_T], adapter: TypeAdapter[_T], unreadable: str) -> _T | None:
    """`value` as a `kind` (itself, or read from its stored dict); None, with one log line, when unreadable."""
    if value is None or isinstance(value, kind):
        return value
    if not isinstance(value, Mapping):
        return None
    try:
        return adapter.validate_python(dict(value))
    except (ValidationError, TypeError, ValueError) as err:
        # Which fields failed, never their values: a plan is a student's private data.
        log.warning("%s (%s)", unreadable, _fields_of(err))
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
