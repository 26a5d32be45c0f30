"""How a replay's models are split between two fold processes (`replay.processes.split`)."""

from __future__ import annotations

from ctevents.projections.catalog import MODELS
from ctevents.replay.processes import split


def test_shares_are_about_equal_and_keep_the_models_order() -> None:
    mine, theirs = split(list(MODELS), lambda m: len(m.handlers))
    assert sorted(m.name for m in mine + theirs) == sorted(m.name for m in MODELS)
    weights = [sum(len(m.handlers) for m in share) for share in (mine, theirs)]
    heaviest = max(len(m.handlers) for m in MODELS)
    assert abs(weights[0] - weights[1]) <= heaviest
    for share in (mine, theirs):
        assert share == [m for m in MODELS if m in share]


def test_one_model_leaves_the_second_share_empty() -> None:
    assert split([1], lambda n: n) == ([1], [])
