"""The study plan in conversation, through Advisor.handle with the text students type.

Set-up answers as students write them, questions asked in the middle of set-up, plan
questions in free text (the exam moved, progress, days left, a break), the first nudge
coming today, /plan showing progress and /help listing every command.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from bot import plan_flow, timezones
from bot.commands import COMMANDS
from bot.conversation import Advisor
from bot.plans import model, phases, schedule
from bot.plans.model import Plan
from bot.profiles import ProfileStore
from bot.render import plain_text
from bot.student import Profile
from bot.understand import understand
from knowledge import Knowledge

NOW = dt.datetime(2026, 11, 25, 14, 0, tzinfo=dt.UTC)  # a Wednesday, 14:00 UTC
TODAY = NOW.date()
USER = 7


@pytest.fixture
def advisor(knowledge: Knowledge, store: ProfileStore) -> Advisor:
    return Advisor(knowledge, store, now=lambda: NOW)


def say(advisor: Advisor, text: str) -> str:
    return plain_text(advisor.handle(USER, text).reply.html)


def actions(advisor: Advisor, text: str) -> list[str]:
    return [b.action for row in advisor.handle(USER, text).reply.buttons for b in row]


def set_up(advisor: Advisor, *answers: str) -> str:
    """/plan, then each answer in turn; returns the last reply."""
    reply = say(advisor, "/plan new")
    for answer in answers:
        reply = say(advisor, answer)
    return reply


def stored_plan(store: ProfileStore) -> Plan:
    plan = store.get(USER).plan
    assert plan is not None
    return plan


def a_plan(**changes: object) -> Plan:
    plan = Plan(
        exam_date=dt.date(2027, 1, 20),
        study_days=5,
        nudge_time=dt.time(7),
        tz="America/New_York",
        created=dt.date(2026, 11, 1),
        practice_score=235,
        target_specialty="pediatrics",
        last_nudged=dt.date(2026, 11, 24),
        done_log={"2026-11-23": 40, "2026-11-24": 20},
    )
    return model.changed(plan, **changes)


# ---------------------------------------------------------------- set-up answers


@pytest.mark.parametrize(
    ("answer", "days", "weekdays"),
    [
        ("every day except sundays, im on surgery rotation tho", 6, (0, 1, 2, 3, 4, 5)),
        ("weekdays only", 5, (0, 1, 2, 3, 4)),
        ("mon wed fri", 3, (0, 2, 4)),
    ],
)
def test_study_days_as_written(
    advisor: Advisor, store: ProfileStore, answer: str, days: int, weekdays: tuple[int]
) -> None:
    set_up(advisor, "in 8 weeks", answer, "7am", "Chicago", "skip")
    plan = stored_plan(store)
    assert plan.study_days == days
    assert phases.study_weekdays(plan) == frozenset(weekdays)


@pytest.mark.parametrize(
    ("answer", "wall"),
    [("after rounds, like 7pm", dt.time(19)), ("7ish", dt.time(7)), ("around 6 in the morning", dt.time(6))],
)
def test_nudge_time_as_written(advisor: Advisor, store: ProfileStore, answer: str, wall: dt.time) -> None:
    set_up(advisor, "in 8 weeks", "5", answer, "Chicago", "skip")
    assert stored_plan(store).nudge_time == wall


@pytest.mark.parametrize(
    ("answer", "tz"),
    [
        ("im in ohio", "America/New_York"),
        ("cleveland", "America/New_York"),
        ("eastern", "America/New_York"),
        ("I'm in Lagos", "Africa/Lagos"),
    ],
)
def test_time_zone_as_written(advisor: Advisor, store: ProfileStore, answer: str, tz: str) -> None:
    set_up(advisor, "in 8 weeks", "5", "7am", answer, "skip")
    assert stored_plan(store).tz == tz


def test_an_ambiguous_zone_is_asked_with_buttons(advisor: Advisor, store: ProfileStore) -> None:
    set_up(advisor, "in 8 weeks", "5", "7am")
    asked = advisor.handle(USER, "IST").reply
    assert "more than one time zone" in plain_text(asked.html)
    options = [b.action for row in asked.buttons for b in row]
    assert {"/plan zone Asia/Kolkata", "/plan zone Asia/Jerusalem", "/plan zone Europe/Dublin"} <= set(options)
    assert "Time zone: Asia/Jerusalem" in say(advisor, "/plan zone Asia/Jerusalem")
    say(advisor, "skip")
    assert stored_plan(store).tz == "Asia/Jerusalem"


def test_a_specialty_in_a_sentence_is_read_by_the_understanding(advisor: Advisor, store: ProfileStore) -> None:
    set_up(advisor, "in 8 weeks", "5", "7am", "Chicago", "im aiming for derm")
    assert stored_plan(store).target_specialty == "dermatology"


def test_a_huge_number_gets_a_friendly_reask(advisor: Advisor, store: ProfileStore) -> None:
    say(advisor, "/plan new")
    say(advisor, "in 8 weeks")
    draft = store.get(USER).draft
    reply = say(advisor, "⑳" * 2200)  # 4,400 digits once NFKC-folded
    assert "didn't catch how many days" in reply and "How many days a week" in reply
    assert store.get(USER).draft == draft


def test_a_zone_refusal_quotes_only_a_clean_short_excerpt(advisor: Advisor) -> None:
    set_up(advisor, "in 8 weeks", "5", "7am")
    reply = advisor.handle(USER, "\u202eNarnia\u0007\u200f" + "q" * 300).reply.html
    assert "don't know the time zone" in reply
    assert not [c for c in reply if unicodedata.category(c) in ("Cc", "Cf") and c != "\n"]
    assert "q" * 50 not in reply


# ------------------------------------------------------------ questions mid-set-up


@pytest.mark.parametrize(
    ("question", "answer"),
    [("avg for rads", "253"), ("when do scores come out", "3-4 weeks")],
)
def test_a_question_mid_set_up_is_answered_then_set_up_resumes(
    advisor: Advisor, store: ProfileStore, question: str, answer: str
) -> None:
    say(advisor, "/plan new")
    say(advisor, "in 8 weeks")
    draft = store.get(USER).draft
    reply = say(advisor, question)
    assert answer in reply
    assert reply.rstrip().endswith("How many days a week can you study? Rest days matter too.")
    assert store.get(USER).draft == draft
    say(advisor, "5")  # and the set-up carries on from where it was
    assert store.get(USER).draft is not None and store.get(USER).draft.step == "nudge_time"  # type: ignore[union-attr]


def test_the_pace_asked_mid_set_up_is_worked_out_and_the_set_up_waits(advisor: Advisor, store: ProfileStore) -> None:
    say(advisor, "/plan new")
    say(advisor, "in 8 weeks")
    draft = store.get(USER).draft
    reply = say(advisor, "I have 2400 questions left and my exam is in 56 days, how many per day?")
    assert "2,400 questions over 56 days is about 43 a day" in reply  # not "a week only has 7 days"
    assert reply.rstrip().endswith("How many days a week can you study? Rest days matter too.")
    assert store.get(USER).draft == draft
    say(advisor, "5")
    # the date is known by now: the count alone is divided by the study days, Mon-Fri from today (Wed Nov 25) to
    # the exam's eve (Tue Jan 19), which is no study day: 39
    reply = say(advisor, "2400 left")
    assert "2,400 questions over your 39 study days (5 a week) is about 62 a day" in reply
    assert store.get(USER).draft.step == "nudge_time"  # type: ignore[union-attr]


def test_a_set_up_answer_with_a_count_beside_it_takes_both(advisor: Advisor, store: ProfileStore) -> None:
    say(advisor, "/plan new")
    say(advisor, "in 8 weeks")
    reply = say(advisor, "5 days a week, I have 1400 uworld qs left")
    assert store.get(USER).draft.study_days == 5  # type: ignore[union-attr]  # the answer is kept...
    assert "1,400 questions over your 39 study days (5 a week) is about 36 a day" in reply  # ...and the pace given
    assert reply.rstrip().endswith("Tap one or type a time like “6:30am”.")


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        (
            "My exam is in 38 days, how many questions per day should I do to finish UWorld?",
            "How many a day is the questions you have left",
        ),
        ("no exam date yet but can you remind me to do questions every day", "No date booked yet is fine"),
        ("haven't booked CK yet, make me a study plan", "No date booked yet is fine"),
        (
            "can you send me weekly reminders instead of daily ones? exam is march 20",
            "Nudges come on the study days you choose",
        ),
        ("MS2 here, can you make me a long term plan for step 2?", "With Step 2 CK still a way off"),
    ],
)
def test_a_plan_request_meets_what_was_said_beside_it(advisor: Advisor, text: str, lead: str) -> None:
    reply = say(advisor, text)
    assert reply.startswith(lead)
    assert "How many days a week" in reply or "When is your Step 2 CK exam?" in reply  # and the set-up goes on


# ------------------------------------------------------------ plan questions in text


def test_the_exam_moved_changes_only_the_date_and_says_what_changed(advisor: Advisor, store: ProfileStore) -> None:
    before = a_plan()
    store.save(Profile(USER, plan=before))
    reply = say(advisor, "my exam got moved to feb 22")
    after = stored_plan(store)
    assert after.exam_date == dt.date(2027, 2, 22)
    assert "from Wed, Jan 20, 2027 to Mon, Feb 22, 2027" in reply and "33 days later" in reply
    kept = ("study_days", "nudge_time", "tz", "practice_score", "target_specialty", "done_log", "last_nudged")
    assert {k: getattr(after, k) for k in kept} == {k: getattr(before, k) for k in kept}


def test_the_exam_moved_without_a_date_asks_for_it(advisor: Advisor, store: ProfileStore) -> None:
    store.save(Profile(USER, plan=a_plan()))
    assert "What's the new exam date" in say(advisor, "my exam got rescheduled")
    assert stored_plan(store).exam_date == dt.date(2027, 1, 20)


def test_logging_progress_in_words_logs_like_done(advisor: Advisor, store: ProfileStore) -> None:
    store.save(Profile(USER, plan=a_plan()))
    reply = say(advisor, "did another 40 qs, got 70%")
    plan = stored_plan(store)
    assert plan.done_log[TODAY.isoformat()] == 40 and plan.percent_log == {TODAY.isoformat(): [70]}
    assert "Logged 40 questions" in reply and "70% correct" in reply and "Streak: 3 study days" in reply


@pytest.mark.parametrize(
    "text", ["didn't get any questions done today, rotation ran till 9", "couldn't study today, sick"]
)
def test_a_day_without_work_is_met_kindly_and_nothing_is_logged(
    advisor: Advisor, store: ProfileStore, text: str
) -> None:
    store.save(Profile(USER, plan=a_plan()))
    before = stored_plan(store)
    reply = say(advisor, text)
    assert "haven't logged anything" in reply and "good work" not in reply.lower() and "Marked" not in reply
    assert stored_plan(store).done_log == before.done_log  # the streak is not extended by a day off


@pytest.mark.parametrize("text", ["nbme 11 was 238", "did my nbme 11 today and got a 238", "NBME 11: 238"])
def test_a_practice_result_is_logged_as_one_not_counted_as_questions(
    advisor: Advisor, store: ProfileStore, text: str
) -> None:
    store.save(Profile(USER, plan=a_plan()))
    reply = say(advisor, text)
    plan = stored_plan(store)
    assert [(e.form, e.score) for e in plan.scores] == [("11", 238)]
    assert TODAY.isoformat() not in plan.done_log  # not 11 questions
    assert "11 questions" not in reply and "238" in reply


@pytest.mark.parametrize("text", ["uwsa2 was 249 yesterday", "uwsa 2 was 249"])
def test_a_practice_result_told_is_logged_whatever_topic_the_model_hears(
    advisor: Advisor, store: ProfileStore, text: str
) -> None:
    store.save(Profile(USER, plan=a_plan()))
    reply = say(advisor, text)
    assert [(e.kind, e.form, e.score) for e in stored_plan(store).scores] == [("uwsa", "2", 249)]
    assert "didn't quite catch" not in reply and "249" in reply


def test_the_nudge_time_is_changed_in_words(advisor: Advisor, store: ProfileStore) -> None:
    store.save(Profile(USER, plan=a_plan()))
    assert "Updated" in say(advisor, "change reminder time to 9pm")
    assert stored_plan(store).nudge_time == dt.time(21, 0)
    assert "What time should I nudge you" in say(advisor, "can you move my nudges")  # no time said: asked
    say(advisor, "6:30am")
    assert stored_plan(store).nudge_time == dt.time(6, 30)


def test_a_long_posts_other_questions_stay_a_tap_away_while_the_set_up_starts(
    advisor: Advisor, store: ProfileStore
) -> None:
    text = (
        "My CK is booked for March 30 and my sub-I ends in February, so I'll have about six weeks of dedicated. "
        "Can you build me a study schedule? Also, how long after the exam do scores come out?"
    )
    turn = advisor.handle(USER, text)
    assert store.get(USER).draft is not None  # the set-up began, from the date given
    assert "/faq score_release" in [b.action for row in turn.reply.buttons for b in row]


def test_reminders_asked_off_are_taken_off(advisor: Advisor, store: ProfileStore) -> None:
    store.save(Profile(USER, plan=a_plan()))
    assert "Shall I take" in say(advisor, "no more nudges this weekend please")  # a break, offered
    assert stored_plan(store).status == "active"
    assert "Paused" in say(advisor, "turn off all my reminders")
    assert stored_plan(store).status == "paused"


def test_days_left(advisor: Advisor, store: ProfileStore) -> None:
    store.save(Profile(USER, plan=a_plan()))
    reply = say(advisor, "how many days until my exam")
    assert "56 days until your exam on Wed, Jan 20, 2027" in reply
    assert "39 study days among them" in reply  # weekdays from Wed Nov 25 to Mon Jan 18 (the eve rests)


def test_a_weekend_break_is_confirmed_then_taken(advisor: Advisor, store: ProfileStore) -> None:
    store.save(Profile(USER, plan=a_plan(study_days=7)))
    offer = advisor.handle(USER, "can i take a break this weekend").reply
    assert "Sat, Nov 28 – Sun, Nov 29" in plain_text(offer.html)
    [confirm] = [b.action for row in offer.buttons for b in row]
    assert stored_plan(store).skipped == []  # nothing changes before the confirmation
    assert "off. Enjoy it" in say(advisor, confirm)
    plan = stored_plan(store)
    assert plan.skipped == [dt.date(2026, 11, 28), dt.date(2026, 11, 29)]
    friday_night = dt.datetime(2026, 11, 28, 3, 0, tzinfo=dt.UTC)  # after Friday's nudge in New York
    nxt = schedule.next_nudge_at(model.changed(plan, last_nudged=dt.date(2026, 11, 27)), friday_night)
    assert nxt is not None and nxt.astimezone(timezones.zone(plan.tz)).date() == dt.date(2026, 11, 30)


def test_a_day_off_named_is_the_day_offered(advisor: Advisor, store: ProfileStore) -> None:
    store.save(Profile(USER, plan=a_plan(study_days=7)))
    offer = advisor.handle(USER, "no reminders tomorrow pls, it's my sister's wedding").reply
    assert "Shall I take Thu, Nov 26 off? No nudges that day" in plain_text(offer.html)
    [confirm] = [b.action for row in offer.buttons for b in row]
    say(advisor, confirm)
    assert stored_plan(store).skipped == [dt.date(2026, 11, 26)]


def test_a_weekend_asked_for_beside_tomorrow_is_the_weekend_offered(advisor: Advisor, store: ProfileStore) -> None:
    store.save(Profile(USER, plan=a_plan(study_days=7)))
    assert "Sat, Nov 28 – Sun, Nov 29" in say(advisor, "no reminders this weekend pls, tomorrow i travel")


def test_a_plan_asked_with_a_practice_result_keeps_the_exam_date(advisor: Advisor) -> None:
    assert "📅 Exam: Wed, Jan 20, 2027" in say(advisor, "make me a study plan, exam jan 20, nbme 10 was 231")


@pytest.mark.parametrize(
    ("request_", "offered"),
    [
        ("can you remind me every day? i live in Nairobi", "Africa/Nairobi"),
        ("can you remind me every day? im in ob, so mornings are rough", "UTC"),  # a rotation, not a place
    ],
)
def test_a_place_named_in_the_request_is_the_zone_offered(advisor: Advisor, request_: str, offered: str) -> None:
    say(advisor, request_)
    asked = [say(advisor, answer) for answer in ("in 8 weeks", "5", "6pm")][-1]
    assert f"tap Default for {offered}" in asked


def test_a_practice_tests_day_is_not_taken_for_the_exam(advisor: Advisor) -> None:
    reply = say(advisor, "remind me on dec 12 to take uwsa2")
    assert "one-off reminder for a practice test" in reply
    assert "When is your Step 2 CK exam?" in reply


@pytest.mark.parametrize(
    "text", ["my exam got moved to feb 22", "did another 40 qs", "how many days until my exam", "can i take a break"]
)
def test_plan_questions_without_a_plan_offer_one(advisor: Advisor, text: str) -> None:
    assert "/plan" in actions(advisor, text)


# ---------------------------------------------------------------- nudges, /plan, /help


def test_a_plan_saved_before_todays_nudge_time_is_nudged_today(advisor: Advisor, store: ProfileStore) -> None:
    reply = set_up(advisor, "in 8 weeks", "7", "6pm", "UTC", "skip")  # it is 14:00 UTC
    plan = stored_plan(store)
    assert schedule.due_day(plan, NOW.replace(hour=18)) == TODAY
    assert "Nudges start today at 18:00" in reply


def test_a_plan_saved_after_todays_nudge_time_starts_tomorrow(advisor: Advisor, store: ProfileStore) -> None:
    reply = set_up(advisor, "in 8 weeks", "7", "7am", "UTC", "skip")
    assert schedule.due_day(stored_plan(store), NOW.replace(hour=20)) is None
    assert "Nudges start Thu, Nov 26 at 07:00" in reply


def test_plan_shows_the_streak_and_questions_logged(advisor: Advisor, store: ProfileStore) -> None:
    store.save(Profile(USER, plan=a_plan()))
    say(advisor, "/done 40 questions")
    summary = say(advisor, "/plan")
    assert "Streak: 3 study days" in summary and "100 questions logged" in summary


def test_help_lists_every_command(advisor: Advisor) -> None:
    text = say(advisor, "/help")
    missing = [c.name for c in COMMANDS if c.menu and f"/{c.name}" not in text]
    assert missing == []


# ------------------------------------------------------------------- understanding


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("my exam got moved to feb 22", "exam_moved"),
        ("they rescheduled my test", "exam_moved"),
        ("did another 40 qs, got 70%", "log_progress"),
        ("finished 80 questions today", "log_progress"),
        ("how many days until my exam", "days_left"),
        ("how much time do i have left", "days_left"),
        ("can i take a break this weekend", "plan_break"),
        ("I'm taking a break today", "plan_break"),  # offered with a confirm button, so a statement is fine
        ("avg for rads", "average"),
    ],
)
def test_plan_questions_are_recognised(knowledge: Knowledge, text: str, intent: str) -> None:
    # The four intent names are fixed team-wide; the interim finder in bot.understand gives
    # way to the learned classifier at merge, and this table keeps it honest.
    assert understand(text, knowledge).intent == intent


# ------------------------------------------------------------------------- buttons


def test_every_set_up_button_is_a_plan_command(advisor: Advisor) -> None:
    say(advisor, "/plan new")
    for answer in ("in 8 weeks", "5", "7am", "Chicago"):
        assert all(a.startswith("/plan ") for a in actions_now(advisor))
        say(advisor, answer)


def actions_now(advisor: Advisor) -> list[str]:
    """The buttons of the question the set-up is waiting on."""
    draft = advisor.profiles.get(USER).draft
    assert draft is not None
    _, buttons = plan_flow.question(draft)
    return [b.action for row in buttons for b in row]


@pytest.mark.parametrize(
    ("action", "expect"),
    [
        ("/plan days 5", "no longer applies"),
        ("/plan cancel", "nothing to cancel"),
        ("/plan break 2026-11-28 2026-11-29", "no longer applies"),
        ("7", "no longer applies"),  # an answer button from before buttons carried commands
        ("America/New_York", "no longer applies"),
    ],
)
def test_a_late_button_without_a_set_up_says_so_kindly(advisor: Advisor, action: str, expect: str) -> None:
    assert expect in plain_text(advisor.press(USER, action).reply.html)


def test_a_late_set_up_button_with_a_plan_edits_that_field(advisor: Advisor, store: ProfileStore) -> None:
    store.save(Profile(USER, plan=a_plan()))
    assert "Updated" in plain_text(advisor.press(USER, "/plan time 20:00").reply.html)
    assert stored_plan(store).nudge_time == dt.time(20)


def test_a_button_for_an_earlier_question_asks_the_waiting_one(advisor: Advisor, store: ProfileStore) -> None:
    set_up(advisor, "in 8 weeks", "5")
    reply = plain_text(advisor.press(USER, "/plan days 6").reply.html)
    assert "earlier question" in reply and "What time should I nudge you" in reply
    assert store.get(USER).draft.study_days == 5  # type: ignore[union-attr]


def test_a_bare_plan_command_during_set_up_keeps_the_answers_and_asks_again(
    advisor: Advisor, store: ProfileStore
) -> None:
    set_up(advisor, "in 8 weeks", "5")
    advisor.handle(USER, "honestly i want to die")  # the care reply; the set-up waits
    reply = plain_text(advisor.handle(USER, "/plan").reply.html)
    assert "waiting on this question" in reply and "What time should I nudge you" in reply
    assert store.get(USER).draft.study_days == 5  # type: ignore[union-attr]


def test_an_old_plain_answer_button_still_answers_a_waiting_set_up(advisor: Advisor, store: ProfileStore) -> None:
    set_up(advisor, "in 8 weeks")
    advisor.press(USER, "6")  # callback data as the bot sent it before buttons carried commands
    assert store.get(USER).draft.study_days == 6  # type: ignore[union-attr]


def test_days_left_counts_from_a_remembered_exam_date_without_a_plan(advisor: Advisor) -> None:
    advisor.handle(1, "my step 2 is on feb 22, kinda nervous")
    turn = advisor.handle(1, "how many days until my exam")
    assert turn.intent == "days_left"
    assert "as you told me" in turn.reply.html and "/plan" in [b.action for r in turn.reply.buttons for b in r]


def test_days_left_counts_to_the_date_in_the_question_itself(advisor: Advisor) -> None:
    turn = advisor.handle(1, "how many days till my exam? it's on feb 22")
    assert turn.intent == "days_left"
    assert "Feb 22" in turn.reply.html and "I don't know your exam date" not in turn.reply.html


# ---------------------------------------------------------------- the plan as a calendar file


def test_calendar_sends_the_plan_as_an_ics_and_without_a_plan_offers_one(advisor: Advisor, store: ProfileStore) -> None:
    empty = advisor.handle(USER, "/calendar")
    assert empty.reply.document is None
    assert [b.action for row in empty.reply.buttons for b in row] == ["/plan"]
    store.save(Profile(USER, plan=a_plan()))
    for words in ("/calendar", "add it to my calendar", "export my plan", "can you put my exam in google calendar"):
        turn = advisor.handle(USER, words)
        assert turn.intent == "calendar", words
        assert turn.reply.document is not None and turn.reply.document.filename.endswith(".ics")
        assert b"BEGIN:VCALENDAR" in turn.reply.document.data
        assert "07:00 (America/New_York)" in plain_text(turn.reply.html)
    group = advisor.handle(USER, "/calendar", private=False)
    assert group.reply.document is None and "private chat" in plain_text(group.reply.html)
    store.save(Profile(USER, plan=a_plan(status="stopped")))
    stopped = advisor.handle(USER, "/calendar")
    assert stopped.reply.document is None and "stopped" in plain_text(stopped.reply.html)


def test_add_to_calendar_is_on_the_plan_and_after_set_up(advisor: Advisor, store: ProfileStore) -> None:
    set_up(advisor, "in 6 weeks", "5", "19:00", "New York")
    done = advisor.handle(USER, "skip")
    assert "Your plan is ready" in plain_text(done.reply.html)
    assert "/calendar" in [b.action for row in done.reply.buttons for b in row]
    assert "/calendar" in actions(advisor, "/plan")
    assert "/calendar" in actions(advisor, "my exam got moved to jan 20")


def test_asking_for_the_calendar_mid_edit_answers_then_asks_again(advisor: Advisor, store: ProfileStore) -> None:
    store.save(Profile(USER, plan=a_plan()))
    say(advisor, "/plan edit")
    turn = advisor.handle(USER, "export my plan")
    assert turn.reply.document is not None
    assert "Back to your study plan" in plain_text(turn.reply.html)


def test_start_parameters_from_inline_mode(advisor: Advisor) -> None:
    assert "type my username and a question" in say(advisor, "/start inline")
    assert "type my username" not in say(advisor, "/start")
    assert "exam" in say(advisor, "/start plan").lower()  # the plan set-up's first question
    assert "Step 2 CK Advisor" in say(advisor, "/start something-else")


def test_a_nudge_time_said_with_its_part_of_the_day_is_kept_as_said(advisor: Advisor) -> None:
    reply = say(advisor, "can u remind me every night at 9 to do a block, exam in 6 weeks")
    assert "Nudges at 21:00, as you asked." in reply  # not 09:00


def test_study_days_answered_with_a_nudge_time_keep_both(advisor: Advisor) -> None:
    say(advisor, "make me a study plan")
    say(advisor, "in 6 weeks")
    reply = say(advisor, "ping me mon wed fri evenings around 8")
    assert "3 days a week (Mon, Wed, Fri)" in reply and "20:00 it is" in reply
    assert "What time should I nudge you" not in reply


def test_a_nudge_time_answered_in_the_first_message_keeps_its_part_of_the_day(advisor: Advisor) -> None:
    reply = say(advisor, "ck is in 4 months, 3 days a week. ping me mon wed fri evenings around 8 to check my blocks")
    assert "20:00" in reply and "08:00" not in reply


def test_a_target_asked_beside_a_plan_request_gets_the_fields_averages_first(advisor: Advisor) -> None:
    reply = say(advisor, "make me a study plan for jan 24, neuro or psych, what score should i aim for?")
    assert "Neurology average is" in reply and "Psychiatry average is" in reply
    assert reply.index("average is") < reply.index("How many days a week")  # the answer, then the set-up's question


@pytest.mark.parametrize(
    "news", ["that was the longest 9 hours of my life. finally done with ck", "PASSED CK!!! 🎉", "i matched IM!!"]
)
def test_news_that_the_exam_is_behind_them_puts_the_set_up_away(
    advisor: Advisor, store: ProfileStore, news: str
) -> None:
    say(advisor, "make me a study plan")
    say(advisor, "in 6 weeks")
    reply = say(advisor, news)
    assert "Back to your study plan" not in reply and "How many days a week" not in reply
    assert "put the study plan set-up away" in reply
    assert store.get(USER).draft is None
    assert "Let's build your Step 2 CK study plan" in say(advisor, "make me a study plan")  # a fresh one when asked


def test_a_fear_said_mid_set_up_is_met_then_the_set_up_goes_on(advisor: Advisor, store: ProfileStore) -> None:
    say(advisor, "make me a study plan")
    say(advisor, "in 6 weeks")
    reply = say(advisor, "ok real talk i think i might fail")
    assert "worry" in reply.split("\n\n")[0] and "Back to your study plan" in reply  # not "didn't catch how many days"
    assert store.get(USER).draft is not None  # nothing collected is lost
