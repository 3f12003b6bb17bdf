"""knowledge/corpus.py: the labelled examples are validated, split once and for all, and counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge import load_knowledge
from knowledge.corpus import MIN_PER_LABEL, TOPICS, Corpus, CorpusError, Example, load_corpus, summary


def write(tmp_path: Path, *rows: dict[str, object], name: str = "w.jsonl") -> Path:
    (tmp_path / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({"text": "hi", "intent": "greeting", "mood": "happy"}, "mood"),
        ({"text": "hi", "intent": "greting"}, "intent"),
        ({"text": "avg?", "intent": "faq"}, "(record)"),
        ({"text": "x", "intent": "average", "topic": "img"}, "(record)"),
        ({"text": "248", "intent": "score_fit", "score": 400}, "score"),
        ({"text": "x", "intent": "faq", "topic": "made_up"}, "topic"),
        ({"text": "x", "intent": "vent", "feeling": "meh"}, "feeling"),
        ({"text": "x", "intent": "average", "also": ["faq:nope"]}, "(record)"),
        ({"text": "x", "intent": "average", "specialties": ["podiatry"]}, "specialties"),
    ],
)
def test_a_bad_example_is_named_by_file_line_and_field(tmp_path: Path, row: dict[str, object], field: str) -> None:
    write(tmp_path, {"text": "hello", "intent": "greeting"}, row)
    knowledge = load_knowledge()
    with pytest.raises(CorpusError) as err:
        load_corpus(tmp_path, specialty_ids=[*knowledge.specialties, *knowledge.other_specialties])
    assert str(err.value).startswith(f"w.jsonl, line 2, field {field}"), str(err.value)


def test_a_line_that_is_not_json_is_named(tmp_path: Path) -> None:
    (tmp_path / "w.jsonl").write_text('{"text": "hi", "intent": "greeting"}\n{oops\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"w.jsonl, line 2: not JSON"):
        load_corpus(tmp_path)


def test_the_split_depends_on_the_text_alone_and_holds_about_a_quarter(corpus: Corpus) -> None:
    again = load_corpus()
    assert [e.text for e in corpus.test] == [e.text for e in again.test]
    assert 0.2 <= len(corpus.test) / len(corpus.examples) <= 0.3
    # Case, spacing and punctuation don't move a message to the other side.
    one = Example(text="Avg for   derm??", intent="average")
    other = Example(text="avg for derm", intent="average")
    assert one.in_test == other.in_test
    assert not {e.text for e in corpus.train} & {e.text for e in corpus.test}


def test_a_long_post_is_two_sentences_and_200_characters() -> None:
    assert Example(text="a" * 120 + ". " + "b" * 100 + "?", intent="unknown").is_long
    assert not Example(text="a" * 250, intent="unknown").is_long
    assert not Example(text="Short one. Another?", intent="unknown").is_long


def test_summary_counts_every_label_and_flags_thin_ones(tmp_path: Path) -> None:
    rows = [{"text": f"hello {i}", "intent": "greeting"} for i in range(MIN_PER_LABEL)]
    rows += [{"text": "is 4 weeks enough", "intent": "faq", "topic": "study_length"}]
    lines, problems = summary(load_corpus(write(tmp_path, *rows)))
    assert "greeting 40" in lines[1] and "study_length 1" in lines[2]
    assert len(problems) == 1 and "FAQ topic study_length has 1 examples" in problems[0]
    assert "intent greeting" not in problems[0]


def test_the_shipped_corpus_covers_every_topic(corpus: Corpus) -> None:
    assert {e.topic for e in corpus.examples if e.topic} == set(TOPICS)
    assert len(corpus.examples) >= 1500
