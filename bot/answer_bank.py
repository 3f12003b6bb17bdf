"""The most specific answer for a question: matching a message against the ways each answer is asked.

`knowledge/data/answers.json` files specific answers under the FAQ topics ("do programs re-rank
on Step 2 after interviews?" under "How PDs use your score"). A message is matched against every
way of asking each answer (TF-IDF over words and word pairs, cosine, best ask wins), first within
the topic the understanding chose, then across all answers with a higher bar, so a topic misread
can still find the right answer. An answer for other students (an IMG answer for a DO student) or
for another stage is passed over. No match: the topic's general answer.

The bars were chosen on the answers' own ways of asking (leave one out), never on the stranger set.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from knowledge import Knowledge
from knowledge.models import Answer, Audience, Stage
from knowledge.store import derived
from knowledge.text import normalize

IN_TOPIC_AT = 0.30
"""A message this close to a way of asking an answer in its topic gets that answer."""
ANYWHERE_AT = 0.55
"""Outside the topic the understanding chose, the match must be this close."""

_STOP = frozenset(
    re.findall(
        r"\w+",
        "a an the i im me my to for of in on at is are was be do does did it its and or but so if with you your "
        "u ur can could should would will just really any some this that there what how",
    )
)
"""Words too common to tell one question from another (they still count inside word pairs)."""
_WORD_RE = re.compile(r"[a-z0-9]+")


def features(text: str) -> Counter[str]:
    """Words (less the commonest) and word pairs of a text."""
    words = _WORD_RE.findall(normalize(text))
    kept = [w for w in words if w not in _STOP]
    return Counter([*kept, *(f"{a} {b}" for a, b in pairwise(words))])


@dataclass(frozen=True)
class BankIndex:
    """Every way of asking as a unit vector, found through an inverted index of its features."""

    idf: dict[str, float]
    postings: dict[str, list[tuple[int, float]]]
    """feature -> (ask number, weight in that ask's unit vector)."""
    owner: tuple[str, ...]
    """ask number -> the id of the answer it asks for."""


def build_index(answers: Iterable[Answer]) -> BankIndex:
    """Index the question and every way of asking of each answer."""
    asks: list[tuple[str, Counter[str]]] = []
    for answer in answers:
        asks += [(answer.id, features(text)) for text in (answer.question, *answer.asks)]
    df: Counter[str] = Counter(f for _, feats in asks for f in feats)
    idf = {f: math.log((1 + len(asks)) / (1 + n)) + 1 for f, n in df.items()}
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for number, (_, feats) in enumerate(asks):
        weights = {f: (1 + math.log(c)) * idf[f] for f, c in feats.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for f, w in weights.items():
            postings[f].append((number, w / norm))
    return BankIndex(idf, dict(postings), tuple(owner for owner, _ in asks))


def similarities(text: str, index: BankIndex) -> dict[str, float]:
    """Each answer's best cosine with the text over its ways of asking (answers sharing nothing are absent)."""
    feats = {f: c for f, c in features(text).items() if f in index.idf}
    weights = {f: (1 + math.log(c)) * index.idf[f] for f, c in feats.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    per_ask: dict[int, float] = defaultdict(float)
    for f, w in weights.items():
        for number, v in index.postings[f]:
            per_ask[number] += w / norm * v
    best: dict[str, float] = {}
    for number, score in per_ask.items():
        owner = index.owner[number]
        if score > best.get(owner, 0.0):
            best[owner] = score
    return best


def fits(answer: Answer, stage: Stage | None, school: Audience | None) -> bool:
    """Whether an answer is for this student: their school and stage, where both are known."""
    if school is not None and answer.audiences and school not in answer.audiences:
        return False
    return stage is None or not answer.stages or stage in answer.stages


def best_answer(
    text: str, topic: str | None, knowledge: Knowledge, stage: Stage | None = None, school: Audience | None = None
) -> Answer | None:
    """The most specific answer that fits the student's question, else None (the topic's own answer)."""
    if not knowledge.answers or not text.strip():
        return None
    scores = similarities(text, index_for(knowledge))
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    for ident, score in ranked:
        answer = knowledge.answers[ident]
        bar = IN_TOPIC_AT if answer.topic == topic else ANYWHERE_AT
        if score < IN_TOPIC_AT:
            break
        if score >= bar and fits(answer, stage, school):
            return answer
    return None


def index_for(knowledge: Knowledge) -> BankIndex:
    """The index for this Knowledge's answers, built on first use."""
    return derived(knowledge, _index_answers)


def _index_answers(knowledge: Knowledge) -> BankIndex:
    return build_index(knowledge.answers.values())
