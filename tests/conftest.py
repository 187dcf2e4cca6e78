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
