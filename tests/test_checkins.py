"""Check-ins that respect attention (bot.checkins), end to end: the real Application, its JobQueue,
a TinyDB store in tmp_path and the loopback Bot API, with the wall clock travelled (time_machine)
to just before a nudge is due, as in tests/test_nudges.py.

Backing off after unanswered nudges and coming back on any reply or the button; no reminder
on a day already logged; the weekly summary on the student's day, with the chart; the offer,
once, to move the nudge to the hour they log; the score-release Wednesdays after the exam.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
import time_machine

from bot.plans.model import ScoreEntry
from knowledge import Knowledge
from tests.fake_bot_api import Call, FakeBotApi
from tests.telegram_html import visible_text
from tests.test_nudges import (
    DAY,
    LEAD,
    SETTLE,
    SEVEN,
    eventually,
    local,
    make_plan,
    ok_sends,
    put_plans,
    read_plan,
    running_bot,
    wait_sent,
)

pytestmark = [
    pytest.mark.e2e,  # every test here runs the real PTB Application, polling the loopback Bot API on a travelled clock
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
]

ONE_DAY = dt.timedelta(days=1)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def shown(call: Call) -> str:
    return visible_text(call.params.get("text") or call.params.get("caption") or "")


def actions(call: Call) -> list[str]:
    markup = call.params.get("reply_markup") or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


async def reply_containing(api: FakeBotApi, user: int, text: str) -> Call:
    """The first message to `user` Telegram accepted that shows `text` (waiting for it)."""
    await api.await_calls(
        lambda calls: any(c.ok and c.chat_id == user and text in shown(c) for c in calls), timeout=5.0
    )
    return next(c for c in api.calls if c.ok and c.chat_id == user and text in shown(c))


# DAY is Wednesday, Jan 14 2026; the plans are every day, 07:00 New York, exam Mar 3.


async def test_unanswered_nudges_back_off_say_so_once_and_the_button_brings_daily_back(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge
) -> None:
    user = 1201
    # Two nudges already went unanswered (the last reply was before Monday's nudge).
    plan = make_plan(last_nudged=DAY - ONE_DAY, last_seen=DAY - 3 * ONE_DAY, ignored=2)
    put_plans(data_dir, {user: plan})
    with time_machine.travel(local(DAY, SEVEN) - LEAD, tick=True):
        async with running_bot(api, data_dir, knowledge) as bot:
            await wait_sent(api, {user})
            [nudge] = ok_sends(api, user)
            text = shown(nudge)
            assert "to Step 2 CK" in text and "every other study day" in text
            assert "/plan daily" in actions(nudge)
            await eventually(lambda: bot.next_nudge(user) is not None)
            assert bot.plan(user).cadence == "alternate"
            assert bot.next_nudge(user) == local(DAY + 2 * ONE_DAY, SEVEN)  # Thursday skipped

            api.push_callback(user, "/plan daily")
            back = await reply_containing(api, user, "Daily nudges are on")
            assert "You're back" not in shown(back)  # said once, by the button's own answer
            await eventually(lambda: bot.next_nudge(user) == local(DAY + ONE_DAY, SEVEN))
            assert bot.plan(user).cadence == "daily" and bot.plan(user).ignored == 0


async def test_still_quiet_steps_down_to_the_weekly_summary_and_any_message_restores_daily(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge
) -> None:
    user = 1202
    plan = make_plan(last_nudged=DAY - 2 * ONE_DAY, last_seen=DAY - 9 * ONE_DAY, ignored=2, cadence="alternate")
    put_plans(data_dir, {user: plan})
    sunday = dt.date(2026, 1, 18)
    with time_machine.travel(local(DAY, SEVEN) - LEAD, tick=True) as traveller:
        async with running_bot(api, data_dir, knowledge) as bot:
            await wait_sent(api, {user})
            [nudge] = ok_sends(api, user)
            assert "keep to your weekly summary" in shown(nudge) and "/plan daily" in actions(nudge)
            await eventually(lambda: bot.next_nudge(user) is not None)
            assert bot.plan(user).cadence == "weekly"
            assert bot.next_nudge(user) == local(sunday, SEVEN)  # nothing until the summary

        # A restart keeps the weekly cadence; the student writes on Friday about something else.
        traveller.move_to(local(DAY + 2 * ONE_DAY, dt.time(12)), tick=True)
        async with running_bot(api, data_dir, knowledge) as bot:
            assert bot.next_nudge(user) == local(sunday, SEVEN)
            api.push_message(user, "what is the derm average")
            answer = await reply_containing(api, user, "daily nudges are back on")
            assert "257" in shown(answer)  # the question is answered as usual
            await eventually(lambda: bot.next_nudge(user) == local(DAY + 3 * ONE_DAY, SEVEN))
    stored = read_plan(data_dir, user)
    assert (stored.cadence, stored.ignored, stored.last_seen) == ("daily", 0, DAY + 2 * ONE_DAY)


async def test_no_reminder_on_a_day_already_logged(api: FakeBotApi, data_dir: Path, knowledge: Knowledge) -> None:
    user, other = 1203, 1204
    put_plans(data_dir, {user: make_plan(last_nudged=DAY - ONE_DAY), other: make_plan(last_nudged=DAY - ONE_DAY)})
    due = local(DAY, SEVEN)
    with time_machine.travel(due - dt.timedelta(seconds=1.2), tick=True):
        async with running_bot(api, data_dir, knowledge) as bot:
            api.push_message(user, "did 40 qs, got 72%")
            logged = await reply_containing(api, user, "Logged 40 questions")
            assert "streak" in shown(logged).lower()
            await eventually(lambda: bot.next_nudge(user) == local(DAY + ONE_DAY, SEVEN))
            assert dt.datetime.now(dt.UTC) < due, "logged before 07:00, or the test means nothing"
            await wait_sent(api, {other})  # 07:00 has come
            await asyncio.sleep(SETTLE)
    assert [shown(c) for c in ok_sends(api, user) if "to Step 2 CK" in shown(c)] == []
    assert read_plan(data_dir, user).done_log == {DAY.isoformat(): 40}


async def test_weekly_summary_on_the_chosen_day_carries_the_chart_and_the_day_can_move(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge
) -> None:
    user = 1205
    done = {(DAY - n * ONE_DAY).isoformat(): 40 for n in range(1, 6)}
    scores = [ScoreEntry(DAY - 20 * ONE_DAY, "nbme", "10", 236), ScoreEntry(DAY - 3 * ONE_DAY, "uwsa", "1", 244)]
    plan = make_plan(
        last_nudged=DAY - ONE_DAY,
        last_seen=DAY - ONE_DAY,
        summary_weekday=DAY.weekday(),
        target_specialty="dermatology",
        done_log=done,
        scores=scores,
    )
    put_plans(data_dir, {user: plan})
    with time_machine.travel(local(DAY, SEVEN) - LEAD, tick=True):
        async with running_bot(api, data_dir, knowledge) as bot:
            await api.await_calls(lambda calls: any(c.ok for c in calls), method="sendPhoto", timeout=10)
            [summary] = [c for c in api.requests("sendPhoto") if c.chat_id == user]
            assert summary.params["photo"].is_png
            text = shown(summary)
            assert "Your week" in text
            assert "200 questions over 5 days logged this week" in text
            assert "Streak: 5 study days" in text
            assert "Latest practice score: UWSA 1, 244" in text and "Derm average: 257" in text
            assert "48 days to your exam" in text and "Next:" in text
            assert "Chart: 2 practice scores" in text  # the alt text
            assert "/plan summary" in actions(summary)

            api.push_callback(user, "/plan summary")
            ask = await reply_containing(api, user, "Which day would you like it?")
            assert "/plan summary fri" in actions(ask)
            api.push_callback(user, "/plan summary fri")
            await reply_containing(api, user, "your weekly summary comes on Fris")
            await eventually(lambda: bot.plan(user).summary_weekday == 4)
            assert bot.next_nudge(user) == local(DAY + ONE_DAY, SEVEN)  # Thursday: a study nudge
    assert [c for c in ok_sends(api, user) if "to Step 2 CK" in shown(c)] == []  # the summary replaced it


async def test_offers_once_to_move_the_nudge_to_the_hour_they_log(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge
) -> None:
    user = 1206
    put_plans(data_dir, {user: make_plan(last_nudged=DAY, last_seen=DAY, log_hours=[21, 21, 21])})
    with time_machine.travel(local(DAY, dt.time(21, 10)), tick=True):
        async with running_bot(api, data_dir, knowledge) as bot:
            api.push_message(user, "/done 40")
            offer = await reply_containing(api, user, "You usually log around 21:00")
            assert actions(offer) == ["/plan time 21:00"]
            api.push_callback(user, "/plan time 21:00")
            await reply_containing(api, user, "Updated.")
            await eventually(lambda: bot.plan(user).nudge_time == dt.time(21))
            assert bot.next_nudge(user) == local(DAY + ONE_DAY, dt.time(21))
            api.push_message(user, "did another 20")
            again = await reply_containing(api, user, "Logged 20 questions")
            assert "usually log" not in shown(again)
    assert read_plan(data_dir, user).time_offered


async def test_score_release_wednesdays_after_the_exam(api: FakeBotApi, data_dir: Path, knowledge: Knowledge) -> None:
    user = 1207
    exam = dt.date(2026, 1, 13)  # a Tuesday; the farewell went out on the 14th
    plan = make_plan(exam_date=exam, status="finished", last_nudged=exam + ONE_DAY)
    put_plans(data_dir, {user: plan})
    fact = knowledge.facts["score-release"]
    first, second = dt.date(2026, 2, 4), dt.date(2026, 2, 11)  # the Wednesdays 3 and 4 weeks on
    with time_machine.travel(local(first, SEVEN) - LEAD, tick=True) as traveller:
        async with running_bot(api, data_dir, knowledge) as bot:
            await wait_sent(api, {user})
            [note] = ok_sends(api, user)
            text = shown(note)
            assert "Scores may post today" in text
            assert fact.text in text and knowledge.cite(fact.source) in text  # the timing, with its source
            assert "Wed, Feb 11 is the next usual day" in text
            assert "/stop" in actions(note)
            await eventually(lambda: bot.next_nudge(user) == local(second, SEVEN))
        traveller.move_to(local(second, SEVEN) - LEAD, tick=True)
        async with running_bot(api, data_dir, knowledge) as bot:
            await api.await_calls(
                lambda calls: len([c for c in calls if c.ok and c.chat_id == user]) >= 2, method="sendMessage"
            )
            await asyncio.sleep(SETTLE)
            assert bot.next_nudge(user) is None  # and then no more
    assert "Another day scores usually post" in shown(ok_sends(api, user)[1])
    assert len(ok_sends(api, user)) == 2


async def test_a_deadline_the_student_gives_comes_back_a_week_before(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge
) -> None:
    user = 1208
    put_plans(data_dir, {user: make_plan(last_nudged=DAY, last_seen=DAY)})
    week_before = dt.date(2026, 2, 13)
    with time_machine.travel(local(DAY, dt.time(12)), tick=True) as traveller:
        async with running_bot(api, data_dir, knowledge):
            api.push_message(user, "/deadline ERAS opens feb 20")
            noted = await reply_containing(api, user, "Noted")
            assert "Fri, Feb 20, 2026" in shown(noted) and "7 days and 1 day before" in shown(noted)
        traveller.move_to(local(week_before, SEVEN) - LEAD, tick=True)
        async with running_bot(api, data_dir, knowledge):
            nudge = await reply_containing(api, user, "📌 In 7 days (Fri, Feb 20)")
    assert "“ERAS opens feb 20”" in shown(nudge) and "to Step 2 CK" in shown(nudge)
