"""Pydantic models for every record a knowledge file may hold.

They are the edge between hand-edited JSON and the bot: anything that passes here
is safe to show to a student, and anything that fails is named precisely.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$", max_length=40)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class Record(BaseModel):
    """Base for knowledge records: strict about unknown fields so typos surface."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Record):
    """Where a figure comes from; `citation` is the short form students see."""

    id: Slug
    citation: Text = Field(max_length=120)
    title: Text
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$")]
    published: dt.date | None = None


class Specialty(Record):
    """One specialty with the average Step 2 CK score of matched applicants."""

    id: Slug
    name: Text = Field(max_length=60)
    short_name: Text = Field(max_length=20)
    aliases: list[Phrase] = Field(min_length=1)
    average_step2: int = Field(ge=1, le=300)
    source: Slug
    as_of: dt.date


class OtherSpecialty(Record):
    """A specialty students ask about that has no sourced average in the store yet."""

    id: Slug
    name: Text = Field(max_length=60)
    aliases: list[Phrase] = Field(min_length=1)


class FaqEntry(Record):
    """A question students ask, answered in our own words, with the ways they ask it."""

    topic: Slug
    title: Text = Field(max_length=28)
    answer: Text = Field(max_length=1500)
    phrasings: list[Phrase] = Field(min_length=3)
    related: list[Slug] = []
    sources: list[Slug] = Field(min_length=1)


class Tip(Record):
    """One short, actionable study tip, grouped under one of the article's strategies."""

    id: Slug
    strategy: Slug
    text: Text = Field(max_length=300)
    source: Slug


class Fact(Record):
    """A sourced fact that is not a specialty average (score scale, pass mark, ...)."""

    id: Slug
    text: Text = Field(max_length=400)
    source: Slug
    as_of: dt.date
    value: int | None = Field(default=None, ge=1, le=300)
    """The score the fact states, for facts replies compare against (the pass mark)."""

    @field_validator("value")
    @classmethod
    def _stated_in_text(cls, value: int | None, info: ValidationInfo) -> int | None:
        """The figure must be one the text (and so the source) states, or an edit could split them."""
        text = info.data.get("text", "")
        if value is not None and not re.search(rf"(?<!\d){value}(?!\d)", text):
            raise ValueError(f"{value} does not appear in this fact's text")
        return value
