"""`encode_rows` (catch-up from the store) makes the same bytes as `WireEvent` (the tail).

Stored states as this codec writes them, and states written some other way, which take
the slower path that decodes them.
"""

from __future__ import annotations

import orjson
import pytest

from ctevents import wire

STREAM = "6ea06fa0-3b1c-4a8e-9d3e-0f2b8c1d2e3f"
TOPIC = "ctevents.events:MeetingHeld"
CHAIN = "ab" * 32
STATES = [
    b'{"a":1,"recorded_at":"2023-07-25T06:30:00.123456+00:00","chain":"%s"}' % CHAIN.encode(),
    b'{"a":1,"recorded_at":"2023-07-25T06:30:00+00:00"}',  # no chain link
    b'{"recorded_at":"2023-07-25T06:30:00+00:00","chain":"ab"}',  # an empty payload
    b'{"a":"\xc3\xa9\\"x\\\\","recorded_at":"2020","chain":"ab"}',  # escapes, UTF-8
    # A nested `recorded_at` key before the real one, in the trailing bytes searched.
    b'{"a":{"recorded_at":"x"},"recorded_at":"2020","chain":"ab"}',
    b'{"a":{"b":1,"recorded_at":"y"},"recorded_at":"2020"}',
    # Keys in another order, or more after the chain link: decoded and encoded again.
    b'{"recorded_at":"2020","a":1}',
    b'{"a":1,"recorded_at":"2020","chain":"ab","z":2}',
    b'{"a":1,"recorded_at":"2020","chain":"a\\\\b"}',
    b'{"a":"' + b"x" * 1000 + b'","recorded_at":"2020","chain":"ab"}',  # a long payload
]


@pytest.mark.parametrize("state", STATES)
def test_encode_rows_matches_the_tail_s_wire_forms(state: bytes) -> None:
    rows = [(7, STREAM, TOPIC, 2, state), (9, STREAM, "m:Other", 3, state)]
    events = wire.wire_events(rows)
    assert wire.encode_rows(rows, "sse") == wire.sse_frames(events)
    assert wire.encode_rows(rows, "ndjson") == wire.ndjson(events)
    # Rows with their streams as a database stores them, converted on the way.
    stored = [(p, s.replace("-", ""), t, v, b) for p, s, t, v, b in rows]
    streams = {s.replace("-", ""): s for s in (STREAM,)}
    assert wire.encode_rows(stored, "sse", streams) == wire.sse_frames(events)
    envelope = orjson.loads(events[0].envelope)
    decoded = orjson.loads(state)
    payload = {k: v for k, v in decoded.items() if k not in ("recorded_at", "chain")}
    assert envelope["data"] == payload
    assert [envelope[k] for k in ("position", "type", "stream")] == [7, "MeetingHeld", STREAM]
    assert envelope["recorded_at"] == decoded["recorded_at"]
