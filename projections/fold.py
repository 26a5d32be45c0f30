"""The fold kernel, one for the live engine and for replay: dispatch, working set, rows, writes.

- `fold_page` is the one place events are dispatched to a model's handlers, in log
  order, with `lifecycle.accepts` (retracted sources, superseded extractions) applied.
- `WorkingSet` holds what the handlers change: each source's contribution per key,
  per-source state, the keys touched (with the last position that touched them) and
  the evidence spans named. The engine's working set loads the batch's sources from the
  database first; replay's starts empty (its tables are new) and lives for the pass.
- `build_rows` is the one place rows are built from contributions: each touched key
  once, into the row table's tuples and the changes watchers see.
- Two writers: `write_batch` (the engine: upserts, touched rows rebuilt from every
  contribution read back in the same transaction) and `write_all` (replay: plain bulk
  inserts into empty tables, rows built from the documents in memory).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ctevents.projections.evidence import SpanIds
from ctevents.projections.lifecycle import accepts_fact
from ctevents.projections.model import Contribution, Grouping, Handler, ReadModel
from ctevents.projections.stored import pack, unpack
from ctevents.projections.views import CHANGES, CONTRIBUTIONS, ROWS, SOURCE_STATE, ViewStore

from ctevents.codec import DecodedStretch
from ctevents.events import Fact

# Below SQLite's smallest limit on bound parameters (999).
CHUNK = 500
# Rows per executemany call in a bulk write: bounds the memory of one call.
WRITE_CHUNK = 5000


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class FoldError(Exception):
    """The fold of the event at `position` failed (a handler or a row builder raised)."""

    def __init__(self, position: int, error: BaseException) -> None:
        super().__init__(f"position {position}: {type(error).__name__}: {error}")
        self.position = position
        self.error = error


class SourceFold:
    """One source's contributions to a model, as its events' handlers see them."""

    __slots__ = ("_ws", "source_id", "spans")

    def __init__(self, ws: WorkingSet, source_id: str) -> None:
        self._ws = ws
        self.source_id = source_id
        # The ids of evidence spans, each stored once (`Source.spans`): the working set's
        # namer itself, not a method calling it (a call less for nearly every fact).
        self.spans: Callable[[Iterable[Any]], list[str]] = ws.span_ids.ids

    @property
    def state(self) -> dict[str, Any]:
        self._ws.dirty_states.add(self.source_id)
        return self._ws.states.setdefault(self.source_id, {})

    def peek_state(self) -> dict[str, Any]:
        return self._ws.states.get(self.source_id, _EMPTY)

    def contribution(self, key: str, position: int) -> dict[str, Any]:
        pair = (key, self.source_id)
        ws = self._ws
        doc = ws.contributions.get(pair)
        if doc is None:
            doc = ws.contributions[pair] = {}
            ws.keys_by_source.setdefault(self.source_id, set()).add(key)
        touched = ws.touched  # `touch`, inlined: called for nearly every event
        if position > touched.get(key, 0):
            touched[key] = position
        ws.dirty_contributions.add(pair)
        return doc

    def contributed_keys(self) -> list[str]:
        return sorted(self._ws.keys_by_source.get(self.source_id, ()))

    def peek(self, key: str) -> dict[str, Any] | None:
        return self._ws.contributions.get((key, self.source_id))

    def drop(self, key: str, position: int) -> None:
        pair = (key, self.source_id)
        ws = self._ws
        ws.contributions[pair] = None
        ws.keys_by_source.get(self.source_id, set()).discard(key)
        ws.dirty_contributions.add(pair)
        ws.touch(key, position)


_EMPTY: dict[str, Any] = {}


class WorkingSet:
    """What one model's handlers have changed: contributions, states, touched keys, spans."""

    def __init__(self, model: ReadModel, span_ids: SpanIds | None = None) -> None:
        self.model = model
        self.contributions: dict[tuple[str, str], dict[str, Any] | None] = {}
        self.keys_by_source: dict[str, set[str]] = {}
        self.states: dict[str, dict[str, Any]] = {}
        self.dirty_contributions: set[tuple[str, str]] = set()
        self.dirty_states: set[str] = set()
        self.touched: dict[str, int] = {}  # key → last position that touched it
        self.span_ids = span_ids or SpanIds()
        self.sources: dict[str, SourceFold] = {}
        self.end = 0  # the last position folded (read), what tracking records

    def release(self) -> None:
        """Drops what it holds. Its sources point back at it: without this, a working set
        is cyclic garbage that only a full collection frees, scanning all of it (a
        replay's lives for the pass: two seconds of a 100,000-event replay, measured)."""
        self.sources.clear()
        self.contributions.clear()
        self.keys_by_source.clear()
        self.states.clear()

    def touch(self, key: str, position: int) -> None:
        if position > self.touched.get(key, 0):
            self.touched[key] = position

    def source(self, source_id: str) -> SourceFold:
        found = self.sources.get(source_id)
        if found is None:
            found = self.sources[source_id] = SourceFold(self, source_id)
        return found

    def load(self, views: ViewStore, cursor: Any, source_ids: Iterable[str]) -> None:
        """Reads the stored contributions and states of sources not in hand, in few queries."""
        wanted = sorted({s for s in source_ids if s not in self.sources})
        states = views.table(self.model, SOURCE_STATE)
        for part in chunks(wanted):
            marks = ", ".join("?" * len(part))
            cursor.execute(
                views.sql(_contributions_query(views, self.model, "source_id", marks)), part
            )
            for key, source_id, doc in _contributions(self.model, cursor.fetchall()):
                self.contributions[(key, source_id)] = doc
                self.keys_by_source.setdefault(source_id, set()).add(key)
            cursor.execute(
                views.sql(f"SELECT source_id, doc FROM {states} WHERE source_id IN ({marks})"),
                part,
            )
            for row in cursor.fetchall():
                self.states[row["source_id"]] = unpack(row["doc"])
        for source_id in wanted:
            self.source(source_id)


