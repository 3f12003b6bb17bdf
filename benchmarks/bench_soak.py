"""Soak: 100,000 messages from many users, then 50 SIGKILLs of a writer, clean and with damage.

    python -m benchmarks.bench_soak            # the full soak (a few minutes on 2 cores)
    python -m benchmarks.bench_soak --quick    # 10,000 messages, 10 kills each

Prints figures; asserts nothing. What it counts:
- messages: exceptions and replies Telegram would reject (0 expected), and that every
  user's memory reads back the same after the store is reopened;
- kills: a writer process saves and forgets profiles and prints a line after each one
  returns (an acknowledged write); it is SIGKILLed at a random instant, the store is
  reopened, and every acknowledged write is checked. "Lost" counts acknowledged saves
  missing or wrong and acknowledged forgets undone; "failed to load" counts reopens that
  raised. With --damage, each round also injects a garbage journal line, the wrong-shaped
  lines `5` and `["profiles","1",7]`, a record that isn't a profile, and every fifth round
  a snapshot cut in half, which must be refused (with its bytes untouched) rather than
  loaded; the benchmark then puts the snapshot back, as an operator restoring it would.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.messages import STUDENT_MESSAGES
from bot.conversation import Advisor
from bot.profiles import ProfileStore
from bot.storage import StoreError
from bot.student import Profile
from knowledge import load_knowledge
from tests.telegram_html import html_errors

REPO = Path(__file__).resolve().parents[1]
SEED = 10

NOISE = ("⑳" * 300, "²", "/score " + "9" * 500, "<b>hi", "\u202eabc", "/forget yes", "/plan", "in 6 weeks", "5")

WRITER = """
import random, sys
from pathlib import Path
import bot.storage
from bot.lock import lock_data_dir
from bot.profiles import ProfileStore
from bot.student import Profile

# Fold the journal into a snapshot every 50 lines, so kills also land inside snapshot rewrites.
bot.storage.JournaledStorage.__init__.__defaults__ = (50,)
data_dir, base, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
lock_data_dir(data_dir)
store = ProfileStore.in_dir(data_dir)
rng = random.Random(seed)
print("ready", flush=True)
k = 0
while True:
    k += 1
    if k > 10 and rng.random() < 0.05:
        victim = base + rng.randrange(1, k)
        print(f"forgetting {victim}", flush=True)
        store.forget(victim)
        print(f"forgot {victim}", flush=True)
    else:
        store.save(Profile(base + k, score=k % 300 + 1, specialties=("dermatology",)))
        print(f"saved {base + k} {k % 300 + 1}", flush=True)
"""


def soak_messages(total: int, users: int) -> None:
    """`total` messages from `users` users through the real advisor and a durable store."""
    knowledge = load_knowledge()
    rng = random.Random(SEED)
    texts = (*STUDENT_MESSAGES, *NOISE)
    errors = rejected = 0
    with tempfile.TemporaryDirectory() as tmp:
        store = ProfileStore.in_dir(Path(tmp))
        advisor = Advisor(knowledge, store, now=lambda: dt.datetime(2026, 12, 1, 15, tzinfo=dt.UTC))
        start = time.perf_counter()
        for _ in range(total):
            try:
                reply = advisor.handle(rng.randrange(1, users + 1), rng.choice(texts)).reply
            except Exception:
                errors += 1
                continue
            rejected += bool(html_errors(reply.html))
        elapsed = time.perf_counter() - start
        before = {p.user_id: p for p in store.all()}
        writes = store.durable_writes
        store.close()
        reopened = ProfileStore.in_dir(Path(tmp))
        differ = sum(reopened.get(uid) != profile for uid, profile in before.items())
        differ += len(reopened) != len(before)
        reopened.close()
    print(f"messages: {total:,} from {users:,} users in {elapsed:.1f} s ({total / elapsed:,.0f}/s)")
    print(f"  exceptions {errors}; replies Telegram would reject {rejected}")
    print(f"  {writes:,} durable writes; {len(before):,} users stored; differing after reopen: {differ}")


@dataclass
class Ledger:
    """What the writers acknowledged, across every round."""

    saved: dict[int, int] = field(default_factory=dict)
    forgotten: set[int] = field(default_factory=set)
    unsure: set[int] = field(default_factory=set)
    """Forgets under way at the kill: either outcome is right."""
    acknowledged: int = 0

    def read(self, output: str) -> None:
        """Take in one writer's acknowledgement lines (a torn last line is not one)."""
        lines = output.split("\n")[:-1]
        for line in lines:
            kind, *rest = line.split()
            if kind == "saved":
                self.saved[int(rest[0])] = int(rest[1])
                self.acknowledged += 1
            elif kind == "forgetting":
                self.unsure.add(int(rest[0]))
            elif kind == "forgot":
                uid = int(rest[0])
                self.unsure.discard(uid)
                self.saved.pop(uid, None)
                self.forgotten.add(uid)
                self.acknowledged += 1

    def lost(self, store: ProfileStore) -> int:
        """Acknowledged writes the store does not show."""
        missing = sum(store.get(uid).score != score for uid, score in self.saved.items() if uid not in self.unsure)
        undone = sum(store.get(uid) != Profile(uid) for uid in self.forgotten if uid not in self.unsure)
        return missing + undone


