"""`GET /events` over a real socket: the three forms, resuming, filters, caching, bad input."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator

import aiohttp
import httpx
import orjson
import pytest
from aiohttp import web
from httpx_sse import aconnect_sse

from ctevents.audit.verify import running_link, stored_link
from ctevents.chain import GENESIS
from ctevents.server import Settings
from ctevents.server.state import STORE, WATCHER
from tests.support.feed_fixtures import (
    TIMEOUT,
    append,
    append_facts,
    parse_sse,
    read_ndjson,
    served,
)


@pytest.fixture
async def server(store_url: str) -> AsyncIterator[tuple[web.Application, str]]:
    async with served(Settings(store_url=store_url, poll_interval=0.05)) as found:
        yield found


async def running_hash(app: web.Application, through: int) -> str:
    """The log's running chain hash through a position, recomputed from the stored events."""

    def compute() -> str:
        store = app[STORE]
        running = GENESIS
        for notification in store.notifications(after=0, limit=through):
            running = running_link(running, notification.id, stored_link(store, notification)[0])
        return running

    return await asyncio.to_thread(compute)


@pytest.fixture
async def sqlite_server(sqlite_url: str) -> AsyncIterator[tuple[web.Application, str]]:
    """For HTTP-only behaviour, which does not depend on the store."""
    async with served(Settings(store_url=sqlite_url)) as found:
        yield found


def log_of(app: web.Application, after: int = 0) -> list[dict]:
    return orjson.loads(orjson.dumps(app[STORE].envelopes(after=after, limit=100_000)))


async def test_full_read_from_zero_equals_the_log_in_every_form(server, session) -> None:
    app, url = server
    await append(app, 12)
    await append_facts(app, "parties=US,IN statement")
    log = log_of(app)
    paged, after = [], 0
    while True:
        async with session.get(f"{url}/events", params={"after": after, "limit": 5}) as r:
            page = await r.json()
        paged += page["events"]
        if not page["events"]:
            break
        after = page["last_position"]
    assert paged == log and page["head"] == log[-1]["position"]

    assert await read_ndjson(session, f"{url}/events?format=ndjson", len(log)) == log

    async with session.get(
        f"{url}/events", params={"limit": len(log)}, headers={"Accept": "text/event-stream"}
    ) as r:
        assert r.headers["Content-Type"].startswith("text/event-stream")
        frames = parse_sse(await r.text())
    assert frames[0] == {"retry": "3000"}
    assert [orjson.loads(f["data"]) for f in frames[1:]] == log
    assert [(f["id"], f["event"]) for f in frames[1:]] == [
        (str(e["position"]), e["type"]) for e in log
    ]


async def test_resume_with_after_and_last_event_id_continues_exactly(server, session) -> None:
    app, url = server
    await append(app, 10)
    log = log_of(app)
    first = await read_ndjson(session, f"{url}/events?format=ndjson", 4)
    rest = await read_ndjson(
        session, f"{url}/events?format=ndjson&after={first[-1]['position']}", len(log) - 4
    )
    assert first + rest == log

    headers = {"Accept": "text/event-stream", "Last-Event-ID": str(log[5]["position"])}
    # Last-Event-ID wins over after: the browser reconnects to the URL it was first given.
    async with session.get(f"{url}/events?after=0&limit=3", headers=headers) as r:
        frames = parse_sse(await r.text())[1:]
    assert [orjson.loads(f["data"]) for f in frames] == log[6:9]


async def test_resume_with_an_independent_sse_client(server) -> None:
    app, url = server
    await append(app, 6)
    log = log_of(app)
    async with httpx.AsyncClient(base_url=url, timeout=10) as client:
        seen = []
        async with aconnect_sse(client, "GET", "/events") as source:
            async for sse in source.aiter_sse():
                if sse.data:
                    seen.append(sse)
                if len(seen) == 3:
                    break
        assert source.response.headers["content-type"].startswith("text/event-stream")
        last_id = seen[-1].id
        # New events arrive while the client is away; it resumes where it left off.
        await append(app, 3, start=100)
        log = log_of(app)
        headers = {"Last-Event-ID": last_id}
        async with aconnect_sse(client, "GET", "/events", headers=headers) as source:
            async for sse in source.aiter_sse():
                if sse.data:
                    seen.append(sse)
                if len(seen) == len(log):
                    break
    assert [orjson.loads(s.data) for s in seen] == log
    assert [int(s.id) for s in seen] == [e["position"] for e in log]
    assert [s.event for s in seen] == [e["type"] for e in log]


