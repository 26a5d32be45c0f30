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
`bytes_type` for packed documents: BLOB or BYTEA).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ctevents.projections import evidence
from ctevents.projections.model import ReadModel
from eventsourcing.persistence import Tracking
from eventsourcing.postgres import PostgresDatastore, PostgresTrackingRecorder
from eventsourcing.sqlite import SQLiteDatastore, SQLiteTrackingRecorder

from ctevents.closing import ClosingGate
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

SET_UP_LOCK = "SELECT pg_advisory_xact_lock(hashtext('ctevents views set-up'))"
_PREFIX = re.compile(r"^[a-z0-9_]*$")


def views_path(log_path: Path) -> Path:
    """`ctevents.db` → `ctevents.views.db`: the read models' file beside the log's."""
    return log_path.with_name(f"{log_path.stem}.views{log_path.suffix}")


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


class ViewStoreMixin:
    """The dialect-neutral part: table names, DDL, tracking, versions, swaps."""

    kind: str
    prefix: str
    bytes_type: str  # the column type of packed documents

    # Provided by the database-specific subclasses below.
    def transaction(self, *, commit: bool) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def _qualify(self, name: str) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _add_column(self, cursor: Any, table: str, column: str) -> None:  # pragma: no cover
        raise NotImplementedError

    def sql(self, statement: str) -> str:
        return statement

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
            if self.kind == "postgresql":
                cursor.execute(SET_UP_LOCK)
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

    def record_position(self, cursor: Any, model: ReadModel | str, position: int) -> None:
        """Inside the batch's transaction; IntegrityError if `position` was already recorded."""
        self._insert_tracking(cursor, Tracking(self.tracking_name(model), position))  # type: ignore[attr-defined]

    def position(self, model: ReadModel | str) -> int:
        """The last position folded into the model; 0 before the first batch."""
        return self.max_tracking_id(self.tracking_name(model)) or 0  # type: ignore[attr-defined]

    def read_position(self, cursor: Any, model: ReadModel | str) -> int:
        """The position, read inside a caller's transaction (for consistent reads)."""
        return self._max_tracking_id_in(cursor, self.tracking_name(model)) or 0

    def _max_tracking_id_in(self, cursor: Any, name: str) -> int | None:  # pragma: no cover
        raise NotImplementedError

    def claim_position(self, cursor: Any, model: ReadModel | str) -> int:
        """The position, read as the first statement of a write transaction, locking it.

        A replay swaps a new generation in by rewriting this position (`replay.swap`):
        a batch that claims the position first either commits before the swap or sees
        the swapped-in position and tables, never the old position with the new tables.
        """
        return self._max_tracking_id_in(cursor, self.tracking_name(model)) or 0

    def tracking_table(self) -> str:  # pragma: no cover - overridden
        """The quoted, qualified table that holds the tracking positions."""
        raise NotImplementedError

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


class SQLiteViews(ViewStoreMixin, SQLiteTrackingRecorder):
    """Read models in a SQLite file of their own."""

    kind = "sqlite"
    bytes_type = "BLOB"

    def __init__(self, path: Path | str, *, prefix: str = "") -> None:
        if not _PREFIX.match(prefix):
            raise ValueError(f"table prefix {prefix!r}: use lower-case letters, digits, _")
        self.prefix = prefix
        self.path = Path(path)
        self._gate = ClosingGate(f"read models {path}")
        super().__init__(SQLiteDatastore(str(path), lock_timeout=30))
        self.create_table()

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

    def _qualify(self, name: str) -> str:
        return f'"{name}"'

    def _add_column(self, cursor: Any, table: str, column: str) -> None:
        cursor.execute(f"PRAGMA table_info({self._qualify(table)})")
        if column.split()[0] not in {r["name"] for r in cursor.fetchall()}:
            cursor.execute(f"ALTER TABLE {self._qualify(table)} ADD COLUMN {column}")

    def _max_tracking_id_in(self, cursor: Any, name: str) -> int | None:
        return self._max_tracking_id(name, cursor)

    def claim_position(self, cursor: Any, model: ReadModel | str) -> int:
        # BEGIN is deferred: a no-op write takes the file's write lock before anything
        # is read, so the reads that follow cannot be older than a swap committed since.
        cursor.execute(
            "UPDATE tracking SET notification_id = notification_id WHERE application_name = ?",
            (self.tracking_name(model),),
        )
        return super().claim_position(cursor, model)

    def tracking_table(self) -> str:
        return '"tracking"'  # one table per file; names carry the prefix

    def close(self) -> None:
        self._gate.close()  # after the queries other threads have in flight
        self.datastore.close()


