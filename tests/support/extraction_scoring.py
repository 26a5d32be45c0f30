"""Scoring extracted facts against a hand-annotated gold file.

The gold format is that of `tests/corpus/seeds-gold.json`: `{"about": …, "documents": {filename:
{"published_on", "note", "<EventType>": [item, …], …}}}`. A gold item lists only the
attributes a careful reader can state; a predicted event matches it when every one of them
matches:

- strings compare case-insensitively, ignoring accents, apostrophes and surrounding (or
  repeated) whitespace;
- `<field>_contains: [phrase, …]` means every phrase appears in the predicted field (a list
  field such as `condemned` is read as its items joined);
- where a scalar attribute (date, location, name, title, ordinal, …) is given as a list, any
  one of its values is accepted; `null` stands for "the text does not say";
- list-valued fields (`parties`, `aliases`, `bodies`) compare as sets; a list of lists is a
  list of alternatives;
- `signatories` match one to one, each gold signatory by its own attributes, with no extra
  signatory predicted.

Within one document and one event type, gold items and predictions are paired by a maximum
matching, so one prediction never satisfies two gold items. Predictions of a scored type left
unpaired are false positives; gold items left unpaired are misses.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ctevents.events import FACT_TYPE_ORDER

# The gold files annotate every fact type but these (see seeds-gold.json's conventions).
UNANNOTATED_TYPES = frozenset({"AttackReferenced", "MultilateralForumCited", "TopicDiscussed"})
SCORED_TYPES: tuple[str, ...] = tuple(t for t in FACT_TYPE_ORDER if t not in UNANNOTATED_TYPES)

SET_FIELDS = frozenset({"parties", "aliases", "bodies"})
# Attributes of a prediction that say where or by what a fact was read, not what it is.
PROVENANCE_FIELDS = frozenset({"evidence", "extractor_version"})

_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`´ʼʻ′"), None)
_CONTAINS = "_contains"


def normalize(value: object) -> str:
    """Case-folded, accent-free, apostrophe-free text with single spaces."""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_APOSTROPHES).casefold()
    return " ".join(text.split())


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def scalar_matches(gold: object, predicted: object) -> bool:
    if gold is None or predicted is None or _is_empty(predicted):
        return gold is None and _is_empty(predicted)
    return normalize(gold) == normalize(predicted)


def _flatten(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Mapping):
        return " | ".join(_flatten(v) for v in value.values())
    if isinstance(value, list | tuple):
        return " | ".join(_flatten(v) for v in value)
    return str(value)


def _set_matches(gold: Sequence[object], predicted: object) -> bool:
    if isinstance(predicted, str) or not isinstance(predicted, Iterable):
        predicted = [] if predicted is None else [predicted]
    return {normalize(g) for g in gold} == {normalize(p) for p in predicted}


def _signatories_match(gold: Sequence[Mapping[str, Any]], predicted: object) -> bool:
    if not isinstance(predicted, list | tuple) or len(predicted) != len(gold):
        return False
    return len(pair_items(gold, predicted)) == len(gold)


def attribute_matches(key: str, gold: object, predicted: Mapping[str, Any]) -> bool:
    """Whether one gold attribute (`key: gold`) holds of a predicted payload."""
    if key.endswith(_CONTAINS):
        text = normalize(_flatten(predicted.get(key[: -len(_CONTAINS)])))
        phrases = gold if isinstance(gold, list) else [gold]
        if phrases and all(isinstance(p, list) for p in phrases):
            # readings given as alternatives: any one of them, each phrase of it, is accepted
            return any(all(normalize(p) in text for p in reading) for reading in phrases)
        return all(normalize(phrase) in text for phrase in phrases)
    value = predicted.get(key)
    if key == "signatories":
        return _signatories_match(gold or [], value)  # type: ignore[arg-type]
    if key in SET_FIELDS:
        gold = gold or []
        if gold and all(isinstance(g, list) for g in gold):  # alternatives
            return any(_set_matches(g, value) for g in gold)
        return _set_matches(gold, value)  # type: ignore[arg-type]
    if isinstance(gold, list):
        return any(scalar_matches(g, value) for g in gold)
    return scalar_matches(gold, value)


def item_matches(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    return all(attribute_matches(k, v, predicted) for k, v in gold.items())


def mismatched_attributes(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> list[str]:
    return [k for k, v in gold.items() if not attribute_matches(k, v, predicted)]


def maximum_matching(
    n_gold: int, n_pred: int, compatible: Callable[[int, int], bool]
) -> dict[int, int]:
    """A maximum bipartite matching, gold index -> prediction index (augmenting paths)."""
    edges = [[p for p in range(n_pred) if compatible(g, p)] for g in range(n_gold)]
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(n_gold):
        augment(g, set())
    return {g: p for p, g in owner.items()}


def pair_items(
    gold_items: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]
) -> dict[int, int]:
    """The largest one-to-one pairing of gold items with predictions that match them."""
    return maximum_matching(
        len(gold_items), len(predicted), lambda g, p: item_matches(gold_items[g], predicted[p])
    )


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Miss:
    document: str
    type: str
    gold: dict[str, Any]
    # The closest unpaired prediction of the same type, and the gold attributes it fails.
    nearest: dict[str, Any] | None = None
    failing: list[str] = field(default_factory=list)


@dataclass
class FalsePositive:
    document: str
    type: str
    predicted: dict[str, Any]


@dataclass
class Score:
    per_type: dict[str, Counts]
    misses: list[Miss]
    false_positives: list[FalsePositive]

    @property
    def overall(self) -> Counts:
        total = Counts()
        for c in self.per_type.values():
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
        return total


def payload(event_data: Mapping[str, Any]) -> dict[str, Any]:
    """A predicted event's attributes without its provenance."""
    return {k: v for k, v in event_data.items() if k not in PROVENANCE_FIELDS}


