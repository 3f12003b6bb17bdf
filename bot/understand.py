"""Free text as students write it -> a structured Parsed (intent, score, specialties, topic).

`understand(text, knowledge)` is a pure function: no I/O, no state beyond a per-knowledge
index built once, and it never raises. Only the first `MAX_CHARS` characters are read, so
a pasted essay costs no more than a tweet.

What it extracts
----------------
* Specialties: every alias and name in `knowledge.alias_index` (longest match first, multi-word
  aliases only across spaces, "/", "-", "&", "+", "'"), typos corrected against the words of
  those aliases with rapidfuzz (tokens of 5+ letters only), and guards for short aliases that
  are also ordinary words ("im" = "I'm", "er", "dr" before a name, "anki cards", ...).
  A trailing "surgery" is folded into the specialty before it ("neuro surgery" is one).
* Other specialties (`knowledge.other_alias_index`): the first one named.
* The Step 2 CK score: see `_find_score`. Practice-exam, Step 1, age, date, time, count and
  percentage numbers are not the score, unless the student says it is their predicted score.

Intent precedence (first rule that applies wins)
-------------------------------------------------
1. Nothing readable -> unknown (a lone wave emoji -> greeting).
2. A number given as the Step 2 score but outside 1-300, and no valid score -> invalid_score.
3. The whole message is one of the FAQ phrasings in the knowledge files -> faq.
4. Only greeting/thanks words -> greeting.
5. A request for a study plan or an exam date ("test in 6 weeks") -> study_plan.
6. A score and known specialties -> score_check (one) or compare (two or more).
7. A hard-coded FAQ keyword cue (e.g. "IMG", "retake", "passing score") -> faq. Keeps the
   score and specialties found ("can IMGs match derm"). The "overall average" cue is
   skipped when a specialty is named, since that is a question about that specialty.
8. A specialty we hold no average for, and no known one -> average (other_specialty set).
9. A score alone -> score_fit.
10. Two or more specialties -> compare; one -> average.
11. "help", "what can you do", "commands", "how does this work" -> help.
12. A close fuzzy match to an FAQ phrasing (only when nothing else was found) -> faq.
13. Otherwise -> unknown.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import islice
from typing import Literal

from rapidfuzz import fuzz, process

from bot.answers import find_exam_date
from knowledge import Knowledge

log = logging.getLogger(__name__)

Intent = Literal[
    "average",
    "score_check",
    "score_fit",
    "compare",
    "faq",
    "study_plan",
    "greeting",
    "help",
    "invalid_score",
    "unknown",
    "exam_moved",
    "log_progress",
    "days_left",
    "plan_break",
]

MAX_CHARS = 1000
"""Only this much of a message is read: questions are short, and work must stay bounded."""


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
    practice_score: int | None = None
    """A 100-300 number they gave for a practice test or Step 1 (never used as the score)."""


def understand(text: str, knowledge: Knowledge) -> Parsed:
    """Parse one message; never raises, whatever the text."""
    if not isinstance(text, str):
        return Parsed("unknown")
    try:
        return _understand(text[:MAX_CHARS], _index_for(knowledge))
    except Exception:  # a parser bug must cost one "didn't get that", never the bot
        log.exception("could not parse a %d-character message", len(text))  # the text itself is private
        return Parsed("unknown")


# --------------------------------------------------------------------------- index


@dataclass
class _Index:
    """Everything derived from one Knowledge that the per-message work needs."""

    aliases: dict[str, tuple[bool, str]]
    """normalized alias -> (is a specialty we hold an average for, id)."""
    prefixes: frozenset[str]
    """Every leading run of words of an alias ("ob", "ob gyn"): where a longer match may go."""
    vocab: frozenset[str]
    """Every word of every alias: the targets of typo correction."""
    buckets: dict[str, list[str]]
    """Vocab words of 5+ letters by first letter; fuzzy matching only looks in one bucket."""
    phrasings: dict[str, str]
    phrasing_keys: list[str]
    """Each phrasing with its words sorted, so fuzz.ratio on them is token_sort_ratio."""
    phrasing_topics: list[str]
    max_phrasing_len: int
    topics: frozenset[str]
    corrections: dict[str, str] = field(default_factory=dict)
    """Memo of typo corrections; bounded in `_correct`."""


_INDEXES: dict[int, tuple[Knowledge, _Index]] = {}


def _index_for(knowledge: Knowledge) -> _Index:
    """The index for this Knowledge, built on first use (Knowledge itself is unhashable)."""
    cached = _INDEXES.get(id(knowledge))
    if cached is not None and cached[0] is knowledge:
        return cached[1]
    if len(_INDEXES) > 8:  # tests build many; a running bot holds one
        _INDEXES.clear()
    index = _build_index(knowledge)
    # Holding the Knowledge keeps its id from being reused by another object.
    _INDEXES[id(knowledge)] = (knowledge, index)
    return index


def _build_index(knowledge: Knowledge) -> _Index:
    """Merge both alias indexes, gather the typo-correction vocabulary and the FAQ phrasings."""
    aliases: dict[str, tuple[bool, str]] = {}
    for alias, ident in knowledge.other_alias_index.items():
        aliases[alias] = (False, ident)
    for alias, ident in knowledge.alias_index.items():
        aliases[alias] = (True, ident)
    aliases.pop("", None)
    vocab = frozenset(word for alias in aliases for word in alias.split())
    buckets: dict[str, list[str]] = {}
    for word in sorted(vocab):
        if len(word) >= _FUZZY_MIN_LEN and word.isalpha():
            buckets.setdefault(word[0], []).append(word)
    phrasings = {k: v for k, v in knowledge.phrasing_index.items() if v in knowledge.faq and k}
    prefixes = frozenset(
        " ".join(words[:n]) for words in (a.split() for a in aliases) for n in range(1, len(words) + 1)
    )
    return _Index(
        aliases=aliases,
        prefixes=prefixes,
        vocab=vocab,
        buckets=buckets,
        phrasings=phrasings,
        phrasing_keys=[_sorted_words(k) for k in phrasings],
        phrasing_topics=list(phrasings.values()),
        max_phrasing_len=max((len(k) for k in phrasings), default=0),
        topics=frozenset(knowledge.faq),
    )


def _sorted_words(text: str) -> str:
    """Words in alphabetical order, so word order does not count against a fuzzy match."""
    return " ".join(sorted(text.split()))


# --------------------------------------------------------------------------- top level


@dataclass(frozen=True)
class _Token:
    """One ASCII alphanumeric run of the message, with where it sits in the original."""

    low: str
    orig: str
    start: int
    end: int


_WORD_RE = re.compile(r"[A-Za-z0-9]+")


def _understand(text: str, index: _Index) -> Parsed:
    """Parse, then note a practice-test number when no Step 2 score was given."""
    found = _find_score(text, index.aliases)
    parsed = _parse(text, index, found)
    if found.practice is not None and parsed.score is None and parsed.intent in _PRACTICE_NOTED:
        return replace(parsed, practice_score=found.practice)
    return parsed


_PRACTICE_NOTED: frozenset[Intent] = frozenset({"average", "compare", "score_fit", "unknown"})
"""Replies where a practice score the student mentioned deserves a word."""


def _parse(text: str, index: _Index, found: _Scores) -> Parsed:
    """Extract specialties, then pick the intent by the precedence in the module docstring."""
    tokens = [_Token(m.group().lower(), m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    if not tokens:
        return Parsed("greeting" if "👋" in text else "unknown")
    # Same as knowledge.store.normalize for ASCII, which is all the aliases use.
    norm = " ".join(t.low for t in tokens)

    specs, others = _find_specialties(text, tokens, index)
    score, bad = found.score, found.bad
    other = others[0] if others else None

    if score is None and bad is not None:
        return Parsed("invalid_score", specialties=specs, other_specialty=other, bad_score=bad)
    exact = index.phrasings.get(norm)
    if exact is not None:
        return Parsed("faq", topic=exact, score=score, specialties=specs, other_specialty=other)
    if _is_greeting(tokens):
        return Parsed("greeting")
    operation = _plan_operation(norm)
    if operation is not None:
        return Parsed(operation, score=score, specialties=specs, other_specialty=other)
    if _wants_plan(text, norm, has_score=score is not None):
        return Parsed("study_plan", score=score, specialties=specs, other_specialty=other)
    if score is not None and specs:
        intent: Intent = "compare" if len(specs) >= 2 else "score_check"
        return Parsed(intent, score=score, specialties=specs, other_specialty=other)
    topic = _faq_cue(norm, index, has_specialty=bool(specs or other))
    if topic is not None:
        return Parsed("faq", topic=topic, score=score, specialties=specs, other_specialty=other)
    if other is not None and not specs:
        return Parsed("average", score=score, other_specialty=other)
    if score is not None:
        return Parsed("score_fit", score=score, other_specialty=other)
    if specs:
        intent = "compare" if len(specs) >= 2 else "average"
        return Parsed(intent, specialties=specs, other_specialty=other)
    if _asks_help(norm):  # only now: "help me choose between derm and ortho" is a comparison
        return Parsed("help")
    topic = _fuzzy_faq(norm, index, len(tokens))
    if topic is not None:
        return Parsed("faq", topic=topic)
    return Parsed("unknown")


# --------------------------------------------------------------------------- specialties

_FUZZY_MIN_LEN = 5
_FUZZY_CUTOFF = 85.0

# Separators a multi-word alias may span: "ob/gyn", "pm&r", "neuro-surgery", "ear nose".
# A comma or question mark ends it, so "compare IM, peds" is not "IM-Peds".
_JOIN_SEP_RE = re.compile(r"[\s/&+\-']+")
# Punctuation that cuts a word off from its neighbours for context checks. A full stop is
# left out on purpose: in "Dr. Patel" it abbreviates, it does not end a sentence.
_HARD_SEP_RE = re.compile(r"[,;:!?()\[\]\n]")

_SURGERY_WORDS = frozenset({"surgery", "surg", "surgeon", "surgeons", "surgical"})
# "neuro" alone is neurology, but "neuro surg" is neurosurgery.
_SURGICAL_FORM = {"neurology": "neurosurgery"}

# Short aliases that are also ordinary words or names: only counted in specialty context
# (or typed in capitals, like "DR" or "ER").
_CONTEXT_ONLY = frozenset({"er", "dr", "gs", "ob", "rad", "cts", "cards", "medicine"})
# Words that come before a specialty: "for rads", "into IM", "derm vs ortho".
_SPEC_PREV = frozenset(
    {
        "for",
        "into",
        "in",
        "vs",
        "versus",
        "v",
        "or",
        "and",
        "about",
        "of",
        "like",
        "than",
        "categorical",
        "prelim",
        "compare",
        "comparing",
        "between",
        "match",
        "matching",
        "apply",
        "applying",
        "pursue",
        "pursuing",
        "consider",
        "considering",
        "want",
        "wanna",
        "choose",
        "choosing",
        "chose",
        "pick",
        "picking",
        "doing",
        "do",
        "is",
        "re",
        "avg",
        "average",
        "mean",
        "to",
        "both",
        "either",
    }
)
# Words that follow a specialty: "IM residency", "ER vs", "gs competitive".
_SPEC_NEXT = frozenset(
    {
        "vs",
        "versus",
        "v",
        "or",
        "and",
        "residency",
        "residencies",
        "resident",
        "residents",
        "program",
        "programs",
        "applicant",
        "applicants",
        "match",
        "avg",
        "average",
        "averages",
        "mean",
        "median",
        "score",
        "scores",
        "cutoff",
        "cutoffs",
        "competitive",
        "spot",
        "spots",
        "position",
        "positions",
        "people",
        "folks",
        "specialty",
        "stats",
        "data",
        "numbers",
        "is",
        "please",
        "pls",
        "plz",
        "hopeful",
        "hopefuls",
        "bound",
    }
)
# Before "im", only these make it Internal Medicine when a word follows ("into im next
# year"); after anything else "im <word>" is "I'm" ("im scared", "and im at 240").
_IM_PREV = frozenset(
    {
        "for",
        "into",
        "in",
        "vs",
        "versus",
        "v",
        "categorical",
        "prelim",
        "about",
        "of",
        "than",
        "between",
        "re",
        "to",
        "pursue",
        "pursuing",
        "match",
        "matching",
        "apply",
        "applying",
        "considering",
        "compare",
    }
)
# "let em know", "tell em": "em" as "them".
_EM_NOT_AFTER = frozenset(
    {
        "let",
        "tell",
        "give",
        "show",
        "get",
        "got",
        "hit",
        "beat",
        "call",
        "ask",
        "see",
        "saw",
        "love",
        "hate",
        "make",
        "keep",
        "help",
        "send",
        "catch",
        "take",
        "took",
        "put",
        "leave",
        "bring",
        "grab",
        "kill",
        "crush",
        "ace",
        "aced",
        "nail",
        "nailed",
        "them",
    }
)


def _correct(word: str, index: _Index) -> str:
    """The alias word a misspelt token stands for ("dermatolgy" -> "dermatology"), else itself."""
    if len(word) < _FUZZY_MIN_LEN or word in index.vocab or not word.isalpha():
        return word
    memo = index.corrections.get(word)
    if memo is not None:
        return memo
    fixed = word
    if word.endswith("s") and word[:-1] in index.vocab:  # plurals: "radiologists"
        fixed = word[:-1]
    else:
        choices = index.buckets.get(word[0])  # a typo rarely hits the first letter
        if choices:
            hit = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
            if hit is not None:
                fixed = hit[0]
    if len(index.corrections) > 4096:
        index.corrections.clear()
    index.corrections[word] = fixed
    return fixed


def _is_shouting(text: str) -> bool:
    """True when the message is mostly capitals, so capitals say nothing about a word."""
    letters = [c for c in text if c.isascii() and c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return len(letters) >= 8 and upper >= 0.7 * len(letters)


def _find_specialties(text: str, tokens: list[_Token], index: _Index) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Known specialties and other specialties named, each in order and without repeats."""
    words = [_correct(t.low, index) for t in tokens]
    # joins[j]: token j may continue a multi-word alias begun before it.
    joins = [False] + [
        _JOIN_SEP_RE.fullmatch(text[tokens[j - 1].end : tokens[j].start]) is not None for j in range(1, len(tokens))
    ]
    shouting = _is_shouting(text)
    n = len(words)
    specs: list[str] = []
    others: list[str] = []
    i = 0
    while i < n:
        end, hit = _longest_alias(words, joins, i, index)
        if hit is None or (end == i + 1 and not _single_ok(text, tokens, words, i, index, shouting)):
            i += 1
            continue
        known, ident = hit
        if end < n and words[end] in _SURGERY_WORDS and joins[end]:
            ident = _SURGICAL_FORM.get(ident, ident)
            end += 1
        bucket = specs if known else others
        if ident not in bucket:
            bucket.append(ident)
        i = end
    return tuple(specs), tuple(others)


