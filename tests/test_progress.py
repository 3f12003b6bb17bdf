"""bot.progress: practice scores on the plan, the progress chart's data and words, the weekly summary.

Pure functions with a fixed `today`; the chart is drawn for real (bot.charts) where its
picture is the point.
"""

from __future__ import annotations

import struct
from datetime import date, time, timedelta

import pytest

from bot.charts import render_png
from bot.plans.model import MAX_LOG_DAYS, MAX_SCORES, Plan, ScoreEntry, changed
from bot.plans.operations import record_done
from bot.progress import (
    alt_text,
    chart_for,
    points,
    progress_reply,
    record_scores,
    reported_scores,
    weekly_summary,
)
from bot.understand import understand
from knowledge import Knowledge
from tests.telegram_html import html_errors

TODAY = date(2026, 1, 14)  # a Wednesday


def plan(**changes: object) -> Plan:
    base = Plan(
        exam_date=TODAY + timedelta(weeks=6),
        study_days=6,
        nudge_time=time(7),
        tz="UTC",
        created=TODAY - timedelta(weeks=3),
        target_specialty="dermatology",
    )
    return changed(base, **changes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nbme 11 was 238", [("nbme", "11", 238, None)]),
        ("uwsa2: 255", [("uwsa", "2", 255, None)]),
        ("cms 3 80%", [("cms", "3", None, 80)]),
        ("just did nbme 10, 245", [("nbme", "10", 245, None)]),
        ("I got 251", []),  # the real exam, not a practice test
        ("did 40 qs, got 70%", []),  # a question block: logged by record_done, not here
        ("what is the derm average", []),
    ],
)
def test_reported_scores(knowledge: Knowledge, text: str, expected: list[tuple[object, ...]]) -> None:
    entries = reported_scores(understand(text, knowledge), TODAY)
    assert [(e.kind, e.form, e.score, e.percent) for e in entries] == expected
    assert all(e.day == TODAY for e in entries)


def test_record_scores_keeps_order_skips_repeats_bounds_and_updates_the_latest() -> None:
    first = ScoreEntry(TODAY, "nbme", "9", 231)
    kept = record_scores(plan(), [first])
    assert record_scores(kept, [first]) == kept  # the same message twice is one result
    assert kept.practice_score == 231
    many = [ScoreEntry(TODAY + timedelta(days=n), "uwsa", "1", 200 + n % 60) for n in range(MAX_SCORES + 5)]
    full = record_scores(kept, many)
    assert len(full.scores) == MAX_SCORES and full.scores[-1] == many[-1]
    assert full.practice_score == many[-1].score


def test_logs_are_bounded_so_a_year_of_use_stays_small() -> None:
    p = plan()
    start = TODAY - timedelta(days=MAX_LOG_DAYS + 30)
    p = changed(p, done_log={(start + timedelta(days=n)).isoformat(): 10 for n in range(MAX_LOG_DAYS + 30)})
    logged = record_done(p, TODAY, 40, 70, hour=20).plan
    assert logged is not None
    assert len(logged.done_log) == MAX_LOG_DAYS and TODAY.isoformat() in logged.done_log
    assert min(logged.done_log) > start.isoformat()


@pytest.mark.parametrize(
    ("changes", "n", "words"),
    [
        ({}, 0, "Nothing logged yet"),
        ({"scores": [ScoreEntry(TODAY, "nbme", "11", 238)]}, 1, "Only one number so far"),
        ({"done_log": {TODAY.isoformat(): 40}}, 1, "Only one number so far"),
        ({"done_log": {TODAY.isoformat(): 0}}, 0, "Nothing logged yet"),  # "done" with no count draws nothing
    ],
)
def test_too_little_data_says_what_to_log(knowledge: Knowledge, changes: dict[str, object], n: int, words: str) -> None:
    p = plan(**changes)
    assert points(chart_for(p, TODAY, knowledge)) == n
    reply = progress_reply(p, TODAY, knowledge)
    assert reply.chart is None and words in reply.html
    assert "nbme 11 was 238" in reply.html and "did 40 qs" in reply.html
    assert html_errors(reply.html) == []