# --- the one dispatch -------------------------------------------------------------------


def fold_page(ws: WorkingSet, page: DecodedStretch) -> None:
    """Applies a page's events to one working set, in log order (FoldError on a failure)."""
    failed = fold_pages([ws], page)
    if failed:
        raise failed[ws.model.name]


# A class's handlers in each of a page's working sets, found once per class and page.
_Targets = list[tuple[WorkingSet, Handler]]


def fold_pages(folds: Sequence[WorkingSet], page: DecodedStretch) -> dict[str, FoldError]:
    """Applies a page's events to several models' working sets, in log order: each event
    to every model with a handler for its class (looked up once per class, not once per
    event and model). Returns the models whose handler failed, by name: the page is not
    folded further into those (their working sets are to be discarded), but is into the
    others."""
    live = list(folds)
    failed: dict[str, FoldError] = {}
    targets_of: dict[type, _Targets] = {}
    facts: dict[type, bool] = {}
    for position, stream, cls, event in zip(
        page.positions, page.streams, page.classes, page.events, strict=True
    ):
        targets = targets_of.get(cls)
        if targets is None:
            targets = targets_of[cls] = [
                (ws, ws.model.handlers[cls]) for ws in live if cls in ws.model.handlers
            ]
            facts[cls] = issubclass(cls, Fact)
        if not targets:
            continue
        fact = facts[cls]
        for ws, handler in targets:
            source = ws.sources.get(stream) or ws.source(stream)
            # `lifecycle.accepts_fact`, with the class test answered once per class and
            # the source's state read here: nearly every event is a fact of a source in
            # good standing, whose state says nothing about either (a call less per event).
            if fact:
                state = ws.states.get(stream)
                if (
                    state
                    and (state.get("retracted") or state.get("extractor_version"))
                    and not accepts_fact(source, event)
                ):
                    continue
            try:
                handler(source, event, position)
            except Exception as exc:
                error = FoldError(position, exc)
                error.__cause__ = exc
                failed[ws.model.name] = error
                live.remove(ws)
                targets_of.clear()  # found again without it, from the next event on
    for ws in live:
        ws.end = max(ws.end, page.end)
    return failed


# --- the one row builder --------------------------------------------------------------------


class BuiltRows:
    """A model's rows built from contributions, as tuples for its tables and as changes."""

    def __init__(self) -> None:
        self.rows: list[tuple[Any, ...]] = []  # key, columns…, row JSON, position
        self.deletes: list[tuple[str]] = []
        self.changed: list[tuple[str, str, int]] = []  # key, op, position
        self.changes: list[dict[str, Any]] = []


