"""A batch's working set: each source's contributions, changed in memory, written once.

Handlers change one source's contribution per key (`SourceFold`). At the end of the
batch `BatchFold.flush` writes the changed contributions, rebuilds each touched row
from every source's contribution to it (read back inside the same transaction, so it
sees this batch's writes; a chunk of keys per query) and records the row's change for
watchers. A row is rebuilt once per batch however many events touched it: that is
where batching pays.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import orjson

from projections.model import Contribution, ReadModel
from projections.views import CHANGES, CONTRIBUTIONS, ROWS, SOURCE_STATE, ViewStore

# Below SQLite's smallest limit on bound parameters (999).
CHUNK = 500


def dumps(value: Any) -> str:
    """Canonical JSON: sorted keys, so equal rows are equal bytes (digests rely on it)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


class FoldError(Exception):
    """The fold of the event at `position` failed; the batch is rolled back."""

    def __init__(self, position: int, error: BaseException) -> None:
        super().__init__(f"position {position}: {type(error).__name__}: {error}")
        self.position = position
        self.error = error


class SourceFold:
    """One source's contributions to a model, as its events' handlers see them."""

    def __init__(self, batch: BatchFold, source_id: str) -> None:
        self._batch = batch
        self.source_id = source_id

    @property
    def state(self) -> dict[str, Any]:
        """Per-source facts the fold needs later (retracted, extractor version, …); mutable."""
        self._batch.dirty_states.add(self.source_id)
        return self._batch.states.setdefault(self.source_id, {})

    def peek_state(self) -> dict[str, Any]:
        return self._batch.states.get(self.source_id, {})

    def contribution(self, key: str, position: int) -> dict[str, Any]:
        """This source's contribution to `key`, created empty if new; marks the row changed."""
        pair = (key, self.source_id)
        batch = self._batch
        doc = batch.contributions.get(pair)
        if doc is None:
            doc = batch.contributions[pair] = {}
            batch.keys_by_source.setdefault(self.source_id, set()).add(key)
        touched = batch.touched  # `touch`, inlined: called for nearly every event
        if position > touched.get(key, 0):
            touched[key] = position
        batch.dirty_contributions.add(pair)
        return doc

    def contributed_keys(self) -> list[str]:
        """Every key this source contributes to, in a stable order."""
        return sorted(self._batch.keys_by_source.get(self.source_id, ()))

    def drop(self, key: str, position: int) -> None:
        """Removes this source's contribution to `key` (the row is rebuilt without it)."""
        pair = (key, self.source_id)
        batch = self._batch
        batch.contributions[pair] = None
        batch.keys_by_source.get(self.source_id, set()).discard(key)
        batch.dirty_contributions.add(pair)
        batch.touch(key, position)


