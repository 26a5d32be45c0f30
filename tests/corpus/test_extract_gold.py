"""The extractor against the gold facts of the seed statements (tests/corpus/seeds-gold.json).

Scored with the one scorer (`tests.support.extraction_scoring`), as every other corpus:
each seed must match its gold exactly, and the seeds together score F1 1.00.
"""

from __future__ import annotations

import json
from functools import cache

import pytest

from ctevents.documents import leading_date
from ctevents.extract import EXTRACTOR_VERSION, extract
from tests.support.extraction_scoring import invalid_spans, predict_in_process, report, score
from tests.support.paths import CORPUS, SEEDS

GOLD = json.loads((CORPUS / "seeds-gold.json").read_text(encoding="utf-8"))["documents"]


@cache
def _run():  # type: ignore[no-untyped-def]
    texts = {name: (SEEDS / name).read_text(encoding="utf-8") for name in GOLD}
    return texts, predict_in_process(GOLD, texts)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_matches_gold(name: str) -> None:
    texts, predictions = _run()
    assert not invalid_spans({name: texts[name]}, {name: predictions[name]})
    for event in predictions[name]:
        assert event["data"]["evidence"], event
        assert event["data"]["extractor_version"] == EXTRACTOR_VERSION
        assert {e["source_id"] for e in event["data"]["evidence"]} == {name}
    result = score({name: GOLD[name]}, {name: predictions[name]})
    assert not result.misses and not result.false_positives, report(result, name)


def test_seed_scores() -> None:
    _, predictions = _run()
    result = score(GOLD, predictions)
    print()
    print(report(result, "seeds"))
    assert result.overall.f1 == 1.0


def test_repeated_body_is_one_fact_with_every_passage() -> None:
    name = "000_de604f158612fd85.txt"
    text = (SEEDS / name).read_text(encoding="utf-8")
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
        text = (SEEDS / name).read_text(encoding="utf-8")
        facts = extract(text, published_on=leading_date(text))
        keys.append({f.meeting_key for f in facts if f.type_name == "MeetingHeld"})
    assert keys[0] == keys[1] == {"IN-MV/jwg-counter-terrorism/2"}


def test_output_is_deterministic() -> None:
    for name in sorted(GOLD):
        text = (SEEDS / name).read_text(encoding="utf-8")
        assert extract(text) == extract(text)
