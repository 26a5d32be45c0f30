"""Reading the log by position and waking on appends: the semantics behind `GET /events`.

A subscriber owns a cursor (the last position it has seen, exclusive). The
`LogWatcher` knows the head; when it moves, the watcher's `SharedTail` reads the new
events once and encodes them once for every subscriber (see `ctevents.tail`). A
streaming subscriber (`follow`) takes what follows its cursor from the tail's window,
or, when it is behind the window, from the store in large pages: the window holds
every event between its bounds, so the seam cannot lose or repeat an event.

Wakers tell the watcher that the head moved: appends made through this process at
once (`appended`), PostgreSQL NOTIFY within milliseconds (`NotifyWaker`), and polling
as the fallback every store supports (`PollingWaker`).

The store is synchronous; every call to it goes through a thread.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from concurrent.futures import Executor
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any, Protocol

from ctevents.live_ingest import warm_up
from ctevents.store import Store
from ctevents.tail import PROGRESS_INTERVAL, Chunk, SharedTail, heartbeat_bytes, progress
from ctevents.wire import WireEvent

log = logging.getLogger(__name__)

# Positions one JSON page may scan for a sparse filter before answering with a cursor.
SCAN_BUDGET = 10_000
# Seconds between polls of the head when appends are also announced by NOTIFY.
NOTIFIED_POLL_INTERVAL = 2.0
# After the tail moves, appends are gathered for a moment before it reads again, so
# that each subscriber gets one write per gathering rather than one per append: every
# write is a system call per subscriber (on loopback, the receiver's TCP work too).
# The pause is GATHER_RATIO times the CPU time the last delivery took the event loop's
# thread, within bounds: below GATHER_MAX, delivering takes at most 1 / (1 + GATHER_RATIO)
# of the loop's CPU whatever the number of subscribers (see `gathering`). GATHER_MAX is a
# quarter of the 100 ms a subscriber should wait at most: with 1,000 subscribers on 2
# cores a delivery costs ~36 ms of CPU, and a pause of twice that (the bound was 100 ms)
# put fan-out p99 at ~500 ms; with 25 ms, ~250 ms (docs/feed.md, sixth round).
GATHER_MIN, GATHER_MAX, GATHER_RATIO = 0.005, 0.025, 2.0
# Ingests at once through `record`. The database takes one write at a time anyway; a
# writer waiting for its turn holds a pooled connection, and with as many writers as
# connections (15) the tail's reads waited behind them, and every subscriber with them.
# The turn is taken in the worker thread, so handing it on does not wait for the loop.
INGESTS = 2


@dataclass(frozen=True, slots=True)  # slots: every subscriber holds one
class EventFilter:
    """Which events a subscriber wants; positions stay global whatever it selects.

    `types` (wire type names) and `stream` are read from the stored row; `party` and
    `meeting` need the decoded payload.
    """

    types: tuple[str, ...] = ()
    stream: str | None = None
    party: str | None = None
    meeting: str | None = None

    @property
    def inspects_data(self) -> bool:
        """True when the payload must be decoded (in the JSON form, also for `stream`)."""
        return bool(self.stream or self.party or self.meeting)

    @property
    def needs_payload(self) -> bool:
        """True when the decoded payload is needed to match (`party`, `meeting`)."""
        return bool(self.party or self.meeting)

    def matches(self, envelope: dict[str, Any]) -> bool:
        if self.stream and envelope["stream"] != self.stream:
            return False
        return self._matches_data(envelope["data"])

    def matches_wire(self, event: WireEvent) -> bool:
        if self.types and event.type not in self.types:
            return False
        if self.stream and event.stream != self.stream:
            return False
        return not self.needs_payload or self._matches_data(event.data)

    def _matches_data(self, data: dict[str, Any]) -> bool:
        if self.party and not (
            data.get("party") == self.party or self.party in (data.get("parties") or ())
        ):
            return False
        return not (self.meeting and data.get("meeting_key") != self.meeting)


@dataclass(frozen=True)
class EnvelopeBatch:
    """Matching envelopes in log order, and how far the log was read to find them."""

    events: list[dict[str, Any]]
    scanned_to: int


def read_batch(
    store: Store, after: int, until: int, selection: EventFilter, want: int, page: int = 0
) -> EnvelopeBatch:
    """At most `want` matching envelopes with `after` < position ≤ `until` (the JSON form).

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
    return EnvelopeBatch(events=events, scanned_to=scanned_to)