def _longest_alias(words: list[str], joins: list[bool], i: int, index: _Index) -> tuple[int, tuple[bool, str] | None]:
    """The longest alias starting at word i: (index after it, (known, id)) or (i, None)."""
    best: tuple[int, tuple[bool, str] | None] = (i, None)
    key = words[i]
    end = i + 1
    while key in index.prefixes:
        hit = index.aliases.get(key)
        if hit is not None:
            best = (end, hit)
        if end >= len(words) or not joins[end]:
            break
        key = f"{key} {words[end]}"
        end += 1
    return best


def _neighbours(text: str, tokens: list[_Token], words: list[str], i: int) -> tuple[str | None, str | None]:
    """The words right before and after word i, None across punctuation or an edge."""
    prev = nxt = None
    if i > 0 and not _HARD_SEP_RE.search(text[tokens[i - 1].end : tokens[i].start]):
        prev = words[i - 1]
    if i + 1 < len(words) and not _HARD_SEP_RE.search(text[tokens[i].end : tokens[i + 1].start]):
        nxt = words[i + 1]
    return prev, nxt


def _single_ok(text: str, tokens: list[_Token], words: list[str], i: int, index: _Index, shouting: bool) -> bool:
    """Whether a one-word alias really names a specialty here (guards "im", "dr", "er")."""
    word = words[i]
    if word != "im" and word not in _CONTEXT_ONLY and word != "em":
        return True
    if tokens[i].orig.isupper() and not shouting:
        return True  # "IM", "DR", "ER": capitals are a deliberate abbreviation
    prev, nxt = _neighbours(text, tokens, words, i)
    if word == "em":
        return prev not in _EM_NOT_AFTER
    # Some sign that a specialty is meant: "for dr", "gs vs", "dr 250", "im, peds", "rad?".
    beside_alias = any(0 <= j < len(words) and words[j] in index.aliases for j in (i - 1, i + 1))
    hinted = (
        len(words) == 1
        or beside_alias
        or (prev is not None and (prev in _SPEC_PREV or prev.isdigit()))
        or (nxt is not None and (nxt in _SPEC_NEXT or nxt.isdigit()))
    )
    if word == "im":
        if nxt is None:
            return hinted  # "what about im?" but not "so tired im"
        if nxt in _SPEC_NEXT:
            return True
        return prev in _IM_PREV and not nxt.isdigit()
    # A plain word after it reads as a name or a sentence: "Dr. Patel", "er what".
    named = nxt is not None and not (nxt in _SPEC_NEXT or nxt.isdigit() or nxt in index.aliases)
    return hinted and not named


