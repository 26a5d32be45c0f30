"""`?as_of=N` on the read models: answered from a snapshot of the model as of position N.

A snapshot built by `ctevents replay PROJECTION --until N --into NAME` answers when it
was built by the model's current version; otherwise, for positions up to
`ON_DEMAND_LIMIT`, one is built on request (`asof-N`) and kept for the next reader.
Past that, a 409 says which command builds it. Answers say which:
`"as_of": {"position": N, "snapshot": NAME, "built_on_demand": bool}`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from ctevents.server.errors import ParameterError
from ctevents.server.params import whole_number
from ctevents.server.state import STORE
from projections.model import ReadModel
from projections.views import ViewStore
from replay.generations import ReplayBusy
from replay.snapshots import build_snapshot, find, open_snapshot

routes = web.RouteTableDef()  # no routes of its own: the read models' handlers ask `as_of`
openapi: dict[str, Any] = {}

ON_DEMAND_LIMIT = 50_000  # events replayed for a request, at most
ON_DEMAND_LOCK_WAIT = 5.0  # seconds to wait for a running replay before answering 409
EXCLUSIVE = ("watch", "min_position")  # a snapshot does not change: nothing to wait for


@dataclass(frozen=True)
class AsOf:
    position: int
    snapshot: str
    built_on_demand: bool
    views: ViewStore

    def describe(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "snapshot": self.snapshot,
            "built_on_demand": self.built_on_demand,
        }


@dataclass
class Snapshots:
    """Open snapshot tables by prefix, and one build at a time per (model, position)."""

    views: dict[str, ViewStore] = field(default_factory=dict)
    building: dict[tuple[str, int], asyncio.Lock] = field(default_factory=dict)


SNAPSHOTS = web.AppKey("snapshots", Snapshots)


async def keep_snapshots(app: web.Application) -> AsyncIterator[None]:
    app[SNAPSHOTS] = Snapshots()
    try:
        yield
    finally:
        for views in app[SNAPSHOTS].views.values():
            await asyncio.to_thread(views.close)


cleanup_ctx = (keep_snapshots,)


def _position(request: web.Request) -> int | None:
    values = request.query.getall("as_of", [])
    if not values:
        return None
    if len(values) > 1:
        raise ParameterError("as_of", "given more than once")
    position = whole_number("as_of", values[0], 1)
    for name in EXCLUSIVE:
        if name in request.query:
            raise ParameterError(
                "as_of", f"does not combine with {name}: a snapshot never changes", 409
            )
    return position


async def as_of(request: web.Request, model: ReadModel, live: ViewStore) -> AsOf | None:
    """The snapshot to answer from when the request has `as_of`, else None."""
    position = _position(request)
    if position is None:
        return None
    store = request.app[STORE]
    head = await asyncio.to_thread(store.head)
    if position > head:
        raise ParameterError("as_of", f"position {position} is beyond the log's head ({head})", 409)
    found = await asyncio.to_thread(find, live, model, position)
    built = False
    if found is None:
        if position > ON_DEMAND_LIMIT:
            raise ParameterError(
                "as_of",
                f"no snapshot of {model.name} as of position {position}, and building one "
                f"replays more than {ON_DEMAND_LIMIT:,} events: run `ctevents replay "
                f"{model.name} --until {position} --into NAME`, then ask again",
                409,
            )
        state = request.app[SNAPSHOTS]
        lock = state.building.setdefault((model.name, position), asyncio.Lock())
        async with lock:  # concurrent readers of one position wait for one build
            found = await asyncio.to_thread(find, live, model, position)
            if found is None:
                try:
                    await asyncio.to_thread(
                        build_snapshot,
                        store,
                        live,
                        model,
                        position,
                        f"asof-{position}",
                        lock_timeout=ON_DEMAND_LOCK_WAIT,
                    )
                except ReplayBusy:
                    raise ParameterError(
                        "as_of", "a replay of this store is running; retry when it is done", 409
                    ) from None
                found = await asyncio.to_thread(find, live, model, position)
                built = True
    assert found is not None and found.name is not None
    cache = request.app[SNAPSHOTS].views
    if found.prefix not in cache:
        cache[found.prefix] = await asyncio.to_thread(open_snapshot, store, found)
    return AsOf(position, found.name, built, cache[found.prefix])
