"""Helpers for the rule-level example tables: run the extractor on a short statement and
pick the facts of one type as plain payloads."""

from __future__ import annotations

from datetime import date
from typing import Any

from ctevents.extract import extract


def facts_of(text: str, type_name: str, published_on: date | None = None) -> list[dict[str, Any]]:
    found = extract(text, source_id="example", published_on=published_on)
    for fact in found:
        for item in fact.evidence:
            assert text[item.start : item.end] == item.quote
    return [f.model_dump(mode="json") for f in found if f.type_name == type_name]


def leaders(text: str) -> set[tuple[str, str]]:
    """(party, name) of every delegation leader the text yields."""
    return {(f["party"], f["name"]) for f in facts_of(text, "DelegationLed")}


# A remarks transcript after a meeting, written for the tests of two rules.
TRANSCRIPT = (
    "Chile-Peru Counter-Terrorism Working Group\n\n"
    "Remarks Following Meetings of the Chile-Peru Counter-Terrorism Working Group\n\n"
    "Ana Soto, Chilean Deputy Foreign Minister;\nLuis Ramos, Peruvian Vice Minister\n"
    "Lima, Peru\nMay 3, 2021\n\n"
    "VICE MINISTER RAMOS: Good afternoon. We spent the day in talks on terrorism. "
    "This is the ninth meeting of our group. It was a useful day."
)
