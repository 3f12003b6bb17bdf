"""Study-plan nudge delivery (bot.nudges) end to end, with real parts wherever possible.

The real PTB Application from `build_application`, its JobQueue (APScheduler) and a real
TinyDB store in tmp_path talk to the loopback Bot API in tests/fake_bot_api.py. Time travel
(`time_machine`, ticking) puts the wall clock a moment before a nudge is due, so the real
scheduler fires on cue; asyncio's monotonic clock is not travelled, so every wait is real
and short. Delivery rules (429, 5xx, 403, 400, giving a day back) also run on a `Nudger`
built directly with an injected clock and a small backoff, sending through `send_reply`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import itertools
import threading
import time
import zoneinfo
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
import time_machine
from pydantic import SecretStr
from telegram.error import Forbidden, NetworkError
from telegram.ext import Application, ExtBot, JobQueue

from bot import nudges
from bot.config import Settings
from bot.conversation import Advisor
from bot.nudges import Nudger, Slot
from bot.plans.messages import tip_order
from bot.plans.model import Plan
from bot.profiles import ProfileStore
from bot.reply import Reply
from bot.student import Profile
from bot.telegram_app import MAX_429_RETRIES, RateLimiter, build_application, send_reply
from knowledge import Knowledge
from tests import ptb_clients
from tests.fake_bot_api import Call, FakeBotApi
from tests.telegram_html import visible_text

# PTB 22 warns (when it raises RetryAfter) that retry_after will become a timedelta.
pytestmark = [
    pytest.mark.e2e,  # the real PTB Application, or a Nudger, against the loopback Bot API on real clocks
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
]

UTC = dt.UTC
NY = zoneinfo.ZoneInfo("America/New_York")
LONDON = zoneinfo.ZoneInfo("Europe/London")

DAY = dt.date(2026, 1, 14)  # a Wednesday
EXAM = dt.date(2026, 3, 3)
SEVEN = dt.time(7)
LEAD = dt.timedelta(seconds=0.8)
"""How long before a nudge is due a test starts the bot: startup takes well under this."""
PUNCTUAL = dt.timedelta(seconds=1.5)
"""A nudge counts as on time when it reaches Telegram within this of its due instant."""
SETTLE = 0.3
"""Seconds to watch for a send that must not happen (a re-send would come at once)."""

Bot = Application[Any, Any, Any, Any, Any, Any]


def make_plan(**changes: Any) -> Plan:
    """A 7-day-a-week plan nudging at 07:00 New York time, made on Jan 5, exam on Mar 3."""
    plan = Plan(exam_date=EXAM, study_days=7, nudge_time=SEVEN, tz="America/New_York", created=dt.date(2026, 1, 5))
    return replace(plan, **changes)


def local(day: dt.date, wall: dt.time, tz: zoneinfo.ZoneInfo = NY) -> dt.datetime:
    return dt.datetime.combine(day, wall, tzinfo=tz)


def put_plans(data_dir: Path, plans: dict[int, Plan]) -> None:
    """Store plans the way the conversation does, while no bot is running."""
    store = ProfileStore.in_dir(data_dir)
    try:
        for user_id, plan in plans.items():
            store.save(Profile(user_id, plan=plan.to_dict()))
    finally:
        store.close()


def read_plan(data_dir: Path, user_id: int) -> Plan:
    """A user's plan as a fresh process would read it from disk (no bot may be running)."""
    store = ProfileStore.in_dir(data_dir)
    try:
        doc = store.get(user_id).plan
    finally:
        store.close()
    assert doc is not None
    return Plan.from_dict(doc)


def ok_sends(api: FakeBotApi, chat_id: int) -> list[Call]:
    """Messages Telegram accepted for a chat."""
    return [c for c in api.requests("sendMessage") if c.ok and c.chat_id == chat_id]


def attempts(api: FakeBotApi, chat_id: int) -> list[Call]:
    """Every sendMessage to a chat, accepted or not."""
    return [c for c in api.requests("sendMessage") if c.chat_id == chat_id]


def is_nudge(call: Call) -> bool:
    return "to Step 2 CK" in visible_text(call.text or "")


def nudges_to(api: FakeBotApi, chat_id: int) -> list[Call]:
    """The daily study nudges a chat received (not command replies)."""
    return [c for c in ok_sends(api, chat_id) if is_nudge(c)]