class PostgresViews(ViewStoreMixin, PostgresTrackingRecorder):
    """Read models in the log's PostgreSQL schema."""

    kind = "postgresql"
    bytes_type = "BYTEA"

    def __init__(self, env: dict[str, str], *, prefix: str = "") -> None:
        if not _PREFIX.match(prefix):
            raise ValueError(f"table prefix {prefix!r}: use lower-case letters, digits, _")
        self.prefix = prefix
        self._gate = ClosingGate("read models")
        datastore = PostgresDatastore(
            dbname=env["POSTGRES_DBNAME"],
            host=env["POSTGRES_HOST"],
            port=env["POSTGRES_PORT"],
            user=env["POSTGRES_USER"],
            password=env.get("POSTGRES_PASSWORD", ""),
            schema=env.get("POSTGRES_SCHEMA", ""),
            pool_size=2,
            max_overflow=6,
        )
        super().__init__(datastore, tracking_table_name=f"{prefix}projection_tracking")
        self.create_table()

    @contextmanager
    def transaction(self, *, commit: bool) -> Iterator[Any]:
        with self._gate.use(), self.datastore.transaction(commit=commit) as cursor:
            yield cursor

    def _create_table(self, curs: Any) -> None:
        # Concurrent CREATE … IF NOT EXISTS can collide in PostgreSQL's catalog when a
        # server and a worker start together: set-up takes turns.
        curs.execute(SET_UP_LOCK)
        super()._create_table(curs)

    def sql(self, statement: str) -> str:
        # psycopg's placeholder; no statement here holds a literal `?` or `%`.
        return statement.replace("?", "%s")

    def _qualify(self, name: str) -> str:
        return f'"{self.datastore.schema}"."{name}"'

    def _add_column(self, cursor: Any, table: str, column: str) -> None:
        cursor.execute(f"ALTER TABLE {self._qualify(table)} ADD COLUMN IF NOT EXISTS {column}")

    def _max_tracking_id_in(self, cursor: Any, name: str) -> int | None:
        cursor.execute(self.max_tracking_id_statement, (name,))
        found = cursor.fetchone()
        return None if found is None else found["max"]

    def claim_position(self, cursor: Any, model: ReadModel | str) -> int:
        # READ COMMITTED: the row lock makes a batch and a swap take turns (see the mixin).
        cursor.execute(
            f"SELECT notification_id FROM {self.tracking_table()} "
            "WHERE application_name = %s FOR UPDATE",
            (self.tracking_name(model),),
        )
        found = cursor.fetchone()
        return 0 if found is None else int(found["notification_id"])

    def tracking_table(self) -> str:
        return self._qualify(self.tracking_table_name)

    def close(self) -> None:
        self._gate.close()  # after the queries other threads have in flight
        self.datastore.close()


ViewStore = SQLiteViews | PostgresViews


def open_views(location: StoreLocation, *, prefix: str = "") -> ViewStore:
    """The read models' store for a log's location (see the module docstring)."""
    if location.kind == "sqlite":
        assert location.sqlite_path is not None
        return SQLiteViews(views_path(location.sqlite_path), prefix=prefix)
    return PostgresViews(location.env, prefix=prefix)
