"""Terrorist entities named: a lexicon of well-known designated groups (spelling
variants folded) plus lists cued by "terrorist groups, including A, B and C".

Names are kept as written; an abbreviation in brackets ("(LeT)") or after a slash
("ISIS/Daesh") becomes an alias.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ctevents.extract import gazetteer
from ctevents.extract.cues import CueSet
from ctevents.extract.cues import cue as cue_of
from ctevents.extract.reading import Reading, sentences_at
from ctevents.extract.segment import Sentence
from ctevents.extract.starts import fast

_A = r"[’'`ʼ]?"  # an optional apostrophe, as in Al-Qa'ida
_S = r"[\s-]*"  # hyphen or space between name parts
_AL = r"[Aa]l"  # the article, capitalised or not ("al-Qa'ida")
# canonical id → pattern over the ways the press spells the group. The groups are those of
# public lists: the UN Security Council 1267/1988 lists, the US Foreign Terrorist
# Organizations list and India's First Schedule to the UAPA.
LEXICON: dict[str, str] = {
    "al-qaida": rf"{_AL}{_S}Qa{_A}(?:i|e)?da|{_AL}{_S}Qaeda|{_AL}{_S}Qaida",
    "aqis": rf"AQIS|{_AL}[\s-]*Qa[’']?(?:i|e)?da\s+in\s+the\s+Indian\s+Subcontinent",
    "aqim": rf"AQIM|{_AL}[\s-]*Qa[’']?(?:i|e)?da\s+in\s+the\s+Islamic\s+Maghreb",
    "aqi": rf"AQI|{_AL}[\s-]*Qa[’']?(?:i|e)?da\s+in\s+Iraq",
    "aqap": rf"AQAP|{_AL}[\s-]*Qa[’']?(?:i|e)?da\s+in\s+the\s+Arabian\s+Peninsula",
    # "Islamic State – Khorasan Province": a spaced dash inside the name is still the name.
    "iskp": r"IS(?:IS|IL)?-Khorasan(?:\s+Province)?|ISKP|IS-K|ISIS-K|ISIL-K"
    r"|Islamic\s+State(?:\s+of\s+Iraq\s+and\s+(?:the\s+)?(?:Syria|Levant|al-Sham))?"
    r"(?:\s*[–—-]\s*|\s+)(?:of\s+)?Khorasan(?:\s+Province)?",
    "iswap": r"ISWAP|Islamic\s+State\s+(?:in\s+)?West\s+Africa(?:\s+Province)?",
    "isgs": r"ISGS|Islamic\s+State\s+in\s+the\s+Greater\s+Sahara",
    "iscap": r"ISCAP|Islamic\s+State\s+Central\s+Africa(?:\s+Province)?",
    "is-somalia": r"ISIS-Somalia|ISIL-Somalia|Islamic\s+State(?:\s+in)?\s+Somalia(?:\s+Province)?",
    "ansar-al-islam": r"Ansar\s+al[\s-]Islam(?!\s+Bangladesh)",
    # "IS and Al-Qaeda", "IS fighters": the short form only where it names the group
    "isis": r"ISIS|ISIL|Daesh|Da['’]esh|DAESH"
    r"|IS(?=\s+(?:militants?|fighters?|terrorists?|jihadists?|affiliates?|and\s+[Aa]l[\s-]*Qa))"
    r"|(?<=Qaeda and )IS|(?<=Qaida and )IS"
    # ("to establish an Islamic state in the region": in lower case a group only when quoted or
    # called one, "the 'Islamic state' group")
    r"|Islamic\s+(?:State|state(?=\s+(?:of|in)\s+(?:Iraq|Syria)|[\"”’']|\s+(?:group|militants?|"
    r"fighters?|terrorists?)\b))(?:\s+(?:of|in)\s+(?:Iraq\s+and\s+(?:the\s+)?(?:Syria|Levant|al-Sham)"
    # ("the Islamic State of Syria and the Levant", as a statement may write it)
    r"|Syria\s+and\s+(?:the\s+Levant|Iraq)))?",
    "let": rf"Lashkar{_S}e{_S}Ta(?:y{{1,2}})?[ai]ba|Lashkar{_S}e{_S}Toiba|Lashkar-e-Tayyaba|LeT",
    "jud": r"Jamaat[\s-]*ud[\s-]*Dawa|Jama['’]at[\s-]*ud[\s-]*Da['’]?wah",
    "jem": rf"Jaish{_S}e{_S}Moha?mm[ae]d|Jaish{_S}e{_S}Muhammad|JeM",
    "hm": r"Hizb(?:ul|-ul|\s+ul)[\s-]*Mujahideen",
    "al-badr": rf"{_AL}{_S}Badr",
    "huji": r"Harkat[\s-]*ul[\s-]*Jihad[\s-]*al[\s-]*Islami(?:\s+Bangladesh)?|HuJI(?:-B)?",
    "hum": r"Harkat[\s-]*ul[\s-]*Mujahideen",
    "trf": r"The\s+Resistance\s+Front|Resistance\s+Front",
    "paff": r"People['’]s\s+Anti[\s-]Fascist\s+Front",
    "haqqani": r"Haqqani\s+Network",
    # ("the Pakistani Taliban": the movement's name in the press)
    "ttp": r"Tehr[ei]e?k[\s-]*[ei][\s-]*Taliban\s+Pakistan|TTP|Pakistani\s+Taliban",
    "lej": rf"Lashkar{_S}e{_S}Jhangvi|LeJ",
    "bla": r"Baloch(?:istan)?\s+Liberation\s+Army|BLA",
    # (the BLA's suicide wing, designated with it by the United States)
    "majeed-brigade": r"Majeed\s+Brigade",
    "al-shabaab": rf"{_AL}{_S}Shabaa?b",
    "boko-haram": r"Boko\s+Haram",
    # (on the US list as ISIS-DRC; "ADF" alone is also Australia's Defence Force)
    "adf": r"ADF[\s-]NALU|ADF[\s-]Nalu|Allied\s+Democratic\s+Forces",
    "hamas": r"Hamas|HAMAS",
    "hezbollah": r"Hezbollah|Hizbollah|Hizballah|Hizbullah",
    "jmb": r"Jama['’]?at[\s-]*ul[\s-]*Mujahideen\s+Bangladesh|JMB",
    "abt": r"Ansarullah\s+Bangla\s+Team|Ansar\s+al[\s-]Islam\s+Bangladesh|ABT",
    "im": r"Indian\s+Mujahideen",
    "bki": r"Babbar\s+Khalsa(?:\s+International)?",
    "kzf": r"Khalistan\s+Zindabad\s+Force",
    "ktf": r"Khalistan\s+Tiger\s+Force",
    "kcf": r"Khalistan\s+Commando\s+Force",
    "sfj": r"Sikhs\s+for\s+Justice",
    "jnim": r"Jama['’]?at\s+N(?:usrat|asr)\s+al[\s-]*Islam\s+wal[\s-]*Muslimin|JNIM",
    "hts": r"Hay['’]?at\s+Tahrir\s+al[\s-]*Sham|HTS",
    "nusra": rf"{_AL}[\s-]*Nusra(?:h)?\s+Front|Jabhat\s+al[\s-]*Nusra(?:h)?",
    "etim": r"East\s+Turk[ei]stan\s+Islamic\s+Movement|ETIM|Turkistan\s+Islamic\s+Party",
    # "the terrorist force of 'East Turkistan'", "'East Turkistan' terrorist forces": the
    # forces China's statements name by the state they would found (not the name alone)
    "east-turkistan": r"(?<=of\s[\"“‘'])East\s+Turk[ei]stan(?=[\"”’'])"
    r"|East\s+Turk[ei]stan(?=[\"”’']?\s+(?:(?:terrorist|separatist|extremist)\s+)+forces)",
    "imu": r"Islamic\s+Movement\s+of\s+Uzbekistan|IMU",
    "abu-sayyaf": r"Abu\s+Sayyaf(?:\s+Group)?",
    "maute": r"Dawlah\s+Islamiyah(?:[\s-]+Maute\s+Group)?|Maute\s+Group",
    "jad": r"Jamaah\s+Ansharut\s+Daulah|Jemaah\s+Anshorut\s+Daulah",
    "ji": r"Jemaah\s+Islamiyah|Jemaah\s+Islamiya|Jemaah\s+Islamiah",
    "ntj": r"National\s+Thowheeth\s+Jama['’]?ath|National\s+Tawheed\s+Jamaath|NTJ",
    "ltte": r"LTTE|Liberation\s+Tigers\s+of\s+Tamil\s+Eelam",
    "pkk": r"PKK|Kurdistan\s+Workers['’]?\s+Party",
    "ulfa": r"ULFA(?:-I)?|United\s+Liberation\s+Front\s+of\s+Asom",
    "ndfb": r"NDFB|National\s+Democratic\s+Front\s+of\s+Bodoland",
    "klo": r"KLO|Kamtapur\s+Liberation\s+Organi[sz]ation",
    # ("Jaish ul-Adl": the article as it is transliterated)
    "jaish-al-adl": r"Jaish\s+(?:al|ul|el)[\s-]Adl",
    "ansar-bait": r"Ansar\s+B(?:ai|ei|ay)t\s+[Aa]l[\s-]Maqdis",
    "ajnad-misr": r"[AE][jg]nad\s+Misr",
    # Banned in Tajikistan and Russia; "Ansarullah" alone is the Houthis, not this group.
    "jamaat-ansarullah": r"Jama['’]?at\s+Ansarullah",
    # On the US list since 2025 as Ansarallah, and on the Saudi and Emirati lists.
    "houthis": r"Houthis?(?:\s+(?:[Mm]ilitias?|[Mm]ovement|[Rr]ebels|[Gg]roup))?|Ansar\s*Allah",
    # National lists the genre cites as such: Türkiye's (YPG, FETO, DHKP-C, KCK), those of
    # Russia and the Central Asian states (Hizb ut-Tahrir), Pakistan's (BLF, TTP above).
    "ypg": r"YPG|People['’]s\s+Protection\s+Units",
    "pyd": r"PYD",
    "feto": r"FET[OÖ](?:/PDY)?|Fethullah(?:ist)?\s+Terrorist\s+Organi[sz]ation",
    "dhkp-c": r"DHKP[-/]C|Revolutionary\s+People['’]s\s+Liberation\s+Party[\s-]+Front",
    "kck": r"KCK",
    "hizb-ut-tahrir": r"Hizb[\s-]+ut[\s-]+Tahrir",
    "blf": r"Baloch(?:istan)?\s+Liberation\s+Front|BLF",
    "pij": r"Palestinian\s+Islamic\s+Jihad|PIJ",
    # Colombia's groups on the US list: the ELN, the FARC (listed until 2021) and the FARC
    # dissidents who took up arms again (FARC-EP and Segunda Marquetalia, listed since).
    "farc-d": r"FARC[\s-]+[Dd]issidents|FARC-D|Segunda\s+Marquetalia",
    "farc": r"FARC(?:-EP)?|Revolutionary\s+Armed\s+Forces\s+of\s+Colombia",
    "eln": r"ELN|Ej[ée]rcito\s+de\s+Liberaci[óo]n\s+Nacional",
    # Groups of the US list (some since delisted) that the older statements name: the Basque
    # ETA (on the EU's list too), Peru's Shining Path, Mali's Ansar Dine, Algeria's GIA.
    "eta": r"ETA|Euskadi\s+Ta\s+Askatasuna",
    "shining-path": r"Shining\s+Path|Sendero\s+Luminoso",
    "ansar-dine": r"Ansar\s+(?:Dine|Eddine|al[\s-]Din)",
    "gia": r"Armed\s+Islamic\s+Group",
    # On the UN 1988 list. Named as a regime ("the policies of the Taliban", "the Taliban
    # government") it is a state's rulers, not a group: see `_REGIME`.
    "taliban": r"Taliban",
}
# "Daesh-inspired", "ISIS-affiliated": the group named inside an adjective.
_ADJECTIVE_TAIL = r"(?=-(?:inspired|linked|affiliated|backed|aligned|style|related|led)\b)"
# ("Al Qaeda (outlawed in Russia)": an aside on the group's legal status is no other name)
_ALIAS = (
    r"(?:\s*\((?P<bracket>(?!(?:outlawed|banned|designated|proscribed|prohibited|listed|"
    r"a\s|an\s|the\s)\b)[^()]{2,20})\)|/(?P<slash>[A-Z][\w’'-]+))?"
)
# "pro-ISIL networks" names ISIL; any other hyphen before a name makes it part of a word.
# Each stated with its possible first characters (see `starts`): the same matches, sooner.
_COMPILED = [
    (
        key,
        fast(
            re.compile(
                rf"(?:(?<![\w-])|(?<=\b[Pp]ro-))(?P<name>{pattern})(?:(?![\w-])|{_ADJECTIVE_TAIL}){_ALIAS}"
            )
        ),
    )
    for key, pattern in LEXICON.items()
]
# The words each name needs, so a sentence is tried only for the names it may hold.
_NAMED = CueSet({key: cue_of(pattern) for key, pattern in _COMPILED})
# "terrorist networks, including A, B and C": a list the genre uses for groups.
LIST_CUE = re.compile(
    r"\bterror(?:ist)?\s+(?:groups?|networks?|organi[sz]ations?|entities|outfits?)"
    r",?\s+(?:including|such\s+as|like|namely|viz\.?)\s+(?P<list>[^.;]+)",
    re.I,
)
_LIST_ITEM = re.compile(
    # "Pakistan-based Jaish-e-Mohammad": where a group is based is no part of its name
    r"^(?:the\s+)?(?:[A-Z][\w’'-]*-(?:based|backed|linked)\s+)?(?P<name>[A-Z][\w’'`ʼ-]*(?:\s+[A-Za-z][\w’'`ʼ-]*){0,4})"
    + _ALIAS
    + r"$"
)
# "NAME (ABBR)" where the abbreviation spells the name's initials: a group when the sentence
# speaks of groups, threats or terrorists ("the threat posed by the Balochistan Liberation
# Army (BLA)", "groups such as Ansarullah Bangla Team (ABT)").
_ABBREVIATED = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][\w’'`ʼ]*(?:[\s-]+(?:(?:al|ul|e|wal|in|of|the|bin)[\s-]+)*"
    r"[A-Z][\w’'`ʼ]*){1,6})\s+\((?P<abbr>[A-Z][A-Za-z]*(?:-[A-Z]+)?)\)"
)
_GROUP_CUE = fast(
    re.compile(
        r"\b(?:terror\w*|militant\w*|extremis\w*|jihad\w*|insurgen\w*|outfits?|groups?|networks?|"
        r"banned|proscribed|designated|threat|remnants|affiliates?|cells?|factions?)\b",
        re.I,
    )
)
# The slot a group's name fills: after "such as", "including", "the threat posed by",
# "remnants of", "members of" … with no clause boundary between.
_GROUP_SLOT = re.compile(
    r"\b(?:such\s+as|including|like|namely|threat\s+(?:posed\s+)?(?:by|from)|posed\s+by|"
    r"remnants\s+of|members\s+of|activities\s+of|cadres\s+of|operatives\s+of|attacks?\s+by|"
    r"claimed\s+by|banned|proscribed|designated|outfits?|organi[sz]ations?|groups?|networks?|"
    r"entities)\b[^.;:]*$",
    re.I,
)
# Heads of names of institutions, forums and programmes, which are not groups. "Alliance"
# and "League" head names of groupings of states ("the Andean Security Alliance (ASA)").
_INSTITUTION = re.compile(
    r"\b(?:Alliance|League|Centre|Center|Agency|Forum|Convention|Unit|Structure|Ministry|Department|Commission|"
    r"Committee|Council|Bureau|Office|Police|Task\s+Force|Service|Authority|Programme|Program|"
    r"Initiative|Conclave|Coalition|Organi[sz]ation|Union|Nations|Office|Division|Directorate|"
    r"Plan|Strategy|Act|Law|Court|Institute|Academy|Network\s+of|Bank|Fund|Group\s+of|"
    r"Partnership|Cooperation|Dialogue|Working\s+Group|Summit|Conference|Security|Intelligence|"
    r"Investigation|Assistance|Team\s+of|Region|Ocean|Sea|Area|Zone|Corridor|Strait|Gulf|"
    r"Islands?|Province\s+of|State\s+of|Republic|Kingdom|Extremism|Countering|Combating|"
    r"Preventing|Prevention|Terrorism|Laundering|Financing|Technolog\w+|Systems?|Vehicles?|"
    r"Devices?|Assets?|Fighters?|Weapons?|Explosives?|Army|Armed\s+Forces|Navy|Air\s+Force|"
    # instruments: "the implementation of the Memorandum of Understanding (MoU)"
    r"Memorand(?:um|a)|Understanding|Agreement|Protocol|Treaty|Declaration|Charter|Roadmap)\b"
)
# A lexicon name goes on to a longer one given with its abbreviation: "Islamic State
# Khorasan Province (ISKP)", "al-Qaeda in the Arabian Peninsula (AQAP)".
_LONGER = re.compile(
    r"(?P<tail>(?:[\s-]+(?:(?:in|of)\s+the\s+|in\s+|of\s+)?[A-Z][\w’'`ʼ]*){1,4})"
    r"\s+\((?P<abbr>[A-Z][A-Za-z]*(?:-[A-Z]+)?)\)"
)

# Each stated with its possible first characters (see `starts`): the same matches, sooner.
LIST_CUE, _ABBREVIATED = fast(LIST_CUE), fast(_ABBREVIATED)


def _initials_match(name: str, abbr: str) -> bool:
    """Whether `abbr` spells initials of `name`'s words in order ("BLA", "IS-K", "JeM")."""
    letters = [c for c in abbr.upper() if c.isalpha()]
    words = [w for w in re.split(r"[\s-]+", name) if w]
    initials = [w[0].upper() for w in words if w[0].isupper()]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    position = 0
    for letter in letters:
        # A letter may come from an initial or from inside a word ("ISKP" ← Islamic State
        # Khorasan Province, "JeM" ← Jaish-e-Mohammed).
        while position < len(words) and words[position][0].upper() != letter:
            position += 1
        if position == len(words):
            return False
        position += 1
    return True


