"""How values asserted by several sources combine into one field.

A *claim* is one source asserting one value, with its evidence spans and log position.
Claims are grouped by a normal form (spelling variants are one value, their spellings
kept). Then:
- one group: the value, corroborated by every source asserting it;
- several groups where one is more precise than all others (a full date against a
  weekday-less partial `XXXX-07-24`, a year alone, or a null): the precise one is the
  value, not contested; the vaguer ones are listed as "less precise" and their sources
  count as corroborating (they agree as far as they say);
- otherwise the field is *contested*: `value` is null and every competing value is
  listed with its sources. Nothing is silently dropped.

A null value is not a claim: a source that does not say does not disagree.
All lists come out in a stable order, so rows are deterministic (for digests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, NamedTuple

import orjson
from ctevents.projections.model import Contribution
from ctevents.projections.names import normalise, person_key

Refines = Callable[[Any, Any], bool]


class Claim(NamedTuple):
    # A named tuple, not a frozen dataclass: rows build hundreds of thousands of claims
    # in a rebuild, and a tuple is several times cheaper to make.
    value: Any
    source_id: str
    evidence: Sequence[str]  # span ids (see `evidence`)
    position: int


def claim(value: Any, source_id: str, fact: dict[str, Any]) -> Claim:
    """A claim of `value` backed by a stored fact's evidence (span ids) and position."""
    # `tuple.__new__` directly: a named tuple's own `__new__` is one more Python call,
    # and rows make a claim for nearly every fact they merge.
    return _new_tuple(Claim, (value, source_id, fact.get("evidence", ()), fact.get("position", 0)))


_new_tuple = tuple.__new__


def supporting(contributions: Iterable[Contribution]) -> list[Contribution]:
    """The contributions that still count: a retracted source supports nothing."""
    return [c for c in contributions if not c.retracted]


def value_key(value: Any) -> str:
    """The normal form claims are grouped by."""
    if isinstance(value, str):
        return normalise(value)
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


# --- precision -------------------------------------------------------------------------


def _edtf_part_refines(precise: str, vague: str) -> bool:
    precise, vague = precise.rstrip("?~%"), vague.rstrip("?~%")
    if len(vague) > len(precise):
        return False
    if len(vague) < len(precise) and precise[len(vague)] != "-":
        return False  # only whole components: "2023" refines to "2023-07", not "20231"
    return all(v in ("X", p) for v, p in zip(vague, precise, strict=False))


def date_refines(precise: Any, vague: Any) -> bool:
    """Whether EDTF `precise` says all `vague` says and more (`2023-07-24` ⊐ `XXXX-07-24`)."""
    if not isinstance(precise, str) or not isinstance(vague, str) or precise == vague:
        return False
    precise_parts, vague_parts = precise.split("/"), vague.split("/")
    if len(vague_parts) == 1 and len(precise_parts) == 2:
        # A range refines a vague single date only if both ends do.
        return all(_edtf_part_refines(p, vague) for p in precise_parts)
    if len(precise_parts) != len(vague_parts):
        return False
    return all(_edtf_part_refines(p, v) for p, v in zip(precise_parts, vague_parts, strict=True))


def text_refines(precise: Any, vague: Any) -> bool:
    """Whether `vague`'s words appear, in order, inside the longer `precise`."""
    if not isinstance(precise, str) or not isinstance(vague, str):
        return False
    p, v = normalise(precise), normalise(vague)
    return p != v and f" {v} " in f" {p} "


# --- one field -----------------------------------------------------------------------------


class _Group:
    """The claims of one normal form: each spelling with its sources, every source's spans.

    Read (`value`, `sources`, `entry`) only once every claim is added: both properties
    are computed once and kept, as `merge_field` asks for them many times.
    """

    __slots__ = ("_sources", "_value", "evidence", "key", "spellings")

    def __init__(self, key: str) -> None:
        self.key = key
        # spelling → [value, its sources, first position]. A string is its own spelling
        # (its JSON is one-to-one with it); other values are spelled by their canonical
        # JSON, as bytes so that no spelling of a non-string equals a string.
        self.spellings: dict[Any, list[Any]] = {}
        self.evidence: dict[str, set[str]] = {}  # source → span ids
        self._value: Any = _UNSET
        self._sources: list[str] | None = None

    @property
    def value(self) -> Any:
        """The spelling most sources use; the one recorded first on a tie."""
        if self._value is _UNSET:
            spellings = self.spellings
            if len(spellings) == 1:  # nearly always: no need to rank
                self._value = next(iter(spellings.values()))[0]
            else:
                self._value = min(spellings.values(), key=_by_use)[0]
        return self._value

    @property
    def sources(self) -> list[str]:
        if self._sources is None:
            self._sources = sorted(self.evidence)
        return self._sources

    def entry(self, status: str, corroboration: int) -> dict[str, Any]:
        evidence = self.evidence
        entry = {
            "value": self.value,
            "status": status,
            "corroboration": corroboration,
            "supported_by": [{"source_id": s, "spans": sorted(evidence[s])} for s in self.sources],
        }
        if len(self.spellings) > 1:
            entry["spellings"] = [
                {"value": value, "sources": sorted(sources)}
                for value, sources, _ in sorted(self.spellings.values(), key=_by_use)
            ]
        return entry


