"""Compact and full rows on the seeds, evidence by reference, the memorandum of meeting 2.

The seeds go through the real extractor; rows are read through the queries (the Python
API) and over HTTP, and checked against the pydantic shapes the OpenAPI document uses.
"""

from __future__ import annotations

import asyncio
from uuid import UUID

import orjson
import pytest
from ctevents.projections import evidence, queries
from ctevents.projections.catalog import MODELS, by_name
from ctevents.projections.digest import digest
from ctevents.projections.schemas import ROW_SHAPES
from ctevents.projections.shapes import COMPACT, FULL
from ctevents.projections.stored import unpack
from ctevents.replay.rebuild import rebuild

from ctevents.documents import read_document
from ctevents.extract import EXTRACTOR_VERSION
from ctevents.ingest import ingest
from ctevents.server import Settings, create_app
from ctevents.server.state import STORE
from tests.support.projection_fixtures import (
    MV_000,
    MV_002,
    meeting_facts,
    projected,
    record,
    retract,
    seeds_projected,
)

pytestmark = pytest.mark.skipif(
    EXTRACTOR_VERSION == "0.0.0", reason="extractor not yet producing facts"
)

MEETING = "IN-MV/jwg-counter-terrorism/2"
COMPACT_MEETING_BYTES = 2048  # "at most ~2 KB a meeting": 1.7 KB on average over the seeds
LARGEST_COMPACT_MEETING_BYTES = 2900  # meeting 2, two sources and its memorandum: 2.7 KB


@pytest.fixture
def seeded(store_url, seeds_dir):
    with seeds_projected(store_url, seeds_dir) as (store, engine, ids):
        yield store, engine.views, ids


def rows(views, name: str, view: str) -> list[dict]:
    return queries.list_rows(views, by_name(name), limit=1000, view=view).items


def test_the_contested_maldivian_leader_in_both_views(seeded):
    _, views, ids = seeded
    both = sorted([ids["000"], ids["002"]])
    compact, _ = queries.get_row(views, by_name("meetings"), MEETING, COMPACT)
    full, _ = queries.get_row(views, by_name("meetings"), MEETING, FULL)
    assert compact["sources"] == full["sources"] == both

    (leader,) = [p for p in compact["leaders"]["MV"] if p["name"].get("contested")]
    assert leader["name"]["value"] is None
    assert {
        (v["value"], compact["sources"][i]) for v in leader["name"]["values"] for i in v["sources"]
    } == {("Ahmed Lathee", ids["000"]), ("Ahmed Latheef", ids["002"])}
    assert b"quote" not in orjson.dumps(compact)

    (leader,) = [p for p in full["leaders"]["MV"] if p["name"]["contested"]]
    quoted = {
        (v["value"], s["source_id"]): [e["quote"] for e in s["evidence"]]
        for v in leader["name"]["values"]
        for s in v["supported_by"]
    }
    assert set(quoted) == {("Ahmed Lathee", ids["000"]), ("Ahmed Latheef", ids["002"])}
    assert any("Ahmed Latheef" in q for q in quoted[("Ahmed Latheef", ids["002"])])
    assert any("Ahmed Lathee" in q for q in quoted[("Ahmed Lathee", ids["000"])])


def test_every_row_has_its_documented_shape_and_compact_meetings_are_small(seeded):
    _, views, _ = seeded
    for model in MODELS:
        compact_shape, full_shape = ROW_SHAPES[model.name]
        compact, full = rows(views, model.name, COMPACT), rows(views, model.name, FULL)
        assert compact and len(compact) == len(full)
        for row in compact:
            compact_shape.model_validate(row)
        for row in full:
            full_shape.model_validate(row)
    meetings = rows(views, "meetings", COMPACT)
    sizes = {m["meeting_key"]: len(orjson.dumps(m)) for m in meetings}
    assert sum(sizes.values()) / len(sizes) <= COMPACT_MEETING_BYTES, sizes
    assert max(sizes.values()) <= LARGEST_COMPACT_MEETING_BYTES, sizes
    full = rows(views, "meetings", FULL)
    assert len(orjson.dumps(full)) > 5 * len(orjson.dumps(meetings))


def _fields(compact, full, path=""):
    """Each (path, compact field, full field) pair of a row, walking both shapes together."""
    if isinstance(full, dict) and "values" in full and "contested" in full:
        yield path, compact, full
    elif isinstance(full, dict):
        for name, child in full.items():
            if isinstance(compact, dict) and name in compact:
                yield from _fields(compact[name], child, f"{path}.{name}")
    elif isinstance(full, list) and isinstance(compact, list) and len(full) == len(compact):
        for i, (c, f) in enumerate(zip(compact, full, strict=True)):
            yield from _fields(c, f, f"{path}.{i}")


