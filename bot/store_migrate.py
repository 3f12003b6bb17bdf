"""Copy every profile from one user store to another, then check each one arrived intact.

`python -m bot store migrate --to postgresql://…` moves a TinyDB store into PostgreSQL;
`--to DIR` moves a PostgreSQL store (DATABASE_URL) back into a TinyDB file in DIR, for an
operator who wants to leave. The source is never changed; the target must be empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from bot.student import Profile
from bot.user_store import UserStore

BATCH = 5_000
"""Profiles copied, then read back and compared, at a time: memory stays bounded on both sides."""


class MigrationError(Exception):
    """The copy can't start or didn't verify; the message says which and why."""


@dataclass(frozen=True)
class Copied:
    """What a migration did."""

    profiles: int
    verified: int


def _batches(profiles: Iterator[Profile], size: int) -> Iterator[list[Profile]]:
    while batch := list(islice(profiles, size)):
        yield batch


def _read_back(target: UserStore, user_ids: list[int]) -> dict[int, Profile]:
    get_many = getattr(target, "get_many", None)  # one query per batch on PostgreSQL
    if get_many is not None:
        found: dict[int, Profile] = get_many(user_ids)
        return found
    return {uid: target.get(uid) for uid in user_ids}


def copy_store(source: UserStore, target: UserStore, batch: int = BATCH) -> Copied:
    """Copy every profile from `source` into the empty `target`, comparing each one read back."""
    if len(target):
        raise MigrationError(f"the target already holds {len(target)} profile(s); migrate into an empty store")
    copied = verified = 0
    for profiles in _batches(source.all(), batch):
        target.save_all(profiles)
        copied += len(profiles)
        stored = _read_back(target, [p.user_id for p in profiles])
        for profile in profiles:
            if stored.get(profile.user_id) != profile:
                raise MigrationError(f"profile {profile.user_id} reads back differently from the target")
            verified += 1
    if len(target) != copied:
        raise MigrationError(f"the target holds {len(target)} profiles after copying {copied}")
    return Copied(copied, verified)
