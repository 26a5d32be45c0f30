"""The extractor on a held-out set: 30 statements of the genre annotated by hand.

`tests/corpus/extract_heldout/` holds statements written in the manner of ministry press releases,
media notes and wire reports on bilateral counter-terrorism dialogues, independently of the
extractor's development, and `gold.json` records what a careful reader finds in each one
(same format and conventions as `tests/corpus/seeds-gold.json`). The score is printed per event
type with every miss and false positive:

    .venv/bin/pytest -s -q tests/corpus/test_extract_heldout.py

The F1 floor is a guard against regressions; the aim is 0.9 or better.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ctevents.documents import read_document
from ctevents.events import source_id_for
from ctevents.extract import extract
from tests.support.extraction_scoring import (
    SCORED_TYPES,
    item_matches,
    normalize,
    report,
    score,
)

HELDOUT = Path(__file__).parent / "extract_heldout"
GOLD = json.loads((HELDOUT / "gold.json").read_text(encoding="utf-8"))
F1_FLOOR = 0.80


def extract_file(path: Path) -> list[dict]:
    """What `ctevents extract PATH --json` prints, computed in-process."""
    document = read_document(path)
    facts = extract(
        document.text, source_id=source_id_for(document.text), published_on=document.published_on
    )
    return [{"type": fact.type_name, "data": fact.model_dump(mode="json")} for fact in facts]


@pytest.fixture(scope="module")
def result():
    documents = GOLD["documents"]
    predictions = {name: extract_file(HELDOUT / name) for name in documents}
    return score(documents, predictions)


def test_gold_covers_every_statement():
    texts = {p.name for p in HELDOUT.glob("*.txt")}
    assert texts == set(GOLD["documents"])
    assert len(texts) >= 30
    for name, doc in GOLD["documents"].items():
        assert set(SCORED_TYPES) <= set(doc), name
        for t in ("MeetingHeld", "CondemnationIssued", "NextMeetingScheduled", "MoUSigned"):
            for item in doc[t]:
                assert item["parties"] == sorted(item["parties"]), (name, t)


def test_scoring_semantics():
    assert normalize("  Al-Qa’ida ") == normalize("al-qaida")
    assert normalize("Malé") == "male"
    gold = {
        "parties": ["IN", "MV"],
        "date": ["2023-07-24", None],
        "mechanism_contains": ["joint working group", "Counter Terrorism"],
    }
    predicted = {
        "parties": ["MV", "IN"],
        "date": None,
        "mechanism": "Joint Working Group on Counter Terrorism",
        "location": "Male",
    }
    assert item_matches(gold, predicted)
    assert not item_matches({**gold, "ordinal": 2}, predicted)
    assert item_matches({"condemned_contains": ["a", "b c"]}, {"condemned": ["x a", "B  c"]})
    assert not item_matches({"aliases": ["LeT"]}, {"aliases": ["LeT", "Lashkar"]})
    signatories = [{"party": "IN", "name": "Sumant Singh", "title_contains": ["Joint"]}]
    assert item_matches(
        {"signatories": signatories},
        {"signatories": [{"party": "IN", "name": "Sumant Singh", "title": "Joint Secretary"}]},
    )
    assert not item_matches({"signatories": signatories}, {"signatories": []})


def test_heldout_f1(result):
    print()
    print(report(result, title="held-out set"))
    overall = result.overall
    assert overall.f1 >= F1_FLOOR, (
        f"held-out F1 {overall.f1:.3f} < {F1_FLOOR} "
        f"({len(result.misses)} misses, {len(result.false_positives)} false positives)"
    )
