"""Study plans: parsing a student's answers, laying out phases, and timing the daily nudges.

Everything here is pure: no clock, no I/O, no transport. Callers pass `today` (a local
date) or `now` (an aware datetime) explicitly, which is what makes DST and "missed while
the bot was down" behaviour testable with fixed values.

How a transport is meant to drive it, for every stored plan:

* schedule a wake-up at `next_nudge_at(plan, now)`; when it fires, ask
  `due_day(plan, now)` and, if it returns a day, send `nudge_for(plan, day, knowledge)`
  and store the returned plan (its `last_nudged` is the guard against a second send);
* after the exam (`exam_passed(plan, now)`, first possible at `farewell_at(plan)`), send
  `farewell_for(plan, knowledge)` once and store the finished plan.

Design decisions worth knowing:

* Phases are laid out from `plan.created` to the exam, so they do not drift as days pass;
  editing the exam date re-lays them from the edit day (the flow resets `created`).
* Self-assessments are dated checkpoints carried on the phase they fall in
  (`Phase.checkpoints`): the last one a week before the exam, weekly in the final four
  weeks, fortnightly before that, plus a baseline the day after a long-runway plan
  starts. `self_assessment_days` moves each onto the nearest study day.
* The eve of the exam is its own "Rest" phase, and it always gets one short
  "rest, you're ready" nudge, even when it is not one of the student's study weekdays.
  Nothing is sent on or after exam day except the farewell.
* Wall-clock nudge times are resolved per local day with zoneinfo, so 07:00 stays 07:00
  across DST; a time inside a spring-forward gap fires at the first instant after the
  gap; an ambiguous (fall-back) time fires at its first occurrence, once.
"""

from __future__ import annotations

import calendar
import functools
import re
import zoneinfo
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Any, Literal, cast

from bot.reply import Button, Reply, escape_text
from knowledge import Knowledge
from knowledge.models import Tip
from knowledge.text import fold as _clean

Status = Literal["active", "paused", "stopped", "finished"]
STATUSES: tuple[Status, ...] = ("active", "paused", "stopped", "finished")

MAX_DAYS_AHEAD = 365
"""The furthest exam date we plan for; beyond a year the phases would be guesswork."""

TRIAGE_DAYS = 14
"""With fewer days than this left, the plan is a question-bank-first triage."""

SNOOZE_MINUTES = 60

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# --------------------------------------------------------------------------- helpers


def fmt_day(d: date, *, year: bool = False) -> str:
    """A date the way a phone screen wants it: 'Wed, Mar 3' (', 2027' with year=True)."""
    out = f"{WEEKDAY_NAMES[d.weekday()]}, {calendar.month_abbr[d.month]} {d.day}"
    return f"{out}, {d.year}" if year else out


def _fmt_short(d: date) -> str:
    """'Mar 3' — for ranges and lists where the weekday would only add noise."""
    return f"{calendar.month_abbr[d.month]} {d.day}"


def fmt_time(t: time) -> str:
    """24-hour 'HH:MM', unambiguous for students in any country."""
    return f"{t.hour:02d}:{t.minute:02d}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