_UNSET: Any = object()
_SORT_KEYS = orjson.OPT_SORT_KEYS


def _by_use(spelling: list[Any]) -> tuple[int, int]:
    """Most sources first, then the first recorded."""
    return (-len(spelling[1]), spelling[2])


def supported_by(evidence: dict[str, set[str]]) -> list[dict[str, Any]]:
    """Each source with the ids of its spans (resolved to quotes only in the full view)."""
    return [
        {"source_id": source_id, "spans": sorted(evidence[source_id])}
        for source_id in sorted(evidence)
    ]


def support(found: Iterable[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """`supported_by` of (source, stored fact) pairs: every span of every fact."""
    spans: dict[str, set[str]] = {}
    for source_id, f in found:
        spans.setdefault(source_id, set()).update(f.get("evidence", ()))
    return supported_by(spans)


def _groups(claims: Iterable[Claim], key: Callable[[Any], str]) -> list[_Group]:
    # The hottest loop of a rebuild (every claim of every row): `_Group.add` inlined, and
    # a non-string value dumped to JSON once for both its normal form and its spelling.
    groups: dict[str, _Group] = {}
    by_value = key is value_key
    for value, source_id, spans, position in claims:
        if type(value) is str:
            if not value:
                continue
            k = normalise(value) if by_value else key(value)
            spelling: Any = value
        else:
            if value is None or value == []:
                continue
            spelling = _dumps(value, option=_SORT_KEYS)
            k = spelling.decode() if by_value else key(value)
        group = groups.get(k)
        if group is None:
            group = groups[k] = _Group(k)
            group.spellings[spelling] = [value, {source_id}, position]
            group.evidence[source_id] = set(spans)
            continue
        found = group.spellings.get(spelling)
        if found is None:
            group.spellings[spelling] = [value, {source_id}, position]
        else:
            found[1].add(source_id)
            if position < found[2]:
                found[2] = position
        evidence = group.evidence.get(source_id)
        if evidence is None:
            group.evidence[source_id] = set(spans)
        else:
            evidence.update(spans)
    if len(groups) == 1:
        return list(groups.values())
    return [groups[k] for k in sorted(groups)]


_dumps = orjson.dumps


EMPTY_FIELD: dict[str, Any] = {"value": None, "contested": False, "corroboration": 0, "values": []}


def merge_field(
    claims: Iterable[Claim],
    *,
    refines: Refines | None = None,
    key: Callable[[Any], str] = value_key,
) -> dict[str, Any]:
    """One field from every source's claim: value, contested, corroboration, values."""
    groups = _groups(claims, key)
    if not groups:
        return dict(EMPTY_FIELD)
    if len(groups) == 1:  # most fields: every source agrees (perhaps in other spellings)
        only = groups[0]
        agreeing = len(only.evidence)
        return {
            "value": only.value,
            "contested": False,
            "corroboration": agreeing,
            "values": [only.entry("chosen", agreeing)],
        }

    if refines is None:
        maximal, rest = groups, []
    else:
        maximal, rest = [], []
        for g in groups:
            refined = any(refines(h.value, g.value) for h in groups if h is not g)
            (rest if refined else maximal).append(g)

    def by_support(g: _Group) -> tuple[int, str]:
        return (-len(g.sources), g.key)

    if len(maximal) == 1:
        chosen = maximal[0]
        agreeing = len({s for g in groups for s in g.sources})
        values = [chosen.entry("chosen", agreeing)]
        values += [g.entry("less precise", len(g.sources)) for g in sorted(rest, key=by_support)]
        return {
            "value": chosen.value,
            "contested": False,
            "corroboration": agreeing,
            "values": values,
        }
    values = [g.entry("contested", len(g.sources)) for g in sorted(maximal, key=by_support)]
    values += [g.entry("less precise", len(g.sources)) for g in sorted(rest, key=by_support)]
    return {"value": None, "contested": True, "corroboration": 0, "values": values}


# --- collections -----------------------------------------------------------------------------


def merge_items(claims: Iterable[Claim], identity: Callable[[Any], str]) -> list[dict[str, Any]]:
    """A union of items (topics, entities, …): each once, with every source asserting it."""
    found = []
    for g in _groups(claims, identity):
        evidence = g.evidence
        found.append(
            {
                "value": g.value,
                "corroboration": len(evidence),
                "supported_by": [{"source_id": s, "spans": sorted(evidence[s])} for s in g.sources],
            }
        )
    return found


def sources_of(claims: Iterable[Claim]) -> list[str]:
    return sorted({c.source_id for c in claims})


# --- people on one side ---------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)  # the same pairs of names recur on many meetings' sides
def _similar(a: str, b: str) -> bool:
    matcher = SequenceMatcher(None, a, b)
    # The cheap upper bounds first: most pairs of names are nowhere near alike.
    return (
        matcher.real_quick_ratio() >= 0.85
        and matcher.quick_ratio() >= 0.85
        and (matcher.ratio() >= 0.85)
    )


def alike_names(sources: dict[str, set[str]]) -> dict[str, str]:
    """Which person keys of one side are one person: key → a key naming its cluster.

    `sources` gives the sources naming each key on the side. Two keys are one person
    when they are alike and no single source names both, cluster against cluster: a
    source naming two people means two people. Used by the meetings' leaders and by
    the people model, so that both merge alike.
    """
    names = sorted(sources)
    cluster = {n: n for n in names}

    def root(n: str) -> str:
        while cluster[n] != n:
            n = cluster[n]
        return n

    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            ra, rb = root(a), root(b)
            if ra == rb or not _similar(a, b):
                continue
            sources_a = {s for n in names if root(n) == ra for s in sources[n]}
            sources_b = {s for n in names if root(n) == rb for s in sources[n]}
            if not sources_a & sources_b:
                cluster[rb] = ra
    return {n: root(n) for n in names}


def merge_people(claims: list[Claim]) -> list[dict[str, Any]]:
    """Leaders (or signatories) of one side: one entry per person, spellings contested.

    Claims' values are `{"name", "title"}`. Two differently spelled names are taken for
    one person, whose name is then contested, when they are alike (Lathee / Latheef) and
    no single source names both: a source naming two people means two people.
    """
    by_name: dict[str, list[Claim]] = {}
    for c in claims:
        by_name.setdefault(person_key(c.value["name"]), []).append(c)
    names = sorted(by_name)
    root = alike_names({n: {c.source_id for c in by_name[n]} for n in names})
    people: dict[str, list[Claim]] = {}
    for n in names:
        people.setdefault(root[n], []).extend(by_name[n])
    merged = []
    for members in people.values():
        name = merge_field(
            [Claim(c.value["name"], c.source_id, c.evidence, c.position) for c in members],
            key=person_key,
        )
        title = merge_field(
            [Claim(c.value.get("title"), c.source_id, c.evidence, c.position) for c in members],
            refines=text_refines,
        )
        person_ids = sorted({person_key(c.value["name"]) for c in members})
        merged.append({"person_ids": person_ids, "name": name, "title": title})
    merged.sort(key=lambda p: p["person_ids"])
    return merged


def contested_paths(value: Any, path: str = "") -> list[str]:
    """Where in a row a field is contested, e.g. `leaders.MV.0.name`."""
    found: list[str] = []
    if _CONTESTED in _dumps(value):
        _contested(value, path, found)
    return found


def _contested(value: Any, path: str, found: list[str]) -> None:
    # Only containers are descended into, never a value's support (most of a row), and
    # only those whose JSON says `"contested":true` somewhere: dumping a part (in C) is
    # far cheaper than walking it, and most parts of a row hold no contested field.
    if isinstance(value, dict):
        if value.get("contested") is True and "values" in value:
            found.append(path)
        inner = [
            name
            for name, child in value.items()
            if name not in _NO_FIELDS
            and isinstance(child, _CONTAINERS)
            and _CONTESTED in _dumps(child)
        ]
        if inner:
            inner.sort()
            prefix = f"{path}." if path else ""
            for name in inner:
                _contested(value[name], prefix + name, found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, _CONTAINERS) and _CONTESTED in _dumps(item):
                _contested(item, f"{path}.{index}", found)


# Parts of a row that hold no merged field: a field's values, a value's support.
_CONTESTED = b'"contested":true'
_NO_FIELDS = frozenset({"values", "supported_by", "spellings", "sources", "person_ids"})
_CONTAINERS = (dict, list)
