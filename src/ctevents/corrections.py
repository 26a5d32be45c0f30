"""Corrections to a recorded source, appended as new events: retraction and re-extraction.

Nothing recorded is ever changed or deleted. A retraction appends `SourceRetracted`; a
re-extraction appends `ExtractionSuperseded` followed by the new extractor's facts.
Both are idempotent: repeating them appends nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from ctevents.chain import GENESIS
from ctevents.codec import RecordedEvent
from ctevents.events import (
    Event,
    ExtractionSuperseded,
    Fact,
    SourceRecorded,
    SourceRetracted,
)
from ctevents.extract import EXTRACTOR_VERSION, extract
from ctevents.ingest import Extractor, place_in_stream
from ctevents.store import Store, StreamExists

# A concurrent writer may take the next version first; re-read and try again this often.
_ATTEMPTS = 5


class UnknownSource(LookupError):
    def __init__(self, source_id: str) -> None:
        super().__init__(f"no source {source_id} in the log")
        self.source_id = source_id


@dataclass(frozen=True)
class CorrectionResult:
    source_id: str
    appended: bool
    message: str
    positions: tuple[int, ...] = ()


def _stream_of(store: Store, source_id: str) -> list[RecordedEvent]:
    try:
        stream = store.stream(UUID(source_id))
    except ValueError:
        raise UnknownSource(source_id) from None
    if not stream or not isinstance(stream[0].event, SourceRecorded):
        raise UnknownSource(source_id)
    return stream


def _extend(store: Store, stream: list[RecordedEvent], events: Sequence[Event]) -> list[int]:
    last = stream[-1]
    placed = place_in_stream(
        events,
        stream=last.originator_id,
        first_version=last.originator_version + 1,
        recorded_at=datetime.now(UTC),
        previous_link=last.chain or GENESIS,
    )
    return store.append(placed)


def is_retracted(stream: Sequence[RecordedEvent]) -> bool:
    return any(isinstance(r.event, SourceRetracted) for r in stream)


def current_facts(stream: Sequence[RecordedEvent]) -> list[Fact]:
    """The facts of the newest extraction of a source (older ones stay for audit)."""
    facts: list[Fact] = []
    for recorded in stream:
        if isinstance(recorded.event, ExtractionSuperseded):
            facts = []
        elif isinstance(recorded.event, Fact):
            facts.append(recorded.event)
    return facts


def _comparable(facts: Sequence[Fact]) -> list[tuple[str, dict[str, Any]]]:
    return [(f.type_name, f.model_dump(exclude={"extractor_version"})) for f in facts]


def retract(store: Store, source_id: str, reason: str) -> CorrectionResult:
    """Appends `SourceRetracted` unless the source is already retracted."""
    reason = reason.strip()
    if not reason:
        raise ValueError("a retraction needs a reason")
    for _ in range(_ATTEMPTS):
        stream = _stream_of(store, source_id)
        if is_retracted(stream):
            return CorrectionResult(source_id, False, "already retracted: nothing appended")
        try:
            positions = _extend(
                store, stream, [SourceRetracted(source_id=source_id, reason=reason)]
            )
        except StreamExists:
            continue
        return CorrectionResult(source_id, True, "retracted", tuple(positions))
    raise RuntimeError(f"source {source_id} kept changing while retracting it; try again")


def reextract(
    store: Store,
    source_id: str,
    *,
    extractor: Extractor = extract,
    extractor_version: str = EXTRACTOR_VERSION,
) -> CorrectionResult:
    """Appends the current extractor's facts where they differ from the newest recorded ones."""
    for _ in range(_ATTEMPTS):
        stream = _stream_of(store, source_id)
        if is_retracted(stream):
            return CorrectionResult(source_id, False, "retracted: not re-extracted")
        source = stream[0].event
        assert isinstance(source, SourceRecorded)
        recorded = current_facts(stream)
        fresh = extractor(source.text, source_id=source_id, published_on=source.published_on)
        if _comparable(fresh) == _comparable(recorded):
            return CorrectionResult(source_id, False, "unchanged: nothing appended")
        versions = sorted({f.extractor_version for f in recorded})
        superseded = ExtractionSuperseded(
            source_id=source_id,
            previous_version=",".join(versions) or "none",
            extractor_version=extractor_version,
        )
        try:
            positions = _extend(store, stream, [superseded, *fresh])
        except StreamExists:
            continue
        return CorrectionResult(
            source_id, True, f"re-extracted: {len(fresh)} facts", tuple(positions)
        )
    raise RuntimeError(f"source {source_id} kept changing while re-extracting it; try again")


def source_ids(store: Store) -> list[str]:
    """Every recorded source, in the order it was recorded."""
    ids: list[str] = []
    after = 0
    while True:
        page = store.notifications(after=after, limit=10_000, types=["SourceRecorded"])
        ids.extend(str(n.originator_id) for n in page)
        if len(page) < 10_000:
            return ids
        after = page[-1].id
