"""Reading the read models: lists with filters and stable pages, single rows, changes, waits.

Rows come in one of two shapes (`shapes`): `full` (every value's sources with their
quotes, resolved from span ids in the same transaction) or `compact`.

Every answer carries `as_of_position`, the model's tracking position, read before the
rows inside the same transaction: the rows are at least that fresh. Lists are ordered
by key and paged by key (`after`), so a page boundary never shifts while rows change.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ctevents.projections.failures import failure_counts
from ctevents.projections.fold import row_key_of, stored_lookup
from ctevents.projections.model import ReadModel, Row
from ctevents.projections.shapes import COMPACT, FULL, VIEWS, compact_row, full_rows
from ctevents.projections.stored import unpack
from ctevents.projections.views import CHANGES, ROWS, ViewStore

from ctevents.store import Store

MAX_LIMIT = 1000


class QueryError(ValueError):
    """A query the model cannot answer: an unknown filter or a malformed value."""


@dataclass(frozen=True)
class RowPage:
    items: list[Row]
    as_of_position: int
    next_after: str | None  # the `after` for the next page; None on the last one


def _shaped(views: ViewStore, cursor: Any, rows: list[Row], view: str) -> list[Row]:
    if view == FULL:
        return full_rows(views, cursor, rows)
    if view == COMPACT:
        return [compact_row(row) for row in rows]
    raise QueryError(f"view {view!r}: use one of {', '.join(VIEWS)}")


def _where(model: ReadModel, filters: Mapping[str, str]) -> tuple[list[str], list[Any]]:
    conditions, parameters = [], []
    for name in sorted(filters):
        found = model.filter(name)
        if found is None:
            known = ", ".join(f.name for f in model.filters) or "none"
            raise QueryError(f"{model.name} cannot be filtered by {name!r}; filters: {known}")
        try:
            parameters.append(found.parameter(filters[name]))
        except ValueError as exc:
            raise QueryError(f"{name}={filters[name]!r}: {exc}") from None
        conditions.append(found.condition)
    return conditions, parameters


def list_rows(
    views: ViewStore,
    model: ReadModel,
    filters: Mapping[str, str] | None = None,
    *,
    after: str | None = None,
    limit: int = 50,
    view: str = FULL,
) -> RowPage:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    conditions, parameters = _where(model, filters or {})
    if after is not None:
        conditions.append("key > ?")
        parameters.append(after)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    with views.transaction(commit=False) as cursor:
        as_of = views.read_position(cursor, model)
        cursor.execute(
            views.sql(
                f"SELECT key, row FROM {views.table(model, ROWS)} {where} ORDER BY key LIMIT ?"
            ),
            (*parameters, limit + 1),
        )
        found = cursor.fetchall()
        items = _shaped(views, cursor, [unpack(r["row"]) for r in found[:limit]], view)
    next_after = found[limit - 1]["key"] if len(found) > limit else None
    return RowPage(items=items, as_of_position=as_of, next_after=next_after)


def get_row(
    views: ViewStore, model: ReadModel, key: str, view: str = FULL
) -> tuple[Row | None, int]:
    """One row by its domain key (None when absent) and the model's position.

    In a grouped model a key merged into another's row (`ahmed-latheef`, one person with
    `ahmed-lathee`) answers that row, whose own key says which it is.
    """
    with views.transaction(commit=False) as cursor:
        as_of = views.read_position(cursor, model)
        statement = views.sql(f"SELECT row FROM {views.table(model, ROWS)} WHERE key = ?")
        cursor.execute(statement, (key,))
        found = cursor.fetchone()
        if found is None and model.grouping is not None and not model.grouping.is_index(key):
            merged_into = row_key_of(model.grouping, key, stored_lookup(views, cursor, model))
            if merged_into != key:
                cursor.execute(statement, (merged_into,))
                found = cursor.fetchone()
        if found is None:
            return None, as_of
        (row,) = _shaped(views, cursor, [unpack(found["row"])], view)
    return row, as_of


def _scope(
    model: ReadModel, filters: Mapping[str, str] | None, key: str | None
) -> tuple[list[str], list[Any]]:
    conditions, parameters = _where(model, filters or {})
    if key is not None:
        conditions.append("key = ?")
        parameters.append(key)
    return conditions, parameters


def snapshot(
    views: ViewStore,
    model: ReadModel,
    filters: Mapping[str, str] | None = None,
    *,
    key: str | None = None,
    view: str = FULL,
) -> tuple[list[dict[str, Any]], int]:
    """Every current row (in scope) as an upsert change, oldest first: a watch's opening."""
    conditions, parameters = _scope(model, filters, key)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    with views.transaction(commit=False) as cursor:
        as_of = views.read_position(cursor, model)
        cursor.execute(
            views.sql(
                f"SELECT key, row, position FROM {views.table(model, ROWS)} {where} "
                "ORDER BY position, key"
            ),
            parameters,
        )
        found = cursor.fetchall()
        rows = _shaped(views, cursor, [unpack(r["row"]) for r in found], view)
    return [
        {"op": "upsert", "key": r["key"], "row": row, "position": r["position"]}
        for r, row in zip(found, rows, strict=True)
    ], as_of


