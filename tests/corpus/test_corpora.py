"""The extractor on every annotated corpus (`tests.support.corpora.CORPORA`).

For each corpus: the folder holds what it should, its gold is well formed, every evidence
span holds its quote, and the scores keep the corpus's floors. `pytest -s` prints the scores,
the attribute accuracy and every miss:

    .venv/bin/pytest -s tests/corpus/test_corpora.py -k extract_real
"""

from __future__ import annotations

import pytest

from tests.support.corpora import BY_FOLDER, CORPORA, gold_problems, run
from tests.support.extraction_scoring import (
    attribute_accuracy,
    full_report,
    invalid_spans,
    overall_accuracy,
    score,
)
from tests.support.paths import CORPUS

FOLDERS = [c.folder for c in CORPORA]


@pytest.mark.parametrize("folder", FOLDERS)
def test_the_corpus_is_as_delivered(folder: str) -> None:
    corpus = BY_FOLDER[folder]
    documents, texts, _ = run(folder)
    assert len(documents) == corpus.statements
    assert set(texts) == {p.name for p in (CORPUS / folder).glob("*.txt")}
    for name, doc in documents.items():
        assert isinstance(doc.get("note", ""), str), name
        if corpus.real:
            assert doc["url"].startswith("http"), name
            assert doc["origin"] in {"official", "own words"}, name


@pytest.mark.parametrize("folder", FOLDERS)
def test_gold_is_well_formed(folder: str) -> None:
    documents, _, _ = run(folder)
    problems = [p for name, doc in documents.items() for p in gold_problems(name, doc)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_evidence_span_holds_its_quote(folder: str) -> None:
    _, texts, predictions = run(folder)
    assert not invalid_spans(texts, predictions)


@pytest.mark.parametrize("folder", FOLDERS)
def test_scores_keep_their_floors(folder: str) -> None:
    corpus = BY_FOLDER[folder]
    documents, _, predictions = run(folder)
    result = score(documents, predictions)
    accuracy = attribute_accuracy(documents, predictions)
    print()
    print(full_report(result, accuracy, f"{folder} ({corpus.about})"))
    assert round(result.overall.f1, 3) >= corpus.f1_floor
    if corpus.accuracy_floor is not None:
        assert round(overall_accuracy(accuracy).accuracy, 3) >= corpus.accuracy_floor


@pytest.mark.parametrize("corpus", [c for c in CORPORA if c.first_scoring], ids=str)
def test_blind_floors_never_below_the_first_scoring(corpus) -> None:  # type: ignore[no-untyped-def]
    assert corpus.first_scoring is not None and corpus.accuracy_floor is not None
    # each figure on its own: a higher F1 never excuses a lower accuracy
    assert corpus.f1_floor >= corpus.first_scoring[0]
    assert corpus.accuracy_floor >= corpus.first_scoring[1]


def test_a_statement_about_no_meeting_yields_none() -> None:
    _, _, predictions = run("extract_heldout2")
    found = predictions["013_jakarta_court_jad_not_meeting.txt"]
    assert not [e for e in found if e["type"] == "MeetingHeld"]
