"""Score a folder of annotated statements with the extractor on the path, as a blind set is
scored on arrival.

    PYTHONPATH=src:. .venv/bin/python -m tests.support.score_folder FOLDER [FOLDER …]
        [--exclude a/NAME.txt,…] [--misses]

A folder holds `gold.json` beside its texts (the format of `tests/corpus/seeds-gold.json`), or
subfolders that do (a set collected by several annotators: `a/`, `b/`). Documents are named
`SUBFOLDER/NAME` in the report. To score an earlier version, put its `src` first on the path
(`git archive REV src | tar -x -C /tmp/REV`, then `PYTHONPATH=/tmp/REV/src:.`).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from tests.support.agreement import who_only, who_only_predictions
from tests.support.extraction_scoring import (
    attribute_accuracy,
    full_report,
    invalid_spans,
    load_folder,
    predict_in_process,
    score,
)


def collect(roots: list[Path], exclude: set[str]) -> tuple[dict[str, Any], dict[str, str]]:
    """Every document of the folders (or of their annotated subfolders), by `SUB/NAME`."""
    documents: dict[str, Any] = {}
    texts: dict[str, str] = {}
    for root in roots:
        if (root / "gold.json").exists():
            folders = [root]
        else:
            folders = sorted(p for p in root.iterdir() if (p / "gold.json").exists())
        for folder in folders:
            gold, found = load_folder(folder)
            for name, doc in gold.items():
                key = f"{folder.name}/{name}"
                if key not in exclude and name not in exclude:
                    documents[key], texts[key] = doc, found[name]
    return documents, texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--exclude", default="", help="SUB/NAME,… left out of the figure")
    parser.add_argument("--misses", action="store_true", help="list misses and false facts")
    args = parser.parse_args()
    documents, texts = collect(args.folders, set(filter(None, args.exclude.split(","))))
    predictions = predict_in_process(documents, texts)
    result = score(documents, predictions)
    from ctevents.extract.pipeline import EXTRACTOR_VERSION

    print(f"extractor {EXTRACTOR_VERSION}, {len(documents)} texts")
    print(full_report(result, attribute_accuracy(documents, predictions), "blind"))
    print("invalid spans:", invalid_spans(texts, predictions) or "none")
    # On the facts alone (who each is about), as `tests.support.agreement` measures two readers.
    alone = score(who_only(documents), who_only_predictions(predictions)).overall
    print(
        f"who only: P {alone.precision:.3f} R {alone.recall:.3f} F1 {alone.f1:.3f} "
        f"(tp {alone.tp}, fp {alone.fp}, fn {alone.fn})"
    )
    if args.misses:
        for miss in result.misses:
            print("MISS", miss.document, miss.type, json.dumps(miss.gold), miss.failing)
        for wrong in result.false_positives:
            facts = {k: v for k, v in wrong.predicted.items() if k != "evidence"}
            print("FALSE", wrong.document, wrong.type, json.dumps(facts))


if __name__ == "__main__":
    main()
