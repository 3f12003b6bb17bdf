"""Pydantic models for every record a knowledge file may hold.

They are the edge between hand-edited JSON and the bot: anything that passes here
is safe to show to a student, and anything that fails is named precisely.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

Line = TypeVar("Line", bound=BaseModel)


def read_jsonl(path: Path, model: type[Line]) -> list[Line]:
    """Each non-blank line of a JSON Lines file as `model`; a line that fails is an error naming the file and line."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(model.model_validate_json(line))
        except ValueError as err:
            raise ValueError(f"{path.name} line {number}: {err}") from None
    return out


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$", max_length=40)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]

PRIMARY_PUBLISHERS = (
    "usmle.org",
    "nbme.org",
    "nrmp.org",
    "aamc.org",
    "ecfmg.org",
    "sfmatch.org",
    "auanet.org",
    "nbome.org",
)
"""The bodies that publish Step 2 CK and Match data themselves; a page elsewhere reports someone else's table."""


Stage = Literal[
    "preclinical", "studying", "waiting", "has_score", "applying", "interviewing", "incoming_resident", "retaking"
]
"""Where a student is on the road: the stages an answer fits (bot/stage.py reads a student's)."""
Audience = Literal["us_md", "do", "img"]
ApplicantGroup = Literal["do", "img"]
"""A group of applicants with figures of its own (NRMP's Charting Outcomes reports for IMGs and for DO seniors)."""
ScoreBand = Literal["below", "at", "above"]
"""Where a student's own score sits against their field's average: an answer written for one band ("I passed
but I'm below average") misfits the others."""
NEXT_STEP = "Next step:"
"""How a FAQ answer's closing paragraph, and each of its stage next steps, begins."""
NextStep = Annotated[Text, StringConstraints(max_length=300, pattern=r"^Next step: ")]


class Record(BaseModel):
    """Base for knowledge records: strict about unknown fields so typos surface."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Record):
    """Where a figure comes from; `citation` is the short form students see."""

    id: Slug
    citation: Annotated[Text, StringConstraints(max_length=120, pattern=r"^[^()\[\]]*$")]
    """No brackets: replies wrap citations in parentheses, and a nested pair reads badly."""
    title: Text
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$")]
    published: dt.date | None = None

    @property
    def is_primary(self) -> bool:
        """Published by the body whose data it is (its page is on one of PRIMARY_PUBLISHERS), not a summary."""
        host = urlsplit(self.url).hostname or ""
        return any(host == site or host.endswith("." + site) for site in PRIMARY_PUBLISHERS)


class Figure(Record):
    """One labelled average: the number, whose it is, which year's data, and where it was published."""

    value: int = Field(ge=1, le=300)
    """The mean Step 2 CK score the source gives for `population`."""
    source: Slug
    as_of: dt.date
    """When the source published the figure."""
    year: int | None = Field(default=None, ge=2000, le=2100)
    """The Match (or data) year the figure describes; None when the source does not say."""
    population: Phrase | None = None
    """Whom the figure describes, in the source's terms (e.g. "matched U.S. MD seniors"); None if unstated."""
    unmatched: int | None = Field(default=None, ge=1, le=300)
    """The mean for applicants of the same group who did not match, where the source gives both."""
    group: ApplicantGroup | None = None
    """Set when the figure describes one group of applicants only ("img": international graduates; which of them,
    `population` says, e.g. non-U.S. IMGs): it is shown to that group, or when the group is asked about, and never
    leads, ranks or charts for everyone."""

    @model_validator(mode="after")
    def _unmatched_needs_a_population(self) -> Figure:
        """A matched/unmatched pair, or one group's figure, only means something when we know whose it is."""
        if self.unmatched is not None and self.population is None:
            raise ValueError("unmatched needs population (whose matched and unmatched means these are)")
        if self.group is not None and self.population is None:
            raise ValueError("group needs population (which of the group's applicants the figure describes)")
        return self


class Signals(Record):
    """How many program signals a specialty gave each applicant in one ERAS season, as its source's table says."""

    season: int = Field(ge=2020, le=2100)
    """The ERAS season the count is for (the 2025 season applied in 2024 for the Match in 2025)."""
    gold: int | None = Field(default=None, ge=1, le=60)
    silver: int | None = Field(default=None, ge=1, le=60)
    total: int | None = Field(default=None, ge=1, le=60)
    """One tier: every signal the same; two tiers give `gold` and `silver` instead."""
    note: Text | None = Field(default=None, max_length=200)
    """The specialty's own guidance beside the count ("don't signal programs you rotated at")."""
    source: Slug

    @model_validator(mode="after")
    def _one_way_of_counting(self) -> Signals:
        """Either one tier (`total`) or two (`gold` and `silver`), never both or neither."""
        tiers = self.gold is not None and self.silver is not None
        if tiers == (self.total is not None) or (self.gold is None) != (self.silver is None):
            raise ValueError("give either total, or both gold and silver")
        return self