@dataclass
class Entity:
    name: str
    aliases: list[str]
    passages: list[Sentence] = field(default_factory=list)


@lru_cache(maxsize=4096)
def _canonical(name: str) -> str:
    """The lexicon key a name is spelled for (a pure function of the name: the same few
    names recur in every statement, so each is looked up once)."""
    for key, pattern in _COMPILED:
        if pattern.fullmatch(name) or pattern.match(name):
            return key
    return re.sub(r"\W+", "", name.lower())


_KNOWN_AS = re.compile(
    r",?\s+(?:also\s+)?(?:known|referred\s+to)\s+as\s+(?:the\s+)?"
    r"(?P<known>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})"
)


def _lexicon_hits(
    text: str, start: int, end: int, keys: set[str]
) -> list[tuple[int, int, str, str, str | None]]:
    """(start, end, key, name, alias) of lexicon names, the longest where names overlap;
    only the names in `keys` (those whose words the statement has) are tried."""
    hits = []
    for key, pattern in _COMPILED:
        if key not in keys:
            continue
        for match in pattern.finditer(text, start, end):
            name_start, name_end = match.span("name")
            alias = match.group("bracket") or match.group("slash")
            name = match.group("name")
            known = _KNOWN_AS.match(text, name_end, end) if alias is None else None
            if known:
                # "the Islamic State, also known as ISIS": the other name the text gives it
                alias, name_end = known.group("known"), known.end()
            if alias is None:
                longer = _LONGER.match(text, name_end, end)
                if longer and _initials_match(name + longer.group("tail"), longer.group("abbr")):
                    name = text[name_start : longer.start("abbr") - 1].rstrip(" (")
                    alias, name_end = longer.group("abbr"), longer.end("tail")
            hits.append((name_start, name_end, key, name, alias))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str, str, str | None]] = []
    for hit in hits:
        if kept and hit[0] < kept[-1][1]:
            continue
        kept.append(hit)
    return kept


