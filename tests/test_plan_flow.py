"""bot.plan_flow: the guided study-plan conversation, start to finish, edits and mistakes."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.plan_flow import STEPS, parse_extras, plan_buttons, question, start, step
from bot.plans.model import FLOW_STEPS, Plan, PlanDraft, PlanOutcome
from bot.reply import Reply
from knowledge import Knowledge
from tests.property_budget import examples
from tests.telegram_html import html_errors

TODAY = date(2026, 1, 12)  # a Monday


def parts(outcome: PlanOutcome) -> tuple[PlanDraft | None, Plan | None, Reply]:
    """(draft, plan, reply) of an outcome, the order these tests read them in."""
    return outcome.draft, outcome.plan, outcome.reply


def actions(reply: Reply) -> list[str]:
    return [b.action for row in reply.buttons for b in row]


def check(reply: Reply) -> None:
    """Every reply is valid Telegram HTML that fits in one message."""
    assert html_errors(reply.html) == []
    assert 0 < len(reply.html) <= 4096


def run(
    knowledge: Knowledge, first: str, *answers: str, default_tz: str = "UTC"
) -> tuple[PlanDraft | None, Plan | None, Reply]:
    """Start with `first`, then answer each question in turn."""
    draft, plan, reply = parts(start(first, TODAY, None, knowledge, default_tz=default_tz))
    check(reply)
    for answer in answers:
        assert draft is not None, f"flow ended before {answer!r}"
        draft, plan, reply = parts(step(draft, answer, TODAY, knowledge))
        check(reply)
    return draft, plan, reply


def existing_plan(**changes: object) -> Plan:
    plan = Plan(
        exam_date=date(2026, 3, 3),
        study_days=5,
        nudge_time=time(7),
        tz="Europe/London",
        created=date(2026, 1, 5),
        practice_score=235,
        target_specialty="pediatrics",
        last_nudged=date(2026, 1, 9),
        tips_used=["active-1"],
        done_log={"2026-01-08": 40, "2026-01-09": 20},
    )
    return replace(plan, **changes)  # type: ignore[arg-type]


def test_full_conversation(knowledge: Knowledge) -> None:
    draft, plan, reply = parts(start("/plan", TODAY, None, knowledge, default_tz="America/Chicago"))
    assert draft is not None and draft.step == "exam_date" and plan is None
    assert "When is your Step 2 CK exam" in reply.html
    draft, plan, reply = parts(step(draft, "March 3", TODAY, knowledge))
    assert draft is not None and draft.step == "study_days" and "Tue, Mar 3, 2026" in reply.html
    assert actions(reply)[:4] == ["/plan days 4", "/plan days 5", "/plan days 6", "/plan days 7"]
    draft, plan, reply = parts(step(draft, "5", TODAY, knowledge))
    assert draft is not None and draft.step == "nudge_time" and "Mon–Fri" in reply.html
    assert actions(reply)[:4] == ["/plan time 7:00", "/plan time 8:00", "/plan time 18:00", "/plan time 20:00"]
    draft, plan, reply = parts(step(draft, "7:00", TODAY, knowledge))
    assert draft is not None and draft.step == "timezone"
    assert "America/Chicago" in reply.html and "/plan zone default" in actions(reply)
    draft, plan, reply = parts(step(draft, "default", TODAY, knowledge))
    assert draft is not None and draft.step == "extras" and "/plan extras skip" in actions(reply)
    draft, plan, reply = parts(step(draft, "NBME 240, derm", TODAY, knowledge))
    check(reply)
    assert draft is None and plan is not None
    assert plan == Plan(
        exam_date=date(2026, 3, 3),
        study_days=5,
        nudge_time=time(7),
        tz="America/Chicago",
        created=TODAY,
        practice_score=240,
        target_specialty="dermatology",
        last_nudged=TODAY,
        last_seen=TODAY,
    )
    assert "Your plan is ready" in reply.html and "Phases" in reply.html
    assert "Nudges start Tue, Jan 13 at 07:00" in reply.html and "on study days" in reply.html
    derm = knowledge.specialties["dermatology"]
    lead = knowledge.lead(derm.id)
    assert str(lead.value) in reply.html and knowledge.label(lead) in reply.html


def test_free_text_start_takes_the_date(knowledge: Knowledge) -> None:
    draft, plan, _ = parts(start("make me a study plan, exam on March 3", TODAY, None, knowledge))
    assert draft is not None and draft.exam_date == date(2026, 3, 3)
    assert draft.step == "study_days" and plan is None
    draft, _, _ = parts(start("test in 6 weeks", TODAY, None, knowledge))
    assert draft is not None and draft.exam_date == date(2026, 2, 23)
    assert draft.step == "study_days"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("i have 4 weeks of dedicated, can you make me a plan?", True),  # the exam taken as its end: said so
        ("my dedicated is 6 weeks, help me plan it", True),
        ("exam in 6 weeks, 4 weeks of dedicated left, make me a plan", False),  # the exam's own day told
        ("exam march 3, 4 weeks of dedicated, plan please", False),
    ],
)
def test_an_exam_day_counted_from_a_span_of_dedicated_says_so(knowledge: Knowledge, text: str, said: bool) -> None:
    outcome = start(text, TODAY, None, knowledge)
    assert outcome.draft is not None and outcome.draft.exam_date is not None
    assert ("end of that stretch" in outcome.reply.html) is said


@pytest.mark.parametrize(
    ("text", "days", "step"),
    [
        ("make me a plan, exam march 3, I can study 3 days a week", 3, "nudge_time"),
        ("reminders pls, step 2 on march 3 and I can only do 4 days/wk", 4, "nudge_time"),
        ("exam march 3, studying weekdays only", 5, "nudge_time"),
        ("exam march 3, can do ~3 hrs weekdays and full weekends", 7, "nudge_time"),
        ("retaking march 3. i need something every day, including reminders on weekends", 7, "nudge_time"),
        ("exam march 3, every day incl weekends please", 7, "nudge_time"),
        ("exam march 3, ping me every day", None, "study_days"),  # said of the nudges, not of studying
        ("remind me weekdays only, exam march 3", 5, "nudge_time"),  # nudges come on study days
        ("ping me mon wed fri, test is march 3", 3, "nudge_time"),
        ("exam march 3 and I work 4 days a week", None, "study_days"),  # said of work, not of study
        ("I have 3 days off a week until my exam on march 3", None, "study_days"),
        ("I can study 3 days a week", None, "exam_date"),  # no date yet: the date comes first
    ],
)
def test_study_days_said_with_the_date_are_not_asked_again(
    knowledge: Knowledge, text: str, days: int | None, step: str
) -> None:
    draft, _, _ = parts(start(text, TODAY, None, knowledge))
    assert draft is not None and draft.step == step
    assert (draft.study_days if step == "nudge_time" else None) == days


@pytest.mark.parametrize(
    ("text", "nudge", "step"),
    [
        ("make me a plan, exam march 3, i can do 6 days a week, remind me at 7am", time(7, 0), "timezone"),
        ("remind me to study every day at 6:30 pm, exam on march 3", time(18, 30), "timezone"),
        ("plan please, exam march 3 at 8am, i can study 5 days a week", None, "nudge_time"),  # the exam hour
        ("exam march 3, remind me at 7am", time(7, 0), "study_days"),  # days come first; the time is kept
        # a change asked for before any reminders exist: set up, with the time they wanted
        ("move my daily msg to 6:30 am instead", time(6, 30), "exam_date"),
        ("reminders r too early, make it noon", time(12, 0), "exam_date"),
        ("set a reminder for 7am, exam march 3", time(7, 0), "study_days"),  # "for 7am": the nudge's time
    ],
)
def test_a_nudge_time_said_with_the_date_and_days_is_not_asked_again(
    knowledge: Knowledge, text: str, nudge: time | None, step: str
) -> None:
    draft, _, _ = parts(start(text, TODAY, None, knowledge))
    assert draft is not None and draft.step == step
    assert draft.nudge_time == nudge


def test_a_nudge_time_said_before_the_days_is_not_asked_after_them(knowledge: Knowledge) -> None:
    draft, _, _ = parts(start("can you remind me at 2pm instead of morning? ck is in 10 wks", TODAY, None, knowledge))
    assert draft is not None and draft.step == "study_days"
    after = step(draft, "5", TODAY, knowledge)
    assert after.draft is not None and after.draft.step == "timezone"  # the time question is skipped
    assert "14:00" in after.reply.html


@pytest.mark.parametrize(
    ("text", "days", "nudge", "after_the_date"),
    [
        ("remind me to do a uworld block every night at 9pm", None, time(21, 0), "study_days"),
        ("can u ping me weekends only to do an nbme", 2, None, "nudge_time"),
        ("remind me 9pm on weekdays to study", 5, time(21, 0), "timezone"),
        ("remind me every day to do anki", None, None, "study_days"),  # how often, not which days or when
        ("remind me at noon every day except sundays", 6, time(12, 0), "timezone"),
        ("check in with me at noon, weekdays only", 5, time(12, 0), "timezone"),
        ("ping me daily, but not on saturdays", 6, None, "nudge_time"),  # the day off, said of the nudges
        ("remind me every day but saturday at 7pm", 6, time(19, 0), "timezone"),
    ],
)
def test_days_and_a_time_said_before_the_exam_date_are_kept_and_not_asked_again(
    knowledge: Knowledge, text: str, days: int | None, nudge: time | None, after_the_date: str
) -> None:
    draft, _, _ = parts(start(text, TODAY, None, knowledge))
    assert draft is not None and draft.step == "exam_date"
    assert (draft.study_days, draft.nudge_time) == (days, nudge)
    after = step(draft, "March 3", TODAY, knowledge)
    assert after.draft is not None and after.draft.step == after_the_date


def test_days_said_again_with_the_date_replace_those_kept_from_the_request(knowledge: Knowledge) -> None:
    draft, _, _ = parts(start("remind me 9pm on weekdays", TODAY, None, knowledge))
    assert draft is not None and draft.study_days == 5
    after = step(draft, "march 20 but i can do 6 days a week", TODAY, knowledge)
    assert after.draft is not None and after.draft.study_days == 6 and after.draft.step == "timezone"
    assert "6 days a week" in after.reply.html


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("i need a schedule, 5 weeks left, 2 rest days a week", 5),
        ("plan please, one rest day per week, exam april 2", 6),
        ("exam in 6 weeks, 3 days off studying a week for my kids", 4),
    ],
)
def test_rest_days_said_with_the_request_are_the_week_not_studied(knowledge: Knowledge, text: str, days: int) -> None:
    draft, _, reply = parts(start(text, TODAY, None, knowledge))
    assert draft is not None and draft.study_days == days and draft.step == "nudge_time"
    assert f"{days} days a week" in reply.html


def test_a_nudge_time_said_before_the_days_is_said_back(knowledge: Knowledge) -> None:
    _, _, reply = parts(start("plan pls, ck in 8 weeks, nudge me at 7am", TODAY, None, knowledge))
    assert "Nudges at 07:00, as you asked" in reply.html


@pytest.mark.parametrize(
    "first",
    [
        "make me a study schedule, ck is march 3, aiming for 250, weak in obgyn and psych",  # the date said too
        "make me a study schedule, aiming for 250, weak in obgyn and psych",  # the date still to come
    ],
)
def test_a_goal_and_weak_areas_said_with_the_request_are_said_back_and_kept(knowledge: Knowledge, first: str) -> None:
    draft, _, reply = parts(start(first, TODAY, None, knowledge))
    assert "Goal: 250" in reply.html and "OB/GYN, psychiatry" in reply.html
    answers = (
        ("5", "7:00", "London", "skip")
        if draft is not None and draft.exam_date
        else ("March 3", "5", "7:00", "London", "skip")
    )
    _, plan, done = run(knowledge, first, *answers)
    assert plan is not None and (plan.goal_score, plan.weak_areas) == (250, ("OB/GYN", "psychiatry"))
    assert "Goal: 250" in done.html and "OB/GYN, psychiatry" in done.html  # the finished plan's summary


@pytest.mark.parametrize(
    ("text", "goal", "areas"),
    [
        ("weak in renal and cardio, can you add that to my plan?", None, ("renal", "cardiology")),
        ("/plan goal 255", 255, ()),
    ],
)
def test_aims_said_with_a_plan_in_place_update_it(
    knowledge: Knowledge, text: str, goal: int | None, areas: tuple[str, ...]
) -> None:
    before = existing_plan(weak_areas=("OB/GYN",), weak_turn=3)
    _, plan, reply = parts(start(text, TODAY, before, knowledge))
    assert plan is not None and "Updated" in reply.html
    assert plan.goal_score == goal and plan.weak_areas == (areas or ("OB/GYN",))
    assert plan.weak_turn == (0 if areas else 3)  # new areas start from the first
    assert (plan.exam_date, plan.done_log) == (before.exam_date, before.done_log)  # nothing else moved


@pytest.mark.parametrize(
    ("text", "told", "step", "exam"),
    [
        ("/plan", date(2026, 3, 3), "study_days", date(2026, 3, 3)),  # the date they told us earlier
        ("/plan new", date(2026, 3, 3), "study_days", date(2026, 3, 3)),
        ("plan for my exam in 6 weeks", date(2026, 3, 3), "study_days", date(2026, 2, 23)),  # what they say now wins
        ("/plan", date(2025, 12, 1), "exam_date", None),  # a date already past is not offered
        ("/plan", None, "exam_date", None),
    ],
)
def test_a_new_plan_starts_from_the_exam_date_they_told_us(
    knowledge: Knowledge, text: str, told: date | None, step: str, exam: date | None
) -> None:
    draft, plan, reply = parts(start(text, TODAY, None, knowledge, remembered_exam=told))
    assert draft is not None and plan is None
    assert (draft.step, draft.exam_date) == (step, exam)
    assert ("you told me earlier" in reply.html) is (text.startswith("/plan") and step == "study_days")


def test_short_runway_is_flagged_as_triage(knowledge: Knowledge) -> None:
    draft, _, reply = parts(start("exam in 10 days", TODAY, None, knowledge))
    assert draft is not None and draft.step == "study_days"
    assert "triage" in reply.html


def test_free_text_with_an_unusable_date_asks_again(knowledge: Knowledge) -> None:
    draft, plan, reply = parts(start("plan please, my exam was March 3 2020", TODAY, None, knowledge))
    assert draft is not None and draft.step == "exam_date" and draft.exam_date is None
    assert "already passed" in reply.html and plan is None


def test_skip_extras_and_other_zone(knowledge: Knowledge) -> None:
    _, plan, _ = run(knowledge, "/plan", "in 6 weeks", "weekdays", "7:30 pm", "Asia/Kolkata", "skip")
    assert plan is not None
    assert (plan.study_days, plan.nudge_time, plan.tz) == (5, time(19, 30), "Asia/Kolkata")
    assert plan.practice_score is None and plan.target_specialty is None


def test_specialty_without_an_average_is_left_blank(knowledge: Knowledge) -> None:
    _, plan, reply = run(knowledge, "/plan", "in 6 weeks", "5", "8", "London", "250 nuclear medicine")
    assert plan is not None and plan.practice_score == 250 and plan.target_specialty is None
    assert "sourced average" in reply.html


# The answers that get each step past, and one bad answer per step with the reason shown.
_GOOD = {"exam_date": "March 3", "study_days": "5", "nudge_time": "7am", "timezone": "Chicago", "extras": "skip"}
_STEPS = list(_GOOD)


@pytest.mark.parametrize(
    ("at_step", "bad", "reason"),
    [
        ("exam_date", "whenever", "couldn't find a date"),
        ("exam_date", "🙂", "couldn't find a date"),
        ("exam_date", "3/3/2025", "already passed"),
        ("exam_date", "in 2 years", "more than a year"),
        ("study_days", "8 days a week", "only has 7"),
        ("study_days", "🦄", "didn't catch"),
        ("nudge_time", "25:00", "no 25:00"),
        ("nudge_time", "whenever", "couldn't read a time"),
        ("timezone", "Narnia", "don't know the time zone"),
        ("timezone", "<b>mars</b>", "&lt;b&gt;mars&lt;/b&gt;"),
        ("extras", "idk 🤷", "couldn't find a score or a specialty"),
        ("extras", "NBME 400", "can't be a score"),
    ],
)
def test_bad_answer_reasks_and_keeps_earlier_answers(knowledge: Knowledge, at_step: str, bad: str, reason: str) -> None:
    answers = [_GOOD[s] for s in _STEPS[: _STEPS.index(at_step)]]
    draft, _, _ = run(knowledge, "/plan", *answers)
    assert draft is not None and draft.step == at_step
    before = draft.to_dict()
    again, plan, reply = parts(step(draft, bad, TODAY, knowledge))
    check(reply)
    assert plan is None and again is not None
    assert again.to_dict() == before  # nothing collected so far is lost
    assert draft.to_dict() == before  # and the caller's draft is untouched
    assert reason in reply.html
    # The same question again, with its buttons, and the flow then carries on.
    assert actions(reply)[-1] == "/plan cancel"
    _, plan, _ = run(knowledge, "/plan", *answers, bad, *[_GOOD[s] for s in _STEPS[len(answers) :]])
    assert plan is not None and plan.exam_date == date(2026, 3, 3) and plan.tz == "America/Chicago"


@pytest.mark.parametrize("at_step", _STEPS)
@pytest.mark.parametrize("word", ["cancel", "Cancel", "/cancel"])
def test_cancel_at_any_step_saves_nothing(knowledge: Knowledge, at_step: str, word: str) -> None:
    answers = [_GOOD[s] for s in _STEPS[: _STEPS.index(at_step)]]
    draft, _, _ = run(knowledge, "/plan", *answers)
    assert draft is not None
    draft, plan, reply = parts(step(draft, word, TODAY, knowledge))
    assert draft is None and plan is None and "Nothing was saved" in reply.html


def test_plan_with_existing_plan_shows_summary_and_controls(knowledge: Knowledge) -> None:
    plan = existing_plan()
    draft, saved, reply = parts(start("/plan", TODAY, plan, knowledge))
    check(reply)
    assert draft is None and saved is None
    assert "Your Step 2 CK plan" in reply.html and "Mar 3, 2026" in reply.html
    assert actions(reply) == ["/plan edit", "/plan new", "/pause", "/stop", "/progress", "/calendar"]
    _, _, reply = parts(start("/plan", TODAY, replace(plan, status="paused"), knowledge))
    assert actions(reply) == ["/plan edit", "/plan new", "/resume", "/stop", "/progress", "/calendar"]
    # A stopped or finished plan doesn't block a new one.
    draft, _, _ = parts(start("/plan", TODAY, replace(plan, status="stopped"), knowledge))
    assert draft is not None and draft.step == "exam_date"


def test_free_text_date_with_existing_plan_offers_replace(knowledge: Knowledge) -> None:
    plan = existing_plan()
    draft, saved, reply = parts(start("make me a plan, exam in 6 weeks", TODAY, plan, knowledge))
    assert draft is None and saved is None and "Replace" in reply.html
    assert "/plan new 2026-02-23" in actions(reply)
    draft, _, reply = parts(start("/plan new 2026-02-23", TODAY, plan, knowledge))
    assert draft is not None and draft.exam_date == date(2026, 2, 23)
    assert draft.step == "study_days"


@pytest.mark.parametrize("command", ["/plan new", "new", "/plan@Step2Bot new"])
def test_replace_starts_fresh_and_finishes_with_a_new_plan(knowledge: Knowledge, command: str) -> None:
    old = existing_plan()
    draft, saved, _ = parts(start(command, TODAY, old, knowledge))
    assert draft is not None and draft.step == "exam_date" and draft.editing is None
    for answer in ("in 8 weeks", "6", "18:00", "Lagos", "skip"):
        assert draft is not None
        draft, saved, _ = parts(step(draft, answer, TODAY, knowledge))
    assert draft is None and saved is not None
    assert saved.exam_date == date(2026, 3, 9) and saved.tz == "Africa/Lagos"
    assert saved.done_log == {} and saved.created == TODAY


def test_edit_menu(knowledge: Knowledge) -> None:
    draft, saved, reply = parts(start("/plan edit", TODAY, existing_plan(), knowledge))
    check(reply)
    assert draft is not None and draft.step == "edit" and saved is None
    assert actions(reply) == [
        "/plan edit exam",
        "/plan edit days",
        "/plan edit time",
        "/plan edit zone",
        "/plan edit extras",
        "/plan cancel",
    ]
    again, _, reply = parts(step(draft, "the weather", TODAY, knowledge))
    assert again is not None and again.step == "edit" and "Pick one" in reply.html
    picked, _, reply = parts(step(draft, "days", TODAY, knowledge))
    assert picked is not None and picked.step == "study_days" and "now 5" in reply.html
    picked, _, reply = parts(step(draft, "/plan edit time", TODAY, knowledge))
    assert picked is not None and picked.step == "nudge_time"


@pytest.mark.parametrize(
    ("field", "answer", "changes"),
    [
        ("exam", "April 10", {"exam_date": date(2026, 4, 10), "created": TODAY}),
        ("days", "6", {"study_days": 6}),
        ("time", "8:30pm", {"nudge_time": time(20, 30)}),
        ("zone", "new york", {"tz": "America/New_York"}),
        ("zone", "keep", {}),
        ("extras", "UWSA 251 EM", {"practice_score": 251, "target_specialty": "emergency-medicine"}),
        ("extras", "252", {"practice_score": 252}),
    ],
)
def test_edit_one_field_returns_to_the_summary(
    knowledge: Knowledge, field: str, answer: str, changes: dict[str, object]
) -> None:
    old = existing_plan()
    draft, _, _ = parts(start(f"/plan edit {field}", TODAY, old, knowledge))
    assert draft is not None and draft.step != "edit"
    draft, saved, reply = parts(step(draft, answer, TODAY, knowledge))
    check(reply)
    assert draft is None and saved is not None
    assert saved == replace(old, **changes)  # type: ignore[arg-type]
    assert "Updated" in reply.html and "Your Step 2 CK plan" in reply.html
    assert actions(reply) == actions(Reply("", plan_buttons(saved)))


def test_edit_applies_to_the_latest_stored_plan(knowledge: Knowledge) -> None:
    old = existing_plan()
    draft, _, _ = parts(start("/plan edit time", TODAY, old, knowledge))
    assert draft is not None
    # A nudge went out and progress was logged while the student was answering.
    latest = replace(
        old, last_nudged=TODAY, tips_used=["active-1", "plan-1"], done_log={**old.done_log, "2026-01-12": 30}
    )
    _, saved, _ = parts(step(draft, "9am", TODAY, knowledge, existing=latest))
    assert saved == replace(latest, nudge_time=time(9))


def test_edit_bad_answer_and_cancel_keep_the_plan(knowledge: Knowledge) -> None:
    draft, _, _ = parts(start("/plan edit days", TODAY, existing_plan(), knowledge))
    assert draft is not None
    again, saved, reply = parts(step(draft, "9", TODAY, knowledge))
    assert again is not None and again.step == "study_days" and saved is None
    assert "only has 7" in reply.html
    done, saved, reply = parts(step(again, "cancel", TODAY, knowledge))
    assert done is None and saved is None and "unchanged" in reply.html
    draft, _, _ = parts(start("/plan edit extras", TODAY, existing_plan(), knowledge))
    assert draft is not None
    done, saved, reply = parts(step(draft, "skip", TODAY, knowledge))
    assert done is None and saved is None and "No changes" in reply.html


def test_edit_without_a_plan_starts_a_new_one(knowledge: Knowledge) -> None:
    draft, _, reply = parts(start("/plan edit", TODAY, None, knowledge))
    assert draft is not None and draft.step == "exam_date" and draft.editing is None
    assert "don't have an active plan" in reply.html


def test_draft_round_trips_through_json(knowledge: Knowledge) -> None:
    draft, _, _ = run(knowledge, "/plan", "March 3", "4", "6:45")
    assert draft is not None
    assert PlanDraft.from_dict(json.loads(json.dumps(draft.to_dict()))) == draft
    edit, _, _ = parts(start("/plan edit", TODAY, existing_plan(), knowledge))
    assert edit is not None
    assert PlanDraft.from_dict(json.loads(json.dumps(edit.to_dict()))) == edit
    assert PlanDraft.from_dict({"step": "bogus"}).step == "exam_date"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NBME 240, derm", (240, "dermatology", None)),
        ("derm", (None, "dermatology", None)),
        ("245", (245, None, None)),
        ("NBME 12: 238 going for ortho", (238, "orthopedic-surgery", None)),
        ("plastic surgery 255", (255, "plastic-surgery", None)),
        ("230, nuclear medicine", (230, None, "Nuclear Medicine")),
        ("im aiming for derm", (None, "dermatology", None)),  # "im" is "I'm", not internal medicine
        ("I'm going for IM, got 241 on uwsa2", (241, "internal-medicine", None)),
    ],
)
def test_parse_extras(knowledge: Knowledge, text: str, expected: tuple[int | None, str | None, str | None]) -> None:
    assert parse_extras(text, knowledge) == expected


@settings(max_examples=examples(60), deadline=None)
@given(st.sampled_from(_STEPS), st.text(max_size=40))
def test_any_text_at_any_step_is_handled(knowledge: Knowledge, at_step: str, text: str) -> None:
    answers = [_GOOD[s] for s in _STEPS[: _STEPS.index(at_step)]]
    draft, _, _ = run(knowledge, "/plan", *answers)
    assert draft is not None
    _, _, reply = parts(step(draft, text, TODAY, knowledge))
    check(reply)


@settings(max_examples=examples(60), deadline=None)
@given(st.text(max_size=60))
def test_any_start_text_is_handled(knowledge: Knowledge, text: str) -> None:
    for existing in (None, existing_plan()):
        _, _, reply = parts(start(text, TODAY, existing, knowledge))
        check(reply)


def test_answers_after_today_shift(knowledge: Knowledge) -> None:
    # The same answers a day later give a plan laid out from that day.
    later = TODAY + timedelta(days=1)
    draft, _, _ = parts(start("/plan", later, None, knowledge))
    for answer in ("in 30 days", "7", "7", "utc", "skip"):
        assert draft is not None
        draft, plan, _ = parts(step(draft, answer, later, knowledge))
    assert plan is not None and plan.created == later and plan.exam_date == later + timedelta(30)


def test_the_steps_table_is_the_one_list_of_set_up_questions() -> None:
    assert (*STEPS, "edit") == FLOW_STEPS  # the stored draft's step names are the table's, plus the edit menu
    menu = [b.action for row in question(PlanDraft(step="edit"))[1] for b in row][:-1]  # Cancel last
    assert menu == [f"/plan edit {spec.edit_words[0]}" for spec in STEPS.values()]
    for spec in STEPS.values():  # every question's own buttons answer it by its verb
        actions = [b.action for row in question(PlanDraft(step=spec.name))[1][:-1] for b in row]
        assert actions and all(a.startswith(f"/plan {spec.verb} ") for a in actions), spec.name


def test_rest_days_a_rotation_gives_are_not_taken_as_the_weeks_rest(knowledge: Knowledge) -> None:
    draft, _, _ = parts(start("exam in 6 weeks, surgery only gives us 2 rest days a week", TODAY, None, knowledge))
    assert draft is not None and draft.study_days is None  # asked: those are days off work, to study in
