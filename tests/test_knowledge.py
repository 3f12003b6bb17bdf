"""The knowledge store: the real data is right, and broken data is named precisely."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from knowledge import Knowledge, KnowledgeError, load_knowledge
from knowledge.store import DATA_DIR, normalize

ARTICLE = "onlinemeded-2025"

ARTICLE_AVERAGES = {
    "plastic-surgery": 257,
    "dermatology": 257,
    "otolaryngology": 257,
    "orthopedic-surgery": 256,
    "radiology": 253,
    "neurosurgery": 252,
    "general-surgery": 247,
    "emergency-medicine": 246,
    "obstetrics-gynecology": 245,
    "internal-medicine": 245,
    "neurology": 246,
    "pediatrics": 245,
    "psychiatry": 242,
    "physical-medicine-rehabilitation": 242,
    "family-medicine": 241,
}
"""Average Step 2 CK of matched applicants, as the OnlineMedEd article (May 2025) lists them."""

FAQ_TOPICS = {
    "step1_vs_step2",
    "match_with_average",
    "low_score",
    "program_directors",
    "img",
    "difficulty",
    "why_step2_matters",
    "beyond_scores",
    "study_strategies",
    "timing",
    "passing_score",
    "score_release",
    "retakes",
    "exam_format",
    "overall_average",
}

FACT_IDS = {
    "score-scale",
    "step1-pass-fail",
    "step2-passing-score",
    "score-release",
    "attempt-limit",
    "exam-format-2026",
    "matched-average-2024",
    "nrmp-caution",
    "averages-not-minimums",
    "holistic-review",
}

TIP_STRATEGIES = {"active_learning", "targeted_plan", "weak_areas", "case_based", "rest", "timing"}

SOURCED_NUMBERS: dict[str, set[int]] = {
    ARTICLE: {*ARTICLE_AVERAGES.values(), 2025},
    "usmle-score-interpretation": {1, 300},
    "usmle-step1-pass-fail": {26, 2022},
    "step2-passing-score-reports": {214, 218, 1, 2022, 2025},
    "usmle-scores": {3, 4, 8},
    "usmle-attempt-limit": {4},
    "usmle-step2-format-2026": {7, 2026, 16, 30},
    "ama-step2-decoded-2025": {250, 2024, 25, 2025},
    "nrmp-charting-outcomes": set(),
    "988-lifeline": {988},
}
"""Every number each source states (the articles in ../shared/sources): text may quote only these."""

EXAM_NAME = re.compile(r"\bstep\s*[12]\b|\bs[12]ck\b", re.IGNORECASE)


def unsourced_numbers(text: str, sources: list[str]) -> set[int]:
    """Numbers in `text` that none of `sources` states; exam names like "Step 2" don't count."""
    allowed = set().union(*(SOURCED_NUMBERS.get(s, set()) for s in sources))
    return {int(n) for n in re.findall(r"\d+", EXAM_NAME.sub(" ", text))} - allowed


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge()


# --- the real data ------------------------------------------------------------------------


def test_real_data_loads(knowledge: Knowledge) -> None:
    assert set(knowledge.faq) == FAQ_TOPICS
    assert set(knowledge.facts) >= FACT_IDS
    assert knowledge.tips


def test_specialty_averages_are_the_articles(knowledge: Knowledge) -> None:
    averages = {s.id: s.average_step2 for s in knowledge.specialties.values()}
    assert averages == ARTICLE_AVERAGES
    assert {s.source for s in knowledge.specialties.values()} == {ARTICLE}


def test_every_number_in_an_answer_or_fact_is_sourced(knowledge: Knowledge) -> None:
    texts = [(f"faq {e.topic}", e.answer, e.sources) for e in knowledge.faq.values()]
    texts += [(f"fact {f.id}", f.text, [f.source]) for f in knowledge.facts.values()]
    assert set(SOURCED_NUMBERS) == set(knowledge.sources), "add the new source's numbers above"
    unsourced = {name: bad for name, text, srcs in texts if (bad := unsourced_numbers(text, srcs))}
    assert unsourced == {}


