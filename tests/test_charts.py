"""The averages chart: a real PNG that changes with the student's score."""

from __future__ import annotations

from bot.charts import render_png
from bot.reply import Chart
from knowledge import Knowledge

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