def score(
    gold_documents: Mapping[str, Mapping[str, Any]],
    predictions: Mapping[str, Sequence[Mapping[str, Any]]],
    types: Sequence[str] = SCORED_TYPES,
) -> Score:
    """Score `predictions` ({document: [{"type", "data"}, …]}) against gold documents."""
    per_type = {t: Counts() for t in types}
    misses: list[Miss] = []
    fps: list[FalsePositive] = []
    for doc, gold in gold_documents.items():
        events = predictions.get(doc, [])
        for t in types:
            gold_items: list[dict[str, Any]] = list(gold.get(t, []))
            preds = [payload(e["data"]) for e in events if e.get("type") == t]
            pairs = pair_items(gold_items, preds)
            counts = per_type[t]
            counts.tp += len(pairs)
            used = set(pairs.values())
            spare = [p for i, p in enumerate(preds) if i not in used]
            for g, item in enumerate(gold_items):
                if g in pairs:
                    continue
                counts.fn += 1
                nearest = min(
                    spare, key=lambda p: len(mismatched_attributes(item, p)), default=None
                )
                failing = mismatched_attributes(item, nearest) if nearest is not None else []
                misses.append(Miss(doc, t, item, nearest, failing))
            for p in spare:
                counts.fp += 1
                fps.append(FalsePositive(doc, t, p))
    return Score(per_type, misses, fps)


def extractor_command() -> list[str]:
    script = Path(sys.executable).with_name("ctevents")
    if script.exists():
        return [str(script)]
    found = shutil.which("ctevents")
    if found:
        return [found]
    raise RuntimeError("the ctevents command is not installed")


def extract(path: Path, published_on: str | None = None) -> list[dict[str, Any]]:
    """Run `ctevents extract PATH --json` and parse its JSON lines."""
    cmd = [*extractor_command(), "extract", str(path), "--json"]
    if published_on:
        cmd += ["--published-on", published_on]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"ctevents extract {path} failed: {done.stderr.strip()}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def extract_all(folder: Path, documents: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    names = list(documents)
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
        results = pool.map(lambda name: extract(folder / name), names)
        return dict(zip(names, results, strict=True))


def _compact(item: Mapping[str, Any]) -> str:
    shown = {k: v for k, v in item.items() if k != "meeting_key"}
    return json.dumps(shown, ensure_ascii=False, sort_keys=True)


def report(result: Score, title: str = "extraction") -> str:
    lines = [f"{title}: precision / recall / F1 by type"]
    rows = [*result.per_type.items(), ("overall", result.overall)]
    for name, c in rows:
        lines.append(
            f"  {name:<22} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f}"
            f"  (tp={c.tp} fp={c.fp} fn={c.fn})"
        )
    lines.append(f"misses ({len(result.misses)}):")
    for m in result.misses:
        lines.append(f"  - {m.document} {m.type} gold={_compact(m.gold)}")
        if m.nearest is not None:
            lines.append(f"      nearest (fails {', '.join(m.failing)}): {_compact(m.nearest)}")
    lines.append(f"false positives ({len(result.false_positives)}):")
    for f in result.false_positives:
        lines.append(f"  - {f.document} {f.type} {_compact(f.predicted)}")
    return "\n".join(lines)


