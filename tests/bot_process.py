"""Run the unmodified bot (`python -m bot run`) against the loopback Bot API server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.fake_bot_api import Call, FakeBotApi

REPO = Path(__file__).resolve().parents[1]
SENDS = {"sendMessage", "sendPhoto", "sendDocument", "editMessageText"}


class BotProcess:
    """One bot process; `stop()` returns everything it logged."""

    def __init__(self, api: FakeBotApi, data_dir: Path, **env: str) -> None:
        self.api = api
        self.data_dir = data_dir
        self.env = {"BOT_DATA_DIR": str(data_dir), "LOG_LEVEL": "DEBUG", **env}
        self.proc: subprocess.Popen[str] | None = None
        self.log_path = data_dir / "bot.log"

    def start(self, *, wait_for_polling: bool = True) -> BotProcess:
        """Spawn the bot; by default wait until it long-polls the server."""
        since = len(self.api.calls)
        env = {**os.environ, **self.api.env(), **self.env}
        env.pop("TELEGRAM_BASE_FILE_URL", None)
        # A file, not a pipe: nobody reads a pipe while the test runs, and once its
        # 64 KiB buffer fills with DEBUG lines the bot would block on its next log line.
        with self.log_path.open("a") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, text=True
            )
        if wait_for_polling:
            self.api.wait_for(method="getUpdates", since=since, timeout=30)
        return self

    @property
    def log(self) -> str:
        """Everything the bot has logged so far (all its runs in this data dir)."""
        return self.log_path.read_text() if self.log_path.exists() else ""

    def kill(self) -> None:
        """Kill it outright (SIGKILL), as a crash would: nothing held in the bot's memory gets written.

        The kernel's page cache survives it, so this tests that writes reached the OS, not the disk."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def wait_for_log(self, text: str, timeout: float = 30) -> None:
        """Wait until the bot has logged a line containing `text`."""
        deadline = time.monotonic() + timeout
        while text not in self.log:
            if time.monotonic() > deadline:
                raise AssertionError(f"the bot never logged {text!r}; log tail:\n{self.log[-2000:]}")
            time.sleep(0.05)

    def stop(self) -> str:
        """Stop it the way a service manager would (SIGTERM) and return its log."""
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None
        return self.log

    def say(self, user_id: int, text: str | None, *, chat_id: int | None = None, **kwargs: Any) -> list[Call]:
        """Send a message as a user and return what the bot sent to that chat in answer."""
        since = len(self.api.calls)
        self.api.push_message(user_id, text, chat_id=chat_id, **kwargs)
        return self.replies(chat_id or user_id, since)

    def press(self, user_id: int, action: str, *, replies: int = 1, **kwargs: Any) -> list[Call]:
        """Press an inline button carrying `action`; returns its answer, then the `replies` sends."""
        since = len(self.api.calls)
        self.api.push_callback(user_id, action, **kwargs)
        self.api.wait_for(lambda calls: any(c.method == "answerCallbackQuery" for c in calls[since:]), timeout=15)
        if replies:
            self.replies(user_id, since, count=replies)
        return [c for c in self.api.calls[since:] if c.method in SENDS | {"answerCallbackQuery"}]

    def inline(self, user_id: int, query: str, **kwargs: Any) -> Call:
        """Type an inline query ("@bot <query>") as a user; returns the bot's answerInlineQuery call."""
        query_id = self.api.push_inline_query(user_id, query, **kwargs)
        self.api.wait_for(lambda calls: self.api.inline_answer(query_id) is not None, timeout=15)
        answer = self.api.inline_answer(query_id)
        assert answer is not None
        return answer

    def replies(self, chat_id: int, since: int, count: int = 1, timeout: float = 30) -> list[Call]:
        """Wait for `count` sends to a chat after call index `since`."""

        def ours(calls: list[Call]) -> list[Call]:
            return [c for c in calls[since:] if c.method in SENDS and c.chat_id == chat_id and c.ok]

        self.api.wait_for(lambda calls: len(ours(calls)) >= count, timeout=timeout)
        return ours(self.api.calls)
