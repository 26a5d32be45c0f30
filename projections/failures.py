"""What a read model could not fold or write, recorded as (projection, position, error, state).

A failing event is neither retried forever (a crash loop) nor skipped silently, and one
model's failure never holds up the others (see `engine`). Each record says:

- `position`, `projection`, `error` (type and message, at most `MAX_ERROR` characters),
  `recorded_at` (ISO 8601, the last time it was recorded);
- `state`: `skipped` — the event was passed over (a handler or row builder raised, or
  its write kept failing while the database accepted other writes); `retrying` — the
  model's write at this position failed and is being retried with backoff (the model
  waits there meanwhile); `recovered` — a retry succeeded;
- `attempts`: how many times the position was tried.

`/healthz` and `ctevents status` read this table through `failures`, `failure_counts`
and `failure_states`.
"""

from __future__ import annotations

from typing import Any

from ctevents.projections.views import FAILURES, ViewStore, now_iso

MAX_ERROR = 2000
SKIPPED, RETRYING, RECOVERED = "skipped", "retrying", "recovered"


def _table(views: ViewStore) -> str:
    return views._qualify(views.prefix + FAILURES)


def record_failure(
    views: ViewStore,
    cursor: Any,
    projection: str,
    position: int,
    error: str,
    *,
    state: str = SKIPPED,
    attempts: int = 1,
) -> None:
    """Records (or updates) the failure at `position`, inside the caller's transaction."""
    cursor.execute(
        views.sql(
            f"INSERT INTO {_table(views)} "
            "(projection, position, error, recorded_at, state, attempts) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (projection, position) DO UPDATE SET "
            "error = excluded.error, recorded_at = excluded.recorded_at, "
            "state = excluded.state, attempts = excluded.attempts"
        ),
        (projection, position, error[:MAX_ERROR], now_iso(), state, attempts),
    )


def mark_recovered(views: ViewStore, cursor: Any, projection: str, through: int) -> None:
    """Retried positions up to `through` were written after all."""
    cursor.execute(
        views.sql(
            f"UPDATE {_table(views)} SET state = ? "
            "WHERE projection = ? AND state = ? AND position <= ?"
        ),
        (RECOVERED, projection, RETRYING, through),
    )


def failures(
    views: ViewStore, projection: str | None = None, limit: int = 20, state: str | None = None
) -> list[dict[str, Any]]:
    """The most recent failures first (optionally of one projection, or in one state).

    Each: `{projection, position, error, recorded_at, state, attempts}`.
    """
    conditions, parameters = [], []
    if projection:
        conditions.append("projection = ?")
        parameters.append(projection)
    if state:
        conditions.append("state = ?")
        parameters.append(state)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    with views.transaction(commit=False) as cursor:
        cursor.execute(
            views.sql(
                "SELECT projection, position, error, recorded_at, state, attempts "
                f"FROM {_table(views)} {where} ORDER BY position DESC, projection LIMIT ?"
            ),
            (*parameters, limit),
        )
        return [dict(row) for row in cursor.fetchall()]


def failure_states(views: ViewStore) -> dict[str, dict[str, int]]:
    """Per projection, how many failures are in each state."""
    with views.transaction(commit=False) as cursor:
        cursor.execute(
            "SELECT projection, state, COUNT(*) AS n "
            f"FROM {_table(views)} GROUP BY projection, state"
        )
        found: dict[str, dict[str, int]] = {}
        for row in cursor.fetchall():
            found.setdefault(row["projection"], {})[row["state"]] = int(row["n"])
        return found


def failure_counts(views: ViewStore) -> dict[str, int]:
    """Per projection, the failures that still stand (skipped or being retried)."""
    return {
        projection: sum(n for state, n in states.items() if state != RECOVERED)
        for projection, states in failure_states(views).items()
    }