async def wait_sent(api: FakeBotApi, users: set[int], timeout: float = 5.0) -> None:  # noqa: ASYNC109
    """Until every user in `users` has had at least one message accepted."""
    await api.await_calls(
        lambda calls: users <= {c.chat_id for c in calls if c.ok}, method="sendMessage", timeout=timeout
    )


async def eventually(check: Callable[[], bool], timeout: float = 2.0) -> None:  # noqa: ASYNC109
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.005)


@dataclass(frozen=True)
class WallClock:
    """Maps the fake server's monotonic arrival times onto the travelled wall clock."""

    mono: float
    wall: dt.datetime

    @classmethod
    def now(cls) -> WallClock:
        return cls(time.monotonic(), dt.datetime.now(UTC))

    def at(self, call: Call) -> dt.datetime:
        return self.wall + dt.timedelta(seconds=call.time - self.mono)


# ------------------------------------------------------------------------------ harness


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@dataclass
class Running:
    app: Bot
    store: ProfileStore

    def next_nudge(self, user_id: int) -> dt.datetime | None:
        """When the JobQueue will next fire this user's nudge job (None: no job)."""
        assert self.app.job_queue is not None
        jobs = [j for j in self.app.job_queue.jobs() if isinstance(j.data, Slot) and user_id in j.data.users]
        assert len(jobs) <= 1, f"more than one nudge job for {user_id}"
        return jobs[0].next_t if jobs else None

    def plan(self, user_id: int) -> Plan:
        doc = self.store.get(user_id).plan
        assert doc is not None
        return Plan.from_dict(doc)


@asynccontextmanager
async def running_bot(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge, *, rate: float = 30.0, paid: bool = False
) -> AsyncIterator[Running]:
    """One bot process: a fresh store over `data_dir` and the real Application, started and
    stopped in the order `Application.run_polling` uses (post_init is not called by
    `initialize()`; PTB only calls it from run_polling/run_webhook)."""
    store = ProfileStore.in_dir(data_dir)
    settings = Settings(
        telegram_bot_token=SecretStr(api.token),
        telegram_base_url=api.base_url,
        bot_data_dir=data_dir,
        telegram_rate_limit=rate,
        telegram_paid_broadcast=paid,
    )
    app = build_application(settings, Advisor(knowledge, store))
    try:
        await app.initialize()
        assert app.post_init is not None and app.updater is not None
        await app.post_init(app)
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        await app.start()
        yield Running(app, store)
    finally:
        try:
            if app.updater is not None and app.updater.running:
                await app.updater.stop()
            if app.running:
                await app.stop()
                if app.post_stop is not None:
                    await app.post_stop(app)
            await app.shutdown()
        finally:
            store.close()


# ---------------------------------------------------------------- firing on the JobQueue


async def test_nudge_fires_at_the_chosen_local_time_with_focus_tip_average_and_buttons(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge
) -> None:
    derm, plain = 101, 102
    put_plans(data_dir, {derm: make_plan(target_specialty="dermatology"), plain: make_plan()})
    due = local(DAY, SEVEN)
    with time_machine.travel(due - LEAD, tick=True):
        clock = WallClock.now()
        async with running_bot(api, data_dir, knowledge) as bot:
            assert api.requests("sendMessage") == []  # nothing before 07:00
            await wait_sent(api, {derm, plain})
            await eventually(lambda: bot.next_nudge(derm) is not None and bot.next_nudge(plain) is not None)
            assert bot.next_nudge(derm) == local(DAY + dt.timedelta(days=1), SEVEN)
            assert bot.next_nudge(plain) == local(DAY + dt.timedelta(days=1), SEVEN)

    first_tip = tip_order(knowledge.tips)[0]
    for user_id in (derm, plain):
        [nudge] = ok_sends(api, user_id)
        assert due <= clock.at(nudge) < due + PUNCTUAL
        text = visible_text(nudge.text or "")
        assert "48 days to Step 2 CK" in text  # Jan 14 -> Mar 3
        assert "Today: Content review + QBank: Daily timed, mixed question blocks" in text
        assert f"💡 {first_tip.text}" in text
        assert nudge.reply_markup is not None
        buttons = [(b["text"], b["callback_data"]) for row in nudge.reply_markup["inline_keyboard"] for b in row]
        assert [action for _, action in buttons] == ["/done", "/snooze", "/pause"]
        labels = [label for label, _ in buttons]
        assert ["Done" in labels[0], "Snooze" in labels[1], "Pause" in labels[2]] == [True, True, True]
        stored = read_plan(data_dir, user_id)
        assert stored.last_nudged == DAY and stored.tips_used == [first_tip.id]
    assert "Derm average: 257" in visible_text(ok_sends(api, derm)[0].text or "")
    assert "average" not in visible_text(ok_sends(api, plain)[0].text or "")


