"""Pieces of the benchmarks for several workers on one PostgreSQL store (`--database-url`).

Workers run unmodified (`python -m bot run`) in webhook mode with DATABASE_URL and
BOT_WORKERS, all on one webhook port (SO_REUSEPORT), against the loopback Bot API.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import statistics
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

import psycopg

from benchmarks._common import OUR_BOT, BotProcess, wait_until
from bot.pg_store import PostgresStore
from bot.student import Profile
from tests.fake_bot_api import FakeBotApi
from tests.test_telegram_e2e import free_port

SECRET = "bench-Workers_1"  # noqa: S105  # the loopback webhook's, not a credential
READY_LINE = "restored 0 study plan(s)"
"""What a worker on PostgreSQL logs once its start-up (post_init) is done."""
COPY_BATCH = 50_000


def reset(url: str) -> None:
    """Empty the benchmark database's store (the schema is made by the first connect)."""
    PostgresStore.connect(url, pool_size=2).close()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("TRUNCATE profiles")


def load(url: str, profiles: Iterable[Profile]) -> float:
    """Store profiles with COPY, in batches; returns the seconds it took."""
    started = time.monotonic()
    store = PostgresStore.connect(url, pool_size=2)
    try:
        it: Iterator[Profile] = iter(profiles)
        while batch := list(islice(it, COPY_BATCH)):
            store.save_all(batch)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE profiles")
    finally:
        store.close()
    return time.monotonic() - started


def rss_mib(pid: int) -> float:
    """A running process's resident set size now."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return math.nan


@dataclass(frozen=True)
class Started:
    """One worker's start-up: spawn to ready (post_init done), and its RSS then."""

    seconds: float
    rss_mib: float


def start_workers(
    server: FakeBotApi,
    url: str,
    workers: int,
    folder: Path,
    env: dict[str, str],
    cpus: set[int] | None,
    timeout: float = 120.0,
) -> tuple[list[BotProcess], list[Started]]:
    """Start `workers` webhook workers sharing one port; wait until each is ready."""
    port = free_port()
    common = {
        "BOT_MODE": "webhook",
        "WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
        "WEBHOOK_PORT": str(port),
        "WEBHOOK_SECRET": SECRET,
        "DATABASE_URL": url,
        "BOT_WORKERS": str(workers),
        **env,
    }
    bots, started = [], []
    for n in range(workers):
        # One after another: each start-up is measured alone, not against the other's on a shared core.
        data = folder / f"worker{n}"
        data.mkdir(parents=True, exist_ok=True)
        log = folder / f"worker{n}.log"
        bot = BotProcess(OUR_BOT, server, log, env={**common, "BOT_DATA_DIR": str(data)}, cpus=cpus)
        bots.append(bot)
        if not wait_until(lambda log=log: READY_LINE in log.read_text(errors="replace"), timeout, 0.01):  # type: ignore[misc]
            raise RuntimeError(f"a worker did not start within {timeout:.0f} s; its log ends:\n{bot.log_tail()}")
        started.append(Started(time.monotonic() - bot.spawned_at, rss_mib(bot.pid)))
    return bots, started


@dataclass(frozen=True)
class TurnWrites:
    """A turn's durable write on PostgreSQL, as a worker makes it (run_turn + save_changes)."""

    samples: int
    p50_ms: float
    p95_ms: float
    read_ms: float


def measure_turn_writes(url: str, users: range, samples: int = 2000) -> TurnWrites:
    """Time the turn path's store work: the student's lock, a read, a changed profile written and committed."""
    store = PostgresStore.connect(url, pool_size=2)
    rng = random.Random(7)
    writes, reads = [], []
    try:
        for user_id in rng.choices(users, k=samples):
            t = time.perf_counter()
            store.get(user_id)
            reads.append(time.perf_counter() - t)

            def turn(uid: int = user_id) -> None:
                seen = store.get(uid)
                store.save_changes(seen, replace(seen, score=(seen.score or 200) % 300 + 1))

            t = time.perf_counter()
            store.run_turn(user_id, turn)
            writes.append(time.perf_counter() - t)
    finally:
        store.close()
    ordered = sorted(writes)
    return TurnWrites(
        samples=samples,
        p50_ms=statistics.median(ordered) * 1000,
        p95_ms=ordered[math.ceil(0.95 * len(ordered)) - 1] * 1000,
        read_ms=statistics.fmean(reads) * 1000,
    )


def not_due_today(profile: Profile, today: dt.date) -> Profile:
    """The profile with its plan marked as nudged today: stored, but not due in the round."""
    assert profile.plan is not None
    return replace(profile, plan=replace(profile.plan, last_nudged=today))
