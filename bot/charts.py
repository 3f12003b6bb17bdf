"""PNGs: the specialty averages (one panel per source) with the student's score across them, and the
student's progress."""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING

from bot.reply import Chart, Point, ProgressChart
from knowledge import Knowledge

if TYPE_CHECKING:
    from matplotlib.axes import Axes
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


def render_png(chart: Chart | ProgressChart, knowledge: Knowledge) -> bytes:
    """Draw the chart a reply asks for and return PNG bytes."""
    if isinstance(chart, ProgressChart):
        return render_progress_png(chart)
    buffer = io.BytesIO()
    draw(chart, knowledge).savefig(buffer, format="png")
    return buffer.getvalue()


# One colour and marker per kind of practice test, so "each labelled" holds in black and white too.
KIND_STYLES = {
    "NBME": ("#2f6db5", "o"),
    "UWSA": ("#d9822b", "s"),
    "CMS": ("#5a9e4b", "^"),
    "Free 120": ("#8e5ea2", "D"),
    "Practice": ("#555555", "v"),
    "Question blocks": ("#2f6db5", "o"),
}
TARGET = "#d9534f"
WEEK_BAR = "#9db4d3"
PHONE_FONT = 13
"""Points: the PNG is about 900 px wide, and a phone shows it about 360 px wide, so text needs to be big."""


def _kind(label: str) -> str:
    """ "NBME 11" -> "NBME"; "Free 120" stays whole."""
    return label if label in KIND_STYLES else label.split(" ")[0]


def _dates(ax: Axes, points: tuple[Point, ...]) -> None:
    """Dates on the x axis as "Jan 5", at most five of them (days are plotted as ordinals)."""
    days = sorted({p.day for p in points})
    step = max(1, -(-len(days) // 5))
    shown = days[::step]
    ax.set_xticks([d.toordinal() for d in shown], [f"{d:%b} {d.day}" for d in shown])
    if len(days) == 1:
        ax.set_xlim(days[0].toordinal() - 3, days[0].toordinal() + 3)
    else:
        ax.margins(x=0.1)  # room for the first and last points' labels
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", alpha=0.3)


def _series(ax: Axes, points: tuple[Point, ...], unit: str) -> None:
    """Each kind of test as its own labelled line; every point carries its form and value."""
    kinds: dict[str, list[Point]] = {}
    for p in points:
        kinds.setdefault(_kind(p.label), []).append(p)
    for kind, pts in kinds.items():
        colour, marker = KIND_STYLES.get(kind, KIND_STYLES["Practice"])
        ax.plot(
            [p.day.toordinal() for p in pts],
            [p.value for p in pts],
            marker=marker,
            color=colour,
            linewidth=2,
            markersize=9,
            label=kind,
        )
        if kind == "Question blocks" and len(pts) > 8:
            continue  # many daily blocks: the line says it; labels would pile up
        for p in pts:
            text = f"{p.label}: {p.value}{unit}" if p.label != "Question blocks" else f"{p.value}{unit}"
            ax.annotate(
                text,
                (p.day.toordinal(), p.value),
                textcoords="offset points",
                xytext=(0, 10),
                ha="center",
                fontsize=PHONE_FONT - 2,
            )


def render_progress_png(chart: ProgressChart) -> bytes:
    """The progress picture, one panel per kind of number, stacked for a phone held upright.

    Practice-test scores over time (each test its own labelled line) against the target
    specialty's average; percentages correct; questions logged per week. A panel with no
    data is left out.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    panels = [
        name for name, data in (("scores", chart.scores), ("percents", chart.percents), ("weeks", chart.weeks)) if data
    ]
    fig = Figure(figsize=(6, 2.2 + 2.6 * len(panels)), dpi=150)
    axes = fig.subplots(len(panels), 1, squeeze=False)[:, 0]
    for ax, panel in zip(axes, panels, strict=True):
        ax.tick_params(labelsize=PHONE_FONT - 2)
        if panel == "scores":
            _series(ax, chart.scores, "")
            values = [p.value for p in chart.scores]
            if chart.target is not None:
                ax.axhline(
                    chart.target, color=TARGET, linestyle="--", linewidth=2, label=chart.target_label.split(" (")[0]
                )
                values.append(chart.target)
            ax.set_ylim(min(values) - 8, max(values) + 8)
            ax.set_title("Practice test scores", fontsize=PHONE_FONT + 1, loc="left")
            ax.legend(fontsize=PHONE_FONT - 3, loc="lower right", frameon=False)
            _dates(ax, chart.scores)
        elif panel == "percents":
            _series(ax, chart.percents, "%")
            values = [p.value for p in chart.percents]
            ax.set_ylim(max(0, min(values) - 12), min(100, max(values) + 12))
            ax.set_title("Percent correct", fontsize=PHONE_FONT + 1, loc="left")
            ax.legend(fontsize=PHONE_FONT - 3, loc="lower right", frameon=False)
            _dates(ax, chart.percents)
        else:
            labels = [f"{w.day:%b} {w.day.day}" for w in chart.weeks]
            values = [w.value for w in chart.weeks]
            ax.bar(range(len(values)), values, color=WEEK_BAR)
            for x, value in enumerate(values):
                if value:
                    ax.text(x, value, str(value), ha="center", va="bottom", fontsize=PHONE_FONT - 3)
            step = max(1, len(labels) // 5)
            ax.set_xticks(range(0, len(labels), step), labels[::step])
            ax.set_ylim(0, max(values) * 1.2 or 1)
            ax.set_title("Questions per week (week of)", fontsize=PHONE_FONT + 1, loc="left")
            ax.spines[["top", "right"]].set_visible(False)
    if chart.target is not None and chart.scores:
        fig.text(0.01, 0.005, f"Dashed line: {chart.target_label}", fontsize=PHONE_FONT - 5, color="#555555", wrap=True)
    fig.tight_layout(rect=(0, 0.02, 1, 1))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
