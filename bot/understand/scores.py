"""Numbers in a message, and which exam each belongs to.

A number in 100-300 is the Step 2 CK score unless something says it is not (a practice exam
or Step 1 in the same clause, a unit, a date, a label). Anything else counts only with score
words around it ("got", "scored", "score of", "step 2 ... 320"). Beside the score this finds
practice-test results (NBME / UWSA / CMS / Free 120, with form and 3-digit or percent score),
a Step 1 score, a COMLEX score, a range ("240-250") and whether the score is the student's own.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from itertools import islice
from typing import Literal

from bot import quick_re
from bot.exam_words import PRACTICE_NAME_RE
from knowledge.vocab import vocabulary

# --------------------------------------------------------------------------- scores

_NUM_RE = quick_re.compile(r"[0-9]+")
_MAX_NUMBERS = 40  # a message with more numbers than this is a table, not a question
_UNIT = (
    r"years?|yrs?|yo|y\s*/\s*o|y\.o|months?|mos?|weeks?|wks?|days?|hours?|hrs?|h|minutes?|"
    r"mins?|seconds?|secs?|questions?|qs|q|qids?|blocks?|attempts?|times|tries|"
    r"pages?|cards|flashcards|reviews?|people|ppl|students|programs?|"
    r"interviews?|apps|applications?|points?|pts|percent|percentile|x|k|mg|kg|lbs?|dollars?|"
    r"bucks|usd|followers|more|nbmes?|forms?|uwsas?|specialties|specialities|kids|"
    r"patients|sessions|chapters|videos|lectures|cases|items|rotations|shelves|letters|"
    r"lors|pubs|publications|posters|abstracts|left|total\s+questions|spots|seats|slots|positions|of\s+us|classmates"
)
# One modifier may sit between: "150 anki cards", "40 practice questions", "3 more weeks".
_UNIT_AFTER_RE = quick_re.compile(
    rf"^\+?[\s\-]*(?:(?:anki|practice|uworld|uw|amboss|qbank|new|more|review|flash|extra|total|free|"
    rf"random|full|hard)[\s\-]+)?(?:{_UNIT})\b"
)
_FIELD_COUNT_AFTER_RE = quick_re.compile(
    r"^[\s\-]*(?:(?:im|fm|em|ent|ob|obgyn|ob/gyn|peds|psych|gen|surg\w*|derm|ortho|rads|neuro|path|gas|anesthesia|uro|"
    r"ophtho|categorical|prelim|community|university|academic|us|img|friendly|different|total|residency)[\s\-]+){1,2}"
    r"(?:programs?|apps|applications?|interviews?|invites?|spots|positions)\b"
)
_PROGRAM_COUNT_BEFORE_RE = quick_re.compile(
    r"\b(?:from|to|applied to|applying to|apply to|sent|send|out of|across|of)\s*(?:like\s+|about\s+|around\s+|~\s*)?$"
)
"""A count of a field's programs: "0 interviews from 120 IM programs", "applied to 160 IM programs" (not "will 228 fm
programs even look at me?", a score and the programs it is set before)."""
# A clock time only up to 12: "250 am I good for derm?" is a score and a question.
_CLOCK_AFTER_RE = quick_re.compile(r"^\s*(?:am|pm|a\.m|p\.m|o\s*'?\s*clock)\b")
# An hour: "ck starts at 8", "done by 9".
_AT_AN_HOUR_RE = quick_re.compile(r"\b(?:starts?|starting|begins?|at|by|until|till|til)\s+(?:like\s+|around\s+)?$")
_MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_MONTH_BEFORE_RE = quick_re.compile(rf"\b(?:{_MONTHS})[a-z]*\.?\s*$")
_MONTH_AFTER_RE = quick_re.compile(rf"^\s*(?:of\s+)?(?:{_MONTHS})[a-z]*\b")
# A number right after one of these is a label, not a score: "step 2", "NBME 12",
# "free 120", "PGY-1", "form 8", "block 3", "top 10".
_LABEL_BEFORE_RE = quick_re.compile(
    r"\b(?:step|level|lvl|uwsa|nbme|form|forms|cbse|cbssa|ccssa|cms|free|pgy|ms|year|yr|block|"
    r"blocks|page|chapter|question|q|qid|number|no|num|version|room|rank|ranked|top|age|"
    r"aged|gpa|mcat|phase|part|day|week|month|class|cohort|attempt|try|round|test|exam|"
    r"section|id|through|thru|class of(?: about| around| like)?)\s*[-#:.]?\s*$|#\s*$"
)
_RESULT_LABEL_RE = quick_re.compile(
    r"\b(?:attempt|try|round|test|exam|time)\s*[:=]\s*$"
    # "first attempt 205 last year": an attempt named by its order, then its result
    r"|\b(?:first|second|third|1st|2nd|3rd|last|previous|prior|old)\s+(?:attempt|try)\s*$"
    # "CK is my only USMLE number: 243": their number, told with a colon (not "question number 243")
    r"|\b(?:my|only|usmle|ck|real)\s+(?:\w+\s+)?number\s*[:=]\s*$"
)
"""A label with a colon before a score-sized number: the result of that attempt ("second attempt: 236")."""
_PRACTICE_LABEL_RE = quick_re.compile(r"\b(?:nbme|uwsa|cbse|cbssa|ccssa)\s*[-#:.]?\s*$")
_AGE_BEFORE_RE = quick_re.compile(r"\b(?:i\s*'?\s*m|i am|im)\s*$")
_BOUNDARY_RE = quick_re.compile(
    r"[,;!?\n]|\.\s|\b(?:and|but|so|then|also|plus|while|whereas|though|although|because|"
    r"however)\b"
)
_EXAM_RE = quick_re.compile(
    r"\b(?P<s2>step\s*(?:2|ii|two)(?:\s*ck)?|step2(?:ck)?|s2(?:ck)?|ck|usmle\s*2"
    r"|(?:real|actual|official)\s*(?:score|thing|exam|one|deal|ck))\b"
    r"|\b(?P<other>step\s*(?:1|i|one)|step1|s1|nbmes?(?:\s*\d+)?|uwsa\s*\d*|cbse|cbssa|ccssa|"
    r"free\s*120|free120|uworld|uw|amboss|shelf|shelves|comlex|level\s*\d|mcat|comsae|comats?|"
    r"cms(?:\s*forms?)?|forms?\s*\d+|practice(?:\s*(?:tests?|exams?|scores?|nbmes?))?|"
    r"self\s*assessments?|gpa|qbank)\b"
)
_EXAM_AFTER_RE = quick_re.compile(
    r"^\s*(?:\+|ish)?\s*(?:on|in|for|from|at)\s+(?:my\s+|the\s+|an?\s+|their\s+)?"
    r"(?:(?:last|latest|recent|most recent|first|second|third|final|newest|new|old|other)\s+)?"
    r"(?:(?P<s2>step\s*(?:2|ii|two)|step2|s2|ck|usmle\s*2|(?:real|actual)\s*(?:thing|exam|deal|one))|(?P<other>step\s*(?:1|i|one)\b|"
    r"step1|s1|nbme|uwsa|cbse|cbssa|ccssa|free\s*120|uworld|uw\b|amboss|shelf|comlex|mcat|comsae|comats?|"
    # "81 on my surgery shelf": a shelf named by its subject
    r"cms|form|practice|self\s*assess|qbank|(?:[a-z/&-]+\s+){1,2}shel(?:f|ves)\b))"
)
# "my NBME predicted 250", "UWSA2 predicts a 255": then a practice number IS their score.
_PREDICTED_BEFORE_RE = quick_re.compile(
    r"\b(?:predicted|predicts?|predicting|prediction|projected|projects?|projecting|"
    r"equates?|converts?|converted|translated?|translates?)\b[^0-9]{0,20}$"
)
_PREDICTED_AFTER_RE = quick_re.compile(r"^\s*(?:\+|ish)?\s*(?:predicted|projected)\b")
# Words that say "this number is my score": "got 250", "scored a 249", "score of 999".
_STRONG_BEFORE_RE = quick_re.compile(
    r"\b(?:got|get|gotten|getting|scored|scoring|score|scores|pulled|earned|received|hit)"
    r"\b(?:\s+(?:a|an|of|was|is|were|like|around|about|only|just|maybe|exactly|approx|"
    r"approximately|roughly|probably|barely|literally|=|:))*\s*[~:=]?\s*$"
    # "got my score today - 245", "results are in: 251": the result told with a dash or a colon
    r"|\b(?:score|scores|result|results)\b(?:\s+(?:came|comes|is|are|just|finally|out|back|in|today|yesterday|this|"
    r"morning|dropped|released))*\s*[-:]\s*$"
)
_NEGATIVE_RE = quick_re.compile(r"(?:^|[\s(~])-$|\bminus\s*$")
_GLUED_BEFORE_RE = quick_re.compile(r"[^\W\d_]$|[$#@£€/:]$|(?:[a-z]|[0-9])-$|[0-9][.,]$")
_FORMATTED_AFTER_RE = quick_re.compile(
    r"[/:][0-9]|\.[0-9]|,[0-9]{3}|-[0-9]|\s*(?:%|percent\b|(?:st|nd|rd|th)\b)|-(?!ish\b)[a-z]"  # "2-digit", "3-day"
    r"|\s*/\s*(?:day|d|wk|week|hr|hour|night)\b"  # "300/day": a rate; not "240 a week ago", "a day before"
    r"|\s*(?:a|per)\s+(?:day|week|night)\b(?!\s+(?:ago|before|after|later|earlier|early|late|or)\b)"
)
_DECADE_AFTER_RE = quick_re.compile(r"'?s\b")
_DIGIT_AFTER_RE = quick_re.compile(r"\s*[0-9]")
_DIGITS_BEFORE_RE = quick_re.compile(r"([0-9]+)\s+$")
_FOLLOW_WORD_RE = quick_re.compile(r"[\s!.?~+]*([a-z]+)")
_RANGE_WORD_RE = quick_re.compile(r"\b(high|upper|mid|middle|low|lower)[\s-]*$")
_DECADE_OFFSET = {"high": 7, "upper": 7, "mid": 5, "middle": 5, "low": 2, "lower": 2}
# After a small or out-of-range number, only these keep it a score ("got 3 kids" is not).
_SCORE_FOLLOW = vocabulary().after_off_scale_score


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
        if not _LIST_MARK_RE.match(low, m.start()) or low[max(0, m.start() - 1) : m.start()] == "(":
            out.append(_Number(int(m.group()), m.start(), m.end()))
        i += 1  # "2) do shelf scores feed into CK 3) what counts as a good step 2 score": a question's number
    return out


_LIST_MARK_RE = quick_re.compile(r"\d{1,2}\)(?:\s|$)|\d\.\s(?=[a-z])")
"""A numbered question's mark ("3) what counts as good", "1. is 58% on track"), never a result; not "(207)"."""


@dataclass(frozen=True)
class PracticeResult:
    """One practice-test result: exam, form ("" when not given), and a 3-digit or percent score."""

    exam: Literal["nbme", "uwsa", "cms", "free120"]
    form: str = ""
    score: int | None = None
    percent: int | None = None


@dataclass(frozen=True)
class Numbers:
    """What the numbers of one message are."""

    score: int | None = None
    """The Step 2 CK score the message is about (1-300)."""
    own: bool = False
    """The score is stated as the student's own result ("I got 251", "actually it's 251")."""
    bad: int | None = None
    """An off-scale number given as the Step 2 score (when there is no valid one)."""
    practice: tuple[PracticeResult, ...] = ()
    step1: int | None = None
    comlex: int | None = None
    range: tuple[int, int] | None = None
    other: int | None = None
    """A 100-300 number that belongs to another exam (the first one), for the practice note."""
    quoted: tuple[int, ...] = ()
    """Scores that are someone else's or a quoted figure ("249 is the median", "my friend got 260")."""
    past_year: int | None = None
    """A year before the current scoring rules (1990-2021) named in the message: "back in 2009"."""
    hypothetical: bool = False
    """The score is one hoped for, feared or supposed ("hoping for 255", "if I get 240"), not a result."""
    someone: bool = False
    """The score is another person's, asked about ("my friend got 244, is that good for IM?")."""
    feared: bool = False
    """The supposed score is one they fear ("scared I'll get a 220"), never a goal to read results against."""
    goal: bool = False
    """The supposed score is one they aim for ("aiming for 250", "on track for 255?"), not a condition ("if it
    comes back under 250") nor a fear: the figure their practice results are read against."""


def read_numbers(text: str, aliases: Collection[str] = ()) -> Numbers:
    """Every number of the message that matters, each with the exam it belongs to."""
    low = text.lower().replace("−", "-").replace("–", "-").replace("—", "-").replace("’", "'")
    if "two" in low:
        low = _SCORE_IN_WORDS_RE.sub(_score_in_digits, low)  # "two forty-one on CK": a score said in words
    if "2-" in low or "2 hundred" in low:
        low = _SCORE_SPELLED_RE.sub(_spelled_in_digits, low)  # "got a 2-5-3", "2 hundred 39": a score spelled out
    if _DIGIT_RE.search(low) is None:
        return _NO_NUMBERS  # every rule below reads digits: a question without one skips a dozen scans
    return _numbers_in(low, aliases)


_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_SCORE_IN_WORDS_RE = quick_re.compile(
    # not a time ("exam at two thirty", "its two thirty am") nor an age band ("my two twenty something friends")
    r"(?<!\bat )(?<!\bby )(?<!\buntil )(?<!\btill )(?<!\baround )(?<!\bbefore )(?<!\bits )(?<!\bit s )"
    rf"\btwo[\s-]+(?:hundred[\s-]+(?:and[\s-]+)?)?({'|'.join(_TENS)})(?:[\s-]+({'|'.join(_ONES)}))?\b"
    r"(?!\s*(?:am|pm|a m|p m|o clock|oclock|something|ish|minutes?|mins?)\b)"
)
"""A score in words: "two forty-one", "two fourteen", "two hundred and sixty-four"."""


def _score_in_digits(m: re.Match[str]) -> str:
    """The digits of a score said in words, padded to the words' length so every position after it stays put."""
    tens = _TENS[m.group(1)]
    digits = str(200 + tens + (_ONES[m.group(2)] if m.group(2) and tens >= 20 else 0))
    return digits.ljust(len(m.group()))


_SCORE_SPELLED_RE = quick_re.compile(
    # (not the numbers of questions: "got questions 2-4-6 wrong")
    r"(?<!questions )(?<!question )(?<!qs )(?<!q )(?<!numbers )(?<![\w/.-])2-([0-9])-([0-9])(?![\w/.-])"
    r"(?!\s+(?:wrong|right|correct|incorrect)\b)"
    r"|(?<![\w/.-])2 hundred (?:and )?([0-9]{1,2})(?![\w/.%-])"
)
"""A score spelled out digit by digit ("2-4-0") or half in words ("2 hundred 39"); not a date ("2-5-24")."""


def _spelled_in_digits(m: re.Match[str]) -> str:
    """The digits of a score spelled out, padded to the spelling's length so every position after it stays put."""
    digits = f"2{m.group(1)}{m.group(2)}" if m.group(1) else str(200 + int(m.group(3)))
    return digits.ljust(len(m.group()))


_DIGIT_RE = quick_re.compile(r"\d")
"""Any decimal digit, Unicode ones included, as the rules' own \\d matches them."""
_NO_NUMBERS = Numbers()


