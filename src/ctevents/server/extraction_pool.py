"""The processes that run the extractor for `POST /sources`, gone when their server is.

They are started fresh (spawned, not forked from a threaded server), and each ends once
its server is gone (`ctevents.lifetime`): no orphan keeps running after its server.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from ctevents.lifetime import end_with_parent


def extraction_pool(processes: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        processes,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=end_with_parent,
        initargs=(os.getpid(),),
    )
