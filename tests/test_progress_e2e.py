"""The progress picture, as a student reaches it: the real bot process and the loopback Bot API.

The student tells the bot their numbers in their own words, asks for /progress and presses
the 📈 button under /plan, and the chart arrives as a PNG with its alt text in the caption.
With too little data the bot says what to log instead; /forget erases all of it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.plans.model import Plan
from bot.profiles import ProfileStore
from bot.student import Profile
from knowledge import load_knowledge
from tests.bot_process import BotProcess
from tests.fake_bot_api import Call, FakeBotApi
from tests.telegram_html import visible_text

pytestmark = pytest.mark.e2e  # every test here runs the bot as a process

users = itertools.count(7001)


@pytest.fixture(scope="module")
def api() -> Iterator[FakeBotApi]:
    server = FakeBotApi()
    server.start()
    yield server
    server.stop()
    assert server.violations == [], server.dump()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data")


def a_plan() -> Plan:
    """A derm-bound plan made today (UTC), already nudged today, so no nudge lands mid-test."""
    today = dt.datetime.now(dt.UTC).date()
    return Plan(
        exam_date=today + dt.timedelta(weeks=8),
        study_days=7,
        nudge_time=dt.time(7),
        tz="UTC",
        created=today,
        target_specialty="dermatology",
        last_nudged=today,
        last_seen=today,
    )


@pytest.fixture(scope="module")
def bot(api: FakeBotApi, data_dir: Path) -> Iterator[BotProcess]:
    store = ProfileStore.in_dir(data_dir)
    try:
        for user in range(7001, 7011):
            store.save(Profile(user, plan=a_plan()))
    finally:
        store.close()
    process = BotProcess(api, data_dir).start()
    yield process
    log = process.stop()
    assert api.token not in log


def text_of(calls: list[Call]) -> str:
    return "\n".join(visible_text(c.params.get("text") or c.params.get("caption") or "") for c in calls)


def actions(call: Call) -> list[str]:
    markup = call.params.get("reply_markup") or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


def png_size(call: Call) -> tuple[int, int]:
    data = call.params["photo"].data
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def test_the_chart_grows_from_what_the_student_says(bot: BotProcess, api: FakeBotApi, data_dir: Path) -> None:
    user = next(users)
    [nothing] = bot.say(user, "/progress")
    assert nothing.method == "sendMessage"
    assert "Nothing logged yet" in text_of([nothing]) and "nbme 11 was 238" in text_of([nothing])

    [saved] = bot.say(user, "nbme 11 was 238")
    assert "Saved to your progress: NBME 11, 238" in text_of([saved])
    [one] = bot.say(user, "/progress")
    assert one.method == "sendMessage" and "Only one number so far" in text_of([one])

    [second] = bot.say(user, "uwsa 2 248")
    assert "Saved to your progress: UWSA 2, 248" in text_of([second])
    [logged] = bot.say(user, "did 40 qs, got 70%")
    assert "Logged 40 questions" in text_of([logged])

    [plan] = bot.say(user, "/plan")
    assert "/progress" in actions(plan)
    pressed = bot.press(user, "/progress")
    [photo] = [c for c in pressed if c.method == "sendPhoto"]
    assert photo.params["photo"].is_png
    width, height = png_size(photo)
    assert width >= 800 and height > width  # upright, for a phone held upright
    caption = text_of([photo])
    assert "Your progress" in caption
    # The alt text: every number the picture shows, in words, with the target's source.
    assert "2 practice scores from NBME 11 238" in caption and "to UWSA 2 248" in caption
    lead = load_knowledge().lead("dermatology")
    assert f"Derm average {lead.value} ({load_knowledge().cite(lead.source)}" in caption and "not a cut-off" in caption
    assert "percent correct 70%" in caption and "questions per week, latest last: 40" in caption

    bot.stop()
    store = ProfileStore.in_dir(data_dir)
    try:
        stored = store.get(user).plan
    finally:
        store.close()
    bot.start()
    assert stored is not None
    today = dt.datetime.now(dt.UTC).date()
    assert [(e.day, e.kind, e.form, e.score) for e in stored.scores] == [
        (today, "nbme", "11", 238),
        (today, "uwsa", "2", 248),
    ]
    assert stored.practice_score == 248  # the latest, shown in the plan summary
    assert stored.percent_log == {today.isoformat(): [70]}


def test_forget_erases_the_scores_and_the_chart_says_so(bot: BotProcess, data_dir: Path) -> None:
    user = next(users)
    bot.say(user, "nbme 9 was 231")
    bot.say(user, "nbme 10 was 236")
    [photo] = bot.say(user, "/progress")
    assert photo.method == "sendPhoto"
    bot.say(user, "/forget")
    pressed = bot.press(user, "/forget yes")
    assert "erased everything" in text_of(pressed[1:])
    [after] = bot.say(user, "/progress")
    assert after.method == "sendMessage" and "don't have one yet" in text_of([after])
    bot.stop()
    store = ProfileStore.in_dir(data_dir)
    try:
        assert store.get(user) == Profile(user)
    finally:
        store.close()
    bot.start()
    for file in data_dir.glob("profiles.json*"):
        assert b"231" not in file.read_bytes(), f"an erased score is still in {file.name}"


def test_progress_in_a_group_stays_private(bot: BotProcess) -> None:
    user = next(users)
    [reply] = bot.say(user, "/progress", chat_id=-1_000_000_000_000 - user, chat_type="group")
    assert "private chat" in text_of([reply])
