"""Date expressions → EDTF strings, resolved without guessing.

A year the text does not give stays `XXXX`; a weekday resolves to the latest such
day on or before the reference (publication) date and to None without one;
"today" is the reference date itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# The names in full, as patterns: other rules tell a date from a name or a subject by them.
MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
WEEKDAY_NAMES = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = rf"(?:{MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_DASH = r"\s*(?:-|–|—|to|and|&)\s*"
# "14 (Mon) and 15 (Tue) October", "October 14 (Mon)": a weekday in brackets after the day
# (Japanese releases) belongs to the day; `_day` keeps only its digits.
_NOTE = r"(?:\s*\((?:Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)(?:day)?\.?\))?"
# A weekday naming each end of a range: "from Monday, 3 June to Wednesday, 5 June".
_WEEKDAY = rf"(?:{WEEKDAY_NAMES},?\s+)?"

# Every branch opens with a word boundary before a digit, a month or weekday's capital, or
# "today"/"yesterday": so a match starts only after a non-word character and at one of
# these letters. Saying so up front lets the engine reject most offsets at once (about five
# times faster than trying every branch at every offset) and matches exactly the same.
_DATE_START = r"(?<!\w)(?=[\dJFMASONDTWty])"
DATE = re.compile(
    _DATE_START + r"(?:"
    # ISO: 2023-07-24
    rf"(?P<iso>\b{_YEAR}-[01]\d-[0-3]\d\b)"
    # 02.05.2024, 23/06/2023: day first (month first only where the day cannot be a month)
    rf"|\b(?P<nd>[0-3]?\d)(?P<sep>[./])(?P<nm>[0-3]?\d)(?P=sep)(?P<ny>{_YEAR})\b"
    # 30 November–1 December 2025: a range across months
    rf"|\b{_WEEKDAY}(?P<d5>{_DAY})\s+(?P<m4>{_MONTH}){_DASH}{_WEEKDAY}(?P<d6>{_DAY})\s+(?P<m5>{_MONTH})"
    rf"(?:,?\s+(?P<y4>{_YEAR}))?\b"
    # November 30–December 1, 2025; "Wednesday, February 9 to Friday, February 11"
    rf"|\b{_WEEKDAY}(?P<m6>{_MONTH})\s+(?P<d7>{_DAY}){_DASH}{_WEEKDAY}(?P<m7>{_MONTH})\s+(?P<d8>{_DAY})"
    rf"(?:,?\s+(?P<y5>{_YEAR}))?\b"
    # 12-13 December 2022 / 12 December / 12th of December, 2022 / a range before a comma:
    # "21-22, January 2002"; after an ordinal day: "11th, November, 2017"
    rf"|\b(?P<d1>{_DAY}{_NOTE})(?:{_DASH}(?P<d2>{_DAY}{_NOTE}))?(?(d2),?|(?:(?<=[a-z]),)?)\s+"
    rf"(?:of\s+)?(?P<m1>{_MONTH})"
    rf"(?:,?\s+(?P<y1>{_YEAR}))?\b"
    # December 12-13, 2022 / December 12 and 13 / July 24, 2023
    rf"|\b(?P<m2>{_MONTH})\s+(?P<d3>{_DAY}{_NOTE})(?:{_DASH}(?P<d4>{_DAY}{_NOTE}))?(?:,?\s+(?P<y2>{_YEAR}))?\b"
    # December 2022 / "due in May, 2018"
    rf"|\b(?P<m3>{_MONTH}),?\s+(?P<y3>{_YEAR})\b"
    # on Tuesday and Wednesday: two days running, a range
    rf"|\b(?P<wd1>{WEEKDAY_NAMES})"
    rf"\s*(?:and|-|–|—|to)\s*(?P<wd2>{WEEKDAY_NAMES})\b"
    # on Monday / last Tuesday
    rf"|\b(?P<weekday>{WEEKDAY_NAMES})\b"
    # "Today, consultations … were held": capitalised opening a sentence too
    r"|\b(?P<today>[Tt]oday|[Yy]esterday)\b"
    rf"|\b(?P<year>{_YEAR})\b"
    r")"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    edtf: str | None  # None when it cannot be resolved (a weekday with no reference)
    precision: str  # "day", "month" or "year"
    relative: bool = False  # a weekday or "today", resolved against the reference


def _day(value: str) -> int:
    return int(re.sub(r"\D", "", value))


def _iso(year: str | None, month: int, day: int) -> str | None:
    if year is not None:
        try:
            date(int(year), month, day)
        except ValueError:
            return None
        return f"{year}-{month:02d}-{day:02d}"
    if not 1 <= day <= 31:
        return None
    return f"XXXX-{month:02d}-{day:02d}"


def _range(year: str | None, month: int, first: str, last: str | None) -> str | None:
    begin = _iso(year, month, _day(first))
    if last is None or begin is None:
        return begin
    end = _iso(year, month, _day(last))
    if end is None or end <= begin:
        return begin if end is None else None
    return f"{begin}/{end}"


def latest_weekday(name: str, reference: date) -> date:
    wanted = WEEKDAYS.index(name.lower())
    return reference - timedelta(days=(reference.weekday() - wanted) % 7)


def _yesterday(today: str) -> str | None:
    """The day before an EDTF day whose year may be unknown (XXXX-03-01 → XXXX-02-29)."""
    year = today[:4]
    known = date(2000 if year == "XXXX" else int(year), int(today[5:7]), int(today[8:10]))
    before = known - timedelta(days=1)
    if year == "XXXX" and before.month == 2 and before.day == 29:
        return None  # the day before 1 March depends on the year
    return f"{year if year == 'XXXX' else before.year:0>4}-{before.month:02d}-{before.day:02d}"


def resolve(match: re.Match[str], reference: date | None, today: str | None = None) -> DateMention:
    g = match  # looked up by name: a dict of every group would be built for nothing
    start, end = match.start(), match.end()
    if g["iso"]:
        try:
            date.fromisoformat(g["iso"])
        except ValueError:
            return DateMention(start, end, None, "day")
        return DateMention(start, end, g["iso"], "day")
    if g["nd"]:
        day, month = int(g["nd"]), int(g["nm"])
        if month > 12 >= day:
            day, month = month, day
        return DateMention(start, end, _iso(g["ny"], month, day) if month <= 12 else None, "day")
    if g["d5"] or g["m6"]:
        first_month = MONTHS[(g["m4"] or g["m6"]).lower().rstrip(".")]
        last_month = MONTHS[(g["m5"] or g["m7"]).lower().rstrip(".")]
        year = g["y4"] or g["y5"]
        begin = _iso(year, first_month, _day(g["d5"] or g["d7"]))
        end_day = _iso(year, last_month, _day(g["d6"] or g["d8"]))
        # Without a year the range cannot run into the next year unseen.
        if begin is None or end_day is None or end_day <= begin:
            return DateMention(start, end, begin, "day")
        return DateMention(start, end, f"{begin}/{end_day}", "day")
    if g["d1"]:
        month = MONTHS[g["m1"].lower().rstrip(".")]
        return DateMention(start, end, _range(g["y1"], month, g["d1"], g["d2"]), "day")
    if g["m2"]:
        month = MONTHS[g["m2"].lower().rstrip(".")]
        return DateMention(start, end, _range(g["y2"], month, g["d3"], g["d4"]), "day")
    if g["m3"]:
        month = MONTHS[g["m3"].lower().rstrip(".")]
        return DateMention(start, end, f"{g['y3']}-{month:02d}", "month")
    if g["wd1"]:
        if reference is None:
            return DateMention(start, end, None, "day", True)
        last = latest_weekday(g["wd2"], reference)
        span = (WEEKDAYS.index(g["wd2"].lower()) - WEEKDAYS.index(g["wd1"].lower())) % 7
        if span == 0:
            return DateMention(start, end, last.isoformat(), "day", True)
        first = last - timedelta(days=span)
        return DateMention(start, end, f"{first.isoformat()}/{last.isoformat()}", "day", True)
    if g["weekday"]:
        if reference is None:
            return DateMention(start, end, None, "day", True)
        resolved = latest_weekday(g["weekday"], reference).isoformat()
        return DateMention(start, end, resolved, "day", True)
    if g["today"] and today is not None and len(today) == 10:
        # "today" is the dateline's date, whose year may be unknown.
        said = today if g["today"].lower() == "today" else _yesterday(today)
        return DateMention(start, end, said, "day", True)
    if g["today"]:
        if reference is None:
            return DateMention(start, end, None, "day", True)
        offset = 1 if g["today"].lower() == "yesterday" else 0
        resolved = (reference - timedelta(days=offset)).isoformat()
        return DateMention(start, end, resolved, "day", True)
    return DateMention(start, end, g["year"], "year")


def date_mentions(
    text: str, start: int, end: int, reference: date | None, today: str | None = None
) -> list[DateMention]:
    """Every date expression in `text[start:end]`: weekdays resolved against `reference`
    (the publication date), "today" against `today` (the dateline's date) or `reference`."""
    found = [resolve(match, reference, today) for match in DATE.finditer(text, start, end)]
    if reference is None:
        return found
    return [_with_year(m, reference) if m.edtf and "XXXX" in m.edtf else m for m in found]


def _with_year(mention: DateMention, reference: date) -> DateMention:
    """ "on 19 February" in a statement dated 20 February 2024: the year that puts the day
    nearest the statement's date (a report looks back, an announcement ahead)."""
    first = mention.edtf.split("/")[0]  # type: ignore[union-attr]
    month, day = int(first[5:7]), int(first[8:10])
    best: int | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            gap = abs((date(year, month, day) - reference).days)
        except ValueError:
            continue
        if best is None or gap < abs((date(best, month, day) - reference).days):
            best = year
    if best is None:
        return mention
    edtf = mention.edtf.replace("XXXX", str(best))  # type: ignore[union-attr]
    return DateMention(mention.start, mention.end, edtf, mention.precision, mention.relative)


def first_day(mentions: list[DateMention]) -> DateMention | None:
    """The first day-precision mention; a resolvable one wins over an unresolved weekday."""
    days = [m for m in mentions if m.precision == "day"]
    # "on Monday (July 24, 2023)": the explicit date glossing a weekday wins.
    days = [
        m
        for i, m in enumerate(days)
        if not (m.relative and i + 1 < len(days) and days[i + 1].start - m.end <= 3)
    ]
    for mention in days:
        if mention.edtf is not None:
            return mention
    return days[0] if days else None
