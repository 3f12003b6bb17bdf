"""Regular expressions that pass over, in C, a text lacking every word a match needs.

Python's `re` skips ahead quickly only for a pattern that opens with plain characters. Ours mostly open
with a lookbehind or `\\b` (`(?<!never )\\b(?:i )?took ...`), so `re` tries each of them at every position of
the text, and a 500-character post cost some of them 0.2 ms each: most of a long post's time to understand.

`compile` reads a pattern's parse tree once for a few strings at least one of which every match must
contain ("took" or "sat" for `(?<!never )\\b(?:took|sat) the exam`), and each search first looks for them
with `str.__contains__`. That check only ever says "no match" where no match is possible, so every result
is exactly `re`'s; a pattern for which no such strings are found is searched whatever the text.

A pattern that is a choice of a few (`\\btook ck|\\bscore came back|...`, perhaps behind a zero-width start they
share) goes further: each choice has its own strings, and only the choices whose strings the text holds are
searched, each on its own. The leftmost of their matches, the earliest choice's where two start together, is the
match `re` finds, since at each position `re` tries the choices in order; `finditer` keeps each choice's next
match and searches a choice again only once the matches have passed it. A long post held the words of two or three
of a pattern's seventeen choices, and `re` had tried all seventeen at every position. The match found is then the
choice's own: its span, groups (a split pattern has none) and string are `re`'s, but its `.re` is the choice's
pattern and, from `finditer`, its `.pos` where that choice was last searched from; nothing in the bot reads either.

A pattern of more choices than that (the crisis patterns: 170 and 44) is searched whole, but rewritten by
`by_first_character` so that at each position `re` enters only the choices that can start with the character there.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Callable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]  # the parse tree's opcodes (private; 3.11+)
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, Protocol

_ENDS = sys.maxsize
_MOST_NEEDLES = 400
"""More strings than this to look for is no quicker than the search itself: such a pattern is left as it is."""
_MOST_CHOICES = 24
"""A pattern of more choices than this is searched whole: checking each one's needles costs more than it saves."""
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
    made = PrecheckedPattern(re.compile(pattern, flags), re.compile(word_start_first(pattern, flags), flags))
    _MADE.append(made)
    return made


def in_batches(pattern: str, flags: int = 0) -> tuple[Pattern, ...]:
    """A pattern of many choices (`a|b|...`, perhaps behind a zero-width start they share) as several patterns of at
    most `_MOST_CHOICES` choices each, so that each is pre-checked choice by choice: a text matches one of them exactly
    where it matches the whole. For a pattern only ever asked whether it matches (which match is found differs)."""
    choices = alternatives(re.compile(pattern, flags))
    if choices is None or len(choices) <= _MOST_CHOICES:
        return (compile(pattern, flags),)
    size = _MOST_CHOICES
    return tuple(compile("|".join(choices[i : i + size]), flags) for i in range(0, len(choices), size))


def prepare() -> None:
    """Work out every pattern's pre-check now (each is otherwise worked out at its first search): reading ~760
    parse trees takes about 0.3 s, which `import` would add to the bot's start-up."""
    for made in _MADE:
        made.needles()


def required_strings(compiled: re.Pattern[str]) -> frozenset[str] | None:
    """Strings at least one of which every match of `compiled` contains (lower-cased when it ignores case),
    or None where none are found (a pattern that can match nothing but a space, say)."""
    try:
        return _needed(sre_parse.parse(compiled.pattern, compiled.flags))
    except Exception:  # an opcode this reading doesn't know: no pre-check, never a wrong one
        return None


def _needed(tree: Any) -> frozenset[str] | None:
    """`required_strings` of a parsed pattern."""
    if _anchored(tree):
        return None  # "^...": tried at the start alone, sooner than any pre-check could read the text
    found = _required(list(tree), bool(tree.state.flags & re.IGNORECASE))
    return found if found and len(found) <= _MOST_NEEDLES else None


def _anchored(tree: Any) -> bool:
    """Whether every match of a parsed pattern starts at the text's start ("^..." without MULTILINE, or "\\A...")."""
    first = tree.data[0] if tree.data else None
    return first == (sre.AT, sre.AT_BEGINNING_STRING) or (
        first == (sre.AT, sre.AT_BEGINNING) and not tree.state.flags & re.MULTILINE
    )


