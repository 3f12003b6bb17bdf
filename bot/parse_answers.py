"""Reading a student's answers: dates, study days, times, question counts and percentages.

Pure functions, no clock: callers pass `today`. Every number is read as ASCII digits with
a bound (`[0-9]{1,4}`), after NFKC folding, so "⑳" × 2200 (4,400 digits once folded) is a
friendly "didn't catch that", never a ValueError from int(). Showing dates and quoting
the student back is `bot.formatting`'s.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, time, timedelta

from bot import quick_re
from bot.exam_words import EXAM_WORDS, PAST_WORDS, PRACTICE_NAME_RE, PRACTICE_TESTS, words_re
from bot.formatting import fmt_day
from knowledge.text import fold, normalize

MAX_DAYS_AHEAD = 365
"""The furthest exam date we plan for; beyond a year the phases would be guesswork."""

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_NUMBER_WORD_RE = "|".join(NUMBER_WORDS)


def _to_int(token: str) -> int:
    """A digit string or a number word (one..twelve, a/an) as an int."""
    if token.isdigit():
        return int(token)
    return NUMBER_WORDS.get(token, 1)  # "a" / "an"


# ------------------------------------------------------------------------ exam date

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MON = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
_FULL_WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_SHORT_WEEKDAY = r"(mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)"

_ISO_RE = quick_re.compile(r"(?<![0-9])([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?![0-9])")
_US_RE = quick_re.compile(
    r"(?<![0-9/.-])([0-9]{1,2})/([0-9]{1,2})(?:/([0-9]{4}|[0-9]{2}))?(?![0-9/])"
    # a share done, not a day: "did 2/3 of uworld", "9/10 blocks", "8/30 done"
    r"(?!\s*(?:of|blocks?|done|qs?|questions|correct|right|complete|completed|through|finished|left|remaining)\b)"
)
_MONTH_DAY_RE = quick_re.compile(rf"\b{_MON}\.?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+([0-9]{{4}})\b)?")
_DAY_MONTH_RE = quick_re.compile(
    rf"(?<![0-9/])([0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\b\.?(?:,?\s+([0-9]{{4}})\b)?"
)
# "6 weeks", "in 40 days", "in 2 months", "six weeks" — but not "5 days a week" (that's
# an answer about study days) and not "6 weeks ago".
_UNIT = r"(days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?)"
_NOT_RATE = r"(?!\s*(?:a|per|each|every|/|a\s+wk)\s*(?:week|wk)\b)(?!\s+ago\b)"
_NOT_LENGTH = (
    r"(?!\s*-?\s*(?:long|thing|event|ordeal)\b)(?!\s*-\s*(?:exam|test)\b)"
    r"(?!\s+or\s+(?:two|2)\b(?!\s*(?:weeks?|wks?|months?)))"
)
"""Not how long something lasts: "is ck one day or two", "a 2-day exam", "2 days long" (a span said with an article,
"a two day exam", is caught where spans are read: `_LENGTH_NOUN_RE`)."""
_LENGTH_NOUN_RE = quick_re.compile(r"\s+(?:exam|test)\b")
_ARTICLE_BEFORE_RE = quick_re.compile(r"\b(?:a|an|the|one)\s+$")
_RELATIVE_RE = quick_re.compile(
    # "pushed ck back 2 weeks" moves a date by a span; it names no date of its own
    r"(?<!\bback )(?<!\bup )(?<!\bforward )(?<!\bby )"
    rf"\b(?:in\s+)?([0-9]{{1,3}}|{_NUMBER_WORD_RE})\s*{_UNIT}\b{_NOT_RATE}{_NOT_LENGTH}"
)
_RELATIVE_A_RE = quick_re.compile(rf"\bin\s+(an?)\s+(day|week|month|year)\b{_NOT_RATE}")
_TOMORROW_RE = quick_re.compile(r"\b(?:(?:the\s+)?(day\s+after\s+)?)(tomorrow|tmrw|tmr)\b")
_TODAY_RE = quick_re.compile(r"\b(today|tonight|this\s+morning|this\s+afternoon)\b")
_STEP_BEFORE_RE = quick_re.compile(r"\bstep\s*$")
_EARLIER_DAY_RE = quick_re.compile(r"\bthen\b|\b(?:it|date|exam|test) was\b")
"""The day it was, before the one it is now: "was nov 20, then dec 15, now...", "it was aug 20 now its sept 9"."""
_WEEKDAY_ORDINAL_RE = quick_re.compile(rf"\b{_FULL_WEEKDAY},?\s+(?:the\s+)?([1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)\b")
"""A weekday with its day of the month: "monday the 21st", "Friday, 18th"."""
_WEEKDAY_RE = quick_re.compile(
    rf"\b(?:(?:next|this|coming|on)\s+)?{_FULL_WEEKDAY}\b|\b(?:next|this)\s+{_SHORT_WEEKDAY}\b"
)

_DATE_HINT = "Try “March 3”, “3/3/2027” or “in 6 weeks”."


def _add_months(d: date, months: int) -> date:
    """Same day-of-month `months` later, clamped to the month's end (Jan 31 + 1 -> Feb 28)."""
    index = d.month - 1 + months
    year, month = d.year + index // 12, index % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _check_range(d: date, today: date) -> date | str:
    """Refuse today, the past and anything more than a year out, with the reason."""
    if d == today:
        return (
            "That's today! A plan needs at least a day before the exam — good luck 🍀. "
            "If your exam is later, send that date."
        )
    if d < today:
        return f"{fmt_day(d, year=True)} has already passed. When is your exam? {_DATE_HINT}"
    if (d - today).days > MAX_DAYS_AHEAD:
        return (
            f"{fmt_day(d, year=True)} is more than a year away. I plan up to "
            f"{MAX_DAYS_AHEAD} days ahead, so send a date within the next year."
        )
    return d


