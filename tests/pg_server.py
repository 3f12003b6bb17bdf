"""A real PostgreSQL server for the tests, started in a temporary folder and stopped after.

Debian's `postgresql` package provides initdb and pg_ctl (under /usr/lib/postgresql/<v>/bin).
They refuse to run as root, so as root they run as the `postgres` user, on a folder it owns.
The server listens on a free loopback port only. Where none of that is possible, `start`
raises `Unavailable` with what to install; the fixtures turn it into a skip with that reason.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

HOW_TO_GET_IT = (
    "PostgreSQL's server binaries are needed for these tests: `apt-get install postgresql` "
    "(Debian/Ubuntu; .ci/run does it), or put initdb and pg_ctl on PATH"
)


class Unavailable(Exception):
    """No PostgreSQL server can be started here; the message says how to get one."""


def _bin_dir() -> Path | None:
    """Where initdb and pg_ctl are: PATH first, then the newest Debian install."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return versions[-1].parent if versions else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class PostgresServer:
    """One throwaway cluster: `start()`, then `url(db)`, then `stop()`."""

    def __init__(self) -> None:
        self.bin_dir = _bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="step2-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._as: list[str] = []

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self._as, *args], capture_output=True, text=True, timeout=timeout, check=False)

    def start(self) -> PostgresServer:
        """initdb and start the server; raises Unavailable with how to get PostgreSQL."""
        if self.bin_dir is None:
            raise Unavailable(f"no initdb found. {HOW_TO_GET_IT}")
        if os.geteuid() == 0:
            # initdb and postgres refuse root: run them as the postgres user, on a folder it owns.
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                raise Unavailable(f"running as root and there is no `postgres` user. {HOW_TO_GET_IT}") from None
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        initdb = self._run(
            str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", "postgres",
            "-A", "trust", "-E", "UTF8", "--no-sync",
        )  # fmt: skip
        if initdb.returncode != 0:
            raise Unavailable(f"initdb failed: {initdb.stderr.strip()[-300:]}. {HOW_TO_GET_IT}")
        self.resume()
        return self

    def resume(self) -> None:
        """Start the server (again, after `pause`) on its port; raises Unavailable if it won't."""
        assert self.bin_dir is not None  # checked by start
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root} "
            "-c max_connections=200 -c shared_buffers=64MB"
        )
        started = self._run(
            str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "server.log"),
            "-o", options, "-w", "-t", "60", "start",
        )  # fmt: skip
        if started.returncode != 0:
            server_log = self.root / "server.log"
            log = server_log.read_text(errors="replace")[-500:] if server_log.exists() else ""
            raise Unavailable(f"pg_ctl start failed: {started.stderr.strip()[-300:]} {log}")

    def pause(self) -> None:
        """Stop the server (fast: connections are cut) without removing its data."""
        assert self.bin_dir is not None  # only after start
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, dbname: str = "postgres") -> str:
        """A libpq URL for a database on this server."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str) -> str:
        """A new, empty database; returns its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')  # a name the tests choose, never user input
        return self.url(name)

    def stop(self) -> None:
        """Stop the server at once and remove its folder."""
        if self.bin_dir is not None and self.data.exists():
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        with contextlib.suppress(OSError):
            shutil.rmtree(self.root)


@contextlib.contextmanager
def running_server() -> Iterator[PostgresServer]:
    """A started server of our own, stopped afterwards; the test is skipped, saying why, where none can start."""
    import pytest  # only the tests use this, and pytest is theirs

    server = PostgresServer()
    try:
        server.start()
    except Unavailable as why:
        server.stop()
        pytest.skip(f"PostgreSQL can't be started here: {why}")
    try:
        yield server
    finally:
        server.stop()