# --------------------------------------------------------------------------- scores

_NUM_RE = re.compile(r"[0-9]+")
_MAX_NUMBERS = 40  # a message with more numbers than this is a table, not a question
_UNIT = (
    r"years?|yrs?|yo|y\s*/\s*o|y\.o|months?|mos?|weeks?|wks?|days?|hours?|hrs?|h|minutes?|"
    r"mins?|seconds?|secs?|questions?|qs|q|qids?|blocks?|attempts?|times|tries|"
    r"pages?|cards|flashcards|reviews?|people|ppl|students|programs?|"
    r"interviews?|apps|applications?|points?|pts|percent|percentile|x|k|mg|kg|lbs?|dollars?|"
    r"bucks|usd|followers|more|nbmes?|forms?|uwsas?|specialties|specialities|kids|"
    r"patients|sessions|chapters|videos|lectures|cases|items|rotations|shelves|letters|"
    r"lors|pubs|publications|posters|abstracts|left|total\s+questions"
)
# One modifier may sit between: "150 anki cards", "40 practice questions", "3 more weeks".
_UNIT_AFTER_RE = re.compile(
    rf"^\+?[\s\-]*(?:(?:anki|practice|uworld|uw|amboss|qbank|new|more|review|flash|extra|total|free|"
    rf"random|full|hard)[\s\-]+)?(?:{_UNIT})\b"
)
# A clock time only up to 12: "250 am I good for derm?" is a score and a question.
_CLOCK_AFTER_RE = re.compile(r"^\s*(?:am|pm|a\.m|p\.m|o\s*'?\s*clock)\b")
_MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_MONTH_BEFORE_RE = re.compile(rf"\b(?:{_MONTHS})[a-z]*\.?\s*$")
_MONTH_AFTER_RE = re.compile(rf"^\s*(?:of\s+)?(?:{_MONTHS})[a-z]*\b")
# A number right after one of these is a label, not a score: "step 2", "NBME 12",
# "free 120", "PGY-1", "form 8", "block 3", "top 10".
_LABEL_BEFORE_RE = re.compile(
    r"\b(?:step|level|lvl|uwsa|nbme|form|forms|cbse|cbssa|cms|free|pgy|ms|year|yr|block|"
    r"blocks|page|chapter|question|q|qid|number|no|num|version|room|rank|ranked|top|age|"
    r"aged|gpa|mcat|phase|part|day|week|month|class|cohort|attempt|try|round|test|exam|"
    r"section|id)\s*[-#:.]?\s*$|#\s*$"
)
_PRACTICE_LABEL_RE = re.compile(r"\b(?:nbme|uwsa|cbse|cbssa)\s*[-#:.]?\s*$")
_AGE_BEFORE_RE = re.compile(r"\b(?:i\s*'?\s*m|i am|im)\s*$")
_BOUNDARY_RE = re.compile(
    r"[,;!?\n]|\.\s|\b(?:and|but|so|then|also|plus|while|whereas|though|although|because|"
    r"however)\b"
)
_EXAM_RE = re.compile(
    r"\b(?P<s2>step\s*(?:2|ii|two)(?:\s*ck)?|step2(?:ck)?|s2(?:ck)?|ck|usmle\s*2)\b"
    r"|\b(?P<other>step\s*(?:1|i|one)|step1|s1|nbmes?(?:\s*\d+)?|uwsa\s*\d*|cbse|cbssa|"
    r"free\s*120|free120|uworld|uw|amboss|shelf|shelves|comlex|level\s*\d|mcat|comsae|"
    r"cms(?:\s*forms?)?|forms?\s*\d+|practice(?:\s*(?:tests?|exams?|scores?|nbmes?))?|"
    r"self\s*assessments?|gpa|percentile|qbank)\b"
)
_EXAM_AFTER_RE = re.compile(
    r"^\s*(?:\+|ish)?\s*(?:on|in|for|from|at)\s+(?:my\s+|the\s+|an?\s+|their\s+)?"
    r"(?:(?P<s2>step\s*(?:2|ii|two)|step2|s2|ck|usmle\s*2)|(?P<other>step\s*(?:1|i|one)\b|"
    r"step1|s1|nbme|uwsa|cbse|cbssa|free\s*120|uworld|uw\b|amboss|shelf|comlex|mcat|comsae|"
    r"cms|form|practice|self\s*assess|qbank))"
)
# "my NBME predicted 250", "UWSA2 predicts a 255": then a practice number IS their score.
_PREDICTED_BEFORE_RE = re.compile(
    r"\b(?:predicted|predicts?|predicting|prediction|projected|projects?|projecting|"
    r"equates?|converts?|converted|translated?|translates?)\b[^0-9]{0,20}$"
)
_PREDICTED_AFTER_RE = re.compile(r"^\s*(?:\+|ish)?\s*(?:predicted|projected)\b")
# Words that say "this number is my score": "got 250", "scored a 249", "score of 999".
_STRONG_BEFORE_RE = re.compile(
    r"\b(?:got|get|gotten|getting|scored|scoring|score|scores|pulled|earned|received|hit)"
    r"\b(?:\s+(?:a|an|of|was|is|were|like|around|about|only|just|maybe|exactly|approx|"
    r"approximately|roughly|probably|barely|literally|=|:))*\s*[~:=]?\s*$"
)
_NEGATIVE_RE = re.compile(r"(?:^|[\s(~])-$|\bminus\s*$")
_GLUED_BEFORE_RE = re.compile(r"[^\W\d_]$|[$#@£€/:]$|(?:[a-z]|[0-9])-$|[0-9][.,]$")
_FORMATTED_AFTER_RE = re.compile(r"[/:][0-9]|\.[0-9]|,[0-9]{3}|-[0-9]|\s*(?:%|percent\b|(?:st|nd|rd|th)\b)")
_DECADE_AFTER_RE = re.compile(r"'?s\b")
_DIGIT_AFTER_RE = re.compile(r"\s*[0-9]")
_DIGITS_BEFORE_RE = re.compile(r"([0-9]+)\s+$")
_FOLLOW_WORD_RE = re.compile(r"[\s!.?~+]*([a-z]+)")
_RANGE_WORD_RE = re.compile(r"\b(high|upper|mid|middle|low|lower)[\s-]*$")
_DECADE_OFFSET = {"high": 7, "upper": 7, "mid": 5, "middle": 5, "low": 2, "lower": 2}
# After a small or out-of-range number, only these keep it a score ("got 3 kids" is not).
_SCORE_FOLLOW = frozenset(
    {
        "on",
        "in",
        "for",
        "and",
        "but",
        "so",
        "is",
        "was",
        "what",
        "which",
        "can",
        "could",
        "should",
        "would",
        "do",
        "does",
        "did",
        "how",
        "im",
        "i",
        "am",
        "my",
        "or",
        "lol",
        "rip",
        "score",
        "ck",
        "step",
        "overall",
        "total",
        "when",
        "with",
        "at",
        "this",
        "that",
        "now",
        "though",
        "tho",
        "still",
        "please",
        "pls",
        "help",
        "ugh",
        "wow",
        "yesterday",
        "today",
        "rn",
        "omg",
        "haha",
        "lmao",
        "why",
    }
)


