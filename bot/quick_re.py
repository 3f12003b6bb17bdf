"""Regular expressions that pass over, in C, a text lacking every word a match needs.

Python's `re` skips ahead quickly only for a pattern that opens with plain characters. Ours mostly open
with a lookbehind or `\\b` (`(?<!never )\\b(?:i )?took ...`), so `re` tries each of them at every position of
the text, and a 500-character post cost some of them 0.2 ms each: most of a long post's time to understand.

`compile` reads a pattern's parse tree once for a few strings at least one of which every match must
contain ("took" or "sat" for `(?<!never )\\b(?:took|sat) the exam`), and each search first looks for them
with `str.__contains__`. That check only ever says "no match" where no match is possible, so every result
is exactly `re`'s; a pattern for which no such strings are found is searched whatever the text.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]  # the parse tree's opcodes (private; 3.11+)
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, Protocol

_ENDS = sys.maxsize
_MOST_NEEDLES = 400
"""More strings than this to look for is no quicker than the search itself: such a pattern is left as it is."""
_MOST_SPELLINGS = 64
"""A run of characters spelt more ways than this (`[’']` in several places) ends where it is."""
_MADE: list[PrecheckedPattern] = []
"""Every pattern `compile` made, for `prepare`."""
_ZERO_WIDTH = frozenset({sre.AT, sre.ASSERT, sre.ASSERT_NOT})
_REPEATS = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT})


class Pattern(Protocol):
    """What the bot asks of a compiled pattern: the `re.Pattern[str]` methods it uses, which both `re.compile`'s
    patterns and `compile`'s pre-checked ones have."""

    @property
    def pattern(self) -> str: ...

    @property
    def flags(self) -> int: ...

    def search(self, string: str, pos: int = 0, endpos: int = _ENDS) -> re.Match[str] | None: ...

    def match(self, string: str, pos: int = 0, endpos: int = _ENDS) -> re.Match[str] | None: ...

    def fullmatch(self, string: str, pos: int = 0, endpos: int = _ENDS) -> re.Match[str] | None: ...

    def finditer(self, string: str, pos: int = 0, endpos: int = _ENDS) -> Iterator[re.Match[str]]: ...

    def findall(self, string: str, pos: int = 0, endpos: int = _ENDS) -> list[Any]: ...

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str: ...

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]: ...


def compile(pattern: str, flags: int = 0) -> Pattern:  # `re.compile`'s name, as a drop-in
    """`re.compile(pattern, flags)`, with a pre-check that passes over texts no match can be in."""
    made = PrecheckedPattern(re.compile(pattern, flags))
    _MADE.append(made)
    return made


def prepare() -> None:
    """Work out every pattern's pre-check now (each is otherwise worked out at its first search): reading ~760
    parse trees takes about 0.3 s, which `import` would add to the bot's start-up."""
    for made in _MADE:
        made.needles()


def required_strings(compiled: re.Pattern[str]) -> frozenset[str] | None:
    """Strings at least one of which every match of `compiled` contains (lower-cased when it ignores case),
    or None where none are found (a pattern that can match nothing but a space, say)."""
    try:
        tree = sre_parse.parse(compiled.pattern, compiled.flags)
        flags = tree.state.flags
        first = tree.data[0] if tree.data else None
        if first == (sre.AT, sre.AT_BEGINNING_STRING) or (
            first == (sre.AT, sre.AT_BEGINNING) and not flags & re.MULTILINE
        ):
            return None  # "^...": tried at the start alone, sooner than any pre-check could read the text
        found = _required(list(tree), bool(flags & re.IGNORECASE))
    except Exception:  # an opcode this reading doesn't know: no pre-check, never a wrong one
        return None
    return found if found and len(found) <= _MOST_NEEDLES else None