class PrecheckedPattern:
    """A compiled pattern behind its pre-check (`needles`): the same results, sooner for most texts."""

    __slots__ = ("_choices", "_compiled", "_fold", "_needles", "flags", "groupindex", "groups", "pattern")

    def __init__(self, compiled: re.Pattern[str], searched: re.Pattern[str] | None = None) -> None:
        """`compiled` as written, and `searched`, the same pattern in a form that is quicker to search (see
        `word_start_first`)."""
        self._compiled = compiled if searched is None else searched
        self._needles: tuple[str, ...] | None = None  # worked out at the first search, or by `prepare`
        self._choices: tuple[_Choice, ...] = ()  # worked out with the needles; empty: searched whole
        self._fold = bool(compiled.flags & re.IGNORECASE)
        self.pattern, self.flags = compiled.pattern, compiled.flags
        self.groups, self.groupindex = compiled.groups, compiled.groupindex

    def needles(self) -> tuple[str, ...]:
        """The strings one of which every match contains, shortest first (the likeliest to be found, so a text
        that holds one is let through soonest); empty where none are found, and every text is searched."""
        if self._needles is None:
            self._choices, found = _choices(self._compiled)
            if not self._choices:
                found = required_strings(self._compiled)
                if (grouped := by_first_character(self._compiled)) is not None:
                    self._compiled = grouped  # the same matches, found sooner
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
        if self._choices:
            return self._search_choices(string, pos, endpos)
        if not needles:
            return self._compiled.search(string, pos, endpos)
        if not self._fold:
            for needle in needles:
                if needle in string:
                    return self._compiled.search(string, pos, endpos)
            return None
        return self._compiled.search(string, pos, endpos) if self._may_match(string) else None

    def _present(self, string: str) -> list[re.Pattern[str]] | None:
        """The choices whose needles `string` holds, in the pattern's order (None: every text is `re`'s to read
        whole, being case-blind beyond ASCII). Each choice is checked only in a text that holds one of the whole
        pattern's needles: most texts hold none, and one check of them is quicker than a check per choice."""
        if self._fold:
            if not string.isascii():
                return None
            string = string.lower()  # once, for the pattern's needles and its choices'
        for needle in self._needles or ():
            if needle in string:
                break
        else:
            if self._needles:
                return []
        present = []
        for choice in self._choices:
            if not choice.needles:
                present.append(choice.compile())
            for needle in choice.needles:
                if needle in string:
                    present.append(choice.compile())
                    break
        return present

    def _search_choices(self, string: str, pos: int, endpos: int) -> re.Match[str] | None:
        """The leftmost match of any choice, the first choice's where two start together: `re`'s own match."""
        present = self._present(string)
        if present is None:
            return self._compiled.search(string, pos, endpos)
        best: re.Match[str] | None = None
        for compiled in present:
            found = compiled.search(string, pos, endpos)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
                if best.start() == pos:
                    break  # no later choice can start sooner
        return best

    def _iter_choices(self, string: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """`finditer` over the choices: each one's next match kept, and searched again only once passed."""
        present = self._present(string)
        if present is None:
            yield from self._compiled.finditer(string, pos, endpos)
            return
        ahead = [compiled.search(string, pos, endpos) for compiled in present]
        while True:
            match: re.Match[str] | None = None
            for found in ahead:  # the leftmost, the first choice's where two start together
                if found is not None and (match is None or found.start() < match.start()):
                    match = found
            if match is None:
                return
            yield match
            pos = match.end()  # no choice matches the empty string, so this moves on
            for i, found in enumerate(ahead):
                if found is not None and found.start() < pos:
                    ahead[i] = present[i].search(string, pos, endpos)

    # `match` and `fullmatch` try one position only, sooner than a pre-check could read the whole text
    def match(self, string: str, pos: int = 0, endpos: int = _ENDS) -> re.Match[str] | None:
        """`re.Pattern.match`."""
        return self._compiled.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = _ENDS) -> re.Match[str] | None:
        """`re.Pattern.fullmatch`."""
        return self._compiled.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = _ENDS) -> Iterator[re.Match[str]]:
        """`re.Pattern.finditer`."""
        if self._needles is None:
            self.needles()
        if self._choices:
            return self._iter_choices(string, pos, endpos)
        if not self._may_match(string):
            return iter(())
        return self._compiled.finditer(string, pos, endpos)

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


class _Choice:
    """One choice of a pattern's top-level alternation: its needles, and the choice compiled at its first search."""

    __slots__ = ("compiled", "flags", "needles", "pattern")

    def __init__(self, pattern: str, flags: int, needles: tuple[str, ...]) -> None:
        self.pattern, self.flags, self.needles = pattern, flags, needles
        self.compiled: re.Pattern[str] | None = None
        """None until first searched: most choices of most patterns never are (their words are rare), and compiling
        them all up front slowed every start of the bot by a fifth of a second."""

    def compile(self) -> re.Pattern[str]:
        """The choice as a pattern of its own, compiled now if not before."""
        if self.compiled is None:
            self.compiled = re.compile(self.pattern, self.flags)
        return self.compiled


