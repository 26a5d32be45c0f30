"""The extractor on a development set of statements written for it (tests/corpus/extract_dev).

Each `NN_name.txt` has a `NN_name.json` of expected facts in the gold file's shape. The set
varies what real statements vary; it is scored with the one scorer
(`tests.support.extraction_scoring`), per statement and over the whole set (F1 ≥ 0.9).
"""

from __future__ import annotations

from functools import cache

import pytest

from tests.support.extraction_scoring import (
    invalid_spans,
    load_folder,
    predict_in_process,
    report,
    score,
)
from tests.support.paths import CORPUS

DEV = CORPUS / "extract_dev"
STATEMENTS = sorted(p.name for p in DEV.glob("*.txt"))


@cache
def _run():  # type: ignore[no-untyped-def]
    documents, texts = load_folder(DEV)
    return documents, texts, predict_in_process(documents, texts)


def test_the_set_is_large_enough() -> None:
    assert len(STATEMENTS) >= 20


@pytest.mark.parametrize("name", STATEMENTS)
def test_statement(name: str) -> None:
    documents, texts, predictions = _run()
    assert not invalid_spans({name: texts[name]}, {name: predictions[name]})
    result = score({name: documents[name]}, {name: predictions[name]})
    assert not result.misses and not result.false_positives, report(result, name)


def test_dev_set_f1() -> None:
    documents, _, predictions = _run()
    result = score(documents, predictions)
    print()
    print(report(result, "dev set"))
    assert result.overall.f1 >= 0.9
