"""The guided study-plan conversation: one question at a time, pure and resumable.

The caller stores the `PlanDraft` between messages (`to_dict`/`from_dict`) and feeds
each answer to `step`. Every function returns `(draft, plan, reply)`:

* `draft` is the conversation still in progress (None once it has ended);
* `plan` is a plan to save (None when nothing should be saved or changed);
* `reply` is what to send.

Questions, in order: exam date, study days per week, nudge time, time zone, then an
optional "score and target specialty" answer. A bad answer re-asks the same question
with the reason and loses nothing; "cancel" ends the flow without saving anything.

Buttons' actions are plain answers ("5", "7:00", "skip") or commands handled by `start`
("/plan edit exam", "/plan new 2027-03-03"); plan controls use "/pause", "/resume",
"/stop" (see bot.plans for those).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import Any, Literal, cast

from bot.plans import (
    TRIAGE_DAYS,
    Plan,
    changed,
    describe_weekdays,
    find_exam_date,
    first_nudge_day,
    fmt_day,
    fmt_time,
    parse_exam_date,
    parse_nudge_time,
    parse_study_days,
    parse_timezone,
    summary_html,
    weekdays_for,
)
from bot.reply import Button, Reply, escape_text
from knowledge import Knowledge
from knowledge.text import answer_words as _words
from knowledge.text import normalize

FlowStep = Literal["exam_date", "study_days", "nudge_time", "timezone", "extras", "edit"]
"""The question waiting for an answer; "edit" is the "what do you want to change?" menu."""

FLOW_STEPS: tuple[FlowStep, ...] = (
    "exam_date",
    "study_days",
    "nudge_time",
    "timezone",
    "extras",
    "edit",
)

_CANCEL = frozenset({"cancel", "/cancel", "stop", "quit", "exit", "abort", "never mind", "nevermind", "forget it"})
_SKIP = frozenset(
    {"skip", "/skip", "no", "nope", "none", "n/a", "na", "later", "not now", "no thanks", "pass", "-", "nothing"}
)
_DEFAULT = frozenset(
    {"default", "ok", "okay", "yes", "y", "skip", "/skip", "keep", "fine", "same", "sure", "use default"}
)
_NEW = frozenset({"new", "replace", "reset", "restart"})

# Edit-menu answers -> the step that asks for that field.
_EDIT_FIELDS: dict[str, FlowStep] = {
    "exam": "exam_date",
    "date": "exam_date",
    "exam date": "exam_date",
    "days": "study_days",
    "study days": "study_days",
    "time": "nudge_time",
    "nudge time": "nudge_time",
    "zone": "timezone",
    "time zone": "timezone",
    "timezone": "timezone",
    "tz": "timezone",
    "extras": "extras",
    "score": "extras",
    "specialty": "extras",
    "score and specialty": "extras",
}

_PLAN_CMD = re.compile(r"^/plan(?:@\w+)?(?:\s+(.*))?$", re.IGNORECASE | re.DOTALL)


@dataclass
class PlanDraft:
    """What the flow has collected so far, and which question is waiting."""

    step: FlowStep
    exam_date: date | None = None
    study_days: int | None = None
    nudge_time: time | None = None
    tz: str | None = None
    practice_score: int | None = None
    target_specialty: str | None = None
    default_tz: str = "UTC"
    editing: dict[str, Any] | None = None
    """The plan being edited (Plan.to_dict()), or None when building a new plan."""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types only; `PlanDraft.from_dict(d.to_dict()) == d`."""
        return {
            "step": self.step,
            "exam_date": self.exam_date.isoformat() if self.exam_date else None,
            "study_days": self.study_days,
            "nudge_time": self.nudge_time.isoformat() if self.nudge_time else None,
            "tz": self.tz,
            "practice_score": self.practice_score,
            "target_specialty": self.target_specialty,
            "default_tz": self.default_tz,
            "editing": dict(self.editing) if self.editing is not None else None,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> PlanDraft:
        """Rebuild a draft; missing keys take their defaults, an unknown step restarts it."""
        step = d.get("step")
        exam, wall = d.get("exam_date"), d.get("nudge_time")
        editing = d.get("editing")
        return cls(
            step=cast(FlowStep, step) if step in FLOW_STEPS else "exam_date",
            exam_date=date.fromisoformat(exam) if exam else None,
            study_days=d.get("study_days"),
            nudge_time=time.fromisoformat(wall) if wall else None,
            tz=d.get("tz"),
            practice_score=d.get("practice_score"),
            target_specialty=d.get("target_specialty"),
            default_tz=str(d.get("default_tz") or "UTC"),
            editing=dict(editing) if isinstance(editing, Mapping) else None,
        )


Outcome = tuple[PlanDraft | None, Plan | None, Reply]
"""(draft still in progress, plan to save, reply) — see the module docstring."""

_CANCEL_ROW = (Button("✖️ Cancel", "cancel"),)


# ------------------------------------------------------------------------ questions


def question(draft: PlanDraft) -> tuple[str, tuple[tuple[Button, ...], ...]]:
    """The HTML question for the draft's step and its buttons."""
    current = Plan.from_dict(draft.editing) if draft.editing else None
    if draft.step == "exam_date":
        now = f" It's set to {fmt_day(current.exam_date, year=True)}; what's the new date?" if current else ""
        return (f"📅 When is your Step 2 CK exam?{now} e.g. “March 3”, “3/3/2027” or “in 6 weeks”."), (
            (
                Button("In 4 weeks", "in 4 weeks"),
                Button("In 6 weeks", "in 6 weeks"),
                Button("In 8 weeks", "in 8 weeks"),
            ),
            _CANCEL_ROW,
        )
    if draft.step == "study_days":
        now = f" (now {current.study_days})" if current else ""
        return (f"📚 How many days a week can you study{now}? Rest days matter too."), (
            tuple(Button(str(n), str(n)) for n in (4, 5, 6, 7)),
            _CANCEL_ROW,
        )
    if draft.step == "nudge_time":
        now = f" (now {fmt_time(current.nudge_time)})" if current else ""
        return (f"⏰ What time should I nudge you on study days{now}? Tap one or type a time like “6:30am”."), (
            tuple(Button(t, t) for t in ("7:00", "8:00", "18:00", "20:00")),
            _CANCEL_ROW,
        )
    if draft.step == "timezone":
        default = current.tz if current else draft.default_tz
        label = "Keep" if current else "Default"
        return (
            f"🌍 Which time zone are you in? Send a city (e.g. Chicago, Lagos, Mumbai) or "
            f"an offset like UTC+5:30, or tap {label} for <code>{escape_text(default)}</code>."
        ), (
            (Button(f"{label}: {default}", "default"),),
            (
                Button("New York", "America/New_York"),
                Button("Chicago", "America/Chicago"),
                Button("Los Angeles", "America/Los_Angeles"),
            ),
            (Button("London", "Europe/London"), Button("India", "Asia/Kolkata"), Button("Lagos", "Africa/Lagos")),
            _CANCEL_ROW,
        )
    if draft.step == "extras":
        return (
            "🎯 Optional: your latest practice-test score and target specialty, e.g. “NBME 240, derm”. Or tap Skip."
        ), ((Button("Skip", "skip"),), _CANCEL_ROW)
    return "✏️ What would you like to change?", (
        (Button("Exam date", "/plan edit exam"), Button("Study days", "/plan edit days")),
        (Button("Nudge time", "/plan edit time"), Button("Time zone", "/plan edit zone")),
        (Button("Score & specialty", "/plan edit extras"),),
        _CANCEL_ROW,
    )


def _ask(draft: PlanDraft, before: str = "") -> Outcome:
    """Ask the draft's current question, after `before` (already HTML) if given."""
    ask, buttons = question(draft)
    text = f"{before}\n\n{ask}" if before else ask
    return draft, None, Reply(text, buttons)


def _reask(draft: PlanDraft, reason: str) -> Outcome:
    """The same question again, with why the last answer didn't work; nothing is lost."""
    return _ask(draft, f"🤔 {escape_text(reason)}")


def plan_buttons(plan: Plan) -> tuple[tuple[Button, ...], ...]:
    """Controls under a plan summary: Edit, Replace, Pause or Resume, Stop."""
    toggle = Button("▶️ Resume", "/resume") if plan.status == "paused" else Button("⏸ Pause", "/pause")
    return ((Button("✏️ Edit", "/plan edit"), Button("🆕 Replace", "/plan new")), (toggle, Button("⏹ Stop", "/stop")))


# --------------------------------------------------------------------------- extras


def parse_extras(text: str, knowledge: Knowledge) -> tuple[int | None, str | None, str | None] | str:
    """(practice score, specialty id, other-specialty name) from "NBME 240, derm", or a reason.

    The score is the first standalone 3-digit number from 100 to 300 (form numbers like
    "NBME 12" are too short to be mistaken for it). Specialties match the store's aliases,
    longest phrase first; a specialty we hold no average for comes back as its name.
    """
    score: int | None = None
    too_high: int | None = None
    for m in re.finditer(r"(?<![\d.])(\d{3})(?![\d.])(?!\s*%)", text):
        value = int(m[1])
        if 100 <= value <= 300:
            score = value
            break
        if value > 300 and too_high is None:
            too_high = value
    tokens = normalize(text).split()
    specialty: str | None = None
    other: str | None = None
    i = 0
    while i < len(tokens) and specialty is None:
        for n in range(min(6, len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i : i + n])
            if phrase in knowledge.alias_index:
                specialty = knowledge.alias_index[phrase]
                break
            if other is None and phrase in knowledge.other_alias_index:
                other = knowledge.other_specialties[knowledge.other_alias_index[phrase]].name
                i += n - 1
                break
        i += 1
    if score is None and too_high is not None:
        return (
            f"Step 2 CK scores run from 1 to 300, so {too_high} can't be a score. What was your latest practice score?"
        )
    if score is None and specialty is None and other is None:
        return "I couldn't find a score or a specialty in that. Try “NBME 240, derm”, just “derm”, or tap Skip."
    return score, specialty, None if specialty else other


# ---------------------------------------------------------------------------- finish


def _first_nudge_note(plan: Plan, today: date) -> str:
    day = first_nudge_day(plan, today)
    if day is None:
        return "No more nudges before your exam: rest, you're ready. 🍀"
    return f"⏰ Nudges start {fmt_day(day)} at {fmt_time(plan.nudge_time)} ({escape_text(plan.tz)}) on study days."


def _finish_new(draft: PlanDraft, today: date, knowledge: Knowledge, note: str) -> Outcome:
    """Turn a complete draft into a plan, or ask for whatever is still missing."""
    # Only a hand-edited or truncated stored draft can miss a field; ask for it again.
    if draft.exam_date is None:
        draft.step = "exam_date"
        return _ask(draft)
    if draft.study_days is None:
        draft.step = "study_days"
        return _ask(draft)
    if draft.nudge_time is None:
        draft.step = "nudge_time"
        return _ask(draft)
    plan = Plan(
        exam_date=draft.exam_date,
        study_days=draft.study_days,
        nudge_time=draft.nudge_time,
        tz=draft.tz or draft.default_tz,
        created=today,
        practice_score=draft.practice_score,
        target_specialty=draft.target_specialty,
        # The summary below already gives today's focus, so it counts as today's nudge;
        # otherwise a plan made after the nudge time would be nudged again at once.
        last_nudged=today,
    )
    parts = ["✅ <b>Your plan is ready.</b>"]
    if note:
        parts.append(note)
    parts += [summary_html(plan, today, knowledge), _first_nudge_note(plan, today)]
    return None, plan, Reply("\n\n".join(parts), ((Button("✏️ Edit plan", "/plan edit"),),))


def _finish_edit(plan: Plan, today: date, knowledge: Knowledge, note: str = "") -> Outcome:
    parts = ["✅ <b>Updated.</b>"]
    if note:
        parts.append(note)
    parts.append(summary_html(plan, today, knowledge))
    return None, plan, Reply("\n\n".join(parts), plan_buttons(plan))


# ----------------------------------------------------------------------------- start


def _fresh(text: str, today: date, default_tz: str, note: str = "") -> Outcome:
    """A new plan conversation, taking the exam date from `text` when it names one."""
    draft = PlanDraft(step="exam_date", default_tz=default_tz)
    found = find_exam_date(text, today)
    if isinstance(found, date):
        return _accept_exam_date(draft, found, today, note)
    intro = note or "Let's build your Step 2 CK study plan: five quick questions. Send “cancel” any time."
    if isinstance(found, str):
        return _ask(draft, f"{intro}\n\n🤔 {escape_text(found)}")
    return _ask(draft, intro)


def _accept_exam_date(draft: PlanDraft, exam: date, today: date, note: str = "") -> Outcome:
    draft.exam_date = exam
    draft.step = "study_days"
    days = (exam - today).days
    lines = [note] if note else []
    lines.append(f"📅 Exam: <b>{fmt_day(exam, year=True)}</b>, {'tomorrow' if days == 1 else f'{days} days away'}.")
    if days < TRIAGE_DAYS:
        lines.append(
            "That's under two weeks, so this will be a focused triage plan: questions "
            "first on high-yield weak areas, one self-assessment, rest the day before. "
            "Very doable. 💪"
        )
    return _ask(draft, "\n".join(lines))


def start(
    text: str,
    today: date,
    existing: Plan | None,
    knowledge: Knowledge,
    *,
    default_tz: str = "UTC",
) -> Outcome:
    """Begin (or show) a study plan from "/plan ..." or free text like "test in 6 weeks".

    * "/plan" with an active or paused plan: its summary with Edit / Replace /
      Pause-or-Resume / Stop buttons (nothing changes);
    * "/plan new" (or "new"): a fresh conversation, even if a plan exists;
    * "/plan edit" [exam|days|time|zone|extras]: the edit menu, or straight to that field;
    * otherwise a fresh conversation; an exam date in the text is taken and the flow
      moves on to the next question.
    `default_tz` is offered at the time-zone question.
    """
    raw = text.strip()
    command = _PLAN_CMD.match(raw)
    args = (command[1] or "").strip() if command else raw
    words = _words(args).split()
    has_plan = existing is not None and existing.status in ("active", "paused")

    if words and words[0] in _NEW:
        return _fresh(" ".join(args.split()[1:]), today, default_tz)

    if words and words[0] == "edit" and (command or len(words) <= 3):
        if existing is None or not has_plan:
            return _fresh(
                "",
                today,
                default_tz,
                "You don't have an active plan to edit, so let's make one. Send “cancel” any time.",
            )
        draft = PlanDraft(step="edit", default_tz=default_tz, editing=existing.to_dict())
        target = _EDIT_FIELDS.get(" ".join(words[1:]))
        if target is not None:
            draft.step = target
        return _ask(draft)

    if has_plan and existing is not None:
        found = find_exam_date(raw, today)
        buttons = plan_buttons(existing)
        html_text = summary_html(existing, today, knowledge)
        if isinstance(found, date) and found != existing.exam_date:
            html_text += (
                f"\n\nYou mentioned an exam on {fmt_day(found, year=True)}. Tap "
                "<b>Replace</b> to start a new plan with that date."
            )
            buttons = (
                (Button("✏️ Edit", "/plan edit"), Button("🆕 Replace", f"/plan new {found.isoformat()}")),
                buttons[1],
            )
        return None, None, Reply(html_text, buttons)

    return _fresh(raw, today, default_tz)


# ------------------------------------------------------------------------------ step


def step(
    draft: PlanDraft,
    text: str,
    today: date,
    knowledge: Knowledge,
    *,
    existing: Plan | None = None,
) -> Outcome:
    """Take the answer to the draft's current question and ask the next one (or finish).

    For an edit, pass the stored plan as `existing` so the change lands on its latest
    bookkeeping (last nudge, tips, progress); without it the snapshot in the draft is used.
    """
    raw = text.strip()
    answer = _words(raw)
    # The plan an edit applies to: the stored one when the caller passes it (so nudges
    # sent meanwhile aren't undone), else the snapshot taken when the edit began.
    base: Plan | None = None
    if draft.editing is not None:
        base = existing if existing is not None else Plan.from_dict(draft.editing)
    if answer in _CANCEL:
        msg = (
            "Cancelled. Your plan is unchanged; nothing was saved."
            if base is not None
            else "Cancelled. Nothing was saved. Send /plan whenever you're ready."
        )
        return None, None, Reply(msg)
    if _PLAN_CMD.match(raw):
        return start(raw, today, base or existing, knowledge, default_tz=draft.default_tz)
    # Work on a copy so the caller's stored draft is never half-updated.
    draft = PlanDraft.from_dict(draft.to_dict())

    if draft.step == "edit":
        target = _EDIT_FIELDS.get(answer)
        if target is None:
            return _reask(draft, "Pick one of the buttons, or say exam date, days, time, zone or score.")
        draft.step = target
        return _ask(draft)

    if draft.step == "exam_date":
        exam = parse_exam_date(raw, today)
        if isinstance(exam, str):
            return _reask(draft, exam)
        if base is not None:
            # Phases are laid out from `created`, so a new date re-lays them from today.
            return _finish_edit(changed(base, exam_date=exam, created=today), today, knowledge)
        return _accept_exam_date(draft, exam, today)

    if draft.step == "study_days":
        days = parse_study_days(raw)
        if isinstance(days, str):
            return _reask(draft, days)
        if base is not None:
            return _finish_edit(changed(base, study_days=days), today, knowledge)
        draft.study_days, draft.step = days, "nudge_time"
        return _ask(draft, f"📚 {days} days a week ({describe_weekdays(weekdays_for(days))}).")

    if draft.step == "nudge_time":
        wall = parse_nudge_time(raw)
        if isinstance(wall, str):
            return _reask(draft, wall)
        if base is not None:
            return _finish_edit(changed(base, nudge_time=wall), today, knowledge)
        draft.nudge_time, draft.step = wall, "timezone"
        return _ask(draft, f"⏰ {fmt_time(wall)} it is.")

    if draft.step == "timezone":
        if answer in _DEFAULT:
            tz = base.tz if base is not None else draft.default_tz
        else:
            choice = parse_timezone(raw)
            if isinstance(choice, str):
                return _reask(draft, choice)
            tz = choice.tz
        if base is not None:
            return _finish_edit(changed(base, tz=tz), today, knowledge)
        draft.tz, draft.step = tz, "extras"
        return _ask(draft, f"🌍 Time zone: <code>{escape_text(tz)}</code>.")

    # extras: optional, so "skip" is always a fine answer
    if answer in _SKIP:
        if base is not None:
            return None, None, Reply("No changes. Your plan is as it was.")
        return _finish_new(draft, today, knowledge, "")
    extras = parse_extras(raw, knowledge)
    if isinstance(extras, str):
        return _reask(draft, extras)
    score, specialty, other = extras
    note = (
        ""
        if other is None
        else f"I don't have a sourced average for {escape_text(other)} yet, so I've left the target specialty blank."
    )
    if base is not None:
        # Only what the answer names changes: "252" keeps the target specialty.
        changes = {k: v for k, v in (("practice_score", score), ("target_specialty", specialty)) if v is not None}
        return _finish_edit(changed(base, **changes), today, knowledge, note)
    draft.practice_score, draft.target_specialty = score, specialty
    return _finish_new(draft, today, knowledge, note)


# --------------------------------------------------------------------------- helpers


__all__ = [
    "FLOW_STEPS",
    "FlowStep",
    "Outcome",
    "PlanDraft",
    "parse_extras",
    "plan_buttons",
    "start",
    "step",
]
