"""bot.student: a profile and what the student told us, their stored form, and no storage behind them."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from bot.plans.model import Plan, PlanDraft
from bot.student import About, Profile

PLAN = {"exam_date": "2027-03-03", "study_days": 5, "nudge_time": "07:00:00", "tz": "UTC", "created": "2027-01-05"}
"""A stored plan as older versions wrote it: a dict, without the fields added since."""


def test_a_profile_round_trips_through_its_document() -> None:
    about = About(school="img", exam_date="2027-03-03", practice=("NBME 12: 232",))
    profile = Profile(7, 250, ("dermatology",), Plan.from_dict(PLAN), about=about)
    assert Profile.from_doc(7, profile.to_doc()) == profile


def test_old_dict_shaped_plans_and_drafts_are_read_into_the_models() -> None:
    draft = {"step": "nudge_time", "exam_date": "2027-03-03", "study_days": 5, "editing": None}
    profile = Profile.from_doc(7, {"score": 250, "specialties": ["dermatology"], "plan": PLAN, "draft": draft})
    assert isinstance(profile.plan, Plan) and profile.plan.exam_date == date(2027, 3, 3)
    assert isinstance(profile.draft, PlanDraft) and profile.draft.step == "nudge_time"
    assert Profile(7, plan=PLAN) == Profile(7, plan=Plan.from_dict(PLAN))  # type: ignore[arg-type]


def test_about_ignores_keys_it_no_longer_uses() -> None:
    assert About.from_doc({"school": "do", "retired": True, "practice": ["UWSA 1: 240"]}) == About(
        school="do", practice=("UWSA 1: 240",)
    )
    assert About.from_doc(None) == About()


STORAGE = ("bot.profiles", "bot.storage", "bot.user_store", "bot.pg_store")


@pytest.mark.e2e  # a fresh interpreter per module
@pytest.mark.parametrize("module", ["bot.student", "bot.advice", "bot.talk", "bot.stage"])
def test_reply_modules_do_not_load_the_storage_layer(module: str) -> None:
    code = f"import sys, {module}; print(sorted(set(sys.modules) & set({STORAGE!r})))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
