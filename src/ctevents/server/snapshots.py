"""`?as_of=N` on the read models: answered from a snapshot of the model as of position N.

A snapshot built by `ctevents replay PROJECTION --until N --into NAME` answers when it
was built by the model's current version; otherwise, for positions up to
`ON_DEMAND_LIMIT`, one is built on request (`asof-N`) and kept for the next reader.
Past that, a 409 says which command builds it. Answers say which:
`"as_of": {"position": N, "snapshot": NAME, "built_on_demand": bool}`.

Bounded, because every distinct N would otherwise cost tables, disk and open files:
- building one on request needs the write token when the server has one (reading an
  existing snapshot needs only what any read needs);
- at most `ON_DEMAND_KEEP` on-demand snapshots are kept: building one more drops the
  least recently used (named snapshots are the operator's, never dropped here);
- at most `OPEN_LIMIT` snapshots' tables are held open, least recently used closed first.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiohttp import web

from ctevents.projections.model import ReadModel
from ctevents.projections.views import ViewStore
from ctevents.replay.generations import Generation, ReplayBusy
from ctevents.replay.snapshots import (
    ON_DEMAND_PREFIX,
    build_snapshot,
    drop_snapshots,
    find,
    open_snapshot,
    snapshots,
)
from ctevents.server.auth import require_token
from ctevents.server.errors import ParameterError
from ctevents.server.params import whole_number
from ctevents.server.state import SETTINGS, STORE
from ctevents.store import Store

routes = web.RouteTableDef()  # no routes of its own: the read models' handlers ask `as_of`
openapi: dict[str, Any] = {}

ON_DEMAND_LIMIT = 50_000  # events replayed for a request, at most
ON_DEMAND_LOCK_WAIT = 5.0  # seconds to wait for a running replay before answering 409
ON_DEMAND_KEEP = 16  # on-demand snapshots kept, over every model
OPEN_LIMIT = 8  # snapshots whose tables are held open
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
    """Open snapshot tables (least recently used first), last uses, one build per (model, N)."""

    views: OrderedDict[str, ViewStore] = field(default_factory=OrderedDict)
    used: dict[str, float] = field(default_factory=dict)  # prefix → time.time() of last use
    building: dict[tuple[str, int], asyncio.Lock] = field(default_factory=dict)

    def use(self, prefix: str) -> None:
        self.used[prefix] = time.time()
        if prefix in self.views:
            self.views.move_to_end(prefix)

    def close_beyond(self, limit: int) -> list[ViewStore]:
        """Forgets the least recently used open tables past `limit`; returns them to close."""
        closing = []
        while len(self.views) > limit:
            _, views = self.views.popitem(last=False)
            closing.append(views)
        return closing

    def forget(self, prefix: str) -> ViewStore | None:
        self.used.pop(prefix, None)
        return self.views.pop(prefix, None)


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


def _last_use(generation: Generation, used: dict[str, float]) -> float:
    if generation.prefix in used:
        return used[generation.prefix]
    try:  # not used since this server started: its creation counts as its use
        return datetime.fromisoformat(generation.created_at).timestamp()
    except ValueError:
        return 0.0


def _evict(store: Store, live: ViewStore, state: Snapshots) -> list[Generation]:
    """Drops on-demand snapshots beyond `ON_DEMAND_KEEP`, least recently used first."""
    on_demand = [g for g in snapshots(live) if (g.name or "").startswith(ON_DEMAND_PREFIX)]
    excess = len(on_demand) - ON_DEMAND_KEEP
    if excess <= 0:
        return []
    on_demand.sort(key=lambda g: _last_use(g, state.used))
    dropping = on_demand[:excess]
    for generation in dropping:
        views = state.forget(generation.prefix)
        if views is not None:
            views.close()
    return drop_snapshots(store, live, dropping, lock_timeout=ON_DEMAND_LOCK_WAIT)


async def as_of(request: web.Request, model: ReadModel, live: ViewStore) -> AsOf | None:
    """The snapshot to answer from when the request has `as_of`, else None."""
    position = _position(request)
    if position is None:
        return None
    store = request.app[STORE]
    state = request.app[SNAPSHOTS]
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
        # Building costs a replay, tables and disk: a writer's decision where writes are guarded.
        require_token(request, request.app[SETTINGS].write_token)
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
                        f"{ON_DEMAND_PREFIX}{position}",
                        lock_timeout=ON_DEMAND_LOCK_WAIT,
                    )
                    found = await asyncio.to_thread(find, live, model, position)
                    if found is not None:
                        state.use(found.prefix)
                    await asyncio.to_thread(_evict, store, live, state)
                except ReplayBusy:
                    raise ParameterError(
                        "as_of", "a replay of this store is running; retry when it is done", 409
                    ) from None
                built = True
        state.building.pop((model.name, position), None)
    if found is None or found.name is None:
        raise ParameterError("as_of", "the snapshot was dropped meanwhile; ask again", 409)
    state.use(found.prefix)
    if found.prefix not in state.views:
        state.views[found.prefix] = await asyncio.to_thread(open_snapshot, store, found)
        for views in state.close_beyond(OPEN_LIMIT):
            await asyncio.to_thread(views.close)
    return AsOf(position, found.name, built, state.views[found.prefix])
