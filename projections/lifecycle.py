"""What every fold honours about a source's life: retraction and re-extraction.

A retracted source's facts stop supporting values: its contributions are kept
(nothing is deleted) but marked `retracted`, and `merge.supporting` leaves them out.
After `ExtractionSuperseded` only the newest extraction counts: the source's
contributions are dropped and rebuilt from the facts that follow, and a fact of
another extractor version is no longer accepted.
"""

from __future__ import annotations

from ctevents.projections.model import Source

from ctevents.events import Event, ExtractionSuperseded, Fact, SourceRetracted


def accepts(source: Source, event: Event) -> bool:
    """Whether a fact still counts: not from a retracted source, nor a superseded extraction."""
    return not isinstance(event, Fact) or accepts_fact(source, event)


def accepts_fact(source: Source, event: Fact) -> bool:
    """`accepts` for an event known to be a fact (a rebuild knows each event's class)."""
    state = source.peek_state()
    if state.get("retracted"):
        return False
    current = state.get("extractor_version")
    return current is None or current == event.extractor_version


def retract(source: Source, event: SourceRetracted, position: int) -> None:
    source.state.update(retracted=True, retraction_reason=event.reason)
    for key in source.contributed_keys():
        source.contribution(key, position)["retracted"] = True


def supersede(source: Source, event: ExtractionSuperseded, position: int) -> None:
    source.state["extractor_version"] = event.extractor_version
    for key in source.contributed_keys():
        source.drop(key, position)
