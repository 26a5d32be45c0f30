"""Events a projection could not fold, recorded as (position, projection, error).

A failing event is neither retried forever (a crash loop) nor skipped silently: the
engine records it here, in the same transaction that moves the projection's tracking
position past it, and carries on. `/healthz` and `ctevents status` read this table.
"""

from __future__ import annotations

from typing import Any

from projections.views import FAILURES, ViewStore, now_iso

MAX_ERROR = 2000


def record_failure(
    views: ViewStore, cursor: Any, projection: str, position: int, error: str
) -> None:
    cursor.execute(
        views.sql(
            f"INSERT INTO {views._qualify(views.prefix + FAILURES)} "
            "(projection, position, error, recorded_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (projection, position) DO NOTHING"
        ),
        (projection, position, error[:MAX_ERROR], now_iso()),
    )


def failures(views: ViewStore, projection: str | None = None, limit: int = 20) -> list[dict]:
    """The most recent failures first, optionally of one projection."""
    where, parameters = ("WHERE projection = ?", [projection]) if projection else ("", [])
    with views.transaction(commit=False) as cursor:
        cursor.execute(
            views.sql(
                "SELECT projection, position, error, recorded_at "
                f"FROM {views._qualify(views.prefix + FAILURES)} {where} "
                "ORDER BY position DESC, projection LIMIT ?"
            ),
            (*parameters, limit),
        )
        return [dict(row) for row in cursor.fetchall()]


def failure_counts(views: ViewStore) -> dict[str, int]:
    with views.transaction(commit=False) as cursor:
        cursor.execute(
            "SELECT projection, COUNT(*) AS n "
            f"FROM {views._qualify(views.prefix + FAILURES)} GROUP BY projection"
        )
        return {row["projection"]: int(row["n"]) for row in cursor.fetchall()}