@pytest.mark.parametrize(
    ("tz", "day", "utc_hour", "next_utc_hour"),
    [
        pytest.param(NY, dt.date(2026, 1, 14), 12, 12, id="new-york-january"),
        pytest.param(NY, dt.date(2026, 7, 15), 11, 11, id="new-york-july"),
        pytest.param(NY, dt.date(2026, 3, 7), 12, 11, id="new-york-eve-of-spring-forward"),
        pytest.param(NY, dt.date(2026, 10, 31), 11, 12, id="new-york-eve-of-fall-back"),
        pytest.param(LONDON, dt.date(2026, 1, 14), 7, 7, id="london-january"),
        pytest.param(LONDON, dt.date(2026, 7, 15), 6, 6, id="london-july"),
        pytest.param(LONDON, dt.date(2026, 3, 28), 7, 6, id="london-eve-of-spring-forward"),
    ],
)
async def test_seven_local_stays_seven_local_across_dst(
    api: FakeBotApi,
    data_dir: Path,
    knowledge: Knowledge,
    tz: zoneinfo.ZoneInfo,
    day: dt.date,
    utc_hour: int,
    next_utc_hour: int,
) -> None:
    """07:00 local fires at the UTC hour of that day's offset; tomorrow's job follows the clock change."""
    user = 201
    plan = make_plan(tz=tz.key, created=day - dt.timedelta(days=7), exam_date=day + dt.timedelta(days=40))
    put_plans(data_dir, {user: plan})
    due = dt.datetime.combine(day, dt.time(utc_hour), tzinfo=UTC)
    with time_machine.travel(due - LEAD, tick=True):
        clock = WallClock.now()
        async with running_bot(api, data_dir, knowledge) as bot:
            await wait_sent(api, {user})
            await eventually(lambda: bot.next_nudge(user) is not None)
            tomorrow = day + dt.timedelta(days=1)
            assert bot.next_nudge(user) == dt.datetime.combine(tomorrow, dt.time(next_utc_hour), tzinfo=UTC)
    [nudge] = ok_sends(api, user)
    assert due <= clock.at(nudge) < due + PUNCTUAL


# -------------------------------------------------------------------- restarts, missed days


@pytest.mark.parametrize("restart_at", [dt.time(7, 1), dt.time(19, 30)], ids=["a-minute-later", "that-evening"])
async def test_never_twice_after_a_restart(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge, restart_at: dt.time
) -> None:
    user = 301
    put_plans(data_dir, {user: make_plan()})
    due = local(DAY, SEVEN)
    with time_machine.travel(due - LEAD, tick=True) as traveller:
        async with running_bot(api, data_dir, knowledge):
            await wait_sent(api, {user})
        assert read_plan(data_dir, user).last_nudged == DAY

        traveller.move_to(local(DAY, restart_at), tick=True)
        async with running_bot(api, data_dir, knowledge) as bot:
            assert bot.next_nudge(user) == local(DAY + dt.timedelta(days=1), SEVEN)
            await asyncio.sleep(SETTLE)
    assert len(ok_sends(api, user)) == 1
    assert read_plan(data_dir, user).last_nudged == DAY


