"""Draw docs/progress.png, the README's progress chart, with the bot's own code.

    .venv/bin/python -m docs.make_progress_png

A made-up student (six weeks of logged blocks and four practice tests, aiming for
dermatology) goes through the same `progress.chart_for` and `charts.render_png` as
/progress, so the picture in the README is what the bot sends. The caption (the alt
text) is printed.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

from bot.charts import render_png
from bot.plans.model import Plan, ScoreEntry, changed
from bot.progress import alt_text, chart_for
from knowledge import load_knowledge

OUT = Path(__file__).with_name("progress.png")
TODAY = date(2026, 3, 1)


def sample_plan() -> Plan:
    """Six weeks of a student's logs, as the bot would have stored them."""
    start = TODAY - timedelta(weeks=6)
    plan = Plan(
        exam_date=TODAY + timedelta(weeks=3),
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


def main() -> None:
    """Write the PNG and print its alt text."""
    knowledge = load_knowledge()
    chart = chart_for(sample_plan(), TODAY, knowledge)
    OUT.write_bytes(render_png(chart, knowledge))
    print(f"wrote {OUT}")
    print(alt_text(chart))


if __name__ == "__main__":
    main()
