"""Nudges shared by workers on one PostgreSQL store (bot.shared_nudges), in one process.

Each "worker" is a SharedNudger on its own PostgresStore (its own connection pool), as two
processes would have, on the suite's real PostgreSQL server, sending through `send_reply`
over a real bot to the loopback Bot API. The processes themselves, a kill among them, are
tests/test_workers_pg.py; here a worker's clean stop and a dead worker's lapsed claims are
made to happen at a chosen moment.
"""

from __future__ import annotations

import asyncio
import collections
import datetime as dt
from collections.abc import Iterator

import pytest
from telegram.ext import JobQueue

from bot.pg_store import PostgresStore
from bot.shared_nudges import SharedNudger
from bot.student import Profile
from knowledge import Knowledge
from tests.fake_bot_api import FakeBotApi
from tests.plan_helpers import due_today
from tests.test_nudges import live_send

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")

RATE = 400.0
"""Each worker's share of the rate: a few hundred nudges take about a second."""


@pytest.fixture
def stores(pg_url: str) -> Iterator[list[PostgresStore]]:
    """Two workers' stores on the one database."""
    opened = [PostgresStore.connect(pg_url, pool_size=4) for _ in range(2)]
    yield opened
    for store in opened:
        store.close()


def nudged(api: FakeBotApi, users: range) -> collections.Counter[int]:
    """Nudges Telegram accepted, by user."""
    return collections.Counter(
        c.chat_id for c in api.requests("sendMessage") if c.ok and isinstance(c.chat_id, int) and c.chat_id in users
    )


async def until_all_nudged(api: FakeBotApi, users: range, timeout: float = 30.0) -> collections.Counter[int]:  # noqa: ASYNC109
    """Wait until every user has a nudge, then a moment more, so that one sent twice would show."""
    deadline = asyncio.get_running_loop().time() + timeout
    while len(nudged(api, users)) < len(users):
        assert asyncio.get_running_loop().time() < deadline, f"{len(nudged(api, users))} of {len(users)} nudged"
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)
    return nudged(api, users)


async def test_a_worker_stopping_mid_round_hands_back_what_it_had_not_sent(
    api: FakeBotApi, stores: list[PostgresStore], knowledge: Knowledge
) -> None:
    """A stops cleanly with claims it had not marked (and perhaps marks it had not begun to
    send): B, still running, nudges every one of them, and no student twice."""
    today = dt.datetime.now(dt.UTC).date()
    users = range(1, 1501)
    stores[0].save_all(Profile(uid, plan=due_today(today, created=today)) for uid in users)
    async with live_send(api, knowledge, rate=2 * RATE) as send:
        a, b = (
            SharedNudger(store, knowledge, JobQueue(), send, rate=RATE, poll=0.1, worker=name)
            for store, name in zip(stores, "ab", strict=True)
        )
        a.start(20)
        b.start(20)
        await api.await_calls(lambda calls: sum(c.ok for c in calls) >= 300, method="sendMessage", timeout=30)
        await a.stop()
        assert a.claimed > a.delivered  # it held claims it had not sent when it stopped
        sent = await until_all_nudged(api, users)
        await b.stop()
    assert set(sent.values()) == {1}, [uid for uid, n in sent.items() if n > 1][:10]
    assert a.delivered + b.delivered == len(users)
    for uid in (1, 750, 1500):
        plan = stores[1].get(uid).plan
        assert plan is not None and plan.last_nudged == today  # marked, and the mark kept


async def test_claims_a_dead_worker_held_are_nudged_once_its_lease_runs_out(
    api: FakeBotApi, stores: list[PostgresStore], knowledge: Knowledge
) -> None:
    today = dt.datetime.now(dt.UTC).date()
    users = range(1, 301)
    stores[0].save_all(Profile(uid, plan=due_today(today, created=today)) for uid in users)
    lease = dt.timedelta(seconds=1)  # the dead worker's; B's own is the usual minute
    # Claimed by a worker that then died: never marked, never sent, never handed back.
    assert len(stores[0].claim_plans("dead", dt.datetime.now(dt.UTC), 1000, lease)) == len(users)
    async with live_send(api, knowledge, rate=2 * RATE) as send:
        b = SharedNudger(stores[1], knowledge, JobQueue(), send, rate=RATE, poll=0.1, worker="b")
        b.start(20)
        await asyncio.sleep(0.5)
        assert not nudged(api, users)  # held by the dead worker's lease
        sent = await until_all_nudged(api, users)
        await b.stop()
    assert set(sent.values()) == {1}
    assert b.claimed == len(users)  # each claimed once more, when the dead worker's lease ran out
