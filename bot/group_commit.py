"""Durable store writes from an event loop, one fsync shared by many.

A store write has two halves: the change in memory plus one journal line appended, which
takes microseconds, and the fsync that makes it durable, which waits on the disk. Run on
the loop, the first half is cheaper than a hop to a worker thread and back (that hop cost
a third of the loop's time at 1,000 nudges/s, and a tenth of the bot's CPU per message).
The second must not block the loop. So the change is made on the loop, and every waiter
shares one fsync, run in a thread, that covers each write appended before it started.

Nothing is acknowledged (no reply sent, no nudge counted) until its write is durable.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from bot.user_store import UserStore

T = TypeVar("T")

WRITES_PER_RUN = 8
"""More store writes than one turn or one nudge makes (a few at most): the compaction check looks this far ahead."""


class GroupCommit:
    """Runs store-writing work on the event loop and waits, with every other waiter, for one fsync."""

    def __init__(self, store: UserStore) -> None:
        self.store = store
        self._flushing: asyncio.Future[None] | None = None

    async def run(self, work: Callable[[], T]) -> T:
        """Do `work` (which may write the store) and return its result once its writes are durable.

        When one of its writes could be the one that rewrites the whole snapshot (a compaction:
        seconds at 100,000 users), the work runs in a thread instead, so that the loop doesn't
        do the rewriting. The store stays locked meanwhile, though, and the next turn on the
        loop waits for it to read a profile.
        """
        if self.store.compaction_within(WRITES_PER_RUN):
            return await asyncio.to_thread(work)
        before = self.store.appended
        with self.store.appending():
            result = work()
        if self.store.appended != before:  # most turns write nothing: nothing to wait for
            await self.durable()
        return result

    async def durable(self) -> None:
        """Return once every write appended so far is on disk."""
        upto = self.store.appended
        while self.store.synced < upto:
            if self._flushing is None or self._flushing.done():
                self._flushing = asyncio.ensure_future(asyncio.to_thread(self.store.sync))
            await asyncio.shield(self._flushing)  # one waiter cancelled must not cancel the others'
