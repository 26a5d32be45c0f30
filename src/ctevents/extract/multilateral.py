"""The parties of a meeting of more than two states.

A mechanism of a grouping takes the grouping's members from a small table ("BIMSTEC Joint
Working Group …": its seven members); a mechanism named by three or more states joined
("Australia-Japan-United States Counter-Terrorism Consultation", "Pakistan-China-Iran
Trilateral Consultation") takes those states; a trilateral mechanism takes the three states
the statement names most, or that its sentence lists ("… among China, Pakistan and
Afghanistan").
"""

from __future__ import annotations

import re
from collections import Counter

from ctevents.extract import gazetteer

# Groupings that hold counter-terrorism mechanisms of their own, and their members.
MEMBERS: dict[str, tuple[str, ...]] = {
    "BIMSTEC": ("BD", "BT", "IN", "LK", "MM", "NP", "TH"),
    "Quad": ("AU", "IN", "JP", "US"),
    "C5+1": ("KG", "KZ", "TJ", "TM", "US", "UZ"),
    "GCC": ("AE", "BH", "KW", "OM", "QA", "SA"),
    "ASEAN": ("BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN"),
    "BRICS": ("BR", "CN", "IN", "RU", "ZA"),
    # GUAM Organization for Democracy and Economic Development
    "GUAM": ("AZ", "GE", "MD", "UA"),
    # its name from 1999 to 2005, with Uzbekistan
    "GUUAM": ("AZ", "GE", "MD", "UA", "UZ"),
    # South Asian Association for Regional Cooperation
    "SAARC": ("AF", "BD", "BT", "IN", "LK", "MV", "NP", "PK"),
}
# The same groupings by their full names.
_LONG_NAMES = {
    "Gulf Cooperation Council": "GCC",
    "Association of Southeast Asian Nations": "ASEAN",
}
_GROUPING_NAMES = (
    r"BIMSTEC|Quad|C5\s*\+\s*1|GCC|ASEAN|BRICS|GUU?AM|SAARC"
    r"|Gulf\s+Cooperation\s+Council|Association\s+of\s+Southeast\s+Asian\s+Nations"
)
_GROUPING = re.compile(rf"\b(?P<name>{_GROUPING_NAMES})\b")
# "… took place on the premises of the GUAM Secretariat": a meeting at a grouping's own
# secretariat, or among its member states, is a meeting of its members.
_GROUPING_BODY = re.compile(
    rf"\b(?P<name>{_GROUPING_NAMES})\s+(?:Secretariat|[Mm]ember[\s-][Ss]tates)\b"
)
# "the Permanent Committee for Combating Terrorism in the Gulf Cooperation Council (GCC)
# countries": the grouping whose members sit in the mechanism, right after its name.
_GROUPING_AFTER = re.compile(rf"\s+(?:in|of|among)\s+(?:the\s+)?(?P<name>{_GROUPING_NAMES})\b")
# A partner state joined to a grouping in a mechanism's name: "ASEAN-Japan", "U.S.-GCC".
_PARTNER_JOINT = re.compile(r"^\s*[-–—/+]\s*$")
# A partner named beside the membership: "officials of Canada and the member states of the
# Gulf Cooperation Council (GCC)", "Japan and the BRICS member states".
_MEMBER_STATES = re.compile(
    rf"\s+and\s+(?:the\s+)?(?:member\s+states\s+of\s+(?:the\s+)?(?P<name>{_GROUPING_NAMES})"
    rf"|(?P<short>{_GROUPING_NAMES})\s+member\s+states)\b"
)
# "… with the participation of representatives from all GCC countries, Canada and Chile":
# the states listed take part, a grouping with all its members.
_PARTICIPATION = re.compile(
    r"\bwith\s+(?:the\s+)?participation\s+of\s+(?:the\s+)?(?:representatives|delegations|officials|"
    # ("with participation of delegations of the competent authorities of A, B, …")
    r"delegates|experts)\s+(?:(?:from|of)\s+the\s+(?:[\w-]+\s+){1,3}?)?(?:from|of)\s+"
    r"(?P<list>[^.;]{1,200})"
)
# States whose names the gazetteer leaves out as ordinary words or people's names.
_AMBIGUOUS_STATES = {"Jordan": "JO", "Chad": "TD", "Georgia": "GE", "Niger": "NE", "Guinea": "GN"}
_LISTED_STATE = re.compile(
    r"(?:^|,\s*|\band\s+)(Jordan|Chad|Georgia|Niger|Guinea)\b(?!\s+[A-Z])(?=\s*(?:,|and\b|$))"
)
_JOINED = re.compile(r"^\s*(?:[-–—/]|,\s*|,?\s+and\s+)\s*$")
_SEVERAL = re.compile(
    r"\b(?:[Tt]rilateral|[Tt]ripartite|[Tt]hree-way|[Tt]hree\s+countries"
    r"|[Qq]uadrilateral|[Ff]our-way|[Ff]our\s+countries)\b"
)
# How many states each word for a grouping speaks of.
_COUNT = {
    "trilateral": 3,
    "tripartite": 3,
    "three-way": 3,
    "three countries": 3,
    "quadrilateral": 4,
    "four-way": 4,
    "four countries": 4,
}