def _calendar_date(year: int | None, month: int, day: int, today: date) -> date | str:
    """A month/day with an optional year; without a year, its next occurrence."""
    if month > 12 and 1 <= day <= 12 and year is not None:
        # "30/05/2027": day first, as most of the world writes it, and no other reading fits.
        # Not without a year: "24/7" is no date.
        month, day = day, month
    if not 1 <= month <= 12:
        return f"{month} isn't a month. I read numeric dates as month/day, e.g. 3/13/2027."
    if not 1 <= day <= 31:
        return f"{calendar.month_name[month]} has no day {day}. {_DATE_HINT}"
    if year is not None:
        try:
            return _check_range(date(year, month, day), today)
        except ValueError:
            return f"{calendar.month_name[month]} {year} has no day {day}. {_DATE_HINT}"
    # No year: the next time this month/day comes round (Feb 29 may skip to a leap year).
    for candidate_year in range(today.year, today.year + 5):
        try:
            candidate = date(candidate_year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return _check_range(candidate, today)
    return f"{calendar.month_name[month]} has no day {day}. {_DATE_HINT}"


def _year(token: str | None) -> int | None:
    if token is None:
        return None
    return 2000 + int(token) if len(token) == 2 else int(token)


def _date_matches(text: str, today: date) -> list[tuple[int, int, date | str]]:
    """Every date-like phrase in `text` as (start, end, date or reason)."""
    found: list[tuple[int, int, date | str]] = []

    def add(m: re.Match[str], value: date | str) -> None:
        """Record one match with its span, so the caller can pick the best."""
        found.append((m.start(), m.end(), value))

    for m in _ISO_RE.finditer(text):
        add(m, _calendar_date(int(m[1]), int(m[2]), int(m[3]), today))
    for m in _US_RE.finditer(text):
        add(m, _calendar_date(_year(m[3]), int(m[1]), int(m[2]), today))
    for m in _MONTH_DAY_RE.finditer(text):
        add(m, _calendar_date(_year(m[3]), _MONTHS[m[1][:3]], int(m[2]), today))
    for m in _DAY_MONTH_RE.finditer(text):
        if _STEP_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()):
            continue  # "step 2 jan 9": the exam's name, then its day; not the 2nd of January
        add(m, _calendar_date(_year(m[3]), _MONTHS[m[2][:3]], int(m[1]), today))
    for m in (*_RELATIVE_RE.finditer(text), *_RELATIVE_A_RE.finditer(text)):
        if _LENGTH_NOUN_RE.match(text, m.end()) and _ARTICLE_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()):
            continue  # "is it a two day exam": how long it lasts ("exam in 10 days exam anxiety" is still a date)
        n, unit = _to_int(m[1]), m[2]
        if n > 999:
            continue
        if unit.startswith("y"):
            n, unit = n * 12, "months"
        if unit.startswith("mo"):
            if n > 24:
                add(m, f"{n} months is more than a year away. {_DATE_HINT}")
                continue
            target = _add_months(today, n)
        elif unit.startswith("w"):
            target = today + timedelta(weeks=n)
        else:
            target = today + timedelta(days=n)
        add(m, _check_range(target, today))
    for m in _TOMORROW_RE.finditer(text):
        add(m, _check_range(today + timedelta(days=2 if m[1] else 1), today))
    for m in _TODAY_RE.finditer(text):
        add(m, _check_range(today, today))
    for m in _PART_OF_MONTH_RE.finditer(text):
        # "end of may", "mid march": a day in that part of the month; the reply echoes it to correct
        month = _MONTHS[m[2][:3]]
        year = today.year + (month < today.month)
        add(m, _calendar_date(year, month, _PART_DAY.get(m[1]) or calendar.monthrange(year, month)[1], today))
    for m in _PART_OF_NEXT_MONTH_RE.finditer(text):
        # "end of next month", "mid next month": that part of next month
        year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        part = _PART_WORDS.get(m[1], m[1])
        add(m, _calendar_date(year, month, _PART_DAY.get(part) or calendar.monthrange(year, month)[1], today))
    for m in _NEXT_MONTH_DAY_RE.finditer(text):
        # "exam is 14th of next month"
        add(m, _calendar_date(None, today.month % 12 + 1, int(m[1]), today))
    for m in _ORDINAL_DAY_RE.finditer(text):
        # "exam on the 28th": that day of this month if it's still ahead, else of the next.
        day = int(m[1])
        add(m, _calendar_date(None, today.month if day > today.day else today.month % 12 + 1, day, today))
    with_a_day = [m.span() for m in _WEEKDAY_ORDINAL_RE.finditer(text)]
    for m in _WEEKDAY_ORDINAL_RE.finditer(text):
        # "monday the 21st": the next day of the month so numbered; if that isn't the weekday said, which of the
        # two is right is asked, not guessed (a month further on, or the weekday a slip)
        wanted, day = _WEEKDAYS[m[1]], int(m[2])
        months = [(today.year + (today.month + k - 1) // 12, (today.month + k - 1) % 12 + 1) for k in range(2)]
        days = [d for y, mo in months if (d := _valid_day(y, mo, day)) is not None and d >= today]
        if days and days[0].weekday() == wanted:
            add(m, _check_range(days[0], today))
        elif days:
            said = calendar.day_name[wanted]
            add(
                m,
                f"The next {day}{ordinal_suffix(day)} is {fmt_day(days[0], year=True)}, not a {said}. "
                f"Which is your exam date? {_DATE_HINT}",
            )
    for m in _WEEKDAY_RE.finditer(text):
        if any(start <= m.start() < end for start, end in with_a_day):
            continue  # "monday the 22nd" is read whole above, not as next monday
        wanted = _WEEKDAYS[m[1] or m[2]]
        # The nearest such weekday strictly after today ("friday" on a Friday = a week on);
        # the reply always echoes the date, so a student who meant a week later can say so.
        ahead = (wanted - today.weekday() - 1) % 7 + 1
        add(m, _check_range(today + timedelta(days=ahead), today))
    return found


_COUNTED_FROM_RE = quick_re.compile(
    rf"\b(?:(?:the\s+)?(?P<which>{_FULL_WEEKDAY[1:-1]}|day|week)|(?P<n>[0-9]{{1,3}}|{_NUMBER_WORD_RE}|a|an)\s*"
    rf"(?P<unit>{_UNIT[1:-1]}))\s+(?P<way>after|before|following)\s+"
)
"""A day counted from another one: "4 weeks after my sub-i ends on jan 14", "the monday after thanksgiving"."""
_HOLIDAY_RE = quick_re.compile(
    r"\b(?:(?P<christmas_eve>(?:christmas|xmas|x-mas) eve)|(?P<christmas>christmas|xmas|x-mas)|"
    r"(?P<new_years_eve>new\s*year['’]?s? eve|nye)|(?P<new_year>new\s*year['’]?s?(?:\s+day)?)|"
    r"(?P<thanksgiving>thanksgiving))\b"
)
_ANCHOR_SPAN = 60
"""Characters after "4 weeks after" within which the day it counts from must be named."""
_ANCHOR_END_RE = quick_re.compile(
    r"[.;!?\n]|,\s(?!(?:which|that|it)\b(?:\s+\w+){0,2}?\s+(?:is|s|was|ends|ended|finishes|wraps up)\b)"
)
"""Where the day counted from stops being named: a clause's end, though not at ", which is oct 3" or
", that rotation ends jan 8"."""
_JUST_GONE_DAYS = 14
"""A holiday-counted day this recent is one that has passed, not next year's."""
_COUNTED_SUBJECT_RE = quick_re.compile(
    r"\b(?:exam|test|ck|step\s*(?:2|two)|s2ck|boards?|it|date)\s*(?:is|['’]?s|will be|falls|lands|:|=)?\s*"
    r"(?:set for|scheduled for|booked for|on|for|(?:moved|pushed|changed|rescheduled)\s+(?:to|for))?\s*(?:the\s*)?$"
)
"""What says the day counted is the exam's: "my exam is 4 weeks after", "ck is set for the week after"."""
_ASKED_RE = quick_re.compile(r"\s*(?:is|are|should|would|can|could|does|do|will|am)\b")
_COUNTED_FROM_UNKNOWN = "That counts from a day I don't know, so I need the exam's own date. " + _DATE_HINT


def _holiday(name: str, year: int) -> date:
    """The day a holiday falls on in `year` (U.S. Thanksgiving: the fourth Thursday of November)."""
    if name == "christmas":
        return date(year, 12, 25)
    if name == "christmas_eve":
        return date(year, 12, 24)
    if name == "new_years_eve":
        return date(year, 12, 31)
    if name == "new_year":
        return date(year, 1, 1)
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _count_from(anchor: date, m: re.Match[str]) -> date:
    """The day `m` ("2 weeks after", "the monday before") names, counted from `anchor`."""
    sign = 1 if m["way"] != "before" else -1
    if m["which"] in ("day", "week"):
        return anchor + timedelta(days=sign * (1 if m["which"] == "day" else 7))
    if m["which"]:
        wanted = _WEEKDAYS[m["which"]]
        gap = (wanted - anchor.weekday()) * sign % 7 or 7  # "the monday after" a Monday is a week on
        return anchor + timedelta(days=sign * gap)
    n, unit = _to_int(m["n"]), m["unit"]
    if unit.startswith("y"):
        n, unit = n * 12, "months"
    if unit.startswith("mo"):
        return _add_months(anchor, sign * n)
    return anchor + timedelta(days=sign * n * (7 if unit.startswith("w") else 1))


def _counted_from(
    folded: str, found: list[tuple[int, int, date | str]], today: date
) -> list[tuple[int, int, date | str]]:
    """`found` with each exam day counted from another ("my exam is 10 days after my visa interview on the
    14th") read whole: the other day is not the exam's, and neither is "10 days" from today.

    Only where the exam is what is counted (an exam word or "it" before it, or the answer starts with
    it); a day counted from one not named asks for the exam's own date.
    """
    if "after" not in folded and "before" not in folded and "following" not in folded:
        return found  # every count from another day holds one of these: most messages skip the scan
    for m in _COUNTED_FROM_RE.finditer(folded):
        if any(f[0] < m.end() < f[1] for f in found) or folded.endswith("in ", 0, m.start()):
            continue  # already a date of its own ("the day after tomorrow", "in 2 weeks before my rotation")
        clause = _CLAUSE_END_RE.split(folded[max(0, m.start() - 40) : m.start()])[-1]
        if m.start() > 0 and (not _COUNTED_SUBJECT_RE.search(clause) or _ASKED_RE.match(clause)):
            continue  # something else counted ("i have 8 weeks before"), or a question ("is ck 2 weeks before eras ok")
        window = _ANCHOR_END_RE.split(folded[m.end() : m.end() + _ANCHOR_SPAN])[0]
        if _EXAM_WORD_RE.search(window) and not _OTHER_EXAM_RE.search(window):
            continue  # "2 weeks after my exam on jan 14": the exam is the day counted from (not "my shelf exam")
        limit = m.end() + len(window)
        named = [(start, end, day) for start, end, day in found if m.end() <= start < limit and isinstance(day, date)]
        holiday = _HOLIDAY_RE.search(folded, m.end(), limit)
        counted: date | str
        if named and not (holiday and holiday.start() < min(named)[0]):
            _, end, anchor = min(named)
            counted = _check_range(_count_from(anchor, m), today)
        elif holiday:
            name = next(k for k, v in holiday.groupdict().items() if v)
            # The holiday's next year ("2 weeks after new year's" in December is next January); but the
            # monday after a thanksgiving a few days gone has passed, not moved to next year's
            days = [_count_from(_holiday(name, today.year + y), m) for y in (-1, 0, 1)]
            just_gone = [d for d in days if 0 < (today - d).days <= _JUST_GONE_DAYS]
            counted = _check_range(just_gone[-1] if just_gone else min(d for d in days if d >= today), today)
            end = holiday.end()
        else:
            counted, end = _COUNTED_FROM_UNKNOWN, m.end()
        found = [f for f in found if f[1] <= m.start() or f[0] >= end] + [(m.start(), end, counted)]
    return found


def _dates_disagree(
    folded: str, matches: list[tuple[int, int, date | str]], calendar_dates: set[tuple[int, int]]
) -> str | None:
    """ "8 weeks till the test (june 20)" said in December: two days for one exam, so which? None if they agree."""

    def said_of_the_exam(m: tuple[int, int, date | str]) -> bool:
        near = folded[max(0, m[0] - _EXAM_WORD_SPAN) : m[1] + _EXAM_WORD_SPAN]
        return _EXAM_WORD_RE.search(near) is not None and PRACTICE_NAME_RE.search(near) is None

    # (a span put after a date with "so" is the time to that date: "CK is booked for june 14 so ~5 weeks")
    said = [m for m in matches if isinstance(m[2], date) and (said_of_the_exam(m) or _so_span(folded, m))]
    spans = [
        m
        for m in said
        if _RELATIVE_RE.fullmatch(folded, m[0], m[1])
        # time to the exam, not a stretch: "in 5 weeks", "5 weeks left", "june 14 so ~5 weeks"
        and (folded.startswith("in ", m[0]) or _TIME_TO_GO_RE.match(folded, m[1]) or _so_span(folded, m))
    ]
    # a deadline ("CK must be taken by august 15") is no second exam day
    days = [m for m in said if (m[0], m[1]) in calendar_dates and not _UNTIL_RE.search(folded, 0, m[0])]
    if len(spans) != 1 or len(days) != 1:
        return None
    (_, _, counted), (_, _, named) = spans[0], days[0]
    assert isinstance(counted, date) and isinstance(named, date)  # noqa: S101  # both filtered to dates above
    rough = _DATES_AGREE_DAYS * (3 if "mo" in folded[spans[0][0] : spans[0][1]] else 1)  # "in 6 months" is loose
    if abs((counted - named).days) <= rough:
        return None
    return (
        f"You mentioned {fmt_day(named, year=True)} and a span that lands on {fmt_day(counted, year=True)}. "
        "Which is your exam date?"
    )


_PRACTICE_ON_RE = quick_re.compile(
    rf"\b{PRACTICE_TESTS}\s*(?:form\s*)?\d{{0,2}}\s+(?:is\s+|was\s+)?(?:on|at)\s+(?:the\s+)?$"
)
_DEADLINE_BEFORE_RE = quick_re.compile(
    r"\b(?:school|dean|program|they|we|you)\b[^.;!?]{0,30}\b(?:says?|said|wants?|requires?|need|needs|must|have to|"
    r"has to)\b[^.;!?]{0,25}\bby\s+(?:the\s+)?$|\b(?:deadline|due)\s+(?:is\s+)?(?:by\s+)?(?:the\s+)?$"
)
"""A deadline set by someone else ("my school says take it by end of february"), not the exam day itself."""
_NOW_BEFORE_RE = quick_re.compile(
    # "it's now early july" is today, not the exam's new day
    r"(?:(?<!it s )(?<!it's )(?<!it’s )(?<!it is )(?<!its )(?<!right )\bnow|\bnew date(?:\s+is)?|"
    r"\b(?:moved|pushed|rescheduled|changed|switched)\s+(?:it\s+)?(?:to|for))\s*"
    r"(?:is\s+|it s\s+|its\s+|it's\s+|it is\s+)?(?:the\s+|on\s+)?$"
)
"""What says a date is the exam's now, after dates it was: "now jan 20", "new date is feb 3"."""


def _so_span(folded: str, m: tuple[int, int, date | str]) -> bool:
    """A span put after a date with "so" as the time to it ("june 14 so ~5 weeks"), not a stretch of something
    ("exam july 18, so 6 weeks of dedicated")."""
    return _SO_BEFORE_RE.search(folded, max(0, m[0] - 16), m[0]) is not None and not _STRETCH_AFTER_RE.match(
        folded, m[1]
    )


_STRETCH_AFTER_RE = quick_re.compile(
    r"\s+(?:of|for|to study|studying|dedicated|off|behind|lost|gone|late|missed|ago|early)\b"
)
_SO_BEFORE_RE = quick_re.compile(
    r"(?:\d(?:st|nd|rd|th)?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*)\s*,?\s+"
    r"(?:so|which is|that s|thats|ie)\s*(?:~|about|around|like|roughly|approx)?\s*~?\s*$"
)
"""Before a span, what makes it the time to a date just said ("booked for june 14 so ~5 weeks")."""
_TIME_TO_GO_RE = quick_re.compile(r"\s+(?:till|until|til|to go|left|away|from now|out)\b")
_DATES_AGREE_DAYS = 10
"""A span and a date said for the exam this close together are the same day, roughly counted."""


def _other_event(folded: str, start: int) -> bool:
    """A date said of something else in its clause ("on vacation the first week of next month"), no exam named."""
    clause = _CLAUSE_END_RE.split(folded[max(0, start - 45) : start])[-1]
    return _OTHER_EVENT_RE.search(clause) is not None and _EXAM_WORD_RE.search(clause) is None


_OTHER_EVENT_RE = quick_re.compile(
    r"\b(?:vacation|vacay|holiday|trip|wedding|honeymoon|conference|away rotation|interview|leave|surgery|"
    r"visiting|flight|ends|ended|ending|finishes|finished|wraps up|wrapped up)\b"
    # "on rotation until July 20 and my exam is Aug 15", "my sub-I goes until": when a rotation runs to (not "work
    # through 2000 qs before march 3")
    r"|\b(?:rotations?|sub[- ]?is?|clerkships?|shifts?|nights)\s+(?:\w+\s+)?(?:until|till|til|thru|through)\b"
    # "on a sub-I for the next 4 weeks", "busy the next 3 weeks then exam in 8 weeks": how long something else lasts
    # (not "busy studying the next 6 weeks": the studying runs to the exam)
    r"|\b(?:rotations?|sub[- ]?is?|clerkships?|shifts?|nights|"
    r"busy(?!\s+(?:studying|prepping|with (?:studying|ck|step)))|away|travel\w*|on call|sick)\b(?:\s+\w+){0,3}?"
    r"\s+(?:for\s+|during\s+|over\s+)?the\s+next\s+$"
)


def _span_end(folded: str, start: int, end: int) -> bool:
    """A date that opens or closes a span of something else ("dedicated from june 2 to july 11"); a move's
    span is left to the move rules, and an exam named right before it keeps it ("exam from the 3rd to...")."""
    before = folded[max(0, start - 40) : start]
    span = _SPAN_FROM_RE.search(before) or _SPAN_TO_RE.search(before)
    if span is None:
        return False
    lead = folded[max(0, start - 40 - 30) : max(0, start - 40) + span.start()]
    after = _CLAUSE_END_RE.split(folded[end : end + 40].lstrip(", "))[0]  # "to feb 20, which is my exam day": kept
    return not (
        _MOVED_RE.search(lead)
        or re.search(r"\b(?:exam|test|ck)\s*$", lead)
        or re.search(r"^\s*(?:,\s*)?(?:which is|when i take|then the|is my|my)\b.*\b(?:exam|test|ck)\b", after)
    )


_MOVED_RE = quick_re.compile(r"\b(?:moved|pushed|rescheduled|changed|postponed|delayed|switched|shifted)\b")


def _plan_length(folded: str, m: tuple[int, int, date | str]) -> bool:
    """A span said as the plan's own length ("a 2 week crash plan"), not with "in" ("in 5 weeks study plan")."""
    return _PLAN_LENGTH_AFTER_RE.match(folded, m[1]) is not None and not folded.startswith("in ", m[0])


def _ordinals_near_a_span(
    folded: str, matches: list[tuple[int, int, date | str]], today: date
) -> tuple[list[tuple[int, int, date | str]], set[tuple[int, int]]]:
    """ "in 5 weeks, on the 14th": a day of the month said alone is the one nearest the time counted to it
    (January's 14th, not December's), and then it is a named day, preferred to the count."""
    counted = [m[2] for m in matches if isinstance(m[2], date) and _RELATIVE_RE.fullmatch(folded, m[0], m[1])]
    if len(counted) != 1:
        return matches, set()
    out: list[tuple[int, int, date | str]] = []
    ordinals: set[tuple[int, int]] = set()
    for start, end, value in matches:
        said = _ORDINAL_DAY_RE.fullmatch(folded, start, end)
        if said is None or not isinstance(value, date):
            out.append((start, end, value))
            continue
        months = [(today.year + (today.month + k - 1) // 12, (today.month + k - 1) % 12 + 1) for k in range(3)]
        days = [d for y, mo in months if (d := _valid_day(y, mo, int(said[1]))) is not None and d >= today]
        out.append((start, end, min(days, key=lambda d: abs((d - counted[0]).days)) if days else value))
        ordinals.add((start, end))
    return out, ordinals


def ordinal_suffix(day: int) -> str:
    """ "st", "nd", "rd" or "th" for a number said as an ordinal (a day of the month, a percentile)."""
    return "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _valid_day(year: int, month: int, day: int) -> date | None:
    """That day, or None where the month has no such day (February 30th)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_exam_date(text: str, today: date) -> date | str | None:
    """The exam date mentioned anywhere in a sentence, a reason it can't be used, or None.

    "make me a study plan, exam on March 3" -> date; "test in 6 weeks" -> date;
    "exam was March 3 2020" -> reason (past); "make me a plan" -> None.
    """
    folded = fold(text)
    # "remind me tomorrow to do uwsa2": a date right after a reminder verb is when to remind, not the exam.
    found = _counted_from(folded, _date_matches(folded, today), today)
    matches = [
        m
        for m in found
        if not _REMIND_RE.search(folded[max(0, m[0] - 12) : m[0]])
        and not (_reminded_task(folded[max(0, m[0] - 60) : m[0]]) and not _UNTIL_START_RE.match(folded, m[0]))
        and not _STARTS_RE.search(folded[max(0, m[0] - _EXAM_WORD_SPAN * 2) : m[0]])
        and not _something_else_starts(folded[max(0, m[0] - 60) : m[0]])
        and not _EVERY_RE.search(folded[max(0, m[0] - 12) : m[0]])
        and not _day_left_out(folded, m[0])
        and not _APART_RE.match(folded, m[1])
        and not _DAYS_OFF_RE.match(folded, m[1])
        and not _LEFT_OF_OTHER_RE.match(folded, m[1])
        and not _MOVED_FROM_RE.search(folded[max(0, m[0] - 50) : m[0]])
        and not _span_end(folded, m[0], m[1])
        and not _other_event(folded, m[0])
        and not _SAT_ON_RE.search(folded, max(0, m[0] - 30), m[0])
        and not _PRACTICE_ON_RE.search(folded, max(0, m[0] - 24), m[0])  # "nbme on feb 1": the practice test's
        and not _INSTEAD_OF_RE.search(folded[max(0, m[0] - 16) : m[0]])
        # "my school says take it by end of february": a deadline, not the day booked
        and not _DEADLINE_BEFORE_RE.search(folded, max(0, m[0] - 50), m[0])
        # the length of a plan, not the time to the exam: "a 2 week crash plan" (but "in 5 weeks study plan pls")
        and not _plan_length(folded, m)
    ]
    if not matches:
        # "6 wk schedule, fridays off": a plan's length is the time to the exam when nothing else dates it
        matches = [m for m in found if _PLAN_SPAN_AFTER_RE.match(folded, m[1]) and isinstance(m[2], date)]
    matches, ordinals = _ordinals_near_a_span(folded, matches, today)
    calendar_dates = {m.span() for m in _calendar_matches(folded)} | ordinals
    # "pushed my exam 3 weeks to july 11": the span is how far it moved; the date it moved to is the exam's
    matches = [
        m
        for m in matches
        if not _RELATIVE_RE.fullmatch(folded, m[0], m[1])
        or _final_stretch(folded, m[0], m[1])
        or not (
            _SHIFTED_BY_RE.search(folded[max(0, m[0] - 30) : m[0]])
            or _SPAN_BEHIND_RE.search(folded[max(0, m[0] - 30) : m[0]])
            or (_SPAN_ELSEWHERE_RE.match(folded, m[1]) and not folded.startswith("in ", m[0]))
        )
    ]
    if not matches:
        return None

    def rank(m: tuple[int, int, date | str]) -> tuple[bool, bool, bool, bool, bool, bool, int, int]:
        # A usable date beats a refused one ("I study 24/7, exam in 6 weeks"); then one not said of
        # the past ("I have 38 days. NBME 11 was 221 on 11/20"); then one said of the exam ("3 days
        # till my shelf, then step 2 on may 30"); then a calendar date over "3 days"; then the
        # earliest phrase, and at the same start the longest ("day after tomorrow").
        start, end, value = m
        clause = _CLAUSE_END_RE.split(folded[max(0, start - _EXAM_WORD_SPAN * 2) : start])[-1]
        past = _PAST_RE.search(clause) is not None
        near = _EXAM_WORD_RE.search(folded[max(0, start - _EXAM_WORD_SPAN) : end + _EXAM_WORD_SPAN])
        # "comlex L2 is may 20 and usmle ck is may 27": the other exam's date steps aside
        other = _OTHER_EXAM_RE.search(clause) is not None and _CK_RE.search(clause) is None
        # "original was nov 20, then dec 15, now jan 20": the date it is now beats the ones it was
        # (said of the exam: "my shelf is now dec 18", "my rotation got moved to dec 20" are other days)
        now = _NOW_BEFORE_RE.search(folded, max(0, start - 24), start)
        of_the_exam = now is not None and (
            _EXAM_WORD_RE.search(folded, max(0, now.start() - 25), now.start())
            or _EARLIER_DAY_RE.search(
                folded, max(0, now.start() - 40), now.start()
            )  # "was nov 20, then dec 15, now..."
        )
        superseded = not of_the_exam or other
        return (
            isinstance(value, str),
            past,
            superseded,
            other,
            near is None,
            (start, end) not in calendar_dates,
            start,
            start - end,
        )

    best = min(matches, key=rank)
    clash = _dates_disagree(folded, matches, calendar_dates) or _far_beside_a_span(
        folded, found, best, today, calendar_dates
    )
    if clash is not None:
        return clash
    return best[2]


def _far_beside_a_span(
    folded: str,
    found: list[tuple[int, int, date | str]],
    best: tuple[int, int, date | str],
    today: date,
    calendar_dates: set[tuple[int, int]],
) -> str | None:
    """ "6 weeks of dedicated starting monday, exam booked for july 18" said in December: a date months away
    beside a few weeks said in the same breath is more likely a date written for another year (or another
    "today") than a plan for seven months, so which is asked. None when nothing says otherwise, or when
    another day is named that the weeks may count from ("rotation ends may 9, so 6 weeks of dedicated")."""
    named = best[2]
    if not isinstance(named, date) or (named - today).days <= _FAR_DAYS:
        return None
    their_today = [d for d in calendar_dates if _THEIR_TODAY_RE.search(folded, max(0, d[0] - 12), d[0])]
    if any(d != best[:2] and d not in their_today for d in calendar_dates):
        return None
    for start, end, counted in found:
        if not isinstance(counted, date) or not _RELATIVE_RE.fullmatch(folded, start, end):
            continue
        short = (counted - today).days <= _FAR_DAYS and _DAYS_OR_WEEKS_RE.search(folded, start, end)
        # said as time left ("in 6 weeks", "6 weeks left", "i have 6 weeks", "so about 7 weeks"), not a length
        # planned ("dedicated will be 6 weeks", "6 weeks of dedicated in june")
        left = _TIME_LEFT_BEFORE_RE.search(folded, max(0, start - 20), start) or _TIME_TO_GO_RE.match(folded, end)
        length = _SPAN_OF_RE.match(folded, end) and not _STARTING_NOW_RE.match(folded, end)
        # "studied for 6 weeks", "3 weeks before the exam": a span of something else, not the time to go
        elsewhere = (
            _SPAN_BEHIND_RE.search(folded[max(0, start - 30) : start])
            or _SPAN_ELSEWHERE_RE.match(folded, end)
            or _FOR_A_WHILE_RE.search(folded, max(0, start - 30), start)  # "40 qs a day for 2 weeks"
            or _STARTS_RE.search(folded, max(0, start - 25), start)  # "i'll start dedicated 6 weeks out"
            or _plan_length(folded, (start, end, counted))  # "a 6 week plan": its length, not the time to go
            or _SHIFTED_BY_RE.search(folded[max(0, start - 30) : start])  # "pushed my exam 3 weeks to july 11"
            # "results take ~3 weeks", "waited about 3 weeks": how long a score takes
            or _SCORE_WAIT_RE.search(folded, max(0, start - 40), min(len(folded), end + 25))
        )
        if short and left and not length and not elsewhere and abs((counted - named).days) > _DATES_AGREE_DAYS * 2:
            return (
                f"You mentioned {fmt_day(named, year=True)}, {(named - today).days} days away, and "
                f"“{folded[start:end].removeprefix('in ')}”, which from today lands on {fmt_day(counted, year=True)}. "
                "Which is your exam date?"
            )
    return None


_DAYS_OR_WEEKS_RE = quick_re.compile(r"\b(?:d|days?|w|weeks?|wks?)\b")
_TIME_LEFT_BEFORE_RE = quick_re.compile(
    r"\b(?:in|have|got|that s|that's|that’s|thats|that is|so|only|just|exactly|about|around|roughly)\s+"
    r"(?:about\s+|around\s+|like\s+|only\s+|exactly\s+|roughly\s+)?$"
)
_SPAN_OF_RE = quick_re.compile(r"\s+of\s+(?:dedicated|vacation|off|study|studying|prep|break|leave|rest)\b")
_STARTING_NOW_RE = quick_re.compile(
    r"\s+of\s+\w+\s+(?:starting|from)\s+(?:today|now|tomorrow|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|this week|next week)\b"
)
_THEIR_TODAY_RE = quick_re.compile(r"\btoday(?: is| s|s)?\s*(?:the\s+)?$")
"""A date said as their today ("today is 1 october"): no other day to count from."""
# A score's wait said near a span ("results take ~3 weeks", "my step 1 took 3 weeks", "it posts in 4 weeks"):
# broad words, but read only within a few words of the span itself.
_SCORE_WAIT_RE = quick_re.compile(r"\b(?:scores?|results?|release\w*|wait\w*|took|takes?|come back|posts?)\b")
_FOR_A_WHILE_RE = quick_re.compile(
    r"\bfor\s+(?:the\s+|a\s+)?(?:next\s+|first\s+|about\s+|like\s+|around\s+|another\s+)*$"
)
_FAR_DAYS = 100
"""A date more than this many days away is checked against a span of weeks said beside it."""


_EXAM_WORD_RE = words_re(*EXAM_WORDS, r"step\s*(?:2|two)", "s2ck", "boards?", "retakes?")
_OTHER_EXAM_RE = words_re("comlex", r"level\s*[123]", "l[123]", "shelf", r"step\s*(?:1|3)", "mccqe", "plab")
_CK_RE = words_re("ck", r"step\s*(?:2|two)", "s2ck", "step2", "usmle")
# "only had 3 weeks last time. retake is in 8 weeks": the span they had is behind them ("had to move it" is not)
_PAST_RE = words_re(*PAST_WORDS, "had(?! to)")
_SAT_ON_RE = quick_re.compile(
    r"\b(?:took|taken|sat|tested|wrote)\s+(?:(?:the|my)\s+)?(?:ck|step\s*(?:2|two)|exam|test|it)?\s*(?:on\s+)?"
    r"(?:the\s+)?$"
)
"""The exam sat on a day ("took ck on dec 1", "tested feb 3"): a day behind them, not one ahead."""
_REMIND_RE = words_re("remind", "ping", "nudge", "text", "message", "tell")
"""A date right after these is when to remind them ("remind me tomorrow to do uwsa2"), not the exam's."""
_ELSE_STARTS_RE = quick_re.compile(r"\b(?:starts?|begins?|starting|beginning|started|began)\s+(?:in\s+|on\s+)?$")


def _something_else_starts(before: str) -> bool:
    """ "Ramadan starts in 2 weeks and my exam is 5 weeks away": something else's start, not the exam's
    ("my step 2 (finally) starts in 6 weeks", "it begins in 3 weeks")."""
    starts = _ELSE_STARTS_RE.search(before)
    if starts is None:
        return False
    subject = before[: starts.start()]
    return not (_EXAM_WORD_RE.search(subject) or re.search(r"\b(?:it|exam|test)\s*(?:\([^)]*\)\s*)?$", subject))


_REMIND_TASK_RE = quick_re.compile(
    r"\b(?:(?:remind|ping|nudge|text|tell)\s+(?:me|us)\s+(?:to|about)|(?:set|add|make)\s+(?:a\s+)?reminders?\s+"
    r"(?:for|to|about))\b([^.!?]{0,50})$"
)


def _reminded_task(before: str) -> bool:
    """ "remind me to take NBME 13 on saturday": the day is the task's, not the exam's (unless the exam is
    named); "remind me to study daily till june 5" still runs to a deadline, the exam's."""
    task = _REMIND_TASK_RE.search(before)
    return task is not None and not _EXAM_WORD_RE.search(task.group(1)) and not _UNTIL_RE.search(task.group(1))


_UNTIL_RE = quick_re.compile(r"\b(?:till|until|til|up to|by)\s*(?:the\s+)?$")
_UNTIL_START_RE = quick_re.compile(r"(?:till|until|til|up to|by)\b")
_ORDINAL_DAY_RE = quick_re.compile(
    r"(?:\b(?:on|to|is|date is|new date is)\s+(?:the\s+)?|\b(?:now|exam|test|ck)\s+(?:the\s+|on\s+(?:the\s+)?)?"
    r"(?=\d+(?:st|nd|rd|th)\s*(?:$|[.,;!?]))|\b(?:by|before|until|till|for)\s+the\s+)"
    r"([1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)\b"
    r"(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next month|week)\w*)"
    r"(?!\s+(?:year|yr|attempt|try|time|take|round|form|edition|place|block|day)\b)"
)
"""A day of the month alone ("exam on the 28th"); with a month named, the month readers have it."""
_PART_OF_MONTH_RE = quick_re.compile(
    rf"\b(early|mid|late|end of|(?:1st|first|2nd|second|3rd|third|4th|fourth|last) week of)[\s-]+(?:of\s+)?{_MON}\b"
)
_PART_DAY = {
    "early": 5,
    "mid": 15,
    "late": 25,
    **dict.fromkeys(("1st week of", "first week of"), 4),
    **dict.fromkeys(("2nd week of", "second week of"), 11),
    **dict.fromkeys(("3rd week of", "third week of"), 18),
    **dict.fromkeys(("4th week of", "fourth week of", "last week of"), 25),
}
"""The day taken for a part of a month; "end of" takes its last day."""
_PART_OF_NEXT_MONTH_RE = quick_re.compile(
    r"\b(early|mid|middle of|late|end of|the end of|beginning of|start of|(?:1st|first|2nd|second|3rd|third|4th|fourth|"
    r"last) week of)[\s-]+next\s+month\b"
)
_PART_WORDS = {"middle of": "mid", "the end of": "end of", "beginning of": "early", "start of": "early"}
"""Other words for a part of a month."""
_NEXT_MONTH_DAY_RE = quick_re.compile(
    r"\b(?:the\s+)?([1-9]|[12][0-9]|3[01])(?:(?:st|nd|rd|th)?\s+of|st|nd|rd|th)\s+next\s+month\b"
)
"""The 14th of next month, or "on 14th next month"."""
_DAYS_OFF_RE = quick_re.compile(
    r"\s*(?:off|of rest|rest|break|to rest)\b\s*(?:(?:a|per|each|every)\s+(?:week|wk)|/\s*(?:week|wk)|weekly)\b"
)
"""Rest in a week ("1 day off per week", "2 days off a week"): how the plan runs, not when the exam is
("10 days off before my exam" and "5 weeks off from rotations" are the time to it)."""
_LEFT_OF_OTHER_RE = quick_re.compile(
    # "3 days till my score", "16 more days until results": the wait for a score, not for the exam
    r"\s+(?:more\s+)?(?:(?:till|until|til|before)\s+(?:my\s+|the\s+)?|to\s+(?:my|the)\s+)(?:ck\s+|step\s*2\s+)?"
    r"(?:score|scores|results?|release|score release)\b"
    r"|\s+(?:left|remaining|to go)\s+(?:of|in|on)\s+(?:my\s+|the\s+|this\s+|our\s+)?"
    r"(?:(?!(?:dedicated|study|studying|self|prep)\b)[\w-]+\s+){0,2}?"
    r"(?:rotations?|clerkships?|blocks?|sub ?is?|sub-is?|semesters?|electives?|vacation|break|residency|intern year|"
    r"year|school|classes|shelf|course)\b"
)
"""Time left of something else ("2 weeks left of my surgery rotation"), not the time to the exam; time left of
dedicated or of studying is."""
_EVERY_RE = quick_re.compile(r"\b(?:every|each|most|all)\s+(?:other\s+)?$")
_WEEKDAY_ABBREVIATIONS = frozenset(name[:3] for name in _WEEKDAYS)
_DAY_LEFT_OUT_RE = quick_re.compile(
    r"\b(?:except|but not|not|never|other than|apart from|besides)\s+(?:on\s+)?(?:the\s+)?$"
    r"|\b(?:every\s*day|daily|each day)\s+but\s+$"
)
"""Right before a weekday, a day left out ("remind me every day but saturday at 7pm", "not on monday, its tuesday"):
no exam on it. A bare "but" only after "every day": "not thursday but saturday" books Saturday."""


def _day_left_out(folded: str, start: int) -> bool:
    """A weekday at `start` (its "on" included, as the date's span holds it) said as the day left out."""
    day_at = start + 3 if folded.startswith("on ", start) else start
    before = folded[max(0, day_at - 19) : day_at]
    return folded[day_at : day_at + 3] in _WEEKDAY_ABBREVIATIONS and _DAY_LEFT_OUT_RE.search(before) is not None


_APART_RE = quick_re.compile(r"s?\s*(?:apart|between|per|each|at a time|(?:of|from) (?:each other|one another))\b")
"""A weekday that recurs ("every saturday") or a span between things ("1 week apart", "within 10 days of each
other") dates no exam."""
_STARTS_RE = quick_re.compile(
    r"\b(?:start\w*|begin\w*|kick\w* off)\s+(?:my\s+|of\s+|the\s+|an?\s+)?"
    r"(?:dedicated|studying|study(?:ing)? period|prep|"
    r"uworld|residency|intern year|internship|rotations?|sub[- ]?is?|clerkships?|away rotations?)"
    r"(?:\s+(?:on|in|from))?\s*$"
    r"|\b(?:dedicated|residency|intern year|orientation)\s+(?:starts|begins|starting|beginning|started|began|is from)"
    r"(?:\s+(?:on|in))?\s*$"
)
"""A date right after these is when study or work starts ("starting dedicated on jan 6"), not the exam's."""
_CLAUSE_END_RE = quick_re.compile(r"[.;!?\n]|,\s")
_PLAN_LENGTH_AFTER_RE = quick_re.compile(
    r"\s+(?:crash|study|studying|dedicated|plan|schedule|course|program|break|vacation|rotation|sprint|block)\b"
)
_PLAN_SPAN_AFTER_RE = quick_re.compile(r"\s+(?:crash\s+|study\s+|dedicated\s+)?(?:plan|schedule|sprint)\b")
"""A plan's own length ("6 wk schedule"), which is the time to the exam when nothing else dates it (not a break's)."""
_SPAN_FROM_RE = quick_re.compile(r"\b(?:from|between)\s+(?:the\s+)?$")
_SPAN_TO_RE = quick_re.compile(
    r"\b(?:from|between)\s+(?!(?:today|now|tomorrow|tmrw)\b)[\w ]{1,18}?\s+(?:to|until|till|through|thru|and|-)\s+"
    r"(?:the\s+)?$"
)
"""The ends of a span ("dedicated from june 2 to july 11"): when study runs, not when the exam is."""
_MOVED_FROM_RE = quick_re.compile(
    r"\b(?:moved|pushed|rescheduled|changed|postponed|delayed|bumped|switched|shifted)\b.{0,35}\bfrom\s+(?:the\s+)?$"
)
"""The date a move started from ("moved my exam from the 7th to the 14th"): the old one, not the exam's now."""
_INSTEAD_OF_RE = quick_re.compile(r"\binstead\s+of\s+(?:the\s+)?$")
"""The date given up ("tomorrow now instead of next friday"): the old one."""
_SHIFTED_BY_RE = quick_re.compile(
    r"\b(?:moved|pushed|rescheduled|postponed|delayed|bumped|shifted)\b(?:\s+(?:my|the|it|exam|test|ck|step|2|back|"
    r"up|forward|out|by))*\s*$"
)
"""A span right after a move ("pushed it 3 weeks") is how far it moved, not when the exam is."""
_FINAL_BEFORE_RE = quick_re.compile(r"\b(?:last|final)\s+$")
_BEFORE_THE_EXAM_RE = quick_re.compile(
    r"\s+(?:before|until|till|leading up to)\s+(?:the\s+|my\s+)?(?:exam|test|ck|step\s*(?:2|two)|boards?)\b"
)


def _final_stretch(folded: str, start: int, end: int) -> bool:
    """ "my last 10 days before the exam": the time left, though "last" usually means time behind them."""
    told_as_past = _LIVED_RE.search(folded, max(0, start - 40), start)
    return bool(
        _FINAL_BEFORE_RE.search(folded, max(0, start - 8), start)
        and _BEFORE_THE_EXAM_RE.match(folded, end)
        and not told_as_past  # "i studied the last 10 days before the exam and still failed": lived
    )


_LIVED_RE = quick_re.compile(r"\b(?:studied|spent|did|was|were|had|crammed|used|took|sat|failed|passed)\b")


_SPAN_BEHIND_RE = quick_re.compile(
    r"\b(?:(?:last|past|previous|first|spent|over|during|since|missed|lost|skipped|wasted|blew)\s+"
    r"(?:the\s+|my\s+|about\s+|around\s+|almost\s+|nearly\s+|"
    r"like\s+)*|(?:been\s+)?(?:studying|studied|prepping|prepped|grinding|working)\s+(?:for\s+)?(?:about\s+|like\s+)?)$"
)
"""A span already lived ("the last 10 days", "been studying for 6 weeks"): time behind them, not to the exam."""
_SPAN_ELSEWHERE_RE = quick_re.compile(
    r"\s+(?:before|prior|after|later|earlier|beforehand|into|in a row|straight|since|out of)\b"
)
"""A span counted from something else ("cancelled 2 days before", "3 weeks into dedicated") dates no exam."""
_EXAM_WORD_SPAN = 20
"""Characters either side of a date within which an exam word says the date is the exam's."""


def _calendar_matches(text: str) -> list[re.Match[str]]:
    """The phrases that name a calendar day ("may 30", "5/30", "2027-05-30"), not a span or a weekday."""
    return [
        *_ISO_RE.finditer(text),
        *_US_RE.finditer(text),
        *_MONTH_DAY_RE.finditer(text),
        *_DAY_MONTH_RE.finditer(text),
        *_PART_OF_MONTH_RE.finditer(text),
    ]


def parse_exam_date(text: str, today: date) -> date | str:
    """The exam date in an answer, or a friendly reason; never raises.

    Accepts "2027-03-03", "3/3/2027", "3/3/27" (US month/day), "March 3", "Mar 3rd",
    "3 March", "march 3 2027", "in 6 weeks", "6 weeks", "in 40 days", "in 2 months",
    "tomorrow", "next friday". No year means the next occurrence. Refuses today, the past
    and dates more than 365 days away.
    """
    found = find_exam_date(text, today)
    if found is None:
        return f"I couldn't find a date in that. {_DATE_HINT}"
    return found


# ------------------------------------------------------------------------ study days

_DAYS_HINT = "Send a number from 1 to 7, e.g. “5”, “weekdays” or “mon wed fri”."
_DAY_NAME_RE = quick_re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)s?\b"
)
_EXCEPT_RE = quick_re.compile(r"\b(?:except|but|besides|other\s+than|apart\s+from|minus|not|no|off|without)\b")
_ALL_DAYS_RE = quick_re.compile(r"\b(every\s*day|everyday|daily|all\s+(?:week|days)|7\s*/\s*7|7\s+days)\b")
_WEEKDAYS_ONLY_RE = quick_re.compile(r"\b(week\s*days?|mon(?:day)?\s*(?:-|to|through|thru)\s*fri(?:day)?)\b")
_WEEKENDS_RE = quick_re.compile(r"\bweek\s*ends?\b")
_DAY_OFF_RE = quick_re.compile(_DAY_NAME_RE.pattern + r"\s+(?:are\s+|is\s+)?off\b")
# (a number word is a whole word: the "one" in "honestly" or "someone" counts no days)
_COUNT_RE = quick_re.compile(rf"(?<![0-9.:-])([0-9]{{1,4}}|\b(?:{_NUMBER_WORD_RE}|zero|none)\b)(?![0-9.])")
_CLOCK_BEFORE_RE = quick_re.compile(r"(?:\b(?:at|around|by|till|until|before|after|from|to)|@)\s*$")
_CLOCK_AFTER_RE = quick_re.compile(r"\s*(?::[0-9]{2}|[ap]\.?m\b|ish\b|o'?clock\b|-\s*[0-9])")
"""A clock time or a range beside a number ("at 8", "8:30", "8 p.m.", "6-8pm"): no count of days."""


def _named_days(text: str) -> list[int]:
    """Weekdays named in `text` ("mon", "Wednesdays", "thurs"), in order, without repeats."""
    return list(dict.fromkeys(_WEEKDAYS[m[1]] for m in _DAY_NAME_RE.finditer(text)))


def parse_study_weekdays(text: str) -> frozenset[int] | str | None:
    """The study weekdays (0 = Monday) an answer names, None when it gives only a count, or a reason.

    "every day except sundays" -> Mon-Sat; "sundays off" -> Mon-Sat; "weekdays only" ->
    Mon-Fri; "mon wed fri" -> those three; "weekends" -> Sat, Sun; "5" or "5 days a week"
    -> None (a count: see `parse_study_days`).
    """
    t = fold(text)
    all_days = _ALL_DAYS_RE.search(t) is not None
    weekdays_only = _WEEKDAYS_ONLY_RE.search(t) is not None
    excepted = _EXCEPT_RE.search(t)
    after = t[excepted.end() :] if excepted else ""
    excluded = set(_named_days(after)) | {_WEEKDAYS[m[1]] for m in _DAY_OFF_RE.finditer(t)}
    if excepted and _WEEKENDS_RE.search(after):
        excluded |= {5, 6}
    if excluded:
        base = frozenset(range(5)) if weekdays_only and not all_days else frozenset(range(7))
        return (base - excluded) or f"That leaves no study days. {_DAYS_HINT}"
    if all_days:
        return frozenset(range(7))
    named = _named_days(t)
    if weekdays_only:
        return frozenset(range(5)) | frozenset(d for d in named if d >= 5)  # "weekdays and saturdays"
    counts = list(_COUNT_RE.finditer(t))
    if counts and not (named and all(_not_days(t, m) for m in counts)):
        return None
    if named:
        return frozenset(named)
    if _WEEKENDS_RE.search(t):
        return frozenset({5, 6})
    return f"I didn't catch how many days. {_DAYS_HINT}"


_SPAN_AFTER_COUNT_RE = quick_re.compile(r"\s*(?:weeks?|wks?|months?|mos?|hours?|hrs?|mins?|minutes)\b")


def _not_days(text: str, count: re.Match[str]) -> bool:
    """A number beside named days that is a clock time or a span ("mon wed fri evenings around 8, exam in 5 weeks"):
    the days named are the answer."""
    before, end = text[: count.start()], count.end()
    return bool(
        _CLOCK_BEFORE_RE.search(before) or _CLOCK_AFTER_RE.match(text, end) or _SPAN_AFTER_COUNT_RE.match(text, end)
    )


def parse_study_days(text: str) -> int | str:
    """Study days per week, 1-7, or a reason: "5", "5 days", "weekdays", "daily", "mon wed fri"."""
    days = parse_study_weekdays(text)
    if isinstance(days, str | frozenset):
        return days if isinstance(days, str) else len(days)
    m = _COUNT_RE.search(fold(text))
    if m is None:  # parse_study_weekdays returns None only when a count is there
        return f"I didn't catch how many days. {_DAYS_HINT}"
    if _SPAN_AFTER_COUNT_RE.match(fold(text), m.end()):
        # "in 6 weeks" at the days question is when the exam is, not how often they study.
        return f"That sounds like when your exam is, not days a week (/plan edit exam changes the date). {_DAYS_HINT}"
    token = m[1]
    n = 0 if token in ("zero", "none") else _to_int(token)
    if n > 7:
        return f"A week only has 7 days 🙂 {_DAYS_HINT}"
    if n < 1:
        return f"A plan needs at least one study day a week. {_DAYS_HINT}"
    return n


# ----------------------------------------------------------------------------- time

_TIME_HINT = "Try “7am”, “7:30 pm” or “19:30”."
_TIME_RE = quick_re.compile(
    r"^(?:at\s+|around\s+|about\s+)?([0-9]{1,2})(?:\s*[:.h]\s*([0-9]{2}))?\s*(?:o'?clock)?\s*"
    r"(am|pm|a|p)?\s*(?:in\s+the\s+(morning|afternoon|evening)|at\s+(night)|(tonight))?$"
)
# A time inside a sentence ("after rounds, like 7pm"): it needs a cue that it is a time,
# so "I have 2 kids" is not read as 02:00.
_TIME_IN_TEXT_RE = quick_re.compile(
    r"(?:\b(at|around|about|like|by|after|before|maybe|say)\s+)?(?<![0-9:./])([0-9]{1,2})"
    r"(?:\s*[:.h]\s*([0-9]{2}))?(?![0-9])\s*(?:o'?clock)?\s*(am|pm|a|p)?\b\s*"
    r"(?:in\s+the\s+(morning|afternoon|evening)|at\s+(night)|(tonight))?"
)
_PART_OF_DAY_RE = quick_re.compile(r"\b(?:every|each)\s+(night|evening|morning|afternoon)\b|\b(nightly|tonight)\b")
"""A part of the day said apart from the hour ("remind me every night at 9"): 21:00, not 09:00."""
_PARTS_BEFORE_HOUR_RE = quick_re.compile(r"\b(night|evening|morning|afternoon)s\s+(?:\w+\s+){0,2}?([0-9]{1,2})\b")
"""Days' parts said just before an hour ("mon wed fri evenings around 8": 20:00); not one said elsewhere ("no mornings
please, ping me at 9", "i study afternoons")."""
_NOON = frozenset({"noon", "midday", "12 noon", "lunchtime", "lunch"})
_MIDNIGHT = frozenset({"midnight", "12 midnight"})


def _time_parts(t: str) -> tuple[int, int, str | None, str | None] | None:
    """(hour, minute, am/pm, part of day) of the time in `t`, or None."""
    compact = re.fullmatch(r"([0-9]{2})([0-9]{2})", t)  # "0730", "1930"
    if compact:
        return int(compact[1]), int(compact[2]), None, None
    m = _TIME_RE.match(t)
    if m:
        return int(m[1]), int(m[2] or 0), m[3], m[4] or m[5] or m[6]
    for m in _TIME_IN_TEXT_RE.finditer(t):
        part = m[5] or m[6] or m[7]
        if m[1] or m[3] or m[4] or part:
            return int(m[2]), int(m[3] or 0), m[4], part
    return None


def parse_nudge_time(text: str, around: str = "") -> time | str:
    """A local wall-clock time, or a reason: "7am", "7:30 am", "19:30", "7ish", "noon",
    "after rounds, like 7pm", "around 6 in the morning".

    A bare hour is 24-hour ("8" is 08:00, "20" is 20:00), unless a part of the day is said with it, in `text` or in
    the sentence `around` it ("remind me every night at 9": 21:00).
    """
    t = fold(text).rstrip(".! ")
    t = re.sub(r"\b([ap])\.\s*m\b\.?", r"\1m", t)  # "7 a.m." -> "7 am"
    t = re.sub(r"(?<=[0-9])\s*-?\s*ish\b|~\s*(?=[0-9])", "", t)  # "7ish", "~7" -> "7"
    if t in _NOON or re.search(r"\b(noon|midday)\b", t):
        return time(12, 0)
    if t in _MIDNIGHT or re.search(r"\bmidnight\b", t):
        return time(0, 0)
    parts = _time_parts(t)
    if parts is None:
        return f"I couldn't read a time in that. {_TIME_HINT}"
    hour, minute, meridiem, part = parts
    if not (meridiem or part) and hour <= 12 and (said := _PART_OF_DAY_RE.search(f"{t} {fold(around)}")):
        part = said[1] or said[2]  # "every night at 9": the part of the day said before the hour
    elif not (meridiem or part) and hour <= 12:
        beside = (m[1] for m in _PARTS_BEFORE_HOUR_RE.finditer(fold(around)) if int(m[2]) == hour)
        part = next(beside, None)
    if minute > 59:
        return f"An hour only has 60 minutes. {_TIME_HINT}"
    if meridiem or part:
        if not 1 <= hour <= 12:
            return f"“{hour}” doesn't go with am/pm. {_TIME_HINT}"
        pm = (meridiem or "").startswith("p") or part not in (None, "morning")
        return time(hour % 12 + (12 if pm else 0), minute)
    if hour > 23:
        return f"There's no {hour}:{minute:02d} on a clock. {_TIME_HINT}"
    return time(hour, minute)


# ------------------------------------------------------------------------- progress

_DONE_RE = quick_re.compile(
    # "1,200 incorrects" is no 1, and "+5" is a change, not five questions; "a 250-something" is a score
    r"(?<![0-9./,+])([0-9]{1,4})(?![0-9./]|,[0-9])(?!\s*(?:%|percent|pct))(?!\s*-?\s*(?:something|ish|s\b))"
    r"(?!\s*(?:days?|weeks?|wks?|hours?|hrs?|mins?|minutes|months?|blocks?|am|pm|th|st|nd|rd|points?|pts)\b)"
    r"\s*(?:q|qs|qbank|questions?|ques|items?|mcqs?|problems?)?\b"
)


def parse_done_count(text: str) -> int | None:
    """Questions done from "/done 40 questions", "/done 40", "did 40 qs"; None for "done!".

    Counts over 1000 are ignored as typos rather than logged.
    """
    t = re.sub(r"^/done(?:@\w+)?", " ", fold(text))
    # A number the questions are counted in wins ("week 2 of dedicated, did 410 questions"); a bare one
    # counts only when it numbers nothing else ("block 3", "day 3", "3 days in").
    m = _COUNTED_RE.search(t) or next(
        (d for d in _DONE_RE.finditer(t) if not _NUMBERS_SOMETHING_RE.search(t[max(0, d.start() - 12) : d.start()])),
        None,
    )
    if not m:
        return None
    n = int(m[1])
    return n if n <= 1000 else None


_NOTHING_DONE_RE = quick_re.compile(
    r"\b(?:didn t|didnt|did not|couldn t|couldnt|could not|wasn t able to|was not able to|never got to)\s+"
    r"(?:get\s+(?:to\s+)?|do\s+|touch\s+|finish\s+|study|open\s+)?(?:any\s+|a single\s+|my\s+)?"
    r"(?:questions?|qs|blocks?|studying|study|uworld|anki|anything|work)\b"
    r"|\bskipped\s+(?:studying|today|the day|my (?:questions|qs|block|studying)|qs|questions)\b"
    r"|\b(?:no|zero|0)\s+(?:questions?|qs|blocks?|studying)\s+(?:today|done|at all)\b"
    r"|\bnothing\s+(?:done|today)\b"
    r"|\b(?:did|done|finished)\s+(?:0|zero|none|nothing)(?:\s+(?:questions?|qs|blocks?))?\s+(?:today|tonight|yesterday)\b"
)


def did_nothing(text: str) -> bool:
    """ "didn't get any questions done today, rotation ran late": a day without work, not work to log
    ("didn't finish uworld but did 40 qs" is work)."""
    return _NOTHING_DONE_RE.search(normalize(text)) is not None and not parse_progress(text)[0]  # "did 0": none


_COUNTED_RE = quick_re.compile(
    r"(?<![0-9./,])([0-9]{1,4})(?![0-9./]|,[0-9])\s*(?:q|qs|qbank questions|questions?|ques|items?|mcqs?|problems?)\b"
)
_NUMBERING_WORDS = r"day|week|wk|block|form|nbme|uwsa|cms|step|level|chapter|part|set|round|page|no|number"
"""Words that number what follows them ("day 12", "form 11", "block 3")."""
_NUMBERS_SOMETHING_RE = quick_re.compile(
    rf"\b(?:{_NUMBERING_WORDS}|module|test|pass|lecture|video|deck|till|til|until|at|by|around|after|before|from|on)"
    r"\s*#?\s*$|#\s*$"
)
"""Words a number after them numbers or times ("block 3", "day 3", "nbme 9", "ran till 9"): no count of questions."""


_PERCENT_RE = quick_re.compile(r"(?<![0-9.])([0-9]{1,3})(?:\.[0-9]{1,2})?\s*(?:%|percent|pct)")
_OUT_OF_RE = quick_re.compile(
    r"(?<![0-9./])([0-9]{1,4})\s+(?:(?:correct|right|qs|questions)\s+)?(?:out of|(?:correct|right) of)\s+([0-9]{1,4})\b"
)
_FRACTION_RE = quick_re.compile(
    # not a share of a question bank done: "did 2/3 of uworld", "1/2 of amboss"
    r"(?<![0-9./])([0-9]{1,4})\s*/\s*([0-9]{1,4})(?![0-9./])(?!\s+of\s+(?:the\s+|my\s+)?(?:uworld|uw|amboss|qbank|bank|it)\b)"
)
_WRONG_OF_RE = quick_re.compile(
    r"(?<![0-9./])([0-9]{1,4})\s+(?:wrong|incorrect|missed)\s+(?:out of|of)\s+([0-9]{1,4})\b"
    r"|\bmissed\s+([0-9]{1,4})\s+(?:out of|of)\s+([0-9]{1,4})\b"
    r"(?!\s+(?:days?|nights?|weeks?|classes|lectures|sessions|alarms?|shifts?)\b)"
)


def _right_of(m: re.Match[str]) -> str:
    """ "15 wrong out of 40" -> "25/40 questions" (what was right, as the fraction reader takes it)."""
    wrong, total = (int(m[1]), int(m[2])) if m[1] else (int(m[3]), int(m[4]))
    return f"{max(total - wrong, 0)}/{total} questions" if wrong <= total else m.group()


_BLOCKS_RE = quick_re.compile(
    r"\b(?:[0-9]{1,2}|a|one|two|three|four|five|six|seven|eight)\s+(?:\w+\s+)?blocks?\b"
    # "blocks today: 70, 62, 75": scores listed after the word, no count before it
    r"|\bblocks?(?:\s+(?:today|tonight|yesterday|so far|this morning))?\s*[:=]"
)
_SIZED_BLOCKS_RE = quick_re.compile(
    r"\b([0-9]{1,2})\s+blocks?\s+of\s+([0-9]{1,3})\s*(?:q|qs|questions?|ques|items?|mcqs?)\b"
)
_QUESTION_WORD_RE = quick_re.compile(r"\b(?:q|qs|questions?|ques|items?|mcqs?)\b")
_BLOCK_SCORE_RE = quick_re.compile(
    r"(?<![0-9.])([0-9]{2,3})(?![0-9]|\.[0-9])(?!\s*(?:blocks?|min|mins|minutes|hours?|hrs?)\b)"
)


_NUMBERED_BEFORE_RE = quick_re.compile(rf"\b(?:{_NUMBERING_WORDS})\s*#?\s*$|#\s*$")
"""A number that numbers something ("day 12", "form 11"): no block's score."""
_NOT_A_SCORE_AFTER_RE = quick_re.compile(r"\s*(?:cards?|anki|pages?|videos?|of dedicated)\b")


def _block_percent(t: str) -> int | None:
    """The percent correct over blocks reported as scores ("2 blocks, 70/74", "62 and 70"): their mean.

    How many questions a block held is not said (it varies by question bank), so none are counted; blocks
    said as fractions of one size ("35/40 and 31/40") give their pooled share."""
    fractions = [(int(a), int(b)) for a, b in _FRACTION_RE.findall(t) if 0 < int(b) <= 1000 and int(a) <= int(b)]
    if len(fractions) >= 2 and len({b for _, b in fractions}) == 1:  # "70/74" alone is two blocks' percents
        return round(100 * sum(a for a, _ in fractions) / sum(b for _, b in fractions))
    pct = _PERCENT_RE.findall(t)
    # "day 12 of dedicated: 2 blocks": a day, a form or a card count is no block's score
    blocks = [
        int(m[1])
        for m in _BLOCK_SCORE_RE.finditer(t)
        if not _NUMBERED_BEFORE_RE.search(t[max(0, m.start() - 12) : m.start()])
        and not _NOT_A_SCORE_AFTER_RE.match(t, m.end())
    ]
    scores = [int(p) for p in pct] if pct else blocks
    scores = [n for n in scores if 0 < n <= 100]
    return round(sum(scores) / len(scores)) if scores else None


_PRACTICE_TEST_RE = quick_re.compile(
    rf"\b{PRACTICE_TESTS}(?:\s*(?:form|#)?\s*-?\s*\d{{1,3}}(?!\d))?"
    r"(?:\s+(?:(?:last|this)\s+\w+|yesterday|today|\d{1,2}\s+(?:days?|weeks?)\s+ago))?"
    r"(?:\s*,?(?:\s+(?!\d)(?!qs?\b|questions\b|blocks?\b)\w+){0,3}\s*(?:=|:|-|->|→)?\s*\d{2,3}(?!\d)\s*%?"
    r"(?!\s*(?:qs?|questions|blocks?)\b)"
    # "two NBMEs last week 245 & 249": the results listed after it
    r"(?:\s*(?:,|&|and|/)\s*\d{3}(?!\d)(?!\s*(?:qs?|questions|blocks?)\b))*)?"
)


_RESULT_ON_TEST_RE = quick_re.compile(
    rf"\b\d{{2,3}}(?!\d)\s*%?\s+(?:on|for|in|from)\s+(?:the\s+|my\s+)?"
    rf"(?:(?:last|latest|first|second|third|most recent|recent|new)\s+)?{PRACTICE_TESTS}\s*(?:form|#)?\s*-?\s*"
    r"(?:\d{1,2}(?!\d))?"
)
_DONE_SHARE_RE = quick_re.compile(
    r"\b\d{1,3}\s*%\s*(?:done|complete|completed|through|finished|of (?:uworld|uw|amboss))\b"
)
_AVERAGE_PERCENT_RE = quick_re.compile(
    r"\b(?:avg|average|averaging|1st pass|first pass)\s*(?:of|is|at|=|:)?\s*(\d{2})(?!\d|\s*%)\b"
)


_SHARE_ELSEWHERE_RE = quick_re.compile(
    r"\b(?:everything|the rest|rest|others?|other (?:subjects|systems|blocks))\s+(?:else\s+)?"
    r"(?:is|are|s|at|around|about)?\s*(?:like\s+|around\s+|about\s+|~\s*)?\d{2}(?:\s*s)?\b(?!\s*(?:q|qs|questions)\b)"
)
"""The share scored elsewhere ("50% on OB, everything else is like 65"): a comparison, no count of questions."""
_QUOTED_SPAN_RE = quick_re.compile(
    r"(?:(?<=\s)|^)['\"‘“](?!(?:til|cause|em|bout|n)\b|\d)([^'\"’”\n]{1,60}?)(?<!s)['\"’”](?![a-z])"
)
"""Words in quotation marks, opened after a space (never the apostrophe of "i'm" or "don't", nor of "'til" or "'24",
and never closed by a plural's apostrophe: "my classmates' advice")."""
_SHARED_PERCENT_RE = quick_re.compile(r"\b([2-9]\d)\s*(?:and|&|,)\s*([2-9]\d|100)\s*%")
"""Two percents sharing one sign ("68 and 71%")."""


def tells_blocks(text: str) -> bool:
    """Blocks told by number ("2 blocks", "half a block", "blocks today: 70, 62"), as `parse_progress` reads them."""
    return _BLOCKS_RE.search(fold(text)) is not None


def parse_progress(text: str) -> tuple[int | None, int | None]:
    """(questions done, percent correct) from "did another 40 qs, got 70%" or "28/40"; each may be None.

    A fraction counts its denominator as questions and gives the percentage; counts
    over 1000 and percentages over 100 are dropped as typos. Blocks are not questions: "2 blocks,
    70/74" logs no count and the blocks' mean percent.
    """
    # "nbme 11 was 238", "free 120: 78%", "236 on nbme 10": a practice test's form and result are no
    # question count; "uworld 100% done" is how far through, not how many right.
    t = _DONE_SHARE_RE.sub(" ", _PRACTICE_TEST_RE.sub(" ", _RESULT_ON_TEST_RE.sub(" ", fold(text))))
    t = _SHARE_ELSEWHERE_RE.sub(" ", t)
    t = _QUOTED_SPAN_RE.sub(" ", t)  # "some programs want 'green card + 240'": someone's words, no count of theirs
    t = _WRONG_OF_RE.sub(_right_of, t)  # "15 wrong out of 40": 25 of 40 right
    t = _OUT_OF_RE.sub(r"\1/\2 questions", t)  # "40 correct out of 80": a fraction of questions, not two scores
    t = _SHARED_PERCENT_RE.sub(r"\1% and \2%", t)  # "68 and 71%": both blocks' percents, the sign said once
    average = _AVERAGE_PERCENT_RE.search(t)  # "1st pass avg 66": a percent correct
    if average is not None:
        t = f"{t[: average.start()]} {average[1]}% {t[average.end() :]}"
    percent: int | None = None
    count: int | None = None
    if _BLOCKS_RE.search(t) and not _QUESTION_WORD_RE.search(t):
        return None, _block_percent(t)
    sized = _SIZED_BLOCKS_RE.search(t)  # "3 blocks of 40 questions": 120 questions
    if sized and int(sized[1]) * int(sized[2]) <= 1000:
        pct = _PERCENT_RE.search(t)
        return int(sized[1]) * int(sized[2]), int(pct[1]) if pct and int(pct[1]) <= 100 else None
    frac = _FRACTION_RE.search(t)
    if frac and 0 < int(frac[2]) <= 1000 and int(frac[1]) <= int(frac[2]):
        count, percent = int(frac[2]), round(100 * int(frac[1]) / int(frac[2]))
        t = t[: frac.start()] + " " + t[frac.end() :]
    pct = _PERCENT_RE.search(t)
    if pct and int(pct[1]) <= 100:
        percent = int(pct[1])
    if count is None:
        count = parse_done_count(t)
    return count, percent


# ----------------------------------------------------------------------------- pace

_LEFT_RE = quick_re.compile(
    # "1,400 left" is 1400: a thousands comma is part of the count, never where it starts
    r"(?<![\d,])(\d{3,5}|\d{1,2},\d{3})\s*(?:uworld\s+|uw\s+|amboss\s+|new\s+)?(?:q|qs|questions?|ques)?\s*"
    r"(?:left|remaining|to go|to do)\b"
    r"|\b(?:have|got)\s+(\d{3,5}|\d{1,2},\d{3})\s+(?:uworld\s+|uw\s+)?(?:q|qs|questions?)\b"
    r"(?!\s*(?:done|finished|completed|today))"
)
_DAYS_HAVE_RE = quick_re.compile(r"\b(\d{1,3})\s*(days?|d|weeks?|wks?|w)\b(?!\s*(?:ago|a week|per|/))")


def questions_left(text: str) -> int | None:
    """The questions a student says are left ("1400 left", "I have 2,400 uworld qs"), or None."""
    left = _LEFT_RE.search(fold(text))
    return int((left.group(1) or left.group(2)).replace(",", "")) if left else None


def days_to_exam(text: str, today: date) -> int | None:
    """The days to the exam a message tells ("exam on the 28th", "38 days left", "6 weeks out"), or None."""
    found = find_exam_date(text, today)
    if isinstance(found, date):
        return (found - today).days
    span = _DAYS_HAVE_RE.search(fold(text))
    if span is None:
        return None
    return int(span.group(1)) * (7 if span.group(2).startswith("w") else 1)


_DAYS_LEFT_SAID_RE = quick_re.compile(
    r"\b(\d{1,3})\s+(days?|weeks?|wks?)\s+(?:left|out|away|to go|until|till|before)\b"
    r"|\b(?:in|last|these last|remaining)\s+(\d{1,3})\s+(days?|weeks?|wks?)\b"
)


def days_out(norm: str) -> int:
    """The days to the exam a message counts in so many words ("19 days left", "in 3 weeks", "these last 19 days"),
    0 if none: narrower than `days_to_exam`'s span, which takes any "N days" ("studied 40 days")."""
    found = _DAYS_LEFT_SAID_RE.search(norm)
    if found is None:
        return 0
    count, unit = (found.group(1), found.group(2)) if found.group(1) else (found.group(3), found.group(4))
    return int(count) * (7 if unit.startswith("w") else 1)


def questions_per_day(text: str, today: date) -> tuple[int, int] | None:
    """(questions left, days left) said in one message ("exam on the 28th, 1400 left", "30 days and 2000 left"):
    the arithmetic a student asks for when they ask how many a day. None unless both are there."""
    count = questions_left(text)
    days = days_to_exam(text, today) if count is not None else None
    return (count, days) if count and days and days > 0 else None
