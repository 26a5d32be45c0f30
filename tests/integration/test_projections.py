"""The read models on hand-built sources, asserted identically of SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time

from ctevents.projections import queries
from ctevents.projections.catalog import MODELS, by_name
from ctevents.projections.digest import digest
from ctevents.projections.engine import ProjectionEngine
from ctevents.projections.failures import failures
from ctevents.projections.model import ReadModel
from ctevents.projections.views import open_views

from ctevents.events import DelegationLed, MeetingHeld
from tests.support.projection_fixtures import (
    MEETING_KEY,
    VERSION,
    evidence,
    jwg,
    projected,
    record,
    record_maldives_pair,
    reextract,
    retract,
)

MEETINGS, DIALOGUES, PEOPLE, SOURCES = (
    by_name(n) for n in ("meetings", "dialogues", "people", "sources")
)


def meeting(views, key=MEETING_KEY):
    row, _ = queries.get_row(views, MEETINGS, key)
    return row


def test_one_meeting_merged_from_two_sources(store_url):
    with projected(store_url) as (store, engine):
        first, second = record_maldives_pair(store)
        engine.catch_up()
        row = meeting(engine.views)
    assert row["sources"] == sorted([first, second])
    assert row["corroboration"] == 2
    # Spelling variants of the mechanism are one value, corroborated by both.
    assert row["mechanism"]["corroboration"] == 2 and not row["mechanism"]["contested"]
    # One source gives a date, the other none: the date, no contest.
    assert row["date"]["value"] == "2023-07-24" and not row["date"]["contested"]
    # The Maldivian leader is spelled two ways: contested, both kept with their sources.
    (maldivian,) = row["leaders"]["MV"]
    assert maldivian["name"]["contested"]
    assert {
        (v["value"], v["supported_by"][0]["source_id"]) for v in maldivian["name"]["values"]
    } == {("Ahmed Lathee", first), ("Ahmed Latheef", second)}
    quotes = {v["supported_by"][0]["evidence"][0]["quote"] for v in maldivian["name"]["values"]}
    assert quotes == {"Ahmed Lathee", "Ahmed Latheef"}
    # The more precise title wins without a contest; the vaguer one is kept.
    assert maldivian["title"]["value"] == "Foreign Secretary of Maldives"
    assert [v["status"] for v in maldivian["title"]["values"]] == ["chosen", "less precise"]
    assert row["contested"] and row["contested_fields"] == ["leaders.MV.0.name"]
    (indian,) = row["leaders"]["IN"]
    assert indian["name"]["value"] == "Sanjay Verma" and indian["name"]["corroboration"] == 2


def test_retraction_lowers_corroboration_and_resolves_the_contest(store_url):
    with projected(store_url) as (store, engine):
        first, second = record_maldives_pair(store)
        engine.catch_up()
        retract(store, second, "wrong meeting")
        engine.catch_up()
        row = meeting(engine.views)
        source, _ = queries.get_row(engine.views, SOURCES, second)
        latheef, _ = queries.get_row(engine.views, PEOPLE, "ahmed-latheef")
    assert row["corroboration"] == 1 and row["sources"] == [first]
    assert row["retracted_sources"] == [second]
    assert row["leaders"]["MV"][0]["name"]["value"] == "Ahmed Lathee"
    assert not row["contested"]
    assert row["date"]["value"] is None  # only the retracted source gave one
    assert source["retracted"] and source["retraction"]["reason"] == "wrong meeting"
    assert latheef is None


def test_retracting_every_source_removes_the_meeting(store_url):
    with projected(store_url) as (store, engine):
        first, second = record_maldives_pair(store)
        retract(store, first)
        retract(store, second)
        engine.catch_up()
        assert meeting(engine.views) is None
        assert queries.list_rows(engine.views, SOURCES).items[0]["retracted"]


def test_only_the_newest_extraction_counts(store_url):
    with projected(store_url) as (store, engine):
        _, second = record_maldives_pair(store)
        engine.catch_up()
        text = store.stream(second)[0].event.text
        corrected = DelegationLed(
            meeting_key=MEETING_KEY,
            party="MV",
            name="Ahmed Lathee",
            title="Foreign Secretary",
            evidence=evidence(text, "Ahmed Latheef", second)[:1],
            extractor_version="10.0.0",
        )
        reextract(store, second, "10.0.0", [corrected])
        engine.catch_up()
        row = meeting(engine.views)
        source, _ = queries.get_row(engine.views, SOURCES, second)
    (maldivian,) = row["leaders"]["MV"]
    assert maldivian["name"]["value"] == "Ahmed Lathee"
    assert maldivian["name"]["corroboration"] == 2
    # The new extraction of `second` no longer names the Indian leader: only `first` does.
    assert row["leaders"]["IN"][0]["name"]["corroboration"] == 1
    assert row["mechanism"]["corroboration"] == 1
    assert source["extractor_versions"] == ["10.0.0"]
    assert source["superseded"][0]["previous_version"] == VERSION


def test_a_dialogue_shows_its_meetings_in_order_with_gaps(store_url):
    with projected(store_url) as (store, engine):
        for ordinal, place in ((4, "Delhi"), (1, "Male")):
            record(store, *jwg(ordinal, next_in=place))
        engine.catch_up()
        (row,) = queries.list_rows(engine.views, DIALOGUES, {"party": "MV"}).items
    assert row["dialogue_key"] == "IN-MV/jwg-counter-terrorism"
    assert row["missing_ordinals"] == [2, 3]
    assert [(m["ordinal"] if m["gap"] else m["ordinal"]["value"]) for m in row["meetings"]] == [
        1,
        2,
        3,
        4,
    ]
    assert [m["gap"] for m in row["meetings"]] == [False, True, True, False]
    # The latest announcement is the one made at the latest meeting, not the last recorded.
    assert row["next_meeting"]["location"]["value"] == "Delhi"
    assert row["next_meeting"]["announced_at"] == "IN-MV/jwg-counter-terrorism/4"


def test_people_are_matched_across_spellings(store_url):
    with projected(store_url) as (store, engine):
        record(store, *jwg(1, leader="Shri Sanjay Verma"))
        record(store, *jwg(2, leader="Sanjay VERMA"))
        engine.catch_up()
        row, _ = queries.get_row(engine.views, PEOPLE, "sanjay-verma")
    assert row["spellings"] == ["Sanjay VERMA", "Shri Sanjay Verma"]
    assert [m["meeting_key"] for m in row["meetings"]] == [
        "IN-MV/jwg-counter-terrorism/1",
        "IN-MV/jwg-counter-terrorism/2",
    ]
    assert row["sides"] == ["IN"]


def test_lists_filter_and_page_in_a_stable_order(store_url):
    with projected(store_url) as (store, engine):
        for ordinal in range(1, 6):
            record(store, *jwg(ordinal))
        record_maldives_pair(store)
        engine.catch_up()
        views = engine.views
        first = queries.list_rows(views, MEETINGS, limit=2)
        second = queries.list_rows(views, MEETINGS, after=first.next_after, limit=2)
        rest = queries.list_rows(views, MEETINGS, after=second.next_after, limit=10)
        contested = queries.list_rows(views, MEETINGS, {"contested": "true"})
        in_2023 = queries.list_rows(views, MEETINGS, {"year": "2023", "party": "mv"})
        by_mechanism = queries.list_rows(views, MEETINGS, {"mechanism": "counter-terrorism"})
        nobody = queries.list_rows(views, MEETINGS, {"party": "US"})
        head = store.head()
    keys = [r["meeting_key"] for p in (first, second, rest) for r in p.items]
    assert keys == sorted(keys) and len(keys) == 6 and rest.next_after is None
    assert first.as_of_position == head
    assert [r["meeting_key"] for r in contested.items] == [MEETING_KEY]
    assert [r["meeting_key"] for r in in_2023.items] == [MEETING_KEY]
    assert [r["meeting_key"] for r in by_mechanism.items] == [MEETING_KEY]
    assert nobody.items == []


def test_a_failing_event_is_recorded_and_passed_not_retried(store_url):
    def explode(source, event, position):
        if event.ordinal == 2:
            raise ValueError("no second meetings here")
        source.contribution(event.meeting_key, position)["ordinal"] = event.ordinal

    fragile = ReadModel(
        name="fragile",
        version=1,
        key="meeting_key",
        handlers={MeetingHeld: explode},
        build=lambda key, contributions: {"meeting_key": key},
    )
    with projected(store_url) as (store, _):
        for ordinal in (1, 2, 3):
            record(store, *jwg(ordinal))
        views = open_views(store.location)
        try:
            engine = ProjectionEngine(store, views, [fragile])
            engine.catch_up()
            engine.catch_up()  # a second run does not fail again
            rows = queries.list_rows(views, fragile).items
            found = failures(views, "fragile")
            status = queries.status(store, views, [fragile])
        finally:
            views.close()
    assert [r["meeting_key"] for r in rows] == [
        "IN-MV/jwg-counter-terrorism/1",
        "IN-MV/jwg-counter-terrorism/3",
    ]
    assert len(found) == 1 and "no second meetings here" in found[0]["error"]
    assert status["projections"][0]["failures"] == 1
    assert status["projections"][0]["lag"] == 0


def test_batch_size_does_not_change_the_model(store_url):
    with projected(store_url, batch_size=1) as (store, engine):
        record_maldives_pair(store)
        for ordinal in (1, 3):
            record(store, *jwg(ordinal, next_in="Male"))
        engine.catch_up()
        one_by_one = {m.name: digest(engine.views, m) for m in MODELS}
    with projected(store_url, prefix="whole_") as (store, engine):
        engine.catch_up()
        in_one_batch = {m.name: digest(engine.views, m) for m in MODELS}
    assert one_by_one == in_one_batch


def test_read_your_writes_with_min_position(store_url):
    with projected(store_url) as (store, engine):
        stop = threading.Event()
        runner = threading.Thread(target=engine.run_forever, args=(stop, 0.05))
        runner.start()
        try:
            first, _ = record_maldives_pair(store)
            position = store.head()
            started = time.monotonic()
            reached = queries.wait_for_position(engine.views, MEETINGS, position, timeout=5)
            waited = time.monotonic() - started
            row = meeting(engine.views)
            assert engine.wait_for(position, timeout=5)
        finally:
            stop.set()
            runner.join(timeout=10)
    assert reached >= position and waited < 5
    assert row is not None and first in row["sources"]


def test_waiting_for_a_position_not_reached_is_bounded(store_url):
    with projected(store_url) as (_, engine):
        started = time.monotonic()
        reached = queries.wait_for_position(engine.views, MEETINGS, 10, timeout=0.3)
    assert reached == 0 and time.monotonic() - started < 2
