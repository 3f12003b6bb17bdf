"""Every button the bot can show, pressed through the loopback Bot API against the real bot.

The buttons are not listed here: the test crawls. It types what a student types (/start,
a score, a question, /plan and its answers...) and receives a real nudge, collects every
inline keyboard from the bot's replies, presses each action it has not pressed yet and
collects the keyboards that press brings, until nothing new appears. A button added
anywhere in the bot is pressed by this test the day it ships.

No press may be answered "expired", an apology, or "didn't catch that". Then the bot
restarts and every action is pressed again, as a student would press a button on a
message sent before the restart: it still works, or says kindly that it no longer applies.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.plans.model import Plan
from bot.profiles import ProfileStore
from bot.student import Profile
from tests.bot_process import SENDS, BotProcess
from tests.fake_bot_api import Call, FakeBotApi
from tests.plan_helpers import due_today
from tests.telegram_html import visible_text

pytestmark = pytest.mark.e2e  # every test here runs the bot as a process

USER = 4242
SENTINEL = "/help"
"""Sent after each press: the same user's updates are handled in order, so everything the
bot sends before the sentinel's reply belongs to the press."""
SENTINEL_REPLY = "What I can do"
BAD = ("expired", "Sorry, something went wrong", "didn't quite catch", "don't know that command")

TYPED = (
    "/start",
    "248 good enough for ortho??",
    "can IMGs match derm",
    "/compare derm psych",
    "/chart 250",
    "/faq",
    "/forget",
    "/plan new",
    "in 6 weeks",
    "mon wed fri",
    "7ish",
    "IST",  # a zone that needs a question with buttons
    "can i take a break this weekend",  # answered mid-set-up, then the set-up goes on
)
"""What a student types to reach every kind of reply; the buttons come from the replies."""


def keyboard(call: Call) -> list[str]:
    markup = call.reply_markup or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


def shown(calls: list[Call]) -> str:
    return "\n".join(visible_text(c.text or "") for c in calls)


class Crawler:
    """Drives one user through the real bot process and records every keyboard seen."""

    def __init__(self, bot: BotProcess, api: FakeBotApi) -> None:
        self.bot = bot
        self.api = api
        self.seen: list[str] = []
        """Every action on any keyboard so far, in the order first seen."""
        self.keyboards: list[list[str]] = []
        self.answers: dict[str, str] = {}
        """Action -> what pressing it showed (the callback's toast, then the replies)."""

    def collect(self, calls: list[Call]) -> None:
        """Keep the keyboards of these replies, newest last."""
        for call in calls:
            actions = keyboard(call)
            if actions:
                self.keyboards.append(actions)
                self.seen.extend(a for a in actions if a not in self.seen)

    def _until_sentinel(self, since: int) -> list[Call]:
        """The sends to the user after `since`, up to (not including) the sentinel's reply."""
        self.api.push_message(USER, SENTINEL)

        def done(calls: list[Call]) -> bool:
            return any(
                c.method == "sendMessage" and c.chat_id == USER and SENTINEL_REPLY in (c.text or "")
                for c in calls[since:]
            )

        self.api.wait_for(done, timeout=30)
        ours = [c for c in self.api.calls[since:] if c.method in SENDS and c.chat_id == USER and c.ok]
        last = max(i for i, c in enumerate(ours) if SENTINEL_REPLY in (c.text or ""))
        return ours[:last]

    def type(self, text: str) -> list[Call]:
        since = len(self.api.calls)
        self.api.push_message(USER, text)
        return self._until_sentinel(since)

    def press(self, action: str) -> list[Call]:
        since = len(self.api.calls)
        self.api.push_callback(USER, action)
        self.api.wait_for(lambda calls: any(c.method == "answerCallbackQuery" for c in calls[since:]), timeout=30)
        replies = self._until_sentinel(since)
        answers = [c for c in self.api.calls[since:] if c.method == "answerCallbackQuery"]
        toast = " ".join(str(c.params.get("text", "")) for c in answers)
        self.answers[action] = toast + "\n" + shown(replies)
        return replies

    def crawl(self) -> None:
        """Press every action seen, like a student would: on the newest keyboard, the first
        button not pressed yet (so the plan set-up is answered step by step, and Cancel,
        last on its keyboard, comes after the answers); a keyboard with nothing left to
        press is put away, and the one before it is next."""
        while self.keyboards:
            todo = [a for a in self.keyboards[-1] if a not in self.answers]
            if not todo:
                self.keyboards.pop()
                continue
            self.collect(self.press(todo[0]))


def nudge_plan(today: dt.date) -> Plan:
    """A plan whose nudge is due the moment the bot starts, with a target specialty."""
    return due_today(today, target_specialty="dermatology")


def test_every_button_works_now_and_after_a_restart(api: FakeBotApi, tmp_path: Path) -> None:
    store = ProfileStore.in_dir(tmp_path)
    store.save(Profile(USER, plan=nudge_plan(dt.datetime.now(dt.UTC).date())))
    store.close()

    bot = BotProcess(api, tmp_path).start()
    crawler = Crawler(bot, api)
    try:
        api.wait_for(
            lambda calls: any(c.method == "sendMessage" and "to Step 2 CK" in (c.text or "") for c in calls),
            timeout=30,
        )
        crawler.collect([c for c in api.calls if c.method == "sendMessage" and c.chat_id == USER])
        for text in TYPED:
            crawler.collect(crawler.type(text))
        crawler.crawl()
    finally:
        log = bot.stop()
    assert api.token not in log

    assert set(crawler.answers) == set(crawler.seen)
    bad = {a: t for a, t in crawler.answers.items() if any(b in t for b in BAD)}
    assert bad == {}
    assert all(crawler.answers[a].strip() for a in crawler.seen), "every press gets a visible answer"
    # The set-up was answered with its buttons, one question after another.
    pressed = crawler.answers
    assert any("days a week (" in t for a, t in pressed.items() if a.startswith("/plan days "))
    assert any(" it is." in t for a, t in pressed.items() if a.startswith("/plan time "))
    assert any("Time zone:" in t for a, t in pressed.items() if a.startswith("/plan zone "))
    assert "Your plan is ready" in pressed["/plan extras skip"]
    assert any("off. Enjoy it" in t for a, t in pressed.items() if a.startswith("/plan break "))
    # It reached every kind of button: the set-up's every step, the plan summary's controls,
    # the nudge's, the break confirmation, FAQ, charts, comparisons, /forget.
    for prefix in (
        "/plan date ",
        "/plan days ",
        "/plan time ",
        "/plan zone Asia/Kolkata",
        "/plan zone default",
        "/plan extras skip",
        "/plan cancel",
        "/plan edit",
        "/plan new",
        "/plan break ",
        "/done",
        "/snooze",
        "/pause",
        "/resume",
        "/stop",
        "/forget yes",
        "/forget no",
        "/faq ",
        "/chart",
        "/compare ",
        "/specialties",
        "/calendar",
    ):
        assert any(a.startswith(prefix) for a in crawler.seen), prefix
    assert "calendar" in pressed["/calendar"]  # the .ics with its caption, or why there is none (a stopped plan)

    # After a restart, every button on the old messages still does something sensible.
    again = BotProcess(api, tmp_path).start()
    late = Crawler(again, api)
    try:
        for action in crawler.seen:
            late.press(action)
        for legacy in ("7", "cancel", "America/New_York", "v1:some-old-button"):  # data from older versions
            late.press(legacy)
    finally:
        again.stop()
    bad = {a: t for a, t in late.answers.items() if any(b in t for b in BAD)}
    assert bad == {}
    assert "no longer applies" in late.answers["v1:some-old-button"]
