"""The extraction pipeline: read the text once, run every rule, build the events.

Rules return plain records with their passages; only this module knows the event
classes, the meeting a fact belongs to, and the output order.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from ctevents.events import (
    AttackReferenced,
    CondemnationIssued,
    DelegationLed,
    Fact,
    MeetingHeld,
    MoUSigned,
    MultilateralForumCited,
    NextMeetingScheduled,
    TerroristEntityNamed,
    TopicDiscussed,
)
from ctevents.extract import (
    condemnations,
    delegations,
    entities,
    gazetteer,
    meetings,
    mous,
    parties,
    references,
    topics,
)
from ctevents.extract.evidence import of_sentences
from ctevents.extract.keys import meeting_key
from ctevents.extract.reading import Reading, read

EXTRACTOR_VERSION = "1.4.0"

# Tie-break for facts whose first evidence starts at the same offset.
_TYPE_ORDER = {
    name: index
    for index, name in enumerate(
        [
            "MeetingHeld",
            "DelegationLed",
            "CondemnationIssued",
            "MoUSigned",
            "NextMeetingScheduled",
            "TerroristEntityNamed",
            "AttackReferenced",
            "MultilateralForumCited",
            "TopicDiscussed",
        ]
    )
}


def _ordered_parties(reading: Reading, pair: tuple[str, ...]) -> tuple[str, ...]:
    """The pair in the order the statement first names them (for "respective" lists)."""
    first: dict[str, int] = {}
    for sentence in reading.sentences:
        for mention in gazetteer.mentions(reading.text, sentence.start, sentence.end):
            first.setdefault(mention.code, mention.start)
    return tuple(sorted(pair, key=lambda code: first.get(code, 1 << 30)))


def run(text: str, source_id: str, published_on: date | None) -> list[Fact]:
    reading = read(text, source_id, published_on)
    sid, version = source_id, EXTRACTOR_VERSION
    statement = parties.document_parties(text, list(reading.sentences))
    held = meetings.find(reading, statement)
    primary = held[0] if held else None
    key = primary.key if primary else None
    sides = primary.parties if primary and primary.parties else statement
    facts: list[Fact] = []
    made: dict = {}  # evidence items by span, shared by the facts citing one sentence

    def evidence(passages: list) -> tuple:
        return of_sentences(text, sid, passages, made)

    for meeting in held:
        facts.append(
            MeetingHeld(
                evidence=evidence(meeting.passages),
                extractor_version=version,
                meeting_key=meeting.key,
                mechanism=meeting.mechanism,
                parties=tuple(sorted(meeting.parties)),
                ordinal=meeting.ordinal,
                date=meeting.date,
                location=meeting.location,
            )
        )
    officials: dict[str, str] = {}
    upcoming_meetings = meetings.find_next(reading, held, tuple(sorted(sides)))
    leaders_key = key
    if key is None and upcoming_meetings:
        # An announcement: the heads it names will lead the meeting to come.
        announced = upcoming_meetings[0]
        sides = announced.parties or sides
        leaders_key = meeting_key(
            tuple(announced.parties), announced.kind, announced.ordinal, announced.date, sid
        )
    # Delegations and MoUs both read the sides in the order the statement names them.
    ordered_sides = _ordered_parties(reading, sides)
    if leaders_key is not None:
        for leader in delegations.find(reading, ordered_sides):
            for word in leader.name.split():
                if len(word) > 2 and word[0].isupper():
                    officials.setdefault(word.lower(), leader.party)
            facts.append(
                DelegationLed(
                    evidence=evidence(leader.passages),
                    extractor_version=version,
                    meeting_key=leaders_key,
                    party=leader.party,
                    name=leader.name,
                    title=leader.title,
                )
            )
    for condemnation in condemnations.find(reading, tuple(sorted(sides)), officials):
        facts.append(
            CondemnationIssued(
                evidence=evidence(condemnation.passages),
                extractor_version=version,
                meeting_key=key,
                parties=tuple(sorted(condemnation.parties)),
                condemned=tuple(condemnation.condemned),
                strongly=condemnation.strongly,
            )
        )
    for mou in mous.find(reading, ordered_sides):
        facts.append(
            MoUSigned(
                evidence=evidence(mou.passages),
                extractor_version=version,
                meeting_key=None,
                subject=mou.subject,
                parties=tuple(sorted(mou.parties)),
                bodies=tuple(mou.bodies),
                signatories=tuple(mou.signatories),
                date=mou.date,
                location=mou.location,
            )
        )
    for upcoming in upcoming_meetings:
        facts.append(
            NextMeetingScheduled(
                evidence=evidence(upcoming.passages),
                extractor_version=version,
                meeting_key=key,
                mechanism=upcoming.mechanism,
                parties=tuple(sorted(upcoming.parties)),
                ordinal=upcoming.ordinal,
                location=upcoming.location,
                date=upcoming.date,
            )
        )
    for entity in entities.find(reading):
        facts.append(
            TerroristEntityNamed(
                evidence=evidence(entity.passages),
                extractor_version=version,
                meeting_key=key,
                name=entity.name,
                aliases=tuple(entity.aliases),
            )
        )
    for attack in references.attacks(reading):
        facts.append(
            AttackReferenced(
                evidence=evidence(attack.passages),
                extractor_version=version,
                meeting_key=key,
                attack=attack.name,
            )
        )
    for forum in references.forums(reading):
        facts.append(
            MultilateralForumCited(
                evidence=evidence(forum.passages),
                extractor_version=version,
                meeting_key=key,
                forum=forum.name,
                aliases=tuple(forum.aliases),
            )
        )
    for topic in topics.find(reading):
        facts.append(
            TopicDiscussed(
                evidence=evidence(topic.passages),
                extractor_version=version,
                meeting_key=key,
                topic=topic.label,
                text=topic.text,
            )
        )
    return _in_order(facts)


def _in_order(facts: list[Fact]) -> list[Fact]:
    """By first evidence offset, then type, then (for ties only) the payload's JSON, which
    is costly to render, so it is rendered only when two facts share offset and type."""
    position = {id(f): (f.evidence[0].start, _TYPE_ORDER[f.type_name]) for f in facts}
    shared = Counter(position.values())
    # Only facts that share offset and type are compared by payload; the rest never are.
    return sorted(
        facts,
        key=lambda f: (
            *position[id(f)],
            f.model_dump_json() if shared[position[id(f)]] > 1 else "",
        ),
    )
