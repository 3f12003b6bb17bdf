"""Specialties named in a message: aliases, typo correction, and guards for short aliases.

Every alias and name in the knowledge (longest match first, multi-word aliases only across
spaces, "/", "-", "&", "+", "'"), typos corrected against the words of those aliases with
rapidfuzz (tokens of 5+ letters only), and guards for short aliases that are also ordinary
words ("im" = "I'm", "er", "dr" before a name). A trailing "surgery" is folded into the
specialty before it ("neuro surgery" is one). The word lists are in knowledge/vocab/words.json.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from typing import NamedTuple

from rapidfuzz import fuzz, process

from bot import quick_re
from knowledge import Knowledge
from knowledge.store import derived
from knowledge.vocab import vocabulary


class Token(NamedTuple):
    """One ASCII alphanumeric run of the message, with where it sits in the original.

    A NamedTuple, not a dataclass: a long post makes hundreds, and this is cheaper to build."""

    low: str
    orig: str
    start: int
    end: int


WORD_RE = quick_re.compile(r"[A-Za-z0-9]+")


def tokens_of(text: str) -> list[Token]:
    """The message's alphanumeric runs, lowercased beside the original."""
    # tuple.__new__ skips the NamedTuple's Python-level constructor: a third faster on long posts.
    return [_new(Token, (g.lower(), g, m.start(), m.end())) for m in WORD_RE.finditer(text) for g in (m.group(),)]


_new = tuple.__new__


# --------------------------------------------------------------------------- index


@dataclass
class Index:
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
    """normalised FAQ phrasing -> topic: an exact match needs no model."""
    corrections: dict[str, str] = field(default_factory=dict)
    """Memo of typo corrections; bounded in `_correct`."""


def index_for(knowledge: Knowledge) -> Index:
    """The index for this Knowledge, built on first use."""
    return derived(knowledge, _build_index)


def _build_index(knowledge: Knowledge) -> Index:
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
    return Index(
        aliases=aliases,
        prefixes=prefixes,
        vocab=vocab,
        buckets=buckets,
        phrasings=phrasings,
    )


# --------------------------------------------------------------------------- specialties

_FUZZY_MIN_LEN = 5
_FUZZY_CUTOFF = 85.0
_V = vocabulary()

# Separators a multi-word alias may span: "ob/gyn", "pm&r", "neuro-surgery", "ear nose".
# A comma or question mark ends it, so "compare IM, peds" is not "IM-Peds".
_JOIN_SEP_RE = quick_re.compile(r"[\s/&+\-']+")
# Punctuation that cuts a word off from its neighbours for context checks. A full stop is
# left out on purpose: in "Dr. Patel" it abbreviates, it does not end a sentence.
_FLASHCARDS_RE = quick_re.compile(r"\b(?:anki|flash\s*cards?|decks?|reviews?)\b", re.IGNORECASE)
_HARD_SEP_RE = quick_re.compile(r"[,;:!?()\[\]\n…—–]|\.\.")
_STOP_SEP_RE = quick_re.compile(r"\.\s")
"""A full stop ends the phrase before a lowercase word ("gas. am i cooked"), not in "Dr. Patel"."""

_ORDINARY_WORDS = frozenset({"psycho", "psychos", "psychic", "pathos"})
"""Words of their own one letter from an alias: "refreshing every hour like a psycho" names no field."""

_ORDINARY_AFTER = {
    "emergency": frozenset({"family", "medical", "personal", "dental", "health", "pet"}),
    # the idiom said whole ("ran out of gas"), never "how many out of gas programs"
    "gas": frozenset(
        {
            "ran out of",
            "run out of",
            "running out of",
            "runs out of",
            "running on no",
            "im out of",
            "i m out of",
            "completely out of",
            "totally out of",
            "feeling out of",
            "feel out of",
            "so out of",
            "kinda out of",
        }
    ),
}
"""An alias word after these (up to four words) is the ordinary word: "had a family emergency", "ran out of gas"
name no field."""

_WHOSE_DOCTOR = frozenset({"my", "her", "his", "their", "our"})
_PRACTITIONER = ("ist", "ists", "ian", "ians", "eon", "eons")
"""A practitioner's name after "my" ("my psychiatrist", "her dermatologist", "my surgeon") is someone's doctor."""


def _ordinary(words: list[str], i: int) -> bool:
    """A one-word alias used as an ordinary word by the words before it (`_ORDINARY_AFTER`, `_WHOSE_DOCTOR`)."""
    word, before = words[i], words[i - 1]
    ordinary = _ORDINARY_AFTER.get(word, frozenset())
    return any(" ".join(words[max(0, i - n) : i]) in ordinary for n in (1, 2, 3, 4) if n <= i) or (
        before in _WHOSE_DOCTOR and word.endswith(_PRACTITIONER)
    )