def _numbers_in(low: str, aliases: Collection[str]) -> Numbers:
    """`read_numbers` for lowered text that has a digit."""
    practice = _practice(low)
    step1 = _tagged(_STEP1_RE, low)
    comlex = _tagged(_COMLEX_RE, low, high=999)
    found = _range(low)
    # a range of practice results ("getting 225-230 on NBMEs") with a score-like number outside it leaves that to
    # be read as the score ("...the score came back 211. Fail."); the range stands if no score is found
    deferred = None
    if found is not None:
        low_end, high_end = found
        said_in = _sentence_at(low, low.find(str(low_end)))
        practice_range = any(p.score is not None and low_end <= p.score <= high_end for p in practice) or (
            "practice" in said_in or PRACTICE_NAME_RE.search(said_in) is not None
        )
        # a result told beside the range, not one wished for ("...and i want 260 for derm"); beside a practice range,
        # one told apart from it even if inside it ("247 on step 2... my NBMEs were all over the place (231 to 252)")
        said = _range_said(low)
        span = (said.start(), said.end()) if said is not None else None
        outside = [
            n
            for n in _numbers(low)
            if 150 <= n.value <= 300
            and not _is_supposed(low, n.start)
            and (
                not low_end <= n.value <= high_end
                or (practice_range and span is not None and not span[0] <= n.start < span[1])
            )
        ]
        if not (practice_range and outside):
            return Numbers(practice=practice, step1=step1, comlex=comlex, range=found)
        deferred = found
    claimed = {p.score for p in practice} | {step1, comlex}
    score, at, bad, other, quoted = _find_score(low, aliases, claimed)
    if score is None and deferred is not None:
        return Numbers(practice=practice, step1=step1, comlex=comlex, range=deferred)
    joined = _JOINED_RE.search(low, max(0, at - 16), at) if score is not None and at is not None and quoted else None
    if score is not None and joined is not None and int(joined.group(1)) in quoted:
        quoted = (*quoted, score)  # "ive seen 255 and 257 floating around": both heard
        score = at = None
    # "practice scores: 228, 235, 233"; "2 NBMEs a week... my scores went 241, 243, 240": with a practice test named
    listed = _PRACTICE_LIST_RE.search(low) if "practice" in low or PRACTICE_NAME_RE.search(low) else None
    if listed is not None:
        # "my practice scores: 228, 235, 233": every one of them a practice result, whichever test
        run = (
            listed.group("list")
            or listed.group("plain")
            or listed.group("said")
            or listed.group("run")
            or listed.group("paren")
        )
        results = [int(n) for n in re.findall(r"\d{3}", run)]
        claimed |= set(results)
        # told as a run ("went 218, 226, 233, 240"): the latest is the one to read; else the first said
        other = other or (results[-1] if _RUN_ORDER_RE.search(listed.group()) else results[0])
    if score is not None and score in claimed:
        score = None  # the practice-result reader tied this number to another exam
    if (
        score is not None
        and at is not None
        # Step 2 CK named only later, as the exam ahead ("took my first NBME... I got a 201. CK is in 8 weeks"),
        # leaves the number with the practice test
        and not (_CK_SAID_RE.search(low, 0, at) or _CK_SAID_RE.search(_sentence_at(low, at)))
        and not _CK_DONE_RE.search(low, at)  # "got a 256!! step 2 done": the real one, named after it
        and not _is_supposed(low, at)  # "NBMEs: 10 - 243, 12 - 251. Goal was 250": a goal, not another result
        # "free 120 82%. got my score today: 232": the real one, told as news right before it
        and not _SCORE_NEWS_RE.search(low, max(0, at - SCORE_NEWS_REACH), at)
        and (
            _GOT_BEFORE_RE.search(low[max(0, at - 20) : at])
            # "uwsa2 done. 249. exam in 4 days": a bare number after a practice test, no real exam named at all
            or (
                _BARE_START_RE.search(low, max(0, at - 24), at)
                and not _CK_SAID_RE.search(low)
                and not _RESULT_TOLD_RE.search(low)  # "nbmes were 240ish. score came out today. 244.": the real one
            )
        )
    ):
        tested = _practice_named(low, at)
        if tested is not None:
            # "Is UWSA1 really inflated? I got a 262": a practice test is the only exam they name, so the
            # number is its result, not a Step 2 CK score to keep
            practice = (*practice, PracticeResult(tested[0], tested[1], score=score))  # type: ignore[arg-type]
            score = None
    if score is not None and at is not None and _MINE_TOO_RE.search(low, max(0, at - MINE_REACH), at):
        # "my friend's UWSA2 was 250 and he got a 232 on the real thing. Mine's 248": the same test's result, theirs
        # (unless the real exam is named between and no practice test after: "...he got 262 on ck. mine's 249, bad for
        # gas?" is their CK; "...232 on the real thing. mine's 248. does uwsa2 overpredict?" their UWSA2)
        beside = _test_named_before(low, at)
        if beside is not None and (not _CK_SAID_RE.search(low, beside[2], at) or _EXAM_NAME_RE.search(low, at)):
            practice = (*practice, PracticeResult(beside[0], beside[1], score=score))  # type: ignore[arg-type]
            score = at = None
    if score is not None and at is not None and not _result_told(low, score) and _generic_practice(low, at):
        # "i took a practice exam today, 233", "got 241 on a practice test": a practice result, no test named
        other, score, at = other or score, None, None
    own = score is not None and at is not None and (_is_own(low, at) or _fail_told(low, score))
    # "my goal is 260 for plastics. am i on track for 260?": the figure is the goal wherever it comes again;
    # but a result told ("got my score back... would a 246 keep me in the running") is theirs, whatever is asked
    supposed = (
        score is not None
        and at is not None
        and not own
        and not _result_told(low, score)
        # wherever the figure comes, or where it was said as a decade ("guessing high 240s")
        and (
            _is_supposed(low, at)
            or any(_is_supposed(low, m.start()) for m in re.finditer(rf"(?<!\d){score}(?!\d)", low))
        )
    )
    if (
        supposed
        and score is not None
        and at is not None
        and score < TWO_DIGITS_END
        and _OTHER_EXAM_AFTER_RE.match(low, at + len(str(score)))
    ):
        score, at, supposed = None, None, False  # "my school makes us hit 75 on the CCSE": another exam's figure
    if (
        score is not None
        and at is not None
        and score < LOW_SCORE_FLOOR
        and not supposed
        and not _CK_NAMED_HERE_RE.search(_sentence_at(low, at))
    ):
        # "my last block i got a 71 and the class average was 82", "flu, fever 102 last night": a small number told
        # with no exam of ours in its sentence is a school exam's, a temperature, anything but a Step 2 CK score
        other, score, at, own = other or score, None, None, False
    if score is not None and at is not None and not own and not supposed and not _result_told(low, score):
        # "how much does 245 vs 250 matter": two figures set side by side to ask about, neither a result
        versus = _VERSUS_RE.search(low)
        supposed = (
            versus is not None
            and str(score) in versus.group()
            and not any(str(q) in versus.group() for q in quoted)  # "245 vs the 250 avg": theirs against a figure
            # "do PDs care more about 251 vs 655?": their CK set against their own COMLEX, both results (a practice
            # result is no such: "nbme 245. does 245 vs 255 on the real thing matter?" still supposes 255)
            and not any(c is not None and str(c) in versus.group() for c in (step1, comlex))
            and not low[max(0, at - 3) : at].endswith("my ")
        )
    theirs = _judged_for_someone(low) if quoted or score is not None else None
    # "my husband got 250, is that good for EM?", "my friend got 236... is 236 too low for IM": read against
    # the averages for them, never kept as the student's
    someone = theirs is not None and set(quoted) <= {theirs} and score in (None, theirs)
    if someone:
        score, quoted, own = theirs, (), False
    elif score is not None and _WRITING_FOR_RE.search(low, 0, WRITING_FOR_SPAN) and not _MY_RESULT_RE.search(low):
        # "writing for my wife... her score came out last wednesday: 247": the whole post is about them
        someone, quoted, own = True, tuple(q for q in quoted if q != score), False
    if score is not None and not someone:
        score = _after_the_fail(low, score, practice)
    # the year of the score's own sentence: "First was 205 last fall. Step 1 was 209 (scored, 2021)" dates Step 1
    where = low if at is None else _sentence_at(low, at)
    # (not the year they graduated: "IMG, graduated 2019, ck 212" is a score of now)
    past = next((m for m in _PAST_YEAR_RE.finditer(where) if not _graduation_year(where, m.start())), None)
    feared = supposed and at is not None and _FEARED_RE.search(_clause_before(low, at, _SUPPOSED_CUT_RE)) is not None
    return Numbers(
        score,
        own,
        bad if score is None else None,
        practice,
        step1,
        comlex,
        None,
        other,
        # each figure once, however often said; not their own number again ("she matched with 250... i have 250")
        tuple(dict.fromkeys(q for q in quoted if q not in claimed and not (own and q == score))),
        int(past.group()) if past else None,
        supposed,
        someone,
        feared,
        supposed and not feared and at is not None and _is_goal(low, at),
    )


_CK_NAMED_HERE_RE = quick_re.compile(r"\b(?:ck|step\s*(?:2|two)|step2|s2|usmle|score|scored|failed|fail)\b")
"""The exam or its result named in a small number's sentence ("failed ck with a 140"; not "can i still pass")."""
LOW_SCORE_FLOOR = 150
"""Under this, a number told as a result is a Step 2 CK score only where its sentence names the exam."""
TWO_DIGITS_END = 100
"""Scores under this are two-digit figures: another exam's, or Step 2 CK's old two-digit scale."""
_OTHER_EXAM_AFTER_RE = quick_re.compile(
    r"\s*(?:%|percent)?\s*(?:on|in|for)\s+(?:the\s+|my\s+|our\s+|a\s+)?(?:ccse|cbse|cbssa|comsae|comp\w*|shel(?:f|ves)|"
    r"school|block|class|final|midterm|quiz|mcat)\b"
)
"""Another exam named right after a two-digit figure: "hit 75 on the CCSE"."""
_VERSUS_RE = quick_re.compile(r"(?<!\d)\d{3}\s*(?:vs\.?|versus|compared (?:to|with))\s*(?:an?\s+)?\d{3}(?!\d)")
_JOINED_RE = quick_re.compile(r"(?<!\d)(\d{3})\s*(?:and|or|vs\.?|,|/|to|and now|now|then)\s*$")
"""A number said right after another ("255 and 257", "245 ... and now 249"): the same kind as that one."""


def _sentence_at(low: str, at: int) -> str:
    """The sentence of `low` that holds position `at`."""
    start = max((m.end() for m in _SENTENCE_CUT_RE.finditer(low, 0, at)), default=0)
    end = next((m.start() for m in _SENTENCE_CUT_RE.finditer(low, at)), len(low))
    return low[start:end]


_SENTENCE_CUT_RE = quick_re.compile(r"[.!?;\n]\s")
_PAST_YEAR_RE = quick_re.compile(r"(?<![\d/.-])(?:19[89]\d|20[01]\d|202[01])(?![\d/.-])")
_GRADUATED_BEFORE_RE = quick_re.compile(
    r"\b(?:graduated|graduating|graduation|grad|yog|class of|finished (?:med(?:ical)? )?school|mbbs|since|born)"
    r"(?:\s+(?:in|from|abroad|year))*\s*(?:[:=-]\s*)?$"
)
"""Right before a year, the year of graduation (or of something else begun), not the year a score was earned."""


def _graduation_year(text: str, at: int) -> bool:
    """The year at `at` is when they graduated (or began something), as said just before it."""
    return _GRADUATED_BEFORE_RE.search(text, max(0, at - 30), at) is not None


def _find_score(
    low: str, aliases: Collection[str] = (), tied: Collection[int | None] = ()
) -> tuple[int | None, int | None, int | None, int | None, tuple[int, ...]]:
    """(score, where it starts, off-scale number, other exam's number, quoted figures) by the clause rules;
    a number the practice-test or Step 1 reader already `tied` to its exam is passed over when said bare.

    The first number said to be the score settles it, unless the student corrects themselves
    ("I typed 261 but it's 216", "it's 239 not 293"): then the last one not after "not" wins.
    """
    said: list[tuple[int, int]] = []
    weak: list[tuple[int, int]] = []
    bad: list[int] = []
    practice: list[int] = []
    quoted: list[int] = []
    quoted_end = -1
    for num in _numbers(low):
        verdict = _classify(low, num, aliases)
        if verdict is None:
            continue
        value, kind = verdict
        if kind in ("said", "bare") and quoted_end >= 0 and _ALTERNATIVE_RE.fullmatch(low[quoted_end : num.start]):
            kind = "quoted"  # "ortho avg was 256 last year? or 251?": the other figure heard, not theirs
        elif kind in ("said", "bare") and quoted_end >= 0 and _AND_ALSO_RE.fullmatch(low[quoted_end : num.start]):
            kind = "quoted"  # "ppl say IM avg is 245 and FM is 235": the next figure of the same hearsay
        elif kind in ("said", "bare") and quoted_end >= 0 and _list_goes_on(low[quoted_end : num.start], aliases):
            kind = "quoted"  # "ortho avg 257?? neurosurg 253??", "matched average 259 and unmatched 250": the list
        elif kind in ("said", "bare") and (
            _MATCHED_PEOPLE_RE.search(low, max(0, num.start - 50), num.start)
            or _AVERAGE_GUESS_RE.search(low, max(0, num.start - 60), num.start)
            or (_ARGUED_RE.search(low, max(0, num.start - 40), num.start) and _AVERAGE_WORD_RE.search(low))
        ):
            kind = "quoted"  # "step 2 avg for nsgy? is it like 255": the average guessed at, not their score
        if kind == "bare" and value in quoted and not _is_own(low, num.start):
            # "CK below 230 gets filtered... is the 230 thing real?": the same figure heard, again (not "my friend
            # matched with 250... i also have 250", theirs too)
            kind = "quoted"
        if kind == "quoted":
            quoted_end = num.end
        if kind == "practice":
            practice.append(value)
        elif kind == "quoted":
            quoted.append(value)
        elif not 1 <= value <= 300:
            bad.append(value)
        elif value in tied and kind == "bare":
            continue  # "9 was 228, 11 was 235... on track for 245?": the practice reader has 228; 245 is asked
        elif kind == "said":
            said.append((value, num.start))
        else:
            weak.append((value, num.start))
    every = sorted(said + weak, key=lambda c: c[1])
    retakes = list(_RETAKE_SCORE_RE.finditer(low)) if len({v for v, _ in every}) > 1 else []
    on_retake = _ON_THE_RETAKE_RE.search(low) if retakes else None
    if on_retake is not None and any(at == on_retake.start(1) for _, at in every):
        # "231 on the retake after a 208 in the spring": the result said before the retake it was on
        return int(on_retake.group(1)), on_retake.start(1), None, None, tuple(quoted)
    for retake in reversed(retakes):  # the latest attempt named with a result after it
        if _step1_retake(low, retake.start()):
            continue  # "step 1 was 198 (failed), passed on retake with 221": Step 1's retake, not this exam's
        after = [(v, at) for v, at in every if at >= retake.start()]
        if after:
            # "failed in march (211) and just got my retake score: 236": the retake's result is theirs now
            return after[0][0], after[0][1], None, None, tuple(quoted)
    # the correction said beside a number ("i typed 261 but it's 216"), not "does the jump actually help"
    if len({v for v, _ in every}) > 1 and any(_CORRECTION_RE.search(low, max(0, at - 30), at + 12) for _, at in every):
        kept = [(v, at) for v, at in every if not _NOT_BEFORE_RE.search(low[max(0, at - 6) : at])]
        if kept:
            return kept[-1][0], kept[-1][1], None, None, tuple(quoted)
    whose = {c: _subject_at(low, c[1]) for c in every} if len(every) > 1 else {}
    mine = [c for c in every if whose.get(c) == "me" and not _is_supposed(low, c[1])]
    if whose and whose[every[0]] == "other" and not mine:
        # "my roommate is going ortho with a 262... Applying general surgery with 251": after another's number,
        # one said in a sentence of its own, of no one else, is the writer's
        mine = [
            c
            for c in every[1:]
            if whose[c] is None
            and _SUPPOSED_RE.search(_sentence_at(low, c[1])) is None  # not "250 is what i need"
            and _SENTENCE_CUT_RE.search(low, every[0][1], c[1]) is not None
        ]
    if whose and whose[every[0]] == "other" and mine:
        # "she's applying peds (CK 241) and I'm applying IM (CK 250)": theirs first, then mine
        value, at = mine[0]
        theirs = (c[0] for c in every if whose[c] == "other" and c[0] != value)  # "is 231 ok" asks of mine again
        return value, at, None, None, (*quoted, *theirs)
    if said:
        # "it was 251!!!! ... i genuinely thought i'd get like 240": the one supposed steps aside
        real = [c for c in said if not _is_supposed(low, c[1])] or [c for c in weak if not _is_supposed(low, c[1])]
        # "took step 1 and got a 231, ck was 250": the number another exam's reader tied steps aside
        real = [c for c in real if c[0] not in tied] or [c for c in weak if c[0] not in tied] or real
        value, at = (real or said)[0]
        return value, at, None, None, tuple(quoted)
    if weak:
        # "I'd rather not grind for a 260, is 245 fine for gas?": the number asked about, not the one wished for
        plain = [c for c in weak if not _is_supposed(low, c[1])] if len(weak) > 1 else weak
        value, at = (plain or weak)[0]
        return value, at, None, None, tuple(quoted)
    return None, None, bad[0] if bad else None, practice[0] if practice else None, tuple(quoted)