def test_compact_counts_sources_instead_of_repeating_corroboration(seeded):
    """Below the row, a value's corroboration is the number of its sources: the same
    distinct live sources, by index, as the full view's `supported_by`."""
    _, views, _ = seeded
    for name in ("meetings", "people"):
        compact, full = rows(views, name, COMPACT), rows(views, name, FULL)
        checked = 0
        for c_row, f_row in zip(compact, full, strict=True):
            assert c_row["corroboration"] == f_row["corroboration"] == len(c_row["sources"])
            for path, c_field, f_field in _fields(c_row, f_row):
                assert b'"corroboration"' not in orjson.dumps(c_field), path
                if not f_field["values"]:
                    assert c_field is None, path
                    continue
                if f_field["contested"]:  # each value its own sources
                    for c_value, f_value in zip(c_field["values"], f_field["values"], strict=True):
                        named = [c_row["sources"][i] for i in c_value["sources"]]
                        assert named == [s["source_id"] for s in f_value["supported_by"]], path
                        assert len(named) == f_value["corroboration"], path
                else:  # the less precise values' sources corroborate too
                    assert len(c_field["sources"]) == f_field["corroboration"], path
                checked += 1
            nested = {k: v for k, v in c_row.items() if k != "corroboration"}
            assert b'"corroboration"' not in orjson.dumps(nested)
        assert checked > 20, name


def test_a_compact_dialogue_lists_its_reported_meetings_and_its_gaps_once(seeded):
    _, views, _ = seeded
    compact, full = rows(views, "dialogues", COMPACT), rows(views, "dialogues", FULL)
    assert any(d["missing_ordinals"] for d in full)
    for c_row, f_row in zip(compact, full, strict=True):
        reported = [m for m in f_row["meetings"] if not m["gap"]]
        gaps = [m["ordinal"] for m in f_row["meetings"] if m["gap"]]
        assert c_row["missing_ordinals"] == f_row["missing_ordinals"] == gaps
        assert [m["meeting_key"] for m in c_row["meetings"]] == [m["meeting_key"] for m in reported]
        assert c_row["meeting_count"] == len(c_row["meetings"])
        for c_meeting, f_meeting in zip(c_row["meetings"], reported, strict=True):
            assert "gap" not in c_meeting
            named = [c_row["sources"][i] for i in c_meeting["sources"]]
            assert named == f_meeting["sources"]
            assert len(named) == f_meeting["corroboration"]


def test_evidence_resolved_from_a_reference_is_the_stored_text_slice(seeded):
    store, views, _ = seeded
    texts, references = {}, {}
    with views.transaction(commit=False) as cursor:
        cursor.execute(f"SELECT id FROM {views.spans_table()}")
        stored = {r["id"] for r in cursor.fetchall()}
        for key in [r["key"] for r in _keys(views, cursor, "sources")]:
            cursor.execute(
                views.sql(f"SELECT row FROM {views.table('sources')} WHERE key = ?"), (key,)
            )
            row = unpack(cursor.fetchone()["row"])
            for fact in row["facts"]:
                references.update(dict.fromkeys(fact["data"]["evidence"], key))
        spans = evidence.lookup(views, cursor, references)
    assert set(references) <= stored and len(references) > 50
    for span_id, source_id in references.items():
        if source_id not in texts:
            texts[source_id] = store.stream(UUID(source_id))[0].event.text
        start, end, quote = spans[span_id]
        assert span_id == evidence.span_id(source_id, start, end)
        assert texts[source_id][start:end] == quote
    # A full row's evidence is what its references resolve to.
    full, _ = queries.get_row(views, by_name("meetings"), MEETING, FULL)
    for value in full["date"]["values"]:
        for support in value["supported_by"]:
            for span in support["evidence"]:
                text = texts[support["source_id"]]
                assert text[span["start"] : span["end"]] == span["quote"]
    for source in rows(views, "sources", FULL):
        for fact in source["facts"]:
            for span in fact["data"]["evidence"]:
                assert span["source_id"] == source["source_id"]
                assert texts[span["source_id"]][span["start"] : span["end"]] == span["quote"]


def _keys(views, cursor, table: str) -> list:
    cursor.execute(f"SELECT key FROM {views.table(table)}")
    return cursor.fetchall()


def test_the_memorandum_signed_at_meeting_2_is_on_meeting_2(seeded):
    _, views, ids = seeded
    meeting, _ = queries.get_row(views, by_name("meetings"), MEETING, FULL)
    (mou,) = meeting["mous"]
    assert mou["subject"]["value"] == "cooperation on immigration matters"
    assert [s["source_id"] for s in mou["supported_by"]] == [ids["002"]]
    assert mou["date"]["value"] == meeting["date"]["value"] == "2023-07-24"
    others = [m for m in rows(views, "meetings", COMPACT) if m["meeting_key"] != MEETING]
    assert not any(m["mous"] for m in others)


# --- over HTTP --------------------------------------------------------------------------------


@pytest.fixture
async def client(store_url, aiohttp_client):
    return await aiohttp_client(create_app(Settings(store_url=store_url)))


async def seed(client, seeds_dir) -> int:
    store = client.app[STORE]
    for path in sorted(seeds_dir.glob("*.txt")):
        await asyncio.to_thread(ingest, store, read_document(path))
    return await asyncio.to_thread(store.head)


