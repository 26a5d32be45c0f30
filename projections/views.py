"""Where read models live: their tables and tracking positions, on SQLite or PostgreSQL.

Layout. On SQLite the read models share one file beside the log, `ctevents.db` →
`ctevents.views.db`: SQLite locks a whole file per writer, so projection batches in
the log's file would stall ingest (and eventsourcing fixes its table names per file).
On PostgreSQL they live in the log's own schema, beside `ctevents_events`, with the
tracking table renamed `projection_tracking` (MVCC: no writer contention to avoid).

Exactly-once. Each store subclasses eventsourcing's tracking recorder, so a batch's
rows and its tracking position are written by one transaction with
`_insert_tracking`, which raises IntegrityError on an equal or lower position.

Seams for rebuilds (replay): every table name, and the tracking name, carries the
store's `prefix`. A rebuild opens the same location with a fresh prefix, builds
there, and swaps tables in one transaction (`replay.swap`); DDL is transactional on both
databases, so readers see the old model or the new one, never half of either.

Above this module no code asks which database it is on: SQL is written once with `?`
placeholders and the types TEXT, BIGINT and BOOLEAN, which both databases accept (and
`bytes_type` for packed documents: BLOB or BYTEA). What differs is behind the abstract
methods of `ViewStore`, implemented once per database (`projections.sqlite_views`,
`projections.postgres_views`), each class composed with eventsourcing's tracking recorder
for that database; the store's `PERSISTENCE_MODULE` selects the class, as it selects the
log's recorder.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from ctevents.projections import evidence
from ctevents.projections.model import ReadModel
from eventsourcing.persistence import TrackingRecorder
from eventsourcing.utils import resolve_topic

from ctevents.store import StoreLocation

# Parts of a model's storage, by suffix of its table name.
ROWS = ""
CONTRIBUTIONS = "_contributions"
SOURCE_STATE = "_source_state"
CHANGES = "_changes"
MODEL_TABLES = (ROWS, CONTRIBUTIONS, SOURCE_STATE, CHANGES)
FAILURES = "projection_failures"
# Columns added to the failures table since it was first made: (name, definition).
FAILURE_COLUMNS = (
    "state TEXT NOT NULL DEFAULT 'skipped'",
    "attempts BIGINT NOT NULL DEFAULT 1",
)
VERSIONS = "projection_versions"

# A table's quoted name, the columns given, and the rows to load into it.
TableRows = tuple[str, Sequence[str], Sequence[Sequence[Any]]]
_PREFIX = re.compile(r"^[a-z0-9_]*$")
# The view store class for each persistence module (`StoreLocation.env`), imported when used.
VIEW_STORES = {
    "ctevents.sqlite": "ctevents.projections.sqlite_views:SQLiteViews",
    "ctevents.postgres": "ctevents.projections.postgres_views:PostgresViews",
}


def views_path(log_path: Path) -> Path:
    """`ctevents.db` → `ctevents.views.db`: the read models' file beside the log's."""
    return log_path.with_name(f"{log_path.stem}.views{log_path.suffix}")


def check_prefix(prefix: str) -> str:
    if not _PREFIX.match(prefix):
        raise ValueError(f"table prefix {prefix!r}: use lower-case letters, digits, _")
    return prefix


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


class ProcessLock(ABC):
    """A lock between processes that dies with its holder (kill -9 included).

    Taken without waiting; a holder can check that it still holds it.
    """

    @abstractmethod
    def try_acquire(self) -> bool:
        """True if held (now, or already and checked to be alive); False if another has it."""

    @abstractmethod
    def release(self) -> None:
        """Lets the lock go (if held) and closes what held it."""


class ViewStore(TrackingRecorder, ABC):
    """Read models' tables and tracking positions in one database; one subclass per database.

    The dialect-neutral part is written here; each abstract method is one difference
    between the databases.
    """

    kind: ClassVar[str]  # the database's name, for people
    bytes_type: ClassVar[str]  # the column type of packed documents
    prefix: str

    # --- opening: where each database keeps read models, the ledger and the locks ---------

    @classmethod
    @abstractmethod
    def open(cls, location: StoreLocation, *, prefix: str = "") -> ViewStore:
        """The read models' store beside the log at `location` (see the module docstring)."""

    @classmethod
    @abstractmethod
    def open_ledger(cls, location: StoreLocation) -> ViewStore:
        """The audit ledger's store (`projections.ledger`)."""

    @classmethod
    @abstractmethod
    def fold_lock(cls, location: StoreLocation, name: str) -> ProcessLock:
        """The lock that lets one process at a time fold `name` (`projections.leadership`)."""

    @classmethod
    @abstractmethod
    def replay_lock(cls, location: StoreLocation) -> ProcessLock:
        """The lock replays of the store's read models take turns with (`replay.generations`)."""

    # --- the dialect ---------------------------------------------------------------------

    @abstractmethod
    def transaction(self, *, commit: bool) -> AbstractContextManager[Any]:
        """A cursor in a transaction, committed at the end if `commit`."""

    @abstractmethod
    def sql(self, statement: str) -> str:
        """A statement written with `?` placeholders, in the driver's own."""

    @abstractmethod
    def _qualify(self, name: str) -> str:
        """The quoted (and schema-qualified) name of a table."""

    @abstractmethod
    def _add_column(self, cursor: Any, table: str, column: str) -> None:
        """Adds `column` (a definition) to `table` unless it is there."""

    @abstractmethod
    def lock_set_up(self, cursor: Any) -> None:
        """Inside a set-up transaction: processes creating tables at once take turns."""

    @abstractmethod
    def record_position(self, cursor: Any, model: ReadModel | str, position: int) -> None:
        """Inside the batch's transaction; IntegrityError if `position` was already recorded."""

    @abstractmethod
    def _max_tracking_id_in(self, cursor: Any, name: str) -> int | None:
        """The tracking position `name`, read with a caller's cursor."""

    @abstractmethod
    def claim_position(self, cursor: Any, model: ReadModel | str) -> int:
        """The position, read as the first statement of a write transaction, locking it.

        A replay swaps a new generation in by rewriting this position (`replay.swap`):
        a batch that claims the position first either commits before the swap or sees
        the swapped-in position and tables, never the old position with the new tables.
        """

    @abstractmethod
    def generation_tracking_table(self, prefix: str) -> str:
        """The quoted, qualified table holding the tracking positions of generation `prefix`."""

    def tracking_table(self) -> str:
        """The quoted, qualified table that holds the tracking positions."""
        return self.generation_tracking_table(self.prefix)

    @abstractmethod
    def drop_tracking(self, cursor: Any, prefix: str, model: ReadModel | str) -> None:
        """Forgets generation `prefix`'s tracking position of `model` (`replay.generations`)."""

    @abstractmethod
    def bulk_insert_spans(self, cursor: Any, spans: list[tuple[Any, ...]], chunk: int) -> None:
        """Stores many spans (some may be there already) the fastest way the database has."""

    @abstractmethod
    def bulk_load(self, cursor: Any, table: TableRows, chunk: int) -> None:
        """Fills a new, empty table the fastest way the database has."""

    @abstractmethod
    def bytes_used(self, tables: Sequence[str]) -> int:
        """The bytes the read models take (`tables`: their unqualified names)."""

    @abstractmethod
    def close(self) -> None:
        """Closes the connections once queries in flight (from other threads) have finished."""

    # --- names -----------------------------------------------------------------

    def table(self, model: ReadModel | str, part: str = ROWS) -> str:
        """The quoted, qualified name of one of a model's tables."""
        name = model if isinstance(model, str) else model.name
        return self._qualify(f"{self.prefix}{name}{part}")

    def spans_table(self) -> str:
        """The evidence spans, shared by every model and generation (see `evidence`)."""
        return self._qualify(evidence.SPANS)

    def spans_insert(self) -> str:
        return evidence.insert_statement(self.spans_table())

    def tracking_name(self, model: ReadModel | str) -> str:
        return f"{self.prefix}{model if isinstance(model, str) else model.name}"

    # --- schema ----------------------------------------------------------------

    def ensure(self, models: Iterable[ReadModel]) -> None:
        """Creates what is missing: each model's tables, the failure and version tables."""
        statements = [
            f"CREATE TABLE IF NOT EXISTS {self._qualify(self.prefix + FAILURES)} ("
            "projection TEXT NOT NULL, position BIGINT NOT NULL, error TEXT NOT NULL, "
            "recorded_at TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'skipped', "
            "attempts BIGINT NOT NULL DEFAULT 1, PRIMARY KEY (projection, position))",
            f"CREATE TABLE IF NOT EXISTS {self._qualify(self.prefix + VERSIONS)} ("
            "projection TEXT PRIMARY KEY, version BIGINT NOT NULL, created_at TEXT NOT NULL)",
            evidence.ddl(self.spans_table()),
        ]
        for model in models:
            statements.extend(self._model_ddl(model))
        with self.transaction(commit=True) as cursor:
            self.lock_set_up(cursor)
            for statement in statements:
                cursor.execute(statement)
            # Failures tables made before failures had a state: the columns are added.
            for column in FAILURE_COLUMNS:
                self._add_column(cursor, self.prefix + FAILURES, column)
            for model in models:
                cursor.execute(
                    self.sql(
                        f"INSERT INTO {self._qualify(self.prefix + VERSIONS)} "
                        "VALUES (?, ?, ?) ON CONFLICT (projection) DO NOTHING"
                    ),
                    (model.name, model.version, now_iso()),
                )

    def _model_ddl(self, model: ReadModel) -> list[str]:
        base = f"{self.prefix}{model.name}"
        columns = "".join(f", {c.name} {c.sql_type}" for c in model.columns)
        packed = self.bytes_type  # documents are packed JSON (see `stored`)
        return [
            f"CREATE TABLE IF NOT EXISTS {self.table(model)} (key TEXT PRIMARY KEY{columns}, "
            f"row {packed} NOT NULL, position BIGINT NOT NULL)",
            f"CREATE TABLE IF NOT EXISTS {self.table(model, CONTRIBUTIONS)} ("
            f"key TEXT NOT NULL, source_id TEXT NOT NULL, doc {packed} NOT NULL, "
            "PRIMARY KEY (key, source_id))",
            f"CREATE INDEX IF NOT EXISTS {base}_contributions_by_source "
            f"ON {self.table(model, CONTRIBUTIONS)} (source_id)",
            f"CREATE TABLE IF NOT EXISTS {self.table(model, SOURCE_STATE)} ("
            f"source_id TEXT PRIMARY KEY, doc {packed} NOT NULL)",
            f"CREATE TABLE IF NOT EXISTS {self.table(model, CHANGES)} ("
            "key TEXT PRIMARY KEY, op TEXT NOT NULL, position BIGINT NOT NULL)",
            f"CREATE INDEX IF NOT EXISTS {base}_changes_by_position "
            f"ON {self.table(model, CHANGES)} (position)",
        ]

    # --- tracking ----------------------------------------------------------------

    def position(self, model: ReadModel | str) -> int:
        """The last position folded into the model; 0 before the first batch."""
        return self.max_tracking_id(self.tracking_name(model)) or 0

    def read_position(self, cursor: Any, model: ReadModel | str) -> int:
        """The position, read inside a caller's transaction (for consistent reads)."""
        return self._max_tracking_id_in(cursor, self.tracking_name(model)) or 0

    def insert_spans(self, cursor: Any, spans: list[tuple[Any, ...]], chunk: int) -> None:
        """Stores spans (some may be there already) with `executemany`, `chunk` at a time."""
        statement = self.sql(self.spans_insert())
        for start in range(0, len(spans), chunk):
            cursor.executemany(statement, spans[start : start + chunk])

    def stored_version(self, model: ReadModel | str) -> int | None:
        """The version of the code that built the stored model (None: never built)."""
        name = model if isinstance(model, str) else model.name
        with self.transaction(commit=False) as cursor:
            cursor.execute(
                self.sql(
                    f"SELECT version FROM {self._qualify(self.prefix + VERSIONS)} "
                    "WHERE projection = ?"
                ),
                (name,),
            )
            found = cursor.fetchone()
        return None if found is None else int(found["version"])


def view_store_class(location: StoreLocation) -> type[ViewStore]:
    """The view store for the log's persistence module, as eventsourcing selects recorders."""
    return resolve_topic(VIEW_STORES[location.env["PERSISTENCE_MODULE"]])


def open_views(location: StoreLocation, *, prefix: str = "") -> ViewStore:
    """The read models' store for a log's location (see the module docstring)."""
    return view_store_class(location).open(location, prefix=prefix)


def open_ledger_views(location: StoreLocation) -> ViewStore:
    """The audit ledger's store for a log's location (`projections.ledger`)."""
    return view_store_class(location).open_ledger(location)


def open_fold_lock(location: StoreLocation, name: str) -> ProcessLock:
    """The lock that lets one process at a time fold `name` (`projections.leadership`)."""
    return view_store_class(location).fold_lock(location, name)


def open_replay_lock(location: StoreLocation) -> ProcessLock:
    """The lock replays of a store's read models take turns with (`replay.generations`)."""
    return view_store_class(location).replay_lock(location)