def _key(name: str) -> str:
    name = re.sub(r"\s+", " ", name)
    return _LONG_NAMES.get(name, name.replace(" ", ""))


def _grouping(text: str, start: int, end: int) -> tuple[str, ...] | None:
    """The members of a grouping named in text[start:end], with a state its name joins
    ("ASEAN-Japan …" is Japan and the ten)."""
    found = _GROUPING.search(text, start, end)
    if not found:
        return None
    parties = set(MEMBERS[_key(found.group("name"))])
    near = gazetteer.mentions(text, max(0, found.start() - 30), min(len(text), found.end() + 30))
    for mention in near:
        if mention.end <= found.start():
            gap = text[mention.end : found.start()]
        elif mention.start >= found.end():
            gap = text[found.end() : mention.start]
        else:
            continue
        if _PARTNER_JOINT.match(gap):
            parties.add(mention.code)
    return tuple(sorted(parties))


def only_grouping(text: str) -> tuple[str, ...] | None:
    """The members of the one grouping a statement names ("… collaboration among the ASEAN
    countries"), None when it names none or several."""
    names = {_key(m.group("name")) for m in _GROUPING.finditer(text)}
    return MEMBERS[names.pop()] if len(names) == 1 else None


def with_members(text: str, start: int, end: int) -> tuple[str, ...] | None:
    """ "STATE and the member states of GROUPING" in text[start:end]: the members and STATE."""
    found = _MEMBER_STATES.search(text, start, end)
    if not found:
        return None
    before = [m for m in gazetteer.mentions(text, start, found.start()) if m.end == found.start()]
    if not before:
        return None
    members = MEMBERS[_key(found.group("name") or found.group("short"))]
    return tuple(sorted({*members, before[-1].code}))


def grouping_members(words: str) -> tuple[str, ...] | None:
    """The members of the grouping `words` names ("ASEAN", "the Gulf Cooperation Council"),
    if it names one."""
    found = _GROUPING.search(words)
    return MEMBERS[_key(found.group("name"))] if found else None


def _participants(text: str, start: int, end: int) -> tuple[str, ...] | None:
    """The states of "with the participation of representatives from A, B and C" (three or
    more, a grouping counted with its members)."""
    if "participation" not in text[start:end]:
        return None
    found = _PARTICIPATION.search(text, start, end)
    if not found:
        return None
    begin, stop = found.start("list"), found.end("list")
    codes = {m.code for m in gazetteer.mentions(text, begin, stop)}
    for grouping in _GROUPING.finditer(text, begin, stop):
        codes.update(MEMBERS[_key(grouping.group("name"))])
    # in a list of the states taking part, "Jordan" or "Chad" is the state, not a person
    for listed in _LISTED_STATE.finditer(text, begin, stop):
        codes.add(_AMBIGUOUS_STATES[listed.group(1)])
    return tuple(sorted(codes)) if len(codes) >= 3 else None


def _chain(text: str, start: int, end: int) -> list[str]:
    """The longest run of states joined by hyphens, commas or "and" in text[start:end]."""
    best: list[str] = []
    run: list[str] = []
    previous = None
    for mention in gazetteer.mentions(text, start, end):
        if previous is not None and _JOINED.match(text[previous.end : mention.start]):
            if mention.code not in run:
                run.append(mention.code)
        else:
            run = [mention.code]
        previous = mention
        if len(run) > len(best):
            best = list(run)
    return best


def _listed_group(text: str, start: int, end: int) -> tuple[str, ...] | None:
    """Three or more states joined in one run in text[start:end], sorted; None if fewer."""
    listed = _chain(text, start, end)
    return tuple(sorted(listed)) if len(listed) >= 3 else None


