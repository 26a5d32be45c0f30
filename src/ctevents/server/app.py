"""The application factory: one store and one log watcher per app, routes from resource modules.

Each resource module exposes `routes` (a `web.RouteTableDef`) and `openapi` (its
OpenAPI path items), and may expose `cleanup_ctx` (a tuple of cleanup-context
functions). Adding a resource is adding its module to `RESOURCE_MODULES`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from types import ModuleType

from aiohttp import web

from ctevents.documents import MAX_BYTES
from ctevents.feed import LogWatcher, wakers_for
from ctevents.server import audit, events, health, openapi, pages, read_models, snapshots, sources
from ctevents.server.availability import guard_store, started, store_guard
from ctevents.server.cross_site import same_site_only
from ctevents.server.errors import json_errors, no_sniffing
from ctevents.server.extraction_pool import extraction_pool
from ctevents.server.settings import Settings
from ctevents.server.state import PROJECTION_HEALTH, RESOURCES, SETTINGS, STORE, WATCHER
from ctevents.store import Store

# `audit` before `read_models`: its routes sit below read-model items (`/meetings/{key}/…`).
RESOURCE_MODULES: tuple[ModuleType, ...] = (
    events,
    sources,
    audit,
    read_models,
    snapshots,  # `?as_of=` on the read models' routes (no routes of its own)
    health,
    openapi,
    pages,  # HTML for browsers at the routes above, by `Accept`; `/`, `/docs`
)

EXTRACT_PROCESSES = web.AppKey("extract_processes", int)
EXTRACT_NICE = web.AppKey("extract_nice", int)

# Room for multipart/JSON framing around a document of MAX_BYTES; the exact limit on
# the document itself is enforced where it is read.
CLIENT_MAX_SIZE = MAX_BYTES + 64 * 1024


async def open_log(app: web.Application) -> AsyncIterator[None]:
    """Opens the store and starts the log watcher; closes both when the app stops."""
    settings = app[SETTINGS]
    store = await asyncio.to_thread(Store, settings.store_url)
    processes = app[EXTRACT_PROCESSES]
    extraction = extraction_pool(processes, app[EXTRACT_NICE]) if processes else None
    watcher = LogWatcher(
        store, wakers=wakers_for(store, settings.poll_interval), extraction=extraction
    )
    await watcher.start()
    app[STORE] = store
    app[WATCHER] = watcher
    try:
        yield
    finally:
        await watcher.close()
        await asyncio.to_thread(store.close)


async def end_streams(app: web.Application) -> None:
    """On shutdown, open streams finish their response instead of being cut."""
    if WATCHER in app:
        await app[WATCHER].close()


def create_app(
    settings: Settings,
    resources: Sequence[ModuleType] = RESOURCE_MODULES,
    *,
    extract_processes: int = 0,
    extract_nice: int = 0,
) -> web.Application:
    """`extract_processes` > 0 runs extraction in that many processes (as `serve` does),
    `extract_nice` above the server's niceness."""
    app = web.Application(
        client_max_size=CLIENT_MAX_SIZE, middlewares=[json_errors, same_site_only, store_guard]
    )
    app[SETTINGS] = settings
    app[EXTRACT_PROCESSES] = extract_processes
    app[EXTRACT_NICE] = extract_nice
    app[RESOURCES] = tuple(resources)
    app[PROJECTION_HEALTH] = {}
    app.cleanup_ctx.append(open_log)
    app.cleanup_ctx.append(guard_store)
    app.on_response_prepare.extend((no_sniffing, started))
    app.on_shutdown.append(end_streams)
    for module in resources:
        app.router.add_routes(module.routes)
        app.cleanup_ctx.extend(getattr(module, "cleanup_ctx", ()))
        if hasattr(module, "setup"):  # e.g. templates and middleware
            module.setup(app)
    return app
