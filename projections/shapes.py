"""The two shapes of a stored row: compact (the default) and full (evidence resolved).

Stored rows keep evidence as span ids (`evidence`). Readers get either

- **full** (`?view=full`, `expand=evidence`): the row as it always was — every value
  with its status, spellings and `supported_by: [{source_id, evidence: [{start, end,
  quote}]}]` — the stored row with its span ids resolved (`evidence.resolve`);
- **compact**: per field its `value` and its `sources`; a contested field instead says
  `contested: true` with `value` null and its `values`, each with its own `value`,
  `sources` and `status` (`contested` appears only there); a field no source fills is
  null; no spellings, no evidence. A row's own `sources` lists the full source ids; every
  `sources` below it holds indexes into that list (a source id is 36 characters, and
  a meeting names its few sources dozens of times). Rows without a `sources` list
  (`/sources`) keep ids. Below the row, a value's corroboration is the length of its
  `sources` (both count its distinct live sources), so it is not repeated: it was a
  fifth of a compact meeting. The row keeps its own `corroboration`, like its other
  summaries (`contested`, `meeting_count`), which both views share. A dialogue's
  `meetings` lists the reported meetings only: the rounds no source reports are its
  `missing_ordinals`, which the full view also spells out as `{"ordinal", "gap": true}`
  entries.

Both are pure functions of the stored row (and the spans): nothing here touches HTTP.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ctevents.projections import evidence

FULL, COMPACT = "full", "compact"
VIEWS = (COMPACT, FULL)

Index = dict[str, int]


def full_rows(views: Any, cursor: Any, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with their span ids resolved, read inside the caller's transaction."""
    ids: set[str] = set()
    for row in rows:
        evidence.referenced(row, ids)
    spans = evidence.lookup(views, cursor, ids) if ids else {}
    return [evidence.resolve(row, spans) for row in rows]


def compact_row(row: dict[str, Any]) -> dict[str, Any]:
    sources = row.get("sources")
    index: Index | None = None
    if isinstance(sources, list) and all(isinstance(s, str) for s in sources):
        index = {s: i for i, s in enumerate(sources)}
    out: dict[str, Any] = {}
    for name, value in row.items():
        if name in ("sources", "retracted_sources"):
            out[name] = value
        else:
            out[name] = _compact(value, index)
    return out


def _ids(sources: Sequence[str], index: Index | None) -> list[Any]:
    if index is None:
        return list(sources)
    return sorted(index[s] for s in sources if s in index)


def _support_sources(entry: dict[str, Any]) -> list[str]:
    return [s["source_id"] for s in entry.get("supported_by", ())]


def _value(entry: dict[str, Any], index: Index | None) -> dict[str, Any]:
    return {
        "value": _compact(entry["value"], index),
        "sources": _ids(_support_sources(entry), index),
    }


def _is_gap(node: Any) -> bool:
    """A dialogue's unreported round: already in the row's `missing_ordinals`."""
    return isinstance(node, dict) and node.get("gap") is True


def _compact(node: Any, index: Index | None) -> Any:
    if isinstance(node, list):
        return [_compact(item, index) for item in node if not _is_gap(item)]
    if not isinstance(node, dict):
        return node
    if "values" in node and "contested" in node:  # a merged field
        values = node["values"]
        if not values:
            return None  # no source says
        if node["contested"]:
            return {
                "value": None,
                "contested": True,
                "values": [{**_value(v, index), "status": v.get("status")} for v in values],
            }
        # The less precise values' sources count as corroborating: the union is the
        # field's corroboration.
        every = sorted({s for v in values for s in _support_sources(v)})
        return {"value": _compact(node["value"], index), "sources": _ids(every, index)}
    supported = "supported_by" in node or "sources" in node
    out: dict[str, Any] = {}
    for name, child in node.items():
        if name == "supported_by":
            out["sources"] = _ids(_support_sources(node), index)
        elif name == "sources" and isinstance(child, list):
            out[name] = _ids(child, index)
        elif name in ("spellings", "evidence", "gap") or (name == "corroboration" and supported):
            continue  # `gap`: always false once the gaps are left out
        else:
            out[name] = _compact(child, index)
    return out
