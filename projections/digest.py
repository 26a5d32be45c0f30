"""A read model's canonical dump and its SHA-256: equal models, equal digests.

Rows are stored as canonical JSON (sorted keys, packed: see `stored`) and dumped here in
key order (sorted in Python, so the order does not depend on a database collation),
one `key<TAB>row` line each. An incrementally maintained model and a replay of the
same log give the same bytes, whichever database holds them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from ctevents.projections.model import ReadModel
from ctevents.projections.stored import unpacked_json
from ctevents.projections.views import ROWS, ViewStore


def canonical_lines(views: ViewStore, model: ReadModel) -> Iterator[bytes]:
    with views.transaction(commit=False) as cursor:
        cursor.execute(f"SELECT key, row FROM {views.table(model, ROWS)}")
        found = [(r["key"], r["row"]) for r in cursor.fetchall()]
    for key, row in sorted(found):
        json = unpacked_json(row)
        yield b"%s\t%s\n" % (key.encode(), json if isinstance(json, bytes) else json.encode())


def digest(views: ViewStore, model: ReadModel) -> str:
    sha = hashlib.sha256()
    for line in canonical_lines(views, model):
        sha.update(line)
    return sha.hexdigest()