async def test_meetings_over_http_compact_by_default_full_on_request(client, seeds_dir):
    head = await seed(client, seeds_dir)
    fresh = {"min_position": str(head), "limit": "1000"}
    compact = await client.get("/meetings", params=fresh, headers={"Accept-Encoding": "gzip"})
    assert compact.status == 200, await compact.text()
    assert compact.headers["Content-Encoding"] == "gzip"
    body = await compact.json()
    assert body["view"] == COMPACT and body["lag"] == 0 and len(body["meetings"]) == 5
    assert b"quote" not in orjson.dumps(body)

    full = await (await client.get("/meetings", params={**fresh, "view": "full"})).json()
    expanded = await (await client.get("/meetings", params={**fresh, "expand": "evidence"})).json()
    assert full["view"] == expanded["view"] == FULL
    assert full["meetings"] == expanded["meetings"]
    assert len(orjson.dumps(full)) > 3 * len(orjson.dumps(body))
    item = await (await client.get(f"/meetings/{MEETING}", params={"view": "full"})).json()
    assert item["item"] in full["meetings"]

    bad = await client.get("/meetings", params={"view": "everything"})
    assert bad.status == 400 and "view" in (await bad.json())["error"]
    # Asking for the evidence is asking for the full view, whatever `view` says.
    both = await client.get("/meetings", params={"view": "compact", "expand": "evidence"})
    assert both.status == 200 and (await both.json())["view"] == FULL


async def test_openapi_describes_rows_with_real_schemas(client):
    document = await (await client.get("/openapi.json")).json()
    schemas = document["components"]["schemas"]
    assert {"Meeting", "CompactMeeting", "Field", "CompactField", "Span"} <= set(schemas)
    ok = document["paths"]["/meetings"]["get"]["responses"]["200"]["content"]
    items = ok["application/json"]["schema"]["properties"]["meetings"]["items"]
    assert {"$ref": "#/components/schemas/CompactMeeting"} in items["anyOf"]
    assert schemas["Meeting"]["properties"]["date"] == {"$ref": "#/components/schemas/Field"}
    parameters = {p["name"] for p in document["paths"]["/people"]["get"]["parameters"]}
    assert {"view", "expand"} <= parameters


def test_people_merge_the_maldivian_leader_as_the_meeting_does(seeded):
    _, views, ids = seeded
    people = by_name("people")
    person, _ = queries.get_row(views, people, "ahmed-lathee", FULL)
    assert person["name"]["contested"] and person["name"]["value"] is None
    assert {
        (v["value"], s["source_id"]) for v in person["name"]["values"] for s in v["supported_by"]
    } == {("Ahmed Lathee", ids["000"]), ("Ahmed Latheef", ids["002"])}
    assert set(person["spellings"]) >= {"Ahmed Lathee", "Ahmed Latheef"}
    assert person["sources"] == sorted([ids["000"], ids["002"]])
    assert [m["meeting_key"] for m in person["meetings"]] == [MEETING]
    assert queries.get_row(views, people, "ahmed-latheef")[0] == person  # the merged person
    names = [p["person_id"] for p in rows(views, "people", COMPACT)]
    assert "ahmed-lathee" in names and "ahmed-latheef" not in names
    # The meeting's leader lists the same two keys as one person.
    meeting, _ = queries.get_row(views, by_name("meetings"), MEETING, COMPACT)
    assert ["ahmed-lathee", "ahmed-latheef"] in [p["person_ids"] for p in meeting["leaders"]["MV"]]


def test_people_merged_and_split_batch_by_batch_as_a_replay_builds_them(store_url):
    people = by_name("people")
    with projected(store_url, batch_size=2) as (store, engine):
        latheef = record(
            store,
            MV_002,
            meeting_facts(
                "Joint Working Group", "2023-07-24", "Ahmed Latheef", "Foreign Secretary"
            ),
        )
        engine.catch_up()
        assert queries.get_row(engine.views, people, "ahmed-latheef")[0] is not None
        lathee = record(
            store,
            MV_000,
            meeting_facts("Joint Working Group", None, "Ahmed Lathee", "Foreign Secretary"),
        )
        engine.catch_up()
        merged, _ = queries.get_row(engine.views, people, "ahmed-lathee", COMPACT)
        assert merged["name"]["contested"] and merged["sources"] == sorted([lathee, latheef])
        assert queries.get_row(engine.views, people, "ahmed-latheef", COMPACT)[0] == merged
        live = digest(engine.views, people)
        assert {r.projection: r.digest for r in rebuild(store, engine.views, [people])} == {
            "people": live
        }
        retract(store, lathee)  # the name that held the two together goes: two people again
        engine.catch_up()
        alone, _ = queries.get_row(engine.views, people, "ahmed-latheef", COMPACT)
        assert alone["name"]["value"] == "Ahmed Latheef" and alone["sources"] == [latheef]
        assert queries.get_row(engine.views, people, "ahmed-lathee")[0] is None
        live = digest(engine.views, people)
        assert rebuild(store, engine.views, [people])[0].digest == live
