"""The read side on a fresh store, with bounded snapshots, and when one model's write fails.

- `ctevents trace` and the other read commands on a store whose read models were never
  built: they fold what they need first and never print a traceback;
- on-demand `as_of` snapshots: kept to a limit, least recently used dropped first,
  built only with the write token when the server has one, listed and dropped by
  `ctevents snapshots`;
- a write one model cannot make (a trigger refusing it on SQLite, a NUL in a text
  column on PostgreSQL) is recorded, retried, then skipped, while the other models
  fold the whole log.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from uuid import uuid4

import orjson
import pytest
from ctevents.projections import engine as engine_module
from ctevents.projections.catalog import MODELS, by_name
from ctevents.projections.failures import SKIPPED, failures
from ctevents.projections.views import open_views
from ctevents.replay.snapshots import snapshots

from ctevents.codec import RecordedEvent
from ctevents.events import SourceRecorded
from ctevents.server import Settings, create_app
from ctevents.server import snapshots as snapshot_routes
from ctevents.server.state import STORE
from ctevents.store import Store
from tests.support.cli import ctevents
from tests.support.generated_corpus import generate
from tests.support.projection_fixtures import projected

MEETING = "IN-MV/jwg-counter-terrorism/2"
TOKEN = "write-s3cret"


# --- a fresh store -------------------------------------------------------------------------------


def test_trace_and_read_commands_on_a_fresh_store(store_url, seeds_dir):
    ingested = ctevents("ingest", str(seeds_dir), store=store_url)
    assert ingested.returncode == 0, ingested.stderr
    traced = ctevents("trace", MEETING, "--format", "json", store=store_url)
    assert traced.returncode == 0, traced.stderr
    assert "Traceback" not in traced.stderr
    found = orjson.loads(traced.stdout)
    assert found["meeting_key"] == MEETING and found["verified"] and found["lag"] == 0
    mous = [f for f in found["fields"] if f["field"].startswith("mous.0.subject")]
    assert mous and mous[0]["value"] == "cooperation on immigration matters"

    unknown = ctevents("trace", "XX-YY/none/1", store=store_url)
    assert unknown.returncode == 1 and "Traceback" not in unknown.stderr
    assert unknown.stderr.count("\n") == 1 and "no meeting 'XX-YY/none/1'" in unknown.stderr
    for command in (["status"], ["digest", "people"], ["snapshots", "list"]):
        result = ctevents(*command, store=store_url)
        assert result.returncode == 0 and "Traceback" not in result.stderr, (command, result)
    status = orjson.loads(ctevents("status", "--json", store=store_url).stdout)
    lag = {p["projection"]: p["lag"] for p in status["projections"]}
    assert lag["meetings"] == 0 and lag["people"] == status["head"] > 0  # says how far behind


async def test_provenance_on_a_server_started_on_a_fresh_store(
    store_url, seeds_dir, aiohttp_client
):
    ingested = ctevents("ingest", str(seeds_dir), store=store_url)
    assert ingested.returncode == 0, ingested.stderr
    client = await aiohttp_client(create_app(Settings(store_url=store_url)))
    response = await client.get(f"/meetings/{MEETING}/provenance")  # at once: no waiting here
    assert response.status == 200, await response.text()
    body = await response.json()
    assert body["verified"] and body["lag"] == 0 and body["meeting_key"] == MEETING


# --- snapshots -----------------------------------------------------------------------------------


@pytest.fixture
async def guarded(store_url, aiohttp_client):
    return await aiohttp_client(create_app(Settings(store_url=store_url, write_token=TOKEN)))


async def test_on_demand_snapshots_are_bounded_and_need_the_write_token(
    guarded, monkeypatch, store_url
):
    monkeypatch.setattr(snapshot_routes, "ON_DEMAND_KEEP", 2)
    monkeypatch.setattr(snapshot_routes, "OPEN_LIMIT", 1)
    store = guarded.app[STORE]
    head = await asyncio.to_thread(generate, store, 300)
    auth = {"Authorization": f"Bearer {TOKEN}"}

    anonymous = await guarded.get("/dialogues", params={"as_of": "50"})
    assert anonymous.status == 401  # building one is a writer's decision
    for position in (50, 100, 150, 200):
        built = await guarded.get("/dialogues", params={"as_of": str(position)}, headers=auth)
        assert built.status == 200, await built.text()
        assert (await built.json())["as_of"]["built_on_demand"] is True
        if position in (100, 150):  # 50 read again: never the least recently used
            reread = await guarded.get("/dialogues", params={"as_of": "50"})
            assert reread.status == 200 and (await reread.json())["as_of"]["snapshot"] == "asof-50"

    views = open_views(store.location)
    try:
        kept = await asyncio.to_thread(snapshots, views)
    finally:
        views.close()
    assert sorted(g.name for g in kept) == ["asof-200", "asof-50"]
    assert len(guarded.app[snapshot_routes.SNAPSHOTS].views) == 1
    # Reading a kept snapshot needs no token; a dropped one would have to be built again.
    assert (await guarded.get("/dialogues", params={"as_of": "200"})).status == 200
    assert (await guarded.get("/dialogues", params={"as_of": "100"})).status == 401
    assert head >= 200

    listed = ctevents("snapshots", "list", "--json", store=store_url)
    assert [orjson.loads(line)["name"] for line in listed.stdout.splitlines()] == [
        "asof-50",
        "asof-200",
    ]
    dropped = ctevents("snapshots", "drop", "--on-demand", store=store_url)
    assert dropped.returncode == 0, dropped.stderr
    assert ctevents("snapshots", "list", "--json", store=store_url).stdout == ""
    missing = ctevents("snapshots", "drop", "nope", store=store_url)
    assert missing.returncode == 2 and "no snapshot named nope" in missing.stderr


# --- one model's write fails ---------------------------------------------------------------------


def _append_source(store: Store, publisher: str) -> None:
    stream = uuid4()
    now = datetime.now(UTC)
    event = SourceRecorded(
        source_id=str(stream),
        sha256="0" * 64,
        text="A statement.",
        publisher=publisher,
        received_at=now,
    )
    store.append([RecordedEvent(stream, 1, now, event)])


def _refuse_writes_of(views, publisher: str) -> None:
    """On SQLite, a trigger refuses the sources row of one publisher (a failing write)."""
    with views.transaction(commit=True) as cursor:
        cursor.execute(
            f"CREATE TRIGGER refuse BEFORE INSERT ON {views.table('sources')} "
            f"WHEN NEW.publisher = '{publisher}' BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )


def test_a_failing_write_of_one_model_never_stops_the_others(store_url, monkeypatch):
    monkeypatch.setattr(engine_module, "FIRST_BACKOFF", 0.01)
    poison = "Ministry\x00of Nothing" if store_url.startswith("postgresql") else "Refused"
    with projected(store_url, batch_size=50) as (store, engine):
        _append_source(store, poison)
        generate(store, 360)
        head = store.head()
        if not store_url.startswith("postgresql"):
            _refuse_writes_of(engine.views, poison)
        deadline = time.monotonic() + 30
        while min(engine.positions.values()) < head:
            assert time.monotonic() < deadline, (engine.positions, failures(engine.views))
            engine.step()
            time.sleep(0.005)
        recorded = failures(engine.views, "sources")
        assert len(recorded) == 1 and recorded[0]["state"] == SKIPPED
        assert recorded[0]["attempts"] >= engine_module.MAX_ATTEMPTS
        assert "write failed" in recorded[0]["error"]
        poisoned = recorded[0]["position"]
        assert all(not failures(engine.views, m.name) for m in MODELS if m.name != "sources")
        # The others folded everything; sources everything but the one event.
        sources = by_name("sources")
        rows = engine.views.position(sources)
        assert rows == head and {m.name: engine.views.position(m) for m in MODELS} == dict.fromkeys(
            [m.name for m in MODELS], head
        )
        with engine.views.transaction(commit=False) as cursor:
            cursor.execute(f"SELECT COUNT(*) AS n FROM {engine.views.table(sources)}")
            count = cursor.fetchone()["n"]
        with Store(store_url) as other:
            recorded_sources = len(other.envelopes(limit=100_000, types=["SourceRecorded"]))
        assert count == recorded_sources - 1 and poisoned <= head
