"""The read models over HTTP: pages, items, freshness, ETags, and watch streams."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import orjson
import pytest

from ctevents.server import Settings, create_app
from ctevents.server.read_models import READ_SIDE
from ctevents.server.state import STORE
from tests.support.projection_fixtures import MEETING_KEY, jwg, record, record_maldives_pair

WAIT = 10  # seconds: the bound on every wait below


@pytest.fixture
async def client(store_url, aiohttp_client):
    # store_url first: the app (and its projection thread) stops before the store goes.
    return await aiohttp_client(create_app(Settings(store_url=store_url, heartbeat=1.0)))


async def frames(response, count: int) -> list[dict[str, Any]]:
    """The next `count` SSE frames that carry data, as dicts with their `id` and `event`."""
    found: list[dict[str, Any]] = []
    current: dict[str, str] = {}
    async with asyncio.timeout(WAIT):
        while len(found) < count:
            raw = await response.content.readline()
            assert raw, f"the stream ended after {len(found)} frames"
            line = raw.decode().rstrip("\n")
            if not line:
                if "data" in current:
                    found.append(
                        {
                            **orjson.loads(current["data"]),
                            "_id": current.get("id"),
                            "_event": current.get("event"),
                        }
                    )
                current = {}
            elif not line.startswith(":"):
                name, _, value = line.partition(":")
                current[name] = value.removeprefix(" ")
    return found


async def test_meetings_read_your_writes_with_min_position(client):
    store = client.app[STORE]
    await asyncio.to_thread(record_maldives_pair, store)
    head = await asyncio.to_thread(store.head)
    response = await client.get("/meetings", params={"min_position": str(head), "party": "MV"})
    assert response.status == 200, await response.text()
    body = await response.json()
    assert body["as_of_position"] >= head
    assert [m["meeting_key"] for m in body["meetings"]] == [MEETING_KEY]
    assert response.headers["ETag"]
    again = await client.get(
        "/meetings",
        params={"party": "MV"},
        headers={"If-None-Match": response.headers["ETag"]},
    )
    assert again.status == 304

    item = await client.get(f"/meetings/{MEETING_KEY}")
    assert (await item.json())["item"]["corroboration"] == 2
    for path in ("/dialogues", "/people", "/sources"):
        listed = await client.get(path, params={"min_position": str(head)})
        assert listed.status == 200 and (await listed.json())["as_of_position"] >= head


async def test_an_unreached_min_position_is_a_bounded_503(client):
    side = client.app[READ_SIDE]
    side.folding.stop()  # the projections stop: a recorded position stays unfolded
    await asyncio.to_thread(side.folding.join, WAIT)
    await asyncio.to_thread(record_maldives_pair, client.app[STORE])
    head = await asyncio.to_thread(client.app[STORE].head)
    started = time.monotonic()
    response = await client.get("/meetings", params={"min_position": str(head), "wait": "0.3"})
    assert response.status == 503 and response.headers["Retry-After"] == "1"
    assert time.monotonic() - started < 5
    assert str(head) in (await response.json())["error"]


async def test_a_min_position_beyond_the_head_is_refused_at_once(client):
    started = time.monotonic()
    response = await client.get("/meetings", params={"min_position": "99", "wait": "30"})
    assert response.status == 409
    assert time.monotonic() - started < 5
    body = await response.json()
    assert body["parameter"] == "min_position" and "beyond the log's head (0)" in body["error"]


async def test_bad_parameters_are_named(client):
    assert (await client.get("/meetings", params={"colour": "red"})).status == 400
    assert (await client.get("/meetings", params={"limit": "0"})).status == 400
    missing = await client.get("/meetings/no-such-meeting")
    assert missing.status == 404 and "no-such-meeting" in (await missing.json())["error"]


async def test_pages_follow_in_key_order(client):
    store = client.app[STORE]
    for ordinal in range(1, 6):
        await asyncio.to_thread(record, store, *jwg(ordinal))
    head = await asyncio.to_thread(store.head)
    keys, url = [], f"/meetings?limit=2&min_position={head}"
    while url:
        body = await (await client.get(url)).json()
        keys += [m["meeting_key"] for m in body["meetings"]]
        url = body.get("next")
    assert keys == sorted(keys) and len(keys) == 5


async def test_a_watcher_sees_a_change_within_a_second(client):
    store = client.app[STORE]
    await asyncio.to_thread(record, store, *jwg(1))
    head = await asyncio.to_thread(store.head)
    response = await client.get("/meetings", params={"watch": "1", "min_position": str(head)})
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/event-stream")
    opening = await frames(response, 2)
    assert opening[0]["_event"] == "upsert" and opening[0]["key"].endswith("/1")
    assert opening[1]["_event"] == "ready"

    started = time.monotonic()
    await asyncio.to_thread(record, store, *jwg(2))
    (change,) = await frames(response, 1)
    elapsed = time.monotonic() - started
    assert change["op"] == "upsert" and change["key"].endswith("/2")
    assert change["row"]["ordinal"]["value"] == 2
    assert int(change["_id"]) == change["position"]
    assert elapsed < 1.0, f"the change reached the watcher after {elapsed:.2f} s"
    response.close()

    # Resuming after the first change sends what followed it, and only that.
    await asyncio.to_thread(record, store, *jwg(3))
    head = await asyncio.to_thread(store.head)
    resumed = await client.get(
        "/meetings",
        params={"watch": "1", "min_position": str(head)},
        headers={"Last-Event-ID": opening[0]["_id"]},
    )
    found = await frames(resumed, 3)
    assert [f.get("key") for f in found[:2]] == [
        "IN-MV/jwg-counter-terrorism/2",
        "IN-MV/jwg-counter-terrorism/3",
    ]
    assert found[2]["_event"] == "ready"
    resumed.close()


async def test_watching_one_item(client):
    store = client.app[STORE]
    await asyncio.to_thread(record, store, *jwg(1))
    head = await asyncio.to_thread(store.head)
    key = "IN-MV/jwg-counter-terrorism"
    response = await client.get(
        f"/dialogues/{key}", params={"watch": "1", "min_position": str(head)}
    )
    opening = await frames(response, 2)
    assert opening[0]["row"]["meeting_count"] == 1
    await asyncio.to_thread(record, store, *jwg(3))
    (change,) = await frames(response, 1)
    assert change["key"] == key and change["row"]["missing_ordinals"] == [2]
    response.close()


async def test_health_reports_the_projections(client):
    store = client.app[STORE]
    await asyncio.to_thread(record, store, *jwg(1))
    head = await asyncio.to_thread(store.head)
    await client.get("/meetings", params={"min_position": str(head)})
    body = await (await client.get("/healthz")).json()
    report = body["projections"]["read_models"]
    assert report["ok"] and report["head"] == head
    assert {p["projection"] for p in report["projections"]} == {
        "meetings",
        "dialogues",
        "people",
        "sources",
    }
    document = await (await client.get("/openapi.json")).json()
    assert "/meetings/{key}" in document["paths"]
