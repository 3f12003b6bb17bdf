"""The word lists the understanding rules use (`knowledge/vocab/words.json`), validated.

They are data so that adding a word is an edit and a `knowledge check`, not a code change.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from knowledge.text import normalize

VOCAB_FILE = Path(__file__).parent / "vocab" / "words.json"

Word = Annotated[str, StringConstraints(pattern=r"^[0-9a-z]+( [0-9a-z]+)*$")]
"""Lowercase words separated by single spaces: the form `knowledge.text.normalize` gives."""


class Vocabulary(BaseModel):
    """Every list the entity and cue rules look words up in."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    context_only_aliases: frozenset[Word]
    """Short aliases that are also ordinary words ("er", "dr"): counted only in specialty context."""
    before_specialty: frozenset[Word]
    """Words that come before a specialty: "for rads", "into IM", "derm vs ortho"."""
    after_specialty: frozenset[Word]
    """Words that follow a specialty: "IM residency", "ER vs", "gs competitive"."""
    before_im: frozenset[Word]
    """Only after these does "im <word>" mean Internal Medicine rather than "I'm"."""
    em_means_them_after: frozenset[Word]
    """"let em know": after these "em" is "them"."""
    not_after_specialty: frozenset[Word]
    """A specialty right before one of these is an exam or a rotation, not a career ("IM shelf")."""
    subject_before: frozenset[Word] = frozenset()
    """A specialty right after one of these is a subject studied, not a career ("weak in OB")."""
    subject_after: frozenset[Word] = frozenset()
    """A specialty right before one of these is a subject studied, not a career ("gyn is killing me")."""
    profession_before: frozenset[Word] = frozenset()
    """After one of these, "medicine" is the profession, not Internal Medicine ("why did i choose medicine")."""
    surgery_words: frozenset[Word]
    """A trailing one folds into the specialty before it ("neuro surgery")."""
    greeting_words: frozenset[Word]
    greeting_filler: frozenset[Word]
    """Words a pure greeting may also hold ("hey there bot")."""
    after_off_scale_score: frozenset[Word]
    """After a small or off-scale number, only these keep it a score ("got 3 kids" is not)."""
    hopeless_phrases: frozenset[Word]
    """Phrases that may mean hopelessness or self-harm: the safety net beside the classifier."""


class VocabularyError(ValueError):
    """The vocabulary file is invalid; the message names the list and the entry."""


def load_vocabulary(path: Path = VOCAB_FILE) -> Vocabulary:
    """Read and validate the vocabulary; a mistake raises VocabularyError saying where."""
    try:
        return Vocabulary.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except json.JSONDecodeError as err:
        raise VocabularyError(f"{path.name}: not JSON ({err.msg}, line {err.lineno})") from None
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise VocabularyError(f"{path.name}, {where}: {first['msg']}") from None


@cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary, read once."""
    return load_vocabulary()


def phrase_in(norm: str, phrases: frozenset[str]) -> str | None:
    """A phrase found as whole words in normalised text (the first one in it), else None."""
    found = _phrases_re(phrases).search(norm)
    return found.group(1) if found else None


@lru_cache(maxsize=16)
def _phrases_re(phrases: frozenset[str]) -> re.Pattern[str]:
    """One pattern for a whole list: a message is scanned once, not once per phrase."""
    # Longest first, so that of two phrases starting at the same word the longer is named.
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\S)({alternatives})(?!\S)") if phrases else re.compile(r"(?!)")


__all__ = ["Vocabulary", "VocabularyError", "load_vocabulary", "normalize", "phrase_in", "vocabulary"]
