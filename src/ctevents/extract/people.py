"""Officials named with their titles: "TITLE NAME", "NAME, TITLE", honorifics stripped.

Also splits a list of officials ("A, TITLE, and B, TITLE") only where both halves
read as an official, so titles such as "Strategic, Security and Disarmament
Affairs" stay whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ctevents.extract import gazetteer
from ctevents.extract.lexicon import (
    COURTESIES,
    POSTS,
    RANKS,
    REPORTING_VERBS,
    STYLES,
    TITLE_WORDS,
)
from ctevents.extract.lexicon import OFFICE_WORDS as _OFFICE_WORDS

HONORIFICS = re.compile(
    rf"^(?:(?:{COURTESIES}|{POSTS}|{RANKS})"
    # "Mr.Vladimir Andreev": a courtesy glued to the name
    r"(?:\.?\s+|\.(?=[A-Z][a-z])))+"
)
# A name word: "Devaraj", "El-Din", "Vasquez-Hollander", "Ji-hoon", "K.", "K.D.", "K",
# "KOBAYASHI" (a surname in capitals, Japanese style); Latin letters beyond ASCII as in
# Turkish, Polish or Vietnamese names ("Ayşe", "Kılıçarslan", "Şahin", "Łukasz").
_UPPER_LETTER = "A-ZÀ-ÖØ-ÞĀ-ſ"
_LOWER_LETTER = "a-zß-öø-ÿĀ-ſ"
_NAME_TOKEN = re.compile(
    rf"^(?:[{_UPPER_LETTER}][{_LOWER_LETTER}'’]*[{_LOWER_LETTER}]"
    rf"(?:[-'’][A-Za-z{_LOWER_LETTER}][{_LOWER_LETTER}]*)*\.?|[A-Z]\.(?:[A-Z]\.)*|[A-Z]"
    r"|[A-Z][A-Z'’-]{1,15}"
    # "LoGerfo", "McDonald", "DeSantis": a surname with a capital inside
    r"|[A-Z][a-z]{1,2}[A-Z][a-z]+"
    # "O'Rourke", "D’Souza-Lee": a capital after the apostrophe
    rf"|[{_UPPER_LETTER}]['’][{_UPPER_LETTER}][{_LOWER_LETTER}]+(?:-[{_UPPER_LETTER}][{_LOWER_LETTER}]+)*)$"
)
# Heads and words of organisations' names: an "and" followed by capitalised words that reach
# one of these before a comma joins two parts of one organisation's name, not two people.
_ORGANISATION_TAIL = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w'’-]*(?<!['’]s)\s+){0,4}?(?:Office|Ministry|Department|Division|Directorate|"
    r"Unit|Bureau|Agency|Challenges|Threats|Affairs|Cooperation|Development|Crime|Research|"
    r"Organi[sz]ations|Security|Centre|Center|Commission|Service|Police)\b(?![’']s)"
)
# "Adamu Ibrahim Bello (rtd)": a retired officer's suffix is not part of the name.
# "H.E. Mr. A (Ambassador), TITLE", "K. D. Rao (IFS)": a rank or service in brackets after a
# name is a style, like a courtesy: neither name nor title.
_RETIRED = re.compile(
    r"\s*\((?:rtd|retd|retired|Retd|Rtd|Ret|Ambassador|Amb|IFS|IPS|IAS|PSP|FSP|Dr|Prof)\.?\)"
    r"(?=[\s,;]|$)"
)
_PARTICLES = frozenset(
    {
        "bin",
        "binti",
        "bint",
        "al",
        "el",
        "de",
        "da",
        "van",
        "von",
        "der",
        "den",
        "ul",
        "le",
        "la",
        "du",
        "dos",
        "das",
        "di",
        "ter",
        "ten",
        "ibn",
        "abu",
    }
)


@dataclass(frozen=True, slots=True)
class Official:
    name: str
    title: str | None
    party: str | None  # a country named inside the title, if any


# "al-Shammari", "el-Sayed", "bin-Zayed": an Arabic article or particle joined to a surname.
_JOINED_PARTICLE = re.compile(r"^(?:al|el|ad|adh|an|ar|as|ash|at|az|bin|ibn|abu)-(?=[A-Z])")


def _is_name_token(token: str) -> bool:
    bare = token.strip(",")
    if len(bare) == 1 and "A" <= bare <= "Z":
        return True  # a middle initial without its stop ("Nathan A Sales"), "A" included
    if "-" in bare and bare[0].islower():
        bare = _JOINED_PARTICLE.sub("", bare)
    if not bare or not bare[0].isupper() or bare.lower() in TITLE_WORDS or gazetteer.code_for(bare):
        return False
    # "Secretary-General", "Director-General": title words joined, not a surname.
    if "-" in bare and all(part in TITLE_WORDS for part in bare.lower().split("-")):
        return False
    return bool(_NAME_TOKEN.match(bare))


def _name_run(tokens: list[str]) -> bool:
    # (a Vietnamese middle name "The" inside a name, "Pham The Tung", is no article)
    core = [
        t
        for i, t in enumerate(tokens)
        if t.lower() not in _PARTICLES and not (t == "The" and 0 < i < len(tokens) - 1)
    ]
    if not core or not all(_is_name_token(t) for t in core):
        return False
    if core[0] == "A":
        return False  # "A Chilean …": the article, not an initial ("R S Bhatia"), opens it
    if gazetteer.code_for(" ".join(t.strip(",") for t in core)):
        return False  # "United States" is a state, not a person
    if any(t.strip(",").lower() in _OFFICE_WORDS for t in core):
        return False
    # A lone initial or a run of capitals alone is an abbreviation, not a name.
    if not any(_LOWER.search(t) for t in core):
        return False
    return tokens[0].lower() not in _PARTICLES and tokens[-1].lower() not in _PARTICLES


_BRACKET_OR_COMMA = re.compile(r"[(),]")
_LOWER = re.compile(r"[a-zà-ÿ]")
_LEADING_FILLER = re.compile(r"^(?:the|The|of|and|,|\s)+")
_TRAILING_FILLER = re.compile(r"\s+(?:the|and|of)$")
_SPLIT_COURTESY = re.compile(r"\s+(?:Dato['’]?|Datuk|Tan|Puan|Tun)$")
_GENERAL = re.compile(r"\s*General\s*")
_BRACKETED = re.compile(r"\([^()]*\)")


def _top_level_commas(chunk: str) -> list[str]:
    """The chunk's pieces between commas outside brackets (a stray ")" closes nothing)."""
    if "(" not in chunk:
        pieces = chunk.split(",")
    else:
        pieces, depth, begin = [], 0, 0
        # Only brackets and commas change anything: visit those, not every character.
        for mark in _BRACKET_OR_COMMA.finditer(chunk):
            char = mark.group()
            if char == "(":
                depth += 1
            elif char == ")":
                depth = max(0, depth - 1)
            elif depth == 0:
                pieces.append(chunk[begin : mark.start()])
                begin = mark.end()
        pieces.append(chunk[begin:])
    return [p.strip() for p in pieces if p.strip()]


