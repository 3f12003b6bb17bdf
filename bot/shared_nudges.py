"""Nudges when several workers share one PostgreSQL store: claimed from the database, not scheduled.

No worker restores anything at start, nor holds a schedule: each plan's next due instant is a
column (`next_due`, set on every write), and each worker claims the rows due, a second's worth
of its share of the rate at a time, with one `UPDATE … RETURNING` that also returns their plans
(bot/pg_store.py, `claim_plans`). Then, as delivery tasks come free, the claimed nudges are
decided (`checkins.message_due`) and marked a batch at a time: one statement writes every
plan's mark and next due instant, only for the claims still held (`mark_claimed`), and only
what it marked is sent. So across every worker a day is marked once, before its nudge is
sent, and never sent twice. Marks go in batches because one transaction per nudge (with a
hop to a thread and the whole profile read and written each time) was most of a worker's
CPU at 1,000 nudges/s.

What a worker that dies costs (at-most-once for what was in flight, never lost for the rest):
- claimed, not yet marked (most of what it held): nothing. The claim pushed `next_due` one
  lease ahead; when the lease runs out the rows are due again and another worker claims them.
- marked, its send in flight: Telegram may or may not have taken it, and nothing can tell.
  We choose never to send twice, so that day's nudge counts as sent; the plan goes on the
  next nudge day. Only nudges for delivery tasks already waiting are marked, so a worker
  holds at most its delivery tasks' worth in this state (a few dozen at 1,000/s, and only
  while their sends are under way).
A worker that stops cleanly hands back what it claimed and had not marked, at once, and gives
back the day of a nudge it marked and had not begun to send.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import datetime as dt
import logging
import math
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from telegram.ext import JobQueue

from bot import checkins
from bot.group_commit import GroupCommit
from bot.nudges import STOP_GRACE, Nudger, Send, _utcnow
from bot.pg_store import Claim, PostgresStore
from bot.plans.model import Plan
from bot.reply import Reply
from knowledge import Knowledge

log = logging.getLogger(__name__)

LEASE = dt.timedelta(seconds=60)
"""How long a claim holds before the nudge is due again for any worker: far longer than a
claimed nudge waits in a worker's queue (about a second), far shorter than a day."""
POLL = 1.0
"""Seconds between looks for due nudges when none were due."""
CLAIM_AHEAD = 1.0
"""Seconds of this worker's sending claimed at a time: the rest stays for the other workers."""
NOT_DUE_RETRY = dt.timedelta(minutes=5)
"""A claimed plan found not due after all is looked at again this much later, not at once."""
GATHER = 0.02
"""Seconds between two batches of marks, while more delivery tasks come free: at 500 nudges/s
a batch of about ten, and no task waits longer than this for its next nudge."""


def worker_name() -> str:
    """This process, as the `claimed_by` column names it: host and pid."""
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True)
class Marked:
    """A nudge whose day is marked in the store, ready to send: the plan before the mark and after."""

    user_id: int
    reply: Reply
    plan: Plan
    updated: Plan


