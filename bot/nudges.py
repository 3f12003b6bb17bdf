"""Study-plan nudges on PTB's JobQueue: schedule, restore on start, deliver within limits.

Plans due at the same instant share one `run_once` job (a slot) that fires then and
only enqueues their user ids. Nudge times are whole minutes, so there are at most a few
thousand slots however many plans there are: a job per plan made the JobQueue's sorted
job list, and its memory, grow with every student (restoring 100,000 plans inserted
into, and firing them deleted from, the front of one 100,000-entry list). A few workers take ids off the
queue, mark the day as nudged (one durable write, so a nudge is never sent twice),
then send, retrying transient errors with backoff (a 429 is waited out by PTB's rate limiter).
The JobQueue keeps nothing across restarts, so `restore` schedules every plan again
(at a lower bound on its next check-in, read from the stored plan: see there) and sends,
late but once, a nudge missed earlier the same local day.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from apscheduler.jobstores.base import JobLookupError
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import ContextTypes, Job, JobQueue

from bot import checkins
from bot.group_commit import GroupCommit
from bot.plans import model
from bot.profiles import ProfileStore
from bot.reply import Reply
from bot.student import Profile
from bot.user_store import UserStore
from knowledge import Knowledge

log = logging.getLogger(__name__)

Send = Callable[[int, Reply], Awaitable[None]]
Delivery = Literal["sent", "blocked", "refused", "failed", "interrupted"]
"""failed: transient errors outlasted every retry; refused: Telegram said no for good;
interrupted: the bot began to stop while waiting to try again, so nothing was sent."""

WORKERS = 8
"""Delivery workers at Telegram's 30/s; `workers_for` gives more for higher rates."""
IN_FLIGHT = 0.1
"""Seconds a send may take, fsync of its mark included, before it holds back the rate."""
MAX_ATTEMPTS = 8
FIRST_BACKOFF = 1.0
MAX_BACKOFF = 60.0
STOP_GRACE = 30.0
"""Seconds a stopping bot waits for sends already under way before it cancels them."""


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def workers_for(rate: float) -> int:
    """Workers enough to keep `rate` sends a second going while each waits IN_FLIGHT seconds.

    A worker waits for its mark's fsync (milliseconds, more on a busy disk) and for the
    answer; eight kept 30/s easily but held 1,000/s to about 450.
    """
    return max(WORKERS, min(256, math.ceil(rate * IN_FLIGHT)))


SLOT_JOB = "nudges"
"""The JobQueue name of every slot's job."""


@dataclass(eq=False)
class Slot:
    """The users whose next nudge falls due at one instant; the data of that instant's job."""

    at: dt.datetime
    users: set[int] = field(default_factory=set)


