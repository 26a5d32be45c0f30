"""Topics discussed, as labels of a small vocabulary matched by keyword cues.

The vocabulary (see docs/extraction.md) is what the genre talks about; each label
gathers every passage that raises it, so a topic is one fact per meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ctevents.extract import noise
from ctevents.extract.cues import CueSet
from ctevents.extract.cues import cue as cue_of
from ctevents.extract.reading import Reading, sentences_at
from ctevents.extract.segment import Sentence

VOCABULARY: dict[str, str] = {
    "radicalisation": r"radicali[sz]\w*|violent\s+extremism|\bCVE\b|de-?radicali[sz]\w*",
    "terrorist financing": r"financ\w*\s+(?:of\s+)?terror\w*|terror\w*\s+(?:financ|fund)\w*"
    r"|sources\s+of\s+(?:funding|financing)|money\s+laundering|No\s+Money\s+for\s+Terror",
    "misuse of the internet": r"internet|cyberspace|social\s+media|online\s+radicali\w*",
    "information sharing": r"information[- ]sharing"
    r"|shar\w+\s+(?:of\s+)?(?:\w+\s+)?(?:information|intelligence)"
    r"|intelligence[- ]sharing|exchange\s+of\s+(?:information|intelligence)",
    "capacity building": r"capacity[- ]building|training",
    "narcotics": r"narco\w*|drug\s+trafficking|narcotics?",
    "organised crime": r"organi[sz]ed\s+crime|transnational\s+(?:organi[sz]ed\s+)?crimes?",
    "terrorist travel": r"terrorists?\s+to\s+travel|terrorist\s+travel"
    r"|foreign\s+terrorist\s+fighters"
    r"|\bFTFs?\b|travel\s+internationally",
    "legal assistance and extradition": (
        r"legal\s+(?:and\s+extradition\s+)?assistance|extradition|\bMLAT\b"
    ),
    "emerging technologies": r"emerging\s+technolog\w*|new\s+technolog\w*|unmanned\s+aerial|drones?"
    r"|virtual\s+assets?|crypto\w*|dark\s+web|artificial\s+intelligence",
    "designations": r"designations?\b|listing\s+of\s+terrorists|sanctions\s+(?:regime|committee)",
    "border and immigration": r"border\s+(?:control|management|security)|immigration|customs",
    "returnees": r"returnees?|repatriation|reintegration|rehabilitation",
    "cross-border terrorism": r"cross[- ]border\s+terrorism",
    "multilateral cooperation": r"multilateral\s+(?:fora|forums?|cooperation)",
    "maritime security": r"maritime\s+security",
    "aviation security": r"aviation\s+security",
    "CBRN terrorism": r"\bCBRN\b|weapons\s+of\s+mass\s+destruction|chemical,\s+biological",
}
# Matched against the lowered text: case-insensitive without re.I's slower scan.
_COMPILED = [
    (label, cue_of(re.compile(pattern.lower()), on_lowered=True))
    for label, pattern in VOCABULARY.items()
]
# One scan tells which labels a statement may raise; most raise few.
_RAISED = CueSet(dict(_COMPILED))


@dataclass
class Topic:
    label: str
    text: str  # the wording that raised it first
    passages: list[Sentence] = field(default_factory=list)


def find(reading: Reading) -> list[Topic]:
    """One topic per label, its passages in text order.

    One scan for every label's cue words says which labels a statement may raise and in
    which sentences; a label's pattern then runs on those sentences only (a topic is a
    sentence's, so a match never runs past its sentence)."""
    text, lowered = reading.text, reading.lowered
    found: dict[str, Topic] = {}
    located = _RAISED.locate(lowered)
    for label, cued in _COMPILED:
        if label not in located:
            continue  # none of the label's words is written
        pattern = cued.pattern
        for sentence in sentences_at(reading, located[label]):
            match = pattern.search(lowered, sentence.start, sentence.end)
            if match is None or noise.is_negated(sentence.text):
                continue
            wording = text[match.start() : match.end()]
            found.setdefault(label, Topic(label, wording)).passages.append(sentence)
    # Labels in the order the text first raises them.
    return sorted(found.values(), key=lambda t: t.passages[0].start)
