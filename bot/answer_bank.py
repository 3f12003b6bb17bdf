"""The most specific answer for a question: matching a message against the ways each answer is asked.

`knowledge/data/answers.json` files specific answers under the FAQ topics ("do programs re-rank
on Step 2 after interviews?" under "How PDs use your score"). A message is matched against every
way of asking each answer of the topic the understanding chose (TF-IDF over words and word pairs,
cosine, best ask wins); the best must be close enough and clear of the next. An answer for other
students (an IMG answer for a DO student) or for another stage is passed over. No clear match: the
topic's general answer, which is never wrong for the topic, only less specific.

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
from knowledge.models import Answer, FaqEntry, ScoreBand, Stage
from knowledge.store import derived
from knowledge.text import normalize

AT_LEAST = 0.2
"""A message must be at least this close (cosine) to one of an answer's ways of asking."""
CLEAR_BY = 0.1
"""...and this much closer than to anything else in the topic, its own general answer included.

Chosen by leaving each way of asking out in turn (python -m benchmarks.bench_answers): with the 2,000-odd
ways of asking of early December 2026 a specific answer came for about half the held-out questions and was
the right one about nine times in ten (with the 3,858 of 2026-12-05: 49% and 93%); the rest get the topic's
general answer, never wrong for the topic, only less specific. Without the margin it answers three in four,
right 84% of the time; matching across all topics at once was right about half the time, so the bank answers
within the topic understood."""


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
    """Over every way of asking in the bank."""
    postings: dict[str, dict[str, list[tuple[int, float]]]]
    """topic -> feature -> (ask number, weight in that ask's unit vector): a message is only ever
    matched within one topic, so it only walks that topic's lists."""
    owner: tuple[str, ...]
    """ask number -> the id of the answer it asks for."""
    once: frozenset[str] = frozenset()
    """Features of only one way of asking: with that ask left out (`similarities`' `leave_out`), words the bank
    would not know."""


def general(topic: str) -> str:
    """The id the index gives a topic's own, general answer (no answer id can look like it)."""
    return f"={topic}"


