"""Fixtures shared across the suite: the real knowledge, a user store in tmp_path, the loopback Bot API, and a real
PostgreSQL server started for the session (skipped, saying how to get one, where it can't start).

Two tiers: tests marked `e2e` start processes (the bot, the CLI, PostgreSQL) or run the real PTB
Application against the loopback Bot API, and wait on real clocks; `pytest -m "not e2e"` runs
the rest in seconds, each property test trying a fifth of its examples. A test file that is all
end to end says so with `pytestmark`; here, every test that uses the PostgreSQL server (any of the
pg_* fixtures, or any_store's PostgreSQL case) is marked too, since the first one starts it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from bot.profiles import ProfileStore
from bot.user_store import UserStore
from knowledge import Knowledge, load_knowledge
from knowledge.corpus import Corpus, load_corpus
from tests.fake_bot_api import FakeBotApi
from tests.pg_server import PostgresServer, running_server

POSTGRESQL_FIXTURES = frozenset({"pg_server", "pg_database", "pg_url", "pg_store"})
FAST_TIER = "not e2e"

settings.register_profile("fast", max_examples=20)


def pytest_configure(config: pytest.Config) -> None:
    """The fast tier tries a fifth of each property test's examples (tests/property_budget.py).

    Unless a profile is named with --hypothesis-profile; the whole suite keeps hypothesis's default.
    """
    if config.getoption("markexpr", "") == FAST_TIER and not config.getoption("hypothesis_profile", None):
        settings.load_profile("fast")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs the PostgreSQL server `e2e` (see the module docstring)."""
    for item in items:
        params = getattr(item, "callspec", None)
        on_postgresql = params is not None and params.params.get("any_store") == "postgresql"
        if on_postgresql or POSTGRESQL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """The real knowledge files, loaded once."""
    return load_knowledge()


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The shipped training examples, loaded once."""
    return load_corpus()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProfileStore]:
    """A fresh user store on disk."""
    s = ProfileStore.in_dir(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server of our own in a temporary folder, for the whole session."""
    with running_server() as server:
        yield server


@pytest.fixture(scope="session")
def pg_database(pg_server: PostgresServer) -> str:
    """The URL of the database the store tests share (emptied before each test)."""
    return pg_server.create_database("step2_tests")


@pytest.fixture
def pg_url(pg_database: str) -> str:
    """The test database's URL, its profiles table (if made yet) emptied."""
    import psycopg

    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS profiles, schema_version")
    return pg_database


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[UserStore]:
    """A PostgresStore on an empty database."""
    from bot.pg_store import PostgresStore

    s = PostgresStore.connect(pg_url)
    yield s
    s.close()


@pytest.fixture(params=["tinydb", "postgresql"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[UserStore]:
    """Each backend in turn, empty: the store tests that hold for the interface run on both."""
    if request.param == "tinydb":
        s: UserStore = ProfileStore.in_dir(tmp_path / "data")
        yield s
        s.close()
    else:
        yield request.getfixturevalue("pg_store")


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    """The loopback Bot API server, failing the test on any request Telegram would refuse."""
    with FakeBotApi() as server:
        yield server
    assert server.violations == [], server.dump()
