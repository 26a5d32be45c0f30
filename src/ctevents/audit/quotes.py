"""Re-checking a quote against the stored source text and the source's SHA-256 before it is shown.

A quote is shown as verified only when the stored text still hashes to the
`sha256` recorded with it (and to the source's id, derived from that hash) and
`text[start:end]` is the quote. Anything else is reported with the reason, never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ctevents.audit.records import StoredSource
from ctevents.events import source_id_for, text_sha256

CONTEXT = 60  # characters of surrounding text shown on each side of a quote


def source_problems(source: StoredSource) -> list[str]:
    """What is wrong with a source's stored text as a whole (empty: nothing)."""
    problems = []
    actual = text_sha256(source.text)
    if actual != source.sha256:
        problems.append(
            f"the stored text of source {source.source_id} hashes to {actual}, "
            f"not the recorded sha256 {source.sha256}: the text was altered after recording"
        )
    elif source_id_for(source.text) != source.source_id:
        problems.append(
            f"the stored text and sha256 of source {source.source_id} belong to source "
            f"{source_id_for(source.text)}: both were altered after recording"
        )
    return problems


@dataclass(frozen=True)
class QuoteCheck:
    """A quote as re-read from the stored text, with its context and any problem found."""

    start: int
    end: int
    quote: str
    before: str
    after: str
    problems: list[str] = field(default_factory=list)

    @property
    def verified(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "context": {"before": self.before, "after": self.after},
            "verified": self.verified,
            "problems": list(self.problems),
        }


def check_quote(
    source: StoredSource,
    start: int,
    end: int,
    quote: str,
    *,
    known_problems: list[str] | None = None,
    context: int = CONTEXT,
) -> QuoteCheck:
    """The quote at `start:end`, checked against `source`'s stored text.

    `known_problems` are the source's own (from `source_problems`), passed in so a
    trace of many quotes hashes each text once.
    """
    problems = list(source_problems(source) if known_problems is None else known_problems)
    text = source.text
    if not 0 <= start <= end <= len(text):
        problems.append(f"span {start}:{end} lies outside the stored text ({len(text)} characters)")
    elif text[start:end] != quote:
        problems.append(
            f"the stored text at {start}:{end} reads {text[start:end]!r}, not the quote {quote!r}"
        )
    return QuoteCheck(
        start=start,
        end=end,
        quote=quote,
        before=text[max(0, start - context) : max(0, start)],
        after=text[end : end + context],
        problems=problems,
    )
