"""The pre-checked patterns: the strings every match needs, and results exactly `re`'s."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bot
from benchmarks.stranger import load_stranger
from bot import quick_re
from knowledge.text import fold, normalize


@pytest.mark.parametrize(
    ("pattern", "flags", "needed"),
    [
        (r"\bfoo\b", 0, {"foo"}),
        # the lookbehind and the optional "i " need nothing; the words after the choice do
        (r"(?<!never )\b(?:i )?(?:took|sat) the exam", 0, {" the exam"}),
        (r"\b(?:failed|failing|fail)\b", 0, {"fail"}),  # "failed" is found wherever "fail" is
        (r"don[’']t worry", 0, {"don't worry", "don’t worry"}),
        (r"Hello|World", re.IGNORECASE, {"hello", "world"}),
        (r"(?i)Hello", 0, {"hello"}),
        (r"(?=.*\bfail)\w+", 0, {"fail"}),  # what a lookahead must see is in the text too
        (r"(?:ab)+c?", 0, {"ab"}),
        (r"(?:x|)abc", 0, {"abc"}),
        (r"a*", 0, None),  # matches the empty string
        (r"\d{3}", 0, None),
        (r"(?:foo|\d+)", 0, None),  # a branch that needs no letters
        (r"(?:maybe )?", 0, None),
        (r"(?i)ſtep", 0, {"tep"}),  # case-blind beyond ASCII: left to `re`
        (r"(?i:abc)d", 0, {"d"}),  # a case-blind group inside: its letters left to `re`
        (r"(a)\1", 0, {"a"}),
    ],
)
def test_needles_are_what_every_match_contains(pattern: str, flags: int, needed: set[str] | None) -> None:
    found = quick_re.required_strings(re.compile(pattern, flags))
    assert (None if found is None else set(found)) == needed


@pytest.mark.parametrize(
    ("pattern", "flags", "text"),
    [
        (r"\bfoo\b", 0, "a foo b"),
        (r"Hello", re.IGNORECASE, "HELLO there"),
        (r"Hello", re.IGNORECASE, "HELLO 👋"),  # not ASCII: `re` judges
        (r"step", re.IGNORECASE, "ſtep 2"),  # "ſ" matches "s" case-blind
        (r"kelvin", re.IGNORECASE, "\u212aelvin"),  # the Kelvin sign matches "k" case-blind
        (r"don[’']t", 0, "i don’t know"),
        (r"(?<=my )score", 0, "my score"),
    ],
)
def test_a_text_with_a_match_is_searched(pattern: str, flags: int, text: str) -> None:
    quick, plain = quick_re.compile(pattern, flags), re.compile(pattern, flags)
    found, expected = quick.search(text), plain.search(text)
    assert expected is not None and found is not None and found.span() == expected.span()


def test_a_text_without_the_needles_gets_every_method_s_empty_answer() -> None:
    quick = quick_re.compile(r"\bfail(?:ed)?\b")
    text = "passed with room to spare"
    assert quick.search(text) is None and quick.match(text) is None and quick.fullmatch(text) is None
    assert list(quick.finditer(text)) == [] and quick.findall(text) == []
    assert quick.sub("X", text) == text and quick.split(text) == [text]
    assert quick.sub("X", "i failed. fail") == "i X. X" and quick.findall("failed, fail") == ["failed", "fail"]


def test_a_pattern_with_nothing_to_look_for_searches_every_text() -> None:
    spaces = quick_re.compile(r"\s+")
    assert isinstance(spaces, quick_re.PrecheckedPattern) and spaces.needles() == ()
    assert spaces.sub(" ", "a \n b") == "a b"


def test_prepare_works_out_every_pre_check_before_the_first_search() -> None:
    made = quick_re.compile(r"\bnever searched yet\b")
    assert isinstance(made, quick_re.PrecheckedPattern) and not made.prepared
    quick_re.prepare()
    assert made.prepared and made.needles() == ("never searched yet",)


@pytest.mark.parametrize("pattern", [r"^so\s+did\s+i", r"\Aok then"])
def test_a_pattern_anchored_at_the_start_is_tried_there_alone(pattern: str) -> None:
    anchored = quick_re.compile(pattern)
    assert isinstance(anchored, quick_re.PrecheckedPattern) and anchored.needles() == ()
    assert quick_re.compile(r"(?m)^ok then").needles() == ("ok then",)  # at every line's start: pre-checked


@pytest.mark.parametrize(
    ("pattern", "choices"),
    [
        (r"\bfoo|bar\b", ("\\bfoo", "bar\\b")),
        # a zero-width start shared by every choice goes with each
        (r"(?=[a-z])(?:\bfoo|bar)", ("(?=[a-z])\\bfoo", "(?=[a-z])bar")),
        (r"[|(]x|\|y|(?:a|b)c", ("[|(]x", "\\|y", "(?:a|b)c")),  # a "|" in a class, escaped or in a group
        (r"[]|]x|y", ("[]|]x", "y")),  # "]" first in a class is one of its characters
        (r"x(?:a|b)", None),  # a start that consumes can match more than one way: not shared
        (r"(?:a|b)c", None),  # one choice, whose first part chooses
        (r"(a)|b", None),  # groups would be numbered otherwise in a choice's match
        (r"foo", None),
    ],
)
def test_a_pattern_s_top_level_choices(pattern: str, choices: tuple[str, ...] | None) -> None:
    assert quick_re.alternatives(re.compile(pattern)) == choices


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\bab|\babc", "xx abc abd"),  # two choices at one start: the first one's match, as `re` gives
        (r"\babc|\bab", "xx abc abd"),
        (r"\bbcd|\bab", "ab bcd ab"),  # the later choice's match comes first in the text
        (r"\bab\w*|\bbc", "abc bc ab"),  # one choice's match overlaps where another's would start
        (r"\bfail\w*|\bretak\w*", "failed, retaking, failing again"),
        (r"(?=[a-z])(?:\bso tired|\btired of it)", "so tired of it all"),
        (r"Hello|World", "HELLO world"),
    ],
)
def test_a_pattern_searched_choice_by_choice_answers_as_re_does(pattern: str, text: str) -> None:
    for flags in (0, re.IGNORECASE):
        quick, plain = quick_re.compile(pattern, flags), re.compile(pattern, flags)
        assert isinstance(quick, quick_re.PrecheckedPattern)
        quick.needles()
        assert quick._choices  # searched choice by choice
        assert _same(quick.search(text), plain.search(text))
        assert _same(list(quick.finditer(text)), list(plain.finditer(text)))
        assert _same(quick.search(text, 3), plain.search(text, 3))


@pytest.mark.parametrize(
    ("pattern", "searched"),
    [
        (r"(?<!\bif )(?<!\bworried )\bi didn t", r"\b(?<!\bif )(?<!\bworried )i didn t"),
        (r"(?<!(?:a|\))b)\bz", r"\b(?<!(?:a|\))b)z"),  # a group and an escaped ")" inside a look-back
        (r"(?<=my )\bscore", r"\b(?<=my )score"),
        (r"(?<![\d.])(\d{3})", r"(?<![\d.])(\d{3})"),  # no word boundary after the look-backs: as written
        (r"\bfoo(?<!x)\b", r"\bfoo(?<!x)\b"),
    ],
)
def test_look_backs_are_tried_only_where_a_word_starts(pattern: str, searched: str) -> None:
    assert quick_re.word_start_first(pattern) == searched
    quick, plain = quick_re.compile(pattern), re.compile(pattern)
    for text in ("i didn t", "if i didn t", "ab z abz", "my score", "x 123 4567", "foox foo"):
        assert _same(quick.search(text), plain.search(text)) and _same(quick.findall(text), plain.findall(text))


def test_a_choice_is_compiled_only_once_its_words_are_in_a_text() -> None:
    """Most choices' words are rare: compiling them all up front slowed every start by a fifth of a second."""
    quick = quick_re.compile(r"\bfailed|\bretook|\bwalked out")
    assert isinstance(quick, quick_re.PrecheckedPattern)
    quick_re.prepare()
    assert [choice.compiled is None for choice in quick._choices] == [True, True, True]
    assert quick.search("i retook it") is not None
    assert [choice.compiled is None for choice in quick._choices] == [True, False, True]


