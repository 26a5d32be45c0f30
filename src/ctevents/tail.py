"""The shared tail: the newest events of the log, read once and encoded once for every subscriber.

When the head moves, one task reads the new events from the store and keeps them, in
their wire forms, in a bounded window (`SharedTail`). A subscriber holds only a cursor:

- caught up, it takes the bytes after its cursor for its filter and form, which are
  built once per distinct (cursor, filter, form) and shared, and writes them at once;
- within the window but behind, it takes its own slice of the window;
- behind the window, it reads the store itself in large pages of encoded bytes, then
  joins the window.

The window holds every event with `start` < position ≤ `end`, so moving between the
store and the window at the cursor cannot lose or repeat an event. A subscriber that
stops reading holds at most one chunk; the window is shared and bounded.
"""

from __future__ import annotations

import asyncio
import bisect
import functools
import logging
import operator
import queue
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

import orjson

from ctevents import sse, wire
from ctevents.codec import type_name_of
from ctevents.persistence import LogReader, with_streams
from ctevents.store import Store
from ctevents.wire import WireEvent

log = logging.getLogger(__name__)

# Events read from the store per query, by the tail and by a subscriber catching up;
# a subscriber's page is also cut at about PAGE_BYTES of stored events.
PAGE = 2000
PAGE_BYTES = 2 * 1024 * 1024
# The window's bounds: the newest events up to this many, and up to this many bytes.
WINDOW_EVENTS = 20_000
WINDOW_BYTES = 64 * 1024 * 1024
# What one subscriber takes from the window at a time while behind (bytes of envelopes).
CHUNK_BYTES = 512 * 1024
# While a sparse filter skips events, report the scanned position at least this often.
PROGRESS_INTERVAL = 1.0
FORMS = ("sse", "ndjson")
_STATE = operator.itemgetter(4)  # a row's stored state
LAST_POSITION = 2**63 - 1  # no position is beyond it (a signed 64-bit integer)
# Threads for subscribers' reads of the store while behind the window.
CATCH_UP_THREADS = 2
# A heartbeat clock ticks this many times per period: an idle subscriber's heartbeat
# comes between one and 1 + 1/TICKS periods after the last thing it was sent.
TICKS = 4


class Selection(Protocol):
    """A subscriber's filter as the tail applies it (the feed's `EventFilter`)."""

    @property
    def types(self) -> tuple[str, ...]: ...

    @property
    def stream(self) -> str | None: ...

    @property
    def needs_payload(self) -> bool: ...

    def matches_wire(self, event: WireEvent) -> bool: ...


def encode(events: Sequence[WireEvent], form: str) -> bytes:
    return wire.sse_frames(events) if form == "sse" else wire.ndjson(events)


def progress(position: int, form: str) -> bytes:
    """Tells the subscriber it may resume after `position` (nothing matched up to it)."""
    if form == "sse":
        return sse.resume_at(position)
    return orjson.dumps({"last_position": position}) + b"\n"


def heartbeat_bytes(form: str) -> bytes:
    return sse.HEARTBEAT if form == "sse" else b"\n"


@dataclass(frozen=True)
class Chunk:
    """Matching events after a cursor, encoded; `scanned_to` is where the reading stopped.

    `prefix(n)` is the bytes of the first n of them (a stream's `limit` may cut a chunk).
    """

    positions: list[int]
    data: bytes
    scanned_to: int
    prefix: Callable[[int], bytes]


def _chunk(events: Sequence[WireEvent], selection: Selection, form: str, scanned_to: int) -> Chunk:
    matching = [e for e in events if selection.matches_wire(e)]
    return Chunk(
        [e.position for e in matching],
        encode(matching, form),
        scanned_to,
        lambda n: encode(matching[:n], form),
    )


