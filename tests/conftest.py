"""Shared fixtures: one real Extractor per test session (loading spaCy takes seconds)."""

from __future__ import annotations

from typing import Any

import pytest

from pgserver import PostgresServer


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
@pytest.fixture(scope="session")
def postgres() -> Any:
    import os

    try:
        server = PostgresServer()
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
