"""Events are frozen in depth, validated, and known by their wire names."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from ctevents.events import (
    Evidence,
    MeetingHeld,
    SourceRecorded,
    event_types,
    source_id_for,
    text_sha256,
)
from tests.support.event_samples import sample_events


@pytest.mark.parametrize("event", sample_events(), ids=lambda e: e.type_name)
def test_every_event_is_immutable(event):
    field = next(iter(type(event).model_fields))
    with pytest.raises(ValidationError, match="frozen"):
        setattr(event, field, None)


def test_collections_inside_events_cannot_be_changed():
    evidence = Evidence(source_id="s", start=0, end=5, quote="India")
    meeting = MeetingHeld(
        meeting_key="k",
        mechanism="JWG",
        parties=["IN", "MV"],
        evidence=[evidence],
        extractor_version="1",
    )
    assert isinstance(meeting.parties, tuple)
    with pytest.raises(AttributeError):
        meeting.parties.append("US")  # type: ignore[attr-defined]
    with pytest.raises(ValidationError, match="frozen"):
        meeting.evidence[0].start = 1  # type: ignore[misc]


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError, match="extra"):
        MeetingHeld(
            meeting_key="k",
            mechanism="m",
            parties=[],
            evidence=[],
            extractor_version="1",
            venue="Male",
        )


@pytest.mark.parametrize(("start", "end", "quote"), [(0, 3, "India"), (5, 2, ""), (-1, 4, "Indi")])
def test_evidence_span_must_fit_its_quote(start, end, quote):
    with pytest.raises(ValidationError, match="evidence span"):
        Evidence(source_id="s", start=start, end=end, quote=quote)


def test_source_id_is_deterministic_from_the_text():
    assert source_id_for("a statement") == source_id_for("a statement")
    assert source_id_for("a statement") != source_id_for("a statement.")
    assert len(text_sha256("x")) == 64


def test_wire_names_are_class_names():
    types = event_types()
    assert types["SourceRecorded"] is SourceRecorded
    assert "Fact" not in types and "Event" not in types
    assert all(name == cls.__name__ for name, cls in types.items())
