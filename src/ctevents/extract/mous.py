"""Memoranda of Understanding signed: subject, signing bodies, signatories, date, place.

A signing in the past perfect or in a year gone by ("had signed", "signed in 2016") is
background; a future one ("will sign") has not happened; both yield nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ctevents.events import Signatory
from ctevents.extract import dates, gazetteer, noise
from ctevents.extract.people import split_officials
from ctevents.extract.reading import Reading
from ctevents.extract.segment import Sentence

_MOU = r"(?:Memorandum|Memoranda)\s+of\s+Understanding|MoUs?|MOUs?"
MOU = re.compile(rf"\b(?:{_MOU})\b")
SIGNED = re.compile(r"\b(?:signed|signing|inked|exchanged|concluded)\b", re.I)
_BACKGROUND = re.compile(
    r"\bhad\s+(?:been\s+)?(?:signed|inked)|\bpreviously\b|\bearlier\s+signed"
    r"|\bsigned\s+in\s+(?:19|20)\d\d\b|\b(?:will|would|to)\s+(?:be\s+)?sign|\bproposed\b",
    re.I,
)
SUBJECT = re.compile(
    rf"\b(?:{_MOU})(?:\s*\((?:MoU|MOU)\))?\s+(?:on|for|regarding|concerning|relating\s+to|"
    r"in\s+the\s+(?:field|area)s?\s+of)\s+(?!behalf\b)(?P<subject>.+?)"
    r"(?=\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d|the\s+\d)|"
    r"between|was|were|is|at|in\s+[A-Z]|during|by|with|and\s+(?:was|were))\b|[,.;]|$)"
)
BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+)?(?P<a>[A-Z].+?)\s+and\s+(?:the\s+)?(?P<b>[A-Z].+?)"
    r"(?=[.,;]|\s+(?:on|in|at|during|was|were)\s|$)"
)
SIGNED_BY_THEM = re.compile(rf"\s+signed\s+(?:the\s+)?(?:{_MOU}|Memorandum|agreement|document)\b")
SIGNED_BY = re.compile(rf"\b(?:{_MOU})\s+(?:was|were)\s+signed\s+by\s+")
SIGNED_AT = re.compile(
    r"\bsigned\b[^.;]{0,40}?\b(?:at|in)\s+(?:the\s+)?(?P<place>[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|for|and))*)"
)


@dataclass
class MoU:
    subject: str
    parties: tuple[str, ...]
    bodies: list[str] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    date: str | None = None
    location: str | None = None
    passages: list[Sentence] = field(default_factory=list)


def _fold(value: str) -> str:
    return re.sub(r"\W+", " ", value.lower()).strip()


def find(reading: Reading, parties: tuple[str, ...]) -> list[MoU]:
    """MoUs signed, one per subject, completed by later sentences about "the MoU"."""
    text = reading.text
    found: dict[str, MoU] = {}
    last: MoU | None = None
    for sentence in reading.sentences:
        s, e = sentence.start, sentence.end
        if not MOU.search(sentence.text) or not SIGNED.search(sentence.text):
            continue
        if noise.is_negated(sentence.text) or _BACKGROUND.search(sentence.text):
            continue
        subject_match = SUBJECT.search(text, s, e)
        if subject_match:
            subject = subject_match.group("subject").strip()
            key = _fold(subject)
            mou = found.get(key)
            if mou is None:
                countries = tuple(sorted({m.code for m in gazetteer.mentions(text, s, e)}))
                mou = MoU(subject=subject, parties=countries if len(countries) >= 2 else parties)
                found[key] = mou
        elif last is not None:
            mou = last
        else:
            continue
        last = mou
        mou.passages.append(sentence)
        _complete(reading, mou, sentence)
    return list(found.values())


def _complete(reading: Reading, mou: MoU, sentence: Sentence) -> None:
    text, s, e = reading.text, sentence.start, sentence.end
    between = BETWEEN.search(text, s, e)
    if between and not mou.bodies:
        bodies = [between.group("a").strip(), between.group("b").strip()]
        if not all(gazetteer.code_for(b) for b in bodies):
            mou.bodies = bodies
    if mou.date is None:
        day = dates.first_day(dates.date_mentions(text, s, e, reading.reference, reading.today))
        if day is not None:
            mou.date = day.edtf
    if mou.location is None:
        at = SIGNED_AT.search(text, s, e)
        if at:
            place = re.sub(r"\s+(?:and|of|for)$", "", at.group("place"))
            mou.location = place.rstrip("’'\"”") or None
    chunk = None
    by_them = SIGNED_BY_THEM.search(text, s, e)
    if by_them:
        chunk = text[s : by_them.start()]
    by = SIGNED_BY.search(text, s, e)
    if by:
        chunk = text[by.end() : e]
    if chunk and not mou.signatories:
        officials = split_officials(chunk)
        taken = {o.party for o in officials if o.party}
        remaining = [p for p in mou.parties if p not in taken]
        for official in officials:
            party = official.party or (remaining.pop(0) if remaining else None)
            mou.signatories.append(Signatory(name=official.name, title=official.title, party=party))
