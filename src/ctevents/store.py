"""The event store: the one place that knows eventsourcing and which database holds the log.

A store URL selects the persistence: a file path (or `sqlite:///path`) for SQLite,
`postgresql://user@host:port/db?schema=name` for PostgreSQL. Above this module no code
asks which one it is on. Positions are eventsourcing's notification ids: they start at
1, never change, and are the cursor the feed, projections and replay speak in.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, unquote, urlsplit
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import (
    ApplicationRecorder,
    IntegrityError,
    Notification,
    StoredEvent,
)
from eventsourcing.utils import get_topic

from ctevents.closing import ClosingGate
from ctevents.codec import (
    OrjsonTranscoder,
    PydanticMapper,
    Recorded,
    split_state,
    type_name_of,
)
from ctevents.events import event_types

DEFAULT_STORE = "ctevents.db"
STORE_ENV = "CTEVENTS_STORE"
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


def mask_url(url: str) -> str:
    """The URL with its password replaced by `***`: safe for errors, logs and `/healthz`."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=f"{user}:***@{host}").geturl()


class StoreError(RuntimeError):
    """The store URL is unusable or the database cannot be reached."""


class StreamExists(Exception):
    """The stream already holds events at the versions being appended."""


class LogApplication(Application[UUID]):
    """The write side's eventsourcing application: it records what sources assert."""

    name = "ctevents"


@dataclass(frozen=True)
class StoreLocation:
    """Where the log lives, as eventsourcing environment settings."""

    url: str
    kind: str  # "sqlite" | "postgresql"
    env: dict[str, str]

    @property
    def display(self) -> str:
        """The URL as shown to people: without its password."""
        return mask_url(self.url)

    @property
    def sqlite_path(self) -> Path | None:
        return Path(self.env["SQLITE_DBNAME"]) if self.kind == "sqlite" else None

    @property
    def postgres_schema(self) -> str | None:
        return self.env.get("POSTGRES_SCHEMA") if self.kind == "postgresql" else None

    def connect_postgres(self, *, autocommit: bool = True) -> Any:
        """A plain psycopg connection to this PostgreSQL store's database (for locks, DDL)."""
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


_CODEC_ENV = {
    "MAPPER_TOPIC": get_topic(PydanticMapper),
    "TRANSCODER_TOPIC": get_topic(OrjsonTranscoder),
}


def resolve_store_url(url: str | None = None) -> str:
    """The store named on the command line, else in CTEVENTS_STORE, else ./ctevents.db."""
    return url or os.environ.get(STORE_ENV) or DEFAULT_STORE


def locate(url: str | None = None) -> StoreLocation:
    url = resolve_store_url(url)
    if url.startswith(("postgresql://", "postgres://")):
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
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
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
        return StoreLocation(url=url, kind="postgresql", env=env)
    if "://" in url and not url.startswith("sqlite://"):
        raise StoreError(
            f"unsupported store URL {mask_url(url)!r}: use a file path, sqlite:///path or "
            "postgresql://…"
        )
    path = url.removeprefix("sqlite://")
    return StoreLocation(
        url=url,
        kind="sqlite",
        env={"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": path},
    )


def store_exists(location: StoreLocation) -> bool:
    """Whether the log has been created there (opening a `Store` creates it)."""
    if location.kind == "sqlite":
        assert location.sqlite_path is not None
        return location.sqlite_path.is_file()
    table = f"{location.postgres_schema or 'public'}.{LogApplication.name.lower()}_events"
    try:
        with location.connect_postgres() as conn:
            found = conn.execute("SELECT to_regclass(%s)", (table,)).fetchone()
    except Exception as exc:
        raise StoreError(f"cannot open store {location.display}: {exc}") from exc
    return bool(found and found[0])


@contextmanager
def _schema_lock(location: StoreLocation) -> Iterator[None]:
    """Serialises table creation across processes opening a new PostgreSQL store at once.

    Concurrent `CREATE … IF NOT EXISTS` statements can still collide in PostgreSQL's
    catalog ("tuple concurrently updated"); an advisory lock makes set-up one at a time.
    SQLite needs nothing: its writers are serialised by the file lock.
    """
    if location.kind != "postgresql":
        yield
        return
    from psycopg import sql

    with location.connect_postgres() as conn:
        conn.execute("SELECT pg_advisory_lock(hashtext('ctevents schema set-up'))")
        try:
            schema = location.postgres_schema
            if schema:
                conn.execute(
                    sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema))
                )
            yield
        finally:
            conn.execute("SELECT pg_advisory_unlock(hashtext('ctevents schema set-up'))")


class _Batch:
    """Hands all of a source's events to eventsourcing as one save: one transaction."""

    def __init__(self, events: Sequence[Recorded]) -> None:
        self.id = events[0].originator_id
        self._events = list(events)

    def collect_events(self) -> list[Recorded]:
        return self._events


