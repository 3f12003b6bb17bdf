"""Telegram benchmark: end-to-end messages/s of our bot vs. a minimal echo bot; start-up time.

    .venv/bin/python -m benchmarks.bench_telegram
    .venv/bin/python -m benchmarks.bench_telegram --messages 5000 --users 500 --startup-runs 7
    .venv/bin/python -m benchmarks.bench_telegram --database-url postgresql://… --workers 2

With --database-url (a database the benchmark may empty): end to end, `--workers` webhook
workers on PostgreSQL (one shared port; the loopback server delivers each update over its own
connection, and the kernel spreads the connections) against one bot on TinyDB (long polling,
as before), in rounds of one run each, limit lifted for both; then nothing else.

Both bots run unmodified as subprocesses (`python -m bot run` and tests/echo_bot.py)
against the loopback Bot API server (tests/fake_bot_api.py), which runs as a thread here.
Throughput: after a warm-up, N messages from many users are pushed as fast as possible;
the time runs from the first push to the last reply's arrival at the server. The bots take
turns, one run each per round, and the ratio is the median of the rounds' ratios (see
`compare`). Our bot's
global send limit (TELEGRAM_RATE_LIMIT, 30/s like Telegram's) would cap it at 30 msg/s,
which measures Telegram's rule rather than the code, so the comparison runs with the limit
lifted; one smaller run at the default limit is shown for context. Throughput is the steady
state: our bot builds its time-zone place index in the background a few seconds after start
(PLACES_WARM_UP_DELAY), so its warm-up lasts until it logs that the index is ready. Start-up:
spawn to the first getUpdates request arriving at the server, median of a few runs.

Prints figures; asserts nothing (targets: ratio >= 1.3, issue 18's floor once the learned understanding
came in, where issue 11 asked 1.5; start-up <= 1 s). Our bot runs with its default HTTP layer
(aiohttp); the echo bot stays on PTB's default (httpx).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import _shared
from benchmarks._common import (
    DEFAULT_RATE,
    ECHO_BOT,
    LIFTED_RATE,
    OUR_BOT,
    BotProcess,
    describe_pinning,
    pin_this_process,
    split_cpus,
    wait_until,
)
from benchmarks.messages import STUDENT_MESSAGES
from bot.telegram_app import PLACES_READY
from tests.fake_bot_api import Call, FakeBotApi

REPLY_METHODS = frozenset({"sendMessage", "sendPhoto"})
FIRST_USER = 500_000
WARM_UP_MESSAGES = 40
REPLY_TIMEOUT = 120.0
STARTUP_TIMEOUT = 60.0
TARGET_RATIO = 1.3
"""Issue 18's floor for end-to-end speed with the learned understanding (issue 11 asked 1.5 before it)."""
TARGET_STARTUP = 1.0


@dataclass(frozen=True)
class Throughput:
    """One throughput run: N messages in, replies out, first push to last reply."""

    bot: str
    messages: int
    replies: int
    unanswered_users: int
    seconds: float
    bot_cpu_seconds: float
    """CPU the bot process used from the first push until its replies stopped."""

    @property
    def per_second(self) -> float:
        return self.messages / self.seconds if self.seconds > 0 else float("nan")


def replies_since(server: FakeBotApi, since: int) -> list[Call]:
    """Accepted replies (texts and photos) the bot sent after call index `since`."""
    return [c for c in server.calls[since:] if c.method in REPLY_METHODS and c.ok]


def push_burst(server: FakeBotApi, count: int, users: int, offset: int = 0) -> tuple[float, Counter[int]]:
    """Push `count` messages round-robin from `users` users; (first push time, messages per user)."""
    per_user: Counter[int] = Counter()
    first_id = 0
    for i in range(count):
        user = FIRST_USER + (offset + i) % users
        update_id = server.push_message(
            user, STUDENT_MESSAGES[(offset + i) % len(STUDENT_MESSAGES)], first_name="Student"
        )
        first_id = first_id or update_id
        per_user[user] += 1
    return server.pushed_at[first_id], per_user


def await_replies(server: FakeBotApi, since: int, expected: int) -> list[Call]:
    """Wait for `expected` replies, then until no more arrive, and return them all.

    The settle matters only if some message got two replies: the last reply is then later
    than the expected-th one, and "last reply received" is what is timed.
    """
    wait_until(lambda: len(replies_since(server, since)) >= expected, REPLY_TIMEOUT)
    seen = -1
    while (now := len(replies_since(server, since))) != seen:
        seen = now
        time.sleep(0.3)
    return replies_since(server, since)


