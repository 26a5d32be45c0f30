"""Who folds: among the processes following one log, exactly one runner per lock name.

Several `ctevents serve` (and `ctevents project`) may follow one store. Each runner
wraps its step with `Leadership.gate`: the step runs only while this process holds
the lock; the others stand by, trying again at every idle interval, so one of them
takes over within about that interval after the holder dies. Folding twice would be
harmless (tracking positions make every page exactly-once) but wasteful: the lock is
what keeps each read model folded by one process at a time.

- PostgreSQL: a session advisory lock held on a connection of its own; the server
  releases it when that session ends, kill -9 included.
- SQLite: an OS file lock (`filelock`, as the replay lock) on a file beside the log,
  released when the process (or its file) closes.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import filelock

from ctevents.store import StoreLocation

log = logging.getLogger(__name__)

# Processes that set this (`serve` with a folding worker) never fold themselves.
STAND_BY_ENV = "CTEVENTS_FOLD_STAND_BY"


class Leadership:
    """Holds (or waits for) the lock named `name` on the store at `location`."""

    def __init__(self, location: StoreLocation, name: str) -> None:
        self.location = location
        self.name = name
        self.held = False
        self.stand_by = os.environ.get(STAND_BY_ENV) == "1"
        self._handle: Any = None

    def holds(self) -> bool:
        """True if this process may fold now: it holds the lock (taking it if free)."""
        if self.stand_by:
            return False
        try:
            if self.location.kind == "postgresql":
                self._postgres()
            else:
                self._sqlite()
        except Exception:
            log.warning("the %s lock could not be checked; standing by", self.name, exc_info=True)
            self.release()
        return self.held

    def gate(self, step: Callable[[], int]) -> Callable[[], int]:
        """`step` when this process holds the lock; else a step that folds nothing."""

        def led() -> int:
            return step() if self.holds() else 0

        return led

    def release(self) -> None:
        if self.held:
            log.info("%s: no longer folding here", self.name)
        handle, self._handle, self.held = self._handle, None, False
        if handle is not None:
            try:
                handle.close()
            except Exception:
                log.debug("closing the %s lock failed", self.name, exc_info=True)

    def __enter__(self) -> Leadership:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def _key(self) -> str:
        return f"ctevents fold {self.location.postgres_schema or 'public'} {self.name}"

    def _postgres(self) -> None:
        if self._handle is None:
            self._handle = self.location.connect_postgres()
        if self.held:
            self._handle.execute("SELECT 1")  # the session (and with it the lock) is alive
            return
        row = self._handle.execute(
            "SELECT pg_try_advisory_lock(hashtext(%s))", (self._key(),)
        ).fetchone()
        self._took(bool(row and row[0]))

    def _sqlite(self) -> None:
        if self.held:
            return
        assert self.location.sqlite_path is not None
        digest = hashlib.sha256(self.name.encode()).hexdigest()[:12]
        path = self.location.sqlite_path.with_name(
            f"{self.location.sqlite_path.name}.fold-{digest}.lock"
        )
        if self._handle is None:
            self._handle = _FileLockHandle(path)
        try:
            self._handle.lock.acquire(timeout=0)
        except filelock.Timeout:
            return
        self._took(True)

    def _took(self, taken: bool) -> None:
        if taken:
            self.held = True
            log.info("%s: folding here (process %d holds the lock)", self.name, os.getpid())


class _FileLockHandle:
    """A file lock closed like the PostgreSQL connection: `close` lets it go."""

    def __init__(self, path: Path) -> None:
        self.lock = filelock.FileLock(path)

    def close(self) -> None:
        self.lock.release(force=True)
