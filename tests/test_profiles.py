"""The user store: memory that survives restarts, erases on request, loses no update."""

from __future__ import annotations

import json
import threading
import weakref
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from bot.plans.model import Plan, PlanDraft
from bot.profiles import RECENT_PROFILES, ProfileStore
from bot.student import Profile
from bot.user_store import UserStore

PLAN = {"exam_date": "2027-03-03", "study_days": 5, "nudge_time": "07:00:00", "tz": "UTC", "created": "2027-01-05"}
"""A stored plan as older versions wrote it: a dict, without the fields added since."""


def test_unknown_user_gets_an_empty_profile(any_store: UserStore) -> None:
    assert any_store.get(42) == Profile(42)
    assert len(any_store) == 0


def test_saved_profile_survives_a_restart(tmp_path: Path) -> None:
    first = ProfileStore.in_dir(tmp_path)
    first.save(Profile(7, score=250, specialties=("dermatology", "psychiatry"), plan=Plan.from_dict(PLAN)))
    first.close()
    again = ProfileStore.in_dir(tmp_path)
    assert again.get(7) == Profile(7, 250, ("dermatology", "psychiatry"), Plan.from_dict(PLAN))
    assert again.get(7).plan is not None
    again.close()


def test_old_dict_shaped_plans_and_drafts_are_read_into_the_models(tmp_path: Path) -> None:
    draft = {"step": "nudge_time", "exam_date": "2027-03-03", "study_days": 5, "editing": None}
    doc = {"score": 250, "specialties": ["dermatology"], "plan": PLAN, "draft": draft}
    (tmp_path / "profiles.json").write_text(json.dumps({"profiles": {"7": doc}}))
    store = ProfileStore.in_dir(tmp_path)
    profile = store.get(7)
    store.close()
    assert isinstance(profile.plan, Plan) and profile.plan.exam_date == date(2027, 3, 3)
    assert profile.plan.status == "active" and profile.plan.done_log == {} and profile.plan.skipped == []
    assert isinstance(profile.draft, PlanDraft) and profile.draft.step == "nudge_time"


