"""Countries and blocs named in text → ISO 3166-1 alpha-2 codes (`EU` for the Union).

Names come from pycountry (name, common and official names); demonyms, adjectives
and press short forms (U.S., American, Maldivian) are added here because pycountry
does not carry them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import pycountry

# Adjectives, demonyms and short forms the press uses, by code.
_EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "AL": ("Albanian",),
    "DZ": ("Algerian",),
    "AR": ("Argentine", "Argentinian"),
    "AM": ("Armenian",),
    "AT": ("Austrian",),
    "AZ": ("Azerbaijani",),
    "BH": ("Bahraini",),
    "BY": ("Belarusian",),
    "BN": ("Bruneian", "Brunei"),
    "KH": ("Cambodian",),
    "CL": ("Chilean",),
    "CO": ("Colombian",),
    "CZ": ("Czech",),
    "DK": ("Danish",),
    "ET": ("Ethiopian",),
    "FI": ("Finnish",),
    "GE": ("Georgian",),  # the state's name itself is skipped (a US state's too)
    "GH": ("Ghanaian",),
    "GR": ("Greek",),
    "HU": ("Hungarian",),
    "IQ": ("Iraqi",),
    "IE": ("Irish",),
    "JO": ("Jordanian",),
    # "Kirghizia", "Kirghiz": the older spellings, still in wire copy
    "KG": ("Kyrgyz", "Kyrgyzstani", "Kirghizia", "Kirghiz", "Kirgizia", "Kirgiz"),
    "KW": ("Kuwaiti",),
    "LA": ("Lao", "Laotian", "Laos"),
    "LB": ("Lebanese",),
    "LY": ("Libyan",),
    "ML": ("Malian",),
    "MX": ("Mexican",),
    "MN": ("Mongolian",),
    "MA": ("Moroccan",),
    "MZ": ("Mozambican",),
    "NO": ("Norwegian",),
    "OM": ("Omani",),
    "PE": ("Peruvian",),
    "PL": ("Polish",),
    "PT": ("Portuguese",),
    "QA": ("Qatari",),
    "RO": ("Romanian",),
    "SN": ("Senegalese",),
    "SO": ("Somali",),
    "ZA": ("South African",),
    "SD": ("Sudanese",),
    "SE": ("Swedish",),
    "CH": ("Swiss",),
    "SY": ("Syrian", "Syria"),
    "TJ": ("Tajik",),
    "TM": ("Turkmen",),
    "TN": ("Tunisian",),
    "UA": ("Ukrainian",),
    "UG": ("Ugandan",),
    "YE": ("Yemeni",),
    "ZW": ("Zimbabwean",),
    "KP": ("North Korea", "North Korean"),
    "NE": ("Nigerien",),
    "CY": ("Cypriot",),
    "HR": ("Croatian",),
    "RS": ("Serbian",),
    "SK": ("Slovak",),
    "SI": ("Slovenian",),
    "LT": ("Lithuanian",),
    "LV": ("Latvian",),
    "EE": ("Estonian",),
    "BG": ("Bulgarian",),
    "IS": ("Icelandic",),
    "LU": ("Luxembourgish",),
    "MT": ("Maltese",),
    "NA": ("Namibian",),
    "RW": ("Rwandan",),
    "CM": ("Cameroonian",),
    "CI": ("Ivorian",),
    "BF": ("Burkinabe",),
    "MR": ("Mauritanian",),
    "DJ": ("Djiboutian",),
    "ER": ("Eritrean",),
    "AF": ("Afghan",),
    "AU": ("Australian",),
    "BD": ("Bangladeshi",),
    "BE": ("Belgian",),
    "BR": ("Brazilian",),
    "BT": ("Bhutanese",),
    "CA": ("Canadian",),
    "CN": ("China", "Chinese"),
    "DE": ("German",),
    "EG": ("Egyptian",),
    "ES": ("Spanish",),
    "EU": ("European Union", "EU", "E.U."),
    "FR": ("French",),
    "GB": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "British"),
    "ID": ("Indonesian",),
    "IL": ("Israeli",),
    "IN": ("Indian", "Indo"),
    "IR": ("Iran", "Iranian", "Irani"),
    "IT": ("Italian",),
    "JP": ("Japanese",),
    "KE": ("Kenyan",),
    # ("S. Korea condemns …": the headline's short form)
    "KR": (
        "South Korea",
        "Republic of Korea",
        "ROK",
        "South Korean",
        "Korean",
        "S. Korea",
        "S.Korea",
    ),
    "KZ": ("Kazakh",),
    # Kosovo has no ISO 3166-1 code; XK is the one the EU, the IMF and the press use.
    "XK": ("Kosovo", "Kosovan", "Kosovar"),
    "LK": ("Sri Lankan",),
    "MM": ("Myanmar", "Burma"),
    "MU": ("Mauritian",),
    "MV": ("Maldives", "the Maldives", "Maldivian"),
    "MY": ("Malaysian",),
    "NG": ("Nigerian",),
    "NL": ("Dutch", "Netherlands"),
    "NP": ("Nepalese", "Nepali"),
    "NZ": ("New Zealand",),
    "PH": ("Filipino", "Philippine"),
    "PK": ("Pakistani",),
    "RU": ("Russia", "Russian"),
    "SA": ("Saudi", "Saudi Arabian"),
    "SC": ("Seychellois",),
    "SG": ("Singaporean",),
    "TH": ("Thai",),
    # ("East Timor" is the name the press long used; pycountry has only Timor-Leste)
    "TL": ("East Timor", "Timorese", "East Timorese"),
    "TR": ("Turkey", "Türkiye", "Turkish"),
    "TZ": ("Tanzania", "Tanzanian"),
    "AE": ("UAE", "U.A.E.", "Emirati"),
    "US": ("United States", "US", "U.S.", "USA", "U.S.A.", "America", "American"),
    "UZ": ("Uzbek",),
    "VN": ("Vietnam", "Vietnamese"),
}

# Names that are ordinary words or clash with other uses in this genre.
_SKIP_NAMES = frozenset({"Jersey", "Chad", "Jordan", "Georgia", "Guinea", "Man", "Niger"})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    code: str
    surface: str
    is_adjective: bool


def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and value not in _SKIP_NAMES:
                names.setdefault(value, country.alpha_2)
    for code, extra in _EXTRA_NAMES.items():
        for value in extra:
            names[value] = code
    return names


NAME_TO_CODE: dict[str, str] = _names()
_ADJECTIVE = re.compile(r"(?:an|ese|ish|ian|i|ch|ic|ean|er|ine|ai|k|ois)$")


def trie_pattern(words: list[str]) -> str:
    """One regex for many literal words, as a trie: the engine follows one branch per
    character instead of trying every word at every position. Longer words win."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + build(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


