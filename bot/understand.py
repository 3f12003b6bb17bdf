"""Free text as students write it -> a structured Parsed (intent, score, specialties, topic)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from knowledge import Knowledge

Intent = Literal[
    "average", "score_check", "score_fit", "compare", "faq",
    "study_plan", "greeting", "help", "invalid_score", "unknown",
]


@dataclass(frozen=True)
class Parsed:
    """What a message asks, in plain data; no transport and no profile involved."""

    intent: Intent
    score: int | None = None
    """The Step 2 CK score the student states, 1-300, else None."""
    specialties: tuple[str, ...] = ()
    """Canonical specialty ids, in the order mentioned, without repeats."""
    topic: str | None = None
    """FAQ topic id when the message asks a known question."""
    other_specialty: str | None = None
    """Id from other_specialties when they name a specialty we hold no average for."""
    bad_score: int | None = None
    """The out-of-range number they gave as a score (intent invalid_score)."""


def understand(text: str, knowledge: Knowledge) -> Parsed:
    """Parse one message; never raises, whatever the text."""
    raise NotImplementedError
