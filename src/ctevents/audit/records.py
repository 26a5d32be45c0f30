"""Reading a source's record and the events at given positions straight from the stored payloads.

Audits decode the stored JSON rather than rebuilding pydantic events: a tampered
payload that no longer validates must still be shown (and reported), not crash the read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from ctevents.codec import CHAIN, RECORDED_AT, type_name_of
from ctevents.store import Store


@dataclass(frozen=True)
class StoredSource:
    """A source as its `SourceRecorded` payload has it, and whether it was retracted since."""

    source_id: str
    text: str
    sha256: str
    title: str | None
    publisher: str | None
    url: str | None
    published_on: str | None
    recorded_at: str | None
    retraction: str | None  # the reason, when the source was retracted

    @property
    def retracted(self) -> bool:
        return self.retraction is not None

    def metadata(self) -> dict[str, Any]:
        return {
            "source_id": self.source_id,
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "published_on": self.published_on,
            "retracted": self.retracted,
        }


def stored_source(store: Store, source_id: str) -> StoredSource | None:
    """The recorded source with this id; None when the log holds no such source."""
    try:
        stream = UUID(str(source_id))
    except ValueError:
        return None
    stored = store.stored_stream(stream)
    if not stored or type_name_of(stored[0].topic) != "SourceRecorded":
        return None
    state = store.mapper.decode_state(stored[0])
    retraction = None
    for event in stored[1:]:
        if type_name_of(event.topic) == "SourceRetracted":
            retraction = str(store.mapper.decode_state(event).get("reason", ""))
            break
    return StoredSource(
        source_id=str(stream),
        text=str(state.get("text", "")),
        sha256=str(state.get("sha256", "")),
        title=state.get("title"),
        publisher=state.get("publisher"),
        url=state.get("url"),
        published_on=state.get("published_on"),
        recorded_at=state.get(RECORDED_AT),
        retraction=retraction,
    )


@dataclass(frozen=True)
class StoredEvent:
    """One event as stored: where it sits, what it says, and when it was recorded."""

    position: int
    stream: str
    version: int
    type: str
    recorded_at: str | None
    data: dict[str, Any]


def events_at(store: Store, positions: Iterable[int]) -> dict[int, StoredEvent]:
    """The stored events at the given positions (a position that holds none is left out)."""
    found: dict[int, StoredEvent] = {}
    for position in sorted(set(positions)):
        page = store.notifications(after=position - 1, limit=1)
        if not page or page[0].id != position:
            continue
        notification = page[0]
        data = store.mapper.decode_state(notification)
        recorded_at = data.pop(RECORDED_AT, None)
        data.pop(CHAIN, None)
        found[position] = StoredEvent(
            position=position,
            stream=str(notification.originator_id),
            version=notification.originator_version,
            type=type_name_of(notification.topic),
            recorded_at=recorded_at,
            data=data,
        )
    return found


def stream_events(store: Store, source_id: str) -> list[StoredEvent]:
    """Every event of a source's stream, with its position, in version order."""
    try:
        stream = UUID(str(source_id))
    except ValueError:
        return []
    found = events_at(store, store.stream_positions(stream))
    return sorted(found.values(), key=lambda e: e.version)
