"""Several bot processes in webhook mode sharing one PostgreSQL store, end to end.

Real processes (`python -m bot run`, BOT_MODE=webhook, DATABASE_URL) against the loopback Bot
API and a real PostgreSQL server the suite starts (skipped, saying how to get one, where it
can't). Updates are posted to each worker's own webhook port, as a load balancer would.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.nudges import workers_for
from bot.pg_store import PostgresStore
from bot.student import Profile
from tests.bot_process import BotProcess
from tests.fake_bot_api import FakeBotApi
from tests.pg_server import running_server
from tests.plan_helpers import due_today
from tests.telegram_html import visible_text
from tests.test_telegram_e2e import free_port, post_update

pytestmark = pytest.mark.e2e  # every test here runs bot processes on PostgreSQL

SECRET = "workers-Secret_1"
HEADERS = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET}
update_ids = itertools.count(1)


class Worker:
    """One bot process on its own webhook port, sharing the database with the others."""

    def __init__(self, api: FakeBotApi, folder: Path, database_url: str, **env: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.api = api
        self.url = f"http://127.0.0.1:{free_port()}/tg-hook"
        port = self.url.split(":")[2].split("/")[0]
        settings = {"BOT_WORKERS": "2", "TELEGRAM_RATE_LIMIT": "400", **env}
        self.process = BotProcess(
            api, folder, BOT_MODE="webhook", WEBHOOK_URL=self.url, WEBHOOK_PORT=port,
            WEBHOOK_SECRET=SECRET, DATABASE_URL=database_url, **settings,
        )  # fmt: skip

    def start(self) -> Worker:
        self.process.start(wait_for_polling=False)
        self.process.wait_for_log("restored 0 study plan(s)")
        return self

    def say(self, user_id: int, text: str) -> str:
        """Post a private message to this worker; wait for and return the reply's visible text."""
        since = len(self.api.calls)
        update_id = next(update_ids)
        message = {
            "message_id": update_id,
            "date": int(time.time()),
            "text": text,
            "chat": {"id": user_id, "type": "private"},
            "from": {"id": user_id, "is_bot": False, "first_name": "S"},
        }
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        assert post_update(self.url, {"update_id": update_id, "message": message}, HEADERS) == 200
        [reply] = self.process.replies(user_id, since)
        return visible_text(reply.params.get("text") or "")

    def claimed(self) -> int:
        """How many nudges this worker has claimed (from its log)."""
        return sum(int(n) for n in re.findall(r"claimed (\d+) due nudge", self.process.log))


@pytest.fixture
def workers(api: FakeBotApi, tmp_path: Path, pg_url: str) -> Iterator[list[Worker]]:
    started: list[Worker] = []
    yield started
    for worker in started:
        worker.process.stop()


def test_a_score_told_to_one_worker_is_remembered_by_the_other_and_forget_erases_it_for_both(
    api: FakeBotApi, tmp_path: Path, pg_url: str, workers: list[Worker]
) -> None:
    a = Worker(api, tmp_path / "a", pg_url).start()
    b = Worker(api, tmp_path / "b", pg_url).start()
    workers += [a, b]
    a.say(7001, "I got 250, good for derm?")
    assert "Your 250 (from earlier)" in b.say(7001, "what about psych?")
    assert "erased everything" in b.say(7001, "/forget yes")
    store = PostgresStore.connect(pg_url, pool_size=2)
    try:
        assert store.get_many([7001]) == {}  # the row is gone, not just emptied
    finally:
        store.close()
    assert "from earlier" not in a.say(7001, "what about psych?")


def seed(pg_url: str, users: range) -> None:
    store = PostgresStore.connect(pg_url, pool_size=2)
    try:
        plan = due_today(dt.datetime.now(dt.UTC).date())
        store.save_all(Profile(uid, plan=plan) for uid in users)
    finally:
        store.close()


def nudges_by_user(api: FakeBotApi, users: range) -> collections.Counter[int]:
    return collections.Counter(
        c.chat_id for c in api.requests("sendMessage") if c.ok and isinstance(c.chat_id, int) and c.chat_id in users
    )


def wait_until_all_nudged(api: FakeBotApi, users: range, timeout: float) -> collections.Counter[int]:
    deadline = time.monotonic() + timeout
    while len(sent := nudges_by_user(api, users)) < len(users):
        assert time.monotonic() < deadline, f"only {len(sent)} of {len(users)} students were nudged"
        time.sleep(0.2)
    time.sleep(1.0)  # anything sent twice would arrive about now
    return nudges_by_user(api, users)


