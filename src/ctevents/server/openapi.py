"""`GET /openapi.json`: an OpenAPI 3.1 document assembled from every resource module."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from ctevents import __version__
from ctevents.server.state import RESOURCES

routes = web.RouteTableDef()

_ENVELOPE = {
    "type": "object",
    "required": ["position", "type", "stream", "version", "recorded_at", "data"],
    "properties": {
        "position": {"type": "integer", "minimum": 1},
        "type": {"type": "string"},
        "stream": {"type": "string", "format": "uuid"},
        "version": {"type": "integer", "minimum": 1},
        "recorded_at": {"type": "string", "format": "date-time"},
        "data": {"type": "object"},
    },
}

COMPONENTS: dict[str, Any] = {
    "schemas": {
        "Envelope": _ENVELOPE,
        "EventPage": {
            "type": "object",
            "required": ["events", "last_position", "head"],
            "properties": {
                "events": {"type": "array", "items": {"$ref": "#/components/schemas/Envelope"}},
                "last_position": {"type": "integer"},
                "head": {"type": "integer"},
                "last_chain": {
                    "type": ["string", "null"],
                    "description": "The ledger's running hash through last_position (hex "
                    "SHA-256): equal values at equal positions prove the same log.",
                },
                "last_chain_note": {
                    "type": "string",
                    "description": "Why last_chain is null, when it is.",
                },
            },
        },
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {"error": {"type": "string"}, "parameter": {"type": "string"}},
        },
    },
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
