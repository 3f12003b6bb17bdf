"""The journaled TinyDB storage: durable, atomic, and crash-safe at any instant."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tinydb import TinyDB

from bot.storage import JournaledStorage


def open_db(path: Path, **kwargs: int) -> TinyDB:
    return TinyDB(path, storage=JournaledStorage, **kwargs)


def journaled(db: TinyDB) -> JournaledStorage:
    """The database's storage, as the JournaledStorage it is."""
    storage = db.storage
    assert isinstance(storage, JournaledStorage)
    return storage


def test_data_survives_reopen_and_file_is_plain_tinydb(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = open_db(path)
    db.table("t").insert({"a": 1})
    db.close()
    # A snapshot is ordinary TinyDB JSON: the stock storage can read it.
    reopened = open_db(path)
    assert reopened.table("t").all() == [{"a": 1}]
    reopened.close()
    assert json.loads(path.read_text()) == {"t": {"1": {"a": 1}}}


def test_touching_appends_one_journal_line_instead_of_a_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = open_db(path)
    storage = journaled(db)
    table = db.table("t")
    table.insert({"n": 0})
    snapshot_before = path.read_bytes()
    with storage.touching("t", 1):
        table.update({"n": 1}, doc_ids=[1])
    assert path.read_bytes() == snapshot_before
    lines = storage.journal_path.read_text().splitlines()
    assert [json.loads(line) for line in lines] == [["t", "1", {"n": 1}]]
    db.close()
    assert open_db(path).table("t").get(doc_id=1) == {"n": 1}


def test_torn_journal_tail_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = open_db(path)
    storage = journaled(db)
    db.table("t").insert({"v": "old"})
    db.close()
    # A crash mid-append leaves half a line behind.
    with storage.journal_path.open("a") as f:
        f.write('["t", "1", {"v": "ne')
    assert open_db(path).table("t").get(doc_id=1) == {"v": "old"}


def test_leftover_temp_file_from_a_crashed_snapshot_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = open_db(path)
    db.table("t").insert({"v": "old"})
    db.close()
    (tmp_path / ".db.json.tmp").write_text('{"t": {"1": {"v": "half-writ')
    assert open_db(path).table("t").get(doc_id=1) == {"v": "old"}


def test_journal_is_compacted_into_the_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = open_db(path, compact_after=3)
    storage = journaled(db)
    table = db.table("t")
    table.insert({"n": 0})
    for n in range(1, 6):
        with storage.touching("t", 1):
            table.update({"n": n}, doc_ids=[1])
    assert len(storage.journal_path.read_text().splitlines()) < 3
    assert json.loads(path.read_text())["t"]["1"]["n"] >= 3
    db.close()
    assert open_db(path).table("t").get(doc_id=1) == {"n": 5}


def test_compaction_waits_for_as_many_lines_as_there_are_documents(tmp_path: Path) -> None:
    """A snapshot rewrites every document, so it comes only after as many appends: writing
    N users costs O(N) in snapshots, not one ever-larger snapshot every few thousand writes."""
    path = tmp_path / "db.json"
    db = open_db(path, compact_after=3)
    storage = journaled(db)
    table = db.table("t")
    table.insert_multiple({"n": 0} for _ in range(10))  # no `touching`: a snapshot of 10 documents

    def snapshot_after_update() -> bool:
        before = path.stat().st_mtime_ns, path.stat().st_ino
        with storage.touching("t", 1):
            table.update({"n": 1}, doc_ids=[1])
        return (path.stat().st_mtime_ns, path.stat().st_ino) != before

    assert [snapshot_after_update() for _ in range(11)] == [False] * 10 + [True]
    db.close()


def test_files_are_private(tmp_path: Path) -> None:
    db = open_db(tmp_path / "db.json")
    db.table("t").insert({"a": 1})
    db.close()
    for name in ("db.json", "db.json.journal"):
        assert (tmp_path / name).stat().st_mode & 0o077 == 0, name


WRITER = """
import sys
import pytest
from tinydb import TinyDB
from bot.storage import JournaledStorage
db = TinyDB(sys.argv[1], storage=JournaledStorage, compact_after=int(sys.argv[2]))
table = db.table("t")
storage = db.storage
if not table.contains(doc_id=1):
    table.insert({"n": 0, "pad": "x" * 2000, "check": 0})
print("ready", flush=True)
n = table.get(doc_id=1)["n"]
while True:
    n += 1
    with storage.touching("t", 1):
        table.update({"n": n, "check": n * 7}, doc_ids=[1])
    storage.sync()
"""


@pytest.mark.e2e  # writer processes, killed
def test_killing_the_writer_at_any_instant_leaves_a_whole_document(tmp_path: Path) -> None:
    """SIGKILL a process mid-writes, again and again: every reopen sees a consistent document."""
    path = tmp_path / "db.json"
    seen = -1
    for round_ in range(6):
        # Small compact_after so kills also land inside snapshot rewrites.
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), "7"],
            stdout=subprocess.PIPE,
            cwd=Path(__file__).resolve().parents[1],
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(0.05 + 0.03 * round_)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        db = open_db(path)
        doc = db.table("t").get(doc_id=1)
        db.close()
        assert doc is not None
        assert doc["check"] == doc["n"] * 7 and doc["pad"] == "x" * 2000
        assert doc["n"] >= seen  # durable: nothing acknowledged is ever lost
        seen = doc["n"]
    assert seen > 0


