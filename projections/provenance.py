"""Tracing a meeting's values to the sources and spans that assert them.

The meetings row says which sources support each value, with their evidence spans;
the model's contributions say which recorded fact (log position) carried each span.
The log then supplies what an auditor needs about each assertion — the source's
metadata, the event's recording time and extractor version — and every quote is
re-checked against the stored text before it is shown (`ctevents.audit.quotes`).
A mismatch marks the assertion, the field and the whole trace `verified: false`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ctevents.projections import evidence
from ctevents.projections.meetings import MODEL
from ctevents.projections.names import normalise
from ctevents.projections.stored import unpack
from ctevents.projections.views import CONTRIBUTIONS, ROWS, ViewStore

from ctevents.audit.quotes import check_quote, source_problems
from ctevents.audit.records import StoredEvent, StoredSource, events_at, stored_source
from ctevents.store import Store

# Which part of a source's contribution holds the facts behind a top-level field.
_PARTS = {
    "mechanism": "held",
    "parties": "held",
    "ordinal": "held",
    "date": "held",
    "location": "held",
    "leaders": "leaders",
    "condemnations": "condemnations",
    "mous": "mous",
    "topics": "topics",
    "entities": "entities",
    "attacks": "attacks",
    "forums": "forums",
    "next_meeting": "next",
}
# Row keys that describe the row itself rather than something a source asserted.
_NOT_TRACED = {"meeting_key", "sources", "corroboration", "retracted_sources", "contested"}
_NOT_TRACED |= {"contested_fields", "person_ids", "supported_by"}


class UnknownMeeting(LookupError):
    pass


class UnknownField(ValueError):
    pass


# --- the row's fields ------------------------------------------------------------------


def _is_item(node: Any) -> bool:
    return isinstance(node, dict) and "supported_by" in node and "value" in node


def traced_fields(node: Any, path: str = "") -> Iterator[tuple[str, str, Any]]:
    """`(path, kind, node)` for every traceable field of a row, in row order.

    kind "field": a merged field `{value, contested, values: [...]}`; kind "items": a
    list of asserted items (topics, entities, …) each `{value, supported_by}`.
    """
    if isinstance(node, dict) and "values" in node and "contested" in node:
        yield path, "field", node
    elif isinstance(node, list) and path and all(_is_item(item) for item in node):
        yield path, "items", node
    elif isinstance(node, dict):
        for name in sorted(node):
            if name in _NOT_TRACED or (not path and name not in _PARTS):
                continue
            yield from traced_fields(node[name], f"{path}.{name}" if path else name)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from traced_fields(item, f"{path}.{index}")


def _values(kind: str, node: Any) -> list[dict[str, Any]]:
    """Each value of a field as `{value, status, corroboration, supported_by}`."""
    if kind == "field":
        return list(node["values"])
    return [{**item, "status": "asserted"} for item in node]


def _selected(path: str, field: str | None) -> bool:
    return field is None or path == field or path.startswith(f"{field}.")


# --- matching spans to recorded facts ------------------------------------------------------


def _leaves(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        for v in value.values():
            yield from _leaves(v)
    elif isinstance(value, list):
        for v in value:
            yield from _leaves(v)
    else:
        yield value


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return normalise(a) == normalise(b)
    return bool(a == b)


def _asserts(fact: dict[str, Any], value: Any) -> bool:
    """Whether a recorded fact says `value` anywhere in its fields (evidence aside)."""
    fields = {k: v for k, v in fact.items() if k not in ("evidence", "position")}
    if any(_same(v, value) for v in fields.values()):
        return True
    wanted = list(_leaves(value))
    return all(any(_same(w, leaf) for leaf in _leaves(fields)) for w in wanted)


def _facts_behind(
    contribution: dict[str, Any], part: str | None, span: dict[str, Any], value: Any
) -> list[dict[str, Any]]:
    """The source's recorded facts that carry `span`, narrowed to those asserting `value`."""
    parts = [part] if part else [p for p in contribution if isinstance(contribution[p], list)]
    carrying = [
        fact
        for p in parts
        for fact in contribution.get(p) or ()
        if isinstance(fact, dict)
        and any(
            (e["start"], e["end"], e["quote"]) == (span["start"], span["end"], span["quote"])
            for e in fact.get("evidence", ())
        )
    ]
    asserting = [f for f in carrying if _asserts(f, value)]
    return asserting or carrying


# --- the trace ---------------------------------------------------------------------------


def read_meeting(
    views: ViewStore, key: str
) -> tuple[dict[str, Any] | None, dict[str, dict[str, Any]], int]:
    """The meetings row, each source's contribution to it, and the model's position.

    Read in one transaction, so the row and its contributions agree; their evidence
    span ids are resolved to the spans (`evidence.resolve`), as in the full view.
    """
    with views.transaction(commit=False) as cursor:
        as_of = views.read_position(cursor, MODEL)
        cursor.execute(
            views.sql(f"SELECT row FROM {views.table(MODEL, ROWS)} WHERE key = ?"), (key,)
        )
        found = cursor.fetchone()
        cursor.execute(
            views.sql(
                f"SELECT source_id, doc FROM {views.table(MODEL, CONTRIBUTIONS)} WHERE key = ?"
            ),
            (key,),
        )
        contributions = {r["source_id"]: unpack(r["doc"]) for r in cursor.fetchall()}
        row = unpack(found["row"]) if found else None
        ids = evidence.referenced([row, contributions], set())
        spans = evidence.lookup(views, cursor, ids) if ids else {}
    if row is not None:
        row = evidence.resolve(row, spans)
    resolved = {sid: evidence.resolve(doc, spans, sid) for sid, doc in contributions.items()}
    return row, resolved, as_of