Lookup = Callable[[Iterable[str]], dict[str, list[Contribution]]]
# Keys a grouped model reads to settle one batch's rows, at most (a safety bound).
MAX_GROUP_KEYS = 100_000


def build_rows(
    model: ReadModel,
    touched: dict[str, int],
    lookup: Lookup,
    *,
    keep_changes: bool = True,
) -> BuiltRows:
    """Rebuilds every touched key's row from its contributions (each sorted by source).

    `lookup` gives keys' contributions: read back from the database by the engine,
    from memory by replay. A grouped model's rows are settled here too (`_plan`).
    """
    built = BuiltRows()
    columns = model.columns
    if model.grouping is None:
        found = lookup(touched)
        plan = [(key, touched[key], found.get(key)) for key in sorted(touched)]
    else:
        plan = _plan(model.grouping, touched, lookup)
    for key, position, contributions in plan:
        try:
            row = model.build(key, contributions) if contributions else None
        except Exception as exc:
            raise FoldError(position, exc) from exc
        if row is None:
            built.deletes.append((key,))
            op = "delete"
        else:
            built.rows.append((key, *(c.value(row) for c in columns), pack(row), position))
            op = "upsert"
        built.changed.append((key, op, position))
        if keep_changes:
            built.changes.append({"op": op, "key": key, "row": row, "position": position})
    return built


def _plan(
    grouping: Grouping, touched: dict[str, int], lookup: Lookup
) -> list[tuple[str, int, list[Contribution] | None]]:
    """A grouped model's rows to rebuild: (row key, position, every member's contributions).

    Reads outwards from the touched keys (`related`) until nothing new turns up, so a
    row whose members changed is rebuilt whole and a key that left a row gets its own
    again; a key merged into another's row has none (it is deleted). Beyond what the
    batch touched only actual merges are followed, so a batch reads the rows it
    changes, not everyone who ever shared a side with them.
    """
    found: dict[str, list[Contribution]] = {}
    frontier = set(touched)
    while frontier and len(found) < MAX_GROUP_KEYS:
        got = lookup(frontier)
        for key in frontier:
            found[key] = got.get(key, [])
        frontier = {
            r
            for key in frontier
            for r in grouping.related(key, found[key], key in touched)
            if r not in found
        }
    row_of = grouping.rows(found)
    last = max(touched.values(), default=0)
    members: dict[str, list[str]] = {}
    for key in sorted(found):
        if not grouping.is_index(key):
            members.setdefault(row_of.get(key, key), []).append(key)
    plan: list[tuple[str, int, list[Contribution] | None]] = []
    for row_key, keys in members.items():
        position = max(touched.get(k, 0) for k in keys) or last
        merged = found[keys[0]] if len(keys) == 1 else _by_source_merged(found, keys)
        plan.append((row_key, position, merged))
        plan.extend((k, touched.get(k, 0) or last, None) for k in keys if k != row_key)
    plan.sort(key=lambda entry: entry[0])
    return plan


def _by_source_merged(found: dict[str, list[Contribution]], keys: list[str]) -> list[Contribution]:
    """One contribution per source from several keys' (their lists joined, in key order)."""
    docs: dict[str, dict[str, Any]] = {}
    for key in keys:
        for c in found[key]:
            doc = docs.setdefault(c.source_id, {})
            for name, value in c.doc.items():
                if isinstance(value, list):
                    doc.setdefault(name, []).extend(value)
                else:
                    doc[name] = doc.get(name) or value
    return [Contribution(s, docs[s]) for s in sorted(docs)]


def _by_source(contribution: Contribution) -> str:
    return contribution.source_id


def row_key_of(grouping: Grouping, key: str, lookup: Lookup) -> str:
    """The key of the row a grouped model's `key` belongs in (itself, unless merged).

    Reads outwards from `key` as `_plan` does from an untouched key: only actual merges
    are followed (a person's sides, the names merged there, their sides, …).
    """
    found: dict[str, list[Contribution]] = {}
    frontier = {key}
    while frontier and len(found) < MAX_GROUP_KEYS:
        got = lookup(frontier)
        for k in frontier:
            found[k] = got.get(k, [])
        frontier = {
            r for k in frontier for r in grouping.related(k, found[k], False) if r not in found
        }
    return grouping.rows(found).get(key, key)


