"""The guided study-plan conversation: one question at a time, pure and resumable.

The caller stores the `PlanDraft` between messages and feeds each answer to `step`.
Every function returns a `PlanOutcome(reply, plan, draft)`: `draft` is the set-up still
in progress (None once it has ended), `plan` a plan to save (None: nothing to save).

Questions, in order: exam date, study days per week, nudge time, time zone, then an
optional "score and target specialty" answer: one table, `STEPS`, says how each is asked,
read and applied and what follows, and the edit menu and button verbs come from it too. A
bad answer re-asks the same question with the reason and loses nothing; "cancel" ends the
flow without saving anything.

Every button is a command naming the question it answers: "/plan date in 4 weeks",
"/plan days 5", "/plan time 7:00", "/plan zone Europe/London", "/plan extras skip",
"/plan cancel". So a button pressed late (after a restart, or after the set-up moved on)
is still understood: the answer to the waiting question is taken; an answer to a plan's
field edits that field; otherwise the student is told kindly that it no longer applies.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from bot import quick_re
from bot.exam_words import PRACTICE_TESTS
from bot.formatting import WEEKDAY_NAMES, excerpt, fmt_day, fmt_time
from bot.parse_answers import (
    NUMBER_WORDS,
    find_exam_date,
    parse_exam_date,
    parse_nudge_time,
    parse_study_days,
    parse_study_weekdays,
    questions_left,
    questions_per_day,
)
from bot.plans.aims import aims_said, goal_in, weak_areas_in
from bot.plans.messages import ADD_TO_CALENDAR, MAKE_PLAN, summary_html, too_close_for_a_plan
from bot.plans.model import FlowStep, Plan, PlanDraft, PlanOutcome, changed
from bot.plans.operations import take_break
from bot.plans.phases import TRIAGE_DAYS, describe_weekdays, weekdays_for
from bot.plans.schedule import first_nudge, todays_nudge_still_comes
from bot.reply import Button, Reply, escape_text
from bot.timezones import ZoneChoice, ZoneQuestion, parse_timezone
from bot.understand import understand
from bot.understand.cues import changes_reminders, dropped_weekdays
from knowledge import Knowledge
from knowledge.text import answer_words as _words
from knowledge.text import fold, normalize

_CANCEL = frozenset({"cancel", "/cancel", "stop", "quit", "exit", "abort", "never mind", "nevermind", "forget it"})
_SKIP = frozenset(
    {"skip", "/skip", "no", "nope", "none", "n/a", "na", "later", "not now", "no thanks", "pass", "-", "nothing"}
)
_DEFAULT = frozenset(
    {"default", "ok", "okay", "yes", "y", "skip", "/skip", "keep", "fine", "same", "sure", "use default"}
)
_NEW = frozenset({"new", "replace", "reset", "restart"})

_PLAN_CMD = quick_re.compile(r"^/plan(?:@\w+)?(?:\s+(.*))?$", re.IGNORECASE | re.DOTALL)
_BREAK_CMD = quick_re.compile(r"^break\s+([0-9]{4}-[0-9]{2}-[0-9]{2})\s+([0-9]{4}-[0-9]{2}-[0-9]{2})$")
_NO_LONGER = "That button was for a plan set-up that has ended, so it no longer applies."


def _answer(verb: str, value: str) -> Button:
    """The button that answers the set-up question `verb` ("days") with `value` ("5")."""
    return Button(value if len(value) <= 12 else value.rsplit("/", 1)[-1].replace("_", " "), f"/plan {verb} {value}")


_CANCEL_ROW = (Button("✖️ Cancel", "/plan cancel"),)


# ------------------------------------------------------------------------ questions


def question(draft: PlanDraft) -> tuple[str, Rows]:
    """The HTML question for the draft's step and its buttons."""
    if draft.step == "edit":
        menu = [Button(spec.label, f"/plan edit {spec.edit_words[0]}") for spec in STEPS.values()]
        return "✏️ What would you like to change?", (
            *(tuple(menu[n : n + 2]) for n in range(0, len(menu), 2)),
            _CANCEL_ROW,
        )
    spec = STEPS[draft.step]
    return spec.ask(draft), (*spec.buttons(draft), _CANCEL_ROW)


def pace_line(count: int, days: int, studied: int | None = None, per_week: int | None = None) -> str:
    """ "1,400 questions over 24 days is about 59 a day": their own numbers, divided, with a rest day allowed for;
    with their study days known (`studied` of the `days`, `per_week` a week), over those days only."""
    if studied is not None and per_week is not None and per_week < 7:
        studied = max(1, studied)
        line = (
            f"📐 {count:,} questions over your {studied} study day{'s' if studied != 1 else ''} "
            f"({per_week} a week) is about <b>{-(-count // studied)}</b> a day"
        )
        return line + ". Your plan nudges you on each of those days:"
    line = f"📐 {count:,} questions over {days} day{'s' if days != 1 else ''} is about <b>{-(-count // days)}</b> a day"
    if days >= DAYS_FOR_REST:
        line += f", or about {-(-count // (days - days // 7))} if you keep one rest day a week"
    return line + ". A plan nudges you on each study day:"


def _pace_for(pace: tuple[int, int], draft: PlanDraft, today: date) -> str:
    """The pace line for a count told mid set-up, over the study days chosen so far (the exam's eve is no study
    day), else over every day."""
    count, days = pace
    if draft.study_days is None or draft.exam_date is None:
        return pace_line(count, days)
    weekdays = frozenset(draft.weekdays) if draft.weekdays else weekdays_for(draft.study_days)
    eve = draft.exam_date - timedelta(days=1)
    studied = sum(1 for n in range(days) if (d := today + timedelta(days=n)) < eve and d.weekday() in weekdays)
    return pace_line(count, days, studied, draft.study_days)


DAYS_FOR_REST = 7
"""From a week out, the pace is also shown with a rest day a week (rest is part of the work)."""


def _ask(draft: PlanDraft, before: str = "") -> PlanOutcome:
    """Ask the draft's current question, after `before` (already HTML) if given."""
    ask, buttons = question(draft)
    text = f"{before}\n\n{ask}" if before else ask
    return PlanOutcome(Reply(text, buttons), draft=draft)


