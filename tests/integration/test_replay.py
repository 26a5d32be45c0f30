"""Replay: equal to the engine, swapped in under a serving server, as of a past position, on
a version bump, and after a kill -9 mid-build.
"""

from __future__ import annotations

import asyncio
import dataclasses
import signal
import subprocess
import sys
import time
from datetime import datetime

import orjson
import pytest
from ctevents.projections import meetings
from ctevents.projections.catalog import MODELS, by_name
from ctevents.projections.digest import digest
from ctevents.projections.engine import ProjectionEngine
from ctevents.projections.queries import list_rows
from ctevents.projections.views import open_views
from ctevents.replay import rebuild as rebuild_module
from ctevents.replay.generations import listed
from ctevents.replay.outdated import outdated, rebuild_outdated
from ctevents.replay.rebuild import rebuild
from ctevents.replay.snapshots import position_at

from ctevents.cli import main as ctevents
from ctevents.documents import read_document
from ctevents.ingest import ingest
from ctevents.server import Settings, create_app
from ctevents.server import snapshots as snapshot_routes
from ctevents.server.state import STORE
from ctevents.store import Store
from tests.support.generated_corpus import generate
from tests.support.processes import kill_when

WAIT = 20  # seconds: the bound on every wait below


def json_lines(text: str) -> dict[str, dict]:
    found = [orjson.loads(line) for line in text.splitlines() if line.startswith("{")]
    return {line["projection"]: line for line in found}


def digests(views) -> dict[str, str]:
    return {m.name: digest(views, m) for m in MODELS}


def set_stored_version(views, name: str, version: int) -> None:
    with views.transaction(commit=True) as cursor:
        cursor.execute(
            views.sql(
                f"UPDATE {views._qualify(views.prefix + 'projection_versions')} "
                "SET version = ? WHERE projection = ?"
            ),
            (version, name),
        )


# --- equal to the engine -------------------------------------------------------------------


def test_replay_equals_the_engine_on_the_seeds(store_url, seeds_dir, capsys):
    with Store(store_url) as store:
        for path in sorted(seeds_dir.glob("*.txt")):
            ingest(store, read_document(path))
        views = open_views(store.location)
        try:
            ProjectionEngine(store, views, MODELS, batch_size=7).catch_up()
            incremental = digests(views)
        finally:
            views.close()
    assert ctevents(["replay", "--json", "--store", store_url]) == 0
    replayed = json_lines(capsys.readouterr().out)
    assert {name: line["digest"] for name, line in replayed.items()} == incremental
    for line in replayed.values():
        assert set(line) == {
            "projection",
            "events_replayed",
            "seconds",
            "events_per_second",
            "digest",
        }
    assert ctevents(["digest", "meetings", "--store", store_url]) == 0
    assert capsys.readouterr().out.split()[0] == incremental["meetings"]


# --- as of a past position ------------------------------------------------------------------


def test_until_snapshot_equals_the_model_of_a_truncated_log(store_url, capsys):
    with Store(store_url) as store:
        head = generate(store, 1500)
        until = head // 2
        views = open_views(store.location, prefix="truncated_")
        try:
            ProjectionEngine(store, views, MODELS, batch_size=50).catch_up(until=until)
            truncated = digests(views)
        finally:
            views.close()
        for name in ("meetings", "people"):
            args = ["replay", name, "--until", str(until), "--into", "half", "--json"]
            assert ctevents([*args, "--store", store_url]) == 0
            assert json_lines(capsys.readouterr().out)[name]["digest"] == truncated[name]
        # --as-of: the last position recorded at or before that time.
        (event,) = store.envelopes(after=until - 1, limit=1)
        moment = datetime.fromisoformat(event["recorded_at"])
        found = position_at(store, moment)
        later = store.envelopes(after=found, limit=1)
        assert found >= until and (not later or later[0]["recorded_at"] > event["recorded_at"])
        args = ["replay", "sources", "--as-of", event["recorded_at"], "--into", "then", "--json"]
        assert ctevents([*args, "--store", store_url]) == 0
        capsys.readouterr()
        live = open_views(store.location)
        try:
            (snapshot,) = listed(live, name="then")
            assert snapshot.until == found
        finally:
            live.close()


