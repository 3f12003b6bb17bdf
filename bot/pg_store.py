"""The user store on PostgreSQL, for several worker processes sharing one database.

One row per student (bot/schema/*.sql): the profile as JSONB, the same document the TinyDB
store keeps, plus `next_due`, the instant of the student's next nudge, computed from the
plan on every write, and `claimed_by`, the worker holding a claim on that nudge.

- `update` is one transaction: a per-student advisory lock (so that a student not stored
  yet is created once), `SELECT … FOR UPDATE`, the change, the write.
- `run_turn` holds one student's advisory lock for a whole turn, read to write, in one
  transaction: one student's turns are ordered across every worker, and a turn that fails
  leaves nothing half-written.
- `claim_plans` is how a worker takes due nudges: one `UPDATE … RETURNING` over rows picked
  with `FOR UPDATE SKIP LOCKED`, which pushes their `next_due` one lease ahead and returns
  their plans. A worker that dies holding a claim loses nothing: when the lease runs out the
  rows are due again and another worker claims them. `mark_claimed` then writes a batch of
  marks in one statement, each only where its claim still stands, before the nudges are
  sent, so none is sent twice (see bot/shared_nudges.py).

A dropped connection is retried (each retry gets a checked connection from the pool); once
the retries are spent, `StoreUnavailable` says so and the transaction was rolled back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.resources
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import orjson
import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg.types.json import Jsonb, set_json_loads
from psycopg_pool import ConnectionPool

from bot import checkins, json_bytes
from bot.plans import model, schedule
from bot.profiles import merge_changes
from bot.storage import StoreError
from bot.student import Profile
from bot.user_store import StoreUnavailable
from knowledge import Knowledge

T = TypeVar("T")
log = logging.getLogger(__name__)

ATTEMPTS = 3
"""Tries of one operation (or one whole turn) before the store is called unavailable."""
FIRST_RETRY = 0.2
"""Seconds before the second try; doubled for the third (with 2 s to get a connection, about 7 s at worst)."""
CONNECT_TIMEOUT = 5
"""Seconds to reach the server at start, and to wait for a pooled connection."""
POOL_WAIT = 2.0
"""Seconds a try waits for a working connection from the pool (while the server is away, all of them)."""
POOL_SIZE = 16
"""Connections per worker process: turns and nudge marks run in the event loop's threads (a few)."""
MIGRATION_LOCK = (0x57E9, 2)
"""Advisory lock (two-int key space, apart from the per-student bigint keys) for schema changes."""


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def due_at(profile: Profile, now: dt.datetime, knowledge: Knowledge | None = None) -> dt.datetime | None:
    """When the student's next check-in (a nudge, the summary, the farewell, a score-release day) is due.

    The same instant the single-process Nudger schedules a job for (`checkins.next_message_at`); without
    the knowledge store (the `store` commands), the score-release days, whose timing lives there, are left out.
    """
    return plan_due_at(profile.plan, now, knowledge)


def plan_due_at(plan: model.Plan | None, now: dt.datetime, knowledge: Knowledge | None = None) -> dt.datetime | None:
    """`due_at` for a plan alone (a nudge's mark writes only the plan)."""
    if plan is None:
        return None
    if knowledge is not None:
        return checkins.next_message_at(plan, now, knowledge)
    return schedule.next_nudge_at(plan, now) or (schedule.farewell_at(plan) if plan.status == "active" else None)


@dataclass(frozen=True)
class Claim:
    """A due nudge one worker has claimed: the student's plan as it was stored, and the claim's lease."""

    user_id: int
    plan: model.Plan | None
    """None when the stored plan is gone or can't be read (the claim then ends with nothing due)."""
    until: dt.datetime
    """When the lease ends. Also the claim's token: `next_due` holds it while the claim stands,
    and a later claim of the same row (after this lease ran out) holds a later one."""


