"""A source's text cut into pieces for the source page: plain, or marked with the facts it supports.

Spans may overlap, so the text is cut at every span boundary: each piece is covered by
a fixed set of spans and is marked once, so marks never nest or cross. A span's anchor
(`span-START-END`, what a quote links to) goes before its first piece and its facts'
labels after its last, so every mark says in the text which facts it supports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from ctevents.events import FACT_TYPE_ORDER
from ctevents.server.pages.present import FACT_SECTIONS


@dataclass
class Piece:
    text: str
    span_ids: list[str] = field(default_factory=list)  # the spans covering it
    fact_type: str | None = None  # the colour: the first of FACT_TYPE_ORDER among its facts
    anchors: list[str] = field(default_factory=list)  # spans that start here
    ending: list[dict[str, Any]] = field(default_factory=list)  # spans that end here


def span_id(span: dict[str, Any]) -> str:
    return f"{span['start']}-{span['end']}"


def _colour(spans: list[dict[str, Any]]) -> str:
    types = {fact["type"] for span in spans for fact in span["facts"]}
    ranked = [t for t in FACT_TYPE_ORDER if t in types]
    return ranked[0] if ranked else "other"


def fact_href(fact: dict[str, Any]) -> str:
    """Where a fact is shown: its meeting's section, else the event in the log."""
    if fact.get("meeting_key"):
        return f"/meetings/{fact['meeting_key']}#{FACT_SECTIONS.get(fact['type'], 'fields')}"
    return f"/events?after={int(fact['position']) - 1}&limit=1"


def pieces(text: str, spans: list[dict[str, Any]]) -> list[Piece]:
    length = len(text)
    usable = [s for s in spans if 0 <= s["start"] < s["end"] <= length]
    cuts = sorted({0, length, *(s["start"] for s in usable), *(s["end"] for s in usable)})
    found = []
    for a, b in pairwise(cuts):
        covering = [s for s in usable if s["start"] <= a and b <= s["end"]]
        found.append(
            Piece(
                text=text[a:b],
                span_ids=[span_id(s) for s in covering],
                fact_type=_colour(covering) if covering else None,
                anchors=[span_id(s) for s in usable if s["start"] == a],
                ending=[s for s in usable if s["end"] == b],
            )
        )
    return found


def legend(spans: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """The fact types present, in colour order, with how many facts of each."""
    counts: dict[str, int] = {}
    for span in spans:
        for fact in span["facts"]:
            counts[fact["type"]] = counts.get(fact["type"], 0) + 1
    order = [t for t in FACT_TYPE_ORDER if t in counts] + sorted(set(counts) - set(FACT_TYPE_ORDER))
    return [(t, counts[t]) for t in order]