def _trailing_name(piece: str) -> tuple[str, str] | None:
    """(name, words before it) when `piece` ends in a name of two or more words after
    title words ("Minister Plenipotentiary Lorenzo Ricci")."""
    tokens = piece.split()
    run: list[str] = []
    while tokens and (_is_name_token(tokens[-1]) or tokens[-1].lower() in _PARTICLES):
        run.insert(0, tokens.pop())
    while run and run[0].lower() in _PARTICLES:
        tokens.append(run.pop(0))
    if len(run) < 2 or not tokens or not _name_run(run):
        return None
    if not all(t.lower() in TITLE_WORDS or _TITLE_LIKE.match(t) for t in tokens):
        return None
    return " ".join(run), " ".join(tokens)


# A word of a rank or post not in TITLE_WORDS ("Plenipotentiary", "Minister-Counsellor").
_TITLE_LIKE = re.compile(r"^(?:Plenipotentiary|Minister[\w-]*|Counsellor|Envoy|Consul\w*)$")


def _clean_title(title: str) -> str | None:
    title = _LEADING_FILLER.sub("", title)
    title = title.strip(" ,;")
    title = _TRAILING_FILLER.sub("", title)
    # "Director-General Dato' Sri Dr. NAME": the first word of a split courtesy is not the title's.
    title = _SPLIT_COURTESY.sub("", title)
    return title or None


