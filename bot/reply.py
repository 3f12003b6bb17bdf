"""What the core hands to a transport: HTML text, optional buttons, an optional chart (averages or progress)
or file."""

from __future__ import annotations

import html
from dataclasses import dataclass, field, replace
from datetime import date


def escape_text(text: str) -> str:
    """Escape text for Telegram HTML: only <, > and & need it outside attributes."""
    return html.escape(text, quote=False)


@dataclass(frozen=True)
class Button:
    """An inline button; `action` is the command line it runs, e.g. "/faq img" (<= 64 bytes).

    Every button carries a command, whatever made it: that one rule is what lets every
    transport run any button the same way (`Advisor.press`), today or after a restart.
    """

    label: str
    action: str

    def __post_init__(self) -> None:
        # Telegram refuses callback_data over 64 bytes; fail where the button is made.
        if len(self.action.encode()) > 64:
            raise ValueError(f"button action over 64 bytes: {self.action!r}")
        if not self.action.startswith("/"):
            raise ValueError(f"button action is not a command: {self.action!r}")


@dataclass(frozen=True)
class Chart:
    """A request for the averages chart, with the student's score drawn across it."""

    score: int | None = None
    highlight: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """A file sent with a reply (the study plan as an .ics): Telegram sends it as a document
    with the reply as its caption; the terminal saves it under BOT_DATA_DIR and says where."""

    filename: str
    data: bytes
    mime_type: str


@dataclass(frozen=True)
class Point:
    """One dated value on the progress chart, with what it was (e.g. "NBME 11")."""

    day: date
    value: int
    label: str


@dataclass(frozen=True)
class ProgressChart:
    """A request for the student's progress picture: their practice scores, % correct and weekly questions."""

    scores: tuple[Point, ...] = ()
    """Three-digit practice-test scores, oldest first."""
    percents: tuple[Point, ...] = ()
    """Percentages correct (question blocks, day by day, and percent-scored forms), oldest first."""
    weeks: tuple[Point, ...] = ()
    """Questions logged per week; `day` is the week's Monday."""
    target: int | None = None
    """The target specialty's average, drawn across the scores."""
    target_label: str = ""
    """What the target line is, with its source: "Derm average 257 (AAMC, 2024)"."""


Rows = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class Reply:
    """One answer, in sections that are rendered to Telegram-safe HTML once, in a fixed order.

    Builders fill the sections; the steps that compose a turn (a feeling acknowledged, a note
    that a score was remembered, the set-up question asked again) add to them and never edit
    the rendered text. Each section is Telegram HTML already: user text in it is escaped.
    """

    answer: str
    """The main answer, first and short."""
    buttons: Rows = field(default=())
    chart: Chart | ProgressChart | None = None
    document: Document | None = None
    feeling: str = ""
    """The student's feeling, named before anything else."""
    lead: tuple[str, ...] = ()
    """Said before the answer: e.g. that a figure they quoted was not taken as their score."""
    numbers: str = ""
    """The student's own numbers against the right figure."""
    next_step: str = ""
    """One next step for the student's stage."""
    closing: str = ""
    """An upbeat last line, dropped beside a heavy feeling."""
    source: str = ""
    """Where the figures come from."""
    notes: tuple[str, ...] = ()
    """Last: what was remembered or logged, the post's other questions, the set-up question again."""
    about_others: tuple[str, ...] = ()
    """Specialties we hold no figure for that the answer already names (so no note repeats them)."""

    @property
    def html(self) -> str:
        """The sections rendered in order: feeling, lead, answer, numbers, next step, closing and source, notes."""
        tail = "\n".join(part for part in (self.closing, self.source) if part)
        parts = (self.feeling, *self.lead, self.answer, self.numbers, self.next_step, tail, *self.notes)
        return "\n\n".join(part for part in parts if part)

    def noted(self, *notes: str, buttons: Rows = ()) -> Reply:
        """The reply with notes (and button rows) added at the end; a button it already has is not added twice."""
        shown = {b.action for row in self.buttons for b in row}
        fresh = tuple(row for row in (tuple(b for b in row if b.action not in shown) for row in buttons) if row)
        return replace(self, notes=(*self.notes, *notes), buttons=(*self.buttons, *fresh))

    def led_by(self, *lead: str) -> Reply:
        """The reply with something said before its answer."""
        return replace(self, lead=(*lead, *self.lead))
