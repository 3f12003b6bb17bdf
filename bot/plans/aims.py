"""What a student aims their plan at, said with the request: a goal score and the subjects they're weak in.

"make me a plan, ck march 3, aiming for 250, weak in obgyn and psych" sets the plan up with the goal
and the weak areas kept: the summary shows them, and each study-day nudge names one weak area to start
the day's questions with, in turn. Reading them is deliberately narrow (a goal word beside a three-digit
score; a subject named after "weak in", "struggling with", "my weak areas are"): a plan that heard a
goal nobody set would be worse than one that asked nothing.
"""

from __future__ import annotations

import re

from knowledge.text import normalize

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
_SUBJECT = r"\b(?:" + "|".join(sorted(_NAMED, key=len, reverse=True)) + r")\b"  # longest first: "ob gyn" before "ob"
_LIST = rf"{_SUBJECT}(?:\s+(?:and|or|n|plus|also|as well as)?\s*{_SUBJECT})*"
_WEAK_RE = re.compile(
    r"\b(?:weak(?:est)?|bad|terrible|awful|shaky|struggling|struggle|behind|worst|lacking|rusty)"
    rf"\s+(?:in|at|on|with)\s+(?:the\s+)?(?P<a>{_LIST})"
    r"|\b(?:weak(?:est)?|worst|problem)\s+(?:areas?|subjects?|spots?|topics?|systems?|points?)\s+"
    rf"(?:are|is|include|=)?\s*(?P<b>{_LIST})"
    rf"|\b(?P<c>{_LIST})\s+(?:is|are)\s+my\s+(?:weak(?:est)?|worst)\b"
)
_GOAL_RE = re.compile(
    r"\b(?:aim(?:ing)?|target(?:ing)?|goal(?:\s+score)?|shooting|hoping|trying|want(?:ing)?|need)"
    r"(?:\s+(?:is|of|for|to\s+(?:get|hit|score|break)|at|a|an|score))*\s+(?P<a>\d{3})\b(?!\s*(?:days?|hours?|q))"
    r"|\b(?P<b>\d{3})\s*(?:\+\s*)?(?:is\s+(?:my|the)\s+)?(?:goal|target)\b"
)


def goal_in(text: str) -> int | None:
    """The Step 2 CK score the student says they aim for ("aiming for 250", "goal 245+"), if one is said."""
    found = _GOAL_RE.search(normalize(text))
    if found is None:
        return None
    value = int(found["a"] or found["b"])
    return value if value in GOAL_RANGE else None


def weak_areas_in(text: str) -> tuple[str, ...]:
    """The subjects the student says they're weak in, as said back ("OB/GYN", "psychiatry"), in the order said."""
    found: list[str] = []
    for said in _WEAK_RE.finditer(normalize(text)):
        named = said["a"] or said["b"] or said["c"]
        for word in re.finditer(_SUBJECT, named):
            subject = _NAMED[word.group()]
            if subject not in found:
                found.append(subject)
    return tuple(found)


def aims_said(goal: int | None, weak_areas: tuple[str, ...]) -> str:
    """The set-up's line saying back what was heard ("" when nothing was)."""
    parts = []
    if goal is not None:
        parts.append(f"🏁 Goal: {goal}, kept on your plan.")
    if weak_areas:
        parts.append(f"💪 Weak areas: {', '.join(weak_areas)}. Each study day's nudge starts you on one of them.")
    return "\n".join(parts)
