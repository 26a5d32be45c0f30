"""The hash chain that makes tampering with the stored log detectable.

Each event's link is SHA-256 over the previous link of its stream and the event's own
canonical bytes (stream, version, type and payload as sorted-key JSON). The link is
computed when the event is appended and stored with it; recomputing it from the stored
payload later shows whether anything was altered since.
"""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

GENESIS = ""  # the "previous link" of a stream's first event


def canonical_bytes(stream: str, version: int, type_name: str, data: dict[str, Any]) -> bytes:
    """One encoding of an event that any reader of the stored log can reproduce.

    `data` is the payload as JSON values (as stored), not as Python objects.
    """
    return orjson.dumps(
        {"stream": stream, "version": version, "type": type_name, "data": data},
        option=orjson.OPT_SORT_KEYS,
    )


def link(previous: str, canonical: bytes) -> str:
    """The next link of a chain, as lowercase hex."""
    return hashlib.sha256(previous.encode("ascii") + b"\n" + canonical).hexdigest()
