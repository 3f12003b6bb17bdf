"""Core benchmark: understand+reply latency and throughput; user-store read/write latency.

    python -m benchmarks.bench_core

Prints figures; asserts nothing (targets are in the issues and the README).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bot.conversation import Advisor
from bot.profiles import Profile, ProfileStore
from knowledge import load_knowledge

MESSAGES = [
    "248 good enough for ortho??",
    "avg for rads",
    "can IMGs match derm",
    "derm vs plastics vs ENT",
    "I got 245, what fits?",
    "what about psych?",
    "high 240s for gen surg",
    "hi",
    "my NBME 12 was 230, I'm 26, is that ok for peds",
    "is step 2 harder than step 1",
    "what's the passing score",
    "asdfghjkl",
    "I got 320",
    "urology average?",
    "compare IM, peds and FM",
    "dermatolgy 250",
]


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile (0-100) of samples, nearest rank."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]


def bench_messages(rounds: int = 500) -> None:
    """Per-message latency of understand+reply+memory, and batch messages/s."""
    knowledge = load_knowledge()
    with tempfile.TemporaryDirectory() as tmp:
        store = ProfileStore.in_dir(Path(tmp))
        advisor = Advisor(knowledge, store)
        for text in MESSAGES:  # warm caches, as a running bot would be
            advisor.handle(1, text)
        samples = []
        for i in range(rounds):
            for text in MESSAGES:
                start = time.perf_counter()
                advisor.handle(1000 + i % 50, text)
                samples.append((time.perf_counter() - start) * 1000)
        batch = [MESSAGES[i % len(MESSAGES)] for i in range(5000)]
        start = time.perf_counter()
        for i, text in enumerate(batch):
            advisor.handle(5000 + i % 50, text)
        rate = len(batch) / (time.perf_counter() - start)
        store.close()
    print(f"messages: {len(samples)} timed, understand+reply+memory per message")
    print(f"  p50 {percentile(samples, 50):.3f} ms   p99 {percentile(samples, 99):.3f} ms   (target p99 <= 1 ms)")
    print(f"  batch {rate:,.0f} messages/s   (target >= 2,000/s)")


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