class Store:
    """Append-only access to the log, and reads of it by position."""

    def __init__(self, url: str | None = None) -> None:
        self.location = locate(url)
        if self.location.kind == "postgresql":
            for name, value in POSTGRES_DEFAULTS.items():
                os.environ.setdefault(name, value)
        try:
            with _schema_lock(self.location):
                self.app = LogApplication(env={**self.location.env, **_CODEC_ENV})
        except StoreError:
            raise
        except Exception as exc:
            message = str(exc).replace(self.location.env.get("POSTGRES_PASSWORD") or "\0", "***")
            raise StoreError(f"cannot open store {self.location.display}: {message}") from exc
        self.recorder: ApplicationRecorder = self.app.recorder
        self._gate = ClosingGate(f"store {self.location.display}")
        self.mapper: PydanticMapper = self.app.mapper  # type: ignore[assignment]
        self._topics = {name: get_topic(cls) for name, cls in event_types().items()}
        self._stream_strings: dict[str, str] = {}

    @property
    def url(self) -> str:
        return self.location.url

    @property
    def kind(self) -> str:
        return self.location.kind

    def close(self) -> None:
        """Closes the connections once calls in flight (from other threads) have finished."""
        self._gate.close()
        self.app.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------

    def append(self, events: Sequence[Recorded]) -> list[int]:
        """Appends the events of one stream in one transaction; returns their positions.

        Raises `StreamExists` when any of the versions is already taken: nothing is
        written then.
        """
        if not events:
            return []
        with self._gate.use():
            try:
                recordings = self.app.save(_Batch(events))
            except IntegrityError as exc:
                # Other constraint failures are integrity errors too: only a stream that
                # really holds events means "already recorded".
                if self.recorder.select_events(events[0].originator_id, limit=1):
                    raise StreamExists(str(events[0].originator_id)) from exc
                raise
        return [r.notification.id for r in recordings]

    # --- reading -------------------------------------------------------------

    def head(self) -> int:
        """The position of the last event in the log; 0 when it is empty."""
        with self._gate.use():
            return self.recorder.max_notification_id() or 0

    def topics_for(self, type_names: Sequence[str]) -> list[str]:
        """Stored topics for wire type names; raises ValueError naming an unknown one."""
        unknown = [name for name in type_names if name not in self._topics]
        if unknown:
            raise ValueError(
                f"unknown event type(s): {', '.join(unknown)}; "
                f"known: {', '.join(sorted(self._topics))}"
            )
        return [self._topics[name] for name in type_names]

    def notifications(
        self,
        after: int = 0,
        limit: int = 1000,
        types: Sequence[str] = (),
        until: int | None = None,
    ) -> Sequence[Notification]:
        """Stored events with position > `after` (and ≤ `until`), in log order."""
        topics = self.topics_for(types) if types else ()
        with self._gate.use():
            return self.recorder.select_notifications(
                start=after, limit=limit, stop=until, topics=topics, inclusive_of_start=False
            )

    def envelope(self, notification: Notification) -> dict[str, Any]:
        """The wire form of a stored event, without building a pydantic model."""
        data, recorded_at, _ = split_state(self.mapper.decode_state(notification))
        return {
            "position": notification.id,
            "type": type_name_of(notification.topic),
            "stream": str(notification.originator_id),
            "version": notification.originator_version,
            "recorded_at": recorded_at,
            "data": data,
        }

    def envelopes(
        self,
        after: int = 0,
        limit: int = 1000,
        types: Sequence[str] = (),
        until: int | None = None,
    ) -> list[dict[str, Any]]:
        return [self.envelope(n) for n in self.notifications(after, limit, types, until)]

    def recorded(
        self,
        after: int = 0,
        limit: int = 1000,
        types: Sequence[str] = (),
        until: int | None = None,
    ) -> list[tuple[int, Recorded]]:
        """Typed events with their positions, in log order."""
        return [
            (n.id, self.mapper.to_domain_event(n))
            for n in self.notifications(after, limit, types, until)
        ]

    def stream(self, source_id: str | UUID) -> list[Recorded]:
        """Every event of one source's stream, in version order."""
        originator_id = source_id if isinstance(source_id, UUID) else UUID(str(source_id))
        with self._gate.use():
            return list(self.app.events.get(originator_id))

    def stored_stream(self, source_id: str | UUID) -> Sequence[StoredEvent]:
        """One source's stream as stored (undecoded), in version order."""
        originator_id = source_id if isinstance(source_id, UUID) else UUID(str(source_id))
        with self._gate.use():
            return self.recorder.select_events(originator_id)

    def stream_positions(self, source_id: str | UUID) -> list[int]:
        """The positions of a stream's events, in version order.

        eventsourcing reads a stream without positions, and scanning the log for them
        would cost the whole log; the events table answers with one indexed query on
        its (stream, version) primary key.
        """
        stream = source_id if isinstance(source_id, UUID) else UUID(str(source_id))
        recorder: Any = self.recorder
        table = recorder.events_table_name
        if self.kind == "sqlite":
            statement = (
                f"SELECT rowid AS position FROM {table} WHERE originator_id = ? "
                "ORDER BY originator_version"
            )
            # eventsourcing stores SQLite stream ids as the UUID's hex, without dashes.
            parameter: Any = stream.hex
        else:
            statement = (
                f'SELECT notification_id AS position FROM "{recorder.datastore.schema}".'
                f'"{table}" WHERE originator_id = %s ORDER BY originator_version'
            )
            parameter = stream
        with self._gate.use(), recorder.datastore.transaction(commit=False) as cursor:
            cursor.execute(statement, (parameter,))
            return [int(row["position"]) for row in cursor.fetchall()]

    def stored_rows(self, after: int, limit: int, until: int) -> list[tuple[int, str, str, Any]]:
        """Pages of (position, stream, topic, stored state) for readers of the whole log.

        eventsourcing's `select_notifications` makes a `Notification` per event and parses
        its stream id into a UUID: together as costly as decoding the payloads. A rebuild
        needs only these four columns: `log_rows` without the version.
        """
        return [(p, s, t, state) for p, s, t, _, state in self.log_rows(after, limit, until)]

    def log_rows(
        self, after: int, limit: int, until: int
    ) -> list[tuple[int, str, str, int, bytes]]:
        """Pages of (position, stream, topic, version, stored state): what the feed serves.

        Selected directly from the events table, with the stream as `str(UUID)`, so that
        no `Notification` is built per event.
        """
        recorder: Any = self.recorder
        table = recorder.events_table_name
        if self.kind == "sqlite":
            statement = (
                f"SELECT rowid, originator_id, topic, originator_version, state FROM {table} "
                "WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?"
            )
        else:
            statement = (
                "SELECT notification_id, originator_id::text, topic, originator_version, state "
                f'FROM "{recorder.datastore.schema}"."{table}" '
                "WHERE notification_id > %s AND notification_id <= %s "
                "ORDER BY notification_id LIMIT %s"
            )
        # PostgreSQL: one statement in the pool's autocommit mode, one round trip where a
        # transaction (BEGIN, SELECT, ROLLBACK) takes three; every NOTIFY costs one read.
        reading = (
            recorder.datastore.transaction(commit=False)
            if self.kind == "sqlite"
            else recorder.datastore.cursor()
        )
        with self._gate.use(), reading as cursor:
            # Plain tuples: a `Row` or a dict per event costs more than the query.
            if self.kind == "sqlite":
                cursor.row_factory = None
            else:
                from psycopg.rows import tuple_row

                cursor.row_factory = tuple_row
            cursor.execute(statement, (after, until, limit))
            rows = cursor.fetchall()
        if self.kind != "sqlite":
            return [(p, s, t, v, bytes(b)) for p, s, t, v, b in rows]
        streams = self._stream_strings
        page = []
        for position, stored, topic, version, state in rows:
            stream = streams.get(stored)
            if stream is None:
                stream = streams[stored] = str(UUID(stored))
            page.append((position, stream, topic, version, state))
        return page

    def head_notifications(self, after: int) -> HeadNotifications | None:
        """Word of appends as they commit (PostgreSQL NOTIFY); None where the store must be polled.

        eventsourcing's PostgreSQL recorder NOTIFYs in every append's transaction and
        its subscription LISTENs for it; `HeadNotifications` reuses that subscription.
        SQLite has no such channel (its `subscribe` is not implemented).
        """
        if self.kind != "postgresql":
            return None
        return _head_notifications(self.recorder, after)


class HeadNotifications(Protocol):
    """Yields each time appends were notified (once for a burst); a context manager.

    What it yields is not a position: the reader reads on from where it is.
    """

    def __enter__(self) -> HeadNotifications: ...
    def __exit__(self, *exc: object) -> None: ...
    def __iter__(self) -> Iterator[int]: ...
    def stop(self) -> None: ...


def _head_notifications(recorder: Any, after: int) -> HeadNotifications:
    from eventsourcing.postgres import PostgresSubscription

    class HeadSubscription(PostgresSubscription):
        """eventsourcing's LISTEN subscription, passing on the word instead of the events.

        The library's pull thread reads every new event after a NOTIFY; the feed's tail
        reads them once for all its subscribers, on from where it is, so here a NOTIFY
        costs no query at all (asking for the head first cost a query on the way).
        """

        def _pull(self) -> None:
            self._has_been_notified.clear()
            try:
                self._notifications_queue.put([0])  # type: ignore[list-item]
            except Exception:  # the queue was shut down: the subscription is stopping
                return

    return HeadSubscription(recorder, gt=after)  # type: ignore[return-value]