# The attributes that say which fact a gold item is; the rest say what is known about it.
IDENTITY: dict[str, tuple[str, ...]] = {
    "MeetingHeld": ("parties", "mechanism_contains"),
    "DelegationLed": ("name",),
    "CondemnationIssued": ("parties",),
    "MoUSigned": ("parties",),
    "NextMeetingScheduled": ("parties",),
    "TerroristEntityNamed": ("name",),
}


@dataclass
class AttributeCounts:
    right: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0


def attribute_accuracy(
    gold_documents: Mapping[str, Mapping[str, Any]],
    predictions: Mapping[str, Sequence[Mapping[str, Any]]],
    types: Sequence[str] = SCORED_TYPES,
) -> dict[str, AttributeCounts]:
    """Of the facts found (gold and prediction agree on the identity attributes), the share
    of the other gold attributes the prediction gets right, per type. Pairs are chosen to get
    as many attributes right as possible."""
    result = {t: AttributeCounts() for t in types}
    for doc, gold in gold_documents.items():
        events = predictions.get(doc, [])
        for t in types:
            items = list(gold.get(t, []))
            preds = [payload(e["data"]) for e in events if e.get("type") == t]
            ident = IDENTITY.get(t, ())

            def same_fact(g: int, p: int, items=items, preds=preds, ident=ident) -> bool:
                return all(
                    attribute_matches(k, items[g][k], preds[p]) for k in ident if k in items[g]
                )

            # Prefer exact matches, then any fact with the same identity.
            exact = pair_items(items, preds)
            used = set(exact.values())
            rest = [g for g in range(len(items)) if g not in exact]
            spare = [p for p in range(len(preds)) if p not in used]
            extra = maximum_matching(
                len(rest),
                len(spare),
                lambda i, j, rest=rest, spare=spare: same_fact(rest[i], spare[j]),
            )
            pairs = dict(exact)
            pairs.update({rest[i]: spare[j] for i, j in extra.items()})
            for g, p in pairs.items():
                for key, value in items[g].items():
                    if key in ident:
                        continue
                    result[t].total += 1
                    result[t].right += attribute_matches(key, value, preds[p])
    return result


def overall_accuracy(counts: Mapping[str, AttributeCounts]) -> AttributeCounts:
    total = AttributeCounts()
    for c in counts.values():
        total.right += c.right
        total.total += c.total
    return total


def load_folder(folder: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """A set of statements: `gold.json` (documents by file name) beside the texts, or one
    `NAME.json` of expected facts per `NAME.txt`. Returns (gold documents, texts)."""
    gold_path = folder / "gold.json"
    if gold_path.exists():
        documents = json.loads(gold_path.read_text(encoding="utf-8"))["documents"]
    else:
        documents = {
            p.with_suffix(".txt").name: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(folder.glob("*.json"))
        }
    texts = {name: (folder / name).read_text(encoding="utf-8") for name in documents}
    return documents, texts


def predict_in_process(
    documents: Mapping[str, Mapping[str, Any]], texts: Mapping[str, str]
) -> dict[str, list[dict[str, Any]]]:
    """Every document's facts from the library (no subprocess), as {"type", "data"} items;
    the publication date is the gold's `published_on`, else the text's leading date line."""
    from datetime import date

    from ctevents.documents import leading_date
    from ctevents.extract import extract as extract_facts

    found: dict[str, list[dict[str, Any]]] = {}
    for name, doc in documents.items():
        text = texts[name]
        declared = doc.get("published_on")
        published = date.fromisoformat(declared) if declared else leading_date(text)
        facts = extract_facts(text, source_id=name, published_on=published)
        found[name] = [{"type": f.type_name, "data": f.model_dump(mode="json")} for f in facts]
    return found


def invalid_spans(
    texts: Mapping[str, str], predictions: Mapping[str, Sequence[Mapping[str, Any]]]
) -> list[str]:
    """Evidence items whose offsets do not hold their quote."""
    bad = []
    for name, events in predictions.items():
        text = texts[name]
        for event in events:
            for ev in event["data"].get("evidence", []):
                if text[ev["start"] : ev["end"]] != ev["quote"]:
                    bad.append(f"{name} {event['type']} {ev}")
    return bad


def full_report(result: Score, accuracy: Mapping[str, AttributeCounts], title: str) -> str:
    lines = [report(result, title)]
    lines.append(f"{title}: attribute accuracy by type")
    for name, c in [*accuracy.items(), ("overall", overall_accuracy(accuracy))]:
        lines.append(f"  {name:<22} {c.accuracy:.3f} ({c.right}/{c.total})")
    return "\n".join(lines)