def stored_lookup(views: ViewStore, cursor: Any, model: ReadModel) -> Lookup:
    """Keys' stored contributions, each list sorted by source: a chunk of keys per query
    (one query per key was a fifth of a batch's time)."""

    def lookup(keys: Iterable[str]) -> dict[str, list[Contribution]]:
        found: dict[str, list[Contribution]] = {}
        for part in chunks(sorted(keys)):
            marks = ", ".join("?" * len(part))
            cursor.execute(views.sql(_contributions_query(views, model, "key", marks)), part)
            for key, source_id, doc in _contributions(model, cursor.fetchall()):
                found.setdefault(key, []).append(Contribution(source_id, doc))
        return found

    return lookup


def _contributions_query(views: ViewStore, model: ReadModel, column: str, marks: str) -> str:
    """Stored contributions whose `column` (key or source_id) is one of `marks`; of a model
    whose row is its contribution, the rows (key and source id are one)."""
    if model.contribution_of_row is not None:
        return (
            f"SELECT key, key AS source_id, row AS doc FROM {views.table(model, ROWS)} "
            f"WHERE key IN ({marks}) ORDER BY key"
        )
    return (
        f"SELECT key, source_id, doc FROM {views.table(model, CONTRIBUTIONS)} "
        f"WHERE {column} IN ({marks}) ORDER BY key, source_id"
    )


def _contributions(
    model: ReadModel, found: Iterable[Any]
) -> Iterable[tuple[str, str, dict[str, Any]]]:
    """(key, source id, document) of each stored contribution selected by the query above."""
    of_row = model.contribution_of_row
    for r in found:
        doc = unpack(r["doc"])
        yield r["key"], r["source_id"], doc if of_row is None else of_row(r["key"], doc)


def memory_lookup(ws: WorkingSet) -> Lookup:
    """Keys' contributions from a working set that holds every contribution to them."""
    by_key: dict[str, list[Contribution]] = {}
    for (key, source_id), doc in ws.contributions.items():
        if doc is not None:
            by_key.setdefault(key, []).append(Contribution(source_id, doc))
    for found in by_key.values():
        found.sort(key=_by_source)

    def lookup(keys: Iterable[str]) -> dict[str, list[Contribution]]:
        return {k: by_key[k] for k in keys if k in by_key}

    return lookup


# --- the engine's writer: upserts ---------------------------------------------------------


def write_batch(views: ViewStore, cursor: Any, ws: WorkingSet) -> list[dict[str, Any]]:
    """Writes a batch's working set; returns the rows' changes in position order."""
    model = ws.model
    _write_spans(views, cursor, ws.span_ids.take())
    table = views.table(model, CONTRIBUTIONS)
    upserts, deletes = [], []
    # A model whose row is its contribution stores the row alone, built from the
    # working set, which holds the one contribution to every key it touched.
    kept = model.contribution_of_row is None
    for key, source_id in sorted(ws.dirty_contributions) if kept else ():
        doc = ws.contributions[(key, source_id)]
        if doc is None:
            deletes.append((key, source_id))
        else:
            upserts.append((key, source_id, pack(doc)))
    if deletes:
        cursor.executemany(
            views.sql(f"DELETE FROM {table} WHERE key = ? AND source_id = ?"), deletes
        )
    if upserts:
        cursor.executemany(
            views.sql(
                f"INSERT INTO {table} (key, source_id, doc) VALUES (?, ?, ?) "
                "ON CONFLICT (key, source_id) DO UPDATE SET doc = excluded.doc"
            ),
            upserts,
        )
    if ws.dirty_states:
        cursor.executemany(
            views.sql(
                f"INSERT INTO {views.table(model, SOURCE_STATE)} (source_id, doc) VALUES (?, ?) "
                "ON CONFLICT (source_id) DO UPDATE SET doc = excluded.doc"
            ),
            [(s, pack(ws.states[s])) for s in sorted(ws.dirty_states)],
        )

    # Every contribution to a touched key, this batch's and earlier ones', read back in
    # the transaction that wrote them.
    lookup = stored_lookup(views, cursor, model) if kept else memory_lookup(ws)
    built = build_rows(model, ws.touched, lookup)
    rows_table = views.table(model, ROWS)
    if built.deletes:
        cursor.executemany(views.sql(f"DELETE FROM {rows_table} WHERE key = ?"), built.deletes)
    if built.rows:
        names = [c.name for c in model.columns]
        updates = ", ".join(f"{n} = excluded.{n}" for n in [*names, "row", "position"])
        cursor.executemany(
            views.sql(f"{_insert_rows(views, model)} ON CONFLICT (key) DO UPDATE SET {updates}"),
            built.rows,
        )
    if built.changed:
        cursor.executemany(
            views.sql(
                f"INSERT INTO {views.table(model, CHANGES)} (key, op, position) "
                "VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET op = excluded.op, "
                "position = excluded.position"
            ),
            built.changed,
        )
    built.changes.sort(key=lambda change: (change["position"], change["key"]))
    return built.changes


