"""Blind sets: real statements collected and annotated by people who had not read the
extractor (tests/corpus/extract_blind1, tests/corpus/extract_blind2, each `gold.json` beside
its texts).

Each set was scored once, on arrival, with the extractor as it then stood; those figures
are recorded in docs/extraction.md and below (`FIRST_SCORING`). Only after that did their
misses drive rules. `FLOORS` are the figures the extractor must keep: they start at the
first scoring and only ever rise. `pytest -s` prints the scores and every miss.

Only official government texts are kept (ministry, embassy and mission releases, joint
statements, State Department media notes, also as verbatim mirrors); the news reports in
the sets as delivered were taken out, since they are not ours to republish. The first
scoring was measured on the full sets; the floors on the texts that remain.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tests.support.extraction_scoring import (
    attribute_accuracy,
    full_report,
    invalid_spans,
    load_folder,
    overall_accuracy,
    predict_in_process,
    score,
)

HERE = Path(__file__).resolve().parent
SETS = ("extract_blind1", "extract_blind2")
# (F1, attribute accuracy) at the first scoring, extractor commit f97a367.
FIRST_SCORING = {"extract_blind1": (0.542, 0.882), "extract_blind2": (0.636, 0.944)}
# (F1, attribute accuracy) the extractor must keep on the official texts that remain;
# raised as the rules improve, never lowered.
FLOORS = {"extract_blind1": (0.938, 0.978), "extract_blind2": (0.871, 0.983)}
# Statements kept of the 23 and 27 delivered: a text lost by accident fails the test.
KEPT = {"extract_blind1": 12, "extract_blind2": 9}


@cache
def _run(name: str):  # type: ignore[no-untyped-def]
    documents, texts = load_folder(HERE / name)
    return documents, texts, predict_in_process(documents, texts)


@pytest.mark.parametrize("name", SETS)
def test_blind_set_is_as_delivered(name: str) -> None:
    documents, texts, _ = _run(name)
    assert len(documents) == KEPT[name]
    assert set(texts) == {p.name for p in (HERE / name).glob("*.txt")}


@pytest.mark.parametrize("name", SETS)
def test_every_evidence_span_matches_its_quote(name: str) -> None:
    _, texts, predictions = _run(name)
    assert not invalid_spans(texts, predictions)


@pytest.mark.parametrize("name", SETS)
def test_blind_floors(name: str) -> None:
    documents, _, predictions = _run(name)
    result = score(documents, predictions)
    accuracy = attribute_accuracy(documents, predictions)
    print()
    print(full_report(result, accuracy, name))
    f1_floor, accuracy_floor = FLOORS[name]
    assert round(result.overall.f1, 3) >= f1_floor
    assert round(overall_accuracy(accuracy).accuracy, 3) >= accuracy_floor


def test_floors_never_below_the_first_scoring() -> None:
    for name in SETS:
        assert FLOORS[name] >= FIRST_SCORING[name]
