"""A structured Reply (bot/reply.py): sections rendered once, in a fixed order, and composed without editing HTML."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot import advice, talk
from bot.reply import Button, Document, Reply
from bot.understand import Parsed
from knowledge import Knowledge

FULL = Reply(
    "answer",
    feeling="feeling",
    lead=("lead",),
    numbers="numbers",
    next_step="next",
    closing="closing",
    source="source",
    notes=("note",),
)


def test_sections_render_in_the_reply_order() -> None:
    assert FULL.html == "feeling\n\nlead\n\nanswer\n\nnumbers\n\nnext\n\nclosing\nsource\n\nnote"


def test_empty_sections_leave_no_blank_lines() -> None:
    assert Reply("answer", source="source").html == "answer\n\nsource"


def test_notes_and_buttons_are_added_at_the_end_and_keep_the_file() -> None:
    document = Document("plan.ics", b"BEGIN:VCALENDAR", "text/calendar")
    reply = Reply("answer", ((Button("A", "/a"),),), document=document)
    noted = reply.noted("first").noted("second", buttons=((Button("B", "/b"),),))
    assert noted.html.endswith("first\n\nsecond")
    assert [b.action for row in noted.buttons for b in row] == ["/a", "/b"]
    assert noted.document == document


@pytest.mark.parametrize(
    ("feeling", "closing_kept"),
    [("failure", False), ("shame", False), ("panic", False), ("stress", True), ("celebration", True)],
)
def test_a_feeling_comes_first_and_a_heavy_one_drops_the_upbeat_closing(
    knowledge: Knowledge, feeling: str, closing_kept: bool
) -> None:
    spec = knowledge.specialties["orthopedic-surgery"]
    reply = advice.score_check(240, spec, knowledge)
    reply = replace(reply, closing=advice.CLOSINGS[0])
    felt = talk.with_feeling(reply, Parsed("score_check", feeling=feeling))  # type: ignore[arg-type]
    assert felt.html.startswith(talk.acknowledge(Parsed("score_check", feeling=feeling)))  # type: ignore[arg-type]
    assert (advice.CLOSINGS[0] in felt.html) is closing_kept


def test_a_button_the_reply_already_has_is_not_added_twice() -> None:
    reply = Reply("answer", ((Button("Retakes", "/faq retakes"), Button("Chart", "/chart")),))
    noted = reply.noted("You also asked about retakes.", buttons=((Button("Retakes", "/faq retakes"),),))
    assert [b.action for row in noted.buttons for b in row] == ["/faq retakes", "/chart"]