_TITLE_HONORIFICS = re.compile(rf"^(?:{POSTS}|{RANKS})$")
# Courtesy words that are never a title on their own.
_COURTESY = re.compile(rf"(?:{COURTESIES}|{STYLES})\.?\s+")


def _strip_honorifics(name: str) -> tuple[str, str]:
    """The name without honorifics, and the rank or honorific when it is also a title."""
    match = HONORIFICS.match(name)
    if not match:
        return name, ""
    words = match.group()
    while True:  # "H.E. Amb.": keep the part that is a title
        courtesy = _COURTESY.match(words)
        if not courtesy:
            break
        words = words[courtesy.end() :]
    words = words.strip().rstrip(".")
    return name[match.end() :], words if _TITLE_HONORIFICS.match(words) else ""


_TRAILING_HONORIFIC = re.compile(
    rf"(?:^|\s)(?P<words>(?:(?:{COURTESIES}|{POSTS}|{RANKS})\.?\s*)+)$"
)
_OF_OFFICE = re.compile(r"\s+(?:of|at|from|in)\s+(?P<office>(?:the\s+)?[A-Z][\w'’ &-]*?)$")
_OFFICE = re.compile(
    r"\b(?:Ministry|Department|Office|Bureau|Agency|Directorate|Secretariat|Service|Commission)\b"
)
_OF_COUNTRY = re.compile(r"\s+(?:of|from)\s+(?P<country>(?:the\s+)?[A-Z][\w ]+?)$")


_ORGANISATION_HEAD = re.compile(
    r"(?:the\s+)?(?:(?:[A-Z][\w’'-]*\s+){0,3}(?:Ministry|Department|Office|Bureau|Agency|"
    r"Directorate|Secretariat|Service|Commission|Embassy|Mission)\b|Government\s+of\b)"
)


def _is_organisation(piece: str) -> bool:
    """A piece of a list item that names a body or a state, never a person."""
    piece = piece.strip()
    return bool(_ORGANISATION_HEAD.match(piece)) or gazetteer.code_for(piece) is not None


_COUNTERPART = re.compile(
    r"^(?:and\s+)?(?:his|her|their)\s+(?P<side>[A-Z][\w-]+)\s+counterparts?\s*,?\s+(?P<rest>.+)$"
)
_BRACKETED_STATE = re.compile(r"\s*\((?P<state>[A-Z][\w .’'-]{1,40})\)$")


# Letters after a name ("George Brandis QC", "Jane Doe MP", "John Roe AO"): not part of it.
_POSTNOMINALS = re.compile(
    r"(?:\s+(?:QC|KC|SC|MP|MEP|MLA|AO|AC|AM|OBE|CBE|KBE|MBE|PSM|APM|CSC))+(?=\s*(?:,|;|$))"
)


# "A, TITLE, today at the Pentagon signed …": when and where follow the title, not part of it.
_WHEN_AFTER = re.compile(
    r",?\s+(?:today|yesterday|tonight|this\s+(?:morning|afternoon|evening))\b.*$"
)


# "Saudi Arabia’s Ahmad Al-Eisa": a state in the possessive before a name is the side.
_OWNER = re.compile(r"(?:the\s+)?(?P<state>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})[’']s\s+")