class BatchFold:
    """The working set of one model for one batch, inside one write transaction."""

    def __init__(self, model: ReadModel, views: ViewStore, cursor: Any) -> None:
        self.model = model
        self.views = views
        self.cursor = cursor
        self.contributions: dict[tuple[str, str], dict[str, Any] | None] = {}
        self.keys_by_source: dict[str, set[str]] = {}
        self.states: dict[str, dict[str, Any]] = {}
        self.dirty_contributions: set[tuple[str, str]] = set()
        self.dirty_states: set[str] = set()
        self.touched: dict[str, int] = {}  # key → last position that touched it
        self._sources: dict[str, SourceFold] = {}

    def _execute(self, statement: str, parameters: Sequence[Any] = ()) -> Any:
        self.cursor.execute(self.views.sql(statement), parameters)
        return self.cursor

    def touch(self, key: str, position: int) -> None:
        if position > self.touched.get(key, 0):
            self.touched[key] = position

    def load_sources(self, source_ids: Iterable[str]) -> None:
        """Reads the stored contributions and state of the batch's sources in few queries."""
        wanted = sorted({s for s in source_ids if s not in self._sources})
        contributions = self.views.table(self.model, CONTRIBUTIONS)
        states = self.views.table(self.model, SOURCE_STATE)
        for part in chunks(wanted):
            marks = ", ".join("?" * len(part))
            rows = self._execute(
                f"SELECT key, source_id, doc FROM {contributions} WHERE source_id IN ({marks})",
                part,
            ).fetchall()
            for row in rows:
                self.contributions[(row["key"], row["source_id"])] = orjson.loads(row["doc"])
                self.keys_by_source.setdefault(row["source_id"], set()).add(row["key"])
            rows = self._execute(
                f"SELECT source_id, doc FROM {states} WHERE source_id IN ({marks})", part
            ).fetchall()
            for row in rows:
                self.states[row["source_id"]] = orjson.loads(row["doc"])
        for source_id in wanted:
            self._sources[source_id] = SourceFold(self, source_id)

    def source(self, source_id: str) -> SourceFold:
        if source_id not in self._sources:
            self.load_sources([source_id])
        return self._sources[source_id]

    def flush(self) -> list[dict[str, Any]]:
        """Writes contributions, rebuilds touched rows; returns their changes by position."""
        self._write_contributions()
        self._write_states()
        changes = self._rebuild(sorted(self.touched))
        changes.sort(key=lambda change: (change["position"], change["key"]))
        return changes

    def _write_contributions(self) -> None:
        table = self.views.table(self.model, CONTRIBUTIONS)
        upserts, deletes = [], []
        for key, source_id in sorted(self.dirty_contributions):
            doc = self.contributions[(key, source_id)]
            if doc is None:
                deletes.append((key, source_id))
            else:
                upserts.append((key, source_id, dumps(doc)))
        if deletes:
            self.cursor.executemany(
                self.views.sql(f"DELETE FROM {table} WHERE key = ? AND source_id = ?"), deletes
            )
        if upserts:
            self.cursor.executemany(
                self.views.sql(
                    f"INSERT INTO {table} (key, source_id, doc) VALUES (?, ?, ?) "
                    "ON CONFLICT (key, source_id) DO UPDATE SET doc = excluded.doc"
                ),
                upserts,
            )

    def _write_states(self) -> None:
        if not self.dirty_states:
            return
        table = self.views.table(self.model, SOURCE_STATE)
        self.cursor.executemany(
            self.views.sql(
                f"INSERT INTO {table} (source_id, doc) VALUES (?, ?) "
                "ON CONFLICT (source_id) DO UPDATE SET doc = excluded.doc"
            ),
            [(s, dumps(self.states[s])) for s in sorted(self.dirty_states)],
        )

    def _rebuild(self, keys: list[str]) -> list[dict[str, Any]]:
        """Rebuilds the rows of `keys` from their contributions, read back in few queries.

        Reads a chunk of keys' contributions per query and writes rows and changes with
        one `executemany` each: a query per key was a fifth of a batch's time.
        """
        model, views = self.model, self.views
        found: dict[str, list[Contribution]] = {}
        contributions_table = views.table(model, CONTRIBUTIONS)
        for part in chunks(keys):
            marks = ", ".join("?" * len(part))
            rows = self._execute(
                f"SELECT key, source_id, doc FROM {contributions_table} "
                f"WHERE key IN ({marks}) ORDER BY key, source_id",
                part,
            ).fetchall()
            for r in rows:
                found.setdefault(r["key"], []).append(
                    Contribution(r["source_id"], orjson.loads(r["doc"]))
                )
        deletes, upserts, changed, changes = [], [], [], []
        for key in keys:
            position = self.touched[key]
            contributions = found.get(key)
            try:
                row = model.build(key, contributions) if contributions else None
            except Exception as exc:
                raise FoldError(position, exc) from exc
            if row is None:
                deletes.append((key,))
                op = "delete"
            else:
                values = [c.value(row) for c in model.columns]
                upserts.append((key, *values, dumps(row), position))
                op = "upsert"
            changed.append((key, op, position))
            changes.append({"op": op, "key": key, "row": row, "position": position})
        table = views.table(model, ROWS)
        if deletes:
            self.cursor.executemany(views.sql(f"DELETE FROM {table} WHERE key = ?"), deletes)
        if upserts:
            names = [c.name for c in model.columns]
            columns = ", ".join(["key", *names, "row", "position"])
            marks = ", ".join("?" * (len(names) + 3))
            updates = ", ".join(f"{n} = excluded.{n}" for n in [*names, "row", "position"])
            self.cursor.executemany(
                views.sql(
                    f"INSERT INTO {table} ({columns}) VALUES ({marks}) "
                    f"ON CONFLICT (key) DO UPDATE SET {updates}"
                ),
                upserts,
            )
        if changed:
            self.cursor.executemany(
                views.sql(
                    f"INSERT INTO {views.table(model, CHANGES)} (key, op, position) "
                    "VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET op = excluded.op, "
                    "position = excluded.position"
                ),
                changed,
            )
        return changes
