"""The read models' row shapes as pydantic models: OpenAPI schemas, and what tests check.

Two shapes per model (see `shapes`): `full` (every value with its status, spellings and
`supported_by` sources with their evidence quotes) and `compact` (values, contested
values and sources; in a row with a `sources` list, the `sources` below it are indexes
into that list, and their number is the corroboration). `extra="forbid"`: a row with a
key its schema does not declare fails validation, so the documented shape and the
served one cannot drift.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict


class Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- full ---------------------------------------------------------------------------------


class Span(Shape):
    """A passage of a source: `text[start:end] == quote`."""

    start: int
    end: int
    quote: str


class Support(Shape):
    source_id: str
    evidence: list[Span]


class Spelling(Shape):
    value: Any
    sources: list[str]


class Value(Shape):
    value: Any
    status: Literal["chosen", "less precise", "contested"]
    corroboration: int
    supported_by: list[Support]
    spellings: list[Spelling] | None = None


class Field(Shape):
    """A merged field: the value (null when contested) and every value with its sources."""

    value: Any
    contested: bool
    corroboration: int
    values: list[Value]


class Item(Shape):
    """One of a list of asserted things (topics, entities, …) with every source asserting it."""

    value: Any
    corroboration: int
    supported_by: list[Support]


class Person(Shape):
    person_ids: list[str]
    name: Field
    title: Field


class Condemnation(Shape):
    parties: list[str]
    condemned: list[Item]
    strongly: Field
    corroboration: int
    supported_by: list[Support]


class MoU(Shape):
    subject: Field
    parties: Field
    bodies: list[Item]
    signatories: dict[str, list[Person]]
    date: Field
    location: Field
    corroboration: int
    supported_by: list[Support]


class NextMeeting(Shape):
    mechanism: Field
    parties: Field
    ordinal: Field
    date: Field
    location: Field
    corroboration: int
    supported_by: list[Support]


class Meeting(Shape):
    meeting_key: str
    mechanism: Field
    parties: Field
    ordinal: Field
    date: Field
    location: Field
    leaders: dict[str, list[Person]]
    condemnations: list[Condemnation]
    mous: list[MoU]
    topics: list[Item]
    entities: list[Item]
    attacks: list[Item]
    forums: list[Item]
    next_meeting: NextMeeting | None
    sources: list[str]
    corroboration: int
    retracted_sources: list[str]
    contested: bool
    contested_fields: list[str]


class DialogueMeeting(Shape):
    """A meeting of the dialogue, or (`gap: true`, ordinal only) one no source reports."""

    ordinal: Any
    gap: bool
    meeting_key: str | None = None
    date: Field | None = None
    location: Field | None = None
    sources: list[str] | None = None
    corroboration: int | None = None


class DialogueNext(Shape):
    announced_at: str | None
    ordinal: Field
    date: Field
    location: Field
    sources: list[str]
    corroboration: int


class Dialogue(Shape):
    dialogue_key: str
    parties: Field
    mechanism: Field
    meetings: list[DialogueMeeting]
    meeting_count: int
    missing_ordinals: list[int]
    next_meeting: DialogueNext | None
    sources: list[str]
    corroboration: int


class Led(Shape):
    meeting_key: str
    side: Field
    title: Field
    mechanism: str | None
    parties: list[str] | None
    ordinal: int | None
    date: str | None
    corroboration: int
    supported_by: list[Support]


class Signed(Shape):
    subject: str
    meeting_key: str | None
    side: Field
    title: Field
    date: str | None
    corroboration: int
    supported_by: list[Support]


class PersonRow(Shape):
    person_id: str
    name: Field
    spellings: list[str]
    titles: list[Item]
    sides: list[str]
    meetings: list[Led]
    mous_signed: list[Signed]
    sources: list[str]
    corroboration: int


class SourceFact(Shape):
    type: str
    position: int
    data: dict[str, Any]  # the event's payload; `evidence` with quotes in the full view


class SourceRow(Shape):
    source_id: str
    sha256: str | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published_on: str | None = None
    received_at: str | None = None
    length: int | None = None
    position: int | None = None
    retracted: bool
    retraction: dict[str, Any] | None
    extractor_versions: list[str]
    superseded: list[dict[str, Any]]
    fact_counts: dict[str, int]
    facts: list[SourceFact]


# --- compact ---------------------------------------------------------------------------------

Sources = list[int]  # indexes into the row's `sources`; their number is the corroboration


class CompactValue(Shape):
    """One of a contested field's values."""

    value: Any
    sources: Sources
    status: Literal["less precise", "contested"]