def test_a_record_with_an_unreadable_plan_is_set_aside_whole(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    doc = {"score": 250, "plan": {"exam_date": "not a date"}, "draft": {"step": 5, "exam_date": []}}
    (tmp_path / "profiles.json").write_text(json.dumps({"profiles": {"7": doc, "8": {"score": 240}}}))
    store = ProfileStore.in_dir(tmp_path)
    profile, other = store.get(7), store.get(8)
    store.close()
    # Its bytes are kept in the quarantine file, not silently dropped; everyone else is served.
    assert profile == Profile(7) and other == Profile(8, score=240)
    kept = [json.loads(line) for line in (tmp_path / "profiles.json.quarantine").read_text().splitlines()]
    assert [(k["id"], k["doc"]) for k in kept] == [("7", doc)]
    logged = caplog.text
    assert "record 7 is invalid" in logged and "Plan" in logged and "not a date" not in logged


def test_save_replaces_rather_than_merges(any_store: UserStore) -> None:
    any_store.save(Profile(1, score=250, plan=PLAN))
    any_store.save(Profile(1, score=251))
    assert any_store.get(1) == Profile(1, score=251)


def test_forget_erases_only_that_user_and_persists(tmp_path: Path) -> None:
    store = ProfileStore.in_dir(tmp_path)
    store.save(Profile(1, score=250))
    store.save(Profile(2, score=240))
    assert store.forget(1) is True
    assert store.forget(1) is False
    raw = (tmp_path / "profiles.json").read_text() + (tmp_path / "profiles.json.journal").read_text()
    assert "250" not in raw  # erased from disk at once, not just hidden
    store.close()
    again = ProfileStore.in_dir(tmp_path)
    assert again.get(1) == Profile(1)
    assert again.get(2).score == 240
    again.close()


def test_a_profile_read_or_written_is_not_rebuilt_by_the_next_read(store: ProfileStore) -> None:
    store.save(Profile(1, score=250))
    first = store.get(1)
    assert store.get(1) is first  # read once: the same object, not a copy made again
    written = store.update(1, lambda p: replace(p, score=251))
    assert store.get(1) == Profile(1, score=251) != first  # a write is seen at once
    assert store.get(1) is written  # and what was written is kept, not rebuilt from its document
    kept = store.get(1)
    early: weakref.ref[Profile] | None = None
    for user in range(2, RECENT_PROFILES + 12):
        store.save(Profile(user, score=200))
        read = store.get(user)
        if early is None:
            early = weakref.ref(read)  # only the store holds it from here on
        assert store.get(1) is kept  # read all along, so never the one dropped
    # No gc.collect(): a dropped profile must be freed at once, with no reference cycle keeping it alive.
    assert early is not None and early() is None  # bounded: the store let go of the profile read longest ago
    assert store.get(2) == Profile(2, score=200)  # and rebuilds it from its record when asked again


def test_a_draft_changed_after_it_was_saved_is_not_what_is_read(store: ProfileStore) -> None:
    """A PlanDraft can change in place; the writer still holds the one it saved."""
    draft = PlanDraft("study_days", date(2027, 3, 3))
    store.save(Profile(1, draft=draft))
    draft.step = "timezone"
    assert store.get(1).draft == PlanDraft("study_days", date(2027, 3, 3))


def test_every_read_matches_the_stored_record_whatever_wrote_it(tmp_path: Path) -> None:
    store = ProfileStore.in_dir(tmp_path)
    plan = Plan.from_dict(PLAN)
    writes = [
        lambda u: store.save(Profile(u, score=200 + u)),
        lambda u: store.update(u, lambda p: replace(p, specialties=("psychiatry",))),
        lambda u: store.save_changes(store.get(u), replace(store.get(u), plan=plan)),
        lambda u: store.update(u, lambda p: replace(p, plan=replace(p.plan, status="paused")) if p.plan else p),
        lambda u: store.save_all([Profile(u, score=240)]),
        lambda u: store.update(
            u, lambda p: replace(p, draft=PlanDraft("nudge_time", date(2027, 3, 3), 5, editing=p.plan))
        ),
        lambda u: store.forget(u),
    ]
    for step in range(60):
        user = step % 4
        writes[step % len(writes)](user)  # 7 writes, 4 users: every write meets every user
        fresh = ProfileStore.in_dir(tmp_path)  # each profile as its stored record reads, built afresh
        try:
            for u in range(4):
                assert store.get(u) == fresh.get(u)
        finally:
            fresh.close()
    store.close()


def test_forget_drops_the_profile_from_memory_too(store: ProfileStore) -> None:
    store.save(Profile(1, score=250))
    read = weakref.ref(store.get(1))
    assert store.forget(1) is True
    assert read() is None  # no copy of an erased profile is kept around
    assert store.get(1) == Profile(1)


def test_concurrent_updates_lose_nothing(any_store: UserStore) -> None:
    def bump(user: int) -> None:
        any_store.update(user, lambda p: replace(p, score=(p.score or 0) + 1))

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(bump, [1, 2] * 100))
    assert any_store.get(1).score == 100
    assert any_store.get(2).score == 100


def test_all_lists_every_profile(any_store: UserStore) -> None:
    for uid in (3, 1, 2):
        any_store.save(Profile(uid, score=200 + uid))
    assert sorted(p.user_id for p in any_store.all()) == [1, 2, 3]


MARKED = {**PLAN, "status": "active", "last_nudged": "2026-01-14", "tips_used": ["a"], "done_log": {}}
"""A plan as the nudger leaves it after marking Jan 14, while a turn was thinking."""
READ = {**PLAN, "status": "active", "last_nudged": "2026-01-13", "tips_used": [], "done_log": {}}
"""The same plan as the turn read it, before the mark."""


