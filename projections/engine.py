"""The batched projection runner: read a page of the log, fold it, commit rows and position once.

eventsourcing's stock `ProjectionRunner` commits once per event (about 1,500 events/s
on SQLite). Here a page of up to `batch_size` events is decoded once (`codec.EventDecoder`,
the decoder replay uses too) and folded into each model by the fold kernel (`fold`)
inside one transaction that also records the model's tracking position with
`_insert_tracking`: a crash before the commit leaves nothing, a crash after it leaves
the whole page, and a second worker racing on the same page gets IntegrityError
instead of applying it twice. Models at the same position share one read of the log.

Failures stay with their model (see `failures`):
- an event whose fold raises is recorded `skipped` in a transaction of its own that
  moves the position past it; the events around it are folded as usual;
- a write the database refuses (a NUL in a PostgreSQL text column, a constraint, a
  lock) is recorded `retrying` and retried with a doubling backoff while the other
  models go on. If the database accepts other writes meanwhile, the page is halved
  until the one event whose write fails is found; after `MAX_ATTEMPTS` tries it is
  recorded `skipped` and passed over. If it accepts none (an outage), nothing is
  skipped: the model waits at its position and retries.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ctevents.projections.failures import RETRYING, SKIPPED, mark_recovered, record_failure
from ctevents.projections.fold import FoldError, WorkingSet, fold_page, write_batch
from ctevents.projections.leadership import Leadership
from ctevents.projections.model import ReadModel
from ctevents.projections.views import ViewStore
from eventsourcing.persistence import IntegrityError

from ctevents.codec import DecodedStretch, EventDecoder
from ctevents.store import Store
from ctevents.workers import keep_stepping

log = logging.getLogger(__name__)

# (model name, changed rows in position order, the position committed with them)
Listener = Callable[[str, list[dict[str, Any]], int], None]

DEFAULT_BATCH = 2000
NO_LIMIT = (1 << 63) - 1  # a position past any head
FIRST_BACKOFF = 0.1  # seconds before a failed write is retried; doubles each time
MAX_BACKOFF = 30.0
MAX_ATTEMPTS = 3  # tries of one event's write, the database accepting others, before skipping


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


class _Retry:
    """A model whose write failed: when to try again, and how often it was tried."""

    def __init__(self) -> None:
        self.attempts: dict[int, int] = {}  # position → tries
        self.failures = 0
        self.not_before = 0.0

    def wait(self) -> float:
        self.failures += 1
        delay = min(FIRST_BACKOFF * 2 ** (self.failures - 1), MAX_BACKOFF)
        self.not_before = time.monotonic() + delay
        return delay


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
        self._decoder = EventDecoder(store.mapper, {c for m in self.models for c in m.handlers})
        self._retries: dict[str, _Retry] = {}
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

    def retrying(self) -> dict[str, float]:
        """Models whose write is failing, with the seconds until their next try."""
        now = time.monotonic()
        return {n: max(0.0, r.not_before - now) for n, r in self._retries.items()}

    # --- running --------------------------------------------------------------------

    def catch_up(self, until: int | None = None) -> int:
        """Folds until every model reaches the head (or `until`); returns events folded.

        A model whose write keeps failing is left where it is (its failure recorded):
        the others are caught up all the same.
        """
        total = 0
        while folded := self.step(until):
            total += folded
        return total

    def step(self, until: int | None = None) -> int:
        """One page for each model that is behind; returns the events read."""
        now = time.monotonic()
        by_position: dict[int, list[ReadModel]] = {}
        for model in self.models:
            retry = self._retries.get(model.name)
            if retry is not None and retry.not_before > now:
                continue  # backing off after a failed write
            by_position.setdefault(self.views.position(model), []).append(model)
        read = 0
        for after, models in sorted(by_position.items()):
            if until is not None and after >= until:
                continue
            rows = self.store.stored_rows(
                after, self.batch_size, NO_LIMIT if until is None else until
            )
            page = self._decoder.decode(rows, after)
            read += page.read
            for model in models:
                self._fold(model, page)
        return read

    def run_forever(self, stop: threading.Event, idle: float = 0.1) -> None:
        """Follows the log until `stop` is set; database errors are logged and retried."""
        names = ",".join(sorted(m.name for m in self.models))
        with Leadership(self.store.location, f"read models {names}") as leadership:
            keep_stepping(leadership.gate(self.step), stop, idle=idle, what="projection")

    # --- one model, one page ----------------------------------------------------------

    def _fold(self, model: ReadModel, page: DecodedStretch) -> bool:
        """Folds the page into the model; False when a failed write left it short of the end."""
        if not page.read:
            return True
        try:
            changes = self._commit(model, page)
        except FoldError as failure:
            index = page.positions.index(failure.position)
            if not self._fold(model, page.first(index)):
                return False
            self._record_failure(model, failure.position, str(failure))
            return self._fold(model, page.since(failure.position))
        except IntegrityError as exc:
            position = self.views.position(model)
            if position <= page.after:  # not a race: a constraint refused the write
                return self._write_failed(model, page, exc)
            # Another worker committed this page first: exactly once, so nothing to do.
            log.info("%s: page after %d already folded elsewhere", model.name, page.after)
            self._advance(model, position, [])
            return True
        except Exception as exc:
            return self._write_failed(model, page, exc)
        if changes is None:
            return False  # the tables in hand are short of this page's start
        self._recovered(model, page.end)
        self._advance(model, page.end, changes)
        return True

    def _commit(self, model: ReadModel, page: DecodedStretch) -> list[dict[str, Any]] | None:
        with gc_paused(), self.views.transaction(commit=True) as cursor:
            # The page was read after the position seen outside this transaction; a
            # replay may have swapped in a generation that is further on since then
            # (issue 6). Fold only what the tables in hand have not folded yet.
            folded = self.views.claim_position(cursor, model)
            if folded < page.after:
                return None
            if folded >= page.end:
                return []
            page = page.since(folded)
            ws = WorkingSet(model)
            handlers = model.handlers
            ws.load(
                self.views,
                cursor,
                {s for s, c in zip(page.streams, page.classes, strict=True) if c in handlers},
            )
            fold_page(ws, page)
            changes = write_batch(self.views, cursor, ws)
            self.views.record_position(cursor, model, page.end)
        return changes

    # --- failures -----------------------------------------------------------------------

    def _record_failure(
        self, model: ReadModel, position: int, error: str, attempts: int = 1
    ) -> None:
        log.error("%s could not fold position %d: %s", model.name, position, error)
        with self.views.transaction(commit=True) as cursor:
            record_failure(
                self.views, cursor, model.name, position, error, state=SKIPPED, attempts=attempts
            )
            self.views.record_position(cursor, model, position)
        self._advance(model, position, [])

    def _write_failed(self, model: ReadModel, page: DecodedStretch, exc: Exception) -> bool:
        error = f"{type(exc).__name__}: {exc}".strip()
        if self._accepts_writes(model) and len(page) > 1:
            # The database takes writes, just not this page's: halve it to find the event.
            half = page.positions[len(page) // 2]
            if not self._fold(model, page.first(len(page) // 2)):
                return False
            return self._fold(model, page.since(half - 1))
        position = page.positions[0] if len(page) else page.end
        retry = self._retries.setdefault(model.name, _Retry())
        attempts = retry.attempts[position] = retry.attempts.get(position, 0) + 1
        if attempts >= MAX_ATTEMPTS and len(page) <= 1 and self._accepts_writes(model):
            self._retries.pop(model.name, None)
            try:
                self._record_failure(
                    model, position, f"write failed {attempts} times: {error}", attempts
                )
                return self._fold(model, page.since(position))
            except Exception:
                log.exception("%s: could not record the failure at %d", model.name, position)
                retry = self._retries.setdefault(model.name, _Retry())
        delay = retry.wait()
        log.warning(
            "%s: writing position %d failed (%s); retrying in %.1f s",
            model.name,
            position,
            error,
            delay,
        )
        try:
            with self.views.transaction(commit=True) as cursor:
                record_failure(
                    self.views,
                    cursor,
                    model.name,
                    position,
                    error,
                    state=RETRYING,
                    attempts=attempts,
                )
        except Exception:
            log.warning("%s: the failure at %d could not be recorded yet", model.name, position)
        return False

    def _accepts_writes(self, model: ReadModel) -> bool:
        """Whether the database takes a write for this model at all (else: an outage)."""
        try:
            with self.views.transaction(commit=True) as cursor:
                self.views.claim_position(cursor, model)
            return True
        except Exception:
            return False

    def _recovered(self, model: ReadModel, through: int) -> None:
        if self._retries.pop(model.name, None) is None:
            return
        try:
            with self.views.transaction(commit=True) as cursor:
                mark_recovered(self.views, cursor, model.name, through)
        except Exception:
            log.warning("%s: could not mark its retried failures recovered", model.name)

    def _advance(self, model: ReadModel, position: int, changes: list[dict[str, Any]]) -> None:
        with self._advanced:
            self.positions[model.name] = max(self.positions[model.name], position)
            self._advanced.notify_all()
        for listener in list(self._listeners):
            try:
                listener(model.name, changes, position)
            except Exception:
                log.exception("projection listener failed")