def _reask(draft: PlanDraft, reason: str) -> PlanOutcome:
    """The same question again, with why the last answer didn't work; nothing is lost."""
    return _ask(draft, f"🤔 {escape_text(reason)}")


def _which_zone(draft: PlanDraft, asked: ZoneQuestion) -> PlanOutcome:
    """A place in several zones: ask which, with a button for each."""
    text = f"🌍 {escape_text(excerpt(asked.place, 30))} has more than one time zone. Which one is yours?"
    rows = tuple((Button(label[:40], f"/plan zone {tz}"),) for label, tz in asked.options)
    return PlanOutcome(Reply(text, (*rows, _CANCEL_ROW)), draft=draft)


def plan_buttons(plan: Plan) -> tuple[tuple[Button, ...], ...]:
    """Controls under a plan summary: Edit, Replace, Pause or Resume, Stop, the progress chart and the calendar."""
    toggle = Button("▶️ Resume", "/resume") if plan.status == "paused" else Button("⏸ Pause", "/pause")
    rows = (
        (Button("✏️ Edit", "/plan edit"), Button("🆕 Replace", "/plan new")),
        (toggle, Button("⏹ Stop", "/stop")),
        (Button("📈 Progress", "/progress"),),
    )
    return (*rows[:2], (rows[2][0], ADD_TO_CALENDAR)) if plan.status in ("active", "paused") else rows


# --------------------------------------------------------------------- nudge cadence

_DAY_WORDS = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}


def _summary_day(plan: Plan | None, args: str) -> PlanOutcome:
    """ "/plan summary": which day the weekly summary comes; "/plan summary fri" moves it there."""
    if plan is None or plan.status not in ("active", "paused"):
        return PlanOutcome(Reply("There's no active study plan, so there's no weekly summary to move. Send /plan."))
    wanted = _DAY_WORDS.get(args[:3].lower()) if args else None
    if wanted is None:
        now = WEEKDAY_NAMES[plan.summary_weekday]
        rows = (
            tuple(Button(d, f"/plan summary {d.lower()}") for d in WEEKDAY_NAMES[:4]),
            tuple(Button(d, f"/plan summary {d.lower()}") for d in WEEKDAY_NAMES[4:]),
        )
        return PlanOutcome(Reply(f"🗓 Your weekly summary comes on {now}s. Which day would you like it?", rows))
    updated = changed(plan, summary_weekday=wanted)
    text = f"🗓 Done: your weekly summary comes on {WEEKDAY_NAMES[wanted]}s at {fmt_time(plan.nudge_time)}."
    return PlanOutcome(Reply(text), updated)


def _daily_again(plan: Plan | None, today: date) -> PlanOutcome:
    """ "/plan daily": back to a nudge every study day after backing off."""
    if plan is None or plan.status != "active":
        return PlanOutcome(Reply("There's no active study plan to nudge you about. Send /plan to make one."))
    text = f"🔔 Daily nudges are on: every study day at {fmt_time(plan.nudge_time)} ({escape_text(plan.tz)})."
    return PlanOutcome(Reply(text), changed(plan, cadence="daily", ignored=0, last_seen=today))


# --------------------------------------------------------------------------- extras


def parse_extras(text: str, knowledge: Knowledge) -> tuple[int | None, str | None, str | None] | str:
    """(practice score, specialty id, other-specialty name) from "NBME 240, derm", or a reason.

    Score and specialties are the understanding's (`bot.understand`): its Step 2 or
    practice-test score, so "NBME 12: 238" is 238, and its specialty finder, so "im aiming
    for derm" is dermatology, not internal medicine. A bare 3-digit number it doesn't take
    as a score ("uwsa 232" alone) is still read here, and one over 300 gets a reason. A
    specialty we hold no average for comes back as its name.
    """
    parsed = understand(text, knowledge)
    score = parsed.score if parsed.score is not None else parsed.practice_score
    if score is not None and not 100 <= score <= 300:  # practice tests report 3-digit scores
        score = None
    too_high: int | None = None
    if score is None:
        for m in re.finditer(r"(?<![0-9.])([0-9]{3})(?![0-9.])(?!\s*%)", text[:1000]):
            value = int(m[1])
            if 100 <= value <= 300:
                score = value
                break
            if value > 300 and too_high is None:
                too_high = value
    specialty = parsed.specialties[0] if parsed.specialties else None
    found_other = knowledge.other_specialties.get(parsed.other_specialty or "")
    other = found_other.name if found_other is not None else None
    if score is None and too_high is not None:
        return (
            f"Step 2 CK scores run from 1 to 300, so {too_high} can't be a score. What was your latest practice score?"
        )
    if score is None and specialty is None and other is None:
        return "I couldn't find a score or a specialty in that. Try “NBME 240, derm”, just “derm”, or tap Skip."
    return score, specialty, None if specialty else other


# ------------------------------------------------------------------------ the steps

Rows = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class _Answer:
    """An answer to a set-up question, with what reading it may need."""

    raw: str
    words: str
    """`raw` as answer words ("Yes!!" -> "yes"), for the fixed replies (skip, default)."""
    today: date
    knowledge: Knowledge
    draft: PlanDraft
    base: Plan | None
    """The plan being edited, or None for a new plan."""


@dataclass(frozen=True)
class _Reask:
    """An answer that can't be used, and why: the same question comes again."""

    reason: str


@dataclass(frozen=True)
class Step:
    """One set-up question: how it is asked and answered, what it sets, and what comes next."""

    name: FlowStep
    verb: str
    """The word its buttons' commands use: "/plan days 5"."""
    label: str
    """Its button in the edit menu."""
    edit_words: tuple[str, ...]
    """What picks it in the edit menu or "/plan edit <word>"; the first is its button's."""
    ask: Callable[[PlanDraft], str]
    buttons: Callable[[PlanDraft], Rows]
    parse: Callable[[_Answer], Any]
    """The value read from the answer, a `_Reask`, or a `PlanOutcome` to send as it is."""
    apply: Callable[[Any], dict[str, Any]]
    """The plan (and draft) fields the value sets."""
    next: FlowStep | None
    """The question after it in a new plan; None: the plan is made."""
    said: Callable[[Any, date], str] = lambda value, today: ""
    """What a new plan's set-up says of the answer before the next question."""
    note: Callable[[Any], str] = lambda value: ""
    """A remark on the answer shown with the plan it ends in (new or edited)."""
    required: bool = True
    """A new plan can't be made without it (the draft's field of the same name)."""
    skippable: bool = False
    """"skip", "no", "later" are fine answers: nothing is set."""


