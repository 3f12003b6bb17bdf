"""bot.plans.model: the stored plan reads back exactly what was written, and tolerates what older records leave out."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time

from bot.plans.model import Plan
from tests.plan_helpers import make_plan


def test_plan_round_trips_through_json() -> None:
    plan = make_plan(
        practice_score=240,
        target_specialty="dermatology",
        status="paused",
        snoozed_until=datetime(2026, 1, 13, 13, 5, tzinfo=UTC),
        tips_used=["active-1", "plan-1"],
        done_log={"2026-01-12": 40, "2026-01-13": 0},
        nudge_time=time(7, 30),
        tz="UTC+05:30",
    )
    data = json.loads(json.dumps(plan.to_dict()))
    assert Plan.from_dict(data) == plan
    assert Plan.from_dict(make_plan().to_dict()) == make_plan()


def test_plan_from_dict_tolerates_missing_optional_keys() -> None:
    plan = Plan.from_dict(
        {
            "exam_date": "2026-03-03",
            "study_days": 5,
            "nudge_time": "07:00",
            "tz": "Europe/London",
            "created": "2026-01-12",
        }
    )
    assert plan.status == "active" and plan.last_nudged is None and plan.snoozed_until is None
    assert plan.tips_used == [] and plan.done_log == {} and plan.practice_score is None