# "neuro" alone is neurology, but "neuro surg" is neurosurgery.
_SURGICAL_FORM = {"neurology": "neurosurgery"}


def _correct(word: str, index: Index) -> str:
    """The alias word a misspelt token stands for ("dermatolgy" -> "dermatology"), else itself."""
    if len(word) < _FUZZY_MIN_LEN or word in index.vocab or not word.isalpha() or word in _ORDINARY_WORDS:
        return word
    memo = index.corrections.get(word)
    if memo is not None:
        return memo
    fixed = word
    if word.endswith("s") and word[:-1] in index.vocab:  # plurals: "radiologists"
        # but a clipped alias's plural is an ordinary word: "very different paths" isn't pathology
        fixed = word[:-1] if len(word) > _FUZZY_MIN_LEN else word
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


def is_shouting(text: str) -> bool:
    """True when the message is mostly capitals, so capitals say nothing about a word."""
    # Counted by deleting bytes in C: a regex's findall built a list of every letter of a long post.
    ascii_text = text.encode("ascii", "ignore")
    letters = len(ascii_text) - len(ascii_text.translate(None, _LETTERS))
    return letters >= 8 and len(ascii_text) - len(ascii_text.translate(None, _UPPER)) >= 0.7 * letters


_AVERAGE_WORDS = frozenset({"avg", "average", "averages", "mean", "median"})
_EXAM_AFTER_WORDS = frozenset({"step", "ck", "s2", "score", "scores"})
"""After one of these a short alias is a field scored, not a name ("path step 2 avg")."""
_UPPER = string.ascii_uppercase.encode()
_LETTERS = string.ascii_letters.encode()