@pytest.mark.parametrize(
    ("text", "sources", "expected"),
    [
        ("Matched seniors averaged 250 on Step 2 CK.", ["ama-step2-decoded-2025"], set()),
        ("Matched seniors averaged 250 on Step 2 CK.", [ARTICLE], {250}),
        ("Derm averages about 260.", [ARTICLE], {260}),
        ("Step 1 is pass/fail; s2ck is scored 1-300.", ["usmle-score-interpretation"], set()),
    ],
)
def test_unsourced_numbers_catches_invented_figures(text: str, sources: list[str], expected: set[int]) -> None:
    assert unsourced_numbers(text, sources) == expected


def test_faq_answers_are_plain_text_and_phone_sized(knowledge: Knowledge) -> None:
    for entry in knowledge.faq.values():
        assert not re.search(r"<[a-z/]|&[a-z]+;", entry.answer), entry.topic
        assert 250 <= len(entry.answer) <= 800, entry.topic
        assert "\n\n" in entry.answer, entry.topic
        assert entry.topic not in entry.related, entry.topic
        assert 2 <= len(entry.related) <= 3, entry.topic
        assert 8 <= len(entry.phrasings) <= 15, entry.topic


def test_no_phrasing_belongs_to_two_topics(knowledge: Knowledge) -> None:
    owners: dict[str, set[str]] = {}
    for entry in knowledge.faq.values():
        for phrasing in [entry.title, *entry.phrasings]:
            owners.setdefault(normalize(phrasing), set()).add(entry.topic)
    assert {p: t for p, t in owners.items() if len(t) > 1} == {}


def test_pass_mark_points_to_usmle(knowledge: Knowledge) -> None:
    answer = knowledge.faq["passing_score"].answer
    assert "secondary reports" in answer.lower()
    assert "usmle.org" in answer


def test_tips_cover_every_strategy(knowledge: Knowledge) -> None:
    per_strategy: dict[str, int] = {}
    for tip in knowledge.tips:
        per_strategy[tip.strategy] = per_strategy.get(tip.strategy, 0) + 1
        assert tip.source == ARTICLE, tip.id
        assert len(tip.text) <= 200, tip.id
    assert set(per_strategy) == TIP_STRATEGIES
    assert all(4 <= n <= 6 for n in per_strategy.values()), per_strategy


# --- broken data ----------------------------------------------------------------------------

Table = dict[str, Any]
"""One file's table: record id -> record (or, once broken, anything)."""


def edit(name: str, change: Callable[[Table], object]) -> Callable[[Path], None]:
    """A breaker that loads `name`.json's table, lets `change` alter it, and saves it."""

    def breaker(data_dir: Path) -> None:
        path = data_dir / f"{name}.json"
        raw = json.loads(path.read_text(encoding="utf-8"))
        change(raw[name])
        path.write_text(json.dumps(raw), encoding="utf-8")

    return breaker


def write(name: str, content: str) -> Callable[[Path], None]:
    """A breaker that replaces `name`.json with `content`."""

    def breaker(data_dir: Path) -> None:
        (data_dir / f"{name}.json").write_text(content, encoding="utf-8")

    return breaker


def remove(name: str) -> Callable[[Path], None]:
    """A breaker that deletes `name`.json."""

    def breaker(data_dir: Path) -> None:
        (data_dir / f"{name}.json").unlink()

    return breaker


