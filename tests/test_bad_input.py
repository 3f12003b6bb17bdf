"""Hostile and odd input: bounded numbers, short clean echoes, no crash, groups kept apart."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from bot.console import TERMINAL_USER
from bot.conversation import Advisor
from bot.profiles import ProfileStore
from bot.student import Profile
from knowledge import Knowledge
from tests.bot_process import REPO
from tests.telegram_html import visible_text

BIDI = "\u202e\u2066\u200f"


@pytest.fixture
def advisor(knowledge: Knowledge, store: ProfileStore) -> Advisor:
    return Advisor(knowledge, store, now=lambda: dt.datetime(2026, 12, 1, 15, tzinfo=dt.UTC))


def cli(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=REPO,
        input=stdin,
        env={**env, "BOT_DATA_DIR": str(data_dir)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.e2e  # the CLI as a process
def test_enclosed_digits_as_study_days_get_a_reply_and_the_batch_goes_on(tmp_path: Path) -> None:
    lines = ["/plan", "in 6 weeks", "⑳" * 2200, "avg for derm"]
    result = cli(tmp_path, "ask", "--json", "-", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr[-500:]
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(replies) == 4
    assert "7" in replies[2]["reply"] and len(replies[2]["reply"]) < 400
    assert "257" in replies[3]["reply"]


@pytest.mark.e2e  # the CLI as a process
@pytest.mark.parametrize("typed", ["²", "³", "⑳", "٣", "𝟓"])
def test_superscripts_and_other_digits_in_the_terminal_chat(tmp_path: Path, typed: str) -> None:
    result = cli(tmp_path, "chat", stdin=f"avg for derm\n{typed}\n/quit\n")
    assert result.returncode == 0, result.stderr[-500:]
    assert "Traceback" not in result.stderr
    assert result.stdout.count("bot>") == 2


def test_score_command_never_echoes_a_huge_number(advisor: Advisor) -> None:
    reply = advisor.handle(1, "/score " + "9" * 3990).reply.html
    assert "9" * 7 not in reply
    assert len(reply) < 500


@pytest.mark.parametrize("answer", [f"Mars{BIDI}\x00\x07\x1b[31m" + "x" * 200, "\u202eyticnuf\x00"])
def test_time_zone_question_echoes_only_a_short_clean_excerpt(advisor: Advisor, answer: str) -> None:
    advisor.handle(1, "/plan")
    for step in ("in 6 weeks", "5", "7am"):
        advisor.handle(1, step)
    reply = advisor.handle(1, answer).reply.html
    shown = visible_text(reply)
    assert not any(unicodedata.category(c) == "Cc" and c != "\n" for c in shown)
    assert not set(BIDI) & set(shown)
    assert "x" * 41 not in shown


def test_forget_yes_works_only_in_private(advisor: Advisor, store: ProfileStore) -> None:
    store.save(Profile(7, score=250))
    group = advisor.handle(7, "/forget yes", private=False)
    assert store.get(7).score == 250
    assert "erased" not in group.reply.html and "nothing stored" not in group.reply.html.lower()
    assert "private" in group.reply.html
    assert advisor.handle(7, "/forget yes").reply.html.startswith("🧹")
    assert store.get(7) == Profile(7)


@pytest.mark.e2e  # the CLI as a process
def test_terminal_chart_is_private_and_removed_by_forget(tmp_path: Path) -> None:
    chart = tmp_path / "charts" / "chart.png"
    first = cli(tmp_path, "chat", stdin="248 ortho\n/chart\n/quit\n")
    assert first.returncode == 0, first.stderr[-500:]
    assert chart.exists()
    assert stat.S_IMODE(chart.stat().st_mode) & 0o077 == 0
    second = cli(tmp_path, "chat", stdin="/forget yes\n/quit\n")
    assert second.returncode == 0
    assert not chart.exists()
    store = ProfileStore.in_dir(tmp_path)
    assert store.get(TERMINAL_USER) == Profile(TERMINAL_USER)
    store.close()
