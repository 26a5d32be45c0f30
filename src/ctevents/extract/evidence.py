"""Evidence items: exact spans of the source that assert a fact."""

from __future__ import annotations

from ctevents.events import Evidence
from ctevents.extract.segment import Sentence


def span(text: str, source_id: str, start: int, end: int) -> Evidence:
    return Evidence(source_id=source_id, start=start, end=end, quote=text[start:end])


def of_sentences(text: str, source_id: str, passages: list[Sentence]) -> tuple[Evidence, ...]:
    """One evidence item per distinct passage, in text order."""
    seen: dict[tuple[int, int], Evidence] = {}
    for passage in passages:
        key = (passage.start, passage.end)
        if key not in seen:
            seen[key] = span(text, source_id, passage.start, passage.end)
    return tuple(seen[key] for key in sorted(seen))