def where(url: str) -> str:
    """The server and database a URL names, without its password (for messages and logs)."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "the DATABASE_URL given (it can't be read as a PostgreSQL URL)"
    host, port, dbname = parts.get("host", "localhost"), parts.get("port", "5432"), parts.get("dbname", "")
    return f"{host}:{port}/{dbname}"


def _first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__


def migrations() -> list[tuple[int, str]]:
    """The schema's versions in order: (number, SQL) from bot/schema/NNNN_name.sql."""
    found = []
    for item in importlib.resources.files("bot.schema").iterdir():
        if item.name.endswith(".sql"):
            found.append((int(item.name.split("_", 1)[0]), item.read_text(encoding="utf-8")))
    return sorted(found)


def migrate_schema(conn: psycopg.Connection[Any]) -> int:
    """Bring the schema to the newest version, once, whichever worker gets here first; returns it."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", MIGRATION_LOCK)
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version"
            " (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        row = conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
        current = int(row[0]) if row else 0
        for version, sql in migrations():
            if version > current:
                conn.execute(sql.encode())  # our own files, several statements each
                conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (version,))
                log.info("user store: schema migrated to version %d", version)
                current = version
    return current


def _configure(conn: psycopg.Connection[Any]) -> None:
    # orjson reads a profile document several times faster than the json module.
    set_json_loads(orjson.loads, conn)


class PostgresStore:
    """The user store in PostgreSQL; safe to share between threads and between processes."""

    def __init__(
        self,
        pool: ConnectionPool,
        place: str,
        now: Callable[[], dt.datetime] = _utcnow,
        knowledge: Knowledge | None = None,
    ) -> None:
        self.pool = pool
        self.knowledge = knowledge
        """For `next_due`: the score-release timing is a fact in the knowledge store."""
        self.place = place
        """The server and database, for messages (never the password)."""
        self.now = now
        """The clock that `next_due` is computed with (the advisor's, so that tests can move it)."""
        self._local = threading.local()
        """`.conn`: the connection of the turn this thread is running, if any."""
        self._commits = 0
        self._commit_lock = threading.Lock()

    @classmethod
    def connect(cls, url: str, *, pool_size: int = POOL_SIZE, knowledge: Knowledge | None = None) -> PostgresStore:
        """Reach the server, bring the schema up to date and open the pool.

        Raises StoreError with one line naming the server when it can't be reached.
        """
        place = where(url)
        try:
            with psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT, autocommit=True) as conn:
                migrate_schema(conn)
        except psycopg.Error as err:
            raise StoreError(f"PostgreSQL at {place} can't be used: {_first_line(err)}") from None
        pool: ConnectionPool = ConnectionPool(
            url,
            min_size=2,
            max_size=pool_size,
            kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT},
            configure=_configure,
            timeout=POOL_WAIT,
            name="user-store",
            open=False,
        )
        try:
            pool.open(wait=True, timeout=CONNECT_TIMEOUT)
        except psycopg.Error as err:
            pool.close()
            raise StoreError(f"PostgreSQL at {place} can't be used: {_first_line(err)}") from None
        return cls(pool, place, knowledge=knowledge)

    # -- transactions and retries ---------------------------------------------------

    def _retrying(self, what: str, work: Callable[[], T]) -> T:
        """Run `work`, again after a dropped connection; StoreUnavailable once the tries are spent."""
        delay = FIRST_RETRY
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return work()
            except psycopg.OperationalError as err:
                if attempt == ATTEMPTS:
                    raise StoreUnavailable(f"PostgreSQL at {self.place}: {_first_line(err)}") from err
                log.warning("user store: %s failed (%s); retrying in %.1f s", what, _first_line(err), delay)
                time.sleep(delay)
                # The server may have dropped every pooled connection (a restart): replace the broken
                # ones now rather than find them one try at a time. (No check on every borrow: that
                # was one more round trip per transaction.)
                with contextlib.suppress(psycopg.Error):
                    self.pool.check()
                delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def _transaction(self, what: str, work: Callable[[psycopg.Connection[Any]], T], *, pipeline: bool = True) -> T:
        """`work` in a transaction: the running turn's, or one of its own, retried as a whole."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            return work(conn)  # the turn commits it, and retries it whole

        def once() -> T:
            # In a pipeline, BEGIN goes with the first statement and COMMIT with the last write:
            # a read-change-write is two round trips, not four.
            with self.pool.connection() as fresh:
                batched = fresh.pipeline() if pipeline else contextlib.nullcontext()
                with batched, fresh.transaction():
                    result = work(fresh)
            self._committed()
            return result

        return self._retrying(what, once)

    def _committed(self) -> None:
        with self._commit_lock:
            self._commits += 1

    def run_turn(self, user_id: int, work: Callable[[], T]) -> T:
        """Run one student's turn in one transaction, holding their advisory lock throughout.

        Another worker's turn for the same student waits for this one to commit, so their
        turns are ordered; PostgreSQL grants the lock to waiters in the order they asked.
        A dropped connection reruns the whole turn on a fresh one (its reads included);
        when that fails too, StoreUnavailable, and nothing of the turn was written.
        """
        if getattr(self._local, "conn", None) is not None:
            return work()

        def once() -> T:
            with self.pool.connection() as conn, conn.pipeline():  # BEGIN and the lock go with the first read
                with conn.transaction():
                    conn.execute("SELECT pg_advisory_xact_lock(%s)", (user_id,))
                    self._local.conn = conn
                    try:
                        result = work()
                    finally:
                        self._local.conn = None
                self._committed()
                return result

        return self._retrying(f"the turn of user {user_id}", once)

    # -- the store interface --------------------------------------------------------

    def get(self, user_id: int) -> Profile:
        """The user's profile, or an empty one for a user never seen."""

        def read(conn: psycopg.Connection[Any]) -> Profile:
            row = conn.execute("SELECT doc FROM profiles WHERE user_id = %s", (user_id,)).fetchone()
            return Profile(user_id) if row is None else Profile.from_doc(user_id, row[0])

        return self._transaction(f"reading user {user_id}", read)

    def _write(self, conn: psycopg.Connection[Any], profile: Profile) -> None:
        """Write one profile and its next due instant; any claim on its nudge ends (see claim_plans)."""
        conn.execute(
            "INSERT INTO profiles (user_id, doc, next_due) VALUES (%s, %s, %s)"
            " ON CONFLICT (user_id) DO UPDATE SET doc = EXCLUDED.doc, next_due = EXCLUDED.next_due,"
            " claimed_by = NULL, updated_at = now()",
            (profile.user_id, Jsonb(profile.to_doc(), json_bytes.dumps), due_at(profile, self.now(), self.knowledge)),
        )

    def save(self, profile: Profile) -> None:
        """Store the whole profile, replacing what was there; committed when this returns."""
        self._transaction(f"saving user {profile.user_id}", lambda conn: self._write(conn, profile))

    def save_all(self, profiles: Iterable[Profile]) -> None:
        """Store many profiles in one transaction, loaded with COPY (imports, migration, benchmarks)."""
        now = self.now()
        rows = [(p.user_id, Jsonb(p.to_doc(), json_bytes.dumps), due_at(p, now, self.knowledge)) for p in profiles]

        def load(conn: psycopg.Connection[Any]) -> None:
            conn.execute("CREATE TEMP TABLE incoming (user_id bigint, doc jsonb, next_due timestamptz) ON COMMIT DROP")
            with conn.cursor().copy("COPY incoming (user_id, doc, next_due) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            conn.execute(
                "INSERT INTO profiles (user_id, doc, next_due) SELECT user_id, doc, next_due FROM incoming"
                " ON CONFLICT (user_id) DO UPDATE SET doc = EXCLUDED.doc, next_due = EXCLUDED.next_due,"
                " claimed_by = NULL, updated_at = now()"
            )

        self._transaction("saving profiles", load, pipeline=False)  # COPY can't run in a pipeline

    def update(self, user_id: int, change: Callable[[Profile], Profile]) -> Profile:
        """Read, change and write one profile in one transaction, the row locked meanwhile."""

        def work(conn: psycopg.Connection[Any]) -> Profile:
            # The advisory lock orders writers of a student who has no row yet (FOR UPDATE locks nothing then).
            # Both go in one round trip (a pipeline): the lock is taken before the SELECT runs all the same.
            with conn.pipeline():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (user_id,))
                cursor = conn.execute("SELECT doc, claimed_by FROM profiles WHERE user_id = %s FOR UPDATE", (user_id,))
            row = cursor.fetchone()
            before = Profile(user_id) if row is None else Profile.from_doc(user_id, row[0])
            after = change(before)
            if after != before:
                self._write(conn, after)
            return after

        return self._transaction(f"updating user {user_id}", work)

    def save_changes(self, before: Profile, after: Profile) -> Profile:
        """Write what `after` changed relative to `before` onto the stored profile (see ProfileStore)."""
        return self.update(before.user_id, lambda current: merge_changes(before, after, current))

    def forget(self, user_id: int) -> bool:
        """Delete the student's row: everything stored about them. True when there was one."""

        def delete(conn: psycopg.Connection[Any]) -> bool:
            gone = conn.execute("DELETE FROM profiles WHERE user_id = %s RETURNING user_id", (user_id,)).fetchall()
            return bool(gone)

        return self._transaction(f"erasing user {user_id}", delete)

    def all(self) -> Iterator[Profile]:
        """Every stored profile, streamed from a server-side cursor (never all in memory)."""
        with self.pool.connection() as conn, conn.transaction(), conn.cursor(name="every_profile") as cursor:
            cursor.itersize = 2000
            cursor.execute("SELECT user_id, doc FROM profiles ORDER BY user_id")
            for user_id, doc in cursor:
                yield Profile.from_doc(user_id, doc)

    def get_many(self, user_ids: Sequence[int]) -> dict[int, Profile]:
        """The stored profiles of these users, by id (users not stored are left out)."""

        def read(conn: psycopg.Connection[Any]) -> dict[int, Profile]:
            rows = conn.execute("SELECT user_id, doc FROM profiles WHERE user_id = ANY(%s)", (list(user_ids),))
            return {uid: Profile.from_doc(uid, doc) for uid, doc in rows}

        return self._transaction("reading profiles", read)

    def __len__(self) -> int:
        row = self._transaction("counting", lambda conn: conn.execute("SELECT count(*) FROM profiles").fetchone())
        return int(row[0]) if row else 0

    def close(self) -> None:
        """Close the pool; every write was committed already."""
        self.pool.close()

    # Group commit is PostgreSQL's own (commit_delay); a write is durable when its commit returns.

    @contextlib.contextmanager
    def appending(self) -> Iterator[None]:
        """Nothing to defer: each write is durable when it returns."""
        yield

    @contextlib.contextmanager
    def deferring_sync(self) -> Iterator[None]:
        """Nothing to defer: each write is durable when it returns."""
        yield

    def sync(self) -> None:
        """Nothing to do: every committed write is durable."""

    @property
    def appended(self) -> int:
        """Transactions committed by this process."""
        return self._commits

    @property
    def synced(self) -> int:
        """The same as `appended`: a commit is durable."""
        return self._commits

    @property
    def durable_writes(self) -> int:
        """Transactions committed by this process (for benchmarks and logs)."""
        return self._commits

    def compaction_within(self, writes: int) -> bool:
        """Always True: every write waits for the server, so GroupCommit runs it off the event loop."""
        return True

    # -- nudges across workers ------------------------------------------------------

    def claim_due(self, worker: str, now: dt.datetime, limit: int, lease: dt.timedelta) -> list[int]:
        """Claim up to `limit` due nudges for `worker`; their ids, soonest first (see `claim_plans`)."""
        return [claim.user_id for claim in self.claim_plans(worker, now, limit, lease)]

    def claim_plans(self, worker: str, now: dt.datetime, limit: int, lease: dt.timedelta) -> list[Claim]:
        """Claim up to `limit` due nudges for `worker`, each with the plan it was claimed with, soonest first.

        One statement: the rows due are picked with FOR UPDATE SKIP LOCKED (rows another
        worker is claiming at this instant are passed over, not waited for), and their
        `next_due` moves one lease ahead, so they are claimed by nobody else meanwhile and
        come due again if this worker dies before it marks them. The plan comes back with
        the claim, so marking it (`mark_claimed`) needs no read of its own.
        """
        until = now + lease

        def claim(conn: psycopg.Connection[Any]) -> list[Claim]:
            rows = conn.execute(
                "WITH due AS (SELECT user_id, next_due FROM profiles WHERE next_due <= %(now)s"
                " ORDER BY next_due LIMIT %(limit)s FOR UPDATE SKIP LOCKED)"
                " UPDATE profiles AS p SET next_due = %(until)s, claimed_by = %(worker)s FROM due"
                " WHERE p.user_id = due.user_id RETURNING p.user_id, due.next_due, p.doc->'plan'",
                {"until": until, "worker": worker, "now": now, "limit": limit},
            ).fetchall()
            rows.sort(key=lambda row: row[1])  # RETURNING keeps no order
            return [Claim(user_id, model.stored_plan(plan), until) for user_id, _, plan in rows]

        return self._transaction("claiming due nudges", claim)

    def mark_claimed(
        self, worker: str, marks: Sequence[tuple[Claim, model.Plan | None]], now: dt.datetime, retry_at: dt.datetime
    ) -> set[int]:
        """End `worker`'s claims in one statement, each with its nudge's mark; the users whose mark was written.

        A mark is (the claim, the plan as marked); the plan is written into the stored profile
        with its next due instant. A plan None says nothing was due after all: the stored
        profile stays, and its next due instant is recomputed, not before `retry_at` (the plan
        says due, the nudger says not: don't claim it again at once). Only claims still held
        are marked: a write since the claim (a turn, /forget) ended it, and a claim whose lease
        ran out may be another worker's now, so such a user is left out, and not nudged by us.
        """
        ids, untils, docs, dues = [], [], [], []
        for claim, marked in marks:
            due = plan_due_at(marked or claim.plan, now, self.knowledge)
            if marked is None and due is not None and due <= now:
                due = retry_at
            ids.append(claim.user_id)
            untils.append(claim.until)
            docs.append(None if marked is None else json_bytes.dumps(marked.to_dict()).decode())
            dues.append(due)

        def mark(conn: psycopg.Connection[Any]) -> set[int]:
            rows = conn.execute(
                "UPDATE profiles AS p SET"
                " doc = CASE WHEN m.plan IS NULL THEN p.doc ELSE jsonb_set(p.doc, '{plan}', m.plan::jsonb) END,"
                " updated_at = CASE WHEN m.plan IS NULL THEN p.updated_at ELSE now() END,"
                " next_due = m.next_due, claimed_by = NULL"
                " FROM unnest(%s::bigint[], %s::timestamptz[], %s::text[], %s::timestamptz[])"
                " AS m(user_id, until, plan, next_due)"
                " WHERE p.user_id = m.user_id AND p.claimed_by = %s AND p.next_due = m.until"
                " RETURNING p.user_id",
                (ids, untils, docs, dues, worker),
            ).fetchall()
            return {user_id for (user_id,) in rows}

        return self._transaction("marking claimed nudges", mark) if marks else set()

    def unclaim(self, worker: str, now: dt.datetime) -> int:
        """Hand back every claim `worker` holds, due at once for the others (a clean stop); how many."""

        def work(conn: psycopg.Connection[Any]) -> int:
            handed = conn.execute(
                "UPDATE profiles SET next_due = %s, claimed_by = NULL WHERE claimed_by = %s RETURNING user_id",
                (now, worker),
            ).fetchall()
            return len(handed)

        return self._transaction("handing back claims", work)

    def next_due(self, user_id: int) -> dt.datetime | None:
        """When the student's next nudge is due, as stored; None when none is."""

        def read(conn: psycopg.Connection[Any]) -> dt.datetime | None:
            row = conn.execute("SELECT next_due FROM profiles WHERE user_id = %s", (user_id,)).fetchone()
            return None if row is None else row[0]

        return self._transaction(f"reading user {user_id}", read)

    def schema_version(self) -> int:
        """The schema version the database is at."""
        row = self._transaction(
            "reading the schema version",
            lambda conn: conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone(),
        )
        return int(row[0]) if row else 0
