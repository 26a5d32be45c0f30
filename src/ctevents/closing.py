"""A gate that lets a database handle close only once no call is using it.

The store and the views are used from worker threads (`asyncio.to_thread`); a task
cancelled on shutdown does not stop its thread. Closing a SQLite connection while
another thread is inside a query on it crashes the interpreter, so `close()` waits
for calls in flight to finish and refuses new ones.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Closed(RuntimeError):
    """The handle was closed; the call was not made."""


class ClosingGate:
    def __init__(self, name: str) -> None:
        self._name = name
        self._in_use = 0
        self._closing = False
        self._idle = threading.Condition()

    @contextmanager
    def use(self) -> Iterator[None]:
        with self._idle:
            if self._closing:
                raise Closed(f"{self._name} is closed")
            self._in_use += 1
        try:
            yield
        finally:
            with self._idle:
                self._in_use -= 1
                if not self._in_use:
                    self._idle.notify_all()

    def close(self, timeout: float = 30.0) -> bool:
        """Refuses new calls and waits for the ones in flight; False if they outlast `timeout`."""
        with self._idle:
            self._closing = True
            return self._idle.wait_for(lambda: self._in_use == 0, timeout)
