"""What retracted sources had said about a meeting, so its page can show those values greyed out.

A retraction removes a source's support from the read models (its values leave the
meeting's row); the sources model keeps the source's row and facts. These are read
back here and grouped by where the meeting's page shows them.
"""

from __future__ import annotations

import unicodedata
from typing import Any

Row = dict[str, Any]

MEETING_FIELDS = ("mechanism", "parties", "ordinal", "date", "location")
_NOT_SHOWN = {"evidence", "extractor_version", "meeting_key", "source_id"}


def retracted_facts(
    sources: dict[str, Row], retracted_ids: list[str], meeting_key: str
) -> list[dict[str, Any]]:
    """Each fact a retracted source asserted about this meeting, with why it was retracted."""
    found = []
    for source_id in retracted_ids:
        row = sources.get(source_id) or {}
        reason = (row.get("retraction") or {}).get("reason")
        for fact in row.get("facts", ()):
            data = fact.get("data", {})
            if data.get("meeting_key") != meeting_key:
                continue
            found.append(
                {
                    "source_id": source_id,
                    "reason": reason,
                    "type": fact.get("type"),
                    "position": fact.get("position"),
                    "fields": {k: v for k, v in data.items() if k not in _NOT_SHOWN},
                    "evidence": data.get("evidence", []),
                }
            )
    return found


def _live_values(row: Row, place: str) -> set[str]:
    """What live sources still assert at a place, to leave out values nobody lost."""
    if place.startswith("leaders."):
        leaders = (row.get("leaders") or {}).get(place.split(".", 1)[1], [])
        fields = [leader.get("name") or {} for leader in leaders]
    else:
        fields = [row.get(place) or {}]
    return {_key(v.get("value")) for f in fields for v in f.get("values", ())}


def _key(value: Any) -> str:
    """Spellings as one (`Male` / `Male'`, `Counter Terrorism` / `Counter-Terrorism`)."""
    decomposed = unicodedata.normalize("NFKD", str(value).casefold())
    return "".join(c for c in decomposed if c.isalnum())


def by_place(facts: list[dict[str, Any]], row: Row) -> dict[str, list[dict[str, Any]]]:
    """`date` → the retracted dates; `leaders.MV` → the retracted Maldivian leaders; …

    Only values no live source asserts: those are the ones the retraction took away.
    """
    places: dict[str, list[dict[str, Any]]] = {}
    for fact in facts:
        fields = fact["fields"]
        if fact["type"] == "MeetingHeld":
            for name in MEETING_FIELDS:
                if fields.get(name) not in (None, "", []):
                    places.setdefault(name, []).append({**fact, "value": fields[name]})
        elif fact["type"] == "DelegationLed" and fields.get("party"):
            places.setdefault(f"leaders.{fields['party']}", []).append(
                {**fact, "value": fields.get("name")}
            )
    return {
        place: kept
        for place, found in places.items()
        if (kept := [f for f in found if _key(f["value"]) not in _live_values(row, place)])
    }
