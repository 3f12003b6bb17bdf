"""bot/render.py: a reply goes out whole exactly when Telegram would take it whole."""

from __future__ import annotations

import pytest

from bot.render import TELEGRAM_TEXT_LIMIT, cut_to, split_html, telegram_length

LIMIT = TELEGRAM_TEXT_LIMIT


@pytest.mark.parametrize(
    ("html", "whole"),
    [
        ("a" * LIMIT, True),
        ("a" * (LIMIT + 1), False),
        ("😀" * (LIMIT // 2), True),  # two UTF-16 units each, as Telegram counts them
        ("😀" * (LIMIT // 2) + "a", False),
        ("&amp;" * LIMIT, True),  # five characters here, one on screen
        ("&amp;" * LIMIT + "a", False),
        ("<b>a</b>" * LIMIT, True),  # tags take no room on screen
        ("<b>a</b>" * LIMIT + "a", False),
    ],
    ids=["ascii", "ascii+1", "emoji", "emoji+1", "entities", "entities+1", "tags", "tags+1"],
)
def test_a_reply_is_split_only_past_telegrams_limit(html: str, whole: bool) -> None:
    parts = split_html(html)
    assert (parts == [html]) is whole
    assert all(telegram_length(part) <= LIMIT for part in parts)


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("a" * 10, "a" * 10),
        ("a" * 11, "a" * 9 + "…"),
        ("😀" * 5, "😀" * 5),  # exactly 10 units
        ("😀" * 6, "😀" * 4 + "…"),  # the fifth emoji would be split by the cut: it goes whole
        ("ab" + "😀" * 5, "ab" + "😀" * 3 + "…"),
    ],
)
def test_a_plain_text_is_cut_to_telegrams_count(text: str, cut: str) -> None:
    assert cut_to(text, 10) == cut
    assert len(cut_to(text, 10).encode("utf-16-le")) <= 20
