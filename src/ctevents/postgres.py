"""The log in PostgreSQL: its location, and eventsourcing's recorder with the log reads added.

Selected by `PERSISTENCE_MODULE=ctevents.postgres`, as eventsourcing selects its own
persistence modules: the module's one factory makes `PostgresLogRecorder`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import parse_qs, unquote, urlsplit
from uuid import UUID

import eventsourcing.postgres
import psycopg
from eventsourcing.postgres import (
    PostgresApplicationRecorder,
    PostgresDatastore,
    PostgresSubscription,
)
from psycopg.sql import SQL, Identifier

from ctevents.persistence import (
    HeadNotifications,
    LogReader,
    LogRecorder,
    LogRow,
    StoreError,
    StoreLocation,
)

PERSISTENCE_MODULE = __name__
# A schema name used unquoted by eventsourcing's SQL: a plain identifier only.
_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
# libpq's own variables, set only where the operator has not: a database that does not
# answer fails a connection attempt in seconds and a statement in bounded time, instead of
# holding a request (and a worker thread) for as long as the operating system waits.
POSTGRES_DEFAULTS = {
    "PGCONNECT_TIMEOUT": "3",
    "PGOPTIONS": "-c statement_timeout=15000",
}
# eventsourcing's wait for a pooled connection, in seconds (its default is 5, per attempt).
POSTGRES_POOL_WAIT = "2"
# The name eventsourcing gives the events table: the application's name, lower-cased.
EVENTS_TABLE = "ctevents_events"


def schema_channel(schema: str, table: str) -> str:
    """The NOTIFY channel of one schema's events table: an identifier PostgreSQL keeps whole
    (at most 63 bytes), so a long schema name is replaced by a digest rather than cut."""
    name = f"{schema}_{table}"
    if len(name.encode()) <= 63:
        return name
    return f"{table}_{hashlib.blake2b(schema.encode(), digest_size=8).hexdigest()}"


class PostgresLogRecorder(LogRecorder, PostgresApplicationRecorder):
    """The events table by notification id (a bigserial: a rolled-back insert leaves a gap)."""

    notifies_appends = True  # eventsourcing NOTIFYs in every append's transaction

    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name=events_table_name)
        # eventsourcing names the channel after the table alone, so servers on other schemas
        # of the same database would wake this one (and be counted as its listeners).
        self.channel_name = schema_channel(self.datastore.schema, self.events_table_name)
        self.qualified_events_table = f'"{self.datastore.schema}"."{self.events_table_name}"'
        self.stream_positions_statement = (
            f"SELECT notification_id AS position FROM {self.qualified_events_table} "
            "WHERE originator_id = %s ORDER BY originator_version"
        )
        self.log_rows_statement = (
            "SELECT notification_id, originator_id::text, topic, originator_version, state "
            f"FROM {self.qualified_events_table} "
            "WHERE notification_id > %s AND notification_id <= %s "
            "ORDER BY notification_id LIMIT %s"
        )
        self.head_statement = f"SELECT max(notification_id) FROM {self.qualified_events_table}"

    def stream_positions(self, stream: UUID) -> list[int]:
        with self.datastore.transaction(commit=False) as cursor:
            cursor.execute(self.stream_positions_statement, (stream,))
            return [int(row["position"]) for row in cursor.fetchall()]

    def log_rows(self, after: int, limit: int, until: int) -> list[LogRow]:
        from psycopg.rows import tuple_row

        # One statement in the pool's autocommit mode: one round trip where a transaction
        # (BEGIN, SELECT, ROLLBACK) takes three; the feed reads once after every NOTIFY.
        with self.datastore.cursor() as cursor:
            cursor.row_factory = tuple_row  # plain tuples: a dict per event costs more
            cursor.execute(self.log_rows_statement, (after, until, limit))
            rows = cursor.fetchall()
        return [(p, s, t, v, bytes(b)) for p, s, t, v, b in rows]

    def head_notifications(self, after: int, on_notify: Callable[[], None]) -> HeadNotifications:
        """eventsourcing's LISTEN subscription, reused to hear of appends (see below)."""
        return HeadSubscription(self, after, on_notify)  # type: ignore[return-value]

    def bytes_used(self) -> int:
        with self.datastore.transaction(commit=False) as cursor:
            cursor.execute(
                "SELECT pg_total_relation_size(%s::regclass) AS n", (self.qualified_events_table,)
            )
            return int(cursor.fetchone()["n"])

    def log_reader(self) -> LogReader:
        return PostgresLogReader(self)


class PostgresLogReader(LogReader):
    """One autocommit connection of its own: each read is one statement, one round trip.

    Opened with the pool's settings (and libpq's timeouts, `POSTGRES_DEFAULTS`); a read
    that fails drops it, and the next read connects again.
    """

    driver_errors = (psycopg.Error,)
    operational_errors = (psycopg.OperationalError, psycopg.InterfaceError)

    def __init__(self, recorder: PostgresLogRecorder) -> None:
        super().__init__(f"log reader of {recorder.qualified_events_table}")
        self.recorder = recorder

    def _connect(self) -> Any:
        settings = dict(self.recorder.datastore.pool.kwargs or {})
        settings.pop("row_factory", None)  # plain tuples: a dict per event costs more
        settings.setdefault("connect_timeout", int(POSTGRES_DEFAULTS["PGCONNECT_TIMEOUT"]))
        return psycopg.connect(autocommit=True, **settings)

    def _head(self, connection: Any) -> int:
        row = connection.execute(self.recorder.head_statement).fetchone()
        return int(row[0] or 0)

    def _log_rows(self, connection: Any, after: int, limit: int, until: int) -> list[LogRow]:
        rows = connection.execute(self.recorder.log_rows_statement, (after, until, limit))
        return [(p, s, t, v, bytes(b)) for p, s, t, v, b in rows.fetchall()]

    # The statement selects the stream as `str(UUID)` already (`originator_id::text`).
    _stored_log_rows = _log_rows

    @property
    def streams(self) -> Mapping[Any, str]:
        return _SAME