@pytest.mark.parametrize(
    ("start_at", "last_nudged", "sent_at"),
    [
        # Down at 07:00, up at 15:00 the same day: today's nudge goes out at once, late, once.
        pytest.param(local(DAY, dt.time(15)), DAY - dt.timedelta(days=1), local(DAY, dt.time(15)), id="same-day"),
        # Down all of yesterday, up before 07:00 today: yesterday's is dropped, today's is on time.
        pytest.param(local(DAY, SEVEN) - LEAD, DAY - dt.timedelta(days=2), local(DAY, SEVEN), id="next-morning"),
    ],
)
async def test_missed_nudge_is_sent_late_the_same_day_only(
    api: FakeBotApi,
    data_dir: Path,
    knowledge: Knowledge,
    start_at: dt.datetime,
    last_nudged: dt.date,
    sent_at: dt.datetime,
) -> None:
    user = 401
    put_plans(data_dir, {user: make_plan(last_nudged=last_nudged)})
    with time_machine.travel(start_at, tick=True):
        clock = WallClock.now()
        async with running_bot(api, data_dir, knowledge) as bot:
            await wait_sent(api, {user})
            await eventually(lambda: bot.next_nudge(user) is not None)
            assert bot.next_nudge(user) == local(DAY + dt.timedelta(days=1), SEVEN)
            await asyncio.sleep(SETTLE)
    [nudge] = ok_sends(api, user)
    assert sent_at <= clock.at(nudge) < sent_at + PUNCTUAL
    assert "48 days to Step 2 CK" in visible_text(nudge.text or "")  # today's count, not yesterday's 49
    assert read_plan(data_dir, user).last_nudged == DAY


async def test_restart_in_the_middle_of_a_round_sends_the_rest_once(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge
) -> None:
    """60 nudges due at 07:00 UTC, sent at 20 a second: stopped
    after the first ones arrive, sends under way finish, the rest still queued stay due and
    go out after the restart, and nobody gets two."""
    users = set(range(501, 561))
    put_plans(data_dir, {u: make_plan(tz="UTC") for u in users})
    due = dt.datetime.combine(DAY, SEVEN, tzinfo=UTC)
    with time_machine.travel(due - LEAD, tick=True):
        async with running_bot(api, data_dir, knowledge, rate=20):
            await api.await_calls(lambda calls: sum(c.ok for c in calls) >= 5, method="sendMessage")
        before = {c.chat_id for c in api.requests("sendMessage") if c.ok}
        assert 0 < len(before) < len(users)  # really stopped mid-round
        assert {u for u in users if read_plan(data_dir, u).last_nudged == DAY} == before  # marked = sent

        async with running_bot(api, data_dir, knowledge, rate=20):
            await wait_sent(api, users, timeout=10)
            await asyncio.sleep(SETTLE)
    assert {u: len(ok_sends(api, u)) for u in users} == dict.fromkeys(users, 1)
    assert all(read_plan(data_dir, u).last_nudged == DAY for u in users)


async def test_stopping_during_a_backoff_gives_the_day_back_for_the_restart(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge
) -> None:
    """A 5xx, then the bot stops while backing off: nothing went out, so the restart sends it."""
    user = 551
    put_plans(data_dir, {user: make_plan()})
    api.fail_next("sendMessage", status=500)
    with time_machine.travel(local(DAY, dt.time(9)), tick=True):  # overdue: sent at start
        async with running_bot(api, data_dir, knowledge):
            await api.await_calls(lambda calls: any(c.status == 500 for c in calls), method="sendMessage")
            stopping = time.monotonic()
        assert time.monotonic() - stopping < nudges.FIRST_BACKOFF  # did not sit out the backoff
        given_back = read_plan(data_dir, user)
        assert (given_back.last_nudged, given_back.tips_used) == (None, [])  # the day and its tip

        async with running_bot(api, data_dir, knowledge):
            await wait_sent(api, {user})
            await asyncio.sleep(SETTLE)
    assert [c.status for c in attempts(api, user)] == [500, 200]
    first_tip = tip_order(knowledge.tips)[0]
    assert first_tip.text in html.unescape(attempts(api, user)[-1].text or "")
    stored = read_plan(data_dir, user)
    assert (stored.last_nudged, stored.tips_used) == (DAY, [first_tip.id])


# ----------------------------------------------------------------- Telegram's answers, live


async def test_429_is_waited_out_and_the_nudge_still_arrives(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge
) -> None:
    user = 601
    put_plans(data_dir, {user: make_plan()})
    api.fail_next("sendMessage", status=429, retry_after=1)
    with time_machine.travel(local(DAY, dt.time(9)), tick=True):  # overdue: sent at start
        async with running_bot(api, data_dir, knowledge):
            await wait_sent(api, {user})
            await asyncio.sleep(SETTLE)
    refused, accepted = attempts(api, user)
    assert refused.status == 429 and accepted.ok and is_nudge(accepted)
    assert accepted.time - refused.time >= 1.0  # waited as told before trying again
    assert read_plan(data_dir, user).last_nudged == DAY


