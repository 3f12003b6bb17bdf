"""Instructions per message, ours vs. the echo bot: the end-to-end comparison a busy host can't move.

    .venv/bin/python -m benchmarks.bench_instructions
    .venv/bin/python -m benchmarks.bench_instructions --messages 2000

bench_telegram times both bots, and on a shared host their times drift by a third within
minutes. This runs each bot under valgrind (cachegrind, no cache simulation), the same
loopback server and messages as bench_telegram, and counts the instructions the whole
process executes: once up to the end of a warm-up, once with N more messages. The
difference over N is what one message costs, start-up and warm-up excluded, and it comes
out the same run after run, within about two percent (batching, and the idle work of a run
that lasts longer, still depend on timing).
Instructions are not time, since cache misses cost more in one bot than the other, so the
time ratio on a quiet host runs a little below this one; but a change that cuts a
percent of instructions shows here, where bench_telegram needs many runs to see it.

Needs valgrind (`apt install valgrind`); takes about a minute. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks._common import ECHO_BOT, LIFTED_RATE, OUR_BOT, BotProcess
from benchmarks.bench_telegram import await_replies, push_burst
from bot.telegram_app import PLACES_READY
from tests.fake_bot_api import FakeBotApi

VALGRIND = ("valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null")
WARM_UP_MESSAGES = 200
USERS = 200
SLOW = 600.0
"""Seconds allowed for each wait: everything runs some fifty times slower under valgrind."""
STEADY = {"PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1"}
"""Fixed hashing (dict and set layouts) and no BLAS worker threads, so that reruns agree."""


def instructions(argv: Sequence[str], messages: int, env: dict[str, str]) -> int:
    """Instructions the bot process executes in all: start, warm-up, then `messages` messages."""
    with FakeBotApi() as server, tempfile.TemporaryDirectory(prefix="bench-instructions-") as tmp:
        env = {"BOT_DATA_DIR": str(Path(tmp) / "data"), **STEADY, **env}
        bot = BotProcess((*VALGRIND, *argv), server, Path(tmp) / "bot.log", env=env)
        try:
            bot.wait_for_polling(SLOW)
            since = len(server.calls)
            push_burst(server, WARM_UP_MESSAGES, USERS, offset=messages)
            await_replies(server, since, WARM_UP_MESSAGES)
            if argv == OUR_BOT:
                bot.wait_for_log(PLACES_READY, SLOW)
            if messages:
                since = len(server.calls)
                push_burst(server, messages, USERS)
                await_replies(server, since, messages)
        finally:
            bot.stop(timeout=SLOW)
        found = re.search(r"I\s+refs:\s+([\d,]+)", (Path(tmp) / "bot.log").read_text(errors="replace"))
        if found is None:
            sys.exit(f"no instruction count in the bot's output; its log ends:\n{bot.log_tail()}")
        return int(found.group(1).replace(",", ""))


def per_message(argv: Sequence[str], messages: int, env: dict[str, str]) -> float:
    """Instructions one message costs: the two runs side by side, one with `messages` more."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        base, more = pool.map(lambda n: instructions(argv, n, env), (0, messages))
    return (more - base) / messages


def main(argv: Sequence[str] | None = None) -> None:
    """Both bots' instructions per message, and their ratio."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_instructions",
        description="Instructions per message of our bot and of the echo bot, under valgrind.",
    )
    parser.add_argument("--messages", type=int, default=1000, help="messages counted per bot (default 1000)")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt install valgrind)")
    lifted = {"TELEGRAM_RATE_LIMIT": f"{LIFTED_RATE:g}"}
    print(f"instructions per message, {args.messages:,} messages from {USERS} users after a warm-up:")
    ours = per_message(OUR_BOT, args.messages, lifted)
    print(f"  our bot   {ours / 1e6:.3f} million")
    echo = per_message(ECHO_BOT, args.messages, {})
    print(f"  echo bot  {echo / 1e6:.3f} million")
    print(f"  ratio echo/ours {echo / ours:.2f}   (bench_telegram's target, in time: ours >= 1.5 x the echo bot)")


if __name__ == "__main__":
    main()