_PRACTICE_LIST_RE = quick_re.compile(
    r"\bpractice\s+(?:test\s+|exam\s+)?(?:scores?|results?)\s*(?:were|are|was|is|went|have been|:|=)?\s*"
    r"(?P<list>\d{3}(?:\s*(?:,|/|and|then|->|→)\s*\d{3})*)"
    # "practice were 238 and 243", "practice tests were 240, 244"
    r"|\bpractices?\s+(?:(?:tests?|exams?)\s+)?(?:were|are)\s+(?:like\s+|around\s+|about\s+)?"
    r"(?P<plain>\d{3}(?:\s*(?:,|/|and|then|->|→)\s*\d{3})*)"
    # "my practice scores are all over the place: 229, 251, 236": words, a colon, then the list
    r"|\bpractice\s+(?:test\s+|exam\s+)?(?:scores?|results?)(?:\s+[a-z]+){1,6}?\s*:\s*"
    r"(?P<said>\d{3}(?:\s*(?:,|/|and|then|->|→)\s*\d{3})+)"
    r"|\bmy\s+(?:scores|results)\s+(?:went|have been)\s*"  # a run told as a trend ("were 209 then 213" may be attempts)
    r"(?P<run>\d{3}(?:\s*(?:,|/|and|then|->|→)\s*\d{3})+)"
    # "my NBMEs were in the 240s (241, 246, 244)": the forms' results in brackets
    # ... or named one by one first: "done NBME 9, 10 and 11 so far (231, 238, 245)"
    r"|\b(?:nbmes?|uwsas?|practice\s+tests|self\s*-?\s*assessments)\b[^.()]{0,30}\(\s*"
    r"(?P<paren>\d{3}(?:\s*(?:,|/|and)\s*\d{3})+)\s*\)"
)
"""Practice results listed under a plain label, no test named ("practice scores: 228, 235, 233")."""
_AND_ALSO_RE = quick_re.compile(
    # not the writer's own after it: "250 is the floor for derm and i'm at 253"
    # ("im" is left out: lower-cased, "IM is 250" is internal medicine's figure)
    # ("and im at 239" after "my bf got 262" is the writer: "im at" reads as "I'm at")
    r"\s*(?:,|and|&)\s+(?!(?:i|me|my|mine)\b)(?!im\s+(?:only\s+|just\s+)?at\b)(?:[a-z&/-]+\s+){1,3}(?:is|was|=|at)\s*"
    r"(?:like\s+|around\s+|about\s+|maybe\s+)?"
)
"""Between one figure heard and the next of the same list ("IM avg is 245 and FM is 235")."""
_AVERAGE_GUESS_RE = quick_re.compile(
    r"\b(?:avg|average|mean|median)\b[^.!\n]{0,40}\?\s*(?:is\s+it|isn\s*'?t\s+it|it\s*'?s|its)\s+"
    r"(?:like\s+|around\s+|about\s+|roughly\s+)?$"
    # "ENT avg is what, 255?", "i say it's closer to 247" (beside an average argued over)
    r"|\b(?:avg|average|mean|median)\s+(?:is|s)\s+(?:what|like|about|around|roughly)"
    r"(?:\W{0,3}\s*(?:like|about|around|roughly))?\W{0,3}\s*$"
)
"""An average asked after, then guessed at: "avg for nsgy? is it like 255"."""
_ARGUED_RE = quick_re.compile(
    r"\b(?:i say|i think|i guess|i bet|someone says|another says|one says)\s+(?:it\s*'?s\s+|its\s+|it is\s+)?"
    r"(?:closer to\s+|around\s+|about\s+|like\s+|more like\s+)?$"
)
"""A figure offered in an argument over an average ("one says 249... i say it's closer to 247")."""
_AVERAGE_WORD_RE = quick_re.compile(r"\b(?:avg|average|mean|median)\b")
_LIST_GOES_ON_RE = quick_re.compile(
    r"[?!.,;\s]*(?:and\s+)?(?P<who>[a-z&/-]+(?:\s+[a-z&/-]+)?)\s+(?:avg\s+|average\s+|is\s+|was\s+|=\s*|:\s*)?"
    r"(?:like\s+|around\s+|about\s+|~)?"
)


def _list_goes_on(between: str, aliases: Collection[str]) -> bool:
    """Between one figure heard and the next of a terse list, only a field's name ("ortho avg 257?? neurosurg
    253??") or the group the figure is for ("matched 259 and unmatched 250"): the next figure is heard too (not
    "derm avg 257? just got 251", theirs)."""
    listed = _LIST_GOES_ON_RE.fullmatch(between)
    if listed is None or listed.group("who") in ("im", "i m"):
        return False  # "they dont rank under 230. im 228": "I'm", lower-cased, before their own
    return listed.group("who") in aliases or listed.group("who") in ("matched", "unmatched")


_MATCHED_PEOPLE_RE = quick_re.compile(
    r"\b(?:matched|successful|accepted)\s+(?:people|ppl|applicants|students|folks|ones|residents|seniors)\s+"
    r"(?:are|were|get|got|have|had|average|avg|score|scored)\s+(?:like\s+|around\s+|about\s+|~\s*)?$"
)
"""A figure told of the people who matched ("derm matched people are like 255+"): theirs, heard, not the writer's."""
_ALTERNATIVE_RE = quick_re.compile(r"(?:\s+[a-z]+){0,3}[\s?.,!]*(?:or|vs|/)\s*(?:maybe|like|even|was it)?\s*")
"""What may stand between a figure heard and another offered beside it ("256 last year? or 251")."""
_RETAKE_SCORE_RE = quick_re.compile(
    r"\bre-?took\b"  # past: "retook in june and just got 231" (the look-ahead below is for one still to come)
    # ("second-guessing" is doubt, and "Second, how many..." counts questions, not attempts)
    r"|\b(?:retake|second\s+(?:attempt|try|time)|2nd\s+(?:attempt|try|time)|second(?!\s*-?\s*guess|\s*[,:)])|"
    r"2nd(?!\s*[,:)])|"
    r"this\s+time)\b(?!\s+(?:is|was)?\s*(?:coming|in|on|next|scheduled|booked))"
    # "failed with a 208, and then passed with a 239": the pass after the fail
    r"|\b(?:then|later|finally|eventually)\s+passed\b|\bpass(?:ed|ing)\s+(?:it\s+)?(?:with|on)\s+(?:an?\s+)?\d"
    # "CK attempt 1: fail (206), CK attempt 2: 231"
    r"|\battempt\s*(?:#\s*)?(?:2|3|two|three)\b"
)
"""A later attempt named, its result after it: the one to keep when a fail came first."""


def _step1_retake(low: str, at: int) -> bool:
    """Whether the attempt named at `at` is Step 1's: Step 1 is the exam named last before it in its sentence
    ("step 1 pass 2023, ck attempt 1: fail (206), ck attempt 2: 231" names CK last: CK's attempt)."""
    sentence = _sentence_at(low, at)
    start = low.find(sentence) if sentence else 0
    step1 = [m.start() for m in _STEP1_SAID_RE.finditer(low, start, at)]
    if not step1:
        return _STEP1_SAID_RE.search(sentence) is not None
    return not any(m.start() > step1[-1] for m in _CK_NAMED_RE.finditer(low, start, at))


_CK_NAMED_RE = quick_re.compile(r"\b(?:ck|step\s*(?:2|two)|step2|s2)\b")
_ON_THE_RETAKE_RE = quick_re.compile(
    r"(?<!\d)(\d{3})(?!\d)\s+(?:(?:on|in|with)\s+(?:the\s+|my\s+)?"
    r"(?:retake|re-?take|second (?:attempt|try)|2nd (?:attempt|try))|this time|the second time)\b"
)
"""A result said before the attempt it came on: "231 on the retake"."""
_STEP1_SAID_RE = quick_re.compile(r"\bstep\s*(?:1|one)\b|\bs1\b")
_CORRECTION_RE = quick_re.compile(
    r"\b(?:real score|misread|mistyped|typed|typo|wrong|scratch that|correction|i meant|autocorrect"
    r"|actual (?:score|number|result|ck|step\s*2)"
    # "it's actually 216", "actually it was 239"; not "does 241 actually get reviewed" (only stress on a question)
    r"|(?:it\W?s|it is|it was|was|is|i got|got|score is|score was|mine is|mine\W?s)\s+actually"
    r"|actually\s+(?:it\W?s|it is|it was|was|is|i got|got|a|an|mine))\b"
)
_NOT_BEFORE_RE = quick_re.compile(r"\bnot\s*(?:an?\s*)?$")


_EXAM_NAME_RE = quick_re.compile(
    r"\b(?:(?P<nbme>nbmes?|ccssa)|(?P<uwsa>uwsa)|(?P<cms>cms)|(?P<free>free\s*-?\s*120|free120|fr120))"
    # "nbmes: form 9 236"; the Free 120 has no forms, so "free 120 72%" keeps its 72 as the result
    r"(?(free)|(?:\s*(?:[:=]\s*)?(?:form|#)?\s*-?\s*(?P<form>\d{1,2})(?!\d))?)"
)
_RESULT_RE = quick_re.compile(r"^[^0-9]{0,30}?(?<![\d.])(?P<n>\d{2,3})(?!\d|\.\d)\s*(?P<pct>%|percent\b|pct\b)?")
_STOP_RE = quick_re.compile(
    r"\b(?:step\s*(?:1|2|one|two)|s1|comlex|nbme|uwsa|cms|free\s*120|uworld|uw|amboss|qbank|weeks?|days?|qs?|real|actual"
    r"|people|everyone|others|classmates?|friends?|they(?!\s*(?:'|’)?\s*(?:re|are|were)\b))\b|[;\n]|[.!?]\s"
    # "nbmes, and people post 270s": theirs; "my 4th nbme and they're 241, 238": the tests' own results
)
_RESULT_BEFORE_RE = quick_re.compile(
    r"(?<![\d.])(?P<n>\d{2,3})(?!\d)\s*(?P<pct>%)?\s+(?:on|for|in)\s+(?:my\s+|the\s+)?"
    r"(?:(?:first|second|third|last|latest|final|1st|2nd|3rd|most recent)\s+)?$"
)
"""A result said before the test's name: "a 260 on uwsa 1", "71% on the free 120"."""
_ON_ANOTHER_RE = quick_re.compile(r"\s*(?:on|for|in)\s+(?:the\s+|my\s+)?(?:nbme|uwsa|cms|ccssa|free\s*-?\s*120)")
"""After a result: the test it was on, named after it ("... 241 on uwsa2")."""
_WHEN_RE = quick_re.compile(
    r"\b(?:(?:last|this|past)\s+(?:week(?:end)?|night|month)|(?:\d{1,2}|a|one|two|three|four|five|six|few|couple of)\s+"
    r"(?:days?|weeks?)\s+ago"
    r"|yesterday|today|this\s+morning|tonight)\b"
)
"""When a practice test was taken, skipped over between its name and its result."""
_TAG_STOP_RE = quick_re.compile(
    _STOP_RE.pattern + r"|\b(?:but|pass(?:ed)?|fail(?:ed)?|p\s*/\s*f|ck|step\s*2|s2)\b"
    # a new clause about something else: "a first-attempt step 1, so i don't know whether my 251..."
    r"|,\s*(?:so|and(?!\s+(?:i\s+)?(?:got|scored))|which|because)\b|\b(?:whether|my)\b"
    # a figure it is set against: "how much will the step 1 second attempt hurt me compared to the 251?"
    r"|\b(?:compared|versus|vs|against|than|hurt)\b"
)
_STEP1_RE = quick_re.compile(r"\b(?:step\s*(?:1|one|i)|step1|s1|usmle\s*1)\b(?!\s*[-/]?\s*(?:2|two|ii)\b)")
_COMLEX_RE = quick_re.compile(r"\b(?:comlex(?:\s*(?:level\s*)?[123](?:ce)?)?|level\s*[12])\b")
_RANGE_RE = quick_re.compile(r"(?<![\d.])(\d{3})\s*(?:-|to|/|~)\s*(\d{3})(?![\d.])")
_MORE_RESULTS_RE = quick_re.compile(
    r"(?:\s*\([^()]{0,20}\))?(?:\s*(?:,\s*(?:and|then|now)?|and|&|/|then|to|->|→|now)\s*(?:an?\s+)?"
    # "my last NBME was a 247, the one before was 241": the same exam, pointed back to
    r"(?:(?:the\s+)?(?:one|form|test)\s+(?:before|prior)(?:\s+(?:that|it))?\s+(?:was|is|=|:)?\s*(?:an?\s+)?)?"
    r"(?:(?:form\s+)?\d{1,2}\s*(?:was|is|=|:|-)?\s*)?\d{3}(?!\d)(?:\s*\([^()]{0,20}\))?)+"
)
"""More results of the same exam: "my last two NBMEs were 212 and 220", "went from 218 to 229", "nbme 9 was
244, 11 was 240", "236 (nov 14), 233 (nov 21)", "went 251, then 229, then 244"."""
_EARLIER_RE = quick_re.compile(r"\b(?:before|prior)\b")
"""A result pointed back to as the earlier one ("the one before was 241"), outside any note in brackets."""
MORE_RESULTS_SPAN = 160
"""Characters after a practice test's name within which a list of its results may run."""
_PARENS_RE = quick_re.compile(r"\([^()]*\)")
_PRACTICE_FORMS = {"nbme": "nbme", "uwsa": "uwsa", "cms": "cms", "free": "free120"}


def _practice_named(low: str, at: int) -> tuple[str, str] | None:
    """The practice test (exam, form) a message names nearest before `at`; None if none of theirs is."""
    named = [
        m for m in _EXAM_NAME_RE.finditer(low) if not _THEIRS_BEFORE_RE.search(low[max(0, m.start() - 30) : m.start()])
    ]
    if not named:
        return None
    before = [m for m in named if m.start() < at]
    if not before:
        return None  # "got 248 but my nbmes were all 250+": a result before the practice tests is the real one
    return _exam_and_form(before[-1])


