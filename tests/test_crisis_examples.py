"""knowledge/crisis_examples.py: the labelled messages the crisis head learns from, and the head they teach."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.understand import CRISIS_AT, model, sounds_hopeless, understand
from bot.understand.vectors import predict
from knowledge import Knowledge
from knowledge.corpus import load_corpus
from knowledge.crisis_examples import load_crisis_examples

TESTS = Path(__file__).parent
MEASURED_ON = [
    *sorted((TESTS / "fresh").glob("crisis_*.jsonl")),
    *sorted((TESTS / "stranger").glob("*.jsonl")),
    TESTS / "care_cases.jsonl",
]
"""The sets the crisis reading is measured or checked on: none of their messages may be learned from."""


def test_every_file_validates_and_both_labels_are_taught() -> None:
    examples = load_crisis_examples()
    crises = sum(e.crisis for e in examples)
    assert crises >= 500 and len(examples) - crises >= 500
    assert len({e.text for e in examples}) == len(examples), "a message is written twice"


def test_a_copy_without_the_files_refuses_to_train_on_the_corpus_alone(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no crisis examples"):
        load_crisis_examples(tmp_path)


def test_a_bad_label_names_its_file_and_line(tmp_path: Path) -> None:
    good = {"text": "kms fr", "label": "crisis", "why": "slang", "lang": "en"}
    (tmp_path / "x.jsonl").write_text(json.dumps(good) + "\n" + json.dumps({**good, "label": "maybe"}) + "\n")
    with pytest.raises(ValueError, match=r"x\.jsonl line 2"):
        load_crisis_examples(tmp_path)


def _key(text: str) -> str:
    return " ".join(text.casefold().split())  # not `normalize`, which leaves little of a message in another script


def test_no_message_the_crisis_reading_is_measured_on_is_learned_from() -> None:
    learned = {_key(e.text) for e in load_crisis_examples()}
    for path in MEASURED_ON:
        said = {_key(json.loads(line)["text"]) for line in path.read_text(encoding="utf-8").splitlines() if line}
        assert not learned & said, f"{path.name} shares messages with knowledge/crisis/"
    held_out = {_key(e.text) for e in load_corpus().test}  # the split the bars were checked against
    assert not learned & held_out, "the corpus's test split shares messages with knowledge/crisis/"


@pytest.mark.parametrize(
    "text",
    [
        # written for this test, in words no phrase rule knows: the head hears them
        "found a good home for my cat and wrote everyone letters. it feels calm now",
        "i keep thinking the world would be lighter without me in it",
        "the bottle is on my nightstand and i'm just sitting here looking at it",
    ],
)
def test_the_crisis_head_hears_a_crisis_no_rule_knows(text: str, knowledge: Knowledge) -> None:
    assert not sounds_hopeless(text), "a rule catches this now: pick a message only the head hears"
    assert predict(model(), text).crisis >= CRISIS_AT
    assert understand(text, knowledge).feeling == "hopeless"


@pytest.mark.parametrize(
    "text",
    [
        "packed the dog food and vet papers in a bag for my brother, studying renal tonight",
        "counting the steps to the roof deck party tonight lol",
        "there is no after ck for me, just straight into sub-i",
        "the bottle of wine is on my nightstand, celebrating tonight",  # the head's bar without distress words
        "that was the longest 9 hours of my life",  # a superlative of their life, set aside
        "passed ck 🎉 my uworld notes are free to whoever wants them, won't be needing them",  # a pass told
    ],
)
def test_their_everyday_look_alikes_get_no_hotline(text: str, knowledge: Knowledge) -> None:
    assert understand(text, knowledge).feeling != "hopeless"
