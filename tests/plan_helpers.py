"""Shared by the bot.plans tests: a fixed Monday, local instants, and a 6-week plan to vary."""

from __future__ import annotations

import zoneinfo
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import bot
from bot.plans.model import Plan, PlanOutcome
from bot.reply import Reply
from bot.timezones import zone
from knowledge import Knowledge
from knowledge.models import Tip

TODAY = date(2026, 1, 12)  # a Monday
BOT = Path(bot.__file__).parent
NY = zoneinfo.ZoneInfo("America/New_York")
LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0, tz: str = "America/New_York") -> datetime:
    """An aware local datetime (fold=0) in `tz`."""
    return datetime(y, m, d, hh, mm, tzinfo=zone(tz))


def rp(outcome: PlanOutcome) -> tuple[Reply, Plan]:
    """(reply, plan) of a transition that always changes the plan (a nudge, the farewell)."""
    assert outcome.plan is not None
    return outcome.reply, outcome.plan


def pr(before: Plan, outcome: PlanOutcome) -> tuple[Plan, Reply]:
    """(plan as it is afterwards, reply) of a control; `plan` None means unchanged."""
    return outcome.plan or before, outcome.reply


def make_plan(**changes: object) -> Plan:
    """A 6-week, weekdays, 07:00 New York plan created on TODAY, already nudged for TODAY."""
    base = Plan(
        exam_date=TODAY + timedelta(weeks=6),
        study_days=5,
        nudge_time=time(7, 0),
        tz="America/New_York",
        created=TODAY,
        last_nudged=TODAY,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def due_today(today: date, **changes: object) -> Plan:
    """A daily plan due from 00:00 UTC on `today` and not yet nudged: due whenever the test runs."""
    base = Plan(
        exam_date=today + timedelta(days=40),
        study_days=7,
        nudge_time=time(0, 0),
        tz="UTC",
        created=today - timedelta(days=3),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


class TinyKnowledge:
    """A Knowledge with three tips the test controls (built from the real dataclass)."""

    @staticmethod
    def make(ids: tuple[str, ...] = ("a-1", "a-2", "b-1")) -> Knowledge:
        tips = tuple(Tip(id=i, strategy=i.split("-")[0], text=f"Tip {i} <&>", source="s") for i in ids)
        return Knowledge(
            sources={},
            specialties={},
            other_specialties={},
            faq={},
            tips=tips,
            facts={},
            alias_index={},
            other_alias_index={},
            phrasing_index={},
        )
