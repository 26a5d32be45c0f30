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


def read_model_bytes(views: ViewStore, models: Sequence[ReadModel]) -> int:
    return views.bytes_used(table_names(views, models))


def log_bytes(store: Store) -> int:
    return store.recorder.bytes_used()
