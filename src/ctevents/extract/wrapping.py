"""Hard-wrapped copy: lines broken at a fixed width join back into their sentences.

Wire files and archived releases often come wrapped at about seventy characters, with a
line break in the middle of a sentence ("… chaired by Richard Armitage,\\nU.S. Deputy
Secretary of State, and …"). Lines are paragraphs to the reader, so such a break would cut
the sentence and every name or phrase across it. `unwrap` replaces each break inside a
wrapped paragraph by a space: one character for one, so every offset stays that of the
text as given, and evidence is quoted from that text.
"""

from __future__ import annotations

import re
from itertools import pairwise

# A line ends its sentence (or is a header) when it ends with a stop, a colon or a bracket.
_CLOSED = re.compile(r"[.!?:;)\]][\"”’')\]]*\s*$")
# A line ending in a word that never ends a sentence or a heading ("… the Egyptian Ministry
# of\nForeign Affairs …"): the break is inside a sentence, however short the line.
_OPEN_END = re.compile(r"\b(?:of|the|an?|and|to|for|with|from|between|by)\s*$")
# The widest a wrapped text runs; lines of prose copy as published run far longer.
_MAX_WIDTH = 100
# A line is full when a word of this length or less would have overrun the width.
_SLACK = 12
# How many breaks inside sentences make a text wrapped, and how many of them must run on
# into a lower-case word (a stray break or two in prose is not wrapping).
_MIN_BREAKS = 3
_MIN_LOWER = 2
# Lines that are no wrapped prose and so say nothing of the width: one token, such as an
# address, alone or after a label ("Source: https://…"); and the leading `date YYYY-MM-DD`
# that stands before a first line of copy.
_ONE_TOKEN = re.compile(r"\s*(?:\w+:\s+)?\S+\s*")
_DATE_PREFIX = re.compile(r"\s*date\s+\d{4}-\d{2}-\d{2}\s+")


def _lines(text: str) -> list[tuple[int, int]]:
    """Every line's span, blank lines included (a blank line ends a paragraph)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _continues(line: str, following: str, width: int) -> bool:
    """Whether `following` carries on the sentence `line` leaves open."""
    if not following or _CLOSED.search(line) or line.upper() == line:
        return False
    first = following.lstrip()[:1]
    if first.islower() or (line.rstrip().endswith(",") and first.isalnum()):
        # "… noted their readiness to counter effectively\nthis challenge", "… of July 26,\n2002"
        return True
    if _OPEN_END.search(line) and (first.isalpha() or first in '“"‘'):
        return True
    # A full line runs on into a capitalised word ("… led by U.S. Deputy Secretary of State
    # Richard\nArmitage and …"), never into a date line, a figure or a bracket.
    return len(line.rstrip()) >= width - _SLACK and (first.isalpha() or first in '“"‘')


def _width(text: str, start: int, end: int) -> int:
    """How much of the width the line at `start:end` takes as wrapped prose."""
    if _ONE_TOKEN.fullmatch(text, start, end):
        return 0
    prefix = _DATE_PREFIX.match(text, start, end) if start == 0 else None
    return end - (prefix.end() if prefix else start)


def unwrap(text: str) -> str:
    """The text with the breaks inside wrapped sentences made spaces (same length)."""
    if "\n" not in text:
        return text
    spans = _lines(text)
    width = max((_width(text, *span) for span in spans), default=0)
    if width > _MAX_WIDTH:
        return text
    joins: list[int] = []
    for (start, end), (next_start, next_end) in pairwise(spans):
        line, following = text[start:end], text[next_start:next_end]
        if line.strip() and _continues(line, following, width):
            joins.append(end)  # the offset of the "\n" between them
    lower = sum(1 for at in joins if text[at + 1 : at + 2].islower())
    if len(joins) < _MIN_BREAKS or lower < _MIN_LOWER:
        return text
    chars = list(text)
    for at in joins:
        chars[at] = " "
    return "".join(chars)
