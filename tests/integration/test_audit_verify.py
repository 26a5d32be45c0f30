"""`verify` proves a clean log unaltered and finds the first tampered position, on both stores."""

from __future__ import annotations

import sqlite3
import uuid
from urllib.parse import parse_qs, urlsplit

import orjson
import pytest
from ctevents.projections.ledger import Ledger

from ctevents.audit.verify import running_link, verify_log
from ctevents.chain import GENESIS, canonical_bytes, link
from ctevents.corrections import retract
from ctevents.documents import read_document
from ctevents.ingest import ingest
from ctevents.store import Store
from tests.support.cli import ctevents


def record_seeds(url, seeds_dir) -> list[str]:
    with Store(url) as store:
        ids = [ingest(store, read_document(p)).source_id for p in sorted(seeds_dir.glob("*.txt"))]
        retract(store, ids[2], "withdrawn by the publisher")
        ledger = Ledger.open(store, batch_size=7)  # several pages: the running hash spans them
        try:
            assert ledger.catch_up() == store.head()
        finally:
            ledger.close()
    return ids


def verified(url):
    with Store(url) as store:
        ledger = Ledger.open(store)
        try:
            return verify_log(store, ledger.running_hashes, ledger.position())
        finally:
            ledger.close()


def test_a_clean_log_verifies_and_the_ledger_agrees(store_url, seeds_dir):
    record_seeds(store_url, seeds_dir)
    result = verified(store_url)
    assert result.ok, result.as_dict()
    with Store(store_url) as store:
        head = store.head()
        ledger = Ledger.open(store)
        try:
            assert result.events == head and result.ledger_position == head
            assert ledger.running_at(head) == result.running
            # The running hash, recomputed by hand from the stored links.
            running = GENESIS
            for position, recorded in store.recorded_events(limit=head):
                running = running_link(running, position, recorded.chain)
            assert running == result.running
            assert ledger.running_through(head) == running
        finally:
            ledger.close()


def test_verify_command_passes_then_catches_an_edited_event(sqlite_url, seeds_dir):
    record_seeds(sqlite_url, seeds_dir)
    clean = ctevents("verify", store=sqlite_url)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.startswith("verified:")

    with sqlite3.connect(sqlite_url) as db:
        (state,) = db.execute("SELECT state FROM stored_events WHERE rowid = 3").fetchone()
        data = orjson.loads(state)
        quote = data["evidence"][0]["quote"]
        data["evidence"][0]["quote"] = quote.replace("the", "a", 1)
        db.execute("UPDATE stored_events SET state = ? WHERE rowid = 3", (orjson.dumps(data),))
    broken = ctevents("verify", store=sqlite_url)
    assert broken.returncode == 1
    assert broken.stdout.startswith("BROKEN at position 3 ")
    assert "version 3" in broken.stdout and "stream chain" in broken.stdout
    as_json = orjson.loads(ctevents("verify", "--json", store=sqlite_url).stdout)
    assert as_json["ok"] is False and as_json["first_break"]["position"] == 3


def test_a_rewritten_chain_is_caught_by_the_running_hash(sqlite_url, seeds_dir):
    """A forger who edits a name and recomputes the stream's links beats (1), not (2)."""
    record_seeds(sqlite_url, seeds_dir)
    with sqlite3.connect(sqlite_url) as db:
        rows = db.execute(
            "SELECT rowid, originator_id, originator_version, topic, state FROM stored_events "
            "WHERE originator_id = (SELECT originator_id FROM stored_events WHERE rowid = 1) "
            "ORDER BY originator_version"
        ).fetchall()
        previous = GENESIS
        stream = None
        for rowid, originator, version, topic, state in rows:
            data = orjson.loads(state)
            if rowid == 3:
                data["topic"] = data["topic"] + " (edited)"
            recorded_at = data.pop("recorded_at")
            data.pop("chain")
            stream = stream or str(uuid.UUID(originator))
            previous = link(previous, canonical_bytes(stream, version, topic.split(":")[1], data))
            data.update(recorded_at=recorded_at, chain=previous)
            db.execute(
                "UPDATE stored_events SET state = ? WHERE rowid = ?", (orjson.dumps(data), rowid)
            )
    with Store(sqlite_url) as store:
        assert verify_log(store).ok  # the stream chains alone are fooled…
    result = verified(sqlite_url)
    assert not result.ok  # …the ledger is not
    assert result.first_break.position == 3 and result.first_break.check == "running hash"


def test_a_deleted_event_is_caught(sqlite_url, seeds_dir):
    record_seeds(sqlite_url, seeds_dir)
    with sqlite3.connect(sqlite_url) as db:
        db.execute("DELETE FROM stored_events WHERE rowid = 5")
    result = verified(sqlite_url)
    assert not result.ok and result.first_break.position == 5
    assert {b.check for b in result.breaks} == {"stream chain", "running hash"}


@pytest.mark.postgres
def test_verify_catches_an_edited_event_on_postgresql(postgres_url, seeds_dir):
    import psycopg
    from psycopg import sql

    record_seeds(postgres_url, seeds_dir)
    assert verified(postgres_url).ok
    parts = urlsplit(postgres_url)
    schema = parse_qs(parts.query)["schema"][0]
    with psycopg.connect(
        dbname=parts.path.lstrip("/"),
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        autocommit=True,
    ) as db:
        table = sql.Identifier(schema, "ctevents_events")
        (state,) = db.execute(
            sql.SQL("SELECT state FROM {} WHERE notification_id = 3").format(table)
        ).fetchone()
        data = orjson.loads(bytes(state))
        data["meeting_key"] = "IN-MV/jwg-counter-terrorism/3"
        db.execute(
            sql.SQL("UPDATE {} SET state = %s WHERE notification_id = 3").format(table),
            (orjson.dumps(data),),
        )
    result = verified(postgres_url)
    assert not result.ok
    first = result.first_break
    assert (first.position, first.check, first.version) == (3, "stream chain", 3)


def test_project_keeps_the_ledger_that_verify_compares_with(sqlite_url, seeds_dir):
    assert ctevents("ingest", str(seeds_dir), store=sqlite_url).returncode == 0
    before = ctevents("verify", store=sqlite_url)
    assert before.returncode == 0 and "ledger compared up to position 0" in before.stdout
    assert ctevents("project", "--once", store=sqlite_url).returncode == 0
    with Store(sqlite_url) as store:
        head = store.head()
    after = ctevents("verify", store=sqlite_url)
    assert after.returncode == 0 and f"ledger compared up to position {head}" in after.stdout
