"""Terrorist entities named: a lexicon of well-known designated groups (spelling
variants folded) plus lists cued by "terrorist groups, including A, B and C".

Names are kept as written; an abbreviation in brackets ("(LeT)") or after a slash
("ISIS/Daesh") becomes an alias.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ctevents.extract import noise
from ctevents.extract.reading import Reading
from ctevents.extract.segment import Sentence

_A = r"[’'`ʼ]?"  # an optional apostrophe, as in Al-Qa'ida
_S = r"[\s-]*"  # hyphen or space between name parts
# canonical id → pattern over the ways the press spells the group.
LEXICON: dict[str, str] = {
    "al-qaida": rf"Al{_S}Qa{_A}(?:i|e)?da|Al{_S}Qaeda|Al{_S}Qaida",
    "aqis": r"AQIS|Al[\s-]*Qa[’']?(?:i|e)?da\s+in\s+the\s+Indian\s+Subcontinent",
    "isis": r"ISIS(?:-K)?|ISIL|ISKP|Daesh|Da['’]esh"
    r"|Islamic\s+State(?:\s+of\s+Iraq\s+and\s+(?:Syria|the\s+Levant))?",
    "let": rf"Lashkar{_S}e{_S}Ta(?:y{{1,2}})?[ai]ba|Lashkar{_S}e{_S}Toiba|Lashkar-e-Tayyaba",
    "jem": rf"Jaish{_S}e{_S}Moha?mm[ae]d|Jaish{_S}e{_S}Muhammad",
    "hm": r"Hizb(?:ul|-ul)[\s-]*Mujahideen",
    "al-badr": rf"Al{_S}Badr",
    "huji": r"Harkat[\s-]*ul[\s-]*Jihad[\s-]*al[\s-]*Islami|HuJI",
    "hum": r"Harkat[\s-]*ul[\s-]*Mujahideen",
    "trf": r"The\s+Resistance\s+Front",
    "haqqani": r"Haqqani\s+Network",
    "ttp": r"Tehr[ei]k[\s-]*[ei][\s-]*Taliban\s+Pakistan|TTP",
    "lej": rf"Lashkar{_S}e{_S}Jhangvi",
    "al-shabaab": rf"Al{_S}Shabaa?b",
    "boko-haram": r"Boko\s+Haram",
    "hamas": r"Hamas",
    "hezbollah": r"Hezbollah|Hizbollah|Hizballah",
    "jmb": r"Jamaat[\s-]*ul[\s-]*Mujahideen\s+Bangladesh|JMB",
    "im": r"Indian\s+Mujahideen",
    "bki": r"Babbar\s+Khalsa(?:\s+International)?",
    "kzf": r"Khalistan\s+Zindabad\s+Force",
    "ktf": r"Khalistan\s+Tiger\s+Force",
    "jnim": r"Jama['’]?at\s+Nusrat\s+al[\s-]*Islam\s+wal[\s-]*Muslimin|JNIM",
    "hts": r"Hay['’]?at\s+Tahrir\s+al[\s-]*Sham|HTS",
    "etim": r"East\s+Turkestan\s+Islamic\s+Movement|ETIM",
    "abu-sayyaf": r"Abu\s+Sayyaf(?:\s+Group)?",
    "ji": r"Jemaah\s+Islamiyah",
    "ltte": r"LTTE|Liberation\s+Tigers\s+of\s+Tamil\s+Eelam",
    "pkk": r"PKK",
}
_ALIAS = r"(?:\s*\((?P<bracket>[^()]{2,20})\)|/(?P<slash>[A-Z][\w’'-]+))?"
_COMPILED = [
    (key, re.compile(rf"(?<![\w-])(?P<name>{pattern})(?![\w-]){_ALIAS}"))
    for key, pattern in LEXICON.items()
]
# A cheap first pass: most sentences name no group at all.
_ANY = re.compile("|".join(f"(?:{pattern})" for pattern in LEXICON.values()))
# "terrorist networks, including A, B and C": a list the genre uses for groups.
LIST_CUE = re.compile(
    r"\bterror(?:ist)?\s+(?:groups?|networks?|organi[sz]ations?|entities|outfits?)"
    r",?\s+(?:including|such\s+as|like|namely|viz\.?)\s+(?P<list>[^.;]+)",
    re.I,
)
_LIST_ITEM = re.compile(
    r"^(?:the\s+)?(?P<name>[A-Z][\w’'`ʼ-]*(?:\s+[A-Za-z][\w’'`ʼ-]*){0,4})" + _ALIAS + r"$"
)


@dataclass
class Entity:
    name: str
    aliases: list[str]
    passages: list[Sentence] = field(default_factory=list)


def _canonical(name: str) -> str:
    for key, pattern in _COMPILED:
        if pattern.fullmatch(name) or pattern.match(name):
            return key
    return re.sub(r"\W+", "", name.lower())


def find(reading: Reading) -> list[Entity]:
    """Named terrorist entities, one per group, with every passage naming it."""
    text = reading.text
    found: dict[str, Entity] = {}

    def add(key: str, name: str, alias: str | None, sentence: Sentence) -> None:
        entity = found.setdefault(key, Entity(name=name, aliases=[]))
        if alias and alias not in entity.aliases and alias != entity.name:
            entity.aliases.append(alias)
        if sentence not in entity.passages:
            entity.passages.append(sentence)

    for sentence in reading.sentences:
        if noise.is_negated(sentence.text):
            continue
        if _ANY.search(text, sentence.start, sentence.end):
            for key, pattern in _COMPILED:
                for match in pattern.finditer(text, sentence.start, sentence.end):
                    alias = match.group("bracket") or match.group("slash")
                    add(key, match.group("name"), alias, sentence)
        for cue in LIST_CUE.finditer(text, sentence.start, sentence.end):
            items = re.split(r",\s*(?:and\s+)?|\s+and\s+", cue.group("list"))
            for item in items:
                listed = _LIST_ITEM.match(item.strip())
                if listed:
                    name = listed.group("name")
                    alias = listed.group("bracket") or listed.group("slash")
                    add(_canonical(name), name, alias, sentence)
    return list(found.values())
