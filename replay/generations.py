"""Generations of a read model's tables: their names, their registry, the replay lock, drops.

A generation is one model's tables under a table prefix of their own, in the same
database as the live ones (`projections.views`): `g…_` while a rebuild builds it,
`s…_` for a named snapshot, `x…_` for live tables retired by a swap. Each is listed in
`replay_generations` before its first table is created, so a replay killed mid-build
leaves a row that says what to drop.

Replays take turns through one lock per database (a file lock beside a SQLite views
file, a session advisory lock on PostgreSQL); both die with the process that holds
them. Whoever holds the lock knows that a generation still `building` was abandoned
(its builder died, or it would hold the lock) and drops it before starting.
"""

from __future__ import annotations

import contextlib
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ctevents.projections.model import ReadModel
from ctevents.projections.views import (
    FAILURES,
    MODEL_TABLES,
    VERSIONS,
    ViewStore,
    now_iso,
    open_replay_lock,
)

from ctevents.store import StoreLocation

REGISTRY = "replay_generations"
BUILDING, READY = "building", "ready"
REBUILD, SNAPSHOT, RETIRED = "rebuild", "snapshot", "retired"


class ReplayBusy(RuntimeError):
    """Another replay holds the lock on this store's read models."""


@dataclass(frozen=True)
class Generation:
    prefix: str
    projection: str
    kind: str
    state: str
    name: str | None = None
    until: int | None = None
    version: int | None = None
    created_at: str = ""


def new_prefix(kind: str) -> str:
    """A fresh, collision-free table prefix: `g`, `s` or `x`, 10 hex digits, `_`."""
    return f"{kind[0]}{secrets.token_hex(5)}_"


def registry(views: ViewStore) -> str:
    return views._qualify(views.prefix + REGISTRY)


def ensure_registry(views: ViewStore) -> None:
    with views.transaction(commit=True) as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {registry(views)} ("
            "prefix TEXT PRIMARY KEY, projection TEXT NOT NULL, kind TEXT NOT NULL, "
            "state TEXT NOT NULL, name TEXT, until_position BIGINT, version BIGINT, "
            "created_at TEXT NOT NULL)"
        )


def register(
    views: ViewStore,
    cursor: Any,
    prefix: str,
    model: ReadModel,
    kind: str,
    *,
    name: str | None = None,
    until: int | None = None,
) -> None:
    cursor.execute(
        views.sql(f"INSERT INTO {registry(views)} VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        (prefix, model.name, kind, BUILDING, name, until, model.version, now_iso()),
    )


def listed(views: ViewStore, cursor: Any | None = None, **where: Any) -> list[Generation]:
    """Registered generations matching every `column=value` given, oldest first."""
    conditions = " AND ".join(f"{column} = ?" for column in where) or "1 = 1"
    statement = views.sql(
        "SELECT prefix, projection, kind, state, name, until_position, version, created_at "
        f"FROM {registry(views)} WHERE {conditions} ORDER BY created_at, prefix"
    )
    with contextlib.ExitStack() as stack:
        if cursor is None:
            cursor = stack.enter_context(views.transaction(commit=False))
        cursor.execute(statement, tuple(where.values()))
        found = cursor.fetchall()
    return [
        Generation(
            r["prefix"],
            r["projection"],
            r["kind"],
            r["state"],
            r["name"],
            r["until_position"],
            r["version"],
            r["created_at"],
        )
        for r in found
    ]


def drop(views: ViewStore, generation: Generation) -> None:
    """Drops a generation's tables and tracking, then its registry row: one transaction."""
    prefix, projection = generation.prefix, generation.projection
    with views.transaction(commit=True) as cursor:
        for part in MODEL_TABLES:
            cursor.execute(f"DROP TABLE IF EXISTS {views._qualify(prefix + projection + part)}")
        for shared in (FAILURES, VERSIONS):
            cursor.execute(f"DROP TABLE IF EXISTS {views._qualify(prefix + shared)}")
        views.drop_tracking(cursor, prefix, projection)
        cursor.execute(views.sql(f"DELETE FROM {registry(views)} WHERE prefix = ?"), (prefix,))


def clean_abandoned(views: ViewStore) -> list[Generation]:
    """Drops what a killed replay left (call with the lock held); returns what it dropped."""
    abandoned = [g for g in listed(views) if g.state == BUILDING or g.kind == RETIRED]
    for generation in abandoned:
        drop(views, generation)
    return abandoned


# --- the lock ----------------------------------------------------------------------------


@contextlib.contextmanager
def replay_lock(location: StoreLocation, timeout: float = 10.0) -> Iterator[None]:
    """Holds the store's replay lock; ReplayBusy if another replay keeps it past `timeout`."""
    deadline = time.monotonic() + timeout
    lock = open_replay_lock(location)
    try:
        while not lock.try_acquire():
            _wait_or_give_up(deadline, timeout)
        yield
    finally:
        lock.release()


def _wait_or_give_up(deadline: float, timeout: float) -> None:
    if time.monotonic() >= deadline:
        raise ReplayBusy(
            f"another replay has held this store's read models for over {timeout:g} s; "
            "wait for it to finish (or stop it) and run the command again"
        )
    time.sleep(0.05)
