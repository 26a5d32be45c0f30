"""Meetings: one row per `meeting_key`, merging every source that reported the meeting.

Each source's contribution to a meeting holds the facts it asserted about it; the row
is rebuilt from all live contributions with the rules of `merge`: every field value
lists its supporting sources (evidence spans and quotes) and a corroboration count;
disagreeing sources make a field contested; more precision wins without a contest.
"""

from __future__ import annotations

from typing import Any

from ctevents.projections.lifecycle import retract, supersede
from ctevents.projections.merge import (
    Claim,
    claim,
    contested_paths,
    date_refines,
    merge_field,
    merge_items,
    merge_people,
    support,
    supporting,
    text_refines,
)
from ctevents.projections.model import Column, Contribution, Filter, ReadModel, Row, Source, truthy
from ctevents.projections.names import normalise

from ctevents.events import (
    AttackReferenced,
    CondemnationIssued,
    DelegationLed,
    Event,
    ExtractionSuperseded,
    MeetingHeld,
    MoUSigned,
    MultilateralForumCited,
    NextMeetingScheduled,
    SourceRetracted,
    TerroristEntityNamed,
    TopicDiscussed,
)

NAME = "meetings"
VERSION = 2  # 2: evidence by span id; memoranda signed at a meeting attached to it

# Words of a memorandum's evidence that place its signing at the source's meeting.
AT_THE_MEETING = ("on the sidelines", "on the margins", "during the meeting", "at the meeting")


def fact(source: Source, event: Event, position: int) -> dict[str, Any]:
    """A fact as a contribution keeps it: its fields, its evidence's span ids, its position."""
    fact = event.model_dump(mode="json")  # a fresh dict: no need to copy it again
    fact["evidence"] = source.spans(fact["evidence"])
    del fact["extractor_version"]  # the source's state knows it; the row never shows it
    fact["position"] = position
    return fact


# --- one small function per event type ----------------------------------------------------


def meeting_held(source: Source, event: MeetingHeld, position: int) -> None:
    doc = source.contribution(event.meeting_key, position)
    doc.setdefault("held", []).append(fact(source, event, position))
    waiting = source.peek_state().get("mous")
    if waiting:
        # A memorandum the source reported before its meeting (the seeds' order).
        held = meetings_held(source)
        for mou in list(waiting):
            if meeting_of(held, mou) == event.meeting_key:
                source.state["mous"].remove(mou)
                mou["meeting_key"] = event.meeting_key
                doc.setdefault("mous", []).append(mou)


def delegation_led(source: Source, event: DelegationLed, position: int) -> None:
    doc = source.contribution(event.meeting_key, position)
    doc.setdefault("leaders", []).append(fact(source, event, position))


def condemnation_issued(source: Source, event: CondemnationIssued, position: int) -> None:
    if event.meeting_key:
        doc = source.contribution(event.meeting_key, position)
        doc.setdefault("condemnations", []).append(fact(source, event, position))


def meetings_held(source: Source) -> dict[str, dict[str, Any]]:
    """The meetings this source reports, by key: their dates and parties."""
    held = {}
    for key in source.contributed_keys():
        for f in (source.peek(key) or {}).get("held", ()):
            held[key] = {"date": f.get("date"), "parties": f.get("parties") or []}
    return held


def meeting_of(held: dict[str, dict[str, Any]], mou: dict[str, Any]) -> str | None:
    """The source's meeting a memorandum was signed at, if the source says so.

    Signed at a meeting: the source reports exactly one meeting of the memorandum's
    parties, and the memorandum was signed on that meeting's day or its evidence
    places it there ("on the sidelines", "during the meeting").
    """
    parties = set(mou.get("parties") or ())
    candidates = [k for k, m in held.items() if parties <= set(m["parties"])]
    if len(candidates) != 1:
        return None
    meeting = held[candidates[0]]
    same_day = mou.get("date") is not None and mou.get("date") == meeting["date"]
    return candidates[0] if same_day or mou.get("at_meeting") else None


def mou_signed(source: Source, event: MoUSigned, position: int) -> None:
    mou = fact(source, event, position)
    key = event.meeting_key
    if not key:
        quotes = " ".join(e.quote.lower() for e in event.evidence)
        if any(words in quotes for words in AT_THE_MEETING):
            mou["at_meeting"] = True
        key = meeting_of(meetings_held(source), mou)
        if key is None:  # perhaps its meeting is reported further on
            source.state.setdefault("mous", []).append(mou)
            return
        mou["meeting_key"] = key
    source.contribution(key, position).setdefault("mous", []).append(mou)


