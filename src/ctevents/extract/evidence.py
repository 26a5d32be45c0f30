"""Evidence items: exact spans of the source that assert a fact."""

from __future__ import annotations

from ctevents.events import Evidence
from ctevents.extract.segment import Sentence


def span(text: str, source_id: str, start: int, end: int) -> Evidence:
    return Evidence(source_id=source_id, start=start, end=end, quote=text[start:end])


def of_sentences(
    text: str,
    source_id: str,
    passages: list[Sentence],
    made: dict[tuple[int, int], Evidence] | None = None,
) -> tuple[Evidence, ...]:
    """One evidence item per distinct passage, in text order. `made` holds the items already
    built for this text: evidence is immutable, so facts citing one sentence share its item."""
    made = {} if made is None else made
    keys: set[tuple[int, int]] = set()
    for passage in passages:
        key = (passage.start, passage.end)
        keys.add(key)
        if key not in made:
            made[key] = span(text, source_id, passage.start, passage.end)
    return tuple(made[key] for key in sorted(keys))
