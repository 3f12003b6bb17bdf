"""Nudge benchmark: 10,000 study plans due at the same instant, sent at Telegram's 30 msg/s.

    .venv/bin/python -m benchmarks.bench_nudges                  # 10,000 plans at 30 msg/s, ~7 min
    .venv/bin/python -m benchmarks.bench_nudges --quick          # 2,000 plans at 300 msg/s, scaled
    .venv/bin/python -m benchmarks.bench_nudges --plans 1000 --lifted
    .venv/bin/python -m benchmarks.bench_nudges --plans 100000 --rate 1000   # paid broadcast, ~6 min
    .venv/bin/python -m benchmarks.bench_nudges --database-url postgresql://… --workers 2 \
        --plans 100000 --rate 1000 --stored 1000000    # two workers on PostgreSQL, 1,000,000 students stored

With --database-url (a database the benchmark may empty), the round runs on PostgreSQL instead:
`--stored` students are loaded with COPY (those beyond `--plans` not due today), `--workers`
webhook workers start on one shared port, and their start-up (spawn to ready, with every
student stored) and RSS then are reported with the round, and a turn's durable write on
PostgreSQL (the student's advisory lock, a read, the changed profile committed) is timed.

A rate above Telegram's free 30 msg/s is run as paid broadcast, as the bot would be
configured for it: TELEGRAM_PAID_BROADCAST=true, and the server allows free sends 30/s and
sends carrying allow_paid_broadcast `--rate`/s. After the round, the user store left
behind (N users, each with a plan) is measured in this process: opening it, reads, durable
writes, file size and the time of a compaction (a full snapshot).

The real bot (`python -m bot run`, unmodified) runs as a subprocess against the loopback
Bot API server (tests/fake_bot_api.py), which answers sends over `--rate` per second with
429 like Telegram; the bot's own limiter (TELEGRAM_RATE_LIMIT) is set to the same rate.
Before the bot starts, N profiles with an active plan are written with ProfileStore, all
due at one instant a little after the bot will be ready. Reported for the round: the time
from that instant to the last nudge's arrival against the floor N / rate, the 429s handed
out, whether every user got exactly one nudge, the bot's CPU time for the round, its peak
RSS, and store writes per nudge. `--lifted` adds a round with no limit on either side: nudges/s.

Nudge times carry seconds (a plan set up in chat has whole minutes) so that a round need
not wait for the next whole minute; the bot's scheduling treats both alike.

Prints figures; asserts nothing (target from the issue: dispatch time <= 1.05 x the floor).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import re
import statistics
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from benchmarks import _shared
from benchmarks._common import (
    DEFAULT_RATE,
    LIFTED_RATE,
    OUR_BOT,
    BotProcess,
    describe_pinning,
    pin_this_process,
    split_cpus,
)
from bot.config import FREE_RATE
from bot.plans.model import Plan
from bot.profiles import ProfileStore
from bot.storage import COMPACT_AFTER
from bot.student import Profile
from tests.fake_bot_api import Call, FakeBotApi

FIRST_USER = 1_000_000
TARGET_RATIO = 1.05
QUICK_PLANS, QUICK_RATE = 2_000, 300.0
READY_MARGIN = 2.0
"""Seconds the bot must be polling before the due instant for a round to count."""
STALL_TIMEOUT = 90.0
"""Give up when no nudge arrives for this long (longer than any retry_after or backoff)."""
SETTLE = 2.0
"""Seconds to keep watching after the last nudge, so that a duplicate would be seen."""
_LOG_LEVEL = re.compile(r" (WARNING|ERROR|CRITICAL) ")


@dataclass(frozen=True)
class Round:
    """What one round measured; `rate` None means no limit anywhere."""

    plans: int
    rate: float | None
    setup_seconds: float
    ready_seconds: float
    """Spawn to the first getUpdates: start-up including the restore of every plan."""
    first_nudge: float
    last_nudge: float
    """Seconds after the due instant that the first and the last accepted nudge arrived."""
    nudged_users: int
    duplicates: int
    rate_limited: int
    round_cpu: float
    total_cpu: float
    peak_rss_mib: float
    store_writes: int
    log_problems: Counter[str]
    store: StoreFigures | None = None

    @property
    def floor(self) -> float:
        return self.plans / self.rate if self.rate else 0.0

    @property
    def lost(self) -> int:
        return self.plans - self.nudged_users


@dataclass(frozen=True)
class StoreFigures:
    """The user store the round left behind (every user with a plan), measured in this process."""

    users: int
    open_seconds: float
    read_ms: float
    read_p99_ms: float
    write_p50_ms: float
    write_p95_ms: float
    file_mib: float
    compaction_seconds: float


def delivery(nudges: Sequence[Any], due_monotonic: float) -> dict[str, Any]:
    """When the first and last nudge arrived after the due instant, how many users got one, and repeats."""
    per_user = Counter(c.chat_id for c in nudges)
    times = [c.time - due_monotonic for c in nudges] or [math.nan]
    return {
        "first_nudge": min(times),
        "last_nudge": max(times),
        "nudged_users": len(per_user),
        "duplicates": sum(count - 1 for count in per_user.values()),
    }


READS, WRITES = 20_000, 2_000


def measure_store(data_dir: Path, users: range) -> StoreFigures:
    """Open the store as a restarted bot would, then time reads, durable writes and a compaction."""
    started = time.monotonic()
    store = ProfileStore.in_dir(data_dir)
    opened = time.monotonic() - started
    try:
        rng = random.Random(7)
        reads = []
        for user_id in rng.choices(users, k=READS):
            t = time.perf_counter()
            store.get(user_id)
            reads.append(time.perf_counter() - t)
        writes = []
        for user_id in rng.choices(users, k=WRITES):
            t = time.perf_counter()
            store.update(user_id, lambda p: replace(p, score=(p.score or 200) % 300 + 1))
            writes.append(time.perf_counter() - t)
        size = (data_dir / "profiles.json").stat().st_size
        t = time.perf_counter()
        store.forget(users[0])  # a write that names no document: a full snapshot, as a compaction
        compaction = time.perf_counter() - t
    finally:
        store.close()
    return StoreFigures(
        users=len(users),
        open_seconds=opened,
        read_ms=statistics.fmean(reads) * 1000,
        read_p99_ms=percentile(reads, 99) * 1000,
        write_p50_ms=percentile(writes, 50) * 1000,
        write_p95_ms=percentile(writes, 95) * 1000,
        file_mib=size / 2**20,
        compaction_seconds=compaction,
    )


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile (0-100), nearest rank."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


class NotReadyInTime(Exception):
    """The bot was still starting (restoring plans) when the nudges fell due."""

    def __init__(self, needed: float) -> None:
        super().__init__(f"the bot needed {needed:.1f} s from setup to polling")
        self.needed = needed


# -- setup ------------------------------------------------------------------------------


def auto_lead(plans: int) -> float:
    """Seconds from now to the due instant: writing the plans plus the bot's start-up.

    Both grow linearly with the number of plans (one bulk snapshot; one restore pass);
    the constants fit this project's shared 2-core machine with room to spare, and a
    round that finds the bot not ready is run again with the lead it measured.
    """
    return 8.0 + 0.2 * plans / 1000


def active_plan(due: dt.datetime) -> dict[str, object]:
    """An 8-week, every-day plan in UTC, created on the due day and not yet nudged that day.

    A plan made in chat counts its creation day as nudged (last_nudged = today); this
    one was made yesterday in effect, so today's nudge is due.
    """
    today = due.date()
    plan = Plan(
        exam_date=today + dt.timedelta(weeks=8),
        study_days=7,
        nudge_time=due.time(),
        tz="UTC",
        created=today,
        practice_score=235,
        target_specialty="internal medicine",
        last_nudged=today - dt.timedelta(days=1),
    )
    return plan.to_dict()


def write_profiles(data_dir: Path, users: range, due: dt.datetime) -> float:
    """Store a profile with an active plan for every user; returns the seconds it took."""
    started = time.monotonic()
    plan = active_plan(due)
    store = ProfileStore.in_dir(data_dir)
    try:
        # One snapshot: the bot starts with an empty journal, and every journal line or
        # snapshot seen later is a write of the round.
        store.save_all(Profile(user_id, score=235, specialties=("internal medicine",), plan=plan) for user_id in users)
    finally:
        store.close()
    return time.monotonic() - started


# -- watching the store -----------------------------------------------------------------


class StoreWatcher:
    """Counts the bot's durable writes to profiles.json from the outside.

    A write either appends a journal line or, once the journal holds as many lines as the
    store has documents (COMPACT_AFTER at the least), or for a write that names no
    document, replaces the snapshot and empties the journal. The snapshot's replacements
    are seen by polling its stat; the lines are counted at the end. Only the nudge path
    writes during a round, and it names its document, so each snapshot stands for that
    many lines plus itself.
    """

    def __init__(self, data_dir: Path, documents: int, interval: float = 0.02) -> None:
        self.lines_per_snapshot = max(COMPACT_AFTER, documents)  # see JournaledStorage._compact
        self.snapshot = data_dir / "profiles.json"
        self.journal = data_dir / "profiles.json.journal"
        self.interval = interval
        self.snapshots = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="StoreWatcher", daemon=True)

    def _signature(self) -> tuple[int, int, int]:
        stat = self.snapshot.stat()
        return stat.st_ino, stat.st_mtime_ns, stat.st_size

    def _watch(self) -> None:
        last = self._signature()
        while not self._stop.wait(self.interval):
            now = self._signature()
            if now != last:
                self.snapshots += 1
                last = now

    def start(self) -> None:
        self._thread.start()

    def writes(self) -> int:
        """Stop watching; durable writes since `start`."""
        self._stop.set()
        self._thread.join()
        lines = self.journal.read_bytes().count(b"\n")
        return lines + self.snapshots * (self.lines_per_snapshot + 1)


# -- one round --------------------------------------------------------------------------


def accepted_nudges(server: FakeBotApi, users: range) -> list[Call]:
    """sendMessage calls to our users that the server accepted (429s are not nudges)."""
    return [c for c in server.requests("sendMessage") if c.ok and c.chat_id in users]


def await_round(server: FakeBotApi, users: range) -> list[Call]:
    """Wait until every user has a nudge, or until none arrived for STALL_TIMEOUT."""
    progress, stalled_since = -1, time.monotonic()
    while True:
        count = len(accepted_nudges(server, users))
        if count >= len(users):
            return accepted_nudges(server, users)
        if count != progress:
            progress, stalled_since = count, time.monotonic()
        elif time.monotonic() - stalled_since > STALL_TIMEOUT:
            return accepted_nudges(server, users)
        time.sleep(0.25)


def log_problems(log_path: Path) -> Counter[str]:
    """WARNING/ERROR lines in the bot's log, by level."""
    found: Counter[str] = Counter()
    for line in log_path.read_text(errors="replace").splitlines():
        match = _LOG_LEVEL.search(line)
        if match:
            found[match.group(1)] += 1
    return found