def parse_official(chunk: str) -> Official | None:
    """One official from "TITLE NAME", "NAME, TITLE" or "TITLE, NAME"; None if no name."""
    found = _parse_official(chunk)
    if found is not None and ("’s " in found.name or "'s " in found.name):
        # the possessive read into the name: the state is the side, the rest the person
        owner = _OWNER.match(chunk.strip())
        code = gazetteer.code_for(owner.group("state")) if owner else None
        rest = _parse_official(chunk.strip()[owner.end() :]) if owner and code else None
        if rest is not None:
            return Official(rest.name, rest.title, rest.party or code)
    if found is not None and found.title and found.title[-1] in ",;":
        # ("The Home Secretary of the United Kingdom, the Rt Hon. A": the comma before the
        # honorific is no part of the title)
        return Official(found.name, found.title.rstrip(" ,;") or None, found.party)
    return found


def _parse_official(chunk: str) -> Official | None:
    if "(" in chunk:
        chunk = _RETIRED.sub("", chunk)
    if "today" in chunk or "yesterday" in chunk or "this " in chunk or "tonight" in chunk:
        chunk = _WHEN_AFTER.sub("", chunk)
    chunk = _POSTNOMINALS.sub("", chunk)
    chunk = chunk.strip(" ,;.")
    if not chunk:
        return None
    counterpart = _COUNTERPART.match(chunk) if "counterpart" in chunk else None
    if counterpart and gazetteer.code_for(counterpart.group("side")):
        # "his Turkish counterpart, Deputy Foreign Minister B": B, of the side named.
        found = parse_official(counterpart.group("rest"))
        if found is not None:
            side = gazetteer.code_for(counterpart.group("side"))
            return Official(found.name, found.title, side)
    bracketed = _BRACKETED_STATE.search(chunk) if chunk.endswith(")") else None
    if bracketed and gazetteer.code_for(bracketed.group("state")):
        # "Joint Secretary A (India)": the state in brackets after the name is the side.
        found = parse_official(chunk[: bracketed.start()])
        if found is not None:
            party = gazetteer.code_for(bracketed.group("state"))
            return Official(found.name, found.title, party)
    of_country = _OF_COUNTRY.search(chunk)
    if of_country and gazetteer.code_for(of_country.group("country")):
        found = parse_official(chunk[: of_country.start()])
        if found is not None:
            party = gazetteer.code_for(of_country.group("country"))
            return Official(found.name, found.title, found.party or party)
    of_office = _OF_OFFICE.search(chunk)
    if of_office and _OFFICE.search(of_office.group("office")):
        # "… Krishna Dev Rao of the Ministry of External Affairs": the office is the title's.
        found = parse_official(chunk[: of_office.start()])
        if found is not None:
            tail = chunk[of_office.start() :].strip()
            title = f"{found.title} {tail}" if found.title else of_office.group("office")
            return Official(found.name, title, found.party or _party_in(tail))
    pieces = _top_level_commas(chunk)
    if len(pieces) > 1 and all(_is_organisation(p) for p in pieces[1:]):
        # "Joint Secretary A, Ministry of External Affairs": the title before the name, its
        # ministry (or state) after it; both are the title.
        found = parse_official(pieces[0])
        if found is not None and found.title and found.name.count(" "):
            tail = ", ".join(pieces[1:])
            title = f"{found.title}, {tail}"
            return Official(found.name, _clean_title(title), found.party or _party_in(tail))
    name = title = None
    first, honorific = _strip_honorifics(pieces[0])
    last_piece, last_honorific = _strip_honorifics(pieces[-1])
    if len(first.split()) >= 2 - bool(honorific) and _name_run(first.split()):
        name, title = first, ", ".join(pieces[1:])
        title = title or honorific
    elif len(pieces) > 1 and (lead := _trailing_name(first)) is not None:
        # "Minister Plenipotentiary Lorenzo Ricci, Head of the Unit …": a rank before the
        # name and the post after it make one title.
        name, prefix = lead
        title = ", ".join([p for p in (prefix or honorific, *pieces[1:]) if p])
    elif len(pieces) > 1 and _name_run(last_piece.split()) and len(last_piece.split()) >= 1:
        name, title = last_piece, ", ".join(pieces[:-1])
        if last_honorific:
            title = title or last_honorific
    else:
        tokens = pieces[-1].split()
        run: list[str] = []
        # A word of an office ends the name read backwards ("… Economic Diplomacy Syed Shah").
        while tokens and (
            (_is_name_token(tokens[-1]) and tokens[-1].lower() not in _OFFICE_WORDS)
            or tokens[-1].lower() in _PARTICLES
        ):
            run.insert(0, tokens.pop())
        if tokens and tokens[-1] in ("to", "in", "at"):
            # "Algerian Ambassador to Moscow Smail Benamara": the city is the post's
            for size in (2, 1):
                if len(run) > size and gazetteer.city_code(" ".join(run[:size])):
                    tokens.extend(run[:size])
                    run = run[size:]
                    break
        particles: list[str] = []
        while run and run[0].lower() in _PARTICLES:
            particles.append(run.pop(0))
        tokens.extend(particles)
        # "… Department of the FCDO Jonathan Allen": an office's initials after "the" or "of"
        # end the title; a surname in capitals ("Ambassador KOBAYASHI Kenji") follows a title.
        while (
            len(run) > 2
            and tokens
            and tokens[-1].lower() in {"the", "of"}
            and run[0].isupper()
            and run[0].isalpha()
        ):
            tokens.append(run.pop(0))
        # "… Ambassador Nathaniel Reyes", "… (Security) Datuk Ahmad Fadzil Ibrahim": a rank or
        # honorific between the title and the name belongs to neither the name nor the run.
        rank = ""
        joined = " ".join(run)
        leading = HONORIFICS.match(joined + " ")
        if leading and leading.end() < len(joined):
            run = joined[leading.end() :].split()
            rank = _strip_honorifics(joined)[1]
        else:
            trailing = _TRAILING_HONORIFIC.search(" ".join(tokens))
            # "Director General NAME", "Secretary General NAME": "General" ends the post.
            if (
                trailing
                and _GENERAL.fullmatch(trailing.group("words"))
                and (
                    len(tokens) > 1
                    and tokens[-2].lower() in {"director", "secretary", "inspector", "attorney"}
                )
            ):
                trailing = None
            if trailing:
                rank = _strip_honorifics(trailing.group("words") + " x")[1]
                tokens = " ".join(tokens)[: trailing.start()].split()
                leading = trailing
        # "… Deputy Secretary of State of the United States John J. Sullivan": a state's
        # name before the name belongs to the title.
        for size in (3, 2, 1):
            if len(run) > size + 1 and gazetteer.code_for(" ".join(run[:size])):
                tokens.extend(run[:size])
                run = run[size:]
                break
        surname = len(run) == 1 and particles and tokens and tokens[-len(particles) :] == particles
        if surname and len(tokens) > len(particles) and _name_run(run):
            # "… Coordinator de Kerchove": a surname with its particle, after the title
            tokens = tokens[: -len(particles)]
            run = [*particles, *run]
        elif (len(run) < 2 and not (run and leading)) or not _name_run(run):
            return None
        name = " ".join(run)
        rest = " ".join(tokens)
        title = ", ".join([*pieces[:-1], rest]) if rest else ", ".join(pieces[:-1])
        title = title or rank
    if name is None:
        return None
    party = _party_in(title or "")
    return Official(name=name.strip(), title=_clean_title(title or ""), party=party)


