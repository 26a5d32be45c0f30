"""Names of bilateral mechanisms ("Joint Working Group on …", "… Dialogue") in text.

A mention keeps the name as written and a normalised kind (`jwg-counter-terrorism`,
`dialogue-designations`) so that "Counter Terrorism" and "Counter-Terrorism" name
the same mechanism while a JWG and a Dialogue never do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ctevents.extract import gazetteer
from ctevents.extract.dates import MONTH_NAMES, WEEKDAY_NAMES
from ctevents.extract.ordinals import ROMAN_WORD, SESSION_QUALIFIER, ordinals, roman_value
from ctevents.extract.starts import fast

# Lower-case words allowed inside a mechanism's subject ("… on counter-terrorism").
_SUBJECT_WORDS = (
    r"counter[- ]?terrorism|counterterrorism|terrorism|countering|combating|fighting|violent|"
    r"extremism|de-?radicali[sz]ation|radicali[sz]ation|security|cyber|cooperation|"
    r"international|and|of|&"
)
# "Russia–Vietnam": an en dash joins states too; "Foreign Ministers’ Dialogue": a plural
# possessive inside the name
_CAP = r"[A-Z][\w+–-]*(?:(?<=s)[’'](?=\s))?"
# A state in initials joined to the name's first word ("U.S.-Russia", "India-U.S."): read
# back from where the name starts, once per name (in the pattern it slowed every word).
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:(?:[A-Z]\.){2,}[-–]|[A-Z][\w–-]*-(?:[A-Z]\.)+[ \t]+)$")
# "Peace, Security and Defence", "Law and Security": security joined to other subjects by
# "and" (and commas) inside a capitalised name. Such a name is a meeting of the genre only
# when terrorism leads the statement's agenda (`MechanismMention.compound`, see `meetings`).
_SECURITY_JOINED = (
    # ("National Security and Rule of Law Dialogue": a subject of two words joined by "of")
    r"(?:[A-Z][a-z]+,\s+)*(?:Security\s+and\s+[A-Z][a-z]+(?:\s+of\s+[A-Z][a-z]+)?|"
    r"[A-Z][a-z]+\s+and\s+Security)\s+"
)
# "Law Enforcement and Counterterrorism Working Group": other subjects joined to
# counter-terrorism by "and", itself the name's last subject.
_CT_JOINED = r"(?:[A-Z][a-z]+\s+){1,3}and\s+(?=Counter[- ]?[Tt]errorism\s|Counterterrorism\s)"
_QUAL = (
    # (the plain word first: the joined subjects are tried only where it fails)
    rf"(?:(?!Joint\s+Working\b)(?:(?:{_CAP}|\d\+\d|\([A-Z]{{2,6}}\))\s+|{_SECURITY_JOINED}|{_CT_JOINED}))"
    r"{1,6}"
)
_COMPOUND = re.compile(rf"{_SECURITY_JOINED}")
# "the Security Mechanism on Thursday": a day or month after "on" is a date, not a subject.
_DAY_WORDS = rf"(?:{WEEKDAY_NAMES}|{MONTH_NAMES})\b"
_NOT_A_DAY = rf"(?!{_DAY_WORDS})"
# "Dialogue on Countering the Financing of Terrorism": an article before a capital is kept.
# "Working Group on Countering Threats from Afghanistan": a source named after "from".
_FROM = rf"from(?=\s+(?:the\s+)?{_NOT_A_DAY}[A-Z])"
# "… Working Group on Counterterrorism and Law Enforcement On April 11, 2003, …": a run-in
# title line ends where a date phrase opens the text.
_DATE_OPENS = rf"(?!(?:On|In|From)\s+(?:\d|{_DAY_WORDS}))"
_SUBJECT_WORD = rf"[‘'\"“]?(?:{_DATE_OPENS}{_CAP}|{_SUBJECT_WORDS}|the(?=\s+[A-Z])|{_FROM})"
# "… on Counter-Terrorism, Security and Law Enforcement": a comma joins subjects, but not
# before "the" ("… on Counter-Terrorism, the Foreign Ministry said": who said it).
_SUBJECT = rf"{_SUBJECT_WORD}(?:(?:\s*,(?!\s*the\s)\s*|\s+){_SUBJECT_WORD}[’'\"”]?)*[’'\"”]?"
_TYPES = (
    r"Joint\s+Working\s+[Gg]roup|Working\s+Group|JWG(?:-CT)?|CTJWG|Dialogue|Consultations|"
    # "the inaugural Joint Working Committee meeting" of two home ministries
    r"Joint\s+Working\s+Committee|"
    # "the Working Sub-Group on Combating Terrorism" of a regional organisation
    r"Working\s+Sub-?[Gg]roup|"
    r"Joint\s+Commission|Talks|Consultation|Committee|Mechanism|"
    # "the India-Kenya Ad Hoc Group on Counter-Terrorism", "the … Expert Group on …"
    r"Ad[\s-]+[Hh]oc\s+Group|Expert\s+Group|"
    # "the Task Force on Combating Terrorism in …": a regional body named by its subject
    r"Task\s+Force|"
    # "the Chile-Peru-Bolivia Trilateral Meeting on Counter-Terrorism": a meeting named by
    # its subject (which must be of the genre, as for the groups)
    r"Meeting(?=\s+on\s)|"
    # "the Indonesia-Australia Ministerial Council on Law and Security": a council of
    # ministers named by its subject (a "Security Council" is an institution, never a round)
    r"(?:Ministerial|Joint)\s+Council(?=\s+on\s)|"
    # a grouping's standing counter-terrorism body and its council's meetings: "the Council
    # of the Regional Anti-Terrorist Structure", "the SCO RATS Council"
    r"(?:Regional\s+)?Anti-?[Tt]errorist\s+Structure(?:\s+Council)?|RATS\s+Council|"
    # "the 14th Meeting of Security Council Secretaries of the SCO Member States"
    r"Meeting\s+of\s+(?:the\s+)?Security\s+Council\s+Secretaries|"
    # "the 12th High Security Commission": a standing commission on security alone
    r"(?:High|Joint)\s+Security\s+Commission|"
    # "the 18th meeting of the Joint Border Commission": a border's, as a border committee
    r"(?:Joint\s+)?Border\s+Commission"
)
# Groups whose name must itself speak of terrorism or security to be a meeting of the genre.
_GROUPS = frozenset({"ad hoc group", "ad-hoc group", "expert group", "meeting", "task force"})
MECHANISM = re.compile(
    rf"(?P<qual>{_QUAL})?(?P<type>{_TYPES})(?:\s*\((?:JWG|JWG-CT|CTJWG)\))?"
    # "the 12th Joint Working Group Meeting on Counter Terrorism": the group's meeting
    r"(?:\s+Meeting(?=\s+on\s))?"
    rf"(?:\s+(?:on|for)\s+{_NOT_A_DAY}(?P<subject>{_SUBJECT})"
    # "the Inter-American Committee Against Terrorism": a body named by what it works against
    r"|\s+[Aa]gainst\s+(?P<against>(?:International\s+)?Terrorism\b))?"
)
# Its first characters stated (see `starts`): the same matches, sooner.
MECHANISM = fast(MECHANISM)
# A mechanism written in lower case names a meeting only with its counter-terrorism subject:
# "counter-terrorism consultation", "a round of their counterterrorism dialogue",
# "consultations on counter-terrorism", "consultations on issues of countering terrorism
# and extremism". A bare "the consultations" or "talks" is a common noun.
_CT_SUBJECT = (
    # "a dialogue on ‘security and counter-terrorism’": quoted, security first
    r"[‘'\"“]?(?:security\s+and\s+)?"
    # "the joint working group meeting on the implementation of the Memorandum of
    # Understanding (MoU) on counterterrorism cooperation": the instrument it carries out
    r"(?:(?:the\s+)?implementation\s+of\s+(?:the\s+)?(?:Memorandum\s+of\s+Understanding|MoU|"
    r"[Aa]greement)(?:\s+\(MoU\))?\s+on\s+)?"
    # "consultations on international cooperation in countering terrorism"
    r"(?:(?:international\s+)?cooperation\s+(?:in|on)\s+)?"
    r"(?:(?:counter[- ]?terrorism|counterterrorism|anti-?terror(?:ism)?)(?:\s+cooperation)?|"
    # "the ad hoc group on fighting terrorism": to fight is to combat
    r"(?:issues\s+of\s+)?(?:countering|combating|"
    r"combatting|fighting)\s+(?:international\s+)?terrorism(?:\s+and\s+(?:violent\s+)?extremism)?|"
    # "consultations on countering the terrorist threat", "talks on the fight against terrorism"
    r"(?:countering|combating)\s+the\s+terrorist\s+threats?|the\s+fight\s+against\s+terrorism|"
    # "working group on combating new challenges and threats": terrorism first among them in
    # the diplomatic term (a statement that never names terrorism has no mechanism of the genre)
    r"(?:countering|combating)\s+new\s+challenges\s+and\s+threats|"
    # "consultations on terrorism issues", "talks on terrorism and violent extremism"
    r"(?:international\s+)?terrorism(?=\s+(?:issues|matters|and\s+(?:violent\s+)?extremism)\b)"
    r"(?:\s+(?:issues|matters|and\s+(?:violent\s+)?extremism))?)"
    # "consultations on counter-terrorism and security"
    r"(?:\s+and\s+security)?"
)
# "a bilateral meeting on counter-terrorism", "an expert-level meeting on countering
# terrorism", "a consultation meeting on counter-terrorism": a meeting is a consultation.
_LOWER_TYPES = (
    # "the bilateral consultation mechanism on counterterrorism": a standing mechanism
    r"consultations?(?:\s+(?:meetings?|mechanism))?|dialogue|talks|(?:joint\s+)?committee|(?:joint\s+)?working\s+group"
    r"|(?:joint\s+)?commission"
    r"|ad[\s-]hoc\s+group|expert\s+group|meeting"
)
# "Algeria and the United States": two capitalised names joined by "and".
_TWO_STATES = (
    r"(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}\s+and\s+(?:the\s+)?[A-Z][\w.-]*"
    r"(?:\s+[A-Z][\w.-]*){0,2}"
)
LOWER_MECHANISM = re.compile(
    # "Counter-terrorism talks between A and B were held": capitalised opening a sentence.
    # "Political Counter-Terrorism dialogue": a capitalised subject before a lower-case type.
    # ("the first interagency counter terrorism talks": who took part stays in the name)
    r"(?<![\w-])(?:(?P<pre>(?:(?:interagency|inter-agency|bilateral|trilateral)\s+)?"
    r"(?:[Cc]ounter[- ]?[Tt]errorism|[Cc]ounter[Tt]errorism"
    # ("the Russian-Chinese anti-terrorist working group")
    r"|[Aa]nti-?[Tt]error(?:ism|ist)?"
    # ("the joint security working group": a mechanism on security, as a capitalised
    # "Security Dialogue" is, in a statement that speaks of terrorism)
    r"|(?:[Jj]oint\s+)?[Ss]ecurity"
    # ("the Pakistan-Iran joint border commission": a border's commission or committee only)
    r"|(?:[Jj]oint\s+)?[Bb]order(?=\s+(?:commission|committee)\b)))"
    # ("the Russian-Egyptian counterterrorism group": a group named by its subject alone)
    rf"\s+(?P<pretype>{_LOWER_TYPES}|group)"
    # "a dialogue aimed at combating terrorism", "the fourth annual bilateral dialogue between
    # Algeria and the United States on security and the fight against terrorism"
    # ("held talks in Baghdad on anti-terrorism cooperation": where, before what on)
    rf"|(?P<type>{_LOWER_TYPES})(?:\s+between\s+{_TWO_STATES})?"
    r"(?P<where>\s+in\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?\s+(?:on|aimed\s+at)\s+"
    rf"(?P<subject>{_CT_SUBJECT}))(?![\w-])"
)
# Its first characters stated (see `starts`): the same matches, sooner.
LOWER_MECHANISM = fast(LOWER_MECHANISM)
_TYPE_SLUG = {
    "joint working group": "jwg",
    "working group": "jwg",
    "working sub-group": "jwg",
    "working subgroup": "jwg",
    "jwg": "jwg",
    "jwg-ct": "jwg",
    "ctjwg": "jwg",
    "dialogue": "dialogue",
    "consultations": "consultations",
    # The singular names the same kind of mechanism ("Counter-Terrorism Consultation").
    "consultation": "consultations",
    "meeting": "consultations",
    "committee": "committee",
    "commission": "commission",
    "joint committee": "committee",
    "joint working committee": "committee",
    "joint commission": "joint-commission",
    "talks": "talks",
    # "the High-Level Security Mechanism": a standing mechanism named as such.
    "mechanism": "mechanism",
    "group": "jwg",
    "ad hoc group": "group",
    "ad-hoc group": "group",
    "expert group": "group",
    "task force": "task-force",
    "ministerial council": "council",
    "joint council": "council",
    "regional anti-terrorist structure": "rats",
    "anti-terrorist structure": "rats",
    "rats council": "rats",
    "meeting of security council secretaries": "security-council-secretaries",
    "high security commission": "security-commission",
    "joint security commission": "security-commission",
    "border commission": "border-commission",
    "joint border commission": "border-commission",
}
_CT = re.compile(r"\b(?:counter[- ]?terrorism|ct|terrorism)\b", re.I)
_TERROR = re.compile(r"terroris", re.I)
_NOT_QUALIFIER = frozenset({"The", "A", "An", "This", "That", "Its", "Their", "Both", "Second"})
_UMBRELLA = re.compile(r"\s+under\s+the\s+umbrella\s+of\s+the\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){1,5}")
_AMONG = re.compile(r"\s+(?:Among|Between)\s")
_CONNECTOR_TAIL = re.compile(r"(?:[\s,‘’'\"“”]|\band\b|\bof\b|&)+$")


@dataclass(frozen=True, slots=True)
class MechanismMention:
    start: int
    end: int
    name: str  # as written, with its parties ("UK-Kenya …"), without an article or ordinal
    kind: str  # normalised, e.g. "jwg-counter-terrorism"
    ordinal: int | None
    has_subject: bool
    # Security joined to other subjects in the name ("Security and Defence Dialogue").
    compound: bool = False


def _two_word_state(word: str, following: str) -> bool:
    """Whether `word` ends in the first word of a two-word state completed by `following`,
    every other part of it naming a state ("India-Saudi" + "Arabia")."""
    parts = re.split(r"[-–/]", word)
    last = parts[-1]
    second = _POSSESSIVE_END.sub("", following)
    return (
        bool(last)
        and bool(gazetteer.code_for(f"{last} {second}"))
        and all(gazetteer.code_for(p) for p in parts[:-1] if p)
    )


_POSSESSIVE_END = re.compile(r"[’']s?$")


def _strip_qualifier(text: str, start: int, qual: str) -> tuple[int, str, int | None, int]:
    """Drop leading articles, ordinals and party names ("The Sixth India-US …") from a
    qualifier; the ordinal dropped, if any, is the meeting's. Also returns where the name as
    written begins: after the articles and ordinals, at the parties ("India-US Counter-
    Terrorism Dialogue", "UK-Kenya Security Dialogue")."""
    words = qual.split()
    offset = start
    ordinal: int | None = None
    name_start: int | None = None
    while words:
        word = words[0]
        is_party, number, numbered = _leading_word(word, len(words) > 1)
        if number is not None:
            ordinal = number
        if len(words) > 1 and _two_word_state(word, words[1]):
            # "India-Saudi Arabia", "India-Sri Lanka": a state's name of two words.
            if name_start is None:
                name_start = text.index(word, offset)
            offset = text.index(words[1], text.index(word, offset) + len(word)) + len(words[1])
            words = words[2:]
            continue
        if word in _NOT_QUALIFIER or is_party or numbered:
            if is_party and not numbered and name_start is None:
                name_start = text.index(word, offset)
            offset = text.index(word, offset) + len(word)
            words = words[1:]
            continue
        break
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset, " ".join(words), ordinal, offset if name_start is None else name_start


@lru_cache(maxsize=4096)
def _leading_word(word: str, more: bool) -> tuple[bool, int | None, bool]:
    """For a word opening a qualifier: whether it names parties ("India-US", "Japan’s"),
    the ordinal it states ("Sixth", "14th", before more words a Roman "II"), and whether it
    holds an ordinal at all ("First-ever": not part of the name, not the round either).
    A pure function of the word, so it is worked out once per word."""
    bare = re.sub(r"[’']s?$", "", word)
    parts = re.split(r"[-–/]", bare)
    is_party = all(gazetteer.code_for(p) for p in parts if p) and bool(parts)
    numbered = ordinals(word, 0, len(word))
    if numbered and numbered[0][0] == 0 and numbered[0][1] == len(word):
        return is_party, numbered[0][2], True
    if more and ROMAN_WORD.fullmatch(word):
        # "the II High-Level Dialogue": a Roman numeral leading a name is its round.
        return is_party, roman_value(word), True
    return is_party, None, bool(numbered)


_CT_LAST = re.compile(r"\band\s+(?:Counter[- ]?[Tt]errorism|Counterterrorism)$")


def _slug(words: str) -> str:
    first = re.split(r",|\band\b|&", words, maxsplit=1)[0]
    if _CT.search(first) or "terror" in first.lower():
        return "counter-terrorism"
    # "Law Enforcement and Counterterrorism": counter-terrorism, joined last, is the topic
    if _CT_LAST.search(words):
        return "counter-terrorism"
    return re.sub(r"[^a-z0-9+]+", "-", first.lower()).strip("-")


def kind_of(type_name: str, qualifier: str, subject: str) -> str:
    # "joint working group"; "consultation meeting" is a consultation, "meeting" one too.
    written = re.sub(r"\s+", " ", type_name.lower())
    written = re.sub(r"(?<=\w) (?:meetings?|mechanism)$", "", written)
    written = re.sub(r"(?<=structure) council$", "", written)
    written = re.sub(r"antiterrorist", "anti-terrorist", written.replace(" the ", " "))
    type_slug = _TYPE_SLUG.get(written) or _TYPE_SLUG[re.sub(r"s$", "", written)]
    if type_name.upper().startswith("CT") or type_name.upper().endswith("-CT"):
        qualifier = qualifier or "Counter Terrorism"
    topic = _slug(subject) if subject else _slug(qualifier) if qualifier else ""
    return f"{type_slug}-{topic}" if topic else type_slug


def _ordinal_before(text: str, floor: int, start: int) -> int | None:
    window_start = max(floor, start - 90)
    found = ordinals(text, window_start, start)
    if not found:
        return None
    _, o_end, number = found[-1]
    between = text[o_end:start]
    # A full stop inside "U.S.-India" does not end the phrase, nor one closing initials
    # ("the Pakistan-U.S. Joint Working Group"); any other before a space does.
    if (
        re.search(r"[,;:]|(?<![A-Z]\.[A-Z])\.(?=\s)|\band\b|\bnext\b", between)
        # a spaced dash ("European Union - Pakistan") joins two words, it is not one
        or sum(word not in "-–—" for word in between.split()) > 6
    ):
        return None
    return number


_ORDINAL_AFTER = re.compile(
    # "The … Working Group (CTWG) met for its fifteenth session", also past a former name
    # set off by commas ("The … Group, formerly known as the …, held its eighth session")
    r"(?:\s*\([A-Z][\w-]{1,10}\))?"
    r"(?:,\s+(?:formerly|previously|once)\s+(?:known\s+as|called|named)\s+[^,;]{1,100},)?"
    # "… Working Group met for the fifth time since 2000"
    # ("… Task Force commenced its fourth meeting": a meeting begun is a meeting held)
    r"\s*(?:’s|'s|(?:held|had|convened|commenced|began|opened)\s+its|met\s+for\s+(?:its|the))\s+"
    # ("… held its regular 39th session": how the session is held, before its round)
    + SESSION_QUALIFIER
)


# A mechanism on another subject ("Political Consultations", "Strategic Energy Dialogue",
# "Politico-Military Dialogue", "Inter-Governmental Consultations") is not one of the genre,
# unless its name also speaks of terrorism or security ("Strategic Dialogue on
# Counterterrorism", "Security and Defence Dialogue").
_OTHER_SUBJECT = re.compile(
    r"\b(?:Politic\w*|Economic|Energy|Climate|Environment\w*|Trade|Investment|"
    r"Military|Defen[cs]e|Inter-?[Gg]overnmental|Health|Education|Science|Technology|Cyber|"
    r"Consular|Space|Nuclear|Commercial|Migration|Parliamentary|Ministerial|2\+2|"
    r"Non-?[Pp]roliferation|Disarmament|Arms\s+Control|"
    # "India-Bhutan Foreign Office Consultations": the ministries' general review
    r"Foreign\s+Office|"
    # "the U.S.-Kyrgyz Republic Annual Bilateral Consultations": the whole relation, yearly
    r"Annual\s+Bilateral)\b",
    re.I,
)
# Its first characters stated (see `starts`): the same matches, sooner.
_OTHER_SUBJECT = fast(_OTHER_SUBJECT)
_OWN_SUBJECT = re.compile(
    r"terror|\bCT\b|security|extremis|radicali|designation|law\s+enforcement", re.I
)
# Its first characters stated (see `starts`): the same matches, sooner.
_OWN_SUBJECT = fast(_OWN_SUBJECT)
# A body of an international organisation named in passing ("the UN Security Council
# Counter-Terrorism Committee", "the 1267 Sanctions Committee") is not a meeting of states.
# ("the CPC Central Committee": a party's organ, named in an official's title)
_INSTITUTION = re.compile(
    r"^(?:the\s+)?(?:UN|United\s+Nations|UNSC|Security\s+Council)\b|Sanction|\bCentral\s+Committee\b"
    # "the Tajikistan State National Security Committee", "Qatar's National Counter Terrorism
    # Committee": one state's own body, where its officials sit
    r"|\b(?:State|National)\s+(?:[A-Z][\w-]*\s+){0,3}(?:Committee|Commission)$"
)
# A committee of a legislature ("the House Armed Services Committee", "the Senate Select
# Committee on Intelligence", "the Parliamentary Standing Committee on Home Affairs") is
# where members of a parliament sit, not a meeting of states.
_LEGISLATURE = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w.-]*\s+)?(?:House|Senate|Congressional|Parliament(?:ary)?|"
    r"Lok\s+Sabha|Rajya\s+Sabha|National\s+Assembly|Bundestag|Duma|Knesset)\b"
)


