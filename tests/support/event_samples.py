"""One valid instance of every event type, built from the models' own field types.

Built rather than listed so that a newly added event type is covered by the
round-trip tests without anyone remembering to add it here.
"""

from __future__ import annotations

import types
import typing
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4

from pydantic import BaseModel

from ctevents.codec import RecordedEvent
from ctevents.events import Event, Evidence, event_types

NOW = datetime(2023, 7, 25, 6, 30, tzinfo=UTC)
SOURCE_ID = "ef090937-77d1-5433-969d-e4c695222976"
EVIDENCE = Evidence(source_id=SOURCE_ID, start=4, end=9, quote="India")


def _value(annotation: Any, name: str) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _value(options[0], name)
    if origin is tuple:
        return (_value(typing.get_args(annotation)[0], name),)
    if annotation is Evidence:
        return EVIDENCE
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return sample_model(annotation)
    if annotation is bool:
        return True
    if annotation is int:
        return 2
    if annotation is datetime:
        return datetime(2023, 7, 25, 6, 30, tzinfo=UTC)
    if annotation is date:
        return date(2023, 7, 25)
    if annotation is str:
        return {"party": "IN", "parties": "IN", "date": "2023-07-24"}.get(name, f"{name} — é")
    raise TypeError(f"no sample for {annotation!r} ({name})")


def sample_model(cls: type[BaseModel]) -> Any:
    return cls(**{name: _value(f.annotation, name) for name, f in cls.model_fields.items()})


def sample_events() -> list[Event]:
    return [sample_model(cls) for _, cls in sorted(event_types().items())]


def placed(events: list[Event], stream: UUID | None = None) -> list[RecordedEvent]:
    """`events` as the versions 1, 2, … of one stream (a new one unless given), ready to append."""
    stream = stream or uuid4()
    return [
        RecordedEvent(originator_id=stream, originator_version=i + 1, timestamp=NOW, event=e)
        for i, e in enumerate(events)
    ]