def read_chunk(source: LogReader, after: int, until: int, selection: Selection, form: str) -> Chunk:
    """One page of the store after `after` (≤ `until`), filtered and encoded (in a thread)."""
    rows, streams = source.stored_log_rows(after, PAGE, until), source.streams
    scanned_to = rows[-1][0] if len(rows) == PAGE else until
    if sum(map(len, map(_STATE, rows))) > PAGE_BYTES:  # large events: fewer of them per page
        size = 0
        for i, row in enumerate(rows):
            size += len(row[4])
            if size > PAGE_BYTES and i:
                rows, scanned_to = rows[:i], rows[i - 1][0]
                break
    if selection.types:
        rows = [r for r in rows if type_name_of(r[2]) in selection.types]
    if selection.stream:
        rows = [r for r in rows if streams[r[1]] == selection.stream]
    if selection.needs_payload:
        events = wire.wire_events(with_streams(rows, streams))
        return _chunk(events, selection, form, scanned_to)
    return Chunk(
        [r[0] for r in rows],
        wire.encode_rows(rows, form, streams),
        scanned_to,
        lambda n: wire.encode_rows(rows[:n], form, streams),
    )


class Clock:
    """What subscribers with one heartbeat period wait on: one timer for all of them.

    `event` is set (then replaced) when the window moves and at every tick, so a
    subscriber waits on a single event and needs no timer of its own.
    """

    __slots__ = ("event", "handle", "period", "users")

    def __init__(self, period: float) -> None:
        self.period = period
        self.event = asyncio.Event()
        self.handle: asyncio.TimerHandle | None = None
        self.users = 0

    def ring(self) -> None:
        event, self.event = self.event, asyncio.Event()
        event.set()

    def tick(self) -> None:
        self.handle = asyncio.get_running_loop().call_later(self.period / TICKS, self.tick)
        self.ring()


class ClockUse:
    """`SharedTail.clock`'s context manager: one subscriber's use of a shared clock.

    A class rather than a generator: every idle subscriber holds one for as long as it
    is connected, and a suspended generator with its frame costs several times more.
    """

    __slots__ = ("clocks", "heartbeat")

    def __init__(self, clocks: dict[float, Clock], heartbeat: float) -> None:
        self.clocks = clocks
        self.heartbeat = heartbeat

    def __enter__(self) -> Clock:
        clock = self.clocks.get(self.heartbeat)
        if clock is None:
            clock = self.clocks[self.heartbeat] = Clock(self.heartbeat)
            clock.tick()
        clock.users += 1
        return clock

    def __exit__(self, *exc: object) -> None:
        clock = self.clocks[self.heartbeat]
        clock.users -= 1
        if not clock.users:
            del self.clocks[self.heartbeat]
            if clock.handle is not None:
                clock.handle.cancel()


