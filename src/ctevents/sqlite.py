"""The log in a SQLite file: its location, and eventsourcing's recorder with the log reads added.

Selected by `PERSISTENCE_MODULE=ctevents.sqlite`, as eventsourcing selects its own
persistence modules: the module's one factory makes `SQLiteLogRecorder`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar
from uuid import UUID

import eventsourcing.sqlite
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteDatastore

from ctevents.persistence import HeadNotifications, LogRecorder, LogRow, StoreLocation

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
        # Stored stream id → `str(UUID)`: a log holds far fewer streams than events.
        self._stream_strings: dict[str, str] = {}

    def stream_positions(self, stream: UUID) -> list[int]:
        with self.datastore.transaction(commit=False) as cursor:
            # eventsourcing stores SQLite stream ids as the UUID's hex, without dashes.
            cursor.execute(self.stream_positions_statement, (stream.hex,))
            return [int(row["position"]) for row in cursor.fetchall()]

    def log_rows(self, after: int, limit: int, until: int) -> list[LogRow]:
        with self.datastore.transaction(commit=False) as cursor:
            cursor.row_factory = None  # plain tuples: a `Row` per event costs more than the query
            cursor.execute(self.log_rows_statement, (after, until, limit))
            rows = cursor.fetchall()
        streams = self._stream_strings
        page = []
        for position, stored, topic, version, state in rows:
            stream = streams.get(stored)
            if stream is None:
                stream = streams[stored] = str(UUID(stored))
            page.append((position, stream, topic, version, state))
        return page

    def head_notifications(self, after: int) -> HeadNotifications | None:
        return None  # SQLite has no channel to wake readers (its `subscribe` is not implemented)

    def bytes_used(self) -> int:
        with self.datastore.transaction(commit=False) as cursor:
            return pages_in_use(cursor)


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
