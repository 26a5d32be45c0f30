"""Killing a child process at a chosen moment, as a crash would (SIGKILL, no clean-up)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable


def kill_when(
    process: subprocess.Popen[bytes], ready: Callable[[], bool], timeout: float, what: str
) -> None:
    """SIGKILL `process` as soon as `ready()`; fails with `what` when that takes longer than
    `timeout`, and with the process's stderr when it ends first. Never leaves it running."""
    try:
        deadline = time.monotonic() + timeout
        while not ready():
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            assert time.monotonic() < deadline, what
            time.sleep(0.005)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=timeout)
    finally:
        if process.poll() is None:
            process.kill()