def _exam_and_form(m: re.Match[str]) -> tuple[str, str]:
    """A practice test's (exam, form) from its name's match ("uwsa 2" -> ("uwsa", "2"); the Free 120 has one form)."""
    exam = next(name for name in _PRACTICE_FORMS if m.group(name))
    return _PRACTICE_FORMS[exam], "" if exam == "free" else m.group("form") or ""


_MINE_TOO_RE = quick_re.compile(r"\bmine\s*(?:'?\s*s|is|was)\s*(?:a\s+|an\s+|only\s+|just\s+)?$")
"""Their own result set beside someone else's, by "mine's" ("his UWSA2 was 250... mine's 248")."""
MINE_REACH = 16
"""Characters before a number read for "mine's" ("mine was only a " is 16)."""
TEST_NAMED_REACH = 120
"""Characters before "mine's 248" within which the test it was on is named."""


def _test_named_before(low: str, at: int) -> tuple[str, str, int] | None:
    """The practice test (exam, form) named last before `at`, whoever's result was said with it, and where its name
    ends."""
    named = list(_EXAM_NAME_RE.finditer(low, max(0, at - TEST_NAMED_REACH), at))
    if not named:
        return None
    exam, form = _exam_and_form(named[-1])
    return exam, form, named[-1].end()


def _generic_practice(low: str, at: int) -> bool:
    """A number told as a practice test's result though no test is named: "practice exam" said just before it in
    its sentence with no real exam named between ("took CK practice test today: 244"), or right after it ("got
    241 on a practice test")."""
    if _REAL_AFTER_RE.match(low, at) or "predict" in _sentence_at(low, at):
        return False  # "...i got a 251 on the real thing"; "self assessment predicted 260": kept as a prediction
    sentence_start = max((m.end() for m in _SENTENCE_CUT_RE.finditer(low, 0, at)), default=0)
    # near the number only: "did a practice exam last month ... my score posted: 251" is the real one
    before = list(_GENERIC_PRACTICE_RE.finditer(low, max(sentence_start, at - PRACTICE_REACH), at))
    if before and not _REAL_BETWEEN_RE.search(low, before[-1].end(), at):
        return True
    return _PRACTICE_AFTER_RE.match(low, at) is not None


_GENERIC_PRACTICE_RE = quick_re.compile(
    r"\b(?:practice\s+(?:test|exam|assessment|form)s?|self\s*-?\s*assessments?|diagnostic(?:\s+(?:test|exam))?)\b"
)
PRACTICE_REACH = 40
"""Characters before a number within which "practice exam" makes it that exam's result."""
_REAL_BETWEEN_RE = quick_re.compile(
    r"\b(?:real|actual|official|final|score report|came back|came out|posted|my score|but|while|ck|step\s*2|step2|"
    r"usmle)\b(?!\s+practice)"
)
_PRACTICE_AFTER_RE = quick_re.compile(
    r"\d{3}\s+(?:on|in|for)\s+(?:a|my|the|one|that)\s+(?:\w+\s+)?"
    r"(?:practice\s+(?:test|exam)|self\s*-?\s*assessment|diagnostic)"
    # "freaking out about a 231 practice score"
    r"|\d{3}\s+(?:practice|self\s*-?\s*assessment)\s+(?:score|test|exam|result|form)s?\b"
)
_REAL_AFTER_RE = quick_re.compile(
    r"\d{3}\s+(?:on|in)\s+(?:the\s+)?(?:real|actual|official)\b|\d{3}\s+(?:on|in)\s+(?:my\s+)?(?:ck|step\s*2|step2)\b"
)


_CK_SAID_RE = quick_re.compile(
    r"\b(?:ck|step\s*(?:2|two)|step2|s2|usmle|level\s*2|comlex|official|score report|3 digit|three digit|passed|"
    r"failed|pass|fail|(?:real|actual)\s+(?:one|thing|exam|test|score|deal|came|was|is|got|attempt|try|sitting))\b"
)
"""Step 2 CK (or another real exam) named: a number beside a practice test's name may then be the real score."""
_CK_DONE_RE = quick_re.compile(
    r"\b(?:ck|step\s*2|step2|s2)\s+(?:is\s+|was\s+)?(?:done|over|finished|came back|score|result)\b"
    r"|\b(?:took|finished|done with|passed|sat)\s+(?:my\s+|the\s+)?(?:ck|step\s*2|step2)\b"
)
"""Step 2 CK named as sat, after a number: the number was its result."""
_BARE_START_RE = quick_re.compile(r"(?:^|[.!\n]\s*)(?:(?:score|scored|got)\s*:?\s*)?(?:\d{3}\s*(?:,|and|&|/)\s*)*$")
"""A number that starts its sentence ("... done. 249."), alone or after others ("... 229 and 233")."""
_GOT_BEFORE_RE = quick_re.compile(
    r"\b(?:got|scored|was|were|came back|came out|hit|pulled)\s+(?:an?\s+|like\s+|around\s+|about\s+)?$|[=:]\s*$"
)
"""A result told ("got a 262"), not a goal asked about ("is 245 realistic")."""


_FORM_LIST_RE = quick_re.compile(
    r"\b(?P<exam>nbmes|uwsas|nbme forms|ccssas)\s*(?:so far\s*)?(?:were\s*)?[:=-]?\s*"
    r"(?P<list>\d{1,2}\s*(?:-|:|=|->|→|\s(?:was|is|=))\s*\d{3}(?:\s*(?:,|;|and|/)\s*\d{1,2}\s*(?:-|:|=|->|→|\s(?:was|is))\s*"
    r"\d{3})*)"
)
"""Forms and results listed under one name: "NBMEs: 10 - 243, 11 - 247, 12 - 251"."""
_FORM_PAIR_RE = quick_re.compile(r"(\d{1,2})\s*(?:-|:|=|->|→|\s(?:was|is))\s*(\d{3})")


_NEXT_TEST_RE = quick_re.compile(r"\b(?:next|upcoming|another|one more|last one|final one)\s+(?:\w+\s+)?$")
"""A practice test still to come, said right before its name ("if my next uwsa is 250")."""
_DECADE_AT_RE = quick_re.compile(r"s\b|'s\b")
"""Right after a number, a decade ("the 240s"), not a result."""


def _practice(low: str) -> tuple[PracticeResult, ...]:
    """Each practice exam named with a result right after it: "NBME 12 232", "uwsa2: 71%"."""
    listed = _FORM_LIST_RE.search(low)
    if listed is not None:
        named: Literal["nbme", "uwsa"] = "uwsa" if listed.group("exam").startswith("uwsa") else "nbme"
        pairs = _FORM_PAIR_RE.findall(listed.group("list"))
        found = [PracticeResult(named, form, score=int(n)) for form, n in pairs if 100 <= int(n) <= 300]
        # in the order said: what came before the list, the list, what came after (a trend is read from it)
        return (*_practice(low[: listed.start()]), *found, *_practice(low[listed.end() :]))[:6]
    out: list[PracticeResult] = []
    for m in _EXAM_NAME_RE.finditer(low):
        if _THEIRS_BEFORE_RE.search(low[max(0, m.start() - 30) : m.start()]):
            continue  # "my sister's nbme 12 was 238": hers, not a result to keep as theirs
        heard = _heard_from_someone(low[max(0, m.start() - 60) : m.start()])
        exam = next(name for name in _PRACTICE_FORMS if m.group(name))
        form = m.group("form") or ""
        if exam == "free":
            form = ""
        # "NBME 12 last week and got a 246": when it was taken is not a stop (nor its number a result).
        ahead = _WHEN_RE.sub(lambda w: " " * len(w.group()), low[m.end() : m.end() + MORE_RESULTS_SPAN])
        window = ahead[:40]
        stop = _STOP_RE.search(window)
        if stop is not None:
            window = window[: stop.start()]
        # The result after the test's name, or said first ("got a 260 on uwsa 1").
        after = _RESULT_RE.match(window)
        if after is not None and (
            _ON_ANOTHER_RE.match(ahead, after.end()) or _REAL_AFTER_RE.match(ahead, after.start("n"))
        ):
            # "209 on NBME 9, just got 241 on UWSA2": the 241 is the next test's; "211 on my first NBME to 248 on
            # the real thing": the real exam's
            after = None
        r = after or _RESULT_BEFORE_RE.search(low[max(0, m.start() - 16) : m.start()])
        if r is None:
            continue
        if heard and not (after is not None and _OWN_TIE_RE.search(window[: after.start("n")])):
            continue  # "someone said 79% on the free 120 converts to like 255": a claim heard, no result of theirs
        if after is not None and (
            _NEXT_TEST_RE.search(low, max(0, m.start() - 16), m.start()) or _DECADE_AT_RE.match(ahead, after.end("n"))
        ):
            continue  # "if the next NBME is still ~240", "nbmes in the 240s": a result supposed or a decade, none told
        value = int(r.group("n"))
        if r.group("pct") or (value <= 100 and exam == "free"):
            if value <= 100:
                out.append(PracticeResult(_PRACTICE_FORMS[exam], form, percent=value))  # type: ignore[arg-type]
        elif 100 <= value <= 300:
            out.append(PracticeResult(_PRACTICE_FORMS[exam], form, score=value))  # type: ignore[arg-type]
            # the list may run past the window: "236 (nov 14), 233 (nov 21), 229 (nov 28)", "from 231 three
            # weeks ago to 226 today"
            more = _MORE_RESULTS_RE.match(ahead, after.end()) if after is not None else None
            further = _results_listed(ahead, more)
            extras = [
                PracticeResult(_PRACTICE_FORMS[exam], score=int(extra))  # type: ignore[arg-type]
                for extra in _THREE_DIGITS_RE.findall(further)
                if 100 <= int(extra) <= 300
            ]
            if _EARLIER_RE.search(further):
                out[-1:-1] = extras[::-1]  # "last one 247, the one before 241": said newest first, kept in time order
            else:
                out += extras
    # a result said again without its form is the same one, asked about ("NBME 12: 241... is 241 on the nbme ok for
    # IM?"; "free 120 was 71%... is 71% on the free 120 in line?": the Free 120 has one form)
    once = [r for i, r in enumerate(out) if not any(_said_again(r, earlier) for earlier in out[:i])]
    return tuple(once[:6])


def _said_again(result: PracticeResult, earlier: PracticeResult) -> bool:
    """Whether `result` names `earlier` again: the same test and result, the same form or its form unsaid after a
    named one (two unnamed NBMEs of 224 in "224, 223, 225, 224" are two tests; the Free 120 has one form)."""
    return (result.exam, result.score, result.percent) == (earlier.exam, earlier.score, earlier.percent) and (
        result.exam == "free120" or (bool(earlier.form) and result.form in ("", earlier.form))
    )


_THREE_DIGITS_RE = re.compile(r"(?<!\d)\d{3}(?!\d)")


def _results_listed(ahead: str, more: re.Match[str] | None) -> str:
    """The further results a list after a practice test's first one tells, notes in brackets left out; it ends
    before a number said to be the real exam's ("from nbme 210 to a 245 on the real one")."""
    if more is None:
        return ""
    listed = more.group()
    for n in _THREE_DIGITS_RE.finditer(listed):
        if _REAL_NAMED_AFTER_RE.match(ahead, more.start() + n.start()):
            listed = listed[: n.start()]
            break
    return _PARENS_RE.sub(" ", listed)


def _tagged(exam: quick_re.Pattern, low: str, high: int = 300) -> int | None:
    """A three-digit number tied to this exam: "230 on step 1", "step 1 was 230", "step 1 in 2021 and
    got 236" (the rest of the sentence, up to another exam or a pass/fail)."""
    for m in exam.finditer(low):
        start = max(0, m.start() - 20)
        before = _TAGGED_BEFORE_RE.search(low[start : m.start()])
        if before is not None and 100 <= int(before.group(1)) <= high and not _theirs(low, start + before.start(1)):
            return int(before.group(1))  # "230 on step 1"
        # "step 1 I took in 2021 just before pass/fail, got 219": the change of era names no result, and the window
        # reaches as far past it as it was long
        era = sum(len(e.group()) for e in _ERA_RE.finditer(low, m.end(), m.end() + 60))
        window = _ERA_RE.sub(lambda e: " " * len(e.group()), low[m.end() : m.end() + 60 + era])
        stop = _TAG_STOP_RE.search(window)
        window = window[: stop.start()] if stop else window
        for r in _TAGGED_AFTER_RE.finditer(window):
            value = int(r.group(1))
            if (
                100 <= value <= high
                and not _STEP2_AFTER_RE.match(low, m.end() + r.end())
                and not _theirs(low, m.end() + r.start(1))
            ):
                return value  # "step 1 was 230"
    return None


def _theirs(low: str, at: int) -> bool:
    """Someone else's result, named just before the number ("my sister matched derm with a 252 on step 1")."""
    before = low[max(0, at - 80) : at]
    return _someone_elses(before) and not _MINE_BEFORE_RE.search(before[-60:])


_ERA_RE = quick_re.compile(
    r"\b(?:before|pre|prior to|until|till|when it went|went|switch(?:ed)? to)\s+(?:the\s+|it\s+went\s+)?"
    r"(?:(?:switch|change|move)\s+to\s+)?(?:pass\s*[/-]?\s*fail|p\s*/\s*f)\b"
)
"""The change of Step 1's scoring named after it ("step 1 I took just before pass/fail, got 219"): no result."""
_TAGGED_AFTER_RE = quick_re.compile(r"(?<![\d.,])(\d{3})(?!\d|\.\d|,\d|\s*%)")
_STEP2_AFTER_RE = quick_re.compile(r"\s*(?:on|in|for)\s+(?:my\s+|the\s+)?(?:step\s*2|step2|ck|s2)\b")
_TAGGED_BEFORE_RE = quick_re.compile(r"(?<![\d.])(\d{3})\s*(?:on|in|for|from)\s*(?:my\s+|the\s+)?$")


def _range_said(low: str) -> re.Match[str] | None:
    """Where a range of scores is said: "240-250", "between 235 and 245"."""
    return _RANGE_RE.search(low) or _BETWEEN_RE.search(low)


_BETWEEN_RE = quick_re.compile(r"\bbetween\s+(?:an?\s+)?(\d{3})\s+and\s+(?:an?\s+)?(\d{3})\b")
"""Two scores weighed ("between 235 and 245", "between a 245 and a 252"): a range, no score of the student's."""


def _range(low: str) -> tuple[int, int] | None:
    """A Step 2 score range asked about: "240-250 for derm", "between 235 and 245"."""
    m = _range_said(low)
    if m is None:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    before = low[max(0, m.start() - 25) : m.start()]
    if before.rstrip().endswith("from"):
        return None  # "from 219 to 250" is a change, not a range
    if m.re.pattern == _BETWEEN_RE.pattern and all(re.search(rf"(?<!\d){n}(?!\d)", low[: m.start()]) for n in (a, b)):
        return None  # "she got a 268 and i got a 241... is the difference between 241 and 268 meaningful": two results
    if not (150 <= a < b <= 300 and b - a <= 40) or _EXAM_NAME_RE.search(before) or _STEP1_RE.search(before):
        return None
    if _RANGE_HEARD_RE.search(before) or _RANGE_QUOTED_RE.search(
        low[max(0, m.start() - RANGE_HEARD_REACH) : m.start()]
    ):
        return None  # "my mentor says the plastics average is around 255-260": a figure heard, not one asked about
    return a, b


