"""Per-user memory: the store that keeps each `bot.student.Profile`, erasable on request.

One TinyDB file under BOT_DATA_DIR, separate from the knowledge, with the Telegram
user id as the document id so a read is a single dict lookup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB

from bot.plans.model import Plan, PlanDraft, plan_changes
from bot.storage import Data, JournaledStorage, write_atomically
from bot.student import About, Profile

T = TypeVar("T")
TABLE = "profiles"
RECENT_PROFILES = 1024
"""Profiles kept as read or written (see `ProfileStore._recent`): the students in conversation at once."""

log = logging.getLogger(__name__)


@dataclass
class ProfileStore:
    """Thread-safe user store: reads from memory, every write durable and atomic."""

    path: Path
    _db: TinyDB = field(init=False, repr=False)
    _storage: JournaledStorage = field(init=False, repr=False)
    _lock: threading.Lock = field(init=False, repr=False, default_factory=threading.Lock)

    repair: bool = False
    """Move a damaged snapshot aside instead of refusing to open (`store check --repair`)."""
    set_aside: list[Path] = field(init=False, default_factory=list)
    """Files and records this open set aside."""
    _appending: threading.local = field(init=False, repr=False, default_factory=threading.local)
    """Per thread: `.on` is True inside `appending`, where writes skip their fsync."""
    _recent: OrderedDict[int, tuple[dict[str, Any], Profile]] = field(
        init=False, repr=False, default_factory=OrderedDict
    )
    """User id -> (stored document, the profile read from it or written as it), for the users
    read or written most recently. A turn reads a profile, then reads it again to write its
    changes, and the student's next message reads what that wrote; a stored document is
    replaced on every write, never changed in place, so the same object means the same profile.
    Every reader gets the same Profile, so none may change it in place: Profile and Plan are
    frozen, and plan_flow edits a copy of a draft. A profile written with a draft (a mutable
    PlanDraft) is not kept: its writer still holds that draft."""

    def __post_init__(self) -> None:
        self._db = TinyDB(self.path, storage=JournaledStorage, repair=self.repair)
        storage = self._db.storage
        assert isinstance(storage, JournaledStorage)  # noqa: S101  # TinyDB types it as the base class
        self._storage = storage
        self.set_aside.extend(storage.set_aside)
        self._set_aside_unreachable()
        self._table = self._db.table(TABLE, cache_size=0)

    @property
    def quarantine_path(self) -> Path:
        """Where records that fail validation are kept, one JSON line each."""
        return self.path.with_name(self.path.name + ".quarantine")

    def _set_aside_unreachable(self) -> None:
        """At open, set aside the records no read would ever reach: ids that aren't numbers, and
        values that aren't objects. The rest are checked strictly when first read (`_read`).

        Checking every record at open (pydantic for each plan) was 1.6 s of a 4.5 s start-up at
        100,000 students; a record is as safe checked on its first read, which is the first time
        its contents could reach a student, a nudge or a write over it.
        """
        rows = self._storage.read().get(TABLE, {})
        bad = {
            doc_id: (_unreachable(doc_id, doc), doc)
            for doc_id, doc in rows.items()
            if not (doc_id.isdecimal() and isinstance(doc, dict))
        }
        if bad:
            self._quarantine(bad)

    def _quarantine(self, bad: dict[str, tuple[str, object]], *, remove: bool = True) -> None:
        """Keep each record in the quarantine file, durably, then take it out of the store.

        `bad` maps a document id to (why, the document); the caller holds the lock, or is opening
        the store. With `remove` False the caller is about to write over the record instead.
        """
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        lines = [
            json.dumps({"at": stamp, "id": doc_id, "reason": why, "doc": doc}) for doc_id, (why, doc) in bad.items()
        ]
        # Kept (durably) before it leaves the store, so a crash between the two loses nothing.
        fd = os.open(self.quarantine_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, ("\n".join(lines) + "\n").encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        if self.quarantine_path not in self.set_aside:
            self.set_aside.append(self.quarantine_path)
        data = self._storage.read()
        rows = data.get(TABLE, {})
        removed = []
        for doc_id, (why, doc) in bad.items():
            log.warning(
                "user store: record %s is invalid (%s); set aside in %s", doc_id, why, self.quarantine_path.name
            )
            if doc_id.isdecimal():
                self._recent.pop(int(doc_id), None)
            if remove and rows.get(doc_id) is doc:  # not written over meanwhile (all() checks outside the lock)
                del rows[doc_id]
                removed.append(doc_id)
        if not removed:
            return
        if all(doc_id.isdecimal() for doc_id in removed):
            # One journal line each (a deletion), made durable here: a full snapshot would take
            # seconds at 100,000 students, and this may run on the event loop, in a turn's read.
            with self._storage.touching(TABLE, *removed):
                self._storage.write(data)
            self._storage.sync()
        else:
            self._storage.write(data)  # an id a journal line can't name: a full snapshot (at open only)

    @classmethod
    def in_dir(cls, data_dir: Path) -> ProfileStore:
        """Open (or create) the store file inside `data_dir`."""
        return cls(data_dir / "profiles.json")

    def get(self, user_id: int) -> Profile:
        """The user's profile, or an empty one for a user we have never seen."""
        # The lock is uncontended almost always; it keeps a reader in one thread from
        # seeing a document that a writer in another is halfway through replacing.
        with self._lock:
            return self._read(user_id)

    def save(self, profile: Profile) -> None:
        """Store the whole profile, replacing what was there; durable when this returns."""
        with self._lock:
            written = self._put(profile)
        self._sync(written)  # outside the lock, so concurrent writers share fsyncs

    def save_all(self, profiles: Iterable[Profile]) -> None:
        """Store many profiles in one durable write (one snapshot): for imports and benchmarks,
        where a journal line and an fsync each would cost minutes at 100,000 users."""
        with self._lock:
            data = self._storage.read()
            rows = data.setdefault(TABLE, {})
            replaced: dict[str, tuple[str, object]] = {}
            for profile in profiles:
                doc_id = str(profile.user_id)
                self._keep_if_bad(profile.user_id, rows.get(doc_id), replaced)
                rows[doc_id] = profile.to_doc()
            if replaced:
                self._quarantine(replaced, remove=False)
            self._storage.write(data)

    def update(self, user_id: int, change: Callable[[Profile], Profile]) -> Profile:
        """Read, change and write one profile under the lock, so no update is lost."""
        with self._lock:
            before = self._read(user_id)
            after = change(before)
            written = self._put(after) if after != before else 0
        self._sync(written)
        return after

    def _sync(self, written: int) -> None:
        if not getattr(self._appending, "on", False):
            self._storage.sync(written)

    @contextlib.contextmanager
    def appending(self) -> Iterator[None]:
        """Within this block, this thread's `save` and `update` return before their fsync.

        Their change is in memory and its journal line written, but a crash could still lose
        it until `synced` reaches `appended`: a caller acknowledges nothing before then. This
        is group commit: one fsync (`sync`) then covers every write appended meanwhile, from
        any thread. Other threads' writes stay durable on return, as always.
        """
        self._appending.on = True
        try:
            yield
        finally:
            self._appending.on = False

    @contextlib.contextmanager
    def deferring_sync(self) -> Iterator[None]:
        """`appending`, then one fsync on leaving: for a caller that answers a batch at the end (the JSON CLI)."""
        try:
            with self.appending():
                yield
        finally:
            self._storage.sync()

    def sync(self) -> None:
        """Make every write so far durable (blocks for an fsync unless one covered them)."""
        self._storage.sync()

    def run_turn(self, user_id: int, work: Callable[[], T]) -> T:
        """Just `work()`: one process holds the file (bot.lock), and orders each student's turns itself."""
        return work()

    @property
    def appended(self) -> int:
        """Writes appended to the journal so far, durable or not (compare with `synced`)."""
        return self._storage.appended

    @property
    def synced(self) -> int:
        """Writes made durable so far, in the numbering of `appended`."""
        return self._storage.synced

    def compaction_within(self, writes: int) -> bool:
        """True when one of the next `writes` writes rewrites the whole snapshot (seconds at 100,000 users)."""
        return self._storage.compaction_within(writes)

    def save_changes(self, before: Profile, after: Profile) -> Profile:
        """Write what `after` changed relative to `before` onto the stored profile.

        A turn reads a profile, thinks, then writes; meanwhile the nudger may have marked
        today's nudge in the plan. Writing the whole profile back would undo that mark
        (and the nudge would go out twice), so only the fields, and plan keys, the turn
        itself changed are written. A plan erased meanwhile is not brought back.
        """
        return self.update(before.user_id, lambda current: merge_changes(before, after, current))

    def forget(self, user_id: int) -> bool:
        """Erase everything stored about a user; True when there was something."""
        # No `touching` here on purpose: a full snapshot also empties the journal,
        # so the erased data is gone from disk too, not just superseded.
        with self._lock:
            data = self._storage.read()
            stored = data.get(TABLE, {}).pop(str(user_id), None) is not None
            self._recent.pop(user_id, None)  # erased means erased from memory too
            if stored:
                self._storage.write(data)
            return self._forget_quarantined(str(user_id)) or stored

    def _forget_quarantined(self, doc_id: str) -> bool:
        """Drop a user's records from the quarantine file too: /forget means all of it."""
        path = self.quarantine_path
        if not path.exists():
            return False
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
        kept = [line for line in lines if _quarantined_id(line) != doc_id]
        if len(kept) == len(lines):
            return False
        write_atomically(path, "".join(kept).encode())
        return True

    def all(self) -> Iterator[Profile]:
        """Every stored profile, each checked strictly; a record that fails is set aside, not yielded."""
        # Straight from the storage's dict: TinyDB's Table.all() wraps each document in a
        # Document first. Checked outside the lock (seconds at 100,000 students, and turns on
        # the event loop wait for the lock); a record written over meanwhile is not set aside.
        with self._lock:
            docs = list(self._storage.read().get(TABLE, {}).items())
        good: list[Profile] = []
        bad: dict[str, tuple[str, object]] = {}
        for doc_id, doc in docs:
            loaded = load_record(doc_id, doc)
            if isinstance(loaded, str):
                bad[doc_id] = (loaded, doc)
            else:
                good.append(loaded)
        if bad:
            with self._lock:
                self._quarantine(bad)
        yield from good

    def stored_plans(self) -> list[tuple[int, object]]:
        """(user id, plan exactly as stored) for every record with a plan, not checked yet.

        For scheduling every plan at start (`bot.nudges.Nudger.restore`), which reads only a
        few fields and needs no validated Plan for most students: validating 100,000 plans at
        start took longer than the rest of start-up together. A plan is checked strictly when
        its record is first read, as every record is (`_read`).
        """
        with self._lock:
            rows = self._storage.read().get(TABLE, {})
            return [(int(doc_id), plan) for doc_id, doc in rows.items() if (plan := doc.get("plan")) is not None]

    @property
    def durable_writes(self) -> int:
        """Writes made durable since the store was opened."""
        return self._storage.durable_writes

    def __len__(self) -> int:
        """Records stored, counting any not read since open that a first read would set aside."""
        with self._lock:
            return len(self._table)

    def close(self) -> None:
        """Close the file handles; all writes were already durable."""
        self._db.close()

    def _read(self, user_id: int) -> Profile:
        """The user's profile (caller holds the lock), rebuilt from its document only when that changed.

        Rebuilt strictly (`load_record`): a record that isn't a valid profile is set aside in the
        quarantine file and the user is served as new, as a record found bad at open always was.
        """
        doc = self._doc(user_id)
        if doc is None:
            return Profile(user_id=user_id)
        recent = self._recent.get(user_id)
        if recent is not None and recent[0] is doc:
            self._recent.move_to_end(user_id)
            return recent[1]
        loaded = load_record(str(user_id), doc)
        if isinstance(loaded, str):
            self._quarantine({str(user_id): (loaded, doc)})
            return Profile(user_id=user_id)
        self._keep(doc, loaded)
        return loaded

    def _keep_if_bad(self, user_id: int, old: object, bad: dict[str, tuple[str, object]]) -> None:
        """Before `old`, the stored document, is written over: add it to `bad` if it was never
        checked and fails, so that a write without a read first doesn't lose a bad record's bytes."""
        if old is None:
            return
        recent = self._recent.get(user_id)
        if recent is not None and recent[0] is old:
            return  # read (and so checked) or written by us
        why = load_record(str(user_id), old)
        if isinstance(why, str):
            bad[str(user_id)] = (why, old)

    def _keep(self, doc: dict[str, Any], profile: Profile) -> None:
        """Remember `profile` as the one `doc` holds, dropping the one used longest ago past the bound."""
        self._recent[profile.user_id] = (doc, profile)
        self._recent.move_to_end(profile.user_id)
        if len(self._recent) > RECENT_PROFILES:
            self._recent.popitem(last=False)

    def _doc(self, user_id: int) -> dict[str, Any] | None:
        """The stored document (caller holds the lock), read straight from the storage's dict:
        TinyDB's Table.get wraps it in a new Document on every read."""
        doc: dict[str, Any] | None = self._storage.read().get(TABLE, {}).get(str(user_id))
        return doc

    def _put(self, profile: Profile) -> int:
        """Write one profile (caller holds the lock); returns what to pass to `sync`.

        TinyDB's Table rebuilds the whole table on every write, which costs
        milliseconds at 10k users; the document goes through the storage instead,
        which is TinyDB's own extension point, so the file stays ordinary TinyDB.
        """
        data = self._storage.read()
        doc = profile.to_doc()
        rows = data.setdefault(TABLE, {})
        replaced: dict[str, tuple[str, object]] = {}
        self._keep_if_bad(profile.user_id, rows.get(str(profile.user_id)), replaced)
        if replaced:
            self._quarantine(replaced, remove=False)
        with self._storage.touching(TABLE, profile.user_id):
            rows[str(profile.user_id)] = doc
            self._storage.write(data)
        if profile.draft is None:  # the next read needn't rebuild what was just written
            self._keep(doc, profile)
        return self._storage.appended