def names_a_group(phrase: str) -> bool:
    """Whether `phrase` names a group of the lexicon ("Hizballah", "Boko Haram")."""
    return any(pattern.search(phrase) for _, pattern in _COMPILED)


# A group's name as the name of a UN sanctions body ("the Al-Qaida Sanctions Committee", "the
# ISIL (Da'esh) and Al-Qaida Sanctions List"): the body is named, not the group.
_SANCTIONS_BODY = re.compile(
    r"(?:\s*\([^()]{1,20}\))?(?:\s+and\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})?"
    r"\s+[Ss]anctions\s+(?:[Cc]ommittee|[Ll]ist|[Rr]egime|[Mm]onitoring\s+[Tt]eam)\b"
)


# A group named as the target in a sanctions body's name ("the UN Security Council Committee
# on Sanctions against Taliban, Al-Qaeda and associated persons"): the body is named, not the
# group (as for `_SANCTIONS_BODY`).
_SANCTIONS_AGAINST = re.compile(
    r"\b(?:[Cc]ommittee|[Rr]egime|[Mm]onitoring\s+[Tt]eam)\s+(?:on|concerning)\s+[Ss]anctions\s+"
    r"(?:against|on|concerning)\s+"
    r"(?:(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:\s*,\s*(?:and\s+)?|\s+and\s+))*"
    r"(?:the\s+)?$"
)