def _bot_patterns() -> list[quick_re.PrecheckedPattern]:
    """Every pre-checked pattern a module of the bot holds, at its top level or in a table."""
    found: dict[int, quick_re.PrecheckedPattern] = {}

    def collect(value: object, depth: int = 0) -> None:
        if isinstance(value, quick_re.PrecheckedPattern):
            found[id(value)] = value
        elif isinstance(value, tuple | list | dict) and depth < 3:
            for item in value.values() if isinstance(value, dict) else value:
                collect(item, depth + 1)

    for info in pkgutil.walk_packages(bot.__path__, "bot."):
        for value in vars(importlib.import_module(info.name)).values():
            collect(value)
    return list(found.values())


def _same(found: object, expected: object) -> bool:
    """Two results of one method, matches compared by span and groups."""
    if isinstance(found, list) and isinstance(expected, list):
        return len(found) == len(expected) and all(_same(a, b) for a, b in zip(found, expected, strict=True))
    if isinstance(found, re.Match) and isinstance(expected, re.Match):
        return (found.span(), found.groups()) == (expected.span(), expected.groups())
    return found == expected


def test_every_method_of_the_bots_patterns_answers_as_re_does() -> None:
    """The fast tier's check: every method the bot calls, on a sample of the stranger set's messages."""
    texts = [normalize(m.text) for m in load_stranger()[::25]]
    for pattern in _bot_patterns():
        plain = re.compile(pattern.pattern, pattern.flags)
        for text in texts:
            for method, args in (
                ("search", (text,)),
                ("match", (text,)),
                ("fullmatch", (text,)),
                ("findall", (text,)),
                ("split", (text,)),
                ("sub", (lambda m: f"<{m.group()}>", text)),
            ):
                found, expected = getattr(pattern, method)(*args), getattr(plain, method)(*args)
                assert _same(found, expected), (method, pattern.pattern[:80], text)
            assert _same(list(pattern.finditer(text)), list(plain.finditer(text))), (pattern.pattern[:80], text)


