"""Server-Sent Events framing: the one place that writes `text/event-stream` frames.

The change feed (`/events`) and the read models' `watch=1` streams both frame with
these functions, so headers, `retry:`, heartbeats and resume markers read the same.
"""

from __future__ import annotations

MEDIA_TYPE = "text/event-stream"
CONTENT_TYPE = f"{MEDIA_TYPE}; charset=utf-8"
HEADERS = {
    "Content-Type": CONTENT_TYPE,
    "Cache-Control": "no-store",
    "X-Accel-Buffering": "no",  # proxies must not hold events back
}
HEARTBEAT = b": heartbeat\n\n"


def frame(event_id: int, event: str, data: bytes) -> bytes:
    """One event: `id:` (the client's Last-Event-ID), its type and one line of JSON data."""
    return b"id: %d\nevent: %s\ndata: %s\n\n" % (event_id, event.encode(), data)


def retry(milliseconds: int) -> bytes:
    """The reconnection delay the client should use."""
    return b"retry: %d\n\n" % milliseconds


def resume_at(event_id: int, comment: str = "scanned") -> bytes:
    """Moves the client's Last-Event-ID without dispatching an event (no `data:`)."""
    return b": %s\nid: %d\n\n" % (comment.encode(), event_id)


def error(data: bytes) -> bytes:
    return b"event: error\ndata: %s\n\n" % data
