"""People: one row per person who led a delegation or signed an MoU, across spellings.

A person's key is `names.person_key` of the name: case, accents, punctuation and forms
of address (Shri, Mr, Dr, Ambassador, …) folded away, so spellings that differ only in
those meet in one row, and each spelling is kept with its sources. Names that differ
in their letters (Lathee / Latheef) stay two people here; the meeting row is where
such a pair is shown as one contested leader.
"""

from __future__ import annotations

from typing import Any

from ctevents.events import (
    DelegationLed,
    ExtractionSuperseded,
    MeetingHeld,
    MoUSigned,
    SourceRetracted,
)
from projections.lifecycle import retract, supersede
from projections.merge import claim, merge_field, merge_items, support, supporting
from projections.model import Column, Contribution, Filter, ReadModel, Row, Source, truthy
from projections.names import normalise, person_key

NAME = "people"
VERSION = 2  # 2: evidence by span id


def meeting_held(source: Source, event: MeetingHeld, position: int) -> None:
    # Remembered so that a leader's row can say which meeting (parties, mechanism) they led.
    source.state.setdefault("meetings", {})[event.meeting_key] = {
        "mechanism": event.mechanism,
        "parties": list(event.parties),
        "ordinal": event.ordinal,
        "date": event.date,
    }


def delegation_led(source: Source, event: DelegationLed, position: int) -> None:
    meeting = source.peek_state().get("meetings", {}).get(event.meeting_key, {})
    doc = source.contribution(person_key(event.name), position)
    led = event.model_dump(mode="json", exclude={"extractor_version"})
    led["evidence"] = source.spans(led["evidence"])
    led["meeting"] = meeting
    led["position"] = position
    doc.setdefault("led", []).append(led)


def mou_signed(source: Source, event: MoUSigned, position: int) -> None:
    for signatory in event.signatories:
        doc = source.contribution(person_key(signatory.name), position)
        doc.setdefault("signed", []).append(
            {
                "meeting_key": event.meeting_key,
                "subject": event.subject,
                "name": signatory.name,
                "title": signatory.title,
                "party": signatory.party,
                "date": event.date,
                "evidence": source.spans(event.evidence),
                "position": position,
            }
        )


def _grouped(
    live: list[Contribution], part: str, key: str
) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    grouped: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for c in live:
        for f in c.doc.get(part, ()):
            grouped.setdefault(f.get(key) or "", []).append((c.source_id, f))
    return grouped


def meetings_led(live: list[Contribution]) -> list[dict[str, Any]]:
    led = []
    for meeting_key, found in sorted(_grouped(live, "led", "meeting_key").items()):
        meeting = next((f["meeting"] for _, f in found if f.get("meeting")), {})
        led.append(
            {
                "meeting_key": meeting_key,
                "side": merge_field([claim(f["party"], s, f) for s, f in found]),
                "title": merge_field([claim(f.get("title"), s, f) for s, f in found]),
                "mechanism": meeting.get("mechanism"),
                "parties": meeting.get("parties"),
                "ordinal": meeting.get("ordinal"),
                "date": meeting.get("date"),
                "corroboration": len({s for s, _ in found}),
                "supported_by": support(found),
            }
        )
    return led


def mous_signed(live: list[Contribution]) -> list[dict[str, Any]]:
    signed = []
    for subject, found in sorted(_grouped(live, "signed", "subject").items()):
        signed.append(
            {
                "subject": subject,
                "meeting_key": next((f["meeting_key"] for _, f in found if f["meeting_key"]), None),
                "side": merge_field([claim(f.get("party"), s, f) for s, f in found]),
                "title": merge_field([claim(f.get("title"), s, f) for s, f in found]),
                "date": next((f["date"] for _, f in found if f["date"]), None),
                "corroboration": len({s for s, _ in found}),
                "supported_by": support(found),
            }
        )
    return signed


def build(key: str, contributions: list[Contribution]) -> Row | None:
    live = supporting(contributions)
    if not live:
        return None
    acts = [
        (c.source_id, f) for c in live for part in ("led", "signed") for f in c.doc.get(part, ())
    ]
    names = [claim(f["name"], s, f) for s, f in acts]
    return {
        "person_id": key,
        "name": merge_field(names),
        "spellings": sorted({c.value for c in names}),
        "titles": merge_items([claim(f.get("title"), s, f) for s, f in acts], identity=normalise),
        "sides": sorted({f["party"] for _, f in acts if f.get("party")}),
        "meetings": meetings_led(live),
        "mous_signed": mous_signed(live),
        "sources": sorted(c.source_id for c in live),
        "corroboration": len(live),
    }


MODEL = ReadModel(
    name=NAME,
    version=VERSION,
    key="person_id",
    handlers={
        MeetingHeld: meeting_held,
        DelegationLed: delegation_led,
        MoUSigned: mou_signed,
        SourceRetracted: retract,
        ExtractionSuperseded: supersede,
    },
    build=build,
    columns=(
        Column("name", "TEXT", lambda r: normalise(r["name"]["values"][0]["value"])),
        Column("sides", "TEXT", lambda r: "," + ",".join(r["sides"]) + ","),
        Column("meeting_count", "BIGINT", lambda r: len(r["meetings"])),
    ),
    filters=(
        Filter("party", "sides LIKE ?", lambda v: f"%,{v.strip().upper()},%"),
        Filter("name", "name LIKE ?", lambda v: f"%{normalise(v)}%"),
        Filter("led", "(meeting_count > 0) = ?", truthy),
    ),
)
