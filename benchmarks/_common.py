"""Shared pieces of the end-to-end benchmarks: a bot process against the loopback Bot API.

Not a benchmark itself: bench_telegram.py and bench_nudges.py use it. The server
(tests/fake_bot_api.py) runs as a thread of the benchmark process and the bot as a
subprocess, each pinned to its own CPUs where the machine has two or more, so that the
figures measure the bot rather than the two fighting over one core.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.config import Settings
from tests.fake_bot_api import Call, FakeBotApi

REPO = Path(__file__).resolve().parents[1]
OUR_BOT = (sys.executable, "-m", "bot", "run")
ECHO_BOT = (sys.executable, str(REPO / "tests" / "echo_bot.py"))

DEFAULT_RATE: float = Settings.model_fields["telegram_rate_limit"].default
"""The bot's TELEGRAM_RATE_LIMIT when none is set: Telegram's own 30 msg/s."""

LIFTED_RATE = 1_000_000.0
"""A TELEGRAM_RATE_LIMIT PTB's limiter never waits at: the figure then measures the code,
not Telegram's 30 msg/s rule."""

_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Usage:
    """What the kernel accounted to a finished process, all its threads included."""

    cpu_seconds: float
    peak_rss_mib: float
    exit_code: int


def split_cpus(pin: bool) -> tuple[set[int] | None, set[int] | None]:
    """CPUs for this process (the server thread) and for the bot; (None, None) = don't pin.

    With two cores the server gets one and the bot the other: the bot is one asyncio
    thread, and on a shared core the server's request checking would be charged to it.
    """
    available = sorted(os.sched_getaffinity(0))
    if not pin or len(available) < 2:
        return None, None
    half = len(available) // 2
    return set(available[:half]), set(available[half:])


def pin_this_process(cpus: set[int] | None) -> None:
    """Pin the calling thread, and so every thread it starts later (the server's), to `cpus`."""
    if cpus:
        os.sched_setaffinity(0, cpus)


def describe_pinning(server_cpus: set[int] | None, bot_cpus: set[int] | None) -> str:
    """One line for the report header."""
    if not server_cpus or not bot_cpus:
        return f"CPUs: not pinned ({os.cpu_count()} available)"
    return f"CPUs: server thread on {sorted(server_cpus)}, bot process on {sorted(bot_cpus)}"


class BotProcess:
    """A bot subprocess pointed at a FakeBotApi, logging to a file, stopped like a service.

    `spawned_at` is `time.monotonic()` just before the spawn, on the same clock as the
    server's `Call.time`, so "spawn to first request" is a plain subtraction.
    """

    def __init__(
        self,
        argv: Sequence[str],
        server: FakeBotApi,
        log_path: Path,
        *,
        env: Mapping[str, str] | None = None,
        cpus: set[int] | None = None,
    ) -> None:
        # BOT_MODE pinned so that a developer's .env or shell can't switch the bot to webhooks.
        full_env = {**os.environ, **server.env(), "BOT_MODE": "polling", "PYTHONUNBUFFERED": "1", **(env or {})}
        self.log_path = log_path
        self.server = server
        self._calls_before_spawn = len(server.calls)
        # A file, not a pipe: nobody reads while the bot runs, and a full pipe would stall it.
        with log_path.open("wb") as log:
            self.spawned_at = time.monotonic()
            self.proc = subprocess.Popen(argv, cwd=REPO, env=full_env, stdout=log, stderr=subprocess.STDOUT)
        if cpus:
            # Set from outside rather than in preexec_fn, which is unsafe with the server thread running.
            os.sched_setaffinity(self.proc.pid, cpus)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _stat(self) -> list[str]:
        """/proc/<pid>/stat from the state field on (the command name before it may hold spaces)."""
        stat = Path(f"/proc/{self.pid}/stat").read_text()
        return stat[stat.rindex(")") + 2 :].split()

    def running(self) -> bool:
        """False once the process has exited; it stays a zombie until `stop` reaps it."""
        return self._stat()[0] != "Z"

    def cpu_seconds(self) -> float:
        """User + system CPU the running process has used so far (every thread)."""
        fields = self._stat()
        utime, stime = int(fields[11]), int(fields[12])
        return (utime + stime) / _CLOCK_TICKS

    def wait_for_polling(self, timeout: float) -> Call:
        """The bot's first getUpdates; raises, with the bot's log, if it exits or takes too long."""

        def first_poll() -> Call | None:
            return next((c for c in self.server.calls[self._calls_before_spawn :] if c.method == "getUpdates"), None)

        if not wait_until(lambda: first_poll() is not None or not self.running(), timeout, interval=0.005):
            raise RuntimeError(f"the bot did not poll within {timeout:.0f} s; its log ends:\n{self.log_tail()}")
        poll = first_poll()
        if poll is None:
            raise RuntimeError(f"the bot exited before polling; its log ends:\n{self.log_tail()}")
        return poll

    def stop(self, timeout: float = 30.0) -> Usage:
        """SIGINT (a graceful PTB shutdown), then reap with wait4 for the process's rusage."""
        # Nothing else reaps the child, so even one that has crashed is still there (a zombie) to signal.
        os.kill(self.pid, signal.SIGINT)
        deadline = time.monotonic() + timeout
        pid, status, rusage = os.wait4(self.pid, os.WNOHANG)
        while pid == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
            pid, status, rusage = os.wait4(self.pid, os.WNOHANG)
        if pid == 0:
            os.kill(self.pid, signal.SIGKILL)
            pid, status, rusage = os.wait4(self.pid, 0)
        # Tell Popen the child is reaped, or it would try to wait for it again.
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        return Usage(
            cpu_seconds=rusage.ru_utime + rusage.ru_stime,
            peak_rss_mib=rusage.ru_maxrss / 1024,  # KiB on Linux
            exit_code=self.proc.returncode,
        )

    def wait_for_log(self, text: str, timeout: float) -> bool:
        """Wait until the process has printed a line containing `text`; True when it did."""
        return wait_until(lambda: text in self.log_path.read_text(errors="replace"), timeout, interval=0.1)

    def log_tail(self, lines: int = 20) -> str:
        """The end of what the process printed, for a report that something went wrong."""
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])


def wait_until(done: Callable[[], bool], timeout: float, interval: float = 0.05) -> bool:
    """Poll `done` until it is true or `timeout` passes; True when it came true.

    Polling (rather than FakeBotApi.wait_for, which wakes on every call) keeps this
    thread off the server's core while the bot is being measured.
    """
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)
    return True