def load_record(doc_id: str, doc: object) -> Profile | str:
    """A stored record as a profile, checked strictly; or why it can't be served as one."""
    if not doc_id.isdecimal():
        return "its id is not a number"
    if not isinstance(doc, dict):
        return f"a {type(doc).__name__}, not an object"
    score = doc.get("score")
    if score is not None and (isinstance(score, bool) or not isinstance(score, int)):
        return "score is not a whole number"
    specialties = doc.get("specialties")
    if specialties is not None and not (isinstance(specialties, list) and all(isinstance(s, str) for s in specialties)):
        return "specialties is not a list of names"
    models: dict[str, Plan | PlanDraft | None] = {}
    for name, model in (("plan", Plan), ("draft", PlanDraft)):
        value = doc.get(name)
        if value is not None and not isinstance(value, dict):
            return f"{name} is not an object"
        try:
            # Strict, unlike reading (which leaves an unreadable plan out): the bytes belong in quarantine.
            models[name] = model.from_dict(value) if value is not None else None
        except Exception as err:  # whatever the model rejects, the record is set aside
            return f"{name} is not a valid {model.__name__} ({type(err).__name__})"
    try:
        about = About.from_doc(doc.get("about"))
        return Profile(int(doc_id), score, tuple(specialties or ()), about=about, **models)  # type: ignore[arg-type]
    except Exception as err:
        return f"not a valid profile ({type(err).__name__})"


