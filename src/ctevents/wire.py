"""Events in their wire forms, built once from the stored bytes.

The stored state of an event is its payload as JSON followed by `recorded_at` and,
for events with a hash-chain link, `chain` (see `ctevents.codec`). The envelope the
feed serves is `{position, type, stream, version, recorded_at, data}`: it is made by
cutting those trailing keys off the stored bytes, without decoding the payload. A
payload is decoded only when a filter asks about its data, and then once per event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import orjson

from ctevents import sse
from ctevents.codec import CHAIN, RECORDED_AT, type_name_of

# What follows the payload in stored bytes: `"recorded_at":"…"` then maybe `,"chain":"…"`.
_TRAILER = re.compile(
    rb'"' + RECORDED_AT.encode() + rb'":"([^"\\]*)"(?:,"' + CHAIN.encode() + rb'":"[^"\\]*")?}\Z'
)
_TRAILER_KEY = b'"' + RECORDED_AT.encode() + b'":"'
_CHAIN_TAIL = re.compile(rb',"' + CHAIN.encode() + rb'":"[^"\\]*"}')


class WireEvent:
    """One event of the log, with its JSON envelope and SSE frame as bytes."""

    __slots__ = ("_data", "data_bytes", "envelope", "frame", "position", "stream", "type")

    def __init__(self, position: int, stream: str, topic: str, version: int, state: bytes) -> None:
        self.position = position
        self.stream = stream
        self.type = type_name_of(topic)
        self._data: dict[str, Any] | None = None
        data, recorded_at = _split(state)
        self.data_bytes = data
        self.envelope = b'{"position":%d,"type":"%s","stream":"%s","version":%d,' % (
            position,
            self.type.encode(),
            stream.encode(),
            version,
        ) + b'"recorded_at":%s,"data":%s}' % (recorded_at, data)
        self.frame = sse.frame(position, self.type, self.envelope)

    @property
    def data(self) -> dict[str, Any]:
        """The decoded payload (decoded on first use, then kept)."""
        if self._data is None:
            self._data = orjson.loads(self.data_bytes)
        return self._data

    @property
    def size(self) -> int:
        return len(self.envelope) + len(self.frame)


def _split(state: bytes) -> tuple[bytes, bytes]:
    """(payload JSON, `recorded_at` as a JSON string) from stored bytes."""
    at = state.rfind(_TRAILER_KEY)
    if at > 0 and _TRAILER.match(state, at) is not None:
        before = state[at - 1]
        value = at + len(_TRAILER_KEY) - 1
        recorded_at = state[value : state.index(b'"', value + 1) + 1]
        if before == 44:  # b","
            return state[: at - 1] + b"}", recorded_at
        if before == 123:  # b"{"
            return b"{}", recorded_at
    # Bytes written some other way: decode and re-encode, which is always right.
    decoded = orjson.loads(state)
    recorded_at_value = decoded.pop(RECORDED_AT)
    decoded.pop(CHAIN, None)
    return orjson.dumps(decoded), orjson.dumps(recorded_at_value)


Row = tuple[int, str, str, int, bytes]  # `Store.log_rows`: position, stream, topic, version, state

_TYPES: dict[str, bytes] = {}


def wire_events(rows: Sequence[Row]) -> list[WireEvent]:
    """`Store.log_rows` rows in their wire forms."""
    return [WireEvent(*row) for row in rows]


def encode_rows(rows: Sequence[Row], form: str) -> bytes:
    """Rows straight to one form's bytes (catch-up: no per-event object is kept).

    The payload is not copied out of the stored bytes: a view of it is formatted in.
    """
    types, streams = _TYPES, {}
    envelope = b'{"position":%d,"type":"%s","stream":"%s","version":%d,"recorded_at":%s,"data":%s}}'
    sse = b"id: %d\nevent: %s\ndata: " + envelope + b"\n\n"
    ndjson = envelope + b"\n"
    out = []
    append = out.append
    key_length = len(_TRAILER_KEY)
    for position, stream, topic, version, state in rows:
        name = types.get(topic)
        if name is None:
            name = types[topic] = type_name_of(topic).encode()
        stream_bytes = streams.get(stream)
        if stream_bytes is None:
            stream_bytes = streams[stream] = stream.encode()
        at = state.rfind(_TRAILER_KEY)
        closing = state.find(b'"', at + key_length) if at > 0 else -1
        rest = state[closing + 1 :] if closing > 0 else b""
        if state[at - 1] == 44 and (rest == b"}" or _CHAIN_TAIL.fullmatch(rest)):  # b","
            data: Any = memoryview(state)[: at - 1]
            recorded_at = state[at + key_length - 1 : closing + 1]
        else:  # an empty payload, or bytes written some other way
            full, recorded_at = _split(state)
            data = full[:-1]
        if form == "sse":
            append(sse % (position, name, position, name, stream_bytes, version, recorded_at, data))
        else:
            append(ndjson % (position, name, stream_bytes, version, recorded_at, data))
    return b"".join(out)


def ndjson(events: Sequence[WireEvent]) -> bytes:
    return b"".join([e.envelope + b"\n" for e in events])


def sse_frames(events: Sequence[WireEvent]) -> bytes:
    return b"".join([e.frame for e in events])
