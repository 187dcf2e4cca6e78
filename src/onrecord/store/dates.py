"""Article dates as the store keeps them: ISO ``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``), so
that they sort and filter as dates whatever shape the input gave them in.

The input's own value stays in the article's metadata; ``iso_date`` reads the common shapes
(ISO dates and timestamps, ``20240105``, ``5 March 2023``, ``March 5, 2023``, ``2023/03/05``,
Unix timestamps) and gives ``None`` for anything else, which the store keeps undated.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

_FORMATS = (
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%a, %d %b %Y %H:%M:%S %Z",
    "%a, %d %b %Y %H:%M:%S %z",
)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?")
_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


def iso_date(value: Any) -> str | None:
    """The date of ``value`` as ``YYYY-MM-DD`` (``YYYY-MM`` or ``YYYY`` when that is all it
    says), or None when it is not a date this reads."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        text = str(int(value))
        if _COMPACT.fullmatch(text):
            return _checked(*_COMPACT.fullmatch(text).groups())  # type: ignore[union-attr]
        if 10**8 <= value < 10**11:  # seconds since 1970
            return datetime.fromtimestamp(value, UTC).date().isoformat()
        return None
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    for pattern in (_ISO, _COMPACT):
        match = pattern.fullmatch(text)
        if match:
            return _checked(*match.groups()[:3])
    match = _PARTIAL.fullmatch(text)
    if match:
        year, month = match.groups()
        if month is None:
            return year if 1000 <= int(year) <= 2999 else None
        return f"{year}-{month}" if 1 <= int(month) <= 12 else None
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def query_date(value: str) -> str | None:
    """A ``--since``/``--until`` value if it is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return _checked(text[:4], text[5:7], text[8:10])
    match = _PARTIAL.fullmatch(text)
    if match and (match.group(2) is None or 1 <= int(match.group(2)) <= 12):
        return text
    return None


def _checked(year: str, month: str, day: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