def run_round(
    plans: int, rate: float | None, lead: float, log_level: str, bot_cpus: set[int] | None, with_store: bool = False
) -> Round:
    """Write `plans` plans due `lead` seconds from now, start the bot, time the round."""
    users = range(FIRST_USER, FIRST_USER + plans)
    now = dt.datetime.now(dt.UTC)
    due = (now + dt.timedelta(seconds=math.ceil(lead))).replace(microsecond=0)
    due_monotonic = time.monotonic() + (due - now).total_seconds()
    with tempfile.TemporaryDirectory(prefix="bench-nudges-") as tmp, FakeBotApi() as server:
        data_dir = Path(tmp) / "data"
        setup = write_profiles(data_dir, users, due)
        paid = rate is not None and rate > FREE_RATE
        if paid:
            server.limit_rate(FREE_RATE, paid_per_second=rate)
        else:
            server.limit_rate(rate, paid_per_second=None)
        env = {
            "BOT_DATA_DIR": str(data_dir),
            "TELEGRAM_RATE_LIMIT": f"{rate or LIFTED_RATE:.15g}",
            "TELEGRAM_PAID_BROADCAST": "true" if paid else "false",
            "LOG_LEVEL": log_level,
        }
        bot = BotProcess(OUR_BOT, server, Path(tmp) / "bot.log", env=env, cpus=bot_cpus)
        try:
            first_poll = bot.wait_for_polling(timeout=lead + 600)
            ready = first_poll.time - bot.spawned_at
            if first_poll.time > due_monotonic - READY_MARGIN:
                raise NotReadyInTime(setup + ready)
            watcher = StoreWatcher(data_dir, plans)
            watcher.start()
            time.sleep(max(0.0, due_monotonic - time.monotonic()))
            cpu_at_due = bot.cpu_seconds()
            nudges = await_round(server, users)
            round_cpu = bot.cpu_seconds() - cpu_at_due
            writes = watcher.writes()
            time.sleep(SETTLE)
            nudges = accepted_nudges(server, users)
        finally:
            usage = bot.stop()
        store = measure_store(data_dir, users) if with_store else None
        if usage.exit_code != 0 or not nudges:
            print(f"  !! exit code {usage.exit_code}, {len(nudges)} nudges; log tail:\n{bot.log_tail()}")
        return Round(
            plans=plans,
            rate=rate,
            setup_seconds=setup,
            ready_seconds=ready,
            **delivery(nudges, due_monotonic),
            rate_limited=server.rate_limited_count,
            round_cpu=round_cpu,
            total_cpu=usage.cpu_seconds,
            peak_rss_mib=usage.peak_rss_mib,
            store_writes=writes,
            log_problems=log_problems(bot.log_path),
            store=store,
        )


