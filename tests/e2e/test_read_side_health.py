"""A read model that fails is reported: `/healthz` degraded (503) naming it and its lag,
`ctevents status` the same with exit status 1; on both stores.

Two ways a model fails today: rows it cannot write (a NUL in PostgreSQL text, a write
refused on SQLite), which keeps it behind the log, and events recorded as failures.
"""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from ctevents.projections.catalog import MODELS
from ctevents.projections.failures import record_failure
from ctevents.projections.views import open_views, views_path

from ctevents.documents import Document
from ctevents.ingest import ingest
from ctevents.server import Settings
from ctevents.server.read_models import READ_SIDE
from ctevents.server.state import STORE
from ctevents.store import Store, locate
from tests.support.feed_fixtures import served
from tests.support.projection_fixtures import record_maldives_pair

ROOT = Path(__file__).resolve().parents[2]
TEXT = "India and the Maldives condemned terrorism in all its forms."


def _break_sources_writes(store_url: str) -> None:
    """SQLite: the `sources` rows can no longer be written, as on a full disk."""
    path = views_path(locate(store_url).sqlite_path)  # type: ignore[arg-type]
    with sqlite3.connect(path) as db:
        for op in ("INSERT", "UPDATE"):
            db.execute(
                f"CREATE TRIGGER refuse_{op.lower()} BEFORE {op} ON sources "
                "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
            )


def _unwritable_source(store: Store) -> None:
    """A source the `sources` model cannot store: PostgreSQL text holds no NUL.

    The door refuses such a document now; this one is recorded beneath the door, as
    logs written before it may hold.
    """
    result = ingest(store, Document(text=TEXT, publisher="a\x00b"))
    assert result.recorded


async def _health(session, url: str) -> tuple[int, dict]:
    async with session.get(f"{url}/healthz") as r:
        return r.status, await r.json()


async def test_a_model_that_cannot_write_is_reported_and_the_others_stay_current(
    store_url: str, session
) -> None:
    settings = Settings(store_url=store_url, stall_after=1.0)
    async with served(settings) as (app, url):
        store = app[STORE]
        if store.kind == "sqlite":
            await asyncio.to_thread(_break_sources_writes, store_url)
            await asyncio.to_thread(record_maldives_pair, store)
        else:
            await asyncio.to_thread(_unwritable_source, store)
        head = await asyncio.to_thread(store.head)
        others = [m.name for m in MODELS if m.name != "sources"]
        engine = app[READ_SIDE].engine
        assert await asyncio.to_thread(engine.wait_for, head, 20, others)
        async with asyncio.timeout(30):
            while True:
                status, body = await _health(session, url)
                if body["status"] == "degraded":
                    break
                await asyncio.sleep(0.3)
    assert status == 503
    (failing,) = body["failing"]
    assert failing["projection"] == "sources"
    # The engine records the refused write and retries it (past `stall_after` the model is
    # also seen not moving); after its last attempt, the database taking other writes, it
    # skips the event. A loaded machine may show either: the model is named in both, and
    # while it retries, with how far behind it is.
    if "could not be folded" in failing["reason"]:
        assert failing["last_failure"]["state"] == "skipped"
        assert "write failed" in failing["last_failure"]["error"]
    else:
        assert failing["lag"] > 0
        assert "retrying position" in failing["reason"] or "not moving" in failing["reason"]
    positions = {
        p["projection"]: p["position"] for p in body["projections"]["read_models"]["projections"]
    }
    assert all(positions[name] == head for name in others), positions
    assert body["store"]["reachable"] is True


def test_recorded_failures_make_healthz_degraded_and_status_exit_1(store_url, seeds_dir):
    subprocess.run(
        [sys.executable, "-m", "ctevents.cli", "ingest", str(seeds_dir), "--store", store_url],
        check=True, capture_output=True, cwd=ROOT,
    )  # fmt: skip
    store = Store(store_url)
    views = open_views(store.location)
    try:
        views.ensure(MODELS)
        # What the engine records for an event it cannot fold (projections.engine).
        with views.transaction(commit=True) as cursor:
            record_failure(views, cursor, "people", 3, "ValueError: a name it cannot read")
            views.record_position(cursor, "people", 3)
    finally:
        views.close()
        store.close()

    status = subprocess.run(
        [sys.executable, "-m", "ctevents.cli", "status", "--json", "--store", store_url],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert status.returncode == 1, status.stderr
    report = orjson.loads(status.stdout)
    assert report["status"] == "degraded"
    (failing,) = report["failing"]
    assert failing["projection"] == "people" and failing["last_failure"]["position"] == 3
    text = subprocess.run(
        [sys.executable, "-m", "ctevents.cli", "status", "--store", store_url],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert text.returncode == 1 and "FAILING people" in text.stdout


async def test_healthz_names_recorded_failures(store_url: str, session) -> None:
    async with served(Settings(store_url=store_url)) as (app, url):
        await asyncio.to_thread(record_maldives_pair, app[STORE])
        head = await asyncio.to_thread(app[STORE].head)
        assert await asyncio.to_thread(app[READ_SIDE].engine.wait_for, head, 20)
        status, body = await _health(session, url)
        assert status == 200 and body["status"] == "ok" and body["failing"] == []
        views = app[READ_SIDE].views

        def fail_once() -> None:
            with views.transaction(commit=True) as cursor:
                record_failure(views, cursor, "meetings", head, "KeyError: 'parties'")

        await asyncio.to_thread(fail_once)
        status, body = await _health(session, url)
    assert status == 503 and body["status"] == "degraded"
    (failing,) = body["failing"]
    assert failing["projection"] == "meetings" and failing["failures"] == 1
    assert failing["last_failure"]["error"] == "KeyError: 'parties'"


@pytest.mark.parametrize("command", ["status", "verify", "events", "digest meetings"])
def test_read_only_commands_refuse_a_store_that_does_not_exist(tmp_path, command) -> None:
    missing = tmp_path / "typo.db"
    result = subprocess.run(
        [sys.executable, "-m", "ctevents.cli", *command.split(), "--store", str(missing)],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no store at" in result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing was created
