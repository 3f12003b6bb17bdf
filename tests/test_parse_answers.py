"""bot.parse_answers: reading exam dates, study days, times and progress the way students write them."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.formatting import excerpt
from bot.parse_answers import (
    days_out,
    did_nothing,
    find_exam_date,
    parse_done_count,
    parse_exam_date,
    parse_nudge_time,
    parse_progress,
    parse_study_days,
    parse_study_weekdays,
    questions_per_day,
)
from knowledge.text import normalize
from tests.property_budget import examples

TODAY = date(2026, 1, 12)  # a Monday


# ------------------------------------------------------------------------- exam date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-03", date(2026, 3, 3)),
        ("3/3/2026", date(2026, 3, 3)),
        ("3/3/26", date(2026, 3, 3)),
        ("3/3", date(2026, 3, 3)),
        ("March 3", date(2026, 3, 3)),
        ("Mar 3rd", date(2026, 3, 3)),
        ("3 March", date(2026, 3, 3)),
        ("the 3rd of March", date(2026, 3, 3)),
        ("march 3 2026", date(2026, 3, 3)),
        ("March 3, 2026", date(2026, 3, 3)),
        ("  MARCH 3  ", date(2026, 3, 3)),
        ("in 6 weeks", date(2026, 2, 23)),
        ("6 weeks", date(2026, 2, 23)),
        ("six weeks", date(2026, 2, 23)),
        ("in 40 days", date(2026, 2, 21)),
        ("in 2 months", date(2026, 3, 12)),
        ("in a month", date(2026, 2, 12)),
        ("tomorrow", date(2026, 1, 13)),
        ("day after tomorrow", date(2026, 1, 14)),
        ("next friday", date(2026, 1, 16)),
        ("friday", date(2026, 1, 16)),
        ("monday", date(2026, 1, 19)),  # today is Monday: the next one is a week away
        ("Jan 1", date(2027, 1, 1)),  # no year and already past this year: next occurrence
        ("jan 13", date(2026, 1, 13)),
        ("my exam is on March 3rd!", date(2026, 3, 3)),
        ("13/3/2026", date(2026, 3, 13)),  # day first: no month 13, so the only reading
    ],
)
def test_parse_exam_date_formats(text: str, expected: date) -> None:
    assert parse_exam_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("today", "today"),
        ("Jan 12", "today"),
        ("3/3/2025", "already passed"),
        ("2025-12-31", "already passed"),
        ("2027-03-03", "more than a year"),
        ("in 500 days", "more than a year"),
        ("in 13 months", "more than a year"),
        ("feb 29", "more than a year"),  # the next Feb 29 is in 2028
        ("2/30", "no day 30"),
        ("2/30/2026", "no day 30"),
        ("13/13/2026", "isn't a month"),
        ("hello", "couldn't find a date"),
        ("🙂", "couldn't find a date"),
        ("", "couldn't find a date"),
        ("5 days a week", "couldn't find a date"),
    ],
)
def test_parse_exam_date_refusals(text: str, reason: str) -> None:
    result = parse_exam_date(text, TODAY)
    assert isinstance(result, str)
    assert reason in result


def test_exam_date_limit_is_365_days() -> None:
    assert parse_exam_date("in 365 days", TODAY) == TODAY + timedelta(days=365)
    assert isinstance(parse_exam_date("in 366 days", TODAY), str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("make me a study plan, exam on March 3", date(2026, 3, 3)),
        ("test in 6 weeks", date(2026, 2, 23)),
        ("step 2 in 8 weeks, help", date(2026, 3, 9)),
        ("I study 24/7 and my exam is in 6 weeks", date(2026, 2, 23)),
        ("make me a study plan", None),
        ("I can do 5 days a week", None),
        ("nbme 240, derm", None),
        ("I scored 240 in march 2026", None),
        # The exam's own date wins over another span in the same message.
        ("3 days till my shelf, then step 2 on march 3", date(2026, 3, 3)),
        ("I get 2 days off a week until my exam on march 3", date(2026, 3, 3)),
        ("exam march 3 and I can study 4 days a week", date(2026, 3, 3)),
        ("my exam is in 6 weeks, shelf is on jan 20", date(2026, 2, 23)),
        # A date said of the past is not the exam's, whatever else the message holds.
        ("I have 40 days. NBME 10 was 224 on 1/5", date(2026, 2, 21)),
        ("took uwsa 1 on jan 3, exam jan 30", date(2026, 1, 30)),
        # When to remind them is not when the exam is.
        ("remind me tomorrow to do uwsa2", None),
        ("ping me on friday, test is march 3", date(2026, 3, 3)),
        ("can you remind me to take NBME 13 on saturday", None),  # the day of a task, not the exam
        ("set reminder for free 120 on saturday", None),
        # The last days before the exam are the time left; lived ones are not.
        ("can you make a plan for my last 10 days before the exam", date(2026, 1, 22)),
        ("I studied the last 10 days before the exam and still failed", None),
        ("remind me to study daily till march 3", date(2026, 3, 3)),  # a deadline: the exam's
        ("I have 10 days off before my exam, can you make a plan", date(2026, 1, 22)),
        ("my step 2 ck (finally, after all the delays) starts in 6 weeks, plan pls", date(2026, 2, 23)),
        # Something else's start is not the exam's day.
        ("Ramadan starts in 2 weeks and my exam is 5 weeks away", date(2026, 2, 16)),
        # Weeks off are dedicated time: the time to the exam.
        ("5 weeks off from rotations, a wedding will eat 3 days", date(2026, 2, 16)),
        ("remind me to study every day, my exam is on march 3", date(2026, 3, 3)),
        # Nor is the day study or work starts.
        ("starting dedicated on march 3, want daily reminders", None),
        ("dedicated starts 3/3", None),
        ("dedicated started monday and my test is 5 wks out", date(2026, 2, 16)),  # the start was dedicated's
        # the sub-I's start, and the wait for a score, date no exam
        ("failed CK with a 207. supposed to start a sub-I in 3 weeks. can you build a retake plan", None),
        ("3 days till my score and i cant focus on anything", None),
        ("i have 5 weeks to score above 240. make me a plan", date(2026, 2, 16)),  # a score aimed for, not awaited
        ("start dedicated feb 2, exam march 3", date(2026, 3, 3)),
        ("residency starts july 1, step 2 in 6 weeks", date(2026, 2, 23)),
        ("my exam starts at 8am on march 3", date(2026, 3, 3)),
        # A weekday that recurs, or a span between things, dates no exam.
        ("can you remind me every saturday to do a practice test", None),
        ("space my nbmes 1 week apart", None),
        ("taking level 2 and step 2 within 10 days of each other in june", None),
        ("2 weeks between nbmes, exam in 6 weeks", date(2026, 2, 23)),
        # A day of the month alone: this month's if still ahead, else next month's.
        ("exam on the 28th, make me a plan", date(2026, 1, 28)),
        ("test on the 2nd", date(2026, 2, 2)),
        ("i was ranked the 3rd", None),
        ("exam is on 14th next month", date(2026, 2, 14)),
        ("pushed exam to 2nd week of march", date(2026, 3, 11)),  # a week of a month, not "the 2nd"
        # Another exam's date steps aside for Step 2 CK's.
        ("DO student. comlex L2 is feb 20 and usmle ck is feb 27, plan for both", date(2026, 2, 27)),
        # Rest days in a week are how the plan runs, never a date ("1 day off" is not tomorrow).
        ("study plan with 1 day off per week, exam is the 19th", date(2026, 1, 19)),
        ("2 days off a week, test in 5 weeks", date(2026, 2, 16)),
        ("plan with 1 rest day a week pls", None),
        # A share of the work done is no day: "2/3 of uworld", "9/10 blocks".
        ("38 days left, did 2/3 of uworld, make me a plan", date(2026, 2, 19)),
        ("38 days to go. uworld at 9/10 blocks? plan please", date(2026, 2, 19)),
        ("exam 5/30, make me a plan", date(2026, 5, 30)),
        # How long the exam lasts is no date: "is ck one day or two", "a two day exam".
        ("is ck one day or two", None),
        ("is it a two day exam", None),
        ("ck in two days", date(2026, 1, 14)),
        ("make me a study plan, exam in 10 days exam anxiety is real", date(2026, 1, 22)),
        # The time they had last time is behind them; the retake's is the date.
        ("last time i had 3 weeks to prep, which wasn't enough. my retake is booked in 8 weeks", date(2026, 3, 9)),
    ],
)
def test_find_exam_date_in_sentences(text: str, expected: date | None) -> None:
    assert find_exam_date(text, TODAY) == expected


def test_find_exam_date_reports_an_unusable_date() -> None:
    result = find_exam_date("plan please, exam was March 3 2020", TODAY)
    assert isinstance(result, str)
    assert "already passed" in result


# ---------------------------------------------------------------- days, time, zones


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5", 5),
        ("5 days", 5),
        ("6 days a week", 6),
        ("weekdays", 5),
        ("Mon-Fri", 5),
        ("every day", 7),
        ("everyday", 7),
        ("daily", 7),
        ("seven", 7),
        ("1", 1),
        ("4 ", 4),
        ("5/7", 5),
        # days named beside a clock time or a span: the days are the answer
        ("ping me mon wed fri evenings around 8, exam in 5 weeks", 3),
        ("mon and thu at 7pm", 2),
        ("mon wed fri at 8:30", 3),
        ("mon wed fri 6-8pm", 3),
        ("tue thu sat, 2-3 hrs", 3),
    ],
)
def test_parse_study_days(text: str, expected: int) -> None:
    assert parse_study_days(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("8", "only has 7"),
        ("8 days a week", "only has 7"),
        ("0", "at least one"),
        ("lots", "didn't catch"),
        ("🙂", "didn't catch"),
        ("", "didn't catch"),
        ("in 6 weeks", "when your exam is"),  # a date, not days a week
        ("honestly, does my lower score hurt our couples match?", "didn't catch"),  # no "one" inside "honestly"
        ("3 months", "when your exam is"),
    ],
)
def test_parse_study_days_refusals(text: str, reason: str) -> None:
    result = parse_study_days(text)
    assert isinstance(result, str)
    assert reason in result


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7am", time(7)),
        ("7 am", time(7)),
        ("7:30 am", time(7, 30)),
        ("7.30am", time(7, 30)),
        ("7 a.m.", time(7)),
        ("19:30", time(19, 30)),
        ("7 pm", time(19)),
        ("7pm", time(19)),
        ("noon", time(12)),
        ("midnight", time(0)),
        ("12am", time(0)),
        ("12pm", time(12)),
        ("8", time(8)),
        ("20", time(20)),
        ("0730", time(7, 30)),
        ("at 6", time(6)),
        ("7 in the evening", time(19)),
        ("9 in the morning", time(9)),
        ("7:00", time(7)),
        ("18:00", time(18)),
    ],
)
def test_parse_nudge_time(text: str, expected: time) -> None:
    assert parse_nudge_time(text) == expected


@pytest.mark.parametrize(
    ("text", "around", "expected"),
    [
        ("8", "ping me monday wednesday friday evenings around 8", time(20)),
        ("9", "remind me every night at 9", time(21)),
        ("7", "mornings at 7 please", time(7)),
        ("8", "remind me at 8", time(8)),
        # a part of the day said elsewhere in the message is not the hour's
        ("9", "no mornings please, ping me at 9", time(9)),
        ("7", "remind me at 7, i study afternoons", time(7)),
    ],
)
def test_a_bare_hour_is_read_with_the_part_of_the_day_said_around_it(text: str, around: str, expected: time) -> None:
    assert parse_nudge_time(text, around) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("25:00", "no 25:00"),
        ("24", "no 24:00"),
        ("7:60", "60 minutes"),
        ("13pm", "am/pm"),
        ("banana", "couldn't read"),
        ("⏰", "couldn't read"),
        ("", "couldn't read"),
    ],
)
def test_parse_nudge_time_refusals(text: str, reason: str) -> None:
    result = parse_nudge_time(text)
    assert isinstance(result, str)
    assert reason in result


@pytest.mark.parametrize(
    ("text", "days", "weekdays"),
    [
        ("every day except sundays, im on surgery rotation tho", 6, {0, 1, 2, 3, 4, 5}),
        ("every day except saturdays", 6, {0, 1, 2, 3, 4, 6}),
        ("sundays off", 6, {0, 1, 2, 3, 4, 5}),
        ("weekdays only", 5, {0, 1, 2, 3, 4}),
        ("mon wed fri", 3, {0, 2, 4}),
        ("Tuesdays and Thursdays", 2, {1, 3}),
        ("weekends", 2, {5, 6}),
        ("every day except weekends", 5, {0, 1, 2, 3, 4}),
    ],
)
def test_study_days_as_students_write_them(text: str, days: int, weekdays: set[int]) -> None:
    assert parse_study_days(text) == days
    assert parse_study_weekdays(text) == frozenset(weekdays)


@pytest.mark.parametrize("text", ["5", "6 days a week", "seven"])
def test_a_plain_count_names_no_weekdays(text: str) -> None:
    assert parse_study_weekdays(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("after rounds, like 7pm", time(19)),
        ("7ish", time(7)),
        ("around 6 in the morning", time(6)),
        ("prob around 9:30pm after dinner", time(21, 30)),
        ("~8", time(8)),
        ("remind me every night at 9 to do a block", time(21)),  # the part of the day said before the hour
        ("each evening at 8:30", time(20, 30)),
        ("every morning at 7", time(7)),
        ("every night at 20", time(20)),  # a 24-hour clock stays as it is
    ],
)
def test_nudge_times_as_students_write_them(text: str, expected: time) -> None:
    assert parse_nudge_time(text) == expected


def test_a_number_that_is_not_a_time_is_not_read_as_one() -> None:
    assert isinstance(parse_nudge_time("I have 2 kids"), str)


@pytest.mark.parametrize(
    "text",
    ["⑳" * 2200, "9" * 5000, "٣" * 4400, "1" * 4301 + " days"],
)
def test_huge_numbers_get_a_friendly_answer_not_an_error(text: str) -> None:
    # "⑳" folds to "20": 2,200 of them are 4,400 digits, past int()'s 4,300-digit limit.
    days, wall = parse_study_days(text), parse_nudge_time(text)
    assert isinstance(days, str) and "didn't catch" in days
    assert isinstance(wall, str) and "couldn't read" in wall
    assert isinstance(parse_exam_date(text, TODAY), str)
    assert parse_progress(text) == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/done 40 questions", 40),
        ("/done 40", 40),
        ("/done@Step2Bot 25", 25),
        ("done!", None),
        ("/done", None),
        ("did 80 qs", 80),
        ("done 5000", None),
        ("/done 0", 0),
    ],
)
def test_parse_done_count(text: str, expected: int | None) -> None:
    assert parse_done_count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("did another 40 qs, got 70%", (40, 70)),
        ("got 70% on 40 qs", (40, 70)),
        ("28/40 on today's block", (40, 70)),
        ("/done 40", (40, None)),
        ("finished 2 blocks", (None, None)),  # a block's size varies: blocks are not questions
        ("did 2 blocks at 70/74", (None, 72)),  # two blocks' scores: their mean
        ("two blocks done, 62 and 70", (None, 66)),
        ("blocks today: 70, 62, 75. cardio is destroying me", (None, 69)),  # no count said; the last before a stop
        ("UWSA1 259!!! never had a 250-something before", (None, None)),  # a score, not 250 questions
        ("did 3 blocks of 40 questions, 70%", (120, 70)),
        ("2 blocks today, 58 correct out of 80", (80, 72)),  # a fraction said in words, not two blocks' scores
        ("got 31 out of 40 on my last block", (40, 78)),
        ("done, 65 percent", (None, 65)),
        ("got 140%", (None, None)),
        # A practice test's form and result are no question count.
        ("nbme 11 was 238", (None, None)),
        ("UWSA1 251", (None, None)),
        ("free 120 = 78% correct", (None, None)),
        ("did 40 qs and nbme 11 238", (40, None)),
        ("nbme 13: 244, nbme 12 last week was 236", (None, None)),
        ("nbme 13 - 251, up from 236 on nbme 10", (None, None)),
        ("UWSA1 came back 262!!!", (None, None)),
        ("nbme 11 and 40 qs", (40, None)),
        # How far through a bank is not how many right; an average is a percent.
        ("uworld 100% done!!! 1st pass avg 66", (None, 66)),
        ("38 days left, did 2/3 of uworld", (None, None)),
        # A number that numbers something else is no count; the one said with "questions" is.
        ("finished block 3 today, 68%", (None, 68)),
        ("week 2 of dedicated, did 410 questions", (410, None)),
        ("3 days in, 250 questions done", (250, None)),
        ("day 4: 80 qs at 64%", (80, 64)),
        ("day 12 of dedicated: 2 blocks, reviewed renal, anki 300 cards", (None, None)),  # no block score said
        ("NBME 12: 229, down from 234 on 11", (None, None)),  # "on 11" is the form
        ("NBME 13 → 244, NBME 14 → 249. +5", (None, None)),  # results and a change, no count
        # two blocks' percents sharing one sign are both read: their mean, not the last alone
        ("2 blocks today. 68 and 71%. log it pls", (None, 70)),
        ("1 and 2% of my time", (1, 2)),  # not block scores
        ("55% on peds blocks, the rest is around 70", (None, 55)),  # the share elsewhere is no count of questions
        ("did all 40 today, 65%", (40, 65)),  # "all 40" is the count
        # someone's words in quotes, and a result on a practice test, are no count of questions
        ("programs supposedly want 'a 240 and US experience'. so tired", (None, None)),
        ("242 on my last nbme, so tired", (None, None)),
        ("did 40 qs today, don't judge, 'only' 62%", (40, 62)),
        ("stayed up 'til 1, did 80 qs at 64%, my classmates' advice lol", (80, 64)),  # no quote: an elision, a plural
    ],
)
def test_parse_progress(text: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_progress(text) == expected


@settings(max_examples=examples(200), deadline=None)
@given(st.text(max_size=60))
def test_parsers_never_raise(text: str) -> None:
    assert isinstance(parse_exam_date(text, TODAY), date | str)
    assert isinstance(find_exam_date(text, TODAY), date | str | None)
    assert isinstance(parse_study_days(text), int | str)
    assert isinstance(parse_nudge_time(text), time | str)
    count = parse_done_count(text)
    assert count is None or 0 <= count <= 1000
    assert len(excerpt(text)) <= 40


@pytest.mark.parametrize(
    ("text", "nothing"),
    [
        ("didn't get any questions done today, rotation ran till 9", True),
        ("skipped studying today, sick with the flu", True),
        ("couldn't study today", True),
        ("didn't finish uworld but did 40 qs", False),
        ("only did 10 qs today, exhausted", False),
        ("did 0 today, sick", True),
    ],
)
def test_a_day_without_work_is_told_apart_from_work(text: str, nothing: bool) -> None:
    assert did_nothing(text) is nothing
    assert parse_progress(text)[0] != 9  # "ran till 9" is a time, not nine questions


@pytest.mark.parametrize(
    ("text", "pace"),
    [
        ("exam on the 28th, how many questions per day if i have 1400 left", (1400, 24)),
        ("how many qs a day should i do if i have 30 days and 2000 left", (2000, 30)),
        ("1500 questions left and 14 days", (1500, 14)),
        ("i have 1200 uworld qs left, exam in 6 weeks", (1200, 42)),
        ("i have 2,500 questions left, exam in 5 weeks", (2500, 35)),  # a thousands comma, not 500
        ("1,400 qs left and 20 days", (1400, 20)),
        ("did 40 qs today", None),  # work done, not work left
        ("1400 left", None),  # no days to spread them over
        ("38 days left and 2,000 qs to do", (2000, 38)),
    ],
)
def test_questions_left_and_days_left_are_read_together(text: str, pace: tuple[int, int] | None) -> None:
    assert questions_per_day(text, date(2026, 12, 4)) == pace


@pytest.mark.parametrize(
    ("text", "exam"),
    [
        ("pushed ck back 2 weeks, new date is the 30th", date(2026, 1, 30)),  # a shift names no date; the 30th does
        ("days left? exam is 14th of next month", date(2026, 2, 14)),
        ("moved my exam up by 2 weeks", None),
        ("need a 2 week crash plan. exam on the 20th", date(2026, 1, 20)),  # the plan's length is no date
        ("my exam got moved from the 7th to the 14th", date(2026, 1, 14)),  # the date it moved to
        ("pushed my exam 3 weeks to july 11", date(2026, 7, 11)),
        ("pushed my exam 3 weeks", None),  # how far it moved, not when it is
        ("ck in 5 weeks study plan pls", date(2026, 2, 16)),  # said with "in": the time to the exam
        ("need a plan for 2nd attempt at ck", None),  # an ordinal attempt is no day of the month
    ],
)
def test_a_shift_is_no_date_and_next_month_is_read(text: str, exam: date | None) -> None:
    assert find_exam_date(text, TODAY) == exam


@pytest.mark.parametrize(
    ("text", "exam"),
    [
        ("in the last 10 days my nbme scores dropped", None),  # time already lived
        ("over the past 2 weeks i did 800 qs", None),
        ("been studying for 6 weeks and im fried", None),
        ("the first 3 weeks of dedicated were rough", None),
        ("i cancelled my exam 2 days before, now what", None),  # counted from something else
        ("studied 6 weeks, exam in 2 weeks", date(2026, 1, 26)),  # the span lived gives way to the one ahead
        ("3 weeks into dedicated, exam in 10 days", date(2026, 1, 22)),
        ("exam in 2 weeks before my rotation starts", date(2026, 1, 26)),  # said with "in": still the exam
        ("2 weeks left of my surgery rotation and then dedicated starts", None),  # time left of something else
        ("make me a plan, I'm on rotation until July 20 and my exam is Aug 15", date(2026, 8, 15)),  # a rotation's end
        ("on my sub-I until July 20, exam is Aug 15, make me a plan", date(2026, 8, 15)),  # review27 #4
        ("i need to work through 2000 qs before march 3, make me a plan", date(2026, 3, 3)),  # "work through": no end
        ("exam in 5 weeks, 2 weeks left in my peds block", date(2026, 2, 16)),
        ("2 weeks left of dedicated and i'm fried", date(2026, 1, 26)),  # dedicated runs up to the exam
        ("3 weeks left in my study block, nbme 12 was 231", date(2026, 2, 2)),  # review26 #12
        ("2 weeks left of my dedicated block and i'm fried", date(2026, 1, 26)),
        ("on a sub-i the next 3 weeks, can my plan go lighter", None),  # how long something else lasts
        ("super busy for the next 2 weeks then exam in 7 weeks", date(2026, 3, 2)),
        ("my exam is in the next 4 weeks", date(2026, 2, 9)),  # the exam's own span
        ("i'm going to be busy studying the next 6 weeks", date(2026, 2, 23)),  # the studying runs to the exam
    ],
)
def test_a_span_behind_them_or_counted_from_something_else_dates_no_exam(text: str, exam: date | None) -> None:
    assert find_exam_date(text, TODAY) == exam


@pytest.mark.parametrize(
    ("text", "exam"),
    [
        ("make me a plan, my exam is 4 weeks after my sub-i ends on feb 14", date(2026, 3, 14)),
        ("10 days after my visa interview on the 20th", date(2026, 1, 30)),  # an answer to "when is it?"
        ("exam is the monday after thanksgiving", date(2026, 11, 30)),
        ("my exam is 2 weeks after new years", date(2026, 1, 15)),  # the new year just past: the exam is ahead
        ("step 2 is the friday before christmas", date(2026, 12, 18)),
        ("taking ck a month after my ob shelf on jan 30", date(2026, 2, 28)),  # clamped to february's end
        ("exam is 10 days after my away rotation ends, which is feb 3", date(2026, 2, 13)),
        ("exam is the day after tomorrow", date(2026, 1, 14)),  # a date of its own, not counted from one
        ("exam in 6 weeks, 2 days after my birthday", date(2026, 2, 23)),  # the other clause counts something else
        ("2 weeks after my exam on feb 14 i start residency", date(2026, 2, 14)),  # counted from the exam
        ("exam feb 27, my sub-i ends 2 weeks after christmas", date(2026, 2, 27)),  # the sub-i's end is counted
        ("when's my exam? it's 3 weeks after my peds shelf which is on the 20th", date(2026, 2, 10)),  # "it's"
    ],
)
def test_an_exam_day_counted_from_another_day_is_counted(text: str, exam: date) -> None:
    assert find_exam_date(text, TODAY) == exam


@pytest.mark.parametrize(
    ("text", "exam"),
    [
        # TODAY is Monday, Jan 12, 2026
        (
            "exam is right after my rotation, which ends friday the 23rd. so i'm taking it monday the 26th",
            date(2026, 1, 26),
        ),
        ("original was jan 20, then feb 15, now march 2. how many days?", date(2026, 3, 2)),  # the date it is now
        ("update my date pls, it was feb 3 now its march 9", date(2026, 3, 9)),  # the day it was, then the new one
        ("my exam was right after my sub-i, which ended jan 9. new date is feb 6", date(2026, 2, 6)),
        ("exam moved to the week after my EM rotation finishes, that rotation ends feb 6", date(2026, 2, 13)),
        ("my school says take it by end of february. i want OBGYN, do i need 240?", None),  # a deadline, not the day
        ("Step 2 jan 30, dedicated starts jan 19", date(2026, 1, 30)),  # "2 jan" is the exam's name and a month
        # a weekday left out, or denied, is no exam day (review of the thirty-fourth stop)
        ("remind me every day but saturday at 7pm", None),
        ("not thursday but saturday, thats my exam", date(2026, 1, 17)),
        ("exam is not on monday, its tuesday", date(2026, 1, 13)),
    ],
)
def test_the_exams_day_is_told_from_the_other_days_in_the_story(text: str, exam: date | None) -> None:
    assert find_exam_date(text, TODAY) == exam


@pytest.mark.parametrize(
    ("text", "exam"),
    [
        ("exam is in 11 days, on the 23rd", date(2026, 1, 23)),  # the named day, not the count (Jan 23 too)
        ("exam is in 8 days, on the 20th", date(2026, 1, 20)),  # the count said loosely: the day said wins
        ("exam is in 5 weeks on the 14th", date(2026, 2, 14)),  # February's 14th, near the count, not January's
    ],
)
def test_a_day_of_the_month_said_beside_a_count_is_the_one_the_count_reaches(text: str, exam: date) -> None:
    assert find_exam_date(text, TODAY) == exam


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("my exam is 3 days after my birthday", "exam's own date"),
        ("my exam is 3 weeks before my sub-i starts", "exam's own date"),
        ("exam date: 2 weeks after eid", "exam's own date"),
        ("my exam is the monday after new year's", "has already passed"),  # Jan 5 has gone, not next year's
    ],
)
def test_an_exam_day_counted_from_a_day_not_given_or_gone_is_not_guessed(text: str, reason: str) -> None:
    said = find_exam_date(text, TODAY)
    assert isinstance(said, str) and reason in said


@pytest.mark.parametrize(
    "text",
    [
        "i have like 8 weeks before i want to take it",  # time left, counted from nothing
        "is taking ck 2 weeks before eras too close",  # a question, not the exam's day
    ],
)
def test_a_span_before_something_that_is_not_the_exams_day_asks_nothing(text: str) -> None:
    assert find_exam_date(text, TODAY) is None


@pytest.mark.parametrize(
    ("text", "exam"),
    [
        ("exam is end of may", date(2026, 5, 31)),  # the month's last day
        ("exam is the end of next month, wedding 2 weeks before it", date(2026, 2, 28)),
        ("ck mid next month", date(2026, 2, 15)),
        ("dedicated from feb 2 to mar 11, then test mar 13", date(2026, 3, 13)),  # the span's ends are study
        ("moved my exam from feb 2 to mar 11", date(2026, 3, 11)),  # a move: the day it moved to
        ("missed 3 days of my plan, can you redo it", None),  # days behind them, not the exam in 3 days
        ("moved it up a week, it's now the 25th", date(2026, 1, 25)),
        ("plan pls: 3 wks dedicated, weak in renal, exam 28th", date(2026, 1, 28)),
        ("took ck on jan 5, when do scores come out?", None),  # the day they sat it, not one a year ahead
        ("when will i get my score? tested feb 3 i think", None),
        ("on vacation the first week of next month so no pings then", None),  # a trip's dates, not the exam's
        ("nbme 13 was 209 and my test is in 10 days", date(2026, 1, 22)),  # a past result beside a date ahead
        ("from today until mar 14, remind me daily", date(2026, 3, 14)),  # a deadline, not a span of study
        ("ck mid march, plan?", date(2026, 3, 15)),
        ("early june exam", date(2026, 6, 5)),
        ("late jan", date(2026, 1, 25)),  # later this month
        ("end of jan", date(2026, 1, 31)),
        ("I work tue/thu evenings and all day saturday. exam is end of may", date(2026, 5, 31)),  # the month wins
        ("IMG, 6 years since graduation", None),  # time since, not time to the exam
        ("exam is march 3 now instead of feb 20", date(2026, 3, 3)),  # the day given up is the old one
        ("6 wk schedule but i take fridays off", date(2026, 2, 23)),  # a plan's length, nothing else dating it
        ("i have a 2 week vacation, what should i study", None),  # a break's length dates nothing
    ],
)
def test_a_part_of_a_month_dates_the_exam(text: str, exam: date | None) -> None:
    assert find_exam_date(text, TODAY) == exam


@pytest.mark.parametrize(
    "text", ["uwsa1 today: 248. two nbmes last week 239 & 244", "did nbmes this week 236, 241 and 244"]
)
def test_practice_results_listed_are_no_count_of_questions(text: str) -> None:
    assert parse_progress(text) == (None, None)


def test_a_thousands_comma_or_an_ordinal_is_no_count_of_questions() -> None:
    assert parse_progress("uworld 1st pass done. 66% overall. 1,200 incorrects to review") == (None, 66)


@pytest.mark.parametrize(
    ("text", "exam"),
    [
        ("exam in 6 weeks, feb 23", date(2026, 2, 23)),  # the two agree
        ("exam in 6 weeks, so around feb 20", date(2026, 2, 23)),  # roughly counted: one day, no question
        ("nbme on feb 1, exam in 6 weeks", date(2026, 2, 23)),  # the other date is a practice test's
        ("ck must be taken by june 1, mine is in 3 weeks", date(2026, 2, 2)),  # a deadline, not a second exam day
    ],
)
def test_a_span_and_a_date_that_agree_give_the_exam_day(text: str, exam: date) -> None:
    assert find_exam_date(text, TODAY) == exam


@pytest.mark.parametrize(
    ("text", "exam"),
    [
        ("exam on july 18, doing 40 qs a day for 2 weeks then more. plan", date(2026, 7, 18)),  # a while, not the wait
        ("make me a 6 week plan, exam july 18", date(2026, 7, 18)),  # the plan's length
        ("rotation ends may 9, exam july 18, so 6 weeks of dedicated", date(2026, 7, 18)),  # counted from may 9
        ("testing july 18, scores take about 3 weeks right?", date(2026, 7, 18)),  # how long a score takes
        ("exam july 18, dedicated will be 6 weeks", date(2026, 7, 18)),  # a length planned, not time left
        ("exam june 20, i'll start dedicated 6 weeks out", date(2026, 6, 20)),
        # time off, not the time to the exam (review30)
        ("make me a plan, exam feb 20. going home for christmas so 1 week off", date(2026, 2, 20)),
        ("exam on jan 30. thanksgiving wrecked me so 5 days lost. need a new plan", date(2026, 1, 30)),
    ],
)
def test_a_far_date_beside_a_span_of_something_else_is_the_exam_day(text: str, exam: date) -> None:
    assert find_exam_date(text, TODAY) == exam


@pytest.mark.parametrize(
    "text",
    [
        "exam is in 4 wks, june 18",
        "8 weeks till the test (june 20). make me a plan",
        # a date months away beside a few weeks said as the time left: written for another "today"?
        "I have 6 weeks of dedicated starting Monday and my exam is booked for July 18. make me a plan",
        "exam on 19 November, today is 1 October, so about 7 weeks. plan please",
        "MS3 finishing surgery rn, CK is booked for june 14 so ~5 weeks. 2 week dedicated block at the end",
    ],
)
def test_a_span_and_a_date_that_disagree_are_asked_about(text: str) -> None:
    said = find_exam_date(text, TODAY)
    assert isinstance(said, str) and "Which is your exam date?" in said


@pytest.mark.parametrize(
    ("text", "exam"),
    [
        ("im now 4th year, make me a plan", None),  # a year of school, not the 4th
        ("exam 2nd time, make me a plan", None),
        ("ck 2nd attempt in 6 weeks", date(2026, 2, 23)),
        ("i've taken 2 nbmes and my exam is feb 20", date(2026, 2, 20)),  # something else sat, the exam ahead
        ("i took ck on jan 5 and i'm retaking mar 20", date(2026, 3, 20)),  # the day sat steps aside
    ],
)
def test_ordinals_and_things_sat_leave_the_exam_day_alone(text: str, exam: date | None) -> None:
    assert find_exam_date(text, TODAY) == exam


@pytest.mark.parametrize(
    ("text", "exam"),
    [
        ("exam is 1 week before new year's eve", date(2026, 12, 24)),  # the eve, not new year's day
        ("exam is 2 days before christmas eve", date(2026, 12, 22)),
        ("my exam is 4 weeks after my shelf exam on feb 14", date(2026, 3, 14)),  # a shelf is counted from
        ("dedicated from feb 2 to mar 20, which is my exam day", date(2026, 3, 20)),  # the span's end is the exam
        ("exam in 6 months (july 20)", date(2026, 7, 20)),  # months are counted loosely: no question
    ],
)
def test_days_counted_from_eves_shelves_and_span_ends(text: str, exam: date) -> None:
    assert find_exam_date(text, TODAY) == exam


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("log: 2 blocks timed, 35/40 and 31/40", (None, 82)),  # pooled: it was 36, the mean of 35, 40, 31 and 40
        ("2 blocks, 70/74", (None, 72)),  # two blocks' percents, not a fraction
        ("rough one, 12 wrong out of 40", (40, 70)),  # what was missed: the rest were right
        ("missed 9 of 40 on renal", (40, 78)),
        ("missed 2 of 7 days this week, did 40 qs today", (40, None)),  # days missed are not questions
    ],
)
def test_blocks_said_as_fractions_log_their_pooled_share(text: str, done: tuple[int | None, int | None]) -> None:
    assert parse_progress(text) == done


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("19 days left, what now", 19),
        ("exam in 3 weeks", 21),
        ("what should these last 19 days look like", 19),
        ("ck soon", 0),
    ],
)
def test_days_out_counts_what_the_student_said(text: str, days: int) -> None:
    assert days_out(normalize(text)) == days