def test_the_chart_holds_each_kind_of_number_and_the_target_with_its_source(knowledge: Knowledge) -> None:
    p = plan(
        scores=[ScoreEntry(TODAY - timedelta(days=10), "nbme", "10", 236), ScoreEntry(TODAY, "cms", "3", None, 80)],
        done_log={(TODAY - timedelta(days=8)).isoformat(): 40, TODAY.isoformat(): 60},
        percent_log={TODAY.isoformat(): [60, 70]},
    )
    chart = chart_for(p, TODAY, knowledge)
    assert [(x.label, x.value) for x in chart.scores] == [("NBME 10", 236)]
    assert sorted((x.label, x.value) for x in chart.percents) == [("CMS 3", 80), ("Question blocks", 65)]
    # Two weeks: the one with 40 (Monday Jan 5) and this one with 60.
    assert [(x.day, x.value) for x in chart.weeks] == [(date(2026, 1, 5), 40), (date(2026, 1, 12), 60)]
    derm = knowledge.specialties["dermatology"]
    lead = knowledge.lead(derm.id)
    assert chart.target == lead.value and knowledge.label(lead) in chart.target_label
    words = alt_text(chart)
    assert "one practice score, NBME 10 236" in words and f"Derm average {lead.value}" in words
    assert "percent correct 65–80%" in words and "latest last: 40, 60" in words
    reply = progress_reply(p, TODAY, knowledge)
    assert reply.chart == chart and html_errors(reply.html) == []


def test_a_quiet_week_shows_as_a_zero_bar_not_a_missing_one(knowledge: Knowledge) -> None:
    p = plan(done_log={(TODAY - timedelta(weeks=2)).isoformat(): 50, TODAY.isoformat(): 30})
    assert [x.value for x in chart_for(p, TODAY, knowledge).weeks] == [50, 0, 30]


def test_progress_png_is_upright_and_phone_sized(knowledge: Knowledge) -> None:
    p = plan(
        scores=[ScoreEntry(TODAY - timedelta(days=7), "nbme", "10", 236), ScoreEntry(TODAY, "uwsa", "1", 244)],
        done_log={TODAY.isoformat(): 40},
    )
    png = render_png(chart_for(p, TODAY, knowledge), knowledge)
    width, height = struct.unpack(">II", png[16:24])
    assert png.startswith(b"\x89PNG") and width >= 800 and height > width
    # A panel per kind of number: with percentages too, the picture grows taller.
    taller = render_png(chart_for(changed(p, percent_log={TODAY.isoformat(): [70]}), TODAY, knowledge), knowledge)
    assert struct.unpack(">II", taller[16:24])[1] > height


def test_weekly_summary_says_the_week_and_one_next_step(knowledge: Knowledge) -> None:
    week = {(TODAY - timedelta(days=n)).isoformat(): 40 for n in range(3)}
    p = plan(done_log=week, scores=[ScoreEntry(TODAY - timedelta(days=2), "nbme", "11", 241)])
    outcome = weekly_summary(p, TODAY, knowledge)
    text = outcome.reply.html
    assert "120 questions over 3 days logged this week" in text
    assert "Streak: 3 study days" in text
    assert "NBME 11, 241" in text and "Derm average: <b>257</b>" in text
    assert "42 days to your exam" in text and "<b>Next:</b>" in text
    assert outcome.reply.chart is not None and "Chart:" in text  # 3 days + a score: drawn, with alt text
    assert outcome.plan is not None and outcome.plan.last_nudged == TODAY
    assert html_errors(text) == []


def test_weekly_summary_of_a_quiet_week_is_kind_and_draws_nothing(knowledge: Knowledge) -> None:
    outcome = weekly_summary(plan(), TODAY, knowledge)
    assert "Nothing logged this week" in outcome.reply.html and "fresh start" in outcome.reply.html
    assert "one timed block of 40" in outcome.reply.html
    assert outcome.reply.chart is None
