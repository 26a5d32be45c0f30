"""Background workers: threads that follow the log until told to stop, backing off on errors.

One runtime for every long-running fold (the read models, the ledger, a rebuild of
outdated models): each is a `Worker` with one stop signal, started and stopped side by
side (`running`, for a server's `cleanup_ctx`). A step that fails is retried with a
doubling wait, so an unreachable store is neither a crash nor a busy loop.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager

log = logging.getLogger(__name__)

MAX_BACKOFF = 5.0
JOIN_TIMEOUT = 10.0  # seconds a stopping worker may take to finish its step


def keep_stepping(
    step: Callable[[], int], stop: threading.Event, *, idle: float, what: str
) -> None:
    """Calls `step` (which returns how many events it handled) until `stop` is set.

    Rests `idle` seconds when there was nothing to do; a failed step is logged and
    retried after a wait that doubles up to `MAX_BACKOFF`.
    """
    backoff = idle
    while not stop.is_set():
        try:
            handled = step()
        except Exception:
            log.exception("%s step failed; retrying in %.1f s", what, backoff)
            stop.wait(backoff)
            backoff = min(backoff * 2, MAX_BACKOFF)
            continue
        backoff = idle
        if not handled:
            stop.wait(idle)


class Worker:
    """A daemon thread running `work(stop)`; `work` returns when `stop` is set (or is done).

    An exception that escapes `work` is logged, unless the worker was stopping anyway.
    """

    def __init__(
        self, name: str, work: Callable[[threading.Event], None], *, stop: threading.Event
    ) -> None:
        self.name = name
        self.stop_signal = stop
        self._work = work
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def _run(self) -> None:
        try:
            self._work(self.stop_signal)
        except Exception:
            if not self.stop_signal.is_set():
                log.exception("worker %s failed", self.name)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.stop_signal.set()

    def join(self, timeout: float | None = JOIN_TIMEOUT) -> None:
        self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()


@asynccontextmanager
async def running(
    workers: Sequence[Worker], *, then_close: Callable[[], None] | None = None
) -> AsyncIterator[None]:
    """Starts the workers; on leaving, stops them all, waits for each to finish, then
    closes what they worked on (`then_close`, in a thread: it may wait on a database)."""
    for worker in workers:
        worker.start()
    try:
        yield
    finally:
        for worker in workers:
            worker.stop()
        for worker in workers:
            await asyncio.to_thread(worker.join)
        if then_close is not None:
            await asyncio.to_thread(then_close)
