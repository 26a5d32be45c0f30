"""`GET /meetings`, `/dialogues`, `/people`, `/sources` and their items: read models over HTTP.

Rows come compact by default and in full with `?view=full` (or `expand=evidence`), see
`projections.shapes`; answers are compressed when the client accepts it. JSON pages in
key order with `as_of_position`, `lag` (events of the log not yet folded) and an ETag;
`?min_position=N` waits (bounded) until the model has folded N, so a client reads its
own write; `?watch=1` is an SSE stream of the rows, first as they are, then each
change as it commits, with `id:` the position that caused it, resumable with
`Last-Event-ID` (`row_watch` follows the changes; here they are only framed). The
folding itself runs in `read_side`.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Awaitable, Callable
from contextlib import aclosing
from functools import partial
from typing import Any

import orjson
from aiohttp import web

from ctevents import sse
from ctevents.projections.catalog import MODELS
from ctevents.projections.model import ReadModel
from ctevents.projections.queries import (
    QueryError,
    changes_since,
    get_row,
    list_rows,
    snapshot,
)
from ctevents.projections.schemas import components
from ctevents.projections.shapes import COMPACT, FULL
from ctevents.row_watch import Changes, Opening, folded_to, watch_rows
from ctevents.server import snapshots
from ctevents.server.auth import require_token
from ctevents.server.errors import ErrorAnswer, ParameterError, json_error
from ctevents.server.params import (
    decimal,
    header_position,
    optional_whole_number,
    read_query,
    single,
)
from ctevents.server.read_model_openapi import path_items
from ctevents.server.read_model_params import (
    DEFAULT_WAIT,
    MAX_WAIT,
    PageParameters,
    collection_parameters,
    filter_values,
)
from ctevents.server.read_side import READ_SIDE, run_read_side
from ctevents.server.state import SETTINGS, STORE, WATCHER

log = logging.getLogger(__name__)
routes = web.RouteTableDef()

DEFAULT_LIMIT = 50

cleanup_ctx = (run_read_side,)  # the routes serve what the read side folds


# --- parameters ----------------------------------------------------------------------


def _parameters(request: web.Request, model: ReadModel, *, item: bool = False) -> PageParameters:
    """The typed parameters (see `read_model_params`); an item takes no filters."""
    header_position(request, "Last-Event-ID")  # a bad one is an error, watching or not
    return read_query(request, PageParameters if item else collection_parameters(model))


def _view(given: PageParameters) -> str:
    """`view=compact|full`; `expand=evidence` asks for the evidence, which only the full
    view holds, so it wins."""
    return FULL if given.expand else (given.view or COMPACT)


# --- freshness ---------------------------------------------------------------------------


def freshness_of(request: web.Request) -> tuple[int, float]:
    """`PageParameters.freshness` for a route without a parameter model (provenance)."""
    wanted = optional_whole_number(request, "min_position", 0) or 0
    raw_wait = single(request, "wait")
    try:
        wait = DEFAULT_WAIT if raw_wait is None else decimal(raw_wait)
    except ValueError as exc:
        raise ParameterError("wait", str(exc)) from None
    if not 0 <= wait <= MAX_WAIT:
        raise ParameterError("wait", f"must be between 0 and {MAX_WAIT:g} seconds")
    return wanted, wait


async def await_folded(request: web.Request, model: ReadModel, wanted: int, wait: float) -> None:
    """Honours `min_position`: waits (bounded) for the model to fold it, else answers 503."""
    if not wanted:
        return
    head = await asyncio.to_thread(request.app[STORE].head)
    if wanted > head:
        # Waiting cannot help: no position beyond the head has been recorded yet.
        raise ParameterError(
            "min_position", f"position {wanted} is beyond the log's head ({head})", 409
        )
    views = request.app[READ_SIDE].views
    reached = await folded_to(partial(views.position, model), wanted, wait)
    if reached < wanted:
        raise ErrorAnswer(
            503,
            f"{model.name} has folded the log up to position {reached}, not yet "
            f"{wanted}; retry shortly",
            headers={"Retry-After": "1"},
            as_of_position=reached,
        )


def _lag(request: web.Request, as_of: int) -> int:
    """How many positions of the log the answer has not folded yet (0: up to date)."""
    return max(0, request.app[WATCHER].head - as_of)


def _json(request: web.Request, body: dict[str, Any]) -> web.Response:
    data = orjson.dumps(body)
    etag = f'"{hashlib.sha256(data).hexdigest()[:32]}"'
    headers = {
        "ETag": etag,
        "Cache-Control": "no-cache",  # rows change: revalidate, cheaply, with the ETag
        "X-As-Of-Position": str(body["as_of_position"]),
        "Vary": "Accept-Encoding",
    }
    if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
        return web.Response(status=304, headers=headers)
    response = web.Response(body=data, content_type="application/json", headers=headers)
    response.enable_compression()  # gzip or deflate, as the client's Accept-Encoding allows
    return response


# --- handlers --------------------------------------------------------------------------------


async def list_collection(request: web.Request, model: ReadModel) -> web.StreamResponse:
    require_token(request, request.app[SETTINGS].read_token)
    given = _parameters(request, model)
    filters = filter_values(given, model)
    view = _view(given)
    views = request.app[READ_SIDE].views
    past = await snapshots.as_of(request, model, views)  # `as_of`: a snapshot's tables
    if given.watch:
        return await _watch(request, model, given, filters, None)
    await await_folded(request, model, *given.freshness)
    views = past.views if past else views
    limit = given.limit or DEFAULT_LIMIT
    try:
        page = await asyncio.to_thread(
            list_rows, views, model, filters, after=given.after, limit=limit, view=view
        )
    except QueryError as exc:
        raise ParameterError("query", str(exc)) from None
    body: dict[str, Any] = {
        model.name: page.items,
        "as_of_position": page.as_of_position,
        "next_after": page.next_after,
        "view": view,
    }
    if not past:
        body["lag"] = _lag(request, page.as_of_position)
    if page.next_after is not None:
        body["next"] = str(request.rel_url.update_query({"after": page.next_after}))
    if past:
        body["as_of"] = past.describe()
    return _json(request, body)


async def get_item(request: web.Request, model: ReadModel) -> web.StreamResponse:
    require_token(request, request.app[SETTINGS].read_token)
    key = request.match_info["key"]
    given = _parameters(request, model, item=True)  # page parameters only; others are errors
    view = _view(given)
    past = await snapshots.as_of(request, model, request.app[READ_SIDE].views)
    if given.watch:
        return await _watch(request, model, given, {}, key)
    await await_folded(request, model, *given.freshness)
    views = past.views if past else request.app[READ_SIDE].views
    row, as_of = await asyncio.to_thread(get_row, views, model, key, view)
    extra: dict[str, Any] = {"as_of": past.describe()} if past else {"lag": _lag(request, as_of)}
    if row is None:
        # Returned, not raised: the pages' negotiation marks it `Vary: Accept` as a row.
        return json_error(
            404,
            f"no {model.key} {key!r} in {model.name} as of position {as_of}",
            as_of_position=as_of,
            **extra,
        )
    return _json(request, {"item": row, "as_of_position": as_of, "view": view, **extra})


def _handler_for(
    handle: Callable[[web.Request, ReadModel], Awaitable[web.StreamResponse]], model: ReadModel
) -> Any:
    """`handle` for one model, as a route's handler."""

    async def handler(request: web.Request) -> web.StreamResponse:
        return await handle(request, model)

    return handler


