"""Meetings held and next meetings scheduled, from mechanism mentions in context.

A mention is a meeting held when the sentence says so (an ordinal, "held", "met",
"meeting of"); it is a next meeting when "next" governs it or the verb is future;
background ("the previous meeting", "was set up in") is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ctevents.extract import dates, noise, parties, places
from ctevents.extract.keys import meeting_key
from ctevents.extract.mechanisms import MechanismMention, mentions
from ctevents.extract.reading import Reading
from ctevents.extract.segment import Sentence

HELD = re.compile(
    r"\b(?:held|hold|met|meet|took\s+place|convened|meeting|session|round|co-?chaired|"
    r"chaired|concluded|hosted|edition|talks)\b",
    re.I,
)
NEXT = re.compile(
    r"\bnext\s+(?:[\w-]+\s+){0,3}?(?:meeting|round|session|edition|iteration|JWG|Dialogue|"
    r"dialogue|Consultations|consultations|talks)\b"
    r"|\b(?:agreed|decided)\s+to\s+(?:hold|convene|meet)\s+(?:again|the\s+next)",
    re.I,
)
BACKGROUND = re.compile(
    r"\b(?:previous|last|earlier|preceding|prior|past)\s+(?:[\w-]+\s+){0,2}?(?:meeting|round|session|edition)s?\b"
    r"|\bhad\s+(?:held|met|convened)\b|\bsince\s+(?:its|the)\s+(?:inception|establishment)"
    r"|\b(?:was|were)\s+(?:set\s+up|established|constituted|created|launched)\b",
    re.I,
)
GENERIC_MEETING = re.compile(
    r"\b(?:meeting|talks|dialogue|consultations|session)\s+(?:[\w-]+\s+){0,3}?(?:was|were)\s+held\b",
    re.I,
)
# Verbs that assert a meeting happened, not merely refer to it.
STRONG_HELD = re.compile(
    r"\b(?:held|met|took\s+place|convened|co-?chaired|chaired|concluded|hosted)\b", re.I
)
_NO_DATE = re.compile(r"\bno\s+date|\bnot\s+(?:yet\s+)?(?:been\s+)?(?:fixed|decided|set)", re.I)
_HOSTS = re.compile(r"\b(?P<host>[A-Z][\w ]{1,30}?)\s+(?:will|would|is\s+to|agreed\s+to)\s+host\b")


@dataclass
class Meeting:
    key: str
    mechanism: str
    kind: str
    parties: tuple[str, ...]
    ordinal: int | None
    date: str | None
    location: str | None
    passages: list[Sentence] = field(default_factory=list)


@dataclass
class NextMeeting:
    mechanism: str | None
    kind: str
    parties: tuple[str, ...]
    ordinal: int | None
    location: str | None
    date: str | None
    passages: list[Sentence] = field(default_factory=list)


@dataclass(frozen=True)
class _Candidate:
    sentence: Sentence
    mention: MechanismMention
    parties: tuple[str, ...]


def _is_next(reading: Reading, sentence: Sentence, mention: MechanismMention) -> bool:
    before = reading.text[max(sentence.start, mention.start - 60) : mention.start]
    return bool(re.search(r"\bnext\b", before, re.I)) or bool(
        re.search(r"\b(?:will|shall)\s+be\s+held|\bto\s+be\s+held\b", sentence.text)
        and not re.search(r"\b(?:was|were)\s+held\b", sentence.text)
    )


def find(reading: Reading, statement_parties: tuple[str, ...]) -> list[Meeting]:
    """Meetings the statement reports as held, first-mentioned first."""
    text = reading.text
    candidates: list[_Candidate] = []
    generic: list[Sentence] = []
    for sentence in reading.sentences:
        if noise.is_negated(sentence.text) or BACKGROUND.search(sentence.text):
            continue
        found = mentions(text, sentence.start, sentence.end)
        if not found and GENERIC_MEETING.search(sentence.text) and not NEXT.search(sentence.text):
            generic.append(sentence)
        for mention in found:
            if _is_next(reading, sentence, mention):
                continue
            if mention.ordinal is None and not HELD.search(sentence.text):
                continue
            located = places.place_in(text, mention.end, sentence.end)
            exclude = (located[1], located[2]) if located else None
            pair = parties.sentence_parties(text, sentence.start, sentence.end, exclude)
            candidates.append(_Candidate(sentence, mention, pair or statement_parties))
    meetings: list[Meeting] = []
    # Mentions with an ordinal (or a full name) define meetings; bare ones fold into them.
    ordered = sorted(candidates, key=lambda c: (c.mention.ordinal is None, c.mention.start))
    for candidate in ordered:
        target = _same_meeting(meetings, candidate.mention)
        asserted = candidate.mention.ordinal is not None or STRONG_HELD.search(
            candidate.sentence.text
        )
        if not asserted:
            continue  # a passing reference ("the JWG meeting converged …")
        if target is None:
            target = _new_meeting(candidate)
            meetings.append(target)
        target.passages.append(candidate.sentence)
    meetings.sort(key=lambda m: min(p.start for p in m.passages))
    if meetings:
        # "The meeting was held on …" completes the first meeting named.
        meetings[0].passages.extend(generic)
    for meeting in meetings:
        _finish(reading, meeting)
    return meetings


def _same_meeting(meetings: list[Meeting], mention: MechanismMention) -> Meeting | None:
    for meeting in meetings:
        same_kind = meeting.kind == mention.kind or (
            not mention.has_subject and meeting.kind.split("-")[0] == mention.kind
        )
        if same_kind and mention.ordinal in (None, meeting.ordinal):
            return meeting
    return None


def _new_meeting(candidate: _Candidate) -> Meeting:
    mention = candidate.mention
    return Meeting(
        key="",
        mechanism=mention.name,
        kind=mention.kind,
        parties=candidate.parties,
        ordinal=mention.ordinal,
        date=None,
        location=None,
    )


def _meeting_date(reading: Reading, meeting: Meeting) -> str | None:
    text = reading.text
    for passage in meeting.passages:
        found = dates.date_mentions(text, passage.start, passage.end, reading.reference)
        day = dates.first_day(found)
        if day is not None:
            return day.edtf
        coarse = [m for m in found if m.precision == "month"] or [
            m for m in found if m.precision == "year"
        ]
        if coarse:
            return coarse[0].edtf
    # The lead usually dates what the statement reports.
    for passage in reading.sentences[:3]:
        if NEXT.search(passage.text) or BACKGROUND.search(passage.text):
            continue
        found = dates.date_mentions(text, passage.start, passage.end, reading.reference)
        day = dates.first_day(found)
        if day is not None:
            return day.edtf
    return None


def _meeting_place(reading: Reading, meeting: Meeting) -> str | None:
    text = reading.text
    if any(places.VIRTUAL.search(p.text) for p in meeting.passages):
        return None
    for passage in meeting.passages:
        if places.HERE.search(passage.text):
            if reading.dateline.city:
                return reading.dateline.city
            for other in reading.sentences:
                stay = places.stay_place(text, other.start, other.end)
                if stay:
                    return stay
            return None
        found = places.place_in(text, passage.start, passage.end)
        if found:
            return found[0]
    return None


def _finish(reading: Reading, meeting: Meeting) -> None:
    meeting.date = _meeting_date(reading, meeting)
    meeting.location = _meeting_place(reading, meeting)
    meeting.key = meeting_key(
        meeting.parties, meeting.kind, meeting.ordinal, meeting.date, reading.source_id
    )


def find_next(
    reading: Reading, held: list[Meeting], statement_parties: tuple[str, ...]
) -> list[NextMeeting]:
    """Next meetings the statement says were agreed, one per mechanism."""
    text = reading.text
    found: dict[str, NextMeeting] = {}
    primary = held[0] if held else None
    for sentence in reading.sentences:
        cue = NEXT.search(sentence.text)
        if not cue or noise.is_negated(sentence.text) or BACKGROUND.search(sentence.text):
            continue
        named = mentions(text, sentence.start, sentence.end)
        mention = named[0] if named else None
        cue_start = sentence.start + cue.start()
        kind = mention.kind if mention else (primary.kind if primary else "meeting")
        mechanism = mention.name if mention else (primary.mechanism if primary else None)
        for meeting in held:
            if mention and (meeting.kind == kind or not mention.has_subject):
                kind, mechanism = meeting.kind, meeting.mechanism
        location = None
        if not places.VIRTUAL.search(sentence.text):
            where = places.place_in(text, cue_start, sentence.end)
            location = where[0] if where else None
            host = _HOSTS.search(sentence.text)
            if location is None and host:
                location = places.clean_place(host.group("host"))
        when = None
        if not _NO_DATE.search(sentence.text):
            mentioned = dates.date_mentions(text, cue_start, sentence.end, None)
            explicit = [m for m in mentioned if m.edtf and not m.relative]
            when = explicit[0].edtf if explicit else None
        entry = found.get(kind)
        if entry is None:
            entry = NextMeeting(
                mechanism=mechanism,
                kind=kind,
                parties=primary.parties if primary else statement_parties,
                ordinal=mention.ordinal if mention else None,
                location=location,
                date=when,
            )
            found[kind] = entry
        entry.location = entry.location or location
        entry.date = entry.date or when
        entry.passages.append(sentence)
    return list(found.values())
