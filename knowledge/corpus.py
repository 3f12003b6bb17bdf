"""The labelled understanding corpus: `knowledge/examples/*.jsonl`, one example per line.

Validated like every other knowledge file (unknown keys are errors), split into train and test
by a stable hash of the normalised text, and fingerprinted so a trained model can tell whether
it was trained on the data beside it. The field meanings are in the README's corpus section.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator, model_validator

from knowledge.text import normalize
from knowledge.topics import shipped_topics

EXAMPLES_DIR = Path(__file__).parent / "examples"

IntentName = Literal[
    "average",
    "score_check",
    "score_fit",
    "compare",
    "faq",
    "study_plan",
    "greeting",
    "help",
    "smalltalk",
    "invalid_score",
    "unknown",
    "thanks",
    "insult",
    "my_score",
    "practice_score",
    "exam_moved",
    "log_progress",
    "days_left",
    "plan_break",
    "vent",
]
# The labels the examples carry, declared once: bot.understand reads messages into these same types.
FeelingName = Literal["stress", "panic", "failure", "shame", "exhaustion", "celebration", "hopeless"]
SchoolName = Literal["us_md", "do", "img"]
StatusName = Literal["taken", "passed", "failed"]
PracticeExam = Literal["nbme", "uwsa", "cms", "free120"]

INTENTS: tuple[str, ...] = get_args(IntentName)
TOPICS: tuple[str, ...] = shipped_topics()
"""The FAQ topics, as knowledge/data/faq.json names them (see `knowledge.topics`)."""
FEELINGS: tuple[str, ...] = ("none", *get_args(FeelingName))

MIN_PER_LABEL = 40
"""Every intent and every FAQ topic needs at least this many examples."""
TEST_SHARE = 25
"""Percent of examples held out for testing, chosen by a hash of the text, never trained on."""
LONG_CHARS = 200


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Practice(_Strict):
    """One practice-test result: the exam, maybe its form, and a 3-digit or percent score."""

    exam: PracticeExam
    form: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z]{1,3}$")] | None = None
    score: int | None = Field(default=None, ge=1, le=300)
    percent: int | None = Field(default=None, ge=0, le=100)


class Example(_Strict):
    """One labelled message."""

    text: Annotated[str, StringConstraints(min_length=1, max_length=4000)]
    intent: IntentName
    topic: str | None = None
    """One of `TOPICS` when the intent is "faq"."""
    score: int | None = Field(default=None, ge=1, le=300)
    own: bool | None = None
    range: tuple[int, int] | None = None
    bad_score: int | None = None
    practice: list[Practice] = []
    step1: int | None = Field(default=None, ge=1, le=300)
    comlex: int | None = Field(default=None, ge=1, le=999)
    specialties: list[str] = []
    feeling: FeelingName | None = None
    school: SchoolName | None = None
    status: StatusName | None = None
    exam_date: bool | None = None
    also: list[str] = []

    @field_validator("topic")
    @classmethod
    def _a_topic_of_the_data(cls, topic: str | None) -> str | None:
        if topic is not None and topic not in TOPICS:
            raise ValueError(f"{topic!r} is not a topic of faq.json")
        return topic

    @model_validator(mode="after")
    def _consistent(self) -> Example:
        if (self.intent == "faq") != (self.topic is not None):
            raise ValueError("topic is present exactly when intent is faq")
        if self.range is not None and (self.score is not None or self.range[0] > self.range[1]):
            raise ValueError("range is [low, high] and comes without a score")
        for ask in self.also:
            name, _, topic = ask.partition(":")
            if name not in INTENTS or (topic and topic not in TOPICS) or (name == "faq") != bool(topic):
                raise ValueError(f"also: {ask!r} is not an intent name or faq:<topic>")
        return self

    @property
    def is_long(self) -> bool:
        """A forum-style post: 200+ characters and two or more sentences."""
        return len(self.text) >= LONG_CHARS and _sentences(self.text) >= 2

    @property
    def feeling_label(self) -> str:
        """The feeling, with "none" for none (the classifier's label)."""
        return self.feeling or "none"

    @property
    def in_test(self) -> bool:
        """Held out for testing: decided by the normalised text alone, so it never moves."""
        digest = hashlib.sha256(normalize(self.text).encode()).digest()
        return int.from_bytes(digest[:4], "big") % 100 < TEST_SHARE


def _sentences(text: str) -> int:
    import re

    return len([s for s in re.split(r"(?<=[.!?])\s+|\n+", text.strip()) if s.strip()])


class CorpusError(ValueError):
    """An example file is invalid; the message names the file, the line and the field."""


@dataclass(frozen=True)
class Corpus:
    """Every example, in file order, and the fingerprint of the files they came from."""

    examples: tuple[Example, ...]
    digest: str

    @property
    def train(self) -> list[Example]:
        """The examples a model may learn from."""
        return [e for e in self.examples if not e.in_test]

    @property
    def test(self) -> list[Example]:
        """The held-out examples, for measuring only."""
        return [e for e in self.examples if e.in_test]


def files(directory: Path = EXAMPLES_DIR) -> list[Path]:
    """The example files, in name order (the order fixes the fingerprint)."""
    return sorted(directory.glob("*.jsonl"))


def fingerprint(paths: Iterable[Path], extra: bytes = b"") -> str:
    """sha256 over the files' names and bytes, and whatever else the model learns from."""
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(extra)
    return h.hexdigest()


def load_corpus(directory: Path = EXAMPLES_DIR, specialty_ids: Sequence[str] = ()) -> Corpus:
    """Read and validate every example; a mistake raises CorpusError naming file and line."""
    paths = files(directory)
    examples: list[Example] = []
    known = set(specialty_ids)
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}, line {number}"
            try:
                example = Example.model_validate(json.loads(line))
            except json.JSONDecodeError as err:
                raise CorpusError(f"{where}: not JSON ({err.msg})") from None
            except ValidationError as err:
                first = err.errors()[0]
                field = ".".join(str(p) for p in first["loc"]) or "(record)"
                reason = str(first["msg"]).removeprefix("Value error, ")
                raise CorpusError(f"{where}, field {field}: {reason}") from None
            unknown = [s for s in example.specialties if known and s not in known]
            if unknown:
                raise CorpusError(f"{where}, field specialties: unknown specialty id {unknown[0]!r}")
            examples.append(example)
    return Corpus(tuple(examples), fingerprint(paths))