def run_round_in_time(
    plans: int,
    rate: float | None,
    lead: float | None,
    log_level: str,
    bot_cpus: set[int] | None,
    with_store: bool = False,
) -> Round:
    """A round, run once more with a longer lead if the bot was still starting at the due instant."""
    try:
        return run_round(plans, rate, lead or auto_lead(plans), log_level, bot_cpus, with_store)
    except NotReadyInTime as late:
        retry = 1.5 * late.needed + 5.0
        print(f"  ({late}; running the round again with a {retry:.0f} s lead)")
        return run_round(plans, rate, retry, log_level, bot_cpus, with_store)


# -- report -----------------------------------------------------------------------------


def print_round(result: Round) -> None:
    limit = f"{result.rate:g} msg/s" if result.rate else "no limit"
    if result.rate and result.rate > FREE_RATE:
        limit += f" (paid broadcast; free sends {FREE_RATE:g}/s)"
    print(f"round: {result.plans:,} plans due at one instant, {limit}")
    print(
        f"  setup {result.setup_seconds:.1f} s (profiles written); "
        f"bot start-up to polling {result.ready_seconds:.1f} s (restores every plan)"
    )
    span = result.last_nudge
    if result.rate:
        ratio = span / result.floor
        print(
            f"  dispatch {span:.1f} s vs. floor {result.floor:.1f} s (N / rate): "
            f"{ratio:.3f} x   (target <= {TARGET_RATIO} x)"
        )
    else:
        print(f"  dispatch {span:.1f} s: {result.plans / span:,.0f} nudges/s with the limit lifted")
    print(f"  first nudge {result.first_nudge:.2f} s after the due instant; 429s handed out: {result.rate_limited:,}")
    print(
        f"  delivery: {result.nudged_users:,}/{result.plans:,} users nudged, "
        f"{result.lost:,} lost, {result.duplicates:,} twice"
    )
    print(
        f"  bot CPU: {result.round_cpu:.1f} s for the round "
        f"({result.round_cpu / result.plans * 1000:.2f} ms/nudge), {result.total_cpu:.1f} s for the whole process; "
        f"peak RSS {result.peak_rss_mib:.0f} MiB"
    )
    print(f"  store writes: {result.store_writes:,} ({result.store_writes / result.plans:.2f} per nudge)")
    if result.store is not None:
        print_store(result.store)
    if result.log_problems:
        shown = ", ".join(f"{count:,} {level}" for level, count in sorted(result.log_problems.items()))
        print(f"  bot log: {shown} lines")


