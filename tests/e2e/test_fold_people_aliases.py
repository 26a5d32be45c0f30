"""A person's other spelling answers the merged person, live and after a replay, on both stores.

On the seeds the meeting merges `Ahmed Lathee` (seed 000) and `Ahmed Latheef` (seed 002)
into one Maldivian leader with a contested name, and `/people` merges them the same way
into the row `ahmed-lathee`; `ahmed-latheef` has contributions but no row of its own.
Asking for it answers the merged person (whose `person_id` says which row it is).
"""

from __future__ import annotations

import asyncio

import pytest
from ctevents.projections import queries
from ctevents.projections.catalog import by_name
from ctevents.projections.digest import digest
from ctevents.projections.shapes import COMPACT, FULL
from ctevents.replay.rebuild import rebuild

from ctevents.documents import read_document
from ctevents.extract import EXTRACTOR_VERSION
from ctevents.ingest import ingest
from ctevents.server import Settings, create_app
from ctevents.server.state import STORE
from tests.support.projection_fixtures import seeds_projected

pytestmark = pytest.mark.skipif(
    EXTRACTOR_VERSION == "0.0.0", reason="extractor not yet producing facts"
)

MERGED, ALIAS = "ahmed-lathee", "ahmed-latheef"


def spellings(row: dict) -> set[str]:
    return set(row["spellings"])


def test_an_alias_answers_the_merged_person(store_url, seeds_dir):
    people = by_name("people")
    with seeds_projected(store_url, seeds_dir) as (store, engine, ids):
        views = engine.views
        keys = [row["person_id"] for row in queries.list_rows(views, people, limit=1000).items]
        assert MERGED in keys and ALIAS not in keys  # one person, one row

        merged, position = queries.get_row(views, people, MERGED, FULL)
        assert merged is not None and spellings(merged) == {"Ahmed Lathee", "Ahmed Latheef"}
        for view in (FULL, COMPACT):
            row, as_of = queries.get_row(views, people, ALIAS, view)
            assert row is not None and row["person_id"] == MERGED and as_of == position
            assert row["sources"] == sorted([ids["000"], ids["002"]])
        full, _ = queries.get_row(views, people, ALIAS, FULL)
        assert full == merged

        # Unknown people stay unknown; side index keys are not people.
        assert queries.get_row(views, people, "nobody-at-all", COMPACT)[0] is None
        side = "~side:IN-MV/jwg-counter-terrorism/2|MV"
        assert queries.get_row(views, people, side, COMPACT)[0] is None

        # A replay builds the same rows, and the alias answers from them alike.
        before = digest(views, people)
        (result,) = rebuild(store, views, [people])
        assert result.digest == before == digest(views, people)
        row, _ = queries.get_row(views, people, ALIAS, FULL)
        assert row == merged


@pytest.fixture
async def client(sqlite_url, aiohttp_client):
    return await aiohttp_client(create_app(Settings(store_url=sqlite_url)))


async def test_an_alias_over_http(client, seeds_dir):
    store = client.app[STORE]
    for path in sorted(seeds_dir.glob("*.txt")):
        await asyncio.to_thread(ingest, store, read_document(path))
    head = await asyncio.to_thread(store.head)
    fresh = {"min_position": str(head)}
    alias = await client.get(f"/people/{ALIAS}", params=fresh)
    assert alias.status == 200, await alias.text()
    body = await alias.json()
    assert body["item"]["person_id"] == MERGED
    merged = await (await client.get(f"/people/{MERGED}", params=fresh)).json()
    assert body["item"] == merged["item"]
    missing = await client.get("/people/nobody-at-all", params=fresh)
    assert missing.status == 404
