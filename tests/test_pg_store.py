"""The PostgreSQL store's own behaviour, on a real server: schema, claims, dropped connections, migration.

What it shares with the TinyDB store is tested on both in tests/test_profiles.py (`any_store`).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from bot.pg_store import Claim, PostgresStore, due_at
from bot.plans import schedule
from bot.plans.model import Plan
from bot.profiles import ProfileStore
from bot.storage import StoreError
from bot.student import Profile
from bot.user_store import StoreUnavailable
from knowledge import load_knowledge
from tests.bot_process import REPO
from tests.pg_server import PostgresServer, running_server
from tests.plan_helpers import due_today

pytestmark = pytest.mark.e2e  # every test here needs PostgreSQL (or the CLI as a process)

TODAY = dt.datetime.now(dt.UTC).date()
NOW = dt.datetime.now(dt.UTC)


def soon() -> dt.datetime:
    """A claim's `now`, just after the writes the test made (their next_due is the instant of writing)."""
    return dt.datetime.now(dt.UTC) + dt.timedelta(seconds=5)


LEASE = dt.timedelta(seconds=60)


def due_plan() -> Plan:
    """Due today at 00:00 UTC, not yet nudged: due whenever the test runs."""
    return due_today(TODAY, created=TODAY)


def test_a_profile_survives_reconnecting_and_the_schema_is_applied_once(pg_url: str) -> None:
    first = PostgresStore.connect(pg_url)
    first.save(Profile(7, score=250, specialties=("dermatology",), plan=due_plan()))
    first.close()
    again = PostgresStore.connect(pg_url)  # a second start finds the schema in place
    try:
        assert again.get(7) == Profile(7, score=250, specialties=("dermatology",), plan=due_plan())
        assert again.schema_version() == 1
        with psycopg.connect(pg_url) as conn:
            assert conn.execute("SELECT count(*) FROM schema_version").fetchone() == (1,)
    finally:
        again.close()


def test_workers_starting_together_apply_the_schema_once(pg_url: str) -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        stores = list(pool.map(lambda _: PostgresStore.connect(pg_url, pool_size=2), range(4)))
    for store in stores:
        assert store.schema_version() == 1
        store.close()


def test_every_write_keeps_the_next_due_instant_of_the_plan(pg_store: PostgresStore) -> None:
    later = replace(due_plan(), nudge_time=dt.time(23, 59))
    pg_store.save(Profile(1, plan=later))
    assert pg_store.next_due(1) == due_at(Profile(1, plan=later), NOW)
    pg_store.update(1, lambda p: replace(p, plan=replace(later, status="paused")))
    assert pg_store.next_due(1) is None  # paused: nothing to claim
    pg_store.save(Profile(2, score=240))
    assert pg_store.next_due(2) is None


def test_a_finished_plan_is_due_again_on_its_score_release_days(pg_store: PostgresStore) -> None:
    # After the exam the check-ins go on (the Wednesdays scores usually come out): the column that
    # workers claim from must say so, or no worker would ever send them.
    finished = replace(due_plan(), status="finished", exam_date=NOW.date() - dt.timedelta(days=10))
    knowledge = load_knowledge()
    pg_store.knowledge = knowledge
    pg_store.save(Profile(3, plan=finished))
    release = schedule.next_release_at(finished, NOW, knowledge)
    assert release is not None and pg_store.next_due(3) == release
    assert due_at(Profile(3, plan=finished), NOW) is None  # without the knowledge store it can't know


def test_claims_are_disjoint_leased_and_ended_by_any_write(pg_store: PostgresStore) -> None:
    at = soon()
    pg_store.save_all(Profile(uid, plan=due_plan()) for uid in range(1, 101))
    pg_store.save(Profile(500, plan=replace(due_plan(), status="paused")))
    with ThreadPoolExecutor(max_workers=4) as pool:
        claims = list(pool.map(lambda w: pg_store.claim_due(f"w{w}", at, 30, LEASE), range(4)))
    taken = [uid for claim in claims for uid in claim]
    assert len(taken) == len(set(taken)) == 100  # each due plan once, the paused one never
    assert pg_store.claim_due("w9", at, 100, LEASE) == []  # all held for the lease
    assert sorted(pg_store.claim_due("w9", at + LEASE + dt.timedelta(seconds=1), 200, LEASE)) == list(range(1, 101))
    # A write (the mark, or a turn) ends the claim: the row is due by its plan again.
    pg_store.update(5, lambda p: replace(p, score=230))
    assert pg_store.claim_due("w8", at, 10, LEASE) == [5]


def test_unclaim_hands_back_what_a_stopping_worker_holds(pg_store: PostgresStore) -> None:
    at = soon()
    pg_store.save_all(Profile(uid, plan=due_plan()) for uid in (1, 2, 3))
    assert len(pg_store.claim_due("w1", at, 2, LEASE)) == 2
    assert pg_store.unclaim("w1", at) == 2
    assert sorted(pg_store.claim_due("w2", at, 10, LEASE)) == [1, 2, 3]


