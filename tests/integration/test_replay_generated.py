"""Replay equals the engine on a generated log (`tests.support.generated_corpus`), in one
process or two, and the read models stay within their storage budget."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterable, Sequence
from contextlib import closing
from typing import Any

import pytest
from ctevents.projections import dialogues, meetings, people, sources
from ctevents.projections.catalog import MODELS
from ctevents.projections.digest import digest
from ctevents.projections.engine import ProjectionEngine
from ctevents.projections.model import Contribution, ReadModel
from ctevents.projections.storage import log_bytes, read_model_bytes
from ctevents.projections.stored import unpack
from ctevents.projections.views import CONTRIBUTIONS, ViewStore, open_views
from ctevents.replay import processes as fold_processes
from ctevents.replay.rebuild import rebuild

from ctevents.events import MeetingHeld
from ctevents.store import Store
from tests.support.generated_corpus import generate

STATEMENTS = 5000
# Read models at most this many times the log's size (docs/read-models.md has the figures).
STORAGE_RATIO = 1.5


def test_replay_equals_the_engine_on_a_generated_log(store_url: str) -> None:
    with Store(store_url) as store, closing(open_views(store.location)) as views:
        head = generate(store, 3000)
        # Small batches: the incremental model is built across many batch boundaries.
        incremental = _folded_live(store, views, MODELS, batch_size=97)
        results = rebuild(store, views, MODELS)
        assert _digests(results) == incremental
        assert {m.name: digest(views, m) for m in MODELS} == incremental
        assert all(r.position == head and not r.fell_back for r in results)
        # A second replay of the same log gives the same digests.
        assert _digests(rebuild(store, views, MODELS)) == incremental


def test_live_equals_replay_on_5000_statements_and_storage_fits(store_url: str) -> None:
    """≥ 5,000 statements (~63,000 events): the engine's digests are replay's; storage ≤ 1.5×.

    Storage is measured after the replay, whose tables hold no dead versions of rows
    (PostgreSQL keeps those of the engine's upserts until a vacuum).
    """
    with Store(store_url) as store, closing(open_views(store.location)) as views:
        head = generate(store, 0, statements=STATEMENTS)
        # Batches of 4,000: the live models are built across 16 batch boundaries, and
        # the test's run time stays bounded (each batch rebuilds every touched row).
        live = _folded_live(store, views, MODELS, batch_size=4000)
        results = rebuild(store, views, MODELS)
        assert _digests(results) == live
        assert all(r.position == head and not r.fell_back for r in results)
        ratio = read_model_bytes(views, MODELS) / log_bytes(store)
        assert ratio <= STORAGE_RATIO, f"read models are {ratio:.2f}× the log"


def test_two_fold_processes_build_what_one_does(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`processes=2`: the models split between this process and a forked one (SQLite; on
    PostgreSQL its pool's threads keep the pass in one process), the same digests."""
    monkeypatch.setattr(fold_processes, "FORK_FROM", 0)  # a short log, to keep the test quick
    with Store(store_url) as store, closing(open_views(store.location)) as views:
        head = generate(store, 3000)
        live = _folded_live(store, views, MODELS, batch_size=500)
        forks = store.kind == "sqlite" and threading.active_count() == 1
        assert fold_processes.can_fork(2, head, 2) == forks
        results = rebuild(store, views, MODELS, processes=2)
        assert _digests(results) == live
        assert all(r.position == head and not r.fell_back for r in results)


@pytest.mark.parametrize("processes", [1, 2])
def test_a_model_whose_handler_fails_falls_back_to_the_engine_alone(
    store_url: str, processes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A handler that raises on one event sends its model through the engine (which skips
    that event, as the live engine did); the other models are folded by the pass as ever."""
    monkeypatch.setattr(fold_processes, "FORK_FROM", 0)
    with Store(store_url) as store:
        head = generate(store, 3000)
        held = [p for p, _, topic, _ in store.stored_rows(0, head, head) if "MeetingHeld" in topic]
        bad = held[len(held) // 2]

        def meeting_held(source: Any, event: MeetingHeld, position: int) -> None:
            if position == bad:
                raise ValueError("unreadable meeting")
            dialogues.meeting_held(source, event, position)

        broken = dataclasses.replace(
            dialogues.MODEL, handlers={**dialogues.MODEL.handlers, MeetingHeld: meeting_held}
        )
        models = [meetings.MODEL, broken, people.MODEL, sources.MODEL]
        with closing(open_views(store.location)) as views:
            live = _folded_live(store, views, models, batch_size=1000)
            results = rebuild(store, views, models, processes=processes)
            assert _digests(results) == live
            assert {r.projection for r in results if r.fell_back} == {"dialogues"}


def test_sources_keep_each_contribution_once_in_its_row(store_url: str) -> None:
    """The sources model stores no contributions (live or replayed): each row gives back the
    contribution it was built from, and that builds the same row again."""
    with Store(store_url) as store, closing(open_views(store.location)) as views:
        generate(store, 3000)
        ProjectionEngine(store, views, [sources.MODEL], batch_size=300).catch_up()
        assert _count(views, views.table(sources.MODEL, CONTRIBUTIONS)) == 0
        rows = _stored_rows(views, views.table(sources.MODEL))
        assert rows and any(r["retracted"] for r in rows) and any(r["superseded"] for r in rows)
        for row in rows:
            key = row["source_id"]
            doc = sources.contribution_of_row(key, row)
            assert sources.build(key, [Contribution(key, doc)]) == row
        rebuild(store, views, [sources.MODEL])
        assert _count(views, views.table(sources.MODEL, CONTRIBUTIONS)) == 0


def _folded_live(
    store: Store, views: ViewStore, models: Sequence[ReadModel], batch_size: int
) -> dict[str, str]:
    """The models folded by the live engine in batches of `batch_size`: their digests."""
    ProjectionEngine(store, views, models, batch_size=batch_size).catch_up()
    return {m.name: digest(views, m) for m in models}


def _digests(results: Iterable[Any]) -> dict[str, str]:
    """A replay's digests by model."""
    return {r.projection: r.digest for r in results}


def _count(views: ViewStore, table: str) -> int:
    with views.transaction(commit=False) as cursor:
        cursor.execute(f"SELECT COUNT(*) AS n FROM {table}")
        return int(cursor.fetchone()["n"])


def _stored_rows(views: ViewStore, table: str) -> list[dict]:
    with views.transaction(commit=False) as cursor:
        cursor.execute(f"SELECT row FROM {table} ORDER BY key")
        return [unpack(r["row"]) for r in cursor.fetchall()]