def measure_throughput(
    name: str,
    argv: Sequence[str],
    messages: int,
    users: int,
    env: dict[str, str],
    bot_cpus: set[int] | None,
) -> Throughput:
    """Start one bot, warm it up, then time `messages` messages from `users` users."""
    with FakeBotApi() as server, tempfile.TemporaryDirectory(prefix="bench-telegram-") as tmp:
        data = Path(tmp)
        env = {"BOT_DATA_DIR": str(data / "data"), **env}
        bot = BotProcess(argv, server, data / "bot.log", env=env, cpus=bot_cpus)
        try:
            bot.wait_for_polling(STARTUP_TIMEOUT)
            if argv == OUR_BOT and not bot.wait_for_log(PLACES_READY, STARTUP_TIMEOUT):
                print(f"  !! {name}: no '{PLACES_READY}' in its log; measuring anyway")
            # Warm-up from the same users: imports, caches and first-contact replies happen here.
            since = len(server.calls)
            warm = min(WARM_UP_MESSAGES, messages)
            push_burst(server, warm, users, offset=messages)
            await_replies(server, since, warm)

            since = len(server.calls)
            cpu_before = bot.cpu_seconds()
            started, per_user = push_burst(server, messages, users)
            replies = await_replies(server, since, messages)
            cpu = bot.cpu_seconds() - cpu_before
        finally:
            usage = bot.stop()
        if usage.exit_code != 0 or not replies:
            print(f"  !! {name}: exit code {usage.exit_code}, {len(replies)} replies; log tail:\n{bot.log_tail()}")
    answered = Counter(c.chat_id for c in replies)
    unanswered = sum(1 for user, sent in per_user.items() if answered[user] < sent)
    finished = max((c.time for c in replies), default=started)
    return Throughput(name, messages, len(replies), unanswered, finished - started, cpu)


def measure_startup(argv: Sequence[str], runs: int, env: dict[str, str], bot_cpus: set[int] | None) -> list[float]:
    """Seconds from spawn to the first getUpdates request, one per run."""
    samples = []
    with FakeBotApi() as server, tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        for run in range(runs):
            run_env = {"BOT_DATA_DIR": str(Path(tmp) / f"data{run}"), **env}  # a first start, empty store
            bot = BotProcess(argv, server, Path(tmp) / f"bot{run}.log", env=run_env, cpus=bot_cpus)
            try:
                first = bot.wait_for_polling(STARTUP_TIMEOUT)
                samples.append(first.time - bot.spawned_at)
            finally:
                bot.stop()
    return samples


def print_throughput(result: Throughput) -> None:
    lost = f", {result.unanswered_users} user(s) not fully answered" if result.unanswered_users else ""
    print(
        f"  {result.bot:<24} {result.per_second:>7,.0f} msg/s   "
        f"bot CPU {result.bot_cpu_seconds / result.messages * 1000:.2f} ms/msg   "
        f"({result.messages:,} messages, {result.replies:,} replies in {result.seconds:.2f} s{lost})"
    )


def print_startup(name: str, samples: list[float]) -> None:
    shown = " ".join(f"{s:.2f}" for s in samples)
    print(f"  {name:<24} median {statistics.median(samples):.2f} s   (runs: {shown})")


def compare(args: argparse.Namespace, bot_cpus: set[int] | None) -> None:
    """Ours (limit lifted) vs. echo, in rounds of one run each, back to back.

    The target is judged on the median of the rounds' ratios. On a shared host the speed of
    both bots drifts by a third within minutes; the two runs of a round are seconds apart, so
    a round's ratio mostly cancels that drift, where the ratio of the two medians (also shown)
    pairs runs made minutes apart.
    """
    lifted = {"TELEGRAM_RATE_LIMIT": f"{LIFTED_RATE:g}"}
    rates: dict[str, list[float]] = {"ours": [], "echo": []}
    for _ in range(args.repeat):
        for key, name, argv, env in (("ours", "our bot", OUR_BOT, lifted), ("echo", "echo bot", ECHO_BOT, {})):
            result = measure_throughput(name, argv, args.messages, args.users, env, bot_cpus)
            print_throughput(result)
            rates[key].append(result.per_second)
    ratios = [o / e for o, e in zip(rates["ours"], rates["echo"], strict=True)]
    ours, echo = statistics.median(rates["ours"]), statistics.median(rates["echo"])
    print(f"  median of {args.repeat}: our bot {ours:,.0f} msg/s, echo bot {echo:,.0f} msg/s (ratio {ours / echo:.2f})")
    rounds = " ".join(f"{r:.2f}" for r in ratios)
    median = statistics.median(ratios)
    print(f"  ratio ours/echo {median:.2f}, the median of the rounds' ({rounds})   (target >= {TARGET_RATIO})")
    print(f"  (our bot ran with TELEGRAM_RATE_LIMIT={LIFTED_RATE:.15g}: 30/s would measure Telegram's rule)")


