"""Checks that keep the knowledge current and consistent, run by `python -m bot knowledge check`.

Validation (knowledge/models.py) proves each record is well formed; these look across files: that the FAQ
topics in the data are exactly the topics the understanding model can predict, and which sources that state
a rule are old enough to re-read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable

from knowledge.store import Knowledge
from knowledge.topics import NAMED_IN_CODE

STALE_AFTER_DAYS = 2 * 365
"""A source that states a rule is worth re-reading once it is older than about two years."""

RULE_WORDS = re.compile(
    r"\b(?:must|can't|cannot|can no longer|not let|at most|no more than|at least|limit|requires?|allow(?:s|ed)?|"
    r"only|ineligible|eligib\w*|deadline)\b",
    re.IGNORECASE,
)
"""Words that make a sentence a rule (what you must, may or can't do), not a description or a figure."""


def topic_label_problems(faq_topics: Iterable[str], model_topics: Iterable[str]) -> list[str]:
    """What is wrong between the FAQ topics in the data and the topic labels the model can predict.

    A topic with an answer but no label is unreachable (no message is ever routed to it); a label with no
    answer is a prediction the bot can't answer. Either way `knowledge check` fails.
    """
    data, model = set(faq_topics), set(model_topics)
    problems = []
    if unreachable := sorted(data - model):
        problems.append("FAQ topics the model can't predict (add examples and retrain): " + ", ".join(unreachable))
    if unanswered := sorted(model - data):
        problems.append("topics the model predicts that faq.json doesn't answer: " + ", ".join(unanswered))
    return problems


def named_topic_problems(faq_topics: Iterable[str]) -> list[str]:
    """Topics the code names (`knowledge.topics.NAMED_IN_CODE`) that a knowledge folder doesn't answer."""
    missing = sorted(set(NAMED_IN_CODE) - set(faq_topics))
    return ["FAQ topics the code names that faq.json doesn't answer: " + ", ".join(missing)] if missing else []


def predictable_topics(labels: Iterable[str]) -> list[str]:
    """The FAQ topics among a model's labels ("faq:<topic>" is how the model names a topic)."""
    return [label.removeprefix("faq:") for label in labels if label.startswith("faq:")]


def rule_sources(knowledge: Knowledge) -> dict[str, list[str]]:
    """Source id -> ids of the facts citing it whose text states a rule."""
    found: dict[str, list[str]] = {}
    for fact in knowledge.facts.values():
        if RULE_WORDS.search(fact.text):
            found.setdefault(fact.source, []).append(fact.id)
    return found


def stale_rule_warnings(knowledge: Knowledge, today: dt.date, ignore: Collection[str] = ()) -> list[str]:
    """One warning per dated source older than two years that a fact cites for a rule, oldest first."""
    warnings = []
    for source_id, fact_ids in rule_sources(knowledge).items():
        published = knowledge.sources[source_id].published
        if source_id in ignore or published is None or (today - published).days <= STALE_AFTER_DAYS:
            continue
        warnings.append(
            (
                published,
                f"{source_id} (published {published.isoformat()}) states a rule in "
                f"{', '.join(sorted(fact_ids))}: re-read it or find a newer primary page",
            )
        )
    return [text for _, text in sorted(warnings)]
