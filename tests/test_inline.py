"""bot/inline.py: an inline query's text -> articles, from the chat's own understanding and advice."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import advice
from bot.conversation import Advisor
from bot.inline import DESCRIPTION_LIMIT, MAX_RESULTS, TITLE_LIMIT, answer_inline
from bot.profiles import ProfileStore
from bot.render import TELEGRAM_TEXT_LIMIT, telegram_length
from knowledge import Knowledge
from tests.property_budget import examples
from tests.telegram_html import html_errors


@pytest.mark.parametrize(
    ("query", "ids", "start"),
    [
        ("derm", ["average:dermatology"], "inline"),
        ("248 ortho", ["score_check:248:orthopedic-surgery", "average:orthopedic-surgery"], "inline"),
        ("derm vs plastics", ["compare:dermatology:plastic-surgery"], "inline"),
        ("retakes", ["faq:retakes"], "inline"),
        ("nuclear medicine", ["none:nuclear-medicine"], "inline"),  # no figure: it says so, and posts no number
        ("nbme 230 for derm", ["faq:practice_tests", "average:dermatology"], "inline"),  # never read as Step 2
        ("qwzx plorb vrr", [], "inline"),
        ("hi", [], "inline"),
        ("how many days until my exam", [], "plan"),  # their own plan: private, the button leads there
    ],
)
def test_queries_give_these_articles(knowledge: Knowledge, query: str, ids: list[str], start: str) -> None:
    found = answer_inline(query, knowledge)
    assert [a.id for a in found.articles] == ids
    assert found.start_parameter == start and found.button


def test_an_empty_query_lists_every_average_after_the_table(knowledge: Knowledge) -> None:
    found = answer_inline("   ", knowledge)
    assert found.articles[0].html == advice.specialties_table(knowledge).html
    assert [a.id for a in found.articles[1:]] == [f"average:{s.id}" for s in knowledge.ranked_specialties()]


@pytest.mark.parametrize("query", ["248 ortho", "derm vs plastics", "avg for rads", "I got 250, what fits?"])
def test_articles_post_what_the_chat_says_to_a_new_student(
    knowledge: Knowledge, store: ProfileStore, query: str
) -> None:
    """One road in: the article is the chat's reply (for someone it knows nothing about), without buttons."""
    advisor = Advisor(knowledge, store)
    chat = advisor.handle(1, query).reply.html.split("\n\n<i>Noted:")[0]
    assert answer_inline(query, knowledge).articles[0].html == chat


@settings(max_examples=examples(150), deadline=None)
@given(st.text(max_size=256))
def test_any_query_is_answered_within_telegrams_limits(knowledge: Knowledge, query: str) -> None:
    found = answer_inline(query, knowledge)
    assert len(found.articles) <= MAX_RESULTS
    assert len({a.id for a in found.articles}) == len(found.articles)
    for article in found.articles:
        assert 1 <= len(article.id.encode()) <= 64
        assert article.title.strip() and len(article.title) <= TITLE_LIMIT
        assert len(article.description) <= DESCRIPTION_LIMIT
        assert 0 < telegram_length(article.html) <= TELEGRAM_TEXT_LIMIT
        assert html_errors(article.html) == []


def test_a_failure_inside_still_answers_and_logs_no_query_text(
    knowledge: Knowledge, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(advice, "average", broken)
    found = answer_inline("derm secret-words", knowledge)
    assert found.articles == () and found.start_parameter == "inline"
    assert "secret-words" not in caplog.text and "17-character inline query" in caplog.text
