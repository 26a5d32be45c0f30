"""What the rest of ctevents asks of a database, with one implementation per database.

eventsourcing's own layout, followed here: abstract classes in this module, one module
per database (`ctevents.sqlite`, `ctevents.postgres`) whose classes compose them with
the library's recorders, and selection by the `PERSISTENCE_MODULE` the store URL sets.
Every difference between the databases lives in those two modules (and in the read
models' `projections.sqlite_views` / `projections.postgres_views`); no other module
asks which database it is on (`tests/integration/test_dialect_boundary.py` keeps it so).
"""

from __future__ import annotations

import contextlib
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, TypeVar
from urllib.parse import urlsplit
from uuid import UUID

from eventsourcing.persistence import ApplicationRecorder, OperationalError, PersistenceError

from ctevents.closing import Closed

# A row of the log as the feed serves it: position, stream (`str(UUID)`), topic, version,
# stored state.
LogRow = tuple[int, str, str, int, bytes]
# The same with the stream id as the database holds it (`LogReader.streams` converts it).
StoredLogRow = tuple[int, Any, str, int, bytes]


def with_streams(rows: Iterable[StoredLogRow], streams: Mapping[Any, str]) -> list[LogRow]:
    """Stored rows with each stream id turned into `str(UUID)` through `streams`
    (a `LogReader.streams`)."""
    return [(p, streams[stored], t, v, state) for p, stored, t, v, state in rows]


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


class WriteAbandoned(StoreError):
    """The write's caller gave up on it before it began to commit: nothing was recorded."""


class PendingWrite:
    """Settles, between a caller that may give up waiting and the thread making the write,
    which of the two comes first.

    A server answers a write that waits on an unreachable store with 503 while the thread
    making it still waits for a connection, and would commit once the database is back:
    a write answered "not recorded" would then be recorded. With a `PendingWrite` in the
    writing thread's context (`PENDING_WRITE`), the write either begins to commit first,
    and the caller must wait for its outcome, or the caller gives up first, and the write
    rolls back when it gets that far.
    """

    __slots__ = ("_lock", "_state")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = "pending"

    def begin_commit(self) -> None:
        """In the writing thread, inside the transaction, before its statements."""
        with self._lock:
            if self._state == "abandoned":
                raise WriteAbandoned("the caller gave up before the write began to commit")
            self._state = "committing"

    def give_up(self) -> bool:
        """True when the write will record nothing; False when it is already committing."""
        with self._lock:
            if self._state == "committing":
                return False
            self._state = "abandoned"
            return True


# The pending write of the thread appending, if its caller may give up (`asyncio.to_thread`
# copies the caller's context into the thread).
PENDING_WRITE: ContextVar[PendingWrite | None] = ContextVar("pending_write", default=None)


class HeadNotifications(Protocol):
    """Calls its `on_notify` in its own thread as appends are notified; a context manager.

    Nothing is handed over but the word: the reader reads on from where it is. Iterating
    yields nothing and ends when the subscription ends (raising the error that ended it).
    """

    def __enter__(self) -> HeadNotifications: ...
    def __exit__(self, *exc: object) -> None: ...
    def __iter__(self) -> Iterator[int]: ...
    def stop(self) -> None: ...


class LogRecorder(ApplicationRecorder, ABC):
    """eventsourcing's application recorder, plus the log reads it has no method for.

    Each database's subclass builds its statements once, in `__init__`, against its own
    events table (and schema).
    """

    # Whether appends wake readers through the database (else readers poll).
    notifies_appends: ClassVar[bool] = False

    def _insert_events(self, cursor: Any, stored_events: Any, **kwargs: Any) -> Any:
        # eventsourcing calls this first inside every append's transaction, on both databases.
        pending = PENDING_WRITE.get()
        if pending is not None:
            pending.begin_commit()
        return super()._insert_events(cursor, stored_events, **kwargs)  # type: ignore[misc]

    @abstractmethod
    def stream_positions(self, stream: UUID) -> list[int]:
        """The positions of a stream's events, in version order: one indexed query."""

    @abstractmethod
    def log_rows(self, after: int, limit: int, until: int) -> list[LogRow]:
        """Rows with after < position ≤ until, in log order, without a `Notification` each."""

    @abstractmethod
    def head_notifications(
        self, after: int, on_notify: Callable[[], None]
    ) -> HeadNotifications | None:
        """`on_notify()` as appends commit, woken by the database; None where it must be polled."""

    @abstractmethod
    def bytes_used(self) -> int:
        """The bytes the log takes in the database."""

    @abstractmethod
    def log_reader(self) -> LogReader:
        """A reader of the head and of new rows with a connection of its own (see `LogReader`)."""


