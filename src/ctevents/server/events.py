"""`GET /events`: the change feed as a JSON page, Server-Sent Events or NDJSON.

The handlers only parse parameters, call the feed (`read_page`, `follow`) and write
what it returns in the chosen form; the feed's semantics live in `ctevents.feed`.
"""

from __future__ import annotations

import hashlib
from contextlib import aclosing
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from uuid import UUID

import orjson
from aiohttp import web
from pydantic import BeforeValidator, Field, WithJsonSchema

from ctevents import sse
from ctevents.events import event_types
from ctevents.feed import EventFilter, follow, read_page
from ctevents.server.audit import chain_through
from ctevents.server.auth import require_token
from ctevents.server.errors import ParameterError
from ctevents.server.openapi_models import errors, parameters, sse_events
from ctevents.server.params import (
    Party,
    PlainText,
    Query,
    Seconds,
    Token,
    Whole,
    header_position,
    read_query,
    single,
    whole,
    whole_schema,
)
from ctevents.server.settings import Settings
from ctevents.server.state import SETTINGS, STORE, WATCHER
from ctevents.store import Store

routes = web.RouteTableDef()

FORMS = {
    "json": "application/json",
    "sse": "text/event-stream",
    "ndjson": "application/x-ndjson",
}
PARAMETERS = frozenset(
    {"after", "limit", "type", "stream", "party", "meeting", "wait", "heartbeat", "format", "token"}
)
MIN_HEARTBEAT, MAX_HEARTBEAT = 0.1, 300.0
# Stream output is written in chunks of about this size, so a consumer that stops
# reading leaves at most about this much (plus one event) in the server's buffers.
WRITE_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)  # slots: every subscriber holds one
class EventsQuery:
    form: str  # a key of FORMS
    after: int | None  # None: start at the head ("now")
    limit: int | None  # None on streams: no end
    selection: EventFilter
    wait: float
    heartbeat: float


# --- parameters ------------------------------------------------------------------------


def _form(request: web.Request) -> str:
    explicit = single(request, "format")
    if explicit is not None:
        if explicit not in FORMS:
            raise ParameterError("format", f"{explicit!r} is not one of {', '.join(FORMS)}")
        return explicit
    accept = request.headers.get("Accept", "").strip()
    if not accept:
        return "json"
    by_media = {media: form for form, media in FORMS.items()}
    best, best_q = None, 0.0
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            key, _, val = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(val)
                except ValueError:
                    q = 0.0
        if media in ("*/*", "application/*") and q > best_q:
            best, best_q = "json", q
        elif media in by_media and q > best_q:
            best, best_q = by_media[media], q
    if best is None:
        raise ParameterError(
            "Accept", f"none of {', '.join(FORMS.values())} is acceptable", status=406
        )
    return best


def _cursor(value: Any) -> int | None:
    return None if value == "now" else whole(value)


# The same rules as a JSON Schema: a position, or `now`.
_CURSOR_SCHEMA = {"oneOf": [whole_schema(0), {"type": "string", "const": "now"}]}
_TYPES_SCHEMA = {"type": "array", "minItems": 1, "items": {"enum": sorted(event_types())}}


class EventsParameters(Query):
    """`GET /events` query parameters."""

    after: Annotated[int | None, BeforeValidator(_cursor), WithJsonSchema(_CURSOR_SCHEMA)] = Field(
        0, description="Exclusive cursor: a position, or `now` for the head."
    )  # None: "now"
    limit: Annotated[Whole, Field(ge=1)] | None = Field(
        None,
        description="Events per page (default 100, max 10000); on streams, end after this "
        "many events.",
        json_schema_extra={"maximum": Settings.max_limit},  # the settings' bound, checked apart
    )
    # `type` may repeat, so it is read apart (`parse_query`); the field describes it.
    type: Annotated[tuple[str, ...], WithJsonSchema(_TYPES_SCHEMA)] | None = Field(
        None,
        description="Only these event types, comma-separated (e.g. MeetingHeld,DelegationLed).",
        json_schema_extra={"style": "form", "explode": False},
    )
    stream: UUID | None = Field(None, description="Only this stream (a source id, UUID).")
    party: Party | None = Field(
        None,
        description="Only events whose data has party == this or lists it in parties: a "
        "country code (ISO 3166 alpha-2 or alpha-3, any case).",
    )
    meeting: PlainText | None = Field(
        None, description="Only events whose data has this meeting_key."
    )
    wait: Annotated[Seconds, Field(ge=0)] | None = Field(
        None,
        description="JSON form: seconds to hold the request while nothing matches (ignored by "
        "streams).",
        json_schema_extra={"maximum": Settings.max_wait},
    )
    heartbeat: Annotated[Seconds, Field(ge=MIN_HEARTBEAT, le=MAX_HEARTBEAT)] | None = Field(
        None,
        description="Streams: seconds between heartbeats when idle (default 15; ignored by the "
        "JSON form).",
    )
    format: Literal["json", "sse", "ndjson"] | None = None
    token: Token | None = Field(
        None, description="Read token, if required (EventSource sends no headers)."
    )


