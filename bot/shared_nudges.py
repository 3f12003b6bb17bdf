"""Nudges when several workers share one PostgreSQL store: claimed from the database, not scheduled.

No worker restores anything at start, nor holds a schedule: each plan's next due instant is a
column (`next_due`, set on every write), and each worker claims the rows due, a second's worth
of its share of the rate at a time, with one `UPDATE … RETURNING` (bot/pg_store.py,
`claim_due`). From there delivery is the single-process Nudger's: the day is marked in one
transaction under the row lock (so across every worker a day is marked once, before its
nudge is sent, and never sent twice), then the nudge is sent.

What a worker that dies costs (at-most-once for what was in flight, never lost for the rest):
- claimed, not yet marked (most of what it held): nothing. The claim pushed `next_due` one
  lease ahead; when the lease runs out the rows are due again and another worker claims them.
- marked, its send in flight: Telegram may or may not have taken it, and nothing can tell.
  We choose never to send twice, so that day's nudge counts as sent; the plan goes on the
  next nudge day. A worker holds at most its delivery tasks' worth in this state (a few
  dozen at 1,000/s, and only while their sends are under way).
A worker that stops cleanly hands back what it claimed and had not marked, at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import math
import os
import socket
from collections.abc import Callable
from typing import Any

from telegram.ext import JobQueue

from bot.group_commit import GroupCommit
from bot.nudges import STOP_GRACE, Delivery, Nudger, Send, _utcnow
from bot.pg_store import PostgresStore
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


def worker_name() -> str:
    """This process, as the `claimed_by` column names it: host and pid."""
    return f"{socket.gethostname()}:{os.getpid()}"


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
        """Nudges claimed but not yet taken by a delivery task, at most."""
        self.claimed = 0
        self._poller: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()

    def schedule(self, user_id: int) -> dt.datetime | None:
        """Nothing to schedule: the write that changed the plan stored its next due instant.

        Returns None without asking the database (this runs on the event loop); `next_nudge` asks.
        """
        self._wake.set()  # a plan due now (set up after its nudge time) goes out within a moment
        return None

    def next_nudge(self, user_id: int) -> dt.datetime | None:
        """When the user's next nudge is due, as stored."""
        return self.shared.next_due(user_id)

    def restore(self) -> int:
        """Nothing to restore: due nudges are claimed from the store as they fall due."""
        return 0

    def start(self, workers: int = 8) -> None:
        """Start the delivery tasks and the claiming loop."""
        super().start(workers)
        self._poller = asyncio.create_task(self._claim_loop())

    async def stop(self, grace: float = STOP_GRACE) -> None:
        """Stop claiming, let sends under way finish, then hand back what was claimed and not marked."""
        self.stopping.set()
        self._wake.set()
        if self._poller is not None:
            self._poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poller
        await super().stop(grace)
        try:
            handed = await asyncio.to_thread(self.shared.unclaim, self.worker, self.now())
        except Exception as err:  # the lease hands them back anyway
            log.warning("could not hand back claimed nudges (%s); they are due again when their lease ends", err)
        else:
            if handed:
                log.info("handed back %d claimed nudge(s) for other workers", handed)

    async def delivered_to(self, user_id: int, outcome: Delivery | Exception | None) -> None:
        """A claim whose nudge was not due is released (any write since released it already)."""
        if self.queue.qsize() < self.ahead // 2:
            self._wake.set()
        if outcome is None:
            now = self.now()
            try:
                await asyncio.to_thread(self.shared.release, user_id, now, now + NOT_DUE_RETRY)
            except Exception as err:  # its lease ends anyway
                log.warning("could not release the claim on user %s: %s", user_id, type(err).__name__)

    async def _claim_loop(self) -> None:
        """Keep about a second of nudges claimed; look again every `poll` seconds when none are due."""
        while not self.stopping.is_set():
            room = self.ahead - self.queue.qsize()
            claimed: list[int] = []
            if room > 0:
                try:
                    claimed = await asyncio.to_thread(self.shared.claim_due, self.worker, self.now(), room, self.lease)
                except Exception as err:  # the database is away: look again shortly
                    log.warning("claiming due nudges failed: %s", err)
            if claimed:
                log.info("claimed %d due nudge(s)", len(claimed))  # at most about once a second
            for user_id in claimed:
                self.queue.put_nowait(user_id)
            self.claimed += len(claimed)
            self._wake.clear()
            # A full claim means more may be due: come back once about half of these are taken.
            timeout = CLAIM_AHEAD / 2 if claimed and len(claimed) == room else self.poll
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=timeout)