@dataclass(frozen=True)
class _Number:
    """One number in the message, joined across "2 48" when that reads as a score."""

    value: int
    start: int
    end: int


def _numbers(low: str) -> list[_Number]:
    """Digit runs, joining "2 48" / "24 8" into 248 when the parts look like a split score."""
    found = list(islice(_NUM_RE.finditer(low), _MAX_NUMBERS + 1))
    out: list[_Number] = []
    i = 0
    while i < len(found):
        m = found[i]
        if i + 1 < len(found):
            nxt = found[i + 1]
            a, b = m.group(), nxt.group()
            if (
                nxt.start() == m.end() + 1
                and low[m.end()] == " "
                and {len(a), len(b)} == {1, 2}
                and 100 <= int(a + b) <= 300
                and not _LABEL_BEFORE_RE.search(low[max(0, m.start() - 20) : m.start()])
            ):
                out.append(_Number(int(a + b), m.start(), nxt.end()))
                i += 2
                continue
        out.append(_Number(int(m.group()), m.start(), m.end()))
        i += 1
    return out


@dataclass(frozen=True)
class _Scores:
    """The numbers of one message that matter: the Step 2 score, or else an off-scale one,
    and a practice-test score seen along the way."""

    score: int | None = None
    bad: int | None = None
    practice: int | None = None


