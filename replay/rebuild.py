"""A full rebuild: fresh generation, fast pass over the log, tail by the engine, swap, digest.

1. Under the replay lock, drop what a killed replay left, register one new generation
   per model and create its tables beside the live ones.
2. Fast pass: read the log once in pages of `PAGE` events (`Store.stored_rows`),
   decode each page once for every model (`codec.EventDecoder`, as the engine does),
   fold it with the kernel (`projections.fold`) into one working set per model that
   lives for the whole pass (its tables are new: nothing to load), then store the
   evidence spans once and bulk-insert each model's rows, each built exactly once.
   A model whose fold fails falls back to the engine from 0.
3. Tail: the batched engine folds what was appended meanwhile into the generation.
4. Swap (`swap`): when the generation is as far as the log and the live model, it
   becomes the live model in one transaction; the retired tables are dropped.

`build` is steps 1–3, shared with snapshots (which stop at a position, never swap).
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ctevents.projections.digest import digest
from ctevents.projections.engine import ProjectionEngine, gc_paused
from ctevents.projections.evidence import SpanIds
from ctevents.projections.fold import FoldError, WorkingSet, fold_page, write_all, write_spans
from ctevents.projections.model import ReadModel
from ctevents.projections.views import ViewStore, open_views
from ctevents.replay.generations import (
    REBUILD,
    RETIRED,
    clean_abandoned,
    drop,
    ensure_registry,
    listed,
    new_prefix,
    register,
    replay_lock,
)
from ctevents.replay.swap import Behind, swap_in

from ctevents.codec import EventDecoder
from ctevents.store import Store

log = logging.getLogger(__name__)

PAGE = 10_000  # events per read of the log in the fast pass
SWAP_ATTEMPTS = 20  # catch-up-then-swap rounds before swapping without the head check

# (position reached, position aimed at): called after each page of the fast pass.
ReplayProgress = Callable[[int, int], None]


class ReplayStopped(Exception):
    """The replay was asked to stop; its generation was dropped, the live model untouched."""


@dataclass(frozen=True)
class ReplayResult:
    projection: str
    events_replayed: int  # events read from the log to build it (fast pass and tail)
    seconds: float
    digest: str
    position: int  # the model's tracking position as built
    snapshot: str | None = None
    fell_back: bool = False  # a fold error sent it through the engine instead

    @property
    def events_per_second(self) -> float:
        return self.events_replayed / self.seconds if self.seconds > 0 else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "projection": self.projection,
            "events_replayed": self.events_replayed,
            "seconds": round(self.seconds, 3),
            "events_per_second": round(self.events_per_second, 1),
            "digest": self.digest,
        }


@dataclass
class Built:
    """A model's generation, built up to the tail."""

    model: ReadModel
    prefix: str
    views: ViewStore
    events: int
    fell_back: bool


def build_generations(
    store: Store,
    live: ViewStore,
    models: Sequence[ReadModel],
    kind: str,
    *,
    until: int | None = None,
    name: str | None = None,
    progress: ReplayProgress | None = None,
    stop: threading.Event | None = None,
) -> list[Built]:
    """Steps 1–3 (see the module doc); call with the replay lock held."""
    generations: list[Built] = []
    try:
        for model in models:
            prefix = new_prefix(kind)
            # Registered before any table exists: a kill from here on leaves a row to clean.
            with live.transaction(commit=True) as cursor:
                register(live, cursor, prefix, model, kind, name=name, until=until)
            views = open_views(store.location, prefix=prefix)
            generations.append(Built(model, prefix, views, 0, False))
            views.ensure([model])
        read = _fast_pass(store, generations, until, progress, stop)
        for built in generations:
            engine = ProjectionEngine(store, built.views, [built.model])
            built.events = (0 if built.fell_back else read) + engine.catch_up(until)
        return generations
    except BaseException:
        for built in generations:
            _discard(live, built)
        raise