def _choices(compiled: re.Pattern[str]) -> tuple[tuple[_Choice, ...], frozenset[str] | None]:
    """The pattern's choices, each with its needles, and the needles of the whole (one of which every choice's match
    holds). No choices where a choice has no needles (it is searched in every text, and one search of the whole
    pattern is as quick) or matches the empty string (`finditer` steps past empty matches in ways not worth
    copying)."""
    found = alternatives(compiled)
    if found is None or len(found) > _MOST_CHOICES:
        return (), None
    made: list[_Choice] = []
    held: set[str] = set()
    try:
        for choice in found:
            tree = sre_parse.parse(choice, compiled.flags)
            fold = bool(tree.state.flags & re.IGNORECASE)
            contains = _required(list(tree), fold)
            anchored = _anchored(tree)  # tried at the start alone, at once: it needs no needles of its own
            if tree.getwidth()[0] == 0 or not (contains or anchored) or len(contains or ()) > _MOST_NEEDLES:
                return (), None
            needles = () if anchored or contains is None else tuple(sorted(contains, key=len))
            made.append(_Choice(word_start_first(choice, compiled.flags), compiled.flags, needles))
            held |= contains or {""}
    except Exception:  # an opcode this reading doesn't know: searched whole, never wrongly
        return (), None
    whole = None if "" in held else _shortest_form(frozenset(held))
    return tuple(made), whole if whole and len(whole) <= _MOST_NEEDLES else None


def by_first_character(compiled: re.Pattern[str], fewest: int | None = None) -> re.Pattern[str] | None:
    """A pattern of many choices rewritten to try, at each position, only the choices that can start with the
    character there; None where it is no such pattern, or has fewer than `fewest` choices (by default more than
    `_MOST_CHOICES`: fewer are searched choice by choice, or whole), or more than a quarter of its choices may start
    with characters that can't be read.

    `\\b(?:want ...|kill ...|hurt ...)` becomes `\\b(?:(?=w)(?:want ...)|(?=k)(?:kill ...)|(?=h)(?:hurt ...))`: where a
    word starts, `re` checks a lookahead per first character instead of entering each of 170 choices. A choice that
    can start with several characters is in each of their groups, each group keeps the pattern's order, and at any
    position one group at most can be entered (a case-blind pattern's groups are of case-folded characters), so the
    match is the one `re` finds in the pattern as written. A choice whose start can't be read (`\\w+ ...`) is in
    every group and in one more, entered where no group's character stands."""
    split = _prefix_and_choices(compiled)
    if split is None or len(split[1]) < (_MOST_CHOICES + 1 if fewest is None else fewest):
        return None
    prefix, choices = split
    if _GLOBAL_FLAGS_RE.match(prefix or choices[0]):
        return None  # `(?i)a|b|...`: flags must open the pattern, and the groups would put them inside
    if all(choice.startswith("\\b") for choice in choices):  # one boundary check before the groups, not one a choice
        prefix, choices = prefix + "\\b", [choice[2:] for choice in choices]
    fold = bool(compiled.flags & re.IGNORECASE)
    try:
        starts = [_first_characters(list(sre_parse.parse(choice, compiled.flags)), fold) for choice in choices]
    except Exception:  # an opcode this reading doesn't know: searched as written
        return None
    if sum(start is None for start in starts) > len(starts) // 4:
        return None  # a choice whose start is unknown is in every group: with many, the groups gain nothing
    characters = sorted(set().union(*(start for start in starts if start is not None)))
    paired = list(zip(choices, starts, strict=True))
    groups = [
        f"(?={re.escape(c)})(?:{'|'.join(choice for choice, start in paired if start is None or c in start)})"
        for c in characters
    ]
    if None in starts:  # where no group's character stands, only those choices can match
        anywhere = "|".join(choice for choice, start in paired if start is None)
        groups.append(f"(?![{''.join(map(re.escape, characters))}])(?:{anywhere})")
    try:
        return re.compile(prefix + "(?:" + "|".join(groups) + ")", compiled.flags)
    except re.error:  # a pattern this reading mistook: searched as written, never wrongly
        return None


_GLOBAL_FLAGS_RE = re.compile(r"\(\?[aiLmsux]+\)|\(\?#")
"""Flags for the whole pattern, or a comment (which may stand before them), at the start of a pattern's source."""


