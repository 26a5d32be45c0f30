"""Which countries a statement is between: from pairs such as "India-US",
"between Maldives and India" or "India and France held …"."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from ctevents.extract import gazetteer, multilateral
from ctevents.extract.segment import Sentence

_JOIN = re.compile(r"^\s*(?:[-–—/]|,?\s+and\s+(?:the\s+)?|\s*&\s*)\s*$")


def pairs_in(text: str, start: int, end: int) -> list[tuple[str, str]]:
    """Country pairs written as "X-Y", "X and Y", "X & Y" in `text[start:end]`."""
    found = gazetteer.mentions(text, start, end)
    if text.find("(", start, end) >= 0:
        # "Additional Secretary (Afghanistan and Iran)": a post's beat, not the parties.
        found = [
            m for m in found if text.rfind("(", start, m.start) <= text.rfind(")", start, m.start)
        ]
    result: list[tuple[str, str]] = []
    for left, right in pairwise(found):
        if left.code != right.code and _JOIN.match(text[left.end : right.start]):
            result.append(tuple(sorted((left.code, right.code))))  # type: ignore[arg-type]
    return result


def document_parties(text: str, sentences: list[Sentence]) -> tuple[str, ...]:
    """The pair the statement is about: the most often written pair, earliest first; or the
    group its lead lists as meeting together (`multilateral.group_in_lead`)."""
    group = multilateral.group_in_lead(text, [(s.start, s.end) for s in sentences[:3]])
    if group:
        return group
    counts: Counter[tuple[str, str]] = Counter()
    first_seen: dict[tuple[str, str], int] = {}
    for sentence in sentences:
        for pair in pairs_in(text, sentence.start, sentence.end):
            counts[pair] += 1
            first_seen.setdefault(pair, sentence.start)
    singles: Counter[str] = Counter()
    for sentence in sentences:
        for mention in gazetteer.mentions(text, sentence.start, sentence.end):
            singles[mention.code] += 1
    top = [code for code, _ in singles.most_common(2)]
    if counts:
        best = max(counts, key=lambda pair: (counts[pair], -first_seen[pair]))
        # "… the Prime Minister of Turkey and … the Prime Minister of Australia …" named over
        # and over, "Iraq and Syria" once as a subject: the two named most are the sides
        passing = counts[best] == 1 and not set(best) & set(top)
        if passing and len(top) == 2 and min(singles[code] for code in top) >= 3:
            return tuple(sorted(top))  # type: ignore[return-value]
        # "The U.K. has signed agreements with Kenya and Somalia", then the U.K. named over
        # and over: the state named most is a side, with the one of the pair named more
        # (only a pair of partners "with" it; a pair that is the subject stays the sides)
        lead = top[0] if top else None
        if (
            counts[best] == 1
            and lead not in best
            and singles[lead] >= 3
            and singles[lead] > max(singles[code] for code in best)
            and _partners_with(text, first_seen[best], best)
        ):
            other = max(best, key=lambda code: (singles[code], -best.index(code)))
            return tuple(sorted((lead, other)))  # type: ignore[return-value]
        return best
    # No pair written together: the two countries named most often.
    return tuple(sorted(top)) if len(top) == 2 else ()


_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$")


def _partners_with(text: str, start: int, pair: tuple[str, str]) -> bool:
    """Whether the pair first written in the sentence at `start` follows "with"."""
    for mention in gazetteer.mentions(text, start, len(text)):
        if mention.code in pair:
            return bool(_WITH_BEFORE.search(text, max(0, mention.start - 12), mention.start))
    return False


def sentence_parties(
    text: str, start: int, end: int, exclude: tuple[int, int] | None = None
) -> tuple[str, ...]:
    """A pair named in the passage (outside `exclude`, e.g. the meeting place)."""
    pairs = pairs_in(text, start, end)
    if pairs:
        return pairs[0]
    codes = []
    for mention in gazetteer.mentions(text, start, end):
        if exclude and exclude[0] <= mention.start < exclude[1]:
            continue
        if mention.code not in codes:
            codes.append(mention.code)
    return tuple(sorted(codes)) if len(codes) == 2 else ()
