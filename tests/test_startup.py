"""Start-up at scale: plans scheduled from a lower bound, records checked on their first read.

`Nudger.restore` wakes each student at `checkins.earliest_message_at`, read from the plan as
stored, instead of validating every plan and computing its exact next check-in at start; the
store checks a record strictly when it is first read, instead of every record at open. What
must still hold: the bound is never later than the real next check-in (else a nudge would be
late), a student woken early gets nothing and is scheduled exactly, every plan due after a
restart is sent exactly once, and a corrupt record is set aside whole, never sent, never lost.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import checkins
from bot.plans.model import CADENCES, STATUSES, Deadline, Plan
from bot.student import Profile
from knowledge import Knowledge
from tests.bot_process import REPO, BotProcess
from tests.fake_bot_api import FakeBotApi
from tests.property_budget import examples
from tests.test_nudges import DAY, LEAD, SETTLE, SEVEN, eventually, local, make_plan, ok_sends, running_bot

# PTB 22 warns (when it raises RetryAfter) that retry_after will become a timedelta.
pytestmark = [
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
    pytest.mark.e2e,  # real bot processes and the real JobQueue on real clocks
]

UTC = dt.UTC
ONE_DAY = dt.timedelta(days=1)
_ZONES = ["UTC", "America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "UTC-03:30", "Nowhere/Zone"]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


# ----------------------------------------------------------------------- the lower bound


@st.composite
def plans(draw: st.DrawFn) -> tuple[Plan, dt.datetime]:
    """Any plan a student could have (statuses, snoozes, cadences, days off, deadlines), and an instant."""
    now = dt.datetime(2026, 1, 1, tzinfo=UTC) + dt.timedelta(minutes=draw(st.integers(0, 60 * 24 * 500)))
    near = st.integers(-60, 60).map(lambda days: now.date() + dt.timedelta(days=days))
    created = draw(near)
    plan = Plan(
        exam_date=created + dt.timedelta(days=draw(st.integers(1, 120))),
        study_days=draw(st.integers(1, 7)),
        nudge_time=draw(st.times()),
        tz=draw(st.sampled_from(_ZONES)),
        created=created,
        status=draw(st.sampled_from(STATUSES)),
        last_nudged=draw(st.none() | near),
        snoozed_until=draw(st.none() | st.integers(-2000, 2000).map(lambda m: now + dt.timedelta(minutes=m))),
        weekdays=draw(st.none() | st.sets(st.integers(0, 6), min_size=1).map(lambda s: tuple(sorted(s)))),
        skipped=draw(st.lists(near, max_size=4)),
        done_log={d.isoformat(): 20 for d in draw(st.lists(near, max_size=4))},
        summary_weekday=draw(st.integers(0, 6)),
        cadence=draw(st.sampled_from(CADENCES)),
        last_seen=draw(st.none() | near),
        deadlines=[Deadline(day=d, what="ERAS") for d in draw(st.lists(near, max_size=2))],
    )
    return plan, now


@settings(max_examples=examples(3000), deadline=None)
@given(plans())
def test_the_bound_is_never_later_than_the_next_check_in(knowledge: Knowledge, case: tuple[Plan, dt.datetime]) -> None:
    plan, now = case
    bound = checkins.earliest_message_at(plan.to_dict(), now, knowledge)
    exact = checkins.next_message_at(plan, now, knowledge)
    if bound is None:
        assert exact is None  # never woken: so nothing may ever be due
    elif exact is not None:
        assert bound >= now
        assert bound <= max(exact, now)  # woken no later than it would have been sent


def test_the_bound_reads_only_the_plain_stored_form(knowledge: Knowledge) -> None:
    """Anything but what Plan.to_dict writes is left to the exact path ("now"), never guessed at."""
    now = dt.datetime(2026, 1, 14, 9, tzinfo=UTC)  # 04:00 in New York
    plain = make_plan().to_dict()
    assert checkins.earliest_message_at(plain, now, knowledge) == local(DAY, SEVEN)
    odd: list[Any] = [
        [1],
        {**plain, "nudge_time": "7:00"},
        {**plain, "nudge_time": 25200},
        {**plain, "exam_date": "2026-02-30"},
        {**plain, "exam_date": "20260303"},
        {**plain, "last_nudged": "２０２６-01-13"},
        {**plain, "tz": 5},
        {**plain, "exam_date": "9999-12-31"},
    ]
    for stored in odd:
        assert checkins.earliest_message_at(stored, now, knowledge) == now, stored
    assert checkins.earliest_message_at({**plain, "status": "paused"}, now, knowledge) is None
    assert checkins.earliest_message_at({**plain, "status": ["paused"]}, now, knowledge) == local(DAY, SEVEN)


# ------------------------------------------------------- in process, on the travelled clock


def write_store(data_dir: Path, docs: dict[str, object]) -> None:
    """A store file as a bot left it (one snapshot), records given as stored."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "profiles.json").write_text(json.dumps({"profiles": docs}))


