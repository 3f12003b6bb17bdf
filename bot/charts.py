"""A PNG of the specialty averages, one panel per source, with the student's score drawn across them."""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING

from bot.reply import Chart
from knowledge import Knowledge

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Colours chosen to read well on both Telegram's light and dark themes.
BAR = "#9db4d3"
HIGHLIGHT = "#2f6db5"
LINE = "#d9534f"


def draw(chart: Chart, knowledge: Knowledge) -> Figure:
    """The averages as horizontal bars, highest on top, in one panel per source, year and population.

    Each panel is titled with its series' label, so the chart names every source once and a bar
    is only ever ranked against bars from the same series (`Knowledge.ranking`).
    """
    # matplotlib takes about half a second to import: load it on the first chart,
    # not at start-up, so the bot answers its first message quickly.
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    groups = knowledge.ranking()
    heights = [len(g.rows) + 1.5 for g in groups]  # each panel's bars, and room for its title
    fig = Figure(figsize=(7, 1.2 + 0.3 * sum(heights)), dpi=110)
    axes = fig.subplots(len(groups), 1, sharex=True, squeeze=False, gridspec_kw={"height_ratios": heights})[:, 0]
    every = [f.value for g in groups for _, f in g.rows]
    low = min([*every, chart.score or every[0]])
    high = max([*every, chart.score or every[0]])
    for ax, group in zip(axes, groups, strict=True):
        rows = group.rows[::-1]
        values = [f.value for _, f in rows]
        colours = [HIGHLIGHT if s.id in chart.highlight else BAR for s, _ in rows]
        ax.barh([s.short_name for s, _ in rows], values, color=colours)
        for y, value in enumerate(values):
            ax.text(value + 0.3, y, str(value), va="center", fontsize=9)
        # "$" would start matplotlib's mathtext; a label is plain text.
        ax.set_title(textwrap.fill(group.label.replace("$", r"\$"), 95), fontsize=7, loc="left", color="#333333")
        ax.spines[["top", "right"]].set_visible(False)
        if chart.score is not None:
            ax.axvline(chart.score, color=LINE, linewidth=2.5, label=f"Your score: {chart.score}")
    axes[0].set_xlim(low - 8, high + 4)
    if chart.score is not None:
        axes[0].legend(loc="lower right", fontsize=8)
    axes[-1].set_xlabel("Average Step 2 CK score (an average, not a cut-off)")
    title = "Average Step 2 CK by specialty" + (", one panel per source" if len(groups) > 1 else "")
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def render_png(chart: Chart, knowledge: Knowledge) -> bytes:
    """The chart `draw` makes, as PNG bytes."""
    buffer = io.BytesIO()
    draw(chart, knowledge).savefig(buffer, format="png")
    return buffer.getvalue()
