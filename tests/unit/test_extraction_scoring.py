"""The one scorer's matching rules (`tests.support.extraction_scoring`)."""

from __future__ import annotations

from tests.support.extraction_scoring import item_matches, normalize


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


def test_contains_given_as_alternative_readings():
    gold = {"condemned_contains": [["act of terror"], ["terrorism", "all its forms"]]}
    assert item_matches(gold, {"condemned": ["this act of terror"]})
    assert item_matches(gold, {"condemned": ["terrorism in all its forms"]})
    assert not item_matches(gold, {"condemned": ["terrorism"]})