def _ask_exam(draft: PlanDraft) -> str:
    now = f" It's set to {fmt_day(draft.editing.exam_date, year=True)}; what's the new date?" if draft.editing else ""
    return f"📅 When is your Step 2 CK exam?{now} e.g. “March 3”, “3/3/2027” or “in 6 weeks”."


def _exam_buttons(draft: PlanDraft) -> Rows:
    return (tuple(Button(f"In {n} weeks", f"/plan date in {n} weeks") for n in (4, 6, 8)),)


def _read_exam(answer: _Answer) -> date | _Reask:
    exam = parse_exam_date(answer.raw, answer.today)
    return _Reask(exam) if isinstance(exam, str) else exam


def _exam_said(exam: date, today: date) -> str:
    days = (exam - today).days
    lines = [f"📅 Exam: <b>{fmt_day(exam, year=True)}</b>, {'tomorrow' if days == 1 else f'{days} days away'}."]
    if days < TRIAGE_DAYS:
        lines.append(
            "That's under two weeks, so this will be a focused triage plan: questions "
            "first on high-yield weak areas, one self-assessment, rest the day before. "
            "We'll keep it to what matters most."
        )
    return "\n".join(lines)


def _ask_days(draft: PlanDraft) -> str:
    now = f" (now {draft.editing.study_days})" if draft.editing else ""
    return f"📚 How many days a week can you study{now}? Rest days matter too."


def _read_days(answer: _Answer) -> tuple[int, tuple[int, ...] | None] | _Reask:
    days = parse_study_days(answer.raw)
    if isinstance(days, str):
        return _Reask(days)
    named = parse_study_weekdays(answer.raw)
    return days, tuple(sorted(named)) if isinstance(named, frozenset) else None


def _days_said(value: tuple[int, tuple[int, ...] | None], today: date) -> str:
    days, weekdays = value
    spread = frozenset(weekdays) if weekdays else weekdays_for(days)
    return f"📚 {days} days a week ({describe_weekdays(spread)})."


def _ask_time(draft: PlanDraft) -> str:
    now = f" (now {fmt_time(draft.editing.nudge_time)})" if draft.editing else ""
    return f"⏰ What time should I nudge you on study days{now}? Tap one or type a time like “6:30am”."


def _read_time(answer: _Answer) -> time | _Reask:
    wall = parse_nudge_time(answer.raw)
    return _Reask(wall) if isinstance(wall, str) else wall


def _ask_zone(draft: PlanDraft) -> str:
    default = draft.editing.tz if draft.editing else draft.default_tz
    label = "Keep" if draft.editing else "Default"
    return (
        f"🌍 Which time zone are you in? Send a city (e.g. Chicago, Lagos, Mumbai) or "
        f"an offset like UTC+5:30, or tap {label} for <code>{escape_text(default)}</code>."
    )


def _zone_buttons(draft: PlanDraft) -> Rows:
    default = draft.editing.tz if draft.editing else draft.default_tz
    label = "Keep" if draft.editing else "Default"
    return (
        (Button(f"{label}: {default}", "/plan zone default"),),
        (
            Button("New York", "/plan zone America/New_York"),
            Button("Chicago", "/plan zone America/Chicago"),
            Button("Los Angeles", "/plan zone America/Los_Angeles"),
        ),
        (
            Button("London", "/plan zone Europe/London"),
            Button("India", "/plan zone Asia/Kolkata"),
            Button("Lagos", "/plan zone Africa/Lagos"),
        ),
    )


def _read_zone(answer: _Answer) -> str | _Reask | PlanOutcome:
    if answer.words in _DEFAULT:
        return answer.base.tz if answer.base is not None else answer.draft.default_tz
    choice = parse_timezone(answer.raw)
    if isinstance(choice, str):
        return _Reask(choice)
    if isinstance(choice, ZoneQuestion):
        return _which_zone(answer.draft, choice)
    return choice.tz


def _read_extras(answer: _Answer) -> tuple[int | None, str | None, str | None] | _Reask:
    extras = parse_extras(answer.raw, answer.knowledge)
    return _Reask(extras) if isinstance(extras, str) else extras


def _extras_set(value: tuple[int | None, str | None, str | None]) -> dict[str, Any]:
    # Only what the answer names changes: "252" keeps the target specialty.
    score, specialty, _ = value
    return {k: v for k, v in (("practice_score", score), ("target_specialty", specialty)) if v is not None}


def _extras_note(value: tuple[int | None, str | None, str | None]) -> str:
    other = value[2]
    if other is None:
        return ""
    return f"I don't have a sourced average for {escape_text(other)} yet, so I've left the target specialty blank."


def _ask_extras(draft: PlanDraft) -> str:
    return "🎯 Optional: your latest practice-test score and target specialty, e.g. “NBME 240, derm”. Or tap Skip."


def _days_buttons(draft: PlanDraft) -> Rows:
    return (tuple(_answer("days", str(n)) for n in (4, 5, 6, 7)),)


def _time_buttons(draft: PlanDraft) -> Rows:
    return (tuple(_answer("time", t) for t in ("7:00", "8:00", "18:00", "20:00")),)


def _extras_buttons(draft: PlanDraft) -> Rows:
    return ((Button("Skip", "/plan extras skip"),),)


def _set_days(value: tuple[int, tuple[int, ...] | None]) -> dict[str, Any]:
    return {"study_days": value[0], "weekdays": value[1]}


def _time_said(wall: time, today: date) -> str:
    return f"⏰ {fmt_time(wall)} it is."


def _zone_said(tz: str, today: date) -> str:
    return f"🌍 Time zone: <code>{escape_text(tz)}</code>."