@pytest.mark.e2e  # a sweep: some 2 million searches
def test_the_bots_own_patterns_answer_exactly_as_re_does() -> None:
    """Over the stranger set's messages, each as the bot reads it (as sent, folded, normalised): every
    pre-checked pattern finds what `re` finds, where `re` finds it."""
    patterns = _bot_patterns()
    assert len(patterns) > 500  # the understanding's patterns are pre-checked
    texts = [m.text for m in load_stranger()]
    forms = {form for text in texts for form in (text, fold(text), normalize(text))}
    for pattern in patterns:
        plain = re.compile(pattern.pattern, pattern.flags)
        for text in forms:
            found, expected = pattern.search(text), plain.search(text)
            assert (found and found.span()) == (expected and expected.span()), (pattern.pattern[:80], text)


_PIECES = (
    "a", "b", "ab", "c", " ", r"\w+", r"\s", ".", "[ab]", "[|(]", "[]|]", r"\|", r"\(", r"\)", "(?:a|ab)", "(?:ab|a)",
    r"\b", "$", "^", "(?=a)", "(?<!b)", "(?<=a )", r"\d{1,2}", "(?i:a)", "ſ", "K",
)  # fmt: skip
_STARTS = ("", r"\b", r"(?<!x)\b", r"(?<!ab )(?<=a)\b", "(?=[a-z])", "(?<!b)")
_TEXT = "ab c|()1 2\nAKſİx"


@st.composite
def _choice_patterns(draw: st.DrawFn) -> str:
    """A top-level choice of a few (`a|b|c`, or a shared zero-width start then `(?:a|b|c)`), as the bot writes them."""
    choices = [
        draw(st.sampled_from(_STARTS)) + "".join(draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3)))
        for _ in range(draw(st.integers(2, 5)))
    ]
    if draw(st.booleans()):
        return "|".join(choices)
    return draw(st.sampled_from(("", "(?=[a-z])", r"(?<!x)"))) + "(?:" + "|".join(choices) + ")"


@given(
    pattern=_choice_patterns(),
    flags=st.sampled_from([0, re.IGNORECASE, re.MULTILINE, re.IGNORECASE | re.MULTILINE]),
    text=st.text(alphabet=_TEXT, max_size=16),
    pos=st.integers(0, 4),
)
def test_any_choice_pattern_answers_every_method_as_re_does(pattern: str, flags: int, text: str, pos: int) -> None:
    """A differential check on random patterns of the shapes searched choice by choice: spans and groups agree."""
    try:
        plain = re.compile(pattern, flags)
    except re.error:
        return  # not a pattern (a look-behind of two widths, say)
    quick = quick_re.compile(pattern, flags)
    assert _same(quick.search(text, pos), plain.search(text, pos))
    assert _same(list(quick.finditer(text, pos)), list(plain.finditer(text, pos)))
    assert quick.findall(text) == plain.findall(text) and quick.split(text) == plain.split(text)
    assert quick.sub("#", text) == plain.sub("#", text)


