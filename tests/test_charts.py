"""The averages chart: a real PNG, and the figure behind it that changes with the student's score."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.charts import HIGHLIGHT, draw, render_png
from bot.reply import Chart
from knowledge import Knowledge
from tests.mixed_sources import mixed_knowledge

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PNG = b"\x89PNG\r\n\x1a\n"


def test_chart_is_a_png(knowledge: Knowledge) -> None:
    png = render_png(Chart(), knowledge)
    assert png.startswith(PNG) and len(png) > 10_000


def test_the_score_is_a_line_across_every_panel_and_a_named_specialty_stands_out(knowledge: Knowledge) -> None:
    plain = draw(Chart(), knowledge)
    marked = draw(Chart(score=248, highlight=("orthopedic-surgery",)), knowledge)
    ortho = knowledge.specialties["orthopedic-surgery"]
    assert all(len(ax.lines) == 0 for ax in plain.axes)
    assert all([line.get_xdata()[0] for line in ax.lines] == [248] for ax in marked.axes)
    assert _highlighted(plain) == []
    assert _highlighted(marked) and set(_highlighted(marked)) == {ortho.short_name}


def test_a_score_far_below_every_average_is_still_on_the_chart(knowledge: Knowledge) -> None:
    low, high = draw(Chart(score=180), knowledge).axes[0].get_xlim()
    assert low < 180 < high


def _highlighted(fig: Figure) -> list[str]:
    """The names of the bars drawn in the highlight colour (bars and names are in the same order)."""
    from matplotlib.colors import to_hex  # as the bot does, matplotlib loads with the first chart, not at import

    return [
        label.get_text()
        for ax in fig.axes
        for bar, label in zip(ax.patches, ax.get_yticklabels(), strict=True)
        if to_hex(bar.get_facecolor()) == HIGHLIGHT
    ]


def test_each_panel_is_one_source_named_once_in_its_title(knowledge: Knowledge) -> None:
    kb = mixed_knowledge(knowledge)
    fig = draw(Chart(score=248), kb)
    groups = kb.ranking()
    assert len(fig.axes) == len(groups) > 1
    for ax, group in zip(fig.axes, groups, strict=True):
        assert ax.get_title(loc="left").replace("\n", " ") == group.label
        names = [t.get_text() for t in ax.get_yticklabels()]
        assert names == [s.short_name for s, _ in group.rows][::-1]  # highest on top
        assert [round(p.get_width()) for p in ax.patches] == [f.value for _, f in group.rows][::-1]
