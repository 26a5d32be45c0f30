"""Audit routes: a meeting's provenance (JSON or PROV-JSON), a source's text with its spans,
retraction over HTTP; and the ledger, run beside the projections and reported in `/healthz`.

Registered before `read_models`, whose item routes take the rest of the path as the
key (`/meetings/{key:.+}`): `/meetings/IN-MV/jwg/2/provenance` must reach this module.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass
from functools import partial
from typing import Annotated, Any, Literal, get_args

import orjson
from aiohttp import web
from pydantic import Field
from typing_extensions import TypedDict  # the one pydantic reads on Python 3.11

from ctevents.audit import highlight, prov
from ctevents.audit.records import stored_source
from ctevents.audit.spans import source_text
from ctevents.cancellable_write import write_in_thread
from ctevents.corrections import retract
from ctevents.documents import TEXT_PATTERN, DocumentError, check_characters
from ctevents.projections.ledger import Ledger
from ctevents.projections.meetings import MODEL as MEETINGS
from ctevents.projections.provenance import trace
from ctevents.server.auth import require_token
from ctevents.server.errors import ErrorAnswer, ParameterError, json_error
from ctevents.server.openapi_models import body, errors, json_answer, parameters
from ctevents.server.params import (
    PlainText,
    Query,
    Seconds,
    Token,
    Whole,
    known,
    plain_text,
    single,
)
from ctevents.server.read_model_params import MAX_WAIT
from ctevents.server.read_models import await_folded, freshness_of
from ctevents.server.read_side import READ_SIDE
from ctevents.server.state import PROJECTION_HEALTH, SETTINGS, STORE, WATCHER
from ctevents.workers import Worker, running

routes = web.RouteTableDef()

MAX_REASON = 2000


# --- the ledger, run like a projection ------------------------------------------------


@dataclass
class RunningLedger:
    ledger: Ledger
    worker: Worker


LEDGER = web.AppKey("ledger", RunningLedger)


async def run_ledger(app: web.Application) -> AsyncIterator[None]:
    """Keeps the ledger at the head in a worker for as long as the server runs."""
    ledger = await asyncio.to_thread(Ledger.open, app[STORE])
    worker = Worker("ledger", partial(ledger.run_forever, idle=0.1), stop=threading.Event())
    app[LEDGER] = RunningLedger(ledger, worker)
    app[PROJECTION_HEALTH]["ledger"] = _health
    async with running([worker], then_close=ledger.close):
        yield


cleanup_ctx = (run_ledger,)


async def _health(app: web.Application) -> dict[str, Any]:
    running = app[LEDGER]
    position = await asyncio.to_thread(running.ledger.position)
    head = app[WATCHER].head
    return {
        "ok": running.worker.alive,
        "position": position,
        "lag": max(0, head - position),
    }


async def chain_through(app: web.Application, position: int) -> tuple[str | None, str | None]:
    """The ledger's running hash through `position` for a feed page, or None and why not."""
    if LEDGER not in app:
        return None, "this server keeps no ledger"
    ledger = app[LEDGER].ledger
    try:
        running = await asyncio.to_thread(ledger.running_through, position)
    except Exception as exc:
        return None, f"the ledger could not be read: {type(exc).__name__}: {exc}"
    if running is None:
        return None, "the ledger is still catching up with this position; ask again shortly"
    return running, None


# --- parameters: what the handlers read, and the document describes ----------------------


class MeetingPath(Query):
    key: str = Field(description="The meeting key; it may contain `/`.")


class SourcePath(Query):
    source_id: str


class ProvenanceParameters(Query):
    """What `get_provenance` reads, in its own words (`freshness_of`, `plain_text`)."""

    field: PlainText | None = Field(
        None,
        description="Only this field and below, e.g. `date` or `leaders.MV` "
        "(404 if the meeting has no such field).",
    )
    format: Literal["json", "prov"] | None = None
    min_position: Whole | None = None
    wait: Annotated[Seconds, Field(ge=0, le=MAX_WAIT)] | None = None
    token: Token | None = Field(None, description="Read token, if required.")


