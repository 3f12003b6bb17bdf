"""Question sentences from our development long posts, each labelled with the bank's answer that answers it.

`knowledge/post_questions.jsonl`, one sentence per line: `sentence`; `answer`, the id of the answer in
`data/answers.json` that really answers it, "=<topic>" for a topic's general answer, or null when the bank
holds none; `set`, the development set of posts it came from. The posts were written by helpers for our own
development (never the stranger set, `tests/stranger/`), and each sentence labelled by another helper.

Sets ff to kk and rr to uu (written 2026-12-06, long posts only) teach the answer model
(bot/understand/training.py): real questions as students put them inside long posts, which the answers' own tidy
ways of asking don't teach. Sets ll to qq, and ac and ad (written later the same day: medium posts of 120 to 200
characters, and long ones), are held out, and only measured (`benchmarks/bench_answers.py`). Teaching the model ac
and ad too was tried: on ll to qq it answered 36% right and 10% wrong against 34% and 9%, and two answers our tests
pin down fell under the bar, so they stay held out.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process

from knowledge.models import read_jsonl
from knowledge.text import normalize

POST_QUESTIONS_FILE = Path(__file__).with_name("post_questions.jsonl")
TRAINED_SETS = frozenset({"ff", "gg", "hh", "ii", "jj", "kk", "rr", "ss", "tt", "uu"})
"""The development sets whose labelled sentences the answer model learns from; the others are held out."""


class PostQuestion(BaseModel):
    """One question sentence of a development long post, with the answer that answers it (None: none does)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    sentence: str = Field(min_length=1)
    answer: str | None
    set: str = Field(pattern=r"^[a-z]{2}$")


def load_post_questions(path: Path = POST_QUESTIONS_FILE) -> list[PostQuestion]:
    """Every labelled sentence, validated (an unknown key or a missing field is an error naming the line)."""
    return read_jsonl(path, PostQuestion)


def trained_on(questions: list[PostQuestion]) -> list[PostQuestion]:
    """The labelled sentences the answer model learns from: the trained sets' sentences that have an answer, but
    none that a held-out set asks in nearly the same words ("Is 231 going to get me screened out now?" beside
    "Is 498 going to get me screened out?"): a twin would answer the held-out one for it."""
    held_out = [_twin_key(q.sentence) for q in questions if q.set not in TRAINED_SETS]
    return [
        q
        for q in questions
        if q.set in TRAINED_SETS
        and q.answer is not None
        and process.extractOne(_twin_key(q.sentence), held_out, scorer=fuzz.ratio, score_cutoff=TWIN_SIMILARITY) is None
    ]


TWIN_SIMILARITY = 80
"""From this similarity (0-100, numbers masked) a trained sentence is a held-out one's twin and is left out: 9 of
206 on 2026-12-06 ("Should I still apply this cycle or sit out a year?" beside "Do I still apply this cycle...")."""


def _twin_key(sentence: str) -> str:
    """A sentence as compared for twins: normalised, every number the same."""
    return re.sub(r"\d+", "#", normalize(sentence))
