"""A generated log shaped like the real one, for replay tests and `benchmarks/replay_speed.py`.

`generate` appends many sources, each a statement with a meeting (of ~40 country pairs ×
4 mechanisms × ordinals), its delegation leaders (spelling variants from a pool), topics,
condemnations, entities, attacks, forums, sometimes an MoU and a next meeting; a few
sources are retracted and a few re-extracted, so every lifecycle path is replayed.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from uuid import UUID

from ctevents.codec import RecordedEvent
from ctevents.events import (
    AttackReferenced,
    CondemnationIssued,
    DelegationLed,
    Event,
    Evidence,
    ExtractionSuperseded,
    MeetingHeld,
    MoUSigned,
    MultilateralForumCited,
    NextMeetingScheduled,
    Signatory,
    SourceRecorded,
    SourceRetracted,
    TerroristEntityNamed,
    TopicDiscussed,
    source_id_for,
    text_sha256,
)
from ctevents.store import Store

PARTNERS = [
    *("MV", "US", "FR", "JP", "AU", "GB", "DE", "EG", "KZ", "UZ", "BD", "LK", "NP", "SG"),
    *("RU", "CN", "IL", "AE", "SA", "TR", "ID", "MY", "TH", "VN", "PH", "KR", "CA", "IT"),
    *("ES", "NL", "BE", "SE", "NO", "PL", "TJ", "KG", "AF", "MN", "NG", "KE"),
]
MECHANISMS = [
    ("jwg-counter-terrorism", "Joint Working Group on Counter Terrorism"),
    ("ct-dialogue", "Counter-Terrorism Dialogue"),
    ("designations-dialogue", "Designations Dialogue"),
    ("security-dialogue", "Security Dialogue"),
]
FIRST = ["Ahmed", "Sanjay", "Mahaveer", "Nathan", "Olivier", "Yuki", "Anne", "Rahul", "Maria"]
FIRST += ["Chen", "Fatima", "Ivan", "Kwame", "Lars", "Nadia", "Omar", "Priya", "Tomas", "Wei"]
LAST = ["Lathee", "Verma", "Singhvi", "Sales", "Caron", "Tanaka", "Muller", "Khan", "Rossi"]
LAST += ["Ivanov", "Okafor", "Larsen", "Haddad", "Sharma", "Novak", "Li", "Garcia", "Sato"]
FORMS = ["", "Shri ", "Dr. ", "Ambassador ", "Mr. "]  # folded away by the person key
SOURCES_PER_MEETING = 3
TITLES = ["Joint Secretary (Counter Terrorism)", "Foreign Secretary", "Coordinator", None]
TOPICS = ["radicalisation", "terror financing", "cyber security", "Counter-Terrorism", "UNSC"]
ENTITIES = ["Lashkar-e-Taiba", "Jaish-e-Mohammed", "ISIS", "Al-Qaida"]
ATTACKS = ["26/11 Mumbai", "Pathankot", "Pulwama", "Easter Sunday"]
FORUMS = ["United Nations", "FATF", "Global Counterterrorism Forum", "Colombo Security Conclave"]
EXTRACTOR = "9.9.9"


class _Text:
    """A statement's text, grown phrase by phrase, with each phrase's evidence span."""

    def __init__(self, source_id: str, opening: str) -> None:
        self.source_id = source_id
        self.parts = [opening]
        self.length = len(opening)

    def say(self, phrase: str) -> tuple[Evidence, ...]:
        start = self.length + 1
        self.parts.append(phrase)
        self.length += 1 + len(phrase)
        return (
            Evidence(source_id=self.source_id, start=start, end=start + len(phrase), quote=phrase),
        )

    @property
    def text(self) -> str:
        return " ".join(self.parts)


def _leader(rng: random.Random, party: str, mechanism: int, ordinal: int) -> str:
    """The same person leads a side for a few meetings in a row, spelled in several ways."""
    seed = sum(map(ord, party)) * 7 + mechanism * 3 + ordinal // 4
    name = f"{FIRST[seed % len(FIRST)]} {LAST[(seed // len(FIRST)) % len(LAST)]}"
    return rng.choice(FORMS) + name


def _facts(rng: random.Random, n: int, text: _Text) -> list[Event]:
    # About three sources report each meeting; each dialogue has a long run of meetings.
    meeting = n // SOURCES_PER_MEETING
    partner = PARTNERS[meeting % len(PARTNERS)]
    parties = tuple(sorted(("IN", partner)))
    which = (meeting // len(PARTNERS)) % len(MECHANISMS)
    slug, mechanism = MECHANISMS[which]
    ordinal = meeting // (len(PARTNERS) * len(MECHANISMS)) + 1
    key = f"{'-'.join(parties)}/{slug}/{ordinal}"
    year = 2010 + ordinal
    date = rng.choice([f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", f"{year}", None])
    common = {"extractor_version": EXTRACTOR}
    facts: list[Event] = [
        MeetingHeld(
            meeting_key=key,
            mechanism=rng.choice([mechanism, mechanism.replace("-", " ")]),
            parties=parties,
            ordinal=ordinal,
            date=date,
            location=rng.choice(["New Delhi", "Male", "Washington", None]),
            evidence=text.say(f"the {ordinal} meeting of the {mechanism}"),
            **common,
        )
    ]
    for party in parties:
        name = _leader(rng, party, which, ordinal)
        facts.append(
            DelegationLed(
                meeting_key=key,
                party=party,
                name=name,
                title=rng.choice(TITLES),
                evidence=text.say(f"led by {name}"),
                **common,
            )
        )
    for topic in rng.sample(TOPICS, rng.randint(1, 3)):
        facts.append(
            TopicDiscussed(
                meeting_key=key, topic=topic, text=topic, evidence=text.say(topic), **common
            )
        )
    entity = rng.choice(ENTITIES)
    facts.append(
        CondemnationIssued(
            meeting_key=key,
            parties=parties,
            condemned=(f"terrorism by {entity}",),
            strongly=rng.random() < 0.5,
            evidence=text.say(f"condemned terrorism by {entity}"),
            **common,
        )
    )
    facts.append(
        TerroristEntityNamed(meeting_key=key, name=entity, evidence=text.say(entity), **common)
    )
    attack = rng.choice(ATTACKS)
    facts.append(
        AttackReferenced(meeting_key=key, attack=attack, evidence=text.say(attack), **common)
    )
    forum = rng.choice(FORUMS)
    facts.append(
        MultilateralForumCited(meeting_key=key, forum=forum, evidence=text.say(forum), **common)
    )
    if n % 5 == 0:
        signer = _leader(rng, parties[0], which, ordinal)
        facts.append(
            MoUSigned(
                meeting_key=key,
                subject="cooperation in countering terrorism",
                parties=parties,
                signatories=(Signatory(name=signer, title="Secretary", party=parties[0]),),
                date=date,
                evidence=text.say("an MoU on cooperation in countering terrorism"),
                **common,
            )
        )
    if n % 3 == 0:
        facts.append(
            NextMeetingScheduled(
                meeting_key=key,
                mechanism=mechanism,
                parties=parties,
                ordinal=ordinal + 1,
                location="New Delhi",
                evidence=text.say("agreed to hold the next meeting in New Delhi"),
                **common,
            )
        )
    return facts


def _with_source(fact: Event, source_id: str) -> Event:
    evidence = tuple(
        e.model_copy(update={"source_id": source_id})
        for e in fact.evidence  # type: ignore[attr-defined]
    )
    return fact.model_copy(update={"evidence": evidence})


def generate(store: Store, events: int, seed: int = 6, *, statements: int = 0) -> int:
    """Appends sources until about `events` events (and `statements` sources) are in the log.

    Returns the head.
    """
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    appended, n = store.head(), 0
    recorded: list[str] = []
    while appended < events or len(recorded) < statements:
        n += 1
        moment = start + timedelta(seconds=n)
        if recorded and n % 40 == 0:  # a retraction or a re-extraction of an earlier source
            source_id = recorded[rng.randrange(len(recorded))]
            stream = store.stream(source_id)
            if any(isinstance(r.event, SourceRetracted | ExtractionSuperseded) for r in stream):
                continue
            if n % 80 == 0:
                batch: list[Event] = [SourceRetracted(source_id=source_id, reason="withdrawn")]
            else:
                text = _Text(source_id, "re-read")
                batch = [
                    ExtractionSuperseded(
                        source_id=source_id, previous_version=EXTRACTOR, extractor_version="10.0"
                    ),
                    *[
                        f.model_copy(update={"extractor_version": "10.0"})
                        for f in _facts(rng, n, text)
                    ],
                ]
            version = len(stream)
            stream_id = UUID(source_id)
            store.append(
                [RecordedEvent(stream_id, version + i + 1, moment, e) for i, e in enumerate(batch)]
            )
            appended += len(batch)
            continue
        opening = f"Statement {n}. " + "Press release on counter-terrorism cooperation. " * 8
        # The text decides the stream id: build the facts on a provisional id, then fix it.
        text = _Text("pending", opening)
        facts = _facts(rng, n, text)
        body = text.text
        source_id = source_id_for(body)
        facts = [_with_source(f, source_id) for f in facts]
        source = SourceRecorded(
            source_id=source_id,
            sha256=text_sha256(body),
            text=body,
            title=f"Statement {n}",
            publisher=rng.choice(["MEA", "State Department", "PIB"]),
            published_on=(start + timedelta(days=n % 700)).date(),
            received_at=moment,
        )
        batch = [source, *facts]
        store.append(
            [RecordedEvent(UUID(source_id), i + 1, moment, e) for i, e in enumerate(batch)]
        )
        recorded.append(source_id)
        appended += len(batch)
    return store.head()
