"""The quote store's schema: every table, index and migration, in one place.

A store records its schema version in ``meta``; ``migrate`` applies, in one transaction
each, the migrations it has not seen yet, so an old store is brought up to date when it is
opened and a store made by a newer onrecord is refused with a clear message.

Tables (the same on SQLite and PostgreSQL; JSON is kept as text so that any tool reads it):

- ``articles``: one row per article: its id, ingest order (``seq``), text, content hash,
  the common metadata as columns (title, date, publisher, url) and all of it as JSON.
- ``attributions``: one row per attribution, numbered ``n`` within its article; the spans
  (JSON lists of ``[start, end]``), their text, the speaker and addressee as extracted,
  the speaker's name and type as extracted (``speaker_alias``, ``speaker_type``), and
  ``speaker_id``, the store-wide speaker it was merged into.
- ``speakers``, ``speaker_aliases``, ``speaker_keys``: speakers across articles, every name
  merged into each, and the keys that find merge candidates (see ``names.py``);
  ``speaker_units``, the speaker each (name, type) was settled into, and
  ``speaker_redirects``, the ids a settle retired and where their quotes went.
- ``cluster_redirects``: quotation clusters merged into another, and which.
- ``quotations``, ``clusters``, ``cluster_keys``: the quoted words of each direct or mixed
  attribution, grouped into clusters of the same quotation across articles, and the word
  3-grams that find a quotation's candidate clusters.
- ``failures``: every input item that could not be read or extracted, and why.
- full-text search over attribution content: an FTS5 table on SQLite, a ``tsvector``
  column with a GIN index on PostgreSQL.

Ids are integers given by the writer (``MAX(id) + 1`` inside its transaction), so the same
input gives the same ids, however often a run was killed and resumed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import StoreError
from .database import Database


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sqlite: tuple[str, ...]
    postgresql: tuple[str, ...]


def _v1(collate: str) -> tuple[str, ...]:
    """Version 1's tables; ``collate`` makes PostgreSQL compare article ids byte by byte, as
    SQLite does, so that both export in the same order whatever the server's locale."""
    return tuple(statement.replace("TEXT_ID", f"TEXT{collate}") for statement in _COMMON_V1)


_COMMON_V1 = (
    """CREATE TABLE articles (
        id TEXT_ID PRIMARY KEY,
        seq BIGINT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        title TEXT,
        date TEXT,
        publisher TEXT,
        url TEXT,
        metadata TEXT NOT NULL,
        text TEXT NOT NULL,
        attribution_count INTEGER NOT NULL,
        warnings TEXT
    )""",
    "CREATE INDEX articles_date ON articles (date)",
    "CREATE INDEX articles_publisher ON articles (publisher)",
    "CREATE INDEX articles_hash ON articles (content_hash)",
    """CREATE TABLE speakers (
        id TEXT PRIMARY KEY,
        seq BIGINT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        mentions INTEGER NOT NULL
    )""",
    """CREATE TABLE speaker_aliases (
        speaker_id TEXT NOT NULL REFERENCES speakers (id),
        alias TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (speaker_id, alias)
    )""",
    """CREATE TABLE speaker_keys (
        key TEXT NOT NULL,
        speaker_id TEXT NOT NULL REFERENCES speakers (id),
        PRIMARY KEY (key, speaker_id)
    )""",
    """CREATE TABLE attributions (
        id BIGINT PRIMARY KEY,
        article_id TEXT_ID NOT NULL REFERENCES articles (id),
        n INTEGER NOT NULL,
        kind TEXT NOT NULL,
        cue TEXT NOT NULL,
        source TEXT NOT NULL,
        content TEXT NOT NULL,
        cue_text TEXT NOT NULL,
        source_text TEXT NOT NULL,
        content_text TEXT NOT NULL,
        speaker_id TEXT REFERENCES speakers (id),
        speaker_name TEXT,
        speaker TEXT,
        addressee_name TEXT,
        addressee TEXT,
        confidence DOUBLE PRECISION,
        record TEXT NOT NULL,
        UNIQUE (article_id, n)
    )""",
    "CREATE INDEX attributions_speaker ON attributions (speaker_id)",
    """CREATE TABLE clusters (
        id BIGINT PRIMARY KEY,
        text TEXT NOT NULL
    )""",
    """CREATE TABLE quotations (
        attribution_id BIGINT PRIMARY KEY REFERENCES attributions (id),
        article_id TEXT_ID NOT NULL REFERENCES articles (id),
        text TEXT NOT NULL,
        cluster_id BIGINT NOT NULL REFERENCES clusters (id)
    )""",
    "CREATE INDEX quotations_cluster ON quotations (cluster_id)",
    """CREATE TABLE cluster_keys (
        key TEXT NOT NULL,
        cluster_id BIGINT NOT NULL REFERENCES clusters (id),
        PRIMARY KEY (key, cluster_id)
    )""",
    """CREATE TABLE failures (
        item TEXT PRIMARY KEY,
        seq BIGINT NOT NULL,
        stage TEXT NOT NULL,
        article_id TEXT,
        reason TEXT NOT NULL
    )""",
    "CREATE INDEX failures_seq ON failures (seq)",
)