class Specialty(Record):
    """One specialty with one or more labelled average Step 2 CK figures.

    The file's order is kept as it is (the seed article's figure first); which figure a reply leads
    with is the knowledge store's choice, `Knowledge.lead`, since it depends on the sources.
    """

    id: Slug
    name: Text = Field(max_length=60)
    short_name: Text = Field(max_length=20)
    aliases: list[Phrase] = Field(min_length=1)
    figures: list[Figure] = Field(min_length=1)
    match_note: Text | None = Field(default=None, max_length=300)
    """How the specialty matches when it isn't the NRMP Main Match (urology, ophthalmology)."""
    match_sources: list[Slug] = []
    signals: Signals | None = None
    """Its program signals in the newest ERAS season the store holds; None if it holds none."""
    surgical: bool = False
    """A surgical field: left out of the fit list for a student who rules surgery out ("nothing surgical")."""

    @field_validator("figures")
    @classmethod
    def _one_figure_for_everyone(cls, figures: list[Figure]) -> list[Figure]:
        """A specialty's replies lead with a figure for all applicants; one group's figures only stand beside it."""
        if all(f.group is not None for f in figures):
            raise ValueError("needs at least one figure without a group (one group's figures only stand beside it)")
        return figures

    @model_validator(mode="before")
    @classmethod
    def _accept_single_figure(cls, data: Any) -> Any:
        """Older files give one figure as average_step2/source/as_of; read that as a one-item list."""
        if isinstance(data, dict) and "figures" not in data and "average_step2" in data:
            data = dict(data)
            flat = {k: data.pop(k) for k in ("average_step2", "source", "as_of") if k in data}
            data["figures"] = [
                {"value": flat.get("average_step2"), **{k: v for k, v in flat.items() if k != "average_step2"}}
            ]
        return data


class OtherSpecialty(Record):
    """A specialty students ask about that has no sourced average in the store yet."""

    id: Slug
    name: Text = Field(max_length=60)
    aliases: list[Phrase] = Field(min_length=1)
    match_note: Text | None = Field(default=None, max_length=300)
    """How the specialty matches when it isn't the NRMP Main Match (urology, ophthalmology)."""
    match_sources: list[Slug] = []
    residency: Slug | None = None
    """For a fellowship, the specialty whose residency comes first (cardiology: internal-medicine): its Step 2
    CK averages are the ones a student aiming for the fellowship reads."""


class Answer(Record):
    """One specific question students ask, answered first and short, filed under a FAQ topic.

    The most specific answer that fits a message is given (bot/answer_bank.py); the topic's
    general answer stays behind a button.
    """

    id: Slug
    topic: Slug
    question: Text = Field(max_length=90)
    answer: Text = Field(max_length=600)
    short: Text = Field(max_length=180)
    """For buttons and inline results: the answer in a sentence or two."""
    sources: list[Slug] = Field(min_length=1)
    stages: list[Stage] = []
    """The stages it fits; empty means any."""
    audiences: list[Audience] = []
    """Who it is for; empty means everyone."""
    score_bands: list[ScoreBand] = []
    """The scores it is written for, against the student's field's average; empty means any (or no score)."""
    asks: list[Phrase] = Field(min_length=5)
    """Ways students ask it: what the message is matched against."""
    in_posts: list[Phrase] = []
    """The question as it sits inside a long post ("Also, does that mean they'll still see it?"): only the
    answer model learns from these (bot/answer_model.py), to read a long post's questions one by one."""