# "the India-Kenya Joint Commission", "the Egyptian-Indian Joint Committee": a commission on
# every subject of the relation is not a meeting of the genre unless its name speaks of
# terrorism or security.
_GENERAL = re.compile(r"\bJoint\s+Commission\b|\bJoint\s+Committee$")


# "the 23rd Coordinating Committee Meeting of the Global Counterterrorism Forum (GCTF)": a
# body of a global forum of dozens of members, whose parties no statement lists, is not a
# meeting of the genre (the groupings of `multilateral.MEMBERS` are).
_OF_FORUM = re.compile(
    r"(?:\s+[Mm]eetings?)?\s+of\s+the\s+(?:Global\s+Counter-?[Tt]errorism\s+Forum|GCTF|"
    r"Financial\s+Action\s+Task\s+Force|FATF|United\s+Nations|UN|"
    r"Global\s+Coalition(?:\s+to\s+Defeat\s+\S+)?)\b"
)


# A meeting of a region or of the world, whose parties no statement lists in full.
_WIDE_MEETING = re.compile(r"\b(?:Regional|International|Global|Multilateral|Ministerial|Summit)\b")


def _group_kind(type_name: str) -> bool:
    return re.sub(r"\s+", " ", type_name.lower()) in _GROUPS


def _of_the_genre(name: str) -> bool:
    if _INSTITUTION.search(name) or _LEGISLATURE.search(name):
        return False
    if _GENERAL.search(name) and not _OWN_SUBJECT.search(name):
        return False
    return not (_OTHER_SUBJECT.search(name) and not _OWN_SUBJECT.search(name))


