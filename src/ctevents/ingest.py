"""The write service: a document in, its source stream appended to the log, atomically.

This is the only place that records sources. A source's `SourceRecorded` and every
fact extracted from it are appended in one transaction, so a reader never sees half a
source; the same text always maps to the same stream, so recording it twice (even
by two processes racing) leaves exactly one stream.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from uuid import UUID

from ctevents.chain import GENESIS, canonical_bytes, link
from ctevents.codec import RecordedEvent, payload_state
from ctevents.documents import Document
from ctevents.events import Event, Fact, SourceRecorded, source_id_for, text_sha256
from ctevents.extract import extract
from ctevents.store import Store, StreamExists

Extractor = Callable[..., list[Fact]]


@dataclass(frozen=True)
class IngestResult:
    source_id: str
    recorded: bool  # False: the same text was already in the log
    positions: tuple[int, ...] = ()
    types: tuple[str, ...] = field(default=())


def source_events(
    document: Document, *, received_at: datetime, extractor: Extractor = extract
) -> list[Event]:
    """The events that recording `document` appends: its `SourceRecorded`, then its facts."""
    source_id = source_id_for(document.text)
    recorded = SourceRecorded(
        source_id=source_id,
        sha256=text_sha256(document.text),
        text=document.text,
        title=document.title,
        publisher=document.publisher,
        url=document.url,
        published_on=document.published_on,
        received_at=received_at,
    )
    facts = extractor(document.text, source_id=source_id, published_on=document.published_on)
    return [recorded, *facts]


def place_in_stream(
    events: Sequence[Event],
    *,
    stream: UUID,
    first_version: int,
    recorded_at: datetime,
    previous_link: str = GENESIS,
) -> list[RecordedEvent]:
    """Events as the next versions of `stream`, each linked into the stream's hash chain."""
    placed = []
    for offset, event in enumerate(events):
        version = first_version + offset
        canonical = canonical_bytes(str(stream), version, event.type_name, payload_state(event))
        previous_link = link(previous_link, canonical)
        placed.append(
            RecordedEvent(
                originator_id=stream,
                originator_version=version,
                timestamp=recorded_at,
                event=event,
                chain=previous_link,
            )
        )
    return placed


def ingest(store: Store, document: Document, *, extractor: Extractor = extract) -> IngestResult:
    """Records `document` unless its text is already in the log."""
    source_id = source_id_for(document.text)
    stream = UUID(source_id)
    received_at = datetime.now(UTC)
    events = source_events(document, received_at=received_at, extractor=extractor)
    placed = place_in_stream(events, stream=stream, first_version=1, recorded_at=received_at)
    try:
        positions = store.append(placed)
    except StreamExists:
        return IngestResult(source_id=source_id, recorded=False)
    return IngestResult(
        source_id=source_id,
        recorded=True,
        positions=tuple(positions),
        types=tuple(e.type_name for e in events),
    )
