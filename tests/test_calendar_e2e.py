"""The plan as a calendar file, asked for the ways a student asks, through the real bot process."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from icalendar import Calendar

from bot.plans.model import Plan
from bot.profiles import ProfileStore
from bot.student import Profile
from tests.bot_process import BotProcess
from tests.fake_bot_api import Call, FakeBotApi
from tests.telegram_html import visible_text

pytestmark = pytest.mark.e2e  # every test here runs the bot as a process

PLANNER = 6001
NO_PLAN = 6002
TODAY = dt.datetime.now(dt.UTC).date()
EXAM = TODAY + dt.timedelta(days=60)


@pytest.fixture
def bot(api: FakeBotApi, tmp_path: Path) -> Iterator[BotProcess]:
    store = ProfileStore.in_dir(tmp_path)
    plan = Plan(
        exam_date=EXAM,
        study_days=5,
        nudge_time=dt.time(23, 59),
        tz="America/Chicago",
        created=TODAY,
    )
    store.save(Profile(PLANNER, plan=plan))
    store.close()
    process = BotProcess(api, tmp_path).start()
    yield process
    assert api.token not in process.stop()


def actions(call: Call) -> list[str]:
    markup = call.reply_markup or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


def calendar_of(calls: list[Call]) -> Calendar:
    (sent,) = [c for c in calls if c.method == "sendDocument"]
    upload = sent.params["document"]
    assert upload.filename.endswith(".ics")
    assert "calendar file" in visible_text(sent.text or "")
    return Calendar.from_ical(upload.data)


def uids(cal: Calendar) -> set[str]:
    return {str(e["uid"]) for e in cal.walk("VEVENT")}


def test_the_plan_button_and_plain_words_send_the_ics(bot: BotProcess, api: FakeBotApi) -> None:
    [summary] = bot.say(PLANNER, "/plan")
    assert "/calendar" in actions(summary)
    pressed = calendar_of(bot.press(PLANNER, "/calendar"))
    exam = next(e for e in pressed.walk("VEVENT") if "exam" in str(e["summary"]))
    assert exam["dtstart"].dt == EXAM
    nudges = next(e for e in pressed.walk("VEVENT") if "rrule" in e)
    assert str(nudges["dtstart"].params["TZID"]) == "America/Chicago"
    assert [str(z["tzid"]) for z in pressed.walk("VTIMEZONE")] == ["America/Chicago"]
    for words in ("add it to my calendar", "export my plan", "/calendar"):
        assert uids(calendar_of(bot.say(PLANNER, words))) == uids(pressed)


def test_after_the_exam_moves_the_new_file_keeps_the_uids(bot: BotProcess) -> None:
    before = calendar_of(bot.say(PLANNER, "/calendar"))
    moved = EXAM + dt.timedelta(days=7)
    [reply] = bot.say(PLANNER, f"my exam got moved to {moved:%B} {moved.day}, {moved.year}")
    assert "Moved your exam" in visible_text(reply.text or "")
    assert "/calendar" in actions(reply)
    after = calendar_of(bot.say(PLANNER, "/calendar"))
    assert uids(after) >= {str(e["uid"]) for e in before.walk("VEVENT") if "self-assessment" not in str(e["uid"])}
    exam = next(e for e in after.walk("VEVENT") if "exam" in str(e["summary"]))
    assert exam["dtstart"].dt == moved


def test_without_a_plan_the_bot_offers_to_make_one(bot: BotProcess, api: FakeBotApi) -> None:
    for words in ("/calendar", "add it to my calendar"):
        [reply] = bot.say(NO_PLAN, words)
        assert reply.method == "sendMessage"
        assert "don't have a study plan yet" in visible_text(reply.text or "")
        assert actions(reply) == ["/plan"]
    [group] = bot.say(PLANNER, "/calendar", chat_id=-(10**12 + PLANNER), chat_type="group")
    assert group.method == "sendMessage" and "private chat" in visible_text(group.text or "")
    assert not api.requests("sendDocument")
