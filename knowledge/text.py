"""The project's one text normaliser: every comparison of student text goes through here.

`fold` keeps punctuation (dates and times need it); `normalize` keeps only letters and digits,
for matching words and phrases. Both fold case, accents and typographic quotes and dashes the
same way, so "Résumé’s" and "resume's" always compare equal. Both are memoised: one message
passes through several readers.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "−": "-", "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=512)
def fold(text: str) -> str:
    """Casefold, drop accents, straighten quotes and dashes, collapse whitespace."""
    if text.isascii():  # the common case skips the Unicode decomposition
        folded = text.casefold()
    else:
        decomposed = unicodedata.normalize("NFKD", text.translate(_TYPOGRAPHIC))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _SPACES.sub(" ", folded).strip()


@lru_cache(maxsize=512)
def normalize(text: str) -> str:
    """`fold`, then every run of anything but a-z and 0-9 becomes one space."""
    return _NON_ALNUM.sub(" ", fold(text)).strip()


def answer_words(text: str) -> str:
    """`fold` with the end punctuation of a typed answer dropped ("Yes!" -> "yes")."""
    return fold(text).strip(" .!?")


def holds_any(norm: str, words: tuple[str, ...]) -> bool:
    """Whether any of `words` occurs in `norm` as a substring: a cheap gate before a costly pattern."""
    return any(word in norm for word in words)
