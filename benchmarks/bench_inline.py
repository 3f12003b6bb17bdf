"""Inline mode: how long a student waits for results after typing "@bot derm".

    .venv/bin/python -m benchmarks.bench_inline
    .venv/bin/python -m benchmarks.bench_inline --queries 2000 --burst 500

The unmodified bot (`python -m bot run`) polls the loopback Bot API server (tests/fake_bot_api.py,
a thread here). Latency is from pushing the inline_query update to the server receiving the
bot's answerInlineQuery, so it includes long polling, PTB and the HTTP round trips.

* typing: one query at a time, as one student typing (each waits for its answer), cycling
  through the issue's examples, the benchmark's student messages (cut to Telegram's 256
  characters), an empty query and nonsense;
* burst: as many queries as `--burst` pushed at once by different students (a busy group).

Prints p50 / p95 / p99 / max; asserts nothing (the issue's aim: every answer within a second).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from benchmarks.messages import STUDENT_MESSAGES
from tests.bot_process import BotProcess
from tests.fake_bot_api import FakeBotApi

QUERIES = ("derm", "248 ortho", "derm vs plastics", "retakes", "", "qwzx plorb vrr", *STUDENT_MESSAGES)
FIRST_USER = 700_000
WARM_UP = 20


def _quantiles(ms: list[float]) -> str:
    ordered = sorted(ms)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return (
        f"p50 {statistics.median(ordered):.1f} ms, p95 {at(0.95):.1f} ms, p99 {at(0.99):.1f} ms, "
        f"max {ordered[-1]:.1f} ms ({len(ordered)} queries)"
    )


def typing(api: FakeBotApi, bot: BotProcess, count: int) -> list[float]:
    """One query at a time; milliseconds from push to answer."""
    out = []
    for n, query in enumerate(islice(cycle(QUERIES), count)):
        pushed = time.monotonic()
        answer = bot.inline(FIRST_USER + n % 50, query[:256])
        out.append((answer.time - pushed) * 1000)
    return out


def burst(api: FakeBotApi, count: int) -> list[float]:
    """`count` queries from different students at once; milliseconds from push to each answer."""
    pushed: dict[str, float] = {}
    before = len(api.requests("answerInlineQuery"))
    for n, query in enumerate(islice(cycle(QUERIES), count)):
        pushed[api.push_inline_query(FIRST_USER + 1000 + n, query[:256])] = time.monotonic()
    # A cheap count while waiting: the server thread shares the lock (and the GIL) with this one.
    api.wait_for(method="answerInlineQuery", count=before + count, timeout=120)
    answered = {c.params["inline_query_id"]: c.time for c in api.requests("answerInlineQuery") if c.ok}
    return [(answered[q] - at) * 1000 for q, at in pushed.items()]


def main() -> None:
    """Run both measurements against one bot process and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queries", type=int, default=500, help="queries typed one at a time")
    parser.add_argument("--burst", type=int, default=200, help="queries pushed at once")
    args = parser.parse_args()
    with FakeBotApi() as api, tempfile.TemporaryDirectory() as data:
        bot = BotProcess(api, Path(data)).start()
        try:
            typing(api, bot, WARM_UP)
            print(f"typing, one at a time: {_quantiles(typing(api, bot, args.queries))}")
            print(f"burst of {args.burst} at once: {_quantiles(burst(api, args.burst))}")
        finally:
            bot.stop()
        if api.violations:
            print(f"Bot API violations: {api.violations[:3]}")


if __name__ == "__main__":
    main()