@pytest.fixture
async def client(store_url, aiohttp_client):
    # store_url first: the app (and its threads) stop before the store goes.
    return await aiohttp_client(create_app(Settings(store_url=store_url, heartbeat=1.0)))


async def test_as_of_answers_from_a_snapshot_built_on_demand(client, monkeypatch):
    store = client.app[STORE]
    head = await asyncio.to_thread(generate, store, 600)
    until = head // 3

    def truncated_rows() -> list[dict]:
        views = open_views(store.location, prefix="cut_")
        try:
            ProjectionEngine(store, views, [meetings.MODEL]).catch_up(until=until)
            return list_rows(views, meetings.MODEL, limit=1000).items
        finally:
            views.close()

    expected = await asyncio.to_thread(truncated_rows)
    first = await client.get(
        "/meetings", params={"as_of": str(until), "limit": "1000", "view": "full"}
    )
    assert first.status == 200, await first.text()
    body = await first.json()
    assert body["as_of"] == {
        "position": until,
        "snapshot": f"asof-{until}",
        "built_on_demand": True,
    }
    assert body["meetings"] == expected
    again = await (
        await client.get("/meetings", params={"as_of": str(until), "limit": "1000", "view": "full"})
    ).json()
    assert again["as_of"]["built_on_demand"] is False and again["meetings"] == expected
    key = expected[0]["meeting_key"]
    item = await client.get(f"/meetings/{key}", params={"as_of": str(until), "view": "full"})
    assert (await item.json())["item"] == expected[0]

    beyond = await client.get("/meetings", params={"as_of": str(head + 1)})
    assert beyond.status == 409 and "beyond the log's head" in (await beyond.json())["error"]
    monkeypatch.setattr(snapshot_routes, "ON_DEMAND_LIMIT", 10)
    too_far = await client.get("/people", params={"as_of": "20"})
    assert too_far.status == 409
    assert "ctevents replay people --until 20 --into" in (await too_far.json())["error"]


# --- while serving ---------------------------------------------------------------------------


async def test_replay_while_a_server_answers_reads(client, monkeypatch):
    store = client.app[STORE]
    head = await asyncio.to_thread(generate, store, 2500)
    ready = await client.get("/meetings", params={"min_position": str(head), "limit": "1000"})
    before = (await ready.json())["meetings"]
    assert before and len(before) < 1000
    keys = {m["meeting_key"] for m in before}

    # Small pages, each a little slow, so that many reads fall inside the rebuild; an
    # append on the first page is an event recorded during the replay.
    monkeypatch.setattr(rebuild_module, "PAGE", 250)
    appended: list[int] = []

    def progress(position: int, target: int) -> None:
        if not appended:
            appended.append(generate(store, head + 20, seed=99))
        time.sleep(0.02)

    def run() -> list:
        views = open_views(store.location)
        try:
            return rebuild(store, views, MODELS, progress=progress)
        finally:
            views.close()

    task = asyncio.create_task(asyncio.to_thread(run))
    reads = 0
    async with asyncio.timeout(WAIT):
        while not task.done():
            response = await client.get("/meetings", params={"limit": "1000"})
            assert response.status == 200, await response.text()
            found = {m["meeting_key"] for m in (await response.json())["meetings"]}
            assert keys <= found  # never a half-built model: every row already there
            item = await client.get(f"/meetings/{sorted(keys)[0]}")
            assert item.status == 200, await item.text()
            reads += 1
        results = await task
    assert reads >= 5
    new_head = appended[0]
    assert all(r.position == new_head for r in results)
    after = await client.get("/meetings", params={"min_position": str(new_head), "limit": "1000"})
    assert after.status == 200
    assert len((await after.json())["meetings"]) >= len(keys)

    # The swapped-in model is the model of the whole log, followed on by the live engine.
    def clean() -> tuple[dict[str, str], dict[str, str]]:
        views = open_views(store.location, prefix="clean_")
        live = open_views(store.location)
        try:
            ProjectionEngine(store, views, MODELS).catch_up()
            return digests(views), digests(live)
        finally:
            views.close()
            live.close()

    expected, live = await asyncio.to_thread(clean)
    assert live == expected


