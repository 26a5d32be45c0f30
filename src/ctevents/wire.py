"""Events in their wire forms, built once from the stored bytes.

The stored state of an event is its payload as JSON followed by `recorded_at` and,
for events with a hash-chain link, `chain` (see `ctevents.codec`). The envelope the
feed serves is `{position, type, stream, version, recorded_at, data}`: it is made by
cutting those trailing keys off the stored bytes, without decoding the payload. A
payload is decoded only when a filter asks about its data, and then once per event.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import orjson

from ctevents import sse
from ctevents.codec import CHAIN, RECORDED_AT, type_name_of
from ctevents.memo import Memo

# What follows the payload in stored bytes: `"recorded_at":"…"` then maybe `,"chain":"…"`.
_TRAILER = re.compile(
    rb'"' + RECORDED_AT.encode() + rb'":"([^"\\]*)"(?:,"' + CHAIN.encode() + rb'":"[^"\\]*")?}\Z'
)
_TRAILER_KEY = b'"' + RECORDED_AT.encode() + b'":"'


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


# Stored topic → wire type name as bytes.
_TYPES: Memo[str, bytes] = Memo(lambda topic: type_name_of(topic).encode())


def _stream_bytes(texts: Mapping[Any, str] | None) -> Memo[Any, bytes]:
    """Stream id as a row holds it → `str(UUID)` as bytes (through `texts`, if given)."""
    if texts is None:
        return Memo(str.encode)
    return Memo(lambda stream: texts[stream].encode())


# Stored state ends `,"recorded_at":"…"}` or `,"recorded_at":"…","chain":"…"}`: the key
# is looked for in this many trailing bytes only.
_TRAILER_SPAN = 256
_KEY = b"," + _TRAILER_KEY
_CHAIN_KEY = b',"' + CHAIN.encode() + b'":"'
# Offsets in the trailer: the `recorded_at` value's opening quote after the key's start,
# and the chain value's first byte after the `recorded_at` value's closing quote.
_VALUE_QUOTE, _CHAIN_VALUE = len(_KEY) - 1, 1 + len(_CHAIN_KEY)
# Each event as the parts before and after its payload: the payload is not formatted
# into a string of its own, only joined into the page.
_ENVELOPE_HEAD = b'{"position":%d,"type":"%s","stream":"%s","version":%d,"recorded_at":%s,"data":'
_HEADS = {"sse": b"id: %d\nevent: %s\ndata: " + _ENVELOPE_HEAD, "ndjson": _ENVELOPE_HEAD}
_ENDS = {"sse": b"}}\n\n", "ndjson": b"}}\n"}


def wire_events(rows: Sequence[Row]) -> list[WireEvent]:
    """`Store.log_rows` rows in their wire forms."""
    return [WireEvent(*row) for row in rows]


def encode_rows(
    rows: Sequence[tuple[int, Any, str, int, bytes]],
    form: str,
    streams: Mapping[Any, str] | None = None,
) -> bytes:
    """Rows straight to one form's bytes (catch-up: no per-event object is kept).

    The same bytes as `WireEvent` makes (`tests/unit/test_wire.py`), with less work per
    row: this is the loop a subscriber catching up from the store runs for every event.
    `streams` converts the rows' stream ids to `str(UUID)` (`LogReader.streams`), when
    they are stored otherwise.
    """
    types, stream_bytes_of, sse_form = _TYPES, _stream_bytes(streams), form == "sse"
    head, end = _HEADS[form], _ENDS[form]
    key, chain_key, span = _KEY, _CHAIN_KEY, _TRAILER_SPAN
    value_quote, chain_value = _VALUE_QUOTE, _CHAIN_VALUE
    parts: list[Any] = []
    extend = parts.extend
    for position, stream, topic, version, state in rows:
        at = state.rfind(key, -span)
        closing = state.find(b'"', at + value_quote + 1)  # the end of the `recorded_at` value
        last = len(state) - 2
        if (
            at > 0
            and state[-1] == 125  # b"}"
            and (
                closing == last  # no chain link
                or (
                    state.startswith(chain_key, closing + 1)
                    and state.find(b'"', closing + chain_value) == last
                    and state.find(b"\\", closing) < 0
                )
            )
        ):
            data = state[:at]
            recorded_at = state[at + value_quote : closing + 1]
        else:  # an empty payload, or bytes written some other way
            full, recorded_at = _split(state)
            data = full[:-1]
        name, stream_bytes = types[topic], stream_bytes_of[stream]
        if sse_form:
            fields = (position, name, position, name, stream_bytes, version, recorded_at)
        else:
            fields = (position, name, stream_bytes, version, recorded_at)
        extend((head % fields, data, end))
    return b"".join(parts)


def ndjson(events: Sequence[WireEvent]) -> bytes:
    return b"".join([e.envelope + b"\n" for e in events])


def sse_frames(events: Sequence[WireEvent]) -> bytes:
    return b"".join([e.frame for e in events])