def changes_since(
    views: ViewStore,
    model: ReadModel,
    after: int,
    filters: Mapping[str, str] | None = None,
    *,
    key: str | None = None,
    view: str = FULL,
) -> tuple[list[dict[str, Any]], int]:
    """Each key's latest change after position `after`, in position order, and the position.

    The changes table keeps one entry per key (its last change), so resuming from any
    position costs at most one entry per row and the table never grows past the
    model: a resumed watcher receives each changed row's current state, not every
    intermediate one, which is all a replica of the rows needs.

    With filters, an upsert whose row is out of scope comes back with `row` None: the
    caller decides whether that is a delete (it had the row) or nothing to say.
    """
    conditions, parameters = _scope(model, filters, None)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    only_key, key_parameters = ("AND c.key = ?", [key]) if key is not None else ("", [])
    changes_table, rows_table = views.table(model, CHANGES), views.table(model, ROWS)
    with views.transaction(commit=False) as cursor:
        as_of = views.read_position(cursor, model)
        cursor.execute(
            views.sql(
                f"SELECT c.key, c.op, c.position, r.row FROM {changes_table} c "
                f"LEFT JOIN (SELECT key, row FROM {rows_table} {where}) r ON r.key = c.key "
                f"WHERE c.position > ? AND c.position <= ? {only_key} "
                "ORDER BY c.position, c.key"
            ),
            (*parameters, after, as_of, *key_parameters),
        )
        found = cursor.fetchall()
        present = [unpack(r["row"]) for r in found if r["row"] is not None]
        shaped = iter(_shaped(views, cursor, present, view))
    return [
        {
            "op": r["op"],
            "key": r["key"],
            "row": next(shaped) if r["row"] is not None else None,
            "position": r["position"],
        }
        for r in found
    ], as_of


def wait_for_position(
    views: ViewStore, model: ReadModel, position: int, timeout: float, interval: float = 0.05
) -> int:
    """Polls until the model has folded `position` or `timeout` passes; returns its position.

    Polling the database (not an in-process signal) makes this work whichever process
    runs the projection: `ctevents serve` or a separate `ctevents project`.
    """
    deadline = time.monotonic() + timeout
    while True:
        reached = views.position(model)
        if reached >= position or time.monotonic() >= deadline:
            return reached
        time.sleep(min(interval, max(0.0, deadline - time.monotonic())))


def status(store: Store, views: ViewStore, models: Sequence[ReadModel]) -> dict[str, Any]:
    """The log's head and, per model: position, lag, code and stored version, failures."""
    head = store.head()
    counts = failure_counts(views)
    report = []
    for model in models:
        position = views.position(model)
        stored = views.stored_version(model)
        report.append(
            {
                "projection": model.name,
                "position": position,
                "lag": max(0, head - position),
                "version": model.version,
                "stored_version": stored,
                "outdated": stored is not None and stored != model.version,
                "failures": counts.get(model.name, 0),
            }
        )
    return {"head": head, "projections": report}
