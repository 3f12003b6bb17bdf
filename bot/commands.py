"""Every command the bot answers, declared once.

From this one table come the advisor's dispatch (`Advisor._command`), the menu Telegram shows
(`set_my_commands`), the command list in /help, and the README's list (a test holds it to this).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["data", "plan", "memory", "help"]
"""What a command works on: the averages and FAQ, the student's own study plan, what we
remember of them, or the bot itself. Plan and memory commands need a private chat."""


@dataclass(frozen=True)
class Command:
    """One command: its name, one line on what it does, and an example of its use."""

    name: str
    summary: str
    kind: Kind
    example: str = ""
    """How to call it with an argument, e.g. "/average derm"; "" when it takes none."""
    menu: bool = True
    """Shown in Telegram's command menu and in /help (admin commands are not)."""
    whole_store: bool = False
    """May read or rewrite every student's record: takes seconds at 100,000 students."""


COMMANDS: tuple[Command, ...] = (
    Command("start", "What I can do", "help"),
    Command("specialties", "All averages, with the source", "data"),
    Command("average", "Average for a specialty", "data", "/average derm"),
    Command("score", "Your score vs. averages", "data", "/score 248 ortho"),
    Command("compare", "Side by side", "data", "/compare derm psych"),
    Command("chart", "Chart of averages with your score", "data"),
    Command("faq", "Common questions", "data"),
    Command("plan", "Your study plan and daily nudges", "plan"),
    Command("calendar", "Your study plan as a calendar file", "plan"),
    Command("done", "Log today's study", "plan", "/done 40 questions"),
    Command("progress", "A chart of your scores and questions", "plan"),
    Command("deadline", "A reminder before a date", "plan", "/deadline ERAS opens sep 25"),
    Command("snooze", "Nudge me again in an hour", "plan", menu=False),
    Command("pause", "Pause nudges", "plan"),
    Command("resume", "Resume nudges", "plan"),
    Command("stop", "Stop the study plan", "plan"),
    Command("forget", "Erase everything I stored about you", "memory", whole_store=True),
    Command("help", "How to ask", "help"),
    Command("stats", "Counts of users and plans (admins only)", "memory", menu=False, whole_store=True),
)

BY_NAME = {c.name: c for c in COMMANDS}
PLAN_COMMANDS = frozenset(c.name for c in COMMANDS if c.kind == "plan")
WHOLE_STORE_COMMANDS = frozenset(c.name for c in COMMANDS if c.whole_store)


def menu() -> list[tuple[str, str]]:
    """(name, description) pairs for Telegram's command menu; the example, if any, shows how to call it."""
    return [(c.name, f"{c.summary}: {c.example}" if c.example else c.summary) for c in COMMANDS if c.menu]


def markdown_list() -> str:
    """The command list for the README, one bullet per menu command."""
    return "\n".join(
        f"- `/{c.name}`: {c.summary}" + (f" (`{c.example}`)" if c.example else "") for c in COMMANDS if c.menu
    )
