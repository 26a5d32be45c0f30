"""`POST /sources`: record a statement over HTTP (plain text or JSON), once."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, NotRequired

from aiohttp import web
from pydantic import ConfigDict, Field, WithJsonSchema
from typing_extensions import TypedDict  # pydantic reads NotRequired from this one on 3.11

from ctevents.documents import (
    MAX_BYTES,
    METADATA_PATTERN,
    TEXT_PATTERN,
    URL_PATTERN,
    ContradictoryDocument,
    Document,
    DocumentTooLarge,
    UnsupportedCharset,
    decode_text,
    document_from_json,
    make_document,
    parse_date,
)
from ctevents.live_ingest import ingest_live
from ctevents.server.auth import require_token
from ctevents.server.errors import ErrorAnswer
from ctevents.server.openapi_models import body, errors, json_answer, parameters
from ctevents.server.params import Query
from ctevents.server.state import SETTINGS, STORE, WATCHER

routes = web.RouteTableDef()


class SourceResult(TypedDict):
    """The answer to `POST /sources`; `positions` and `types` when it recorded something."""

    source_id: Annotated[str, WithJsonSchema({"type": "string", "format": "uuid"})]
    recorded: bool
    positions: NotRequired[list[int]]
    types: NotRequired[list[str]]


ORIGIN = "request body"
TEXT_METADATA = ("published_on", "title", "url", "publisher")
ACCEPTED_TYPES = ("text/plain", "application/json")


def _too_large(size: int | str) -> DocumentTooLarge:
    return DocumentTooLarge(ORIGIN, f"{size} bytes is over the limit of {MAX_BYTES} bytes (1 MiB)")


async def _body(request: web.Request) -> bytes:
    """The raw body; one over the limit is refused before it is read whole."""
    if request.content_length is not None and request.content_length > MAX_BYTES:
        raise _too_large(request.content_length)
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise _too_large(f"more than {MAX_BYTES}") from None
    if len(raw) > MAX_BYTES:
        raise _too_large(len(raw))
    return raw


def _query_metadata(request: web.Request) -> dict[str, str]:
    metadata: dict[str, str] = {}
    for name in TEXT_METADATA:
        values = request.query.getall(name, [])
        if len(values) > 1:
            raise ErrorAnswer(400, f"query parameter {name} given more than once")
        if values:
            metadata[name] = values[0]
    return metadata


def _document(request: web.Request, raw: bytes) -> Document:
    """The document a request carries; raises a DocumentError saying what is wrong.

    Metadata may come in the query with either body; with JSON, a field given both in
    the body and the query must agree (409 otherwise: the request contradicts itself).
    """
    given = _query_metadata(request)
    if request.content_type == "application/json":
        document = document_from_json(raw, ORIGIN)
        if not given:
            return document
        for name, value in given.items():
            in_body = getattr(document, name)
            if in_body is not None and str(in_body) != value:
                raise ContradictoryDocument(
                    ORIGIN,
                    f"{name} differs between the JSON body ({in_body!s}) and the query ({value})",
                )
        text = document.text
        published_on = document.published_on or parse_date(given.get("published_on"), ORIGIN)
        metadata = {
            name: getattr(document, name) or given.get(name)
            for name in ("title", "url", "publisher")
        }
        return make_document(text, ORIGIN, published_on=published_on, **metadata)
    charset = (request.charset or "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise UnsupportedCharset(ORIGIN, f"charset {charset} is not supported: send UTF-8")
    text = decode_text(raw, ORIGIN)
    published_on = parse_date(given.pop("published_on", None), ORIGIN)
    return make_document(text, ORIGIN, published_on=published_on, **given)


@routes.post("/sources")
async def post_source(request: web.Request) -> web.Response:
    require_token(request, request.app[SETTINGS].write_token)
    unknown = sorted(set(request.query) - {*TEXT_METADATA, "token"})
    if unknown:
        raise ErrorAnswer(400, f"unknown query parameter {unknown[0]}", parameter=unknown[0])
    if request.content_type not in ACCEPTED_TYPES:
        raise ErrorAnswer(
            415,
            f"Content-Type {request.content_type or '(none)'} is not accepted: "
            f"send {' or '.join(ACCEPTED_TYPES)}",
        )
    document = _document(request, await _body(request))
    result = await ingest_live(request.app[STORE], request.app[WATCHER], document)
    if not result.recorded:
        return web.json_response(SourceResult(source_id=result.source_id, recorded=False))
    answer = SourceResult(
        source_id=result.source_id,
        recorded=True,
        positions=list(result.positions),
        types=list(result.types),
    )
    return web.json_response(
        answer, status=201, headers={"Location": f"/events?stream={result.source_id}"}
    )


TextBody = Annotated[
    str,
    Field(
        max_length=MAX_BYTES,
        pattern=TEXT_PATTERN,
        description="UTF-8 text; no control characters other than whitespace (422). A leading "
        "line `date YYYY-MM-DD` is the publication date, and must be a real date (422).",
    ),
]
MetadataText = Annotated[str, Field(pattern=METADATA_PATTERN)]
Url = Annotated[str, Field(pattern=URL_PATTERN)]


class SourceMetadata(Query):
    """The metadata `_query_metadata` reads (`TEXT_METADATA`), in the query."""

    title: MetadataText | None = None
    url: Url | None = None
    publisher: MetadataText | None = None
    published_on: date | None = None


class SourceBody(TypedDict):  # the JSON body: the text, and metadata the query may give instead
    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    text: TextBody
    title: NotRequired[MetadataText]
    url: NotRequired[Url]
    publisher: NotRequired[MetadataText]
    published_on: NotRequired[date]


openapi: dict[str, Any] = {
    "/sources": {
        "post": {
            "operationId": "postSource",
            "summary": "Record a statement; the same text again gets 200 and no new events.",
            "security": [{}, {"bearer": []}, {"token": []}],
            "parameters": parameters(
                SourceMetadata,
                described={
                    name: f"the statement's {name} (with JSON: where the body has none; "
                    "where both have it they must agree, else 409)"
                    for name in SourceMetadata.model_fields
                },
            ),
            "requestBody": {
                "required": True,
                "content": {
                    "text/plain": {"schema": body(TextBody)},
                    "application/json": {"schema": body(SourceBody)},
                },
            },
            "responses": {
                "201": json_answer("Recorded: the positions of the events appended.", SourceResult),
                "200": json_answer("Already recorded: nothing appended.", SourceResult),
                **errors(400, 401, 413, 409, 415, 422, 503),
            },
        }
    }
}
