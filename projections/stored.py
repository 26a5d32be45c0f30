"""How a read model's documents (rows, contributions, source states) are stored: packed JSON.

Canonical JSON (sorted keys, so equal documents are equal bytes, which digests rely on),
compressed with zlib at its fastest level when it is at least `COMPRESS_FROM` bytes
long. Documents repeat their key names, source ids and span ids many times over:
packed they take about a third of the room (measured on a generated log, see
docs/read-models.md). Below the threshold zlib's set-up costs more time than the
bytes it saves are worth (half the documents are under 300 bytes: leaving them as
they are costs 2% more room and saves 30% of the packing time). A zlib stream starts
with 0x78, JSON with `{` or `[`: the first byte says which. Documents stored as text
by an older version are still read (until its rebuild).
"""

from __future__ import annotations

import zlib
from typing import Any

import orjson

LEVEL = 1
COMPRESS_FROM = 512  # bytes


def canonical(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def pack(value: Any) -> bytes:
    data = canonical(value)
    return zlib.compress(data, LEVEL) if len(data) >= COMPRESS_FROM else data


def unpacked_json(stored: Any) -> bytes | str:
    """The canonical JSON of a stored document."""
    if isinstance(stored, str):
        return stored  # stored as text by an older version
    stored = bytes(stored)  # PostgreSQL may hand a memoryview
    return stored if stored[:1] in (b"{", b"[") else zlib.decompress(stored)


def unpack(stored: Any) -> Any:
    return orjson.loads(unpacked_json(stored))