class FaqEntry(Record):
    """A question students ask, answered in our own words, with the ways they ask it."""

    topic: Slug
    title: Text = Field(max_length=28)
    answer: Text = Field(max_length=1500)
    short: Text = Field(max_length=180)
    """The answer in a line, from the same sources: a long post's other question is answered with it."""
    phrasings: list[Phrase] = Field(min_length=3)
    in_posts: list[Phrase] = []
    """The topic's broad question as it sits inside a long post: only the answer model learns from these."""
    related: list[Slug] = []
    sources: list[Slug] = Field(min_length=1)
    next_steps: dict[Stage, NextStep] = {}
    """A next step for a student at one stage, in place of the answer's own closing "Next step:"
    paragraph (a student who has sat the exam needs no advice on spacing out practice tests)."""
    score_bands: list[ScoreBand] = []
    """The scores its general answer is written for, against the student's field's average; empty means any
    ("Matching with an average" is no answer for a score far above it)."""
    averages_beside: bool = True
    """Whether a specialty named beside the question gets its average under the answer ("For reference,
    the FM average is 244"): false for logistics (exam day, score release...), where it is noise. A
    score the student gives is still set beside it."""

    @model_validator(mode="after")
    def _ends_with_a_next_step(self) -> FaqEntry:
        if self.next_steps and not self.answer.rsplit("\n\n", 1)[-1].startswith(NEXT_STEP):
            raise ValueError(f"an answer with next_steps must end in a '{NEXT_STEP}' paragraph")
        return self


class Tip(Record):
    """One short, actionable study tip, grouped under one of the article's strategies."""

    id: Slug
    strategy: Slug
    text: Text = Field(max_length=300)
    source: Slug | None = None
    own_advice: bool = False
    """True for our own study advice, which claims no source; then `source` must be absent."""

    @model_validator(mode="after")
    def _sourced_or_own(self) -> Tip:
        """Every tip either names the source that gives this advice or says plainly it is ours."""
        if self.own_advice == (self.source is not None):
            raise ValueError("give a source, or set own_advice: true (not both)")
        return self


class Encouragement(Record):
    """One short line of encouragement that closes a study-day nudge: our own words, so it claims no source."""

    id: Slug
    text: Text = Field(max_length=120)


_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}


class Fact(Record):
    """A sourced fact that is not a specialty average (score scale, pass mark, ...)."""

    id: Slug
    text: Text = Field(max_length=400)
    source: Slug
    as_of: dt.date
    value: int | None = Field(default=None, ge=1, le=300)
    """The score the fact states, for facts replies compare against (the pass mark)."""
    weekday: Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] | None = None
    """The weekday the fact names (score release), for the nudges that fall on it."""
    weeks: tuple[int, ...] = Field(default=(), max_length=8)
    """Weeks after the exam the fact names (score release), for the nudges that count them."""
    percentiles: tuple[tuple[int, int], ...] = Field(default=(), max_length=40)
    """(score, percentile) rows of a percentile table the text states as "240 (35)", lowest score first."""

    @field_validator("weekday")
    @classmethod
    def _weekday_stated(cls, value: str | None, info: ValidationInfo) -> str | None:
        """A weekday the bot acts on must be one the text (and so the source) names."""
        if value is not None and value.lower() not in info.data.get("text", "").lower():
            raise ValueError(f"{value} does not appear in this fact's text")
        return value

    @field_validator("weeks")
    @classmethod
    def _weeks_stated(cls, value: tuple[int, ...], info: ValidationInfo) -> tuple[int, ...]:
        """Each number of weeks must be one the text states, in digits or as a word."""
        text = info.data.get("text", "").lower()
        for n in value:
            word = _NUMBER_WORDS.get(n, "")
            if not re.search(rf"(?<!\d){n}(?!\d)", text) and not (word and re.search(rf"\b{word}\b", text)):
                raise ValueError(f"{n} weeks does not appear in this fact's text")
        return value

    @field_validator("percentiles")
    @classmethod
    def _rows_stated(cls, value: tuple[tuple[int, int], ...], info: ValidationInfo) -> tuple[tuple[int, int], ...]:
        """Each row must be one the text states, scores rising and percentiles never falling, or a lookup between
        two rows could read a table the source never printed."""
        text = info.data.get("text", "")
        for score, percentile in value:
            if not (1 <= score <= 300 and 0 <= percentile <= 100):
                raise ValueError(f"{score} ({percentile}) is no score and percentile")
            if not re.search(rf"(?<!\d){score} \({percentile}\)", text):
                raise ValueError(f"{score} ({percentile}) does not appear in this fact's text")
        for (low, low_p), (high, high_p) in pairwise(value):
            if high <= low or high_p < low_p:
                raise ValueError(f"rows {low} ({low_p}) and {high} ({high_p}) are out of order")
        return value

    @field_validator("value")
    @classmethod
    def _stated_in_text(cls, value: int | None, info: ValidationInfo) -> int | None:
        """The figure must be one the text (and so the source) states, or an edit could split them."""
        text = info.data.get("text", "")
        if value is not None and not re.search(rf"(?<!\d){value}(?!\d)", text):
            raise ValueError(f"{value} does not appear in this fact's text")
        return value
