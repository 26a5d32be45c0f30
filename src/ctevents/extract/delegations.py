"""Who led each side: "The Indian delegation was led by …", "A, TITLE, and B, TITLE
led their respective delegations", "co-chaired by …", "… led the French side"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ctevents.extract import gazetteer
from ctevents.extract.people import Official, split_officials
from ctevents.extract.reading import Reading, sentences_at
from ctevents.extract.segment import Sentence
from ctevents.extract.starts import fast

_LED = r"(?:(?:co-?|jointly\s+)?(?:led|headed|chaired)|represented)"
SIDE_LED_BY = fast(
    re.compile(
        r"\b(?:delegation|side|team)s?\b,?\s+(?:was\s+|were\s+|is\s+|being\s+)?"
        rf"{_LED}\s+by\s+",
        re.I,
    )
)
# "…, and the Canadian side by NAME", "…, the Chinese delegation by NAME": the verb of the
# first clause is understood.
ELLIPTIC_SIDE = re.compile(
    r"(?:,?\s+(?:and|while|whereas)|;|,)\s+(?:the\s+|a\s+)?(?P<side>(?:[\w.’'-]+\s+){1,3}?)"
    r"(?:delegation|side|team)\s+(?:was\s+|were\s+)?by\s+"
)
# "Leading the Indian delegation was NAME", "Heading the Kenyan side was NAME": the
# subject after the verb.
LEADING_THE = fast(
    re.compile(
        r"\b(?:Leading|Heading|Chairing)\s+(?:the|a)\s+(?P<side>(?:[\w.’'-]+\s+){1,3}?)"
        r"(?:delegation|side|team)\s*,?\s+(?:was|were|is)\s+"
    )
)
# "…, and Iraq's by NAME": a side named by its possessive alone, the verb understood.
ELLIPTIC_POSSESSIVE = re.compile(
    r"(?:,?\s+(?:and|while|whereas)|;|,)\s+(?:the\s+)?(?P<side>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})"
    r"['’]s?\s+by\s+"
)
# "A, TITLE, and B, TITLE, co-chaired the meeting": the chairs listed before the verb.
CHAIRED_THE = re.compile(
    r",?\s+(?:co-?chaired|co-?led|jointly\s+(?:led|chaired)|chaired)\s+the\s+"
    r"(?:[\w-]+\s+){0,3}?(?:meeting|consultations?|dialogue|talks|session|round|JWG|group)\b",
    re.I,
)
LED_THE_SIDE = re.compile(
    r"\s+(?:led|headed)\s+(?:the|a)\s+(?P<side>(?:[\w.-]+\s+){1,3}?)(?:delegation|side|team)\b"
)
RESPECTIVE = re.compile(
    r",?\s+(?:led|headed|co-?led)\s+(?:their|the)\s+(?:respective\s+|two\s+|countries['’]\s+)?"
    r"(?:delegations|sides|teams)\b"
    # "A, TITLE, and B, TITLE, attended the consultation as the heads of their respective
    # delegations"
    r"|,?\s+(?:attended|participated\s+in|took\s+part\s+in)\s+(?:[\w-]+\s+){1,4}?as\s+(?:the\s+)?"
    r"(?:heads?|leaders?)\s+of\s+(?:their|the)\s+respective\s+(?:delegations|sides|teams)\b"
)
# "headed on the Saudi side by A, and on the Egyptian side by B": the side before "by".
ON_SIDE = fast(re.compile(r"\bon\s+the\s+(?P<side>(?:[\w.’'-]+\s+){1,3}?)side\s+by\s+"))
# "The Dialogue … was led by A and B": the meeting's chairs, one per side, when two are named.
MEETING_LED_BY = fast(
    re.compile(
        r"\b(?:meeting|dialogue|talks|consultations?|session|round|group|JWG|committee)\s+"
        r"(?:(?:on|for)\s+[\w\s-]{1,60}?\s+)?(?:was|were)\s+(?:co-?|jointly\s+)?(?:led|chaired|headed)\s+by\s+",
        re.I,
    )
)
# "the delegation comprised officials of …, and was led by NAME": the side named earlier.
AND_WAS_LED = re.compile(r",?\s+and\s+was\s+(?:led|headed)\s+by\s+")
CO_CHAIRED = re.compile(r"\b(?:co-?chaired|jointly\s+chaired|co-?led)\s+by\s+", re.I)
_CHUNK_END = re.compile(
    r",?\s+(?:and|while|whereas)\s+(?:the\s+|a\s+|an\s+)?(?:[\w.’'-]+\s+){0,3}?"
    r"(?:delegation|side|team)\b"
    r"|,\s+(?:the\s+)?(?:[\w.’'-]+\s+){1,3}?(?:delegation|side|team)\s+by\b"
    r"|,?\s+(?:and|while|whereas)\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}['’]s?\s+by\b"
    r"|,?\s+(?:while|whereas|who|which|included|including|comprising|comprised|consisting|"
    r"accompanied|assisted|supported|held|met|called|said|and\s+(?:held|discussed|met|included))\b"
    # ", the Ministry of External Affairs said", ", officials said", ", according to …"
    r"|,\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}?(?:said|stated|added|noted|announced)\b"
    r"|,?\s+according\s+to\b"
    r"|;|[.]\s*$"
)
_CLAUSE_START = re.compile(r"(?:^|;|\bwhile\b|\bwhereas\b|,\s+and\b)\s*", re.I)


_LEADER_VERB = re.compile(r"led|lead|head|chair|represent")


@dataclass
class Leader:
    party: str
    name: str
    title: str | None
    passages: list[Sentence] = field(default_factory=list)


def _side_party(text: str, start: int, end: int) -> str | None:
    found = gazetteer.mentions(text, max(start, end - 45), end)
    return found[-1].code if found else None


def _chunk(text: str, start: int, end: int) -> str:
    stop = _CHUNK_END.search(text, start, end)
    return text[start : stop.start() if stop else end]


def _assign(officials: list[Official], parties: tuple[str, ...]) -> list[tuple[str, Official]]:
    """Parties by what each title names, the rest in the order the statement lists them."""
    taken = {o.party for o in officials if o.party in parties}
    remaining = [p for p in parties if p not in taken]
    result = []
    for official in officials:
        party = official.party if official.party in parties else None
        if party is None and remaining:
            party = remaining.pop(0)
        if party:
            result.append((party, official))
    return result


def find(reading: Reading, parties: tuple[str, ...]) -> list[Leader]:
    """Delegation leaders, one per person per side, with every passage naming them."""
    text = reading.text
    leaders: dict[tuple[str, str], Leader] = {}

    def add(party: str, official: Official, sentence: Sentence) -> None:
        key = (party, official.name.lower())
        if key not in leaders:
            leaders[key] = Leader(party, official.name, official.title)
        leaders[key].passages.append(sentence)

    # No sentence names a leader without one of these verbs: one scan finds the few that may.
    verbs = [match.start() for match in _LEADER_VERB.finditer(reading.lowered)]
    for sentence in sentences_at(reading, verbs):
        s, e = sentence.start, sentence.end
        # Words some rules cannot match without: a substring test spares their scan.
        low = sentence.text.lower()
        by, chaired = "by" in low, "chaired" in low or "led" in low
        led = list(SIDE_LED_BY.finditer(text, s, e)) if by else []
        for match in led:
            party = _side_party(text, s, match.start())
            if party is None:
                continue
            for official in split_officials(_chunk(text, match.end(), e)):
                add(party, official, sentence)
        if led:
            for match in ELLIPTIC_POSSESSIVE.finditer(text, led[0].end(), e):
                party = _side_party(text, match.start("side"), match.end("side"))
                if party is None:
                    continue
                for official in split_officials(_chunk(text, match.end(), e)):
                    add(party, official, sentence)
            for match in ELLIPTIC_SIDE.finditer(text, led[0].end(), e):
                party = _side_party(text, match.start("side"), match.end("side"))
                if party is None:
                    continue
                for official in split_officials(_chunk(text, match.end(), e)):
                    add(party, official, sentence)
        for match in LEADING_THE.finditer(text, s, e) if "ing the" in low else ():
            party = _side_party(text, match.start("side"), match.end("side"))
            if party is None:
                continue
            for official in split_officials(_chunk(text, match.end(), e)):
                add(party, official, sentence)
        for match in CHAIRED_THE.finditer(text, s, e) if chaired else ():
            chunk = text[s : match.start()]
            for party, official in _assign(split_officials(chunk), parties):
                add(party, official, sentence)
        for match in LED_THE_SIDE.finditer(text, s, e):
            party = _side_party(text, match.start("side"), match.end("side"))
            if party is None:
                continue
            starts = [m.end() for m in _CLAUSE_START.finditer(text, s, match.start())]
            chunk = text[starts[-1] if starts else s : match.start()]
            for official in split_officials(chunk):
                add(party, official, sentence)
        for match in (
            RESPECTIVE.finditer(text, s, e)
            if "delegations" in low or "sides" in low or "teams" in low
            else ()
        ):
            chunk = text[s : match.start()]
            for party, official in _assign(split_officials(chunk), parties):
                add(party, official, sentence)
        for match in ON_SIDE.finditer(text, s, e) if "side" in sentence.text else ():
            party = _side_party(text, match.start("side"), match.end("side"))
            if party is None:
                continue
            for official in split_officials(_chunk(text, match.end(), e)):
                add(party, official, sentence)
        for match in MEETING_LED_BY.finditer(text, s, e) if by else ():
            officials = split_officials(_chunk(text, match.end(), e))
            if len(officials) >= 2:
                for party, official in _assign(officials, parties):
                    add(party, official, sentence)
        for match in AND_WAS_LED.finditer(text, s, e) if "was" in sentence.text else ():
            named = gazetteer.mentions(text, s, match.start())
            if not named or not re.search(r"\b(?:delegation|side|team)\b", text[s : match.start()]):
                continue
            for official in split_officials(_chunk(text, match.end(), e)):
                add(named[0].code, official, sentence)
        for match in CO_CHAIRED.finditer(text, s, e) if by else ():
            if any(side.end() == match.end() for side in led):
                continue  # "the Indian side was co-led by …": one side, read above
            chunk = _chunk(text, match.end(), e)
            for party, official in _assign(split_officials(chunk), parties):
                add(party, official, sentence)
    return list(leaders.values())
