"""How events are serialised in the store, and the one place stored events are decoded.

The stored state of an event is its payload as JSON with two extra keys, `recorded_at`
and `chain` (see `split_state`). Three readers decode it, all through this module:
the feed's envelopes (`PydanticMapper.decode_state` + `split_state`: JSON only), typed
events (`PydanticMapper.to_domain_event`: pydantic validation), and the read models'
folds, live and replay alike (`EventDecoder`: pages of stored rows decoded with orjson,
handed to the handlers as thin views of the payload, see `JsonEvent`).
"""

from __future__ import annotations

import bisect
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import orjson
from eventsourcing.persistence import Mapper, StoredEvent, Transcoder
from eventsourcing.utils import get_topic, resolve_topic
from pydantic import BaseModel

from ctevents.events import Event

RECORDED_AT = "recorded_at"
CHAIN = "chain"  # the event's link in its stream's hash chain (see ctevents.chain)


@dataclass(frozen=True)
class RecordedEvent:
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
    """Maps `RecordedEvent`s to stored events and back, validating on the way in."""

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        recorded: RecordedEvent = domain_event
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
        state, recorded_at, chain = split_state(self.decode_state(stored_event))
        timestamp = datetime.fromisoformat(recorded_at)
        event_class: type[Event] = resolve_topic(stored_event.topic)
        originator_id = stored_event.originator_id
        return RecordedEvent(
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


def split_state(state: dict[str, Any]) -> tuple[dict[str, Any], Any, str | None]:
    """A decoded stored state → (the event's payload, its `recorded_at`, its `chain` link)."""
    recorded_at = state.pop(RECORDED_AT, None)
    chain = state.pop(CHAIN, None)
    return state, recorded_at, chain


# --- the folds' decoder --------------------------------------------------------------------
#
# Validating every event with pydantic (and dumping it back to JSON in each handler)
# costs more than everything else in a fold. The log holds only events that were
# validated when appended, so for event classes whose JSON form *is* their stored form
# (no dates or datetimes, whose JSON spelling pydantic and orjson write differently)
# the handlers get a thin view of the decoded payload instead (`JsonEvent`): attributes
# read the payload, arrays come back as tuples as on the frozen models, `model_dump`
# returns the payload, and `isinstance` and `type_name` answer as for the real class.
# Other classes (`SourceRecorded`: a date and a datetime) are validated as usual.

# position, stream (`str(UUID)`), topic, stored state: a row of `Store.stored_rows`
StoredRow = tuple[int, str, str, Any]
JSON_SCALARS = (str, int, bool, float, type(None))


def json_native(annotation: Any) -> bool:
    """Whether values of this annotation have one JSON spelling (no dates, datetimes, …)."""
    if annotation in JSON_SCALARS:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return all(json_native(f.annotation) for f in annotation.model_fields.values())
    origin = typing.get_origin(annotation)
    if origin in (tuple, list, typing.Union, types.UnionType):
        return all(json_native(a) for a in typing.get_args(annotation) if a is not Ellipsis)
    return False


def _wrap(value: Any) -> Any:
    # Exact types: decoded JSON holds plain lists and dicts, and most values are scalars.
    kind = type(value)
    if kind is list:
        return tuple([_wrap(v) for v in value])
    if kind is dict:
        return JsonObject(value)
    return value


class JsonObject:
    """Attribute access to a decoded JSON object, as handlers read a nested pydantic model."""

    __slots__ = ("_data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def __getattr__(self, name: str) -> Any:
        try:
            return _wrap(self._data[name])
        except KeyError:
            raise AttributeError(name) from None

    def model_dump(
        self, *, mode: str = "python", exclude: Iterable[str] | None = None
    ) -> dict[str, Any]:
        # Equal to the model's dump in JSON mode; python mode differs only in tuples for
        # lists, which every handler result is serialised as JSON anyway.
        if exclude:
            return {k: v for k, v in self._data.items() if k not in exclude}
        return dict(self._data)


class JsonEvent(JsonObject):
    """A stored event of a JSON-native class, seen through its payload (see above)."""

    __slots__ = ("_cls",)

    def __init__(self, cls: type[Event], data: dict[str, Any]) -> None:
        self._data = data  # not through super().__init__: one call less per event
        self._cls = cls

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # isinstance() consults it
        return self._cls

    @property
    def type_name(self) -> str:
        # A class attribute, asked of every fact: answered without the payload miss.
        return self._cls.type_name

    def __getattr__(self, name: str) -> Any:
        try:
            value = self._data[name]
        except KeyError:
            return getattr(self._cls, name)  # class attributes: type_name, …
        kind = type(value)
        return value if kind is not list and kind is not dict else _wrap(value)


@dataclass(frozen=True)
class DecodedStretch:
    """A stretch of the log: the wanted events' positions, streams, classes, index for index.

    It covers the positions after `after` up to `end`: events in between that no fold
    wants were read and passed over, and still count as folded.
    """

    positions: list[int]
    streams: list[str]
    classes: list[type[Event]]
    events: list[Any]
    after: int  # the position the page was read after
    end: int  # the last position read, folded or not: what tracking records
    read: int  # how many events were read, folded or not

    def __len__(self) -> int:
        return len(self.positions)

    def since(self, position: int) -> DecodedStretch:
        """The part after `position`."""
        if position <= self.after:
            return self
        cut = bisect.bisect_right(self.positions, position)
        return DecodedStretch(
            self.positions[cut:],
            self.streams[cut:],
            self.classes[cut:],
            self.events[cut:],
            position,
            max(self.end, position),
            max(self.read - cut, 1 if self.end > position else 0),
        )

    def first(self, count: int) -> DecodedStretch:
        """The part up to, not including, its `count`-th wanted event (all of it if fewer)."""
        if count >= len(self.positions):
            return self
        end = self.positions[count] - 1
        return DecodedStretch(
            self.positions[:count],
            self.streams[:count],
            self.classes[:count],
            self.events[:count],
            self.after,
            end,
            max(count, 1) if end > self.after else 0,
        )


class EventDecoder:
    """Decodes pages of stored rows for a set of wanted event classes, skipping the others."""

    def __init__(self, mapper: PydanticMapper, wanted: Iterable[type[Event]]) -> None:
        self.wanted = frozenset(wanted)
        self._classes: dict[str, type[Event] | None] = {}
        self._native: dict[type[Event], bool] = {}
        self._decode = _state_decoder(mapper)

    def _class_of(self, topic: str) -> type[Event] | None:
        try:
            return self._classes[topic]
        except KeyError:
            cls = resolve_topic(topic)
            found = cls if cls in self.wanted else None
            self._classes[topic] = found
            if found is not None:
                self._native[found] = all(
                    json_native(f.annotation) for f in found.model_fields.values()
                )
            return found

    def decode(self, rows: Sequence[StoredRow], after: int) -> DecodedStretch:
        """The stretch of the log in `rows`, read after position `after`."""
        positions: list[int] = []
        streams: list[str] = []
        classes: list[type[Event]] = []
        events: list[Any] = []
        decode = self._decode
        class_of = self._classes.get
        native = self._native
        for position, stream, topic, stored in rows:
            cls = class_of(topic, _UNKNOWN)
            if cls is _UNKNOWN:
                cls = self._class_of(topic)
            if cls is None:
                continue  # nothing folds it: not even decoded
            state = decode(stored)
            state.pop(RECORDED_AT, None)  # `split_state`, inlined: once per event
            state.pop(CHAIN, None)
            positions.append(position)
            streams.append(stream)
            classes.append(cls)
            events.append(JsonEvent(cls, state) if native[cls] else cls.model_validate(state))
        end = rows[-1][0] if rows else after
        return DecodedStretch(positions, streams, classes, events, after, end, len(rows))


_UNKNOWN: Any = object()


def _state_decoder(mapper: PydanticMapper) -> Callable[[Any], dict[str, Any]]:
    """Stored state → payload: orjson directly, unless the store encrypts or compresses."""
    plain = mapper.cipher is None and mapper.compressor is None
    if plain and isinstance(mapper.transcoder, OrjsonTranscoder):
        return orjson.loads
    return lambda stored: mapper.decode_state(_Stored(stored))  # type: ignore[arg-type]


@dataclass(frozen=True)
class _Stored:
    state: Any  # all `decode_state` reads of a stored event