class CompactField(Shape):
    """The value with its sources; when contested, every value instead."""

    value: Any
    sources: Sources | None = None  # not contested: every source of the value
    contested: Literal[True] | None = None  # only on a contested field, with its values
    values: list[CompactValue] | None = None


class CompactItem(Shape):
    value: Any
    sources: Sources


class CompactPerson(Shape):
    person_ids: list[str]
    name: CompactField | None
    title: CompactField | None


class CompactCondemnation(Shape):
    parties: list[str]
    condemned: list[CompactItem]
    strongly: CompactField | None
    sources: Sources


class CompactMoU(Shape):
    subject: CompactField | None
    parties: CompactField | None
    bodies: list[CompactItem]
    signatories: dict[str, list[CompactPerson]]
    date: CompactField | None
    location: CompactField | None
    sources: Sources


class CompactNextMeeting(Shape):
    mechanism: CompactField | None
    parties: CompactField | None
    ordinal: CompactField | None
    date: CompactField | None
    location: CompactField | None
    sources: Sources


class CompactMeeting(Shape):
    meeting_key: str
    mechanism: CompactField | None
    parties: CompactField | None
    ordinal: CompactField | None
    date: CompactField | None
    location: CompactField | None
    leaders: dict[str, list[CompactPerson]]
    condemnations: list[CompactCondemnation]
    mous: list[CompactMoU]
    topics: list[CompactItem]
    entities: list[CompactItem]
    attacks: list[CompactItem]
    forums: list[CompactItem]
    next_meeting: CompactNextMeeting | None
    sources: list[str]
    corroboration: int
    retracted_sources: list[str]
    contested: bool
    contested_fields: list[str]


class CompactDialogueMeeting(Shape):
    """A reported meeting of the dialogue (the unreported rounds are `missing_ordinals`)."""

    meeting_key: str
    ordinal: CompactField | None
    date: CompactField | None
    location: CompactField | None
    sources: Sources


class CompactDialogueNext(Shape):
    announced_at: str | None
    ordinal: CompactField | None
    date: CompactField | None
    location: CompactField | None
    sources: Sources


class CompactDialogue(Shape):
    dialogue_key: str
    parties: CompactField | None
    mechanism: CompactField | None
    meetings: list[CompactDialogueMeeting]
    meeting_count: int
    missing_ordinals: list[int]
    next_meeting: CompactDialogueNext | None
    sources: list[str]
    corroboration: int


class CompactLed(Shape):
    meeting_key: str
    side: CompactField | None
    title: CompactField | None
    mechanism: str | None
    parties: list[str] | None
    ordinal: int | None
    date: str | None
    sources: Sources


class CompactSigned(Shape):
    subject: str
    meeting_key: str | None
    side: CompactField | None
    title: CompactField | None
    date: str | None
    sources: Sources


class CompactPersonRow(Shape):
    person_id: str
    name: CompactField | None
    spellings: list[str]
    titles: list[CompactItem]
    sides: list[str]
    meetings: list[CompactLed]
    mous_signed: list[CompactSigned]
    sources: list[str]
    corroboration: int


class CompactSourceFact(Shape):
    type: str
    position: int
    data: dict[str, Any]  # the event's payload without its evidence


class CompactSourceRow(SourceRow):
    facts: list[CompactSourceFact]  # type: ignore[assignment]


# model name → (compact row, full row)
ROW_SHAPES: dict[str, tuple[type[Shape], type[Shape]]] = {
    "meetings": (CompactMeeting, Meeting),
    "dialogues": (CompactDialogue, Dialogue),
    "people": (CompactPersonRow, PersonRow),
    "sources": (CompactSourceRow, SourceRow),
}


def components() -> dict[str, Any]:
    """Every row shape's JSON Schema, keyed by name, referring to each other by `$ref`."""
    from pydantic.json_schema import models_json_schema

    shapes = [(shape, "serialization") for pair in ROW_SHAPES.values() for shape in pair]
    _, schema = models_json_schema(shapes, ref_template="#/components/schemas/{model}")
    return dict(schema.get("$defs", {}))
