"""`GET /openapi.json`: an OpenAPI 3.1 document assembled from every resource module."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, NotRequired
from uuid import UUID

from aiohttp import web
from pydantic import Field
from typing_extensions import TypedDict  # the one pydantic reads on Python 3.11

from ctevents import __version__
from ctevents.server.openapi_models import body, one_of_components
from ctevents.server.state import RESOURCES

routes = web.RouteTableDef()


class Envelope(TypedDict):  # one event as the feed answers it
    position: Annotated[int, Field(ge=1)]
    type: str
    stream: UUID
    version: Annotated[int, Field(ge=1)]
    recorded_at: datetime
    data: dict[str, Any]


class EventPage(TypedDict):  # a page of `GET /events`
    events: list[one_of_components("Envelope")]  # type: ignore[valid-type]
    last_position: int
    head: int
    last_chain: NotRequired[
        Annotated[
            str | None,
            Field(
                description="The ledger's running hash through last_position (hex "
                "SHA-256): equal values at equal positions prove the same log."
            ),
        ]
    ]
    last_chain_note: NotRequired[
        Annotated[str, Field(description="Why last_chain is null, when it is.")]
    ]


class Error(TypedDict):
    error: str
    parameter: NotRequired[str]


COMPONENTS: dict[str, Any] = {
    "schemas": {shape.__name__: body(shape) for shape in (Envelope, EventPage, Error)},
    "responses": {
        "Error": {
            "description": "What was wrong with the request.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
    },
    "securitySchemes": {
        "bearer": {"type": "http", "scheme": "bearer"},
        "token": {"type": "apiKey", "in": "query", "name": "token"},
    },
}


def document(app: web.Application) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    schemas = dict(COMPONENTS["schemas"])
    for module in app[RESOURCES]:
        for path, item in getattr(module, "openapi", {}).items():
            paths.setdefault(path, {}).update(item)
        schemas.update(getattr(module, "openapi_schemas", {}))  # a module's own shapes
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "ctevents",
            "version": __version__,
            "description": "Counter-terrorism diplomacy statements as an immutable event log.",
        },
        "paths": paths,
        "components": {**COMPONENTS, "schemas": schemas},
    }


@routes.get("/openapi.json")
async def get_openapi(request: web.Request) -> web.Response:
    return web.json_response(document(request.app))


openapi: dict[str, Any] = {
    "/openapi.json": {
        "get": {
            "operationId": "getOpenapi",
            "summary": "This document.",
            "responses": {
                "200": {"description": "OpenAPI 3.1.", "content": {"application/json": {}}}
            },
        }
    }
}
