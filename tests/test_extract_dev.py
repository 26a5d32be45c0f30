"""The extractor on a development set of statements written for it (tests/extract_dev).

Each `NN_name.txt` has a `NN_name.json` of expected facts in the gold file's shape.
The set varies what real statements vary; it is scored like the seeds, per statement
and over the whole set (F1 must stay ≥ 0.9).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ctevents.documents import leading_date
from ctevents.extract import extract
from tests.test_extract_gold import check_spans, prf, score

DEV = Path(__file__).resolve().parent / "extract_dev"
STATEMENTS = sorted(p.stem for p in DEV.glob("*.txt"))


def _run(name: str) -> tuple[str, dict, list]:
    text = (DEV / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((DEV / f"{name}.json").read_text(encoding="utf-8"))
    declared = expected.get("published_on")
    published = date.fromisoformat(declared) if declared else leading_date(text)
    return text, expected, extract(text, source_id="dev", published_on=published)


def test_the_set_is_large_enough() -> None:
    assert len(STATEMENTS) >= 20


@pytest.mark.parametrize("name", STATEMENTS)
def test_statement(name: str) -> None:
    text, expected, facts = _run(name)
    check_spans(text, facts, "dev")
    _, _, _, problems = score(expected, facts)
    assert not problems, "\n".join(problems)


def test_dev_set_f1() -> None:
    totals = [0, 0, 0]
    for name in STATEMENTS:
        _, expected, facts = _run(name)
        for i, value in enumerate(score(expected, facts)[:3]):
            totals[i] += value
    precision, recall, f1 = prf(*totals)
    print(f"dev set: precision={precision:.3f} recall={recall:.3f} f1={f1:.3f} ({totals})")
    assert f1 >= 0.9