# The type words alone: a cheap test that spares most sentences the full pattern, whose
# leading qualifier is tried at every capitalised word.
TYPE_WORDS = re.compile(
    rf"{_TYPES}|consultation|dialogue|talks|committee|commission|working\s+group|meetings?\s+on|"
    r"terrorism\s+meeting|ad[\s-]hoc\s+group|expert\s+group"
)
_CAPITALISED_TYPE = re.compile(_TYPES)


_COUNCIL_OF = re.compile(r"\bCouncil\s+of\s+(?:the\s+)?$")
# "the first dialogue to take place in person outside Brussels": "first … to" ranks the
# meeting among others by what follows, it does not number its round.
_FIRST_TO = re.compile(r"\s+to\s+(?:take\s+place|be\s+(?:held|convened|hosted)|convene)\b")


def mentions(text: str, start: int, end: int) -> list[MechanismMention]:
    """Mechanism names in `text[start:end]`, each with an ordinal bound to it if any."""
    found: list[MechanismMention] = []
    if not _CAPITALISED_TYPE.search(text, start, end):
        return _with_lower_case(text, start, end, found)
    floor = start
    for match in MECHANISM.finditer(text, start, end):
        qual = match.group("qual") or ""
        type_name = match.group("type")
        if type_name == "Talks" and not qual.strip():
            continue
        _, qualifier, qualifier_ordinal, name_start = _strip_qualifier(text, match.start(), qual)
        # (initials end in ". " or "-": any other character before the name spares the search)
        if (
            text[name_start - 1 : name_start] in ("-", "–")
            or text[name_start - 2 : name_start] == ". "
        ):
            joined = _INITIALS_BEFORE.search(text, max(start, name_start - 24), name_start)
            if joined:
                name_start = joined.start()
        if "Structure" in type_name:
            # "the Council of the Regional Anti-Terrorist Structure": its council is what met
            council = _COUNCIL_OF.search(text, max(start, name_start - 20), name_start)
            if council:
                name_start = council.start()
        joined = _JOINED_WORDS.search(text, max(start, name_start - 60), name_start)
        if joined and not any(gazetteer.code_for(w) for w in joined.group().split()):
            # "the Quadrilateral Cooperation and Coordination Mechanism": words joined by
            # "and" in front of the name are the name's, where none of them is a state
            name_start = joined.start()
        subject = (match.group("subject") or match.group("against") or "").strip()
        if type_name in {
            "Dialogue",
            "Consultations",
            "Consultation",
            "Talks",
            "Committee",
        } and not (qualifier or subject):
            continue  # a bare "Dialogue" is the common noun capitalised
        if _group_kind(type_name) and not _OWN_SUBJECT.search(qual + " " + subject):
            continue  # "the Expert Group on Fisheries": a group of another subject
        if type_name == "Meeting" and _WIDE_MEETING.search(qual):
            continue  # "the Regional Meeting on Foreign Terrorist Fighters": many states
        name_end = match.end()
        if match.group("subject"):
            tail = _CONNECTOR_TAIL.search(text, match.start("subject"), match.end())
            if tail:
                name_end = tail.start()
            # a title-case headline: "… Meeting on Security Among Chile, Peru and Bolivia"
            among = _AMONG.search(text, match.start("subject"), name_end)
            if among:
                name_end = among.start()
            subject = text[match.start("subject") : name_end]
        # "the Counter-Terrorism Working Group under the umbrella of the Andean Strategic
        # Alliance": the group is named with the body it belongs to
        umbrella = _UMBRELLA.match(text, name_end, end)
        if umbrella:
            name_end = umbrella.end()
        name = re.sub(r"[‘’“”\"]", "", text[name_start:name_end]).strip(" ,'")
        if (
            not _of_the_genre(name)
            or _OF_FORUM.match(text, name_end, end)
            or _former_name(text, max(start, name_start - 30), name_start)
            or _CONFERENCE_OF.search(text, max(start, name_start - 40), name_start)
        ):
            floor = name_end
            continue
        ordinal = qualifier_ordinal or _ordinal_before(text, floor, min(name_start, match.start()))
        after = _ORDINAL_AFTER.match(text, name_end, end)
        if ordinal is None and after:
            following = ordinals(text, after.end(), min(end, after.end() + 20))
            if following and following[0][0] == after.end():
                ordinal = following[0][2]
        if ordinal is not None and _FIRST_TO.match(text, name_end, end):
            ordinal = None
        found.append(
            MechanismMention(
                start=name_start,
                end=name_end,
                name=name,
                kind=kind_of(type_name, qualifier, subject.strip(" ‘’'\"“”")),
                ordinal=ordinal,
                has_subject=bool(subject or _SUBJECTLESS.sub("", qualifier).strip()),
                compound=bool(_COMPOUND.search(f"{qualifier} {subject} ")),
            )
        )
        floor = name_end
    return _with_lower_case(text, start, end, _joined_parents(text, found))


