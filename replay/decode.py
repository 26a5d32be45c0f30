"""Stored events as the fold handlers read them, decoded with orjson and no per-event validation.

Validating every event with pydantic (and dumping it back to JSON in each handler)
costs more than everything else in a rebuild. The log holds only events that were
validated when appended, so for event classes whose JSON form *is* their stored form
(no dates or datetimes, whose JSON spelling pydantic and orjson write differently) a
replay can hand the handlers a thin view of the decoded payload instead:

- attributes read the payload (`event.meeting_key`); nested objects read the same way
  and arrays come back as tuples, as on the frozen models;
- `model_dump(mode="json", exclude=…)` returns the payload itself (a fresh dict);
- `isinstance(event, Fact)` and `event.type_name` answer as for the real class.

Other classes (`SourceRecorded`: a date and a datetime) are validated as usual. The
replay's tests compare digests with the incremental engine, which uses real models.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from eventsourcing.utils import resolve_topic
from pydantic import BaseModel

from ctevents.codec import CHAIN, RECORDED_AT, OrjsonTranscoder, PydanticMapper
from ctevents.events import Event
from replay.read import StoredRow

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
    """A stored event of a JSON-native class, seen through its payload (see module doc)."""

    __slots__ = ("_cls",)

    def __init__(self, cls: type[Event], data: dict[str, Any]) -> None:
        self._data = data  # not through super().__init__: one call less per event
        self._cls = cls

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # isinstance() consults it
        return self._cls

    @property
    def type_name(self) -> str:
        # A class attribute, asked of every fact (sources): answered without the miss in
        # the payload that `__getattr__` would raise and catch first.
        return self._cls.type_name

    def __getattr__(self, name: str) -> Any:
        try:
            value = self._data[name]
        except KeyError:
            return getattr(self._cls, name)  # class attributes: type_name, …
        kind = type(value)
        return value if kind is not list and kind is not dict else _wrap(value)


@dataclass(frozen=True)
class DecodedPage:
    """One page of the log: the wanted events' positions, streams, classes, index for index."""

    positions: list[int]
    streams: list[str]
    classes: list[type[Event]]
    events: list[Any]
    end: int  # the last position read, folded or not: what tracking records
    read: int  # how many events were read, folded or not


class Decoder:
    """Decodes notifications for a set of wanted event classes, skipping the others."""

    def __init__(self, mapper: PydanticMapper, wanted: Iterable[type[Event]]) -> None:
        self.mapper = mapper
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

    def page(self, rows: Sequence[StoredRow]) -> DecodedPage:
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
                continue  # no model folds it: not even decoded
            state = decode(stored)
            state.pop(RECORDED_AT, None)
            state.pop(CHAIN, None)
            positions.append(position)
            streams.append(stream)
            classes.append(cls)
            events.append(JsonEvent(cls, state) if native[cls] else cls.model_validate(state))
        end = rows[-1][0] if rows else 0
        return DecodedPage(positions, streams, classes, events, end, len(rows))


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
