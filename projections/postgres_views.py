"""Read models in PostgreSQL: in the log's own schema, each prefix with its tracking table.

MVCC leaves no writer contention to avoid, so read models (and the audit ledger) sit
beside `ctevents_events`, the tracking table renamed `projection_tracking` (one per
table prefix: a generation's tracking goes with its tables). Locks between processes
are session advisory locks on connections of their own: the server lets them go when
the session ends, kill -9 included. Bulk writes use COPY.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ctevents.projections.model import ReadModel
from ctevents.projections.views import ProcessLock, TableRows, ViewStore, check_prefix
from eventsourcing.persistence import Tracking
from eventsourcing.postgres import PostgresDatastore, PostgresTrackingRecorder

from ctevents.closing import ClosingGate
from ctevents.postgres import PostgresLocation
from ctevents.store import StoreLocation

SET_UP_LOCK = "SELECT pg_advisory_xact_lock(hashtext('ctevents views set-up'))"
TRACKING = "projection_tracking"
REPLAY_LOCK_KEY = "ctevents replay"


def _location(location: StoreLocation) -> PostgresLocation:
    assert isinstance(location, PostgresLocation)  # selected by its persistence module
    return location


class AdvisoryLock(ProcessLock):
    """A session advisory lock on `key`, on a connection of its own (opened when first tried)."""

    def __init__(self, location: PostgresLocation, key: str) -> None:
        self.location = location
        self.key = key
        self.held = False
        self._connection: Any = None

    def try_acquire(self) -> bool:
        if self._connection is None:
            self._connection = self.location.connect_postgres()
        if self.held:
            self._connection.execute("SELECT 1")  # the session (and with it the lock) is alive
            return True
        row = self._connection.execute(
            "SELECT pg_try_advisory_lock(hashtext(%s))", (self.key,)
        ).fetchone()
        self.held = bool(row and row[0])
        return self.held

    def release(self) -> None:
        connection, held = self._connection, self.held
        self._connection, self.held = None, False
        if connection is None:
            return
        try:
            if held:
                connection.execute("SELECT pg_advisory_unlock(hashtext(%s))", (self.key,))
        finally:
            connection.close()  # ending the session lets the lock go in any case


def _copy(cursor: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """PostgreSQL's COPY into `table`: many times faster than one INSERT a row."""
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


class PostgresViews(ViewStore, PostgresTrackingRecorder):
    """Read models in the log's PostgreSQL schema."""

    kind = "postgresql"
    bytes_type = "BYTEA"

    def __init__(self, env: dict[str, str], *, prefix: str = "") -> None:
        self.prefix = check_prefix(prefix)
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
        super().__init__(datastore, tracking_table_name=f"{prefix}{TRACKING}")
        self.create_table()

    @classmethod
    def open(cls, location: StoreLocation, *, prefix: str = "") -> PostgresViews:
        return cls(_location(location).env, prefix=prefix)

    @classmethod
    def open_ledger(cls, location: StoreLocation) -> PostgresViews:
        return cls(_location(location).env)  # the table `audit_ledger` in the log's schema

    @classmethod
    def fold_lock(cls, location: StoreLocation, name: str) -> AdvisoryLock:
        postgres = _location(location)
        return AdvisoryLock(
            postgres, f"ctevents fold {postgres.postgres_schema or 'public'} {name}"
        )

    @classmethod
    def replay_lock(cls, location: StoreLocation) -> AdvisoryLock:
        postgres = _location(location)
        # The key includes the schema: stores in other schemas replay independently.
        return AdvisoryLock(
            postgres, f"{REPLAY_LOCK_KEY} {postgres.env.get('POSTGRES_SCHEMA', '')}"
        )

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

    def lock_set_up(self, cursor: Any) -> None:
        cursor.execute(SET_UP_LOCK)

    def record_position(self, cursor: Any, model: ReadModel | str, position: int) -> None:
        self._insert_tracking(cursor, Tracking(self.tracking_name(model), position))

    def _max_tracking_id_in(self, cursor: Any, name: str) -> int | None:
        cursor.execute(self.max_tracking_id_statement, (name,))
        found = cursor.fetchone()
        return None if found is None else found["max"]

    def claim_position(self, cursor: Any, model: ReadModel | str) -> int:
        # READ COMMITTED: the row lock makes a batch and a swap take turns.
        cursor.execute(
            f"SELECT notification_id FROM {self.tracking_table()} "
            "WHERE application_name = %s FOR UPDATE",
            (self.tracking_name(model),),
        )
        found = cursor.fetchone()
        return 0 if found is None else int(found["notification_id"])

    def generation_tracking_table(self, prefix: str) -> str:
        return self._qualify(prefix + TRACKING)

    def drop_tracking(self, cursor: Any, prefix: str, model: ReadModel | str) -> None:
        # The generation's tracking table is its own: it goes with its tables.
        cursor.execute(f"DROP TABLE IF EXISTS {self.generation_tracking_table(prefix)}")

    def bulk_insert_spans(self, cursor: Any, spans: list[tuple[Any, ...]], chunk: int) -> None:
        # Copied into a temporary table first, then inserted from it with the same
        # `ON CONFLICT DO NOTHING` (the table is shared, some may be there):
        # `executemany` was a third of a PostgreSQL replay's writing time, measured.
        if not spans:
            return
        table = self.spans_table()
        cursor.execute(
            f"CREATE TEMPORARY TABLE new_spans (LIKE {table} INCLUDING DEFAULTS) ON COMMIT DROP"
        )
        columns = ("id", "span_start", "span_end", "quote")
        _copy(cursor, "new_spans", columns, spans)
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} "
            "FROM new_spans ON CONFLICT (id) DO NOTHING"
        )

    def bulk_load(self, cursor: Any, table: TableRows, chunk: int) -> None:
        _copy(cursor, *table)  # the table is new and empty: no conflict to handle

    def bytes_used(self, tables: Sequence[str]) -> int:
        # Rows, TOAST and indexes of each table.
        total = 0
        with self.transaction(commit=False) as cursor:
            for name in tables:
                cursor.execute(
                    "SELECT COALESCE(pg_total_relation_size(to_regclass(%s)), 0) AS n",
                    (self._qualify(name),),
                )
                total += int(cursor.fetchone()["n"])
        return total

    def close(self) -> None:
        self._gate.close()  # after the queries other threads have in flight
        self.datastore.close()