class SharedNudger(Nudger):
    """A Nudger that takes due nudges from the shared store instead of scheduling them itself."""

    def __init__(
        self,
        store: PostgresStore,
        knowledge: Knowledge,
        job_queue: JobQueue[Any],
        send: Send,
        *,
        rate: float,
        now: Callable[[], dt.datetime] = _utcnow,
        commit: GroupCommit | None = None,
        lease: dt.timedelta = LEASE,
        poll: float = POLL,
        worker: str | None = None,
    ) -> None:
        super().__init__(store, knowledge, job_queue, send, now=now, commit=commit)
        self.shared = store
        self.lease = lease
        self.poll = poll
        self.worker = worker or worker_name()
        self.ahead = max(1, math.ceil(rate * CLAIM_AHEAD))
        """Nudges claimed and not yet marked, at most."""
        self.claimed = 0
        self.claims: collections.deque[Claim] = collections.deque()
        """Claimed, not yet marked: oldest first."""
        self.ready: asyncio.Queue[Marked] = asyncio.Queue()
        """Marked, each for a delivery task waiting for it."""
        self.idle = 0
        """Delivery tasks waiting for a nudge."""
        self._feeder: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._look = False
        """Claim at once, without waiting for the next poll: a plan may have fallen due just now."""

    def schedule(self, user_id: int) -> dt.datetime | None:
        """Nothing to schedule: the write that changed the plan stored its next due instant.

        Returns None without asking the database (this runs on the event loop).
        """
        self._look = True  # a plan due now (set up after its nudge time) goes out within a moment
        self._wake.set()
        return None

    def restore(self) -> int:
        """Nothing to restore: due nudges are claimed from the store as they fall due."""
        return 0

    def start(self, workers: int = 8) -> None:
        """Start the delivery tasks and the loop that claims and marks nudges for them."""
        self.workers = [asyncio.create_task(self._deliver_marked()) for _ in range(workers)]
        self._feeder = asyncio.create_task(self._feed())

    async def stop(self, grace: float = STOP_GRACE) -> None:
        """Stop claiming, let sends under way finish, then hand back what was claimed and not sent."""
        self.stopping.set()
        self._wake.set()
        if self._feeder is not None:
            # Not cancelled: a claim or a mark under way in its thread would commit all the same,
            # and what it claimed or marked would be nobody's. It stops after the step it is on.
            _, late = await asyncio.wait({self._feeder}, timeout=grace)
            for task in late:
                task.cancel()
        await super().stop(grace)
        while not self.ready.empty():  # marked for a task that stopped before it began to send
            marked = self.ready.get_nowait()
            try:
                await self.give_back(marked.user_id, marked.plan, marked.updated)
            except Exception as err:  # that day's nudge is lost (never sent twice)
                log.warning("could not give back the nudge of user %s: %s", marked.user_id, type(err).__name__)
        try:
            handed = await asyncio.to_thread(self.shared.unclaim, self.worker, self.now())
        except Exception as err:  # the lease hands them back anyway
            log.warning("could not hand back claimed nudges (%s); they are due again when their lease ends", err)
        else:
            if handed:
                log.info("handed back %d claimed nudge(s) for other workers", handed)

    async def _deliver_marked(self) -> None:
        """One delivery task: take a marked nudge, send it, and so on."""
        me = asyncio.current_task()
        assert me is not None  # noqa: S101  # always run as a task
        while not self.stopping.is_set():
            self.idle += 1
            if self.ready.empty():
                self._wake.set()
            try:
                marked = await self.ready.get()  # an idle task is cancelled here at stop
            finally:
                self.idle -= 1
            self.busy.add(me)  # no await since get(): stop() sees this task as busy
            try:
                await self.send_marked(marked.user_id, marked.reply, marked.plan, marked.updated)
            except Exception:
                log.exception("nudge for user %s failed", marked.user_id)
            finally:
                self.busy.discard(me)

    async def _feed(self) -> None:
        """Keep about a second of nudges claimed, and mark some for each delivery task that comes free.

        Looks for due nudges every `poll` seconds when none were due, again once about half of
        a full claim is used up, and at once when a plan changed (`schedule`).
        """
        loop = asyncio.get_running_loop()
        next_look = loop.time()
        while not self.stopping.is_set():
            room = self.ahead - len(self.claims)
            if room * 2 >= self.ahead and (self._look or loop.time() >= next_look):
                self._look = False
                claimed = await self._claim(room)
                # A full claim means more may be due: look again once about half of these are marked.
                next_look = loop.time() + (0.0 if claimed == room else self.poll)
                continue
            wanted = min(self.idle - self.ready.qsize(), len(self.claims))
            if wanted > 0:
                await self._mark([self.claims.popleft() for _ in range(wanted)])
                # Let more tasks come free, so that marks go in batches rather than one by one.
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.stopping.wait(), timeout=GATHER)
                continue
            self._wake.clear()
            timeout = max(0.0, next_look - loop.time()) if room * 2 >= self.ahead else None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=timeout)

    async def _claim(self, limit: int) -> int:
        """Claim up to `limit` due nudges into `claims`; how many."""
        try:
            claims = await asyncio.to_thread(self.shared.claim_plans, self.worker, self.now(), limit, self.lease)
        except Exception as err:  # the database is away: look again shortly
            log.warning("claiming due nudges failed: %s", err)
            return 0
        if claims:
            log.info("claimed %d due nudge(s)", len(claims))  # at most about twice a second
        self.claims.extend(claims)
        self.claimed += len(claims)
        return len(claims)

    async def _mark(self, claims: list[Claim]) -> None:
        """Decide and mark these claimed nudges in one statement; hand those marked to delivery tasks."""
        try:
            marked = await asyncio.to_thread(self._decide_and_mark, claims)
        except Exception as err:  # the claims stand until their lease ends, then another worker takes them
            log.warning("marking %d claimed nudge(s) failed: %s", len(claims), err)
            return
        for one in marked:
            self.ready.put_nowait(one)

    def _decide_and_mark(self, claims: list[Claim]) -> list[Marked]:
        """What is due for each claim now (as the single-process Nudger decides), marked in one statement.

        Runs in a thread: the statement waits for the database, and deciding a batch (the nudge
        text, the next due instant) is a few milliseconds of computing the loop can do without.
        """
        now = self.now()
        due: dict[int, Marked] = {}
        marks: list[tuple[Claim, Plan | None]] = []
        for claim in claims:
            outcome = None if claim.plan is None else checkins.message_due(claim.plan, now, self.knowledge)
            if claim.plan is None or outcome is None:
                marks.append((claim, None))
                continue
            updated = outcome.plan or claim.plan
            due[claim.user_id] = Marked(claim.user_id, outcome.reply, claim.plan, updated)
            marks.append((claim, updated))
        written = self.shared.mark_claimed(self.worker, marks, now, now + NOT_DUE_RETRY)
        return [marked for user_id, marked in due.items() if user_id in written]