def print_store(figures: StoreFigures) -> None:
    print(f"user store at {figures.users:,} users (each with a plan), as the round left it:")
    print(
        f"  open {figures.open_seconds:.2f} s; read mean {figures.read_ms:.4f} ms, p99 {figures.read_p99_ms:.4f} ms "
        f"(target <= 0.05 ms); durable write p50 {figures.write_p50_ms:.2f} ms, "
        f"p95 {figures.write_p95_ms:.2f} ms (target <= 15 ms)"
    )
    print(f"  snapshot file {figures.file_mib:.1f} MiB; compaction {figures.compaction_seconds:.2f} s")


@dataclass(frozen=True)
class SharedRound:
    """A round on PostgreSQL with several workers."""

    round: Round
    workers: int
    stored: int
    load_seconds: float
    started: list[_shared.Started]
    claimed: list[int]
    turn_writes: _shared.TurnWrites


def run_shared_round(
    plans: int,
    rate: float,
    url: str,
    workers: int,
    stored: int,
    lead: float | None,
    log_level: str,
    cpus: set[int] | None,
) -> SharedRound:
    """Load the store, start `workers` workers, and time a round of `plans` nudges due at one instant."""
    users = range(FIRST_USER, FIRST_USER + plans)
    others = range(FIRST_USER + plans, FIRST_USER + max(stored, plans))
    _shared.reset(url)
    today = dt.datetime.now(dt.UTC)
    spare = Plan.from_dict(active_plan(today))
    # Stored but not due in the round: already nudged today.
    load = _shared.load(url, (Profile(u, score=235, plan=replace(spare, last_nudged=today.date())) for u in others))
    lead = lead or 10.0 + 8.0 * workers + 0.05 * plans / 1000
    now = dt.datetime.now(dt.UTC)
    due = (now + dt.timedelta(seconds=math.ceil(lead))).replace(microsecond=0)
    due_monotonic = time.monotonic() + (due - now).total_seconds()
    plan = active_plan(due)
    load += _shared.load(url, (Profile(u, score=235, specialties=("internal medicine",), plan=plan) for u in users))
    paid = rate > FREE_RATE
    with tempfile.TemporaryDirectory(prefix="bench-nudges-pg-") as tmp, FakeBotApi() as server:
        if paid:
            server.limit_rate(FREE_RATE, paid_per_second=rate)
        else:
            server.limit_rate(rate, paid_per_second=None)
        env = {
            "TELEGRAM_RATE_LIMIT": f"{rate:.15g}",
            "TELEGRAM_PAID_BROADCAST": "true" if paid else "false",
            "LOG_LEVEL": log_level,
        }
        bots, started = _shared.start_workers(server, url, workers, Path(tmp), env, cpus)
        try:
            ready = max(s.seconds for s in started)
            if time.monotonic() > due_monotonic - READY_MARGIN:
                raise NotReadyInTime(ready)
            time.sleep(max(0.0, due_monotonic - time.monotonic()))
            cpu_at_due = sum(bot.cpu_seconds() for bot in bots)
            nudges = await_round(server, users)
            round_cpu = sum(bot.cpu_seconds() for bot in bots) - cpu_at_due
            time.sleep(SETTLE)
            nudges = accepted_nudges(server, users)
        finally:
            usages = [bot.stop() for bot in bots]
        claimed = [
            sum(int(n) for n in re.findall(r"claimed (\d+) due nudge", bot.log_path.read_text(errors="replace")))
            for bot in bots
        ]
        problems: Counter[str] = Counter()
        for bot in bots:
            problems.update(log_problems(bot.log_path))
    result = Round(
        plans=plans,
        rate=rate,
        setup_seconds=load,
        ready_seconds=ready,
        **delivery(nudges, due_monotonic),
        rate_limited=server.rate_limited_count,
        round_cpu=round_cpu,
        total_cpu=sum(u.cpu_seconds for u in usages),
        peak_rss_mib=max(u.peak_rss_mib for u in usages),
        store_writes=0,
        log_problems=problems,
    )
    turn_writes = _shared.measure_turn_writes(url, users)
    return SharedRound(result, workers, max(stored, plans), load, started, claimed, turn_writes)