def build_index(answers: Iterable[Answer], topics: Iterable[FaqEntry] = ()) -> BankIndex:
    """Index the question and every way of asking of each answer, and each topic's own title and phrasings,
    so that a general question ("what's the passing score") keeps the topic's general answer."""
    asks: list[tuple[str, str, Counter[str]]] = []
    for answer in answers:
        asks += [(answer.topic, answer.id, features(text)) for text in (answer.question, *answer.asks)]
    for entry in topics:
        asks += [(entry.topic, general(entry.topic), features(t)) for t in (entry.title, *entry.phrasings)]
    df: Counter[str] = Counter(f for _, _, feats in asks for f in feats)
    idf = {f: math.log((1 + len(asks)) / (1 + n)) + 1 for f, n in df.items()}
    postings: dict[str, dict[str, list[tuple[int, float]]]] = defaultdict(lambda: defaultdict(list))
    for number, (topic, _, feats) in enumerate(asks):
        weights = {f: (1 + math.log(c)) * idf[f] for f, c in feats.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for f, w in weights.items():
            postings[topic][f].append((number, w / norm))
    frozen = {topic: dict(lists) for topic, lists in postings.items()}
    once = frozenset(f for f, n in df.items() if n == 1)
    return BankIndex(idf, frozen, tuple(owner for _, owner, _ in asks), once)


def similarities(text: str, index: BankIndex, topic: str, leave_out: int | None = None) -> dict[str, float]:
    """Each answer of the topic (and the topic's own, `general(topic)`): its best cosine with the text
    over its ways of asking; answers sharing no feature with the text are absent. `leave_out` (an ask's
    number) is passed over, for measuring how a way of asking fares when the bank lacks it."""
    lists = index.postings.get(topic, {})
    feats = {f: c for f, c in features(text).items() if f in index.idf}
    if leave_out is not None:  # the left-out ask is `text`: words only it has are words the bank would not know
        feats = {f: c for f, c in feats.items() if f not in index.once}
    weights = {f: (1 + math.log(c)) * index.idf[f] for f, c in feats.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    per_ask: dict[int, float] = defaultdict(float)
    for f, w in weights.items():
        for number, v in lists.get(f, ()):
            per_ask[number] += w / norm * v
    if leave_out is not None:
        per_ask.pop(leave_out, None)
    best: dict[str, float] = {}
    for number, score in per_ask.items():
        owner = index.owner[number]
        if score > best.get(owner, 0.0):
            best[owner] = score
    return best


def fits(answer: Answer, stage: Stage | None, school: str | None, band: ScoreBand | None = None) -> bool:
    """Whether an answer is for this student: their school, stage and score's band (`band_of`), where known. An
    answer only for students past the exam's turning points (matched, or retaking) needs that stage said: "what
    happens if i fail ck?" is no resident-to-be's question about starting late."""
    if not _for_school(answer, school) or not in_band(answer.score_bands, band):
        return False
    if stage is None:
        return not answer.stages or not set(answer.stages) <= _SAID_STAGES_ONLY
    return not answer.stages or stage in answer.stages


AT_AVERAGE = 3
"""Points either side of a field's average within which a score is "at" it. Narrower than the comparison's "within
reach" (`advice.WITHIN_REACH`, 5 below): a 246 for IM's 250 is within reach of it, and still a below-average score
that an answer written for one fits."""


def band_of(score: int, average: int) -> ScoreBand:
    """Where a score sits against an average: a 271 is no "average Step 2" for IM's 250."""
    if score < average - AT_AVERAGE:
        return "below"
    return "above" if score > average + AT_AVERAGE else "at"


def in_band(bands: Iterable[ScoreBand], band: ScoreBand | None) -> bool:
    """Whether a score in `band` is one that text written for `bands` fits: any, where either is unknown or empty."""
    wanted = tuple(bands)
    return band is None or not wanted or band in wanted


def band_against(score: int | None, field: str | None, knowledge: Knowledge) -> ScoreBand | None:
    """The band of the student's own score against a field's lead average; None without both (or an unknown field)."""
    if score is None or field is None or field not in knowledge.specialties:
        return None
    return band_of(score, knowledge.lead(field).value)


def for_someone_else(answer: Answer, stage: Stage | None, school: str | None) -> bool:
    """An answer for another school, or only for matched students when this one hasn't said they matched: the
    looser test for a long post's other questions, where a stage read from a few words is often missing (a
    retaker's answers stay: "if I do fail, how many attempts do I get?" is anyone's question)."""
    matched_only = set(answer.stages) == {"incoming_resident"}
    # "I walked out feeling I failed" is no question for one with the exam still ahead
    after_the_exam_only = set(answer.stages) == {"waiting"} and stage in _BEFORE_THE_EXAM
    return not _for_school(answer, school) or (matched_only and stage != "incoming_resident") or after_the_exam_only


def _for_school(answer: Answer, school: str | None) -> bool:
    """Whether an answer is for this student's school (US MD, DO, IMG), where it is known."""
    return school is None or not answer.audiences or school in answer.audiences


_BEFORE_THE_EXAM: frozenset[Stage | None] = frozenset({"preclinical", "studying"})
"""Stages with the exam still ahead: an answer only for those waiting on a score is not theirs."""
_SAID_STAGES_ONLY: frozenset[Stage] = frozenset({"incoming_resident", "retaking"})
"""Stages an answer may be only for, and then only when the student's stage is known to be one of them."""


def best_answer(
    text: str,
    topic: str | None,
    knowledge: Knowledge,
    stage: Stage | None = None,
    school: str | None = None,
    band: ScoreBand | None = None,
) -> Answer | None:
    """The most specific answer in the topic that fits the student's question, else None (the topic's own).

    In a long post, its questions are tried first, each alone: the story around them would drown
    the few words that say which answer they need.
    """
    if topic is None or not knowledge.answers or not text.strip():
        return None
    asked = [q for q in _QUESTION_RE.findall(text) if len(q) >= MIN_QUESTION] if len(text) >= LONG_POST else []
    # Of the post's questions (and the whole post), the one that matches an answer most closely: the
    # first question asked is often a side one ("quick thing first: ...").
    found = [hit for candidate in (*asked, text) if (hit := _best_in(candidate, topic, knowledge, stage, school, band))]
    return max(found, key=lambda hit: hit[0])[1] if found else None


LONG_POST = 80
"""Characters from which a post's questions are matched one by one (a two-sentence message can carry one)."""
MIN_QUESTION = 15
_QUESTION_RE = re.compile(r"(?:^|(?<=[.!?\n]))[^.!?\n]*\?")
"""A sentence ending in "?". Anchored at a sentence's start: unanchored, a post without one tried
every position to the sentence's end (close to a millisecond for a long post)."""


def _best_in(
    text: str, topic: str, knowledge: Knowledge, stage: Stage | None, school: str | None, band: ScoreBand | None
) -> tuple[float, Answer] | None:
    """The clearly best answer of the topic for this text, with its closeness; None if none is clear."""
    ranked = sorted(
        ((score, ident) for ident, score in similarities(text, index_for(knowledge), topic).items()), reverse=True
    )
    if not ranked or ranked[0][1] == general(topic):
        return None  # the topic's own answer is what they asked for
    best, ident = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    answer = knowledge.answers[ident]
    if best < AT_LEAST or best - runner_up < CLEAR_BY or not fits(answer, stage, school, band):
        return None
    return best, answer


def index_for(knowledge: Knowledge) -> BankIndex:
    """The index for this Knowledge's answers, built on first use."""
    return derived(knowledge, _index_answers)


def _index_answers(knowledge: Knowledge) -> BankIndex:
    return build_index(knowledge.answers.values(), knowledge.faq.values())
