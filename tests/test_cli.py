"""The command line, as a real subprocess: ask, ask --json, chat, knowledge check."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.store import DATA_DIR
from tests.bot_process import REPO


def run(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGS` with no Telegram settings from the caller's environment."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_", "KNOWLEDGE_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=REPO,
        input=stdin,
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def data_env(tmp_path: Path) -> dict[str, str]:
    return {"BOT_DATA_DIR": str(tmp_path / "data")}


def test_ask_prints_one_readable_reply(data_env: dict[str, str]) -> None:
    result = run("ask", "248 good enough for ortho??", env=data_env)
    assert result.returncode == 0
    assert "Your 248 is 8 points below the Orthopedic Surgery average of 256" in result.stdout
    assert "<b>" not in result.stdout  # HTML rendered for a terminal
    assert "[1] 📊 Chart" in result.stdout


def test_ask_json_shares_one_users_memory_across_lines(data_env: dict[str, str]) -> None:
    lines = "I got 250, good for derm?\nwhat about psych?\n\ncan IMGs match derm\n<b>hi</b> & 🤡\n"
    result = run("ask", "--json", "-", stdin=lines, env=data_env)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["intent"] for o in out] == ["score_check", "average", "faq", "greeting"]
    assert out[0]["score"] == 250 and out[0]["specialties"] == ["dermatology"]
    assert "Your 250 (from earlier)" in out[1]["reply"] and out[1]["score"] is None
    assert out[2]["topic"] == "img" and out[2]["specialties"] == ["dermatology"]
    assert "<b>hi</b>" not in out[3]["reply"]
    assert out[0]["profile"] == {"own_score": 250, "status": "taken"}
    for o in out:
        assert set(o) >= {"reply", "intent", "score", "specialties", "topic", "feeling", "profile"}


def test_chat_runs_a_conversation_with_buttons_and_forget(data_env: dict[str, str]) -> None:
    script = "I got 250, good for derm?\nwhat about psych?\n/forget\n1\nwhat about psych?\n/quit\n"
    result = run("chat", stdin=script, env=data_env)
    assert result.returncode == 0
    replies = result.stdout.split("bot> ")
    assert "Your 250 (from earlier)" in replies[2]
    assert "[1] Yes, erase it" in replies[3]
    assert "erased everything" in replies[4]  # "1" pressed the first button
    assert "from earlier" not in replies[5]
    assert "Bye" in result.stdout


def test_chart_in_the_terminal_is_saved_as_a_png(data_env: dict[str, str]) -> None:
    result = run("ask", "/chart 250", env=data_env)
    path = Path(data_env["BOT_DATA_DIR"]) / "charts" / "chart.png"
    assert f"[chart saved to {path}]" in result.stdout
    assert path.read_bytes().startswith(b"\x89PNG")


def test_no_token_means_the_terminal_chat_with_a_hint(data_env: dict[str, str]) -> None:
    result = run(stdin="avg for rads\n", env=data_env)
    assert result.returncode == 0
    assert "No TELEGRAM_BOT_TOKEN set" in result.stdout
    assert "253" in result.stdout


def test_console_script_is_installed(data_env: dict[str, str]) -> None:
    script = shutil.which("step2-advisor", path=str(Path(sys.executable).parent))
    assert script is not None
    result = subprocess.run(
        [script, "ask", "avg for peds"], env={**os.environ, **data_env}, capture_output=True, text=True, check=False
    )
    assert "245" in result.stdout


def test_knowledge_check_summarises_valid_data() -> None:
    result = run("knowledge", "check")
    assert result.returncode == 0
    assert "Knowledge OK: 15 specialties" in result.stdout


def test_invalid_knowledge_stops_every_command_with_the_same_message(tmp_path: Path) -> None:
    broken = tmp_path / "knowledge"
    shutil.copytree(DATA_DIR, broken)
    doc = json.loads((broken / "specialties.json").read_text())
    doc["specialties"]["2"]["average_step2"] = 302
    (broken / "specialties.json").write_text(json.dumps(doc))
    env = {"KNOWLEDGE_DIR": str(broken), "BOT_DATA_DIR": str(tmp_path / "data")}
    messages = set()
    for args in (("knowledge", "check"), ("ask", "hi"), ("run",)):
        result = run(*args, env={**env, "TELEGRAM_BOT_TOKEN": "123456789:" + "a" * 35})
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        messages.add(result.stderr.strip())
    assert messages == {
        'Knowledge files are invalid: specialties.json, record 2 ("dermatology"), field average_step2: '
        "Input should be less than or equal to 300"
    }


def test_an_invalid_setting_is_one_clear_line(data_env: dict[str, str]) -> None:
    result = run("ask", "hi", env={**data_env, "BOT_MODE": "carrier-pigeon"})
    assert result.returncode == 2
    assert result.stderr.startswith("Setting BOT_MODE is invalid")