def find_specialties(text: str, tokens: list[Token], index: Index) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Known specialties and other specialties named, each in order and without repeats."""
    vocab = index.vocab
    # Most words are too short, already an alias word or not letters: no call for them.
    words = [w if len(w) < _FUZZY_MIN_LEN or w in vocab else _correct(w, index) for w in (t.low for t in tokens)]
    joins = _Joins(text, tokens)
    shouting = is_shouting(text)
    n = len(words)
    specs: list[str] = []
    others: list[str] = []
    mine: set[str] = set()  # fields said at least once of no one else
    ruled_out: set[str] = set()  # "ortho is off the table now", a prelim year held: weighed only if no other is named
    named: set[str] = set()  # fields named plainly at least once
    studied_until = -1  # where the last subject studied ended: "weak in obgyn and peds" makes both subjects
    last: tuple[str, int, bool] | None = None  # the last field first named: (id, where it ended, known)
    mentions: list[tuple[str, int, int]] = []  # each known field weighed: (id, where its name starts and ends)
    i = 0
    prefixes = index.prefixes
    while i < n:
        if words[i] not in prefixes:
            i += 1  # no alias starts here (most words of a long post)
            continue
        end, hit = _longest_alias(words, joins, i, index)
        if hit is None or (end == i + 1 and not _single_ok(text, tokens, words, i, index, shouting)):
            i += 1
            continue
        known, ident = hit
        if end == i + 1 and i and _ordinary(words, i):
            i += 1  # "a family emergency", "my psychiatrist documented it": the ordinary word, no field weighed
            continue
        before = [" ".join(words[max(0, i - k) : i]) for k in (1, 2, 3, 4)]
        # "weak in OB" is a subject studied; "why did i choose medicine" is the profession
        after = [" ".join(words[end : end + k]) for k in (2, 3, 4)]
        studied = (
            any(b in _V.subject_before for b in before)
            or any(a in _V.subject_after for a in after)  # "gyn is killing me": a subject, not a career
            or (words[i] == "medicine" and any(b in _V.profession_before for b in before))
            # "except neuro which was a 64": a shelf's result after the field, not a career
            or _RESULT_AFTER_RE.match(after[-1]) is not None
            # "NBME: gyn low, neuro low, peds high": a level read off a score report, then a comma
            or _LEVEL_AFTER_RE.match(text, tokens[end - 1].end) is not None
            # "shelf percentiles: surgery 38th, peds 82nd": a percentile right after the field's name
            or _PERCENTILE_AFTER_RE.match(text, tokens[end - 1].end) is not None
            # "OB 55%, peds 60%, everything else 70s": a share scored in it, right after the name
            or _PERCENT_AFTER_RE.match(text, tokens[end - 1].end) is not None
            # "cardio 78% on uworld": cardiology is a fellowship, so "cardio" is a subject unless a career is said
            or (words[i] == "cardio" and _CAREER_SAID_RE.search(text) is None)
            # "OB and peds lowest": the weakest subjects, named first
            or _LOWEST_AFTER_RE.match(" ".join(words[end : end + 3])) is not None
            # "my OB is terrible": their own grasp of a subject (not "derm is so bad for IMGs", said of the field)
            or (i > 0 and words[i - 1] == "my" and _MY_SUBJECT_AFTER_RE.match(" ".join(words[end : end + 3])))
            # "should I focus more on OB and peds in my last 2 weeks?": study time, not a career
            or (any(b in _FOCUS_BEFORE for b in before) and _studying_talk(text))
            # "48% in OB", "my weakest areas on nbmes are OB and peds": a share or a weak spot, then the subject
            or _SUBJECT_BEFORE_RE.search(text, max(0, tokens[i].start - 60), tokens[i].start) is not None
            or (studied_until >= 0 and i == studied_until + 1 and words[i - 1] in ("and", "or", "n"))
            or _worked_on(words, i, end)  # "how do i fix OB fast", "get better at OB" (not "improve my ortho app")
            or _on_rotation(words, i, end)  # "on gen surg rn, 70+ hr weeks" (not "set on gen surg now")
            # "my weakest: OB, peds": the list goes on after a comma too
            or (
                studied_until == i
                and i > 0
                and text[tokens[i - 1].end : tokens[i].start].strip() in (",", "/", "&", "+")
            )
        )
        # "IM shelf" is an exam; "ENT, nbme 12 is at 243" names the field, then a practice test
        exam_after = (
            end < n
            and words[end] in _V.not_after_specialty
            and not text[tokens[end - 1].end : tokens[end].start].strip()
        )
        if exam_after or studied:
            joined = (
                last is not None
                and (
                    (last[1] == i - 1 and words[i - 1] in ("and", "or", "n"))
                    # "OB/peds killed me": the fields joined by a slash or an ampersand, no word between
                    or (last[1] == i and text[tokens[i - 1].end : tokens[i].start].strip() in ("/", "&", "+"))
                )
            )
            if last is not None and joined:
                # "OB and peds were brutal", "ob and peds questions": the field before "and" was a subject too
                held = specs if last[2] else others
                if last[0] in held:
                    held.remove(last[0])
                mine.discard(last[0])
            studied_until = end
            i = end  # "IM shelf", "weak in OB": a subject studied or an exam, not a career
            continue
        if end < n and words[end] in _V.surgery_words and joins[end]:
            ident = _SURGICAL_FORM.get(ident, ident)
            end += 1
        bucket = specs if known else others
        if known and not _someone_elses(text, tokens[i].start):
            mine.add(ident)
        if (
            _RULED_OUT_AFTER_RE.match(text, tokens[end - 1].end) and (i == 0 or words[i - 1] not in _ASKING_BEFORE)
        ) or _prelim_left(text, words, i):
            # a field given up (not asked of: "is derm off the table, or IM?" weighs derm), or the preliminary year
            # held while switching ("PGY-1 in prelim surgery, want to switch to anesthesia")
            ruled_out.add(ident)
        else:
            named.add(ident)  # "prelim surgery... reapply to gen surg categorical or switch": named again, weighed
        last = (ident, end, known) if ident not in bucket else None  # only a first mention can be taken back
        if ident not in bucket:
            bucket.append(ident)
        if known:
            mentions.append((ident, tokens[i].start, tokens[end - 1].end))
        i = end
    specs = _subjects_beside_a_career(text, specs, mentions)
    # "my partner is applying gen surg and I'm leaning anesthesia... the averages for each?": both asked, so both kept
    own = specs if _EACH_ASKED_RE.search(text) else [s for s in specs if s in mine] or specs
    # "my roommate is going ortho with a 262... I'm applying gen surg": their field is the one to weigh; a field
    # named only with someone else ("my friend matched derm with 250, can I?") is still the one asked about. So is
    # one given up ("ortho is off the table now, thinking gen surg": gen surg), unless no other is named.
    given_up = ruled_out - named
    return tuple([s for s in own if s not in given_up] or own), tuple(others)


def _subjects_beside_a_career(text: str, specs: list[str], mentions: list[tuple[str, int, int]]) -> list[str]:
    """The fields weighed, less those named only as subjects studied beside another field weighed as a career
    ("Applying neuro. The 55% was all OB and peds": neurology only). A field is such a subject when each of its
    mentions sits in a sentence about studying ("blocks", "55%", "weak areas", "OB is a disaster") with no word of
    careers or figures in its clause ("is 240 ok for EM?" still weighs EM), and some other field is named otherwise."""
    if len(specs) < 2 or not _STUDY_SENTENCE_RE.search(text):
        return specs  # cheap way out: most messages name one field, or don't talk of studying
    weighed = {ident for ident, start, stop in mentions if not _named_as_subject(text, start, stop)}
    return [s for s in specs if s in weighed] if weighed else specs


def _named_as_subject(text: str, start: int, stop: int) -> bool:
    """A field's name at text[start:stop] in a sentence about studying, with no word of careers or figures in its
    clause, and not offered as a choice ("EM or FM?", "maybe peds?", "backup: IM")."""
    sentence_start = max((m.end() for m in _SENTENCE_END_RE.finditer(text, 0, start)), default=0)
    ends = _SENTENCE_END_RE.search(text, stop)
    if not _STUDY_SENTENCE_RE.search(text, sentence_start, ends.start() if ends else len(text)):
        return False
    clause_start = max((m.end() for m in _CLAUSE_END_RE.finditer(text, sentence_start, start)), default=sentence_start)
    after = _CLAUSE_END_RE.search(text, stop)
    return (
        _CAREER_CLAUSE_RE.search(text, clause_start, after.start() if after else len(text)) is None
        and _OFFERED_AFTER_RE.match(text, stop) is None
        and _OFFERED_BEFORE_RE.search(text, max(0, start - 12), start) is None
    )


_STUDY_SENTENCE_RE = quick_re.compile(
    r"\d\s*%|\b(?:blocks?|q'?s|questions|qbanks?|uworld|uw|amboss|nbmes?|shel(?:f|ves)|weak\w*|worst|lowest|review\w*|"
    r"dedicated|remember\w*|first[- ]line|treatments?|management|mgmt|incorrects|studied|studying|subjects?|topics?|"
    r"knowledge|content|material|stuff|algorithms?|doses|miss(?:es|ed|ing)|mixing up|blank|struggl\w*|drag\w*|"
    r"disaster|trash|terrible|horrible|rough|solid|strong|fine|great|good at|bad at|not so much|resources?)\b",
    re.IGNORECASE,
)
"""Words of a sentence about studying: question banks, blocks, shares right, weak areas, a grasp judged."""
_CAREER_CLAUSE_RE = quick_re.compile(
    # (not "my uworld average", their own)
    r"\b(?:(?<!uworld )(?<!nbme )(?<!amboss )(?<!qbank )(?<!shelf )(?<!my )(?:avg|average)|"
    r"mean\s+(?:score|of|is|was|for)|median|competitive|apply\w*|applicants?|applications?|match\w*|programs?|"
    r"residency|career|specialty|field|backup|back-up|safety|safer|easier|harder|realistic|doable|"
    r"options?|fit|tempting|torn|pivot|lifestyle|chances?|odds|enough|good for|ok for|okay for|fine for|into|"
    r"interest\w*|consider\w*|vs|versus|want\w*|going|deciding|decide|switch(?:ing)? to|set on|still do|could i|"
    r"can i|would|fun|love\w*|enjoy\w*|prelim\w*|makes sense|"
    r"\d{3}(?!\s*(?:pages|questions|q'?s)))\b",
    re.IGNORECASE,
)
"""Near a field's name, words of careers and their figures: the field may be weighed as a career."""
_OFFERED_AFTER_RE = quick_re.compile(r"\s*(?:\?|or\b|\(|as (?:a )?(?:backup|safety))", re.IGNORECASE)
_OFFERED_BEFORE_RE = quick_re.compile(r"\b(?:or|maybe|backup:?)\s+$|[(]\s*$", re.IGNORECASE)
"""Around a field's name, the field offered as a choice ("EM or FM?", "maybe peds?", "backup: IM")."""
_SENTENCE_END_RE = quick_re.compile(r"[.?!\n]+\s|[?!\n]")
_CLAUSE_END_RE = quick_re.compile(r"[,;()]|[.?!\n]+\s|[?!\n]|\bbut\b")


