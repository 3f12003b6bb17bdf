"""What a plan says: its summary, the nudges, the farewell, the score-release and deadline messages.

Pure: each takes the plan and the local day, and returns the text (Telegram HTML) or a
`PlanOutcome` with the plan marked so the message goes out once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from bot.formatting import fmt_day, fmt_short, fmt_time, plural
from bot.plans.model import DEADLINE_LEADS, Cadence, Plan, PlanOutcome, changed
from bot.plans.phases import (
    describe_weekdays,
    focus_for,
    plan_phases,
    self_assessment_days,
    streak,
    study_weekdays,
    weak_area_for,
)
from bot.plans.schedule import SCORE_RELEASE_FACT, attention, occasion, release_days
from bot.reply import Button, Reply, escape_text
from knowledge import Knowledge, topics
from knowledge.models import Tip

ADD_TO_CALENDAR = Button("📅 Add to calendar", "/calendar")
"""Under a plan summary: the plan as an .ics file."""
MAKE_PLAN = ((Button("🗓 Make a plan", "/plan"),),)
"""The one button offered wherever a student has no plan yet (the set-up starts from /plan)."""

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
    if plan.goal_score is not None:
        lines.append(f"🏁 Goal: {plan.goal_score}")
    if plan.weak_areas:
        lines.append(f"💪 Weak areas, one to start each study day: {escape_text(', '.join(plan.weak_areas))}")
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

    phases = [p for p in plan_phases(plan) if p.end >= today]
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


# ----------------------------------------------------------------------------- nudges


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

    cadence, ignored, stepped_down = attention(plan)
    backed_off = BACKED_OFF[cadence] if stepped_down else None
    tip, used = next_tip(plan, knowledge)
    lines = [
        f"<b>📚 {plural(days, 'day')} to Step 2 CK</b>",
        f"<b>Today:</b> {escape_text(focus_for(plan, day))}",
    ]
    area = weak_area_for(plan, day)
    if area is not None:
        lines.append(f"💪 Start today's questions with {escape_text(area)}, one of the weak areas you named.")
    elif plan.goal_score is not None and day in self_assessment_days(plan):
        lines.append(f"🏁 Your goal: {plan.goal_score}. Today's result shows where you stand against it.")
    if tip is not None:
        lines.append(f"💡 {escape_text(tip.text)}")
    spec_line = specialty_line(plan, knowledge)
    if spec_line:
        lines.append(f"🎯 {spec_line}")
    run = streak(plan, day)
    if run:
        lines.append(f"🔥 Streak: {plural(run, 'study day')}")
    lines.extend(deadline_notes(plan, day))
    cheers = knowledge.encouragements  # a loaded store always has some; a hand-built one may not
    if cheers:
        lines.append(f"<i>{escape_text(cheers[day.toordinal() % len(cheers)].text)}</i>")
    buttons: tuple[tuple[Button, ...], ...] = NUDGE_BUTTONS
    if backed_off is not None:
        lines += ["", f"🔕 {escape_text(backed_off)}"]
        buttons = (*NUDGE_BUTTONS, (DAILY_BUTTON,))
    updated = changed(
        plan,
        last_nudged=day,
        snoozed_until=None,
        tips_used=used,
        cadence=cadence,
        ignored=ignored,
        weak_turn=plan.weak_turn + (area is not None),
    )
    return PlanOutcome(Reply("\n".join(lines), buttons), updated)


def deadline_nudge(plan: Plan, day: date) -> PlanOutcome:
    """On a day nothing else goes out: just the reminder of the student's own deadline(s)."""
    lines = ["<b>📌 A date you asked me to remind you of</b>", *deadline_notes(plan, day)]
    lines.append("Worth a look today, so nothing is left to the last minute.")
    return PlanOutcome(Reply("\n".join(lines)), changed(plan, last_nudged=day, snoozed_until=None))


def deadline_notes(plan: Plan, d: date) -> list[str]:
    """'📌 In 7 days (Fri, Sep 25): “ERAS opens sep 25”' for each deadline due a reminder on `d` (HTML)."""
    notes = []
    for deadline in plan.deadlines:
        left = (deadline.day - d).days
        if left in DEADLINE_LEADS:
            when = "Tomorrow" if left == 1 else f"In {left} days"
            notes.append(f"📌 {when} ({fmt_day(deadline.day)}): “{escape_text(deadline.what)}”")
    return notes


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


EXAM_EVE = (
    "The studying is done now, and rest will do more for you tonight than one more block. Set out your ID and "
    "your confirmation, check when you need to leave, eat something, and lie down at your usual time: resting "
    "with your eyes closed still helps if sleep is slow to come. Tomorrow, take it one block at a time. 💙"
)
"""The night before the exam: how to spend it, said the same wherever the student meets it."""
EXAM_DAY_BUTTON = Button("Exam day", f"/faq {topics.EXAM_DAY}")


EXAM_TODAY = (
    "Good luck today! Take it one block at a time, and eat and drink something at your breaks. "
    "Come back afterwards and I'll help with what comes next."
)


def too_close_for_a_plan(exam: date, today: date) -> PlanOutcome:
    """No set-up for an exam today or tomorrow: how to spend the time instead, and nothing stored."""
    if exam <= today:
        text = f"📅 Your exam is today, so there's no plan to build. {EXAM_TODAY}"
    else:
        text = (
            f"📅 Your exam is tomorrow ({fmt_day(exam)}), so there's no plan to build now.\n\n{EXAM_EVE}\n\n"
            "Come back afterwards and I'll help with what comes next."
        )
    return PlanOutcome(Reply(text, ((EXAM_DAY_BUTTON,),)))
