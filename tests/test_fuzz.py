"""A seeded fuzz of the real advisor: 12,000 messages, every reply valid Telegram HTML, no exception.

Seeded, so a failure names the message that caused it and reruns the same way.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from bot.conversation import Advisor
from bot.profiles import ProfileStore
from bot.reply import Reply
from knowledge import Knowledge
from tests.telegram_html import html_errors, telegram_length

SEED = 20261130
MESSAGES = 12_000

PIECES = [
    *("248", "2 48", "250+", "high 240s", "999", "-5", "0", "300", "301", "9" * 60, "²", "⑳", "٣", "𝟓", "½"),
    *("derm", "ortho", "IM", "psych", "PM&R", "rads", "ENT", "urology", "vs", "and", "or", "avg for"),
    *("/score", "/compare", "/faq", "/plan", "/done", "/forget", "/forget yes", "/average", "/chart", "/stats"),
    *("/pause", "/resume", "/stop", "/snooze", "/start", "/help", "/specialties", "/unknown_cmd@other_bot"),
    *("in 6 weeks", "March 3", "2027-02-30", "yesterday", "5", "weekdays", "7am", "25:99", "Mumbai", "UTC+99"),
    *("NBME 12 was 230", "UWSA2", "skip", "yes", "no", "can IMGs match", "thanks", "ugh I can't do this"),
    *("<b>", "</i>", "<a href='x'>", "&amp;", "&", "<", ">", '"', "🤡", "👋", "\u200b", "\u202e", "\x00", "\x1b[31m"),
    *("\n", " ", "?", "!!", "...", "@step2_advisor_bot", "https://example.com", "💯" * 50),
]


def message(rng: random.Random) -> str:
    """Mostly fragments students send, sometimes raw noise, now and then something huge."""
    roll = rng.random()
    if roll < 0.1:
        return "".join(chr(rng.randrange(1, 0x2FFFF)) for _ in range(rng.randrange(1, 40)))
    if roll < 0.12:
        return rng.choice(PIECES) * rng.randrange(100, 2500)
    return " ".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 8)))


HOSTILE = ["⑳" * 2200, "9" * 4000, "²" * 3000, "٣" * 3000, "\u202e" * 30 + "x" * 100, "\x00" * 500, "<b>" * 1000]
PLAN_STEPS = ["/plan", "in 6 weeks", "5", "7am", "UTC", "skip"]


def turns(rng: random.Random) -> list[str]:
    """One message, or a walk into the plan set-up that ends in something hostile."""
    if rng.random() < 0.05:
        return [*PLAN_STEPS[: rng.randrange(1, len(PLAN_STEPS))], rng.choice(HOSTILE)]
    return [message(rng)]


# thousands of messages through the real advisor and store: seconds of CPU
@pytest.mark.e2e
def test_seeded_fuzz_of_the_real_advisor(tmp_path: Path, knowledge: Knowledge) -> None:
    rng = random.Random(SEED)
    store = ProfileStore.in_dir(tmp_path)
    advisor = Advisor(knowledge, store, now=lambda: dt.datetime(2026, 12, 1, 15, tzinfo=dt.UTC))
    try:
        n = 0
        while n < MESSAGES:
            user = rng.randrange(1, 60)  # few enough users that memory and plan drafts build up
            private = rng.random() < 0.9
            for text in turns(rng):
                n += 1
                try:
                    reply = advisor.handle(user, text, private=private).reply
                except Exception as err:  # report the message that did it, not just the traceback
                    raise AssertionError(f"message {n} from user {user} raised: {text[:200]!r}") from err
                check(n, text, reply)
    finally:
        store.close()


def check(n: int, text: str, reply: Reply) -> None:
    """A reply Telegram accepts: non-empty valid HTML within the limit, buttons that fit."""
    assert reply.html.strip(), (n, text[:200])
    assert html_errors(reply.html) == [], (n, text[:200], reply.html[:300])
    assert telegram_length(reply.html) <= 4096, (n, text[:200])
    for row in reply.buttons:
        for button in row:
            assert 0 < len(button.action.encode()) <= 64