async def test_403_pauses_the_plan_without_a_retry_storm(api: FakeBotApi, data_dir: Path, knowledge: Knowledge) -> None:
    blocked, other = 701, 702
    put_plans(data_dir, {blocked: make_plan(), other: make_plan()})
    api.block_user(blocked)
    with time_machine.travel(local(DAY, SEVEN) - LEAD, tick=True):
        async with running_bot(api, data_dir, knowledge) as bot:
            await wait_sent(api, {other})
            await eventually(lambda: bot.plan(blocked).status == "paused")
            await asyncio.sleep(SETTLE)
            assert bot.next_nudge(blocked) is None
            assert bot.next_nudge(other) == local(DAY + dt.timedelta(days=1), SEVEN)
    [attempt] = [c for c in api.calls if c.chat_id == blocked]
    assert attempt.status == 403
    assert read_plan(data_dir, blocked).status == "paused"
    assert len(nudges_to(api, other)) == 1


async def test_rate_limits_hold_and_no_nudge_is_lost(api: FakeBotApi, data_dir: Path, knowledge: Knowledge) -> None:
    """60 nudges due in the same second against Telegram's ~30 messages/s."""
    users = set(range(10_001, 10_061))
    put_plans(data_dir, {u: make_plan(tz="UTC") for u in users})
    api.limit_rate(30)
    due = dt.datetime.combine(DAY, SEVEN, tzinfo=UTC)
    with time_machine.travel(due - LEAD, tick=True):
        async with running_bot(api, data_dir, knowledge, rate=30):
            await wait_sent(api, users, timeout=10)
            await asyncio.sleep(SETTLE)
    assert {u: len(ok_sends(api, u)) for u in users} == dict.fromkeys(users, 1)
    refused = [c for c in api.requests("sendMessage") if not c.ok]
    assert all(c.status == 429 for c in refused)
    assert len(refused) <= 3, f"the bot's own limiter should keep 429s rare, got {len(refused)}"


async def test_paid_broadcast_sends_nudges_past_the_free_limit(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge
) -> None:
    """With TELEGRAM_PAID_BROADCAST, 200 nudges at 200/s against a server that allows 30/s
    for free sends: every nudge says allow_paid_broadcast, so none meets a 429."""
    users = set(range(20_001, 20_201))
    put_plans(data_dir, {u: make_plan(tz="UTC") for u in users})
    api.limit_rate(30, paid_per_second=200)
    due = dt.datetime.combine(DAY, SEVEN, tzinfo=UTC)
    with time_machine.travel(due - LEAD, tick=True):
        async with running_bot(api, data_dir, knowledge, rate=200, paid=True):
            await wait_sent(api, users, timeout=20)
            await asyncio.sleep(SETTLE)
    nudges = [c for c in api.requests("sendMessage") if c.chat_id in users]
    assert {u: len(ok_sends(api, u)) for u in users} == dict.fromkeys(users, 1)
    assert all(c.params.get("allow_paid_broadcast") is True for c in nudges)
    assert api.rate_limited_count <= 3


async def test_replies_are_never_paid(api: FakeBotApi, data_dir: Path, knowledge: Knowledge) -> None:
    async with running_bot(api, data_dir, knowledge, rate=200, paid=True):
        api.push_message(30_001, "avg for derm")
        (reply,) = await api.await_calls(method="sendMessage", timeout=20)
    assert reply.ok and "allow_paid_broadcast" not in reply.params


# -------------------------------------------------------------- after the exam, controls


