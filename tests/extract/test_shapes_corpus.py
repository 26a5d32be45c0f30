"""The extractor on development statements written in the weak shapes of earlier rounds
(tests/extract_shapes): lower-case and unnamed mechanisms, weekdays under wire datelines,
meetings held "today", bracketed weekdays and honorifics, MoU counterparts, heads who
"discussed", national lists of groups, and statements that must yield no meeting.

Each `NN_name.txt` is written in our own words in a shape of the genre, with a `NN_name.json`
of the facts a careful reader finds (the conventions of `seeds-gold.json`). `pytest -s`
prints the scores, the attribute accuracy and every miss.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tests.extraction_scoring import (
    SCORED_TYPES,
    attribute_accuracy,
    full_report,
    invalid_spans,
    load_folder,
    overall_accuracy,
    predict_in_process,
    score,
)

FOLDER = Path(__file__).resolve().parent.parent / "extract_shapes"
# Floors that only rise (the figures measured when the set was written are in
# docs/extraction.md).
F1_FLOOR = 1.0
ACCURACY_FLOOR = 1.0


@cache
def _run():  # type: ignore[no-untyped-def]
    documents, texts = load_folder(FOLDER)
    return documents, texts, predict_in_process(documents, texts)


def test_the_set_covers_the_shapes() -> None:
    documents, _, _ = _run()
    assert len(documents) >= 15
    for name, doc in documents.items():
        assert isinstance(doc["note"], str) and doc["note"], name
        assert set(SCORED_TYPES) <= set(doc), name


def test_every_evidence_span_matches_its_quote() -> None:
    _, texts, predictions = _run()
    assert not invalid_spans(texts, predictions)


def test_scores_and_attribute_accuracy() -> None:
    documents, _, predictions = _run()
    result = score(documents, predictions)
    accuracy = attribute_accuracy(documents, predictions)
    print()
    print(full_report(result, accuracy, "weak shapes (development)"))
    assert round(result.overall.f1, 3) >= F1_FLOOR
    assert round(overall_accuracy(accuracy).accuracy, 3) >= ACCURACY_FLOOR
