"""The conversation: commands, memory, the plan flow and erasure, through Advisor.handle."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.conversation import Advisor
from bot.profiles import ProfileStore
from bot.render import plain_text
from bot.student import About, Profile
from knowledge import Knowledge

NOW = dt.datetime(2026, 11, 25, 14, 0, tzinfo=dt.UTC)


@pytest.fixture
def advisor(knowledge: Knowledge, store: ProfileStore) -> Advisor:
    return Advisor(knowledge, store, now=lambda: NOW)


def say(advisor: Advisor, text: str, user: int = 1, private: bool = True) -> str:
    return plain_text(advisor.handle(user, text, private=private).reply.html)


def test_score_and_specialties_are_remembered(advisor: Advisor, store: ProfileStore) -> None:
    say(advisor, "I got 250, good for derm?")
    say(advisor, "what about psych?")
    about = About(status="taken", score_own=True)  # "I got 250": their own result, so the exam is taken
    assert store.get(1) == Profile(1, score=250, specialties=("psychiatry", "dermatology"), about=about)


def test_a_message_that_changes_nothing_writes_nothing(advisor: Advisor, store: ProfileStore) -> None:
    say(advisor, "hi")
    say(advisor, "asdfgh")
    assert len(store) == 0


def test_an_invalid_score_does_not_replace_a_valid_one(advisor: Advisor, store: ProfileStore) -> None:
    say(advisor, "I got 248")
    say(advisor, "I got 999")
    assert store.get(1).score == 248


@pytest.mark.parametrize(
    ("command", "expect"),
    [
        ("/specialties", "Plastics"),
        ("/average derm", "257"),
        ("/average", "Average Step 2 CK by specialty"),
        ("/average nuclear medicine", "don't have a sourced average for Nuclear Medicine"),
        ("/score 248 ortho", "9 points below"),
        ("/score 250", "At or above the average"),
        ("/score", "/score 248 ortho"),
        ("/score 400", "400 can't be a Step 2 CK score"),
        ("/score 2 48 derm", "Your 248 is"),
        ("/score 301 derm", "301 can't be a Step 2 CK score"),
        ("/compare derm psych", "side by side"),
        ("/compare derm", "Name two or more"),
        ("/faq", "Common questions"),
        ("/faq img", "IMG"),
        ("/faq can IMGs match", "IMG"),
        ("/help", "What I can do"),
        ("/start", "Step 2 CK Advisor"),
        ("/START@step2_advisor_bot", "Step 2 CK Advisor"),
        ("/whatever", "don't know that command"),
    ],
)
def test_commands(advisor: Advisor, command: str, expect: str) -> None:
    assert expect in say(advisor, command)


def test_every_button_action_is_a_command_the_advisor_understands(advisor: Advisor) -> None:
    """Press every button reachable from the menus: none may fall through to 'unknown'."""
    seen: set[str] = set()
    frontier = ["/start", "/help", "I got 248, good for ortho?", "avg for derm", "derm vs psych", "/faq"]
    while frontier:
        text = frontier.pop()
        turn = advisor.handle(2, text)
        assert turn.intent != "unknown", text
        for row in turn.reply.buttons:
            for button in row:
                if button.action not in seen and not button.action.startswith(("/forget", "/plan", "/pause")):
                    seen.add(button.action)
                    frontier.append(button.action)
    assert len(seen) > 10


def test_average_command_ignores_a_remembered_score(advisor: Advisor) -> None:
    say(advisor, "I got 250")
    assert "from earlier" not in say(advisor, "/average psych")
    assert "from earlier" in say(advisor, "psych?")


def test_chart_uses_the_remembered_score_and_interests(advisor: Advisor) -> None:
    say(advisor, "I got 250, good for derm?")
    turn = advisor.handle(1, "/chart")
    assert turn.reply.chart is not None
    assert turn.reply.chart.score == 250
    assert turn.reply.chart.highlight == ("dermatology",)


def test_groups_neither_read_nor_write_memory(advisor: Advisor, store: ProfileStore) -> None:
    say(advisor, "I got 231")
    assert "231" not in say(advisor, "psych?", private=False)
    say(advisor, "I got 260 derm", private=False)
    assert store.get(1).score == 231
    assert "private chat" in say(advisor, "/plan", private=False)


def test_forget_asks_first_then_erases_everything(advisor: Advisor, store: ProfileStore) -> None:
    say(advisor, "I got 250, good for derm?")
    turn = advisor.handle(1, "/forget")
    assert [b.action for row in turn.reply.buttons for b in row] == ["/forget yes", "/forget no"]
    assert store.get(1).score == 250
    assert "kept everything" in say(advisor, "/forget no")
    assert store.get(1).score == 250
    erased = advisor.handle(1, "/forget yes")
    assert "erased everything" in plain_text(erased.reply.html)
    assert erased.plan_changed
    assert store.get(1) == Profile(1)
    assert "nothing to erase" in say(advisor, "/forget yes")


def test_plan_flow_from_free_text_to_a_stored_plan(advisor: Advisor, store: ProfileStore) -> None:
    first = advisor.handle(1, "make me a study plan, exam in 8 weeks")
    assert first.intent == "study_plan" and "56 days away" in plain_text(first.reply.html)
    for answer in ("5", "7am", "Chicago"):
        say(advisor, answer)
    done = advisor.handle(1, "NBME 240, derm")
    assert done.plan_changed
    stored = store.get(1)
    assert stored.draft is None and stored.plan is not None
    assert stored.plan.tz == "America/Chicago" and stored.plan.target_specialty == "dermatology"
    assert "Derm average: 257" in plain_text(done.reply.html)


def test_commands_during_the_plan_flow_keep_the_draft(advisor: Advisor, store: ProfileStore) -> None:
    say(advisor, "/plan")
    say(advisor, "in 6 weeks")
    assert "Plastics" in say(advisor, "/specialties")
    assert store.get(1).draft is not None
    assert "days a week" in say(advisor, "eight")  # a bad answer re-asks the same question


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("avg for rads", "• 253: OnlineMedEd"),
        ("what's the passing score", "214"),
        ("I got 250, good for derm?", "7 points below"),
    ],
)
def test_a_clear_question_during_the_plan_flow_is_answered_and_the_plan_waits(
    advisor: Advisor, store: ProfileStore, question: str, answer: str
) -> None:
    say(advisor, "/plan")
    draft = store.get(1).draft
    reply = advisor.handle(1, question).reply
    text = plain_text(reply.html)
    assert answer in text
    assert text.rstrip().endswith("When is your Step 2 CK exam? e.g. “March 3”, “3/3/2027” or “in 6 weeks”.")
    actions = [b.action for row in reply.buttons for b in row]
    # the plan's answer buttons, after the answer's own
    assert "/plan date in 6 weeks" in actions and "/plan cancel" in actions
    if "Your 250" in text:
        assert actions[0] == "/chart 250"
    assert store.get(1).draft == draft
    assert "days a week" in say(advisor, "in 6 weeks")  # and the plan goes on from there


@pytest.mark.parametrize("command", ["/done", "/pause", "/resume", "/stop", "/snooze"])
def test_plan_commands_without_a_plan_offer_to_make_one(advisor: Advisor, command: str) -> None:
    turn = advisor.handle(1, command)
    assert "don't have a study plan yet" in plain_text(turn.reply.html)
    assert not turn.plan_changed


@pytest.mark.parametrize(
    ("text", "praise"),
    [
        ("did 40 qs today, got 68%", "40 questions at 68%: good work."),
        ("finished uworld block 3, 28/40", "40 questions at 70%: good work."),
        ("done with today's blocks", "Good work."),
    ],
)
def test_work_reported_without_a_plan_is_acknowledged_before_the_offer(
    advisor: Advisor, store: ProfileStore, text: str, praise: str
) -> None:
    turn = advisor.handle(1, text)
    shown = plain_text(turn.reply.html)
    assert turn.intent == "log_progress" and shown.startswith(f"💪 {praise}")
    assert "/plan" in shown and [b.action for row in turn.reply.buttons for b in row] == ["/plan"]
    assert store.get(1).plan is None  # nothing to log it in, and nothing made up


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("feel so dumb after today's block. 48%", "48% correct still counts"),
        ("did 80 questions today, 71 percent, tired but ok", "💪 80 questions at 71%: good work."),
    ],
)
def test_work_reported_with_a_low_feeling_gets_no_good_work_under_the_comfort(
    advisor: Advisor, text: str, opening: str
) -> None:
    shown = plain_text(advisor.handle(1, text).reply.html)
    assert opening in shown
    if "still counts" in opening:
        assert "good work" not in shown.lower()


def test_a_new_date_without_a_plan_is_kept_and_counted(advisor: Advisor, store: ProfileStore) -> None:
    shown = plain_text(
        advisor.handle(1, "pushed my ck back a month, new date 10/22. is that going to mess up ERAS?").reply.html
    )
    assert "noted as your new date" in shown and "don't have a study plan" not in shown
    assert store.get(1).about.exam_date is not None and store.get(1).about.exam_date.endswith("-10-22")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("make me a plan, my exam is 4 weeks after my sub-i ends on dec 14", "Exam: Mon, Jan 11, 2027"),
        ("my exam is 2 weeks after new years", "Exam: Fri, Jan 15, 2027"),  # was "I didn't quite catch that"
        ("remind me daily, exam is the monday after thanksgiving", "Exam: Mon, Nov 30, 2026"),  # 5 days on
        ("study plan pls, my exam is 3 weeks after my sub-i ends", "I need the exam's own date"),
    ],
)
def test_an_exam_day_counted_from_another_day_starts_the_plan_with_that_day(
    advisor: Advisor, store: ProfileStore, text: str, shown: str
) -> None:
    assert shown in say(advisor, text)
    assert store.get(1).draft is not None  # the set-up goes on from there


def test_a_request_for_reminders_said_with_burnout_starts_the_set_up_and_names_the_feeling(
    advisor: Advisor, store: ProfileStore
) -> None:
    shown = plain_text(advisor.handle(1, "so burnt out, can you ping me daily anyway").reply.html)
    assert "When is your Step 2 CK exam?" in shown and "Burnout" in shown
    assert store.get(1).draft is not None


def test_a_plan_asked_around_work_and_kids_says_it_will_fit_them(advisor: Advisor) -> None:
    shown = plain_text(
        advisor.handle(1, "night shifts 4 days a week and a toddler at home. exam in 7 weeks, plan?").reply.html
    )
    assert shown.startswith("We'll build this around the rest of your life")
    plain = plain_text(advisor.handle(2, "plan for my exam in 7 weeks").reply.html)
    assert "rest of your life" not in plain
    # the days already said ("2 rest days a week"): kept, and never promised to be asked
    kept = plain_text(advisor.handle(3, "i need a schedule, 5 weeks left, 2 rest days a week").reply.html)
    assert "5 days a week" in kept and "when I ask how many days" not in kept
    shift = plain_text(advisor.handle(4, "night shifts and a toddler. 2 rest days a week, exam in 7 weeks").reply.html)
    assert shift.startswith("We'll build this around the rest of your life") and "when I ask" not in shift


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("failed ck, retake in 8 weeks, i need a totally different plan this time", "I'm sorry the first attempt"),
        ("remind me tomorrow at 6am to take uwsa2", "I can't set a one-off reminder"),
        ("4-week sub-I then 4 weeks off before my exam on feb 20, how should I split it?", "We'll build this around"),
        ("can you check in weekly instead of daily? exam in 10 weeks", "Nudges come on the study days you choose"),
        # in other words (review27)
        ("my retake is in 8 weeks, failed ck in october, make me a new plan", "A retake plan works best"),  # booked
        ("set a reminder for tomorrow at 6am to take uwsa2", "I can't set a one-off reminder"),
        ("im on my surgery rotation, 80 hr weeks, exam march 3, make me a plan", "We'll build this around"),
        ("check in with me every other day pls, exam in 10 weeks", "Nudges come on the study days you choose"),
        ("i have six weeks of dedicated, can you make me a plan?", "I've taken your exam as the end of that stretch"),
        ("done with clerkships. make me a plan, exam in 6 weeks, i need a day off every week", "We'll build this"),
    ],
)
def test_a_plan_asked_with_a_condition_hears_the_condition_first(advisor: Advisor, text: str, first: str) -> None:
    assert plain_text(advisor.handle(1, text).reply.html).startswith(first)


@pytest.mark.parametrize(
    ("text", "never"),
    [
        # a fail feared, or another's, is no retake of theirs (review27 #1)
        ("exam in 6 weeks, i really don't want to fail, can you make me a plan", "retake plan"),
        ("my friend failed ck last year, can you make me a plan so that doesn't happen to me", "retake plan"),
        # a daily request starting on a day, a finished rotation, a check-in with someone else (review27 #5-7)
        ("remind me to study starting tomorrow at 7am, exam march 3", "one-off"),
        ("just finished my sub-I, exam in 6 weeks, make me a plan", "around the rest of your life"),
        ("my school makes me check in weekly with my dean, exam march 3, make me a plan", "hear from me less"),
        # a span of dedicated beside the exam's own day: no "taken as the end of that stretch" (review27 #3)
        ("my exam is 6 weeks away, 4 weeks of dedicated, make me a plan", "end of that stretch"),
    ],
)
def test_a_plans_lead_lines_leave_their_near_misses_alone(advisor: Advisor, text: str, never: str) -> None:
    assert never not in plain_text(advisor.handle(1, text).reply.html)


def test_a_retake_plan_after_a_fail_felt_says_sorry_once(advisor: Advisor) -> None:
    text = "i failed ck and im devastated. retake in 8 weeks, make me a new plan"
    shown = plain_text(advisor.handle(1, text).reply.html)
    assert shown.lower().count("sorry") == 1 and "A retake plan works best" in shown


def test_a_request_for_reminders_says_why_the_set_up_questions_come(advisor: Advisor) -> None:
    shown = plain_text(advisor.handle(1, "can u ping me daily").reply.html)
    assert shown.startswith("Happy to nudge you!") and "When is your Step 2 CK exam?" in shown
    plain = plain_text(advisor.handle(2, "make me a study plan").reply.html)
    assert "Happy to nudge you" not in plain  # a plan asked for needs no word on where reminders come from
    setting = plain_text(advisor.handle(3, "set a reminder for 7am every day, exam in 6 weeks").reply.html)
    assert setting.startswith("Happy to nudge you!") and "none to change" not in setting  # set up, not changed
    wanted = plain_text(advisor.handle(4, "make me a schedule? exam march 3, and i want reminders at 7am").reply.html)
    assert "none to change" not in wanted  # asked for, not changed
    asked = plain_text(advisor.handle(5, "reminders at 6 please").reply.html)
    assert "none to change" not in asked  # a time given is reminders asked for (judges of set bt: not a change)
    moved = plain_text(advisor.handle(6, "can u change my reminder from 8am to 10am").reply.html)
    assert "none to change" in moved  # a change said, with no plan to change it on


@pytest.mark.parametrize(
    "text",
    [
        "stop the reminders pls",
        "stop the reminders pls, taking a break this week",
        "stop reminding me, I'm sick",
        "please stop sending me the morning reminders, exam's over",
    ],
)
def test_stopping_reminders_that_dont_exist_starts_no_plan(advisor: Advisor, store: ProfileStore, text: str) -> None:
    turn = advisor.handle(1, text)
    assert "no reminders running" in plain_text(turn.reply.html)
    assert store.get(1).plan is None and store.get(1).draft is None  # no set-up begun


def test_weekdays_taken_off_in_words_change_the_plans_days_and_nothing_else(
    advisor: Advisor, store: ProfileStore
) -> None:
    for text in ("/plan", "in 6 weeks", "6", "8:00", "UTC", "skip"):
        say(advisor, text)
    before = store.get(1).plan
    assert before is not None and 5 in (before.weekdays or (0, 1, 2, 3, 4, 5))
    shown = say(advisor, "can u stop the saturday pings? i do 24h call on saturdays this month")
    after = store.get(1).plan
    assert after is not None and after.status == "active"  # changed, not paused
    assert after.weekdays == (0, 1, 2, 3, 4) and after.study_days == 5 and "Updated" in shown
    assert after.exam_date == before.exam_date and after.nudge_time == before.nudge_time
    assert "already had no nudges" in say(advisor, "saturdays off")


def test_days_off_said_when_the_plan_is_asked_for_are_kept(advisor: Advisor, store: ProfileStore) -> None:
    shown = say(advisor, "make me a plan, exam in 6 weeks, saturdays off")
    assert "6 days a week (Mon, Tue, Wed, Thu, Fri, Sun)" in shown and "What time" in shown
    draft = store.get(1).draft
    assert draft is not None and draft.weekdays == (0, 1, 2, 3, 4, 6)


def test_pause_and_resume_change_the_stored_plan(advisor: Advisor, store: ProfileStore) -> None:
    for text in ("/plan", "in 6 weeks", "6", "8:00", "UTC", "skip"):
        say(advisor, text)
    assert advisor.handle(1, "/pause").plan_changed
    assert store.get(1).plan.status == "paused"  # type: ignore[union-attr]
    assert advisor.handle(1, "/resume").plan_changed
    assert store.get(1).plan.status == "active"  # type: ignore[union-attr]
    assert "Logged 40 questions" in say(advisor, "/done 40 questions")


def test_stats_are_for_admins_only_and_show_counts_only(knowledge: Knowledge, store: ProfileStore) -> None:
    advisor = Advisor(knowledge, store, now=lambda: NOW, admin_ids=(99,))
    say(advisor, "I got 250, good for derm?", user=5)
    for text in ("/plan", "in 6 weeks", "6", "8:00", "UTC", "skip"):
        say(advisor, text, user=6)
    stats = say(advisor, "/stats", user=99)
    assert "Users stored: 2" in stats and "Plans active: 1" in stats
    assert "250" not in stats
    assert "don't know that command" in say(advisor, "/stats", user=5)


@pytest.mark.parametrize(
    ("text", "noted", "specialties"),
    [
        ("my nbme was 236, is that ok for IM", "NBME 236", ["internal-medicine"]),
        ("NBME 236 ok for IM or FM?", "NBME 236", ["internal-medicine", "family-medicine"]),
        ("uwsa2 250 derm vs plastics", "UWSA 2 250", ["dermatology", "plastic-surgery"]),
        ("avg for IM? my nbme was 236", "NBME 236", ["internal-medicine"]),
        ("uwsa2 70% correct, avg for IM?", None, ["internal-medicine"]),  # a percent: no number to compare
    ],
)
def test_a_practice_result_asked_about_beside_averages_is_set_against_them_as_a_prediction(
    advisor: Advisor, store: ProfileStore, knowledge: Knowledge, text: str, noted: str | None, specialties: list[str]
) -> None:
    reply = say(advisor, text)
    shown = {s.id: f for g in knowledge.groups(specialties) for s, f in g.rows}  # one source for all, if one has all
    for spec in (knowledge.specialties[s] for s in specialties):
        assert spec.name in reply and str(shown[spec.id].value) in reply  # the averages they asked for
    if noted is not None:
        # "is my nbme 236 ok for IM?" answered: how far the prediction sits from each average, first
        number = int(noted.rsplit(" ", 1)[1])
        assert reply.startswith("Read as a prediction") and f"Noted: {noted}" in reply
        for spec in (knowledge.specialties[s] for s in specialties):
            gap = number - shown[spec.id].value
            where = "right at" if gap == 0 else f"{abs(gap)} points {'above' if gap > 0 else 'below'}"
            assert f"{spec.name}: average {shown[spec.id].value}; {number} is {where} it" in reply
    assert store.get(1).score is None  # and it is not taken as their Step 2 CK score


@pytest.mark.parametrize(
    ("text", "closing"),
    [
        ("avg for rads", "Tell me your score and I'll put it next to this."),
        ("MS2 here, what's the average step 2 for derm?", "Nothing to measure against it yet"),
        ("MS1 here, avg ck for ortho vs plastics?", "Nothing to measure against it yet"),  # side by side, the same
        ("im in dedicated rn, avg ck for ortho?", "Send me a practice test result like “NBME 12: 238 for Ortho”"),
        ("took ck last week, whats the average for rads", "When your score comes out, send it"),
    ],
)
def test_the_averages_ask_only_a_student_who_may_have_a_score_for_it(advisor: Advisor, text: str, closing: str) -> None:
    reply = say(advisor, text)
    assert "average" in reply and closing in reply
    assert closing.startswith("Tell me") or "Tell me your score" not in reply


def test_the_practice_result_the_averages_ask_for_is_set_against_them(advisor: Advisor, knowledge: Knowledge) -> None:
    say(advisor, "im in dedicated rn, avg ck for ortho?")
    reply = say(advisor, "NBME 12: 238 for Ortho")
    ortho = knowledge.lead("orthopedic-surgery").value
    assert reply.startswith("Read as a prediction") and f"Orthopedic Surgery: average {ortho}; 238 is" in reply


def test_a_fail_only_feared_after_the_exam_gets_the_wait_not_the_retake(advisor: Advisor) -> None:
    # the answer written for that fear ("I walked out of Step 2 feeling like I failed") tells of no fail
    reply = say(advisor, "felt terrible leaving step 2 is that a bad sign")
    assert "poor guide to your score" in reply and "after a fail" not in reply.lower()


@pytest.mark.parametrize(
    ("text", "met_with", "not_with"),
    [
        ("matched IM at my #3. kinda bummed tbh, is that weird", "Mixed feelings about where you matched", "enjoy it"),
        ("MATCHED PEDS!!!! 🎉🎉", "Congratulations on matching! 🎉", "Mixed feelings"),
        # tears heard as a let-down with none said: the joy is not doubted
        ("I MATCHED!!! 😭😭😭 at my number 4 but i dont even care", "Congratulations on matching! 🎉", "Mixed"),
        ("second attempt result in: 219. PASSED 😭", "Congratulations, you passed!", "sting"),
        ("passed my retake with 222 but honestly kinda disappointed", "A pass is a pass", "Congratulations"),
        # a question asked beside the news, no question mark: answered, not only cheered
        ("retake passed 238!!! after failing the 1st time. is that gonna still hurt me", "relief", "enjoy it"),
    ],
)
def test_news_is_met_with_the_feeling_said_beside_it(advisor: Advisor, text: str, met_with: str, not_with: str) -> None:
    reply = say(advisor, text)
    assert met_with in reply.split("\n\n")[0] and not_with not in reply


def test_a_practice_test_done_is_not_the_exam_sat(advisor: Advisor) -> None:
    reply = say(advisor, "nbme test done, got 238. exam in 3 weeks")
    assert "behind you" not in reply and "238" in reply


def test_a_score_range_beside_practice_results_is_read_as_the_range(advisor: Advisor) -> None:
    reply = say(advisor, "Is a range like 242-248 good for dermatology? my nbme 10 was 240 and uwsa2 246")
    assert "A 242–248 range against the average" in reply and "didn't quite catch" not in reply


def test_a_practice_result_leaves_a_remembered_step2_score_in_charge(advisor: Advisor) -> None:
    say(advisor, "I got 250 on step 2")
    reply = say(advisor, "my nbme was 236, ok for IM?")
    assert "Your 250 (from earlier)" in reply and "NBME 236: a practice test" in reply


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("someone said 249 is the median, is that true", "Overall average"),
        ("a 220 is the minimum for an interview right?", "interview"),
        ("heard programs screen at 230", "Step 2 cutoffs"),  # whether programs screen, and how to find out
    ],
)
def test_a_quoted_figure_is_answered_as_a_quote_and_never_kept(
    advisor: Advisor, store: ProfileStore, text: str, says: str
) -> None:
    shown = plain_text(advisor.handle(1, text).reply.html)
    assert shown.startswith("The ") and "you mention" in shown and says in shown
    assert store.get(1).score is None


def test_someone_elses_score_is_not_the_students(advisor: Advisor, store: ProfileStore) -> None:
    shown = plain_text(advisor.handle(1, "my friend got 260 and matched derm, i got 245").reply.html)
    assert "Your 245" in shown and "260 you mention" in shown
    # their own score set beside the figures leads; which number was theirs is said after, not as a preamble
    assert shown.index("Your 245") < shown.index("260 you mention")
    assert store.get(1).score == 245


def test_another_persons_field_and_score_are_not_the_students(advisor: Advisor, store: ProfileStore) -> None:
    text = "My roommate is going ortho with a 262. I'm applying general surgery with 251, is that ok?"
    shown = plain_text(advisor.handle(1, text).reply.html)
    assert "Your 251" in shown and "General Surgery average" in shown
    assert "Orthopedic Surgery average" not in shown and "262 you mention" in shown
    assert store.get(1).score == 251


@pytest.mark.parametrize("text", ["got a 95 on step 2 back in 2009", "i passed step 2 with a 209 in 2019, ok for IM?"])
def test_a_score_from_older_rules_is_not_called_a_fail_nor_kept(
    advisor: Advisor, store: ProfileStore, text: str
) -> None:
    shown = plain_text(advisor.handle(1, text).reply.html)
    assert "rules of that time" in shown and "under the pass mark" not in shown and "remember" not in shown
    assert store.get(1).score is None


def test_a_plan_operation_during_the_first_set_up_just_gets_the_question_again(
    advisor: Advisor, store: ProfileStore
) -> None:
    say(advisor, "make me a study plan")
    say(advisor, "jan 20")  # the exam date
    draft = store.get(1).draft
    shown = say(advisor, "jan 20")  # said again while the study days are asked: no plan to move yet
    assert "don't have a study plan yet" not in shown and "How many days a week" in shown
    assert store.get(1).draft == draft


def test_asked_how_many_a_day_the_set_up_opens_with_their_own_numbers_divided(advisor: Advisor) -> None:
    shown = plain_text(advisor.handle(1, "how many qs a day should i do if i have 30 days and 2000 left").reply.html)
    assert "2,000 questions over 30 days is about 67 a day" in shown
    assert "How many days a week" in shown  # and the set-up goes on, its date already taken


def test_a_move_without_its_new_date_asks_for_the_date(advisor: Advisor) -> None:
    shown = plain_text(advisor.handle(1, "I pushed my test back 2 weeks, practice scores weren't there").reply.html)
    assert "your exam moved" in shown and "new date" in shown and "don't have a study plan" not in shown


def test_a_later_practice_result_said_first_is_still_read_as_the_latest(advisor: Advisor) -> None:
    reply = say(advisor, "nbme 13: 229 -> up from 218 on nbme 9")
    assert "went from 218 to 229: up" in reply  # read in the order said, it was "down"
    reply = say(advisor, "uwsa2 this morning came out 249. before that nbme 10 238, nbme 12 243, uwsa1 252")
    assert "your latest, 249" in reply and "went from 238 to 249" in reply  # not UWSA 1, said last
    reply = say(advisor, "uwsa1 238 two months ago. before that no qbank at all. then nbme 12 244, uwsa2 251 yesterday")
    assert "your latest, 251" in reply  # "before that" with no results after it: the order runs forward
    reply = say(advisor, "Today: NBME 14, 238. Last week: NBME 13, 242. Is a 4 point drop meaningful?")
    assert "went from 242 to 238" in reply  # each dated, the newest first: read as said, it was a rise


def test_a_step1_fail_asked_about_is_answered_once(advisor: Advisor) -> None:
    reply = say(
        advisor,
        "got my CK: 262. Step 1 was a fail on first attempt then pass. Want gen surg at a good academic place. "
        "Does 262 "
        "'erase' the fail? How do I talk about the fail in interviews? Should I apply to more programs because of it?",
    )
    assert reply.count("77%") == 1  # the fail's answer leads, and is not said again in a note beside the figures


def test_someone_elses_score_gets_the_fit_list_for_them_and_is_not_kept(advisor: Advisor, store: ProfileStore) -> None:
    reply = say(advisor, "my little brother got 251 and asked me which residencies he can get with it. help?")
    assert reply.startswith("A 251 against each specialty's average") and "your score" not in reply
    assert store.get(1).score is None


def test_a_field_matched_is_named_and_not_being_in_medicine_is_no_field(advisor: Advisor) -> None:
    assert "Anesthesiology" in say(
        advisor, "what's a normal step 2 for someone who matched gas at a big academic place"
    )
    assert "Internal Medicine" not in say(advisor, "my sister got 251, which residencies fit? i'm not in medicine", 2)


@pytest.mark.parametrize(
    ("text", "says", "never"),
    [
        ("finished step 2 today!!! we're going out for tacos 🌮🎉", "Step 2 CK is behind you", "When is your"),
        ("took ck this morning, now what", "Step 2 CK is behind you", "👋"),  # the news, and what's next: rest
        ("Exam done!! now what do i do with myself for 3 weeks 😅", "Step 2 CK is behind you", "📅 Exam"),
        ("Guilty for taking a nap. 3 weeks out. Is that stupid", "nothing to feel guilty about", "📅 Exam"),
        ("too tired to start today. is it bad if I take the whole day off 5 weeks out?", "break", "Good luck today"),
        ("I'm cooked chat. 49% on a timed block", "One rough block", "didn't quite catch"),
        ("another 58% block. why am i like this", "One rough block", "Why Step 2 CK matters"),
        ("58% on my last block, is that bad for a 250 goal?", "Do practice tests predict?", "With a 250"),
        ("help me plan. exam is the day after my surgery shelf, which is dec 18", "📅 Exam", "Shelf exams"),
        ("do I need accommodations approved before scheduling the exam date", "ccommodations", "📅"),  # not a date
        ("my exam is exactly one week from today right? so the 12th?", "📅 Exam", "Good luck today"),
        ("i just need to vent. 14 hour days on surgery, 58% avg. want gen surg still.", "I hear you", "average"),
        (
            "graduated IMG, 2021 grad, reapplying for the 2nd time. Step 2 is 238. Targeting IM. Is the score holding "
            "me back?",
            "Your 238",
            "relief",
        ),
        ("my partner just failed step 2 and won't talk to me. what can I say?", "What to do after a fail", "statement"),
        ("2021 grad reapplying for the 2nd time. Step 2 is 238. Is the score holding me back?", "too low?", "no score"),
        ("What counts as a 'fail' — is it below 214 or 218 now?", "Passing score", "Is my score good?\n"),
        ("feeling weirdly calm today, exam monday. is that bad", "calm is a fine place", "Good luck today"),
        ("does a 220 mean I'm a bad doctor lol", "not the doctor you are", "average"),
        ("honestly done. 12 hour days for 5 weeks. body hurts", "Burnout is real", "which did you mean"),
        ("score came out and I'm so disappointed. I know it's fine but still", "let down", "nothing you need to do"),
        # thanks for the reminders sent, with the score: congratulations and the thanks, no new plan set up
        ("258!!!!! cried in the car. thank you for the daily pings", "Congratulations on your 258", "study plan"),
        ("recommend a good anime", "I'd only be guessing", "Is my score good"),
        ("PASSED. 243. I'm crying in the car", "Congratulations, you passed!", "let down"),
        ("what is the pass rate for first time takers", "performance data at usmle.org", "How is my"),
        ("week 3 total 410 questions", "410 questions", "Exam format"),
        ("uworld 58% avg correct = what score roughly", "no sourced way to convert", "good work"),
        (
            "lol ok so I crushed it. 264. what are the avgs for rads vs IR?",
            "Diagnostic Radiology: 256 (your 264",
            "let down",
        ),
        (
            "DO student, COMLEX Level 2 came back 590. I did not take USMLE. Is COMLEX enough for peds?",
            "Can a DO match with COMLEX only",
            "How PDs use your score\n",
        ),
    ],
)
def test_each_message_gets_the_reply_its_words_ask_for(advisor: Advisor, text: str, says: str, never: str) -> None:
    reply = say(advisor, text)
    assert says in reply and never not in reply


def test_stop_reminding_me_for_a_few_days_offers_the_break(advisor: Advisor) -> None:
    for text in ("/plan", "in 6 weeks", "6", "8:00", "UTC", "skip"):
        say(advisor, text)
    assert "Shall I take" in say(advisor, "stop reminding me for a few days, I'm sick")  # was "didn't catch that"


def test_a_dated_list_of_one_tests_results_is_read_as_its_trend(advisor: Advisor) -> None:
    reply = say(advisor, "my nbme trend: 236 (nov 14), 233 (nov 21), 229 (nov 28), 231 (today). should i worry?")
    assert "went from 236 to 231: down" in reply  # only the first was read, and "233" taken as the real score


def test_a_fall_between_two_results_of_one_test_is_read_as_such(advisor: Advisor) -> None:
    reply = say(advisor, "nbme 12 went from 231 three weeks ago to 226 today, I'm going backwards")
    assert "went from 231 to 226: down" in reply and "226 questions" not in reply


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Can I take CK without passing Step 1 first?", "in any order"),
        ("can i cancel my score if it went bad", "you can't cancel"),
        ("can i set my ERAS to hide my step 2 score from programs?", "complete exam history"),
        ("how many signals for derm", "3 gold and 25 silver in dermatology"),
        ("Do I have to pass step 2 to graduate from a US MD school?", "your school's rule"),
        ("can i sit ck before my step 1 result comes back?", "in any order"),  # was "Step 2 before applying?"
        ("applying derm and IM as backup, how do i split my signals between them", "doesn't eat into"),
        ("does uwsa1 overpredict? got 262 on it and 238 on nbme 10", "UWSA 1 more often high"),
        ("does ck get harder every year? feels like the curve keeps moving up", "Not by design"),
        ("PANIC i left my passport at home, ck starts at 8", "won't be admitted"),  # was a fit list for a score of 8
        # unmatched, SOAP hours away: what happens now, not the distance to the field's average
        ("didnt match. soap opens in 3 hours and i cant stop shaking. ck 233, only applied ortho", "SOAP, where"),
        # what to say about the score in an interview, not where it stands
        ("a PD asked why my ck (240) was below my shelves, how should i answer? rads", "one honest sentence"),
    ],
)
def test_specific_questions_get_their_specific_answer(advisor: Advisor, text: str, answer: str) -> None:
    assert answer in say(advisor, text)


@pytest.mark.parametrize(
    ("text", "says", "never"),
    [
        # near misses of this stop's rules, each found by the review of the change
        ("i got 240 a week ago, is that good for IM?", "Your 240 is 10 points below", "practice"),
        ("exam jan 12, my rotation got moved to dec 20", "Jan 12", "Dec 20"),
        ("my exam is jan 20 and i already have accommodations approved, can you make me a plan", "📅 Exam", "ADA"),
        ("any hotels with good accommodations near the prometric in dallas", "guessing", "ADA"),
        ("not really a question but my exam got moved to feb 3", "Feb 3", "weighing on you"),
        ("my exam is sunday which is tomorrow and i can't sleep", "rest will do more for you tonight", "/plan"),
        ("exam tomorrow, i have 2 days left of leave after, so nervous", "rest will do more for you tonight", "/plan"),
        ("should i pay more attention to uworld or amboss", "question bank", "salaries"),
        ("how do i perform better on nbmes?", "Do practice tests predict?", "Teaching the medicine"),
        ("i did well on micro and pharm on step 1, will that carry over?", "Step 1 vs Step 2", "outside"),
        ("how long is a step 1 pass valid before i need to take the next step?", "Time limit", "format"),
        ("did another block of 40, got 82% again!", "82%", "rough block"),
        ("how can i feel calm on exam day?", "Exam day", "no right way to feel"),
        ("uwsa1 250, nbme 12 236 (down from 244 on nbme 11). should i delay?", "236 to 250", "went from 250"),
        ("nbme 13 was 229, up 11 points from 218 on nbme 9", "went from 218 to 229: up", "11 questions"),
        ("my exam is 3 weeks after my surgery shelf, which ends dec 18", "Jan 8", "Shelf exams"),
        ("heard 1 in 5 imgs don't pass ck, now i'm scared", "content-based standard", "built for Step 2 CK"),
        ("nbme 11 was 231, uworld 64% so far, weakest in OB and psych. exam in 4 weeks", "64%", "side by side"),
        ("failed the first time with 209, hoping for 230 on the retake. realistic?", "Retakes", "weight off"),
        ("step 1 was 255 (old scored). how much does that help me for ortho?", "see my number", "was low"),
        ("my step 1 was 211 back in 2021, will it hurt me for IM?", "make up for it", "Step 1 pass/fail & Step 2\n"),
        ("my practice scores went 218, 226, 233, 240. am i ready?", "Noted: 240", "With a 226"),
        ("step 1 252, do programs care?", "see my number", "sounds like a practice-test"),
        ("i'm freaking out, score comes out wednesday and i need 240 for IM", "nothing to do until it comes", "/plan"),
        ("my sister's nbme was 231, is that good for peds?", "Do practice tests predict?", "Noted: 231"),
        # this stop's: what is left after the match, asked as what to do before july
        (
            "matched my #1 IM program!! can't believe it with a 231. is there anything I should do before july?",
            "Is there anything I still need to do?",
            "Does my Step 2 CK score still matter?",
        ),
        (
            "got my fail result today. how soon after a fail can I actually sit again?",
            "How soon can I take it again?",
            "Retakes and attempt limit\n",
        ),
    ],
)
def test_the_rules_of_this_change_leave_their_near_misses_alone(
    advisor: Advisor, text: str, says: str, never: str
) -> None:
    reply = say(advisor, text)
    assert says in reply and never not in reply


def test_a_practice_result_asked_about_inside_a_post_on_something_else_is_set_against_the_field(
    advisor: Advisor,
) -> None:
    reply = say(
        advisor,
        "long one sorry. my step 1 was scored back in 2021, a 221, and it still bugs me. nbme 12 last week was 241. "
        "applying peds. is 241 on a practice test in range for peds? and does the low step 1 still matter if ck is ok",
    )
    # the Step 1 question keeps its answer; the practice result is read against the field, not passed over
    assert "Read as a prediction (NBME 12 241), 241 is" in reply and "Pediatrics average" in reply


def test_a_practice_result_near_the_pass_mark_inside_a_post_is_set_against_the_pass_mark(advisor: Advisor) -> None:
    reply = say(
        advisor,
        "IMG, CK in 7 weeks and NBME 10 came back 216. is this even passable? I need CK done for ECFMG certification "
        "before I can apply IM this year",
    )
    assert "216 is 2 points below Step 2 CK's pass mark of 218" in reply and "Internal Medicine average" not in reply


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("with a 244 how many IM programs should i apply to?", "How many residency programs should I apply to?"),
        ("238, applying EM, should I dual apply FM?", "Can I rank programs in two specialties?"),
    ],
)
def test_a_question_beside_a_score_is_answered_first_and_the_score_still_read(
    advisor: Advisor, text: str, answer: str
) -> None:
    reply = say(advisor, text)
    assert reply.startswith(answer)
    assert "Your " in reply and "points below" in reply  # the comparison the score and field asked for
    assert "Often, yes" not in reply  # no yes for a question that was not a yes/no


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        # a preclinical student asking when: when students usually take it, with no "yes" for a "when"
        ("MS1 here, when should I take step 2?", "Aim to pass Step 1 with a solid foundation"),
        ("is it best to take step 2 right after core rotations?", "For many students, yes:"),  # asked yes or no
        ("MS2 here, can I take step 2 before step 1?", "As far as USMLE is concerned, yes"),  # its own answer kept
    ],
)
def test_when_to_take_it_is_answered_for_the_stage_and_the_shape_of_the_question(
    advisor: Advisor, text: str, opens: str
) -> None:
    assert opens in say(advisor, text)


def test_a_score_beside_a_question_the_bank_cannot_answer_gets_the_comparison(advisor: Advisor) -> None:
    reply = say(advisor, "is 9 interviews enough for gen surg with a 241")
    assert "General Surgery average" in reply and "Often, yes" not in reply


@pytest.mark.parametrize(
    "text",
    [
        "im scared to even hope. 6 psych interviews after failing CK once (passed 2nd try with 230). "
        "nobody in my family understands",
        "tested monday, nbmes were 219, 224, 231. what are the odds i passed",
        "first attempt 203. just got 219 on NBME 13 two days before my retake. the line is 218 now right??",
        "uworld 58%, my friend also had 58% and got a 244 so im trying not to freak out but my nbmes say 221 😬",
    ],
)
def test_no_congratulations_for_a_pass_that_is_old_hoped_for_or_someone_elses(advisor: Advisor, text: str) -> None:
    shown = say(advisor, text).lower()
    assert not any(word in shown for word in ("congratulations", "what a relief", "weight off"))


def test_a_pass_told_with_tiredness_meets_the_tiredness(advisor: Advisor) -> None:
    shown = say(advisor, "i passed. 224. i thought id feel relieved but i just feel tired")
    assert "passed" in shown and "drained" in shown
    assert "let yourself enjoy it" in say(advisor, "I PASSED!!! 231", user=2)  # a plain pass keeps its joy


@pytest.mark.parametrize(
    "text",
    [
        "matched IM last year, PGY1 now. got 229 on ck. does that come back to bite me for fellowship?",
        "matched IM prelim only, didn't get a categorical. CK 239. should i reapply to rads next year",
    ],
)
def test_a_match_told_as_the_past_or_a_letdown_is_not_congratulated(advisor: Advisor, text: str) -> None:
    assert "congratulations" not in say(advisor, text).lower()
    assert "congratulations" in say(advisor, "just matched peds! anything i need to do before july?", user=2).lower()


def test_when_scores_drop_is_no_change_to_the_study_week(advisor: Advisor) -> None:
    shown = say(advisor, "is it true scores only drop on wednesdays?")
    assert "Wednesday" in shown and "study plan" not in shown.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Three days out. Free 120 today, 61%. I'm not sleeping. Do I cancel?? I can't think straight",
        "exam is in 4 days and my last NBME dropped from 245 to 233. I can't sleep. do I move it??",
    ],
)
def test_whether_to_call_off_the_exam_is_answered_beside_the_sleeplessness(advisor: Advisor, text: str) -> None:
    assert "push my Step 2 date back" in say(advisor, text)


def test_a_practice_average_told_the_night_before_is_eve_nerves_not_the_national_mean(advisor: Advisor) -> None:
    shown = say(
        advisor, "my test is tmrw and my friend who had the same nbme avg as me failed last year. why did i look"
    )
    assert "Overall average" not in shown and "tonight" in shown
    assert "Overall average" in say(advisor, "whats the overall average on step 2", user=2)


@pytest.mark.parametrize(
    "text",
    ["passed ck 233, got 3 interview invites already", "finally passed. 221. my resident told me to check today"],
)
def test_a_pass_told_beside_interviews_or_a_resident_is_still_news(advisor: Advisor, text: str) -> None:
    assert "Congratulations, you passed" in say(advisor, text)


def test_practice_results_that_climbed_away_from_the_pass_mark_are_set_against_the_field(advisor: Advisor) -> None:
    reply = say(advisor, "applying FM this cycle. my nbmes went 226, 241, 250. should i take ck before eras opens?")
    assert "Family Medicine average" in reply and "passing is the figure that matters" not in reply


@pytest.mark.parametrize(
    "text",
    [
        "my retake is in 10 days. failed the first time with 209. any last advice?",
        "retake booked for the 14th, first attempt was 211. what should i focus on",
    ],
)
def test_a_retake_ahead_is_prepared_for_not_consoled_as_a_fresh_fail(advisor: Advisor, text: str) -> None:
    shown = say(advisor, text)
    assert "a result like that hurts" not in shown.lower() and "What to do after a fail" not in shown
    assert (
        "a result like that hurts" in say(advisor, "I failed CK. 209. what now", user=2).lower()
    )  # a fresh fail still is


@pytest.mark.parametrize(
    ("command", "opens"),
    [
        ("/faq match_with_average", "An average is the middle"),  # a topic pressed asks no yes-or-no question
        ("/faq do_without_usmle", "Yes, DO students match"),  # its title asks one
    ],
)
def test_a_topic_pressed_opens_with_yes_only_where_its_title_asks(advisor: Advisor, command: str, opens: str) -> None:
    shown = plain_text(advisor.handle(1, command).reply.html)
    assert shown.split("\n\n", 1)[1].startswith(opens)


@pytest.mark.parametrize(
    ("text", "says", "not_says"),
    [
        # A practice result or a delay asked beside the days left is the question, not a plan set-up.
        ("IMG, 4 wks out, nbme 13 says 215. pls be honest", "pass mark", "How many days a week"),
        ("3 days out and my UWSA2 dropped 15 pts. delay???", "push my Step 2 date back", "How many days a week"),
        ("IMG, free 120 was 64%. push my date?", "push my Step 2 date back", "Noted: Free 120"),
        ("DO, moved my CK 3 times already. should i just take it", "push my Step 2 date back", "your exam moved"),
        # The exam behind them, told by its length or its end, with no exam word.
        ("omg its over. 9 hrs. so tired but i'm FREE", "Step 2 CK is behind you", "Burnout"),
        ("JUST FINISHED!!! 9 hrs of hell. never again. what now", "Step 2 CK is behind you", "didn't quite catch"),
        # The night before, asked about: how to spend it.
        ("exam tmrw. what should i do tonight", "The studying is done now", "Beyond your score"),
        ("test is tmrw and i cant sleep. is it ruined if i only get 4 hrs", "The studying is done now", "harder"),
        # A joke asked for is told, whatever it is about.
        ("tell me a joke about the krebs cycle pls i need it", "🙂", "Teaching the medicine"),
        # Whose number: a colleague's boast is felt, not read as theirs; their own beside a friend's is theirs.
        ("co-intern keeps bragging about his 270 and it still gets to me. why", "Comparing yourself", "With a 270"),
        ("my friend got 255 and only has 3 uro interviews. i have 243. so what chance do i have", "Your 243", "A 243"),
        ("charting outcomes says ~247 median for gas matched and i got 239. thoughts", "Anesthesiology average", "FM"),
        (
            "PD at my away said 240 is their cutoff. im at 236 on practice. push my date back?",
            "cut-off you heard",
            "someone else's",
        ),
        # The answer the question names.
        ("SOAP tips? didnt match IM. IMG, 226", "What happens if I don't match?", "lean on what sets you apart"),
        ("ck 244 but step 1 was 258. will that drop look bad?", "lower than my Step 1", "offset a low one"),
        ("shame is the word. 221 on CK after a 258 on step 1 (old scored days)", "ashamed", "Is Step 2 harder?"),
        ("matched gen surg 🎉 do programs ever look at step 2 again after this", "still matter?", "ask away"),
        ("is 540 on level 2 bad??", "COMLEX's own figures", "DO students and Step 2\n"),
        # a DO on COMLEX alone: COMLEX's own figures declined, or how programs read COMLEX; never Step 2 CK's
        # averages, another exam's scale
        ("COMLEX L2 came back 530, no USMLE. is 530 low for FM?", "COMLEX's own figures", "For reference"),
        ("DO, L2 was 545 and i never took usmle, is 545 competitive for psych", "COMLEX's own figures", "each with"),
        ("level 2 is 560 and usmle ck not taken. is a 560 good for EM", "COMLEX's own figures", "can't be a Step"),
        ("DO, COMLEX only, no USMLE. applying psych, thoughts?", "USMLE?\n", "average"),
        # ...but one who will take Step 2 CK keeps its averages, a target
        (
            "DO, COMLEX 2 was 575, no USMLE yet. applying EM. too late to take CK in sept?",
            "Emergency Medicine",
            "COMLEX's",
        ),
        ("took both, L2 575 and step 2 248. is 248 good for gas", "248", "DO match without USMLE?"),
        ("explain the different kinds of RTA", "Teaching the medicine", "Exam format"),
        ("COMLEX 480 and step 2 231. which one do i lead w for IM", "only my COMLEX", "lean on what sets"),
        ("passed on my 2nd try w 231. will FM programs even look at me", "still see the fail", "weight off.\n\n📍"),
        ("does ERAS auto send my step 2 when it drops or do i have to release it", "release and assign", "Wednesday"),
        # Feelings met for what they are: the wait, guilt over not studying, a day worse than the last.
        ("3 weeks of waiting already. every time my phone buzzes i feel sick", "Waiting for a score", "the date or"),
        ("burnt out. havent opened uworld in 4 days and i feel guilty", "nothing to feel guilty", "people around"),
        ("did 80 today. 58% 😒 worse than yesterday", "still counts", "good work"),
        # Second batch: which practice test to trust, the interview eve, tears over a good score, a dreaded score.
        ("uwsa2 253 but nbme 11 was 241, 12 days out. which one do i actually trust??", "UWSA 2 usually", "moderate"),
        ("interview tmrw at my top IM program and my ck is under their avg. nervous af", "interview is tomorrow", "•"),
        ("score is 252 i cried in the car 😭😭", "relief, shock", "sorry it isn't"),
        ("bro what if i get like a 215", "worry", "With a 215"),
        ("peds with 214?? is that even passing", "Passing score", "When did you sit it?"),
        ("passed!!! 218 but PASSED. is that gonna kill me for FM tho", "weight off", "Tell me your score"),
        ("ashamed to tell my parents i failed. second attempt in 6 wks", "studying for the retake", "a few days"),
        ("cant tell my parents my score. they think im gonna be a surgeon", "family", "Thanks for telling me"),
        ("scored 247. mom asked if thats like an A. how do i explain lol", "percentile", "How PDs use"),
        ("ms1. should i care about CK yet or nah", "I'm preclinical", "Testing earlier leaves"),
        ("EM with FM backup, do i need separate personal statements", "outside what I do", "accommodations"),
        ("can you help me keep track of my interviews? i want to log each one", "spreadsheet", "Score needed"),
        # Third batch (development sets bl to bo).
        ("alhamdulillah passed with 221 😞 but i feel ashamed. is 221 hopeless for IM?", "embarrassed", "988"),
        ("MATCHED PSYCH 😭😭 do i need to do anything usmle related now", "Congrat", "rough moment"),
        ("good morning! day 14 of dedicated, 280 UW questions done this week", "good work", "Burnout"),
        ("3 weeks post exam and i cant sleep. my whole ERAS hinges on this one number", "Waiting for a score", "plan"),
        ("waiting for CK is worse than the exam tbh. at least level 2 came back fine", "Waiting for", "harder?"),
        ("Is it weird that I'm kinda excited for test day", "Not weird at all", "breaks"),
        ("i matched prelim but not advanced for gas. ck was 236. what now", "don't match", "Congratulations"),
        ("didnt match, got a spot thru SOAP. feel like a fraud tbh. will fellowships care?", "fellowship", "SOAP,"),
        ("comlex L2 612 and step 2 243. which one matters more for EM", "COMLEX and USMLE", "lean on what"),
        ("my buddy's an IMG with a 245, he got 3 interviews. should i be scared w my 232", "232", "With a 245"),
        ("my co-resident keeps bragging abt his 270. does that even matter now we're residents", "matched", "With a"),
        ("took uwsa2 today, 244. comlex L1 was a pass. is 244 on track for FM?", "244", "COMLEX's own figures"),
        ("failed by 4 points. i cant even look at my parents", "after a fail", "the date or the studying"),
        # A calm question is met calmly; a typo'd question is still read; the day a score comes is the wait.
        ("free 120 got 68% is that passing territory", "Free 120 68%", "panic"),
        ("stp2 scroe wen", "When do scores come out?", "didn't quite catch"),
        ("score out tmrw, whole family back home is waiting and i already feel sick", "while you wait", "studying"),
        # An unsure exit is met as unsure, not cheered; a fail with a screen asked gets how a fail weighs.
        ("walked out of the test center an hour ago. no idea how i did, felt like guessing", "poor guide", "🎉"),
        ("failed ck in june. do programs just reject you after that?", "failed attempt weighs", "first cut"),
        # Fourth batch (development sets bq to bt): matched students' questions answered, the route not a field.
        ("MATCHED IM!!! does my ck still matter for fellowship", "fellowship", "ask away"),
        ("pgy2, ck from 2 yrs ago was 222, does that hurt me for cards fellowship", "fellowship", "binding"),
        ("got a 226. passed but feel like i just blew my shot at gas", "sting", "What a relief"),
        ("vascular integrated vs gen surg then fellowship, which path w a 247", "Vascular", "Pathology"),
        ("2nd attempt in 6 wks, first was a 207. how do i not repeat the same mistakes", "the retake", "Retakes and"),
        ("just got my score how do i get it into eras", "Resend", "When do scores come out?"),
        ("matched psych and i just want to stop thinking about scores forever. can i", "", "988"),
        ("exam is june 14, can u make me a plan? reminders at 7am pls", "Exam:", "none to change"),
        ("2 blocks today. 68 and 71%. log it pls", "70%", "71%"),
        # Look-alikes from the review of this change (review38): each keeps the reading it had.
        ("failed 2 shelves this year, will that hurt my ck?", "", "After a fail"),
        ("failed ck and ive been binge eating for days. what do i do now", "after a fail", "failed attempt weighs"),
        ("interview tmrw and im scared they'll ask about my fail. what do i say?", "How do I answer", "Any last tips"),
        ("mock interview tomorrow, so anxious", "", "Any last tips"),
        ("i have one nbme left and im 5 days out. should i take it", "", "push my Step 2 date back"),
        ("its over. 9 hrs of studying today and im exhausted", "", "behind you"),
        ("step 1 238, ck 236. applying EM this fall, good enough?", "Emergency Medicine", "lower than my Step 1"),
        ("got 250 for ortho 😭😭", "Orthopedic Surgery average", "relief, shock"),
        ("what if i didnt match, how does soap work", "", "hardest things"),
        (
            "PD said 240 is their cutoff and another PD said 245 is the cutoff. im at 236",
            "cut-offs you heard",
            "heards",
        ),
        ("my friend explained that programs filter at 230, is that true", "cutoffs", "percentile"),
        # a program's own page, read: its stated minimum, not a rumour heard
        ("the program's site says min 235 for IMGs and i'm at 231 on nbmes", "a program's stated minimum", "you heard"),
        ("can you help me organize my rank list? 12 interviews for IM", "rank", "spreadsheet"),
        ("so excited for it to be over lol", "", "Not weird at all"),
        # Fifth batch (development sets bv to bz): whose number, a question beside the days left, other countries.
        ("rads avg ck is like 250 right? mine's 243", "Your 243", "Your 250"),
        ("is the median CK for ENT matches like 250+?", "published average", "Your 250"),
        ("if i get like a 214 is that a pass or fail 😬", "218", "I'm really sorry"),
        ("252!!!!! 🎉 enough for gas at academic places?", "academic", "here's how you sit against each"),
        ("3 wks out and every block feels like a coin flip 😩", "rough moment", "How many days a week"),
        ("school gives us 4 wks dedicated for ck is that enough??", "4-week dedicated", "five quick questions"),
        ("failed ck, retaking in 6 wks. do i still apply this cycle?", "apply this cycle", "How many days a week"),
        ("is PLAB easier than ck?", "Other countries' licensing exams", "Is Step 2 harder?"),
        ("canadian student, does MCCQE1 count for US match or do i need CK", "licensing exams", "Early matches"),
        (
            "CK came back passed, but it's under the 240 my friend says is the IMG median for IM",
            "240 you mention",
            "Your 240",
        ),
        (
            "retake soon. tutor says consistent 235+ on NBMEs before sitting again, is that right",
            "235 you mention",
            "Noted",
        ),
        ("is it true ortho programs won't look at DOs under 250 on step 2?", "250 you mention", "Your 250"),
        ("I keep reading ortho wants 255+ on CK, is that true", "255 you mention", "Your 255"),
        (
            "a med student I mentor just got 214 and failed by a point, what do i tell her",
            "214 you mention",
            "remember 214",
        ),
        (
            "didn't match. SOAP'd into a prelim surgery year and I feel humiliated. what now",
            "don't match",
            "Congratulations",
        ),
        ("got an FM spot through SOAP!!", "Congratulations", "Family Medicine: average"),
        (
            "shelf percentiles: surgery 38th, peds 82nd. 6 wks dedicated, hammer surgery or mixed blocks?",
            "weeks",
            "Surgery average",
        ),
        ("failed ck by 3 pts, no pep talk pls, how soon can i retake", "How soon", "I'm sorry it went"),
        ("medicine shelf 68th %ile... does that predict ck?", "shelf", "General Surgery"),
        ("img 225 IM how many apps is reasonable", "How many residency programs", "What else matters"),
        ("are u a bot or a person", "I'm a bot", "whenever you want to talk"),
        ("DO. L2 612, step 2 241. report both or just one?", "only my COMLEX", "here's how you sit"),
        ("peds interviews going great but ck is 221, will it tank my rank", "rank list", "parallel plan"),
        (
            "my big sib matched derm w a 262 and told me to start CK questions early, do i need to?",
            "262 you",
            "Your 262",
        ),
        ("first practice NBME for CK came back 209... is passing in 6 weeks realistic?", "218", "Walking out"),
        ("someone in my group chat said 79% on the free 120 converts to like 255?? is that right", "255 you", "Noted"),
        (
            "failed CK once (205), then passed on the retake with 224. can I retake again now that I've passed?",
            "retake a Step you've passed",
            "What to do after a fail",
        ),
        ("12 days left!!! last NBME was 252. I think I need 245+ for EM", "252", "Congratulations"),
        ("img, failed once then passed w 228. will IM programs just auto reject me", "failed attempt weighs", "Next:"),
        ("my CK from 2018 was 240. is that the same as a 240 today", "Scores have risen", "here's how you sit"),
        # Step 3 asked of, however it is put: declined kindly, not Step 1 set against Step 2
        ("how hard is step 3 compared to ck", "Step 3 is outside what I know", "Is Step 2 harder"),
        ("matched IM!! do i need to worry abt step 3 now", "Step 3 is outside what I know", "make up for a low"),
        # right after the exam: the wait and what to do in it
        ("left the test center crying, def bombed. is that normal??", "Not necessarily", "Is Step 2 harder"),
        ("took ck yesterday. what do i do with myself now lol", "The work is done", "16 blocks"),
        ("waiting on CK and my mom asks 'did you pass yet' daily. how long does it usually take??", "3-4 weeks", "218"),
        ("interview tmrw and my CK isnt back yet. what if they ask how i did??", "before it's out", "on the number"),
        ("whats the diff between a signal and a normal app on eras", "A signal rides on an application", "Liaison"),
        ("done w uworld first pass at 64%. incorrects or start nbmes?", "take an NBME self-assessment now", "/plan"),
        ("262!!! i'm shaking. what do i do first for eras", "release in MyERAS", "Is my score too low"),
        # a program's own minimum over their score, and whether to apply under it
        ("program site says min 230 for IMGs. i have 228, still apply?", "minimum is firm", "here's how you sit"),
        # a pass stands, whatever else the post tells
        ("went unmatched last year with CK 229. should i retake CK to get it higher?", "you've passed", "SOAP"),
        ("can I retake step 2 ck if I passed with a 221? want derm", "you've passed", "What to do after a fail"),
        # matched, then a fail: the start and the commitment, not the field's average
        ("matched FM at my #2 and my step 2 came back 212. fail. do they take the spot away??", "binding", "below"),
        ("my pharm block exam is friday and im failing. can you quiz me on beta blockers?", "School matters", "sorry"),
        # a pass told with thanks: the thanks answered with the pass; a fail told in disbelief: sorrow, never joy
        ("Passed!!! 241. thank you for all the reminders 🙏", "thank you for telling me", "a real weight off"),
        ("failed. 214. can't believe it", "sorry", "Congratulations"),
        # the specific answer asked for: missed days, swinging blocks, what the bot does
        ("lost a week of my study schedule to covid, do i start over?", "pick it up from today", "16 blocks"),
        ("got food poisoning and lost 3 days of my schedule, do i start from scratch?", "pick it up from today", "📅"),
        ("my qbank % swings a lot from block to block, is that normal?", "running average", "good work"),
        ("is this bot free? what can you do?", "What I can do", "not a person"),
        ("do programs see my percentile or only my 3 digit score?", "doesn't list a percentile", "82nd"),
        ("PASSED!!! 219 and tbh the number doesn't matter to me at all rn, just so glad", "you passed", "under every"),
        # the average asked beside Step 3: the figures, and Step 3 declined in a line (not the whole reply)
        ("avg ck for ortho? and is step 3 worse", "Orthopedic Surgery: average", "I'm built for Step 2 CK"),
        ("should i do step 2 before or after my research year", "while that knowledge is fresh", "Charting"),
        ("good anki deck for ck??", "won't rank them", "Think in patients"),
        ("how do i sign up for step 2 ck, im at a us md school", "scheduling permit", "How to study"),
        ("can i sit ck in india or only in the us", "many countries", "does two jobs"),
        # a level asked of practice results is a goal to read them against, not a score of theirs
        ("nbme 14 = 247, test in 4 days. does that line up with like a 250ish? applying anesthesia", "247 is 3", "Why"),
        ("uworld first pass at 58%. is that ok for like a 240? want IM or neuro", "percent correct", "Your 240"),
        # what the student asked, beside a feeling or a subject named
        ("CK in 10 days, panic attacks nightly. would postponing look bad to programs?", "push my Step 2", "Beyond"),
        ("how many uworld qs a day with the shelf in 3 wks? already feeling like a failure", "I hear you", "sorry it"),
        ("ck is TOMORROW and i cant remember any OB. cram tonight or just chill", "rest will do", "whose it is"),
        ("MS1 here, all talk step 2 scores for derm. should i be doing uworld for CK now", "preclinical", "whose"),
        ("MS2, thinking derm. is derm average CK like 260? should i do uworld now", "whose it is", "Aim to pass"),
        # the order of a rank list, and a fail's cost to a match
        ("rank list due. program A loves me, B is prestigious. my CK is 265. how do i choose", "true order", "🎉"),
        ("IM, ck 245. should I move them to #1 on my rank list though I liked another more?", "true order", "middle"),
        ("rank list certified, tested late. if i fail does my match get cancelled?", "binding", "look at Step 2 again"),
        # US clinical experience asked about, not only told; what a practice test tells a retaker
        ("IMG 8 yrs out, CK 248. do i still need observerships or is the score enough?", "US clinical", "fail"),
        ("free 120 was 72% but im a retaker and failed before. is F120 useless for me?", "estimates", "Retakes and"),
        # look-alikes the rules above leave alone (a stranger's review found them)
        ("to be frank, how do i choose between uworld and amboss?", "", "true order"),
        ("img here, i do have 4 months of usce. which visa do programs sponsor?", "", "US clinical experience"),
        ("ortho needs 250, i have 245, worth applying?", "", "minimum is firm"),
        ("how long is the nbme 4 block exam vs the real one", "", "School matters"),
        ("took ck yesterday. what should i do about my sub-i schedule, is it ok to cancel days?", "", "work is done"),
        ("still waiting on my step 2 scheduling permit, how long does it take?", "", "When do scores come out"),
        ("feeling like a failure after this nbme", "", "after a fail"),
        ("interview next week, still waiting on my LOR. what do i say if they ask about step 2", "", "before it's"),
        ("DO resident in ACGME IM, COMLEX 3 or step 3 or both?", "Step 3 is outside", "ACGME"),
        (
            "I MATCHED!!! gen surg at my #2 after my 228. what should I do before July? (no pep talk)",
            "Congratulations",
            "That's a fair thing to worry about",
        ),
        ("223 lmao. cried in my car. can i still do FM", "sting is real", "parallel plan"),
        ("221 for peds?", "Pediatrics", "how broadly to apply."),
        (
            "took it monday. uwsa2 said 258, nbme 11 said 241. which one will my real score be closer to",
            "NBME 11 241",
            "241 you",
        ),
        ("uworld psych qs are destroying me. is psych even a big chunk of step 2?", "content outline", "Why Step 2"),
        ("surgery shelf came back 38th percentile, will i land around there on ck?", "shelf scores", "What's my"),
        ("rads avg ~250? i have 253. is 15 programs too few?", "Your 253", "Your 250"),
        ("my bf got 262 and im at 239, is 239 fine for peds", "Your 239", "239 you mention"),
        ("done 1300 of uworld", "Good work", "didn't quite catch"),
        ("IM shelf 85th pctl. can i get away w a shorter dedicated for ck", "weeks", "shelf scores predict"),
        (
            "img, failed once then passed w 228 on my retake. will IM programs just auto reject me",
            "still see the fail",
            "What else matters",
        ),
        # Look-alikes that keep their old reading.
        ("exam in 6 weeks", "Exam:", "Thanks for telling me"),
        ("exam friday. is it normal to feel like i know nothing", "", "Is Step 2 harder?"),
        ("i have enough for gas money lol", "", "Anesthesiology"),
        ("she wants 250 for derm, i have 241", "Your 241", "Your 250"),
        ("i want to die. no pep talk", "988", "How soon"),
        ("what if i get a 260 lol", "With a 260", "worry"),
        ("should i mention my step 2 improvement in my personal statement", "", "outside what I do"),
        ("finished uworld, 8 hours a day was brutal", "NBME self-assessment", "percent correct"),  # 8 hours: no share
        ("my nbmes have been in the 240s, exam in 2 weeks, should i delay to hit 250", "date back", "Score delays"),
        ("women's health keeps tanking my uworld average, 58% vs 70 elsewhere", "weak subject", "percent correct"),
        ("peds is killing my practice scores", "For pediatrics, start each study day", "average Step 2 CK"),
        (
            "resident here. my co-intern wants to switch into rads, she has a 248. is that competitive",
            "248",
            "their fail",
        ),
        ("my friend keeps thinking about her 228, will IM programs care", "A 228 would be", "Comparing"),
    ],
)
def test_a_short_text_gets_the_reply_its_question_asks_for(
    advisor: Advisor, text: str, says: str, not_says: str
) -> None:
    shown = say(advisor, text)
    assert says in shown
    assert not_says not in shown


def test_an_imgs_own_averages_follow_the_answer_they_asked_for(advisor: Advisor) -> None:
    shown = say(advisor, "img, 9 IM interviews with a 231. is that enough to match")
    # the question asked leads; whose averages these are comes with the numbers, not before the answer
    assert shown.index("How many interviews") < shown.index("Non-U.S. IMGs have their own") < shown.index("Your 231")


@pytest.mark.parametrize(
    ("text", "answered"),
    [
        ("should i take a day off before the exam", "My exam is in a few days. How should I use the last days?"),
        ("is it ok to take a rest day tomorrow", "Is it okay to take a day or two off during dedicated?"),
    ],
)
def test_a_day_off_asked_with_no_plan_is_answered_not_sent_to_make_one(
    advisor: Advisor, text: str, answered: str
) -> None:
    shown = plain_text(advisor.handle(1, text).reply.html)
    assert shown.startswith(answered) and "Sources:" in shown
    assert "You don't have a study plan yet" not in shown and "nothing to pause" in shown