def _worked_on(words: list[str], i: int, end: int) -> bool:
    """The field at words[i:end] as a subject worked on ("how do i fix OB fast", "improve my psych", "get better at
    OB"), unless what follows makes it the career applied to ("improve my ortho app")."""
    if end < len(words) and words[end] in _APPLIED_WITH:
        return False
    before = words[max(0, i - 2) : i]
    return (
        (len(before) >= 1 and before[-1] in _IMPROVED)
        or (before[-1:] == ["my"] and len(before) == 2 and before[0] in _IMPROVED)
        or (len(before) == 2 and before[1] in ("at", "on") and before[0] in _WORKING)
    )


def _on_rotation(words: list[str], i: int, end: int) -> bool:
    """ "on <field>" with the time it is now after it ("on surgery rn"): the rotation they're on, unless a choice
    comes before "on" ("set on gen surg now")."""
    return (
        i > 0
        and words[i - 1] == "on"
        and end < len(words)
        and words[end] in _ROTATION_NOW
        and (i < 2 or words[i - 2] not in _DECIDED_ON)
    )


def _prelim_left(text: str, words: list[str], i: int) -> bool:
    """ "in prelim surgery" in a post about switching: the preliminary year they hold now, not a field they aim
    for (the field switched to is the one weighed)."""
    return i > 0 and words[i - 1] in ("prelim", "preliminary") and _SWITCH_RE.search(text) is not None