def next_meeting_scheduled(source: Source, event: NextMeetingScheduled, position: int) -> None:
    if event.meeting_key:
        doc = source.contribution(event.meeting_key, position)
        doc.setdefault("next", []).append(fact(source, event, position))


def terrorist_entity_named(source: Source, event: TerroristEntityNamed, position: int) -> None:
    if event.meeting_key:
        doc = source.contribution(event.meeting_key, position)
        doc.setdefault("entities", []).append(fact(source, event, position))


def topic_discussed(source: Source, event: TopicDiscussed, position: int) -> None:
    if event.meeting_key:
        doc = source.contribution(event.meeting_key, position)
        doc.setdefault("topics", []).append(fact(source, event, position))


def attack_referenced(source: Source, event: AttackReferenced, position: int) -> None:
    if event.meeting_key:
        doc = source.contribution(event.meeting_key, position)
        doc.setdefault("attacks", []).append(fact(source, event, position))


def forum_cited(source: Source, event: MultilateralForumCited, position: int) -> None:
    if event.meeting_key:
        doc = source.contribution(event.meeting_key, position)
        doc.setdefault("forums", []).append(fact(source, event, position))


def extraction_superseded(source: Source, event: ExtractionSuperseded, position: int) -> None:
    supersede(source, event, position)
    source.state.pop("mous", None)  # the newer extraction's memoranda count now


# --- the row -----------------------------------------------------------------------------------


def claims(live: list[Contribution], part: str, field: str) -> list[Claim]:
    return [claim(f.get(field), c.source_id, f) for c in live for f in c.doc.get(part, ())]


def facts_of(live: list[Contribution], part: str) -> list[tuple[str, dict[str, Any]]]:
    return [(c.source_id, f) for c in live for f in c.doc.get(part, ())]


def leaders(live: list[Contribution]) -> dict[str, list[dict[str, Any]]]:
    sides: dict[str, list[Claim]] = {}
    for source_id, f in facts_of(live, "leaders"):
        value = {"name": f["name"], "title": f.get("title")}
        sides.setdefault(f["party"], []).append(claim(value, source_id, f))
    return {party: merge_people(sides[party]) for party in sorted(sides)}


def condemnations(live: list[Contribution]) -> list[dict[str, Any]]:
    """One per set of condemning parties; the things condemned as a union of phrases."""
    by_parties: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for source_id, f in facts_of(live, "condemnations"):
        by_parties.setdefault(",".join(sorted(f["parties"])), []).append((source_id, f))
    merged = []
    for parties in sorted(by_parties):
        found = by_parties[parties]
        phrases = [claim(p, s, f) for s, f in found for p in f["condemned"]]
        merged.append(
            {
                "parties": parties.split(",") if parties else [],
                "condemned": merge_items(phrases, identity=normalise),
                "strongly": merge_field([claim(f["strongly"], s, f) for s, f in found]),
                "corroboration": len({s for s, _ in found}),
                "supported_by": support(found),
            }
        )
    return merged


def mous(live: list[Contribution]) -> list[dict[str, Any]]:
    by_subject: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for source_id, f in facts_of(live, "mous"):
        by_subject.setdefault(normalise(f["subject"]), []).append((source_id, f))
    merged = []
    for subject in sorted(by_subject):
        found = by_subject[subject]
        signatories: dict[str, list[Claim]] = {}
        for s, f in found:
            for signatory in f.get("signatories", ()):
                value = {"name": signatory["name"], "title": signatory.get("title")}
                signatories.setdefault(signatory.get("party") or "", []).append(claim(value, s, f))
        merged.append(
            {
                "subject": merge_field([claim(f["subject"], s, f) for s, f in found]),
                "parties": merge_field([claim(f["parties"], s, f) for s, f in found]),
                "bodies": merge_items(
                    [claim(b, s, f) for s, f in found for b in f.get("bodies", ())],
                    identity=normalise,
                ),
                "signatories": {p: merge_people(signatories[p]) for p in sorted(signatories)},
                "date": merge_field(
                    [claim(f.get("date"), s, f) for s, f in found], refines=date_refines
                ),
                "location": merge_field(
                    [claim(f.get("location"), s, f) for s, f in found], refines=text_refines
                ),
                "corroboration": len({s for s, _ in found}),
                "supported_by": support(found),
            }
        )
    return merged


