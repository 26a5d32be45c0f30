"""The domain's events: frozen pydantic models, no I/O.

An ingested source becomes one stream: `SourceRecorded` first, then the facts the
extractor found in its text. Every fact carries `evidence` (where in which source it
was read) and the `extractor_version` that read it. Collections are tuples so that a
recorded event cannot be changed in memory, not even in depth.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, datetime
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, model_validator

# Stream ids are name-based UUIDs of the text's SHA-256, so the same text always
# lands in the same stream and a second ingest of it collides instead of duplicating.
SOURCE_NAMESPACE = uuid.UUID("6b0a3c52-5f1e-4c57-9a0e-3d2f0c7e9b11")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_id_for(text: str) -> str:
    """The stream id of a source: deterministic from the SHA-256 of its text."""
    return str(uuid.uuid5(SOURCE_NAMESPACE, text_sha256(text)))


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Event(Frozen):
    """Base of every event recorded in the log."""

    # Stable names for the wire and the store; defaults to the class name.
    type_name: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.type_name = cls.__name__


class Evidence(Frozen):
    """A passage of a source that asserts a fact: `text[start:end] == quote`."""

    source_id: str
    start: int
    end: int
    quote: str

    @model_validator(mode="after")
    def _span_matches_quote(self) -> Evidence:
        if not 0 <= self.start <= self.end or self.end - self.start != len(self.quote):
            raise ValueError(
                f"evidence span {self.start}:{self.end} does not fit a quote of "
                f"{len(self.quote)} characters"
            )
        return self


class SourceRecorded(Event):
    """A statement as received; evidence offsets index into `text`."""

    source_id: str
    sha256: str
    text: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published_on: date | None = None
    received_at: datetime


class SourceRetracted(Event):
    """A source is withdrawn; its facts stay in the log for audit."""

    source_id: str
    reason: str


class ExtractionSuperseded(Event):
    """The facts of an older extractor version are replaced by those that follow."""

    source_id: str
    previous_version: str
    extractor_version: str


class Fact(Event):
    """Something a source asserts, with where it asserts it."""

    evidence: tuple[Evidence, ...]
    extractor_version: str


class Signatory(Frozen):
    name: str
    title: str | None = None
    party: str | None = None


class MeetingHeld(Fact):
    meeting_key: str
    mechanism: str
    parties: tuple[str, ...]
    ordinal: int | None = None
    date: str | None = None  # EDTF
    location: str | None = None


class DelegationLed(Fact):
    meeting_key: str
    party: str
    name: str
    title: str | None = None


class CondemnationIssued(Fact):
    meeting_key: str | None
    parties: tuple[str, ...]
    condemned: tuple[str, ...]
    strongly: bool


class MoUSigned(Fact):
    meeting_key: str | None
    subject: str
    parties: tuple[str, ...]
    bodies: tuple[str, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    date: str | None = None  # EDTF
    location: str | None = None


class NextMeetingScheduled(Fact):
    meeting_key: str | None
    mechanism: str | None
    parties: tuple[str, ...]
    ordinal: int | None = None
    location: str | None = None
    date: str | None = None  # EDTF


class TerroristEntityNamed(Fact):
    meeting_key: str | None
    name: str
    aliases: tuple[str, ...] = ()


class TopicDiscussed(Fact):
    meeting_key: str | None
    topic: str
    text: str


class AttackReferenced(Fact):
    """A terrorist attack the statement names ("the 26/11 Mumbai and Pathankot attacks")."""

    meeting_key: str | None
    attack: str  # as worded, e.g. "26/11 Mumbai"


class MultilateralForumCited(Fact):
    """A multilateral body or forum the statement cites (UN, FATF, Colombo Security Conclave)."""

    meeting_key: str | None
    forum: str  # canonical name
    aliases: tuple[str, ...] = ()  # as written in the text, abbreviations included


# Every fact type, in the order a statement's facts are told: the extractor's tie-break
# for facts found at one offset, and the order of the pages' colours and legend.
FACT_TYPE_ORDER: tuple[str, ...] = tuple(
    cls.type_name
    for cls in (
        MeetingHeld,
        DelegationLed,
        CondemnationIssued,
        MoUSigned,
        NextMeetingScheduled,
        TerroristEntityNamed,
        AttackReferenced,
        MultilateralForumCited,
        TopicDiscussed,
    )
)


def event_types() -> dict[str, type[Event]]:
    """Every concrete event class by its wire name (`MeetingHeld`, …)."""
    found: dict[str, type[Event]] = {}
    pending: list[type[Event]] = [Event]
    while pending:
        cls = pending.pop()
        for sub in cls.__subclasses__():
            pending.append(sub)
            if sub is not Fact:
                found[sub.type_name] = sub
    return found
