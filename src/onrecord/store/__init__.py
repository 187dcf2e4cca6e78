"""The quote store: a database of attributions across many articles (SQLite or PostgreSQL).

``Store(url)`` opens (or makes) one; ``ingest.ingest`` fills it from any input the readers
take; its methods answer the questions of the command line and the web app.
"""

from .database import DEFAULT_DB, is_postgres
from .store import (
    Appearance,
    ArticleSummary,
    Failure,
    Hit,
    Match,
    Overview,
    SpeakerDetail,
    SpeakerRef,
    SpeakerSummary,
    Store,
    open_store,
)

__all__ = [
    "DEFAULT_DB",
    "Appearance",
    "ArticleSummary",
    "Failure",
    "Hit",
    "Match",
    "Overview",
    "SpeakerDetail",
    "SpeakerRef",
    "SpeakerSummary",
    "Store",
    "is_postgres",
    "open_store",
]
