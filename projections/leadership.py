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

import logging
import os
from collections.abc import Callable

from ctevents.projections.views import open_fold_lock

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
        self._lock = open_fold_lock(location, name)

    def holds(self) -> bool:
        """True if this process may fold now: it holds the lock (taking it if free)."""
        if self.stand_by:
            return False
        try:
            if self._lock.try_acquire() and not self.held:
                self.held = True
                log.info("%s: folding here (process %d holds the lock)", self.name, os.getpid())
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
        self.held = False
        try:
            self._lock.release()
        except Exception:
            log.debug("closing the %s lock failed", self.name, exc_info=True)

    def __enter__(self) -> Leadership:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
