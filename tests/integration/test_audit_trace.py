"""Tracing the seeds' India–Maldives meeting 2 to its sources; re-extraction; altered text."""

from __future__ import annotations

import sqlite3

import orjson
import pytest
from ctevents.projections import queries
from ctevents.projections.catalog import by_name
from ctevents.projections.provenance import UnknownField, UnknownMeeting, trace

from ctevents.corrections import reextract
from ctevents.documents import read_document
from ctevents.events import DelegationLed, source_id_for
from ctevents.extract import EXTRACTOR_VERSION, extract
from ctevents.ingest import ingest
from tests.support.cli import ctevents
from tests.support.projection_fixtures import projected, seeds_projected

MEETING = "IN-MV/jwg-counter-terrorism/2"
# Every part of a meeting row a source can assert, as `trace` names its fields.
PARTS = {"mechanism", "parties", "ordinal", "date", "location", "leaders", "condemnations"}
PARTS |= {"mous", "topics", "entities", "attacks", "forums"}


@pytest.fixture
def seeded(store_url, seeds_dir):
    with seeds_projected(store_url, seeds_dir) as (store, engine, ids):
        for path in sorted(seeds_dir.glob("*.txt")):
            assert ids[path.name[:3]] == source_id_for(path.read_text(encoding="utf-8"))
        yield store, engine, ids


def by_field(found):
    return {f["field"]: f for f in found["fields"]}


def test_every_field_of_meeting_2_traces_to_verified_quotes(seeded, seeds_dir):
    store, engine, ids = seeded
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    found = trace(store, engine.views, MEETING)
    assert found["verified"] and found["problems"] == []
    fields = by_field(found)
    assert {name.split(".")[0] for name in fields} >= PARTS
    row, _ = queries.get_row(engine.views, by_name("meetings"), MEETING)
    # Every value the row shows is traced, each to at least one assertion.
    for name in ("mechanism", "parties", "ordinal", "date", "location"):
        assert [v["value"] for v in fields[name]["values"]] == [
            v["value"] for v in row[name]["values"]
        ]
    asserted = 0
    for field in fields.values():
        for value in field["values"]:
            assert value["assertions"], f"{field['field']} = {value['value']} has no source"
            for a in value["assertions"]:
                asserted += 1
                key = next(k for k, v in ids.items() if v == a["source_id"])
                assert key in ("000", "002")
                assert texts[key][a["start"] : a["end"]] == a["quote"]
                assert texts[key][: a["start"]].endswith(a["context"]["before"])
                assert texts[key][a["end"] :].startswith(a["context"]["after"])
                assert len(a["context"]["before"]) <= 60 and len(a["context"]["after"]) <= 60
                assert a["verified"] and a["problems"] == []
                assert a["extractor_version"] == EXTRACTOR_VERSION
                assert isinstance(a["position"], int) and a["recorded_at"]
                assert {"title", "publisher", "url", "published_on"} <= set(a)
                assert a["fact_type"]
    assert asserted >= 20
    assert fields["date"]["value"] == "2023-07-24"
    assert fields["ordinal"]["value"] == 2


def test_the_contested_maldivian_leader_shows_both_sources(seeded):
    store, engine, ids = seeded
    found = trace(store, engine.views, MEETING, "leaders.MV")
    (name,) = [f for f in found["fields"] if f["field"].endswith(".name")]
    assert name["contested"] and name["value"] is None
    assert name["field"] in found["contested_fields"]
    spelled = {
        v["value"]: {(a["source_id"], a["fact_type"]) for a in v["assertions"]}
        for v in name["values"]
    }
    assert spelled == {
        "Ahmed Lathee": {(ids["000"], "DelegationLed")},
        "Ahmed Latheef": {(ids["002"], "DelegationLed")},
    }
    assert all(v["status"] == "contested" for v in name["values"])
    assert all(f["field"].startswith("leaders.MV.") for f in found["fields"])


def test_unknown_meetings_and_fields_are_named(seeded):
    store, engine, _ = seeded
    with pytest.raises(UnknownMeeting, match="no meeting 'XX-YY/none/1'"):
        trace(store, engine.views, "XX-YY/none/1")
    with pytest.raises(UnknownField, match=r"fields: .*leaders"):
        trace(store, engine.views, MEETING, "venue")


def corrected_extractor(text, *, source_id, published_on=None):
    """The real extractor, as a later version that reads the Maldivian leader's name in full."""
    facts = []
    for fact in extract(text, source_id=source_id, published_on=published_on):
        update = {"extractor_version": "99.0.0"}
        if isinstance(fact, DelegationLed) and fact.name == "Ahmed Lathee":
            update["name"] = "Ahmed Latheef"
        facts.append(fact.model_copy(update=update))
    return facts


def test_reextraction_with_a_bumped_version_appends_once(seeded):
    store, engine, ids = seeded
    head = store.head()
    first = reextract(store, ids["000"], extractor=corrected_extractor, extractor_version="99.0.0")
    again = reextract(store, ids["000"], extractor=corrected_extractor, extractor_version="99.0.0")
    assert first.appended and min(first.positions) == head + 1
    assert not again.appended and store.head() == max(first.positions)
    engine.catch_up()
    found = trace(store, engine.views, MEETING, "leaders.MV")
    (name,) = [f for f in found["fields"] if f["field"].endswith(".name")]
    assert not name["contested"] and name["value"] == "Ahmed Latheef"
    (value,) = name["values"]
    versions = {a["source_id"]: a["extractor_version"] for a in value["assertions"]}
    assert versions == {ids["000"]: "99.0.0", ids["002"]: EXTRACTOR_VERSION}
    newer = [a for a in value["assertions"] if a["source_id"] == ids["000"]]
    assert all(a["position"] > head and a["verified"] for a in newer)


def test_an_altered_source_text_is_reported_not_hidden(sqlite_url, seeds_dir):
    with projected(sqlite_url) as (store, engine):
        for path in sorted(seeds_dir.glob("*.txt")):
            ingest(store, read_document(path))
        engine.catch_up()
    # Seed 000 is recorded first: its SourceRecorded is row 1. Change a name in its text.
    with sqlite3.connect(sqlite_url) as db:
        (state,) = db.execute("SELECT state FROM stored_events WHERE rowid = 1").fetchone()
        data = orjson.loads(state)
        assert "Ahmed Lathee" in data["text"]
        data["text"] = data["text"].replace("Ahmed Lathee", "Ahmad Lathee")
        db.execute("UPDATE stored_events SET state = ? WHERE rowid = 1", (orjson.dumps(data),))
    with projected(sqlite_url) as (store, engine):
        found = trace(store, engine.views, MEETING, "leaders.MV")
    assert not found["verified"]
    (name,) = [f for f in found["fields"] if f["field"].endswith(".name")]
    lathee = next(v for v in name["values"] if v["value"] == "Ahmed Lathee")
    assert not lathee["verified"]
    problems = " ".join(p for a in lathee["assertions"] for p in a["problems"])
    assert "not the recorded sha256" in problems and "not the quote" in problems
    latheef = next(v for v in name["values"] if v["value"] == "Ahmed Latheef")
    assert latheef["verified"]  # the other source is untouched

    shown = ctevents("trace", MEETING, "leaders.MV", store=sqlite_url)
    assert shown.returncode == 1
    assert "NOT VERIFIED" in shown.stdout and "NOT VERIFIED" in shown.stderr