async def test_filters_keep_global_positions(server, session) -> None:
    app, url = server
    await append(app, 3)
    us = await append_facts(app, "parties=US,IN first statement")
    await append(app, 3, start=10)
    mv = await append_facts(app, "parties=MV,IN second statement")
    await append(app, 2, start=20)
    log = {e["position"]: e for e in log_of(app)}

    async def page(**params: str) -> list[int]:
        async with session.get(f"{url}/events", params=params) as r:
            assert r.status == 200, await r.text()
            return [e["position"] for e in (await r.json())["events"]]

    assert await page(type="MeetingHeld") == [us[1], mv[1]]
    assert await page(type="MeetingHeld,DelegationLed") == [*us[1:], *mv[1:]]
    assert await page(type="DelegationLed", after=str(us[2])) == [mv[2]]
    assert await page(party="US") == us[1:]
    assert await page(party="IN") == [us[1], mv[1]]  # DelegationLed: party is the first only
    assert await page(meeting="MV-IN-JWG") == mv[1:]
    assert await page(stream=log[us[0]]["stream"]) == us
    assert await page(stream=log[us[0]]["stream"], type="SourceRecorded") == us[:1]
    assert await page(party="US", limit="1") == us[1:2]


async def test_sparse_filter_sends_id_only_frames(server, session) -> None:
    app, url = server
    found = await append_facts(app, "parties=US,IN statement")
    await append(app, 5)
    head = app[WATCHER].head
    params = {"party": "US", "heartbeat": "0.2", "format": "sse"}
    async with session.get(f"{url}/events", params=params) as r:
        raw = b""
        async with asyncio.timeout(5):
            while b": heartbeat" not in raw:
                raw += await r.content.readany()
    frames = parse_sse(raw.decode())
    assert [f["id"] for f in frames if "data" in f] == [str(p) for p in found[1:]]
    # A frame with an id and no data moves Last-Event-ID without dispatching an event.
    assert {"id": str(head)} in frames

    params = {"party": "US", "heartbeat": "0.2", "format": "ndjson", "after": str(found[-1])}
    async with session.get(f"{url}/events", params=params) as r:
        assert orjson.loads(await r.content.readline()) == {"last_position": head}
        assert await r.content.readline() == b"\n"  # the heartbeat


async def test_long_poll_wakes_on_a_new_event(server, session) -> None:
    app, url = server
    await append(app, 2)
    started = time.monotonic()
    poll = asyncio.create_task(session.get(f"{url}/events?after=2&wait=10"))
    await asyncio.sleep(0.2)
    assert not poll.done()
    await append(app, 1, start=50)
    async with asyncio.timeout(3):
        response = await poll
    page = await response.json()
    assert [e["position"] for e in page["events"]] == [3]
    assert time.monotonic() - started < 2
    assert response.headers["Cache-Control"] == "no-store"

    started = time.monotonic()
    async with session.get(f"{url}/events?after=3&wait=0.3") as r:
        assert await r.json() == {
            "events": [],
            "last_position": 3,
            "head": 3,
            "last_chain": await running_hash(app, 3),
        }
    assert 0.3 <= time.monotonic() - started < 2


async def test_pages_below_the_head_are_immutable(server, session) -> None:
    app, url = server
    await append(app, 5)
    async with session.get(f"{url}/events?limit=2") as r:
        assert r.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        etag = r.headers["ETag"]
    async with session.get(f"{url}/events?limit=2", headers={"If-None-Match": etag}) as r:
        assert r.status == 304
    async with session.get(f"{url}/events?after=3&limit=10") as r:
        assert r.headers["Cache-Control"] == "no-store" and "ETag" not in r.headers
    async with session.get(f"{url}/events?after=now") as r:
        assert await r.json() == {
            "events": [],
            "last_position": 5,
            "head": 5,
            "last_chain": await running_hash(app, 5),
        }


async def test_heartbeats_and_a_clean_end_on_shutdown(store_url: str) -> None:
    async with (
        served(Settings(store_url=store_url)) as (app, url),
        aiohttp.ClientSession(timeout=TIMEOUT) as session,
    ):
        await append(app, 1)
        sse = await session.get(f"{url}/events?format=sse&heartbeat=0.1")
        ndjson = await session.get(f"{url}/events?format=ndjson&heartbeat=0.1")
        async with asyncio.timeout(5):
            raw = b""
            while b": heartbeat\n\n" not in raw:
                raw += await sse.content.readany()
            await ndjson.content.readline()
            assert await ndjson.content.readline() == b"\n"
        await app.shutdown()  # what the runner does first on SIGTERM
        async with asyncio.timeout(5):
            rest_sse = await sse.content.read()  # ends: the response was finished, not cut
            await ndjson.content.read()
        assert sse.content.at_eof() and ndjson.content.at_eof()
        assert b"error" not in rest_sse