# --- version bumps ------------------------------------------------------------------------------


def test_a_version_bump_rebuilds_the_model(store_url, capsys):
    with Store(store_url) as store:
        generate(store, 400)
        views = open_views(store.location)
        try:
            ProjectionEngine(store, views, MODELS).catch_up()
            before = digests(views)
            bumped = dataclasses.replace(meetings.MODEL, version=meetings.VERSION + 1)
            assert outdated(views, [bumped]) == [bumped]
            (result,) = rebuild_outdated(store, views, [bumped])
            assert result.projection == "meetings" and result.digest == before["meetings"]
            assert views.stored_version(bumped) == meetings.VERSION + 1
            assert outdated(views, [bumped]) == []
            # Back to the code's version through the command: only that model is rebuilt.
            assert ctevents(["replay", "--outdated", "--json", "--store", store_url]) == 0
            assert list(json_lines(capsys.readouterr().out)) == ["meetings"]
            assert views.stored_version(meetings.MODEL) == meetings.VERSION
            assert digests(views) == before
        finally:
            views.close()


async def test_serve_rebuilds_an_outdated_model_at_start_up(store_url, aiohttp_client):
    with Store(store_url) as store:
        head = generate(store, 400)
        views = open_views(store.location)
        try:
            ProjectionEngine(store, views, MODELS).catch_up()
            expected = digest(views, by_name("people"))
            set_stored_version(views, "people", 0)  # built by "another version" of the code
        finally:
            views.close()
    client = await aiohttp_client(create_app(Settings(store_url=store_url)))
    views = open_views(client.app[STORE].location)
    try:
        deadline = time.monotonic() + WAIT
        while await asyncio.to_thread(views.stored_version, "people") != by_name("people").version:
            assert time.monotonic() < deadline, "serve did not rebuild the outdated model"
            response = await client.get("/people", params={"limit": "1"})
            assert response.status == 200  # the old tables serve meanwhile
            await asyncio.sleep(0.05)
        assert await asyncio.to_thread(views.position, "people") == head
        assert await asyncio.to_thread(digest, views, by_name("people")) == expected
    finally:
        await asyncio.to_thread(views.close)


# --- kill -9 ---------------------------------------------------------------------------------


def test_a_killed_replay_leaves_the_live_model_and_a_rerun_cleans_up(store_url):
    with Store(store_url) as store:
        head = generate(store, 6000)
        views = open_views(store.location)
        try:
            ProjectionEngine(store, views, MODELS).catch_up()
            before = digests(views)
            process = subprocess.Popen(
                [sys.executable, "-m", "ctevents.cli", "replay", "--json", "--store", store_url],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            # Kill as soon as a generation is registered: its tables are being built.
            kill_when(process, lambda: _building(views), WAIT, "the replay registered nothing")
            assert process.returncode == -signal.SIGKILL
            assert digests(views) == before
            assert all(views.position(m) == head for m in MODELS)
            assert _building(views), "nothing was left to clean up: killed too late"

            rerun = subprocess.run(
                [sys.executable, "-m", "ctevents.cli", "replay", "--json", "--store", store_url],
                capture_output=True,
                timeout=WAIT * 3,
            )
            assert rerun.returncode == 0, rerun.stderr.decode()
            replayed = json_lines(rerun.stdout.decode())
            assert {n: line["digest"] for n, line in replayed.items()} == before
            assert listed(views) == []
            assert _generation_tables(views) == []
        finally:
            views.close()


def _building(views) -> bool:
    try:
        return any(g.state == "building" for g in listed(views))
    except Exception:
        return False  # the registry does not exist yet


def _generation_tables(views) -> list[str]:
    """Tables of a generation left behind (prefixes `g…_`, `s…_`, `x…_`)."""
    with views.transaction(commit=False) as cursor:
        if views.kind == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        else:
            cursor.execute(
                "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = %s",
                (views.datastore.schema,),
            )
        names = [r["name"] for r in cursor.fetchall()]
    return [n for n in names if len(n) > 12 and n[0] in "gsx" and n[11] == "_"]