class SharedTail:
    """A bounded window of the newest events, kept current by one reader task."""

    def __init__(
        self,
        store: Store,
        *,
        max_events: int = WINDOW_EVENTS,
        max_bytes: int = WINDOW_BYTES,
    ) -> None:
        self.store = store
        self.max_events = max_events
        self.max_bytes = max_bytes
        self.start = self.end = 0  # the window holds every event with start < position ≤ end
        self.events: list[WireEvent] = []
        self.positions: list[int] = []
        self.bytes = 0
        self.reads = 0  # store reads made by the tail (one per page, whatever the subscribers)
        self.answered = 0.0  # when the store last answered one of the tail's reads (monotonic)
        self._advanced = asyncio.Event()
        self._previous_end = 0
        self._shared: dict[tuple[Selection, str], Chunk] = {}
        self._clocks: dict[float, Clock] = {}
        # Threads of their own: in the default pool, reads of the head and of new events
        # would queue behind ingests (extraction, write locks) and delay every subscriber.
        # The reader thread reads on the store's `log_reader`, a connection outside
        # eventsourcing's pool, whose turns a writer waiting for the write lock holds.
        self._reader = ThreadPoolExecutor(1, thread_name_prefix="tail")
        self._catch_up = ThreadPoolExecutor(CATCH_UP_THREADS, thread_name_prefix="catch-up")
        # Catch-up pages are read on connections of their own too (`Store.open_log_reader`),
        # at most one per catch-up thread, each used by one thread at a time.
        self._page_readers: queue.SimpleQueue[LogReader] = queue.SimpleQueue()

    async def read(self, call: Any, *args: Any) -> Any:
        """`call(*args)` in the tail's reader thread (reads of the head, of new events)."""
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(self._reader, functools.partial(call, *args))
        self.answered = time.monotonic()
        return result

    async def head(self) -> int:
        """The head of the log, read on the tail's own connection in its thread."""
        return await self.read(self.store.log_reader.head)

    async def catch_up(self, cursor: int, selection: Selection, form: str) -> Chunk:
        """A page of the store after `cursor` for a subscriber behind the window."""
        loop = asyncio.get_running_loop()
        call = functools.partial(self.read_store_chunk, cursor, self.end, selection, form)
        return await loop.run_in_executor(self._catch_up, call)

    def read_store_chunk(self, after: int, until: int, selection: Selection, form: str) -> Chunk:
        """`read_chunk` on one of the catch-up readers (in a catch-up thread)."""
        try:
            reader = self._page_readers.get_nowait()
        except queue.Empty:
            reader = self.store.open_log_reader()
        try:
            return read_chunk(reader, after, until, selection, form)
        finally:
            self._page_readers.put(reader)

    def close(self) -> None:
        self._reader.shutdown(wait=False, cancel_futures=True)
        self._catch_up.shutdown(wait=False, cancel_futures=True)

    def begin(self, head: int) -> None:
        self.start = self.end = self._previous_end = head

    def wake(self) -> None:
        """Wakes every waiting subscriber (e.g. to see that the server is closing)."""
        advanced, self._advanced = self._advanced, asyncio.Event()
        advanced.set()
        for clock in self._clocks.values():
            clock.ring()

    def clock(self, heartbeat: float) -> ClockUse:
        """The clock of subscribers with this heartbeat period, ticking while any has it."""
        return ClockUse(self._clocks, heartbeat)

    @property
    def advanced(self) -> asyncio.Event:
        """Set (then replaced) when the window moves on: wait on the one you got."""
        return self._advanced

    async def read_to(self, head: int | None) -> None:
        """Reads the store up to `head` into the window; subscribers are woken per page.

        With `head` None (a NOTIFY said the log moved, not where to), reads on until the
        store has nothing more.
        """
        while head is None or self.end < head:
            page = await self.read(self._read_page, self.end, head)
            if page[1] == self.end:
                return  # nothing new (only when the head was not known)
            self._extend(page)
            if head is None and len(page[0]) < PAGE:
                return

    def _read_page(self, after: int, head: int | None) -> tuple[list[WireEvent], int]:
        until = LAST_POSITION if head is None else head
        rows = self.store.log_reader.log_rows(after, PAGE, until)
        scanned_to = (
            head if head is not None and len(rows) < PAGE else rows[-1][0] if rows else after
        )
        return wire.wire_events(rows), scanned_to

    def _extend(self, page: tuple[list[WireEvent], int]) -> None:
        events, scanned_to = page
        self.reads += 1
        self._previous_end = self.end
        self.events.extend(events)
        self.positions.extend(e.position for e in events)
        self.bytes += sum(e.size for e in events)
        self.end = scanned_to
        self._trim()
        self._shared.clear()
        self.wake()

    def _trim(self) -> None:
        if len(self.events) <= self.max_events and self.bytes <= self.max_bytes:
            return
        # Drop a quarter beyond the bound at once, so trimming is rare.
        keep_events, keep_bytes = self.max_events * 3 // 4, self.max_bytes * 3 // 4
        cut, kept_bytes = len(self.events), 0
        while cut > 0 and len(self.events) - cut < keep_events:
            size = self.events[cut - 1].size
            if kept_bytes + size > keep_bytes:
                break
            kept_bytes += size
            cut -= 1
        if cut == 0:
            return
        self.start = self.positions[cut - 1]
        del self.events[:cut]
        del self.positions[:cut]
        self.bytes = kept_bytes

    def after(self, cursor: int, selection: Selection, form: str) -> Chunk:
        """Matching events in the window after `cursor` (start ≤ cursor < end), encoded.

        Subscribers that were caught up at the last move share one answer per filter and
        form; one that is further behind gets its own slice of at most CHUNK_BYTES.
        """
        shared = cursor == self._previous_end
        if shared:
            found = self._shared.get((selection, form))
            if found is not None:
                return found
        first = bisect.bisect_right(self.positions, cursor)
        last, size = first, 0
        while last < len(self.events) and size < CHUNK_BYTES:
            size += len(self.events[last].envelope)
            last += 1
        scanned_to = self.positions[last - 1] if last < len(self.events) else self.end
        chunk = _chunk(self.events[first:last], selection, form, scanned_to)
        if shared:
            self._shared[(selection, form)] = chunk
        return chunk
