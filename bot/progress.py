"""The student's progress: the practice scores they report, the progress picture, the weekly summary.

Students already tell the bot their numbers ("nbme 11 was 238", "did 40 qs, got 70%").
Question counts and block percentages are logged by `operations.record_done`; practice-test
results are kept here as `ScoreEntry`s on the plan, with the day, the test and the form.
`/forget` erases them with the rest of the profile. Pure: callers pass `today`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from bot.formatting import fmt_day, fmt_short, plural
from bot.plans.messages import DAILY_BUTTON, deadline_notes, specialty_line
from bot.plans.model import MAX_SCORES, Plan, PlanOutcome, ScoreEntry, changed
from bot.plans.phases import focus_for, self_assessment_days, streak
from bot.reply import Button, Point, ProgressChart, Reply, escape_text
from bot.understand import Parsed
from knowledge import Knowledge

MIN_POINTS = 2
"""Fewer points than this draw no chart: the reply says what to log instead."""
CHART_WEEKS = 16
"""Weeks of question counts on the chart: a phone can't show more bars readably."""
BLOCKS = "Question blocks"
"""The label of the daily average % correct of the question blocks logged."""

PROGRESS_BUTTON = Button("📈 Progress", "/progress")
SUMMARY_DAY_BUTTON = Button("🗓 Change summary day", "/plan summary")

WHAT_TO_LOG = (
    "Tell me your numbers as you go and I'll draw them: after a block of questions, "
    "“did 40 qs, got 70%” (or /done 40); after a practice test, “nbme 11 was 238” or “uwsa 2 248”."
)


# ------------------------------------------------------------------------ logging scores


def reported_scores(parsed: Parsed, today: date) -> list[ScoreEntry]:
    """The practice-test results a message reports, dated `today` (none when it reports none).

    Each named test ("nbme 11 was 238", "cms 3 80%") is one entry; a practice score
    without a named test ("my practice test was 241") is kept as "practice". A Step 1
    or Step 2 CK score is not a practice result.
    """
    entries = [
        ScoreEntry(today, p.exam, p.form, p.score, p.percent)
        for p in parsed.practice
        if (p.score is not None and 100 <= p.score <= 300) or (p.percent is not None and 0 <= p.percent <= 100)
    ]
    if entries or parsed.intent != "practice_score" or parsed.practice_score is None or parsed.step1:
        return entries
    return [ScoreEntry(today, "practice", "", parsed.practice_score)]


def record_scores(plan: Plan, entries: Sequence[ScoreEntry]) -> Plan:
    """The plan with these results added (a repeat of one already kept that day is not added twice).

    The latest three-digit score also becomes the plan's practice score.
    """
    kept = list(plan.scores)
    for entry in entries:
        if entry not in kept:
            kept.append(entry)
    latest = next((e.score for e in reversed(kept) if e.score is not None), plan.practice_score)
    return changed(plan, scores=kept[-MAX_SCORES:], practice_score=latest)


def logged_note(entries: Sequence[ScoreEntry]) -> str:
    """'📈 Saved to your progress: NBME 11, 238. /progress shows the chart.' (HTML)."""
    shown = "; ".join(f"{escape_text(e.label)}, {_value(e)}" for e in entries)
    return f"📈 Saved to your progress: {shown}. /progress shows the chart."


def _value(entry: ScoreEntry) -> str:
    return str(entry.score) if entry.score is not None else f"{entry.percent}%"


# ------------------------------------------------------------------------------- chart


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def chart_for(plan: Plan, today: date, knowledge: Knowledge) -> ProgressChart:
    """The progress picture's data: scores, % correct by day, questions per week, the target average."""
    scores = tuple(Point(e.day, e.score, e.label) for e in plan.scores if e.score is not None)
    forms = [Point(e.day, e.percent, e.label) for e in plan.scores if e.percent is not None]
    blocks = [
        Point(date.fromisoformat(k), round(sum(v) / len(v)), BLOCKS) for k, v in sorted(plan.percent_log.items()) if v
    ]
    percents = tuple(sorted([*forms, *blocks], key=lambda p: p.day))
    counts: dict[date, int] = {}
    for key, n in plan.done_log.items():
        if n:
            week = _monday(date.fromisoformat(key))
            counts[week] = counts.get(week, 0) + n
    weeks: tuple[Point, ...] = ()
    if counts:
        # Every week from the first logged one to this one, so a quiet week shows as a gap, not nothing.
        last = max(_monday(today), max(counts))
        first = max(min(counts), last - timedelta(weeks=CHART_WEEKS - 1))
        n_weeks = (last - first).days // 7 + 1
        weeks = tuple(
            Point(w, counts.get(w, 0), "questions") for w in (first + timedelta(weeks=i) for i in range(n_weeks))
        )
    spec = knowledge.specialties.get(plan.target_specialty or "")
    target, label = None, ""
    if spec is not None:
        lead = knowledge.lead(spec.id)  # the figure every reply about one specialty leads with
        target = lead.value
        label = f"{spec.short_name} average {target} ({knowledge.label(lead)}), not a cut-off"
    return ProgressChart(scores, percents, weeks, target, label)


def points(chart: ProgressChart) -> int:
    """How many things the chart would show: each score, each % and each week with questions."""
    return len(chart.scores) + len(chart.percents) + sum(1 for w in chart.weeks if w.value)