class Nudger:
    """Schedules and delivers every student's nudges."""

    def __init__(
        self,
        store: UserStore,
        knowledge: Knowledge,
        job_queue: JobQueue[Any],
        send: Send,
        now: Callable[[], dt.datetime] = _utcnow,
        backoff: float = FIRST_BACKOFF,
        commit: GroupCommit | None = None,
    ) -> None:
        self.store = store
        self.knowledge = knowledge
        self.job_queue = job_queue
        self.send = send
        self.now = now
        self.backoff = backoff
        self.queue: asyncio.Queue[int] = asyncio.Queue()
        self.slots: dict[dt.datetime, tuple[Slot, Job[Any]]] = {}
        """Each pending instant's users and job."""
        self.slot_of: dict[int, Slot] = {}
        """Each scheduled user's slot (JobQueue.get_jobs_by_name walks every job)."""
        self.workers: list[asyncio.Task[None]] = []
        self.busy: set[asyncio.Task[Any]] = set()
        self.stopping = asyncio.Event()
        self.commit = commit or GroupCommit(store)
        """Durable writes on the loop, their fsyncs shared (with the bot's turns, when it passes its own)."""
        self.delivered = 0
        """Nudges this process sent since it started: logged when it stops, so an operator sees each worker's share."""

    # -- scheduling ----------------------------------------------------------------

    def schedule(self, user_id: int) -> dt.datetime | None:
        """(Re)schedule a user's next nudge from their stored plan; returns when, if ever."""
        return self._schedule(self.store.get(user_id))

    def _schedule(self, profile: Profile, now: dt.datetime | None = None) -> dt.datetime | None:
        user_id = profile.user_id
        self._unschedule(user_id)
        now = now or self.now()
        when = self._next_run(profile, now)
        if when is None:
            return None
        self._enter(user_id, when, now)
        return when

    def _enter(self, user_id: int, when: dt.datetime, now: dt.datetime) -> None:
        """Wake the user at `when` (the user has no slot now); a worker takes them at once if that has come."""
        if when <= now:
            self.queue.put_nowait(user_id)  # missed earlier (or due right now): a worker takes it
            return
        entry = self.slots.get(when)
        if entry is None:
            slot = Slot(when)
            job = self.job_queue.run_once(
                self._fire,
                when=when,
                data=slot,
                name=SLOT_JOB,
                # APScheduler drops a job that fires more than a second late by default;
                # a busy loop can be that late, and no nudge may be lost.
                job_kwargs={"misfire_grace_time": None},
            )
            entry = self.slots[when] = (slot, job)
        entry[0].users.add(user_id)
        self.slot_of[user_id] = entry[0]

    def _unschedule(self, user_id: int) -> None:
        slot = self.slot_of.pop(user_id, None)
        if slot is None:
            return
        slot.users.discard(user_id)
        entry = self.slots.get(slot.at)
        if not slot.users and entry is not None and entry[0] is slot:
            del self.slots[slot.at]
            if not entry[1].removed:
                with contextlib.suppress(JobLookupError):  # it has just fired, and APScheduler dropped it
                    entry[1].schedule_removal()

    def _next_run(self, profile: Profile, now: dt.datetime) -> dt.datetime | None:
        if profile.plan is None:
            return None
        return checkins.next_message_at(profile.plan, now, self.knowledge)

    def restore(self) -> int:
        """Schedule every plan again after a start; returns how many were scheduled.

        On the TinyDB store, from the plans as stored: each student is woken at a lower bound on
        their next check-in (`checkins.earliest_message_at`, a few fields read), when the worker
        reads and checks the record as it does for every nudge, sends what is due, and schedules
        the exact next instant; if nothing was due after all, that is one early wake-up. Only the
        plans that may be due now are read, checked and scheduled exactly here. Validating and
        scheduling all 100,000 plans exactly took 2.5 s of a 4.5 s start-up.
        """
        now = self.now()  # one instant for the whole restore: reading the clock per plan showed at 100,000
        if not isinstance(self.store, ProfileStore):
            return sum(1 for profile in self.store.all() if profile.plan and self._schedule(profile, now))
        scheduled = 0
        bound = checkins.Bounds(now, self.knowledge)
        for user_id, stored in self.store.stored_plans():
            when = bound(stored)
            if when is None:
                continue
            if when > now:
                self._enter(user_id, when, now)
            elif self._schedule(self.store.get(user_id), now) is None:
                continue
            scheduled += 1
        return scheduled

    async def _fire(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert context.job is not None  # noqa: S101  # job callbacks always carry their job
        slot = context.job.data
        assert isinstance(slot, Slot)  # noqa: S101
        entry = self.slots.get(slot.at)
        if entry is not None and entry[0] is slot:
            del self.slots[slot.at]
        for user_id in slot.users:
            if self.slot_of.get(user_id) is slot:
                del self.slot_of[user_id]
            self.queue.put_nowait(user_id)
        slot.users.clear()

    # -- delivery -----------------------------------------------------------------

    def start(self, workers: int = WORKERS) -> None:
        """Start the delivery workers on the running loop."""
        self.workers = [asyncio.create_task(self._worker()) for _ in range(workers)]

    async def stop(self, grace: float = STOP_GRACE) -> None:
        """Stop delivering, letting sends already under way finish.

        Idle workers are cancelled at once, and ids still queued stay unmarked, so a
        restart sends them late the same day. A worker mid-send is not cancelled: the
        day is already marked, and cutting an HTTP request short would leave no way to
        know whether Telegram took the message. Our waits between attempts end early, and
        give the day back, as nothing went out. A 429 wait inside PTB's rate limiter (it
        retries a few times itself) can't be cut short; only a send that outlasts `grace`
        that way is cancelled, and that day's nudge is then lost, never doubled.
        """
        self.stopping.set()
        for task in self.workers:
            if task not in self.busy:
                task.cancel()
        if self.workers:
            _, late = await asyncio.wait(self.workers, timeout=grace)
            for task in late:
                log.warning("a nudge send outlasted the %.0f s stop grace; cancelling it", grace)
                task.cancel()
            await asyncio.gather(*self.workers, return_exceptions=True)
        self.workers = []
        log.info("nudges stopped; %d sent since start", self.delivered)

    async def _worker(self) -> None:
        me = asyncio.current_task()
        assert me is not None  # noqa: S101  # always run as a task
        while not self.stopping.is_set():
            user_id = await self.queue.get()  # an idle worker is cancelled here at stop
            self.busy.add(me)  # no await since get(): stop() sees this worker as busy
            outcome: Delivery | Exception | None = None
            try:
                outcome = await self.deliver(user_id)
            except Exception as err:
                log.exception("nudge for user %s failed", user_id)
                outcome = err
            finally:
                self.busy.discard(me)
                self.queue.task_done()
            if not self.stopping.is_set():
                await self.delivered_to(user_id, outcome)

    async def delivered_to(self, user_id: int, outcome: Delivery | Exception | None) -> None:
        """After a delivery (`outcome` None when nothing was due): schedule the user's next nudge."""
        self.schedule(user_id)

    async def deliver(self, user_id: int) -> Delivery | None:
        """Send whatever is due for this user now; None when nothing is due."""
        now = self.now()
        due: tuple[Reply, model.Plan, model.Plan] | None = None

        def mark(profile: Profile) -> Profile:
            # Decided and marked in one step under the store's lock, so a turn or a /forget
            # landing meanwhile can't make us send twice or bring erased data back.
            nonlocal due
            due = None
            if profile.plan is None:
                return profile
            plan = profile.plan
            outcome = checkins.message_due(plan, now, self.knowledge)
            if outcome is None:
                return profile
            updated = outcome.plan or plan
            due = (outcome.reply, plan, updated)
            return replace(profile, plan=updated)

        # Marked durably before sending: if we crash after sending, the nudge is not sent twice.
        await self._write(user_id, mark)
        if due is None:
            return None
        return await self.send_marked(user_id, *due)

    async def send_marked(self, user_id: int, reply: Reply, plan: model.Plan, updated: model.Plan) -> Delivery:
        """Send a nudge whose day is already marked (`plan` before the mark, `updated` after), then
        act on the outcome: a block pauses the plan, a send that never went out gives the day back."""
        outcome = await self._send(user_id, reply)
        if outcome == "blocked":
            await self._change_plan(user_id, lambda p: replace(p, status="paused"))
            log.info("user %s blocked the bot; their plan is paused", user_id)
        elif outcome in ("failed", "interrupted"):
            await self.give_back(user_id, plan, updated)
        elif outcome == "sent":
            self.delivered += 1
        return outcome

    async def give_back(self, user_id: int, plan: model.Plan, updated: model.Plan) -> None:
        """Nothing went out: give the day back so a later try (or a restart) sends it today.

        The tip goes back too, so the rotation shows it next time rather than skip it. Only
        onto the plan as we marked it: a plan made anew meanwhile keeps its own.
        """
        if updated.status != "active":
            return

        def restore(p: model.Plan) -> model.Plan:
            if (p.last_nudged, p.tips_used) != (updated.last_nudged, updated.tips_used):
                return p
            # Everything the nudge changed goes back: the day, the tip, the cadence count.
            return replace(p, **model.plan_changes(updated, plan))

        await self._change_plan(user_id, restore)

    async def _write(self, user_id: int, change: Callable[[Profile], Profile]) -> None:
        """One durable store update, made on the loop, its fsync shared with every other write's."""
        await self.commit.run(lambda: self.store.update(user_id, change))

    async def _change_plan(self, user_id: int, change: Callable[[model.Plan], model.Plan]) -> None:
        def apply(profile: Profile) -> Profile:
            if profile.plan is None:
                return profile
            return replace(profile, plan=change(profile.plan))

        await self._write(user_id, apply)

    async def _send(self, user_id: int, reply: Reply) -> Delivery:
        """Send with Telegram's rules: back off on transient errors, stop on 403.

        A 429 is retried in one place only, PTB's rate limiter (bot/telegram_app.py's
        RateLimiter, which every send goes through): it holds all of the bot's sends, replies
        included, until Telegram's retry_after has passed, where a retry here would wait for
        this nudge alone while other sends drew more 429s. A RetryAfter that still comes out
        of it has outlasted its retries: the day is given back, as for other failures.
        """
        delay = self.backoff
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                await self.send(user_id, reply)
                return "sent"
            except RetryAfter:
                log.warning("flood control outlasted the rate limiter's retries; nudge for user %s not sent", user_id)
                return "failed"
            except Forbidden:
                return "blocked"
            except BadRequest as err:  # its message may quote the text: log the type only
                log.error("nudge for user %s refused: %s", user_id, type(err).__name__)
                return "refused"
            except NetworkError as err:  # timeouts and 5xx: transient, worth another try
                log.warning("nudge for user %s, attempt %d: %s", user_id, attempt, type(err).__name__)
                wait, delay = delay, min(delay * 2, MAX_BACKOFF)
            if attempt < MAX_ATTEMPTS and await self._stopped_within(wait):
                return "interrupted"
        return "failed"

    async def _stopped_within(self, seconds: float) -> bool:
        """Wait before the next attempt; True, at once, if the bot starts stopping meanwhile."""
        try:
            await asyncio.wait_for(self.stopping.wait(), timeout=seconds)
        except TimeoutError:
            return False
        return True