def test_concurrent_writers_share_fsyncs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Group commit: one fsync covers every line appended before it."""
    from concurrent.futures import ThreadPoolExecutor

    from bot.profiles import ProfileStore
    from bot.student import Profile

    store = ProfileStore.in_dir(tmp_path)
    fsyncs = 0
    real_fsync = os.fsync

    def counting_fsync(fd: int) -> None:
        nonlocal fsyncs
        fsyncs += 1
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", counting_fsync)
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda uid: store.save(Profile(uid, score=200 + uid % 90)), range(1, 401)))
    assert store.durable_writes == 400
    assert fsyncs < 400
    store.close()
    again = ProfileStore.in_dir(tmp_path)
    assert [again.get(uid).score for uid in (1, 250, 400)] == [201, 270, 240]
    again.close()


def test_a_journal_write_is_durable_only_after_sync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_db(tmp_path / "db.json")
    storage = journaled(db)
    db.table("t").insert({"n": 0})
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd))
    with storage.touching("t", 1):
        db.table("t").update({"n": 1}, doc_ids=[1])
    assert synced == []
    storage.sync()
    assert len(synced) == 1
    storage.sync()  # nothing new: no second fsync
    assert len(synced) == 1


def test_writes_are_utf8_json_in_the_snapshot_and_the_journal(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = open_db(path)
    storage = journaled(db)
    table = db.table("t")
    table.insert({"name": "José 😊", "score": 248})
    with storage.touching("t", 1):
        table.update({"name": "Zoë 🎉"}, doc_ids=[1])
    db.close()
    # Readable by any JSON reader, and UTF-8 as written (not \u escapes).
    assert "José 😊".encode() in path.read_bytes()
    assert "Zoë 🎉".encode() in storage.journal_path.read_bytes()
    assert json.loads(path.read_text(encoding="utf-8")) == {"t": {"1": {"name": "José 😊", "score": 248}}}


def test_values_the_fast_encoder_refuses_still_journal_compact_and_reopen(tmp_path: Path) -> None:
    """A hand-edited or older store may hold an integer past 64 bits or a lone surrogate: the
    standard library reads them, so every write after must still go through."""
    path = tmp_path / "db.json"
    path.write_text('{"t": {"1": {"big": 18446744073709551616, "name": "ms3 \\ud83d"}}}', encoding="utf-8")
    db = open_db(path, compact_after=3)
    storage = journaled(db)
    table = db.table("t")
    for n in range(5):  # journal lines, then a compaction rewriting record 1 as it was
        with storage.touching("t", 1):
            table.update({"n": n}, doc_ids=[1])
    db.close()
    assert open_db(path).table("t").get(doc_id=1) == {"big": 2**64, "name": "ms3 \ud83d", "n": 4}
