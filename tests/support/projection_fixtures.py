"""Helpers for the projection tests: sources with hand-built facts, recorded through ingest.

Facts are built here rather than extracted so that the folds and merge rules are
tested on exactly the disagreements they must handle, independent of the extractor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from ctevents.projections.catalog import MODELS
from ctevents.projections.engine import ProjectionEngine
from ctevents.projections.views import open_views

from ctevents.codec import RecordedEvent
from ctevents.documents import Document, read_document
from ctevents.events import (
    DelegationLed,
    Evidence,
    ExtractionSuperseded,
    Fact,
    MeetingHeld,
    NextMeetingScheduled,
    SourceRetracted,
)
from ctevents.ingest import ingest
from ctevents.store import Store

VERSION = "9.9.9"
FactMaker = Callable[[str, str], list[Fact]]


def evidence(text: str, quote: str, source_id: str) -> tuple[Evidence, ...]:
    """Every passage of `text` that reads `quote`, as evidence."""
    spans, start = [], text.find(quote)
    while start >= 0:
        spans.append(
            Evidence(source_id=source_id, start=start, end=start + len(quote), quote=quote)
        )
        start = text.find(quote, start + 1)
    assert spans, f"{quote!r} is not in the text"
    return tuple(spans)


def record(store: Store, text: str, facts: FactMaker, **metadata: Any) -> str:
    """Ingests `text` with `facts(text, source_id)` as its extraction; returns the source id."""

    def extractor(text: str, *, source_id: str, published_on: object = None) -> list[Fact]:
        return facts(text, source_id)

    result = ingest(store, Document(text=text, **metadata), extractor=extractor)
    assert result.recorded
    return result.source_id


def append_to(store: Store, source_id: str, *events: Any) -> list[int]:
    """Appends events to a source's stream after its last version."""
    version = len(store.stream(source_id))
    now = datetime.now(UTC)
    return store.append(
        [
            RecordedEvent(UUID(source_id), version + i + 1, now, event)
            for i, event in enumerate(events)
        ]
    )


def retract(store: Store, source_id: str, reason: str = "withdrawn") -> list[int]:
    return append_to(store, source_id, SourceRetracted(source_id=source_id, reason=reason))


def reextract(store: Store, source_id: str, new_version: str, facts: list[Fact]) -> list[int]:
    superseded = ExtractionSuperseded(
        source_id=source_id, previous_version=VERSION, extractor_version=new_version
    )
    return append_to(store, source_id, superseded, *facts)


@contextmanager
def projected(
    url: str, *, batch_size: int = 500, prefix: str = ""
) -> Iterator[tuple[Store, ProjectionEngine]]:
    """A store and an engine over all read models (not yet caught up)."""
    with Store(url) as store:
        views = open_views(store.location, prefix=prefix)
        try:
            yield store, ProjectionEngine(store, views, MODELS, batch_size=batch_size)
        finally:
            views.close()


@contextmanager
def seeds_projected(
    url: str, seeds_dir: Path
) -> Iterator[tuple[Store, ProjectionEngine, dict[str, str]]]:
    """The seeds recorded and folded; each seed's source id by its number (`"002"`)."""
    with projected(url) as (store, engine):
        ids = {}
        for path in sorted(seeds_dir.glob("*.txt")):
            ids[path.name[:3]] = ingest(store, read_document(path)).source_id
        engine.catch_up()
        yield store, engine, ids


# --- the India–Maldives meeting as two sources report it ---------------------------------

MV_000 = (
    "The 2nd meeting of the India-Maldives Joint Working Group on Counter Terrorism was held "
    "in Male. The Maldivian side was led by Mr. Ahmed Lathee, Foreign Secretary. The Indian "
    "side was led by Shri Sanjay Verma, Secretary (West)."
)
MV_002 = (
    "date 2023-07-25 The 2nd meeting of the Joint Working Group on Counter-Terrorism between "
    "India and Maldives was held on Monday in Male. The Maldivian delegation was led by Ahmed "
    "Latheef, Foreign Secretary of Maldives; the Indian by Sanjay Verma, Secretary (West)."
)
MEETING_KEY = "IN-MV:jwg-ct:2"


def meeting_facts(mechanism: str, date: str | None, mv_leader: str, mv_title: str) -> FactMaker:
    def facts(text: str, source_id: str) -> list[Fact]:
        def ev(quote: str) -> tuple[Evidence, ...]:
            return evidence(text, quote, source_id)

        return [
            MeetingHeld(
                meeting_key=MEETING_KEY,
                mechanism=mechanism,
                parties=("IN", "MV"),
                ordinal=2,
                date=date,
                location="Male",
                evidence=ev(mechanism),
                extractor_version=VERSION,
            ),
            DelegationLed(
                meeting_key=MEETING_KEY,
                party="MV",
                name=mv_leader,
                title=mv_title,
                evidence=ev(mv_leader),
                extractor_version=VERSION,
            ),
            DelegationLed(
                meeting_key=MEETING_KEY,
                party="IN",
                name="Sanjay Verma",
                title="Secretary (West)",
                evidence=ev("Sanjay Verma"),
                extractor_version=VERSION,
            ),
        ]

    return facts


def record_maldives_pair(store: Store) -> tuple[str, str]:
    first = record(
        store,
        MV_000,
        meeting_facts(
            "Joint Working Group on Counter Terrorism", None, "Ahmed Lathee", "Foreign Secretary"
        ),
    )
    second = record(
        store,
        MV_002,
        meeting_facts(
            "Joint Working Group on Counter-Terrorism",
            "2023-07-24",
            "Ahmed Latheef",
            "Foreign Secretary of Maldives",
        ),
        publisher="PSM",
    )
    return first, second


def jwg(ordinal: int, *, next_in: str | None = None, leader: str = "Sanjay Verma"):
    key = f"IN-MV/jwg-counter-terrorism/{ordinal}"
    text = f"The meeting number {ordinal} of the Joint Working Group was led by {leader}."
    if next_in:
        text += f" The next meeting will be held in {next_in}."

    def facts(text: str, source_id: str):
        found = [
            MeetingHeld(
                meeting_key=key,
                mechanism="Joint Working Group",
                parties=("IN", "MV"),
                ordinal=ordinal,
                evidence=evidence(text, "Joint Working Group", source_id),
                extractor_version=VERSION,
            ),
            DelegationLed(
                meeting_key=key,
                party="IN",
                name=leader,
                evidence=evidence(text, leader, source_id),
                extractor_version=VERSION,
            ),
        ]
        if next_in:
            found.append(
                NextMeetingScheduled(
                    meeting_key=key,
                    mechanism=None,
                    parties=("IN", "MV"),
                    location=next_in,
                    date="2025",
                    evidence=evidence(text, next_in, source_id),
                    extractor_version=VERSION,
                )
            )
        return found

    return text, facts
