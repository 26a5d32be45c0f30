"""The rebuild's fast path: fold a whole stretch of the log in memory, write each row once.

The live engine rebuilds every touched row from all its contributions once per batch,
reading them back from the database: right for a few new events, slow for the whole
log. A rebuild starts from empty tables, so it can keep every source's contributions
in memory (`MemoryFold`, the engine's `BatchFold` without a database), build each row
exactly once at the end, and insert rows, contributions, source states and changes
with `executemany` in one transaction. The handlers, `accepts` and the row builders
are the models' own: only where the working set lives differs, so the tables equal
the engine's (the digests are compared in the tests).

A fold error is not handled here: the caller falls back to the engine, whose failure
handling (record, skip, carry on) is the reference.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ctevents.events import Fact
from projections.fold import BatchFold, FoldError, SourceFold, dumps
from projections.lifecycle import accepts_fact
from projections.model import Contribution, ReadModel
from projections.views import CHANGES, CONTRIBUTIONS, ROWS, SOURCE_STATE, ViewStore
from replay.decode import DecodedPage

# Rows per executemany call: bounds the memory of one call, not the transaction.
WRITE_CHUNK = 5000


def _by_source(contribution: Contribution) -> str:
    return contribution.source_id


class MemoryFold(BatchFold):
    """One model's working set over many pages, starting from empty tables."""

    def __init__(self, model: ReadModel) -> None:
        # No database until `write`: the tables are new, so there is nothing to load.
        super().__init__(model, views=None, cursor=None)  # type: ignore[arg-type]
        self.end = 0  # the last position folded (read), what tracking will record
        self._is_fact: dict[type, bool] = {}

    def load_sources(self, source_ids: Iterable[str]) -> None:
        for source_id in source_ids:
            if source_id not in self._sources:
                self._sources[source_id] = SourceFold(self, source_id)

    def fold(self, page: DecodedPage) -> None:
        """Applies the page's events in log order, as `ProjectionEngine._commit` does."""
        handlers = self.model.handlers
        sources = self._sources
        is_fact = self._is_fact
        for position, stream, cls, event in zip(
            page.positions, page.streams, page.classes, page.events, strict=True
        ):
            handler = handlers.get(cls)
            if handler is None:
                continue
            source = sources.get(stream) or self.source(stream)
            fact = is_fact.get(cls)
            if fact is None:
                fact = is_fact[cls] = issubclass(cls, Fact)
            # `accepts`, with the class test answered once per class, not per event.
            if fact and not accepts_fact(source, event):
                continue
            try:
                handler(source, event, position)
            except Exception as exc:
                raise FoldError(position, exc) from exc
        self.end = max(self.end, page.end)

    # --- writing, once ---------------------------------------------------------------

    def rows(self) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """(contribution rows, row rows, change rows), each row built exactly once."""
        by_key: dict[str, list[Contribution]] = {}
        contribution_rows = []
        for (key, source_id), doc in self.contributions.items():
            if doc is None:
                continue
            contribution_rows.append((key, source_id, dumps(doc)))
            by_key.setdefault(key, []).append(Contribution(source_id, doc))
        model = self.model
        columns = model.columns
        row_rows, change_rows = [], []
        for key in sorted(self.touched):
            position = self.touched[key]
            # The documents themselves, not read back from their JSON as the engine does:
            # handlers store JSON values only (decoded payloads, `model_dump(mode="json")`),
            # and builders read them without mutating, so the rows are the same bytes.
            contributions = sorted(by_key.get(key, ()), key=_by_source)
            try:
                row = model.build(key, contributions) if contributions else None
            except Exception as exc:
                raise FoldError(position, exc) from exc
            if row is None:
                change_rows.append((key, "delete", position))
                continue
            row_rows.append((key, *(c.value(row) for c in columns), dumps(row), position))
            change_rows.append((key, "upsert", position))
        return contribution_rows, row_rows, change_rows

    def write(self, views: ViewStore) -> int:
        """Inserts everything into the (empty) tables of `views` with the tracking position."""
        contribution_rows, row_rows, change_rows = self.rows()
        model = self.model
        names = ["key", *(c.name for c in model.columns), "row", "position"]
        statements = [
            (
                f"INSERT INTO {views.table(model, CONTRIBUTIONS)} (key, source_id, doc) "
                "VALUES (?, ?, ?)",
                contribution_rows,
            ),
            (
                f"INSERT INTO {views.table(model, SOURCE_STATE)} (source_id, doc) VALUES (?, ?)",
                [(s, dumps(self.states[s])) for s in sorted(self.dirty_states)],
            ),
            (
                f"INSERT INTO {views.table(model, ROWS)} ({', '.join(names)}) "
                f"VALUES ({', '.join('?' * len(names))})",
                row_rows,
            ),
            (
                f"INSERT INTO {views.table(model, CHANGES)} (key, op, position) VALUES (?, ?, ?)",
                change_rows,
            ),
        ]
        with views.transaction(commit=True) as cursor:
            for statement, rows in statements:
                for start in range(0, len(rows), WRITE_CHUNK):
                    cursor.executemany(views.sql(statement), rows[start : start + WRITE_CHUNK])
            if self.end:
                views.record_position(cursor, model, self.end)
        return len(row_rows)
