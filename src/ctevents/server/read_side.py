"""The server's read side: the folding workers, started and stopped with the app.

The read models are folded in one worker, and a model built by another version of
its code is rebuilt beside the live tables in another (issue 6), which keep serving
until the swap; both run on the core's worker runtime (`ctevents.workers`). Each
committed batch rings the bell the `watch=1` streams wait on. Reports into `/healthz`.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from aiohttp import web

from ctevents.projections.catalog import MODELS
from ctevents.projections.engine import ProjectionEngine
from ctevents.projections.failures import failures
from ctevents.projections.queries import status
from ctevents.projections.views import ViewStore, open_views
from ctevents.read_side_health import StallClock, failing_models
from ctevents.replay.outdated import rebuild_outdated
from ctevents.row_watch import CommitBell
from ctevents.server.state import PROJECTION_HEALTH, SETTINGS, STORE
from ctevents.store import Store
from ctevents.workers import Worker, running

log = logging.getLogger(__name__)

FOLD_IDLE = 0.1  # seconds the folding worker rests when the log has nothing new


@dataclass
class ReadSide:
    """The open read models, the workers folding into them, and the bell they ring."""

    views: ViewStore
    engine: ProjectionEngine
    folding: Worker
    bell: CommitBell
    stalls: StallClock = field(default_factory=StallClock)

    def committed(self, model: str, changes: list[dict[str, Any]], position: int) -> None:
        # Called in the engine's thread after each committed batch.
        if changes:
            self.bell.ring_from_thread()

    @property
    def stopping(self) -> bool:
        return self.folding.stop_signal.is_set()


READ_SIDE = web.AppKey("read_side", ReadSide)


def _rebuild_outdated(store: Store, views: ViewStore, stop: threading.Event) -> None:
    try:
        # Waits for a replay already running (e.g. `ctevents replay`) rather than fail.
        rebuild_outdated(store, views, MODELS, stop=stop, lock_timeout=3600.0)
    except Exception:
        if not stop.is_set():
            log.exception("rebuilding outdated read models failed; serving the old ones")


async def run_read_side(app: web.Application) -> AsyncIterator[None]:
    """Folds the log into the read models for as long as the server runs."""
    store = app[STORE]
    views = await asyncio.to_thread(open_views, store.location)
    engine = await asyncio.to_thread(ProjectionEngine, store, views, MODELS)
    stop = threading.Event()  # one signal: the rebuild stops with the folding
    folding = Worker("projections", partial(engine.run_forever, idle=FOLD_IDLE), stop=stop)
    rebuilding = Worker("replay", partial(_rebuild_outdated, store, views), stop=stop)
    side = ReadSide(views, engine, folding, CommitBell(asyncio.get_running_loop()))
    engine.add_listener(side.committed)
    app[READ_SIDE] = side
    app[PROJECTION_HEALTH]["read_models"] = _health
    async with running([folding, rebuilding], then_close=views.close):
        yield


cleanup_ctx = (run_read_side,)


async def _health(app: web.Application) -> dict[str, Any]:
    side = app[READ_SIDE]

    def report() -> tuple[dict[str, Any], dict[str, Any]]:
        found = status(app[STORE], side.views, MODELS)
        found["recent_failures"] = failures(side.views, limit=5)
        newest = {
            m["projection"]: failures(side.views, m["projection"], limit=1)
            for m in found["projections"]
            if m["failures"]
        }
        return found, {name: rows[0] for name, rows in newest.items() if rows}

    body, newest = await asyncio.to_thread(report)
    stalled = side.stalls.observe(body, asyncio.get_running_loop().time())
    body["failing"] = failing_models(body, newest, stalled, app[SETTINGS].stall_after)
    body["runner_alive"] = side.folding.alive
    body["ok"] = body["runner_alive"] and not body["failing"]
    return body