def _find_score(text: str, aliases: Collection[str] = ()) -> _Scores:
    """The Step 2 score, an out-of-range number given as the score, and a practice score.

    A number in 100-300 counts unless something says it is not the Step 2 score (a practice
    exam or Step 1 in the same clause, a unit, a date, a label). Anything else counts only
    with score words around it ("got", "scored", "score of", "step 2 ... 320").
    """
    low = text.lower().replace("−", "-").replace("–", "-").replace("’", "'")
    weak: list[int] = []
    bad: list[int] = []
    practice: list[int] = []
    for num in _numbers(low):
        verdict = _classify(low, num, aliases)
        if verdict is None:
            continue
        value, kind = verdict
        if kind == "practice":
            practice.append(value)
        elif not 1 <= value <= 300:
            bad.append(value)
        elif kind == "said":
            return _Scores(score=value)  # the first number said to be the score settles it
        else:
            weak.append(value)
    if weak:
        return _Scores(score=weak[0])
    return _Scores(bad=bad[0] if bad else None, practice=practice[0] if practice else None)


_Kind = Literal["said", "bare", "practice"]
"""said: words say it is the score; bare: a plausible number alone; practice: a practice-test
(or Step 1) score."""


def _classify(low: str, num: _Number, aliases: Collection[str]) -> tuple[int, _Kind] | None:
    """(value, kind) when this number is a score of some kind, else None."""
    before = low[max(0, num.start - 80) : num.start]  # the clause, for which exam it is about
    tail = before[-32:]  # enough for "score was around", cheap for the end-anchored checks
    after = low[num.end : num.end + 60]
    value = num.value

    if _NEGATIVE_RE.search(tail):
        tail = tail[:-1] if tail.endswith("-") else tail
        value = -value
    elif _GLUED_BEFORE_RE.search(tail) and not _RANGE_WORD_RE.search(tail):
        # "uwsa2", "pgy-1", "$250", "3/3", "19:30", "240-250", "3.5", "1,000"; not "mid-240s"
        return None
    if _FORMATTED_AFTER_RE.match(after):
        return None  # "3/3", "7.5", "555-1234", "65%", "15th"
    decade = _decade(tail, after, value)
    if decade is False:
        return None
    if isinstance(decade, int):
        value = decade
    elif after[:1].isalpha() and not after.startswith("ish"):
        return None  # "7am", "26yo", "3rd", "12wks"
    if _UNIT_AFTER_RE.match(after) or (num.end - num.start == 4 and 1900 <= value <= 2100):
        return None  # "6 weeks", "40 questions", a year
    if value <= 12 and _CLOCK_AFTER_RE.match(after):
        return None  # "7 am", "9 o'clock"
    if 1 <= value <= 31 and (_MONTH_BEFORE_RE.search(tail) or _MONTH_AFTER_RE.match(after)):
        return None  # "March 3", "3rd of May"
    if 100 <= value <= 300 and _PRACTICE_LABEL_RE.search(tail):
        return value, "practice"  # "nbme 240": too big for a form number, so a practice score
    if _LABEL_BEFORE_RE.search(tail) or (value < 100 and _AGE_BEFORE_RE.search(tail)):
        return None  # "step 2", "NBME 12", "free 120", "I'm 26"
    if _next_to_other_number(tail, after):
        return None

    predicted = bool(_PREDICTED_BEFORE_RE.search(tail) or _PREDICTED_AFTER_RE.match(after))
    exam = _exam_context(before, after)
    if exam == "other" and not predicted:
        return (value, "practice") if 100 <= value <= 300 else None  # a Step 1, NBME, UWSA... number
    is_strong = predicted or exam == "s2" or bool(_STRONG_BEFORE_RE.search(tail))
    if 100 <= value <= 300:
        return value, ("said" if is_strong else "bare")
    if not is_strong:
        return None
    follow = _FOLLOW_WORD_RE.match(after)
    off_scale_for = value > 300 and follow is not None and follow.group(1) in aliases  # "score 400 derm"
    if follow is not None and follow.group(1) not in _SCORE_FOLLOW and not off_scale_for:
        return None  # "got 3 kids", "got 3 derm interviews", "got 1000 followers"
    return value, "said"


def _decade(tail: str, after: str, value: int) -> int | bool | None:
    """For "240s" / "mid 240s": the score it stands for, False if nonsense, None if not one."""
    if not _DECADE_AFTER_RE.match(after):
        return None
    if value % 10 or not 100 <= value <= 290:
        return False
    word = _RANGE_WORD_RE.search(tail)
    return value + (_DECADE_OFFSET[word.group(1)] if word else 5)


def _next_to_other_number(tail: str, after: str) -> bool:
    """Phone numbers and lists: a digit group right beside another, unless it is a label."""
    if _DIGIT_AFTER_RE.match(after):
        return True
    group = _DIGITS_BEFORE_RE.search(tail)
    if group is None:
        return False
    return _LABEL_BEFORE_RE.search(tail[: group.start()]) is None


