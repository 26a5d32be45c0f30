"""The log in a SQLite file: its location, and eventsourcing's recorder with the log reads added.

Selected by `PERSISTENCE_MODULE=ctevents.sqlite`, as eventsourcing selects its own
persistence modules: the module's one factory makes `SQLiteLogRecorder`.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar
from uuid import UUID

import eventsourcing.sqlite
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteDatastore

from ctevents.memo import Memo
from ctevents.persistence import (
    HeadNotifications,
    LogReader,
    LogRecorder,
    LogRow,
    StoredLogRow,
    StoreLocation,
    with_streams,
)

PERSISTENCE_MODULE = __name__


def pages_in_use(cursor: Any) -> int:
    """The bytes of a SQLite file's pages in use (free pages left by dropped tables not counted)."""
    cursor.execute("PRAGMA page_count")
    pages = int(cursor.fetchone()[0])
    cursor.execute("PRAGMA freelist_count")
    free = int(cursor.fetchone()[0])
    cursor.execute("PRAGMA page_size")
    return (pages - free) * int(cursor.fetchone()[0])


class SQLiteLogRecorder(LogRecorder, SQLiteApplicationRecorder):
    """The events table by rowid: positions are rowids, stream ids stored as the UUID's hex."""

    def __init__(self, datastore: SQLiteDatastore, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name)
        table = self.events_table_name
        self.stream_positions_statement = (
            f"SELECT rowid AS position FROM {table} WHERE originator_id = ? "
            "ORDER BY originator_version"
        )
        self.log_rows_statement = (
            f"SELECT rowid, originator_id, topic, originator_version, state FROM {table} "
            "WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?"
        )
        self.head_statement = f"SELECT MAX(rowid) FROM {table}"
        # Stored stream id → `str(UUID)`: a log holds far fewer streams than events.
        self.stream_strings: Memo[str, str] = Memo(lambda stored: str(UUID(stored)))

    def stream_positions(self, stream: UUID) -> list[int]:
        with self.datastore.transaction(commit=False) as cursor:
            # eventsourcing stores SQLite stream ids as the UUID's hex, without dashes.
            cursor.execute(self.stream_positions_statement, (stream.hex,))
            return [int(row["position"]) for row in cursor.fetchall()]

    def log_rows(self, after: int, limit: int, until: int) -> list[LogRow]:
        return with_streams(self.stored_log_rows(after, limit, until), self.stream_strings)

    def stored_log_rows(self, after: int, limit: int, until: int) -> list[StoredLogRow]:
        """`log_rows` with the stored stream ids (the UUID's hex)."""
        with self.datastore.transaction(commit=False) as cursor:
            cursor.row_factory = None  # plain tuples: a `Row` per event costs more than the query
            cursor.execute(self.log_rows_statement, (after, until, limit))
            return cursor.fetchall()

    def head_notifications(
        self, after: int, on_notify: Callable[[], None]
    ) -> HeadNotifications | None:
        return None  # SQLite has no channel to wake readers (its `subscribe` is not implemented)

    def bytes_used(self) -> int:
        with self.datastore.transaction(commit=False) as cursor:
            return pages_in_use(cursor)

    def log_reader(self) -> LogReader:
        return SQLiteLogReader(self)


class SQLiteLogReader(LogReader):
    """A read-only connection to the file: in WAL mode it reads while a writer writes.

    Each SELECT is its own read transaction (autocommit), so it sees every commit made
    before it and holds no snapshot that would keep the log from being checkpointed. An
    in-memory database cannot be opened twice: there the reads go through the pool.
    """

    driver_errors = (sqlite3.Error,)
    operational_errors = (sqlite3.OperationalError, sqlite3.InterfaceError)

    def __init__(self, recorder: SQLiteLogRecorder) -> None:
        super().__init__(f"log reader of {recorder.datastore.pool.db_name}")
        self.recorder = recorder

    def _connect(self) -> Any:
        pool = self.recorder.datastore.pool
        if pool.is_sqlite_memory_mode:
            return _PooledReads(self.recorder)
        name = pool.db_name
        uri = name if name.startswith("file:") else Path(name).resolve().as_uri()
        uri += ("&" if "?" in uri else "?") + "mode=ro"
        return sqlite3.connect(
            uri,
            uri=True,
            check_same_thread=False,  # opened in one thread, read in the tail's, closed in another
            isolation_level=None,
            timeout=pool.lock_timeout or 5.0,
        )

    def _head(self, connection: Any) -> int:
        if isinstance(connection, _PooledReads):
            return self.recorder.max_notification_id() or 0
        return int(connection.execute(self.recorder.head_statement).fetchone()[0] or 0)

    def _log_rows(self, connection: Any, after: int, limit: int, until: int) -> list[LogRow]:
        return with_streams(self._stored_log_rows(connection, after, limit, until), self.streams)

    def _stored_log_rows(
        self, connection: Any, after: int, limit: int, until: int
    ) -> list[StoredLogRow]:
        if isinstance(connection, _PooledReads):
            return self.recorder.stored_log_rows(after, limit, until)
        return connection.execute(
            self.recorder.log_rows_statement, (after, until, limit)
        ).fetchall()

    @property
    def streams(self) -> Mapping[Any, str]:
        return self.recorder.stream_strings


class _PooledReads:
    """An in-memory database's stand-in for a connection: reads go through the pool."""

    def __init__(self, recorder: SQLiteLogRecorder) -> None:
        self.recorder = recorder

    def close(self) -> None:
        pass  # the pool's connections are the store's to close


class Factory(eventsourcing.sqlite.SQLiteFactory):
    """eventsourcing's SQLite factory, making the log recorder above."""

    application_recorder_class = SQLiteLogRecorder


@dataclass(frozen=True)
class SQLiteLocation(StoreLocation):
    """A SQLite file: a path, or `sqlite:///path`."""

    kind: ClassVar[str] = "sqlite"

    @classmethod
    def parse(cls, url: str) -> SQLiteLocation:
        path = url.removeprefix("sqlite://")
        return cls(url=url, env={"PERSISTENCE_MODULE": PERSISTENCE_MODULE, "SQLITE_DBNAME": path})

    @property
    def sqlite_path(self) -> Path:
        return Path(self.env["SQLITE_DBNAME"])

    def exists(self) -> bool:
        return self.sqlite_path.is_file()

    @contextlib.contextmanager
    def setting_up(self) -> Iterator[None]:
        yield  # writers are serialised by the file lock: nothing to take turns with
