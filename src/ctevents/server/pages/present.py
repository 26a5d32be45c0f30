"""What the templates show, worked out from rows: names of countries, dates, facets, order.

Pure functions over the read models' rows (their full shape), tested without a server.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

import pycountry

Row = dict[str, Any]

FACETS = ("party", "mechanism", "year", "contested")
_YEAR = re.compile(r"^(\d{4})")

# Where on a meeting's page each fact type is shown (its section's id).
FACT_SECTIONS = {
    "MeetingHeld": "fields",
    "DelegationLed": "leaders",
    "CondemnationIssued": "condemnations",
    "MoUSigned": "mous",
    "NextMeetingScheduled": "next-meeting",
    "TerroristEntityNamed": "entities",
    "TopicDiscussed": "topics",
    "AttackReferenced": "attacks",
    "MultilateralForumCited": "forums",
}


# Parties the extractor names that ISO 3166-1 does not list.
_NOT_IN_ISO = {"EU": "European Union", "XK": "Kosovo"}


@lru_cache(maxsize=512)
def country(code: str) -> str:
    """`MV` → `Maldives`, `EU` → `European Union`; an unknown code is shown as given."""
    if code.upper() in _NOT_IN_ISO:
        return _NOT_IN_ISO[code.upper()]
    found = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    if found is None:
        return code
    return getattr(found, "common_name", None) or found.name


def value(field: Any) -> Any:
    """The value a merged field shows (None when contested or absent)."""
    return field.get("value") if isinstance(field, Mapping) else field


def parties(row: Row) -> list[str]:
    found = value(row.get("parties"))
    return list(found) if isinstance(found, list) else []


def parties_label(codes: Iterable[str]) -> str:
    return " – ".join(country(c) for c in codes)


def year(row: Row) -> str | None:
    found = value(row.get("date"))
    match = _YEAR.match(found) if isinstance(found, str) else None
    return match.group(1) if match else None


def mechanism_slug(row: Row) -> str:
    """The mechanism as the meeting key names it (`jwg-counter-terrorism`): spellings agree."""
    parts = str(row.get("meeting_key", "")).split("/")
    return parts[1] if len(parts) > 2 else ""


def dialogue_key(row: Row) -> str:
    """The meeting key without its ordinal: `IN-MV/jwg-counter-terrorism`."""
    return str(row.get("meeting_key", "")).rsplit("/", 1)[0]


def mechanism_label(row: Row) -> str:
    found = value(row.get("mechanism"))
    return str(found) if found else mechanism_slug(row)


def newest_first(rows: Iterable[Row]) -> list[Row]:
    """By date (those without a known year last), then ordinal, newest first."""

    def order(row: Row) -> tuple[bool, str, int, str]:
        date = value(row.get("date"))
        known = isinstance(date, str) and bool(_YEAR.match(date))
        ordinal = value(row.get("ordinal"))
        return (
            known,
            date if known else "",
            ordinal if isinstance(ordinal, int) else -1,
            str(row.get("meeting_key")),
        )

    return sorted(rows, key=order, reverse=True)


def _facet_values(row: Row) -> dict[str, list[str]]:
    return {
        "party": parties(row),
        "mechanism": [mechanism_slug(row)],
        "year": [year(row) or "unknown"],
        "contested": ["yes" if row.get("contested") else "no"],
    }


def selected(query: Mapping[str, str]) -> dict[str, str]:
    return {name: query[name] for name in FACETS if query.get(name)}


def matches(row: Row, chosen: Mapping[str, str], skip: str | None = None) -> bool:
    return _matches(_facet_values(row), chosen, skip)


def _matches(values: dict[str, list[str]], chosen: Mapping[str, str], skip: str | None) -> bool:
    return all(v in values[name] for name, v in chosen.items() if name != skip)


def facets(rows: list[Row], chosen: Mapping[str, str], base: str = "/") -> list[dict[str, Any]]:
    """Each facet's values with how many rows have each, counted within the other choices."""
    # Each row's facet values once: the counts read them once per facet.
    valued = [(row, _facet_values(row)) for row in rows]
    found = []
    for name in FACETS:
        counts: Counter[str] = Counter()
        labels: dict[str, str] = {}
        for row, values in valued:
            if not _matches(values, chosen, skip=name):
                continue
            for item in dict.fromkeys(values[name]):
                counts[item] += 1
                if name == "mechanism":
                    labels.setdefault(item, mechanism_label(row))
        entries = []
        for item, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            toggled = dict(chosen)
            if chosen.get(name) == item:
                del toggled[name]
            else:
                toggled[name] = item
            label = country(item) if name == "party" else labels.get(item, item)
            entries.append(
                {
                    "value": item,
                    "label": label,
                    "count": count,
                    "chosen": chosen.get(name) == item,
                    "href": base + (f"?{urlencode(toggled)}" if toggled else ""),
                }
            )
        found.append({"name": name, "entries": entries})
    return found


def leader_names(row: Row) -> list[tuple[str, list[str]]]:
    """`[(side, [names])]`: a contested name shows each of its values joined by ` / `."""
    sides = []
    for side, leaders in sorted((row.get("leaders") or {}).items()):
        names = []
        for leader in leaders:
            name = leader.get("name") or {}
            shown = value(name)
            if shown is None:
                shown = " / ".join(str(v["value"]) for v in name.get("values", ()))
            names.append(str(shown))
        sides.append((side, names))
    return sides


def quote_href(source_id: str, evidence: Mapping[str, Any]) -> str:
    """The source page, scrolled to the span."""
    return f"/sources/{source_id}#span-{evidence['start']}-{evidence['end']}"


def source_label(source: Row | None, source_id: str) -> str:
    if source:
        for name in ("title", "publisher"):
            if source.get(name):
                return str(source[name])
        if source.get("published_on"):
            return f"statement of {source['published_on']}"
    return f"source {source_id[:8]}"


def contested_names(meetings: Iterable[Row]) -> dict[str, list[dict[str, Any]]]:
    """person_id → the meetings where that person's name is contested, and the other names."""
    found: dict[str, list[dict[str, Any]]] = {}
    for row in meetings:
        for side, leaders in (row.get("leaders") or {}).items():
            for leader in leaders:
                name = leader.get("name") or {}
                if not name.get("contested"):
                    continue
                names = [str(v["value"]) for v in name.get("values", ())]
                for person_id in leader.get("person_ids", ()):
                    found.setdefault(person_id, []).append(
                        {"meeting_key": row["meeting_key"], "side": side, "names": names}
                    )
    return found


def timeline(items: Iterable[Row]) -> list[Row]:
    """A dialogue's meetings in ordinal order, each run of unreported rounds as one gap."""
    found: list[Row] = []
    for item in items:
        if not item.get("gap"):
            found.append(item)
        elif found and found[-1].get("gap"):
            found[-1]["last"] = item["ordinal"]
            found[-1]["count"] += 1
        else:
            ordinal = item["ordinal"]
            found.append({"gap": True, "first": ordinal, "last": ordinal, "count": 1})
    return found


def ranges(numbers: Iterable[int]) -> str:
    """`[1, 2, 3, 5]` → `1–3, 5`."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def web_address(url: str | None) -> bool:
    """Only http(s) addresses become links: a `javascript:` one stays text."""
    return bool(url) and str(url).lower().startswith(("http://", "https://"))