# One row a question, in the order a new plan asks them (laid out by hand as a table).
# fmt: off
STEPS: dict[FlowStep, Step] = {spec.name: spec for spec in (
    #    name          verb      edit-menu label      edit words
    Step("exam_date",  "date",   "Exam date",         ("exam", "date", "exam date"),
         _ask_exam,    _exam_buttons,   _read_exam,   lambda exam: {"exam_date": exam},  "study_days", said=_exam_said),
    Step("study_days", "days",   "Study days",        ("days", "study days"),
         _ask_days,    _days_buttons,   _read_days,   _set_days,                         "nudge_time", said=_days_said),
    Step("nudge_time", "time",   "Nudge time",        ("time", "nudge time"),
         _ask_time,    _time_buttons,   _read_time,   lambda wall: {"nudge_time": wall}, "timezone",   said=_time_said),
    Step("timezone",   "zone",   "Time zone",         ("zone", "time zone", "timezone", "tz"),
         _ask_zone,    _zone_buttons,   _read_zone,   lambda tz: {"tz": tz},             "extras",     said=_zone_said,
         required=False),  # the default zone stands in
    Step("extras",     "extras", "Score & specialty", ("extras", "score", "specialty", "score and specialty"),
         _ask_extras,  _extras_buttons, _read_extras, _extras_set,                       None,
         note=_extras_note, required=False, skippable=True),
)}
# fmt: on
"""The set-up questions in order; the step list, answer verbs, edit words and questions all come from here."""

ANSWER_VERBS: dict[FlowStep, str] = {spec.name: spec.verb for spec in STEPS.values()}
"""The word a set-up button's command uses for the question it answers: "/plan days 5"."""
_VERB_STEPS: dict[str, FlowStep] = {spec.verb: spec.name for spec in STEPS.values()}
_EDIT_FIELDS: dict[str, FlowStep] = {word: spec.name for spec in STEPS.values() for word in spec.edit_words}
"""Edit-menu answers -> the step that asks for that field."""
_ANSWER_CMD = quick_re.compile(rf"^({'|'.join(_VERB_STEPS)})(?:\s+(.*))?$", re.IGNORECASE | re.DOTALL)


# ---------------------------------------------------------------------------- finish


def _first_nudge_note(plan: Plan, today: date, now: datetime | None) -> str:
    first = first_nudge(plan, today, now)
    if first is None:
        return "No more nudges before your exam: rest, you're ready. 🍀"
    day = "today" if first[0] == today else fmt_day(first[0])
    return f"⏰ Nudges start {day} at {fmt_time(first[1])} ({escape_text(plan.tz)}) on study days."


def _finish_new(draft: PlanDraft, today: date, knowledge: Knowledge, note: str, now: datetime | None) -> PlanOutcome:
    """Turn a complete draft into a plan, or ask for whatever is still missing."""
    # Only a hand-edited or truncated stored draft can miss a field; ask for it again.
    missing = next((spec.name for spec in STEPS.values() if spec.required and getattr(draft, spec.name) is None), None)
    if missing is not None:
        draft.step = missing
        return _ask(draft)
    # Checked just above (mypy can't follow getattr); the asserts state it for the reader too.
    assert draft.exam_date is not None and draft.study_days is not None and draft.nudge_time is not None  # noqa: S101
    plan = Plan(
        exam_date=draft.exam_date,
        study_days=draft.study_days,
        nudge_time=draft.nudge_time,
        tz=draft.tz or draft.default_tz,
        created=today,
        practice_score=draft.practice_score,
        target_specialty=draft.target_specialty,
        goal_score=draft.goal_score,
        weak_areas=draft.weak_areas,
        weekdays=draft.weekdays,
        last_seen=today,  # they are talking to us now: the first nudge starts the count of unanswered ones
        # The summary below gives today's focus, so once today's nudge time has passed it
        # counts as today's nudge; before that time, today's nudge still comes.
        last_nudged=today,
    )
    if todays_nudge_still_comes(plan, today, now):
        plan = changed(plan, last_nudged=today - timedelta(days=1))
    parts = ["✅ <b>Your plan is ready.</b>"]
    if note:
        parts.append(note)
    parts += [summary_html(plan, today, knowledge), _first_nudge_note(plan, today, now)]
    return PlanOutcome(Reply("\n\n".join(parts), ((Button("✏️ Edit plan", "/plan edit"), ADD_TO_CALENDAR),)), plan)


def _finish_edit(plan: Plan, today: date, knowledge: Knowledge, note: str = "") -> PlanOutcome:
    parts = ["✅ <b>Updated.</b>"]
    if note:
        parts.append(note)
    parts.append(summary_html(plan, today, knowledge))
    return PlanOutcome(Reply("\n\n".join(parts), plan_buttons(plan)), plan)


# ----------------------------------------------------------------------------- start


def _fresh(
    text: str,
    today: date,
    default_tz: str,
    note: str = "",
    remembered: date | None = None,
    knowledge: Knowledge | None = None,
    nudge_time: time | None = None,
) -> PlanOutcome:
    """A new plan conversation, taking the exam date from `text` when it names one, else the
    upcoming date the student told us earlier (`remembered`); a `nudge_time` already asked for is kept."""
    draft = PlanDraft(
        step="exam_date",
        default_tz=_zone_said_in(text) or default_tz,
        nudge_time=nudge_time,
        goal_score=goal_in(text),
        weak_areas=weak_areas_in(text),
    )
    # "aiming for 250, weak in obgyn": said back, so the student sees the plan heard them
    heard = aims_said(draft.goal_score, draft.weak_areas)
    found = find_exam_date(text, today)
    folded = fold(text[:500])
    if found is not None and _PRACTICE_DAY_RE.search(folded) and not _REAL_EXAM_RE.search(folded):
        # "set a reminder sunday 8am for nbme 15": that day is the practice test's, not the exam's
        found, note = None, PRACTICE_DAY_NOTE
    if isinstance(found, date) and (found - today).days <= 1:
        return too_close_for_a_plan(found, today)
    if isinstance(found, date):
        if not note and _from_a_dedicated_span(folded, found, today):
            note = COUNTED_FROM_SPAN  # "i have 4 weeks of dedicated": the exam taken as its end, and said so
        return _accept_exam_date(draft, found, today, note, text, knowledge, heard)
    intro = note or "Let's build your Step 2 CK study plan: five quick questions. Send “cancel” any time."
    intro = f"{intro}\n{heard}" if heard else intro
    if found is None and remembered is None and knowledge is not None:
        # "ping me weekdays at 9pm" with no date yet: kept now, said back, and not asked again after the date
        kept = [
            line for line in (_keep_days_said(draft, text, today, knowledge), _keep_time_said(draft, folded)) if line
        ]
        intro = "\n".join([intro, *kept])
    if found is None and remembered is not None and remembered > today:
        told = "I'll use the exam date you told me earlier (send /plan edit exam later to change it)."
        return _accept_exam_date(draft, remembered, today, f"{intro}\n\n{told}")
    if isinstance(found, str):
        return _ask(draft, f"{intro}\n\n🤔 {escape_text(found)}")
    return _ask(draft, intro)


