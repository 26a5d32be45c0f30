"""The processes that run the extractor for `POST /sources`, gone when their server is.

They are started fresh (spawned, not forked from a threaded server), and each ends once
its server is gone (`ctevents.lifetime`): no orphan keeps running after its server.
They may run at a lower CPU priority than the server (`nice`): extraction is the bulk of
a write's CPU, and at the server's priority it held a core while the event loop, ready
to hand new events to the feed's subscribers, waited for one.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from ctevents.lifetime import end_with_parent


def extraction_pool(processes: int, nice: int = 0) -> ProcessPoolExecutor:
    """`processes` extraction processes, each at `nice` above the server's niceness."""
    return ProcessPoolExecutor(
        processes,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_extraction_process,
        initargs=(os.getpid(), nice),
    )


def _start_extraction_process(parent: int, nice: int) -> None:
    end_with_parent(parent)
    if nice:
        os.nice(nice)