def nudged(claims: list[Claim], day: dt.date = TODAY) -> list[tuple[Claim, Plan | None]]:
    """Each claim marked as a nudge sent on `day`."""
    return [(claim, replace(claim.plan, last_nudged=day)) for claim in claims if claim.plan is not None]


def test_batch_claims_and_marks_take_each_due_plan_once_across_two_workers(
    pg_store: PostgresStore, pg_url: str
) -> None:
    at = soon()
    pg_store.save_all(Profile(uid, score=240, plan=due_plan()) for uid in range(1, 301))
    other = PostgresStore.connect(pg_url, pool_size=2)  # a second worker's store

    def work(store: PostgresStore, worker: str) -> list[int]:
        marked: list[int] = []
        while claims := store.claim_plans(worker, at, 7, LEASE):
            assert all(claim.plan == due_plan() for claim in claims)  # the plan comes with its claim
            marked += store.mark_claimed(worker, nudged(claims), at, at + LEASE)
        return marked

    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            a, b = pool.map(work, (pg_store, other), ("wa", "wb"))
    finally:
        other.close()
    assert sorted(a + b) == list(range(1, 301)) and a and b  # every plan marked once, by one of them
    sent = replace(due_plan(), last_nudged=TODAY)
    for uid in (1, 150, 300):
        assert pg_store.get(uid) == Profile(uid, score=240, plan=sent)  # the mark wrote the plan, kept the rest
        assert pg_store.next_due(uid) == due_at(Profile(uid, plan=sent), at)
    assert pg_store.claim_plans("wc", at, 10, LEASE) == []  # marked: not due again today


def test_a_mark_is_written_only_while_its_claim_stands(pg_store: PostgresStore) -> None:
    at = soon()
    pg_store.save_all(Profile(uid, plan=due_plan()) for uid in (1, 2, 3))
    first = pg_store.claim_plans("w1", at, 10, LEASE)
    pg_store.update(2, lambda p: replace(p, score=250))  # a turn wrote since: its claim ended
    assert pg_store.mark_claimed("w1", nudged(first), at, at + LEASE) == {1, 3}
    assert pg_store.get(2).plan == due_plan()  # not marked, so not sent: due by its plan again
    assert [claim.user_id for claim in pg_store.claim_plans("w2", at, 10, LEASE)] == [2]


def test_a_claim_whose_lease_ran_out_is_offered_again_and_its_stale_mark_refused(pg_store: PostgresStore) -> None:
    at = soon()
    pg_store.save_all(Profile(uid, plan=due_plan()) for uid in (1, 2))
    stale = pg_store.claim_plans("w1", at, 10, LEASE)  # claimed, never marked: the worker stalled or died
    assert pg_store.claim_plans("w2", at, 10, LEASE) == []
    later = at + LEASE + dt.timedelta(seconds=1)
    again = pg_store.claim_plans("w1", later, 10, LEASE)  # the same worker, after its lease ran out
    assert sorted(claim.user_id for claim in again) == [1, 2]
    assert pg_store.mark_claimed("w1", nudged(stale), at, at + LEASE) == set()  # an older claim: refused
    assert pg_store.mark_claimed("w1", nudged(again), later, later + LEASE) == {1, 2}
    taken = pg_store.claim_plans("w1", later + 2 * LEASE, 10, LEASE)
    assert taken == []  # marked once; nothing due again today


def test_a_claim_found_not_due_is_marked_with_its_plan_untouched_until_later(pg_store: PostgresStore) -> None:
    at = soon()
    pg_store.save_all(Profile(uid, score=230, plan=due_plan()) for uid in (1, 2))
    claims = pg_store.claim_plans("w1", at, 10, LEASE)
    retry = at + dt.timedelta(minutes=5)
    assert pg_store.mark_claimed("w1", [(claim, None) for claim in claims], at, retry) == {1, 2}
    assert pg_store.get(1) == Profile(1, score=230, plan=due_plan())
    assert pg_store.next_due(1) == retry  # its plan says due: not claimed again at once
    assert pg_store.claim_plans("w2", at, 10, LEASE) == []
    assert len(pg_store.claim_plans("w2", retry, 10, LEASE)) == 2


def test_one_students_turns_are_ordered_across_stores(pg_url: str) -> None:
    """Two stores (as two workers): a turn holds the student's lock from its read to its commit."""
    a, b = PostgresStore.connect(pg_url), PostgresStore.connect(pg_url)
    a.save(Profile(1, score=0))
    inside, release = threading.Event(), threading.Event()

    def slow_turn() -> None:
        seen = a.get(1)
        inside.set()
        release.wait(5)
        a.save_changes(seen, replace(seen, score=(seen.score or 0) + 1))

    first = threading.Thread(target=a.run_turn, args=(1, slow_turn))
    first.start()
    inside.wait(5)
    second = threading.Thread(
        target=b.run_turn,
        args=(1, lambda: b.save_changes(b.get(1), replace(b.get(1), score=(b.get(1).score or 0) + 10))),
    )
    second.start()
    second.join(0.5)
    assert second.is_alive()  # waiting for the first turn, not reading the score it is about to change
    release.set()
    first.join(5)
    second.join(5)
    assert b.get(1).score == 11  # neither turn's write was lost
    a.close()
    b.close()