async def test_farewell_after_the_exam_is_sent_once_and_ends_the_plan(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge
) -> None:
    user = 801
    exam = DAY - dt.timedelta(days=1)
    done = {"2026-01-10": 40, "2026-01-11": 60, "2026-01-12": 20}
    plan = make_plan(exam_date=exam, created=dt.date(2025, 12, 1), last_nudged=exam - dt.timedelta(days=1))
    put_plans(data_dir, {user: replace(plan, done_log=done)})
    due = local(DAY, SEVEN)  # the nudge time on the day after the exam
    with time_machine.travel(due - LEAD, tick=True) as traveller:
        clock = WallClock.now()
        async with running_bot(api, data_dir, knowledge) as bot:
            assert bot.next_nudge(user) == due
            await wait_sent(api, {user})
            await eventually(lambda: bot.plan(user).status == "finished")
            await asyncio.sleep(SETTLE)
            # No more study nudges: only the score-release check-in, the Wednesday 3 weeks on.
            release = local(dt.date(2026, 2, 4), SEVEN)
            assert bot.next_nudge(user) == release
        traveller.move_to(local(DAY + dt.timedelta(days=1), SEVEN), tick=True)
        async with running_bot(api, data_dir, knowledge) as bot:
            assert bot.next_nudge(user) == release
            await asyncio.sleep(SETTLE)
    [farewell] = ok_sends(api, user)
    assert due <= clock.at(farewell) < due + PUNCTUAL
    text = visible_text(farewell.text or "")
    assert "You did it: Step 2 CK is done!" in text
    assert "You logged 120 questions over 3 study days" in text
    assert read_plan(data_dir, user).status == "finished"


@dataclass(frozen=True)
class Control:
    """A plan command the student sends shortly before 07:00, and what must follow."""

    status: str
    press: Callable[[FakeBotApi, int], object]
    answer: str
    stored: str
    nudged: bool


CONTROLS = {
    "pause-command": Control("active", lambda api, u: api.push_message(u, "/pause"), "Paused.", "paused", False),
    "pause-button": Control("active", lambda api, u: api.push_callback(u, "/pause"), "Paused.", "paused", False),
    "stop-command": Control("active", lambda api, u: api.push_message(u, "/stop"), "Plan stopped.", "stopped", False),
    "resume-command": Control("paused", lambda api, u: api.push_message(u, "/resume"), "Welcome back!", "active", True),
}


@pytest.mark.parametrize("control", CONTROLS.values(), ids=CONTROLS.keys())
async def test_plan_controls_in_the_chat_reschedule_nudges(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge, control: Control
) -> None:
    user, bystander = 901, 902
    put_plans(data_dir, {user: make_plan(status=control.status), bystander: make_plan()})
    due = local(DAY, SEVEN)
    with time_machine.travel(due - dt.timedelta(seconds=1.2), tick=True):
        async with running_bot(api, data_dir, knowledge) as bot:
            control.press(api, user)
            await api.await_calls(
                lambda calls: any(c.ok and control.answer in (c.text or "") for c in calls),
                method="sendMessage",
            )
            assert (bot.next_nudge(user) == due) is control.nudged
            assert dt.datetime.now(UTC) < due, "the command must land before 07:00 for this test to mean anything"
            await wait_sent(api, {bystander})  # 07:00 has come
            await asyncio.sleep(SETTLE)
            assert bot.plan(user).status == control.stored
    assert len(nudges_to(api, user)) == (1 if control.nudged else 0)
    assert len(nudges_to(api, bystander)) == 1


# ------------------------------------------------------------- delivery rules, one Nudger


@dataclass
class Recorder:
    """A stand-in for `send_reply`: keeps what would have been sent."""

    sent: list[tuple[int, Reply]] = field(default_factory=list)

    async def __call__(self, user_id: int, reply: Reply) -> None:
        self.sent.append((user_id, reply))


@asynccontextmanager
async def live_send(
    api: FakeBotApi, knowledge: Knowledge, rate: float = 30
) -> AsyncIterator[Callable[[int, Reply], Awaitable[None]]]:
    """`send_reply` over a real bot as the app builds it (no PTB Defaults; its rate limiter, the one
    layer that retries a 429, at `rate` sends a second) to the fake server."""
    limiter = RateLimiter(free_rate=rate, paid_rate=rate)
    bot: ExtBot[None] = ExtBot(api.token, base_url=api.base_url, rate_limiter=limiter, **ptb_clients.requests())
    async with bot:

        async def send(user_id: int, reply: Reply) -> None:
            await send_reply(bot, user_id, reply, knowledge)

        yield send


BACKOFF = 0.005


@dataclass(frozen=True)
class Fault:
    inject: Callable[[FakeBotApi, int], None]
    outcome: nudges.Delivery
    statuses: list[int]
    """HTTP status of every attempt, in order."""
    min_gaps: list[float]
    """The least time between consecutive attempts."""
    stored_status: str
    kept_day: bool
    """Today stays marked as nudged (False: given back for a later try)."""
    then: nudges.Delivery | None
    """What a second delivery, once Telegram is fine again, does."""


