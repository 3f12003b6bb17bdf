"""Draw the README's pictures with the bot's own code, so they stay true to what it sends.

    .venv/bin/python -m docs.make_screenshots [OUT_DIR]     (default: docs/)

Writes three PNGs:

* `chart.png`: the averages chart for `/chart 248`, the reply's chart request drawn by
  `bot.charts.render_png`, as the Telegram transport does;
* `progress.png`: `/progress` for a made-up student (six weeks of logged blocks and four
  practice tests, aiming for dermatology), through `progress.chart_for` and `render_png`;
* `plan.png`: the `/plan` summary of a plan made through `bot.conversation.Advisor` with a
  throwaway store, drawn as a chat bubble with its buttons.

Every date is fixed, so a rerun changes a picture only when the bot's output changes.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tempfile
import textwrap
from datetime import date, time, timedelta
from functools import cache
from io import BytesIO
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import font_manager, ft2font
from matplotlib.patches import FancyBboxPatch

from bot.charts import render_png
from bot.conversation import Advisor
from bot.plans.model import Plan, ScoreEntry, changed
from bot.profiles import ProfileStore
from bot.progress import alt_text, chart_for
from bot.render import plain_text
from bot.reply import Reply
from knowledge import Knowledge, load_knowledge

DOCS = Path(__file__).parent
NOW = dt.datetime(2026, 12, 4, 14, 0, tzinfo=dt.UTC)
"""The instant the plan is made and shown (a Friday afternoon)."""
PROGRESS_DAY = date(2026, 3, 1)
PLAN_MESSAGES = ("make me a study plan, exam in 8 weeks, I can study 5 days a week", "7pm", "new york")
FONT = "DejaVu Sans"  # ships with matplotlib, so every machine draws the same glyphs


def averages_png(knowledge: Knowledge, advisor: Advisor) -> bytes:
    """`/chart 248` as the bot answers it: the reply's chart request, drawn by the transport's renderer."""
    chart = advisor.handle(1, "/chart 248").reply.chart
    assert chart is not None  # noqa: S101  # /chart always asks for one
    return render_png(chart, knowledge)


def sample_plan() -> Plan:
    """Six weeks of a student's logs, as the bot would have stored them."""
    start = PROGRESS_DAY - timedelta(weeks=6)
    plan = Plan(
        exam_date=PROGRESS_DAY + timedelta(weeks=3),
        study_days=6,
        nudge_time=time(7),
        tz="America/Chicago",
        created=start,
        target_specialty="dermatology",
    )
    done: dict[str, int] = {}
    percents: dict[str, list[int]] = {}
    for n in range(42):
        day = start + timedelta(days=n)
        if day.weekday() == 6 or n % 9 == 4:
            continue  # Sundays off, and the odd missed day
        done[day.isoformat()] = 40 + 20 * (n // 14)
        percents[day.isoformat()] = [58 + n // 3 + (n % 4)]
    scores = [
        ScoreEntry(start + timedelta(days=1), "nbme", "9", 229),
        ScoreEntry(start + timedelta(days=15), "nbme", "10", 236),
        ScoreEntry(start + timedelta(days=29), "uwsa", "1", 245),
        ScoreEntry(start + timedelta(days=40), "nbme", "11", 241),
    ]
    return changed(plan, done_log=done, percent_log=percents, scores=scores)


def progress_png(knowledge: Knowledge) -> tuple[bytes, str]:
    """The progress chart and its caption (the alt text)."""
    chart = chart_for(sample_plan(), PROGRESS_DAY, knowledge)
    return render_png(chart, knowledge), alt_text(chart)


def plan_reply(advisor: Advisor) -> Reply:
    """Make a plan the way a student does (skipping the optional extras), then ask for `/plan`."""
    reply = Reply("")
    for text in PLAN_MESSAGES:
        reply = advisor.handle(2, text).reply
    skip = next(b for row in reply.buttons for b in row if b.action.endswith("skip"))
    advisor.handle(2, skip.action)
    return advisor.handle(2, "/plan").reply


@cache
def _drawable() -> frozenset[int]:
    """Code points the font has a glyph for (no emoji font is assumed)."""
    path = font_manager.findfont(font_manager.FontProperties(family=FONT), fallback_to_default=False)
    return frozenset(ft2font.FT2Font(path).get_charmap())


def _drawable_text(text: str) -> str:
    """`text` without the characters the font can't draw (emoji), and without the space they leave."""
    kept = "".join(ch for ch in text if ord(ch) in _drawable() or ch == "\n")
    return re.sub(r" {2,}", " ", kept)


def _lines(html: str, width: int) -> list[tuple[str, bool]]:
    """The reply's lines as (text, bold), wrapped to `width` characters; a wholly bold line stays bold."""
    out: list[tuple[str, bool]] = []
    for line in html.split("\n"):
        bold = bool(re.fullmatch(r"<b>[^<]*</b>", line.strip()))
        text = _drawable_text(plain_text(line)).strip()
        wrapped = textwrap.wrap(text, width, subsequent_indent="  " if text.startswith("•") else "") or [""]
        out.extend((part, bold) for part in wrapped)
    return out


def bubble_png(reply: Reply) -> bytes:
    """A reply drawn as a Telegram-like chat bubble, its inline buttons under it."""
    lines = _lines(reply.html, 62)
    line_h, pad, button_h, gap, width = 17.0, 14.0, 30.0, 5.0, 470.0
    text_h = line_h * len(lines)
    keys_h = len(reply.buttons) * (button_h + gap)
    height = text_h + 2 * pad + keys_h + 2 * gap + 16
    fig = plt.figure(figsize=((width + 30) / 100, height / 100), dpi=150)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width + 30)
    ax.set_ylim(0, height)
    ax.axis("off")
    fig.patch.set_facecolor("#cfdde8")
    left, top = 15.0, height - 8
    bubble_bottom = top - text_h - 2 * pad
    ax.add_patch(
        FancyBboxPatch(
            (left, bubble_bottom),
            width,
            text_h + 2 * pad,
            boxstyle="round,pad=0,rounding_size=12",
            fc="white",
            ec="none",
        )
    )
    for n, (text, bold) in enumerate(lines):
        ax.text(
            left + pad,
            top - pad - (n + 0.75) * line_h,
            text,
            fontsize=8.6,
            family=FONT,
            weight="bold" if bold else "normal",
            color="#1b1b1b",
            va="baseline",
        )
    y = bubble_bottom - gap
    for row in reply.buttons:
        each = (width - gap * (len(row) - 1)) / len(row)
        for i, button in enumerate(row):
            x = left + i * (each + gap)
            ax.add_patch(
                FancyBboxPatch(
                    (x, y - button_h), each, button_h, boxstyle="round,pad=0,rounding_size=8", fc="#8fa9bf", ec="none"
                )
            )
            label = _drawable_text(button.label).strip()
            ax.text(
                x + each / 2,
                y - button_h / 2,
                label,
                fontsize=8.6,
                family=FONT,
                color="white",
                ha="center",
                va="center",
            )
        y -= button_h + gap
    buffer = BytesIO()
    fig.savefig(buffer, format="png", facecolor=fig.get_facecolor(), metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def main(out_dir: Path = DOCS) -> list[Path]:
    """Write the three PNGs into `out_dir`; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    knowledge = load_knowledge()
    with tempfile.TemporaryDirectory() as data:
        store = ProfileStore.in_dir(Path(data))
        try:
            advisor = Advisor(knowledge, store, now=lambda: NOW, default_timezone="UTC")
            chart = averages_png(knowledge, advisor)
            plan = bubble_png(plan_reply(advisor))
        finally:
            store.close()
    progress, caption = progress_png(knowledge)
    written = []
    for name, data_bytes in (("chart.png", chart), ("progress.png", progress), ("plan.png", plan)):
        path = out_dir / name
        path.write_bytes(data_bytes)
        written.append(path)
        print(f"wrote {path}")
    print(f"progress.png alt text: {caption}")
    return written


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS)
