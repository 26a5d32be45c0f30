"""The batched projection runner: read a page of the log, fold it, commit rows and position once.

eventsourcing's stock `ProjectionRunner` commits once per event (about 1,500 events/s
on SQLite). Here a page of up to `batch_size` events is folded into each model inside
one transaction that also records the model's tracking position with
`_insert_tracking`: a crash before the commit leaves nothing, a crash after it leaves
the whole page, and a second worker racing on the same page gets IntegrityError
instead of applying it twice. Models at the same position share one read of the log.

An event whose fold raises is recorded as a failure (see `failures`) in a transaction
of its own that moves the position past it; the events around it are folded as usual.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from eventsourcing.persistence import IntegrityError

from ctevents.codec import Recorded
from ctevents.store import Store
from projections.failures import record_failure
from projections.fold import BatchFold, FoldError
from projections.following import follow
from projections.leadership import Leadership
from projections.lifecycle import accepts
from projections.model import ReadModel
from projections.views import ViewStore

log = logging.getLogger(__name__)

Page = Sequence[tuple[int, Recorded]]
# (model name, changed rows in position order, the position committed with them)
Listener = Callable[[str, list[dict[str, Any]], int], None]

DEFAULT_BATCH = 2000


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a batch is folded and flushed.

    A batch allocates hundreds of thousands of objects that mostly live until its end
    (contributions, claims, rows); the collector kept rescanning them as they aged
    through its generations, a third of a batch's time, measured. The pause lasts one
    batch; garbage made meanwhile (this thread's or another's) is collected after it.
    If the collector was already off (another thread's pause), it is left as found.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


class ProjectionEngine:
    """Keeps read models up to date with the log, in batches, exactly once."""

    def __init__(
        self,
        store: Store,
        views: ViewStore,
        models: Sequence[ReadModel],
        *,
        batch_size: int = DEFAULT_BATCH,
    ) -> None:
        self.store = store
        self.views = views
        self.models = list(models)
        self.batch_size = batch_size
        self._listeners: list[Listener] = []
        self._advanced = threading.Condition()
        views.ensure(self.models)
        self.positions = {m.name: views.position(m) for m in self.models}

    # --- listeners and waiting ----------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        """Called after each committed batch (in the engine's thread): keep it quick."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def wait_for(self, position: int, timeout: float, models: Sequence[str] = ()) -> bool:
        """Blocks until the models (all by default) have folded `position`, or times out."""
        names = list(models) or [m.name for m in self.models]
        with self._advanced:
            return self._advanced.wait_for(
                lambda: all(self.positions[n] >= position for n in names), timeout
            )

    # --- running --------------------------------------------------------------------

    def catch_up(self, until: int | None = None) -> int:
        """Folds until every model reaches the head (or `until`); returns events folded."""
        total = 0
        while folded := self.step(until):
            total += folded
        return total

    def step(self, until: int | None = None) -> int:
        """One page for each model that is behind; returns the events read."""
        by_position: dict[int, list[ReadModel]] = {}
        for model in self.models:
            by_position.setdefault(self.views.position(model), []).append(model)
        read = 0
        for after, models in sorted(by_position.items()):
            if until is not None and after >= until:
                continue
            page = self.store.recorded(after=after, limit=self.batch_size, until=until)
            read += len(page)
            for model in models:
                self._fold(model, page)
        return read

    def run_forever(self, stop: threading.Event, idle: float = 0.1) -> None:
        """Follows the log until `stop` is set; database errors are logged and retried."""
        names = ",".join(sorted(m.name for m in self.models))
        with Leadership(self.store.location, f"read models {names}") as leadership:
            follow(leadership.gate(self.step), stop, idle=idle, what="projection")

    # --- one model, one page ----------------------------------------------------------

    def _fold(self, model: ReadModel, page: Page) -> None:
        if not page:
            return
        try:
            changes = self._commit(model, page)
        except FoldError as failure:
            index = next(i for i, (p, _) in enumerate(page) if p == failure.position)
            self._fold(model, page[:index])
            self._record_failure(model, failure)
            self._fold(model, page[index + 1 :])
            return
        except IntegrityError:
            # Another worker committed this page first: exactly once, so nothing to do.
            log.info("%s: page after %d already folded elsewhere", model.name, page[0][0] - 1)
            self._advance(model, self.views.position(model), [])
            return
        self._advance(model, page[-1][0], changes)

    def _commit(self, model: ReadModel, page: Page) -> list[dict[str, Any]]:
        handlers = model.handlers
        with gc_paused(), self.views.transaction(commit=True) as cursor:
            # The page was read after the position seen outside this transaction; a
            # replay may have swapped in a generation that is further on since then
            # (issue 6). Fold only what the tables in hand have not folded yet.
            folded = self.views.claim_position(cursor, model)
            page = [(p, r) for p, r in page if p > folded]
            if not page:
                return []
            batch = BatchFold(model, self.views, cursor)
            batch.load_sources({r.stream for _, r in page if type(r.event) in handlers})
            for position, recorded in page:
                handler = handlers.get(type(recorded.event))
                if handler is None:
                    continue
                source = batch.source(recorded.stream)
                if not accepts(source, recorded.event):
                    continue
                try:
                    handler(source, recorded.event, position)
                except Exception as exc:
                    raise FoldError(position, exc) from exc
            changes = batch.flush()
            self.views.record_position(cursor, model, page[-1][0])
        return changes

    def _record_failure(self, model: ReadModel, failure: FoldError) -> None:
        log.error("%s could not fold position %d: %s", model.name, failure.position, failure)
        with self.views.transaction(commit=True) as cursor:
            record_failure(self.views, cursor, model.name, failure.position, str(failure))
            self.views.record_position(cursor, model, failure.position)
        self._advance(model, failure.position, [])

    def _advance(self, model: ReadModel, position: int, changes: list[dict[str, Any]]) -> None:
        with self._advanced:
            self.positions[model.name] = max(self.positions[model.name], position)
            self._advanced.notify_all()
        for listener in list(self._listeners):
            try:
                listener(model.name, changes, position)
            except Exception:
                log.exception("projection listener failed")
