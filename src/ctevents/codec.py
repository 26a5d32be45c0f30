"""How events are serialised in the store: orjson, through eventsourcing's own mapper seam.

The stored state of an event is its payload as JSON with one extra key, `recorded_at`.
Readers that only need the wire envelope (the feed) decode it with orjson alone;
readers that need typed events rebuild them with pydantic's validation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import orjson
from eventsourcing.persistence import Mapper, StoredEvent, Transcoder
from eventsourcing.utils import get_topic, resolve_topic

from ctevents.events import Event

RECORDED_AT = "recorded_at"
CHAIN = "chain"  # the event's link in its stream's hash chain (see ctevents.chain)


@dataclass(frozen=True)
class Recorded:
    """An event as placed in the log: its stream, its version there, when it was recorded.

    The attribute names are the ones eventsourcing's domain-event protocol asks for.
    """

    originator_id: UUID
    originator_version: int
    timestamp: datetime
    event: Event
    chain: str | None = None

    @property
    def stream(self) -> str:
        return str(self.originator_id)


def payload_state(event: Event) -> dict[str, Any]:
    """An event's payload as the JSON values it is stored as (what readers decode)."""
    # Python mode: orjson encodes dates, datetimes and tuples itself, and faster.
    return orjson.loads(orjson.dumps(event.model_dump()))


class OrjsonTranscoder(Transcoder):
    """JSON bytes via orjson (UUIDs, dates and datetimes natively, tuples as arrays)."""

    def encode(self, obj: Any) -> bytes:
        return orjson.dumps(obj)

    def decode(self, data: bytes) -> Any:
        return orjson.loads(data)


class PydanticMapper(Mapper[UUID]):
    """Maps `Recorded` pydantic events to stored events and back, validating on the way in."""

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        recorded: Recorded = domain_event
        state = recorded.event.model_dump()
        state[RECORDED_AT] = recorded.timestamp
        if recorded.chain is not None:
            state[CHAIN] = recorded.chain
        stored_state = self.transcoder.encode(state)
        if self.compressor:
            stored_state = self.compressor.compress(stored_state)
        if self.cipher:
            stored_state = self.cipher.encrypt(stored_state)
        return StoredEvent(
            originator_id=recorded.originator_id,
            originator_version=recorded.originator_version,
            topic=get_topic(type(recorded.event)),
            state=stored_state,
        )

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        state = self.decode_state(stored_event)
        timestamp = datetime.fromisoformat(state.pop(RECORDED_AT))
        chain = state.pop(CHAIN, None)
        event_class: type[Event] = resolve_topic(stored_event.topic)
        originator_id = stored_event.originator_id
        return Recorded(
            originator_id=originator_id if isinstance(originator_id, UUID) else UUID(originator_id),
            originator_version=stored_event.originator_version,
            timestamp=timestamp,
            event=event_class.model_validate(state),
            chain=chain,
        )

    def decode_state(self, stored_event: StoredEvent) -> dict[str, Any]:
        """The stored payload as plain JSON values, `recorded_at` included."""
        stored_state = stored_event.state
        if self.cipher:
            stored_state = self.cipher.decrypt(stored_state)
        if self.compressor:
            stored_state = self.compressor.decompress(stored_state)
        state: dict[str, Any] = self.transcoder.decode(stored_state)
        return state


def type_name_of(topic: str) -> str:
    """`ctevents.events:MeetingHeld` → `MeetingHeld`."""
    return topic.rpartition(":")[2]