_RULED_OUT_AFTER_RE = quick_re.compile(
    r"\s+(?:is|s|seems|feels|looks)?\s*(?:(?:obviously|pretty much|basically|probably|totally|kinda|now|already|"
    r"def|definitely|just)\s+)?(?:off the table|out of the question|not an option|out of reach)\b(?![^.!?\n]*\?)",
    re.IGNORECASE,
)
"""A field given up, said right after its name ("ortho is obviously off the table", "derm is out of the question").
Matched on the text as sent, at the field's token, because a "?" later in the clause makes it a question (the normalised
text has no punctuation)."""
_ASKING_BEFORE = frozenset({"is", "are", "would", "will", "does"})
"""A word before a field that makes what follows a question ("is derm off the table?"), not a field given up."""
_SWITCH_RE = quick_re.compile(
    r"\b(?:switch\w*|transfer\w*|mov\w+)\s+(?:\w+\s+){0,2}?(?:to|into)\b(?!\s+(?:amboss|uworld|uw|anki|a new))",
    re.IGNORECASE,
)
"""A change of field said ("want to switch to anesthesia", "transfer into rads"), not of a resource."""


_WORKING = frozenset({"better", "improving", "improve", "working"})
"""Before "at"/"on" and a field: working on it as a subject ("get better at OB")."""
_IMPROVED = frozenset({"fix", "improve", "raise", "boost"})
"""Before a field's name (or "my" and it), what makes it a subject worked on ("how do i fix OB fast")."""
_APPLIED_WITH = frozenset(
    {
        "app",
        "apps",
        "application",
        "applications",
        "chances",
        "odds",
        "cv",
        "ps",
        "statement",
        "interview",
        "interviews",
        "profile",
        "resume",
        "candidacy",
        "rank",
        "list",
        "letters",
        "lors",
    }
)
"""After the field, what makes it the career applied to ("improve my ortho app", "fix my EM chances")."""
_ROTATION_NOW = frozenset({"rn", "right", "currently", "atm", "rotation"})
"""After "on <field>", the time it is now ("on surgery rn", "on peds right now"): a rotation, not a career."""
_DECIDED_ON = frozenset(
    {
        "set",
        "decided",
        "settled",
        "focused",
        "focus",
        "focusing",
        "sold",
        "leaning",
        "bent",
        "fixated",
        "hooked",
        "keen",
        "planning",
        "going",
        "all",
        "betting",
        "applying",
    }
)
"""Before "on <field>": the field chosen ("set on gen surg now"), not a rotation."""
_SUBJECT_BEFORE_RE = quick_re.compile(
    # a share scored in it ("48% in OB"), not a rate for it ("the match rate is like 95% for peds")
    r"(?:\d\s*%|\bpercent)\s+(?:in|on)\s+$"
    # a weak subject named ("my weakest areas on nbmes are OB"), not "the worst thing is ortho averages"
    r"|\b(?:weak|weaker|weakest|worst|lowest)\s+(?:\w+\s+)?(?:areas?|subjects?|systems?|sections?|shel(?:f|ves)|"
    r"topics?|disciplines?|spots?)\b(?:\s+[\w/]+){0,3}?\s+(?:are|were|is|was|include|being)\s*:?\s*$",
    re.IGNORECASE,
)
"""Right before a field's name, a share scored in it or a weak spot named: the field is a subject studied."""
_LOWEST_AFTER_RE = quick_re.compile(
    r"(?:(?:were|are|was|is)\s+)?(?:my\s+|the\s+)?(?:two\s+|2\s+)?(?:lowest|weakest)\b"
    # "gyn is my worst", not "ortho is the worst specialty for lifestyle", said of the field
    r"|(?:(?:were|are|was|is)\s+)?my\s+(?:two\s+|2\s+)?worst\b(?!\s+(?:specialty|field|choice|option|fit))"
)
"""Right after a field's name, said to be the lowest, weakest or worst: a subject on a practice test."""
_MY_SUBJECT_AFTER_RE = quick_re.compile(
    r"(?:is|are)\s+(?:so\s+|really\s+|still\s+)?(?:terrible|awful|trash|bad|weak|rough)\b"
)
"""After "my <field>", their grasp of it judged: a subject studied."""
_FOCUS_BEFORE = frozenset(
    {
        "focus on",
        "focus more on",
        "focusing on",
        "focus mostly on",
        "spend the week on",
        "hammer",
        "hammering",
        "drill",
        "grind",
        "more time on",
    }
)
"""Before a field's name, where study time goes; a subject only where the message talks of studying."""
_STUDY_TALK_RE = quick_re.compile(
    r"\b(?:uworld|amboss|nbmes?|uwsa\d?|qbanks?|blocks?|qs|questions|review|dedicated|weeks? left|days? left|"
    r"last (?:week|2 weeks|two weeks|few days)|shelf|shelves|\d{2}\s*%)",
    re.IGNORECASE,
)
_CAREER_TALK_RE = quick_re.compile(
    r"\b(?:apply\w*|applications?|residency|match\w*|career|specialty|program)", re.IGNORECASE
)


