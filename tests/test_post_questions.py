"""knowledge/post_questions.py: the labelled question sentences the answer model learns from and is measured on."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import answer_model
from bot.understand.training import answer_examples
from knowledge import Knowledge
from knowledge.post_questions import TRAINED_SETS, load_post_questions, trained_on


def test_every_label_names_an_answer_or_a_topic_the_bank_holds(knowledge: Knowledge) -> None:
    known = set(knowledge.answers) | {f"{answer_model.GENERAL}{topic}" for topic in knowledge.faq}
    unknown = {q.answer for q in load_post_questions() if q.answer is not None} - known
    assert not unknown, f"relabel these in post_questions.jsonl, or restore the answers: {sorted(unknown)}"


def test_held_out_sets_and_their_twins_are_never_learnt_from(knowledge: Knowledge) -> None:
    questions = load_post_questions()
    taught = set(answer_examples(knowledge).texts)  # what the answer model is fitted on
    held_out = {q.sentence for q in questions if q.set not in TRAINED_SETS}
    assert held_out and not held_out & taught
    learnt = {q.sentence for q in trained_on(questions)}
    assert learnt and learnt <= taught
    # a near twin of a held-out sentence ("Is 231 going to get me screened out now?" beside a held-out
    # "Is 498 going to get me screened out?") stays out too
    twins = {q.sentence for q in questions if q.set in TRAINED_SETS and q.answer is not None} - learnt
    assert twins and not twins & taught


def test_a_malformed_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "post_questions.jsonl"
    path.write_text('{"sentence": "is 240 ok?", "answer": null, "set": "ff"}\n{"sentence": "x", "set": "ff"}\n')
    with pytest.raises(ValueError, match="line 2"):
        load_post_questions(path)
