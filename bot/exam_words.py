"""The words that name the exam, and those that put a date in the past: said once for every reader.

Each reader adds its own words to these: the plan cue (`understand.cues`) also hears "boards" and steps away
from practice tests and scores, the self-description (`understand.about`) also hears "s2" and a date that
"came back" or was "moved from", and the date reader (`parse_answers`) prefers a date said beside them.
They differ on purpose; what they agree on is said once.
"""

from __future__ import annotations

import re
from datetime import date

EXAM_WORDS = ("exam", "test", "step 2", "ck")
"""Words that name the exam, in both readers."""
PAST_WORDS = ("took", "taken", "sat", "was", "last", "yesterday", "ago", "released?")
"""Words that put a date beside them in the past, in both readers."""

PRACTICE_TESTS = r"(?:nbmes?|uwsa|cms|free\s*-?\s*120|fr120|cbse|cbssa|ccssa)"
"""The practice tests' names, as a regular expression, for every reader that must step around one."""
PRACTICE_NAME_RE = re.compile(rf"\b{PRACTICE_TESTS}")
"""A practice test named anywhere ("uwsa1", "nbme 12"): where a number after it may be its result."""

ANY_DAY = date(2000, 1, 1)
"""A fixed day for asking only whether an exam date is named; whether it is past or too far is
the plan flow's to say, with the real date, when it asks for one."""


def words_re(*words: str) -> re.Pattern[str]:
    """A pattern that finds any of `words` (regular expressions) as whole words."""
    return re.compile(rf"\b(?:{'|'.join(words)})\b")