RANGE_HEARD_REACH = 60
"""Characters before a range read for who quotes it ("people in my class keep quoting 255-260")."""
_RANGE_HEARD_RE = quick_re.compile(r"\b(?:average|avg|mean|median|cut\s*-?\s*off|heard)\b")
_RANGE_QUOTED_RE = quick_re.compile(
    # others quoting it ("people in my class keep quoting 255-260"), not a test's own prediction ("uwsa2 claimed 250")
    r"\b(?:people|ppl|they|everyone|everybody|reddit|sdn|classmates|friends)\s+(?:\w+\s+){0,4}?(?:quot|claim)\w*"
)
"""Words before a range that make it a figure heard ("people keep quoting 255-260"), not the student's own."""


_CK_OPENS = r"(?:^|[.!?\n]\s*)(?:my\s+)?(?:step\s*2(?:\s*ck)?|step2|ck)"
"""Step 2 CK named to open a sentence: a result labelled ("CK: 238") or told as news ("CK 263, uwsa1 254") follows."""
_OWN_BEFORE_RE = quick_re.compile(
    # (not a level asked about: "can i hit 250?", "could i get 245")
    r"(?:(?<!\bcan )(?<!\bcould )(?<!\bwill )(?<!\bwould )(?<!\bmight )(?<!\bshould )"
    r"\b(?:i|i've|ive|just)\s+(?:got|scored|received|pulled|hit|ended up with|finished with)|\bgot\s+(?:back\s+)?"
    r"|\bscored|\bcame back(?:\s+(?:with|as|at))?|\bmy\s+(?:real\s+|actual\s+|official\s+)?"
    r"(?:step\s*2(?:\s*ck)?|step2(?:ck)?|s2(?:ck)?|ck|score)(?:\s+score)?(?:\s+(?:is|was|came in at|came back|=))?"
    r"|\bgot\s+my\s+(?:ck\s+|step\s*2\s+(?:ck\s+)?|s2\s+)?(?:score|result)s?(?:\s+back)?"
    r"(?:\s+(?:today|yesterday|this morning))?"
    r"|\bactually(?:\s+(?:it\s*'?s|its|it\s+is|it\s+was|i\s+got|a|was))?|\bi\s+(?:also\s+|too\s+|only\s+|just\s+)?have(?:\s+an?)?|\bi\s*'?m\s+at"
    r"|\bim\s+at|\bi\s+am\s+at|\bsitting\s+(?:at|on|with)|\bwith\s+my|\bcorrection"
    # "everyone posted theirs and mine is 219"
    r"|\bmine\s+(?:is|was|came back|came in at|=)"
    # "official came back today at 252", "my step 2 ck result came: 241", "my score dropped this morning: 246"
    r"|\b(?:came|came back|came out|dropped|posted)\s+(?:today|yesterday|this morning|last night|tonight)"
    r"(?:\s+(?:at|as|with))?|\b(?:result|score)\s+came\b"
    # "passed with 219", "the real thing gave me 250", "got my step 2 back yesterday: 242", "test day score 248"
    r"|\bpassed\s+(?:with|at)|\b(?:real|actual|official)\s+(?:one|thing|exam|test)\s+gave\s+me"
    r"|\btest\s*day\s+(?:score|result)"
    r"|\bgot\s+my\s+(?:ck|step\s*2(?:\s*ck)?|s2)\s+back(?:\s+(?:today|yesterday|this morning))?"
    # "CK: 238", "ck result = 244" opening a sentence: the exam's result, labelled
    rf"|{_CK_OPENS}(?:\s+(?:score|result))?\s*[:=]"
    # "real score: 247", "the real one was 247", "actual: 247" beside practice results: the exam's own result
    r"|(?<!\bis the )(?<!\bs the )\b(?:real|actual|official)\s+(?:ck\s+|step\s*2\s+(?:ck\s+)?)?(?:score|result)"
    r"(?:\s+(?:was|came in at|came back(?:\s+at)?))?"
    r"|\b(?:real|actual|official)(?:\s+(?:one|thing|exam|test|ck|step\s*2))?\s*(?:was|came in at|came back(?:\s+at)?|"
    r"[:=])"
    # "got COMLEX level 2 back at 612 and step 2 ck at 248 last month", "step 1 pass, ck was 241": the exam's result
    # (not "thinking of sitting ck at 238": the level to sit it at)
    r"|(?<!\bis )(?<!\bif )(?<!\bif my )(?<!\bsit )(?<!\bsitting )(?<!\btake )(?<!\btaking )"
    r"\b(?:step\s*2(?:\s*ck)?|step2|ck|s2)\s+(?:was|came in at|came back at|at))"
    r"\s*(?:a|an|only|just|like|around|about|a\s+solid|a\s+measly|:|=|-)?\s*$"
)
_NOT_OWN_RE = quick_re.compile(
    r"\b(?:if|unless|what if|would|could|someone|somebody|anyone|people|ppl|person|applicants?|those|hypothetically"
    r"|let\s*'?s say|lets say|aim\w*|target\w*|goal|want|need|hop(?:e|ing)|predict\w*|projected)\b"
)


_SUPPOSED_RE = quick_re.compile(
    # "i'd need a 250", "i'd be happy with 240"; not "i'd say my 245 is solid"
    r"\b(?:if|unless|what if|whether|would|i\W?d\s+(?:need|want|like|love|hope|get|score|be|settle|take|hit)|"
    r"hypothetically|let\s*'?s say|lets say|say i|say it|worst case|"
    r"best case|suppose|"
    r"(?:will|would|could|can) an?|"
    r"assuming|aim\w*|target\w*|goal|want|wanted|wanna"
    r"|thought|thinking|figured|guessed|should (?:have|ve)|shoulda|could (?:have|ve)|supposed to|assumed"
    r"|need|needing|hop(?:e|ing)|shooting for|going for|on track for|on pace for|head(?:ed|ing) for|expect\w*"
    # "wait and push for 250+ or take it at 240": a level to reach, or to sit the exam at
    r"|push(?:ing)? for|gun(?:ning)? for|shoot for|strive for|take it at|sit (?:it )?at|test at"
    r"|enough\s+(?:for|to\s+(?:get|hit|score|reach))"
    # "scared i'll end up with 235"; not "CK ended up at 258", a result
    r"|scared|afraid|worried|terrified|nervous|fear\w*|dread\w*|nightmare|dream\w*|ends? up|guess\w*|estimat\w*"
    r"|plateau\w*|stuck at"
    r"|trying|reach|break|hit|grind\w*|chas\w*|kill myself|killing myself|sacrific\w*"
    # a figure to climb to: "is that enough time to get to 240", "can i bring it up to 250"
    r"|(?<!managed to )(?<!able to )(?<!finally )(?:get|go|bring it|push it|make it|jump|climb|raise it|improve it)"
    r"\s+(?:up\s+|all the way\s+)?to"
    # a figure picked to ask with: "with a so-so score like 230" (not "i got a score of like 231")
    r"|(?<!got )(?<!received )(?<!scored )(?<!had )(?:a|an)\s+(?:[a-z-]+\s+)?score\s+(?:like|of like)"
    # "how long to study to get a competitive score, like 255+" (not "it took me 8 weeks to get a 250")
    r"|(?:how|what|study|studying|prep|prepare)\b(?:\s+\w+){0,5}?\s+to (?:get|score|land)|competitive score)\b"
)


def _is_supposed(low: str, at: int) -> bool:
    """A score hoped for, feared or supposed: "hoping to get 255", "scared I'll end up with 235",
    "if I take CK and get like 230" (an "and" goes on with the supposition), "I wanted a solid score, like 250"
    (a figure set beside what came before the comma)."""
    if _GOAL_AFTER_RE.match(low, at):
        return True  # "is 59% bad for a 245 goal": named a goal after the number
    if _THINKING_OF_MINE_RE.search(low, max(0, at - 30), at):
        return False  # "i can't stop thinking about my 228": their own result, dwelt on
    return _SUPPOSED_RE.search(_supposing_clause(low, at)) is not None


_THINKING_OF_MINE_RE = quick_re.compile(
    r"\bthinking\s+(?:about\s+|of\s+)?my\s+(?:ck\s+|step\s*2\s+|score\s+(?:of\s+)?)?$"
)


def _supposing_clause(low: str, at: int) -> str:
    """The clause before the number at `at` that may suppose it, reaching back over an apposition ("I wanted a
    solid score, like 250": the figure is set beside what came before the comma)."""
    clause = _clause_before(low, at, _SUPPOSED_CUT_RE)
    if _APPOSITION_RE.match(clause):
        clause = _clause_before(low, at - len(clause) - 1, _SUPPOSED_CUT_RE) + clause
    return clause


_FEARED_RE = quick_re.compile(
    r"\b(?:scared|afraid|worried|terrified|nervous|fear\w*|dread\w*|nightmare|panic\w*)\b"
    r"(?!.*\b(?:won t|wont|not|never|don t|dont)\s+(?:hit|reach|get to|make it to|break)\b)"
)
"""A supposed score that is feared, not hoped for: "terrified I'll get a 220" ("what if I get a 260" may be a hope;
"worried I won't hit 250" names a goal)."""
_GOAL_RE = quick_re.compile(
    # "want to know if 250 is good" asks; "want 250" aims
    r"\b(?:aim\w*|target\w*|goal|(?:want\w*|need\w*)(?!\s+to\s+(?:know|ask|check|see))|wanna|hop(?:e|ed|ing)"
    r"|shooting for|going for|on track for|on pace for|head(?:ed|ing) for|trying|reach\w*|break\w*|hit"
    r"|push(?:ing)? for|gun(?:ning)? for|shoot for|strive for"
    r"|enough\s+(?:for|to)|happy with|would love|looking for|settle for"
    # "i'd like to be at 250+", "i'd like to land around 250"
    r"|(?:i\W?d|would)\s+like\s+to\s+(?:be|land|get|hit|score|reach|end up)"
    r"|(?:get|go|bring it|push it|make it|jump|climb|raise it|improve it)\s+(?:up\s+|all the way\s+)?to)\b"
)
"""Words that make a supposed score a goal: "aiming for 250", "can i get to 255" (not "if it comes back under 250")."""
_FALLS_SHORT_RE = quick_re.compile(
    r"\b(?:if|unless|what if)\b.*\b(?:only|don t|dont|do not|under|below|not|less than)\b"
)
"""A condition of falling short of a figure ("if i only hit 235"): what they fear, not what they aim for."""


def _is_goal(low: str, at: int) -> bool:
    """A supposed score at `at` named as a figure to reach, before it ("hoping for 250") or after ("250 goal"); a
    condition short of it is none ("if i only hit 235", "if i don't break 230")."""
    if _GOAL_AFTER_RE.match(low, at):
        return True
    clause = _supposing_clause(low, at)
    return _GOAL_RE.search(clause) is not None and _FALLS_SHORT_RE.search(clause) is None


_GOAL_AFTER_RE = quick_re.compile(
    r"\d{3}\s*\+?\s*(?:goal|target|is my (?:goal|target)|is the (?:goal|target)|or bust)\b"
    # "is a 240 realistic from a 221?": a level asked about as reachable, not one reached
    # (not "CK 245 realistic for derm?": a result named by its exam, asked about)
    r"|(?<!\bck )(?<!\bstep 2 )(?<!\bscore )(?<!\bmy )\d{3}\s*\+?\s*(?:(?:even|still|really)\s+)?"
    r"(?:realistic|achievable|attainable|doable|feasible|reachable|within reach)\b"
    # a rough figure looked ahead to: "is 240ish going to be enough for IM" (not "my score was 240ish")
    r"|\d{3}\s*-?\s*ish\s+(?:(?:is\s+)?(?:going to|gonna|will)\s+be\s+|be\s+|is\s+)?"
    r"(?:enough|ok|okay|fine|competitive|safe)\b"
)
_NOT_YET = "".join(
    f"(?<!{word} )(?<!{word} the )(?<!{word} my )"
    for word in ("so", "until", "till", "once", "when", "if", "before", "whether")
)
"""Before the score's news, a word that puts it ahead ("so the score is back before aways", "once my score is out")."""
_SCORE_NEWS = (
    r"got my (?:ck |step 2 |s2 )?(?:score|result)s?|" + _NOT_YET + r"(?:my |the )?(?:score|result)s? (?:came|posted|"
    r"is out|are out|is back|are back|dropped|released)|score came in|score posted"
)
"""The real score's news in words of a score ("got my score today", "score came out")."""
_RESULT_TOLD_RE = quick_re.compile(rf"\b(?:{_SCORE_NEWS}|came back (?:at|as|with)?)\b")
"""The student's own result told as news: a figure asked about beside it is that result, not a hope."""
_SCORE_NEWS_RE = quick_re.compile(rf"(?<!nbme )(?<!uwsa )(?<!free 120 )\b(?:{_SCORE_NEWS})\b")
"""The news said in words of a score, not a practice test's ("uwsa2 came back 241" is `_RESULT_TOLD_RE`'s only)."""
SCORE_NEWS_REACH = 40
"""Characters before a number within which the score's news makes it the real one (not "scores are out for the
june takers" said elsewhere in the post)."""
_FAIL_TOLD_WITH_RE = quick_re.compile(
    # "failed my CK first try in March with 205", "my first attempt CK was 203": a fail told with its number
    r"\b(?<!if i )(?<!if you )(?<!what if i )failed\b[^.?!]{0,40}?\b(?:with|w)\s+(?:an?\s+)?(\d{3})\b"
    r"|\bfirst\s+(?:attempt|try)(?:\s+(?:ck|step\s*2))?\s+(?:was|at)\s+(?:an?\s+)?(\d{3})\b"
)


def _result_told(low: str, score: int) -> bool:
    """A result told as news in the message, unless it is another number's ("Level 2 came back 652... would
    getting like 235 look worse?": COMLEX's result, and the 235 stays supposed)."""
    for m in _RESULT_TOLD_RE.finditer(low):
        after = _NUMBER_AFTER_RE.match(low, m.end())
        if after is None or int(after.group(1)) == score:
            return True
        # "COMLEX level 2 came back 612 and step 2 ck 248 last month": the news told of both, the second CK's
        paired = _PAIRED_CK_RE.match(low, after.end())
        if paired is not None and int(paired.group(1)) == score:
            return True
    return _fail_told(low, score)


_PAIRED_CK_RE = quick_re.compile(
    r"\s*(?:,|and|&)\s*(?:my\s+)?(?:usmle\s+)?(?:step\s*2(?:\s*ck)?|step2|ck|s2)\s*(?:was\s+|at\s+|:\s*)?(\d{3})(?!\d)"
)
"""A CK result told beside another result in one piece of news ("came back 612 and step 2 ck 248")."""


def _fail_told(low: str, score: int) -> bool:
    """Their own failed attempt told with this number ("failed in March with 205", "first attempt was 203"); not
    one told of someone else ("my friend failed with a 209")."""
    return any(
        int(m.group(1) or m.group(2)) == score and not _ANOTHER_SUBJECT_RE.search(_before_in_sentence(low, m.start()))
        for m in _FAIL_TOLD_WITH_RE.finditer(low)
    )


def _before_in_sentence(low: str, at: int) -> str:
    """The words of `at`'s sentence before it: who did what is named there ("my friend failed with a 209")."""
    start = max((m.end() for m in _SENTENCE_CUT_RE.finditer(low, 0, at)), default=0)
    return low[max(start, at - 80) : at]


_NUMBER_AFTER_RE = quick_re.compile(r"[^0-9.!?]{0,12}?(?<![\d.])(\d{3})(?!\d)")
"""The number a told result names, just after the words that tell it ("came back 652")."""
_APPOSITION_RE = quick_re.compile(
    r"\s*(?:like|around|about|maybe|say|something like|ideally|ideally like)\s*(?:an?\s+)?$"
)


