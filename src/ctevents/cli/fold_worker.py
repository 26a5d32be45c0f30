"""The folding worker that `serve` starts and supervises: read models and ledger, out of process.

Folding is CPU work under the GIL; in the server's process it competes with the event
loop that feeds subscribers. The worker is `ctevents project` on the same store; the
server's own runners stand by (see `ctevents.projections.leadership`). If the worker dies
it is started again after a pause; it is stopped when the server stops, and ends by itself
when the server is killed (`ctevents.lifetime`).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading

from ctevents.lifetime import PARENT_ENV
from ctevents.projections.leadership import STAND_BY_ENV
from ctevents.workers import Worker

log = logging.getLogger(__name__)

RESTART_PAUSE = 1.0
STOP_TIMEOUT = 10.0


class FoldWorker:
    """Runs `ctevents project --store URL --nice N` until `stop`, restarting it if it exits."""

    def __init__(self, store_url: str | None, *, nice: int = 0) -> None:
        self.store_url = store_url
        self.nice = nice
        self.process: subprocess.Popen[bytes] | None = None
        self.restarts = 0
        self._supervisor = Worker("fold-worker", self._supervise, stop=threading.Event())

    def start(self) -> None:
        # The runners in this process stand by: the worker holds the folding locks.
        os.environ[STAND_BY_ENV] = "1"
        self._supervisor.start()

    def stop(self) -> None:
        self._supervisor.stop()
        process = self.process
        if process is not None and process.poll() is None:
            process.terminate()  # the worker commits the batch in hand, then exits
            try:
                process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._supervisor.join(STOP_TIMEOUT)

    def _command(self) -> list[str]:
        command = [sys.executable, "-m", "ctevents.cli", "project", "--nice", str(self.nice)]
        return [*command, "--store", self.store_url] if self.store_url else command

    def _supervise(self, stopping: threading.Event) -> None:
        env = {k: v for k, v in os.environ.items() if k != STAND_BY_ENV}
        env[PARENT_ENV] = str(os.getpid())
        while not stopping.is_set():
            self.process = subprocess.Popen(self._command(), env=env)
            code = self.process.wait()
            if stopping.is_set():
                return
            self.restarts += 1
            log.warning(
                "the folding worker exited with %s; starting it again in %.0f s",
                code,
                RESTART_PAUSE,
            )
            stopping.wait(RESTART_PAUSE)
