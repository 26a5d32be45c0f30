"""Evidence spans stored once, referred to by a short id; resolved only where asked for.

A fact's evidence is `(source, start, end, quote)` with `text[start:end] == quote`.
The read models used to copy those quotes into every value they support (about 200
copies on the five seeds); now each span is one row of `evidence_spans` and the models
keep its id. The id is derived from `(source, start, end)` alone (64 bits of BLAKE2b,
11 characters), so the live engine and a replay name a span alike without asking each
other, and writing a span twice is harmless (`ON CONFLICT DO NOTHING`).

The table is shared by every model and generation of one store: its content is a
function of the log alone, so a rebuild's generation and the live tables agree on it,
and nothing swaps or drops it.

A span's row holds its id, `span_start`, `span_end` and `quote`, not its source: every
place that refers to a span already says which source it is about (a value's support,
a source's row, a source's contribution), and 36 characters a span were 7% of the
log's size on PostgreSQL.

Stored forms, and what `resolve` makes of them (the full view, today's row shape):
- a value's support `{"source_id", "spans": [id, …]}` →
  `{"source_id", "evidence": [{"start", "end", "quote"}, …]}` (spans in text order);
- a fact's `"evidence": [id, …]` → `[{"source_id", "start", "end", "quote"}, …]`, the
  source being the nearest `source_id` above it (the row's, or the contribution's).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from typing import Any

Span = tuple[int, int, str]  # start, end, quote

SPANS = "evidence_spans"
CHUNK = 500  # ids per query: below SQLite's smallest limit on bound parameters
LIST_CACHE = 50_000  # evidence lists remembered (about two pages of the log)


def span_id(source_id: str, start: int, end: int) -> str:
    digest = hashlib.blake2b(f"{source_id}:{start}:{end}".encode(), digest_size=8).digest()
    return base64.urlsafe_b64encode(digest)[:11].decode()


class SpanIds:
    """Names spans and remembers those named since the last write (to store them once)."""

    def __init__(self) -> None:
        self.new: dict[str, Span] = {}
        self._known: dict[tuple[str, int, int], str] = {}
        # An event's evidence list → its ids: the models of one fold name it once. The
        # list itself is kept with its ids, so its id() cannot be reused meanwhile.
        self._lists: dict[int, tuple[Any, list[str]]] = {}

    def ids(self, evidence: Iterable[Any]) -> list[str]:
        """Ids of evidence given as models, payload views or plain dicts."""
        if type(evidence) is list:
            seen = self._lists.get(id(evidence))
            if seen is not None and seen[0] is evidence:
                return list(seen[1])
            if len(self._lists) > LIST_CACHE:
                self._lists.clear()
            found = self._ids(evidence)
            self._lists[id(evidence)] = (evidence, found)
            return list(found)
        return self._ids(evidence)

    def _ids(self, evidence: Iterable[Any]) -> list[str]:
        found = []
        known = self._known
        for e in evidence:
            if type(e) is dict:
                source_id, start, end, quote = e["source_id"], e["start"], e["end"], e["quote"]
            else:
                source_id, start, end, quote = e.source_id, e.start, e.end, e.quote
            key = (source_id, start, end)
            sid = known.get(key)
            if sid is None:
                sid = known[key] = span_id(source_id, start, end)
                self.new[sid] = (start, end, quote)
            found.append(sid)
        return found

    def take(self) -> list[tuple[str, int, int, str]]:
        """The spans named since the last call, as rows to insert."""
        rows = [(sid, *span) for sid, span in self.new.items()]
        self.new = {}
        self._lists.clear()
        return rows


def ddl(table: str) -> str:
    return (
        f"CREATE TABLE IF NOT EXISTS {table} (id TEXT PRIMARY KEY, "
        "span_start BIGINT NOT NULL, span_end BIGINT NOT NULL, quote TEXT NOT NULL)"
    )


def insert_statement(table: str) -> str:
    return (
        f"INSERT INTO {table} (id, span_start, span_end, quote) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
    )


def lookup(views: Any, cursor: Any, ids: Iterable[str]) -> dict[str, Span]:
    """The spans of `ids`, read in a few queries inside the caller's transaction."""
    wanted = sorted(set(ids))
    found: dict[str, Span] = {}
    table = views.spans_table()
    for start in range(0, len(wanted), CHUNK):
        part = wanted[start : start + CHUNK]
        cursor.execute(
            views.sql(
                f"SELECT id, span_start, span_end, quote FROM {table} "
                f"WHERE id IN ({', '.join('?' * len(part))})"
            ),
            part,
        )
        for r in cursor.fetchall():
            found[r["id"]] = (int(r["span_start"]), int(r["span_end"]), r["quote"])
    return found


def referenced(node: Any, into: set[str]) -> set[str]:
    """Every span id in a stored row or contribution."""
    if isinstance(node, dict):
        for name, child in node.items():
            if name in ("spans", "evidence") and isinstance(child, list):
                into.update(c for c in child if isinstance(c, str))
            elif isinstance(child, dict | list):
                referenced(child, into)
    elif isinstance(node, list):
        for child in node:
            if isinstance(child, dict | list):
                referenced(child, into)
    return into


def resolve(node: Any, spans: dict[str, Span], source_id: str | None = None) -> Any:
    """A copy of a stored row (or a source's contribution: give its `source_id`) with every
    span id replaced by its span."""
    if isinstance(node, list):
        return [resolve(child, spans, source_id) for child in node]
    if not isinstance(node, dict):
        return node
    found = node.get("source_id")
    if isinstance(found, str):
        source_id = found
    out: dict[str, Any] = {}
    for name, child in node.items():
        if name == "spans" and isinstance(child, list):
            out["evidence"] = [
                {"start": s[0], "end": s[1], "quote": s[2]}
                for s in sorted(spans[i] for i in child if i in spans)
            ]
        elif (
            name == "evidence"
            and isinstance(child, list)
            and all(isinstance(c, str) for c in child)
        ):
            out[name] = [
                {"source_id": source_id, "start": s[0], "end": s[1], "quote": s[2]}
                for s in (spans[i] for i in child if i in spans)
            ]
        elif isinstance(child, dict | list):
            out[name] = resolve(child, spans, source_id)
        else:
            out[name] = child
    return out
