"""What the rest of ctevents asks of a database, with one implementation per database.

eventsourcing's own layout, followed here: abstract classes in this module, one module
per database (`ctevents.sqlite`, `ctevents.postgres`) whose classes compose them with
the library's recorders, and selection by the `PERSISTENCE_MODULE` the store URL sets.
Every difference between the databases lives in those two modules (and in the read
models' `projections.sqlite_views` / `projections.postgres_views`); no other module
asks which database it is on (`tests/test_dialect_boundary.py` keeps it so).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import ClassVar, Protocol
from urllib.parse import urlsplit
from uuid import UUID

from eventsourcing.persistence import ApplicationRecorder

# A row of the log as the feed serves it: position, stream (`str(UUID)`), topic, version,
# stored state.
LogRow = tuple[int, str, str, int, bytes]


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


class HeadNotifications(Protocol):
    """Yields each time appends were notified (once for a burst); a context manager.

    What it yields is not a position: the reader reads on from where it is.
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

    @abstractmethod
    def stream_positions(self, stream: UUID) -> list[int]:
        """The positions of a stream's events, in version order: one indexed query."""

    @abstractmethod
    def log_rows(self, after: int, limit: int, until: int) -> list[LogRow]:
        """Rows with after < position ≤ until, in log order, without a `Notification` each."""

    @abstractmethod
    def head_notifications(self, after: int) -> HeadNotifications | None:
        """Heads as appends commit, woken by the database; None where it must be polled."""

    @abstractmethod
    def bytes_used(self) -> int:
        """The bytes the log takes in the database."""


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