T = TypeVar("T")
# How long closing waits for a read in flight before leaving the connection to the collector.
READER_CLOSE_WAIT = 30.0


class LogReader(ABC):
    """Reads of the head and of new rows on one connection of its own, outside the pool.

    eventsourcing's pool hands out connections one request at a time, and a writer
    waiting for the write lock holds that turn: through the pool, the feed's reads of new
    events queued behind every write transaction in flight. This connection is only ever
    read on, in autocommit (no transaction is left open between reads), by one thread at
    a time. It is opened on the first read; a read that fails drops it and the next read
    opens another (the database went away and came back). `close` waits for a read in
    flight, then refuses further reads.
    """

    # The driver's errors, and those of them that mean the database is away or busy: raised
    # as eventsourcing's `OperationalError` / `PersistenceError`, as reads through the pool
    # raise them (the server answers those with 503).
    driver_errors: ClassVar[tuple[type[Exception], ...]] = ()
    operational_errors: ClassVar[tuple[type[Exception], ...]] = ()

    def __init__(self, name: str) -> None:
        self._name = name
        self._lock = threading.Lock()
        self._connection: Any = None
        self._closed = False

    def head(self) -> int:
        """The position of the last event in the log; 0 when it is empty."""
        return self._using(self._head)

    def log_rows(self, after: int, limit: int, until: int) -> list[LogRow]:
        """As `LogRecorder.log_rows`, on this reader's connection."""
        return self._using(self._log_rows, after, limit, until)

    def stored_log_rows(self, after: int, limit: int, until: int) -> list[StoredLogRow]:
        """As `log_rows`, with each stream id as the database holds it (`streams` names it).

        For readers of many rows: `log_rows` builds every row again to convert its stream.
        """
        return self._using(self._stored_log_rows, after, limit, until)

    @property
    @abstractmethod
    def streams(self) -> Mapping[Any, str]:
        """A stream id as `stored_log_rows` gives it → the stream as `str(UUID)`."""

    @property
    def connected(self) -> bool:
        return self._connection is not None

    def close(self) -> None:
        if not self._lock.acquire(timeout=READER_CLOSE_WAIT):
            self._closed = True  # a read outlasted the wait: it drops the connection itself
            return
        try:
            self._closed = True
            self._drop()
        finally:
            self._lock.release()

    def _using(self, read: Callable[..., T], *args: Any) -> T:
        with self._lock:
            if self._closed:
                raise Closed(f"{self._name} is closed")
            try:
                if self._connection is None:
                    self._connection = self._connect()
                return read(self._connection, *args)
            except BaseException as exc:
                self._drop()  # lost or in an unknown state: the next read opens another
                if isinstance(exc, self.operational_errors):
                    raise OperationalError(str(exc)) from exc
                if isinstance(exc, self.driver_errors):
                    raise PersistenceError(str(exc)) from exc
                raise
            finally:
                if self._closed:
                    self._drop()

    def _drop(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            # A broken connection may fail to close: it is gone either way.
            with contextlib.suppress(Exception):
                connection.close()

    @abstractmethod
    def _connect(self) -> Any:
        """A new read-only (or read-only in use), autocommit connection to the log."""

    @abstractmethod
    def _head(self, connection: Any) -> int: ...

    @abstractmethod
    def _log_rows(self, connection: Any, after: int, limit: int, until: int) -> list[LogRow]: ...

    @abstractmethod
    def _stored_log_rows(
        self, connection: Any, after: int, limit: int, until: int
    ) -> list[StoredLogRow]: ...


@dataclass(frozen=True)
class StoreLocation(ABC):
    """Where the log lives, as eventsourcing environment settings."""

    url: str
    env: dict[str, str]
    kind: ClassVar[str]  # the database's name, for people ("sqlite", "postgresql")

    @classmethod
    @abstractmethod
    def parse(cls, url: str) -> StoreLocation:
        """The location a store URL names; StoreError if it is unusable."""

    @property
    def display(self) -> str:
        """The URL as shown to people: without its password."""
        return mask_url(self.url)

    @abstractmethod
    def exists(self) -> bool:
        """Whether the log has been created there (opening a `Store` creates it)."""

    @abstractmethod
    def setting_up(self) -> AbstractContextManager[None]:
        """Held while the log's tables are created: processes that start together take turns."""
