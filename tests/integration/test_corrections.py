"""Retraction and re-extraction append new events and never change recorded ones."""

from __future__ import annotations

import pytest

from ctevents.corrections import UnknownSource, current_facts, reextract, retract
from ctevents.documents import make_document
from ctevents.events import DelegationLed, Evidence, ExtractionSuperseded, SourceRetracted
from ctevents.ingest import ingest
from ctevents.store import Store
from tests.support.cli import ctevents

TEXT = "The Indian delegation was led by Sanjay Verma."


def leaders(version: str, *names: str):
    def extractor(text, *, source_id, published_on):
        return [
            DelegationLed(
                meeting_key="IN-MV/jwg/2",
                party="IN",
                name=name,
                evidence=(Evidence(source_id=source_id, start=0, end=3, quote=text[:3]),),
                extractor_version=version,
            )
            for name in names
        ]

    return extractor


def test_retraction_is_appended_once(store_url):
    with Store(store_url) as store:
        source_id = ingest(store, make_document(TEXT, "t")).source_id
        head = store.head()
        first = retract(store, source_id, "duplicate wire copy")
        second = retract(store, source_id, "again")
        assert first.appended and first.positions == (head + 1,)
        assert not second.appended and "already retracted" in second.message
        stream = store.stream(source_id)
    assert [type(r.event) for r in stream].count(SourceRetracted) == 1
    assert stream[-1].event == SourceRetracted(source_id=source_id, reason="duplicate wire copy")


def test_retracting_an_unknown_source_or_without_reason_fails(sqlite_url):
    with Store(sqlite_url) as store:
        with pytest.raises(UnknownSource, match="no source"):
            retract(store, "6ea06fa0-5c7c-506d-9ffe-78fa7547c56b", "x")
        with pytest.raises(UnknownSource):
            retract(store, "not-a-uuid", "x")
        source_id = ingest(store, make_document(TEXT, "t")).source_id
        with pytest.raises(ValueError, match="needs a reason"):
            retract(store, source_id, "  ")
        assert store.head() == 1


def test_reextraction_appends_only_what_changed_and_only_once(store_url):
    with Store(store_url) as store:
        source_id = ingest(store, make_document(TEXT, "t"), extractor=leaders("1", "A")).source_id
        same = reextract(store, source_id, extractor=leaders("2", "A"), extractor_version="2")
        assert not same.appended and "unchanged" in same.message

        changed = reextract(
            store, source_id, extractor=leaders("2", "A", "B"), extractor_version="2"
        )
        again = reextract(store, source_id, extractor=leaders("2", "A", "B"), extractor_version="2")
        assert changed.appended and len(changed.positions) == 3
        assert not again.appended
        stream = store.stream(source_id)
    superseded = [r.event for r in stream if isinstance(r.event, ExtractionSuperseded)]
    assert superseded == [
        ExtractionSuperseded(source_id=source_id, previous_version="1", extractor_version="2")
    ]
    assert [f.name for f in current_facts(stream)] == ["A", "B"]
    # the first extraction is still in the log, untouched
    assert [r.event.name for r in stream if isinstance(r.event, DelegationLed)] == ["A", "A", "B"]


def test_retract_and_reextract_commands(sqlite_url, seeds_dir):
    assert ctevents("ingest", str(seeds_dir), store=sqlite_url).returncode == 0
    with Store(sqlite_url) as store:
        source_id = store.envelopes(limit=1)[0]["stream"]
    first = ctevents("retract", source_id, "--reason", "withdrawn by publisher", store=sqlite_url)
    assert first.returncode == 0 and "retracted at position" in first.stdout
    second = ctevents("retract", source_id, "--reason", "again", store=sqlite_url)
    assert second.returncode == 0 and "already retracted" in second.stdout
    missing = ctevents(
        "retract", "6ea06fa0-0000-0000-0000-000000000000", "--reason", "x", store=sqlite_url
    )
    assert missing.returncode == 1 and "no source" in missing.stderr

    everything = ctevents("reextract", "--all", store=sqlite_url)
    assert everything.returncode == 0, everything.stderr
    assert "0 re-extracted, 5 unchanged, 0 unknown" in everything.stdout
    assert ctevents("reextract", store=sqlite_url).returncode == 2
