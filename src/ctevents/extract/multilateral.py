"""The parties of a meeting of more than two states.

A mechanism of a grouping takes the grouping's members from a small table ("BIMSTEC Joint
Working Group …": its seven members); a mechanism named by three or more states joined
("Australia-Japan-United States Counter-Terrorism Consultation", "Pakistan-China-Iran
Trilateral Consultation") takes those states; a trilateral mechanism takes the three states
the statement names most, or that its sentence lists ("… among China, Pakistan and
Afghanistan").
"""

from __future__ import annotations

import re
from collections import Counter

from ctevents.extract import gazetteer

# Groupings that hold counter-terrorism mechanisms of their own, and their members.
MEMBERS: dict[str, tuple[str, ...]] = {
    "BIMSTEC": ("BD", "BT", "IN", "LK", "MM", "NP", "TH"),
    "Quad": ("AU", "IN", "JP", "US"),
    "C5+1": ("KG", "KZ", "TJ", "TM", "US", "UZ"),
    "GCC": ("AE", "BH", "KW", "OM", "QA", "SA"),
}
_GROUPING = re.compile(r"\b(?P<name>BIMSTEC|Quad|C5\s*\+\s*1|GCC)\b")
_JOINED = re.compile(r"^\s*(?:[-–—/]|,\s*|,?\s+and\s+)\s*$")
_SEVERAL = re.compile(r"\b(?:[Tt]rilateral|[Tt]ripartite|[Tt]hree-way|[Tt]hree\s+countries)\b")
_COUNT = {"trilateral": 3, "tripartite": 3, "three-way": 3, "three countries": 3}


def _grouping(words: str) -> tuple[str, ...] | None:
    found = _GROUPING.search(words)
    if not found:
        return None
    return MEMBERS[re.sub(r"\s+", "", found.group("name"))]


def _chain(text: str, start: int, end: int) -> list[str]:
    """The longest run of states joined by hyphens, commas or "and" in text[start:end]."""
    best: list[str] = []
    run: list[str] = []
    previous = None
    for mention in gazetteer.mentions(text, start, end):
        if previous is not None and _JOINED.match(text[previous.end : mention.start]):
            if mention.code not in run:
                run.append(mention.code)
        else:
            run = [mention.code]
        previous = mention
        if len(run) > len(best):
            best = list(run)
    return best


def members(
    text: str,
    sentence_start: int,
    sentence_end: int,
    name_start: int,
    name_end: int,
    document_counts: Counter[str] | None = None,
) -> tuple[str, ...] | None:
    """The parties of a mechanism named at text[name_start:name_end] when more than two
    states take part; None for a bilateral one."""
    around = text[max(sentence_start, name_start - 20) : name_end]
    grouping = _grouping(around)
    if grouping:
        return grouping
    window = max(sentence_start, name_start - 60)
    # three states joined need at least two joints: hyphens, commas or "and"
    joints = text.count("-", window, name_end) + text.count(",", window, name_end)
    if joints >= 2 or " and " in text[window:name_end]:
        chained = _chain(text, window, name_end)
        if len(chained) >= 3:
            return tuple(sorted(chained))
    several = _SEVERAL.search(text, max(sentence_start, name_start - 30), name_end)
    if not several:
        return None
    listed = _chain(text, sentence_start, sentence_end)
    if len(listed) >= 3:
        return tuple(sorted(listed))
    if document_counts and len(document_counts) >= 3:
        top = [code for code, _ in document_counts.most_common(3)]
        return tuple(sorted(top))
    return None