def print_shared_round(shared: SharedRound) -> None:
    result = shared.round
    paid = " (paid broadcast; free sends 30/s)" if result.rate and result.rate > FREE_RATE else ""
    print(
        f"round on PostgreSQL: {result.plans:,} plans due at one instant, {result.rate:g} msg/s{paid}, "
        f"{shared.workers} workers"
    )
    print(f"  {shared.stored:,} students stored (loaded with COPY in {shared.load_seconds:.1f} s)")
    for n, (started, claimed) in enumerate(zip(shared.started, shared.claimed, strict=True)):
        print(
            f"  worker {n}: start-up {started.seconds:.2f} s to ready (target <= 3 s), RSS then "
            f"{started.rss_mib:.0f} MiB; claimed {claimed:,} nudges"
        )
    ratio = result.last_nudge / result.floor
    print(
        f"  dispatch {result.last_nudge:.1f} s vs. floor {result.floor:.1f} s (N / rate): {ratio:.3f} x"
        f"   (target <= {TARGET_RATIO} x)"
    )
    print(f"  first nudge {result.first_nudge:.2f} s after the due instant; 429s handed out: {result.rate_limited:,}")
    print(
        f"  delivery: {result.nudged_users:,}/{result.plans:,} users nudged, "
        f"{result.lost:,} lost, {result.duplicates:,} twice"
    )
    print(
        f"  workers' CPU: {result.round_cpu:.1f} s for the round "
        f"({result.round_cpu / result.plans * 1000:.2f} ms/nudge); peak RSS {result.peak_rss_mib:.0f} MiB"
    )
    turn = shared.turn_writes
    print(
        f"  a turn's durable write on PostgreSQL ({turn.samples:,} turns, lock + read + write + commit): "
        f"p50 {turn.p50_ms:.2f} ms, p95 {turn.p95_ms:.2f} ms (target <= 15 ms); a read {turn.read_ms:.2f} ms"
    )
    if result.log_problems:
        shown = ", ".join(f"{count:,} {level}" for level, count in sorted(result.log_problems.items()))
        print(f"  workers' logs: {shown} lines")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_nudges",
        description="Time a round of study-plan nudges all due at once, against a rate-limited loopback Bot API.",
    )
    parser.add_argument("--plans", type=int, help="active plans due at once (default 10,000; 2,000 with --quick)")
    parser.add_argument("--rate", type=float, help="msg/s on both sides (default 30, Telegram's; 300 with --quick)")
    parser.add_argument("--quick", action="store_true", help="a scaled check: 2,000 plans at 300 msg/s (~20 s)")
    parser.add_argument("--lifted", action="store_true", help="then a round with no limit anywhere: nudges/s")
    parser.add_argument("--lead", type=float, help="seconds from setup to the due instant (default: by plan count)")
    parser.add_argument("--log-level", default="INFO", help="the bot's LOG_LEVEL (default INFO, as in production)")
    parser.add_argument("--no-pin", action="store_true", help="don't pin the server and the bot to separate CPUs")
    parser.add_argument("--database-url", help="run on PostgreSQL (a database this may empty) with several workers")
    parser.add_argument("--workers", type=int, default=2, help="with --database-url: worker processes (default 2)")
    parser.add_argument("--stored", type=int, default=0, help="with --database-url: students stored in all")
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    """The limited round, then the lifted one if asked for."""
    args = _parser().parse_args(argv)
    plans = args.plans or (QUICK_PLANS if args.quick else 10_000)
    rate = args.rate or (QUICK_RATE if args.quick else DEFAULT_RATE)
    server_cpus, bot_cpus = split_cpus(pin=not args.no_pin)
    pin_this_process(server_cpus)
    print(describe_pinning(server_cpus, bot_cpus))
    if args.database_url:
        shared = run_shared_round(
            plans, rate, args.database_url, args.workers, args.stored, args.lead, args.log_level, bot_cpus
        )
        print_shared_round(shared)
        return
    print_round(run_round_in_time(plans, rate, args.lead, args.log_level, bot_cpus, with_store=True))
    if args.lifted:
        print_round(run_round_in_time(plans, None, args.lead, args.log_level, bot_cpus))


if __name__ == "__main__":
    main()
