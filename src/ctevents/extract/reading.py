"""What every rule reads: the content sentences, the dateline and the reference date.

Furniture lines are dropped here, once, so no rule can turn them into facts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from ctevents.documents import leading_date
from ctevents.extract import noise
from ctevents.extract.dates import _MONTH, MONTHS
from ctevents.extract.segment import Sentence, content_start, sentences

# "NEW DELHI, March 3 (PTI) —": where and when a wire story was filed.
_DATELINE = re.compile(
    rf"\s*(?P<city>[A-Z][A-Z’'.-]+(?:\s+[A-Z][A-Z’'.-]+){{0,3}})"
    rf"(?:,\s*(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?)?"
    r"\s*(?:\((?:PTI|IANS|ANI|UNI|Reuters|AP|AFP|IBNS)\))?\s*[:—–-]+\s+"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    city: str | None
    date: str | None  # EDTF; "XXXX-03-03" when the year is not given


@dataclass(frozen=True, slots=True)
class Reading:
    text: str
    source_id: str
    sentences: tuple[Sentence, ...]
    reference: date | None  # what weekdays resolve against
    dateline: Dateline
    starts: tuple[int, ...]  # sentence starts, for locating a match's sentence
    lowered: str  # `text.lower()` when that keeps every offset, else `text`

    def sentence_at(self, offset: int) -> Sentence | None:
        """The content sentence containing `offset`, if any."""
        index = bisect_right(self.starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None


def _dateline(text: str, published_on: date | None) -> Dateline:
    start = content_start(text)
    if start and published_on is not None:
        return Dateline(None, published_on.isoformat())
    match = _DATELINE.match(text, start)
    if not match:
        return Dateline(None, published_on.isoformat() if published_on else None)
    city = match.group("city").title()
    if not match.group("month"):
        return Dateline(city, published_on.isoformat() if published_on else None)
    month = MONTHS[match.group("month").lower().rstrip(".")]
    day = int(match.group("day"))
    year = match.group("year") or (str(published_on.year) if published_on else None)
    try:
        when = date(int(year), month, day).isoformat() if year else f"XXXX-{month:02d}-{day:02d}"
    except ValueError:
        when = None
    return Dateline(city, when)


def read(text: str, source_id: str, published_on: date | None) -> Reading:
    published_on = published_on or leading_date(text)
    dateline = _dateline(text, published_on)
    reference = published_on
    if reference is None and dateline.date and "X" not in dateline.date:
        reference = date.fromisoformat(dateline.date)
    filed = _DATELINE.match(text, content_start(text))
    after = filed.end() if filed else 0
    content = [
        _after(s, after, text)
        for s in sentences(text)
        if s.end > after and not _in_furniture(text, s)
    ]
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lowered
        lowered = text
    starts = tuple(s.start for s in content)
    return Reading(text, source_id, tuple(content), reference, dateline, starts, lowered)


def _after(sentence: Sentence, offset: int, text: str) -> Sentence:
    """The sentence without the dateline it opens with: the dateline is not content."""
    if sentence.start >= offset:
        return sentence
    return Sentence(offset, sentence.end, text[offset : sentence.end], sentence.paragraph)


def _in_furniture(text: str, sentence: Sentence) -> bool:
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line = text[max(line_start, content_start(text)) : len(text) if line_end < 0 else line_end]
    return noise.is_furniture(line)