FAULTS = {
    "429-waits-retry-after": Fault(
        lambda api, u: api.fail_next("sendMessage", status=429, retry_after=1),
        "sent",
        [429, 200],
        [1.0],
        "active",
        True,
        None,
    ),
    "429-outlasting-the-limiter-gives-the-day-back": Fault(
        lambda api, u: api.fail_next("sendMessage", status=429, retry_after=1, times=MAX_429_RETRIES + 1),
        "failed",
        [429] * (MAX_429_RETRIES + 1),  # the limiter's tries alone: the nudger adds none
        [1.0] * MAX_429_RETRIES,
        "active",
        False,
        "sent",
    ),
    "500-twice-backs-off": Fault(
        lambda api, u: api.fail_next("sendMessage", status=500, times=2),
        "sent",
        [500, 500, 200],
        [BACKOFF, 2 * BACKOFF],
        "active",
        True,
        None,
    ),
    "502-once": Fault(
        lambda api, u: api.fail_next("sendMessage", status=502), "sent", [502, 200], [BACKOFF], "active", True, None
    ),
    "403-blocked-pauses": Fault(lambda api, u: api.block_user(u), "blocked", [403], [], "paused", True, None),
    "400-refused-no-retry": Fault(
        lambda api, u: api.fail_next("sendMessage", status=400), "refused", [400], [], "active", True, None
    ),
    "5xx-outlasting-retries-gives-the-day-back": Fault(
        lambda api, u: api.fail_next("sendMessage", status=503, times=nudges.MAX_ATTEMPTS),
        "failed",
        [503] * nudges.MAX_ATTEMPTS,
        [BACKOFF * 2**i for i in range(nudges.MAX_ATTEMPTS - 1)],
        "active",
        False,
        "sent",
    ),
}


@pytest.mark.parametrize("fault", FAULTS.values(), ids=FAULTS.keys())
async def test_delivery_rules(api: FakeBotApi, store: ProfileStore, knowledge: Knowledge, fault: Fault) -> None:
    user = 1001
    yesterday = DAY - dt.timedelta(days=1)
    store.save(Profile(user, plan=make_plan(last_nudged=yesterday).to_dict()))
    fault.inject(api, user)
    now = local(DAY, dt.time(7, 0, 5)).astimezone(UTC)
    async with live_send(api, knowledge) as send:
        nudger = Nudger(store, knowledge, JobQueue(), send, now=lambda: now, backoff=BACKOFF)
        assert await nudger.deliver(user) == fault.outcome
        tries = attempts(api, user)
        assert [c.status for c in tries] == fault.statuses
        gaps = [b.time - a.time for a, b in itertools.pairwise(tries)]
        assert all(gap >= least for gap, least in zip(gaps, fault.min_gaps, strict=True)), gaps
        plan = Plan.from_dict(store.get(user).plan or {})
        assert plan.status == fault.stored_status
        assert plan.last_nudged == (DAY if fault.kept_day else yesterday)
        assert bool(plan.tips_used) is fault.kept_day  # a day given back gives its tip back too

        api.unblock_user(user)
        assert await nudger.deliver(user) == fault.then
    delivered = 1 if "sent" in (fault.outcome, fault.then) else 0
    assert len(nudges_to(api, user)) == delivered


async def test_tips_rotate_without_repeats_over_consecutive_days(store: ProfileStore, knowledge: Knowledge) -> None:
    user = 1101
    store.save(Profile(user, plan=make_plan(last_nudged=DAY - dt.timedelta(days=1)).to_dict()))
    clock = [local(DAY, dt.time(7, 0, 5))]
    sent = Recorder()
    nudger = Nudger(store, knowledge, JobQueue(), sent, now=lambda: clock[0])
    by_text = {html.escape(t.text, quote=False): t.id for t in knowledge.tips}
    n = len(knowledge.tips)
    tips: list[str] = []
    summaries = 0
    for i in itertools.count():
        if len(tips) == n + 2:
            break
        day = DAY + dt.timedelta(days=i)
        clock[0] = local(day, dt.time(7, 0, 5))
        # The student answers every nudge (else the nudges back off), as the rotation is about daily ones.
        store.update(user, lambda p, day=day: replace(p, plan=replace(p.plan, last_seen=day - dt.timedelta(days=1))))
        assert await nudger.deliver(user) == "sent"
        assert await nudger.deliver(user) is None  # once a day
        _, reply = sent.sent[-1]
        if day.weekday() == 6:  # Sunday: the weekly summary, which carries no tip
            assert "Your week" in reply.html
            summaries += 1
            continue
        assert f"{(EXAM - DAY).days - i} days to Step 2 CK" in reply.html
        [tip] = [by_text[line.removeprefix("💡 ")] for line in reply.html.splitlines() if line.startswith("💡 ")]
        tips.append(tip)
    assert len(tips[:n]) == len(set(tips[:n])) == n  # every tip once before any repeats
    assert tips[n:] == tips[:2]  # then the rotation starts over in the same order
    assert len(sent.sent) == n + 2 + summaries


