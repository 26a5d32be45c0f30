"""Where a meeting was held: "held in CITY", "took place in CITY", "held here",
virtual meetings. A trailing apostrophe or quote mark is dropped (`Male’` → `Male`)."""

from __future__ import annotations

import re

from ctevents.extract import gazetteer
from ctevents.extract.dates import MONTHS, WEEKDAYS
from ctevents.extract.lexicon import TITLE_WORDS
from ctevents.extract.starts import fast

# Particles between the capitalised words of one place's name ("Dar es Salaam", "Puerto de
# la Cruz"): each counts only where more particles, then a capitalised word, follow it.
PARTICLES = r"es|el|al|la|de|del|da|do"
_PLACE = (
    r"(?P<place>(?:the\s+)?[A-ZÀ-Ý][\w’'.-]*(?:\s+(?:[A-ZÀ-Ý][\w’'.-]*|de|da|of"
    rf"|(?:{PARTICLES})(?=(?:\s+(?:{PARTICLES}))*\s+[A-ZÀ-Ý])))*"
    r"(?:,\s*D\.?C\.?)?)"
)
PLACE_AFTER_IN = re.compile(rf"\b(?:in|at)\s+{_PLACE}")
HELD_IN = re.compile(
    rf"\b(?:held|took\s+place|convened|conducted|met|hosted|organi[sz]ed|place)\b[^.;]{{0,160}}?"
    rf"\bin\s+{_PLACE}"
)
# "Moscow hosted the XII meeting of …", "Moscow hosted regular consultations": the host
# city before the verb.
HOSTED_THE = re.compile(
    r"(?<![\w-])(?P<place>[A-ZÀ-Ý][a-zà-ÿ’'-]+(?:\s+[A-ZÀ-Ý][a-zà-ÿ’'-]+)?)\s+hosted\s+"
    r"(?:the|a|an|regular|annual|routine|bilateral)\b"
)
# "held here", "held the 16th meeting of … here and …": the dateline's city.
# "in the capital, Ankara", "in the Kenyan capital Nairobi": the city, not the country.
IN_CAPITAL = re.compile(
    rf"\b(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w’'-]+(?:[’']s)?\s+)?capital(?:\s+city)?"
    # "in Kazakhstan's capital of Astana"
    rf"(?:,?\s+|\s+of\s+){_PLACE}"
)
# "held in the Egyptian capital on 2 May": the capital of the state named, from the table.
CAPITAL_OF = re.compile(
    r"\b(?:in|at)\s+the\s+(?P<place>[A-Z][\w’'-]+)\s+capital\b(?!(?:\s+city)?,?\s+[A-Z])"
)
HERE = re.compile(r"\bhere\b(?![’']s)", re.I)
STAY_IN = re.compile(rf"\b(?:stay|visit|trip|arrival|arrived)\s+(?:in|to)\s+{_PLACE}")
VIRTUAL = fast(
    re.compile(
        r"\b(?:virtual(?:ly)?|video[- ]?conferenc\w*|video\s+link|online\s+format"
        r"|in\s+a\s+virtual)\b",
        re.I,
    )
)
_NOT_PLACE = frozenset(
    {*(m.capitalize() for m in MONTHS), *(d.capitalize() for d in WEEKDAYS)}
    | {"The", "A", "This", "That", "Both", "January", "Ministry", "Joint", "Working", "Group"}
    # "in Q4 2022": a quarter of a year, not a place
    | {"Q1", "Q2", "Q3", "Q4"}
)


# "at the Foreign Ministry", "at the Department of State": a building or an institution is a
# venue; the meeting's place is the city, said elsewhere or not at all.
_VENUE_WORDS = frozenset(
    {"Ministry", "Department", "Office", "Secretariat", "Headquarters", "Building", "Embassy",
     "Foreign", "Hotel", "Hall", "Palace", "Institute", "Academy", "University", "Agency",
     # ("at State House", "at the White House": a residence, in a city said elsewhere or not)
     "House"}
)  # fmt: skip

# "at the Home Minister Level Talks": a meeting's name after "at", not where it was.
_MEETING_WORDS = frozenset(
    {"Talks", "Dialogue", "Meeting", "Consultations", "Conference", "Summit", "Forum",
     "Committee", "Commission", "Council", "Group"}
)  # fmt: skip

# "at the Council’s headquarters": a possessive names the owner of a venue, not a place.
_OWNER = re.compile(r"[’']s$")

# Places whose name begins with the article ("The Hague", "The Gambia").
_THE_PLACE = re.compile(r"^The\s+[A-Z][\w’'-]+$")


# "in the Middle East and North Africa", "in the Sahel": a region, where no meeting is placed
# (a meeting's place is a city, or a state where no city is given).
_REGION = re.compile(
    r"(?:(?:North|South|East|West|Central|Southeast|Southwest|Northeast|Northwest|Western|"
    r"Eastern|Northern|Southern|Sub-Saharan)[\s-]+)*"
    r"(?:Africa|Asia|Europe|America|Middle\s+East|Near\s+East|Pacific|Sahel|Gulf|Balkans|"
    r"Caucasus|Maghreb|Levant|Caribbean|Horn\s+of\s+Africa|Asia[\s-]Pacific|Indo-Pacific|"
    # ("in the Hemisphere": the Americas, as the inter-American bodies say)
    r"Hemisphere)"
)