class SourceTextParameters(Query):
    format: Literal["json", "html"] | None = None
    token: Token | None = Field(None, description="Read token, if required.")


class RetractionRequest(Query):
    reason: Annotated[str, Field(max_length=MAX_REASON, pattern=TEXT_PATTERN)]


# --- helpers -------------------------------------------------------------------------------


def _read_form(request: web.Request, parameters: type[Query]) -> str:
    """Checks the read token and the parameters' names; the form asked for, of the
    `format` choices `parameters` declares (the first by default)."""
    require_token(request, request.app[SETTINGS].read_token)
    known(request, parameters.model_fields)
    allowed: tuple[str, ...] = get_args(get_args(parameters.model_fields["format"].annotation)[0])
    form = single(request, "format") or allowed[0]
    if form not in allowed:
        raise ParameterError("format", f"{form!r}: use one of {', '.join(allowed)}")
    return form


def _dumps(body: Any, status: int = 200, *, verified: bool, content_type: str) -> web.Response:
    # A failed re-check is also in a header, so it is visible without reading the body.
    headers = {"Cache-Control": "no-store", "X-Verified": "true" if verified else "false"}
    return web.Response(
        body=orjson.dumps(body), status=status, content_type=content_type, headers=headers
    )


# --- provenance ----------------------------------------------------------------------------

HEAD_WAIT = 5.0  # seconds a trace waits for the meetings model to fold the log's head
HEAD_STEP = 0.05


async def _near_the_head(request: web.Request) -> None:
    """Gives the meetings model a few seconds to fold the head (a fresh server starts at 0).

    Whatever it has folded by then is traced; the answer's `lag` says what it had not.
    """
    views = request.app[READ_SIDE].views
    head = request.app[WATCHER].head
    loop = asyncio.get_running_loop()
    deadline = loop.time() + HEAD_WAIT
    while await asyncio.to_thread(views.position, MEETINGS) < head:
        if loop.time() >= deadline:
            return
        await asyncio.sleep(HEAD_STEP)


@routes.get("/meetings/{key:.+}/provenance")
async def get_provenance(request: web.Request) -> web.Response:
    form = _read_form(request, ProvenanceParameters)
    field = single(request, "field")
    if field is not None:
        try:
            field = plain_text(field)
        except ValueError as exc:
            raise ParameterError("field", str(exc)) from None
    if "min_position" in request.query:
        await await_folded(request, MEETINGS, *freshness_of(request))
    else:
        await _near_the_head(request)
    key = request.match_info["key"]
    # An unknown meeting or field is a 404 (`errors.DOMAIN_ERRORS`).
    found = await asyncio.to_thread(
        trace, request.app[STORE], request.app[READ_SIDE].views, key, field or None
    )
    if form == "prov":
        return _dumps(
            prov.meeting_lineage(found),
            verified=found["verified"],
            content_type="application/json",
        )
    return _dumps(found, verified=found["verified"], content_type="application/json")


# --- a source's text -----------------------------------------------------------------------


@routes.get("/sources/{source_id}/text")
async def get_source_text(request: web.Request) -> web.Response:
    form = _read_form(request, SourceTextParameters)
    store = request.app[STORE]
    source_id = request.match_info["source_id"]
    source = await asyncio.to_thread(stored_source, store, source_id)
    if source is None:
        # Returned, not raised: the pages' negotiation marks it `Vary: Accept` as a text.
        return json_error(404, f"no source {source_id} in the log")
    document = await asyncio.to_thread(source_text, store, source)
    if form == "html":
        response = web.Response(
            text=highlight.render(document),
            content_type="text/html",
            headers={"X-Verified": "true" if document["verified"] else "false"},
        )
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'"
        )
        return response
    return _dumps(document, verified=document["verified"], content_type="application/json")


