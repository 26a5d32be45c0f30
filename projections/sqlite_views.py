"""Read models in SQLite: a file of their own beside the log, one `tracking` table per file.

SQLite locks a whole file per writer, so the read models (and the audit ledger) live in
files of their own beside the log's; eventsourcing fixes the tracking table's name per
file, so generations' positions are rows in it under their prefixed names. Locks
between processes are OS file locks (`filelock`) beside the log, released by the OS
when their holder dies.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import filelock
from ctevents.projections.model import ReadModel
from ctevents.projections.views import (
    ProcessLock,
    TableRows,
    ViewStore,
    check_prefix,
    views_path,
)
from eventsourcing.persistence import Tracking
from eventsourcing.sqlite import SQLiteDatastore, SQLiteTrackingRecorder

from ctevents.closing import ClosingGate
from ctevents.sqlite import SQLiteLocation, pages_in_use
from ctevents.store import StoreLocation


def ledger_path(log_path: Path) -> Path:
    """`ctevents.db` → `ctevents.ledger.db`: the audit ledger's file."""
    return log_path.with_name(f"{log_path.stem}.ledger{log_path.suffix}")


def _log_path(location: StoreLocation) -> Path:
    assert isinstance(location, SQLiteLocation)  # selected by its persistence module
    return location.sqlite_path


class FileLock(ProcessLock):
    """An OS file lock at `path`, on every platform; the OS lets it go if the holder dies."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock: filelock.FileLock | None = None
        self.held = False

    def try_acquire(self) -> bool:
        if self.held:
            return True
        if self._lock is None:
            self._lock = filelock.FileLock(self.path)
        try:
            self._lock.acquire(timeout=0)
        except filelock.Timeout:
            return False
        self.held = True
        return True

    def release(self) -> None:
        lock, self._lock, self.held = self._lock, None, False
        if lock is not None:
            lock.release(force=True)


class SQLiteViews(ViewStore, SQLiteTrackingRecorder):
    """Read models in a SQLite file of their own."""

    kind = "sqlite"
    bytes_type = "BLOB"

    def __init__(self, path: Path | str, *, prefix: str = "") -> None:
        self.prefix = check_prefix(prefix)
        self.path = Path(path)
        self._gate = ClosingGate(f"read models {path}")
        super().__init__(SQLiteDatastore(str(path), lock_timeout=30))
        self.create_table()

    @classmethod
    def open(cls, location: StoreLocation, *, prefix: str = "") -> SQLiteViews:
        return cls(views_path(_log_path(location)), prefix=prefix)

    @classmethod
    def open_ledger(cls, location: StoreLocation) -> SQLiteViews:
        # A file of its own, away from read-model rebuilds and their file lock.
        return cls(ledger_path(_log_path(location)))

    @classmethod
    def fold_lock(cls, location: StoreLocation, name: str) -> FileLock:
        log_path = _log_path(location)
        digest = hashlib.sha256(name.encode()).hexdigest()[:12]
        return FileLock(log_path.with_name(f"{log_path.name}.fold-{digest}.lock"))

    @classmethod
    def replay_lock(cls, location: StoreLocation) -> FileLock:
        return FileLock(views_path(_log_path(location)).with_suffix(".replay-lock"))

    @contextmanager
    def transaction(self, *, commit: bool) -> Iterator[Any]:
        with self._gate.use(), self.datastore.transaction(commit=commit) as cursor:
            if commit:
                # BEGIN is deferred: a transaction that reads before it writes cannot
                # upgrade its lock once another writer has committed ("database is
                # locked", without waiting). A no-op write first takes the write lock
                # while the busy timeout still applies.
                cursor.execute("UPDATE tracking SET notification_id = notification_id WHERE 0")
            yield cursor

    def sql(self, statement: str) -> str:
        return statement  # `?` is sqlite3's own placeholder

    def _qualify(self, name: str) -> str:
        return f'"{name}"'

    def _add_column(self, cursor: Any, table: str, column: str) -> None:
        cursor.execute(f"PRAGMA table_info({self._qualify(table)})")
        if column.split()[0] not in {r["name"] for r in cursor.fetchall()}:
            cursor.execute(f"ALTER TABLE {self._qualify(table)} ADD COLUMN {column}")

    def lock_set_up(self, cursor: Any) -> None:
        pass  # the transaction's write lock already makes set-up take turns

    def record_position(self, cursor: Any, model: ReadModel | str, position: int) -> None:
        self._insert_tracking(cursor, Tracking(self.tracking_name(model), position))

    def _max_tracking_id_in(self, cursor: Any, name: str) -> int | None:
        return self._max_tracking_id(name, cursor)

    def claim_position(self, cursor: Any, model: ReadModel | str) -> int:
        # BEGIN is deferred: a no-op write takes the file's write lock before anything
        # is read, so the reads that follow cannot be older than a swap committed since.
        cursor.execute(
            "UPDATE tracking SET notification_id = notification_id WHERE application_name = ?",
            (self.tracking_name(model),),
        )
        return self._max_tracking_id_in(cursor, self.tracking_name(model)) or 0

    def generation_tracking_table(self, prefix: str) -> str:
        return '"tracking"'  # one table per file; names carry the prefix

    def drop_tracking(self, cursor: Any, prefix: str, model: ReadModel | str) -> None:
        # One tracking table per file: the generation's position is a row in it.
        cursor.execute(
            "DELETE FROM tracking WHERE application_name = ?",
            (prefix + (model if isinstance(model, str) else model.name),),
        )

    def bulk_insert_spans(self, cursor: Any, spans: list[tuple[Any, ...]], chunk: int) -> None:
        self.insert_spans(cursor, spans, chunk)

    def bulk_load(self, cursor: Any, table: TableRows, chunk: int) -> None:
        name, columns, rows = table
        statement = (
            f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        )
        for start in range(0, len(rows), chunk):
            cursor.executemany(statement, rows[start : start + chunk])

    def bytes_used(self, tables: Sequence[str]) -> int:
        # The pages of the file in use: free pages left by dropped generations not counted.
        with self.transaction(commit=False) as cursor:
            return pages_in_use(cursor)

    def close(self) -> None:
        self._gate.close()  # after the queries other threads have in flight
        self.datastore.close()
