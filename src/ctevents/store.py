"""The event store: the one place that knows eventsourcing and which database holds the log.

A store URL selects the persistence: a file path (or `sqlite:///path`) for SQLite,
`postgresql://user@host:port/db?schema=name` for PostgreSQL. Above this module no code
asks which one it is on. Positions are eventsourcing's notification ids: they start at
1, never change, and are the cursor the feed, projections and replay speak in.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, cast
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import IntegrityError, Notification, StoredEvent
from eventsourcing.utils import get_topic, resolve_topic

from ctevents.closing import ClosingGate
from ctevents.codec import (
    OrjsonTranscoder,
    PydanticMapper,
    RecordedEvent,
    split_state,
    type_name_of,
)
from ctevents.events import event_types
from ctevents.persistence import (
    HeadNotifications,
    LogReader,
    LogRecorder,
    LogRow,
    StoreError,
    StoreLocation,
    mask_url,
)

__all__ = ["Store", "StoreError", "StoreLocation", "StreamExists", "locate", "mask_url"]

DEFAULT_STORE = "ctevents.db"
STORE_ENV = "CTEVENTS_STORE"
# The location class of each store URL scheme (a path without one is a SQLite file): the
# persistence module it names in `PERSISTENCE_MODULE` selects eventsourcing's recorders.
LOCATIONS = {
    "sqlite": "ctevents.sqlite:SQLiteLocation",
    "postgresql": "ctevents.postgres:PostgresLocation",
    "postgres": "ctevents.postgres:PostgresLocation",
}


class StreamExists(Exception):
    """The stream already holds events at the versions being appended."""


class LogApplication(Application[UUID]):
    """The write side's eventsourcing application: it records what sources assert."""

    name = "ctevents"


_CODEC_ENV = {
    "MAPPER_TOPIC": get_topic(PydanticMapper),
    "TRANSCODER_TOPIC": get_topic(OrjsonTranscoder),
}


def resolve_store_url(url: str | None = None) -> str:
    """The store named on the command line, else in CTEVENTS_STORE, else ./ctevents.db."""
    return url or os.environ.get(STORE_ENV) or DEFAULT_STORE


def locate(url: str | None = None) -> StoreLocation:
    url = resolve_store_url(url)
    scheme = url.partition("://")[0] if "://" in url else "sqlite"
    topic = LOCATIONS.get(scheme)
    if topic is None:
        raise StoreError(
            f"unsupported store URL {mask_url(url)!r}: use a file path, sqlite:///path or "
            "postgresql://…"
        )
    location_class: type[StoreLocation] = resolve_topic(topic)
    return location_class.parse(url)


def store_exists(location: StoreLocation) -> bool:
    """Whether the log has been created there (opening a `Store` creates it)."""
    return location.exists()


class _StreamAppend:
    """Hands all of a source's events to eventsourcing as one save: one transaction."""

    def __init__(self, events: Sequence[RecordedEvent]) -> None:
        self.id = events[0].originator_id
        self._events = list(events)

    def collect_events(self) -> list[RecordedEvent]:
        return self._events


class Store:
    """Append-only access to the log, and reads of it by position."""

    def __init__(self, url: str | None = None) -> None:
        self.location = locate(url)
        try:
            with self.location.setting_up():
                self.app = LogApplication(env={**self.location.env, **_CODEC_ENV})
        except StoreError:
            raise
        except Exception as exc:
            message = str(exc).replace(self.location.env.get("POSTGRES_PASSWORD") or "\0", "***")
            raise StoreError(f"cannot open store {self.location.display}: {message}") from exc
        # The persistence module's factory made it (see `ctevents.persistence`).
        self.recorder = cast(LogRecorder, self.app.recorder)
        # The feed's tail reads the head and new events here, outside eventsourcing's pool.
        self.log_reader = self.recorder.log_reader()
        self._page_readers: list[LogReader] = []
        self._gate = ClosingGate(f"store {self.location.display}")
        self.mapper: PydanticMapper = self.app.mapper  # type: ignore[assignment]
        self._topics = {name: get_topic(cls) for name, cls in event_types().items()}

    def open_log_reader(self) -> LogReader:
        """Another reader like `log_reader`, on a connection of its own; closed with the store.

        For subscribers catching up from the store: through eventsourcing's pool their
        page reads took turns with the writers for its connections.
        """
        with self._gate.use():  # a reader opened once `close` has begun would stay open
            reader = self.recorder.log_reader()
            self._page_readers.append(reader)
        return reader

    @property
    def url(self) -> str:
        return self.location.url

    @property
    def kind(self) -> str:
        """The database's name, for people (`/healthz`, benchmarks): no code branches on it."""
        return self.location.kind

    @property
    def notifies_appends(self) -> bool:
        """Whether appends wake readers through the database (else readers poll)."""
        return self.recorder.notifies_appends

    def close(self) -> None:
        """Closes the connections once calls in flight (from other threads) have finished."""
        self._gate.close()
        self.log_reader.close()
        for reader in self._page_readers:
            reader.close()
        self.app.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------

    def append(self, events: Sequence[RecordedEvent]) -> list[int]:
        """Appends the events of one stream in one transaction; returns their positions.

        Raises `StreamExists` when any of the versions is already taken: nothing is
        written then.
        """
        if not events:
            return []
        with self._gate.use():
            try:
                recordings = self.app.save(_StreamAppend(events))
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

    def recorded_events(
        self,
        after: int = 0,
        limit: int = 1000,
        types: Sequence[str] = (),
        until: int | None = None,
    ) -> list[tuple[int, RecordedEvent]]:
        """Typed events with their positions, in log order."""
        return [
            (n.id, self.mapper.to_domain_event(n))
            for n in self.notifications(after, limit, types, until)
        ]

    def stream(self, source_id: str | UUID) -> list[RecordedEvent]:
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
        with self._gate.use():
            return self.recorder.stream_positions(stream)

    def stored_rows(self, after: int, limit: int, until: int) -> list[tuple[int, str, str, Any]]:
        """Pages of (position, stream, topic, stored state) for readers of the whole log.

        eventsourcing's `select_notifications` makes a `Notification` per event and parses
        its stream id into a UUID: together as costly as decoding the payloads. A rebuild
        needs only these four columns: `log_rows` without the version.
        """
        return [(p, s, t, state) for p, s, t, _, state in self.log_rows(after, limit, until)]

    def log_rows(self, after: int, limit: int, until: int) -> list[LogRow]:
        """Pages of (position, stream, topic, version, stored state): what the feed serves.

        Selected directly from the events table, with the stream as `str(UUID)`, so that
        no `Notification` is built per event.
        """
        with self._gate.use():
            return self.recorder.log_rows(after, limit, until)

    def head_notifications(
        self, after: int, on_notify: Callable[[], None]
    ) -> HeadNotifications | None:
        """Calls `on_notify()` (in a thread of its own) as appends commit (PostgreSQL NOTIFY);
        None where the store must be polled.

        eventsourcing's PostgreSQL recorder NOTIFYs in every append's transaction and
        its subscription LISTENs for it; `HeadNotifications` reuses that subscription.
        SQLite has no such channel (its `subscribe` is not implemented).
        """
        return self.recorder.head_notifications(after, on_notify)
