"""The extractor on real statements of the genre (tests/corpus/extract_real).

Official texts are kept as published, with their address; news reports are rewritten in our
own words in their shapes (`origin` says which), each `NNN_name.txt` with a `NNN_name.json`
of expected facts in the gold file's shape plus `url`. This is the development set the rules
are built against; `pytest -s` prints the scores, the attribute accuracy and every miss.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tests.support.extraction_scoring import (
    SCORED_TYPES,
    attribute_accuracy,
    full_report,
    invalid_spans,
    load_folder,
    overall_accuracy,
    predict_in_process,
    score,
)

FOLDER = Path(__file__).resolve().parent / "extract_real"
# 1.4.0 scored 0.703 and 0.974 here; the floors only rise.
F1_FLOOR = 0.94
ACCURACY_FLOOR = 0.99


@cache
def _run():  # type: ignore[no-untyped-def]
    documents, texts = load_folder(FOLDER)
    predictions = predict_in_process(documents, texts)
    return documents, texts, predictions


def test_the_set_is_real_and_large_enough() -> None:
    documents, _, _ = _run()
    assert len(documents) >= 60
    for name, doc in documents.items():
        assert doc["url"].startswith("http"), name
        assert doc["origin"] in {"official", "own words"}, name
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
    print(full_report(result, accuracy, "real statements (development)"))
    assert round(result.overall.f1, 3) >= F1_FLOOR
    assert round(overall_accuracy(accuracy).accuracy, 3) >= ACCURACY_FLOOR