def clean_place(place: str) -> str | None:
    place = place.strip()
    if _THE_PLACE.match(place.rstrip("’'\"”,.")):
        return place.rstrip("’'\"”,.")
    place = re.sub(r"^the\s+", "", place)
    place = place.rstrip("’'\"”,")
    if place.endswith(".") and not re.search(r"\b[A-Z]\.[A-Z]\.$", place):
        place = place.rstrip(".")
    if _REGION.fullmatch(place) and not gazetteer.code_for(place):
        return None  # ("South Africa" is a state, "Southern Africa" a region)
    words = place.split()
    if not words or words[0] in _NOT_PLACE or place.isdigit() or _OWNER.search(place):
        return None
    if not _VENUE_WORDS.isdisjoint(words) or not _MEETING_WORDS.isdisjoint(words):
        return None
    if all(word.lower() in TITLE_WORDS for word in words):
        return None  # "… Attorney General hosted the …": a post, not a host city
    # "in Jakarta May 21–22": a month or weekday after the place ends it.
    for index, word in enumerate(words[1:], 1):
        if word.rstrip(".,") in _NOT_PLACE:
            # ("Turkey in November": the preposition before the month goes with it)
            place = re.sub(r"(?:\s+(?:in|on|at|of|and|from))+$", "", " ".join(words[:index]))
            break
    # Keep a place's own words only, not a following clause.
    if place.isupper() and len(place) > 3:
        place = place.title()
    return place


_CAPITAL_CITY: dict[str, str] = {}
for _city, _code in gazetteer.CAPITALS.items():
    _CAPITAL_CITY.setdefault(_code, _city)  # the first the table gives ("New Delhi")


def place_in(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """(place, start, end) of a "held in X" style phrase in `text[start:end]`."""
    capital = "capital" in text[start:end]
    for pattern in (CAPITAL_OF, IN_CAPITAL, HELD_IN, PLACE_AFTER_IN, HOSTED_THE):
        if pattern in (IN_CAPITAL, CAPITAL_OF) and not capital:
            continue
        if pattern is HOSTED_THE and text.find("hosted", start, end) < 0:
            continue  # its every match holds the word: tried at every capital otherwise
        if pattern is CAPITAL_OF:
            for match in CAPITAL_OF.finditer(text, start, end):
                city = _CAPITAL_CITY.get(gazetteer.code_for(match.group("place")) or "")
                if city:
                    return city, match.start("place"), match.end()
            continue
        matches = list(pattern.finditer(text, start, end))
        if pattern is PLACE_AFTER_IN:
            # "at the Pakistan Ministry of Foreign Affairs in Islamabad": the city after "in"
            # before the venue after "at".
            matches.sort(key=lambda m: not m.group().startswith("in"))
        for match in matches:
            begin = match.start("place")
            if _SEAT_OF.search(text, max(0, begin - 30), begin) and not _AT_SEAT.search(
                text, max(0, begin - 60), begin
            ):
                continue  # "the EU office in Sri Lanka said": where a body sits
            if text.startswith(" capital", match.end("place")):
                continue  # "in the Peruvian capital" with no city known: not the place
            place = clean_place(match.group("place"))
            if place:
                return place, match.start("place"), match.end("place")
    return None


# "the EU office in Sri Lanka", "the Embassy in Beijing": a body's seat, not a meeting's place.
_SEAT_OF = re.compile(
    # lower case: "the Foreign Office in Islamabad" is a venue in its city
    r"\b(?:office|embassy|mission|consulate|headquarters|high\s+commission|delegation)\s+(?:in|at)\s*$"
)

# "convened at the League's headquarters in Cairo": the meeting sat at the seat, so its
# city is the place.
_AT_SEAT = re.compile(
    r"\b(?:at|in)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,4}"
    r"(?:headquarters|office|secretariat)\s+in\s*$"
)


# "visited Moscow for the 12th …", "travelled to Moscow … for", "led a delegation to visit
# Indonesia and held …": where a delegation went for the meeting.
# "went to Abu Dhabi to co-chair the second meeting …": the same, to chair it.
VISITED = re.compile(
    rf"\b(?:visited|travel(?:l)?ed\s+to|went\s+to|to\s+visit|arrived\s+in|delegation\s+to)\s+{_PLACE}"
    r"(?=[^.;]{0,80}?\b(?:for|and\s+held|to\s+(?:attend|hold|participate|co-?chair|chair))\b)"
)


def visited_place(text: str, start: int, end: int) -> str | None:
    for match in VISITED.finditer(text, start, end):
        place = clean_place(match.group("place"))
        if place:
            return place
    return None


def stay_place(text: str, start: int, end: int) -> str | None:
    """A place named as where a delegation stays or visits ("during their stay in Male’")."""
    for match in STAY_IN.finditer(text, start, end):
        place = clean_place(match.group("place"))
        if place:
            return place
    return None


# "The meeting, held at the Ministry of Home Affairs in Putrajaya", "the talks, which were
# held at Hyderabad House": the city after a venue, else the venue itself.
VENUE = re.compile(
    r"\b(?i:meeting|talks|dialogue|consultations|session|round|discussions)\b,?\s+"
    r"(?:which\s+(?:was|were)\s+)?(?:held|hosted|convened)\s+(?:at|in)\s+"
    r"(?P<venue>(?:the\s+)?[A-Z][^,.;]{1,80}?)"
    rf"(?:\s+in\s+{_PLACE})?(?=\s*[,.;]|\s+(?:on|and|with|from|during|to)\b|\s*$)"
)


def venue_in(text: str, start: int, end: int) -> str | None:
    """The place of a venue phrase in `text[start:end]`: its city when one follows."""
    for match in VENUE.finditer(text, start, end):
        if match.group("place"):
            place = clean_place(match.group("place"))
            if place:
                return place
        venue = match.group("venue")
        place = clean_place(venue)
        if place:
            return place
    return None
