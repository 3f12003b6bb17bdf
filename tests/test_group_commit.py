"""Store writes made on the event loop: durable before `run` returns, fsyncs shared, slow writes off the loop."""

from __future__ import annotations

import asyncio
import functools
import itertools
import os
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot import storage
from bot.group_commit import GroupCommit
from bot.profiles import ProfileStore
from bot.student import Profile


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProfileStore]:
    opened = ProfileStore.in_dir(tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the store's fsyncs (each one still happens)."""
    calls: list[int] = []
    real = os.fsync

    def counting(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", counting)  # the os module bot.storage calls
    return calls


def score(user_id: int, value: int, store: ProfileStore) -> Profile:
    return store.update(user_id, lambda p: replace(p, score=value))


async def test_many_turns_at_once_are_each_durable_and_share_few_fsyncs(
    store: ProfileStore, fsyncs: list[int], tmp_path: Path
) -> None:
    commit = GroupCommit(store)

    def turn(user_id: int) -> tuple[Profile, int]:
        return score(user_id, 200 + user_id, store), store.appended  # the write's place in the journal

    async def one(user_id: int) -> Profile:
        profile, written = await commit.run(functools.partial(turn, user_id))
        assert store.synced >= written  # on disk the moment this turn's run returned
        return profile

    users = range(1, 41)
    results = await asyncio.gather(*(one(u) for u in users))

    assert [p.score for p in results] == [200 + u for u in users]
    assert 1 <= len(fsyncs) < len(users) / 4  # one fsync covers every write appended before it
    store.close()
    assert ProfileStore.in_dir(tmp_path).get(40).score == 240


async def test_a_turn_that_writes_nothing_does_not_wait_for_the_disk(store: ProfileStore, fsyncs: list[int]) -> None:
    commit = GroupCommit(store)
    assert (await commit.run(lambda: store.get(5))).score is None
    assert fsyncs == []


async def test_work_runs_on_the_loop_but_a_turn_that_may_compact_goes_to_a_thread(store: ProfileStore) -> None:
    commit = GroupCommit(store)
    loop_thread = threading.get_ident()

    runs = itertools.count()

    def two_writes() -> int:  # a turn can write twice: the second may be the one that compacts
        n = next(runs)
        score(1, 230 + n, store)
        score(2, 240 + n, store)
        return threading.get_ident()

    assert await commit.run(two_writes) == loop_thread
    with store.appending():  # fill the journal to one line short of a compaction
        for i in range(storage.COMPACT_AFTER - 1 - store.appended):
            score(10 + i % 100, 200 + i % 60, store)
    journal = store.path.with_name(store.path.name + ".journal")
    assert journal.stat().st_size > 0
    assert await commit.run(two_writes) != loop_thread  # a snapshot rewrite takes seconds at 100,000 users
    assert journal.stat().st_size < 200  # it did compact: the journal starts again after the snapshot
    assert store.synced == store.appended


async def test_one_waiter_cancelled_leaves_the_shared_fsync_to_the_others(store: ProfileStore) -> None:
    commit = GroupCommit(store)
    started, release = threading.Event(), threading.Event()
    real_sync = store.sync

    def slow_sync() -> None:
        started.set()
        release.wait(5)
        real_sync()

    store.sync = slow_sync  # type: ignore[method-assign]
    first = asyncio.create_task(commit.run(lambda: score(1, 231, store)))
    second = asyncio.create_task(commit.run(lambda: score(2, 232, store)))
    assert await asyncio.to_thread(started.wait, 5)  # the shared fsync is under way
    first.cancel()
    release.set()
    assert (await second).score == 232
    with pytest.raises(asyncio.CancelledError):
        await first
    assert store.synced == store.appended
