"""bot.timezones: zones from cities, states, countries, zone words and offsets; questions when ambiguous."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import timezones
from bot.timezones import ZoneChoice, ZoneQuestion, parse_timezone, zone
from tests.property_budget import examples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Europe/London", "Europe/London"),
        ("europe/london", "Europe/London"),
        ("America/New_York", "America/New_York"),
        ("Chicago", "America/Chicago"),
        ("new york", "America/New_York"),
        ("los angeles", "America/Los_Angeles"),
        ("London", "Europe/London"),
        ("Lagos", "Africa/Lagos"),
        ("Cairo", "Africa/Cairo"),
        ("Karachi", "Asia/Karachi"),
        ("Dhaka", "Asia/Dhaka"),
        ("Manila", "Asia/Manila"),
        ("Dubai", "Asia/Dubai"),
        ("Toronto", "America/Toronto"),
        ("Sydney", "Australia/Sydney"),
        ("São Paulo", "America/Sao_Paulo"),
        ("India", "Asia/Kolkata"),
        ("Delhi", "Asia/Kolkata"),
        ("Mumbai", "Asia/Kolkata"),
        ("EST", "America/New_York"),
        ("EDT", "America/New_York"),
        ("Eastern", "America/New_York"),
        ("eastern time", "America/New_York"),
        ("PST", "America/Los_Angeles"),
        ("Pacific", "America/Los_Angeles"),
        ("CST", "America/Chicago"),
        ("Central", "America/Chicago"),
        ("MST", "America/Denver"),
        ("Mountain", "America/Denver"),
        ("UK", "Europe/London"),
        ("I'm in Chicago", "America/Chicago"),
        ("Chicago, IL", "America/Chicago"),
        ("UTC+5:30", "UTC+05:30"),
        ("GMT-4", "UTC-04:00"),
        ("+03:00", "UTC+03:00"),
        ("+0530", "UTC+05:30"),
        ("utc -3", "UTC-03:00"),
        ("UTC+14", "UTC+14:00"),
        ("utc", "UTC"),
        ("GMT", "UTC"),
        ("UTC+0", "UTC"),
    ],
)
def test_parse_timezone(text: str, expected: str) -> None:
    assert parse_timezone(text) == ZoneChoice(expected)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Narnia", "don't know the time zone"),
        ("🙂", "don't know the time zone"),
        ("", "didn't catch"),
        ("UTC+15", "UTC-12 to UTC+14"),
        ("GMT-13", "UTC-12 to UTC+14"),
    ],
)
def test_parse_timezone_refusals(text: str, reason: str) -> None:
    result = parse_timezone(text)
    assert isinstance(result, str)
    assert reason in result


def test_every_zone_word_is_a_real_zone() -> None:
    known = zoneinfo.available_timezones()
    assert not {tz for tz in timezones._WORDS.values() if tz not in known}
    options = [tz for choices in timezones._AMBIGUOUS_WORDS.values() for _, tz in choices]
    assert not {tz for tz in options if tz not in known}


def test_zone_offsets_and_iana() -> None:
    assert zone("UTC+05:30").utcoffset(None) == timedelta(hours=5, minutes=30)
    assert zone("UTC-04:00").utcoffset(None) == timedelta(hours=-4)
    assert isinstance(zone("Europe/London"), zoneinfo.ZoneInfo)
    summer = datetime(2026, 7, 1, 12, tzinfo=zone("Europe/London"))
    assert summer.utcoffset() == timedelta(hours=1)
    assert zone("Not/AZone") is UTC  # a bad stored value never stops the nudge loop


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("im in ohio", "America/New_York"),
        ("pst lol", "America/Los_Angeles"),  # chatter after the place is not part of it
        ("im in the uk", "Europe/London"),
        ("im in india rn", "Asia/Kolkata"),
        ("portland oregon", "America/Los_Angeles"),  # a region after the city, without a comma
        ("cairo egypt", "Africa/Cairo"),
        ("I'm in Texas", "America/Chicago"),
        ("cleveland", "America/New_York"),
        ("eastern", "America/New_York"),
        ("I'm in Lagos", "Africa/Lagos"),
        ("i live in bombay", "Asia/Kolkata"),
        ("Portland, OR", "America/Los_Angeles"),
        ("Portland, Maine", "America/New_York"),
        ("Nigeria", "Africa/Lagos"),
        ("Toronto, Canada", "America/Toronto"),
    ],
)
def test_places_come_from_the_data_packages(text: str, expected: str) -> None:
    assert parse_timezone(text) == ZoneChoice(expected)


@pytest.mark.parametrize(
    ("text", "zones"),
    [
        ("IST", {"Asia/Kolkata", "Asia/Jerusalem", "Europe/Dublin"}),
        ("usa", {"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"}),
        ("Australia", {"Australia/Sydney", "Australia/Perth"}),
    ],
)
def test_a_place_in_several_zones_is_a_question(text: str, zones: set[str]) -> None:
    asked = parse_timezone(text)
    assert isinstance(asked, ZoneQuestion)
    assert zones <= {tz for _, tz in asked.options} and len(asked.options) <= timezones.MAX_OPTIONS


def test_a_refusal_quotes_only_a_short_clean_excerpt() -> None:
    result = parse_timezone("\u202eNarnia\u0007" + "z" * 500)
    assert isinstance(result, str)
    assert "\u202e" not in result and "\u0007" not in result and "z" * 40 not in result


@settings(max_examples=examples(100), deadline=None)
@given(st.text(max_size=60))
def test_parse_timezone_never_raises(text: str) -> None:
    assert isinstance(parse_timezone(text), ZoneChoice | ZoneQuestion | str)
