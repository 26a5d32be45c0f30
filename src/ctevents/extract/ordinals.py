"""Ordinal words and numerals ("Second", "19th", "twenty-first") → integers."""

from __future__ import annotations

import re

from ctevents.extract.starts import fast

_UNITS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50}
_TENS_PREFIX = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}

WORD_VALUES: dict[str, int] = {word: index + 1 for index, word in enumerate(_UNITS)}
WORD_VALUES.update(_TENS)
for _prefix, _tens in _TENS_PREFIX.items():
    for _index, _unit in enumerate(_UNITS[:9]):
        WORD_VALUES[f"{_prefix}-{_unit}"] = _tens + _index + 1
        WORD_VALUES[f"{_prefix} {_unit}"] = _tens + _index + 1

_WORDS = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
# The same, as a pattern fragment without groups, for rules that embed it.
ORDINAL_TEXT = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{_WORDS})"
# How a session is held, written between "its" and its round ("held its regular 39th session").
SESSION_QUALIFIER = r"(?:(?:regular|ordinary|extraordinary|annual|plenary)\s+)?"
# A match starts after a non-word character at a digit or an ordinal word's first letter:
# said up front, the engine rejects most offsets at once (same matches, several times faster).
_FIRST_LETTERS = "".join(sorted({w[0] for w in WORD_VALUES} | {w[0].upper() for w in WORD_VALUES}))
ORDINAL = re.compile(
    rf"(?<!\w)(?=[\d{_FIRST_LETTERS}])(?:(?P<num>\d{{1,3}})(?:st|nd|rd|th)|(?P<word>{_WORDS}))\b",
    re.I,
)
# Roman numerals as ordinals ("the XII meeting"), only before a meeting noun: a lone "I"
# or "V" elsewhere is a pronoun or a letter.
_ROMAN = re.compile(
    r"\b(?P<roman>X{0,3}(?:IX|IV|VI{0,3}|I{1,3})|X{1,3})\b"
    # ("the XXIII Regular Session of …": how the session is held may come between)
    rf"(?=\s+(?i:{SESSION_QUALIFIER})(?i:meeting|round|session|edition)\b)"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
# A Roman numeral as a whole word, for a mechanism name it leads ("the III High-Level …").
ROMAN_WORD = re.compile(r"X{0,3}(?:IX|IV|VI{0,3}|I{1,3})|X{1,3}")


def roman_value(numeral: str) -> int:
    total = 0
    for index, char in enumerate(numeral):
        worth = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -worth if worth < following else worth
    return total


# "inaugural" and "first-ever" meetings are the first.
_INAUGURAL = re.compile(r"\b(?:inaugural|first-ever|maiden)\b", re.I)


# Each stated with its possible first characters (see `starts`): the same matches, sooner.
_ROMAN, _INAUGURAL = fast(_ROMAN), fast(_INAUGURAL)


def value(match: re.Match[str]) -> int:
    if match.group("num"):
        return int(match.group("num"))
    return WORD_VALUES[match.group("word").lower()]


def ordinals(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(start, end, value) of every ordinal in `text[start:end]`."""
    found = [(m.start(), m.end(), value(m)) for m in ORDINAL.finditer(text, start, end)]
    found += [(m.start(), m.end(), 1) for m in _INAUGURAL.finditer(text, start, end)]
    found += [
        (m.start(), m.end(), roman_value(m.group("roman")))
        for m in _ROMAN.finditer(text, start, end)
        if m.group("roman")
    ]
    return sorted(found)
