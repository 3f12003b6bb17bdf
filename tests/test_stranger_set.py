"""tests/stranger/: the messages that measure understanding honestly stay loadable and unseen by training."""

from __future__ import annotations

from benchmarks.stranger import CORE_FRAMES, load_stranger
from knowledge.corpus import Corpus
from knowledge.text import normalize


def test_the_stranger_set_loads_and_covers_what_it_must() -> None:
    messages = load_stranger()
    assert len(messages) >= 400
    assert sum(m.crisis for m in messages) >= 10  # the one miss we can't afford is measured
    assert sum(m.intent in CORE_FRAMES for m in messages) >= 100
    assert sum(m.intent == "out_of_scope" for m in messages) >= 15


def test_no_stranger_message_is_among_the_training_examples(corpus: Corpus) -> None:
    # "hi", "days left?" and "tell me a joke" are bound to be written by both sides; a longer
    # message found in both was copied, and would flatter the figures.
    trained = {normalize(e.text) for e in corpus.examples}
    leaked = [m.text for m in load_stranger() if normalize(m.text) in trained and len(m.text.split()) > 5]
    assert leaked == []
