"""Named snapshots: a read model as it stood at a past position of the log.

`ctevents replay meetings --until N --into NAME` builds one (the rebuild's steps up to
the tail, stopped at N, never swapped in) and registers it under NAME with N; a read
with `as_of=N` finds it by model and position (`find`). `position_at` maps a time to
the last position recorded by then, by a binary search over positions. `snapshots`
lists them and `drop_snapshots` drops them (`ctevents snapshots list|drop`); the
server keeps the ones it builds on demand (`asof-N`) to a limit, least recently used
first out.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime

from ctevents.projections.digest import digest
from ctevents.projections.model import ReadModel
from ctevents.projections.views import ViewStore, open_views
from ctevents.replay.generations import (
    READY,
    RETIRED,
    SNAPSHOT,
    Generation,
    clean_abandoned,
    drop,
    ensure_registry,
    listed,
    registry,
    replay_lock,
)
from ctevents.replay.rebuild import ReplayResult, build_generations

from ctevents.store import Store

NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


class SnapshotError(ValueError):
    """A snapshot that cannot be built as asked: a bad name or a position past the head."""


def check_name(name: str) -> str:
    if not NAME.match(name):
        raise SnapshotError(
            f"snapshot name {name!r}: use 1–40 lower-case letters, digits, '-' or '_', "
            "starting with a letter or digit"
        )
    return name


def find(live: ViewStore, model: ReadModel, position: int) -> Generation | None:
    """The newest ready snapshot of the model at `position`, built by its current version."""
    ensure_registry(live)
    found = [
        g
        for g in listed(live, projection=model.name, kind=SNAPSHOT, state=READY)
        if g.until == position and g.version == model.version
    ]
    return found[-1] if found else None


def by_name(live: ViewStore, model: ReadModel, name: str) -> Generation | None:
    ensure_registry(live)
    found = listed(live, projection=model.name, kind=SNAPSHOT, state=READY, name=name)
    return found[-1] if found else None


ON_DEMAND_PREFIX = "asof-"  # the names of snapshots a read built on demand


def snapshots(live: ViewStore, projection: str | None = None) -> list[Generation]:
    """Every ready snapshot (of one model), oldest first."""
    ensure_registry(live)
    where = {"projection": projection} if projection else {}
    return listed(live, kind=SNAPSHOT, state=READY, **where)


def drop_snapshots(
    store: Store,
    live: ViewStore,
    generations: list[Generation],
    *,
    lock_timeout: float = 10.0,
) -> list[Generation]:
    """Drops the snapshots' tables and registry rows, under the replay lock."""
    with replay_lock(store.location, lock_timeout):
        for generation in generations:
            drop(live, generation)
    return generations


def open_snapshot(store: Store, generation: Generation) -> ViewStore:
    """The snapshot's tables, to query like the live model's."""
    return open_views(store.location, prefix=generation.prefix)


def build_snapshot(
    store: Store,
    live: ViewStore,
    model: ReadModel,
    until: int,
    name: str,
    *,
    lock_timeout: float = 10.0,
) -> ReplayResult:
    """Builds `name`: the model as of position `until`; replaces an older one of that name."""
    check_name(name)
    head = store.head()
    if until > head:
        raise SnapshotError(f"position {until} is beyond the log's head ({head})")
    started = time.perf_counter()
    ensure_registry(live)
    with replay_lock(store.location, lock_timeout):
        clean_abandoned(live)
        (built,) = build_generations(store, live, [model], SNAPSHOT, until=until, name=name)
        try:
            found = digest(built.views, model)
            position = built.views.position(model)
        finally:
            built.views.close()
        older = [g for g in listed(live, projection=model.name, name=name) if g.state == READY]
        with live.transaction(commit=True) as cursor:
            # Ready and replacing its namesake in one step: a reader finds one or the other.
            cursor.execute(
                live.sql(f"UPDATE {registry(live)} SET state = ? WHERE prefix = ?"),
                (READY, built.prefix),
            )
            for generation in older:
                cursor.execute(
                    live.sql(f"UPDATE {registry(live)} SET kind = ? WHERE prefix = ?"),
                    (RETIRED, generation.prefix),
                )
        for generation in older:
            drop(live, generation)
    return ReplayResult(
        model.name,
        built.events,
        time.perf_counter() - started,
        found,
        position,
        snapshot=name,
        fell_back=built.fell_back,
    )


def parse_time(text: str) -> datetime:
    """An ISO 8601 date or time; without a zone it is read as UTC."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise SnapshotError(
            f"{text!r} is not an ISO 8601 time (e.g. 2024-03-31T23:59:59Z)"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def position_at(store: Store, moment: datetime) -> int:
    """The last position recorded at or before `moment` (0: none), by binary search.

    Positions may have gaps (PostgreSQL), so each probe reads the first event at or
    after the probed position. Recording times rise with positions (one writer at a
    time appends), which is what makes the search valid.
    """
    low, high, best = 1, store.head(), 0
    while low <= high:
        middle = (low + high) // 2
        found = store.envelopes(after=middle - 1, limit=1)
        if not found:
            high = middle - 1
            continue
        position = found[0]["position"]
        recorded_at = datetime.fromisoformat(str(found[0]["recorded_at"]))
        if recorded_at <= moment:
            best, low = max(best, position), position + 1
        else:
            high = middle - 1
    return best
