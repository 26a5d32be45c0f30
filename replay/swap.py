"""The atomic swap: a rebuilt generation's tables become the live ones in one transaction.

Inside one transaction on the live views' database: claim the live tracking position
(`ViewStore.claim_position`, which makes the live engine's batches and the swap take
turns), rename the live tables to a retired prefix, rename the generation's tables to
the live names, move the secondary indexes' names, set the live tracking position to
the generation's, carry its recorded failures over and record the version it was
built with. DDL is transactional on SQLite and PostgreSQL, so a reader sees the old
model or the new one; the retired tables are dropped afterwards, in a transaction of
their own, so a reader still in a query on them finishes first (PostgreSQL waits for
its lock; SQLite readers keep their snapshot).

The swap refuses (`Behind`) when the generation is behind the live model or the log
(an event appended since the last catch-up): the caller catches up and tries again.
"""

from __future__ import annotations

from typing import Any

from ctevents.projections.model import ReadModel
from ctevents.projections.views import (
    CHANGES,
    CONTRIBUTIONS,
    FAILURES,
    MODEL_TABLES,
    VERSIONS,
    ViewStore,
    now_iso,
)
from ctevents.replay.generations import REGISTRY, RETIRED, new_prefix

from ctevents.store import Store

# The secondary indexes `views._model_ddl` creates, by name suffix: (table part, column).
INDEXES = {
    "_contributions_by_source": (CONTRIBUTIONS, "source_id"),
    "_changes_by_position": (CHANGES, "position"),
}


class Behind(Exception):
    """The generation has not folded as far as the live model or the log: catch up first."""


def generation_position(live: ViewStore, cursor: Any, prefix: str, model: ReadModel) -> int:
    """A generation's tracking position, read through the live views' connection."""
    table = live.generation_tracking_table(prefix)
    cursor.execute(
        live.sql(f"SELECT notification_id FROM {table} WHERE application_name = ?"),
        (prefix + model.name,),
    )
    found = cursor.fetchone()
    return 0 if found is None else int(found["notification_id"])


def swap_in(
    live: ViewStore, store: Store, prefix: str, model: ReadModel, *, require_head: bool = True
) -> tuple[str, int]:
    """Makes generation `prefix` the live model; returns (retired prefix, its position)."""
    retired = new_prefix(RETIRED)
    q = live._qualify
    with live.transaction(commit=True) as cursor:
        live_position = live.claim_position(cursor, model)
        position = generation_position(live, cursor, prefix, model)
        if position < live_position or (require_head and store.head() > position):
            raise Behind(f"{model.name}: generation at {position}, live at {live_position}")
        base, new_base = live.prefix + model.name, prefix + model.name
        for suffix in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {q(base + suffix)}")
            cursor.execute(f"DROP INDEX IF EXISTS {q(new_base + suffix)}")
        for part in MODEL_TABLES:
            cursor.execute(f'ALTER TABLE {q(base + part)} RENAME TO "{retired}{model.name}{part}"')
            cursor.execute(f'ALTER TABLE {q(new_base + part)} RENAME TO "{base}{part}"')
        for suffix, (part, column) in INDEXES.items():
            # An index's name is never schema-qualified: it lives in its table's schema.
            cursor.execute(f'CREATE INDEX "{base}{suffix}" ON {q(base + part)} ({column})')
        # Unconditional (not the tracking recorder's "only forward"): the live position
        # is now the generation's, which the check above keeps from going backwards.
        cursor.execute(
            live.sql(
                f"INSERT INTO {live.tracking_table()} (application_name, notification_id) "
                "VALUES (?, ?) ON CONFLICT (application_name) "
                "DO UPDATE SET notification_id = excluded.notification_id"
            ),
            (live.tracking_name(model), position),
        )
        failures = q(live.prefix + FAILURES)
        cursor.execute(live.sql(f"DELETE FROM {failures} WHERE projection = ?"), (model.name,))
        cursor.execute(
            live.sql(
                f"INSERT INTO {failures} SELECT * FROM {q(prefix + FAILURES)} WHERE projection = ?"
            ),
            (model.name,),
        )
        cursor.execute(
            live.sql(
                f"INSERT INTO {q(live.prefix + VERSIONS)} (projection, version, created_at) "
                "VALUES (?, ?, ?) ON CONFLICT (projection) "
                "DO UPDATE SET version = excluded.version, created_at = excluded.created_at"
            ),
            (model.name, model.version, now_iso()),
        )
        # The old tables are now the retired generation, to drop; what is left under
        # the rebuild's prefix (its tracking, failures, versions) is dropped with it.
        registry = q(live.prefix + REGISTRY)
        cursor.execute(
            live.sql(
                f"INSERT INTO {registry} (prefix, projection, kind, state, version, created_at) "
                "VALUES (?, ?, ?, 'ready', NULL, ?)"
            ),
            (retired, model.name, RETIRED, now_iso()),
        )
        cursor.execute(
            live.sql(f"UPDATE {registry} SET kind = ? WHERE prefix = ?"), (RETIRED, prefix)
        )
    return retired, position