def _exam_context(before: str, after: str) -> Literal["s2", "other"] | None:
    """Which exam the number is about: the one named right after it, else the last one
    named earlier in the same clause."""
    m = _EXAM_AFTER_RE.match(after)
    if m is not None:
        return "s2" if m.group("s2") else "other"
    cuts = list(_BOUNDARY_RE.finditer(before))
    clause = before[cuts[-1].end() :] if cuts else before
    last: Literal["s2", "other"] | None = None
    for hit in _EXAM_RE.finditer(clause):
        last = "s2" if hit.group("s2") else "other"
    return last


# --------------------------------------------------------------------------- intents

_GREETING_WORDS = frozenset(
    {
        "hi",
        "hello",
        "hey",
        "heya",
        "hiya",
        "yo",
        "sup",
        "hola",
        "howdy",
        "greetings",
        "morning",
        "afternoon",
        "evening",
        "thanks",
        "thank",
        "thx",
        "ty",
        "tysm",
        "cheers",
        "start",
        "gm",
        "appreciate",
        "hii",
        "hiii",
        "heyy",
        "heyyy",
        "helo",
        "hallo",
        "wassup",
    }
)
_GREETING_FILLER = frozenset(
    {
        "good",
        "there",
        "bot",
        "you",
        "u",
        "what",
        "whats",
        "s",
        "up",
        "everyone",
        "all",
        "so",
        "much",
        "very",
        "a",
        "lot",
        "ok",
        "okay",
        "cool",
        "great",
        "awesome",
        "nice",
        "it",
        "friend",
        "buddy",
        "again",
        "guys",
        "lol",
        "man",
        "bro",
        "dude",
        "and",
        "for",
        "the",
        "help",
        "advisor",
        "ck",
        "step",
        "2",
        "doc",
        "oh",
        "ah",
    }
)


def _is_greeting(tokens: list[_Token]) -> bool:
    """Only greeting and thank-you words, with at least one real greeting among them."""
    words = [t.low for t in tokens]
    if "help" in words:
        return False  # "hi, help" asks for help
    has_greeting = any(w in _GREETING_WORDS for w in words)
    return has_greeting and all(w in _GREETING_WORDS or w in _GREETING_FILLER for w in words)


_HELP_WHOLE_RE = re.compile(
    r"(?:(?:hi|hey|hello|yo) )?(?:help|help me|helpp+|halp|commands?|menu|options|"
    r"instructions|usage|how to use|guide)(?: (?:me|please|pls|plz))?"
)
_HELP_RE = re.compile(
    r"\bwhat (?:can|do|does) (?:you|u|this bot|the bot|this|it|this thing) do\b"
    r"|\bhow (?:does|do) (?:this|it|you|u|the bot|this bot|this thing) work\b"
    r"|\bhow (?:do|can|should) i use (?:this|you|u|it|the bot|this bot)\b"
    r"|\bwho are you\b|\bwhat is this bot\b|\bwhat are you\b|\bcommands\b|\bhelp\b"
)
_HELP_TRIGGERS = ("what", "how", "who", "command", "help")


def _asks_help(norm: str) -> bool:
    """ "help", "what can you do", "how does this work", "commands"."""
    if _HELP_WHOLE_RE.fullmatch(norm):
        return True
    return any(t in norm for t in _HELP_TRIGGERS) and _HELP_RE.search(norm) is not None


_SPAN = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|"
    r"couple|couple of)\s+(?:days?|weeks?|wks?|months?|mos?)"
)
_PLAN_EXPLICIT_RE = re.compile(
    r"\bstudy\s+(?:plan|schedule|calendar|timetable)\b"
    r"|\b(?:make|build|create|give|write|draft|design|set up|need|want|plan|get)\b.{0,25}"
    r"\b(?:plan|schedule|calendar|timetable)\b"
    r"|\bplan (?:out )?(?:my|for my|the|out)? ?(?:dedicated|studying|study|prep|weeks?|"
    r"months?|days?)\b"
    r"|\bdedicated (?:plan|schedule|period|starts?|begins?)\b"
    r"|\b(?:exam|test) date\b|\b(?:my )?date is\b"
)
_EXAM_WORD_RE = re.compile(r"\b(?:exam|test|step (?:2|two)(?: ck)?|ck|s2ck|boards?)\b")
# A date beside these is an exam taken, a practice test or a score question, not one to plan for.
_NOT_AHEAD_RE = re.compile(
    r"\b(?:took|taken|sat|did|was|were|last|yesterday|ago|practice|uworld|uw|nbme|uwsa|cbse|free 120|"
    r"blocks?|scores?|results?|released?)\b"
)
_PLAN_SPAN_RE = re.compile(
    rf"\b{_SPAN} (?:left|until|till|to go|out|before (?:my|the) (?:exam|test)|of dedicated|dedicated)\b"
)
_ANY_DAY = date(2000, 1, 1)
"""A fixed day for plan detection, which asks only whether an exam date is named; whether it
is past or too far is the plan flow's to say, with the real date, when it asks for one."""
# "is it too late to take step 2 in august" asks about timing, it is not a date to plan for.
_TIMING_QUESTION_RE = re.compile(r"\btoo (?:late|early)\b|\bwhen\b|\bshould i\b|\bbest time\b")
_PLAN_RELATIVE_RE = re.compile(rf"\bin {_SPAN}\b|\b{_SPAN} (?:left|until|till|to go|out)\b")


# INTERIM (issue 12): plan operations by keyword, until the learned classifier of the
# understanding rewrite (bot/understand/) takes over these four intents at merge.
_PLAN_OPERATIONS: tuple[tuple[Intent, re.Pattern[str]], ...] = (
    (
        "exam_moved",
        re.compile(
            r"\b(?:exam|test|step 2|ck|date)\b.*\b(?:moved|rescheduled|pushed|postponed|changed|bumped|delayed)\b"
            r"|\b(?:move|reschedule|push|postpone)d? (?:my |the )?(?:exam|test)\b"
        ),
    ),
    (
        "log_progress",
        re.compile(
            r"\b(?:did|done|finished|completed|knocked out|crushed)\b(?: [a-z]+){0,3} [0-9]{1,4} ?"
            r"(?:q|qs|qbank|questions?|ques|mcqs?)\b"
        ),
    ),
    ("days_left", re.compile(r"\bhow (?:many|much) (?:days|weeks|time)\b.*\b(?:left|until|till|before|to)\b")),
    (
        "plan_break",
        re.compile(
            r"\b(?:can|could|should|may|ok to|okay to|want to|wanna|need) (?:i |we )?(?:take|have|get|a)\b.*"
            r"\b(?:break|day off|days off|weekend off)\b|\bweekend off\b|\bbreak (?:this|next) weekend\b"
        ),
    ),
)


