"""The averages chart: a real PNG that changes with the student's score."""

from __future__ import annotations

from bot.charts import draw, render_png
from bot.reply import Chart
from knowledge import Knowledge
from tests.mixed_sources import mixed_knowledge

PNG = b"\x89PNG\r\n\x1a\n"


def test_chart_is_a_png(knowledge: Knowledge) -> None:
    png = render_png(Chart(), knowledge)
    assert png.startswith(PNG) and len(png) > 10_000


def test_score_line_and_highlight_change_the_picture(knowledge: Knowledge) -> None:
    plain = render_png(Chart(), knowledge)
    with_score = render_png(Chart(score=248), knowledge)
    highlighted = render_png(Chart(score=248, highlight=("orthopedic-surgery",)), knowledge)
    assert len({plain, with_score, highlighted}) == 3


def test_a_score_far_below_every_average_still_draws(knowledge: Knowledge) -> None:
    assert render_png(Chart(score=180), knowledge).startswith(PNG)


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