# Qualifiers that say how a mechanism is held or who sits in it, not what it is about ("the
# India-Japan Joint Committee", "the Trilateral Foreign Ministers’ Dialogue"): such a name
# gives no subject.
_SUBJECTLESS = re.compile(
    r"\b(?:Joint|General|Bilateral|Trilateral|Quadrilateral|Standing|Permanent|Annual|Foreign|"
    r"Ministers?|Ministerial|Deputy|Vice|Senior|High-Level|Officials)\b[’']?"
)


# "the international conference of the Regional Anti-Terrorist Structure": a conference a
# body holds for many, not a meeting of the body.
_CONFERENCE_OF = re.compile(r"\b[Cc]onference\s+of\s+(?:the\s+)?$")
# Capitalised words and "and" just before a name, after a word in lower case.
_JOINED_WORDS = re.compile(r"(?<=[a-z]\s)(?:[A-Z][a-z]+\s+){1,2}and\s+$")


# "…, formerly known as the Working Group on X, …": a mechanism's former name is not another
# mechanism (nor a meeting of it).
_FORMER = re.compile(
    r"\b(?:formerly|previously|once)\s+(?:known\s+as|called|named)\s+(?:the\s+)?$"
    r"|\brenamed\s+from\s+(?:the\s+)?$"
)


