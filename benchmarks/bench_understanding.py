"""Understanding, measured on the corpus's test split and on the stranger set (neither trained on).

    python -m benchmarks.bench_understanding

Prints intent, topic, score, specialty and whole-message accuracy, overall and for long
posts; p50/p99 latency of understand+reply; and messages/s through a real `ask --json`
subprocess pinned to one core. Asserts nothing (targets are in issue 8 and the README).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.stranger import load_stranger, report
from bot.advice import advise
from bot.student import Profile
from bot.understand import Parsed, understand
from knowledge import Knowledge, load_knowledge
from knowledge.corpus import Example, load_corpus

REPO = Path(__file__).resolve().parents[1]


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile (0-100) of samples, nearest rank."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))]


def judge(example: Example, parsed: Parsed) -> dict[str, bool]:
    """Which parts of one message were read right; "whole" needs all of them."""
    marks = {
        "intent": parsed.intent == example.intent,
        "topic": parsed.topic == example.topic if example.intent == "faq" else True,
        "score": parsed.score == example.score,
        "specialty": set(parsed.specialties) | set(parsed.other_specialties) == set(example.specialties),
    }
    marks["whole"] = all(marks.values())
    return marks


def accuracy(examples: Sequence[Example], knowledge: Knowledge, label: str, show: int = 0) -> None:
    """Print each part's accuracy over `examples` (and the first few misses when asked)."""
    totals = dict.fromkeys(("intent", "topic", "score", "specialty", "whole"), 0)
    topics = sum(e.intent == "faq" for e in examples)
    misses = []
    for e in examples:
        parsed = understand(e.text, knowledge)
        for name, ok in judge(e, parsed).items():
            totals[name] += ok
        if not judge(e, parsed)["whole"]:
            misses.append((e, parsed))
    n = max(len(examples), 1)
    topic_share = (totals["topic"] - (len(examples) - topics)) / max(topics, 1)
    print(
        f"{label:<12} n={len(examples):<4} intent {totals['intent'] / n:6.1%}  topic {topic_share:6.1%}  "
        f"score {totals['score'] / n:6.1%}  specialty {totals['specialty'] / n:6.1%}  whole {totals['whole'] / n:6.1%}"
    )
    for e, parsed in misses[:show]:
        print(
            f"   miss: {e.text[:110]!r}\n         want {e.intent}/{e.topic}/{e.score}/{e.specialties}"
            f" got {parsed.intent}/{parsed.topic}/{parsed.score}/{parsed.specialties + parsed.other_specialties}"
        )


def feelings(examples: Sequence[Example], knowledge: Knowledge) -> None:
    """Feeling accuracy on the test split, and recall of "hopeless" over every example (there are few)."""
    test = [e for e in examples if e.in_test]
    right = sum((understand(e.text, knowledge).feeling or "none") == e.feeling_label for e in test)
    hopeless = [e for e in examples if e.feeling == "hopeless"]
    caught = sum(understand(e.text, knowledge).feeling == "hopeless" for e in hopeless)
    print(
        f"feeling: {right / max(len(test), 1):.1%} right on the test split; "
        f"hopeless caught in {caught} of {len(hopeless)} labelled messages (train and test)"
    )


def latency(texts: Sequence[str], knowledge: Knowledge, rounds: int = 20) -> None:
    """p50/p99 of understand+reply per message."""
    profile = Profile(1, score=250, specialties=("dermatology",))
    for text in texts:
        advise(understand(text, knowledge), profile, knowledge)
    wall, cpu = [], []
    for _ in range(rounds):
        for text in texts:
            start, start_cpu = time.perf_counter(), time.thread_time()
            advise(understand(text, knowledge), profile, knowledge)
            cpu.append((time.thread_time() - start_cpu) * 1000)
            wall.append((time.perf_counter() - start) * 1000)
    print(
        f"understand+reply: {len(wall):,} timed   "
        f"wall p50 {percentile(wall, 50):.3f} ms p99 {percentile(wall, 99):.3f} ms;"
        f"   CPU p50 {percentile(cpu, 50):.3f} ms p99 {percentile(cpu, 99):.3f} ms   (target p99 <= 2 ms)"
    )
    print("  (CPU time is what this thread used: on a busy machine, wall time also counts waiting for a core)")


def through_cli(texts: Sequence[str], total: int = 5000) -> None:
    """Messages/s through `python -m bot ask --json -`, a real process on one core."""
    lines = "".join(texts[i % len(texts)].replace("\n", " ") + "\n" for i in range(total))
    pin = ["taskset", "-c", "0"] if os.path.exists("/usr/bin/taskset") else []
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BOT_DATA_DIR": tmp, "TELEGRAM_BOT_TOKEN": ""}

        def run(stdin: str) -> tuple[subprocess.CompletedProcess[str], float]:
            start = time.perf_counter()
            done = subprocess.run(
                [*pin, sys.executable, "-m", "bot", "ask", "--json", "-"],
                input=stdin,
                capture_output=True,
                text=True,
                env=env,
                cwd=REPO,
                check=True,
            )
            return done, time.perf_counter() - start

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done, took = run(lines)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        _, startup = run("hi\n")  # the same process with one line: its start-up, taken off the rate
    answered = done.stdout.count("\n")
    print(
        f"ask --json on one core: {answered:,} messages in {took:.2f} s (start-up {startup:.2f} s): "
        f"{answered / max(took - startup, 1e-9):,.0f} messages/s after start-up, "
        f"{answered / took:,.0f}/s including it   (target >= 1,000/s)"
    )
    print(f"  its CPU time: {cpu:.2f} s, so {answered / cpu:,.0f} messages per CPU-second (start-up included)")


def main() -> None:
    """Print every figure."""
    knowledge = load_knowledge()
    corpus = load_corpus()
    test = corpus.test
    long = [e for e in test if e.is_long]
    accuracy(test, knowledge, "all test", show=int(os.environ.get("SHOW_MISSES", "0")))
    accuracy(long, knowledge, "long posts", show=int(os.environ.get("SHOW_MISSES", "0")))
    print("  (target: whole-message >= 90% on >= 150 long posts)")
    feelings(corpus.examples, knowledge)
    print("On messages written by people who never saw the examples or the code (tests/stranger/):")
    report(knowledge, load_stranger(), show=int(os.environ.get("SHOW_MISSES", "0")))
    texts = [e.text for e in test]
    latency(texts, knowledge)
    through_cli(texts)


if __name__ == "__main__":
    main()
