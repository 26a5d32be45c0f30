"""The extractor against the gold facts of the seed statements (tests/seeds-gold.json).

Matching follows the file's "about": case-, accent- and apostrophe-insensitive; a
`*_contains` list means every phrase appears in the emitted value; a list-valued date
accepts any of its values. The scorer is shared with the development set.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ctevents.documents import leading_date
from ctevents.events import Fact
from ctevents.extract import EXTRACTOR_VERSION, extract

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "seeds-gold.json").read_text(encoding="utf-8"))
SCORED = (
    "MeetingHeld",
    "DelegationLed",
    "CondemnationIssued",
    "MoUSigned",
    "NextMeetingScheduled",
    "TerroristEntityNamed",
)


def fold(value: object) -> str:
    """Case-, accent-, apostrophe- and whitespace-insensitive form of a value."""
    text = " | ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "").replace("'", "").replace("`", "").replace("ʼ", "")
    return " ".join(text.lower().split())


def _same(expected: object, actual: object) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    return fold(expected) == fold(actual)


def matches(gold: dict[str, Any], data: dict[str, Any]) -> bool:
    """Whether an emitted payload satisfies every attribute of a gold item."""
    for field, expected in gold.items():
        if field.endswith("_contains"):
            actual = data.get(field.removesuffix("_contains"))
            if actual is None or any(fold(p) not in fold(actual) for p in expected):
                return False
        elif field == "signatories":
            emitted = list(data.get("signatories") or [])
            if not all(any(matches(g, e) for e in emitted) for g in expected):
                return False
        elif field in {"parties", "aliases", "bodies"}:
            if sorted(map(fold, expected)) != sorted(map(fold, data.get(field) or [])):
                return False
        elif isinstance(expected, list):
            if not any(_same(option, data.get(field)) for option in expected):
                return False
        elif not _same(expected, data.get(field)):
            return False
    return True


def score(expected: dict[str, Any], facts: list[Fact]) -> tuple[int, int, int, list[str]]:
    """(true positives, emitted, expected, problems) over the scored types."""
    hits = emitted = wanted = 0
    problems: list[str] = []
    for type_name in SCORED:
        golds = expected.get(type_name, [])
        found = [f.model_dump(mode="json") for f in facts if f.type_name == type_name]
        wanted += len(golds)
        emitted += len(found)
        unused = list(range(len(found)))
        for gold in golds:
            hit = next((i for i in unused if matches(gold, found[i])), None)
            if hit is None:
                problems.append(f"missing {type_name} {gold}")
            else:
                unused.remove(hit)
                hits += 1
        for i in unused:
            data = {k: v for k, v in found[i].items() if k not in {"evidence", "extractor_version"}}
            problems.append(f"extra {type_name} {data}")
    return hits, emitted, wanted, problems


def prf(hits: int, emitted: int, wanted: int) -> tuple[float, float, float]:
    precision = hits / emitted if emitted else 1.0
    recall = hits / wanted if wanted else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def check_spans(text: str, facts: list[Fact], source_id: str) -> None:
    for fact in facts:
        assert fact.evidence, fact
        assert fact.extractor_version == EXTRACTOR_VERSION
        for item in fact.evidence:
            assert text[item.start : item.end] == item.quote
            assert item.source_id == source_id


def _published(text: str, declared: str | None) -> date | None:
    return date.fromisoformat(declared) if declared else leading_date(text)


@pytest.mark.parametrize("name", sorted(GOLD["documents"]))
def test_seed_matches_gold(name: str) -> None:
    text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
    expected = GOLD["documents"][name]
    facts = extract(text, source_id="seed", published_on=_published(text, expected["published_on"]))
    check_spans(text, facts, "seed")
    _, _, _, problems = score(expected, facts)
    assert not problems, "\n".join(problems)


def test_seed_scores() -> None:
    totals = [0, 0, 0]
    for name, expected in sorted(GOLD["documents"].items()):
        text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
        facts = extract(text, published_on=_published(text, expected["published_on"]))
        for i, value in enumerate(score(expected, facts)[:3]):
            totals[i] += value
    precision, recall, f1 = prf(*totals)
    print(f"seeds: precision={precision:.3f} recall={recall:.3f} f1={f1:.3f}")
    assert f1 == 1.0


def test_repeated_body_is_one_fact_with_every_passage() -> None:
    name = "000_de604f158612fd85.txt"
    text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
    facts = extract(text)
    meetings = [f for f in facts if f.type_name == "MeetingHeld"]
    assert len(meetings) == 1
    # Both passages, then the words carrying the place's value.
    quotes = [e.quote for e in meetings[0].evidence]
    passages = [q for q in quotes if q != meetings[0].location]
    assert len(passages) == 2 and passages[0] == passages[1]
    assert meetings[0].location in quotes


def test_two_reports_of_one_meeting_share_a_key() -> None:
    keys = []
    for name in ("000_de604f158612fd85.txt", "002_03e607b7b9aa5c2b.txt"):
        text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
        facts = extract(text, published_on=leading_date(text))
        keys.append({f.meeting_key for f in facts if f.type_name == "MeetingHeld"})
    assert keys[0] == keys[1] == {"IN-MV/jwg-counter-terrorism/2"}


def test_output_is_deterministic() -> None:
    for name in sorted(GOLD["documents"]):
        text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
        assert extract(text) == extract(text)
