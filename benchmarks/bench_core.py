"""Core benchmark: understand+reply latency and throughput; user-store read/write latency.

    python -m benchmarks.bench_core

Prints figures; asserts nothing (targets are in the issues and the README).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.messages import STUDENT_MESSAGES as MESSAGES
from bot.advice import advise
from bot.conversation import Advisor
from bot.profiles import ProfileStore
from bot.student import Profile
from bot.understand import understand
from knowledge import load_knowledge


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile (0-100) of samples, nearest rank."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]


def bench_messages(rounds: int = 500) -> None:
    """Per-message latency and batch rate of understand+reply, and of a whole turn with memory."""
    knowledge = load_knowledge()
    profile = Profile(1, score=250, specialties=("dermatology",))
    for text in MESSAGES:  # warm the indexes, as a running bot would be
        advise(understand(text, knowledge), profile, knowledge)
    samples = []
    for _ in range(rounds):
        for text in MESSAGES:
            start = time.perf_counter()
            advise(understand(text, knowledge), profile, knowledge)
            samples.append((time.perf_counter() - start) * 1000)
    batch = [MESSAGES[i % len(MESSAGES)] for i in range(20_000)]
    start = time.perf_counter()
    for text in batch:
        advise(understand(text, knowledge), profile, knowledge)
    rate = len(batch) / (time.perf_counter() - start)
    print(f"understand+reply: {len(samples):,} messages timed")
    print(f"  p50 {percentile(samples, 50):.3f} ms   p99 {percentile(samples, 99):.3f} ms   (target p99 <= 1 ms)")
    print(f"  batch {rate:,.0f} messages/s   (target >= 2,000/s)")

    # The same messages through Advisor.handle: profile read, reply, and a durable
    # memory write whenever the message changes what we remember (fsync included).
    with tempfile.TemporaryDirectory() as tmp:
        store = ProfileStore.in_dir(Path(tmp))
        advisor = Advisor(knowledge, store)
        turns = []
        for i in range(100):
            for text in MESSAGES:
                start = time.perf_counter()
                advisor.handle(1000 + i, text)
                turns.append((time.perf_counter() - start) * 1000)
        writes = store.durable_writes
        store.close()
    print(
        f"whole turn with memory: p50 {percentile(turns, 50):.3f} ms   p99 {percentile(turns, 99):.3f} ms   "
        f"({writes / len(turns):.2f} durable writes per message)"
    )


def bench_store(users: int) -> None:
    """Read and durable-write latency of the user store holding `users` profiles."""
    with tempfile.TemporaryDirectory() as tmp:
        store = ProfileStore.in_dir(Path(tmp))
        for uid in range(1, users + 1):
            store.save(Profile(uid, score=240 + uid % 20, specialties=("dermatology", "psychiatry")))
        store.close()
        store = ProfileStore.in_dir(Path(tmp))  # measure a store opened from disk, as after a restart
        reads = []
        for uid in range(1, users + 1):
            start = time.perf_counter()
            store.get(uid)
            reads.append((time.perf_counter() - start) * 1000)
        writes = []
        for i in range(500):
            uid = 1 + (i * 7919) % users
            start = time.perf_counter()
            store.save(Profile(uid, score=250, specialties=("radiology",)))
            writes.append((time.perf_counter() - start) * 1000)
        store.close()
    print(
        f"store @ {users:>6,} users: read mean {statistics.fmean(reads):.4f} ms p99 {percentile(reads, 99):.4f} ms; "
        f"durable write p50 {percentile(writes, 50):.2f} ms p95 {percentile(writes, 95):.2f} ms"
    )


def main() -> None:
    """Run every core figure."""
    bench_messages()
    bench_store(1_000)
    bench_store(10_000)
    print("  (targets at 10k users: read <= 0.05 ms, durable write p95 <= 15 ms)")


if __name__ == "__main__":
    main()