# Offices whose name alone says which country they belong to.
_OFFICE_PARTY = (
    (re.compile(r"Ministry of External Affairs|\bMEA\b|Ministry of Home Affairs|\bNIA\b"), "IN"),
    (re.compile(r"State Department(?!\s+for)|Department of State|\bFBI\b|Homeland Security"), "US"),
    (re.compile(r"Quai d'Orsay|Ministry for Europe and Foreign Affairs"), "FR"),
    (re.compile(r"Foreign(?:, Commonwealth)? (?:and|&) (?:Commonwealth|Development) Office"), "GB"),
    (re.compile(r"\bEEAS\b|European External Action Service"), "EU"),
)


def _party_in(title: str) -> str | None:
    # "Joint Secretary (Bangladesh and Myanmar)" names a division's beat, not the side.
    title = _BRACKETED.sub(lambda m: " " * len(m.group()), title)
    found = gazetteer.mentions(title)
    if found:
        return found[0].code
    for pattern, code in _OFFICE_PARTY:
        if pattern.search(title):
            return code
    return None


_AND = re.compile(r",?\s+and\s+|;\s*(?:and\s+)?")


def _depth_at(chunk: str, offset: int) -> int:
    return chunk.count("(", 0, offset) - chunk.count(")", 0, offset)


