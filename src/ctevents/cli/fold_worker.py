"""The folding worker that `serve` starts and supervises: read models and ledger, out of process.

Folding is CPU work under the GIL; in the server's process it competes with the event
loop that feeds subscribers. The worker is `ctevents project` on the same store; the
server's own runners stand by (see `projections.leadership`). If the worker dies it
is started again after a pause; it is stopped when the server stops.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
import subprocess
import sys
import threading

from ctevents.projections.leadership import STAND_BY_ENV

log = logging.getLogger(__name__)

RESTART_PAUSE = 1.0
STOP_TIMEOUT = 10.0


class FoldWorker:
    """Runs `ctevents project --store URL` until `stop`, restarting it if it exits."""

    def __init__(self, store_url: str | None) -> None:
        self.store_url = store_url
        self.process: subprocess.Popen[bytes] | None = None
        self.restarts = 0
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._supervise, name="fold-worker", daemon=True)

    def start(self) -> None:
        # The runners in this process stand by: the worker holds the folding locks.
        os.environ[STAND_BY_ENV] = "1"
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        process = self.process
        if process is not None and process.poll() is None:
            process.terminate()  # the worker commits the batch in hand, then exits
            try:
                process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._thread.join(STOP_TIMEOUT)

    def _command(self) -> list[str]:
        command = [sys.executable, "-m", "ctevents.cli", "project"]
        return [*command, "--store", self.store_url] if self.store_url else command

    def _supervise(self) -> None:
        env = {k: v for k, v in os.environ.items() if k != STAND_BY_ENV}
        while not self._stopping.is_set():
            self.process = subprocess.Popen(self._command(), env=env, preexec_fn=_end_with_parent)
            code = self.process.wait()
            if self._stopping.is_set():
                return
            self.restarts += 1
            log.warning(
                "the folding worker exited with %s; starting it again in %.0f s",
                code,
                RESTART_PAUSE,
            )
            self._stopping.wait(RESTART_PAUSE)


def _end_with_parent() -> None:
    """In the child before exec: SIGTERM when the server dies, even by kill -9 (Linux)."""
    # Elsewhere the worker outlives a killed server; its lock keeps the folding correct.
    with contextlib.suppress(OSError, AttributeError):
        # PR_SET_PDEATHSIG; the parent is the supervising thread, alive while it waits.
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)
