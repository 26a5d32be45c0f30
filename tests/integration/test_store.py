"""The store, asserted identically of SQLite and PostgreSQL."""

from __future__ import annotations

import contextvars
import sqlite3
from datetime import datetime
from urllib.parse import parse_qs, urlsplit
from uuid import UUID, uuid4

import psycopg
import pytest
from psycopg import sql

from ctevents.documents import make_document
from ctevents.events import DelegationLed, Evidence, MeetingHeld, source_id_for
from ctevents.ingest import ingest
from ctevents.persistence import PENDING_WRITE, PendingWrite, WriteAbandoned
from ctevents.postgres import schema_channel
from ctevents.store import Store, StoreError, locate
from tests.support.event_samples import NOW, placed, sample_events
from tests.support.postgres import drop_schema, postgres_dsn


def test_every_event_type_round_trips(store_url):
    events = sample_events()
    with Store(store_url) as store:
        positions = store.append(placed(events))
        assert positions == list(range(1, len(events) + 1))
        back = [r for _, r in store.recorded_events()]
    assert [r.event for r in back] == events
    assert all(r.timestamp == NOW for r in back)
    assert [type(r.event) for r in back] == [type(e) for e in events]


def test_positions_are_global_and_survive_reopening(store_url):
    with Store(store_url) as store:
        assert store.head() == 0
        store.append(placed(sample_events()[:2]))
        store.append(placed(sample_events()[2:3]))
    with Store(store_url) as store:
        assert store.head() == 3
        assert [e["position"] for e in store.envelopes(after=1)] == [2, 3]
        assert [e["position"] for e in store.envelopes(after=0, limit=1)] == [1]
        assert [e["position"] for e in store.envelopes(after=0, until=2)] == [1, 2]


def test_type_filter_keeps_global_positions(store_url):
    with Store(store_url) as store:
        store.append(placed(sample_events()))
        types = [e["type"] for e in store.envelopes()]
        only = store.envelopes(types=["MeetingHeld", "DelegationLed"])
        assert [e["type"] for e in only] == [
            t for t in types if t in ("MeetingHeld", "DelegationLed")
        ]
        assert [e["position"] for e in only] == [
            i + 1 for i, t in enumerate(types) if t in ("MeetingHeld", "DelegationLed")
        ]
        with pytest.raises(ValueError, match="unknown event type"):
            store.envelopes(types=["Nope"])


def test_envelope_carries_stream_version_and_payload(store_url):
    document = make_document("India and the Maldives met in Male.", "test")
    with Store(store_url) as store:
        result = ingest(store, document)
        (envelope,) = store.envelopes()
    assert set(envelope) == {"position", "type", "stream", "version", "recorded_at", "data"}
    assert envelope["stream"] == result.source_id == source_id_for(document.text)
    assert envelope["version"] == 1 and envelope["type"] == "SourceRecorded"
    assert envelope["data"]["text"] == document.text
    assert datetime.fromisoformat(envelope["recorded_at"]).tzinfo is not None


def test_ingesting_the_same_text_again_records_nothing(store_url):
    document = make_document("India and France held the 14th meeting.", "test")
    with Store(store_url) as store:
        first = ingest(store, document)
        second = ingest(store, document)
        assert first.recorded and not second.recorded
        assert second.source_id == first.source_id
        assert store.head() == len(first.positions)


def _two_facts(text, *, source_id, published_on):
    evidence = (Evidence(source_id=source_id, start=0, end=5, quote=text[:5]),)
    return [
        MeetingHeld(
            meeting_key="IN-MV/jwg-ct/2",
            mechanism="JWG",
            parties=("IN", "MV"),
            evidence=evidence,
            extractor_version="test",
        ),
        DelegationLed(
            meeting_key="IN-MV/jwg-ct/2",
            party="IN",
            name="Sanjay Verma",
            evidence=evidence,
            extractor_version="test",
        ),
    ]


def _inject_failure_on_second_event(store: Store) -> None:
    """A database trigger that aborts the insert of any stream's second event."""
    if store.kind == "sqlite":
        with sqlite3.connect(store.location.sqlite_path) as conn:
            conn.execute(
                "CREATE TRIGGER injected_failure BEFORE INSERT ON stored_events "
                "WHEN NEW.originator_version = 2 BEGIN SELECT RAISE(ABORT, 'injected'); END"
            )
        return
    env, schema = store.location.env, store.location.postgres_schema
    table = store.recorder.events_table_name  # type: ignore[attr-defined]
    with psycopg.connect(
        host=env["POSTGRES_HOST"],
        port=env["POSTGRES_PORT"],
        dbname=env["POSTGRES_DBNAME"],
        user=env["POSTGRES_USER"],
        autocommit=True,
    ) as conn:
        conn.execute(
            f"CREATE FUNCTION {schema}.fail_second() RETURNS trigger AS $$ BEGIN "
            "IF NEW.originator_version = 2 THEN RAISE EXCEPTION 'injected'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql"
        )
        conn.execute(
            f"CREATE TRIGGER injected_failure BEFORE INSERT ON {schema}.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION {schema}.fail_second()"
        )