def _title_first_list(chunk: str) -> list[Official]:
    """ "TITLE A, TITLE B and TITLE C": a list whose every item is a title followed by a name;
    empty when any item is not."""
    if chunk.count(",") < 1 or " and " not in chunk:
        return []
    pieces = _top_level_commas(chunk)
    # The first item must be a title before a name ("Assistant Minister Chen Wei"), not a
    # name alone ("Anil Rao, Joint Secretary, …").
    if len(pieces) < 2 or len(pieces[0].split()) < 3 or _name_run(pieces[0].split()):
        return []
    last = re.split(r"\s+and\s+", pieces[-1])
    items = [*pieces[:-1], *last] if len(last) == 2 else pieces
    if len(items) < 3:
        return []
    officials = []
    for item in items:
        item = re.sub(r"^and\s+", "", item).rstrip()
        official = parse_official(item)
        # "TITLE NAME of India": a state after the name is the item's side.
        of_country = _OF_COUNTRY.search(item)
        ends = item[: of_country.start()] if of_country and official and official.party else item
        if official is None or not official.title or not ends.endswith(official.name):
            return []
        officials.append(official)
    return officials


def _title_comma_name_list(chunk: str) -> list[Official]:
    """ "TITLE of Chile, A, TITLE of Peru, B, and TITLE of Bolivia, C": three or more titles,
    each followed by a comma and its name; empty when the chunk is not such a list."""
    if chunk.count(",") < 5 or " and " not in chunk:
        return []
    # (a stray stop after a comma, "of Malaysia, . A", is a typing slip)
    pieces = [
        re.sub(r"^[\s.]*(?:and\s+)?", "", piece).strip() for piece in _top_level_commas(chunk)
    ]
    if len(pieces) % 2 or len(pieces) < 6:
        return []
    officials = []
    for title, name in zip(pieces[::2], pieces[1::2], strict=True):
        if _name_run(title.split()):
            return []
        official = parse_official(f"{title}, {name}")
        # the name may keep honorifics the parse leaves out ("Dato’ Sri A")
        if official is None or not name.endswith(official.name) or not official.title:
            return []
        officials.append(official)
    return officials


def _name_first_list(chunk: str) -> list[Official]:
    """ "A, TITLE, Ministry …, B, TITLE, Ministry …, and C, TITLE": three or more names, each
    followed by a title that may itself hold commas; empty when the chunk is not such a list."""
    if chunk.count(",") < 4 or " and " not in chunk:
        return []
    pieces = [re.sub(r"^and\s+", "", p.strip()) for p in _top_level_commas(chunk)]
    # "Ambassador A, TITLE, …": a name may carry its honorific
    bare = [_strip_honorifics(p)[0] for p in pieces]
    named = [0 < len(p.split()) <= 5 and _name_run(p.split()) for p in bare]
    if not named[0] or sum(named) < 3:
        return []
    items: list[list[str]] = []
    names: list[str] = []
    for piece, name, is_name in zip(pieces, bare, named, strict=True):
        if is_name:
            items.append([piece])
            names.append(name)
        else:
            items[-1].append(piece)
    officials = []
    for item, name in zip(items, names, strict=True):
        official = parse_official(", ".join(item)) if len(item) > 1 else None
        if official is None or official.name != name:
            return []
        officials.append(official)
    return officials


