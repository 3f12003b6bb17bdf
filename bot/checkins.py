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

from datetime import datetime

from bot import progress
from bot.plans import messages, schedule
from bot.plans.model import Plan, PlanOutcome
from knowledge import Knowledge


def next_message_at(plan: Plan, now: datetime, knowledge: Knowledge) -> datetime | None:
    """The next UTC instant something is due for this plan, or None when nothing ever is."""
    at = schedule.next_nudge_at(plan, now)
    if at is not None:
        return at
    if plan.status == "active":
        return schedule.farewell_at(plan)
    return schedule.next_release_at(plan, now, knowledge)


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
