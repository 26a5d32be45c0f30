"""Officials named with their titles: "TITLE NAME", "NAME, TITLE", honorifics stripped.

Also splits a list of officials ("A, TITLE, and B, TITLE") only where both halves
read as an official, so titles such as "Strategic, Security and Disarmament
Affairs" stay whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ctevents.extract import gazetteer

HONORIFICS = re.compile(
    r"^(?:(?:Shri|Smt|Sri|Sir|Dame|Lord|Mr|Mrs|Ms|Dr|Prof|H\.\s?E|HE|His Excellency|Her Excellency|"
    r"Hon|Honourable|Ambassador|Amb|Sheikh|Gen|Lt\.?\s?Gen|Maj\.?\s?Gen|Brig|Col|Admiral)"
    r"\.?\s+)+"
)
# Words that belong to titles and offices, never to a personal name.
TITLE_WORDS = frozenset(
    [
        "secretary",
        "minister",
        "ministry",
        "ambassador",
        "director",
        "general",
        "joint",
        "additional",
        "deputy",
        "assistant",
        "under",
        "coordinator",
        "co-ordinator",
        "acting",
        "foreign",
        "special",
        "envoy",
        "head",
        "chief",
        "controller",
        "commissioner",
        "permanent",
        "representative",
        "counsellor",
        "counselor",
        "principal",
        "adviser",
        "advisor",
        "national",
        "security",
        "department",
        "affairs",
        "external",
        "home",
        "state",
        "mea",
        "counter",
        "terrorism",
        "counter-terrorism",
        "counterterrorism",
        "ct",
        "division",
        "office",
        "bureau",
        "president",
        "vice",
        "prime",
        "chairman",
        "chair",
        "officer",
        "senior",
        "high",
        "attorney",
        "governor",
        "spokesperson",
        "west",
        "east",
        "north",
        "south",
        "central",
        "multilateral",
        "political",
        "consular",
        "government",
        "federal",
        "agency",
        "police",
        "intelligence",
        "immigration",
        "customs",
        "defence",
        "defense",
        "justice",
        "interior",
        "european",
        "union",
        "centre",
        "center",
        "council",
        "commission",
        "affairs",
        "directorate",
        "unit",
        "bureau",
        "section",
        "desk",
        "ambassador-at-large",
        "at-large",
        "the",
        "of",
        "for",
        "and",
        "in",
        "at",
        "on",
        "to",
        "with",
        "a",
        "an",
        "mr",
        "ms",
        "mrs",
        "dr",
        "shri",
        "smt",
        "strategic",
        "disarmament",
        "legal",
        "cooperation",
        "international",
        "public",
        "policy",
    ]
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zà-ÿ'’.-]*[a-zà-ÿ.]|[A-Z]\.(?:[A-Z]\.)*|[A-Z]{2,3}\.?)$")
_PARTICLES = frozenset(
    {"bin", "binti", "al", "el", "de", "da", "van", "von", "ul", "le", "la", "du"}
)


@dataclass(frozen=True, slots=True)
class Official:
    name: str
    title: str | None
    party: str | None  # a country named inside the title, if any


def _is_name_token(token: str) -> bool:
    bare = token.strip(",")
    if not bare or bare.lower() in TITLE_WORDS or gazetteer.code_for(bare):
        return False
    return bool(_NAME_TOKEN.match(bare))


def _name_run(tokens: list[str]) -> bool:
    core = [t for t in tokens if t.lower() not in _PARTICLES]
    if not core or not all(_is_name_token(t) for t in core):
        return False
    return tokens[0].lower() not in _PARTICLES and tokens[-1].lower() not in _PARTICLES


def _top_level_commas(chunk: str) -> list[str]:
    pieces, depth, current = [], 0, []
    for char in chunk:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        if char == "," and depth == 0:
            pieces.append("".join(current))
            current = []
        else:
            current.append(char)
    pieces.append("".join(current))
    return [p.strip() for p in pieces if p.strip()]


def _clean_title(title: str) -> str | None:
    title = re.sub(r"^(?:the|The|of|and|,|\s)+", "", title)
    title = title.strip(" ,;")
    title = re.sub(r"\s+(?:the|and|of)$", "", title)
    return title or None


_TITLE_HONORIFICS = frozenset({"Ambassador", "Amb", "Admiral", "Gen", "Brig", "Col", "Prof"})


def _strip_honorifics(name: str) -> tuple[str, str]:
    """The name without honorifics, and the honorific when it is also a title."""
    match = HONORIFICS.match(name)
    if not match:
        return name, ""
    last = match.group().split()[-1].rstrip(".")
    return name[match.end() :], last if last in _TITLE_HONORIFICS else ""


_OF_COUNTRY = re.compile(r"\s+(?:of|from)\s+(?P<country>(?:the\s+)?[A-Z][\w ]+?)$")


def parse_official(chunk: str) -> Official | None:
    """One official from "TITLE NAME", "NAME, TITLE" or "TITLE, NAME"; None if no name."""
    chunk = chunk.strip(" ,;.")
    if not chunk:
        return None
    of_country = _OF_COUNTRY.search(chunk)
    if of_country and gazetteer.code_for(of_country.group("country")):
        found = parse_official(chunk[: of_country.start()])
        if found is not None:
            party = gazetteer.code_for(of_country.group("country"))
            return Official(found.name, found.title, found.party or party)
    pieces = _top_level_commas(chunk)
    name = title = None
    first, honorific = _strip_honorifics(pieces[0])
    last_piece, last_honorific = _strip_honorifics(pieces[-1])
    if len(first.split()) >= 2 - bool(honorific) and _name_run(first.split()):
        name, title = first, ", ".join(pieces[1:])
        title = title or honorific
    elif len(pieces) > 1 and _name_run(last_piece.split()) and len(last_piece.split()) >= 1:
        name, title = last_piece, ", ".join(pieces[:-1])
        if last_honorific:
            title = title or last_honorific
    else:
        tokens = pieces[-1].split()
        run: list[str] = []
        while tokens and (_is_name_token(tokens[-1]) or tokens[-1].lower() in _PARTICLES):
            run.insert(0, tokens.pop())
        while run and run[0].lower() in _PARTICLES:
            tokens.append(run.pop(0))
        rest = " ".join(tokens)
        stripped, honorific = _strip_honorifics(rest.split(" ")[-1] + " ") if tokens else ("", "")
        has_honorific = bool(tokens) and bool(HONORIFICS.match(tokens[-1] + " "))
        if len(run) < 2 and not (run and has_honorific):
            return None
        name = " ".join(run)
        if has_honorific:
            honorific = tokens.pop().rstrip(".")
            honorific = honorific if honorific in _TITLE_HONORIFICS else ""
            rest = " ".join(tokens)
        title = ", ".join([*pieces[:-1], rest]) if rest else ", ".join(pieces[:-1])
        if not title and has_honorific:
            title = honorific
        _ = stripped
    if name is None:
        return None
    party = _party_in(title or "")
    return Official(name=name.strip(), title=_clean_title(title or ""), party=party)


# Offices whose name alone says which country they belong to.
_OFFICE_PARTY = (
    (re.compile(r"Ministry of External Affairs|\bMEA\b|Ministry of Home Affairs|\bNIA\b"), "IN"),
    (re.compile(r"State Department|Department of State|\bFBI\b|Homeland Security"), "US"),
    (re.compile(r"Quai d'Orsay|Ministry for Europe and Foreign Affairs"), "FR"),
    (re.compile(r"Foreign(?:, Commonwealth)? (?:and|&) (?:Commonwealth|Development) Office"), "GB"),
    (re.compile(r"\bEEAS\b|European External Action Service"), "EU"),
)


def _party_in(title: str) -> str | None:
    found = gazetteer.mentions(title)
    if found:
        return found[0].code
    for pattern, code in _OFFICE_PARTY:
        if pattern.search(title):
            return code
    return None


_AND = re.compile(r",?\s+and\s+|;\s*")


def split_officials(chunk: str) -> list[Official]:
    """Officials in a list, split at "and" only where both sides read as officials."""
    chunk = chunk.strip(" ,;.")
    points = list(_AND.finditer(chunk))
    for match in points:
        left, right = chunk[: match.start()], chunk[match.end() :]
        head = parse_official(left)
        if head is None:
            continue
        tail = split_officials(right)
        if tail:
            return [head, *tail]
    single = parse_official(chunk)
    return [single] if single else []