class _Sources:
    """Each source read from the log once, with its own problems computed once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.found: dict[str, tuple[StoredSource | None, list[str]]] = {}

    def get(self, source_id: str) -> tuple[StoredSource | None, list[str]]:
        if source_id not in self.found:
            source = stored_source(self.store, source_id)
            problems = (
                source_problems(source)
                if source
                else [f"source {source_id} is not in the log (the read model names it)"]
            )
            self.found[source_id] = (source, problems)
        return self.found[source_id]


def _assertion(
    source_id: str,
    span: dict[str, Any],
    fact: dict[str, Any] | None,
    sources: _Sources,
    events: dict[int, StoredEvent],
) -> dict[str, Any]:
    source, known = sources.get(source_id)
    if source is None:
        return {
            "source_id": source_id,
            **{k: span[k] for k in ("quote", "start", "end")},
            "verified": False,
            "problems": known,
        }
    check = check_quote(source, span["start"], span["end"], span["quote"], known_problems=known)
    problems = list(check.problems)
    position = fact.get("position") if fact else None
    event = events.get(position) if isinstance(position, int) else None
    if fact is None:
        problems.append("no recorded fact of this source carries this span (read model stale?)")
    elif event is None:
        problems.append(f"the log holds no event at position {position}")
    elif event.stream != source_id or not any(
        (e.get("start"), e.get("end"), e.get("quote"))
        == (span["start"], span["end"], span["quote"])
        for e in event.data.get("evidence", ())
    ):
        problems.append(
            f"the event at position {position} does not carry this evidence: "
            "the read model disagrees with the log"
        )
    return {
        **source.metadata(),
        **check.as_dict(),
        "verified": not problems,
        "problems": problems,
        "fact_type": event.type if event else None,
        "position": position,
        "recorded_at": event.recorded_at if event else None,
        "extractor_version": (event.data if event else fact or {}).get("extractor_version"),
    }


def trace(store: Store, views: ViewStore, key: str, field: str | None = None) -> dict[str, Any]:
    """Every value of every field (or of `field` and below) with every assertion behind it.

    Raises UnknownMeeting when the row is absent, UnknownField naming the known fields.
    """
    row, contributions, as_of = read_meeting(views, key)
    if row is None:
        raise UnknownMeeting(
            f"no meeting {key!r} in the meetings read model as of position {as_of} "
            f"(log head {store.head()})"
        )
    fields = [(p, k, n) for p, k, n in traced_fields(row) if _selected(p, field)]
    if field is not None and not fields:
        known = sorted({p.split(".")[0] for p, _, _ in traced_fields(row)})
        raise UnknownField(
            f"meeting {key!r} has no traced field {field!r}; fields: {', '.join(known)} "
            "(or a dotted path below one, e.g. leaders.MV)"
        )
    # Every fact that could be behind a span, to read their events in one go.
    positions = {
        fact["position"]
        for doc in contributions.values()
        for facts in doc.values()
        if isinstance(facts, list)
        for fact in facts
        if isinstance(fact, dict) and isinstance(fact.get("position"), int)
    }
    events = events_at(store, positions)
    sources = _Sources(store)
    traced = []
    for path, kind, node in fields:
        part = _PARTS.get(path.split(".")[0])
        values = []
        for entry in _values(kind, node):
            assertions = []
            for support in entry.get("supported_by", ()):
                source_id = support["source_id"]
                contribution = contributions.get(source_id, {})
                for span in support["evidence"]:
                    behind = _facts_behind(contribution, part, span, entry["value"]) or [None]
                    assertions.extend(
                        _assertion(source_id, span, fact, sources, events) for fact in behind
                    )
            values.append(
                {
                    "value": entry["value"],
                    "status": entry.get("status"),
                    "corroboration": entry.get("corroboration"),
                    **({"spellings": entry["spellings"]} if "spellings" in entry else {}),
                    "verified": all(a["verified"] for a in assertions),
                    "assertions": assertions,
                }
            )
        traced.append(
            {
                "field": path,
                "kind": kind,
                "value": node.get("value") if kind == "field" else None,
                "contested": bool(node.get("contested")) if kind == "field" else False,
                "verified": all(v["verified"] for v in values),
                "values": values,
            }
        )
    problems = [
        {
            "field": f["field"],
            "value": v["value"],
            "source_id": a["source_id"],
            "position": a.get("position"),
            "problem": problem,
        }
        for f in traced
        for v in f["values"]
        for a in v["assertions"]
        for problem in a["problems"]
    ]
    head = store.head()
    return {
        "meeting_key": key,
        "as_of_position": as_of,
        "log_head": head,
        "lag": max(0, head - as_of),
        "contested_fields": row.get("contested_fields", []),
        "retracted_sources": row.get("retracted_sources", []),
        "verified": not problems,
        "problems": problems,
        "fields": traced,
    }