def gathering(delivery_cpu: float) -> float:
    """Seconds to gather appends after a delivery that cost the loop `delivery_cpu` of CPU.

    CPU time, not the time the delivery took: on a loaded machine the loop's thread also
    waits for a CPU, four to five times its CPU time at 200 and 1,000 subscribers
    (SQLite, load average 7), and gathering for that wait too added it to every
    subscriber's latency without saving any work.
    """
    return min(GATHER_MAX, max(GATHER_MIN, GATHER_RATIO * delivery_cpu))


# --- waking on appends -----------------------------------------------------------


class HeadWaker(Protocol):
    """Learns that the log's head moved and says so; runs until cancelled.

    It calls `moved(head)`, or `moved(None)` when it knows that the log moved but not
    how far (a NOTIFY): the tail then reads on from where it is.
    """

    async def run(self, moved: Callable[[int | None], None]) -> None: ...


class PollingWaker:
    """Reads the head every `interval` seconds: the fallback that finds every append."""

    def __init__(self, store: Store, interval: float = 0.2, tail: SharedTail | None = None) -> None:
        self.store = store
        self.interval = interval
        self.tail = tail  # reads go through the tail's own thread when given

    async def run(self, moved: Callable[[int | None], None]) -> None:
        while True:
            try:
                if self.tail is not None:
                    moved(await self.tail.head())
                else:
                    moved(await asyncio.to_thread(self.store.head))
            except Exception:
                # The store may be briefly unreachable; subscribers keep their cursor.
                log.warning("polling the head of the log failed", exc_info=True)
            await asyncio.sleep(self.interval)


class NotifyWaker:
    """Wakes on PostgreSQL NOTIFY, through eventsourcing's LISTEN subscription.

    The subscription's listening thread hands each notification straight to the event
    loop, which reads on from the tail's end (no query is made to learn the head first:
    on a loaded machine every query is a wait). A relay thread waits for the subscription
    to end: if the connection is lost it ends with an error and is opened again after
    `retry` seconds; polling covers the gap.
    """

    def __init__(self, store: Store, retry: float = 1.0) -> None:
        self.store = store
        self.retry = retry

    async def run(self, moved: Callable[[int | None], None]) -> None:
        loop = asyncio.get_running_loop()

        def notified() -> None:  # in the listening thread
            with suppress(RuntimeError):  # the loop has closed: nobody is waiting any more
                loop.call_soon_threadsafe(moved, None)

        while True:
            subscription = None
            try:
                head = await asyncio.to_thread(self.store.head)
                moved(head)
                subscription = await _opened(
                    asyncio.to_thread(self.store.head_notifications, head, notified)
                )
                if subscription is None:
                    return  # this store cannot notify: polling alone
                ended: asyncio.Future[None] = loop.create_future()
                relay = threading.Thread(
                    target=_relay, args=(subscription, loop, ended), daemon=True
                )
                relay.start()
                await ended
            except asyncio.CancelledError:
                if subscription is not None:
                    subscription.stop()
                raise
            except Exception:
                log.warning("listening for appends failed; polling meanwhile", exc_info=True)
            await asyncio.sleep(self.retry)


async def _opened(opening: Awaitable[Any]) -> Any:
    """The subscription `opening` makes, stopped as soon as it is made if the caller is
    cancelled first: the thread opening it runs on regardless, and a subscription nobody
    stops keeps its threads and its database connection for the life of the process."""
    task = asyncio.ensure_future(opening)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        task.add_done_callback(_stop_opened)
        raise