def _studying_talk(text: str) -> bool:
    """A message about studying (a question bank, blocks, weeks left) and not about applying or a career."""
    return _STUDY_TALK_RE.search(text) is not None and _CAREER_TALK_RE.search(text) is None


_LEVEL_AFTER_RE = quick_re.compile(
    r"\s+(?:low|high|lower|higher|weak|strong|borderline|fine)\s*(?:[,.;!?]|$)", re.IGNORECASE
)
"""A level right after a field's name, then a stop ("gyn low, neuro low"): a subject on a score report."""
_PERCENTILE_AFTER_RE = quick_re.compile(
    # two digits for an ordinal ("surgery 38th"), never "EM 1st choice" nor "IM 2nd time"
    r"\s*(?::|-|=|was|is|at|shelf|subject exam)?\s*(?:like\s+|around\s+|~)?\d{2}\s*(?:st|nd|rd|th)\b"
    r"(?!\s+(?:choice|time|year|pick|place|on\b|option|priority))"
    r"|\s*(?::|-|=|was|is|at|shelf)?\s*\d{1,2}\s*(?:st|nd|rd|th)?\s*(?:%\s*ile|ile|percentile|ptile|pctl)",
    re.IGNORECASE,
)
"""A percentile right after a field's name ("surgery 38th", "OB shelf 12th %ile"): a shelf's result, not a career."""
_PERCENT_AFTER_RE = quick_re.compile(
    r"\s*(?::|-|=|was|is|at)?\s*(?:like\s+|around\s+|~)?\d{1,2}(?:\.\d)?\s*%(?!\s*ile)"
    r"(?!\s*(?:match|of\b|chance|fill|unmatched))"  # "derm 50% match rate?" is the field's
)
"""A share right after a field's name ("OB 55%, peds 60%"): a subject's share correct, not a career."""
_CAREER_SAID_RE = quick_re.compile(
    r"\b(?:want|wanna|applying|apply|interested|going into|fellowship|career|match|matched|become|average|avg|mean|"
    r"median|competitive|programs?|residency)\b",
    re.IGNORECASE,
)
"""A career or its figures spoken of: then "cardio" may be the fellowship they aim for."""
_RESULT_AFTER_RE = quick_re.compile(r"(?:which|that)\s+(?:was|is)\s+(?:a\s+|an\s+|only\s+)?\d{2,3}\b")
"""A result told right after a field's name ("neuro which was a 64"): the field was a shelf or a subject."""
_PERSON_RE = quick_re.compile(
    r"\b(?:my|our|a|his|her|their)\s+(?:\w+\s+)?(?:roommate|friend|classmate|co-?resident|co-?intern|upperclassman|"
    r"upper year|senior|partner|husband|wife|boyfriend|girlfriend|bf|gf|brother|sister|cousin|sibling|mom|dad|"
    r"mother|father|parent|uncle|aunt)s?\b"
    r"(?=[^.;!?\n]*$)",  # in the field's own sentence
    re.IGNORECASE,
)
_SELF_AS_RE = quick_re.compile(r"\b(?:i'?m|i am|im|as)\s+$", re.IGNORECASE)
_SELF_RE = quick_re.compile(r"\b(?:i|i'm|im|me|my (?:own|score|ck))\b", re.IGNORECASE)


def _someone_elses(text: str, at: int) -> bool:
    """Whether a field named at `at` is said of another person: their clause begins with one ("my roommate is
    going ortho", "a friend who matched derm"), and the student hasn't come in since ("...and I want peds")."""
    people = [
        m
        for m in _PERSON_RE.finditer(text, max(0, at - _PERSON_REACH), at)
        if not _SELF_AS_RE.search(text, max(0, m.start() - 8), m.start())  # "i'm a senior", "as a US senior"
    ]
    return bool(people) and _SELF_RE.search(text, people[-1].end(), at) is None  # from the nearest person on


_EACH_ASKED_RE = quick_re.compile(
    # (asked of the fields, at the question's end: not "2 passes for each system", "the best of both worlds")
    r"\bfor (?:us )?(?:each|both)(?:\s+(?:of them|of those|of these|one|field|specialty|specialties))?\s*(?:[?.!]|$)"
    r"|\b(?:each|both) of (?:them|those|these)\s*(?:[?.!]|$)",
    re.IGNORECASE,
)
"""Every field named asked about at once, whoever's each one is."""
_PERSON_REACH = 60
"""Characters before a field in which the person it belongs to is looked for."""


