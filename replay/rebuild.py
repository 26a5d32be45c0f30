"""A full rebuild: fresh generation, fast pass over the log, tail by the engine, swap, digest.

1. Under the replay lock, drop what a killed replay left, register one new generation
   per model and create its tables beside the live ones.
2. Fast pass: read the log once in pages of `PAGE` events (`Store.stored_rows`),
   decode each page once for every model (`codec.EventDecoder`, as the engine does),
   fold it with the kernel (`projections.fold`) into one working set per model that
   lives for the whole pass (its tables are new: nothing to load), then store the
   evidence spans once and bulk-insert each model's rows, each built exactly once.
   A model whose fold fails falls back to the engine from 0. Asked to, the models are
   split between this process and a forked one (`replay.processes`).
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
from ctevents.projections.fold import (
    FoldError,
    Prepared,
    WorkingSet,
    fold_pages,
    prepare_all,
    write_prepared,
    write_spans,
)
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
from ctevents.replay.processes import ForkedShare, ShareFailed, ShareResult, can_fork, split
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
    processes: int = 1,
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
        read = _fast_pass(store, generations, until, progress, stop, processes)
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
    processes: int,
) -> int:
    target = store.head() if until is None else min(until, store.head())
    mine, theirs = split(generations, _weight)
    if not can_fork(processes, target, len([share for share in (mine, theirs) if share])):
        mine, theirs = generations, []
    other = None
    if theirs:
        url, models = store.url, [b.model for b in theirs]
        other = ForkedShare(lambda: _forked_share(url, models, target))
    try:
        into = {b.model.name: b.views for b in mine}
        folded = _fold_share(store, [b.model for b in mine], target, progress, stop, into)
        their = other.result(stop) if other is not None else None
    except BaseException as failure:
        if other is not None:
            other.abandon()
        if isinstance(failure, ShareFailed) and stop is not None and stop.is_set():
            raise ReplayStopped("stopped before the end of the log") from failure
        raise
    fell_back, spans = set(folded.fell_back), folded.spans
    if their is not None:
        if their.read != folded.read:
            raise RuntimeError(f"the fold processes read {folded.read} and {their.read} events")
        fell_back.update(their.fell_back)
        for built in theirs:
            prepared = their.prepared.get(built.model.name)
            if prepared is not None:
                write_prepared(built.views, built.model, prepared)
        known = {span[0] for span in spans}
        spans += [span for span in their.spans if span[0] not in known]
    for built in generations:
        # A model that fell back has empty tables: the engine folds it from 0.
        built.fell_back = built.model.name in fell_back
    if generations:
        write_spans(generations[0].views, spans)
    return folded.read


def _weight(built: Built) -> int:
    """A model's share of a pass's work, roughly: the kinds of events it folds."""
    return len(built.model.handlers)


def _forked_share(url: str, models: list[ReadModel], target: int) -> ShareResult:
    """The second process's share, with its own connection to the log: folded, rows built,
    documents packed, handed back to be written (see `replay.processes`)."""
    with Store(url) as store:
        return _fold_share(store, models, target)


def _fold_share(
    store: Store,
    models: list[ReadModel],
    target: int,
    progress: ReplayProgress | None = None,
    stop: threading.Event | None = None,
    into: dict[str, ViewStore] | None = None,
) -> ShareResult:
    """Folds the log up to `target` into these models' working sets, then writes their
    tables (`into`: each model's generation) or prepares them for another process to
    write. The evidence spans they named are returned, to be written once for all."""
    span_ids = SpanIds()  # one for these models: each span is named once
    folds = {model.name: WorkingSet(model, span_ids) for model in models}
    decoder = EventDecoder(store.mapper, {cls for model in models for cls in model.handlers})
    fell_back: list[str] = []
    prepared: dict[str, Prepared] = {}
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
                for name, failure in fold_pages(list(folds.values()), page).items():
                    log.warning("%s: %s; rebuilding it with the engine instead", name, failure)
                    del folds[name]
                    fell_back.append(name)
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
        spans = span_ids.take()
        for model in models:
            fold = folds.get(model.name)
            if fold is None:
                continue
            try:
                with gc_paused():
                    ready = prepare_all(fold)
                    fold.release()  # freed now, by reference counts, not by the collector
                    if into is not None:
                        write_prepared(into[model.name], model, ready)
                    else:
                        prepared[model.name] = ready
            except FoldError as failure:
                log.warning("%s: %s; rebuilding it with the engine instead", model.name, failure)
                fell_back.append(model.name)
    finally:
        for fold in folds.values():
            fold.release()
        gc.unfreeze()
    return ShareResult(read, tuple(fell_back), spans, prepared)


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
    processes: int = 1,
) -> list[ReplayResult]:
    """Rebuilds the models beside the live ones and swaps each in (see the module doc);
    `processes=2` folds them in two processes where it can (`replay.processes`)."""
    started = time.perf_counter()
    ensure_registry(live)
    live.ensure(models)  # the live tables must exist to be swapped out
    with replay_lock(store.location, lock_timeout):
        clean_abandoned(live)
        generations = build_generations(
            store, live, models, REBUILD, progress=progress, stop=stop, processes=processes
        )
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
