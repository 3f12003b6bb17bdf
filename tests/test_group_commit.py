"""Store writes made on the event loop: durable before `run` returns, fsyncs shared, slow writes off the loop."""

from __future__ import annotations

import asyncio
import functools
import os
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot import storage
from bot.group_commit import GroupCommit
from bot.profiles import Profile, ProfileStore


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
    users = range(1, 41)
    results = await asyncio.gather(*(commit.run(functools.partial(score, u, 200 + u, store)) for u in users))

    assert [p.score for p in results] == [200 + u for u in users]
    assert store.synced == store.appended  # every write on disk before its turn returned
    assert 1 <= len(fsyncs) < len(users) / 4  # one fsync covers every write appended before it
    store.close()
    assert ProfileStore.in_dir(tmp_path).get(40).score == 240


async def test_a_turn_that_writes_nothing_does_not_wait_for_the_disk(store: ProfileStore, fsyncs: list[int]) -> None:
    commit = GroupCommit(store)
    assert (await commit.run(lambda: store.get(5))).score is None
    assert fsyncs == []


async def test_work_runs_on_the_loop_but_a_compacting_write_goes_to_a_thread(
    store: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    commit = GroupCommit(store)
    loop_thread = threading.get_ident()

    def where() -> int:
        score(1, 230, store)
        return threading.get_ident()

    assert await commit.run(where) == loop_thread
    monkeypatch.setattr(storage.JournaledStorage, "compaction_due", property(lambda self: True))
    assert await commit.run(where) != loop_thread  # a snapshot rewrite takes seconds at 100,000 users
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