def inject_damage(data_dir: Path, rng: random.Random, round_: int) -> None:
    """Bad journal lines between good ones, and a record that isn't a profile."""
    journal = data_dir / "profiles.json.journal"
    parts = journal.read_bytes().split(b"\n") if journal.exists() else [b""]
    tail = parts.pop()  # the torn tail of the killed write stays last
    for bad in (b"\x00garbage{", b"5", b'["profiles","1",7]'):
        parts.insert(rng.randrange(len(parts) + 1), bad)
    journal.write_bytes(b"\n".join([*parts, tail]))
    snapshot = data_dir / "profiles.json"
    data = json.loads(snapshot.read_bytes())
    data.setdefault("profiles", {})[str(900_000_000 + round_)] = {"score": "not a number"}
    snapshot.write_text(json.dumps(data))


def soak_kills(rounds: int, *, damage: bool) -> None:
    """SIGKILL a writer `rounds` times; after each, reopen the store and check every ack."""
    rng = random.Random(SEED + damage)
    ledger = Ledger()
    failed = lost_total = refused = untouched = loaded_half = quarantined = aside = 0
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        for round_ in range(rounds):
            writer = subprocess.Popen(
                [sys.executable, "-c", WRITER, str(data_dir), str((round_ + 1) * 1_000_000), str(round_)],
                cwd=REPO,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert writer.stdout is not None  # asked for above
            writer.stdout.readline()  # "ready"
            time.sleep(rng.uniform(0.05, 0.6))
            os.kill(writer.pid, signal.SIGKILL)
            ledger.read(writer.stdout.read())
            writer.wait()
            if damage:
                inject_damage(data_dir, rng, round_)
                if round_ % 5 == 4:
                    snapshot = data_dir / "profiles.json"
                    whole = snapshot.read_bytes()
                    snapshot.write_bytes(whole[: len(whole) // 2])
                    try:
                        ProfileStore.in_dir(data_dir).close()
                        loaded_half += 1
                    except StoreError:
                        refused += 1
                        untouched += snapshot.read_bytes() == whole[: len(whole) // 2]
                    snapshot.write_bytes(whole)  # the operator puts it back
            try:
                store = ProfileStore.in_dir(data_dir)
            except Exception:
                failed += 1
                continue
            lost_total += ledger.lost(store)
            store.close()
        quarantine = data_dir / "profiles.json.quarantine"
        quarantined = len(quarantine.read_text().splitlines()) if quarantine.exists() else 0
        aside = len(list(data_dir.glob("*.damaged-*")))
    label = "with damage injected" if damage else "clean"
    print(f"SIGKILLs ({label}): {rounds} kills of a writer; {ledger.acknowledged:,} acknowledged writes")
    print(f"  lost acknowledged writes {lost_total}; stores that failed to load {failed}")
    if damage:
        print(f"  bad records set aside {quarantined}; damaged journals kept aside {aside}")
        print(
            f"  half snapshots refused with one line {refused} "
            f"(bytes untouched {untouched}); loaded anyway {loaded_half}"
        )


def main() -> None:
    """Run the soak and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 messages and 10 kills each")
    args = parser.parse_args()
    # The store logs one line per damaged file it sets aside; the figures below count them.
    logging.getLogger("bot").setLevel(logging.ERROR)
    soak_messages(10_000 if args.quick else 100_000, users=500 if args.quick else 5_000)
    kills = 10 if args.quick else 50
    soak_kills(kills, damage=False)
    soak_kills(kills, damage=True)


if __name__ == "__main__":
    main()