class _Joins:
    """joins[j]: whether token j may continue a multi-word alias begun before it ("ob gyn", "ob/gyn").

    Read only where an alias may go on, a few times a message: checking every gap of a long
    post up front was a tenth of the specialty reading.
    """

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self._text, self._tokens = text, tokens

    def __getitem__(self, j: int) -> bool:
        tokens = self._tokens
        return j > 0 and _JOIN_SEP_RE.fullmatch(self._text[tokens[j - 1].end : tokens[j].start]) is not None


def _longest_alias(words: list[str], joins: _Joins, i: int, index: Index) -> tuple[int, tuple[bool, str] | None]:
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


def _neighbours(text: str, tokens: list[Token], words: list[str], i: int) -> tuple[str | None, str | None]:
    """The words right before and after word i, None across punctuation or an edge."""
    prev = nxt = None
    if i > 0 and not _HARD_SEP_RE.search(text[tokens[i - 1].end : tokens[i].start]):
        prev = words[i - 1]
    gap = text[tokens[i].end : tokens[i + 1].start] if i + 1 < len(words) else ""
    stop = _STOP_SEP_RE.search(gap) is not None and not tokens[i + 1].orig[:1].isupper()
    if i + 1 < len(words) and not (_HARD_SEP_RE.search(gap) or stop):
        nxt = words[i + 1]
    return prev, nxt


def _single_ok(text: str, tokens: list[Token], words: list[str], i: int, index: Index, shouting: bool) -> bool:
    """Whether a one-word alias really names a specialty here (guards "im", "dr", "er")."""
    word = words[i]
    if word != "im" and word not in _V.context_only_aliases and word != "em":
        return True
    if tokens[i].orig.isupper() and not shouting:
        return True  # "IM", "DR", "ER": capitals are a deliberate abbreviation
    prev, nxt = _neighbours(text, tokens, words, i)
    if word == "cards" and ((prev is not None and prev.isdigit()) or _FLASHCARDS_RE.search(text)):
        return False  # "200 cards", "anki cards done": flashcards, not cardiology
    if word == "em":
        return prev not in _V.em_means_them_after
    if word == "path" and prev in _PATH_AS_A_ROUTE:
        return False  # "vascular integrated vs gen surg then fellowship, which path w a 247": a route, not pathology
    averaged = not _AVERAGE_WORDS.isdisjoint(words[max(0, i - 4) : i + 5])  # a field's average asked near it
    # Some sign that a specialty is meant: "for dr", "gs vs", "dr 250", "im, peds", "rad?".
    beside_alias = any(0 <= j < len(words) and words[j] in index.aliases for j in (i - 1, i + 1))
    hinted = (
        len(words) == 1
        or beside_alias
        or averaged  # "path step 2 avg": a field's average asked
        or (nxt is None and i > 0 and words[i - 1].isdigit() and word not in ("im", "em"))  # "DO, 251, gas?"
        or (prev is not None and (prev in _V.before_specialty or prev.isdigit()))
        or (nxt is not None and (nxt in _V.after_specialty or nxt.isdigit()))
    )
    if word == "im":
        if (
            _TRAILING_OFF_RE.match(text, tokens[i].end)
            and prev not in _V.before_im
            and not (prev in ("or", "and", "vs", "versus") and i >= 2 and words[i - 2] in index.aliases)
            and not (beside_alias or averaged)
        ):
            return False  # "244 and im... fine with it?": "I'm", trailing off
        if nxt is None:
            # "what about im?", "ok for academic im?", "250ish, thinking im." but not "so tired im"
            return hinted or prev in _V.before_im or prev in _CHOSEN_WORDS
        listed = _in_a_list(text, tokens, words, i, index)
        if nxt in _V.after_specialty or (listed and (averaged or _in_a_list(text, tokens, words, i - 1, index))):
            return True  # "im residency", "rank em, fm, im by avg ck score", "peds, fm, im according to nrmp"
        return prev in _V.before_im and not nxt.isdigit()
    # A plain word after it reads as a name or a sentence: "Dr. Patel", "er what"; a time word after a field whose
    # average is asked is no name ("whats the avg step 2 for gas these days?", not "out of gas these days")
    named = nxt is not None and not (
        nxt in _V.after_specialty
        or nxt.isdigit()
        or nxt in index.aliases
        or nxt in _EXAM_AFTER_WORDS
        or (averaged and nxt in _NOW_WORDS)
        or (averaged and nxt in _WHO_MATCHED_WORDS)  # "~247 median for gas matched": whose average, not a name
        or (prev in _WANTED_WORDS and nxt in _CLAUSE_WORDS)  # "i want gas but my score is only 236": a new clause
    )
    # After "vs" or a score the word is compared or scored, so what follows is the question, not a
    # name: "rads vs gas which is higher", "245 gas ok?"
    compared = prev is not None and (prev.isdigit() or prev in ("vs", "versus", "v"))
    # "pm&r or path which avg is lower": the second of two fields set side by side
    compared = compared or (
        prev in ("or", "and", "vs", "from")
        and any(" ".join(words[j : i - 1]) in index.aliases for j in range(max(0, i - 4), i - 1))
    )
    compared = compared or (prev == "from" and i >= 3 and "differ" in words[max(0, i - 3) : i])
    # "people who match into cards have...": a field matched into, whatever follows it
    matched_into = prev == "into" and i >= 2 and words[i - 2] in _MATCH_WORDS
    matched_into = matched_into or prev in ("matched", "matching")  # "someone who matched gas at a big program"
    # "path?? what do matched ppl score": the field asked about, the message's first word
    asked_first = i == 0 and text[tokens[i].end : tokens[i].end + 1] == "?"
    # "252!!! enough for gas at academic places?": a field a score is weighed for, whatever follows it
    # (a score just before it: "i saved enough for gas lol. 241 for EM ok?" weighs no score for gas)
    weighed_for = (
        prev == "for"
        and i >= 2
        and words[i - 2] in _ENOUGH_WORDS
        and any(w.isdigit() for w in words[max(0, i - 6) : i - 2])
    )
    # "is path lower than rads": set against another field named right after
    compared = compared or (nxt in _THAN_WORDS and words[i + 2 : i + 3] == ["than"] and _alias_at(words, i + 3, index))
    # "if i end up around 230 is path still fine": a score just before, weighed for the field
    scored_for = nxt in _WEIGHED_AFTER and any(w.isdigit() and 100 <= int(w) <= 300 for w in words[max(0, i - 3) : i])
    weighed_for = weighed_for or scored_for
    return matched_into or asked_first or weighed_for or ((hinted or compared) and (compared or not named))