def _fast_pass(
    store: Store,
    generations: list[Built],
    until: int | None,
    progress: ReplayProgress | None,
    stop: threading.Event | None,
) -> int:
    span_ids = SpanIds()  # one for every model: each span is named and written once
    folds = {b.model.name: WorkingSet(b.model, span_ids) for b in generations}
    decoder = EventDecoder(store.mapper, {cls for b in generations for cls in b.model.handlers})
    target = store.head() if until is None else min(until, store.head())
    after = read = 0
    try:
        while after < target:
            if stop is not None and stop.is_set():
                raise ReplayStopped("stopped before the end of the log")
            with gc_paused():
                rows = store.stored_rows(after, PAGE, target)
                if not rows:
                    break
                page = decoder.decode(rows, after)
                for name, fold in list(folds.items()):
                    try:
                        fold_page(fold, page)
                    except FoldError as failure:
                        log.warning("%s: %s; rebuilding it with the engine instead", name, failure)
                        del folds[name]
                # The working set (every source's documents) lives until the end of
                # the pass, and the cyclic garbage collector would rescan all of it at
                # each of its older-generation collections: ~40% of the pass, measured.
                # Freezing moves what exists now out of its sight; new garbage is still
                # collected (a server's too, when a replay runs inside `serve`), and
                # `unfreeze` hands everything back at the end. Frozen before the pause
                # ends: after it, the collector would first scan the page's objects as
                # young ones (~3% of the pass).
                gc.freeze()
            after, read = page.end, read + page.read
            if progress is not None:
                progress(after, target)
        if generations:
            write_spans(generations[0].views, span_ids.take())
        for built in generations:
            fold = folds.get(built.model.name)
            if fold is None:
                built.fell_back = True  # its tables are still empty: the engine starts from 0
                continue
            try:
                with gc_paused():
                    write_all(built.views, fold)
                    fold.release()  # freed now, by reference counts, not by the collector
            except FoldError as failure:
                log.warning(
                    "%s: %s; rebuilding it with the engine instead", built.model.name, failure
                )
                built.fell_back = True
    finally:
        for fold in folds.values():
            fold.release()
        gc.unfreeze()
    return read


def _discard(live: ViewStore, built: Built) -> None:
    built.views.close()
    for generation in listed(live, prefix=built.prefix):
        drop(live, generation)


def rebuild(
    store: Store,
    live: ViewStore,
    models: Sequence[ReadModel],
    *,
    progress: ReplayProgress | None = None,
    stop: threading.Event | None = None,
    lock_timeout: float = 10.0,
) -> list[ReplayResult]:
    """Rebuilds the models beside the live ones and swaps each in (see the module doc)."""
    started = time.perf_counter()
    ensure_registry(live)
    live.ensure(models)  # the live tables must exist to be swapped out
    with replay_lock(store.location, lock_timeout):
        clean_abandoned(live)
        generations = build_generations(store, live, models, REBUILD, progress=progress, stop=stop)
        results = []
        try:
            for built in generations:
                position, found = _swap_when_caught_up(store, live, built)
                results.append(
                    ReplayResult(
                        built.model.name,
                        built.events,
                        time.perf_counter() - started,
                        found,
                        position,
                        fell_back=built.fell_back,
                    )
                )
        finally:
            for built in generations:
                built.views.close()
            # Retired tables go in transactions of their own, after the swaps: a reader
            # mid-query on them finishes first. Generations not swapped in (an error
            # above) are dropped by the next replay's clean-up.
            for generation in listed(live, kind=RETIRED):
                drop(live, generation)
    return results


def _swap_when_caught_up(store: Store, live: ViewStore, built: Built) -> tuple[int, str]:
    engine = ProjectionEngine(store, built.views, [built.model])
    for attempt in range(SWAP_ATTEMPTS):
        built.events += engine.catch_up()
        found = digest(built.views, built.model)
        try:
            _, position = swap_in(
                live, store, built.prefix, built.model, require_head=attempt < SWAP_ATTEMPTS - 1
            )
        except Behind as behind:
            log.info("not swapping yet: %s", behind)
            continue
        return position, found
    raise RuntimeError(
        f"{built.model.name}: the live model kept ahead of the rebuild; run the replay again"
    )
