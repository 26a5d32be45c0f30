"""The extraction rules: one `extract(ctx) -> list[Fact]` per fact type, in the order the
pipeline runs them (`RULES`). Only these functions build event objects; the modules they
call return plain records with their passages.

Adding a rule: write `def my_rule(ctx: Context) -> list[Fact]` here (or in a module of its
own) and add `Rule("my-rule", my_rule)` to `RULES`; a rule that raises loses only its own
facts and is logged with the source id.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

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
from ctevents.extract import condemnations, delegations, entities, mous, references, topics
from ctevents.extract.context import Context
from ctevents.extract.meetings import Meeting


@dataclass(frozen=True)
class Rule:
    name: str
    extract: Callable[[Context], list[Fact]]


def _value_spans(ctx: Context, meeting: Meeting) -> tuple[tuple[int, int], ...]:
    """Where the meeting's date and place are written in its passages."""
    spans: list[tuple[int, int]] = []
    text, reading = ctx.text, ctx.reading
    for passage in meeting.passages:
        if meeting.date and not spans:
            for found in reading.dates(
                passage.start, passage.end, reading.reference, reading.today
            ):
                if found.edtf == meeting.date:
                    spans.append((found.start, found.end))
                    break
    if meeting.location:
        word = re.compile(rf"(?<!\w){re.escape(meeting.location)}(?!\w)")
        for passage in meeting.passages:
            found_place = word.search(text, passage.start, passage.end)
            if found_place:
                spans.append((found_place.start(), found_place.end()))
                break
    return tuple(spans)


def meetings_held(ctx: Context) -> list[Fact]:
    return [
        MeetingHeld(
            evidence=ctx.evidence(meeting.passages, _value_spans(ctx, meeting)),
            extractor_version=ctx.version,
            meeting_key=meeting.key,
            mechanism=meeting.mechanism,
            parties=tuple(sorted(meeting.parties)),
            ordinal=meeting.ordinal,
            date=meeting.date,
            location=meeting.location,
        )
        for meeting in ctx.held
    ]


def delegations_led(ctx: Context) -> list[Fact]:
    if ctx.leaders_key is None:
        return []
    facts: list[Fact] = []
    leaders = delegations.find(ctx.reading, ctx.ordered_sides)
    meeting = next((m for m in ctx.held if m.key == ctx.leaders_key), None)
    if meeting is not None:
        # "A met with visiting B": the two who met head their sides (those a sentence of
        # their own names no other head for)
        led = {leader.party for leader in leaders}
        leaders += [
            delegations.Leader(side, o.name, o.title, [meeting.passages[0]])
            for side, o in meeting.heads
            if side not in led
        ]
    for leader in leaders:
        for word in leader.name.split():
            if len(word) > 2 and word[0].isupper():
                ctx.officials.setdefault(word.lower(), leader.party)
        facts.append(
            DelegationLed(
                evidence=ctx.evidence(leader.passages),
                extractor_version=ctx.version,
                meeting_key=ctx.leaders_key,
                party=leader.party,
                name=leader.name,
                title=leader.title,
            )
        )
    return facts


def condemnations_issued(ctx: Context) -> list[Fact]:
    return [
        CondemnationIssued(
            evidence=ctx.evidence(found.passages),
            extractor_version=ctx.version,
            meeting_key=ctx.key,
            parties=tuple(sorted(found.parties)),
            condemned=tuple(found.condemned),
            strongly=found.strongly,
        )
        for found in condemnations.find(
            ctx.reading,
            tuple(sorted(ctx.sides)),
            ctx.officials,
            met=bool(ctx.held or ctx.upcoming),
        )
    ]


def mous_signed(ctx: Context) -> list[Fact]:
    return [
        MoUSigned(
            evidence=ctx.evidence(mou.passages),
            extractor_version=ctx.version,
            meeting_key=None,
            subject=mou.subject,
            parties=tuple(sorted(mou.parties)),
            bodies=tuple(mou.bodies),
            signatories=tuple(mou.signatories),
            date=mou.date,
            location=mou.location,
        )
        for mou in mous.find(ctx.reading, ctx.ordered_sides)
    ]


def next_meetings(ctx: Context) -> list[Fact]:
    return [
        NextMeetingScheduled(
            evidence=ctx.evidence(upcoming.passages),
            extractor_version=ctx.version,
            meeting_key=ctx.key,
            mechanism=upcoming.mechanism,
            parties=tuple(sorted(upcoming.parties)),
            ordinal=upcoming.ordinal,
            location=upcoming.location,
            date=upcoming.date,
        )
        for upcoming in ctx.upcoming
    ]


def entities_named(ctx: Context) -> list[Fact]:
    return [
        TerroristEntityNamed(
            evidence=ctx.evidence(entity.passages),
            extractor_version=ctx.version,
            meeting_key=ctx.key,
            name=entity.name,
            aliases=tuple(entity.aliases),
        )
        for entity in entities.find(ctx.reading)
    ]


def attacks_referenced(ctx: Context) -> list[Fact]:
    return [
        AttackReferenced(
            evidence=ctx.evidence(attack.passages),
            extractor_version=ctx.version,
            meeting_key=ctx.key,
            attack=attack.name,
        )
        for attack in references.attacks(ctx.reading)
    ]


def forums_cited(ctx: Context) -> list[Fact]:
    return [
        MultilateralForumCited(
            evidence=ctx.evidence(forum.passages),
            extractor_version=ctx.version,
            meeting_key=ctx.key,
            forum=forum.name,
            aliases=tuple(forum.aliases),
        )
        for forum in references.forums(ctx.reading)
    ]


def topics_discussed(ctx: Context) -> list[Fact]:
    return [
        TopicDiscussed(
            evidence=ctx.evidence(topic.passages),
            extractor_version=ctx.version,
            meeting_key=ctx.key,
            topic=topic.label,
            text=topic.text,
        )
        for topic in topics.find(ctx.reading)
    ]


# The pipeline runs these in order; delegations come before condemnations, which read the
# leaders' names ("Ambassador Kobayashi condemned …" is the side she led).
RULES: tuple[Rule, ...] = (
    Rule("meetings-held", meetings_held),
    Rule("delegations-led", delegations_led),
    Rule("condemnations-issued", condemnations_issued),
    Rule("mous-signed", mous_signed),
    Rule("next-meetings", next_meetings),
    Rule("entities-named", entities_named),
    Rule("attacks-referenced", attacks_referenced),
    Rule("forums-cited", forums_cited),
    Rule("topics-discussed", topics_discussed),
)
