"""The user store's interface, and the one setting that picks its backend.

Two backends implement `UserStore`: the journaled TinyDB file (`bot.profiles.ProfileStore`,
the default: a fresh clone runs with nothing else installed) and PostgreSQL
(`bot.pg_store.PostgresStore`, chosen by DATABASE_URL, for several worker processes).
The advisor, the nudger and the transports see only this interface.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol, TypeVar, runtime_checkable

from bot.student import Profile
from knowledge import Knowledge

T = TypeVar("T")


class StoreUnavailable(Exception):
    """The store can't make a write durable right now (its server is unreachable); retry later.

    Raised only after the backend's own retries; whatever the failed call meant to write
    was rolled back, so nothing half-written remains.
    """


@runtime_checkable
class UserStore(Protocol):
    """What the bot may ask of a user store; every write is atomic and durable when it returns
    (within `appending`, once `synced` reaches `appended`)."""

    def get(self, user_id: int) -> Profile:
        """The user's profile, or an empty one for a user never seen."""
        ...

    def save(self, profile: Profile) -> None:
        """Store the whole profile, replacing what was there."""
        ...

    def save_all(self, profiles: Iterable[Profile]) -> None:
        """Store many profiles at once (imports, benchmarks)."""
        ...

    def update(self, user_id: int, change: Callable[[Profile], Profile]) -> Profile:
        """Read, change and write one profile atomically, so no concurrent update is lost."""
        ...

    def save_changes(self, before: Profile, after: Profile) -> Profile:
        """Write only what `after` changed relative to `before` onto the stored profile."""
        ...

    def forget(self, user_id: int) -> bool:
        """Erase everything stored about a user; True when there was something."""
        ...

    def all(self) -> Iterator[Profile]:
        """Every stored profile."""
        ...

    def __len__(self) -> int: ...

    def close(self) -> None:
        """Release files or connections; every write was already durable."""
        ...

    def appending(self) -> contextlib.AbstractContextManager[None]:
        """Within this block this thread's writes may return before they are durable (group commit)."""
        ...

    def deferring_sync(self) -> contextlib.AbstractContextManager[None]:
        """`appending`, then everything made durable on leaving."""
        ...

    def sync(self) -> None:
        """Make every write so far durable."""
        ...

    @property
    def appended(self) -> int:
        """Writes made so far, durable or not."""
        ...

    @property
    def synced(self) -> int:
        """Writes made durable so far, in the numbering of `appended`."""
        ...

    def compaction_within(self, writes: int) -> bool:
        """True when one of the next `writes` writes may block for long: run them off the event loop."""
        ...

    def run_turn(self, user_id: int, work: Callable[[], T]) -> T:
        """Run one student's turn: its reads and writes are ordered with that student's turns in
        every other process, and either all made or none (just `work()` where one process holds the store)."""
        ...


def open_store(database_url: str | None, data_dir: Path, knowledge: Knowledge | None = None) -> UserStore:
    """PostgreSQL when `database_url` is set, else the TinyDB file in `data_dir`.

    Raises `bot.storage.StoreError` with one line when the store can't be opened or reached.
    """
    if database_url:
        from bot.pg_store import PostgresStore  # psycopg loads only when PostgreSQL is used

        return PostgresStore.connect(database_url, knowledge=knowledge)
    from bot.profiles import ProfileStore

    return ProfileStore.in_dir(data_dir)