def split_officials(chunk: str, lists: bool = True) -> list[Official]:
    """Officials in a list, split at "and" only where both sides read as officials: first
    at ", and" and ";", then at a bare "and"; never inside brackets. A list of three or more
    "TITLE NAME" items is split at its commas."""
    shared = _SHARED_TITLE.match(chunk.strip(" ,.;"))
    if shared:
        return _each_with_the_shared_title(shared)
    found = _split(chunk, lists, {}, {})
    if "counterpart" in chunk and len(found) > 1:
        found = _counterparts_titled(chunk, found)
    return found


# "Russian and Chinese Deputy Foreign Ministers A and B": one title in the plural shared by
# two officials, each of the state named in the same place.
_SHARED_TITLE = re.compile(
    r"(?P<first>[A-Z][a-z]+)\s+and\s+(?P<second>[A-Z][a-z]+)\s+"
    r"(?P<title>(?:[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*?(?:ies|s))\s+"
    r"(?P<a>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})\s+and\s+"
    r"(?P<b>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})"
)


def _each_with_the_shared_title(match: re.Match[str]) -> list[Official]:
    plural = match.group("title")
    title = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
    officials = []
    for state, name in (("first", "a"), ("second", "b")):
        party = gazetteer.code_for(match.group(state))
        officials.append(Official(match.group(name), f"{match.group(state)} {title}", party))
    if not all(o.party for o in officials):
        return _split(match.string, True, {}, {})
    return officials


def _counterparts_titled(chunk: str, found: list[Official]) -> list[Official]:
    """ "National Security Adviser A and his Nigerian counterpart B": B holds the same post,
    so B takes A's title when the list gives B none."""
    result = [found[0]]
    for official in found[1:]:
        before = result[-1]
        # ("Libya's Attorney General A and Egyptian counterpart B": a title that is only the
        # word counterpart gives no post either)
        untitled = official.title is None or _COUNTERPART_ONLY.fullmatch(official.title)
        named = re.search(rf"counterparts?\s*,?\s+{re.escape(official.name)}", chunk)
        if untitled and before.title is not None and named:
            official = Official(official.name, counterpart_post(before.title), official.party)
        result.append(official)
    return result


_COUNTERPART_ONLY = re.compile(r"(?:(?:his|her|their)\s+)?(?:[A-Z][\w’'-]*\s+)?counterparts?")


def counterpart_post(title: str) -> str:
    """The title without the state it opens with ("Libya's Attorney General" → "Attorney
    General"): a counterpart holds the post for the other side."""
    opening = gazetteer.mentions(title)
    if opening and opening[0].start == 0:
        rest = re.sub(r"^[’']s\s+|^\s+", "", title[opening[0].end :])
        return rest or title
    return title


def _parsed(chunk: str, memo: dict[str, Official | None]) -> Official | None:
    """`parse_official`, once per piece: the splits of one list try the same pieces again."""
    if chunk not in memo:
        memo[chunk] = parse_official(chunk)
    return memo[chunk]


def _split(
    chunk: str,
    lists: bool,
    memo: dict[str, Official | None],
    tails: dict[str, list[Official]],
) -> list[Official]:
    if not lists:
        # The tails of one list after different "and"s are often the same words.
        if chunk not in tails:
            tails[chunk] = _split_at_and(chunk, lists, memo, tails)
        return tails[chunk]
    return _split_at_and(chunk, lists, memo, tails)


