"""The merge's shortcuts give what the plain rules give.

`contested_paths` descends only into parts whose JSON holds `"contested":true`; here it
is compared with a plain walk of every container, on generated rows. `merge_field`
answers a field every source agrees on without ranking; here its answer is checked
against the rules (value, corroboration, spellings, support) on generated claims.
"""

from __future__ import annotations

from typing import Any

from ctevents.projections.merge import Claim, contested_paths, merge_field
from ctevents.projections.names import normalise
from hypothesis import given
from hypothesis import strategies as st

NO_FIELDS = {"values", "supported_by", "spellings", "sources", "person_ids"}


def plain_walk(value: Any, path: str = "") -> list[str]:
    """Every merged field marked contested, visiting every container (the rule itself)."""
    found: list[str] = []
    if isinstance(value, dict):
        if value.get("contested") is True and "values" in value:
            found.append(path)
        prefix = f"{path}." if path else ""
        for name in sorted(value):
            if name not in NO_FIELDS and isinstance(value[name], dict | list):
                found += plain_walk(value[name], prefix + name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict | list):
                found += plain_walk(item, f"{path}.{index}")
    return found


def field(contested: bool) -> dict[str, Any]:
    values = [{"value": "a", "status": "contested" if contested else "chosen"}]
    return {"value": None if contested else "a", "contested": contested, "values": values}


names = st.sampled_from(["date", "leaders", "MV", "name", "title", "topics", "mous", "values"])
leaves = st.one_of(
    st.booleans().map(field),
    st.sampled_from([None, 1, "text", True]),
    # Looks like a field but is not one (no `values`), or hides inside a value's support.
    st.just({"contested": True}),
    st.just({"supported_by": [field(True)]}),
)
rows = st.recursive(
    leaves,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(names, inner, max_size=4)),
    max_leaves=30,
)


@given(rows)
def test_contested_paths_equal_a_plain_walk(row):
    assert contested_paths(row) == plain_walk(row)


sources = st.sampled_from(["s1", "s2", "s3"])
spellings = st.sampled_from(["Ahmed Lathee", "ahmed lathee", "AHMED  LATHEE", "Ahmed-Lathee"])
claims = st.lists(
    st.builds(
        Claim,
        spellings,
        sources,
        st.lists(st.sampled_from(["span1", "span2", "span3"]), max_size=2),
        st.integers(min_value=1, max_value=9),
    ),
    min_size=1,
    max_size=8,
)


@given(claims)
def test_a_field_every_source_agrees_on(found):
    assert len({normalise(c.value) for c in found}) == 1  # one normal form: no contest
    merged = merge_field(found)
    assert not merged["contested"]
    (value,) = merged["values"]
    every = sorted({c.source_id for c in found})
    assert merged["corroboration"] == value["corroboration"] == len(every)
    assert [s["source_id"] for s in value["supported_by"]] == every
    for support in value["supported_by"]:
        spans = {e for c in found if c.source_id == support["source_id"] for e in c.evidence}
        assert support["spans"] == sorted(spans)
    # The spelling most sources use, the first recorded on a tie.
    uses: dict[str, tuple[int, int]] = {}
    for c in found:
        count = len({d.source_id for d in found if d.value == c.value})
        first = min(d.position for d in found if d.value == c.value)
        uses[c.value] = (-count, first)
    assert merged["value"] == value["value"] == min(uses, key=lambda v: uses[v])
    if len(uses) > 1:
        assert [s["value"] for s in value["spellings"]] == sorted(uses, key=lambda v: uses[v])
    else:
        assert "spellings" not in value
