"""The app as a whole: OpenAPI kept true, health, JSON errors, access log, `ctevents serve`."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import aiohttp
import httpx
import orjson
import pytest
from aiohttp import web
from httpx_sse import aconnect_sse

from ctevents.server import Settings, create_app
from ctevents.server.access_log import ACCESS_LOGGER, JsonAccessLogger
from ctevents.server.app import RESOURCE_MODULES
from ctevents.server.state import PROJECTION_HEALTH
from ctevents.store import Store
from tests.support.feed_fixtures import TIMEOUT, free_port, served

METHODS = {"get", "put", "post", "delete", "patch", "options"}


def registered_routes(app: web.Application) -> set[tuple[str, str]]:
    return {
        (route.resource.canonical, route.method.lower())
        for route in app.router.routes()
        if route.resource is not None and route.method != "HEAD"  # HEAD comes with GET
    }


async def test_openapi_describes_every_route_and_nothing_else(sqlite_url: str) -> None:
    async with (
        served(Settings(store_url=sqlite_url)) as (app, url),
        aiohttp.ClientSession(timeout=TIMEOUT) as session,
        session.get(f"{url}/openapi.json") as r,
    ):
        document = await r.json()
    assert document["openapi"].startswith("3.1")
    described = {
        (path, method)
        for path, item in document["paths"].items()
        for method in item
        if method in METHODS
    }
    assert described == registered_routes(app)
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert operation["responses"], f"{method} {path} has no responses"


def test_resources_compose_one_module_at_a_time(sqlite_url: str) -> None:
    extra = types.ModuleType("read_models")
    extra.routes = web.RouteTableDef()  # type: ignore[attr-defined]

    @extra.routes.get("/meetings")  # type: ignore[attr-defined]
    async def meetings(request: web.Request) -> web.Response:
        return web.json_response([])

    extra.openapi = {"/meetings": {"get": {"responses": {"200": {"description": "ok"}}}}}  # type: ignore[attr-defined]
    app = create_app(Settings(store_url=sqlite_url), (*RESOURCE_MODULES, extra))
    assert ("/meetings", "get") in registered_routes(app)


async def test_health_reports_the_store_and_projections(sqlite_url: str) -> None:
    async with (
        served(Settings(store_url=sqlite_url)) as (app, url),
        aiohttp.ClientSession(timeout=TIMEOUT) as session,
    ):
        async with session.get(f"{url}/healthz") as r:
            assert r.status == 200
            body = await r.json()
        assert body["status"] == "ok" and body["subscribers"] == 0
        assert body["store"] == {
            "kind": "sqlite",
            "url": sqlite_url,
            "reachable": True,
            "head": 0,
        }
        assert isinstance(body["projections"], dict)  # filled by the read side, if served

        async def lagging(app: web.Application) -> dict[str, Any]:
            return {"ok": False, "position": 0}

        app[PROJECTION_HEALTH]["meetings"] = lagging  # a projection that reports trouble
        async with session.get(f"{url}/healthz") as r:
            assert r.status == 503
            body = await r.json()
        assert body["status"] == "degraded"  # the store answers; a projection does not
        assert body["projections"]["meetings"] == {"ok": False, "position": 0}


async def test_errors_are_json(sqlite_url: str) -> None:
    async with (
        served(Settings(store_url=sqlite_url)) as (_, url),
        aiohttp.ClientSession(timeout=TIMEOUT) as session,
    ):
        async with session.get(f"{url}/nowhere") as r:
            assert r.status == 404 and "error" in await r.json()
        async with session.delete(f"{url}/events") as r:
            assert r.status == 405 and "error" in await r.json()
            assert "GET" in r.headers["Allow"]


async def test_the_access_log_is_json_lines_without_tokens(
    sqlite_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(Settings(store_url=sqlite_url))
    runner = web.AppRunner(app, access_log=ACCESS_LOGGER, access_log_class=JsonAccessLogger)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        with caplog.at_level(logging.INFO, logger=ACCESS_LOGGER.name):
            async with (
                aiohttp.ClientSession(timeout=TIMEOUT) as session,
                session.get(f"http://127.0.0.1:{port}/events?token=hush&limit=1"),
            ):
                pass
            await asyncio.sleep(0.05)
    finally:
        await runner.cleanup()
    (record,) = [
        orjson.loads(r.getMessage()) for r in caplog.records if r.name == "ctevents.access"
    ]
    assert record["method"] == "GET" and record["path"] == "/events" and record["status"] == 200
    assert record["query"] == {"token": "***", "limit": "1"}
    assert "hush" not in caplog.text


def ctevents(*args: str) -> list[str]:
    return [sys.executable, "-m", "ctevents.cli", *args]


def test_serve_refuses_a_public_address_without_a_write_token(sqlite_url: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CTEVENTS_WRITE_TOKEN"}
    done = subprocess.run(
        ctevents("serve", "--host", "0.0.0.0", "--port", "1", "--store", sqlite_url),
        env=env, capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert done.returncode == 2
    assert "CTEVENTS_WRITE_TOKEN" in done.stderr and "0.0.0.0" in done.stderr


async def test_serve_ingests_then_serves_a_resumable_stream(
    sqlite_url: str, seeds_dir: Path
) -> None:
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        *ctevents("serve", "--port", str(port), "--store", sqlite_url, "--ingest", str(seeds_dir)),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        async with asyncio.timeout(20):
            while b"Running on" not in await process.stdout.readline():
                pass
        with Store(sqlite_url) as store:
            log = orjson.loads(orjson.dumps(store.envelopes(limit=100_000)))
        assert log, "the seeds were recorded before serving"
        seen = []
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            for _ in range(len(log)):  # one event per connection: resume every time
                headers = {"Last-Event-ID": seen[-1].id} if seen else {}
                async with aconnect_sse(client, "GET", "/events", headers=headers) as source:
                    async for sse in source.aiter_sse():
                        if sse.data:
                            seen.append(sse)
                            break
        assert [orjson.loads(s.data) for s in seen] == log
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), 15)
    assert process.returncode == 0, err.decode()
    access = [orjson.loads(line) for line in err.splitlines() if line.startswith(b"{")]
    assert access and all(entry["path"] == "/events" for entry in access)