def _former_name(text: str, start: int, end: int) -> bool:
    window = text[start:end]
    # ("called", "named", "renamed from", "known as": a window without these is spared)
    return ("ed " in window or "own as" in window) and bool(_FORMER.search(window))


# "the Security Working Group of the U.S.-Morocco Strategic Dialogue": a body of a larger
# mechanism is one mechanism, named with its parent.
_OF_PARENT = re.compile(r"\s+of\s+the\s+(?:[\w.’'-]+\s+){0,2}(?:[\w.’'-]+-)?$")


# "convened a working group of the U.S.-Morocco Strategic Dialogue": a body named in lower
# case before its parent.
_LOWER_BODY = re.compile(
    r"\b(?:a|the|its|their)\s+(?P<body>(?:[a-z-]+\s+)?(?:working\s+group|sub-?group))\s+of\s+the\s+"
    r"(?:[\w.’'-]+\s+){0,2}(?:[\w.’'-]+-)?$"
)


def _joined_parents(text: str, found: list[MechanismMention]) -> list[MechanismMention]:
    joined: list[MechanismMention] = []
    for mention in found:
        window = max(0, mention.start - 80)
        # Every body's name ends in "group": a window without it is skipped unsearched.
        body = (
            _LOWER_BODY.search(text, window, mention.start)
            if text.find("group", window, mention.start) >= 0
            else None
        )
        if body:
            name = text[body.start("body") : mention.end]
            mention = MechanismMention(
                body.start("body"), mention.end, name, "jwg", mention.ordinal, True
            )
        if joined and _OF_PARENT.fullmatch(text, joined[-1].end, mention.start):
            child = joined.pop()
            if not _OWN_SUBJECT.search(child.name) and not _OWN_SUBJECT.search(mention.name):
                # "the Africa Working Group of the Strategic Dialogue": a body on another
                # subject of a mechanism on the whole relation
                continue
            name = re.sub(r"[‘’“”\"]", "", text[child.start : mention.end]).strip(" ,'")
            mention = MechanismMention(
                child.start, mention.end, name, child.kind, child.ordinal or mention.ordinal, True
            )
        joined.append(mention)
    return joined


