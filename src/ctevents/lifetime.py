"""Child processes that end when the process that started them is gone.

A server killed with SIGKILL cannot stop its children; each child watches its parent
instead and ends once it has been handed to another (the parent died), so no orphan keeps
working for a server that no longer exists. Polling the parent id works wherever Python
does, unlike Linux's PR_SET_PDEATHSIG, and needs no code run between fork and exec.
"""

from __future__ import annotations

import os
import signal
import threading

PARENT_CHECK = 1.0  # seconds between looks at the parent
# Set by a supervisor for a command it starts: the pid the command must not outlive.
PARENT_ENV = "CTEVENTS_PARENT_PID"


def end_with_parent(parent: int, *, gracefully: bool = False) -> None:
    """Watch `parent` from a daemon thread; when it is gone, end this process: at once, or
    with SIGTERM (`gracefully`) so that the process's own handler finishes its work in hand."""

    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(PARENT_CHECK)
        if gracefully:
            os.kill(os.getpid(), signal.SIGTERM)
        else:
            os._exit(0)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def end_with_parent_from_env() -> None:
    """`end_with_parent`, gracefully, when a supervisor named the parent in `PARENT_ENV`."""
    parent = os.environ.get(PARENT_ENV, "")
    if parent.isdigit():
        end_with_parent(int(parent), gracefully=True)
