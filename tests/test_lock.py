"""One process per data folder: a second one, bot or CLI, exits with one line naming the holder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.console import TERMINAL_USER
from bot.profiles import ProfileStore
from tests.bot_process import REPO, BotProcess
from tests.fake_bot_api import FakeBotApi

pytestmark = pytest.mark.e2e  # every test here runs the bot or the CLI as processes


def cli_env(data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "BOT_DATA_DIR": str(data_dir)}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    return env


def ask(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=REPO,
        env=cli_env(data_dir),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("second", [("ask", "hi"), ("chat",), ("store", "check"), ("run",)])
def test_a_second_process_on_the_folder_exits_naming_the_holder(tmp_path: Path, second: tuple[str, ...]) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat"],
        cwd=REPO,
        env=cli_env(tmp_path),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        # Process A saves a score and prints its reply: that write is acknowledged.
        holder.stdin.write("my score is 248\n")
        holder.stdin.flush()
        while "bot>" not in holder.stdout.readline():
            pass
        env_second = {"TELEGRAM_BOT_TOKEN": "123456:" + "A" * 35} if second == ("run",) else {}
        result = subprocess.run(
            [sys.executable, "-m", "bot", *second],
            cwd=REPO,
            env={**cli_env(tmp_path), **env_second},
            input="/forget yes\n",
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert str(holder.pid) in lines[0] and str(tmp_path) in lines[0]
        assert "Traceback" not in result.stderr
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    # A's write survived: B never touched the store.
    store = ProfileStore.in_dir(tmp_path)
    assert store.get(TERMINAL_USER).score == 248
    store.close()


def test_the_bot_holds_the_folder_for_its_whole_life(tmp_path: Path) -> None:
    with FakeBotApi() as api:
        bot = BotProcess(api, tmp_path).start()
        try:
            assert bot.proc is not None
            result = ask(tmp_path, "ask", "hi")
            assert result.returncode == 2
            assert f"process {bot.proc.pid}" in result.stderr
        finally:
            bot.stop()
    # Once it has stopped, the folder is free again.
    assert ask(tmp_path, "ask", "hi").returncode == 0