def summary(corpus: Corpus) -> tuple[list[str], list[str]]:
    """Lines describing the corpus, and the problems that make `knowledge check` fail."""
    ex = corpus.examples
    intents: Counter[str] = Counter(e.intent for e in ex)
    topics: Counter[str] = Counter(e.topic for e in ex if e.topic)
    feelings = Counter(e.feeling_label for e in ex)
    long = sum(e.is_long for e in ex)
    lines = [
        f"Examples: {len(ex)} ({len(corpus.train)} train, {len(corpus.test)} test); "
        f"long posts {long} ({100 * long / max(len(ex), 1):.0f}%), {sum(e.is_long for e in corpus.test)} in test.",
        "Intents: " + ", ".join(f"{name} {intents[name]}" for name in INTENTS),
        "FAQ topics: " + ", ".join(f"{name} {topics[name]}" for name in TOPICS),
        "Feelings: " + ", ".join(f"{name} {feelings[name]}" for name in FEELINGS),
    ]
    problems = [f"intent {n} has {intents[n]} examples" for n in INTENTS if intents[n] < MIN_PER_LABEL]
    problems += [f"FAQ topic {n} has {topics[n]} examples" for n in TOPICS if topics[n] < MIN_PER_LABEL]
    if problems:
        problems = [f"fewer than {MIN_PER_LABEL} examples: " + "; ".join(problems)]
    return lines, problems