@pytest.mark.parametrize("error", [Forbidden("blocked"), NetworkError("down")], ids=["403", "5xx"])
async def test_forget_during_a_send_stays_forgotten(
    store: ProfileStore, knowledge: Knowledge, error: Exception
) -> None:
    """/forget lands while the nudge is in flight and the send fails: pausing the plan or
    giving the day back must not write the erased profile back."""
    user = 1201
    store.save(Profile(user, score=250, plan=make_plan(last_nudged=DAY - dt.timedelta(days=1)).to_dict()))

    async def forget_then_fail(user_id: int, reply: Reply) -> None:
        store.forget(user_id)
        raise error

    now = local(DAY, dt.time(7, 0, 5))
    nudger = Nudger(store, knowledge, JobQueue(), forget_then_fail, now=lambda: now, backoff=BACKOFF)
    await nudger.deliver(user)
    assert store.get(user) == Profile(user)
    assert len(store) == 0


async def test_a_turn_that_read_before_the_nudge_does_not_undo_its_mark(
    store: ProfileStore, knowledge: Knowledge, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A student's message reads the profile, today's nudge is marked, then the turn writes
    the new score: the mark must survive, or the nudge would go out a second time."""
    user = 1301
    store.save(Profile(user, plan=make_plan(last_nudged=DAY - dt.timedelta(days=1)).to_dict()))
    now = local(DAY, dt.time(7, 0, 5))
    advisor = Advisor(knowledge, store, now=lambda: now)
    nudger = Nudger(store, knowledge, JobQueue(), Recorder(), now=lambda: now)

    has_read, may_go_on = threading.Event(), threading.Event()
    real_get = store.get

    def get_then_pause(user_id: int) -> Profile:
        profile = real_get(user_id)
        has_read.set()
        assert may_go_on.wait(5)
        return profile

    monkeypatch.setattr(store, "get", get_then_pause)
    turn = asyncio.create_task(asyncio.to_thread(advisor.handle, user, "I got 250, good for derm?"))
    assert await asyncio.to_thread(has_read.wait, 5)
    assert await nudger.deliver(user) == "sent"  # marks without reading through get()
    may_go_on.set()
    assert (await turn).score == 250
    monkeypatch.undo()

    stored = store.get(user)
    assert stored.score == 250
    assert Plan.from_dict(stored.plan or {}).last_nudged == DAY
    assert await nudger.deliver(user) is None  # not due again today


async def test_a_failed_nudge_does_not_give_its_day_back_to_a_plan_made_meanwhile(
    store: ProfileStore, knowledge: Knowledge
) -> None:
    """The send fails for good while the student sets up a new plan: the new plan keeps its
    own bookkeeping instead of the old plan's day and tips."""
    user = 1401
    store.save(Profile(user, plan=make_plan(last_nudged=DAY - dt.timedelta(days=1)).to_dict()))
    new_plan = make_plan(exam_date=EXAM + dt.timedelta(days=30), created=DAY, last_nudged=DAY)

    async def replan_then_fail(user_id: int, reply: Reply) -> None:
        store.save(Profile(user_id, plan=new_plan.to_dict()))
        raise NetworkError("down")

    now = local(DAY, dt.time(7, 0, 5))
    nudger = Nudger(store, knowledge, JobQueue(), replan_then_fail, now=lambda: now, backoff=BACKOFF)
    assert await nudger.deliver(user) == "failed"
    assert store.get(user).plan == new_plan
