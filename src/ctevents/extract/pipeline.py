"""The extraction pipeline: read the text once, find the meetings, run every rule.

The rules (`rules.RULES`) each turn what the statement says into facts of one type. A rule
that raises loses only its own facts: the failure is logged with the source id and the other
rules still run. Only the rules know the event classes; this module orders their facts.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from ctevents.events import FACT_TYPE_ORDER, Evidence, Fact
from ctevents.extract import gazetteer, meetings, parties, wrapping
from ctevents.extract.context import Context
from ctevents.extract.keys import meeting_key
from ctevents.extract.reading import Reading, read
from ctevents.extract.rules import RULES, Rule

log = logging.getLogger("ctevents.extract")
_T = TypeVar("_T")

EXTRACTOR_VERSION = "1.61.0"

# Tie-break for facts whose first evidence starts at the same offset.
_TYPE_ORDER = {name: index for index, name in enumerate(FACT_TYPE_ORDER)}


def _ordered_parties(reading: Reading, pair: tuple[str, ...]) -> tuple[str, ...]:
    """The pair in the order the statement first names them (for "respective" lists)."""
    first: dict[str, int] = {}
    wanted = set(pair)
    for sentence in reading.sentences:
        if wanted.issubset(first):
            break  # later sentences cannot name either side first
        for mention in gazetteer.mentions(reading.text, sentence.start, sentence.end):
            first.setdefault(mention.code, mention.start)
    return tuple(sorted(pair, key=lambda code: first.get(code, 1 << 30)))


def _guarded(step: str, source_id: str, work: Callable[[], _T], fallback: _T) -> _T:
    """`work()`, or `fallback` when it raises: the failure is logged with the source id."""
    try:
        return work()
    except Exception:
        log.exception("extraction step %s failed on source %s", step, source_id)
        return fallback


def context_for(reading: Reading, source_id: str) -> Context:
    """What the rules share: the meetings held and to come, the sides, the leaders' meeting."""
    text = reading.text
    statement = _guarded(
        "statement-parties",
        source_id,
        lambda: parties.document_parties(text, list(reading.sentences)),
        (),
    )
    held = _guarded("meetings", source_id, lambda: meetings.find(reading, statement), [])
    primary = held[0] if held else None
    key = primary.key if primary else None
    sides = primary.parties if primary and primary.parties else statement
    upcoming = _guarded(
        "next-meetings",
        source_id,
        lambda: meetings.find_next(reading, held, tuple(sorted(sides))),
        [],
    )
    leaders_key = key
    if key is None and upcoming:
        # An announcement: the heads it names will lead the meeting to come.
        announced = upcoming[0]
        sides = announced.parties or sides
        leaders_key = meeting_key(
            tuple(announced.parties), announced.kind, announced.ordinal, announced.date, source_id
        )
    return Context(
        reading=reading,
        source_id=source_id,
        version=EXTRACTOR_VERSION,
        statement_parties=statement,
        held=held,
        upcoming=upcoming,
        key=key,
        leaders_key=leaders_key,
        sides=tuple(sides),
        # Delegations and MoUs both read the sides in the order the statement names them.
        ordered_sides=_ordered_parties(reading, tuple(sides)),
    )


def run(
    text: str, source_id: str, published_on: date | None, rules: Sequence[Rule] = RULES
) -> list[Fact]:
    # A hard-wrapped text is read with its line breaks inside sentences made spaces (the
    # offsets are the same); evidence then quotes the text as given.
    readable = wrapping.unwrap(text)
    reading = read(readable, source_id, published_on)
    ctx = context_for(reading, source_id)
    facts: list[Fact] = []
    for rule in rules:
        facts.extend(_guarded(rule.name, source_id, lambda rule=rule: rule.extract(ctx), []))
    if readable is not text:
        facts = _quoted_from(text, facts)
    return _in_order(facts)


def _quoted_from(text: str, facts: list[Fact]) -> list[Fact]:
    """The facts with every evidence quote taken from `text` (same offsets)."""
    made: dict[tuple[int, int], Evidence] = {}
    out: list[Fact] = []
    for fact in facts:
        items = []
        for item in fact.evidence:
            key = (item.start, item.end)
            if key not in made:
                made[key] = item.model_copy(update={"quote": text[item.start : item.end]})
            items.append(made[key])
        out.append(fact.model_copy(update={"evidence": tuple(items)}))
    return out


def _in_order(facts: list[Fact]) -> list[Fact]:
    """By first evidence offset, then type, then (for ties only) the payload's JSON, which
    is costly to render, so it is rendered only when two facts share offset and type."""
    keys = [(f.evidence[0].start, _TYPE_ORDER[f.type_name]) for f in facts]
    if len(set(keys)) == len(keys):
        # No two facts tie: offset and type order them all (the sort is stable).
        order = sorted(range(len(facts)), key=keys.__getitem__)
        return [facts[i] for i in order]
    shared = Counter(keys)
    # Only facts that share offset and type are compared by payload; the rest never are.
    ranked = sorted(
        (*key, fact.model_dump_json() if shared[key] > 1 else "", index)
        for index, (fact, key) in enumerate(zip(facts, keys, strict=True))
    )
    return [facts[entry[-1]] for entry in ranked]
