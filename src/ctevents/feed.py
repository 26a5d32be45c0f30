"""Reading the log by position and waking on appends: the semantics behind `GET /events`.

A subscriber owns a cursor (the last position it has seen, exclusive) and reads the
store after it. The `LogWatcher` only ever says "the head moved": it never hands out
events from memory. After every wake-up a subscriber reads the store by position
after its own cursor, so the seam between catch-up and live cannot lose or repeat an
event, and a subscriber that falls behind is simply served from the store again.
Per-subscriber state is a cursor and one `asyncio.Event`, whatever the lag.

The store is synchronous; every call to it goes through `asyncio.to_thread`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from ctevents.documents import Document
from ctevents.extract import extract
from ctevents.ingest import Extractor, IngestResult, ingest
from ctevents.store import Store

log = logging.getLogger(__name__)

# Positions read from the store per query while streaming: a stalled subscriber holds
# at most one such page in memory.
STREAM_PAGE = 100
# Positions one JSON page may scan for a sparse filter before answering with a cursor.
SCAN_BUDGET = 10_000
# While a sparse filter skips events, report the scanned position at least this often.
PROGRESS_INTERVAL = 1.0


@dataclass(frozen=True)
class EventFilter:
    """Which events a subscriber wants; positions stay global whatever it selects.

    `types` is applied by the store (stored topics); `stream`, `party` and `meeting`
    are applied to decoded envelopes.
    """

    types: tuple[str, ...] = ()
    stream: str | None = None
    party: str | None = None
    meeting: str | None = None

    @property
    def inspects_data(self) -> bool:
        return bool(self.stream or self.party or self.meeting)

    def matches(self, envelope: dict[str, Any]) -> bool:
        if self.stream and envelope["stream"] != self.stream:
            return False
        data = envelope["data"]
        if self.party and not (
            data.get("party") == self.party or self.party in (data.get("parties") or ())
        ):
            return False
        return not (self.meeting and data.get("meeting_key") != self.meeting)


@dataclass(frozen=True)
class Batch:
    """Matching envelopes in log order, and how far the log was read to find them."""

    events: list[dict[str, Any]]
    scanned_to: int


def read_batch(
    store: Store, after: int, until: int, selection: EventFilter, want: int, page: int = 0
) -> Batch:
    """At most `want` matching envelopes with `after` < position ≤ `until`.

    Reads `page` stored events (at least `want`) when the filter inspects data, so a
    sparse filter does not query the store once per event. `scanned_to` is the
    position a subscriber may resume after: the last event returned when `want` cut
    the batch short, else the last position read.
    """
    page = max(page, want) if selection.inspects_data else want
    notifications = store.notifications(after=after, limit=page, types=selection.types, until=until)
    scanned_to = notifications[-1].id if len(notifications) == page else until
    events = [store.envelope(n) for n in notifications]
    if selection.inspects_data:
        events = [e for e in events if selection.matches(e)]
        if len(events) > want:
            events = events[:want]
            scanned_to = events[-1]["position"]
    return Batch(events=events, scanned_to=scanned_to)


# --- waking on appends -----------------------------------------------------------


class HeadWaker(Protocol):
    """Learns that the log's head moved and says so; runs until cancelled.

    Polling is the fallback every store supports; a PostgreSQL LISTEN/NOTIFY waker
    can be added beside it without changing subscribers.
    """

    async def run(self, moved: Callable[[int], None]) -> None: ...


class PollingWaker:
    """Reads the head every `interval` seconds: how appends by other processes are seen."""

    def __init__(self, store: Store, interval: float = 0.2) -> None:
        self.store = store
        self.interval = interval

    async def run(self, moved: Callable[[int], None]) -> None:
        while True:
            try:
                moved(await asyncio.to_thread(self.store.head))
            except Exception:
                # The store may be briefly unreachable; subscribers keep their cursor.
                log.warning("polling the head of the log failed", exc_info=True)
            await asyncio.sleep(self.interval)


@dataclass(eq=False)
class Subscription:
    """One subscriber as the watcher sees it: a cursor and a pending wake-up flag."""

    cursor: int
    # Bytes written to the subscriber's connection but not yet taken by it; the
    # HTTP layer sets this so the backlog can be observed.
    backlog: Callable[[], int] = field(default=lambda: 0)
    _woken: asyncio.Event = field(default_factory=asyncio.Event)

    def wake(self) -> None:
        self._woken.set()

    def clear(self) -> None:
        self._woken.clear()

    async def wait(self, timeout: float | None) -> bool:
        """True when woken, False when `timeout` passed first."""
        try:
            await asyncio.wait_for(self._woken.wait(), timeout)
        except TimeoutError:
            return False
        return True


class LogWatcher:
    """Knows the head of the log and wakes subscribers when it moves.

    One per server. Appends made through this process are announced at once with
    `appended`; others are found by the wakers (polling at least).
    """

    def __init__(self, store: Store, wakers: Sequence[HeadWaker] = ()) -> None:
        self.store = store
        self.wakers = tuple(wakers) or (PollingWaker(store),)
        self.head = 0
        self.closed = False
        self.subscriptions: set[Subscription] = set()
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        self.head = await asyncio.to_thread(self.store.head)
        self._tasks = [asyncio.create_task(w.run(self.moved)) for w in self.wakers]

    async def close(self) -> None:
        """Ends every subscription (streams finish cleanly) and stops the wakers."""
        self.closed = True
        for subscription in self.subscriptions:
            subscription.wake()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []

    def moved(self, head: int) -> None:
        """The head is at `head` or beyond: wake everyone if that is news."""
        if head <= self.head:
            return
        self.head = head
        for subscription in self.subscriptions:
            subscription.wake()

    def appended(self, positions: Iterable[int]) -> None:
        self.moved(max(positions, default=0))

    async def refresh(self) -> int:
        """The head as the store has it now (and everyone woken if it moved)."""
        self.moved(await asyncio.to_thread(self.store.head))
        return self.head

    @contextmanager
    def subscribe(self, cursor: int) -> Iterator[Subscription]:
        subscription = Subscription(cursor=cursor)
        self.subscriptions.add(subscription)
        try:
            yield subscription
        finally:
            self.subscriptions.discard(subscription)


async def record(
    store: Store, watcher: LogWatcher, document: Document, extractor: Extractor = extract
) -> IngestResult:
    """Ingests a document and wakes live subscribers at once."""
    result = await asyncio.to_thread(ingest, store, document, extractor=extractor)
    watcher.appended(result.positions)
    return result


# --- pages and streams -------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """One answer of the paged form; `last_position` is the cursor to resume after."""

    events: list[dict[str, Any]]
    last_position: int
    head: int
    limit: int

    @property
    def immutable(self) -> bool:
        """True when later appends cannot change this answer to the same query."""
        return len(self.events) >= self.limit or self.last_position < self.head


async def read_page(
    watcher: LogWatcher,
    after: int,
    limit: int,
    selection: EventFilter,
    wait: float = 0.0,
) -> Page:
    """Up to `limit` matching events after `after`; with `wait`, holds until one arrives."""
    store = watcher.store
    deadline = time.monotonic() + wait
    with watcher.subscribe(after) as subscription:
        cursor, events = after, []
        while True:
            subscription.clear()  # before reading: an append from now on wakes us
            head = await watcher.refresh()
            scanned = 0
            while len(events) < limit and cursor < head and scanned < SCAN_BUDGET:
                batch = await asyncio.to_thread(
                    read_batch, store, cursor, head, selection, limit - len(events), 1000
                )
                scanned += batch.scanned_to - cursor
                events.extend(batch.events)
                cursor = batch.scanned_to
            subscription.cursor = cursor
            remaining = deadline - time.monotonic()
            if events or cursor < head or remaining <= 0 or watcher.closed:
                return Page(events=events, last_position=cursor, head=head, limit=limit)
            await subscription.wait(remaining)


@dataclass(frozen=True)
class Progress:
    """The log was read up to `position` without a match: a subscriber may resume there."""

    position: int


@dataclass(frozen=True)
class Heartbeat:
    """Nothing happened for a while; the connection is alive."""


StreamItem = Batch | Progress | Heartbeat


async def follow(
    watcher: LogWatcher,
    after: int,
    selection: EventFilter,
    heartbeat: float,
    on_subscribe: Callable[[Subscription], None] = lambda s: None,
) -> AsyncIterator[StreamItem]:
    """Matching events after `after`, catch-up then live, until the watcher closes.

    Yields batches of events, progress markers while a sparse filter skips events,
    and heartbeats when idle. The caller writes one item before asking for the next,
    so a slow consumer slows only its own reads of the store.
    """
    store = watcher.store
    reported = cursor = after  # `reported`: the last position the subscriber was told
    last_report = time.monotonic()
    with watcher.subscribe(cursor) as subscription:
        on_subscribe(subscription)
        while not watcher.closed:
            subscription.clear()  # before reading: an append from now on wakes us
            head = watcher.head
            if cursor < head:
                batch = await asyncio.to_thread(
                    read_batch, store, cursor, head, selection, STREAM_PAGE
                )
                cursor = subscription.cursor = batch.scanned_to
                if batch.events:
                    reported = batch.events[-1]["position"]
                    last_report = time.monotonic()
                    yield batch
                caught_up = cursor >= watcher.head
                stale = time.monotonic() - last_report >= PROGRESS_INTERVAL
                if cursor > reported and (caught_up or stale):
                    reported, last_report = cursor, time.monotonic()
                    yield Progress(cursor)
                if not caught_up:
                    continue
            idle_for = heartbeat - (time.monotonic() - last_report)
            if idle_for <= 0 or not await subscription.wait(idle_for):
                last_report = time.monotonic()
                yield Heartbeat()