# Lower-case words that qualify a mechanism, right before it ("high-level political").
_LOWER_QUALIFIERS = re.compile(
    # "trilateral vice-ministerial consultation on …", "an ad hoc dialogue on …"
    r"(?<![\w-])(?:(?:[a-z]+-level|political|strategic|bilateral|trilateral|(?:vice-)?ministerial"
    r"|senior|ad\s+hoc)\s+){1,3}$"
    # "the second joint working group meeting on …": the body whose meeting it is
    r"|(?<![\w-])(?P<body>(?:joint\s+)?working\s+group\s+)$"
)
# The words naming who a lower-case mechanism belongs to, right before it.
_OWNER = re.compile(r"(?<![\w-])(?:[A-Z][\w–-]*\s+){1,2}$")


def _with_lower_case(
    text: str, start: int, end: int, found: list[MechanismMention]
) -> list[MechanismMention]:
    """`found` with the lower-case mechanisms that no capitalised name already covers."""
    lower: list[MechanismMention] = []
    if text.find("error", start, end) < 0 and text.find("new challenges", start, end) < 0:
        return found  # every lower-case mechanism names its terrorism subject
    for match in LOWER_MECHANISM.finditer(text, start, end):
        if any(m.start < match.end() and match.start() < m.end for m in found):
            continue
        type_name = match.group("pretype") or match.group("type")
        qualifier, subject = match.group("pre") or "", match.group("subject") or ""
        if "challenges" in subject and not _TERROR.search(text):
            continue  # "new challenges and threats" in a statement that never names terrorism
        ordinal = _ordinal_before(text, start, match.start())
        after = _ORDINAL_AFTER.match(text, match.end(), end)
        if ordinal is None and after:
            following = ordinals(text, after.end(), min(end, after.end() + 20))
            if following and following[0][0] == after.end():
                ordinal = following[0][2]
        if ordinal is not None and _FIRST_TO.match(text, match.end(), end):
            ordinal = None
        begin = match.start()
        owner = _OWNER.search(text, max(start, begin - 60), begin)
        if owner and all(
            w.isupper() or all(gazetteer.code_for(p) for p in re.split(r"[-–/]", w) if p)
            for w in owner.group().split()
        ):
            begin = owner.start()  # "the BIMSTEC joint working group on …": its owner
        else:
            # "their second high-level political dialogue on …": the words that qualify it
            qualified = _LOWER_QUALIFIERS.search(text, max(start, begin - 50), begin)
            if (
                qualified
                and match.group("type")
                and (not qualified.group("body") or match.group("type") == "meeting")
            ):
                begin = qualified.start()
        # (the place between the talks and their subject is no part of their name)
        where = match.span("where") if match.group("where") else (match.end(), match.end())
        written = text[begin : where[0]] + text[where[1] : match.end()]
        lower.append(
            MechanismMention(
                start=begin,
                end=match.end(),
                name=re.sub(r"[‘’“”\"]", "", written),
                kind=kind_of(type_name, qualifier, subject),
                ordinal=ordinal,
                has_subject=True,
            )
        )
    if not lower:
        return found
    return sorted(found + lower, key=lambda m: m.start)
