"""`GET /healthz`: is the store reachable, where is the head, how are the projections."""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from ctevents.server.state import PROJECTION_HEALTH, STORE, WATCHER

routes = web.RouteTableDef()

STORE_TIMEOUT = 5.0


async def _projections(app: web.Application) -> dict[str, Any]:
    """Each registered projection's report; an add-on registers in `PROJECTION_HEALTH`."""
    reports: dict[str, Any] = {}
    for name, reporter in app[PROJECTION_HEALTH].items():
        try:
            reports[name] = await reporter(app)
        except Exception as exc:
            reports[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    return reports


@routes.get("/healthz")
async def get_health(request: web.Request) -> web.Response:
    store = request.app[STORE]
    body: dict[str, Any] = {"store": {"kind": store.kind}}
    try:
        head = await asyncio.wait_for(asyncio.to_thread(store.head), STORE_TIMEOUT)
    except Exception as exc:
        body["store"].update(reachable=False, error=f"{type(exc).__name__}: {exc}")
    else:
        request.app[WATCHER].moved(head)
        body["store"].update(reachable=True, head=head)
    body["subscribers"] = len(request.app[WATCHER].subscriptions)
    body["projections"] = await _projections(request.app)
    healthy = body["store"]["reachable"] and all(
        report.get("ok", True) for report in body["projections"].values()
    )
    body["status"] = "ok" if healthy else "unavailable"
    return web.json_response(
        body, status=200 if healthy else 503, headers={"Cache-Control": "no-store"}
    )


_HEALTH = {
    "type": "object",
    "required": ["status", "store", "projections"],
    "properties": {
        "status": {"enum": ["ok", "unavailable"]},
        "store": {
            "type": "object",
            "properties": {
                "kind": {"enum": ["sqlite", "postgresql"]},
                "reachable": {"type": "boolean"},
                "head": {"type": "integer"},
                "error": {"type": "string"},
            },
        },
        "subscribers": {"type": "integer"},
        "projections": {"type": "object", "additionalProperties": {"type": "object"}},
    },
}

openapi: dict[str, Any] = {
    "/healthz": {
        "get": {
            "operationId": "getHealth",
            "summary": "Store reachability, the head position and projection status.",
            "responses": {
                "200": {
                    "description": "Healthy.",
                    "content": {"application/json": {"schema": _HEALTH}},
                },
                "503": {
                    "description": "The store or a projection is unavailable.",
                    "content": {"application/json": {"schema": _HEALTH}},
                },
            },
        }
    }
}
