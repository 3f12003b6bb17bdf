"""A PNG of the specialty averages with the student's score drawn across them."""

from __future__ import annotations

import io

from bot.reply import Chart
from knowledge import Knowledge

# Colours chosen to read well on both Telegram's light and dark themes.
BAR = "#9db4d3"
HIGHLIGHT = "#2f6db5"
LINE = "#d9534f"


def render_png(chart: Chart, knowledge: Knowledge) -> bytes:
    """Draw the averages as horizontal bars, highest on top, and return PNG bytes."""
    # matplotlib takes about half a second to import: load it on the first chart,
    # not at start-up, so the bot answers its first message quickly.
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    ranked = knowledge.ranked_specialties()[::-1]
    names = [s.short_name for s in ranked]
    values = [s.average_step2 for s in ranked]
    colours = [HIGHLIGHT if s.id in chart.highlight else BAR for s in ranked]

    fig = Figure(figsize=(7, 6), dpi=110)
    ax = fig.add_subplot()
    ax.barh(names, values, color=colours)
    for y, value in enumerate(values):
        ax.text(value + 0.3, y, str(value), va="center", fontsize=9)
    low = min([*values, chart.score or values[0]])
    high = max([*values, chart.score or values[0]])
    ax.set_xlim(low - 8, high + 4)
    if chart.score is not None:
        ax.axvline(chart.score, color=LINE, linewidth=2.5, label=f"Your score: {chart.score}")
        ax.legend(loc="lower right")
    ax.set_xlabel("Average Step 2 CK score (an average, not a cut-off)")
    ax.set_title("Average Step 2 CK by specialty")
    ax.spines[["top", "right"]].set_visible(False)
    # Figures may come from different sources; name each, with its specialties when there are several.
    by_source: dict[str, list[str]] = {}
    for s in ranked[::-1]:
        by_source.setdefault(knowledge.cite(s.source), []).append(s.short_name)
    notes = [c if len(by_source) == 1 else f"{c} ({', '.join(n)})" for c, n in by_source.items()]
    fig.text(0.01, 0.01, "Source: " + "; ".join(notes), fontsize=7, color="#555555", wrap=True)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