class PrecheckedPattern:
    """A compiled pattern behind its pre-check (`needles`): the same results, sooner for most texts."""

    __slots__ = ("_compiled", "_fold", "_needles", "flags", "groupindex", "groups", "pattern")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self._compiled = compiled
        self._needles: tuple[str, ...] | None = None  # worked out at the first search, or by `prepare`
        self._fold = bool(compiled.flags & re.IGNORECASE)
        self.pattern, self.flags = compiled.pattern, compiled.flags
        self.groups, self.groupindex = compiled.groups, compiled.groupindex

    def needles(self) -> tuple[str, ...]:
        """The strings one of which every match contains, shortest first (the likeliest to be found, so a text
        that holds one is let through soonest); empty where none are found, and every text is searched."""
        if self._needles is None:
            found = required_strings(self._compiled)
            self._needles = () if found is None else tuple(sorted(found, key=len))
        return self._needles

    @property
    def prepared(self) -> bool:
        """Whether the pre-check has been worked out (by a search or by `prepare`)."""
        return self._needles is not None

    def _may_match(self, string: str) -> bool:
        needles = self._needles if self._needles is not None else self.needles()
        if not needles:
            return True
        if self._fold:
            if not string.isascii():
                return True  # case-blind matching beyond ASCII ("ſ" matches "s") is `re`'s alone to judge
            string = string.lower()
        for needle in needles:  # noqa: SIM110  # a loop: `any` over a generator costs more than most checks
            if needle in string:
                return True
        return False

    def search(self, string: str, pos: int = 0, endpos: int = _ENDS) -> re.Match[str] | None:
        """`re.Pattern.search`."""
        # `_may_match` written out: most calls are searches, and a call of its own was a fifth of their cost
        needles = self._needles if self._needles is not None else self.needles()
        if not needles:
            return self._compiled.search(string, pos, endpos)
        if not self._fold:
            for needle in needles:
                if needle in string:
                    return self._compiled.search(string, pos, endpos)
            return None
        return self._compiled.search(string, pos, endpos) if self._may_match(string) else None

    # `match` and `fullmatch` try one position only, sooner than a pre-check could read the whole text
    def match(self, string: str, pos: int = 0, endpos: int = _ENDS) -> re.Match[str] | None:
        """`re.Pattern.match`."""
        return self._compiled.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = _ENDS) -> re.Match[str] | None:
        """`re.Pattern.fullmatch`."""
        return self._compiled.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = _ENDS) -> Iterator[re.Match[str]]:
        """`re.Pattern.finditer`."""
        return self._compiled.finditer(string, pos, endpos) if self._may_match(string) else iter(())

    def findall(self, string: str, pos: int = 0, endpos: int = _ENDS) -> list[Any]:
        """`re.Pattern.findall`."""
        return self._compiled.findall(string, pos, endpos) if self._may_match(string) else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        """`re.Pattern.sub`."""
        return self._compiled.sub(repl, string, count) if self._may_match(string) else string

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        """`re.Pattern.split`."""
        return self._compiled.split(string, maxsplit) if self._may_match(string) else [string]

    def __repr__(self) -> str:
        return f"quick_re.compile({self.pattern!r}, {self.flags})"


def _required(items: list[tuple[Any, Any]], fold: bool) -> frozenset[str] | None:
    """For a sequence of parsed items, the best set of strings every match of it contains (None: none found).

    Each run of plain characters is such a set (one string, or a few where a run holds `[’']`), and so is
    whatever every branch of an alternation, a repeat of at least one, a group or a lookahead requires; of
    those, the set least likely to be found by chance is kept."""
    found: list[frozenset[str]] = []
    run = {""}

    def end_run() -> None:
        nonlocal run
        if run != {""}:
            found.append(frozenset(run))
        run = {""}

    for op, av in items:
        chars = _chars(op, av, fold)
        if chars is not None:
            longer = {start + c for start in run for c in chars}
            if len(longer) > _MOST_SPELLINGS:
                end_run()
                longer = set(chars)
            run = longer
            continue
        if op in _ZERO_WIDTH:
            # it consumes nothing: the characters on either side of it stand side by side in the text; what a
            # positive lookaround sees must be there too
            if op is sre.ASSERT and (seen := _required(list(av[1]), fold)) is not None:
                found.append(seen)
            continue
        end_run()
        inner: frozenset[str] | None = None
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            if not (add_flags | del_flags) & re.IGNORECASE:  # `(?i:...)` inside: left to `re`
                inner = _required(list(body), fold)
        elif op is sre.ATOMIC_GROUP:
            inner = _required(list(av), fold)
        elif op is sre.BRANCH:
            branches = [_required(list(b), fold) for b in av[1]]
            if all(b is not None for b in branches):
                inner = _shortest_form(frozenset().union(*(b for b in branches if b is not None)))
        elif op in _REPEATS and av[0] >= 1:
            inner = _required(list(av[2]), fold)
        if inner is not None:
            found.append(inner)
    end_run()
    return min((_shortest_form(f) for f in found), key=_chance, default=None)


def _chars(op: Any, av: Any, fold: bool) -> set[str] | None:
    """The characters one parsed item matches, when it is one of a few plain ones (None otherwise)."""
    if op is sre.LITERAL:
        options = [av]
    elif op is sre.IN and len(av) <= 4 and all(kind is sre.LITERAL for kind, _ in av):
        options = [code for _, code in av]
    else:
        return None
    chars = {chr(code) for code in options}
    if fold:
        if not all(c.isascii() for c in chars):
            return None  # beyond ASCII, case-blind matching has spellings `lower` doesn't know
        chars = {c.lower() for c in chars}
    return chars


def _shortest_form(strings: frozenset[str]) -> frozenset[str]:
    """The same requirement with fewer strings: "failed" is found wherever "fail" is, so "fail" is enough."""
    kept: list[str] = []
    for s in sorted(strings, key=len):
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


def _chance(strings: frozenset[str]) -> float:
    """Roughly how likely a text is to hold one of `strings` by chance: fewer and longer is rarer."""
    return len(strings) * 0.08 ** min(len(s) for s in strings)
