"""One connection to a quote store, SQLite or PostgreSQL, behind one small interface.

The rest of the store writes its SQL once, with ``?`` placeholders and the SQL that both
databases share (``INSERT … ON CONFLICT DO NOTHING``, ``COALESCE``, ``substr``); this module
turns the placeholders into PostgreSQL's ``%s`` and gives both databases the same
transaction and locking behaviour. Full-text search is the one place where the two differ,
and ``dialect`` tells the queries which to use.

Writes are serialised: a write transaction takes SQLite's write lock at ``BEGIN IMMEDIATE``
and PostgreSQL's transaction-scoped advisory lock, so two ingests into one store never
interleave their id allocation.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError

DEFAULT_DB = "onrecord.db"
# Any fixed number: the advisory lock that serialises writers on PostgreSQL.
_PG_WRITE_LOCK = 0x6F6E7265
_POSTGRES_PREFIXES = ("postgresql://", "postgres://")


def is_postgres(url: str) -> bool:
    return url.startswith(_POSTGRES_PREFIXES)


class Database:
    """A connection with ``execute``/``rows``/``one``/``value`` and ``write()`` transactions."""

    dialect: str

    def __init__(self, url: str) -> None:
        self.url = url
        if is_postgres(url):
            self.dialect = "postgresql"
            self._conn = _connect_postgres(url)
        else:
            self.dialect = "sqlite"
            self._conn = _connect_sqlite(url)
        self._in_write = False

    # -- statements ---------------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._errors():
            if self.dialect == "postgresql":
                return self._conn.execute(sql.replace("?", "%s"), tuple(params))
            return self._conn.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        with self._errors():
            if self.dialect == "postgresql":
                with self._conn.cursor() as cursor:
                    cursor.executemany(sql.replace("?", "%s"), [tuple(r) for r in rows])
            else:
                self._conn.executemany(sql, [tuple(r) for r in rows])

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """The database itself failing (disk full, read-only file, lost connection, locked)
        is a ``StoreError``: it ends the command with one line, since every later article
        would fail the same way. Other errors are left to the caller."""
        try:
            yield
        except sqlite3.OperationalError as err:
            message = str(err)
            if "locked" in message or "busy" in message:
                message = f"busy (another program is writing to it): {message}"
            raise StoreError(f"the store {self.url} failed: {message}") from err
        except (sqlite3.DatabaseError, sqlite3.InterfaceError) as err:
            if isinstance(err, sqlite3.IntegrityError):
                raise
            raise StoreError(f"the store {self.url} failed: {err}") from err
        except Exception as err:
            if _is_postgres_failure(err):
                first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
                raise StoreError(f"the PostgreSQL store failed: {first}") from err
            raise

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self.execute(sql, params).fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row = self.execute(sql, params).fetchone()
        return None if row is None else tuple(row)

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.one(sql, params)
        return None if row is None else row[0]

    def next_id(self, table: str, column: str = "id") -> int:
        """The next integer id of ``table``: ids are given here, not by a sequence, so that a
        transaction rolled back (or killed) leaves no gap and a rerun gives the same ids."""
        return int(self.value(f"SELECT COALESCE(MAX({column}), 0) + 1 FROM {table}"))

    # -- transactions -------------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[Database]:
        """One write transaction: committed at the end, rolled back on any exception."""
        if self._in_write:
            yield self
            return
        self._in_write = True
        try:
            if self.dialect == "postgresql":
                with self._errors(), self._conn.transaction():
                    self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_PG_WRITE_LOCK,))
                    yield self
            else:
                self.execute("BEGIN IMMEDIATE")
                try:
                    yield self
                except BaseException:
                    # SQLite may have rolled back already (a full disk does that).
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise
                self.execute("COMMIT")
        finally:
            self._in_write = False

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _is_postgres_failure(err: Exception) -> bool:
    """A lost connection, a server gone, a disk full on the server: not one article's fault."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover
        return False
    return isinstance(err, psycopg.OperationalError | psycopg.InterfaceError)


def _connect_sqlite(path: str) -> sqlite3.Connection:
    file = Path(path)
    if file.is_dir():
        raise StoreError(f"{path} is a directory; --db takes an SQLite file name or a postgresql:// URL")
    if file.exists() and file.stat().st_size:
        with open(file, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise StoreError(
                    f"{path} is not an SQLite database; give a new file name or an onrecord store"
                )
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=30.0, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
    except sqlite3.Error as err:
        raise StoreError(f"cannot open the store {path}: {err}") from err
    return conn


def _connect_postgres(url: str) -> Any:
    try:
        import psycopg
    except ImportError as err:  # pragma: no cover - a dependency of the package
        raise StoreError("PostgreSQL stores need the psycopg package: pip install 'psycopg[binary]'") from err
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise StoreError(f"cannot connect to the PostgreSQL store: {first}") from err
