"""What a student aims their plan at, said with the request: a goal score and the subjects they're weak in.

"make me a plan, ck march 3, aiming for 250, weak in obgyn and psych" sets the plan up with the goal
and the weak areas kept: the summary shows them, and each study-day nudge names one weak area to start
the day's questions with, in turn. Reading them is deliberately narrow (a goal word beside a three-digit
score, not a count of questions; a subject named after "weak in", "struggling with", "my weak areas are", a
list of them ending at the clause; neither when negated or said of someone else): a plan that heard a goal
nobody set would be worse than one that asked nothing.
"""

from __future__ import annotations

import re

from knowledge.text import fold

GOAL_RANGE = range(200, 301)
"""Three-digit Step 2 CK scores a goal can be (the scale tops out near 300)."""

SUBJECTS: dict[str, tuple[str, ...]] = {
    "OB/GYN": ("ob gyn", "obgyn", "ob", "gyn", "obstetrics", "gynecology", "gynaecology", "women s health"),
    "pediatrics": ("peds", "paeds", "pediatrics", "paediatrics"),
    "surgery": ("surg", "surgery", "gen surg", "general surgery"),
    "internal medicine": ("im", "internal medicine", "medicine"),
    "psychiatry": ("psych", "psychiatry"),
    "neurology": ("neuro", "neurology"),
    "cardiology": ("cardio", "cardiology", "cardiac"),
    "pulmonology": ("pulm", "pulmonary", "pulmonology", "respiratory"),
    "renal": ("renal", "nephro", "nephrology", "kidney"),
    "GI": ("gi", "gastro", "gastroenterology"),
    "endocrine": ("endo", "endocrine", "endocrinology"),
    "heme/onc": ("heme onc", "hemeonc", "heme", "onc", "hematology", "oncology"),
    "infectious disease": ("id", "infectious disease", "infectious diseases", "micro", "microbiology"),
    "biostats": ("biostat", "biostats", "biostatistics", "stats", "statistics", "epi", "epidemiology"),
    "ethics": ("ethics",),
    "MSK and rheum": ("msk", "musculoskeletal", "rheum", "rheumatology"),
    "dermatology": ("derm", "dermatology"),
    "emergency medicine": ("em", "emergency medicine"),
    "family medicine": ("fm", "family medicine"),
}
"""Each subject as said back (key), and the words students name it by (normalised: "ob/gyn" is "ob gyn")."""

_NAMED = {word: subject for subject, words in SUBJECTS.items() for word in words}
_AMBIGUOUS = frozenset({"im", "id", "em", "ob"})
"""Short words that are also everyday words ("im hoping", "id say"): a subject only where a list of them ends."""
_SUBJECT = (
    r"\b(?:"
    + "|".join(
        w if w not in _AMBIGUOUS else rf"{w}(?=\s*(?:[,.;!?/&)]|$|\band\b|\bor\b|\bplus\b))"
        for w in sorted(_NAMED, key=len, reverse=True)
    )  # longest first: "ob gyn" before "ob"
    + r")\b"
)
_SEPARATOR = r"\s*(?:,|/|&|\+|\band\b|\bor\b|\bn\b|\bplus\b|, and\b|, or\b)\s*"
_LIST = rf"{_SUBJECT}(?:{_SEPARATOR}{_SUBJECT})*"
"""Subjects one after another, each after a comma, "and", "or", "/" or "&": "weak in renal, im hoping for 250"
ends at renal."""
_ENDS = r"(?!\s+(?:is|are|was|were)\b)"
"""A list is of weak subjects only up to a subject said to be otherwise ("weak in surgery, medicine is fine")."""
_NOT_THEIRS = r"(?<!\bnot )(?<!\bnever )(?<!\bisn t )(?<!\baren t )"
_WEAK_RE = re.compile(
    rf"{_NOT_THEIRS}\b(?:weak(?:est)?|bad|terrible|awful|shaky|struggling|struggle|behind|worst|lacking|rusty)"
    rf"\s+(?:in|at|on|with)\s+(?:the\s+)?(?P<a>{_LIST}){_ENDS}"
    r"|\b(?:weak(?:est)?|worst|problem)\s+(?:areas?|subjects?|spots?|topics?|systems?|points?)\s*"
    rf"(?:are|is|include|=|:)?\s*(?P<b>{_LIST}){_ENDS}"
    rf"|\b(?P<c>{_LIST})\s+(?:is|are)\s+my\s+(?:weak(?:est)?|worst)\b"
)
_GOAL_RE = re.compile(
    rf"{_NOT_THEIRS}\b(?:aim(?:ing)?|target(?:ing)?|goal(?:\s+score)?|shooting|hoping|trying|want(?:ing)?|need)"
    r"(?:\s*[:=]|\s+(?:is|of|for|to\s+(?:get|hit|score|break)|at|a|an|score))*\s*(?P<a>\d{3})\b"
    r"(?!\s*(?:more|days?|hours?|hrs?|minutes?|mins?|q|qs|questions?|cards?|pages?|blocks?|uworld|uw|anki)\b)"
    r"|\b(?P<b>\d{3})\s*\+?\s*(?:is\s+(?:my|the)\s+)?(?:goal|target)\b(?!\s*(?:is|of|[:=])?\s*\d)"
)
_SOMEONE_ELSE_RE = re.compile(
    r"\b(?:friend|roommate|classmate|partner|wife|husband|brother|sister|cousin|he|she|they|his|her|their)\b"
    r"[^,.;!?]*$"
)
"""Someone else named earlier in the same clause: "my friend is weak in psych" is not the student's."""


def _words(text: str) -> str:
    """Folded, with the punctuation that ends a clause or a list kept ("nbme 230, goal 250" is two clauses)."""
    return re.sub(r"[^a-z0-9,/&+;:.!?]+", " ", fold(text))


def goal_in(text: str) -> int | None:
    """The Step 2 CK score the student says they aim for ("aiming for 250", "goal 245+"), if one is said."""
    said = _words(text)
    for found in _GOAL_RE.finditer(said):
        if _SOMEONE_ELSE_RE.search(said[: found.start()]):
            continue  # "my friend is aiming for 260"
        value = int(found["a"] or found["b"])
        if value in GOAL_RANGE:
            return value
    return None


def weak_areas_in(text: str) -> tuple[str, ...]:
    """The subjects the student says they're weak in, as said back ("OB/GYN", "psychiatry"), in the order said."""
    said = _words(text)
    found: list[str] = []
    for weak in _WEAK_RE.finditer(said):
        if _SOMEONE_ELSE_RE.search(said[: weak.start()]):
            continue
        named = weak["a"] or weak["b"] or weak["c"]
        for word in re.finditer(_SUBJECT, named):
            subject = _NAMED[word.group()]  # `_words` leaves single spaces, as the names are written
            if subject not in found:
                found.append(subject)
    return tuple(found)


def aims_said(goal: int | None, weak_areas: tuple[str, ...]) -> str:
    """The set-up's line saying back what was heard ("" when nothing was)."""
    parts = []
    if goal is not None:
        parts.append(f"🏁 Goal: {goal}, kept on your plan.")
    if weak_areas:
        parts.append(f"💪 Weak areas: {', '.join(weak_areas)}. Your study-day nudges will start you on them in turn.")
    return "\n".join(parts)
