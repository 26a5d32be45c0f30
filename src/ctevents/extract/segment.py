"""Sentence segmentation with exact offsets into the original text.

Press copy joins sentences without a space ("press release.The Indian"), carries
a ` date YYYY-MM-DD` dateline and abbreviations ("U.S.", "Mr."), so a plain split
on ". " is not enough. Every `Sentence` keeps its offsets so evidence spans are exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ctevents.extract.starts import fast

# A leading ` date YYYY-MM-DD` line is a dateline, not content.
DATE_LINE = re.compile(r"\A\s*date\s+\d{4}-\d{2}-\d{2}\b[ \t]*")

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "md",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "nos",
        "jr",
        "sr",
        "gen",
        "lt",
        "col",
        "capt",
        "maj",
        "brig",
        "prof",
        "rev",
        "hon",
        "smt",
        "shri",
        "sri",
        # "Hj." (Haji), a Malay honorific before a name
        "hj",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "a.m",
        "p.m",
        "dept",
        "govt",
        "corp",
        "inc",
        "ltd",
        "co",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "fig",
        "art",
        "para",
        "sec",
        "ch",
        "approx",
        "amb",
        "adm",
        "cdr",
        "insp",
        "supt",
        "pol",
        "retd",
    ]
)

# Candidate boundaries: terminal punctuation (optionally a closing quote), then
# either whitespace or, glued on, a capitalised word.
_BOUNDARY = fast(
    re.compile(
        r"[.!?][\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])"
        r"|(?<=[a-z)’”\"'])[.!?][\"”’']*(?=[“\"‘]?[A-Z][a-z])"
    )
)
_LINE = re.compile(r"[^\n]+")
_TRAILING_WORD = re.compile(r"([A-Za-z.]+)$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
# Initials that name a place after a comma ("Washington, D.C."), unlike "…, U.S. State
# Department" where they open a name.
_PLACE_INITIALS = frozenset({"D.C"})


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the line (paragraph) it belongs to


def content_start(text: str) -> int:
    """Offset where the content begins, past a leading ` date YYYY-MM-DD` line."""
    match = DATE_LINE.match(text)
    return match.end() if match else 0


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    # "… of Malaysia, . Dato’ Sri …", "… Philippines,. Alan …": a stray stop after a comma
    # is a typing slip inside a list, never a sentence's end.
    if text[max(0, dot - 2) : dot].rstrip(" ").endswith(","):
        return True
    match = _TRAILING_WORD.search(text, max(0, dot - 12), dot)
    if not match:
        return False
    word = match.group(1).lower().strip(".")
    # "… in Washington, D.C. Ambassador …": a place's initials after a comma end the sentence,
    # and so do they before the two spaces a typist leaves between sentences ("… in
    # Washington D.C.  Coordinator …").
    after_comma = text[max(0, match.start() - 2) : match.start()] == ", "
    gap = text.startswith("  ", dot + 1)
    if (after_comma or gap) and match.group(1) in _PLACE_INITIALS:
        return False
    # Single capital initials ("S. Jaishankar"), runs of them ("K.D. Devaraj", "H.E.")
    # and known abbreviations.
    return (
        word in _ABBREVIATIONS
        or (len(word) == 1 and text[dot - 1].isupper())
        or bool(_INITIALS.fullmatch(match.group(1)))
    )


def split_paragraph(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    sentences: list[Sentence] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _is_abbreviation(text, match.start()):
            continue
        _append(sentences, text, cursor, match.end(), paragraph)
        cursor = match.end()
    _append(sentences, text, cursor, end, paragraph)
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    piece = text[start:end]
    body = piece.strip()  # the same whitespace as `str.isspace`, stripped in C
    if body:
        start += len(piece) - len(piece.lstrip())
        out.append(Sentence(start, start + len(body), body, paragraph))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Line spans of the content (the dateline excluded)."""
    begin = content_start(text)
    return [(m.start(), m.end()) for m in _LINE.finditer(text, begin) if m.group().strip()]


def sentences(text: str) -> list[Sentence]:
    """Every sentence of the content, in text order, with exact offsets."""
    found: list[Sentence] = []
    for index, (start, end) in enumerate(paragraphs(text)):
        found.extend(split_paragraph(text, start, end, index))
    return found
