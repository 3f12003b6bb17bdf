"""The one ordered decision (bot/interpret.py): the whole order, checked as one table.

Each row is a message's situation and the road it must take. Rows that hold two or more
facts at once check which wins, so a change to the order fails here before anywhere else.
"""

from __future__ import annotations

import pytest

from bot.interpret import Road, Situation, road

S = Situation

ORDER: list[tuple[str, Situation, Road]] = [
    # 1. crisis beats everything, a command's words and a waiting set-up included
    ("hopeless words", S("vent", crisis=True, feeling="hopeless"), "crisis"),
    ("hopeless words in a command", S("command", crisis=True), "crisis"),
    ("hopeless mid set-up", S("study_plan", crisis=True, in_setup=True, setup_answered=True), "crisis"),
    ("hopeless with match news", S("faq", crisis=True, matched=True), "crisis"),
    # 2. commands (and every button)
    ("a command", S("command"), "command"),
    ("a command mid set-up", S("command", in_setup=True), "command"),
    # 3. the set-up: its answer, the question again, or an aside then the question again
    ("a set-up answer", S("unknown", in_setup=True, setup_answered=True), "setup"),
    ("an answer that also reads as a question", S("faq", in_setup=True, setup_answered=True), "setup"),
    ("nothing recognised mid set-up", S("unknown", in_setup=True), "setup"),
    ("a plan request mid set-up", S("study_plan", in_setup=True), "setup"),
    ("an unsure guess mid set-up", S("faq", unsure=True, in_setup=True), "setup"),
    ("'did 40 qs' mid first set-up", S("log_progress", in_setup=True), "setup"),
    ("'did 40 qs' mid re-plan", S("log_progress", in_setup=True, has_plan=True), "setup_aside"),
    ("a question mid set-up", S("faq", in_setup=True), "setup_aside"),
    ("the calendar mid re-plan", S("unknown", asks_calendar=True, in_setup=True, has_plan=True), "setup_aside"),
    ("the calendar mid first set-up", S("unknown", asks_calendar=True, in_setup=True), "setup"),
    # 4. feelings that are the point
    ("match news", S("faq", matched=True), "matched"),
    ("match news with a question", S("faq", matched=True, question=True), "answer"),
    ("news of the exam sat", S("faq", finished=True, feeling="relief"), "finished"),
    ("the exam sat, with a question", S("faq", finished=True, question=True), "answer"),
    ("news of a pass", S("vent", passed=True), "passed"),
    ("a pass, with a question", S("score_fit", passed=True, question=True), "answer"),
    ("the exam sat, and a calendar asked for", S("unknown", finished=True, asks_calendar=True), "finished"),
    ("a vent", S("vent", feeling="stress"), "feeling"),
    ("panic read as a plan", S("study_plan", feeling="panic"), "feeling"),
    ("panic with an explicit plan request", S("study_plan", feeling="panic", asks_plan=True), "plan"),
    ("joy read as a plan", S("study_plan", feeling="celebration"), "plan"),
    ("nerves the night before read as a break", S("plan_break", feeling="stress", exam_soon=True), "feeling"),
    ("a break asked for with stress, weeks out", S("plan_break", feeling="stress"), "plan_operation"),
    # 5. frames on the student's own plan
    ("the calendar", S("unknown", asks_calendar=True), "calendar"),
    ("stress and the calendar", S("study_plan", feeling="stress", asks_calendar=True), "calendar"),
    ("a plan request", S("study_plan"), "plan"),
    ("an unsure plan request", S("study_plan", unsure=True), "answer"),
    ("progress", S("log_progress"), "plan_operation"),
    ("the exam moved", S("exam_moved", has_plan=True), "plan_operation"),
    ("an unsure operation", S("days_left", unsure=True), "answer"),
    # 6. the rest is answered from the intent
    ("an average question", S("average"), "answer"),
    ("a FAQ with a feeling", S("faq", feeling="stress"), "answer"),
    ("small talk", S("smalltalk"), "answer"),
]


@pytest.mark.parametrize(("situation", "expected"), [row[1:] for row in ORDER], ids=[row[0] for row in ORDER])
def test_each_message_takes_the_first_road_that_fits(situation: Situation, expected: Road) -> None:
    assert road(situation) == expected
