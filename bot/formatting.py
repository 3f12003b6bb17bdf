"""Showing dates, times and counts the way a phone screen wants them, and quoting a student back safely.

Shared by every reply module; pure, no clock.
"""

from __future__ import annotations

import calendar
import unicodedata
from datetime import date, time

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def fmt_day(d: date, *, year: bool = False) -> str:
    """A date the way a phone screen wants it: 'Wed, Mar 3' (', 2027' with year=True)."""
    out = f"{WEEKDAY_NAMES[d.weekday()]}, {calendar.month_abbr[d.month]} {d.day}"
    return f"{out}, {d.year}" if year else out


def fmt_short(d: date) -> str:
    """'Mar 3' — for ranges and lists where the weekday would only add noise."""
    return f"{calendar.month_abbr[d.month]} {d.day}"


def fmt_time(t: time) -> str:
    """24-hour 'HH:MM', unambiguous for students in any country."""
    return f"{t.hour:02d}:{t.minute:02d}"


def plural(n: int, word: str) -> str:
    """'1 day', '3 days': `word` with an s unless `n` is one."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def excerpt(text: str, limit: int = 40) -> str:
    """A short, clean excerpt of what a student typed, safe to quote back (escape it for HTML).

    Control, format (bidi overrides, zero-width) and private-use characters are dropped,
    whitespace is collapsed, and anything past `limit` characters becomes "…".
    """
    t = unicodedata.normalize("NFKC", text[: limit * 4])
    t = "".join(" " if unicodedata.category(c).startswith(("C", "Z")) else c for c in t)
    t = " ".join(t.split())
    return t if len(t) <= limit else t[: limit - 1].rstrip() + "…"
