"""What every rule reads: the statement once read, and what earlier steps found.

A rule is a function `extract(ctx) -> list[Fact]`. The context holds the reading, the
meetings held and to come (found once, before the rules run), the meeting the statement
reports, its sides, and the evidence items already built, so rules share them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ctevents.events import Evidence
from ctevents.extract.evidence import of_sentences, span
from ctevents.extract.meetings import Meeting, NextMeeting
from ctevents.extract.reading import Reading
from ctevents.extract.segment import Sentence


@dataclass
class Context:
    reading: Reading
    source_id: str
    version: str
    statement_parties: tuple[str, ...]
    held: list[Meeting]
    upcoming: list[NextMeeting]
    # The first meeting the statement reports: facts about it carry its key.
    key: str | None
    # The meeting whose heads the statement names: the one held, else an announced one.
    leaders_key: str | None
    sides: tuple[str, ...]
    # The sides in the order the statement first names them (for "respective" lists).
    ordered_sides: tuple[str, ...]
    # Words of the delegation leaders' names, by side: a condemnation by a named head.
    officials: dict[str, str] = field(default_factory=dict)
    made: dict[tuple[int, int], Evidence] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.reading.text

    def evidence(
        self, passages: list[Sentence], values: tuple[tuple[int, int], ...] = ()
    ) -> tuple[Evidence, ...]:
        """The passages' items, then one item per span of words carrying a value (a date's
        words, a place's name) not already a passage."""
        items = of_sentences(self.text, self.source_id, passages, self.made)
        seen = {(e.start, e.end) for e in items}
        extra = []
        for start, end in sorted(set(values)):
            if (start, end) in seen or start >= end:
                continue
            if (start, end) not in self.made:
                self.made[(start, end)] = span(self.text, self.source_id, start, end)
            extra.append(self.made[(start, end)])
        return items + tuple(extra)