def _stop_opened(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and task.exception() is None and task.result() is not None:
        task.result().stop()


def _relay(subscription: Any, loop: asyncio.AbstractEventLoop, ended: asyncio.Future[None]) -> None:
    """In a thread: waits for the subscription to end and tells the loop how it ended."""
    error: BaseException | None = None
    try:
        with subscription:
            for _ in subscription:
                pass
    except BaseException as exc:
        error = exc
    with suppress(RuntimeError):  # the loop has closed: nobody is waiting any more

        def finish() -> None:
            if not ended.done():
                if error is None:
                    ended.set_result(None)
                else:
                    ended.set_exception(error)

        loop.call_soon_threadsafe(finish)


def wakers_for(store: Store, poll_interval: float) -> tuple[HeadWaker, ...]:
    """NOTIFY where the store has it (with a slower poll as the fallback), else polling."""
    if store.notifies_appends:
        return NotifyWaker(store), PollingWaker(store, max(poll_interval, NOTIFIED_POLL_INTERVAL))
    return (PollingWaker(store, poll_interval),)


@dataclass(eq=False)
class Subscription:
    """One streaming subscriber as the server sees it: its cursor and its unread bytes."""

    cursor: int
    # Bytes written to the subscriber's connection but not yet taken by it; the
    # HTTP layer sets this so the backlog can be observed.
    backlog: Callable[[], int] = field(default=lambda: 0)


class LogWatcher:
    """Knows the head of the log and keeps the shared tail up to it.

    One per server. Appends made through this process are announced at once with
    `appended`; others are found by the wakers (polling at least).
    """

    def __init__(
        self,
        store: Store,
        wakers: Iterable[HeadWaker] = (),
        tail: SharedTail | None = None,
        extraction: Executor | None = None,
    ) -> None:
        self.store = store
        self.extraction = extraction  # where `record` runs the extractor, if not here
        self.wakers = tuple(wakers) or (PollingWaker(store),)
        self.tail = tail or SharedTail(store)
        self.head = 0
        self.closed = False
        self.subscriptions: set[Subscription] = set()
        self._moved = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self.ingesting = threading.BoundedSemaphore(INGESTS)
        self._read_on = False  # a NOTIFY came: read past the known head

    async def start(self) -> None:
        self.head = await asyncio.to_thread(self.store.head)
        self.tail.begin(self.head)
        for waker in self.wakers:
            if isinstance(waker, PollingWaker) and waker.tail is None:
                waker.tail = self.tail
        self._tasks = [asyncio.create_task(w.run(self.moved)) for w in self.wakers]
        self._tasks.append(asyncio.create_task(self._keep_tail()))
        if self.extraction is not None:
            # Start the extraction processes now rather than on the first POST.
            for _ in range(getattr(self.extraction, "_max_workers", 1)):
                self.extraction.submit(warm_up)

    async def close(self) -> None:
        """Ends every subscription (streams finish cleanly) and stops the wakers."""
        self.closed = True
        self.tail.wake()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        self.tail.close()
        if self.extraction is not None:
            self.extraction.shutdown(wait=False, cancel_futures=True)

    def moved(self, head: int | None) -> None:
        """The head is at `head` or beyond: the tail reads on if that is news.

        None: the log moved, to where is not known; the tail reads as far as it goes.
        """
        if head is None:
            self._read_on = True
            self._moved.set()
        elif head > self.head:
            self.head = head
            self._moved.set()

    def appended(self, positions: Iterable[int]) -> None:
        self.moved(max(positions, default=0))

    async def refresh(self) -> int:
        """The head as the store has it now (and the tail moved on if it moved)."""
        self.moved(await self.tail.head())
        return self.head

    async def _keep_tail(self) -> None:
        while True:
            await self._moved.wait()
            self._moved.clear()
            read_on, self._read_on = self._read_on, False
            try:
                await self.tail.read_to(None if read_on else self.head)
                self.head = max(self.head, self.tail.end)
                busy = time.thread_time()
                # The subscribers woken by the read were scheduled before this task: when
                # it runs again, each of them has written its share.
                await asyncio.sleep(0)
                await asyncio.sleep(gathering(time.thread_time() - busy))
            except Exception:
                log.warning("reading the log into the tail failed; retrying", exc_info=True)
                self._read_on = self._read_on or read_on
                await asyncio.sleep(0.5)
                self._moved.set()

    def subscribe(self, cursor: int) -> Subscribed:
        """A subscription from `cursor`, counted in `subscriptions` while the `with` lasts."""
        return Subscribed(self.subscriptions, Subscription(cursor=cursor))


class Subscribed:
    """`LogWatcher.subscribe`'s context manager.

    A class rather than a generator: every idle subscriber holds one for as long as it
    is connected, and a suspended generator with its frame costs several times more.
    """

    __slots__ = ("subscription", "subscriptions")

    def __init__(self, subscriptions: set[Subscription], subscription: Subscription) -> None:
        self.subscriptions = subscriptions
        self.subscription = subscription

    def __enter__(self) -> Subscription:
        self.subscriptions.add(self.subscription)
        return self.subscription

    def __exit__(self, *exc: object) -> None:
        self.subscriptions.discard(self.subscription)


# --- pages and streams -------------------------------------------------------------


@dataclass(frozen=True)
class LogPage:
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
) -> LogPage:
    """Up to `limit` matching events after `after`; with `wait`, holds until one arrives."""
    store = watcher.store
    deadline = time.monotonic() + wait
    cursor, events = after, []
    while True:
        advanced = watcher.tail.advanced  # before reading: a move from now on wakes us
        head = await watcher.refresh()
        scanned = 0
        while len(events) < limit and cursor < head and scanned < SCAN_BUDGET:
            batch = await asyncio.to_thread(
                read_batch, store, cursor, head, selection, limit - len(events), 1000
            )
            scanned += batch.scanned_to - cursor
            events.extend(batch.events)
            cursor = batch.scanned_to
        remaining = deadline - time.monotonic()
        if events or cursor < head or remaining <= 0 or watcher.closed:
            return LogPage(events=events, last_position=cursor, head=head, limit=limit)
        with suppress(TimeoutError):
            async with asyncio.timeout(remaining):
                await advanced.wait()


