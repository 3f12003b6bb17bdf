"""bot.formatting: dates, times and counts for a phone screen, and a student's words quoted back safely."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.formatting import excerpt, fmt_day, fmt_short, fmt_time, plural


def test_dates_times_and_counts() -> None:
    assert fmt_day(date(2027, 3, 3)) == "Wed, Mar 3"
    assert fmt_day(date(2027, 3, 3), year=True) == "Wed, Mar 3, 2027"
    assert fmt_short(date(2027, 3, 3)) == "Mar 3"
    assert fmt_time(time(7, 5)) == "07:05"
    assert (plural(1, "day"), plural(0, "day"), plural(3, "day")) == ("1 day", "0 days", "3 days")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chicago", "Chicago"),
        ("\u202eevil\u202c zone", "evil zone"),
        ("tab\there\x00and\u200bthere", "tab here and there"),
        ("x" * 100, "x" * 39 + "…"),
    ],
)
def test_excerpt_is_short_and_clean(text: str, expected: str) -> None:
    assert excerpt(text) == expected
