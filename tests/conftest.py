"""Fixtures shared across the suite: the real knowledge and a user store in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.profiles import ProfileStore
from knowledge import Knowledge, load_knowledge


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """The real knowledge files, loaded once."""
    return load_knowledge()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProfileStore]:
    """A fresh user store on disk."""
    s = ProfileStore.in_dir(tmp_path / "data")
    yield s
    s.close()