_SPAN = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*(?:weeks?|wks?|days?|months?)"
_DEDICATED_SPAN_RE = quick_re.compile(
    rf"\b(?P<span>{_SPAN})\s+(?:of\s+)?(?:dedicated|study time|study period)\b"
    rf"|\bdedicated\s+(?:is|of|=|is for|lasts|runs)\s+(?P<span2>{_SPAN})\b"
)
"""A span of dedicated study said ("4 weeks of dedicated", "my dedicated is for 6 weeks")."""


def _from_a_dedicated_span(folded: str, exam: date, today: date) -> bool:
    """Whether the exam day read is the end of a span of dedicated counted from today, not a day the student named
    ("my exam is 6 weeks away, 4 weeks of dedicated" names its own)."""
    m = _DEDICATED_SPAN_RE.search(folded)
    if m is None:
        return False
    return find_exam_date(f"exam in {m.group('span') or m.group('span2')}", today) == exam


COUNTED_FROM_SPAN = (
    "I've taken your exam as the end of that stretch, counted from today: if it's on another day, tell me the date "
    "and I'll change it.\n"
)
_REAL_EXAM_RE = quick_re.compile(r"\b(?:step\s*2|step two|ck|real (?:exam|test|thing)|exam|test)\b(?!\s*\d)")
"""The real exam named ("exam jan 20", "my test is feb 3"): its day is the plan's."""
_PRACTICE_DAY_RE = quick_re.compile(
    rf"\b(?:remind|ping|nudge|text|message|reminder)\b.{{0,40}}\b(?:to\s+(?:take|do|start|sit)\s+|for\s+(?:my\s+)?|"
    rf"before\s+(?:my\s+)?)?{PRACTICE_TESTS}"
)
"""A reminder tied to a practice test ("remind me dec 12 to take uwsa2"): that day is the test's, not the exam's."""
PRACTICE_DAY_NOTE = (
    "I can't set a one-off reminder for a practice test, but a study plan nudges you on every study day, so the "
    "practice test can go on one of them. Let's set the plan up around your real exam: five quick questions."
)
_PLACE_MIN_LETTERS = 4
"""Shorter than this, "im in pa" or "im in ob" is as likely a rotation or a code as a place."""
_ROTATION_RE = quick_re.compile(
    r"(?:ob|gyn|obgyn|ob gyn|peds|pediatrics|surgery|surg|medicine|psych|psychiatry|neuro|neurology|family|fm|im|em|"
    r"icu|micu|sicu|clinic|rotation|dedicated|residency|school|class|the )\b"
)
_LIVES_IN_RE = quick_re.compile(
    r"\b(?:i m|im|i am|i live|living|based|i ll be|i will be)\s+in\s+([a-z][a-z .'-]{1,40}?)"
    r"(?=\s*(?:\(|,|\.|\?|!|$|\band\b|\bbut\b|\bso\b))"
)


def _zone_said_in(text: str) -> str | None:
    """The time zone of a place the request names ("reminders in my time zone? im in Lahore"), if one is plain."""
    said = _LIVES_IN_RE.search(fold(text[:500]))
    if said is None or len(said.group(1).replace(" ", "")) < _PLACE_MIN_LETTERS or _ROTATION_RE.match(said.group(1)):
        return None  # "im in ob", "im in peds": a rotation, not a place
    choice = parse_timezone(said.group(1))
    return choice.tz if isinstance(choice, ZoneChoice) else None


def _accept_exam_date(
    draft: PlanDraft,
    exam: date,
    today: date,
    note: str = "",
    text: str = "",
    knowledge: Knowledge | None = None,
    heard: str = "",
) -> PlanOutcome:
    """Take the exam date, then any later answers the same message gave; `heard` (the goal and weak areas
    said back) follows what was taken."""
    spec = STEPS["exam_date"]
    draft.exam_date = exam
    draft.step = spec.next or "exam_date"
    said = spec.said(exam, today)
    folded = fold(text)
    # "exam may 30, I can study 3 days a week, remind me at 7am": answers given already aren't asked again.
    for step_name in ("study_days", "nudge_time"):
        if knowledge is None or draft.step != step_name:
            break
        if step_name == "study_days":
            answer = _days_answer(text, folded)
        else:
            wall = _time_in(_NUDGE_TIME_SAID.search(folded), folded)
            answer = wall.strftime("%H:%M") if wall is not None else None
        line = _take_said(draft, step_name, answer, today, knowledge) if answer is not None else None
        if line is None:
            break
        draft.step = STEPS[step_name].next or step_name
        said = f"{said}\n{line}"
    if draft.step == "study_days" and draft.nudge_time is None:
        # "remind me at 2pm, ck is in 10 wks": the time is kept now, and not asked after the days
        told = _keep_time_said(draft, folded)
        said = f"{said}\n{told}" if told else said
    if heard:
        said = f"{said}\n{heard}"
    return _ask(draft, f"{note}\n{said}" if note else said)


