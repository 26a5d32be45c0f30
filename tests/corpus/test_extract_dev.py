"""The development set written for the extractor (tests/corpus/extract_dev), statement by
statement: each must match its gold exactly. The set's floors and checks are those of every
corpus (`tests/corpus/test_corpora.py`).
"""

from __future__ import annotations

import pytest

from tests.support.corpora import run
from tests.support.extraction_scoring import report, score
from tests.support.paths import CORPUS

STATEMENTS = sorted(p.name for p in (CORPUS / "extract_dev").glob("*.txt"))


@pytest.mark.parametrize("name", STATEMENTS)
def test_statement(name: str) -> None:
    documents, _, predictions = run("extract_dev")
    result = score({name: documents[name]}, {name: predictions[name]})
    assert not result.misses and not result.false_positives, report(result, name)
