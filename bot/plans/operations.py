"""What the student does to a plan: log work, snooze, pause, resume, stop, move the exam, take a break, add a deadline.

Each returns a `PlanOutcome` with its reply; `plan` None there means nothing changed.
Pure: callers pass `today` or `now`.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from bot.formatting import excerpt, fmt_day, fmt_time, plural
from bot.parse_answers import find_exam_date
from bot.plans.messages import ADD_TO_CALENDAR, summary_html
from bot.plans.model import (
    DEADLINE_LEADS,
    MAX_DEADLINE_TEXT,
    MAX_DEADLINES,
    MAX_LOG_DAYS,
    MAX_LOG_HOURS,
    MAX_PERCENTS_A_DAY,
    Deadline,
    Plan,
    PlanOutcome,
    changed,
)
from bot.plans.phases import TRIAGE_DAYS, is_nudge_day, is_study_day, streak
from bot.plans.schedule import as_utc, local_day, local_time, next_nudge_at
from bot.reply import Button, Reply, escape_text
from knowledge import Knowledge

SNOOZE_MINUTES = 60


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
    if not is_study_day(plan, today) and today < plan.exam_date - timedelta(days=1) and today not in plan.skipped:
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
    now = as_utc(now)
    today = local_day(plan, now)
    until = now + timedelta(minutes=minutes)
    last = None if plan.last_nudged == today else plan.last_nudged
    updated = changed(plan, snoozed_until=until, last_nudged=last)
    nxt = next_nudge_at(updated, now)
    if nxt is None:
        return PlanOutcome(Reply("⏰ Snoozed. There are no more nudges before your exam."), updated)
    local = local_time(plan, nxt)
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
    study = sum(1 for n in range(days) if is_study_day(plan, today + timedelta(days=n)))
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


def offer_break(plan: Plan, today: date, day: date | None = None) -> PlanOutcome:
    """Answer "can I take a break this weekend?": yes, with a button to confirm it (`day`: the one day they
    named, "no reminders today pls")."""
    first, last = (day, day) if day is not None else weekend_ahead(today)
    if first >= plan.exam_date - timedelta(days=1):
        return PlanOutcome(Reply("Your exam is right there, so rest is already the plan. Take it easy. 🍀"))
    span = fmt_day(first) if first == last else f"{fmt_day(first)} – {fmt_day(last)}"
    days = "that day" if first == last else "those days"
    text = (
        f"Yes: rest is part of the plan. 🌿 Shall I take {span} off? No nudges {days}, and your streak stays as it is."
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
    nxt = next((d for d in (days[-1] + timedelta(days=n) for n in range(1, 8)) if is_nudge_day(updated, d)), None)
    back = f" Nudges pick up again {fmt_day(nxt)}." if nxt is not None else ""
    return PlanOutcome(Reply(f"🌿 Done: {span} off. Enjoy it, rest is part of the work.{back}"), updated)


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