def _keep_time_said(draft: PlanDraft, folded: str) -> str:
    """Keep a nudge time said of the nudges ("remind me at 9pm") in the draft; the line saying so, or ""."""
    wall = _time_in(_NUDGE_TIME_SAID.search(folded) or _NUDGE_TIME_BARE_SAID.search(folded), folded)
    if wall is None:
        return ""
    draft.nudge_time = wall
    return f"⏰ Nudges at {fmt_time(wall)}, as you asked."


def _time_in(told: re.Match[str] | None, folded: str) -> time | None:
    """The nudge time a pattern found, read in its sentence ("fri evenings around 8" is 20:00, not the bare 08:00)."""
    wall = parse_nudge_time(told.group("value"), folded) if told is not None else None
    return wall if isinstance(wall, time) else None


def _keep_days_said(draft: PlanDraft, text: str, today: date, knowledge: Knowledge) -> str:
    """Keep the study days said with a date-less request ("ping me weekends only") in the draft, to skip their
    question once the date is given; the line saying so, or ""."""
    answer = _days_answer(text, fold(text), weekends_only=True)
    return (_take_said(draft, "study_days", answer, today, knowledge) or "") if answer is not None else ""


def _days_answer(text: str, folded: str, *, weekends_only: bool = False) -> str | None:
    """The study days a message says, as they'd be typed at the days question ("3 days a week", "mon wed fri");
    None when it says none. `weekends_only` also reads "weekends only" (said of the nudges before a date)."""
    found = _STUDY_DAYS_SAID.search(folded) or _EVERY_DAY_SAID.search(folded)
    if found is not None:
        said = found.group("value") or found.groupdict().get("nudged") or found.groupdict().get("every") or ""
        return "7" if "weekend" in said else said  # "~3 hrs weekdays and full weekends": every day of the week
    rest = _REST_DAYS_SAID.search(folded)
    if rest is not None:  # "2 rest days a week": the rest of the week studied
        said = rest.group("n")
        return str(7 - (int(said) if said.isdigit() else NUMBER_WORDS[said]))
    only = _WEEKENDS_ONLY_SAID.search(folded) if weekends_only else None
    if only is not None:
        return only.group("value")
    off = dropped_weekdays(normalize(text))
    if 0 < len(off) < 7:  # "exam in 6 weeks, saturdays off": every other day of the week
        return " ".join(WEEKDAY_NAMES[d].lower() for d in range(7) if d not in off)
    return None


def _take_said(draft: PlanDraft, step_name: FlowStep, answer: str, today: date, knowledge: Knowledge) -> str | None:
    """Read `answer` as the reply to `step_name`'s question and keep it in the draft; the line saying so, or None
    when it doesn't read as one."""
    spec = STEPS[step_name]
    value = spec.parse(_Answer(answer, _words(answer), today, knowledge, draft, None))
    if isinstance(value, (_Reask, PlanOutcome)):
        return None
    for name, field_value in spec.apply(value).items():
        setattr(draft, name, field_value)
    return spec.said(value, today)


_WEEKENDS_ONLY_SAID = quick_re.compile(
    r"(?P<value>\b(?:weekends?|weekdays)\s+only\b|\bonly\s+(?:on\s+)?(?:weekends?|weekdays)\b)"
)
"""Weekend days or weekdays only, for the nudges or the studying ("can u ping me weekends only")."""
_STUDY_DAYS_SAID = quick_re.compile(
    # Said of studying ("I can study 3 days a week"), not of work ("I work 4 days a week").
    r"\b(?:study|studying|can do|can only do|available|free to study)\b[^.,;!?]{0,20}?"
    r"(?P<value>\b(?:[1-7]|one|two|three|four|five|six|seven)\s*(?:days?|d)\s*(?:a|per|each|every|/)\s*(?:week|wk)\b"
    r"|\bweekdays\s+(?:and|\+|&)\s+(?:full\s+|the\s+)?weekends?\b|\bweekdays(?:\s+only)?\b|\bevery\s*day\b)"
    # ... or which days the nudges come, since they come on study days ("remind me weekdays only",
    # "ping me mon wed fri"); "ping me every day" says how often, and the days are still asked
    r"|\b(?:remind|ping|nudge|text) me\b[^.,;!?]{0,20}?"
    r"(?P<nudged>\bweekdays(?:\s+only)?\b|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*"
    r"(?:\s*(?:,|/|&|and)?\s*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*){1,6}\b)"
)
"""How many days a week the student can study, said in the message that starts the set-up."""
_REST_DAYS_SAID = quick_re.compile(
    # (not "surgery only gives us 2 rest days a week": a rotation's days off, studied in)
    r"(?<!\bgives us )(?<!\bgive us )(?<!\bgives us only )(?<!\bget )(?<!\bwe get )(?<!\bonly get )(?<!\bhave )"
    r"\b(?P<n>[1-3]|one|two|three)\s+(?:rest\s+days?|days?\s+of\s+rest|days?\s+off\s+(?:from\s+)?study\w*)\s+"
    r"(?:a|per|each|every|/)\s*(?:week|wk)\b"
)
"""Rest days in a week, said with the request ("2 rest days a week"); not "3 days off a week", which is as often
days free from work, to study in."""
_EVERY_DAY_SAID = quick_re.compile(
    r"(?P<value>\bevery\s*day\b)[^.;!?]{0,40}\b(?:including|incl|even|plus)\s+(?:on\s+)?(?:the\s+)?weekends?\b"
    r"|\b(?:something|studying|study|work)\s+(?P<every>every\s*day)\b"
)
"""Every day of the week, said of the studying rather than of the nudges ("something every day, incl. weekends")."""
_NUDGE_TIME_SAID = quick_re.compile(
    # Said of the nudge ("remind me at 7am", "ping me around 6:30 pm"), not of the exam ("exam at 8am").
    r"\b(?:remind|ping|nudge|text|message|reminders?|nudges?|check\s*-?\s*ins?|check in with)\b[^.,;!?]{0,40}?"
    r"(?:\b(?:at|around)|@|\bfor(?=\s*\d{1,2}(?::\d{2})?\s*(?:am|pm)\b))\s*"  # "a reminder for 7am"
    r"(?P<value>\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s+in the (?:morning|evening))?|noon|midday)"
)
"""The nudge time, said in the message that starts the set-up."""
_NUDGE_TIME_BARE_SAID = quick_re.compile(
    r"\b(?:remind|ping|nudge|text|message) me\s+(?:every\s+\w+\s+)?(?P<value>\d{1,2}(?::\d{2})?\s*(?:am|pm))\b"
)
"""The time right after "remind me" ("remind me 9pm on weekdays"): an hour only with am or pm."""


