"""What every rule reads: the content sentences, the dateline and the reference date.

Furniture lines are dropped here, once, so no rule can turn them into facts. A wire
dateline ("NEW DELHI, Dec 14 (PTI)", "Abu Dhabi, Oct 12:", "COLOMBO -") says where and
when the story was filed; it is not content, and the lines above it are headline.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from ctevents.documents import leading_date
from ctevents.extract import gazetteer, noise
from ctevents.extract.cues import Cue, foldable
from ctevents.extract.dates import _MONTH, MONTHS, DateMention, date_mentions
from ctevents.extract.segment import Sentence, content_start, paragraphs, sentences

# A news agency in brackets: its initials ("(PTI)", "(UzA)", "(TASS)") or its name ("(Bakhtar)").
# "(PTI)", "(Bernama)", "(UrduPoint / Pakistan Point News - 20th Feb, 2025)": an agency, with
# its partner and the day after a dash
_AGENCY = (
    # ("(Web Desk)", "(Staff Reporter)": a news site's desk in place of an agency)
    r"\((?:[A-Z][A-Za-z]?[A-Z]{1,4}|[A-Z][a-z]{2,11}(?:[ \t]+[A-Z][a-z]{2,11}){0,2}"
    r"|[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,3}(?:[ \t]*/[ \t]*[^()\n/]{1,60})?[ \t]+[-–][ \t]+"
    r"[^()\n]{1,40})\)"
)


def _when(prefix: str) -> str:
    return (
        rf"(?P<{prefix}month>{_MONTH})\s+(?P<{prefix}day>\d{{1,2}})(?:,\s*(?P<{prefix}year>\d{{4}}))?"
        rf"|(?P<{prefix}day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<{prefix}month2>{_MONTH})(?:,?\s*(?P<{prefix}year2>\d{{4}}))?"
        # "23/06/2023", "19.02.2026": day first, one separator throughout
        rf"|(?P<{prefix}nday>\d{{1,2}})(?P<{prefix}nsep>[/.])(?P<{prefix}nmonth>\d{{1,2}})"
        rf"(?P={prefix}nsep)(?P<{prefix}nyear>\d{{4}})"
    )


# A separator is followed by a space: "U.S.-Indonesia" and "EU-India:" are not datelines.
_SEPARATOR = r"[ \t]*(?::|[—–]+|-{1,2})(?=\s|$)[ \t]*"
# "NEW DELHI, March 3 (PTI) —", "KUALA LUMPUR, Aug 3 (Bernama) --", "COLOMBO -", "ABUJA"
# alone on its line: a dateline in capitals; after an agency the separator may be left out.
_UPPER = re.compile(
    r"[ \t]*(?P<city>[A-Z][A-Z’'.-]+(?:[ \t]+[A-Z][A-Z’'.-]+){0,3})"
    r"(?:[ \t]*\[[A-Z][\w ]+\])?"
    rf"(?:,[ \t]*(?:{_when('')}))?"
    rf"(?:,?[ \t]*(?P<agency>{_AGENCY}))?"
    r"(?:" + _SEPARATOR + r"|(?(agency)[ \t]+|(?!))|[ \t]*$)",
    re.M,
)
# "New Delhi [India], September 6 (ANI):", "Abu Dhabi, Oct 12:", "Brussels, 23/06/2023 -",
# "Riyadh:", "The Hague, 10 October 2023": a city in title case needs a date, a bracketed
# country, an agency or a separator to read as a dateline.
_TITLE = re.compile(
    r"[ \t]*(?P<city>(?:The[ \t]+)?[A-Z][a-zà-ÿ’'.]+(?:[ \t]+[A-Z][a-zà-ÿ’'.]+){0,2})"
    r"(?:[ \t]*\[[A-Z][\w ]+\])?"
    rf"(?:,[ \t]*(?P<when>{_when('')}))?"
    rf"(?:[ \t]*(?P<agency>{_AGENCY}))?"
    r"(?:" + _SEPARATOR + r"|(?(agency)[ \t]+|(?!))|(?(when)[ \t]*$|(?!)))",
    re.M,
)
# "Doha / Information Office / 14 January 2025": a city, the issuing office, a full date.
_SLASHED = re.compile(
    r"[ \t]*(?P<city>(?:The[ \t]+)?[A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]+){0,2})[ \t]*/"
    r"[^/\n]{1,80}/[ \t]*"
    r"(?:(?P<day2>\d{1,2})\s+(?P<month2>" + _MONTH + r")\s+(?P<year2>\d{4})"
    r"|(?P<month>" + _MONTH + r")\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4}))[ \t]*$",
    re.M,
)
# "March 4, 2015 - Halifax, Nova Scotia - …": the date first, then the city (and its province
# or state), each followed by a separator.
_DATE_FIRST = re.compile(
    rf"[ \t]*(?:{_when('')})"
    + _SEPARATOR
    + r"(?P<city>(?:The[ \t]+)?[A-Z][a-zà-ÿ’'.]+(?:[ \t]+[A-Z][a-zà-ÿ’'.]+){0,2})"
    r"(?:,[ \t]*[A-Z][a-zà-ÿ’'.]+(?:[ \t]+[A-Z][a-zà-ÿ’'.]+)?)?" + _SEPARATOR,
    re.M,
)
# "November 29, 2007", "Wednesday Jun 07, 2023", "15 Jul 2019" alone on a header line (after
# a line naming the city, or none): the statement's date, when no dateline gives one.
# A news site's stamp gives the time first and the weekday after: "12:28 - 23/04/2024 Tuesday".
_WEEKDAY_WORD = r"(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thurs|Fri|Sat|Satur|Sun)(?:day)?"
_DATE_ONLY = re.compile(
    r"[ \t]*(?:\d{1,2}:\d{2}[ \t]*(?:[-–|,][ \t]*)?)?"
    # ("APS : Sunday, 09 October 2016": an agency's credit before the date)
    r"(?:[A-Z]{2,6}[ \t]*:[ \t]*)?"
    rf"(?:{_WEEKDAY_WORD},?[ \t]+)?"
    rf"(?:{_when('')})(?:,?[ \t]+{_WEEKDAY_WORD})?[ \t]*$",
    re.M,
)
_CITY_ONLY = re.compile(
    r"[ \t]*(?P<city>[A-Z][a-zà-ÿ’'.]+(?:[ \t]+[A-Z][a-zà-ÿ’'.]+)?(?:,[ \t]*D\.?C\.?)?)[ \t]*$"
)
# Header words that look like a dateline's city but are page furniture or headline.
_NOT_CITY = frozenset(
    [
        "media",
        "note",
        "press",
        "release",
        "office",
        "spokesperson",
        "statement",
        "joint",
        "update",
        "breaking",
        "news",
        "exclusive",
        "begin",
        "text",
        "end",
        "special",
        "correspondent",
        "readout",
        "fact",
        "sheet",
        "summary",
        "advertisement",
        "published",
        "source",
        "editor",
        "the",
        "of",
        "and",
        "on",
        "in",
        "at",
        "for",
        "with",
        "by",
        # news agencies: "Xinhua, June 10, 2016" is a credit line, not a city's dateline
        "xinhua",
        "reuters",
        "afp",
        "tass",
        "bernama",
        "yonhap",
        "kyodo",
        "anadolu",
        "sputnik",
        "interfax",
        "andina",
        "azertac",
        "efe",
        # ("APS : Sunday, 09 October 2016": the Algérie Presse Service's credit line), and
        # the other state agencies of the genre's wires
        "aps",
        "wam",
        "spa",
        "qna",
        "kuna",
        "irna",
        "pti",
        "ians",
        "mena",
        "vna",
    ]
)
# A dateline is looked for on the first lines of the statement only.
_HEAD_LINES = 6


@dataclass(frozen=True, slots=True)
class Dateline:
    city: str | None
    date: str | None  # EDTF; "XXXX-03-03" when the year is not given
    end: int = 0  # where the content after the dateline begins


@dataclass(frozen=True, slots=True)
class Reading:
    text: str
    source_id: str
    sentences: tuple[Sentence, ...]
    reference: date | None  # what weekdays resolve against
    dateline: Dateline
    starts: tuple[int, ...]  # sentence starts, for locating a match's sentence
    lowered: str  # `text.lower()` when that keeps every offset, else `text`
    # Whether a case-insensitive pattern matches where its lowered words are in `lowered`.
    foldable: bool = False
    # Per-document results of cue scans, so each rule's cue is scanned for once.
    memo: dict[Cue, frozenset[int] | None] = field(default_factory=dict, compare=False, repr=False)
    # Per-document results of rule steps asked about one range more than once (the
    # mechanisms named in a sentence), keyed by the step's name and the range.
    ranges: dict[tuple[object, ...], object] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def today(self) -> str | None:
        """What "today" means: the dateline's date (its year may be unknown)."""
        if self.dateline.date:
            return self.dateline.date
        return self.reference.isoformat() if self.reference else None

    def dates(
        self, start: int, end: int, reference: date | None, today: str | None = None
    ) -> list[DateMention]:
        """`dates.date_mentions` of the range, read once per document: a meeting's date, its
        evidence and the MoUs ask about the same passages. Shared: never mutate it."""
        key = ("dates", start, end, reference, today)
        found = self.ranges.get(key)
        if found is None:
            found = self.ranges[key] = date_mentions(self.text, start, end, reference, today)
        return found  # type: ignore[return-value]

    def starts_matching(self, cue: Cue) -> frozenset[int] | set[int]:
        """Starts of the sentences where the cue's pattern may match: one scan of the whole
        text for its words, else for the pattern (most sentences match nothing)."""
        cued = self.cued(cue)
        if cued is not None:
            return cued
        found: set[int] = set()
        scanned = self.lowered if cue.lowered and not cue.folded else self.text
        for match in cue.pattern.finditer(scanned):
            sentence = self.sentence_at(match.start())
            if sentence is not None:
                found.add(sentence.start)
        return found

    def cued(self, cue: Cue) -> frozenset[int] | None:
        """Starts of the sentences holding one of the cue's words, or None when every
        sentence may match (the cue has no words, or the text defeats the scan)."""
        if cue in self.memo:
            return self.memo[cue]
        starts: frozenset[int] | None = None
        if cue.scan is not None and not (cue.folded and not self.foldable):
            found: set[int] = set()
            search = cue.scan.search
            scanned = self.lowered if cue.lowered else self.text
            match = search(scanned)
            while match is not None:
                sentence = self.sentence_at(match.start())
                if sentence is None:
                    match = search(scanned, match.end())
                    continue
                found.add(sentence.start)
                # One hit is enough: resume after the sentence, not after the word.
                match = search(scanned, max(sentence.end, match.end()))
            starts = frozenset(found)
        self.memo[cue] = starts
        return starts

    def candidates(self, cue: Cue) -> tuple[Sentence, ...]:
        """The sentences where the cue's pattern may match, in text order."""
        starts = self.cued(cue)
        if starts is None:
            return self.sentences
        return tuple(s for s in self.sentences if s.start in starts)

    def search(self, cue: Cue, sentence: Sentence) -> re.Match[str] | None:
        """`cue.pattern.search(sentence.text)`, skipped where no cue word is."""
        starts = self.cued(cue)
        if starts is not None and sentence.start not in starts:
            return None
        return cue.pattern.search(sentence.text)

    def sentences_hit(self, pattern: re.Pattern[str]) -> list[Sentence]:
        """The content sentences where `pattern` finds a word of the lowered text, in text
        order."""
        return list(self._sentences_found(self.lowered, pattern))

    def starts_hit(self, pattern: re.Pattern[str]) -> frozenset[int]:
        """Starts of the content sentences where `pattern` finds a match in the text as
        given (case-insensitive patterns included)."""
        return frozenset(s.start for s in self._sentences_found(self.text, pattern))

    def _sentences_found(self, text: str, pattern: re.Pattern[str]) -> Iterator[Sentence]:
        """Each content sentence where `pattern` matches `text` (the text or its lowered
        copy, same offsets), in order: the scan resumes after each sentence found, not
        after each match."""
        search = pattern.search
        match = search(text)
        while match is not None:
            sentence = self.sentence_at(match.start())
            if sentence is None:
                match = search(text, match.end())
                continue
            yield sentence
            match = search(text, max(sentence.end, match.end()))

    def sentence_at(self, offset: int) -> Sentence | None:
        """The content sentence containing `offset`, if any."""
        index = bisect_right(self.starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None


def sentences_at(reading: Reading, offsets: list[int] | None) -> Sequence[Sentence]:
    """The content sentences holding these ascending offsets, once each, in text order;
    every sentence for None (a rule with no cue words)."""
    if offsets is None:
        return reading.sentences
    found: list[Sentence] = []
    for offset in offsets:
        sentence = reading.sentence_at(offset)
        if sentence is not None and (not found or found[-1] is not sentence):
            found.append(sentence)
    return found


def _is_city(city: str) -> bool:
    words = re.split(r"[\s-]+", city.lower())
    if any(w in _NOT_CITY for w in words if w != "the") or words == ["the"]:
        return False
    # "EU-India:" and "India, Singapore hold …" are headlines about a pair.
    parts = [p for p in re.split(r"[-–—/]", city) if p]
    return not (len(parts) > 1 and all(gazetteer.code_for(p.strip()) for p in parts))


def _date_of(match: re.Match[str], published_on: date | None) -> str | None:
    g = match.groupdict()
    if g.get("nday"):
        day, month, year = int(g["nday"]), int(g["nmonth"]), g["nyear"]
    elif g.get("day") or g.get("day2"):
        name = g.get("month") or g.get("month2") or ""
        month = MONTHS[name.lower().rstrip(".")]
        day = int(g.get("day") or g.get("day2") or 0)
        year = g.get("year") or g.get("year2")
    else:
        return published_on.isoformat() if published_on else None
    year = year or (str(published_on.year) if published_on else None)
    try:
        return date(int(year), month, day).isoformat() if year else f"XXXX-{month:02d}-{day:02d}"
    except ValueError:
        return None


def _dateline(text: str, published_on: date | None) -> Dateline:
    fallback = Dateline(None, published_on.isoformat() if published_on else None)
    head = paragraphs(text)[:_HEAD_LINES]
    first = _first_dateline(text, head, published_on, fallback)
    # (a state's name, "United Kingdom - …", is a headline's, no city the gazetteer knows)
    if first.city is None or gazetteer.city_code(first.city):
        return first
    # "MENAFN - Jordan News Agency)" above "Amman, Dec 13 (Petra) -": a word that is no city
    # the gazetteer knows gives way to a capital's dateline below it
    below = [line for line in head if line[0] >= first.end]
    later = _first_dateline(text, below, published_on, fallback)
    return later if later.city in gazetteer.CAPITALS else first


def _first_dateline(
    text: str, lines: list[tuple[int, int]], published_on: date | None, fallback: Dateline
) -> Dateline:
    """The dateline on the first of the head `lines` that holds one."""
    for index, (start, end) in enumerate(lines):
        dated = _DATE_ONLY.match(text, start, end)
        if (
            dated
            and (dated.group("year") or dated.group("year2") or dated.group("nyear"))
            and (fallback.date is None)
        ):
            before = _CITY_ONLY.match(text, *lines[index - 1]) if index else None
            city = before.group("city") if before and _is_city(before.group("city")) else None
            fallback = Dateline(city, _date_of(dated, published_on), dated.end())
        for pattern in (_UPPER, _TITLE, _SLASHED, _DATE_FIRST):
            match = pattern.match(text, start, end)
            if not match or not _is_city(match.group("city")):
                continue
            city = match.group("city")
            city = city.title() if city.isupper() else city
            if pattern is _UPPER and match.end() >= end and index > 0 and "," in match.group():
                continue  # a signature line, not a dateline
            # "ISLAMABAD:" under a header line "Wednesday Jun 07, 2023": that line's date.
            when = _date_of(match, published_on) or fallback.date
            return Dateline(city.rstrip(".’'"), when, match.end())
        line = text[start:end].rstrip()
        if len(line.split()) > 14 and line.endswith((".", ":", "”", '"')):
            break  # the statement has begun: a dateline comes before it (a headline has no stop)
    return fallback


def read(text: str, source_id: str, published_on: date | None) -> Reading:
    published_on = published_on or leading_date(text)
    dateline = _dateline(text, published_on)
    # Weekdays resolve against the publication date, or a dateline that gives its year.
    reference = published_on
    if reference is None and dateline.date and "X" not in dateline.date:
        reference = date.fromisoformat(dateline.date)
    elif published_on and dateline.date and "X" not in dateline.date:
        # "NEW DELHI, Dec 14 (PTI)" published on the 20th: "on Tuesday" is the Tuesday on or
        # before the dateline's day (which takes its year from the publication).
        dated = date.fromisoformat(dateline.date)
        if dated < published_on and (published_on - dated).days <= 31:
            reference = dated
    begin = content_start(text)
    after = dateline.end or begin
    # Furniture is a property of a line: judged once per line, not once per sentence.
    furniture: dict[int, bool] = {}
    content: list[Sentence] = []
    for s in sentences(text):
        if s.end <= after:
            continue
        dropped = furniture.get(s.paragraph)
        if dropped is None:
            dropped = furniture[s.paragraph] = _in_furniture(text, s, begin)
        if not dropped:
            content.append(_after(s, after, text))
    lowered = text.lower()
    folds = foldable(text, lowered)
    if len(lowered) != len(text):  # a few characters change length when lowered
        lowered = text
    starts = tuple(s.start for s in content)
    return Reading(text, source_id, tuple(content), reference, dateline, starts, lowered, folds)


def _after(sentence: Sentence, offset: int, text: str) -> Sentence:
    """The sentence without the dateline it opens with: the dateline is not content."""
    if sentence.start >= offset:
        return sentence
    start = offset
    while start < sentence.end and text[start].isspace():
        start += 1
    return Sentence(start, sentence.end, text[start : sentence.end], sentence.paragraph)


def _in_furniture(text: str, sentence: Sentence, begin: int) -> bool:
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line = text[max(line_start, begin) : len(text) if line_end < 0 else line_end]
    return noise.is_furniture(line)


# A line of running text: a sentence's stop after a word, with several words before it.
_ANY_LINE = re.compile(r"[^\n]+")
_PROSE_STOP = re.compile(r"[a-z)”\"’][.!?][\"”’]?(?:\s|$)")


def header_end(reading: Reading) -> int:
    """Where the body begins: past the headline and the lines under it (speakers, place,
    date), whether or not a dateline set them apart from the sentences."""
    text = reading.text
    first = reading.sentences[0].start if reading.sentences else len(text)
    begin = content_start(text)
    if first > begin:
        return first
    for line in _ANY_LINE.finditer(text, begin):
        words = line.group()
        if words.count(" ") >= 5 and _PROSE_STOP.search(words):
            return line.start()
    return first
