"""The processes that run the extractor for `POST /sources`, gone when their server is.

They are started fresh (spawned, not forked from a threaded server). A server killed
with SIGKILL cannot stop them, so each watches its parent and exits once it has been
handed to another (the parent died): no orphan keeps running after its server.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor

PARENT_CHECK = 1.0  # seconds between looks at the parent


def extraction_pool(processes: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        processes,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_exit_with_parent,
        initargs=(os.getpid(),),
    )


def _exit_with_parent(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(PARENT_CHECK)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