def _alias_at(words: list[str], j: int, index: Index) -> bool:
    """Whether a field's name starts at word j ("rads", "gen surg")."""
    return any(" ".join(words[j : j + k]) in index.aliases for k in (1, 2, 3) if j + k <= len(words))


def _in_a_list(text: str, tokens: list[Token], words: list[str], i: int, index: Index) -> bool:
    """Whether word i follows a field and a comma, slash or plus: the next of a list of fields ("em, fm, im")."""
    if i == 0 or words[i - 1] not in index.aliases:
        return False
    return _LIST_GAP_RE.fullmatch(text, tokens[i - 1].end, tokens[i].start) is not None


_LIST_GAP_RE = re.compile(r"\s*[,/+]\s*")
"""What stands between two fields listed: "em, fm, im", "em/im", "em + im"."""


_THAN_WORDS = frozenset({"lower", "higher", "harder", "easier", "more", "less"})
"""Words that set a field against another after "than": "is path lower than rads"."""
_WEIGHED_AFTER = frozenset({"still", "ok", "okay", "fine", "good", "doable", "realistic", "possible", "safe", "enough"})
"""Words after a field that weigh the score said just before it: "230 is path still fine", "245 gas ok"."""
_CHOSEN_WORDS = frozenset({"thinking", "leaning", "eyeing", "choosing", "want", "wanna", "pursuing"})
"""Words before "im" at a sentence's end that make it the field chosen ("thinking im."), not "I'm" trailing off."""
_ENOUGH_WORDS = frozenset({"enough", "good", "competitive", "realistic", "decent", "solid", "ok", "okay", "safe"})
"""Words that weigh a score for a field: "enough for gas at a university", "competitive for path in the midwest"."""


_TRAILING_OFF_RE = quick_re.compile(r"\s*(?:\.{2,}|…)\s*[a-z]")
"""An ellipsis then a lowercase word: a sentence trailing off, as after "im" (I'm) it does."""
_NOW_WORDS = frozenset({"these", "nowadays", "now", "rn", "currently", "lately", "recently"})
"""Time words that may follow a field asked about ("gas these days"): never read after "im", which is "I'm" there."""
_PATH_AS_A_ROUTE = frozenset(
    {
        "which",
        "this",
        "that",
        "career",
        "other",
        "best",
        "right",
        "better",
        "safer",
        "easier",
        "different",
        "what",
        "either",
        "each",
        "one",
    }
)
"""Words before "path" that make it a route, not pathology."""
_WHO_MATCHED_WORDS = frozenset({"matched", "matchers", "applicants", "people", "ppl", "residents"})
"""Words after a field whose average is named that say whose average it is ("median for gas matched")."""
_WANTED_WORDS = frozenset({"want", "wanted", "wanna", "applying", "pursuing", "pursue", "love", "considering"})
"""Words before a field that say it is the one wanted ("i want gas but..."), strongly enough for a clause to follow."""
_CLAUSE_WORDS = frozenset({"but", "so", "because", "bc", "though", "tho"})
"""Words that start a new clause after a field named ("i want gas but my score..."), not a name after it."""
_MATCH_WORDS = frozenset({"match", "matched", "matching", "matches", "got", "get", "getting"})