class EventsHeaders(Query):
    """The header `GET /events` reads (`header_position`)."""

    last_event_id: Whole | None = Field(
        None,
        alias="Last-Event-ID",
        description="SSE: resume after this position; wins over `after`.",
    )


def parse_query(request: web.Request, settings: Settings, store: Store) -> EventsQuery:
    """Every parameter validated; a `ParameterError` names the first bad one."""
    given = read_query(request, EventsParameters, ignore=("type",))
    form = _form(request)

    after = given.after
    last_event_id = header_position(request, "Last-Event-ID")  # checked in every form
    if form == "sse" and last_event_id is not None:
        # The browser's own resume point wins over the URL it was first given.
        after = last_event_id

    if given.limit is not None:
        if given.limit > settings.max_limit:
            raise ParameterError("limit", f"must be at most {settings.max_limit}")
        limit: int | None = given.limit
    else:
        limit = settings.default_limit if form == "json" else None

    types: list[str] = []
    for value in request.query.getall("type", []):
        names = value.split(",")
        if not all(names):
            raise ParameterError("type", f"{value!r}: name event types, comma-separated")
        types.extend(names)
    try:
        store.topics_for(types)
    except ValueError as exc:
        raise ParameterError("type", str(exc)) from None

    selection = EventFilter(
        types=tuple(dict.fromkeys(types)),
        stream=str(given.stream) if given.stream else None,
        party=given.party,
        meeting=given.meeting,
    )

    # `wait` is for the JSON form, `heartbeat` for streams; each is ignored by the other.
    wait = 0.0
    if given.wait is not None:
        if given.wait > settings.max_wait:
            raise ParameterError("wait", f"must be at most {settings.max_wait:g} seconds")
        wait = given.wait if form == "json" else 0.0
    heartbeat = given.heartbeat if given.heartbeat is not None else settings.heartbeat
    return EventsQuery(form, after, limit, selection, wait, heartbeat)


# --- the paged form ----------------------------------------------------------------------


def _page_etag(query: EventsQuery, after: int, last_position: int) -> str:
    selection = query.selection
    identity = orjson.dumps(
        [
            after,
            query.limit,
            selection.types,
            selection.stream,
            selection.party,
            selection.meeting,
            last_position,
        ]
    )
    # Weak: the body's `head` reports when the page was served, the events do not change.
    return f'W/"{hashlib.sha256(identity).hexdigest()[:32]}"'


async def _page(request: web.Request, query: EventsQuery, after: int) -> web.Response:
    settings = request.app[SETTINGS]
    assert query.limit is not None
    page = await read_page(request.app[WATCHER], after, query.limit, query.selection, query.wait)
    headers = {"Vary": "Accept"}
    # The ledger's running hash through `last_position`, for subscribers to check continuity.
    last_chain, chain_note = await chain_through(request.app, page.last_position)
    if page.immutable and last_chain is not None:
        etag = _page_etag(query, after, page.last_position)
        visibility = "private" if settings.read_token else "public"
        headers["ETag"] = etag
        headers["Cache-Control"] = f"{visibility}, max-age=31536000, immutable"
        if etag in request.headers.get("If-None-Match", ""):
            return web.Response(status=304, headers=headers)
    else:
        headers["Cache-Control"] = "no-store"
    body = {"events": page.events, "last_position": page.last_position, "head": page.head}
    body["last_chain"] = last_chain
    if chain_note:
        body["last_chain_note"] = chain_note
    return web.Response(body=orjson.dumps(body), content_type="application/json", headers=headers)