@dataclass(frozen=True)
class Delivery:
    """Bytes to write to a subscriber in one go, and the positions of the events in them.

    `prefix(n)`: the bytes of the first n events alone (a stream's `limit` may cut it).
    """

    data: bytes
    positions: list[int]
    prefix: Callable[[int], bytes]


def _nothing(n: int) -> bytes:
    return b""


async def follow(
    watcher: LogWatcher,
    after: int,
    selection: EventFilter,
    heartbeat: float,
    form: str = "ndjson",
    backlog: Callable[[], int] | None = None,
) -> AsyncIterator[Delivery]:
    """Matching events after `after` in `form` (sse, ndjson), catch-up then live.

    Each delivery is one write: the events found since the last one (from the shared
    tail, or a page of the store while behind it), a progress marker when a sparse
    filter skipped events, or a heartbeat when idle. Ends when the watcher closes.
    `backlog` tells the bytes written to the subscriber but not yet taken by it.
    """
    tail = watcher.tail
    reported = cursor = after  # `reported`: the last position the subscriber was told
    last_report = time.monotonic()
    # While behind the window, the next page of the store is read while this one is
    # written: (the cursor it starts after, the read in flight).
    ahead: tuple[int, asyncio.Future[Chunk]] | None = None
    with watcher.subscribe(cursor) as subscription, tail.clock(heartbeat) as clock:
        if backlog is not None:
            subscription.backlog = backlog
        try:
            while not watcher.closed:
                advanced = clock.event  # before looking: a move or a tick from now on wakes us
                if cursor < tail.end:
                    if cursor < tail.start:  # behind the window: a page of the store
                        if ahead is not None and ahead[0] == cursor:
                            chunk = await ahead[1]
                        else:
                            chunk = await tail.catch_up(cursor, selection, form)
                        ahead = None
                        if chunk.scanned_to < tail.start:
                            read = asyncio.ensure_future(
                                tail.catch_up(chunk.scanned_to, selection, form)
                            )
                            ahead = (chunk.scanned_to, read)
                    else:
                        chunk = tail.after(cursor, selection, form)
                    cursor = subscription.cursor = chunk.scanned_to
                    data, now = chunk.data, time.monotonic()
                    if chunk.positions:
                        reported, last_report = chunk.positions[-1], now
                    stale = now - last_report >= PROGRESS_INTERVAL
                    if cursor > reported and (cursor >= tail.end or stale):
                        data += progress(cursor, form)
                        reported, last_report = cursor, now
                    if data:
                        yield Delivery(data, chunk.positions, chunk.prefix)
                    continue
                now = time.monotonic()
                if now - last_report < heartbeat:
                    await advanced.wait()  # the clock rings within a quarter period
                    continue
                last_report = now
                yield Delivery(heartbeat_bytes(form), [], _nothing)
        finally:
            if ahead is not None:
                ahead[1].cancel()