# Keys hold slashes (`IN-MV/jwg-counter-terrorism/2`): an item's key is the rest of the
# path. A resource below an item (`/meetings/{key}/provenance`) must be registered first.
# Source ids hold none, so `/sources/{id}/text` and `…/retract` are never an item's key.
for _read_model in MODELS:
    _key = "{key}" if _read_model.name == "sources" else "{key:.+}"
    routes.get(f"/{_read_model.name}")(_handler_for(list_collection, _read_model))
    routes.get(f"/{_read_model.name}/{_key}")(_handler_for(get_item, _read_model))


# --- watching ------------------------------------------------------------------------------


def _frame(change: dict[str, Any]) -> bytes:
    return sse.frame(change["position"], change["op"], orjson.dumps(change))


def _frames(changes: list[dict[str, Any]]) -> bytes:
    return b"".join(_frame(change) for change in changes)


async def _watch(
    request: web.Request,
    model: ReadModel,
    given: PageParameters,
    filters: dict[str, str],
    key: str | None,
) -> web.StreamResponse:
    """Frames `row_watch.watch_rows` as Server-Sent Events."""
    settings = request.app[SETTINGS]
    side = request.app[READ_SIDE]
    view = _view(given)
    resume_from = header_position(request, "Last-Event-ID")
    await await_folded(request, model, *given.freshness)
    views = side.views
    if resume_from is None:
        read_opening = partial(snapshot, views, model, filters, key=key, view=view)
    else:
        read_opening = partial(
            changes_since, views, model, resume_from, filters, key=key, view=view
        )
    watched = watch_rows(
        side.bell,
        read_opening,
        lambda cursor: changes_since(views, model, cursor, filters, key=key, view=view),
        resumed=resume_from is not None,
        stopped=lambda: side.stopping,
        heartbeat=settings.heartbeat,
    )
    async with aclosing(watched):
        try:
            opening = await anext(watched)
        except QueryError as exc:
            raise ParameterError("query", str(exc)) from None
        assert isinstance(opening, Opening)
        cursor = opening.position
        response = web.StreamResponse(headers={**sse.HEADERS, "X-As-Of-Position": str(cursor)})
        try:
            await response.prepare(request)
            await response.write(sse.retry(settings.retry_ms))
            if opening.changes:
                await response.write(_frames(opening.changes))
            # The opening is complete up to `cursor`: say so, so a reconnect resumes there.
            await response.write(sse.frame(cursor, "ready", b'{"as_of_position": %d}' % cursor))
            async for item in watched:
                if isinstance(item, Changes):
                    await response.write(_frames(item.changes))
                else:
                    await response.write(sse.HEARTBEAT)
            await response.write_eof()
        except ConnectionError:
            pass  # the watcher left
    return response


# Described from the parameter models and answer shapes (`read_model_openapi`).
openapi: dict[str, Any] = {k: v for m in MODELS for k, v in path_items(m).items()}
openapi_schemas: dict[str, Any] = components()