BROKEN: list[tuple[str, Callable[[Path], None], str]] = [
    (
        "invalid JSON",
        write("faq", '{"faq": {"1": {"topic": "img",}}}'),
        r"^faq\.json: not valid JSON at line 1, column \d+",
    ),
    ("missing file", remove("tips"), r"^tips\.json: file is missing$"),
    (
        "missing table",
        write("facts", '{"fact": {}}'),
        r'^facts\.json: expected a table named "facts" at the top$',
    ),
    (
        "score above 300",
        edit("specialties", lambda t: t["1"].update(average_step2=301)),
        r'^specialties\.json, record 1 \("plastic-surgery"\), field average_step2: .*300',
    ),
    (
        "unknown field",
        edit("faq", lambda t: t["2"].update(answr="typo")),
        r'^faq\.json, record 2 \("match_with_average"\), field answr: Extra inputs',
    ),
    (
        "missing required field",
        edit("facts", lambda t: t["1"].pop("as_of")),
        r'^facts\.json, record 1 \("score-scale"\), field as_of: Field required',
    ),
    (
        "fact value the text doesn't state",
        edit("facts", lambda t: t["3"].update(value=220)),
        r'^facts\.json, record 3 \("step2-passing-score"\), field value: .*220 does not appear',
    ),
    (
        "too few phrasings",
        edit("faq", lambda t: t["3"].update(phrasings=["low score", "bad score"])),
        r'^faq\.json, record 3 \("low_score"\), field phrasings: .*at least 3',
    ),
    (
        "title too long for a button",
        edit("faq", lambda t: t["1"].update(title="Step 1 versus Step 2, compared")),
        r'^faq\.json, record 1 \("step1_vs_step2"\), field title: .*at most 28',
    ),
    (
        "record that is not an object",
        edit("tips", lambda t: t.update({"2": "Do questions"})),
        r"^tips\.json, record 2: expected an object$",
    ),
    (
        "unknown source id",
        edit("tips", lambda t: t["1"].update(source="onlinemeded-2024")),
        r'^tips\.json, "active-1", field source: unknown id "onlinemeded-2024"$',
    ),
    (
        "unknown FAQ source",
        edit("faq", lambda t: t["1"]["sources"].append("usmle-2099")),
        r'^faq\.json, "step1_vs_step2", field sources: unknown id "usmle-2099"$',
    ),
    (
        "related topic that does not exist",
        edit("faq", lambda t: t["1"].update(related=["step3"])),
        r'^faq\.json, "step1_vs_step2", field related: unknown id "step3"$',
    ),
    (
        "topic related to itself",
        edit("faq", lambda t: t["1"].update(related=["step1_vs_step2"])),
        r'^faq\.json, "step1_vs_step2", field related: lists itself or a topic twice$',
    ),
    (
        "one phrasing asking two topics",
        edit("faq", lambda t: t["2"]["phrasings"].append(t["1"]["phrasings"][0])),
        r'^faq\.json, "match_with_average", field phrasings: ".+" also asks "step1_vs_step2"$',
    ),
    (
        "duplicate id",
        edit("facts", lambda t: t["2"].update(id="score-scale")),
        r'^facts\.json, records 1 and 2: id "score-scale" appears twice$',
    ),
    (
        "duplicate FAQ topic",
        edit("faq", lambda t: t["2"].update(topic="step1_vs_step2")),
        r'^faq\.json, records 1 and 2: topic "step1_vs_step2" appears twice$',
    ),
    (
        "alias clash between two specialties",
        edit("specialties", lambda t: t["1"]["aliases"].append("Derm")),
        r'^specialties\.json, "dermatology", field aliases: "derm" also names "plastic-surgery"$',
    ),
    (
        "other specialty claims a specialty's alias",
        edit("other_specialties", lambda t: t["1"]["aliases"].append("ENT")),
        r'^other_specialties\.json, "anesthesiology", field aliases: "ENT" also names '
        r'"otolaryngology"$',
    ),
    (
        "no tips at all",
        write("tips", '{"tips": {}}'),
        r"^tips\.json: holds no tip$",
    ),
]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A private copy of the real knowledge files, safe to break."""
    return Path(shutil.copytree(DATA_DIR, tmp_path / "data"))


def test_copy_of_real_data_loads(data_dir: Path) -> None:
    assert set(load_knowledge(data_dir).faq) == FAQ_TOPICS


@pytest.mark.parametrize(("breaker", "message"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_data_is_named(data_dir: Path, breaker: Callable[[Path], None], message: str) -> None:
    breaker(data_dir)
    with pytest.raises(KnowledgeError, match=message):
        load_knowledge(data_dir)