def _unreachable(doc_id: str, doc: object) -> str:
    """Why a record no read can reach is set aside at open (see `load_record` for the same words)."""
    if not doc_id.isdecimal():
        return "its id is not a number"
    return f"a {type(doc).__name__}, not an object"


def _quarantined_id(line: str) -> str | None:
    """The record id a quarantine line is about (None for a line that can't be read)."""
    try:
        entry = json.loads(line)
    except ValueError:
        return None
    return str(entry.get("id")) if isinstance(entry, dict) else None


def check_records(data: Data) -> tuple[dict[str, str], list[Profile]]:
    """Every record of the profiles table that would be set aside, with why; and the good ones, loaded."""
    bad: dict[str, str] = {}
    good: list[Profile] = []
    for doc_id, doc in data.get(TABLE, {}).items():
        loaded = load_record(doc_id, doc)
        if isinstance(loaded, str):
            bad[doc_id] = loaded
        else:
            good.append(loaded)
    return bad, good


def merge_changes(before: Profile, after: Profile, current: Profile) -> Profile:
    """`current` with the changes from `before` to `after` applied, plan keys one by one."""
    changes = {
        f.name: getattr(after, f.name) for f in fields(Profile) if getattr(after, f.name) != getattr(before, f.name)
    }
    if "plan" in changes and before.plan is not None and after.plan is not None:
        if current.plan is None:
            del changes["plan"]
        else:
            changes["plan"] = replace(current.plan, **plan_changes(before.plan, after.plan))
    return replace(current, **changes)
