"""How a read model's documents (rows, contributions, source states) are stored: packed JSON.

Canonical JSON (sorted keys, so equal documents are equal bytes, which digests rely on)
compressed with zlib at its fastest level. Rows repeat their key names, source ids and
span ids many times over: packed they take about a fifth of the room, measured on a
generated log (see docs/read-models.md), for about 0.1 s per 100,000 events of replay.
Documents stored as text by an older version are still read (until its rebuild).
"""

from __future__ import annotations

import zlib
from typing import Any

import orjson

LEVEL = 1


def canonical(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def pack(value: Any) -> bytes:
    return zlib.compress(canonical(value), LEVEL)


def unpacked_json(stored: Any) -> bytes | str:
    """The canonical JSON of a stored document."""
    if isinstance(stored, str):
        return stored  # stored as text by an older version
    return zlib.decompress(stored)


def unpack(stored: Any) -> Any:
    return orjson.loads(unpacked_json(stored))