def test_a_failure_mid_append_leaves_no_event_of_the_source(store_url):
    document = make_document("India and the Maldives met in Male.", "test")
    with Store(store_url) as store:
        ingest(store, make_document("An earlier statement.", "test"))
        _inject_failure_on_second_event(store)
        with pytest.raises(Exception, match="injected"):
            ingest(store, document, extractor=_two_facts)
        assert store.head() == 1
        assert store.stream(source_id_for(document.text)) == []
        assert [e["type"] for e in store.envelopes()] == ["SourceRecorded"]


def test_a_write_given_up_before_it_commits_records_nothing(store_url):
    """A server that answers 503 to a write still waiting for the store must not record it
    later, when the store answers again; a write already committing is waited for."""
    with Store(store_url) as store:
        given_up = PendingWrite()
        assert given_up.give_up()
        context = contextvars.copy_context()
        context.run(PENDING_WRITE.set, given_up)
        with pytest.raises(WriteAbandoned):
            context.run(store.append, placed(sample_events()[:2]))
        assert store.head() == 0

        waited_for = PendingWrite()
        context = contextvars.copy_context()
        context.run(PENDING_WRITE.set, waited_for)
        assert context.run(store.append, placed(sample_events()[:2])) == [1, 2]
        assert not waited_for.give_up()  # it had begun to commit: its caller must wait
        # Appends without a pending write (the CLI, replay) are as before.
        assert store.append(placed(sample_events()[:1])) == [3]


def test_stream_reads_one_source_in_version_order(store_url):
    document = make_document("India and the Maldives met in Male.", "test")
    with Store(store_url) as store:
        ingest(store, make_document("Another statement.", "test"))
        ingest(store, document, extractor=_two_facts)
        stream = store.stream(source_id_for(document.text))
    assert [type(r.event).__name__ for r in stream] == [
        "SourceRecorded",
        "MeetingHeld",
        "DelegationLed",
    ]
    assert [r.originator_version for r in stream] == [1, 2, 3]
    assert all(r.originator_id == UUID(source_id_for(document.text)) for r in stream)


def test_store_urls_select_the_persistence():
    assert locate("x/ctevents.db").kind == "sqlite"
    assert locate("sqlite:///tmp/a.db").env["SQLITE_DBNAME"] == "/tmp/a.db"
    pg = locate("postgresql://u:p%40ss@db.example:6543/events?schema=s1")
    assert pg.kind == "postgresql"
    assert pg.env["POSTGRES_PASSWORD"] == "p@ss" and pg.env["POSTGRES_PORT"] == "6543"
    assert pg.env["POSTGRES_SCHEMA"] == "s1" and pg.env["POSTGRES_ENABLE_DB_FUNCTIONS"] == "n"
    with pytest.raises(StoreError, match="unsupported store URL"):
        locate("mysql://localhost/x")


def test_postgres_fixture_uses_its_own_schema(postgres_url):
    schema = parse_qs(urlsplit(postgres_url).query)["schema"][0]
    with Store(postgres_url) as store:
        assert store.location.postgres_schema == schema
        store.append(placed(sample_events()[:1]))
        assert store.head() == 1


@pytest.mark.postgres
def test_appends_notify_only_their_own_schema(postgres_url):
    """Servers on two schemas of one database do not wake each other: each schema's
    events table has a channel of its own."""
    dsn = postgres_dsn()
    other_schema = f"ctevents_test_{uuid4().hex[:12]}"
    other_url = f"{dsn}{'&' if '?' in dsn else '?'}schema={other_schema}"
    try:
        with Store(postgres_url) as mine, Store(other_url) as other:
            channel = mine.recorder.channel_name  # type: ignore[attr-defined]
            assert channel != other.recorder.channel_name  # type: ignore[attr-defined]
            with psycopg.connect(dsn, autocommit=True) as listener:
                listener.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))
                other.append(placed(sample_events()[:1]))
                assert list(listener.notifies(timeout=0.5)) == []
                mine.append(placed(sample_events()[:1]))
                heard = next(listener.notifies(timeout=10), None)
                assert heard is not None and heard.channel == channel
    finally:
        drop_schema(dsn, other_schema)


def test_a_long_schema_name_keeps_a_whole_channel_name():
    long = "s" * 70
    channel = schema_channel(long, "ctevents_events")
    assert len(channel.encode()) <= 63
    assert channel != schema_channel(long + "x", "ctevents_events")
    assert schema_channel("ctevents_test_1", "ctevents_events") == (
        "ctevents_test_1_ctevents_events"
    )


def test_each_event_is_linked_into_its_streams_hash_chain(store_url):
    from ctevents.chain import GENESIS, canonical_bytes, link

    document = make_document("India and the Maldives met in Male.", "test")
    with Store(store_url) as store:
        ingest(store, document, extractor=_two_facts)
        stream = store.stream(source_id_for(document.text))
        envelopes = store.envelopes()
    previous = GENESIS
    for recorded, envelope in zip(stream, envelopes, strict=True):
        canonical = canonical_bytes(
            envelope["stream"], envelope["version"], envelope["type"], envelope["data"]
        )
        previous = link(previous, canonical)
        assert recorded.chain == previous
    assert "chain" not in envelopes[0]["data"]