async def test_a_student_woken_early_gets_nothing_and_is_scheduled_exactly(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge
) -> None:
    early, due = 1301, 1302
    # Wednesday is not one of `early`'s study days: its bound is 07:00 today, its next nudge Thursday's.
    write_store(
        data_dir,
        {
            str(early): Profile(early, plan=make_plan(weekdays=(0, 1, 3, 4), study_days=4)).to_doc(),
            str(due): Profile(due, plan=make_plan()).to_doc(),
        },
    )
    with time_machine.travel(local(DAY, SEVEN) - LEAD, tick=True):
        async with running_bot(api, data_dir, knowledge) as bot:
            assert bot.next_nudge(early) == local(DAY, SEVEN)  # the bound
            await eventually(lambda: bot.next_nudge(early) == local(DAY + ONE_DAY, SEVEN), timeout=5)
            await eventually(lambda: len(ok_sends(api, due)) == 1)
            await asyncio.sleep(SETTLE)
            assert bot.plan(early).last_nudged is None
    assert ok_sends(api, early) == []
    assert len(ok_sends(api, due)) == 1


async def test_a_corrupt_record_due_a_nudge_is_set_aside_when_woken_and_nothing_is_sent(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge
) -> None:
    bad, good = 1401, 1402
    corrupt = {**Profile(bad, plan=make_plan()).to_doc(), "score": "high"}
    write_store(data_dir, {str(bad): corrupt, str(good): Profile(good, plan=make_plan()).to_doc()})
    with time_machine.travel(local(DAY, SEVEN) - LEAD, tick=True):
        async with running_bot(api, data_dir, knowledge) as bot:
            assert not (data_dir / "profiles.json.quarantine").exists()  # not read yet: checked when first read
            await eventually(lambda: len(ok_sends(api, good)) == 1, timeout=5)
            await eventually(lambda: (data_dir / "profiles.json.quarantine").exists())
            await asyncio.sleep(SETTLE)
            assert bot.next_nudge(bad) is None and bot.store.get(bad) == Profile(bad)
    assert ok_sends(api, bad) == []
    [kept] = [json.loads(line) for line in (data_dir / "profiles.json.quarantine").read_text().splitlines()]
    assert kept["id"] == str(bad) and kept["doc"] == corrupt and "score" in kept["reason"]