async def test_a_store_failure_after_the_200_is_an_error_frame(sqlite_url: str) -> None:
    async with (
        served(Settings(store_url=sqlite_url)) as (app, url),
        aiohttp.ClientSession(timeout=TIMEOUT) as session,
    ):
        app[WATCHER].tail.max_events = 4
        await append(app, 10)
        async with asyncio.timeout(5):  # the window moved past position 0
            while app[WATCHER].tail.start == 0:
                await asyncio.sleep(0.01)
        for form in ("sse", "ndjson"):
            with sqlite3.connect(sqlite_url) as db:
                db.execute("ALTER TABLE stored_events RENAME TO gone")
            try:
                # Position 0 is behind the window: the subscriber reads the store itself.
                async with session.get(f"{url}/events?format={form}&after=0") as r:
                    assert r.status == 200
                    async with asyncio.timeout(5):
                        body = (await r.content.read()).decode()
            finally:
                with sqlite3.connect(sqlite_url) as db:
                    db.execute("ALTER TABLE gone RENAME TO stored_events")
            if form == "sse":
                assert parse_sse(body)[-1]["event"] == "error"
                assert "no such table" in orjson.loads(parse_sse(body)[-1]["data"])["error"]
            else:
                assert "no such table" in orjson.loads(body.splitlines()[-1])["error"]


async def test_a_store_failure_of_the_shared_tail_is_retried_and_nothing_is_lost(
    sqlite_url: str,
) -> None:
    async with (
        served(Settings(store_url=sqlite_url)) as (app, url),
        aiohttp.ClientSession(timeout=TIMEOUT) as session,
    ):
        await append(app, 1)
        async with session.get(f"{url}/events?format=ndjson&after=1") as r:
            with sqlite3.connect(sqlite_url) as db:
                db.execute("ALTER TABLE stored_events RENAME TO gone")
            app[WATCHER].moved(app[WATCHER].head + 1)  # the tail's read of it fails
            await asyncio.sleep(0.3)
            with sqlite3.connect(sqlite_url) as db:
                db.execute("ALTER TABLE gone RENAME TO stored_events")
            app[WATCHER].head -= 1
            positions = await append(app, 2, start=100)
            found: list[int] = []
            async with asyncio.timeout(5):
                async for line in r.content:
                    if line.strip() and "position" in (item := orjson.loads(line)):
                        found.append(item["position"])
                        if len(found) == 2:
                            break
        assert found == positions == [2, 3]


BAD_PARAMETERS = [
    ("after=-1", "after"),
    ("after=x", "after"),
    ("after=1&after=2", "after"),
    ("limit=0", "limit"),
    ("limit=10001", "limit"),
    ("limit=ten", "limit"),
    ("type=Nope", "type"),
    ("type=,", "type"),
    ("stream=not-a-uuid", "stream"),
    ("party=", "party"),
    ("meeting=%20", "meeting"),
    ("wait=-1", "wait"),
    ("wait=301", "wait"),
    ("wait=nan", "wait"),
    ("heartbeat=0", "heartbeat"),
    ("after=18446744073709551616", "after"),  # 2^64
    ("after=9223372036854775808", "after"),  # 2^63
    ("after=%D9%A3", "after"),  # an Arabic-Indic digit is not a number here
    ("after=1_000", "after"),
    ("party=%25", "party"),  # a LIKE wildcard is not a country
    ("party=IN,,MV", "party"),
    ("meeting=a%00b", "meeting"),
    ("format=xml", "format"),
    ("colour=red", "colour"),
]


@pytest.mark.parametrize(("query", "parameter"), BAD_PARAMETERS)
async def test_bad_parameters_get_a_400_naming_them(
    sqlite_server, session, query, parameter
) -> None:
    _, url = sqlite_server
    async with session.get(f"{url}/events?{query}") as r:
        assert r.status == 400
        body = await r.json()
    assert body["parameter"] == parameter and body["error"].startswith(parameter)


async def test_bad_headers_are_named_too(sqlite_server, session) -> None:
    _, url = sqlite_server
    headers = {"Accept": "text/event-stream", "Last-Event-ID": "soon"}
    async with session.get(f"{url}/events", headers=headers) as r:
        assert r.status == 400 and (await r.json())["parameter"] == "Last-Event-ID"
    async with session.get(f"{url}/events", headers={"Accept": "text/html"}) as r:
        assert r.status == 406 and (await r.json())["parameter"] == "Accept"


async def test_a_read_token_is_required_when_set(sqlite_url: str) -> None:
    settings = Settings(store_url=sqlite_url, read_token="s3cret")
    async with served(settings) as (_, url), aiohttp.ClientSession(timeout=TIMEOUT) as session:
        async with session.get(f"{url}/events") as r:
            assert r.status == 401 and "token" in (await r.json())["error"]
            assert r.headers["WWW-Authenticate"].startswith("Bearer")
        async with session.get(f"{url}/events?token=wrong") as r:
            assert r.status == 401
        async with session.get(f"{url}/events?format=sse&limit=1&token=s3cret&after=now") as r:
            assert r.status == 200
        headers = {"Authorization": "Bearer s3cret"}
        async with session.get(f"{url}/events", headers=headers) as r:
            assert r.status == 200
