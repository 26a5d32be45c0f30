"""How many bytes the read models take beside the log they are folded from.

SQLite: the pages of the views file in use (free pages left by dropped generations
not counted) against those of the log's file. PostgreSQL: `pg_total_relation_size`
(rows, TOAST, indexes) of the read models' tables against the log's events table.
"""

from __future__ import annotations

from collections.abc import Sequence

from ctevents.projections.evidence import SPANS
from ctevents.projections.model import ReadModel
from ctevents.projections.views import FAILURES, MODEL_TABLES, VERSIONS, ViewStore

from ctevents.store import Store


def table_names(views: ViewStore, models: Sequence[ReadModel]) -> list[str]:
    names = [f"{views.prefix}{m.name}{part}" for m in models for part in MODEL_TABLES]
    return [*names, SPANS, views.prefix + FAILURES, views.prefix + VERSIONS]


def _sqlite_pages(cursor: object) -> int:
    cursor.execute("PRAGMA page_count")  # type: ignore[attr-defined]
    pages = int(cursor.fetchone()[0])  # type: ignore[attr-defined]
    cursor.execute("PRAGMA freelist_count")  # type: ignore[attr-defined]
    free = int(cursor.fetchone()[0])  # type: ignore[attr-defined]
    cursor.execute("PRAGMA page_size")  # type: ignore[attr-defined]
    return (pages - free) * int(cursor.fetchone()[0])  # type: ignore[attr-defined]


def read_model_bytes(views: ViewStore, models: Sequence[ReadModel]) -> int:
    with views.transaction(commit=False) as cursor:
        if views.kind == "sqlite":
            return _sqlite_pages(cursor)
        total = 0
        for name in table_names(views, models):
            cursor.execute(
                "SELECT COALESCE(pg_total_relation_size(to_regclass(%s)), 0) AS n",
                (views._qualify(name),),
            )
            total += int(cursor.fetchone()["n"])
        return total


def log_bytes(store: Store) -> int:
    recorder = store.recorder
    datastore = recorder.datastore  # type: ignore[attr-defined]
    with datastore.transaction(commit=False) as cursor:
        if store.kind == "sqlite":
            return _sqlite_pages(cursor)
        table = f'"{datastore.schema}"."{recorder.events_table_name}"'  # type: ignore[attr-defined]
        cursor.execute("SELECT pg_total_relation_size(%s::regclass) AS n", (table,))
        return int(cursor.fetchone()["n"])
