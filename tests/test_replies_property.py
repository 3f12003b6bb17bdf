"""Whatever a student types, the reply is valid Telegram HTML within the limit."""

from __future__ import annotations

import itertools
from html import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.conversation import Advisor
from bot.profiles import ProfileStore
from bot.render import split_html
from knowledge import Knowledge
from tests.property_budget import examples
from tests.telegram_html import html_errors, telegram_length, visible_text

# Fragments students really send, so generated text hits the interesting paths
# (scores, specialties, commands, HTML, emoji) far more often than pure noise would.
FRAGMENTS = st.sampled_from(
    [
        "248",
        "2 48",
        "high 240s",
        "250+",
        "999",
        "-5",
        "derm",
        "ortho",
        "IM",
        "psych",
        "PM&R",
        "vs",
        "<b>",
        "</i>",
        "&amp;",
        "&",
        "<",
        ">",
        '"',
        "🤡",
        "\u200b",
        "/score",
        "/compare",
        "/faq",
        "/plan",
        "/done",
        "/forget",
        "in 6 weeks",
        "March 3",
        "NBME",
        "can IMGs match",
        "avg for",
        "?",
        "\n",
        " ",
    ]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(st.one_of(FRAGMENTS, st.text(max_size=5)), max_size=25).map("".join))
users = itertools.count(1)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_any_text_gets_a_valid_reply(text: str, knowledge: Knowledge, store: ProfileStore) -> None:
    advisor = Advisor(knowledge, store)
    reply = advisor.handle(next(users) % 7, text).reply  # a few users, so memory and drafts build up
    assert reply.html.strip()
    assert html_errors(reply.html) == []
    assert telegram_length(reply.html) <= 4096
    for row in reply.buttons:
        for button in row:
            assert 0 < len(button.action.encode()) <= 64


@given(text=st.text(min_size=1, max_size=20_000))
def test_long_html_is_split_into_valid_messages(text: str) -> None:
    html = "<b>Title</b>\n" + escape(text, quote=False)
    parts = split_html(html)
    # Nothing is lost: only the line breaks the split happened at may go.
    assert "".join(visible_text(p) for p in parts).replace("\n", "") == visible_text(html).replace("\n", "")
    for part in parts:
        assert html_errors(part) == []
        assert 0 < telegram_length(part) <= 4096
