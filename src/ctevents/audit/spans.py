"""A source's text with the spans its facts were read from: what `GET /sources/{id}/text` serves.

Spans come from the log (the facts of the source's newest extraction), grouped by
`start:end`, each with the facts it supports; every quote is re-checked against the
stored text, and the text against its recorded SHA-256.
"""

from __future__ import annotations

from typing import Any

from ctevents.audit.quotes import check_quote, source_problems
from ctevents.audit.records import StoredEvent, StoredSource, stream_events
from ctevents.store import Store

# The fields that name what a fact asserts, in the order a summary reads them.
_SUMMARY_FIELDS = (
    "mechanism",
    "party",
    "name",
    "parties",
    "condemned",
    "subject",
    "topic",
    "attack",
    "forum",
    "ordinal",
    "date",
    "location",
)
_NOT_ASSERTED = {"evidence", "extractor_version", "source_id", "text"}


def current_extraction(events: list[StoredEvent]) -> list[StoredEvent]:
    """The fact events of the newest extraction (an `ExtractionSuperseded` starts a new one)."""
    facts: list[StoredEvent] = []
    for event in events:
        if event.type == "ExtractionSuperseded":
            facts = []
        elif "evidence" in event.data:
            facts.append(event)
    return facts


def summary(event: StoredEvent) -> str:
    """`DelegationLed: party=MV name=Ahmed Lathee`: a fact in one line, for titles."""
    parts = []
    for name in _SUMMARY_FIELDS:
        value = event.data.get(name)
        if value in (None, "", [], ()):
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        parts.append(f"{name}={value}")
    return f"{event.type}: {' '.join(parts)}".rstrip(": ")


def fact_entry(event: StoredEvent) -> dict[str, Any]:
    return {
        "type": event.type,
        "position": event.position,
        "meeting_key": event.data.get("meeting_key"),
        "extractor_version": event.data.get("extractor_version"),
        "summary": summary(event),
        "fields": {k: v for k, v in event.data.items() if k not in _NOT_ASSERTED},
    }


def source_text(store: Store, source: StoredSource) -> dict[str, Any]:
    """`{source_id, …metadata, text, sha256, verified, problems, spans}` for one source."""
    known = source_problems(source)
    by_span: dict[tuple[int, int], dict[str, Any]] = {}
    for event in current_extraction(stream_events(store, source.source_id)):
        for evidence in event.data.get("evidence", ()):
            start, end = int(evidence["start"]), int(evidence["end"])
            span = by_span.get((start, end))
            if span is None:
                check = check_quote(source, start, end, str(evidence["quote"]), known_problems=[])
                span = by_span[(start, end)] = {
                    "start": start,
                    "end": end,
                    "quote": check.quote,
                    "verified": check.verified,
                    "problems": check.problems,
                    "facts": [],
                }
            span["facts"].append(fact_entry(event))
    spans = [by_span[k] for k in sorted(by_span)]
    problems = known + [p for s in spans for p in s["problems"]]
    return {
        **source.metadata(),
        "retraction": source.retraction,
        "sha256": source.sha256,
        "verified": not problems,
        "problems": problems,
        "text": source.text,
        "spans": spans,
    }