# --- retraction ------------------------------------------------------------------------------


class Retraction(TypedDict):
    """The answer to a retraction (`retracted` false, `position` null: it already was)."""

    source_id: str
    retracted: bool
    message: str
    position: int | None


@routes.post("/sources/{source_id}/retract")
async def post_retraction(request: web.Request) -> web.Response:
    require_token(request, request.app[SETTINGS].write_token)
    if request.content_type != "application/json":
        raise ErrorAnswer(
            415, f"Content-Type {request.content_type or '(none)'}: send application/json"
        )
    try:
        body = orjson.loads(await request.read())
    except orjson.JSONDecodeError as exc:
        raise ErrorAnswer(400, f"invalid JSON: {exc}") from None
    if not isinstance(body, dict) or set(body) - RetractionRequest.model_fields.keys():
        raise ErrorAnswer(422, 'send {"reason": "why the source is withdrawn"} and nothing else')
    reason = body.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise ErrorAnswer(
            422, "a retraction needs a reason: a non-empty string", parameter="reason"
        )
    if len(reason) > MAX_REASON:
        raise ErrorAnswer(422, f"the reason is over {MAX_REASON} characters", parameter="reason")
    try:
        check_characters(reason, "reason", "the reason")
    except DocumentError as exc:
        raise ErrorAnswer(422, exc.reason, parameter="reason") from None
    source_id = request.match_info["source_id"]
    # An unknown source is a 404 (`errors.DOMAIN_ERRORS`).
    # Cancelled for the store's sake, the retraction is recorded only if it was committing.
    result = await write_in_thread(retract, request.app[STORE], source_id, reason)
    # Live subscribers see the retraction at once, as with `POST /sources`.
    request.app[WATCHER].appended(result.positions)
    return web.json_response(
        Retraction(
            source_id=result.source_id,
            retracted=result.appended,
            message=result.message,
            position=result.positions[0] if result.positions else None,
        )
    )


# --- OpenAPI -----------------------------------------------------------------------------------

openapi: dict[str, Any] = {
    "/meetings/{key}/provenance": {
        "get": {
            "operationId": "getMeetingProvenance",
            "summary": "Every value of a meeting's fields with every source span asserting it.",
            "description": "Each quote is re-checked against the stored text and its SHA-256 "
            "first; a mismatch gives `verified: false` with the reasons (and `X-Verified: "
            "false`). `format=prov` answers W3C PROV-JSON.",
            "parameters": [
                *parameters(MeetingPath, "path"),
                *parameters(ProvenanceParameters),
            ],
            "responses": {
                "200": json_answer("The trace (or its PROV-JSON document).", dict[str, Any]),
                **errors(400, 401, 404, 422, 409, 503),
            },
        }
    },
    "/sources/{source_id}/text": {
        "get": {
            "operationId": "getSourceText",
            "summary": "A source's stored text with the spans its facts were read from.",
            "parameters": [*parameters(SourcePath, "path"), *parameters(SourceTextParameters)],
            "responses": {
                "200": {
                    "description": "`{text, sha256, verified, problems, spans: [{start, end, "
                    "quote, facts}]}`, or a highlighted HTML page.",
                    "content": {
                        "application/json": {"schema": body(dict[str, Any])},
                        "text/html": {"schema": body(str)},
                    },
                },
                **errors(400, 401, 404, 422),
            },
        }
    },
    "/sources/{source_id}/retract": {
        "post": {
            "operationId": "retractSource",
            "summary": "Append SourceRetracted; retracting twice appends nothing.",
            "security": [{}, {"bearer": []}, {"token": []}],
            "parameters": parameters(SourcePath, "path"),
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": body(RetractionRequest)}},
            },
            "responses": {
                "200": json_answer(
                    "`{source_id, retracted, message, position}`; `retracted` "
                    "false (and `position` null) when it was already retracted.",
                    Retraction,
                ),
                **errors(400, 401, 404, 422, 415),
            },
        }
    },
}