def _plan_operation(norm: str) -> Intent | None:
    """INTERIM: which of exam_moved / log_progress / days_left / plan_break a message asks, if any."""
    return next((intent for intent, pattern in _PLAN_OPERATIONS if pattern.search(norm)), None)


def _wants_plan(text: str, norm: str, has_score: bool) -> bool:
    """A request for a study schedule, or an exam date to plan towards.

    Dates are found by the plan flow's own parser, so whatever it can set up from
    ("exam next friday", "test is 2027-03-03", "in 6 weeks") starts it. With a score in
    the message, a calendar date is more likely when they sat the exam ("got 250 on
    step 2 in march"), so only a span ahead ("in 6 weeks") counts then.
    """
    if _PLAN_EXPLICIT_RE.search(norm):
        return True
    if _TIMING_QUESTION_RE.search(norm):
        return False
    if _PLAN_SPAN_RE.search(norm):
        return True
    if not _EXAM_WORD_RE.search(norm) or _NOT_AHEAD_RE.search(norm) or find_exam_date(text, _ANY_DAY) is None:
        return False
    return not has_score or _PLAN_RELATIVE_RE.search(norm) is not None


_S2 = r"(?:step ?(?:2|two)(?: ck)?|ck|s2ck|s2|the exam|the test)"
_S1 = r"(?:step ?(?:1|one)|s1)"
# Keyword cues, tried in this order; the first whose topic exists in the FAQ wins. They run
# on normalized text ("what's" -> "what s"), so patterns use single spaces and no apostrophes.
_FAQ_CUE_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "img",
        r"\bimgs?\b|\bfmgs?\b|\binternational (?:medical )?(?:graduate|grad|student)s?"
        r"\b|\bforeign (?:medical )?(?:graduate|grad|student)s?\b|\bnon us\b"
        r"|\bcaribbean\b|\boutside (?:the )?us\b",
    ),
    (
        "passing_score",
        r"\bpass(?:ing)? (?:score|mark|cutoff|cut off|threshold|line)\b"
        r"|\bto pass\b|\bpassing\b|\bminimum (?:score )?to pass\b",
    ),
    (
        "score_release",
        r"\b(?:scores?|results?)\b.{0,25}\b(?:come out|comes out|released?|"
        r"release date|out yet|isn t out|isnt out|not out|posted|available)\b"
        r"|\bwhen\b.{0,25}\b(?:get|receive|see|hear)\b.{0,20}\b(?:score|"
        r"results?)\b|\bhow long\b.{0,30}\b(?:score|results?)\b|\bno score\b"
        r"|\brelease (?:day|date)\b|\bscore release\b",
    ),
    (
        "difficulty",
        rf"\b(?:harder|hardest|hard|easier|easiest|easy|difficult|difficulty|"
        rf"tough|tougher|challenging|brutal)\b.{{0,30}}\b{_S2}\b|\b{_S2}\b"
        rf".{{0,30}}\b(?:harder|hard|easier|easy|difficult|difficulty|tough|"
        rf"tougher|challenging|brutal)\b",
    ),
    (
        "step1_vs_step2",
        rf"\b{_S1}\b.{{0,30}}\b(?:vs|versus|or|compared|than|differ\w*|"
        rf"like)\b.{{0,25}}\b{_S2}\b|\b{_S2}\b.{{0,30}}\b(?:vs|versus|"
        rf"compared|than|differ\w*|like)\b.{{0,15}}\b{_S1}\b"
        rf"|\b{_S1}\b (?:is |being |going |now |still |became )?"
        rf"(?:pass fail|scored)\b|\bwhat s different about\b"
        rf"|\b{_S1}\b.{{0,40}}\bpass fail\b|\bpass fail\b.{{0,40}}\b{_S1}\b"
        rf"|\bdiffer\w*\b.{{0,20}}\b{_S1}\b"
        rf"|\b(?:does|do|is|will) {_S1}\b.{{0,20}}\b(?:matter|count|important)",
    ),
    (
        "retakes",
        r"\bretak\w*|\bre take\b|\bresit\b|\bre sit\b|(?<!pass )\bfail(?:ed|ing|s)?"
        r"\b|\bdidn ?t pass\b|\bdid not pass\b|\battempt limit\b|\bhow many "
        r"(?:times|attempts|tries)\b|\b(?:take|sit) (?:it |step 2 |ck |s2ck )?"
        r"again\b|\bmax(?:imum)? attempts\b",
    ),
    (
        "beyond_scores",
        r"\b(?:besides|beyond|other than|apart from|aside from|else)\b"
        r".{0,30}\b(?:score|scores|step|ck|matters?|look at|count)\b"
        r"|\b(?:lors?|letters? of rec\w*|rec letters|personal statement|"
        r"research|volunteer\w*|extracurricular\w*|holistic|away rotations?|"
        r"sub is?|clinical grades|honors|aoa|publications?|pubs|the "
        r"interview|interviews)\b.{0,25}\b(?:matter|matters|important|count|"
        r"counts|help|helps|weigh\w*)\b|\bstrong application\b",
    ),
    (
        "program_directors",
        r"\b(?:pds?|program directors?|programs?|residenc(?:y|ies))\b"
        r".{0,40}\b(?:use|uses|care|cares|look|looks|screen\w*|filter\w*|"
        r"cutoffs?|cut offs?|weigh\w*|value|consider)\b|\b(?:screen\w*|"
        r"filter\w*)\b.{0,25}\b(?:step|ck|s2ck|score|scores)\b"
        r"|\bcutoffs? for interviews?\b|\binterview cutoffs?\b",
    ),
    (
        "why_step2_matters",
        rf"\b{_S2}\b.{{0,30}}\b(?:matter|matters|important|importance|"
        rf"big deal|count|counts|weigh\w*)\b|\bwhy\b.{{0,20}}\b{_S2}\b"
        rf"|\b(?:matter|important|importance)\b.{{0,20}}\b{_S2}\b",
    ),
    (
        "low_score",
        r"\b(?:low|lower|bad|poor|terrible|awful|horrible|below average|"
        r"under average|below the average|under the average|mediocre|"
        r"disappointing)\b.{0,25}\b(?:score|scores|step 2|ck|s2ck)\b"
        r"|\b(?:score|step 2|ck|s2ck)\b.{0,20}\b(?:too low|so low|is low|was low|"
        r"low|bad|terrible|sucks?|awful|poor)\b|\bruin\w*\b.{0,20}\bchances?\b"
        r"|\bscored below\b|\btoo low\b|\bam i cooked\b",
    ),
    (
        "match_with_average",
        r"\b(?:can|will|could|do|does|would|still)\b.{0,25}\bmatch\w*"
        r"\b.{0,30}\b(?:average|avg|mid|median|mediocre)\b"
        r"|\b(?:average|avg|mid)\b.{0,25}\b(?:enough|still match|ok for "
        r"match\w*|good enough)\b",
    ),
    (
        "timing",
        r"\bwhen\b.{0,25}\b(?:take|taking|schedule|book|sit)\b|\btoo (?:late|early)"
        r"\b|\bbest time\b|\bhow (?:early|late)\b|\b(?:before|after) eras\b"
        r"|\btiming\b",
    ),
    (
        "exam_format",
        r"\bformat\b|\bhow many (?:blocks|questions|hours)\b|\bstructur\w*\b"
        rf"|\bhow long is (?:{_S2}|it)\b|\bexam day\b|\bblocks\b",
    ),
    (
        "study_strategies",
        r"\bhow (?:should |do |can |to |would )?(?:i |you )?(?:study|"
        r"studdy|prep|prepare)\b|\b(?:study|prep) (?:tips|advice|"
        r"strategies|strategy|resources|method)\b|\b(?:best|good) "
        r"(?:way|resources?|qbank)\b|\b(?:raise|improve|increase|boost|"
        r"bump)\b.{0,25}\bscores?\b|\btips\b|\bwhat resources\b",
    ),
    (
        "overall_average",
        rf"\b(?:average|avg|mean|median|typical|national)\b.{{0,20}}"
        rf"\b{_S2}\b|\b{_S2}\b.{{0,10}}\b(?:average|avg|mean)\b"
        r"|\bwhat (?:s |is )?(?:a )?good (?:step 2 |ck |s2ck )?score\b"
        r"|\bwhat do (?:most )?people (?:score|get)\b",
    ),
)
# Substrings without which a cue cannot match. Python's re scans every position for each
# `\b...` alternative, so a plain `in` test first keeps most messages from paying for it.
_FAQ_TRIGGERS: dict[str, tuple[str, ...]] = {
    "img": ("img", "fmg", "international", "foreign", "non us", "caribbean", "outside"),
    "passing_score": ("pass",),
    "score_release": ("out", "releas", "post", "availab", "when", "how long", "no score"),
    "difficulty": ("hard", "eas", "difficult", "tough", "challeng", "brutal"),
    "step1_vs_step2": ("step", "s1", "different", "pass fail"),
    "retakes": ("retak", "re take", "resit", "re sit", "fail", "did", "attempt", "how many", "again"),
    "beyond_scores": (
        "besides",
        "beyond",
        "other than",
        "apart",
        "aside",
        "else",
        "lor",
        "letter",
        "personal",
        "research",
        "volunteer",
        "extracurricular",
        "holistic",
        "away",
        "sub i",
        "grades",
        "honors",
        "aoa",
        "pub",
        "interview",
        "strong application",
    ),
    "program_directors": ("pd", "program", "residenc", "screen", "filter", "cutoff"),
    "why_step2_matters": ("matter", "important", "importance", "big deal", "count", "weigh", "why"),
    "low_score": (
        "low",
        "bad",
        "poor",
        "terribl",
        "awful",
        "horribl",
        "below",
        "under",
        "mediocre",
        "disappoint",
        "suck",
        "ruin",
        "cooked",
    ),
    "match_with_average": ("average", "avg", "mid", "median", "mediocre"),
    "timing": ("when", "too late", "too early", "best time", "how early", "how late", "eras", "timing"),
    "exam_format": ("format", "how many", "structur", "how long", "exam day", "blocks"),
    "study_strategies": (
        "stud",
        "prep",
        "tips",
        "strateg",
        "resource",
        "way",
        "qbank",
        "raise",
        "improve",
        "increase",
        "boost",
        "bump",
    ),
    "overall_average": ("average", "avg", "mean", "median", "typical", "national", "good", "people"),
}
_FAQ_CUES: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (topic, _FAQ_TRIGGERS[topic], re.compile(pattern)) for topic, pattern in _FAQ_CUE_PATTERNS
)
# A named specialty turns "what's the average?" into a question about that specialty.
_CUES_NOT_WITH_SPECIALTY = frozenset({"overall_average"})
# "low 240s" is a score, not a worry about a low score.
_DECADE_PHRASE_RE = re.compile(r"\b(?:high|upper|mid|middle|low|lower) \d+ ?s\b")


def _faq_cue(norm: str, index: _Index, has_specialty: bool) -> str | None:
    """The FAQ topic a hard-coded keyword cue points to, if that topic is in the knowledge."""
    text = _DECADE_PHRASE_RE.sub(" ", norm)
    for topic, triggers, pattern in _FAQ_CUES:
        if has_specialty and topic in _CUES_NOT_WITH_SPECIALTY:
            continue
        if topic in index.topics and any(t in text for t in triggers) and pattern.search(text):
            return topic
    return None


_FUZZY_FAQ_CUTOFF = 84.0


def _fuzzy_faq(norm: str, index: _Index, n_tokens: int) -> str | None:
    """The FAQ topic of the closest phrasing, when it is close (typos, small rewordings)."""
    # Much longer than every phrasing cannot reach the cutoff; skip the work.
    if n_tokens < 2 or not index.phrasing_keys or len(norm) > 1.5 * index.max_phrasing_len:
        return None
    hit = process.extractOne(
        _sorted_words(norm), index.phrasing_keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_FAQ_CUTOFF
    )
    return index.phrasing_topics[hit[2]] if hit is not None else None
