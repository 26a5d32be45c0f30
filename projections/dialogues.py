"""Dialogues: one row per mechanism (parties + kind), its meetings in order with gaps shown.

A dialogue's key is its meetings' key without the last part (`IN-MV/jwg-counter-terrorism`
for meeting `IN-MV/jwg-counter-terrorism/2`, see `names.dialogue_key`), so India–US's
Counter Terrorism Joint Working Group and its Designations Dialogue are two dialogues.
A next-meeting announcement belongs to the dialogue of the meeting that set it.
"""

from __future__ import annotations

from typing import Any

from ctevents.projections.lifecycle import retract, supersede
from ctevents.projections.meetings import fact, party_list
from ctevents.projections.merge import claim, date_refines, merge_field, supporting, text_refines
from ctevents.projections.model import Column, Contribution, Filter, ReadModel, Row, Source
from ctevents.projections.names import dialogue_key, normalise

from ctevents.events import ExtractionSuperseded, MeetingHeld, NextMeetingScheduled, SourceRetracted

NAME = "dialogues"
VERSION = 2  # 2: evidence by span id


def meeting_held(source: Source, event: MeetingHeld, position: int) -> None:
    key = dialogue_key(event.meeting_key, event.parties, event.mechanism)
    source.contribution(key, position).setdefault("meetings", []).append(
        fact(source, event, position)
    )


def next_meeting_scheduled(source: Source, event: NextMeetingScheduled, position: int) -> None:
    key = dialogue_key(event.meeting_key, event.parties, event.mechanism)
    source.contribution(key, position).setdefault("next", []).append(fact(source, event, position))


def meetings(live: list[Contribution]) -> list[dict[str, Any]]:
    """Each meeting once, merged across sources, in ordinal (then date, key) order."""
    by_key: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for c in live:
        for f in c.doc.get("meetings", ()):
            by_key.setdefault(f["meeting_key"], []).append((c.source_id, f))
    merged = []
    for key in sorted(by_key):
        found = by_key[key]
        merged.append(
            {
                "meeting_key": key,
                "ordinal": merge_field([claim(f.get("ordinal"), s, f) for s, f in found]),
                "date": merge_field(
                    [claim(f.get("date"), s, f) for s, f in found], refines=date_refines
                ),
                "location": merge_field(
                    [claim(f.get("location"), s, f) for s, f in found], refines=text_refines
                ),
                "sources": sorted({s for s, _ in found}),
                "corroboration": len({s for s, _ in found}),
            }
        )
    merged.sort(key=order)
    return merged


def order(meeting: dict[str, Any]) -> tuple[int, str, str]:
    ordinal = meeting["ordinal"]["value"]
    return (
        ordinal if isinstance(ordinal, int) else 1 << 30,
        meeting["date"]["value"] or "",
        meeting["meeting_key"],
    )


def with_gaps(known: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[int]]:
    """The meetings with a `{"ordinal": n, "gap": true}` for each ordinal not reported."""
    ordinals = {m["ordinal"]["value"] for m in known if isinstance(m["ordinal"]["value"], int)}
    missing = [n for n in range(1, max(ordinals, default=0) + 1) if n not in ordinals]
    timeline: list[dict[str, Any]] = [{"ordinal": n, "gap": True} for n in missing]
    timeline += [{**m, "gap": False} for m in known]
    timeline.sort(key=lambda m: order(m) if not m["gap"] else (m["ordinal"], "", ""))
    return timeline, missing


def latest_next_meeting(
    live: list[Contribution], known: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """The announcement made at the latest meeting (by order), merged across its sources."""
    found = [(c.source_id, f) for c in live for f in c.doc.get("next", ())]
    if not found:
        return None
    rank = {m["meeting_key"]: i for i, m in enumerate(known)}
    latest = max(
        found, key=lambda sf: (rank.get(sf[1].get("meeting_key") or "", -1), sf[1]["position"])
    )
    from_key = latest[1].get("meeting_key")
    same = [(s, f) for s, f in found if f.get("meeting_key") == from_key]
    return {
        "announced_at": from_key,
        "ordinal": merge_field([claim(f.get("ordinal"), s, f) for s, f in same]),
        "date": merge_field([claim(f.get("date"), s, f) for s, f in same], refines=date_refines),
        "location": merge_field(
            [claim(f.get("location"), s, f) for s, f in same], refines=text_refines
        ),
        "sources": sorted({s for s, _ in same}),
        "corroboration": len({s for s, _ in same}),
    }


def build(key: str, contributions: list[Contribution]) -> Row | None:
    live = supporting(contributions)
    if not live:
        return None
    held = [(c.source_id, f) for c in live for f in c.doc.get("meetings", ())]
    known = meetings(live)
    timeline, missing = with_gaps(known)
    return {
        "dialogue_key": key,
        "parties": merge_field([claim(f["parties"], s, f) for s, f in held]),
        "mechanism": merge_field([claim(f["mechanism"], s, f) for s, f in held]),
        "meetings": timeline,
        "meeting_count": len(known),
        "missing_ordinals": missing,
        "next_meeting": latest_next_meeting(live, known),
        "sources": sorted(c.source_id for c in live),
        "corroboration": len(live),
    }


MODEL = ReadModel(
    name=NAME,
    version=VERSION,
    key="dialogue_key",
    handlers={
        MeetingHeld: meeting_held,
        NextMeetingScheduled: next_meeting_scheduled,
        SourceRetracted: retract,
        ExtractionSuperseded: supersede,
    },
    build=build,
    columns=(
        Column("parties", "TEXT", lambda r: party_list({**r, "leaders": {}})),
        Column(
            "mechanism",
            "TEXT",
            lambda r: " | ".join(normalise(v["value"]) for v in r["mechanism"]["values"]),
        ),
    ),
    filters=(
        Filter("party", "parties LIKE ?", lambda v: f"%,{v.strip().upper()},%"),
        Filter("mechanism", "mechanism LIKE ?", lambda v: f"%{normalise(v)}%"),
    ),
)