_NUMBER_WORDS = {
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
_NUMBER_WORD_RE = "|".join(_NUMBER_WORDS)


def _to_int(token: str) -> int:
    """A digit string or a number word (one..twelve, a/an) as an int."""
    if token.isdigit():
        return int(token)
    return _NUMBER_WORDS.get(token, 1)  # "a" / "an"


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

_ISO_RE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_US_RE = re.compile(r"(?<![\d/.-])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
_MONTH_DAY_RE = re.compile(rf"\b{_MON}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?")
_DAY_MONTH_RE = re.compile(rf"(?<![\d/])(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\b\.?(?:,?\s+(\d{{4}})\b)?")
# "6 weeks", "in 40 days", "in 2 months", "six weeks" — but not "5 days a week" (that's
# an answer about study days) and not "6 weeks ago".
_UNIT = r"(days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?)"
_NOT_RATE = r"(?!\s*(?:a|per|each|every|/|a\s+wk)\s*(?:week|wk)\b)(?!\s+ago\b)"
_RELATIVE_RE = re.compile(rf"\b(?:in\s+)?(\d{{1,3}}|{_NUMBER_WORD_RE})\s*{_UNIT}\b{_NOT_RATE}")
_RELATIVE_A_RE = re.compile(rf"\bin\s+(an?)\s+(day|week|month|year)\b{_NOT_RATE}")
_TOMORROW_RE = re.compile(r"\b(?:(?:the\s+)?(day\s+after\s+)?)(tomorrow|tmrw|tmr)\b")
_TODAY_RE = re.compile(r"\b(today|tonight|this\s+morning|this\s+afternoon)\b")
_WEEKDAY_RE = re.compile(rf"\b(?:(?:next|this|coming|on)\s+)?{_FULL_WEEKDAY}\b|\b(?:next|this)\s+{_SHORT_WEEKDAY}\b")

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
        add(m, _calendar_date(_year(m[3]), _MONTHS[m[2][:3]], int(m[1]), today))
    for m in (*_RELATIVE_RE.finditer(text), *_RELATIVE_A_RE.finditer(text)):
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
    for m in _WEEKDAY_RE.finditer(text):
        wanted = _WEEKDAYS[m[1] or m[2]]
        # The nearest such weekday strictly after today ("friday" on a Friday = a week on);
        # the reply always echoes the date, so a student who meant a week later can say so.
        ahead = (wanted - today.weekday() - 1) % 7 + 1
        add(m, _check_range(today + timedelta(days=ahead), today))
    return found


def find_exam_date(text: str, today: date) -> date | str | None:
    """The exam date mentioned anywhere in a sentence, a reason it can't be used, or None.

    "make me a study plan, exam on March 3" -> date; "test in 6 weeks" -> date;
    "exam was March 3 2020" -> reason (past); "make me a plan" -> None.
    """
    matches = _date_matches(_clean(text), today)
    if not matches:
        return None
    # A usable date beats a refused one ("I study 24/7, exam in 6 weeks"); among equals
    # the earliest phrase wins, and at the same start the longest ("day after tomorrow").
    matches.sort(key=lambda m: (isinstance(m[2], str), m[0], -(m[1] - m[0])))
    return matches[0][2]


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


# ------------------------------------------------------------------ days, time, zone

_DAYS_HINT = "Send a number from 1 to 7, e.g. “5” or “weekdays”."


def parse_study_days(text: str) -> int | str:
    """Study days per week, 1-7, or a reason: "5", "5 days", "weekdays", "daily", "6 days a week"."""
    t = _clean(text)
    if re.search(r"\b(every\s*day|daily|all\s+week|7\s*/\s*7)\b", t):
        return 7
    if re.search(r"\b(week\s*days|mon(?:day)?\s*(?:-|to|through)\s*fri(?:day)?)\b", t):
        return 5
    m = re.search(rf"(?<![\d.-])(\d+|{_NUMBER_WORD_RE}|zero|none)(?![\d.])", t)
    if not m:
        return f"I didn't catch how many days. {_DAYS_HINT}"
    token = m[1]
    n = 0 if token in ("zero", "none") else _to_int(token)
    if n > 7:
        return f"A week only has 7 days 🙂 {_DAYS_HINT}"
    if n < 1:
        return f"A plan needs at least one study day a week. {_DAYS_HINT}"
    return n


_TIME_HINT = "Try “7am”, “7:30 pm” or “19:30”."
_TIME_RE = re.compile(
    r"^(?:at\s+|around\s+|about\s+)?(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(?:o'?clock)?\s*"
    r"(am|pm|a|p)?\s*(?:in\s+the\s+(morning|afternoon|evening)|at\s+(night)|(tonight))?$"
)
_NOON = frozenset({"noon", "midday", "12 noon", "lunchtime", "lunch"})
_MIDNIGHT = frozenset({"midnight", "12 midnight"})


def parse_nudge_time(text: str) -> time | str:
    """A local wall-clock time, or a reason: "7am", "7:30 am", "19:30", "7 pm", "noon", "8".

    A bare hour is 24-hour ("8" is 08:00, "20" is 20:00).
    """
    t = _clean(text).rstrip(".! ")
    t = re.sub(r"\b([ap])\.\s*m\b\.?", r"\1m", t)  # "7 a.m." -> "7 am"
    if t in _NOON:
        return time(12, 0)
    if t in _MIDNIGHT:
        return time(0, 0)
    meridiem: str | None = None
    part: str | None = None
    compact = re.fullmatch(r"(\d{2})(\d{2})", t)  # "0730", "1930"
    if compact:
        hour, minute = int(compact[1]), int(compact[2])
    else:
        m = _TIME_RE.match(t)
        if not m:
            return f"I couldn't read a time in that. {_TIME_HINT}"
        hour, minute = int(m[1]), int(m[2] or 0)
        meridiem, part = m[3], m[4] or m[5] or m[6]
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


@dataclass(frozen=True)
class ZoneChoice:
    """A time zone a student chose: `tz` is an IANA name ("Europe/London") or "UTC+05:30"."""

    tz: str

    @property
    def is_offset(self) -> bool:
        """True for a fixed UTC offset (no DST), False for an IANA zone."""
        return _OFFSET_TZ_RE.fullmatch(self.tz) is not None


_OFFSET_TZ_RE = re.compile(r"UTC([+-])(\d{2}):(\d{2})")
_OFFSET_INPUT_RE = re.compile(r"^(?:utc|gmt|z)?\s*([+-])\s*(\d{1,2})(?:\s*:?\s*(\d{2}))?\s*(?:h|hrs?|hours?)?$")
_UTC_WORDS = {"utc", "gmt", "z", "zulu", "utc+0", "utc-0", "gmt+0", "utc 0", "universal"}

# Names students use that are not (the last part of) an IANA zone name. Abbreviations mean
# the DST-aware zone students have in mind ("EST" in July still means New York time),
# which is why they win over IANA's fixed-offset "EST"/"MST"/"HST".
_ZONE_ALIASES: dict[str, str] = {
    "eastern": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "et": "America/New_York",
    "us eastern": "America/New_York",
    "nyc": "America/New_York",
    "ny": "America/New_York",
    "boston": "America/New_York",
    "philadelphia": "America/New_York",
    "washington": "America/New_York",
    "washington dc": "America/New_York",
    "dc": "America/New_York",
    "miami": "America/New_York",
    "atlanta": "America/New_York",
    "baltimore": "America/New_York",
    "pittsburgh": "America/New_York",
    "new jersey": "America/New_York",
    "florida": "America/New_York",
    "central": "America/Chicago",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "ct": "America/Chicago",
    "houston": "America/Chicago",
    "dallas": "America/Chicago",
    "austin": "America/Chicago",
    "san antonio": "America/Chicago",
    "minneapolis": "America/Chicago",
    "nashville": "America/Chicago",
    "st louis": "America/Chicago",
    "saint louis": "America/Chicago",
    "new orleans": "America/Chicago",
    "texas": "America/Chicago",
    "mountain": "America/Denver",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "mt": "America/Denver",
    "salt lake city": "America/Denver",
    "arizona": "America/Phoenix",
    "pacific": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "pt": "America/Los_Angeles",
    "san francisco": "America/Los_Angeles",
    "sf": "America/Los_Angeles",
    "la": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "san diego": "America/Los_Angeles",
    "las vegas": "America/Los_Angeles",
    "portland": "America/Los_Angeles",
    "california": "America/Los_Angeles",
    "alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu",
    "hst": "Pacific/Honolulu",
    "ottawa": "America/Toronto",
    "montreal": "America/Toronto",
    "calgary": "America/Edmonton",
    "puerto rico": "America/Puerto_Rico",
    "trinidad": "America/Port_of_Spain",
    "st maarten": "America/Lower_Princes",
    "sint maarten": "America/Lower_Princes",
    "saint martin": "America/Marigot",
    "st kitts": "America/St_Kitts",
    "st lucia": "America/St_Lucia",
    "st vincent": "America/St_Vincent",
    "uk": "Europe/London",
    "britain": "Europe/London",
    "great britain": "Europe/London",
    "england": "Europe/London",
    "scotland": "Europe/London",
    "wales": "Europe/London",
    "bst": "Europe/London",
    "ireland": "Europe/Dublin",
    "germany": "Europe/Berlin",
    "france": "Europe/Paris",
    "spain": "Europe/Madrid",
    "italy": "Europe/Rome",
    "netherlands": "Europe/Amsterdam",
    "russia": "Europe/Moscow",
    "ukraine": "Europe/Kyiv",
    "cet": "Europe/Paris",
    "cest": "Europe/Paris",
    "india": "Asia/Kolkata",
    "ist": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "bombay": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata",
    "chennai": "Asia/Kolkata",
    "hyderabad": "Asia/Kolkata",
    "pune": "Asia/Kolkata",
    "ahmedabad": "Asia/Kolkata",
    "pakistan": "Asia/Karachi",
    "pkt": "Asia/Karachi",
    "lahore": "Asia/Karachi",
    "islamabad": "Asia/Karachi",
    "rawalpindi": "Asia/Karachi",
    "bangladesh": "Asia/Dhaka",
    "nepal": "Asia/Kathmandu",
    "sri lanka": "Asia/Colombo",
    "philippines": "Asia/Manila",
    "cebu": "Asia/Manila",
    "china": "Asia/Shanghai",
    "beijing": "Asia/Shanghai",
    "japan": "Asia/Tokyo",
    "korea": "Asia/Seoul",
    "south korea": "Asia/Seoul",
    "vietnam": "Asia/Ho_Chi_Minh",
    "saigon": "Asia/Ho_Chi_Minh",
    "hanoi": "Asia/Ho_Chi_Minh",
    "thailand": "Asia/Bangkok",
    "malaysia": "Asia/Kuala_Lumpur",
    "indonesia": "Asia/Jakarta",
    "taiwan": "Asia/Taipei",
    "uae": "Asia/Dubai",
    "abu dhabi": "Asia/Dubai",
    "gst": "Asia/Dubai",
    "saudi": "Asia/Riyadh",
    "saudi arabia": "Asia/Riyadh",
    "jeddah": "Asia/Riyadh",
    "qatar": "Asia/Qatar",
    "doha": "Asia/Qatar",
    "kuwait": "Asia/Kuwait",
    "iran": "Asia/Tehran",
    "iraq": "Asia/Baghdad",
    "jordan": "Asia/Amman",
    "lebanon": "Asia/Beirut",
    "syria": "Asia/Damascus",
    "israel": "Asia/Jerusalem",
    "tel aviv": "Asia/Jerusalem",
    "turkey": "Europe/Istanbul",
    "ankara": "Europe/Istanbul",
    "nigeria": "Africa/Lagos",
    "abuja": "Africa/Lagos",
    "wat": "Africa/Lagos",
    "egypt": "Africa/Cairo",
    "ghana": "Africa/Accra",
    "kenya": "Africa/Nairobi",
    "eat": "Africa/Nairobi",
    "ethiopia": "Africa/Addis_Ababa",
    "uganda": "Africa/Kampala",
    "south africa": "Africa/Johannesburg",
    "cape town": "Africa/Johannesburg",
    "sudan": "Africa/Khartoum",
    "morocco": "Africa/Casablanca",
    "brazil": "America/Sao_Paulo",
    "rio": "America/Sao_Paulo",
    "mexico": "America/Mexico_City",
    "colombia": "America/Bogota",
    "peru": "America/Lima",
    "argentina": "America/Argentina/Buenos_Aires",
    "australia": "Australia/Sydney",
    "canberra": "Australia/Sydney",
    "aest": "Australia/Sydney",
    "new zealand": "Pacific/Auckland",
    "nz": "Pacific/Auckland",
    "wellington": "Pacific/Auckland",
}

# IANA areas whose last component is a real place (excludes "Etc/GMT+5", "US/Eastern", ...).
_AREAS = frozenset({"Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"})


@functools.cache
def _zone_indexes() -> tuple[dict[str, str], dict[str, str]]:
    """(full-name index, city index) over every zone this machine knows, built once."""
    full: dict[str, str] = {}
    city: dict[str, str] = {}
    # Fewer components first, so "America/Indianapolis" beats "America/Indiana/Indianapolis".
    for name in sorted(zoneinfo.available_timezones(), key=lambda n: (n.count("/"), n)):
        full[name.casefold().replace("_", " ")] = name
        parts = name.split("/")
        if len(parts) > 1 and parts[0] in _AREAS:
            city.setdefault(parts[-1].casefold().replace("_", " "), name)
    return full, city


def _offset_tz(sign: str, hours: int, minutes: int) -> str | None:
    """'UTC+05:30' for a real-world offset (-12:00..+14:00), else None."""
    total = hours * 60 + minutes
    if minutes > 59 or total > (14 * 60 if sign == "+" else 12 * 60):
        return None
    if total == 0:
        return "UTC"
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def _zone_lookup(key: str) -> str | None:
    """Resolve one cleaned candidate string to a stored tz, or None."""
    key = key.strip(" .,!?")
    if not key:
        return None
    if key in _UTC_WORDS:
        return "UTC"
    m = _OFFSET_INPUT_RE.match(key)
    if m:
        return _offset_tz(m[1], int(m[2]), int(m[3] or 0)) or ""
    spaced = key.replace("_", " ")
    if spaced in _ZONE_ALIASES:
        return _ZONE_ALIASES[spaced]
    full, city = _zone_indexes()
    return full.get(spaced) or city.get(spaced)


_ZONE_FILLER = re.compile(
    r"^(?:i\s*(?:am|'m)\s+(?:in|from)|i\s+live\s+in|i'm\s+based\s+in|based\s+in|in|from"
    r"|my\s+time\s*zone\s+is|time\s*zone(?:\s+is)?|tz)\s+"
)
_ZONE_SUFFIX = re.compile(r"\s+(?:(?:standard|daylight|summer)\s+)?time(?:\s+zone)?$")


def parse_timezone(text: str) -> ZoneChoice | str:
    """An IANA zone or a fixed UTC offset from what a student typed, or a reason.

    Accepts IANA names in any case ("europe/london"), the city part of any IANA name
    ("Chicago", "new york", "são paulo"), common aliases ("India", "EST", "Pacific", "UK")
    and offsets ("UTC+5:30", "GMT-4", "+03:00", "utc").
    """
    t = _clean(text)
    candidates = [t]
    stripped = _ZONE_FILLER.sub("", t)
    candidates.append(stripped)
    candidates.append(_ZONE_SUFFIX.sub("", stripped))
    if "," in stripped:  # "Chicago, IL" / "Toronto, Canada"
        candidates.extend(part.strip() for part in stripped.split(","))
    for candidate in candidates:
        found = _zone_lookup(candidate)
        if found == "":
            return "That offset doesn't exist on Earth — offsets run from UTC-12 to UTC+14."
        if found:
            return ZoneChoice(found)
    shown = text.strip()[:40]
    start = f"I don't know the time zone “{shown}”." if shown else "I didn't catch a time zone."
    return f"{start} Send a city (e.g. Chicago, London, Lagos, Mumbai) or an offset like UTC+5:30."


def zone(tz: str) -> tzinfo:
    """The tzinfo for a stored zone string (IANA name or 'UTC+05:30').

    An unknown name falls back to UTC rather than raising, so one odd stored plan can
    never stop the nudge loop for everyone else.
    """
    m = _OFFSET_TZ_RE.fullmatch(tz)
    if m:
        delta = timedelta(hours=int(m[2]), minutes=int(m[3]))
        return timezone(delta if m[1] == "+" else -delta, tz)
    try:
        return zoneinfo.ZoneInfo(tz)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return UTC


# ------------------------------------------------------------------------------ plan


@dataclass
class Plan:
    """Everything a student chose plus the nudge bookkeeping; JSON-friendly via to_dict."""

    exam_date: date
    study_days: int
    nudge_time: time
    tz: str
    created: date
    """The local day the phases are laid out from (reset when the exam date is edited)."""
    practice_score: int | None = None
    target_specialty: str | None = None
    status: Status = "active"
    last_nudged: date | None = None
    """LOCAL date of the last nudge sent: the guard against sending twice for one day."""
    snoozed_until: datetime | None = None
    """Aware UTC; no nudge goes out before it."""
    tips_used: list[str] = field(default_factory=list)
    """Tip ids already sent in this rotation."""
    done_log: dict[str, int] = field(default_factory=dict)
    """Local ISO date -> questions done that day (0 when they just said "done")."""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types only; `Plan.from_dict(p.to_dict()) == p`."""
        return {
            "exam_date": self.exam_date.isoformat(),
            "study_days": self.study_days,
            "nudge_time": self.nudge_time.isoformat(),
            "tz": self.tz,
            "created": self.created.isoformat(),
            "practice_score": self.practice_score,
            "target_specialty": self.target_specialty,
            "status": self.status,
            "last_nudged": self.last_nudged.isoformat() if self.last_nudged else None,
            "snoozed_until": self.snoozed_until.isoformat() if self.snoozed_until else None,
            "tips_used": list(self.tips_used),
            "done_log": dict(self.done_log),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Plan:
        """Rebuild a plan from `to_dict` output; keys with defaults may be missing."""
        status = d.get("status") or "active"
        snoozed = d.get("snoozed_until")
        snoozed_dt = datetime.fromisoformat(snoozed) if snoozed else None
        if snoozed_dt is not None and snoozed_dt.tzinfo is None:
            snoozed_dt = snoozed_dt.replace(tzinfo=UTC)
        last = d.get("last_nudged")
        return cls(
            exam_date=date.fromisoformat(d["exam_date"]),
            study_days=int(d["study_days"]),
            nudge_time=time.fromisoformat(d["nudge_time"]),
            tz=str(d.get("tz") or "UTC"),
            created=date.fromisoformat(d["created"]),
            practice_score=d.get("practice_score"),
            target_specialty=d.get("target_specialty"),
            status=cast(Status, status) if status in STATUSES else "active",
            last_nudged=date.fromisoformat(last) if last else None,
            snoozed_until=snoozed_dt,
            tips_used=[str(t) for t in d.get("tips_used") or ()],
            done_log={str(k): int(v) for k, v in (d.get("done_log") or {}).items()},
        )


def changed(plan: Plan, **changes: Any) -> Plan:
    """`replace` with fresh containers, so no two plans ever share a list or dict."""
    changes.setdefault("tips_used", list(plan.tips_used))
    changes.setdefault("done_log", dict(plan.done_log))
    return replace(plan, **changes)


# Rest days spread through the week rather than bunched: 4 days keeps Wednesday off so
# no stretch is longer than two days; fewer days lean on the weekend.
_WEEKDAY_SETS: dict[int, frozenset[int]] = {
    1: frozenset({5}),
    2: frozenset({2, 5}),
    3: frozenset({0, 2, 4}),
    4: frozenset({0, 1, 3, 4}),
    5: frozenset({0, 1, 2, 3, 4}),
    6: frozenset({0, 1, 2, 3, 4, 5}),
    7: frozenset(range(7)),
}


def weekdays_for(study_days: int) -> frozenset[int]:
    """Study weekdays (0 = Monday) for a number of days a week, clamped to 1-7."""
    return _WEEKDAY_SETS[min(7, max(1, study_days))]


def study_weekdays(plan: Plan) -> frozenset[int]:
    """The plan's study weekdays (0 = Monday): 5 -> Mon-Fri, 6 -> Mon-Sat, 4 -> Mon/Tue/Thu/Fri."""
    return weekdays_for(plan.study_days)


def describe_weekdays(days: frozenset[int]) -> str:
    """'Mon–Fri' for a run, 'every day' for all seven, else 'Mon, Tue, Thu, Fri'."""
    ordered = sorted(days)
    if len(ordered) == 7:
        return "every day"
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{WEEKDAY_NAMES[ordered[0]]}–{WEEKDAY_NAMES[ordered[-1]]}"
    return ", ".join(WEEKDAY_NAMES[d] for d in ordered)


def _is_study_day(plan: Plan, d: date) -> bool:
    """A day the plan expects study on: a study weekday before the eve of the exam."""
    return d < plan.exam_date - timedelta(days=1) and d.weekday() in study_weekdays(plan)


def _is_nudge_day(plan: Plan, d: date) -> bool:
    """Study days, plus the eve of the exam (one short "rest, you're ready" nudge)."""
    return _is_study_day(plan, d) or d == plan.exam_date - timedelta(days=1)


# ---------------------------------------------------------------------------- phases


@dataclass(frozen=True)
class Phase:
    """A stretch of the plan, both ends inclusive, with what to focus on."""

    name: str
    start: date
    end: date
    focus: str
    checkpoints: tuple[date, ...] = ()
    """Self-assessment dates (full practice tests) that fall inside this phase."""


FOUNDATIONS = ("Content review", "Go system by system, with a daily untimed question block in tutor mode.")
MAIN = ("Content review + QBank", "Daily timed, mixed question blocks; review every explanation and patch weak topics.")
QBANK = ("Question bank", "Timed, mixed blocks daily; review every explanation; revisit weak systems.")
FINAL = ("Final review", "Timed mixed blocks, your weak areas and high-yield notes; no new resources.")
TRIAGE = (
    "Triage: questions first",
    "Timed blocks on high-yield topics and your weakest areas; read every explanation; skip big new resources.",
)
TRIAGE_FINAL = ("Final review", "High-yield notes and your missed questions, plus one light block to stay sharp.")
REST = ("Rest", "No new material: light review at most, sort exam-day logistics, sleep early.")
SELF_ASSESSMENT = (
    "Self-assessment day: a full practice test under exam conditions, then review it to aim the next days."
)


def _checkpoints(exam_date: date, floor: date) -> list[date]:
    """Self-assessments counted back from a week before the exam, down to `floor`.

    Weekly inside the last four weeks (when scores move fastest and feedback matters),
    fortnightly before that, so a long runway doesn't burn through every practice form.
    """
    out: list[date] = []
    d = exam_date - timedelta(days=7)
    while d >= floor:
        out.append(d)
        d -= timedelta(days=7 if (exam_date - d).days < 28 else 14)
    return sorted(out)


def _phase(spec: tuple[str, str], start: date, end: date, sas: Sequence[date]) -> Phase:
    return Phase(spec[0], start, end, spec[1], tuple(d for d in sas if start <= d <= end))


def build_phases(exam_date: date, today: date) -> list[Phase]:
    """Dated, contiguous phases from `today` to the eve of the exam (empty if no days left).

    Sizing by days left (n = study days before the eve):
    * under 14 days: a triage plan — questions first on high-yield weak areas, a short
      final review when there are 6+ days, one self-assessment when there are 3+ days;
    * otherwise: the final review takes the last 7 days (14 when 5+ weeks are left); the
      rest is content review + question bank, split into a content-review phase and an
      8-week question-bank phase when that main block would be 10 weeks or more.
    The day before the exam is always its own "Rest" phase.
    """
    days_left = (exam_date - today).days
    if days_left < 1:
        return []
    eve = exam_date - timedelta(days=1)
    rest = Phase(REST[0], eve, eve, REST[1])
    n = days_left - 1
    if n == 0:
        return [rest]
    last = eve - timedelta(days=1)
    one = timedelta(days=1)

    if days_left < TRIAGE_DAYS:
        # One self-assessment: a week out when there's room, else as early as possible,
        # so the result can still aim the remaining days. With 1-2 days it would cost
        # the time it is meant to guide, so it is left out.
        sas = [max(today + one, exam_date - timedelta(days=7))] if n >= 3 else []
        if n >= 6:
            final_start = exam_date - timedelta(days=4)
            return [_phase(TRIAGE, today, final_start - one, sas), _phase(TRIAGE_FINAL, final_start, last, sas), rest]
        return [_phase(TRIAGE, today, last, sas), rest]

    final_len = 7 if n < 35 else 14
    main_len = n - final_len
    final_start = last - timedelta(days=final_len - 1)
    if main_len >= 70:
        qbank_start = final_start - timedelta(days=56)
        # A baseline the day after starting shows where the long content phase should dig.
        sas = [today + one, *_checkpoints(exam_date, qbank_start)]
        return [
            _phase(FOUNDATIONS, today, qbank_start - one, sas),
            _phase(QBANK, qbank_start, final_start - one, sas),
            _phase(FINAL, final_start, last, sas),
            rest,
        ]
    sas = _checkpoints(exam_date, today + one)
    return [_phase(MAIN, today, final_start - one, sas), _phase(FINAL, final_start, last, sas), rest]


def _plan_phases(plan: Plan) -> list[Phase]:
    """The plan's phases, laid out from the day it was created (or its exam-date edit)."""
    return build_phases(plan.exam_date, plan.created)


def self_assessment_days(plan: Plan) -> list[date]:
    """The plan's self-assessment dates, each moved onto the nearest study day.

    A checkpoint on a rest weekday moves back (then forward) by up to 6 days to a free
    study day after the plan was made and before the eve; if none, it is dropped.
    """
    out: list[date] = []
    eve = plan.exam_date - timedelta(days=1)
    for phase in _plan_phases(plan):
        for cp in phase.checkpoints:
            for shift in (0, -1, -2, -3, -4, -5, -6, 1, 2, 3, 4, 5, 6):
                d = cp + timedelta(days=shift)
                if plan.created < d < eve and _is_study_day(plan, d) and d not in out:
                    out.append(d)
                    break
    return sorted(out)


def focus_for(plan: Plan, day: date) -> str:
    """What `day` is for: the phase focus, a self-assessment, a rest day or exam day."""
    if day == plan.exam_date:
        return "Exam day: trust your preparation. Good luck!"
    if day > plan.exam_date:
        return "The exam is behind you."
    phases = _plan_phases(plan)
    phase = next((p for p in phases if p.start <= day <= p.end), phases[0] if phases else None)
    if phase is None:
        return "Keep your daily question block going."
    if phase.name == REST[0]:
        return f"{phase.name}: {phase.focus}"
    if day in self_assessment_days(plan):
        return SELF_ASSESSMENT
    if not _is_study_day(plan, day):
        return "Rest day: recharge; nothing is scheduled today."
    return f"{phase.name}: {phase.focus}"


def _specialty_line(plan: Plan, knowledge: Knowledge) -> str | None:
    """'Derm average: 257 (citation) — an average, not a cut-off.' (escaped HTML), or None."""
    spec = knowledge.specialties.get(plan.target_specialty or "")
    if spec is None:
        return None
    cite = escape_text(knowledge.cite(spec.source))  # the loader has checked every source exists
    return f"{escape_text(spec.short_name)} average: <b>{spec.average_step2}</b> ({cite}) — an average, not a cut-off."


def _days_left_text(days: int) -> str:
    if days > 1:
        return f"{days} days left"
    if days == 1:
        return "tomorrow!"
    return "today" if days == 0 else "passed"


def summary_html(plan: Plan, today: date, knowledge: Knowledge) -> str:
    """A compact, phone-sized summary of the plan in Telegram HTML."""
    days = (plan.exam_date - today).days
    lines = [
        "<b>📋 Your Step 2 CK plan</b>",
        f"📅 Exam: <b>{fmt_day(plan.exam_date, year=True)}</b> · {_days_left_text(days)}",
        f"📚 {plan.study_days} study days/week ({describe_weekdays(study_weekdays(plan))})",
        f"⏰ Nudges at {fmt_time(plan.nudge_time)} ({escape_text(plan.tz)})",
    ]
    if plan.practice_score is not None:
        lines.append(f"📝 Latest practice score: {plan.practice_score}")
    spec_line = _specialty_line(plan, knowledge)
    if spec_line:
        lines.append(f"🎯 {spec_line}")
    if plan.status == "paused":
        lines.append("⏸ Nudges are paused — send /resume to restart them.")
    elif plan.status in ("stopped", "finished"):
        lines.append(f"⏹ This plan is {plan.status}; no nudges are sent.")

    phases = [p for p in _plan_phases(plan) if p.end >= today]
    if phases:
        lines.append("")
        lines.append("<b>Phases</b>")
        for p in phases:
            span = fmt_day(p.start) if p.start == p.end else f"{_fmt_short(p.start)} – {_fmt_short(p.end)}"
            lines.append(f"• <b>{escape_text(p.name)}</b>, {span}: {escape_text(p.focus)}")
        upcoming = [d for d in self_assessment_days(plan) if d >= today]
        if upcoming:
            shown = ", ".join(_fmt_short(d) for d in upcoming[:6])
            more = f" (+{len(upcoming) - 6} more)" if len(upcoming) > 6 else ""
            lines.append(f"📝 Self-assessments: {shown}{more}")
    if days >= 0:
        lines.append("")
        lines.append(f"<b>Today:</b> {escape_text(focus_for(plan, today))}")
    return "\n".join(lines)


# ------------------------------------------------------------------------ scheduling


def _local_instant(day: date, wall: time, tz: tzinfo) -> datetime:
    """The UTC instant of local wall time `wall` on `day`, DST-correct.

    Ambiguous (fall-back) times resolve to their first occurrence. Nonexistent
    (spring-forward) times resolve to the first valid instant after the gap, i.e. the
    transition itself (02:30 New York on a spring-forward day -> 03:00 EDT).
    """
    naive = datetime.combine(day, wall)
    first = naive.replace(tzinfo=tz, fold=0)
    utc = first.astimezone(UTC)
    if utc.astimezone(tz).replace(tzinfo=None) == naive:
        return utc
    # In a gap the two folds straddle the transition; binary-search the first second
    # whose local wall time has reached `wall`.
    a, b = naive.replace(tzinfo=tz, fold=1).astimezone(UTC), utc
    lo, hi = min(a, b), max(a, b)
    while hi - lo > timedelta(seconds=1):
        mid = lo + (hi - lo) / 2
        if mid.astimezone(tz).replace(tzinfo=None) >= naive:
            hi = mid
        else:
            lo = mid
    return hi.replace(microsecond=0)


def _utc(now: datetime) -> datetime:
    """`now` as aware UTC; a naive value is taken to be UTC rather than server-local time."""
    return now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)


def _local_date(plan: Plan, now: datetime) -> date:
    return _utc(now).astimezone(zone(plan.tz)).date()


def next_nudge_at(plan: Plan, now: datetime) -> datetime | None:
    """The next UTC instant at or after `now` when a nudge is due, or None.

    It is the local nudge time on the next nudge day (study day or exam eve) not yet
    nudged, pushed back to `snoozed_until` when snoozed; equal to `now` when today's
    nudge is overdue (missed while the bot was down). A day whose nudge can no longer
    go out that same local day is skipped. None when paused/stopped/finished, or when
    no nudge day is left before the exam.
    """
    if plan.status != "active":
        return None
    now = _utc(now)
    tz = zone(plan.tz)
    d = _local_date(plan, now)
    while d < plan.exam_date:
        if (plan.last_nudged is None or d > plan.last_nudged) and _is_nudge_day(plan, d):
            at = max(_local_instant(d, plan.nudge_time, tz), now)
            if plan.snoozed_until is not None:
                at = max(at, plan.snoozed_until)
            if at.astimezone(tz).date() == d:
                return at.astimezone(UTC)
        d += timedelta(days=1)
    return None


def due_day(plan: Plan, now: datetime) -> date | None:
    """The local date whose nudge should be sent right now, or None.

    Due when the plan is active, today (local) is a nudge day not yet nudged, today's
    nudge time has passed and no snooze is running. A nudge missed while the bot was
    down is therefore sent late, once, the same local day, and never the next day.
    """
    if plan.status != "active":
        return None
    now = _utc(now)
    tz = zone(plan.tz)
    today = now.astimezone(tz).date()
    if plan.last_nudged is not None and today <= plan.last_nudged:
        return None
    if today >= plan.exam_date or not _is_nudge_day(plan, today):
        return None
    if now < _local_instant(today, plan.nudge_time, tz):
        return None
    if plan.snoozed_until is not None and now < plan.snoozed_until:
        return None
    return today


def first_nudge_day(plan: Plan, after: date) -> date | None:
    """The first local day after `after` that gets a nudge (study day or exam eve), or None."""
    d = after + timedelta(days=1)
    while d < plan.exam_date:
        if _is_nudge_day(plan, d):
            return d
        d += timedelta(days=1)
    return None


def exam_passed(plan: Plan, now: datetime) -> bool:
    """True once the local day after the exam has begun (exam day itself is not 'passed')."""
    return _local_date(plan, now) > plan.exam_date


def farewell_at(plan: Plan) -> datetime | None:
    """When to send the farewell: the nudge time on the day after the exam (UTC), or None
    for a plan that is stopped or already finished."""
    if plan.status in ("stopped", "finished"):
        return None
    return _local_instant(plan.exam_date + timedelta(days=1), plan.nudge_time, zone(plan.tz))


# ----------------------------------------------------------------------------- nudges

ENCOURAGEMENTS = (
    "Small, steady days add up. You've got this. 💪",
    "One block at a time: consistency beats intensity.",
    "Every explanation you read today is a question you'll get right later.",
    "Progress over perfection today.",
    "You showed up, and that's the hardest part.",
    "Exam-day you will thank today-you.",
    "Your score is built on ordinary days like this one.",
)

NUDGE_BUTTONS = ((Button("✅ Done", "/done"), Button("⏰ Snooze 1h", "/snooze"), Button("⏸ Pause", "/pause")),)


def tip_order(tips: Sequence[Tip]) -> list[Tip]:
    """Tips interleaved across strategies (one of each in turn), file order within each."""
    groups: dict[str, list[Tip]] = {}
    for tip in tips:
        groups.setdefault(tip.strategy, []).append(tip)
    out: list[Tip] = []
    for i in range(max((len(g) for g in groups.values()), default=0)):
        out.extend(g[i] for g in groups.values() if i < len(g))
    return out


def next_tip(plan: Plan, knowledge: Knowledge) -> tuple[Tip | None, list[str]]:
    """The next tip of the rotation and the updated `tips_used`; none repeats until all are used."""
    order = tip_order(knowledge.tips)
    used = [t for t in plan.tips_used if any(t == tip.id for tip in order)]
    remaining = [tip for tip in order if tip.id not in used]
    if not remaining:  # rotation complete (or the tips changed underneath us): start again
        used, remaining = [], order
    if not remaining:
        return None, list(plan.tips_used)
    return remaining[0], [*used, remaining[0].id]


def nudge_for(plan: Plan, day: date, knowledge: Knowledge) -> tuple[Reply, Plan]:
    """The nudge for local `day` and the plan with `last_nudged` (and tips) updated.

    Study day: days left, today's focus, one rotating tip, the target specialty's
    average when set, the streak and a word of encouragement, with Done / Snooze / Pause.
    Exam eve: a short "rest, you're ready" message, no tip and no buttons.
    """
    days = (plan.exam_date - day).days
    if days < 1:  # never scheduled (see next_nudge_at); answered sensibly all the same
        return Reply("<b>🍀 Exam day.</b> Trust your preparation. Good luck!"), changed(
            plan, last_nudged=day, snoozed_until=None
        )
    if days == 1:
        text = "\n".join(
            [
                "<b>🌙 Tomorrow is exam day.</b>",
                "Today is for rest: no new material, light review at most. Check your test "
                "center, ID and route, eat well and get to bed early.",
                "You've put in the work. You're ready. 🍀",
            ]
        )
        return Reply(text), changed(plan, last_nudged=day, snoozed_until=None)

    tip, used = next_tip(plan, knowledge)
    lines = [
        f"<b>📚 {_plural(days, 'day')} to Step 2 CK</b>",
        f"<b>Today:</b> {escape_text(focus_for(plan, day))}",
    ]
    if tip is not None:
        lines.append(f"💡 {escape_text(tip.text)}")
    spec_line = _specialty_line(plan, knowledge)
    if spec_line:
        lines.append(f"🎯 {spec_line}")
    run = streak(plan, day)
    if run:
        lines.append(f"🔥 Streak: {_plural(run, 'study day')}")
    lines.append(f"<i>{escape_text(ENCOURAGEMENTS[day.toordinal() % len(ENCOURAGEMENTS)])}</i>")
    updated = changed(plan, last_nudged=day, snoozed_until=None, tips_used=used)
    return Reply("\n".join(lines), NUDGE_BUTTONS), updated


def farewell_for(plan: Plan, knowledge: Knowledge) -> tuple[Reply, Plan]:
    """The after-exam congratulation and the plan marked finished (nudges stop for good).

    Returns (Reply, Plan) like `nudge_for`, since a pure function can't finish the plan
    in place.
    """
    questions = sum(plan.done_log.values())
    days = len(plan.done_log)
    lines = ["🎉 <b>You did it: Step 2 CK is done!</b>", "Congratulations on getting through exam day."]
    if days:
        logged = f"{questions:,} questions over " if questions else ""
        lines.append(f"You logged {logged}{_plural(days, 'study day')} with me. That's real work.")
    lines.append(
        "Take a proper break now; you've earned it. When your score comes in, send it "
        "to me and I'll show where it sits against specialty averages."
    )
    lines.append("Your plan is finished, so the nudges stop here. Send /plan any time to start a new one.")
    finished = changed(plan, status="finished", snoozed_until=None)
    return Reply("\n".join(lines)), finished


# ---------------------------------------------------------------- progress & controls

_DONE_RE = re.compile(r"(?<![\d.])(\d{1,4})(?![\d.])\s*(?:q|qs|qbank|questions?|ques|items?|mcqs?|problems?)?\b")


def parse_done_count(text: str) -> int | None:
    """Questions done from "/done 40 questions", "/done 40", "did 40 qs"; None for "done!".

    Counts over 1000 are ignored as typos rather than logged.
    """
    t = re.sub(r"^/done(?:@\w+)?", " ", _clean(text))
    m = _DONE_RE.search(t)
    if not m:
        return None
    n = int(m[1])
    return n if n <= 1000 else None


def streak(plan: Plan, today: date) -> int:
    """Days in the current unbroken run of logged days, counted back from `today`.

    Any logged day counts (a bonus day on a rest weekday too). Rest days without a log
    don't break the run, and neither does today before it has been logged.
    """
    if not plan.done_log:
        return 0
    earliest = min(date.fromisoformat(k) for k in plan.done_log)
    count, d = 0, today
    while d >= earliest:
        if d.isoformat() in plan.done_log:
            count += 1
        elif _is_study_day(plan, d) and d != today:
            break
        d -= timedelta(days=1)
    return count


def record_done(plan: Plan, today: date, count: int | None) -> tuple[Plan, Reply]:
    """Log today's work (`count` questions, or just "done") and reply with the streak."""
    key = today.isoformat()
    log = dict(plan.done_log)
    log[key] = log.get(key, 0) + (count or 0)
    updated = changed(plan, done_log=log)
    run = streak(updated, today)
    if count:
        first = f"✅ Logged {_plural(count, 'question')}"
        first += f" ({log[key]} today in total)." if log[key] != count else " for today."
    else:
        first = "✅ Marked today as done."
    lines = [first]
    if not _is_study_day(plan, today) and today < plan.exam_date - timedelta(days=1):
        lines.append("A rest day and you still studied. Nice, but rest counts too.")
    lines.append(
        f"🔥 Streak: {_plural(run, 'study day')}." if run > 1 else "🔥 Day 1 of a new streak. See you next study day!"
    )
    return updated, Reply("\n".join(lines))


def _no_plan_reply(plan: Plan) -> Reply:
    return Reply(f"Your plan is {plan.status}, so there are no nudges to change. Send /plan to start a new one.")


def snooze(plan: Plan, now: datetime, minutes: int = SNOOZE_MINUTES) -> tuple[Plan, Reply]:
    """Re-send today's nudge `minutes` from now (or delay it, if not yet sent).

    Snoozing a nudge already sent today clears `last_nudged` for today so it can go out
    once more; if the snooze ends after local midnight, today's nudge is simply skipped.
    """
    if plan.status == "paused":
        return plan, Reply("Your nudges are paused, so there's nothing to snooze. Send /resume to turn them back on.")
    if plan.status != "active":
        return plan, _no_plan_reply(plan)
    now = _utc(now)
    tz = zone(plan.tz)
    today = now.astimezone(tz).date()
    until = now + timedelta(minutes=minutes)
    last = None if plan.last_nudged == today else plan.last_nudged
    updated = changed(plan, snoozed_until=until, last_nudged=last)
    nxt = next_nudge_at(updated, now)
    if nxt is None:
        return updated, Reply("⏰ Snoozed. There are no more nudges before your exam.")
    local = nxt.astimezone(tz)
    if local.date() == today:
        return updated, Reply(f"⏰ Snoozed. I'll nudge you again at {fmt_time(local.time())}.")
    return updated, Reply(f"⏰ Nothing more today. Next nudge: {fmt_day(local.date())} at {fmt_time(local.time())}.")


def pause(plan: Plan) -> tuple[Plan, Reply]:
    """Stop nudges until /resume; the plan and progress are kept."""
    resume_button = ((Button("▶️ Resume", "/resume"),),)
    if plan.status == "paused":
        return plan, Reply("Your nudges are already paused. Send /resume when you're ready.", resume_button)
    if plan.status != "active":
        return plan, _no_plan_reply(plan)
    return changed(plan, status="paused", snoozed_until=None), Reply(
        "⏸ Paused. No nudges until you send /resume; your plan and streak are kept.", resume_button
    )


def resume(plan: Plan) -> tuple[Plan, Reply]:
    """Turn nudges back on for a paused plan."""
    if plan.status == "active":
        return plan, Reply("Your nudges are already on. 👍")
    if plan.status != "paused":
        return plan, _no_plan_reply(plan)
    return changed(plan, status="active"), Reply(
        f"▶️ Welcome back! Nudges are on again at {fmt_time(plan.nudge_time)} ({escape_text(plan.tz)}) on study days."
    )


def stop(plan: Plan) -> tuple[Plan, Reply]:
    """End the plan: no more nudges. Progress stays stored until the student erases it."""
    if plan.status == "stopped":
        return plan, Reply("This plan is already stopped. Send /plan to make a new one.")
    if plan.status == "finished":
        return plan, Reply("This plan is already finished. Send /plan to make a new one.")
    return changed(plan, status="stopped", snoozed_until=None), Reply(
        "⏹ Plan stopped. No more nudges. Send /plan whenever you want a new one."
    )