class _Same(dict[str, str]):
    """Each stream id as it is."""

    def __missing__(self, stream: str) -> str:
        return stream


_SAME = _Same()


class HeadSubscription(PostgresSubscription):
    """eventsourcing's LISTEN subscription, passing on the word instead of the events.

    The library's pull thread reads every new event after a NOTIFY; the feed's tail reads
    them once for all its subscribers, on from where it is, so here a NOTIFY costs no
    query at all (asking for the head first cost a round trip on the way). The listening
    thread calls `on_notify` itself: handing the word on through the pull thread and a
    queue cost two more threads' wake-ups per NOTIFY, each a wait for a CPU and the GIL
    on a loaded machine. Iterating yields nothing; it ends when the subscription ends.
    """

    def __init__(
        self, recorder: PostgresLogRecorder, after: int, on_notify: Callable[[], None]
    ) -> None:
        self._on_notify = on_notify  # before the threads start
        super().__init__(recorder, gt=after)

    def _listen(self) -> None:
        # The library's `_listen`, calling `on_notify` where it set the pull thread's event.
        try:
            with self._recorder.datastore.get_connection() as conn:
                conn.execute(SQL("LISTEN {0}").format(Identifier(self._recorder.channel_name)))
                # Appends committed before LISTEN took effect sent their NOTIFY to nobody.
                self._on_notify()
                while not self._has_been_stopped and not self._thread_error:
                    for _ in conn.notifies(timeout=0.1, stop_after=1):
                        self._on_notify()
        except BaseException as e:
            if self._thread_error is None:
                self._thread_error = e
            self.stop()

    def _pull(self) -> None:
        self._has_been_notified.clear()  # only `stop` sets it now: nothing to pull


class Factory(eventsourcing.postgres.PostgresFactory):
    """eventsourcing's PostgreSQL factory, making the log recorder above."""

    application_recorder_class = PostgresLogRecorder


@dataclass(frozen=True)
class PostgresLocation(StoreLocation):
    """`postgresql://user@host:port/db?schema=name`."""

    kind: ClassVar[str] = "postgresql"

    @classmethod
    def parse(cls, url: str) -> PostgresLocation:
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        schema = query.get("schema", [""])[0]
        if schema and not _SCHEMA_NAME.match(schema):
            # Refused before anything is created: eventsourcing's SQL names it unquoted.
            raise StoreError(
                f"schema {schema!r} in the store URL is not a plain identifier: use letters, "
                "digits and _ (not starting with a digit), at most 63 characters"
            )
        env = {
            "PERSISTENCE_MODULE": PERSISTENCE_MODULE,
            "POSTGRES_DBNAME": unquote(parts.path.lstrip("/")) or "postgres",
            "POSTGRES_HOST": parts.hostname or "127.0.0.1",
            "POSTGRES_PORT": str(parts.port or 5432),
            "POSTGRES_USER": unquote(parts.username or "postgres"),
            "POSTGRES_PASSWORD": unquote(parts.password or ""),
            # Ids must be committed in order for a tailing reader: keep the
            # table lock that the database functions would skip.
            "POSTGRES_ENABLE_DB_FUNCTIONS": "n",
            "POSTGRES_CONNECT_TIMEOUT": POSTGRES_POOL_WAIT,
        }
        if schema:
            env["POSTGRES_SCHEMA"] = schema
        return cls(url=url, env=env)

    @property
    def postgres_schema(self) -> str | None:
        return self.env.get("POSTGRES_SCHEMA")

    def connect_postgres(self, *, autocommit: bool = True) -> Any:
        """A plain psycopg connection to this store's database (for locks, DDL)."""
        import psycopg

        return psycopg.connect(
            dbname=self.env["POSTGRES_DBNAME"],
            host=self.env["POSTGRES_HOST"],
            port=self.env["POSTGRES_PORT"],
            user=self.env["POSTGRES_USER"],
            password=self.env.get("POSTGRES_PASSWORD") or None,
            autocommit=autocommit,
            connect_timeout=int(POSTGRES_DEFAULTS["PGCONNECT_TIMEOUT"]),
        )

    def exists(self) -> bool:
        table = f"{self.postgres_schema or 'public'}.{EVENTS_TABLE}"
        try:
            with self.connect_postgres() as conn:
                found = conn.execute("SELECT to_regclass(%s)", (table,)).fetchone()
        except Exception as exc:
            raise StoreError(f"cannot open store {self.display}: {exc}") from exc
        return bool(found and found[0])

    @contextlib.contextmanager
    def setting_up(self) -> Iterator[None]:
        """Serialises table creation across processes opening a new store at once.

        Concurrent `CREATE … IF NOT EXISTS` statements can still collide in PostgreSQL's
        catalog ("tuple concurrently updated"); an advisory lock makes set-up one at a time.
        """
        for name, value in POSTGRES_DEFAULTS.items():
            os.environ.setdefault(name, value)
        from psycopg import sql

        with self.connect_postgres() as conn:
            conn.execute("SELECT pg_advisory_lock(hashtext('ctevents schema set-up'))")
            try:
                schema = self.postgres_schema
                if schema:
                    conn.execute(
                        sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema))
                    )
                yield
            finally:
                conn.execute("SELECT pg_advisory_unlock(hashtext('ctevents schema set-up'))")