def next_meeting(live: list[Contribution]) -> dict[str, Any] | None:
    found = facts_of(live, "next")
    if not found:
        return None
    return {
        "mechanism": merge_field([claim(f.get("mechanism"), s, f) for s, f in found]),
        "parties": merge_field([claim(f.get("parties"), s, f) for s, f in found]),
        "ordinal": merge_field([claim(f.get("ordinal"), s, f) for s, f in found]),
        "date": merge_field([claim(f.get("date"), s, f) for s, f in found], refines=date_refines),
        "location": merge_field(
            [claim(f.get("location"), s, f) for s, f in found], refines=text_refines
        ),
        "corroboration": len({s for s, _ in found}),
        "supported_by": support(found),
    }


def build(key: str, contributions: list[Contribution]) -> Row | None:
    live = supporting(contributions)
    if not live:
        return None  # every source that reported it was retracted (or re-extracted away)
    row: Row = {
        "meeting_key": key,
        "mechanism": merge_field(claims(live, "held", "mechanism")),
        "parties": merge_field(claims(live, "held", "parties")),
        "ordinal": merge_field(claims(live, "held", "ordinal")),
        "date": merge_field(claims(live, "held", "date"), refines=date_refines),
        "location": merge_field(claims(live, "held", "location"), refines=text_refines),
        "leaders": leaders(live),
        "condemnations": condemnations(live),
        "mous": mous(live),
        "topics": merge_items(
            [claim(f["topic"], s, f) for s, f in facts_of(live, "topics")], identity=normalise
        ),
        "entities": merge_items(
            [claim(f["name"], s, f) for s, f in facts_of(live, "entities")], identity=normalise
        ),
        "attacks": merge_items(
            [claim(f["attack"], s, f) for s, f in facts_of(live, "attacks")], identity=normalise
        ),
        "forums": merge_items(
            [claim(f["forum"], s, f) for s, f in facts_of(live, "forums")], identity=normalise
        ),
        "next_meeting": next_meeting(live),
        "sources": sorted(c.source_id for c in live),
        "corroboration": len(live),
        "retracted_sources": sorted(c.source_id for c in contributions if c.retracted),
    }
    row["contested_fields"] = contested_paths(row)
    row["contested"] = bool(row["contested_fields"])
    return row


# --- queried columns and filters ---------------------------------------------------------------


def all_values(field: dict[str, Any]) -> list[Any]:
    return [v["value"] for v in field["values"]]


def party_list(row: Row) -> str:
    """`,IN,MV,`: every party any source names, delimited for an exact `LIKE` match."""
    parties = {p for value in all_values(row["parties"]) for p in value}
    parties |= set(row["leaders"])
    return "," + ",".join(sorted(parties)) + ","


def year(row: Row) -> int | None:
    date = row["date"]["value"]
    return int(date[:4]) if date and date[:4].isdigit() else None


MODEL = ReadModel(
    name=NAME,
    version=VERSION,
    key="meeting_key",
    handlers={
        MeetingHeld: meeting_held,
        DelegationLed: delegation_led,
        CondemnationIssued: condemnation_issued,
        MoUSigned: mou_signed,
        NextMeetingScheduled: next_meeting_scheduled,
        TerroristEntityNamed: terrorist_entity_named,
        TopicDiscussed: topic_discussed,
        AttackReferenced: attack_referenced,
        MultilateralForumCited: forum_cited,
        SourceRetracted: retract,
        ExtractionSuperseded: extraction_superseded,
    },
    build=build,
    columns=(
        Column(
            "mechanism",
            "TEXT",
            lambda r: " | ".join(normalise(v) for v in all_values(r["mechanism"])),
        ),
        Column("parties", "TEXT", party_list),
        Column("year", "BIGINT", year),
        Column("contested", "BOOLEAN", lambda r: r["contested"]),
    ),
    filters=(
        Filter("party", "parties LIKE ?", lambda v: f"%,{v.strip().upper()},%"),
        Filter("mechanism", "mechanism LIKE ?", lambda v: f"%{normalise(v)}%"),
        Filter("year", "year = ?", int),
        Filter("contested", "contested = ?", truthy),
    ),
)
