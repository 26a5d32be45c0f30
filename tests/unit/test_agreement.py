"""Agreement of two annotations (`tests.support.agreement`), on annotations written here."""

from __future__ import annotations

from tests.support.agreement import agreement, as_prediction, who_only
from tests.support.extraction_scoring import item_matches

FIRST = {
    "a/one.txt": {
        "MeetingHeld": [
            {
                "parties": ["CL", "PE"],
                "mechanism_contains": ["Joint Working Group", "Counter-Terrorism"],
                "ordinal": 3,
                "date": ["2024-05-03", None],
                "location": "Lima",
            }
        ],
        "DelegationLed": [
            {"party": "CL", "name": ["Ana Soto", "Soto"], "title_contains": ["Vice Minister"]}
        ],
        "CondemnationIssued": [
            {"parties": ["CL", "PE"], "condemned_contains": ["bombing", "Arica"], "strongly": True}
        ],
    },
    "a/two.txt": {"excluded": "a copy of one.txt", "TerroristEntityNamed": [{"name": "ETA"}]},
}


def test_an_annotation_agrees_with_itself_whole() -> None:
    counts = agreement(FIRST, FIRST)
    assert (counts.tp, counts.fp, counts.fn) == (3, 0, 0)


def test_a_gold_item_written_as_a_prediction_matches_itself() -> None:
    for items in FIRST["a/one.txt"].values():
        for item in items:
            assert item_matches(item, as_prediction(item))


def test_a_second_reading_that_differs_in_an_attribute_disagrees_on_that_fact_only() -> None:
    second = {
        "a/one.txt": {
            **FIRST["a/one.txt"],
            "CondemnationIssued": [
                {"parties": ["CL", "PE"], "condemned_contains": ["bombing"], "strongly": False}
            ],
        }
    }
    counts = agreement(FIRST, second)
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 1)
    # who it is about is the same: on the facts alone the two readings agree
    alone = agreement(who_only(FIRST), who_only(second))
    assert (alone.tp, alone.fp, alone.fn) == (3, 0, 0)