@pytest.mark.parametrize(
    ("turn_wrote", "stored"),
    [
        pytest.param(
            Profile(1, score=250, plan=READ),
            Profile(1, score=250, plan=MARKED),
            id="new-score-keeps-the-nudge-mark",
        ),
        pytest.param(
            Profile(1, plan={**READ, "done_log": {"2026-01-14": 40}}),
            Profile(1, plan={**MARKED, "done_log": {"2026-01-14": 40}}),
            id="done-logged-keeps-the-nudge-mark",
        ),
        pytest.param(
            Profile(1, plan={**READ, "status": "paused"}),
            Profile(1, plan={**MARKED, "status": "paused"}),
            id="pause-keeps-the-nudge-mark",
        ),
    ],
)
def test_a_turn_writes_only_what_it_changed(any_store: UserStore, turn_wrote: Profile, stored: Profile) -> None:
    read = Profile(1, plan=READ)
    any_store.save(read)
    any_store.save(Profile(1, plan=MARKED))  # the nudger, between the turn's read and its write
    any_store.save_changes(read, turn_wrote)
    assert any_store.get(1) == stored and stored.plan is not None


def test_a_turn_does_not_bring_back_a_plan_erased_meanwhile(any_store: UserStore) -> None:
    read = Profile(1, score=240, plan=READ)
    any_store.save(read)
    any_store.forget(1)
    any_store.save_changes(read, replace(read, plan={**READ, "status": "paused"}))
    assert any_store.get(1).plan is None


def test_a_new_plan_is_written_whole(any_store: UserStore) -> None:
    read = Profile(1, score=240)
    any_store.save(read)
    any_store.save_changes(read, replace(read, plan=READ, draft=None))
    assert any_store.get(1) == Profile(1, score=240, plan=READ)


def test_save_all_writes_many_profiles_in_one_durable_snapshot(tmp_path: Path) -> None:
    store = ProfileStore.in_dir(tmp_path)
    store.save(Profile(1, score=230))
    many = [Profile(uid, score=200 + uid % 60, specialties=("radiology",)) for uid in range(2, 1002)]
    store.save_all(many)
    assert (tmp_path / "profiles.json.journal").stat().st_size == 0  # all in the snapshot
    store.close()
    reopened = ProfileStore.in_dir(tmp_path)
    assert len(reopened) == 1001
    assert reopened.get(1).score == 230 and reopened.get(500) == many[498]
    assert sorted(p.user_id for p in reopened.all()) == list(range(1, 1002))
    reopened.close()


def test_writes_while_appending_wait_for_a_sync_and_other_threads_stay_durable(tmp_path: Path) -> None:
    store = ProfileStore.in_dir(tmp_path)
    with store.appending():
        store.update(7, lambda p: replace(p, score=241))
        assert store.get(7).score == 241
        assert store.synced < store.appended  # in the journal, not yet fsync'd
        # Another thread's write returns durable, as always (and its fsync covers ours too).
        other = threading.Thread(target=store.update, args=(8, lambda p: replace(p, score=250)))
        other.start()
        other.join()
        assert store.synced == store.appended
        store.update(7, lambda p: replace(p, score=243))
        assert store.synced < store.appended
        unchanged = store.appended
        store.update(7, lambda p: p)  # no change: nothing appended, nothing to wait for
        assert store.appended == unchanged
    store.sync()
    assert store.synced == store.appended
    store.close()
    reopened = ProfileStore.in_dir(tmp_path)
    assert (reopened.get(7).score, reopened.get(8).score) == (243, 250)


def test_forget_also_erases_a_users_quarantined_record(tmp_path: Path) -> None:
    records = {"7": {"score": "not a number"}, "8": {"score": "x"}, "9": {"score": 240}}
    (tmp_path / "profiles.json").write_text(json.dumps({"profiles": records}))
    store = ProfileStore.in_dir(tmp_path)
    assert store.get(7) == Profile(7) and store.get(8) == Profile(8)  # their first reads set both aside
    assert store.forget(7)  # only a quarantined record was left, and it counts
    assert not store.forget(7)
    store.close()
    kept = [json.loads(line)["id"] for line in (tmp_path / "profiles.json.quarantine").read_text().splitlines()]
    assert kept == ["8"]