def alt_text(chart: ProgressChart) -> str:
    """The chart in words, for the caption: what a student who can't see the picture needs."""
    parts: list[str] = []
    if chart.scores:
        first, last = chart.scores[0], chart.scores[-1]
        if len(chart.scores) == 1:
            parts.append(f"one practice score, {first.label} {first.value} on {fmt_short(first.day)}")
        else:
            best = max(chart.scores, key=lambda p: p.value)
            parts.append(
                f"{len(chart.scores)} practice scores from {first.label} {first.value} ({fmt_short(first.day)}) "
                f"to {last.label} {last.value} ({fmt_short(last.day)}), highest {best.value}"
            )
        if chart.target is not None:
            parts.append(f"against the {chart.target_label}")
    if chart.percents:
        low = min(p.value for p in chart.percents)
        high = max(p.value for p in chart.percents)
        span = f"{low}%" if low == high else f"{low}–{high}%"
        parts.append(f"percent correct {span} over {plural(len(chart.percents), 'result')}")
    if chart.weeks:
        shown = ", ".join(str(w.value) for w in chart.weeks[-6:])
        parts.append(f"questions per week, latest last: {shown}")
    return "Chart: " + "; ".join(parts) + "."


def progress_reply(plan: Plan, today: date, knowledge: Knowledge) -> Reply:
    """The answer to /progress: the chart with its alt text, or with too little data, what to log."""
    chart = chart_for(plan, today, knowledge)
    n = points(chart)
    if n < MIN_POINTS:
        have = "Nothing logged yet" if n == 0 else "Only one number so far"
        text = f"📈 <b>{have}</b>, so there's no chart to draw. {escape_text(WHAT_TO_LOG)}"
        return Reply(text)
    lines = ["<b>📈 Your progress</b>", _latest_line(plan, knowledge), f"<i>{escape_text(alt_text(chart))}</i>"]
    return Reply("\n".join(line for line in lines if line), chart=chart)


def _latest_line(plan: Plan, knowledge: Knowledge) -> str:
    """'📝 Latest practice score: NBME 11, 238 (Jan 10). 🎯 Derm average: 257 (...)' or ''."""
    latest = plan.scores[-1] if plan.scores else None
    line = (
        f"📝 Latest practice score: {escape_text(latest.label)}, {_value(latest)} ({fmt_short(latest.day)})"
        if latest is not None
        else ""
    )
    target = specialty_line(plan, knowledge)
    if target:
        line = f"{line}\n🎯 {target}" if line else f"🎯 {target}"
    return line


# ------------------------------------------------------------------------ weekly summary


def _next_step(plan: Plan, day: date, questions: int) -> str:
    """One concrete next step for the week ahead."""
    upcoming = [d for d in self_assessment_days(plan) if day < d <= day + timedelta(days=7)]
    if upcoming:
        return f"your next self-assessment is {fmt_day(upcoming[0])}: a full practice test under exam conditions."
    if not questions:
        return "one timed block of 40 questions on your next study day, then tell me “did 40”."
    recent = [e for e in plan.scores if e.day > day - timedelta(days=21)]
    if not recent and (plan.exam_date - day).days > 10:
        return "a practice test this week shows where you stand; send me the score after."
    tomorrow = focus_for(plan, day + timedelta(days=1))
    return tomorrow[0].lower() + tomorrow[1:] if tomorrow else "keep your daily block going."


def weekly_summary(plan: Plan, day: date, knowledge: Knowledge) -> PlanOutcome:
    """The week in one message on the student's summary day, with the chart when there is one.

    Questions logged in the last 7 days, the streak, the latest practice score against the
    target, the days left and one next step. Marks the day as nudged.
    """
    week = [day - timedelta(days=n) for n in range(7)]
    questions = sum(plan.done_log.get(d.isoformat(), 0) for d in week)
    days_logged = sum(1 for d in week if d.isoformat() in plan.done_log)
    left = (plan.exam_date - day).days
    lines = ["<b>🗓 Your week</b>"]
    if days_logged:
        logged = f"{questions:,} questions over " if questions else ""
        lines.append(f"📚 {logged}{plural(days_logged, 'day')} logged this week.")
    else:
        lines.append("📚 Nothing logged this week. That happens; this week is a fresh start.")
    run = streak(plan, day)
    if run:
        lines.append(f"🔥 Streak: {plural(run, 'study day')}")
    latest = _latest_line(plan, knowledge)
    if latest:
        lines.append(latest)
    lines.append(f"📅 {plural(left, 'day')} to your exam.")
    lines.append(f"<b>Next:</b> {escape_text(_next_step(plan, day, questions))}")
    lines.extend(deadline_notes(plan, day))
    chart = chart_for(plan, day, knowledge)
    drawn = points(chart) >= MIN_POINTS
    if drawn:
        lines.append(f"<i>{escape_text(alt_text(chart))}</i>")
    buttons: tuple[tuple[Button, ...], ...] = ((SUMMARY_DAY_BUTTON,),)
    if plan.cadence == "weekly":
        lines.append("🔕 You're on this weekly summary only; tap below for daily nudges again.")
        buttons = ((DAILY_BUTTON,), *buttons)
    reply = Reply("\n".join(lines), buttons, chart if drawn else None)
    return PlanOutcome(reply, changed(plan, last_nudged=day, snoozed_until=None))