def group_in_lead(text: str, sentences: list[tuple[int, int]]) -> tuple[str, ...] | None:
    """ "Azerbaijani, Georgian and Turkish foreign ministers … following the trilateral
    meeting": three or more states listed together in a lead sentence that calls the
    meeting trilateral (or quadrilateral) are the statement's parties."""
    for start, end in sentences:
        group = _listed_group(text, start, end) if _SEVERAL.search(text, start, end) else None
        if group:
            return group
    return None


# "Delegations from the competent authorities of A, B and C … attended the event", "the
# meeting included official delegations from A, B and C, as well as D in an observer role",
# "The meeting was attended by TITLE of A NAME, TITLE of B NAME, …": the states that took
# part, listed in a sentence of their own.
_DELEGATIONS_LISTED = re.compile(
    # ("Representatives from A, B, … and C attended the Meeting": a sentence may open with it)
    r"\b(?:[Dd]elegations?|[Rr]epresentatives|[Oo]fficials)\s+(?:from|of)\s+(?P<list>[^.;]{1,400}?)"
    r"\s+(?:attended|took\s+part|participated)\b"
    r"|\bincluded\s+(?:the\s+)?(?:official\s+)?(?:delegations|representatives)\s+(?:from|of)\s+"
    r"(?P<list2>[^.;]{1,400})"
    r"|\b(?:was|were)\s+attended\s+by\s+(?P<list3>(?:[^.;]|\.(?!\s|$)){1,1200})"
)
# Who came but not as a party: "…, as well as Belarus and Mongolia in observer roles",
# "…, along with representatives of the Executive Committee".
_NOT_PARTIES = re.compile(
    r",?\s+as\s+well\s+as\s+[^.;]{1,120}?\bobservers?\b|,\s+and\s+[^,.;]{1,80}?\bobservers?\b"
    r"|,?\s+along\s+with\b"
)


def listed_participants(text: str, start: int, end: int) -> tuple[str, ...] | None:
    """The states a sentence in `text[start:end]` lists as taking part, when three or more."""
    for match in _DELEGATIONS_LISTED.finditer(text, start, end):
        group = next(g for g in ("list", "list2", "list3") if match.group(g))
        begin, stop = match.span(group)
        guests = _NOT_PARTIES.search(text, begin, stop)
        codes = {
            m.code for m in gazetteer.mentions(text, begin, guests.start() if guests else stop)
        }
        if len(codes) >= 3:
            return tuple(sorted(codes))
    return None


def members(
    text: str,
    sentence_start: int,
    sentence_end: int,
    name_start: int,
    name_end: int,
    document_counts: Counter[str] | None = None,
) -> tuple[str, ...] | None:
    """The parties of a mechanism named at text[name_start:name_end] when more than two
    states take part; None for a bilateral one."""
    taking_part = _participants(text, sentence_start, sentence_end)
    if taking_part:
        return taking_part
    grouping = with_members(text, sentence_start, sentence_end) or _grouping(
        text, max(sentence_start, name_start - 20), name_end
    )
    if grouping:
        return grouping
    owner = _GROUPING_AFTER.match(text, name_end, sentence_end)
    if owner:
        return MEMBERS[_key(owner.group("name"))]
    seated = text.find("Secretariat", sentence_start, sentence_end) >= 0
    body = (
        _GROUPING_BODY.search(text, sentence_start, sentence_end)
        if seated or text.find("ember", sentence_start, sentence_end) >= 0
        else None
    )
    if body:
        return MEMBERS[_key(body.group("name"))]
    window = max(sentence_start, name_start - 60)
    # three states joined need at least two joints: hyphens, commas or "and"
    joints = text.count("-", window, name_end) + text.count(",", window, name_end)
    if joints >= 2 or " and " in text[window:name_end]:
        chained = _chain(text, window, name_end)
        if len(chained) >= 3:
            return tuple(sorted(chained))
    # "… Joint Working Group Meeting for Quadrilateral Cooperation and Coordination
    # Mechanism …": the grouping the mechanism belongs to may follow its name closely
    several = _SEVERAL.search(
        text, max(sentence_start, name_start - 30), min(sentence_end, name_end + 30)
    )
    if not several:
        return None
    listed = _listed_group(text, sentence_start, sentence_end)
    if listed:
        return listed
    size = _COUNT[re.sub(r"\s+", " ", several.group().lower())]
    if document_counts and len(document_counts) >= size:
        top = [code for code, _ in document_counts.most_common(size)]
        return tuple(sorted(top))
    return None
