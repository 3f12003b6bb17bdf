"""The cross-file checks behind `python -m bot knowledge check`: topics against model labels, old rule sources."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.understand.classifier import load_model
from knowledge import Knowledge, load_knowledge
from knowledge.checks import predictable_topics, rule_sources, stale_rule_warnings, topic_label_problems
from tests.test_cli import run


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge()


@pytest.mark.parametrize(
    ("data", "model", "expected"),
    [
        ({"retakes", "img"}, {"retakes", "img"}, []),
        (
            {"retakes", "img", "step2_cs"},
            {"retakes", "img"},
            ["FAQ topics the model can't predict (add examples and retrain): step2_cs"],
        ),
        ({"retakes"}, {"retakes", "img"}, ["topics the model predicts that faq.json doesn't answer: img"]),
        (
            {"a"},
            {"b"},
            [
                "FAQ topics the model can't predict (add examples and retrain): a",
                "topics the model predicts that faq.json doesn't answer: b",
            ],
        ),
    ],
)
def test_topics_and_labels_must_match_both_ways(data: set[str], model: set[str], expected: list[str]) -> None:
    assert topic_label_problems(data, model) == expected


def test_the_shipped_model_predicts_exactly_the_shipped_topics(knowledge: Knowledge) -> None:
    labels = next(labels for name, labels, _ in load_model().heads if name == "label")
    assert predictable_topics(["faq:retakes", "average", "faq:img"]) == ["retakes", "img"]
    assert topic_label_problems(knowledge.faq, predictable_topics(labels)) == []
    assert len(knowledge.faq) >= 40


def test_facts_stating_rules_are_found_and_descriptions_are_not(knowledge: Knowledge) -> None:
    found = rule_sources(knowledge)
    assert "retake-spacing" in found["ecfmg-2024-ib-reexam"]  # "at most 3 times in 12 months"
    assert "attempt-limit" in found["usmle-attempt-limit"]
    assert "crisis-line-us" not in {fact for facts in found.values() for fact in facts}


def test_a_rule_source_older_than_two_years_is_warned_about(knowledge: Knowledge) -> None:
    now = stale_rule_warnings(knowledge, dt.date(2026, 12, 4))
    assert now[0].startswith("usmle-bulletin-2013-copy (published 2013-01-19) states a rule in usmle-time-limit")
    assert not any(w.startswith("ecfmg-retake-rules") for w in now)  # the rule now cites the 2024 booklet
    assert not any(w.startswith("usmle-step2-format-2026") for w in now)  # 2026: current
    back_then = stale_rule_warnings(knowledge, dt.date(2013, 6, 1))
    assert not any(w.startswith("usmle-bulletin-2013-copy") for w in back_then)  # young enough then


@pytest.mark.e2e  # the CLI as a process
def test_knowledge_check_prints_the_warnings_and_still_passes() -> None:
    result = run("knowledge", "check")
    assert result.returncode == 0, result.stderr
    assert "Warning: usmle-bulletin-2013-copy (published 2013-01-19) states a rule" in result.stdout
    assert "Understanding and answer models are up to date" in result.stdout