def _kill_backends(url: str) -> int:
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()
        return int(row[0]) if row else 0


def test_a_dropped_connection_is_retried_and_a_dropped_turn_rerun_whole(pg_store: PostgresStore, pg_url: str) -> None:
    pg_store.save(Profile(1, score=200))
    assert _kill_backends(pg_url) >= 1  # every pooled connection is dead now
    assert pg_store.get(1).score == 200  # a fresh connection, without the caller noticing
    runs = []

    def turn() -> None:
        runs.append(1)
        pg_store.update(1, lambda p: replace(p, score=(p.score or 0) + 1))
        if len(runs) == 1:
            _kill_backends(pg_url)  # the connection drops before the turn commits
        pg_store.get(1)

    pg_store.run_turn(1, turn)
    assert len(runs) == 2 and pg_store.get(1).score == 201  # rerun whole; the first try left nothing


@pytest.fixture
def own_server() -> Iterator[PostgresServer]:
    """A server of this test's own, to stop and start again."""
    with running_server() as server:
        yield server


def test_a_write_while_the_server_is_down_fails_whole_and_the_store_recovers(own_server: PostgresServer) -> None:
    store = PostgresStore.connect(own_server.url())
    store.save(Profile(1, score=200))
    own_server.pause()
    with pytest.raises(StoreUnavailable):
        store.run_turn(1, lambda: store.update(1, lambda p: replace(p, score=250)))
    own_server.resume()
    # The pool reconnects on its own, with backoff (psycopg_pool: 1 s, doubling): a few seconds.
    deadline = time.monotonic() + 60
    while True:
        try:
            back = store.get(1)
            break
        except StoreUnavailable:
            assert time.monotonic() < deadline, "the store never came back with the server"
    assert back.score == 200  # nothing of the failed turn was kept
    store.update(1, lambda p: replace(p, score=251))
    assert store.get(1).score == 251
    store.close()


def test_an_unreachable_database_is_one_line_without_the_password() -> None:
    with pytest.raises(StoreError) as err:
        PostgresStore.connect("postgresql://bot:s3cret@127.0.0.1:1/advisor")
    assert "127.0.0.1:1/advisor" in str(err.value) and "s3cret" not in str(err.value)
    assert "\n" not in str(err.value)


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "TELEGRAM_BOT_TOKEN": "", **env}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=REPO, env=full, capture_output=True, text=True, timeout=120
    )


def test_the_bot_exits_2_with_one_line_when_the_database_is_unreachable(tmp_path: Path) -> None:
    env = {
        "BOT_DATA_DIR": str(tmp_path),
        "TELEGRAM_BOT_TOKEN": "123456789:" + "A" * 35,
        "DATABASE_URL": "postgresql://bot:s3cret@127.0.0.1:1/advisor",
    }
    result = run_cli("run", env=env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "PostgreSQL at 127.0.0.1:1/advisor" in lines[0] and "s3cret" not in result.stderr


def test_store_migrate_copies_to_postgresql_and_back_verifying_every_profile(tmp_path: Path, pg_url: str) -> None:
    source = ProfileStore.in_dir(tmp_path / "tiny")
    profiles = [
        Profile(uid, score=200 + uid % 60, specialties=("psychiatry",), plan=due_plan() if uid % 3 else None)
        for uid in range(1, 7001)
    ]
    source.save_all(profiles)
    source.close()
    to_pg = run_cli("store", "migrate", "--to", pg_url, env={"BOT_DATA_DIR": str(tmp_path / "tiny")})
    assert to_pg.returncode == 0, to_pg.stderr
    assert "Copied 7000 profile(s) to PostgreSQL; all 7000 read back identical." in to_pg.stdout
    again = run_cli("store", "migrate", "--to", pg_url, env={"BOT_DATA_DIR": str(tmp_path / "tiny")})
    assert again.returncode == 2 and "already holds 7000" in again.stderr  # never into a store in use
    check = run_cli("store", "check", env={"DATABASE_URL": pg_url, "BOT_DATA_DIR": str(tmp_path)})
    assert check.returncode == 0 and "7000 users in PostgreSQL" in check.stdout
    back = run_cli("store", "migrate", "--to", str(tmp_path / "back"), env={"DATABASE_URL": pg_url})
    assert back.returncode == 0, back.stderr
    returned = ProfileStore.in_dir(tmp_path / "back")
    assert sorted(returned.all(), key=lambda p: p.user_id) == profiles
    returned.close()
