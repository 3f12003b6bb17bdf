"""The terminal transport: an interactive chat, one-shot answers, and JSON lines."""

from __future__ import annotations

import json
import logging
import queue
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from pydantic import BaseModel

from bot.calendar_file import FILENAME as CALENDAR_NAME
from bot.charts import render_png
from bot.conversation import Advisor, Turn
from bot.render import plain_text
from bot.reply import Button, Reply
from bot.storage import write_atomically
from bot.student import Profile

log = logging.getLogger(__name__)

CHART_NAME = "chart.png"
APOLOGY = "Sorry, something went wrong on my side. Please try again."

TERMINAL_USER = 0
"""The terminal's user id; Telegram ids are positive, so it never meets a real user."""


class AskResult(BaseModel):
    """One line of `ask --json` output."""

    reply: str
    intent: str
    score: int | None
    specialties: list[str]
    topic: str | None
    buttons: list[dict[str, str]]
    chart: bool
    feeling: str | None
    profile: dict[str, object]

    @classmethod
    def of(cls, turn: Turn) -> AskResult:
        """Describe a turn as JSON-ready data."""
        return cls(
            reply=turn.reply.html,
            intent=turn.intent,
            score=turn.score,
            specialties=list(turn.specialties),
            topic=turn.topic,
            buttons=[{"label": b.label, "action": b.action} for row in turn.reply.buttons for b in row],
            chart=turn.reply.chart is not None,
            feeling=turn.feeling,
            profile=turn.profile,
        )


def render_turn(turn: Turn, advisor: Advisor, chart_dir: Path | None) -> tuple[str, list[Button]]:
    """The text a terminal shows for a turn, and its buttons in the order numbered.

    A chart is saved in `chart_dir` (BOT_DATA_DIR/charts); a file, such as the plan's .ics, in
    BOT_DATA_DIR itself, and the text says where.
    """
    lines = [plain_text(turn.reply.html)]
    buttons = [b for row in turn.reply.buttons for b in row]
    document = turn.reply.document
    if document is not None and chart_dir is not None:
        data_dir = chart_dir.parent
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = data_dir / document.filename
        # The plan is the student's own: readable by its owner only, like the store.
        write_atomically(path, document.data)
        lines.append(f"[{document.filename} saved to {path}: open it with your calendar app to import it]")
    if turn.reply.chart is not None and chart_dir is not None:
        chart_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = chart_dir / CHART_NAME
        # The chart shows the student's score: readable by its owner only.
        write_atomically(path, render_png(turn.reply.chart, advisor.knowledge))
        lines.append(f"[chart saved to {path}]")
    if buttons:
        lines.append("  ".join(f"[{i}] {b.label}" for i, b in enumerate(buttons, 1)))
    return "\n".join(lines), buttons


def press(text: str, buttons: list[Button]) -> str:
    """What typing `text` means: a button's number presses it, unless a button is labelled with it.

    Study-days buttons are labelled "4" to "7", so "5" must mean five days, not button 5.
    """
    for button in buttons:
        if button.label == text:
            return button.action
    # ASCII only: "²" and "⑳" pass isdigit() but int() refuses them.
    if text.isascii() and text.isdigit() and 0 < int(text) <= len(buttons):
        return buttons[int(text) - 1].action
    return text


def forget_chart(turn: Turn, advisor: Advisor, chart_dir: Path | None, user_id: int) -> None:
    """After /forget erased a user, remove the last chart and calendar file too: they show their score and plan."""
    if turn.intent == "forget" and chart_dir is not None and advisor.profiles.get(user_id) == Profile(user_id):
        (chart_dir / CHART_NAME).unlink(missing_ok=True)
        (chart_dir.parent / CALENDAR_NAME).unlink(missing_ok=True)


def answer(advisor: Advisor, user_id: int, text: str) -> Turn:
    """The advisor's turn, or an apology: one failing message never ends a session or a batch."""
    try:
        return advisor.handle(user_id, text)
    except Exception:
        log.exception("a %d-character message failed", len(text))  # the text itself is private
        return Turn(Reply(APOLOGY), "error")


def chat(advisor: Advisor, lines: Iterable[str], out: TextIO, chart_dir: Path, intro: str = "") -> None:
    """Talk with the advisor line by line; a button's number presses it; /quit ends."""
    if intro:
        print(intro, file=out)
    print("Step 2 CK Advisor (terminal). Ask anything, type a button's number to press it, /quit to leave.", file=out)
    buttons: list[Button] = []
    print("you> ", end="", file=out, flush=True)
    for raw in lines:
        text = raw.strip()
        if text in {"/quit", "/exit", "quit", "exit"}:
            break
        text = press(text, buttons)
        if text:
            turn = answer(advisor, TERMINAL_USER, text)
            forget_chart(turn, advisor, chart_dir, TERMINAL_USER)
            shown, buttons = render_turn(turn, advisor, chart_dir)
            print(f"bot> {shown}\n", file=out)
        print("you> ", end="", file=out, flush=True)
    print("\nBye, and good luck with Step 2 CK!", file=out)


def ask(advisor: Advisor, text: str, out: TextIO, chart_dir: Path, user_id: int = TERMINAL_USER) -> None:
    """Print the reply to one message."""
    turn = answer(advisor, user_id, text)
    forget_chart(turn, advisor, chart_dir, user_id)
    shown, _ = render_turn(turn, advisor, chart_dir)
    print(shown, file=out)


BATCH = 64
"""At most this many JSON lines wait for one shared fsync (input already queued, never for more)."""
_END = object()


def ask_json(advisor: Advisor, lines: Iterable[str], out: TextIO, user_id: int = TERMINAL_USER) -> None:
    """One message per input line, one JSON object per output line; one user's memory.

    Group commit: while more input is already waiting, answers are held back (at most `BATCH`);
    then one fsync makes every write behind them durable, and only then are they printed. An
    answer printed is an answer stored, as before, but a piped batch pays one fsync per
    `BATCH` lines instead of one per changed message; a person typing still gets each answer
    at once, as nothing else is waiting.
    """
    waiting: queue.SimpleQueue[object] = queue.SimpleQueue()

    failed: list[BaseException] = []

    def read() -> None:
        try:
            for raw in lines:
                waiting.put(raw)
        except BaseException as err:  # e.g. undecodable input: raised below, in the caller's thread
            failed.append(err)
        finally:
            waiting.put(_END)

    threading.Thread(target=read, name="ask-json-input", daemon=True).start()
    held: list[str] = []
    done = False
    with advisor.profiles.deferring_sync():
        while not done:
            raw = waiting.get()
            if raw is _END:
                done = True
            else:
                text = str(raw).rstrip("\n")
                if text.strip():
                    result = AskResult.of(answer(advisor, user_id, text))
                    held.append(json.dumps(result.model_dump(), ensure_ascii=False) + "\n")
            if held and (done or len(held) >= BATCH or waiting.empty()):
                advisor.profiles.sync()  # durable before it is acknowledged
                out.write("".join(held))
                out.flush()
                held.clear()
    if failed:
        raise failed[0]
