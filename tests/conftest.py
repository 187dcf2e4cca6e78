"""Shared fixtures: one real Extractor per test session (loading spaCy takes seconds)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def extractor() -> Any:
    """The real ``pipeline.Extractor()``, created once for the whole session."""
    from onrecord.pipeline import Extractor

    return Extractor()


@pytest.fixture
def cli_extractor(extractor: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Make ``onrecord.cli`` build its Extractor over the session's loaded spaCy pipeline,
    so a CLI test runs the real extraction without loading the model again."""
    from onrecord import cli
    from onrecord.pipeline import Extractor

    def new_extractor(max_chars: int, model: str = "default") -> Extractor:
        return Extractor(nlp=extractor.nlp, max_chars=max_chars, model=model)

    monkeypatch.setattr(cli, "new_extractor", new_extractor)
    return extractor


# -- stores: every store test runs on SQLite and on a real PostgreSQL server --------------------------
class _Postgres:
    """A throw-away PostgreSQL server on 127.0.0.1 for this test session (``make test``
    installs the server package; a root test run starts it as the ``postgres`` user)."""

    def __init__(self) -> None:
        import glob
        import os
        import shutil
        import socket
        import subprocess
        import tempfile

        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or [shutil.which("initdb") or ""]
        initdb = found[-1]
        if not initdb or not os.path.exists(initdb):
            raise FileNotFoundError("PostgreSQL server not installed (make test installs it)")
        self.bin = os.path.dirname(initdb)
        self.dir = tempfile.mkdtemp(prefix="onrecord-pg-")
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # the server refuses to run as root
            shutil.chown(self.dir, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        data = os.path.join(self.dir, "data")
        run = subprocess.run
        run([*self.as_user, f"{self.bin}/initdb", "-D", data, "-U", "onrecord", "--auth=trust",
             "-E", "UTF8", "--no-locale"], check=True, capture_output=True)  # fmt: skip
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        run([*self.as_user, f"{self.bin}/pg_ctl", "-D", data, "-o", options, "-l",
             os.path.join(self.dir, "log"), "-w", "start"], check=True, capture_output=True)  # fmt: skip
        self.data = data
        self.count = 0

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://onrecord@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        self.count += 1
        name = f"test_{self.count}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        import shutil
        import subprocess

        subprocess.run([*self.as_user, f"{self.bin}/pg_ctl", "-D", self.data, "-m", "immediate", "stop"],
                       capture_output=True)  # fmt: skip
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres() -> Any:
    import os

    try:
        server = _Postgres()
    except (FileNotFoundError, OSError, Exception) as err:  # noqa: B014
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no PostgreSQL server for the store tests: {err}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    """A new, empty store: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("postgres").new_database()
