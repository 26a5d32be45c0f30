"""How far two annotations of the same statements agree, scored as the extractor is scored.

    PYTHONPATH=src:. .venv/bin/python -m tests.support.agreement FIRST.json SECOND.json

Each file is an annotation in the format of `docs/blind/set-N.json` (documents by name, with
the six lists of facts). The second annotation's items are turned into predictions, as the
extractor would emit them, and scored against the first with the extractor's own scorer; then
the other way. A `*_contains` list becomes the field's text (the phrases joined), a list of
accepted values its first value. So a careful reader's F1 against another careful reader is
the ceiling an extractor can be measured against with one annotation. "Who only" keeps of each
fact only who it is about (its parties, party and name, or group name): agreement on the facts
themselves, before their attributes and wording.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tests.support.extraction_scoring import SCORED_TYPES, Counts, score

_CONTAINS = "_contains"
# What a fact is about: the fields kept for agreement on the facts alone.
WHO = frozenset({"parties", "party", "name"})


def _first(value: Any) -> Any:
    """The first of several accepted values (a list of them), else the value."""
    if isinstance(value, list) and value and not isinstance(value[0], dict):
        return value[0]
    return value


def as_prediction(item: Mapping[str, Any]) -> dict[str, Any]:
    """A gold item written as the extractor would emit it."""
    predicted: dict[str, Any] = {}
    for key, value in item.items():
        if key.endswith(_CONTAINS):
            field = key[: -len(_CONTAINS)]
            phrases = value if isinstance(value, list) else [value]
            # ("condemned" is a list of things condemned; every other field is one text)
            predicted[field] = list(phrases) if field == "condemned" else " ".join(phrases)
        elif key == "signatories":
            predicted[key] = [as_prediction(s) for s in value or []]
        elif key == "parties":
            # a set of parties, or several accepted sets of them
            several = bool(value) and all(isinstance(v, list) for v in value)
            predicted[key] = value[0] if several else value
        else:
            predicted[key] = _first(value)
    return predicted


def predictions(documents: Mapping[str, Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {
        name: [{"type": t, "data": as_prediction(i)} for t in SCORED_TYPES for i in doc.get(t, [])]
        for name, doc in documents.items()
    }


def who_only(documents: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The documents with each fact reduced to who it is about."""
    return {
        name: {
            t: [{k: v for k, v in item.items() if k in WHO} for item in doc.get(t, [])]
            for t in SCORED_TYPES
        }
        for name, doc in documents.items()
    }


def who_only_predictions(
    predicted: Mapping[str, list[dict[str, Any]]],
) -> dict[str, list[dict[str, Any]]]:
    """Predictions ({document: [{"type", "data"}, …]}) with each fact reduced to who it is
    about, to score against `who_only` documents."""
    return {
        name: [
            {"type": e["type"], "data": {k: e["data"][k] for k in WHO if k in e["data"]}}
            for e in events
        ]
        for name, events in predicted.items()
    }


def agreement(
    first: Mapping[str, Mapping[str, Any]], second: Mapping[str, Mapping[str, Any]]
) -> Counts:
    """The second annotation scored against the first, over the documents both annotate
    (and not marked excluded)."""
    common = [
        name
        for name in sorted(set(first) & set(second))
        if not first[name].get("excluded") and not second[name].get("excluded")
    ]
    gold = {name: first[name] for name in common}
    return score(gold, predictions({name: second[name] for name in common})).overall


def load(path: Path) -> dict[str, dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))["documents"]


def _line(label: str, counts: Counts) -> str:
    return (
        f"{label:<34} P {counts.precision:.3f}  R {counts.recall:.3f}  F1 {counts.f1:.3f}  "
        f"(tp {counts.tp}, fp {counts.fp}, fn {counts.fn})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    args = parser.parse_args()
    first, second = load(args.first), load(args.second)
    print(_line("second scored against first", agreement(first, second)))
    print(_line("first scored against second", agreement(second, first)))
    print(_line("who only, second against first", agreement(who_only(first), who_only(second))))
    print(_line("who only, first against second", agreement(who_only(second), who_only(first))))


if __name__ == "__main__":
    main()
