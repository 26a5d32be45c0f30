"""Sources: one row per source, its metadata and every fact it asserted.

Unlike the merged models, a retracted source keeps its row (marked retracted, with
the reason): auditors need to see what was withdrawn. After a re-extraction the row
lists the newest extraction's facts and which versions it superseded. The text itself
is not copied here (it is in the log, and large).
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from ctevents.projections.lifecycle import retract
from ctevents.projections.model import Column, Contribution, Filter, ReadModel, Row, Source, truthy

from ctevents.events import (
    ExtractionSuperseded,
    Fact,
    SourceRecorded,
    SourceRetracted,
    event_types,
)

NAME = "sources"
VERSION = 3  # 2: evidence by span id; 3: a source's contribution kept once, in its row


def source_recorded(source: Source, event: SourceRecorded, position: int) -> None:
    doc = source.contribution(source.source_id, position)
    doc["source"] = {
        **event.model_dump(mode="json", exclude={"text"}),
        "length": len(event.text),
        "position": position,
    }


def fact_asserted(source: Source, event: Fact, position: int) -> None:
    doc = source.contribution(source.source_id, position)
    data = event.model_dump(mode="json")
    data["evidence"] = source.spans(data["evidence"])
    doc.setdefault("facts", []).append(
        {"type": event.type_name, "position": position, "data": data}
    )


def source_retracted(source: Source, event: SourceRetracted, position: int) -> None:
    retract(source, event, position)
    source.contribution(source.source_id, position)["retraction"] = {
        "reason": event.reason,
        "position": position,
    }


def extraction_superseded(source: Source, event: ExtractionSuperseded, position: int) -> None:
    source.state["extractor_version"] = event.extractor_version
    doc = source.contribution(source.source_id, position)
    doc["facts"] = []
    doc.setdefault("superseded", []).append(
        {**event.model_dump(mode="json", exclude={"source_id"}), "position": position}
    )


_position = itemgetter("position")


def build(key: str, contributions: list[Contribution]) -> Row | None:
    doc = next((c.doc for c in contributions if c.source_id == key), None)
    if doc is None:
        return None
    facts = sorted(doc.get("facts", ()), key=_position)  # in log order already: one pass
    counts: dict[str, int] = {}
    versions: set[str | None] = set()
    for f in facts:
        kind = f["type"]
        counts[kind] = counts.get(kind, 0) + 1
        versions.add(f["data"].get("extractor_version"))
    versions.discard(None)
    return {
        "source_id": key,
        **{k: v for k, v in doc.get("source", {}).items() if k != "source_id"},
        "retracted": bool(doc.get("retracted")),
        "retraction": doc.get("retraction"),
        "extractor_versions": sorted(versions),
        "superseded": doc.get("superseded", []),
        "fact_counts": dict(sorted(counts.items())),
        "facts": facts,
    }


# What `build` adds to a source's contribution; the rest of a row is the source's metadata.
DERIVED = frozenset(
    {"source_id", "retracted", "retraction", "extractor_versions", "superseded"}
    | {"fact_counts", "facts"}
)


def contribution_of_row(key: str, row: Row) -> dict[str, Any]:
    """The contribution a row was built from, as far as `build` reads it: a row holds all of
    its source's one contribution, so that is stored once, in the row (the facts were half
    of this model's room and of its packing time)."""
    doc: dict[str, Any] = {
        "facts": row["facts"],
        "superseded": row["superseded"],
        "retracted": row["retracted"],
    }
    metadata = {k: v for k, v in row.items() if k not in DERIVED}
    if metadata:
        doc["source"] = {"source_id": key, **metadata}
    if row["retraction"] is not None:
        doc["retraction"] = row["retraction"]
    return doc


# Every kind of fact, including those added after this module was written.
FACT_TYPES = tuple(cls for _, cls in sorted(event_types().items()) if issubclass(cls, Fact))

MODEL = ReadModel(
    name=NAME,
    version=VERSION,
    key="source_id",
    handlers={
        SourceRecorded: source_recorded,
        **dict.fromkeys(FACT_TYPES, fact_asserted),
        SourceRetracted: source_retracted,
        ExtractionSuperseded: extraction_superseded,
    },
    build=build,
    contribution_of_row=contribution_of_row,
    columns=(
        Column("published_on", "TEXT", lambda r: r.get("published_on")),
        Column("publisher", "TEXT", lambda r: r.get("publisher")),
        Column("retracted", "BOOLEAN", lambda r: r["retracted"]),
    ),
    filters=(
        Filter("publisher", "publisher = ?", str),
        Filter("retracted", "retracted = ?", truthy),
        Filter("published_after", "published_on >= ?", str),
    ),
)
