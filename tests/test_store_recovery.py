"""Damaged user-store files: nothing recoverable is destroyed, one bad record never stops the bot."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.profiles import ProfileStore
from bot.storage import StoreError, scan
from bot.student import Profile
from tests.bot_process import REPO


def seeded(data_dir: Path) -> ProfileStore:
    """A store with user 1 in the snapshot and user 2 (and a change to 1) in the journal."""
    store = ProfileStore.in_dir(data_dir)
    store.save(Profile(1, score=250))
    store.close()
    store = ProfileStore.in_dir(data_dir)  # folds the journal into the snapshot
    store.save(Profile(2, score=240))
    store.save(Profile(3, score=230))
    store.close()
    return store


def aside(data_dir: Path, name: str) -> list[Path]:
    return sorted(data_dir.glob(f"{name}.damaged-*"))


def run_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BOT_DATA_DIR": str(data_dir)}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.e2e  # the CLI as a process
@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda b: b[: len(b) // 2], "half a snapshot"),
        (lambda b: b"\x00\xffgarbage" + b, "garbage"),
        (lambda b: b"", "empty"),
        (lambda b: b"[1, 2]", "not an object of tables"),
        (lambda b: b'{"profiles": 5}', "a table that is not an object"),
    ],
)
def test_damaged_snapshot_refuses_with_one_line_naming_the_file(tmp_path: Path, damage, reason: str) -> None:  # type: ignore[no-untyped-def]
    store = ProfileStore.in_dir(tmp_path)
    store.save(Profile(1, score=250))
    store.close()
    ProfileStore.in_dir(tmp_path).close()  # journal folded: user 1 lives in the snapshot
    snapshot = tmp_path / "profiles.json"
    snapshot.write_bytes(damage(snapshot.read_bytes()))
    damaged = snapshot.read_bytes()
    with pytest.raises(StoreError) as err:
        ProfileStore.in_dir(tmp_path)
    message = str(err.value)
    assert "profiles.json" in message and "line" in message and "store check --repair" in message
    assert "\n" not in message
    assert snapshot.read_bytes() == damaged, reason  # nothing touched until asked

    # Through the door a user meets: one line on stderr, no traceback, exit 2.
    result = run_cli(tmp_path, "ask", "hi")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "profiles.json" in result.stderr


@pytest.mark.e2e  # the CLI as a process
def test_empty_snapshot_next_to_a_journal_refuses_then_repair_keeps_both(tmp_path: Path) -> None:
    seeded(tmp_path)
    store = ProfileStore.in_dir(tmp_path)
    store.save(Profile(4, score=220))  # lives in the journal only
    store.close()
    snapshot = tmp_path / "profiles.json"
    original = snapshot.read_bytes()
    snapshot.write_bytes(b"")
    with pytest.raises(StoreError, match=r"profiles\.json"):
        ProfileStore.in_dir(tmp_path)
    result = run_cli(tmp_path, "store", "check", "--repair")
    assert result.returncode == 0, result.stderr
    assert aside(tmp_path, "profiles.json")  # the empty file is kept aside, not deleted
    repaired = ProfileStore.in_dir(tmp_path)
    assert repaired.get(4).score == 220  # the journal's users are served
    repaired.close()
    assert original  # the snapshot's users were in bytes the operator can restore


def test_missing_snapshot_next_to_a_journal_refuses(tmp_path: Path) -> None:
    store = ProfileStore.in_dir(tmp_path)
    store.save(Profile(1, score=250))
    store.close()
    ProfileStore.in_dir(tmp_path).close()
    store = ProfileStore.in_dir(tmp_path)
    store.save(Profile(2, score=240))
    store.close()
    (tmp_path / "profiles.json").unlink()
    with pytest.raises(StoreError, match=r"profiles.json, line 1: the snapshot is missing"):
        ProfileStore.in_dir(tmp_path)


def test_a_fresh_store_writes_a_snapshot_at_once(tmp_path: Path) -> None:
    """So a missing snapshot next to a journal always means a lost file, never a new store."""
    store = ProfileStore.in_dir(tmp_path)
    store.save(Profile(1, score=250))
    assert json.loads((tmp_path / "profiles.json").read_text()) == {}
    store.close()


def test_damaged_middle_journal_line_is_kept_aside_and_the_rest_served(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    seeded(tmp_path)
    store = ProfileStore.in_dir(tmp_path)
    store.save(Profile(5, score=210))
    store.save(Profile(6, score=200))
    store.save(Profile(7, score=190))
    store.close()
    journal = tmp_path / "profiles.json.journal"
    lines = journal.read_bytes().split(b"\n")
    lines[1] = lines[1][:10] + b"#%!" + lines[1][14:]
    journal.write_bytes(b"\n".join(lines))
    damaged = journal.read_bytes()
    with caplog.at_level(logging.WARNING):
        store = ProfileStore.in_dir(tmp_path)
    assert [store.get(uid).score for uid in (1, 2, 3, 5, 7)] == [250, 240, 230, 210, 190]
    store.close()
    [kept] = aside(tmp_path, "profiles.json.journal")
    assert kept.read_bytes() == damaged  # every byte, the bad line included
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "line 2" in warnings[0] and kept.name in warnings[0]


@pytest.mark.parametrize("line", [b"5", b'["profiles","1",7]', b'["profiles","x",{}]', b'{"a": 1}', b"[1,2,3,4]"])
def test_wrong_shaped_journal_line_is_set_aside_and_the_bot_keeps_starting(tmp_path: Path, line: bytes) -> None:
    seeded(tmp_path)
    journal = tmp_path / "profiles.json.journal"
    journal.write_bytes(journal.read_bytes() + line + b"\n" + b'["profiles","8",{"score":260}]\n')
    store = ProfileStore.in_dir(tmp_path)
    assert [store.get(uid).score for uid in (1, 2, 3, 8)] == [250, 240, 230, 260]
    store.close()
    assert aside(tmp_path, "profiles.json.journal")
    # And it keeps starting: the bad line never reached the snapshot.
    again = ProfileStore.in_dir(tmp_path)
    assert len(again) == 4
    again.close()


@pytest.mark.parametrize(
    "doc",
    [5, "text", None, {"score": "high"}, {"specialties": 7}, {"plan": [1]}, {"score": True}],
)
def test_a_bad_record_is_set_aside_with_one_line_and_everyone_else_served(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, doc: object
) -> None:
    seeded(tmp_path)
    snapshot = tmp_path / "profiles.json"
    data = json.loads(snapshot.read_text())
    data["profiles"]["9"] = doc
    snapshot.write_text(json.dumps(data))
    with caplog.at_level(logging.WARNING):
        store = ProfileStore.in_dir(tmp_path)
    assert store.get(9) == Profile(9)
    assert [store.get(uid).score for uid in (1, 2, 3)] == [250, 240, 230]
    assert len(list(store.all())) == 3
    store.close()
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "9" in warnings[0]
    [quarantine] = [json.loads(x) for x in (tmp_path / "profiles.json.quarantine").read_text().splitlines()]
    assert quarantine["id"] == "9" and quarantine["doc"] == doc
    # Out of the store as the next open reads it: a journal line deletes it (the snapshot's copy
    # goes at the next compaction; rewriting 100,000 students' snapshot then and there took seconds).
    assert "9" not in scan(snapshot).data["profiles"]


@pytest.mark.e2e  # the CLI as a process
def test_store_check_reports_and_repair_sets_aside(tmp_path: Path) -> None:
    seeded(tmp_path)
    snapshot = tmp_path / "profiles.json"
    snapshot.write_bytes(snapshot.read_bytes()[:-7])
    before = {p.name: p.read_bytes() for p in tmp_path.glob("profiles*")}
    check = run_cli(tmp_path, "store", "check")
    assert check.returncode == 1
    assert "profiles.json" in check.stdout and "line 1" in check.stdout
    assert {p.name: p.read_bytes() for p in tmp_path.glob("profiles*")} == before  # a check changes nothing
    repair = run_cli(tmp_path, "store", "check", "--repair")
    assert repair.returncode == 0, repair.stderr
    assert "set aside" in repair.stdout
    assert aside(tmp_path, "profiles.json")
    again = run_cli(tmp_path, "store", "check")
    assert again.returncode == 0 and "OK" in again.stdout
    store = ProfileStore.in_dir(tmp_path)
    assert store.get(2).score == 240  # the journal's users survived the repair
    store.close()


@pytest.mark.e2e  # the CLI as a process
def test_store_check_on_a_healthy_store(tmp_path: Path) -> None:
    seeded(tmp_path)
    result = run_cli(tmp_path, "store", "check")
    assert result.returncode == 0
    assert "3 users" in result.stdout


@pytest.mark.e2e  # the CLI as a process
def test_store_check_names_bad_journal_lines_and_records_and_repair_sets_them_aside(tmp_path: Path) -> None:
    seeded(tmp_path)
    journal = tmp_path / "profiles.json.journal"
    bad = b'5\n["profiles","4",{"score":"high"}]\n["profiles","5",{"score":205}]\n'
    journal.write_bytes(journal.read_bytes() + bad)
    check = run_cli(tmp_path, "store", "check")
    assert check.returncode == 1
    assert "profiles.json.journal, line 3" in check.stdout and "record 4" in check.stdout
    repair = run_cli(tmp_path, "store", "check", "--repair")
    assert repair.returncode == 0, repair.stderr
    assert aside(tmp_path, "profiles.json.journal") and (tmp_path / "profiles.json.quarantine").exists()
    assert run_cli(tmp_path, "store", "check").returncode == 0
    store = ProfileStore.in_dir(tmp_path)
    assert [store.get(uid).score for uid in (1, 2, 3, 4, 5)] == [250, 240, 230, None, 205]
    store.close()