def _is_own(low: str, at: int) -> bool:
    """Whether the score at `at` is stated as the student's own result, not asked about."""
    clause = _clause_before(low, at, _OWN_CUT_RE)
    if _OWN_BEFORE_RE.search(low[max(0, at - 40) : at]) or (
        # "CK 263, uwsa1 254", "CK score 265!!": the exam named to open a sentence, its result told as news
        _CK_HEADLINE_RE.search(low, max(0, at - 30), at) and _NEWS_AFTER_RE.match(low, at)
    ):
        # (not "my brother passed with 235", nor "her stats:\nCK: 251", "my goals -\nCK: 255" or "CK: 250+ for ortho")
        return (
            _NOT_OWN_RE.search(clause) is None
            and _ANOTHER_IN_CLAUSE_RE.search(clause) is None
            and not _theirs(low, at)
            and not _LISTED_FOR_ANOTHER_RE.search(low, max(0, at - 60), at)
            and not low.startswith("+", at + 3)
        )
    # "improved from nbme 210 to a 245 on the real one", "got 248 on the real thing": the real exam's result, told
    # (not "praying for 250 on the real one", "250 on the real thing realistic?", nor a roommate's)
    return (
        _REAL_NAMED_AFTER_RE.match(low, at) is not None
        and _TOLD_BEFORE_REAL_RE.search(clause) is not None
        and _NOT_OWN_RE.search(clause) is None
        and _SUPPOSED_RE.search(clause) is None  # "so scared i get a 220 on the real thing"
        and _ANOTHER_IN_CLAUSE_RE.search(clause) is None
        and not _theirs(low, at)
    )


_CK_HEADLINE_RE = quick_re.compile(rf"{_CK_OPENS}(?:\s+score)?\s+$")
_NEWS_AFTER_RE = quick_re.compile(r"\d{3}\s*[,!](?!\s*(?:or\s+)?\d{3})")
_REAL_NAMED_AFTER_RE = quick_re.compile(
    r"\d{3}\s+(?:on|in)\s+(?:the\s+|my\s+)?(?:real|actual|official)\b"
    r"(?!\s+(?:one|thing|exam|test|deal)?\s*(?:would|could|realistic|possible|doable|\?))"
)
_TOLD_BEFORE_REAL_RE = quick_re.compile(
    r"(?:\bfrom\b.{0,40}\bto|\b(?:got|scored|hit|pulled|landed|ended up with|managed|then))\s+(?:an?\s+|like\s+)?$"
)
"""Right before "N on the real one", a result told: "from nbme 210 to a", "got", "uwsa1 was 251 then"."""
_ANOTHER_IN_CLAUSE_RE = quick_re.compile(
    r"\b(?:my|our|his|her|their|a)\s+(?:\w+\s+)?(?:friend|roommate|classmate|brother|sister|cousin|partner|husband|"
    r"wife|boyfriend|girlfriend|bf|gf|co-?resident|co-?intern|senior|mentor|advisor)s?\b"
)
"""In the clause before a number, another person: the result told is theirs ("my brother passed with 235")."""
_LISTED_FOR_ANOTHER_RE = quick_re.compile(
    r"\b(?:her|his|their|friend\s*'?\s*s?|roommate\s*'?\s*s?|sister\s*'?\s*s?|brother\s*'?\s*s?)\s+"
    r"(?:stats|numbers|scores)\b|\b(?:goals?|targets?)\b"
)
"""Before a labelled number, stats listed for another person or as goals ("her stats: CK: 251")."""


def _clause_before(low: str, at: int, cut: quick_re.Pattern) -> str:
    """The last clause of the 40 characters before `at`, clauses ending where `cut` matches."""
    before = low[max(0, at - 40) : at]
    ends = [m.end() for m in cut.finditer(before)]
    return before[ends[-1] :] if ends else before


_SUPPOSED_CUT_RE = quick_re.compile(r"[,;!?\n]|\.\s|(?<!-)\b(?:but|so)\b(?!-)")  # "so-so" goes on
_OWN_CUT_RE = quick_re.compile(r"[,;!?\n]|\.\s|\b(?:but|so|and)\b")


_Kind = Literal["said", "bare", "practice", "quoted"]
"""said: words say it is the score; bare: a plausible number alone; practice: a practice-test
(or Step 1) score; quoted: a figure they heard or someone else's score, never theirs."""

_FIGURE_WORDS = r"(?:median|average|avg|mean|minimum|min|cut\s*-?\s*offs?|threshold|floor|filter|screen|requirement)"
# "249 is the median", "a 220 is the minimum for an interview", "230 cutoff"
_QUOTED_AFTER_RE = quick_re.compile(
    # "is 245 really the floor for ortho": asked of a figure heard
    # "is 250 basically the cutoff for rads now": hedged the same way
    rf"^\s*(?:is|was|are|=|as)?\s*(?:(?:really|actually|still|truly|now|basically|pretty much|kinda|essentially|like|"
    rf"considered)\s+)?(?:(?:the|a|an|their|its|his|her)\s+)?"
    # (not "is a 258 above avg", their score weighed against the figure)
    rf"(?:(?!(?:above|below|over|under)\b)[a-z]+\s+)?['\"‘’“”]?{_FIGURE_WORDS}\b"  # "why a 240 is 'average' now"
)
# "the median is 249", "a cutoff of 230", "minimum score is like 220"
_QUOTED_BEFORE_RE = quick_re.compile(
    # a figure's own ("the median is 249"), not theirs ("my avg is probably 245 across the nbmes")
    # "rads avg ck is like 250 right?", "the median CK for ENT matches like 250+?": the exam and whose, named between
    rf"(?<!\bmy )(?<!\bour )\b{_FIGURE_WORDS}(?:\s+(?:score|scores|ck|step\s*2(?:\s+ck)?|s2|"
    r"(?:for|in|among)\s+(?:matched\s+|successful\s+)?[a-z]+|"
    r"matches|matched|matchers|applicants)){0,3}"
    # "is the IM average really 240", "average is super high, like 255"
    r"(?:\s*[-:]?\s+(?:really|actually|supposedly|apparently|now|still|just|only|super|so|very|high|low|roughly|approx\w*|"
    # "obgyn step 2 avg - is it still around 245?", "avg for derm n is it over 255"
    r"is|was|it|this|that|currently|about|around|n|over|above|under|below|like|"
    # "plastics avg is probably 255 right?": a figure guessed at, however hedged
    r"probably|prob|maybe|likely|basically|kinda|typically|usually|generally|normally|"
    # "charting outcomes shows a median more like 245", "the average is closer to 250"
    # "what's the plastics average again, like 255?"
    r"more|closer|nearer|to|again))*"
    r"\s*(?:is|was|of|at|around|about|=|:|,|~|like|\s)*\s*$"  # "rads avg ~250?" too
    # "the median on step 2 is 250 now": the exam's own figure (not "my practice average on step 2 is 244")
    rf"|\bthe\s+{_FIGURE_WORDS}\s+(?:on|for|of|in)\s+(?:the\s+)?(?:step\s*2(?:\s+ck)?|step2|ck|s2)\s+"
    r"(?:is|was|=|:)\s+(?:now\s+|like\s+|around\s+|about\s+)?$"
    # "is it true ENT cuts at 250 now?", "they screen at 230": a cut-off said as what programs do
    r"|\b(?:cuts?(?:\s+off)?|screens?(?:\s+out)?|filters?(?:\s+out)?)\s+(?:people\s+|applicants\s+)?(?:at|below|under)\s+"
    r"(?:like\s+|around\s+|about\s+)?$"
    # "passing is 218 if i'm right", "the pass mark is now 218": the pass mark, of anyone
    r"|(?<!\bmy )(?<!\bgot a )(?<!\bhad a )(?<!\bscored a )(?<!\breceived a )"
    r"\b(?:passing(?:\s+score|\s+mark|\s+line)?|pass\s+mark|(?:the\s+)?pass(?:ing)?\s+line|the\s+line|(?<!\bi )pass)"
    r"\s+(?:is|was|=|:|now)\s+"
    r"(?:now\s+|like\s+|around\s+|about\s+|only\s+)?$"
    # "what's passing now, still 214?", "is passing still 214": the pass mark asked about
    r"|\b(?:what'?s|what s|what is|is)\s+(?:the\s+)?(?:passing|pass mark|passing score)\b"
    r"[^.!?]{0,12}?\b(?:still|now)\s*$"
    # "anything under 230 gets filtered": a threshold, of anyone
    # "won't look at DOs under 250": a threshold said of a group
    r"|\b(?:anything|anyone|everything|everyone|scores?|people|ppl|applicants|candidates|students|dos|mds|imgs|those)"
    r"\s+(?:under|below|above|over|less than|"
    r"more than|lower than|higher than|at least)\s*(?:a\s+)?$"
    # "ortho wants 255+", "derm basically requires 260": what a field or program is said to want
    r"|\b(?:wants|needs|requires|expects|likes)\s+(?:like\s+|a\s+|an\s+|at\s+least\s+|around\s+|about\s+)?$"
    # "(her score was 247 and she was so stressed)": a partner's or friend's result, named by whose it is
    r"|\b(?:his|her|their)\s+(?:ck\s+|step\s*2\s+(?:ck\s+)?|own\s+)?(?:score|result)\s+(?:was|is|came back|came in)"
    r"\s+(?:at\s+|as\s+|a\s+|an\s+)?$"
)
# "my friend got 260", "someone scored a 250", "people with 240s"
_SOMEONE_ELSE_RE = quick_re.compile(
    r"\b(?:(?:(?:my|a|our|his|her|their)\s+)?(?:(?:best|close|old)\s+)?(?:friend|classmate|roommate|buddy|bf|gf|"
    r"boyfriend|girlfriend|partner|husband|wife|spouse|fianc[eé]e?|brother|sister|sibling|twin|cousin|mom|mum|dad|"
    r"mother|father|son|daughter|bestie|bff|senior|resident|co-?resident|colleague|intern|mentee|sib)s?"
    r"(?:\s+of\s+mine)?|"  # "a friend of mine matched in 2021 with a 236"
    # "a med student i mentor just got 214": a student they teach
    r"(?:(?:a|my|one|the)\s+)?(?:med\s+)?students?\s+(?:i|i'?m|im|i\s+am)\s+(?:mentor|tutor|teach|precept)\w*|"
    r"someone|somebody|some\s+(?:guy|girl|person|one)|he|she|they|people|ppl|everyone|everybody|all my friends|"
    # "one of them got a 265", "this girl from my school got 268", "an upperclassman got 270"
    r"(?:one|some|two|three|a few|most|many|half|several) of (?:them|those)|"
    r"(?<!\bas )(?<!\bi m )(?<!\bi'm )(?<!\bim )(?<!\bam )(?<!\bjust )(?:this|that|a|some|one)\s+(?:guy|girl|dude)|"
    r"upperclass\w*|upper\s*years?|ms4s|m4s|fourth\s+years|"
    r"(?:my|our)\s+class|classmates|"
    # applicants, or one named with an article ("a derm applicant with a 260"); not "USMD, ortho applicant with a
    # 247" nor "i'm an IMG applicant with 245", the student describing themselves
    r"applicants|(?<!\bi m )(?<!\bim )(?<!\bi am )(?<!\bas )(?:an?|the|one|another|some|every|this|that)\s+"
    r"(?:\w+\s+){0,2}?applicant|others?)(?:\s+(?:who\s+)?(?:got|get|scored|score|had|has|with|posts?|posting|posted)|"
    # "my friend matched last yr w 244"
    # "my older sister matched FM a few years ago with a 231"
    # "my friend didn't match derm with a 251"
    r"(?:\s+\w+){0,3}?\s+(?:matched|(?:didn'?t|didn’t|did\s+not|never|couldn'?t)\s+match)\b(?:\s+\w+){0,7}?\s+(?:with|w)|"
    r"(?:\s+(?!i\b)\w+){1,5}?\s+(?:got|gets|getting|scored|scoring|posts?|posting|posted|have|has|had|"
    # "ppl online throw around 250 like it's nothing", "people keep quoting 260"
    r"(?:throw|throws|throwing|toss|tosses|tossing)\s+around|quot(?:e|es|ing)|"
    # "everyone in my study group is in the 240s"
    r"(?:is|are|were|be)\s+(?:all\s+)?(?:at|in)))\b(?:(?!\b(?:i|i'?m|i'?ve|im)\b)[^,;.!?]){0,15}$"
    # "partner is an IMG with 235", "my friend who is applying derm with a 250": a relative, who they are, then their
    # number (not "I'm a senior who is applying IM with a 240")
    r"|\b(?:friend|partner|husband|wife|spouse|fianc[eé]e?|boyfriend|girlfriend|bf|gf|brother|sister|roommate|"
    r"classmate|cousin|buddy|bestie|bff)(?:s?(?:\s+who)?\s+(?:is|was|s)|['’]s)\s+(?:an?\s+)?(?:\w+\s+){0,4}?"
    r"(?:with|w)\b[^,;.!?]{0,15}$"
    # "she got her score today (she's thrilled, 258)": how they took it, then their number
    r"|\b(?:she|he|they)\s*(?:'?s|is|was|are|re|were)\s+(?:so\s+|really\s+)?(?:thrilled|happy|stoked|pumped|ecstatic|"
    r"relieved|devastated|upset|gutted|crushed)\s*[,:-]?\s*(?:with\s+(?:an?\s+)?)?$"
    # "co-intern keeps bragging about his 270": the number named as another's by its possessive, beside a boast
    r"|\b(?:brag\w*|boast\w*|flex\w*|show\w* off)\s+(?:about\s+|abt\s+)?(?:his|her|their)\s+(?:(?:ck|step\s*2)\s+)?$"
)
"""The student's own words after it ("everyone got 250 and i got 241") end its reach."""


