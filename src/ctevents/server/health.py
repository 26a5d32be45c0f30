"""`GET /healthz`: is the store reachable, where is the head, how are the projections."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any, Literal, NotRequired

from aiohttp import web
from pydantic import Field
from typing_extensions import TypedDict  # the one pydantic reads on Python 3.11

from ctevents.read_side_health import DEGRADED, OK, UNAVAILABLE
from ctevents.server.availability import STORE_GUARD
from ctevents.server.openapi_models import json_answer
from ctevents.server.state import PROJECTION_HEALTH, SETTINGS, STORE, WATCHER

routes = web.RouteTableDef()


async def _bounded(awaitable: Any, seconds: float) -> Any:
    # The thread behind a store call cannot be stopped; the answer does not wait for it.
    return await asyncio.wait_for(asyncio.shield(asyncio.ensure_future(awaitable)), seconds)


async def _projections(app: web.Application, seconds: float) -> dict[str, Any]:
    """Each registered projection's report; an add-on registers in `PROJECTION_HEALTH`."""
    reports: dict[str, Any] = {}
    for name, reporter in app[PROJECTION_HEALTH].items():
        try:
            reports[name] = await _bounded(reporter(app), seconds)
        except TimeoutError:
            reports[name] = {"ok": False, "error": f"no report within {seconds:g} s"}
        except Exception as exc:
            reports[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    return reports


@routes.get("/healthz")
async def get_health(request: web.Request) -> web.Response:
    """`ok` (200), `degraded` (503: the log serves, a read model fails) or `unavailable` (503)."""
    app = request.app
    store = app[STORE]
    loop = asyncio.get_running_loop()
    # Everything below shares one deadline, so the answer comes within `store_timeout`.
    deadline = loop.time() + app[SETTINGS].store_timeout
    body: dict[str, Any] = {"store": {"kind": store.kind, "url": store.location.display}}
    guard = app.get(STORE_GUARD)
    if guard is not None and guard.down is not None:
        body["store"].update(reachable=False, error=guard.down)
    else:
        try:
            head = await _bounded(asyncio.to_thread(store.head), deadline - loop.time())
        except Exception as exc:
            reason = "no answer in time" if isinstance(exc, TimeoutError) else str(exc)
            body["store"].update(reachable=False, error=f"{type(exc).__name__}: {reason}")
        else:
            app[WATCHER].moved(head)
            body["store"].update(reachable=True, head=head)
    body["subscribers"] = len(app[WATCHER].subscriptions)
    reachable = body["store"]["reachable"]
    if reachable:
        body["projections"] = await _projections(app, max(0.1, deadline - loop.time()))
    else:
        body["projections"] = {}
    body["failing"] = [
        failing for report in body["projections"].values() for failing in report.get("failing", ())
    ]
    if not reachable:
        body["status"] = UNAVAILABLE
    elif all(report.get("ok", True) for report in body["projections"].values()):
        body["status"] = OK
    else:
        body["status"] = DEGRADED
    return web.json_response(
        body, status=200 if body["status"] == OK else 503, headers={"Cache-Control": "no-store"}
    )


class StoreReport(TypedDict, total=False):
    kind: Literal["sqlite", "postgresql"]
    url: Annotated[str, Field(description="The store, its password masked.")]
    reachable: bool
    head: int
    error: str


class Failing(TypedDict):
    projection: str
    position: int
    lag: int
    failures: NotRequired[int]
    reason: str
    last_failure: NotRequired[dict[str, Any]]


class Health(TypedDict):
    status: Literal["ok", "degraded", "unavailable"]
    store: StoreReport
    subscribers: NotRequired[int]
    projections: dict[str, dict[str, Any]]
    failing: NotRequired[
        Annotated[
            list[Failing],
            Field(description="Each read model that fails: why, its position and its lag."),
        ]
    ]


openapi: dict[str, Any] = {
    "/healthz": {
        "get": {
            "operationId": "getHealth",
            "summary": "Store reachability, the head position and projection status.",
            "responses": {
                "200": json_answer("Healthy.", Health),
                "503": json_answer(
                    "`unavailable`: the store does not answer; `degraded`: "
                    "a read model fails (named in `failing`).",
                    Health,
                ),
            },
        }
    }
}
