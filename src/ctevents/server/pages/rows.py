"""The pages' one way into the read models: every row in its full shape, as the JSON routes
serve it today. Should the models' default shape change, adapting the pages is this module.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

from aiohttp import web

from ctevents.projections.catalog import by_name
from ctevents.projections.provenance import read_meeting
from ctevents.projections.queries import MAX_LIMIT, get_row, list_rows
from ctevents.projections.views import ViewStore
from ctevents.row_watch import folded_to
from ctevents.server.read_models import READ_SIDE

Row = dict[str, Any]
CONSISTENT_WAIT = 2.0  # seconds a page waits for a second model to reach the first's position


def _views(app: web.Application) -> ViewStore:
    return app[READ_SIDE].views


def _all(views: ViewStore, model_name: str) -> tuple[list[Row], int]:
    model = by_name(model_name)
    rows: list[Row] = []
    after: str | None = None
    as_of = 0
    while True:
        page = list_rows(views, model, after=after, limit=MAX_LIMIT)
        rows.extend(page.items)
        as_of = max(as_of, page.as_of_position)
        if page.next_after is None:
            return rows, as_of
        after = page.next_after


async def all_rows(app: web.Application, model_name: str) -> tuple[list[Row], int]:
    """Every row of a model, in key order, and the model's position."""
    return await asyncio.to_thread(_all, _views(app), model_name)


async def one_row(app: web.Application, model_name: str, key: str) -> tuple[Row | None, int]:
    """One row by its key (None when absent) and the model's position."""
    return await asyncio.to_thread(get_row, _views(app), by_name(model_name), key)


async def rows_by_key(
    app: web.Application, model_name: str, keys: Iterable[str], *, as_of: int
) -> dict[str, Row]:
    """The rows found among `keys`, by key, once the model has folded `as_of` (the position
    of the row that names them: a page shows one moment of the log, not two models that
    fold at their own pace), or after `CONSISTENT_WAIT` seconds as they stand."""
    views = _views(app)
    await folded_to(lambda: views.position(model_name), as_of, CONSISTENT_WAIT)

    def read() -> dict[str, Row]:
        model = by_name(model_name)
        found = {}
        for key in dict.fromkeys(keys):
            row, _ = get_row(views, model, key)
            if row is not None:
                found[key] = row
        return found

    return await asyncio.to_thread(read)


async def meeting_sources(app: web.Application, key: str) -> list[str]:
    """Every source that ever contributed to a meeting, retracted ones included: a meeting
    whose row is gone (all its sources retracted) can still show what was said."""

    def read() -> list[str]:
        _, contributions, _ = read_meeting(_views(app), key)
        return sorted(contributions)

    return await asyncio.to_thread(read)