_RELATIVES = (
    r"friends?|classmates?|roommates?|buddy|bf|gf|boyfriend|girlfriend|partner|husband|wife|spouse|fianc[eé]e?|"
    r"brothers?|sisters?|siblings?|sibs?|twin|cousins?|mom|mum|dad|mother|father|parents|son|daughter|bestie|bff|seniors?|"
    r"residents?|co-?residents?|colleagues?|interns?|mentees?|students?|uncle|aunt|group(?:\s+chat)?|class"
)
_ANOTHER_SUBJECT_RE = quick_re.compile(rf"\b(?:(?:my|our|a|his|her|their)\s+(?:\w+\s+)?(?:{_RELATIVES})|he|she|they)\b")
"""Someone else named as who did it ("my friend failed with a 209")."""
_THEIRS_BEFORE_RE = quick_re.compile(
    rf"\b(?:my|our|a)\s+(?:\w+\s+)?(?:{_RELATIVES})\s*'?s\s+(?:last\s+|first\s+|latest\s+)?$"
    r"|\b(?:his|her|their)\s+(?:last\s+|first\s+|latest\s+)?$"
)
"""Someone else's practice test, named by whose it is ("my sister's nbme", "her uwsa2")."""
_SUBJECT_RE = quick_re.compile(
    r"\b(?:(?P<me>as\s+(?:someone|somebody|a\s+person|an?\s+\w+)\s+with|i|i'm|i’m|im|i've|ive|i'd|"
    # "me" as an object ("took his CK two weeks after me") names no one who scored
    r"(?<!\bafter )(?<!\bbefore )(?<!\bthan )(?<!\blike )me|myself|mine|"
    r"my\s+(?:own|real|actual|official|score|ck|step\s*2|step2|result))"
    rf"|(?P<other>(?:my|our|his|her|their|a|one\s+of\s+my)\s+(?:\w+\s+)?(?:{_RELATIVES})|he|she|they|everyone|"
    r"everybody|people|ppl|someone|somebody|others|another|one\s+(?:says|said|thinks|claims)|applicants|"
    r"(?:all\s+)?(?:my\s+)?(?:friends|classmates)))\b"
)
"""Who a clause is about, the last one named before a number deciding: "my sister ... got 231" is hers,
"everyone got 250+ and i got 231" is theirs then mine."""
_I_AM_AT_RE = quick_re.compile(
    r"\b(?:i'm|i m|i am)\s+(?:only\s+|currently\s+|now\s+|sitting\s+)?at\s+(?:a\s+)?$"
    # "my bf got 262 and im at 239": "im" after "and" or "but" is "I'm" (lower-cased alone, it may be IM)
    r"|\b(?:and|but|while|meanwhile)\s+im\s+(?:only\s+|just\s+|currently\s+|now\s+)?at\s+(?:a\s+)?$"
)
"""Where the writer stands: "the floor is 250 and i'm at 253"."""
_MINE_BEFORE_RE = quick_re.compile(
    r"\b(?:my|mine)\s*\(?\s*$|\bwith\s+my\s+$"
    # "the PD told me my score (237) is right in the middle": theirs, whoever tells it
    r"|\bmy\s+(?:ck|step\s*2(?:\s*ck)?|score|s2|real score)\s*\(?\s*$"
    # "they say ortho is hard, my ck is 251 tho": theirs, said as such
    r"|\bmy\s+(?:ck|step\s*2(?:\s*ck)?|score|s2|real score)\s+(?:is|was|came back|came in)\s+(?:at\s+|a\s+)?$"
    # "PD said our median is 252 and mine is 238": theirs beside the figure heard
    r"|\bmine\s+(?:is|was|s|came back|came in)\s+(?:only\s+|just\s+)?(?:at\s+|a\s+)?$"
    r"|\b(?:i'?m|i am|as)\s+an?\s+(?:[\w&/-]+\s+){0,3}?(?:applicant|student|grad|graduate|img|ms[1-4]|m[1-4])"
    r"\s+with\s+an?\s+$"
)
"""A number right after "my" is theirs whoever the clause is about ("they said my 240 is fine"), as is
one they describe themselves by ("I'm a pathology applicant with a 229")."""
_SUBJECT_CUT_RE = quick_re.compile(r"[.!?;\n]|\bbut\b")


def _subject_at(low: str, at: int) -> str | None:
    """Who the clause before position `at` is about: "me", "other" (a partner, friends, people) or None."""
    clause = _SUBJECT_CUT_RE.split(low[max(0, at - 80) : at])[-1]
    if _MINE_BEFORE_RE.search(clause):
        return "me"
    named = list(_SUBJECT_RE.finditer(clause))
    return None if not named else "me" if named[-1].group("me") is not None else "other"


def _said_of_another(before: str) -> bool:
    """Whether the clause around a number is about someone else: a sibling's, friends' or people's score."""
    clause = _SUBJECT_CUT_RE.split(before)[-1]
    if _MINE_BEFORE_RE.search(clause):
        return False
    named = list(_SUBJECT_RE.finditer(clause))
    last = named[-1] if named else None  # the last one named before the number
    if last is None or last.group("other") is None:
        return False
    # theirs only when a result or a claim is told of them: "my sister ... got 231", "people say 260";
    # not "what can someone match with 230" or "my sister is applying derm with 250" (asked about, as a score)
    return _THEIR_RESULT_RE.search(clause, last.end()) is not None


_THEIR_RESULT_RE = quick_re.compile(
    r"\b(?:got|gets|getting|scored|scoring|had|has|averaged|averages|posting|posted|pulled|opened|say|says|said|saying|"
    r"told|tells|think|thinks|claim\w*|swear\w*|matched(?:\s+[\w&/-]+){0,4}?\s+with|took it and got|"
    r"expect\w*|wants?|requires?|(?:step\s*2|ck|score)\s+(?:was|is|came back)|"
    r"(?:is|are|be|were)\s+(?:all\s+)?at)\b"  # "everyone on the forums seems to be at 250": where others are
)


_JUDGED_RE = quick_re.compile(
    r"\b(?:is|was|would)\s+(?:that|it|this|a\s+\d{3})\s+(?:score\s+)?(?:good|enough|competitive|realistic|strong|"
    r"decent|ok|okay|bad|low|high)\b"
    # "will she match", "what are his chances": the person's chances asked, their score read for them
    r"|\b(?:will|would|could|can|does|do)\s+(?:he|she|they)\s+(?:still\s+)?(?:match|get in|get interviews?|make it|"
    r"have a (?:shot|chance))\b|\b(?:his|her|their)\s+(?:chances|odds|shot)\b"
    # "is 236 too low for IM now?", "how bad is 219", "what should she do", "which residencies he can get"
    r"|\bis\s+(?:a\s+)?\d{3}\s+(?:too\s+|really\s+|still\s+)?(?:low|high|good|bad|enough|competitive|ok|okay)\b"
    r"|\bhow\s+(?:bad|good|low|competitive|strong)\s+is\b"
    r"|\bwhat\s+(?:should|can|could)\s+(?:he|she|they|i\s+(?:tell|say\s+to))\b"
    r"|\bwhich\s+(?:residencies|specialties|programs|fields)\b|\b(?:he|she|they)\s+(?:can|could)\s+(?:get|match|apply)\b"
)
_SOMEONE_GOT_RE = quick_re.compile(
    r"\b(?:my|our|his|her|their)\s+(?:(?:best|close|old|little|big|younger|older)\s+)?[a-z]+"
    # "my girlfriend wants derm and has a 258": a few words of theirs between, none of them the student's
    r"(?:\s+(?!(?:i|im|i'm|me|my)\b)[\w&/-]+){0,5}?\s+(?:got|scored|had|has)\s+(?:an?\s+)?(\d{3})\b"
    # "writing for my son ... he took step 2 in august and got a 233": the one named, then "he"/"she"
    rf"|\b(?:my|our)\s+(?:{_RELATIVES}|advisee|kid|child)\b.{{0,160}}?\b(?:he|she)\s+"
    r"(?:(?!(?:i|im|i'm|me|my)\b)[\w&/-]+\s+){0,6}?(?:got|scored|had|has)\s+(?:an?\s+)?(\d{3})\b"
)


WRITING_FOR_SPAN = 120
"""Characters at the start of a post within which it says whom it is written for."""
_WRITING_FOR_RE = quick_re.compile(
    rf"\b(?:writing|asking|posting|messaging|here)\s+(?:this\s+)?(?:for|on behalf of)\s+my\s+(?:\w+\s+)?"
    rf"(?:{_RELATIVES}|kid|child|advisee)\b"
    rf"|\b(?:wife|husband|partner|mom|mother|dad|father|parent|sister|brother|girlfriend|boyfriend|fianc[eé]e?)\s+of\s+"
    r"an?\s+\w+(?:\s+\w+)?\s+here\b"
    rf"|^(?:hi\W+|hello\W+)?my\s+(?:\w+\s+)?(?:{_RELATIVES})\s+(?:is|has|just|took|got)\b"
)
"""A post written for someone else: "writing for my son", "wife of an IMG here", "my cousin is a non-US IMG"."""
_MY_RESULT_RE = quick_re.compile(
    r"\b(?:i|i've|ive|i have)\s+(?:just\s+)?(?:got|scored)\b|\bmy\s+(?:ck|step\s*2|score|\d{3})\b"  # "thinks my 247..."
    # "my friend got 257... what chance do i have with 241", "i'm at 248": the writer's own number, asked about
    r"|\b(?:i|i m|im|i am)\b[^.?!\d]{0,40}\bwith\s+(?:a\s+|an\s+|my\s+)?\d{3}\b|\b(?:i m|im|i am)\s+at\s+\d{3}\b"
    # "my friend got 255... i have 243", "mine was 238": the writer's own number set beside theirs
    r"|\bi\s+(?:only\s+)?have\s+(?:a\s+|an\s+)?\d{3}\b(?!\s*(?:days|qs|questions|left))|\bmine\s*(?:is|was|'?\s*s)\s+(?:a\s+|an\s+)?\d{3}\b"
)
"""The writer's own result said too: then the number may be theirs after all."""
_FAILED_WITH_RE = quick_re.compile(
    r"(?<!\d)(\d{3})\s*\(\s*(?:a\s+)?(?:fail|failed|failing)\s*\)"
    r"|\bfail(?:ed)?\b[^.;!?]{0,40}?\bwith\s+(?:an?\s+)?(\d{3})\b"
    # "first was 209 fail, then 237", "fail 210. retake in 8 weeks": the number and the fail side by side
    r"|(?<![\d.])(\d{3})\s*,?\s+(?:a\s+)?(?:fail|failed)\b"
    r"|(?<!pass )(?<!pass/)(?<!pass-)\bfail(?:ed)?\s+(?:at\s+)?(?:an?\s+)?(\d{3})\b(?!\s*%)"  # not "pass/fail 209"
    # "my failed first attempt (211, then 236)", "failed the first try: 208"
    r"|\bfail(?:ed)?\s+(?:my\s+|the\s+)?(?:first|1st)\s+(?:attempt|try|time)\s*[(:,-]?\s*(?:was\s+|with\s+)?(?:an?\s+)?(\d{3})\b"
    # "with the fail already on my record (first attempt 210)": the attempt's number in brackets after the fail
    r"|(?<!pass )(?<!pass/)(?<!pass-)\bfail(?:ed)?\b[^.;!?()]{0,50}?(?:\(|\s)\s*(?:my\s+)?(?:first|1st)\s+"
    r"(?:attempt|try)\s*[:=-]?\s*(?:was\s+)?(?:an?\s+)?(\d{3})\b"
)
_RUN_ORDER_RE = quick_re.compile(r"\b(?:went|have been|then)\b|->|→")
_RETAKE_WORDS_RE = quick_re.compile(r"\b(?:retake|retook|re-take|second attempt|2nd attempt|second try|2nd try|then)\b")


def failed_with(low: str) -> set[int]:
    """The numbers said as a fail ("209 (fail)", "failed with 209", "first was 209 fail", "fail 210")."""
    return {int(next(n for n in said if n)) for said in _FAILED_WITH_RE.findall(low)}


def _after_the_fail(low: str, score: int, practice: tuple[PracticeResult, ...]) -> int:
    """The score that stands after a failed attempt: "238 on my retake (failed the first with 208)" is 238."""
    failed = failed_with(low)
    if score not in failed or not _RETAKE_WORDS_RE.search(low):
        return score
    tried = {p.score for p in practice}
    # a practice range's upper end is a practice result too ("nbmes are 228-235")
    tried |= {int(high) for low_end, high in _RANGE_RE.findall(low) if int(low_end) in tried}
    # a retake's result told, not one hoped for ("hoping for 230 on the retake")
    said = [n.value for n in _numbers(low) if 100 <= n.value <= 300 and not _is_supposed(low, n.start)]
    later = [n for n in said if n not in failed and n not in tried]
    later = [n for n in later if score < n <= 300]
    return later[0] if len(set(later)) == 1 else score


def someone_got(text: str) -> int | None:
    """Another person's result told ("my son got a 212 on step 2"): the number, unless it names another exam."""
    low = text.lower()
    got = _SOMEONE_GOT_RE.search(low)
    if got is None:
        return None
    exam = _EXAM_AFTER_RE.match(re.sub(r"^(\s*on\s+)(?:his|her|their)\s+", r"\1my ", low[got.end() :]))
    return None if exam is not None and exam.group("other") else int(got.group(1) or got.group(2))


def _judged_for_someone(low: str) -> int | None:
    """Another person's score the student asks us to judge ("my friend got 244, is that good for IM?");
    not one from their practice test ("my sister got 250 on her nbme": a practice result, whoever's)."""
    got = _SOMEONE_GOT_RE.search(low)
    if got is None or _JUDGED_RE.search(low, got.end()) is None:
        return None
    return someone_got(low)


_NOT_AIMING_RE = quick_re.compile(
    r"\b(?:not|n t|never|no need to|don t need to|dont need to)\s+(?:even\s+)?(?:trying|aiming|going|gunning|shooting|"
    r"need(?:ing)?)\s*(?:to\s+|for\s+)?(?:hit|get|score|reach)?\s*(?:an?\s+)?$"
)
"""A score waved away ("i want FM so i'm not trying to hit 260"): no goal of theirs, nor a result."""
_ASKED_FIGURE_RE = quick_re.compile(
    # "how high is the avg for plastics these days, like is it 260+": a figure asked about
    rf"\b{_FIGURE_WORDS}\b[^.!?]{{0,50}}\b(?:is it|is that)\s+(?:like\s+|around\s+|about\s+|over\s+|above\s+|"
    r"under\s+|below\s+|still\s+)?$"
    # "comlex 2 was 580, is that like a 240 usmle?": a conversion asked about, not a result
    r"|\b(?:is that|is it|that s|thats|would that be|does that equal)\s+(?:like|about|around|roughly|equal to|"
    r"equivalent to|the same as)\s+(?:a\s+|an\s+)?$"
    r"|\b(?:equivalent|equal|convert\w*|translat\w*)\s+(?:to|into)\s+(?:a\s+|an\s+)?(?:usmle\s+)?$"
    # "what is the passing score for CK now, still 214 or did they raise it?": the pass mark asked about
    r"|\bpass(?:ing)?\s+(?:score|mark|line|cut\s*-?\s*off|threshold|standard)\b[^.!?]{0,40}"
    r"\b(?:still|is it|is that)\s+$"
)
# "the resident told me anesthesia wants 240+", "apparently derm is 257": heard, unless the student's
# own result follows ("i told my mom i got 250").
_HEARD_RE = quick_re.compile(
    # what the student told someone is theirs: "i told you 215 but it's actually 251"
    # ("it says 258" is the score report speaking: theirs)
    # ("mine said 238", "nbme said 241": a practice test's prediction of theirs, no one else's word)
    r"\b(?:(?<!\bi )(?<!\bi've )(?<!\bive )(?<!\bi just )(?<!\bit )(?<!\breport )(?<!\bportal )(?<!\bscreen )"
    r"(?<!\bmine )(?<!\bnbme )"
    r"(?:told|tells|said|says|saying|mentioned)|heard|hear|"
    r"(?:throw\w*|toss\w*)\s+(?:around\s+)?(?:numbers|scores|figures)|numbers like|"
    # "I see numbers all over the place, like 250 in one place and 257 in another"
    r"(?:numbers|scores|figures)\s+(?:all over(?:\s+the\s+place)?|everywhere|floating around)|"
    r"claims?|claimed|swears?|apparently|read\s+(?:that|somewhere|online|on|in|(?:\w+\s+){0,2}posts?)|"
    # "somewhere i read neuro is 240", "i saw somewhere that 605 converts to 250", "when i google it i get 245"
    r"somewhere\s+i\s+(?:read|saw|heard)|(?:saw|seen|heard)\s+somewhere|googl\w*|search(?:ed|ing)\s+(?:online|it|for)|"
    r"(?:saw|seen|seeing|see)\s+(?:that|people\s+say\w*|posts?|online)|(?:keeps?|kept)\s+(?:seeing|reading|hearing)"
    # "my lab friends say the average is...", "ive seen 255 and 257 floating around"
    r"|(?:friends|people|ppl|they|everyone|residents|seniors|classmates)\s+say|(?:i'?ve|i ve|i have)\s+seen(?=\s*$)"
    # "i saw a graph saying 75th %ile is 256", "a chart shows 250": a figure read somewhere
    r"|(?:saw|seen|found)\s+(?:a|an|the|this|some)\s+(?:\w+\s+)?(?:graph|chart|table|post|thread|article|video|"
    r"website|site|blog|tiktok|spreadsheet)"
    r"|(?:graph|chart|table|website|site|blog|article|thread|spreadsheet)s?\s+(?:says|said|saying|shows|showed|showing)"
    # "the 'average matched ortho' i saw was 256": what they saw or read was the figure
    r"|(?:i|we)\s+(?:saw|read|found|looked up|googled)\s+(?:online\s+|somewhere\s+)?(?:was|is|said|says|showed))\b"
    # their own result after it ends its reach: "i told my mom i got 250", "told everyone i'd crush it and got a 224"
    r"(?![^.!?]*\b(?:(?:i|i'?ve|i'?m)\s+(?:got|scored|have|had|am at|m at|ended up)|and\s+(?:got|scored|ended up))\b)"
    # nor a figure said of themselves, right before the number: "everyone they match has 245+, i'm 241"
    r"(?![^.!?]*\bi'?m\s+(?:only\s+|just\s+|at\s+)?$)"
    r"(?:(?!\bbut\b)[^.!?]){0,60}$"
)