def _first_characters(items: list[tuple[Any, Any]], fold: bool) -> set[str] | None:
    """The characters a match of parsed `items` can start with (lower-cased ASCII when case-blind), or None where
    they can't be read: a class such as `\\w`, a part that may match nothing, a character beyond ASCII when
    case-blind (whose case-folded spellings `lower` doesn't know)."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # it consumes nothing: the first character is the next item's
        found: set[str] | None
        if op is sre.LITERAL:
            found = {chr(av)}
        elif op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
            found = {chr(code) for _, code in av}
        elif op is sre.BRANCH:
            branches = [_first_characters(list(branch), fold) for branch in av[1]]
            found = None if any(b is None for b in branches) else set().union(*(b for b in branches if b))
        elif op is sre.SUBPATTERN and not (av[1] | av[2]) and av[3].getwidth()[0] > 0:
            found = _first_characters(list(av[3]), fold)
        elif op in _REPEATS and av[0] >= 1 and av[2].getwidth()[0] > 0:
            found = _first_characters(list(av[2]), fold)
        else:
            return None
        if found is not None and fold:
            found = {c.lower() for c in found} if all(c.isascii() for c in found) else None
        return found
    return None


def _prefix_and_choices(compiled: re.Pattern[str]) -> tuple[str, list[str]] | None:
    """`compiled` as a zero-width start shared by all and its top-level choices (`(?=[a-z])(?:a|b)` gives
    `(?=[a-z])` and `a`, `b`), or None where it is no such choice or where it has groups."""
    if compiled.groups or compiled.flags & re.VERBOSE:
        return None
    source = compiled.pattern
    try:
        choices = _split_choices(source)
        prefix = ""
        if len(choices) == 1 and (opened := _last_group(source)) is not None and source.startswith("(?:", opened):
            prefix = source[:opened]
            if sre_parse.parse(prefix, compiled.flags).getwidth() != (0, 0):
                return None  # `a(?:b|c)`: a start that consumes may match more than one way, so it can't be shared
            choices = _split_choices(source[opened + 3 : -1])
        if len(choices) < 2:
            return None
    except Exception:  # a pattern this reading can't take apart: searched whole, never wrongly
        return None
    return prefix, choices


def alternatives(compiled: re.Pattern[str]) -> tuple[str, ...] | None:
    """`compiled`'s top-level choices as patterns of their own, each matching what that choice matches there
    (`a|b` gives `a` and `b`; a zero-width start shared by all, `(?=[a-z])(?:a|b)`, is kept on each), or None
    where it is no such choice or where it has groups (a choice's match would number them otherwise)."""
    split = _prefix_and_choices(compiled)
    return None if split is None else tuple(split[0] + choice for choice in split[1])


def _split_choices(source: str) -> list[str]:
    """`source` cut at each `|` outside any group or character class."""
    cuts = [i for i, c, depth in _structure(source) if c == "|" and depth == 0]
    return [source[start + 1 : end] for start, end in itertools.pairwise([-1, *cuts, len(source)])]


def _structure(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each `(`, `)` and `|` of a pattern's source from `start` that is no escaped character and stands in no
    character class, with the depth of groups around it (a bracket's own group not counted)."""
    depth, i = 0, start
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(source, i)
        elif c == "(":
            yield i, c, depth
            depth += 1
        elif c == ")":
            depth -= 1
            yield i, c, depth
        elif c == "|":
            yield i, c, depth
        i += 1


def _class_end(source: str, i: int) -> int:
    """The index of the `]` closing the character class opened at `source[i]`."""
    i += 1
    if i < len(source) and source[i] == "^":
        i += 1
    if i < len(source) and source[i] == "]":  # `[]a]`: a `]` first is one of the characters
        i += 1
    while i < len(source) and source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i


def word_start_first(source: str, flags: int = 0) -> str:
    """`source` with a word boundary that follows its opening look-backs moved before them: `(?<!if )\\bi didn t`
    becomes `\\b(?<!if )i didn t`, the same pattern (each is zero-width, at one position), but its look-backs are
    tried only where a word starts instead of at every position of the text."""
    if flags & re.VERBOSE:
        return source
    end = 0
    while source.startswith(("(?<!", "(?<="), end):
        end = _group_end(source, end)
    if end and source.startswith("\\b", end):
        return "\\b" + source[:end] + source[end + 2 :]
    return source


def _group_end(source: str, opened: int) -> int:
    """The index just after the group opened at `source[opened]` closes (the text's length if it never does)."""
    return next((i + 1 for i, c, depth in _structure(source, opened) if c == ")" and depth == 0), len(source))


def _last_group(source: str) -> int | None:
    """Where the group that closes at the pattern's very end opens, when one does."""
    opened: int | None = None
    for i, c, depth in _structure(source):
        if c == "(" and depth == 0:
            opened = i
        elif c == ")" and i == len(source) - 1:
            return opened if depth == 0 else None
    return None