@given(
    pattern=_choice_patterns(),
    opening=st.sampled_from(("", "(?i)", "(?s)", "(?#x)")),
    flags=st.sampled_from([0, re.IGNORECASE, re.MULTILINE, re.DOTALL, re.ASCII, re.IGNORECASE | re.ASCII]),
    text=st.text(alphabet=_TEXT + "AB", max_size=16),
    pos=st.integers(0, 4),
)
def test_choices_grouped_by_first_character_match_as_written(
    pattern: str, opening: str, flags: int, text: str, pos: int
) -> None:
    """A differential check of the rewrite used for patterns of many choices, tried here on patterns of a few:
    every method answers as the pattern as written does."""
    try:
        plain = re.compile(opening + pattern, flags)
    except re.error:
        return
    rewritten = quick_re.by_first_character(plain, fewest=2)
    if rewritten is None:
        return
    assert _same(rewritten.search(text, pos), plain.search(text, pos))
    assert _same(rewritten.match(text, pos), plain.match(text, pos))
    assert _same(rewritten.fullmatch(text, pos), plain.fullmatch(text, pos))
    assert _same(list(rewritten.finditer(text, pos)), list(plain.finditer(text, pos)))
    assert rewritten.findall(text) == plain.findall(text) and rewritten.split(text) == plain.split(text)
    assert rewritten.sub("#", text) == plain.sub("#", text)


@pytest.mark.parametrize(
    ("pattern", "flags", "grouped"),
    [
        (r"\b(?:ab|b)|\bac|\bc", 0, r"\b(?:(?=a)(?:(?:ab|b)|ac)|(?=b)(?:(?:ab|b))|(?=c)(?:c))"),
        ("(?=[a-z])(?:x|Y|y)", re.IGNORECASE, "(?=[a-z])(?:(?=x)(?:x)|(?=y)(?:Y|y))"),
        (r"a|\w|b|c|d", 0, r"(?:(?=a)(?:a|\w)|(?=b)(?:\w|b)|(?=c)(?:\w|c)|(?=d)(?:\w|d)|(?![abcd])(?:\w))"),
        (r"a|\w|\d|b", 0, None),  # half the choices may start anywhere: nothing to gain
        (r"(a)|b", 0, None),  # a group would be numbered anew
        (r"(?i)a|b|c", 0, None),  # the flags must stay at the pattern's start
    ],
)
def test_a_pattern_of_many_choices_is_grouped_by_first_character(pattern: str, flags: int, grouped: str | None) -> None:
    """Each choice sits under every character it can start with, in the pattern's order; a choice that may start
    anywhere sits under each, and under the characters no group holds."""
    rewritten = quick_re.by_first_character(re.compile(pattern, flags), fewest=2)
    assert (rewritten and rewritten.pattern) == grouped


def test_the_crisis_patterns_are_searched_grouped_by_first_character() -> None:
    """The two patterns of more than `_MOST_CHOICES` choices (hopelessness, and its idioms) are searched rewritten."""
    big = [p for p in _bot_patterns() if len(quick_re.alternatives(re.compile(p.pattern, p.flags)) or ()) > 24]
    assert big
    for pattern in big:
        pattern.search("")
        searched = re.compile(quick_re.word_start_first(pattern.pattern, pattern.flags), pattern.flags)
        assert pattern._compiled == quick_re.by_first_character(searched)


def test_a_pattern_of_many_choices_in_batches_matches_exactly_where_the_whole_does() -> None:
    words = [f"w{i}x" for i in range(60)]
    pattern = r"(?=[a-z])(?:" + "|".join(rf"\b{w}\b" for w in words) + ")"
    batches = quick_re.in_batches(pattern)
    assert len(batches) == 3 and all(len(quick_re.alternatives(re.compile(b.pattern)) or ()) <= 24 for b in batches)
    whole = re.compile(pattern)
    for text in ("nothing here", "a w0x b", "then w59x", "w30xx no", "see w24x and w47x"):
        assert any(b.search(text) for b in batches) is (whole.search(text) is not None)
    assert len(quick_re.in_batches(r"\bone\b|\btwo\b")) == 1  # few choices: left whole
