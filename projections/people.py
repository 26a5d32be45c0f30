"""People: one row per person who led a delegation or signed an MoU, across spellings.

A person's key is `names.person_key` of the name: case, accents, punctuation and forms
of address (Shri, Mr, Dr, Ambassador, …) folded away, so spellings that differ only in
those meet in one row, and each spelling is kept with its sources. Names that differ
in their letters are merged the way a meeting merges its leaders (`merge.alike_names`):
alike names on one side of one meeting that no single source names together
(Lathee / Latheef) are one person, whose name is then contested. The row takes the
first of the merged keys (`ahmed-lathee`); the others have no row of their own.

To know who shares a side, the model also keeps an index key per side of a meeting
(`~side:{meeting_key}|{party}`: the names each source gave it), which never makes a
row; the kernel reads outwards from a changed name through its sides (`Grouping`).
"""

from __future__ import annotations

from typing import Any

from ctevents.projections.lifecycle import retract, supersede
from ctevents.projections.merge import (
    alike_names,
    claim,
    merge_field,
    merge_items,
    support,
    supporting,
)
from ctevents.projections.model import (
    Column,
    Contribution,
    Filter,
    Grouping,
    ReadModel,
    Row,
    Source,
    truthy,
)
from ctevents.projections.names import normalise, person_key

from ctevents.events import (
    DelegationLed,
    ExtractionSuperseded,
    MeetingHeld,
    MoUSigned,
    SourceRetracted,
)

NAME = "people"
VERSION = 2  # 2: evidence by span id; alike names on a side merged as in meetings
SIDE = "~side:"


def meeting_held(source: Source, event: MeetingHeld, position: int) -> None:
    # Remembered so that a leader's row can say which meeting (parties, mechanism) they led.
    source.state.setdefault("meetings", {})[event.meeting_key] = {
        "mechanism": event.mechanism,
        "parties": list(event.parties),
        "ordinal": event.ordinal,
        "date": event.date,
    }


def side_key(meeting_key: str, party: str) -> str:
    return f"{SIDE}{meeting_key}|{party}"


def delegation_led(source: Source, event: DelegationLed, position: int) -> None:
    meeting = source.peek_state().get("meetings", {}).get(event.meeting_key, {})
    key = person_key(event.name)
    side = source.contribution(side_key(event.meeting_key, event.party), position)
    side.setdefault("names", []).append(key)
    doc = source.contribution(key, position)
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


# --- one person across spellings ---------------------------------------------------------


def is_side(key: str) -> bool:
    return key.startswith(SIDE)


def related(key: str, contributions: list[Contribution], touched: bool) -> set[str]:
    """A name's sides; a changed side's names; an unchanged side's names merged there.

    A changed side (retracted sources too: they may have held names together) may have
    joined or parted any of its names; an unchanged one joins only what it merges.
    """
    if is_side(key):
        if touched:
            return {n for c in contributions for n in c.doc.get("names", ())}
        root = alike_names(_side_sources(contributions))
        merged = {r for n, r in root.items() if n != r}  # clusters of two names or more
        return {n for n, r in root.items() if r in merged}
    return {
        side_key(f["meeting_key"], f["party"]) for c in contributions for f in c.doc.get("led", ())
    }


def _side_sources(contributions: list[Contribution]) -> dict[str, set[str]]:
    """Each name on a side with the live sources that give it there."""
    sources: dict[str, set[str]] = {}
    for c in supporting(contributions):
        for name in c.doc.get("names", ()):
            sources.setdefault(name, set()).add(c.source_id)
    return sources


def persons(found: dict[str, list[Contribution]]) -> dict[str, str]:
    """Each name key → the key of its person's row: the first key of its merged names."""
    parent = {k: k for k in found if not is_side(k)}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    for key in sorted(found):
        if not is_side(key):
            continue
        for name, alike in alike_names(_side_sources(found[key])).items():
            if name in parent and alike in parent:
                a, b = root(name), root(alike)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {k: root(k) for k in parent}


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
    grouping=Grouping(is_index=is_side, related=related, rows=persons),
)