def _split_at_and(
    chunk: str,
    lists: bool,
    memo: dict[str, Official | None],
    tails: dict[str, list[Official]],
) -> list[Official]:
    if "(" in chunk:
        chunk = _RETIRED.sub("", chunk)
    chunk = chunk.strip(" ,;.")
    listed = (
        (_title_first_list(chunk) or _name_first_list(chunk) or _title_comma_name_list(chunk))
        if lists
        else []
    )
    if listed:
        return listed
    points = [
        m
        for m in _AND.finditer(chunk)
        if _depth_at(chunk, m.start()) == 0
        and not (m.group().strip() == "and" and _ORGANISATION_TAIL.match(chunk, m.end()))
    ]
    points.sort(key=lambda m: (not m.group().startswith((",", ";")), m.start()))
    for match in points:
        left, right = chunk[: match.start()], chunk[match.end() :]
        head = _parsed(left, memo)
        if head is None:
            continue
        tail = _split(right, False, memo, tails)
        if tail:
            return [head, *tail]
    single = _parsed(chunk, memo)
    return [single] if single else []


# A person named by surname alone, then "and" ("Verma and TITLE B co-chaired …").
_LONE_SURNAME = re.compile(rf"^\s*(?:(?:{COURTESIES})\.?\s+)?(?P<word>[A-Z][\w'’-]+)\s+and\s+")
_TITLE_TOKEN = re.compile(r"^\(?[\w-]+\)?,?$")
_REPORTED_BY = re.compile(rf"\b(?:{REPORTING_VERBS}|according\s+to)\s+")
_OPENING_CLAUSE = re.compile(r"\s*(?:[A-Z][a-z]+ing|After|Following|During)\b[^,.;]*,\s*")


def known_person(text: str, surname: str) -> Official | None:
    """The person a lone surname stands for: the first full name in the text ending in it,
    with the title words written just before that name ("Secretary (West) Sanjay Verma")."""
    for found in re.finditer(rf"\b((?:[A-Z][\w.'’-]*\s+){{1,3}}){re.escape(surname)}\b", text):
        official = parse_official(f"{found.group(1)}{surname}")
        if official is None or " " not in official.name:
            continue
        name = official.name.split()
        # "Kenya's CS for Interior …, Dr. Fred Matiang’i": the title written before, up to
        # the sentence's start, read as one official.
        stop, line = text.rfind(". ", 0, found.start()), text.rfind("\n", 0, found.start())
        start = max(stop + 2 if stop >= 0 else 0, line + 1)
        # "…, said TITLE A": the title begins after the reporting verb
        verbs = [m.end() for m in _REPORTED_BY.finditer(text, start, found.start())]
        start = verbs[-1] if verbs else start
        # "Speaking after talks with his Iraqi counterpart, TITLE A said": the opening phrase
        # is no part of the title
        opening = _OPENING_CLAUSE.match(text, start, found.start())
        start = opening.end() if opening else start
        written = split_officials(text[start : found.end()])
        if written and written[-1].name == official.name and written[-1].title:
            return Official(official.name, written[-1].title.strip(" ,;"), written[-1].party)
        before = text[
            max(0, found.start() - 80) : found.start()
            + len(found.group(1))
            - len(" ".join(name[:-1]))
            - 1
        ].split()
        title: list[str] = []
        while (
            before
            and _TITLE_TOKEN.match(before[-1])
            and (before[-1].strip("(),").lower() in TITLE_WORDS or before[-1].startswith("("))
        ):
            title.insert(0, before.pop())
        joined = " ".join(title) or None
        return Official(" ".join(name), joined, None)
    return None


def officials_with_known(
    text: str, chunk: str, split: Callable[[str], list[Official]] = split_officials
) -> list[Official]:
    """Officials in a list whose first may be named by surname alone ("Verma and TITLE B")."""
    lone = _LONE_SURNAME.match(chunk)
    if lone:
        earlier = text[: text.find(chunk)] if chunk in text else text
        person = known_person(earlier, lone.group("word"))
        if person is not None:
            return [person, *split(chunk[lone.end() :])]
    return split(chunk)