# --- the streamed forms ------------------------------------------------------------------


def _error(form: str, exc: BaseException) -> bytes:
    body = orjson.dumps({"error": f"the feed stopped: {type(exc).__name__}: {exc}"})
    return sse.error(body) if form == "sse" else body + b"\n"


async def _write(response: web.StreamResponse, data: bytes) -> None:
    """Writes in chunks of about WRITE_CHUNK, waiting for the client between them."""
    if len(data) <= WRITE_CHUNK:
        await response.write(data)
        return
    view = memoryview(data)
    for start in range(0, len(data), WRITE_CHUNK):
        await response.write(view[start : start + WRITE_CHUNK])


async def _stream(request: web.Request, query: EventsQuery, after: int) -> web.StreamResponse:
    settings = request.app[SETTINGS]
    # Nothing this function keeps for the stream's lifetime is made per subscriber unless
    # it must be: an idle subscriber's memory is what a server of many of them spends.
    response = web.StreamResponse(
        headers=sse.HEADERS
        if query.form == "sse"
        else {**sse.HEADERS, "Content-Type": FORMS[query.form]}
    )
    await response.prepare(request)
    transport = request.transport
    # What the server holds for the subscriber beyond the feed's own bytes.
    backlog = None if transport is None else transport.get_write_buffer_size
    try:
        if query.form == "sse":
            await response.write(sse.retry(settings.retry_ms))
        remaining = query.limit
        deliveries = follow(
            request.app[WATCHER], after, query.selection, query.heartbeat, query.form, backlog
        )
        async with aclosing(deliveries):
            try:
                async for delivery in deliveries:
                    data = delivery.data
                    if remaining is not None and delivery.positions:
                        if len(delivery.positions) >= remaining:
                            data = delivery.prefix(remaining)
                        remaining -= min(remaining, len(delivery.positions))
                    await _write(response, data)
                    if remaining == 0:
                        break
            except ConnectionError:
                return response  # the subscriber left
            except Exception as exc:
                # Headers are sent: report in the stream's own form, then end it.
                await response.write(_error(query.form, exc))
        await response.write_eof()
    except ConnectionError:
        pass
    return response


@routes.get("/events")
async def get_events(request: web.Request) -> web.StreamResponse:
    settings = request.app[SETTINGS]
    require_token(request, settings.read_token)
    query = parse_query(request, settings, request.app[STORE])
    after = query.after
    if after is None:
        after = await request.app[WATCHER].refresh()
    elif after > request.app[WATCHER].head and after > await request.app[WATCHER].refresh():
        # Positions are never taken back: a cursor past the head is a client's mistake,
        # and answering it would tell the client to skip events it has not seen.
        resumed = query.form == "sse" and "Last-Event-ID" in request.headers
        name = "Last-Event-ID" if resumed else "after"
        raise ParameterError(
            name, f"position {after} is beyond the log's head ({request.app[WATCHER].head})", 409
        )
    if query.form == "json":
        return await _page(request, query, after)
    return await _stream(request, query, after)


openapi: dict[str, Any] = {
    "/events": {
        "get": {
            "operationId": "getEvents",
            "summary": "The change feed: a JSON page, Server-Sent Events or NDJSON.",
            "description": (
                "Positions are global and resuming is exclusive: pass the last position "
                "seen as `after` (or `Last-Event-ID` for SSE). The form is chosen by "
                "`format` or `Accept`."
            ),
            "parameters": [*parameters(EventsParameters), *parameters(EventsHeaders, "header")],
            "responses": {
                "200": {
                    "description": "Events after the cursor, in log order.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/EventPage"}},
                        "text/event-stream": sse_events(),
                        "application/x-ndjson": {
                            "schema": {"$ref": "#/components/schemas/Envelope"}
                        },
                    },
                },
                "304": {"description": "The immutable page is unchanged (If-None-Match)."},
                **errors(400, 401, 406, 409, 503),
            },
        }
    }
}