def _late_answer(
    verb: str,
    value: str,
    today: date,
    existing: Plan | None,
    knowledge: Knowledge,
    default_tz: str,
    now: datetime | None,
) -> PlanOutcome:
    """A set-up button pressed when no set-up waits for it (after a restart, or set-up ended)."""
    has_plan = existing is not None and existing.status in ("active", "paused")
    if verb == "date" and not has_plan:
        return _fresh(value, today, default_tz)  # the first question: simply start from it
    if has_plan and existing is not None:
        # Pressed under a finished set-up: the student still wants that value; it edits the plan.
        draft = PlanDraft(step=_VERB_STEPS[verb], default_tz=default_tz, editing=existing)
        return step(draft, f"/plan {verb} {value}", today, knowledge, existing=existing, now=now)
    return PlanOutcome(Reply(f"{_NO_LONGER} Send /plan to make a study plan.", MAKE_PLAN))


def start(
    text: str,
    today: date,
    existing: Plan | None,
    knowledge: Knowledge,
    *,
    default_tz: str = "UTC",
    now: datetime | None = None,
    remembered_exam: date | None = None,
) -> PlanOutcome:
    """Begin (or show) a study plan from "/plan ..." or free text like "test in 6 weeks".

    * "/plan" with an active or paused plan: its summary with Edit / Replace /
      Pause-or-Resume / Stop buttons (nothing changes);
    * "/plan new" (or "new"): a fresh conversation, even if a plan exists;
    * "/plan edit" [exam|days|time|zone|extras]: the edit menu, or straight to that field;
    * "/plan days 5" and the like (set-up buttons) with no set-up waiting: see `_late_answer`;
    * "/plan break 2026-01-17 2026-01-18": take those days off (the break button);
    * otherwise a fresh conversation; an exam date in the text (or else `remembered_exam`,
      the upcoming date the student told us earlier) is taken and the flow moves on.
    `default_tz` is offered at the time-zone question.
    """
    raw = text.strip()
    command = _PLAN_CMD.match(raw)
    args = (command[1] or "").strip() if command else raw
    words = _words(args).split()
    has_plan = existing is not None and existing.status in ("active", "paused")

    if command and words[:1] == ["cancel"]:
        return PlanOutcome(Reply("There's no plan set-up going on, so there's nothing to cancel. 👍"))
    answer = _ANSWER_CMD.match(args) if command else None
    if answer is not None:
        return _late_answer(answer[1].lower(), (answer[2] or "").strip(), today, existing, knowledge, default_tz, now)
    pause = _BREAK_CMD.match(args) if command else None
    if pause is not None:
        if existing is None or not has_plan:
            text = "There's no active study plan to take a break from, so that button no longer applies."
            return PlanOutcome(Reply(f"{text} Send /plan to make one."))
        try:
            first, last = date.fromisoformat(pause[1]), date.fromisoformat(pause[2])
        except ValueError:
            return PlanOutcome(Reply("That break button doesn't look right any more. Ask me again for a break."))
        return take_break(existing, first, last, today)

    if command and words[:1] == ["summary"]:
        return _summary_day(existing, " ".join(words[1:2]))
    if command and words == ["daily"]:
        return _daily_again(existing, today)

    if words and words[0] in _NEW:
        return _fresh(" ".join(args.split()[1:]), today, default_tz, remembered=remembered_exam, knowledge=knowledge)

    if words and words[0] == "edit" and (command or len(words) <= 3):
        if existing is None or not has_plan:
            return _fresh(
                "",
                today,
                default_tz,
                "You don't have an active plan to edit, so let's make one. Send “cancel” any time.",
            )
        draft = PlanDraft(step="edit", default_tz=default_tz, editing=existing)
        target = _EDIT_FIELDS.get(" ".join(words[1:]))
        if target is not None:
            draft.step = target
        return _ask(draft)

    dropped = dropped_weekdays(normalize(raw)) if has_plan and existing is not None and not command else frozenset()
    if existing is not None and dropped:
        # "stop the saturday pings", "sundays off": those days leave the study week, the rest stay as they are
        studied = frozenset(existing.weekdays) if existing.weekdays else weekdays_for(existing.study_days)
        kept = sorted(studied - dropped)
        if not kept:
            return PlanOutcome(Reply("That would leave no study days at all. To stop the reminders, send /pause."))
        if len(kept) == len(studied):
            off = describe_weekdays(dropped)
            return PlanOutcome(Reply(f"{off} already had no nudges in your plan. 👍", plan_buttons(existing)))
        value = " ".join(WEEKDAY_NAMES[d][:3].lower() for d in kept)
        return _late_answer("days", value, today, existing, knowledge, default_tz, now)
    if has_plan and existing is not None and not command and changes_reminders(normalize(raw)):
        # "change reminder time to 9pm": done, as the time button would do it; no time named: asked.
        wall = parse_nudge_time(raw)
        if isinstance(wall, time):
            return _late_answer("time", wall.strftime("%H:%M"), today, existing, knowledge, default_tz, now)
        return _ask(PlanDraft(step="nudge_time", default_tz=default_tz, editing=existing))

    goal, areas = (goal_in(args), weak_areas_in(args)) if has_plan else (None, ())
    if existing is not None and (goal is not None or areas):
        # "weak in renal and cardio, add that to my plan", "/plan goal 255": the aims said are the plan's from now on
        aimed = changed(
            existing,
            goal_score=goal if goal is not None else existing.goal_score,
            weak_areas=areas or existing.weak_areas,
            weak_turn=0 if areas else existing.weak_turn,
        )
        return _finish_edit(aimed, today, knowledge, aims_said(goal, areas))

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
                *buttons[1:],
            )
        return PlanOutcome(Reply(html_text, buttons))

    # "move my daily msg to 6:30" with no reminders yet: the set-up keeps the time asked for
    asked = parse_nudge_time(raw) if not command and changes_reminders(normalize(raw)) else None
    told = asked if isinstance(asked, time) else None
    return _fresh(raw, today, default_tz, remembered=remembered_exam, knowledge=knowledge, nudge_time=told)