_COMMON_V2 = (
    # The speaker each (name, type) was settled into, rewritten by every settle.
    """CREATE TABLE speaker_units (
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        speaker_id TEXT NOT NULL,
        PRIMARY KEY (name, type)
    )""",
    # Quotation clusters merged into another (a quotation that was the same as both).
    """CREATE TABLE cluster_redirects (
        old_id BIGINT PRIMARY KEY,
        cluster_id BIGINT NOT NULL
    )""",
    # Ids that a settle retired, and the speaker that holds most of their quotes now.
    """CREATE TABLE speaker_redirects (
        old_id TEXT PRIMARY KEY,
        speaker_id TEXT NOT NULL
    )""",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, attributions, speakers, quotation clusters, failures, full-text search",
        sqlite=_v1("")
        + (
            # External-content FTS5: the text lives in attributions; rowid = attributions.id.
            """CREATE VIRTUAL TABLE attributions_fts USING fts5 (
                content_text, speaker_name,
                content = 'attributions', content_rowid = 'id',
                tokenize = 'porter unicode61 remove_diacritics 2'
            )""",
        ),
        postgresql=_v1(' COLLATE "C"')
        + (
            # PostgreSQL's parser takes typographic quotation marks for letters: blank them.
            """ALTER TABLE attributions ADD COLUMN search tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english', translate(content_text, '“”„‟«»‘’‚‛', '          ')), 'A')
                || setweight(to_tsvector('english', coalesce(speaker_name, '')), 'B')
            ) STORED""",
            "CREATE INDEX attributions_search ON attributions USING GIN (search)",
        ),
    ),
    Migration(
        2,
        "each attribution's speaker name and type as columns; speakers settled whatever the order",
        sqlite=(
            "ALTER TABLE attributions ADD COLUMN speaker_alias TEXT",
            "ALTER TABLE attributions ADD COLUMN speaker_type TEXT",
            """UPDATE attributions SET speaker_alias = json_extract(speaker, '$.name'),
                speaker_type = COALESCE(NULLIF(json_extract(speaker, '$.type'), ''), 'other')
                WHERE speaker_id IS NOT NULL""",
            *_COMMON_V2,
        ),
        postgresql=(
            "ALTER TABLE attributions ADD COLUMN speaker_alias TEXT",
            "ALTER TABLE attributions ADD COLUMN speaker_type TEXT",
            """UPDATE attributions SET speaker_alias = speaker::jsonb ->> 'name',
                speaker_type = COALESCE(NULLIF(speaker::jsonb ->> 'type', ''), 'other')
                WHERE speaker_id IS NOT NULL""",
            *_COMMON_V2,
        ),
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def version(db: Database) -> int:
    """The schema version of the store (0 for an empty database)."""
    if db.dialect == "sqlite":
        exists = db.value("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
    else:
        exists = db.value("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'meta'")
    if not exists:
        if _has_tables(db):
            raise StoreError(
                f"{db.url} is a database of another program (it has tables but no onrecord schema); "
                "give a new file name or an onrecord store"
            )
        return 0
    try:
        return int(db.value("SELECT value FROM meta WHERE key = 'schema_version'") or 0)
    except (StoreError, Exception) as err:
        raise StoreError(f"{db.url} is not an onrecord store (its meta table is not ours): {err}") from err


def _has_tables(db: Database) -> bool:
    if db.dialect == "sqlite":
        return bool(db.value("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"))
    return bool(
        db.value(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_name <> 'meta'"
        )
    )


def migrate(db: Database) -> int:
    """Bring the store's schema up to date; returns its version."""
    current = version(db)
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"{db.url} has schema version {current}, newer than this onrecord knows "
            f"({SCHEMA_VERSION}); upgrade onrecord to use it"
        )
    for migration in MIGRATIONS:
        if migration.version <= current:
            continue
        with db.write():
            if migration.version == 1:
                if current == 0 and _has_tables(db):
                    version(db)  # raises: another program's database
                db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                # Two first-time openers race to create the tables: the second one waits here.
                if version(db) >= 1:
                    continue
            for statement in getattr(migration, db.dialect):
                db.execute(statement)
            db.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(migration.version),),
            )
        current = migration.version
    return current
