"""Inline mode through the real bot process: "@bot derm" typed in a group chat.

The queries go to `python -m bot run` as Telegram sends them (inline_query updates, polled from
the loopback Bot API), and the answers are checked as Telegram would check them (api.json,
plus its limits on results), then read as a student picking one would.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.plans.model import Plan
from bot.profiles import ProfileStore
from bot.student import Profile
from knowledge import load_knowledge
from tests.bot_process import BotProcess
from tests.fake_bot_api import Call, FakeBotApi
from tests.telegram_html import visible_text

pytestmark = pytest.mark.e2e  # every test here runs the bot as a process

users = itertools.count(5001)
REMEMBERED = 4242
"""A student the store remembers: score 231, derm and a study plan."""
NONSENSE = "qwzx plorb vrr"
LONGEST = ("derm vs plastics vs ent, and what about a 248 for ortho? " * 5)[:256]


@pytest.fixture(scope="module")
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as server:
        yield server
    assert server.violations == [], server.dump()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("data")
    store = ProfileStore.in_dir(path)
    today = dt.datetime.now(dt.UTC).date()
    plan = Plan(
        exam_date=today + dt.timedelta(days=50),
        study_days=5,
        nudge_time=dt.time(23, 59),
        tz="UTC",
        created=today,
        target_specialty="dermatology",
    )
    store.save(Profile(REMEMBERED, score=231, specialties=("dermatology",), plan=plan))
    store.close()
    return path


@pytest.fixture(scope="module")
def bot(api: FakeBotApi, data_dir: Path) -> Iterator[BotProcess]:
    process = BotProcess(api, data_dir).start()
    yield process
    log = process.stop()
    assert api.token not in log


def results(call: Call) -> list[dict[str, Any]]:
    value = call.params["results"]
    assert isinstance(value, list)
    return value


def posted(result: dict[str, Any]) -> str:
    """What the chat shows once the student picks a result."""
    content = result["input_message_content"]
    assert content["parse_mode"].lower() == "html"
    return visible_text(content["message_text"])


def test_every_query_is_answered_within_telegrams_rules(bot: BotProcess, api: FakeBotApi) -> None:
    for query in ("derm", "248 ortho", "derm vs plastics", "retakes", "", NONSENSE, LONGEST):
        answer = bot.inline(next(users), query)
        assert answer.ok, (query, answer.description)
        found = results(answer)
        assert len(found) <= 50
        assert len({r["id"] for r in found}) == len(found)
        assert all(1 <= len(r["id"].encode()) <= 64 and r["title"].strip() for r in found)
        # The cache is shared between users on purpose: results depend on the query alone.
        assert answer.params["cache_time"] == 3600 and answer.params["is_personal"] is False
        assert answer.params["button"]["start_parameter"]
    assert api.violations == []


KNOWLEDGE = load_knowledge()
DERM, ORTHO = KNOWLEDGE.lead("dermatology"), KNOWLEDGE.lead("orthopedic-surgery")
"""The figures each reply leads with, so the cases follow the data when it is refreshed."""


@pytest.mark.parametrize(
    ("query", "title", "shown"),
    [
        ("derm", f"Dermatology: average {DERM.value}", [str(DERM.value), KNOWLEDGE.cite(DERM.source)]),
        (
            "248 ortho",
            f"248 vs the Ortho average ({ORTHO.value})",
            [f"Your 248 is {ORTHO.value - 248} points below", KNOWLEDGE.cite(ORTHO.source)],
        ),
        (
            "derm vs plastics",
            "Derm vs Plastics: averages side by side",
            ["Dermatology", "Plastic Surgery", str(DERM.value)],
        ),
        ("retakes", "Retakes and attempt limit", ["At most 4 attempts", "Sources: USMLE"]),
    ],
)
def test_articles_carry_the_sourced_figures(bot: BotProcess, query: str, title: str, shown: list[str]) -> None:
    first = results(bot.inline(next(users), query))[0]
    assert first["title"] == title
    assert first["description"]  # says what will be posted
    text = posted(first)
    assert all(s in text for s in shown), text
    assert "reply_markup" not in first  # buttons would act in the group, for whoever pressed them


def test_empty_query_lists_the_averages_and_opens_the_private_chat(bot: BotProcess) -> None:
    answer = bot.inline(next(users), "")
    found = results(answer)
    knowledge = load_knowledge()
    assert found[0]["title"] == "All averages, highest first"
    assert len(found) == 1 + len(knowledge.specialties)
    top = knowledge.ranked_specialties()[0]
    assert found[1]["title"] == f"{top.name}: average {knowledge.lead(top.id).value}"
    assert answer.params["button"] == {"text": "Ask me in a private chat", "start_parameter": "inline"}


@pytest.mark.parametrize("query", [NONSENSE, LONGEST, "how many days until my exam"])
def test_odd_queries_get_an_answer_without_an_error(bot: BotProcess, query: str) -> None:
    answer = bot.inline(next(users), query)
    assert answer.ok
    assert answer.params["button"]["text"]
    if query == NONSENSE:
        assert results(answer) == []
    if "my exam" in query:  # their own plan is private: the button leads to it
        assert answer.params["button"]["start_parameter"] == "plan"


def test_inline_never_reads_or_writes_the_store(bot: BotProcess, data_dir: Path) -> None:
    # A private message marks the student as seen today (their nudges stay daily): that write comes first.
    bot.say(REMEMBERED, "/help")
    before = {p.name: p.read_bytes() for p in data_dir.glob("profiles.json*")}
    for query in ("derm", "what about my score", "ortho", "I got 262, good for derm?", "my exam got moved to feb 22"):
        for result in results(bot.inline(REMEMBERED, query)):
            text = posted(result)
            assert "231" not in text, text  # the remembered score never reaches a group
            assert "from earlier" not in text
    ortho = results(bot.inline(REMEMBERED, "ortho"))[0]
    assert "Tell me your score" in posted(ortho)  # as to a stranger: no remembered score beside it
    bot.say(REMEMBERED, "/help")  # the same user's updates run in order: every query is done
    assert {p.name: p.read_bytes() for p in data_dir.glob("profiles.json*")} == before


def test_the_private_chat_button_starts_sensibly(bot: BotProcess) -> None:
    [welcome] = bot.say(next(users), "/start inline")
    assert "type my username and a question" in visible_text(welcome.text or "")
    [plan] = bot.say(next(users), "/start plan")
    assert "study plan" in visible_text(plan.text or "")
    assert "exam" in visible_text(plan.text or "").lower()