_HEARD_AFTER_RE = quick_re.compile(
    r"^\s*(?:that\s+|which\s+)?(?:my|a|the|his|her|their|our|some|this|one|every)\s+(?:\w+\s+){0,2}?"
    r"(?:says?|said|claims?|claimed|thinks?|swears?|told\s+(?:me|us))\s+(?:is|was|are|it s|it is)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,2}?(?:median|average|avg|mean|cut\s*-?\s*off|minimum|min|floor|bar|line|"
    r"target|goal|needed|required)\b"
)
"""Whose figure it is, said right after it: "under the 240 my friend says is the IMG median"."""


def _heard_from_someone(text: str) -> bool:
    """A figure a person told them ("tutor says", "someone in my group chat said"), not one a practice test gave
    ("uwsa2 said 261") nor a word with no speaker ("apparently nbme 12 was 238 for me")."""
    return _SPEAKER_SAID_RE.search(text) is not None


_SPEAKER_SAID_RE = quick_re.compile(
    r"\b(?:someone|somebody|people|ppl|everyone|everybody|they|friends?|classmates?|seniors?|residents?|tutor|"
    r"advisor|adviser|mentor|attending|pd|dean|upperclassm[ae]n|group\s*chat|reddit|sdn)\b"
    r"(?:\s+(?!(?:i|i'?ve|i'?m|my)\b)[\w']+){0,3}?\s+(?:says?|said|told|tells|claims?|claimed|swears?)\b"
    r"(?![^.!?]*\b(?:i|i'?ve)\s+(?:got|scored|had)\b)"  # "friends say nbme 10 is brutal, i got 229 on it": theirs
)
"""A person and what they said, before a figure: "tutor says consistent 235+", "someone in my group chat said"."""
_OWN_TIE_RE = quick_re.compile(r"\b(?:i|i'?ve|my|me|mine|im|got|scored)\b")
"""A result tied to the student in words between a test's name and it ("free 120 ... i got 78% on it", "nbme 10 is
brutal, got 229 on it")."""


_READ_BEFORE_RE = quick_re.compile(r"\b(?:read|saw|seen)\s+(?:a\s+|like\s+)?$")
_READ_WHERE_RE = quick_re.compile(
    r"^\s*(?:somewhere|online|on\s+(?:reddit|sdn|tiktok|twitter|x|insta\w*|youtube|google|discord|a\s+(?:forum|thread|post|"
    r"blog|website|site|chart|table)|some\s+\w+)|in\s+(?:a|an|some|one)\s+(?:post|thread|article|blog|video|study|chart|"
    r"table|forum|group\s*chat|spreadsheet))\b"
)
"""A number read or seen somewhere, named right after it: "read 230 somewhere", "saw 255 on reddit" (not "saw 250 on
my nbme", a result of theirs)."""


QUOTED_REACH = 48
"""Characters before a number read for a figure word that makes it a quoted average or cut-off."""


def _is_quoted(tail: str, after: str, before: str) -> bool:
    """A figure they heard or someone else's score, by the words right around the number."""
    return bool(
        (_READ_WHERE_RE.match(after) is not None and _READ_BEFORE_RE.search(tail) is not None)
        or _QUOTED_AFTER_RE.match(after)
        or (_HEARD_AFTER_RE.match(after) is not None and _STRONG_BEFORE_RE.search(tail) is None)
        # (a longer reach than the tail: "avg step 2 for matched derm is like 257" names whose figure 36 back)
        or _QUOTED_BEFORE_RE.search(before[-QUOTED_REACH:])
        or _someone_elses(before)
        or _HEARD_RE.search(tail)
    )


SOMEONE_REACH = 64
"""Characters before a number read for whose it is: "my roommate matched IM at a big academic place with a 255" names
them 55 back."""


def _someone_elses(before: str) -> bool:
    """Someone else's score, by who is named just before the number ("my friend got", "a friend of mine matched
    in 2021 with")."""
    return _SOMEONE_ELSE_RE.search(before[-SOMEONE_REACH:]) is not None


_ROLE_WITH = (
    r"(?:(?:incoming|new|current|prelim|preliminary|categorical|future|first year|1st year)\s+)?"
    r"(?:(?:anesthesia|anesthesiology|gas|peds|pediatrics|surgery|surgical|gen surg|general surgery|im|"
    r"internal medicine|medicine|psych|psychiatry|em|fm|family medicine|ob\s*/?\s*gyn|obgyn|ob|neuro|neurology|"
    r"rads|radiology|derm|ortho|ent|uro|urology|path|pathology|ir|ophtho|ty|transitional year)\s+)?"
    r"(?:intern|resident|pgy\s*-?\s*\d)\s+(?:with|w/?)\s+(?:an?\s+)?$"
)
_SELF_ROLE_START_RE = quick_re.compile(rf"^\s*(?:(?:hi|hey|hello|so)\W*\s+)?{_ROLE_WITH}")
"""A message that opens with the student's own role before the number ("incoming anesthesia intern with a 238")."""
_SELF_ROLE_SAID_RE = quick_re.compile(
    rf"(?<!\ban )(?<!\ba )(?<!\bthe )(?:\bi\s*'?\s*m\s+an?|\bi am an?|\bas an?)\s+{_ROLE_WITH}"
)
"""The student naming their role ("i'm a prelim resident w a 241"); not "an IM resident with a 262", another's."""


def _self_role(before: str, at_start: bool) -> bool:
    """The student naming their own role right before their score: theirs, though "intern with" reads as another's."""
    return bool((at_start and _SELF_ROLE_START_RE.search(before)) or _SELF_ROLE_SAID_RE.search(before))


_OFF_SCALE_ASK = frozenset({"for", "good", "enough", "in"})
"""Words after an off-scale number that make it a score asked about ("999 for derm")."""


_REAL_BEFORE_RE = quick_re.compile(
    r"(?<!\bif )(?<!\bhope )(?<!\bwant )\b(?:to|got|get|scored|with)\s+(?:a|an|the|my)\s+(?:real|actual|official)\s*$"
)
"""The real exam's result said as such: "from NBME 218 to a real 247", "scored an actual 251"."""
_COUNTED_THINGS_RE = quick_re.compile(
    r"\b(?:how many|number of)\s+(?:\w+\s+)?(?:interviews?|invites?|programs?|apps|applications?|signals?|offers?)\b"
)
"""A count asked about just before a small number: the number is how many, never a score."""
_HOW_MANY_AFTER_RE = quick_re.compile(
    r"\s*(?:minimum|min|max|maximum|at least|or so|or more|programs?|apps|applications)\b"
)
"""After a number under 200 in a sentence asking how many programs: it is a count ("150 minimum")."""


def _counted(low: str, at: int, value: int) -> bool:
    """A number in a sentence that asks how many programs, said as how many ("150 minimum", "...can't afford 150")."""
    sentence = _sentence_at(low, at)
    return _COUNTED_THINGS_RE.search(sentence) is not None and any(
        _HOW_MANY_AFTER_RE.match(sentence, m.end()) for m in re.finditer(rf"(?<![\d.]){value}(?![\d.])", sentence)
    )


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
        after = after[_DECADE_AFTER_RE.match(after).end() :]  # type: ignore[union-attr]  # "230s on nbmes": the exam after
    elif after[:1].isalpha() and not after.startswith("ish"):
        return None  # "7am", "26yo", "3rd", "12wks"
    if _UNIT_AFTER_RE.match(after) or (num.end - num.start == 4 and 1900 <= value <= 2100):
        return None  # "6 weeks", "40 questions", a year
    if _FIELD_COUNT_AFTER_RE.match(after) and _PROGRAM_COUNT_BEFORE_RE.search(tail):
        return None  # "0 interviews from 120 IM programs": how many
    if value <= 12 and _CLOCK_AFTER_RE.match(after):
        return None  # "7 am", "9 o'clock"
    if value <= 24 and _AT_AN_HOUR_RE.search(tail):
        return None  # "ck starts at 8", "done by 9": an hour, whatever word follows
    if 1 <= value <= 31 and (_MONTH_BEFORE_RE.search(tail) or _MONTH_AFTER_RE.match(after)):
        return None  # "March 3", "3rd of May"
    if 100 <= value <= 300 and _REAL_BEFORE_RE.search(tail):
        return value, "said"  # "went from NBME 218 to a real 247": the real exam's, whatever test was named before
    if 100 <= value <= 300 and _ON_EVERY_TEST_RE.match(after):
        return value, "practice"  # "240-ish on everything": the practice tests', all of them
    if 100 <= value <= 300 and _PRACTICE_LABEL_RE.search(tail):
        return value, "practice"  # "nbme 240": too big for a form number, so a practice score
    if 100 <= value <= 300 and _FROM_BEFORE_RE.search(tail) and PRACTICE_NAME_RE.search(low):
        return value, "practice"  # "NBME 12: 229, down from 234 on 11": the earlier practice result
    if (_LABEL_BEFORE_RE.search(tail) and not (100 <= value <= 300 and _RESULT_LABEL_RE.search(tail))) or (
        value < 100 and _AGE_BEFORE_RE.search(tail)
    ):
        return None  # "step 2", "NBME 12", "free 120", "I'm 26"; not "second attempt: 236", a result
    if value < 100 and _COUNT_BEFORE_RE.search(tail):
        return None  # "torn between all 3", "my top 2": a count of things
    if value < 100 and _COUNTED_THINGS_RE.search(before[-60:]):
        return None  # "how many interviews does a DO need for EM? got 8": the count asked about
    if value < 200 and _counted(low, num.start, value):
        return None  # "how many IM programs to apply to... people keep saying 150 minimum": how many, not a score
    if _next_to_other_number(tail, after):
        return None

    predicted = bool(_PREDICTED_BEFORE_RE.search(tail) or _PREDICTED_AFTER_RE.match(after))
    exam = _exam_context(before, after)
    if exam == "other" and not predicted:
        if 100 <= value <= 300 and (
            _theirs(low, num.start)
            or (
                _heard_from_someone(tail)
                and not _MINE_BEFORE_RE.search(before[-60:])
                and not _STRONG_BEFORE_RE.search(tail)  # "friends say nbme 10 is brutal, got 229 on it": theirs told
            )
        ):
            # "my sister matched derm with a 252 on step 1": hers, whichever exam; "tutor says consistent 235+ on
            # NBMEs": a target heard, no result of theirs
            return value, "quoted"
        if isinstance(decade, int):
            return None  # "NBMEs were 250s": a practice result told roughly, no number of theirs to note
        return (value, "practice") if 100 <= value <= 300 else None  # a Step 1, NBME, UWSA... number
    # "they said my 240 is fine", "the floor is 250 and i'm at 253": theirs whoever speaks
    mine = (
        _MINE_BEFORE_RE.search(before[-60:]) is not None
        or _I_AM_AT_RE.search(tail) is not None
        or _self_role(before, at_start=num.start <= len(before))
    )
    heard_prediction = predicted and _heard_from_someone(before)  # "someone said 79% converts to like 255"
    if (
        (not predicted or heard_prediction)
        and not mine
        and (
            _is_quoted(tail, after, before)
            or _HEARD_RE.search(before)
            or _said_of_another(before)
            or _ASKED_FIGURE_RE.search(before)
            or _NOT_AIMING_RE.search(tail)
        )
    ):
        return (value, "quoted") if 100 <= value <= 300 else None  # "my dad's step 2 was '99'": not theirs either
    is_strong = predicted or exam == "s2" or bool(_STRONG_BEFORE_RE.search(tail))
    if 100 <= value <= 300:
        return value, ("said" if is_strong else "bare")
    if value < 100 and _COUNTED_THINGS_AFTER_RE.match(after):
        return None  # "got 5 IM interviews", "3 derm letters": a count of things, whatever field is named
    follow = _FOLLOW_WORD_RE.match(after)
    off_scale_for = value > 300 and follow is not None and follow.group(1) in aliases  # "score 400 derm"
    if not is_strong:
        # "999 for derm", "410 good for ortho?": a score-shaped question with an impossible score.
        asked = 300 < value < 1000 and follow is not None and follow.group(1) in _OFF_SCALE_ASK
        if not (asked and any(word in aliases for word in re.findall(r"[a-z&]+", after)[:4])):
            return None
        off_scale_for = True
    if follow is not None and follow.group(1) not in _SCORE_FOLLOW and not off_scale_for:
        return None  # "got 3 kids", "got 3 derm interviews", "got 1000 followers"
    return value, "said"


_COUNTED_THINGS_AFTER_RE = quick_re.compile(
    r"\s+(?:[\w&/-]+\s+){0,2}?(?:interviews?|invites?|iis?|programs?|applications?|apps|offers?|letters?|lors?|pubs?|"
    r"publications?|posters?|rotations?|aways?|signals?|ranks?)\b"
)
_ON_EVERY_TEST_RE = quick_re.compile(
    r"(?:\s*-?\s*ish)?\s+(?:on|across)\s+(?:everything|all\s+(?:of\s+)?(?:them|my\s+\w+|the\s+\w+)|"
    r"every\s+(?:practice|nbme|uwsa|test|form|one)|the\s+board)\b"
    # "238 avg on nbmes": their practice tests' average
    r"|\s+(?:avg|average)\s+(?:on|across|for)\s+(?:my\s+|the\s+)?(?:nbmes?|uwsas?|practice(?:\s+tests?)?|self\s*-?\s*"
    r"assessments?|forms)\b"
)
_FROM_BEFORE_RE = quick_re.compile(
    r"\b(?:down|up|dropped|fell|rose|went|jumped|climbed|improved)\s+(?:\w+\s+)?from\s+(?:an?\s+|my\s+)?$"
)
_COUNT_BEFORE_RE = quick_re.compile(r"\b(?:all|both|top|these|those|the|first|last|other|between)\s*$")


_EXACT_AFTER_RE = quick_re.compile(r"\s*(?:score\s*|on\s+\w+\s*)?\(\s*(?:a\s+|exactly\s+)?\d{3}\s*\)")
"""An exact score in brackets right after a rough one: "mid 230s (234)"."""


def _decade(tail: str, after: str, value: int) -> int | bool | None:
    """For "240s" / "mid 240s": the score it stands for, False if nonsense, None if not one."""
    said = _DECADE_AFTER_RE.match(after)
    if said is None:
        return None
    if value % 10 or not 100 <= value <= 290 or _EXACT_AFTER_RE.match(after, said.end()):
        return False  # nonsense, or "mid 230s (234)": the exact score said next is the one to read
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
