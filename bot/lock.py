"""One process per data folder: an exclusive lock held for the life of the process.

Two processes on one BOT_DATA_DIR would each keep the store in memory and write it
back from their own view, so one would silently undo the other's acknowledged writes.
The kernel drops an flock when its holder exits, however it exits (SIGKILL included),
so a stale lock never needs cleaning up.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

LOCK_NAME = "bot.lock"

_held: list[int] = []
"""Descriptors of the locks this process holds; kept open (so locked) until exit."""


class FolderBusy(Exception):
    """Another process holds the data folder; the message is one line naming it."""


def lock_data_dir(data_dir: Path) -> None:
    """Take the folder's lock for the rest of this process, or raise FolderBusy."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = data_dir / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(fd, 32).decode(errors="replace").strip()
        os.close(fd)
        who = f"process {holder}" if holder.isdecimal() else "another process"
        raise FolderBusy(
            f"BOT_DATA_DIR {data_dir} is in use by {who}: stop it first (one bot or CLI per data folder)."
        ) from None
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        os.fsync(fd)
    _held.append(fd)