def measure_shared_throughput(
    messages: int, users: int, url: str, workers: int, bot_cpus: set[int] | None
) -> Throughput:
    """`workers` webhook workers on PostgreSQL: warm them up, then time `messages` messages from `users` users."""
    name = f"{workers} workers on PostgreSQL"
    _shared.reset(url)
    with FakeBotApi() as server, tempfile.TemporaryDirectory(prefix="bench-telegram-pg-") as tmp:
        env = {"TELEGRAM_RATE_LIMIT": f"{LIFTED_RATE:g}", "LOG_LEVEL": "INFO"}
        bots, _ = _shared.start_workers(server, url, workers, Path(tmp), env, bot_cpus)
        try:
            for bot in bots:
                if not bot.wait_for_log(PLACES_READY, STARTUP_TIMEOUT):
                    print(f"  !! {name}: no '{PLACES_READY}' in a worker's log; measuring anyway")
            since = len(server.calls)
            warm = min(WARM_UP_MESSAGES, messages)
            push_burst(server, warm, users, offset=messages)
            await_replies(server, since, warm)

            since = len(server.calls)
            cpu_before = sum(bot.cpu_seconds() for bot in bots)
            started, per_user = push_burst(server, messages, users)
            replies = await_replies(server, since, messages)
            cpu = sum(bot.cpu_seconds() for bot in bots) - cpu_before
        finally:
            usages = [bot.stop() for bot in bots]
        if any(u.exit_code != 0 for u in usages) or not replies:
            print(f"  !! {name}: exit codes {[u.exit_code for u in usages]}, {len(replies)} replies")
    answered = Counter(c.chat_id for c in replies)
    unanswered = sum(1 for user, sent in per_user.items() if answered[user] < sent)
    finished = max((c.time for c in replies), default=started)
    return Throughput(name, messages, len(replies), unanswered, finished - started, cpu)


def compare_shared(args: argparse.Namespace, bot_cpus: set[int] | None) -> None:
    """Several workers on PostgreSQL vs. one bot on TinyDB, in rounds of one run each."""
    lifted = {"TELEGRAM_RATE_LIMIT": f"{LIFTED_RATE:g}"}
    ratios = []
    for _ in range(args.repeat):
        shared = measure_shared_throughput(args.messages, args.users, args.database_url, args.workers, bot_cpus)
        print_throughput(shared)
        single = measure_throughput("one bot on TinyDB", OUR_BOT, args.messages, args.users, lifted, bot_cpus)
        print_throughput(single)
        ratios.append(shared.per_second / single.per_second)
    rounds = " ".join(f"{r:.2f}" for r in ratios)
    print(f"  ratio {args.workers} workers on PostgreSQL / one on TinyDB: {statistics.median(ratios):.2f} ({rounds})")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_telegram",
        description="End-to-end messages/s of our bot vs. a minimal echo bot, and start-up time.",
    )
    parser.add_argument("--messages", type=int, default=2000, help="messages per throughput run (default 2000)")
    parser.add_argument("--users", type=int, default=200, help="distinct users sending them (default 200)")
    parser.add_argument("--repeat", type=int, default=5, help="rounds of one throughput run per bot (default 5)")
    parser.add_argument("--startup-runs", type=int, default=5, help="start-up runs per bot (default 5)")
    parser.add_argument(
        "--default-limit-messages",
        type=int,
        default=300,
        help="messages for the context run at the default 30 msg/s limit; 0 skips it (default 300)",
    )
    parser.add_argument("--no-pin", action="store_true", help="don't pin the server and the bot to separate CPUs")
    parser.add_argument("--database-url", help="compare workers on PostgreSQL (a database this may empty) with TinyDB")
    parser.add_argument("--workers", type=int, default=2, help="with --database-url: worker processes (default 2)")
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    """Throughput (ours vs. echo), a context run at the default limit, then start-up time."""
    args = _parser().parse_args(argv)
    server_cpus, bot_cpus = split_cpus(pin=not args.no_pin)
    pin_this_process(server_cpus)
    print(describe_pinning(server_cpus, bot_cpus))
    if args.database_url:
        print(f"end to end: {args.messages:,} messages from {args.users:,} users, first push to last reply")
        compare_shared(args, bot_cpus)
        return

    print(f"throughput: {args.messages:,} messages from {args.users:,} users, first push to last reply")
    compare(args, bot_cpus)
    if args.default_limit_messages > 0:
        default = {"TELEGRAM_RATE_LIMIT": f"{DEFAULT_RATE:g}"}
        name = f"our bot at {DEFAULT_RATE:g}/s"
        print_throughput(measure_throughput(name, OUR_BOT, args.default_limit_messages, args.users, default, bot_cpus))

    print(f"start-up: spawn to the first getUpdates, {args.startup_runs} runs each, empty store")
    print_startup("our bot", measure_startup(OUR_BOT, args.startup_runs, {}, bot_cpus))
    print_startup("echo bot", measure_startup(ECHO_BOT, args.startup_runs, {}, bot_cpus))
    print(f"  (target: our bot <= {TARGET_STARTUP:g} s)")


if __name__ == "__main__":
    main()