# ------------------------------------------------------------------------------ step


def step(
    draft: PlanDraft,
    text: str,
    today: date,
    knowledge: Knowledge,
    *,
    existing: Plan | None = None,
    now: datetime | None = None,
) -> PlanOutcome:
    """Take the answer to the draft's current question and ask the next one (or finish).

    For an edit, pass the stored plan as `existing` so the change lands on its latest
    bookkeeping (last nudge, tips, progress); without it the snapshot in the draft is used.
    `now` lets a plan saved before today's nudge time still get today's nudge.
    """
    raw = text.strip()
    # The plan an edit applies to: the stored one when the caller passes it (so nudges
    # sent meanwhile aren't undone), else the snapshot taken when the edit began.
    base: Plan | None = None
    if draft.editing is not None:
        base = existing if existing is not None else draft.editing
    command = _PLAN_CMD.match(raw)
    args = (command[1] or "").strip() if command else ""
    answer_cmd = _ANSWER_CMD.match(args) if command else None
    if command and _words(args) == "cancel":
        raw = "cancel"
    elif answer_cmd is not None:
        wanted = _VERB_STEPS[answer_cmd[1].lower()]
        if wanted != draft.step:
            # A button from an earlier question: say so, and ask the one that is waiting.
            return _ask(draft, "That button was for an earlier question; here's the one I'm waiting on.")
        raw = (answer_cmd[2] or "").strip()
    answer = _words(raw)
    if answer in _CANCEL:
        msg = (
            "Cancelled. Your plan is unchanged; nothing was saved."
            if base is not None
            else "Cancelled. Nothing was saved. Send /plan whenever you're ready."
        )
        return PlanOutcome(Reply(msg))
    if command and _BREAK_CMD.match(args):
        # Confirming a break mid-set-up: take it on the stored plan, and the set-up goes on.
        taken = start(raw, today, existing, knowledge, default_tz=draft.default_tz, now=now)
        ask, buttons = question(draft)
        return PlanOutcome(replace(taken.reply.noted(ask), buttons=buttons), taken.plan, draft)
    if command and not _words(args) and draft.editing is None:
        # a bare /plan while the set-up waits (say, coming back after another message): the answers so far are
        # kept and the waiting question asked again; "/plan new" starts over
        return _ask(draft, "Your plan set-up is waiting on this question (send /plan new to start over):")
    if command and answer_cmd is None:
        return start(raw, today, base or existing, knowledge, default_tz=draft.default_tz, now=now)
    pace = questions_per_day(raw, today) if draft.step != "exam_date" and base is None else None
    left = questions_left(raw) if pace is None and base is None and draft.exam_date is not None else None
    if left is not None and draft.exam_date is not None and draft.exam_date > today:
        pace = left, (draft.exam_date - today).days  # "2400 left" once the date is known: divided by its days
    waiting = draft
    # Work on a copy so the caller's stored draft is never half-updated.
    draft = PlanDraft.from_dict(draft.to_dict())

    if draft.step == "edit":
        target = _EDIT_FIELDS.get(answer)
        if target is None:
            return _reask(draft, "Pick one of the buttons, or say exam date, days, time, zone or score.")
        draft.step = target
        return _ask(draft)

    spec = STEPS[draft.step]
    if spec.skippable and answer in _SKIP:
        if base is not None:
            return PlanOutcome(Reply("No changes. Your plan is as it was."))
        if spec.next is None:
            return _finish_new(draft, today, knowledge, "", now)
        draft.step = spec.next
        return _ask(draft)
    value = spec.parse(_Answer(raw, answer, today, knowledge, draft, base))
    if isinstance(value, _Reask) and pace is not None:
        # "2400 left and 38 days, how many a day?" asked mid-way: the arithmetic, then the question that waits
        # (read as a days answer, it was "a week only has 7 days")
        return _ask(waiting, _pace_for(pace, waiting, today))
    if isinstance(value, _Reask):
        return _reask(draft, value.reason)
    if isinstance(value, PlanOutcome):
        return value
    fields, note = spec.apply(value), spec.note(value)
    if base is not None:
        if "exam_date" in fields:
            fields["created"] = today  # phases are laid out from `created`: a new date re-lays them from today
        return _finish_edit(changed(base, **fields), today, knowledge, note)
    for name, field_value in fields.items():
        setattr(draft, name, field_value)
    if spec.next is None:
        return _finish_new(draft, today, knowledge, note, now)
    draft.step = spec.next
    said = spec.said(value, today)
    if draft.step == "study_days" and draft.study_days is not None and base is None:
        # told when the set-up began: said then, not asked; unless this answer says them again ("march 20 but i can
        # do 6 days a week"), when the new days are kept and said back
        again = _keep_days_said(draft, raw, today, knowledge)
        said = f"{said}\n{again}" if again else said
        draft.step = STEPS["study_days"].next or "study_days"
    if draft.step == "nudge_time" and draft.nudge_time is None and base is None:
        # the days answered with the nudge time beside them ("mon wed fri, ping me evenings around 8"): both kept
        folded = fold(raw)
        draft.nudge_time = _time_in(_NUDGE_TIME_SAID.search(folded) or _NUDGE_TIME_BARE_SAID.search(folded), folded)
    if draft.step == "nudge_time" and draft.nudge_time is not None:
        # told when the set-up began ("remind me at 2pm"), or just now beside the days: said back, not asked
        timed = STEPS["nudge_time"]
        said = f"{said}\n{timed.said(draft.nudge_time, today)}"
        draft.step = timed.next or "nudge_time"
    if pace is not None:
        said = f"{said}\n\n{_pace_for(pace, draft, today)}"  # "5 days a week, 1400 left": both taken
    return _ask(draft, said)


__all__ = [
    "ANSWER_VERBS",
    "STEPS",
    "parse_extras",
    "plan_buttons",
    "question",
    "start",
    "step",
]
