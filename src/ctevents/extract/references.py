"""References beyond the meeting itself: multilateral forums cited and attacks named."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ctevents.extract import noise
from ctevents.extract.cues import CueSet
from ctevents.extract.cues import cue as cue_of
from ctevents.extract.reading import Reading, sentences_at
from ctevents.extract.segment import Sentence
from ctevents.extract.starts import fast

# canonical forum name → pattern of its names and abbreviations
FORUMS: dict[str, str] = {
    "United Nations Security Council": r"(?:United\s+Nations|UN)\s+Security\s+Council|UNSC",
    "United Nations": r"United\s+Nations(?!\s+Security)"
    r"|\bUN\b(?![\s-]+(?:Security|sanction|designat))",
    "Financial Action Task Force": r"Financial\s+Action\s+Task\s+Force|FATF",
    "Global Counterterrorism Forum": r"Global\s+Counter[- ]?[Tt]errorism\s+Forum|GCTF",
    "Colombo Security Conclave": r"Colombo\s+Security\s+Conclave",
    "Shanghai Cooperation Organisation": r"Shanghai\s+Cooperation\s+Organi[sz]ation|\bSCO\b",
    "BRICS": r"BRICS",
    "Quad": r"\bQuad\b",
    "ASEAN Regional Forum": r"ASEAN\s+Regional\s+Forum",
    "G20": r"\bG20\b|\bG-20\b",
    "No Money for Terror": r"No\s+Money\s+for\s+Terror",
    "Comprehensive Convention on International Terrorism": (
        r"Comprehensive\s+Convention\s+on\s+International\s+Terrorism|\bCCIT\b"
    ),
}
# Each stated with its possible first characters (see `starts`): the same matches, sooner.
_FORUMS = [
    (name, fast(re.compile(rf"(?<![\w-])(?:{p})(?![\w-])(?:\s*\((?P<abbr>[A-Z]{{2,6}})\))?")))
    for name, p in FORUMS.items()
]
# The words each forum's names need, so a sentence is tried only for forums it may cite.
_CITED = CueSet({name: cue_of(pattern) for name, pattern in _FORUMS})
# "the 26/11 Mumbai and Pathankot attacks", "the Pahalgam terror attack"
ATTACKS = re.compile(
    r"\b(?:the\s+)?(?P<names>(?:\d+/\d+\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?"
    r"(?:(?:,\s*|\s+and\s+)(?:\d+/\d+\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)*)"
    r"\s+(?:terror(?:ist)?\s+)?attacks?\b"
)
# Each stated with its possible first characters (see `starts`): the same matches, sooner.
ATTACKS = fast(ATTACKS)
_ATTACKS = cue_of(ATTACKS)
_NOT_ATTACK = frozenset({"The", "Terrorist", "Terror", "Both", "These", "Such", "Cross-border"})


@dataclass
class Reference:
    name: str
    aliases: list[str]
    passages: list[Sentence] = field(default_factory=list)


def forums(reading: Reading) -> list[Reference]:
    """Each forum cited. One scan for every forum's words says which forums may be cited
    and in which sentences; a forum's pattern runs on those sentences only."""
    text = reading.text
    found: dict[str, Reference] = {}
    located = _CITED.locate(text)
    if not located:
        return []
    hits: list[tuple[int, int, re.Match[str], Sentence, str]] = []
    for order, (name, pattern) in enumerate(_FORUMS):
        if name not in located:
            continue
        for sentence in sentences_at(reading, located[name]):
            for match in pattern.finditer(text, sentence.start, sentence.end):
                hits.append((sentence.start, order, match, sentence, name))
    # Sentence by sentence, then forum by forum, as a reader meets them.
    hits.sort(key=lambda hit: (hit[0], hit[1], hit[2].start()))
    for _, _, match, sentence, name in hits:
        ref = found.setdefault(name, Reference(name, []))
        written = match.group().split("(")[0].strip()
        for alias in (written, match.group("abbr")):
            if alias and alias != name and alias not in ref.aliases:
                ref.aliases.append(alias)
        if sentence not in ref.passages:
            ref.passages.append(sentence)
    return list(found.values())


def attacks(reading: Reading) -> list[Reference]:
    text = reading.text
    found: dict[str, Reference] = {}
    for sentence in reading.candidates(_ATTACKS):
        if noise.is_negated(sentence.text):
            continue
        for match in ATTACKS.finditer(text, sentence.start, sentence.end):
            for name in re.split(r",\s*|\s+and\s+", match.group("names")):
                name = name.strip()
                if not name or name.split()[0] in _NOT_ATTACK:
                    continue
                ref = found.setdefault(name.lower(), Reference(name, []))
                if sentence not in ref.passages:
                    ref.passages.append(sentence)
    return list(found.values())
