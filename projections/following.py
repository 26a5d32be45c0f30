"""Following the log until stopped: step, rest when idle, back off on errors."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

MAX_BACKOFF = 5.0


def follow(step: Callable[[], int], stop: threading.Event, *, idle: float, what: str) -> None:
    """Calls `step` (which returns how many events it handled) until `stop` is set.

    A database error is logged and retried with a doubling wait, so an unreachable
    store is neither a crash nor a busy loop.
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