# The Taliban named as the rulers of a state or a party to talks, not as an armed group: "the
# policies of the Taliban", "sanctions imposed on the Taliban", "the Taliban regime", "the
# Taliban-led administration", "talks with the Taliban".
_REGIME_BEFORE = re.compile(
    r"\b(?:polic(?:y|ies)|regime|government|rule|administration|authorities|recognition|"
    r"imposed|sanctions)\s+(?:of|on|against|by)\s+(?:the\s+)?$"
    # "US officials are holding talks with Taliban": the other party to talks or a deal
    r"|\b(?:talks|negotiations?|dialogue|deal|agreement|accord|engagement|peace\s+process)\s+"
    r"with\s+(?:the\s+)?$",
    re.I,
)
_REGIME_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+|-)(?:regime|government|authorities|administration|rule|-?led|ministers?)\b",
    re.I,
)


def _as_regime(text: str, start: int, end: int, floor: int) -> bool:
    return bool(
        _REGIME_BEFORE.search(text, max(floor, start - 40), start) or _REGIME_AFTER.match(text, end)
    )


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

    # "PYD/YPG": the group after the slash is the one before it, wherever it is named again.
    same_as: dict[str, str] = {}
    # One scan for every lexicon name's words: the names each sentence may hold.
    keys_in: dict[int, set[str]] = {}
    for key, spots in _NAMED.locate(text).items():
        for sentence in sentences_at(reading, spots):
            keys_in.setdefault(sentence.start, set()).add(key)
    for sentence in reading.sentences:
        # A group named in a sentence that denies something ("did not say whether the
        # listing of the head of Jaish-e-Mohammed (JeM) was discussed") is still named.
        taken: list[tuple[int, int]] = []
        keys = keys_in.get(sentence.start)
        if keys:
            slash_end, slash_key = -1, ""
            for start, end, key, name, alias in _lexicon_hits(
                text, sentence.start, sentence.end, keys
            ):
                if start == slash_end + 1 and text[slash_end:start] == "/":
                    same_as.setdefault(key, slash_key)
                    continue  # the alias of the name just read
                key = same_as.get(key, key)
                # "the Global Coalition to Defeat Da'esh" names Da'esh too: the readers of
                # the genre's statements count the group the coalition is against.
                if _SANCTIONS_BODY.match(text, end, sentence.end):
                    continue  # "the Al-Qaida Sanctions Committee": the UN body's name
                if _SANCTIONS_AGAINST.search(text, max(sentence.start, start - 120), start):
                    continue  # "the Committee on Sanctions against Taliban, Al-Qaeda …"
                if key == "taliban" and _as_regime(text, start, end, sentence.start):
                    continue  # "the policies of the Taliban": the rulers, not the group
                key = key if alias is None or key == _canonical(name) else _fold(name)
                add(key, name, alias, sentence)
                taken.append((start, end))
                if alias and text[end : end + 1] == "/":
                    slash_end, slash_key = end, key
        if "(" in sentence.text and _GROUP_CUE.search(sentence.text):
            for match in _ABBREVIATED.finditer(text, sentence.start, sentence.end):
                if any(
                    s <= match.start("name") < e or s < match.end("name") <= e for s, e in taken
                ):
                    continue
                name = re.sub(r"^(?:The|A|An)\s+", "", match.group("name"))
                abbr = match.group("abbr")
                if _INSTITUTION.search(name) or not _initials_match(name, abbr):
                    continue
                if gazetteer.code_for(name) or (len(name.split()) < 2 and "-" not in name):
                    continue
                window = text[max(sentence.start, match.start() - 90) : match.start()]
                if not _GROUP_SLOT.search(window):
                    continue
                add(_canonical(name), name, abbr, sentence)
        if "terror" not in reading.lowered[sentence.start : sentence.end]:
            continue
        for cue in LIST_CUE.finditer(text, sentence.start, sentence.end):
            # An "and" inside a name already read ("the Islamic State in Iraq and Syria")
            # does not split the list.
            list_start, pieces, position = cue.start("list"), [], 0
            for sep in re.finditer(r",\s*(?:and\s+)?|\s+and\s+", cue.group("list")):
                at = list_start + sep.start()
                if any(s <= at < e for s, e in taken):
                    continue
                pieces.append(cue.group("list")[position : sep.start()])
                position = sep.end()
            pieces.append(cue.group("list")[position:])
            for item in pieces:
                listed = _LIST_ITEM.match(item.strip())
                if listed and not gazetteer.code_for(listed.group("name")):
                    # "… and Daesh in Syria and Iraq": a state ends the list, it is no group
                    name = listed.group("name")
                    alias = listed.group("bracket") or listed.group("slash")
                    add(_canonical(name), name, alias, sentence)
    return list(found.values())


def _fold(name: str) -> str:
    return re.sub(r"\W+", "", name.lower())