async def test_a_plan_that_may_be_due_now_is_read_and_checked_at_start(
    api: FakeBotApi, data_dir: Path, knowledge: Knowledge
) -> None:
    """Up at 15:00 with today's 07:00 nudge missed: the exact path, so it goes out at once, once."""
    user, bad = 1501, 1502
    corrupt = {**Profile(bad, plan=make_plan()).to_doc(), "specialties": 7}
    write_store(data_dir, {str(user): Profile(user, plan=make_plan()).to_doc(), str(bad): corrupt})
    with time_machine.travel(local(DAY, dt.time(15)), tick=True):
        async with running_bot(api, data_dir, knowledge) as bot:
            # Read and set aside during the restore itself, before any update is taken.
            assert (data_dir / "profiles.json.quarantine").exists()
            await eventually(lambda: len(ok_sends(api, user)) == 1)
            await eventually(lambda: bot.next_nudge(user) == local(DAY + ONE_DAY, SEVEN))
            await asyncio.sleep(SETTLE)
    assert len(ok_sends(api, user)) == 1 and ok_sends(api, bad) == []


# ------------------------------------------------------- the real bot, restarted for real


def test_a_restarted_bot_sends_each_due_plan_exactly_once_and_sets_a_corrupt_one_aside(
    api: FakeBotApi, tmp_path: Path
) -> None:
    """`python -m bot run` with 300 plans due a few seconds after it starts, one of them corrupt,
    one paused and one woken early (not a study day); then started again after the round."""
    users = range(2_000_000, 2_000_300)
    paused, early, bad = 2_100_000, 2_100_001, 2_100_002
    now = dt.datetime.now(UTC)
    due = (now + dt.timedelta(seconds=10)).replace(microsecond=0)
    due_monotonic = time.monotonic() + (due - now).total_seconds()
    today = due.date()

    def plan(**changes: Any) -> dict[str, Any]:
        base = Plan(
            exam_date=today + dt.timedelta(weeks=8),
            study_days=7,
            nudge_time=due.time(),
            tz="UTC",
            created=today - dt.timedelta(days=2),
            last_nudged=today - ONE_DAY,
        )
        return Plan.from_dict({**base.to_dict(), **changes}).to_dict()

    not_today = tuple(d for d in range(7) if d != today.weekday())
    docs: dict[str, object] = {str(u): Profile(u, plan=plan()).to_doc() for u in users}
    docs[str(paused)] = Profile(paused, plan=plan(status="paused")).to_doc()
    docs[str(early)] = Profile(early, plan=plan(weekdays=not_today, study_days=6)).to_doc()
    docs[str(bad)] = {**Profile(bad, plan=plan()).to_doc(), "plan": {**plan(), "study_days": "seven"}}
    write_store(tmp_path, docs)

    first = BotProcess(api, tmp_path, LOG_LEVEL="INFO").start()
    try:
        api.wait_for(lambda calls: {c.chat_id for c in calls if c.ok} >= set(users), method="sendMessage", timeout=60)
        time.sleep(SETTLE * 3)
    finally:
        log = first.stop()
    sends = [c for c in api.requests("sendMessage") if c.ok]
    assert sorted(c.chat_id for c in sends) == list(users)  # each once; none to the paused, early or corrupt
    assert min(c.time for c in sends) >= due_monotonic - 0.05  # none before the due instant
    assert "record 2100002 is invalid" in log
    [kept] = [json.loads(line) for line in (tmp_path / "profiles.json.quarantine").read_text().splitlines()]
    assert kept["id"] == str(bad) and kept["doc"] == docs[str(bad)]

    again = BotProcess(api, tmp_path, LOG_LEVEL="INFO").start()
    try:
        time.sleep(SETTLE * 3)
    finally:
        again.stop()
    assert len([c for c in api.requests("sendMessage") if c.ok]) == len(users)  # a restart sends none again


def test_start_up_imports_none_of_the_heavy_libraries() -> None:
    """Charts (matplotlib), training (scikit-learn), the calendar file (icalendar), PostgreSQL
    (psycopg) and the model (numpy, loaded in the background once plans are restored) load
    when first needed, not while the bot is starting."""
    code = (
        "import sys, bot.__main__, bot.telegram_app; "
        "print(' '.join(m for m in ('matplotlib', 'sklearn', 'icalendar', 'psycopg', 'numpy') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert loaded.stdout.split() == []