def test_ten_thousand_plans_due_at_once_are_each_nudged_exactly_once_across_two_workers(
    api: FakeBotApi, tmp_path: Path, pg_url: str, workers: list[Worker]
) -> None:
    users = range(100_000, 110_000)
    seed(pg_url, users)
    workers += [Worker(api, tmp_path / name, pg_url, TELEGRAM_RATE_LIMIT="2000") for name in "ab"]
    for worker in workers:
        worker.start()
    sent = wait_until_all_nudged(api, users, timeout=240)
    assert set(sent.values()) == {1}, [uid for uid, n in sent.items() if n > 1][:10]
    # Both took their share (each claims a second's worth at a time, so neither takes all).
    assert all(worker.claimed() > len(users) // 10 for worker in workers), [w.claimed() for w in workers]


def test_two_workers_together_keep_to_the_bots_one_rate_limit(
    api: FakeBotApi, tmp_path: Path, pg_url: str, workers: list[Worker]
) -> None:
    """Telegram counts per bot: at 100 msg/s between them, each worker sends at 50, and none is refused."""
    users = range(300_000, 301_000)
    seed(pg_url, users)
    api.limit_rate(100)
    workers += [Worker(api, tmp_path / name, pg_url, TELEGRAM_RATE_LIMIT="100") for name in "ab"]
    for worker in workers:
        worker.start()
    sent = wait_until_all_nudged(api, users, timeout=120)
    assert set(sent.values()) == {1}
    assert api.rate_limited_count == 0  # each alone at 100/s would have drawn 429s together
    assert all(worker.claimed() > 100 for worker in workers)


def test_a_worker_killed_mid_round_loses_no_acknowledged_write_and_no_nudge(
    api: FakeBotApi, tmp_path: Path, pg_url: str, workers: list[Worker]
) -> None:
    """A is SIGKILLed holding claims it had not marked yet, with sends in flight.

    The kill comes while every delivery task of both workers waits for Telegram's answer
    (the loopback server holds them), so no mark is between its commit and its send: that
    in-doubt instant is the one a crash may cost a nudge (at most once), as bot/shared_nudges.py
    says. What A claimed and had not marked comes due again when its 3 s lease ends, and B sends it.
    """
    users = range(200_000, 203_000)
    seed(pg_url, users)
    a, b = (Worker(api, tmp_path / name, pg_url, NUDGE_LEASE_SECONDS="3") for name in "ab")
    workers += [a, b]
    a.start()
    b.start()
    told = {7101 + i: 231 + i for i in range(5)}
    for user, score in told.items():
        assert str(score) in a.say(user, f"I got {score}")  # answered, so acknowledged
    deadline = time.monotonic() + 60
    while len(nudges_by_user(api, users)) < 500:
        assert time.monotonic() < deadline, "the round never got going"
        time.sleep(0.05)
    tasks = 2 * workers_for(400 / 2)  # every delivery task of both workers
    api.stall_next("sendMessage", 3.0, times=tasks)
    deadline = time.monotonic() + 30
    while api.stalled < tasks:
        assert time.monotonic() < deadline, f"only {api.stalled} of {tasks} sends held"
        time.sleep(0.01)
    a.process.kill()
    assert a.claimed() > len(nudges_by_user(api, users)) // 4  # A held claims when it died
    sent = wait_until_all_nudged(api, users, timeout=120)
    assert set(sent.values()) == {1}, [uid for uid, n in sent.items() if n > 1][:10]
    for user, score in told.items():
        assert f"Your {score} (from earlier)" in b.say(user, "what about psych?")


def test_a_turn_the_database_cannot_keep_gets_try_again_and_nothing_half_written(
    api: FakeBotApi, tmp_path: Path, workers: list[Worker]
) -> None:
    with running_server() as server:
        try:
            worker = Worker(api, tmp_path / "a", server.url(), BOT_WORKERS="1")
            workers.append(worker)
            worker.start()
            assert "240" in worker.say(7201, "I got 240")
            server.pause()
            assert "try again in a minute" in worker.say(7201, "I got 250")
            server.resume()
            deadline = time.monotonic() + 60
            while "try again in a minute" in (answer := worker.say(7201, "what about psych?")):
                assert time.monotonic() < deadline, "the worker never got its database back"
            assert "Your 240 (from earlier)" in answer  # the turn that failed left nothing behind
        finally:
            for started in workers:  # stopped before their database
                started.process.stop()
            workers.clear()
