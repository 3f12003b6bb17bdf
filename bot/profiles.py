"""Per-user memory: last score, specialties of interest, study plan; erasable on request.

One TinyDB file under BOT_DATA_DIR, separate from the knowledge, with the Telegram
user id as the document id so a read is a single dict lookup.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from bot.storage import JournaledStorage

TABLE = "profiles"


@dataclass(frozen=True)
class About:
    """What the student told us about themselves (bot.understand reads it; /forget erases it)."""

    school: str | None = None
    """"us_md", "do" or "img"."""
    stage: str | None = None
    """As they put it: "ms3", "4th year", "intern"."""
    exam_date: str | None = None
    """Their upcoming Step 2 CK date, ISO format."""
    status: str | None = None
    """"taken", "passed" or "failed" (Step 2 CK)."""
    score_own: bool = False
    """`Profile.score` is their real result, so a score they only ask about doesn't replace it."""
    step1: int | None = None
    practice: tuple[str, ...] = ()
    """Latest practice-test results, most recent first, as they read ("NBME 12: 232")."""

    @classmethod
    def from_doc(cls, doc: dict[str, Any] | None) -> About:
        """Rebuild from the stored dict, ignoring keys we no longer use."""
        doc = doc or {}
        known = {f.name for f in fields(cls)}
        kept = {k: v for k, v in doc.items() if k in known}
        kept["practice"] = tuple(kept.get("practice") or ())
        return cls(**kept)


@dataclass(frozen=True)
class Profile:
    """What the bot remembers about one user; nothing else is ever stored."""

    user_id: int
    score: int | None = None
    specialties: tuple[str, ...] = ()
    plan: dict[str, Any] | None = None
    """A bot.plans.Plan as a dict (see Plan.to_dict)."""
    draft: dict[str, Any] | None = None
    """A study-plan conversation in progress (see PlanDraft.to_dict)."""
    about: About = About()

    def to_doc(self) -> dict[str, Any]:
        """The JSON document stored for this profile (user_id is the document id)."""
        doc = asdict(self)
        del doc["user_id"]
        doc["specialties"] = list(self.specialties)
        doc["about"]["practice"] = list(self.about.practice)
        return doc

    @classmethod
    def from_doc(cls, user_id: int, doc: dict[str, Any]) -> Profile:
        """Rebuild a profile from its stored document, ignoring fields we no longer use."""
        return cls(
            user_id=user_id,
            score=doc.get("score"),
            specialties=tuple(doc.get("specialties") or ()),
            plan=doc.get("plan"),
            draft=doc.get("draft"),
            about=About.from_doc(doc.get("about")),
        )


@dataclass
class ProfileStore:
    """Thread-safe user store: reads from memory, every write durable and atomic."""

    path: Path
    _db: TinyDB = field(init=False, repr=False)
    _storage: JournaledStorage = field(init=False, repr=False)
    _lock: threading.Lock = field(init=False, repr=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._db = TinyDB(self.path, storage=JournaledStorage)
        storage = self._db.storage
        assert isinstance(storage, JournaledStorage)  # noqa: S101  # TinyDB types it as the base class
        self._storage = storage
        self._table = self._db.table(TABLE, cache_size=0)

    @classmethod
    def in_dir(cls, data_dir: Path) -> ProfileStore:
        """Open (or create) the store file inside `data_dir`."""
        return cls(data_dir / "profiles.json")

    def get(self, user_id: int) -> Profile:
        """The user's profile, or an empty one for a user we have never seen."""
        # The lock is uncontended almost always; it keeps a reader in one thread from
        # seeing a document that a writer in another is halfway through replacing.
        with self._lock:
            doc = self._table.get(doc_id=user_id)
            return Profile(user_id=user_id) if doc is None else Profile.from_doc(user_id, dict(doc))

    def save(self, profile: Profile) -> None:
        """Store the whole profile, replacing what was there; durable when this returns."""
        with self._lock:
            written = self._put(profile)
        self._storage.sync(written)  # outside the lock, so concurrent writers share fsyncs

    def update(self, user_id: int, change: Callable[[Profile], Profile]) -> Profile:
        """Read, change and write one profile under the lock, so no update is lost."""
        with self._lock:
            doc = self._table.get(doc_id=user_id)
            before = Profile(user_id=user_id) if doc is None else Profile.from_doc(user_id, dict(doc))
            after = change(before)
            written = self._put(after) if after != before else 0
        self._storage.sync(written)
        return after

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
            if data.get(TABLE, {}).pop(str(user_id), None) is None:
                return False
            self._storage.write(data)
            return True

    def all(self) -> Iterator[Profile]:
        """Every stored profile (used to restore study-plan nudges on start)."""
        with self._lock:
            docs = [(doc.doc_id, dict(doc)) for doc in self._table.all()]
        for doc_id, doc in docs:
            yield Profile.from_doc(doc_id, doc)

    @property
    def durable_writes(self) -> int:
        """Writes made durable since the store was opened."""
        return self._storage.durable_writes

    def __len__(self) -> int:
        with self._lock:
            return len(self._table)

    def close(self) -> None:
        """Close the file handles; all writes were already durable."""
        self._db.close()

    def _put(self, profile: Profile) -> int:
        """Write one profile (caller holds the lock); returns what to pass to `sync`.

        TinyDB's Table rebuilds the whole table on every write, which costs
        milliseconds at 10k users; the document goes through the storage instead,
        which is TinyDB's own extension point, so the file stays ordinary TinyDB.
        """
        data = self._storage.read()
        with self._storage.touching(TABLE, profile.user_id):
            data.setdefault(TABLE, {})[str(profile.user_id)] = profile.to_doc()
            self._storage.write(data)
        return self._storage.appended


def merge_changes(before: Profile, after: Profile, current: Profile) -> Profile:
    """`current` with the changes from `before` to `after` applied, plan keys one by one."""
    changes = {
        f.name: getattr(after, f.name) for f in fields(Profile) if getattr(after, f.name) != getattr(before, f.name)
    }
    if "plan" in changes and before.plan is not None and after.plan is not None:
        if current.plan is None:
            del changes["plan"]
        else:
            changed = {key: value for key, value in after.plan.items() if before.plan.get(key) != value}
            changes["plan"] = {**current.plan, **changed}
    return replace(current, **changes)