def _pattern() -> re.Pattern[str]:
    # Case-sensitive: "US" the country, never "us" the pronoun. "Indian Ocean" is a place.
    # "a Spain-based institute", "a Kenyan-born officer": where, not which state.
    # No look-behind in front, so the engine can skip ahead to a possible first letter; the
    # word boundary before a name is checked in `_all_mentions`.
    body = trie_pattern(list(NAME_TO_CODE))
    return re.compile(rf"(?:{body})(?![\w])(?!\s+Ocean)(?!-born|-based)(?!-Pacific)")


COUNTRY = _pattern()


@lru_cache(maxsize=4096)
def code_for(name: str) -> str | None:
    """The code of a country name, demonym or short form, or None."""
    return NAME_TO_CODE.get(name.strip())


def city_code(city: str) -> str | None:
    """The state of a city the gazetteer knows (a capital, or a city attacks are reported in),
    or None."""
    return CAPITALS.get(city) or ATTACKED_CITIES.get(city)


def mentions(text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
    """Every country or bloc named in `text[start:end]`."""
    stop = len(text) if end is None else end
    everywhere = _all_mentions(text)
    first = bisect_left(everywhere, start, key=lambda m: m.start)
    last = bisect_left(everywhere, stop, key=lambda m: m.start)
    return [m for m in everywhere[first:last] if m.end <= stop]


@lru_cache(maxsize=1024)
def _all_mentions(text: str) -> list[PlaceMention]:
    # One scan per text: rules ask about many small ranges of the same text.
    found: list[PlaceMention] = []
    for match in COUNTRY.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        if before.isalnum() or before in "._":
            continue  # inside a word or an abbreviation
        surface = match.group()
        code = NAME_TO_CODE[surface]
        adjective = _is_adjective(surface, code)
        found.append(PlaceMention(match.start(), match.end(), code, surface, adjective))
    if _SKIPPED.search(text):
        found = sorted([*found, *_skipped_states(text, found)], key=lambda m: m.start)
    return found


# The skipped names ("Chad Wolf", "Michael Jordan", "Atlanta, Georgia") name the state where
# the text joins them to a state it names ("Nigeria and Chad", "Jordan-Egypt"), brackets
# them after a person ("President Idriss Deby Itno (Chad)") or makes them a possessive that
# no name stands before.
_SKIPPED = re.compile(r"(?<![\w.-])(?:Chad|Jordan|Niger|Guinea|Georgia)(?![\w-])(?!\s+[A-Z])")
_SKIPPED_CODES = {"Chad": "TD", "Jordan": "JO", "Niger": "NE", "Guinea": "GN", "Georgia": "GE"}
_JOINED_BEFORE = re.compile(r"(?:\s*[-–/&]\s*|,?\s+and\s+(?:the\s+)?|,\s+)$")
_JOINED_AFTER = re.compile(r"(?:\s*[-–/&]\s*|,?\s+and\s+(?:the\s+)?|,\s+)")
_NAME_BEFORE = re.compile(r"\b[A-Z][\w.’'-]*\s+$")


def _skipped_states(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """The skipped names in `text` that name a state, given the states already `found`."""
    ends = {m.end for m in found}
    starts = {m.start for m in found}
    taken = [(m.start, m.end) for m in found]
    states = []
    for match in _SKIPPED.finditer(text):
        start, end = match.span()
        if any(a < end and start < b for a, b in taken):
            continue  # inside a longer name ("Papua New Guinea")
        bracketed = text[start - 1 : start] == "(" and text[end : end + 1] == ")"
        before = _JOINED_BEFORE.search(text, max(0, start - 8), start)
        after = _JOINED_AFTER.match(text, end)
        joined = (before is not None and before.start() in ends) or (
            after is not None and after.end() in starts
        )
        # "Jordan's Interior Minister", "AMMAN: Jordan's foreign ministry": a possessive not
        # after a capitalised word ("Michael Jordan's") is the state's
        possessive = text[end : end + 2] in ("'s", "’s") and not _NAME_BEFORE.search(
            text, max(0, start - 40), start
        )
        if bracketed or joined or possessive:
            surface = match.group()
            states.append(PlaceMention(start, end, _SKIPPED_CODES[surface], surface, False))
    return states


@lru_cache(maxsize=1024)
def _is_adjective(surface: str, code: str) -> bool:
    official = pycountry.countries.get(alpha_2=code)
    if official is not None and surface in {
        official.name,
        getattr(official, "common_name", ""),
        getattr(official, "official_name", ""),
    }:
        return False
    return bool(_ADJECTIVE.search(surface)) and surface not in {
        "America",
        "Britain",
        "Great Britain",
        "Iran",
        "Russia",
        "China",
        "Turkey",
        "Tanzania",
        "Myanmar",
        "Burma",
        "Vietnam",
        "Netherlands",
        "Maldives",
    }


# Capitals and seats of government where meetings of the genre are held: a meeting whose
# statement names only one side takes the host's state from where it met ("… held
# consultations with Russia's director … in Beijing": China and Russia).
CAPITALS: dict[str, str] = {
    "Abu Dhabi": "AE",
    "Abuja": "NG",
    "Accra": "GH",
    "Addis Ababa": "ET",
    "Algiers": "DZ",
    "Amman": "JO",
    "Ankara": "TR",
    "Astana": "KZ",
    "Baghdad": "IQ",
    "Baku": "AZ",
    "Bangkok": "TH",
    "Beijing": "CN",
    "Berlin": "DE",
    "Bishkek": "KG",
    "Brasilia": "BR",
    "Canberra": "AU",
    "Cairo": "EG",
    "Colombo": "LK",
    "Dhaka": "BD",
    "Doha": "QA",
    "Dushanbe": "TJ",
    "Hanoi": "VN",
    "Islamabad": "PK",
    "Jakarta": "ID",
    "Kabul": "AF",
    "Kathmandu": "NP",
    "Kuala Lumpur": "MY",
    "Kyiv": "UA",
    "London": "GB",
    "Madrid": "ES",
    "Male": "MV",
    "Manila": "PH",
    "Minsk": "BY",
    "Moscow": "RU",
    "Nairobi": "KE",
    "New Delhi": "IN",
    "Delhi": "IN",
    "Ottawa": "CA",
    "Paris": "FR",
    "Rabat": "MA",
    "Riyadh": "SA",
    "Rome": "IT",
    "Seoul": "KR",
    "Tashkent": "UZ",
    "Tehran": "IR",
    "Thimphu": "BT",
    "Tokyo": "JP",
    "Tunis": "TN",
    "Ulaanbaatar": "MN",
    "Washington": "US",
    "Washington, D.C.": "US",
    "Washington DC": "US",
    "Washington, DC": "US",
    "Yerevan": "AM",
    "Jerusalem": "IL",
    "Canberra, Australia": "AU",
    # More seats of the genre's states (Brussels and Singapore are left out: the first is
    # also the EU's, the second a state's own name).
    "Lima": "PE",
    "Santiago": "CL",
    "Buenos Aires": "AR",
    "Mexico City": "MX",
    "Bogota": "CO",
    "Pretoria": "ZA",
    "Dakar": "SN",
    "Bamako": "ML",
    "Niamey": "NE",
    "Mogadishu": "SO",
    "Kampala": "UG",
    "Dodoma": "TZ",
    "Kigali": "RW",
    "Maputo": "MZ",
    "Khartoum": "SD",
    "Tripoli": "LY",
    "Nouakchott": "MR",
    "Muscat": "OM",
    "Kuwait City": "KW",
    "Manama": "BH",
    "Beirut": "LB",
    "Ashgabat": "TM",
    "Tbilisi": "GE",
    "Warsaw": "PL",
    "Prague": "CZ",
    "Budapest": "HU",
    "Vienna": "AT",
    "The Hague": "NL",
    "Stockholm": "SE",
    "Oslo": "NO",
    "Copenhagen": "DK",
    "Helsinki": "FI",
    "Lisbon": "PT",
    "Athens": "GR",
    "Belgrade": "RS",
    "Sofia": "BG",
    "Bucharest": "RO",
    "Dublin": "IE",
    "Bern": "CH",
    "Wellington": "NZ",
    "Phnom Penh": "KH",
    "Vientiane": "LA",
    "Naypyidaw": "MM",
    "Bandar Seri Begawan": "BN",
    "Dili": "TL",
}

# Cities attacks are reported in that are no capital of the table above, each with its state:
# where an attack condemned was (Brussels is the EU's seat too, which matters for a meeting's
# place but not for an attack's).
ATTACKED_CITIES: dict[str, str] = {
    "Brussels": "BE",
    "Singapore": "SG",
    "Mumbai": "IN",
    "Pahalgam": "IN",
    "Pulwama": "IN",
    "Pathankot": "IN",
    "Srinagar": "IN",
    "Karachi": "PK",
    "Lahore": "PK",
    "Peshawar": "PK",
    "Quetta": "PK",
    "Istanbul": "TR",
    "Sousse": "TN",
    "Nice": "FR",
    "Manchester": "GB",
    "Barcelona": "ES",
    "Bali": "ID",
    "Mazar-i-Sharif": "AF",
    "Jalalabad": "AF",
    "Kandahar": "AF",
    "Bamiyan": "AF",
    "Maiduguri": "NG",
    "Garissa": "KE",
    "Mombasa": "KE",
    "Benghazi": "LY",
    "Mosul": "IQ",
    "Marawi": "PH",
    "Christchurch": "NZ",
    "Aden": "YE",
    "Zahedan": "IR",
    "Kerman": "IR",
}
