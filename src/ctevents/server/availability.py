"""Answering fast when the store goes away: a probe, and a 503 instead of a hung request.

A database that stops answering holds each query for as long as its driver retries
(eventsourcing retries a failed connection ten times). Once a second, unless the feed's
tail has had an answer from the store within that second (its reads of the head and of
new events say the same), a probe reads the head with a short deadline; while it fails,
requests that need the store are answered 503 with `Retry-After` at once, and requests
already waiting on it (whose answer has not started) are cancelled and answered the
same way. Streams already under way end in their own form. When the probe succeeds
again, requests flow as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor

from aiohttp import web

from ctevents.server.errors import unavailable
from ctevents.server.state import SETTINGS, STORE, WATCHER

log = logging.getLogger(__name__)

PROBE_INTERVAL = 1.0
# Routes that answer without the store (or report on it themselves), by their templates:
# the API's description and the files the pages and its documentation load.
STORE_FREE = frozenset(
    {"/healthz", "/openapi.json", "/docs", "/docs/assets/{name}", "/static/{name}"}
)
# Store calls run in threads; a stalled database can hold some for seconds, so the pool
# is large enough that those never starve the requests that could still be answered.
WORKER_THREADS = 64


class StoreGuard:
    """Knows whether the store answered its last probe, and cancels waiters when it did not."""

    def __init__(
        self,
        probe: Callable[[], object],
        timeout: float,
        answered: Callable[[], float] = lambda: 0.0,
    ) -> None:
        self.probe = probe
        self.timeout = timeout
        self.answered = answered  # when the store last answered other reads (monotonic)
        self.down: str | None = None  # why the store is considered away, when it is
        self.since = 0.0
        self._waiting: dict[asyncio.Task, web.Request] = {}
        self.cancelled: set[asyncio.Task] = set()  # requests cancelled for the store's sake
        self._probe: asyncio.Future | None = None

    async def check(self) -> None:
        """One probe (never two at once: a stalled one is waited for, not duplicated)."""
        if self._probe is None or self._probe.done():
            self._probe = asyncio.ensure_future(asyncio.to_thread(self.probe))
        try:
            await asyncio.wait_for(asyncio.shield(self._probe), self.timeout)
        except Exception as exc:
            reason = (
                f"no answer within {self.timeout:g} s"
                if isinstance(exc, TimeoutError)
                else f"{type(exc).__name__}: {exc}"
            )
            self.mark_down(reason)
        else:
            if self.down is not None:
                log.warning("the store answers again after %.1f s", time.monotonic() - self.since)
            self.down = None

    def mark_down(self, reason: str) -> None:
        if self.down is None:
            log.warning("the store does not answer (%s): answering 503 until it does", reason)
            self.since = time.monotonic()
        self.down = reason
        for task in list(self._waiting):
            self.cancelled.add(task)
            task.cancel()
        self._waiting.clear()

    async def run(self) -> None:
        while True:
            if self.down is not None or time.monotonic() - self.answered() >= PROBE_INTERVAL:
                await self.check()
            await asyncio.sleep(PROBE_INTERVAL)


STORE_GUARD = web.AppKey("store_guard", StoreGuard)


async def guard_store(app: web.Application) -> AsyncIterator[None]:
    """`cleanup_ctx`: a larger thread pool for store calls, and the probe, for the app's life."""
    loop = asyncio.get_running_loop()
    executor = ThreadPoolExecutor(WORKER_THREADS, thread_name_prefix="store")
    loop.set_default_executor(executor)
    tail = app[WATCHER].tail
    guard = StoreGuard(app[STORE].head, app[SETTINGS].store_timeout, lambda: tail.answered)
    app[STORE_GUARD] = guard
    task = asyncio.create_task(guard.run())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def started(request: web.Request, response: web.StreamResponse) -> None:
    """`on_response_prepare`: an answer under way is no longer the guard's to cancel."""
    guard = request.app.get(STORE_GUARD)
    task = asyncio.current_task()
    if guard is not None and task is not None:
        guard._waiting.pop(task, None)


def _route(request: web.Request) -> str | None:
    resource = request.match_info.route.resource
    return resource.canonical if resource is not None else None


@web.middleware
async def store_guard(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    guard = request.app.get(STORE_GUARD)
    if guard is None or _route(request) in STORE_FREE:
        return await handler(request)
    if guard.down is not None:
        return unavailable(f"the store cannot be reached ({guard.down}); retry shortly")
    task = asyncio.current_task()
    assert task is not None
    guard._waiting[task] = request
    try:
        return await handler(request)
    except asyncio.CancelledError:
        if task not in guard.cancelled:
            raise
        guard.cancelled.discard(task)
        task.uncancel()
        return unavailable(f"the store stopped answering ({guard.down}); retry shortly")
    finally:
        guard._waiting.pop(task, None)
        guard.cancelled.discard(task)  # a write that was committing answered after all