def _insert_rows(views: ViewStore, model: ReadModel) -> str:
    names = ["key", *(c.name for c in model.columns), "row", "position"]
    return (
        f"INSERT INTO {views.table(model, ROWS)} ({', '.join(names)}) "
        f"VALUES ({', '.join('?' * len(names))})"
    )


def _write_spans(views: ViewStore, cursor: Any, spans: list[tuple[Any, ...]]) -> None:
    if spans:
        statement = views.sql(views.spans_insert())
        for part in chunks(spans, WRITE_CHUNK):
            cursor.executemany(statement, part)


def write_spans(views: ViewStore, spans: list[tuple[Any, ...]]) -> None:
    """Stores spans shared by several working sets once, in a transaction of their own.

    On PostgreSQL they are copied into a temporary table first, then inserted from it
    with the same `ON CONFLICT DO NOTHING` (the table is shared, some may be there):
    `executemany` was a third of a PostgreSQL replay's writing time, measured.
    """
    with views.transaction(commit=True) as cursor:
        views.bulk_insert_spans(cursor, spans, WRITE_CHUNK)


# --- replay's writer: bulk inserts into empty tables ------------------------------------------


def write_all(views: ViewStore, ws: WorkingSet) -> int:
    """Inserts a whole working set into empty tables with its tracking position; one transaction."""
    prepared = prepare_all(ws)
    write_prepared(views, ws.model, prepared, ws.span_ids.take())  # none left if spans ran
    return prepared.row_count


@dataclass(frozen=True)
class Prepared:
    """A model's tables as replay inserts them: each part's columns and rows, ready to write.

    Plain tuples of text, numbers and packed bytes, so that another process can make
    them (`replay.processes`) and hand them over cheaply.
    """

    parts: list[tuple[str, tuple[str, ...], list[tuple[Any, ...]]]]  # table suffix, columns, rows
    end: int  # the tracking position they reach
    row_count: int


def prepare_all(ws: WorkingSet) -> Prepared:
    """Every row of a whole working set built, and every document packed, for `write_prepared`.

    Rows are built from the documents in memory, not read back from their JSON as the
    engine does: handlers store JSON values only and builders do not mutate them, so
    the rows are the same bytes (the tests compare digests).
    """
    model = ws.model
    contribution_rows = (
        [
            (key, source_id, pack(doc))
            for (key, source_id), doc in ws.contributions.items()
            if doc is not None
        ]
        if model.contribution_of_row is None
        else []  # its rows hold them
    )
    built = build_rows(model, ws.touched, memory_lookup(ws), keep_changes=False)
    parts = [
        (CONTRIBUTIONS, ("key", "source_id", "doc"), contribution_rows),
        (
            SOURCE_STATE,
            ("source_id", "doc"),
            [(s, pack(ws.states[s])) for s in sorted(ws.dirty_states)],
        ),
        (ROWS, ("key", *(c.name for c in model.columns), "row", "position"), built.rows),
        (CHANGES, ("key", "op", "position"), built.changed),
    ]
    return Prepared(parts, ws.end, len(built.rows))


def write_prepared(
    views: ViewStore, model: ReadModel, prepared: Prepared, spans: Sequence[tuple[Any, ...]] = ()
) -> None:
    """Inserts a model's prepared tables, and its position, in one transaction."""
    with views.transaction(commit=True) as cursor:
        _write_spans(views, cursor, list(spans))
        for part, columns, rows in prepared.parts:
            views.bulk_load(cursor, (views.table(model, part), columns, rows), WRITE_CHUNK)
        if prepared.end:
            views.record_position(cursor, model, prepared.end)
