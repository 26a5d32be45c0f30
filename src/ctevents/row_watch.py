"""Watching a read model's rows: what a client sees first, then each change as it commits.

The read side's counterpart of `feed.follow`: an async iterator a server frames (SSE),
apart from the query that reads the rows, which the caller passes in. The folding
thread rings a `CommitBell` after each commit; a watch also looks every `poll` seconds,
for changes folded by another process. `folded_to` waits for a model to reach a
position, so a client reads its own write.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

Change = dict[str, Any]  # {op, key, row, position}
# Reads the changes after a position: (changes, the position they are complete up to).
ReadChanges = Callable[[int], tuple[list[Change], int]]

WATCH_POLL = 0.5  # how often a watch looks for changes folded by another process
FOLDED_STEP = 0.05  # how often `folded_to` looks at the model's position


class CommitBell:
    """Wakes every watch in the event loop when a folding thread has committed changes."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._listening: set[asyncio.Event] = set()

    def ring_from_thread(self) -> None:
        self._loop.call_soon_threadsafe(self._ring)

    def _ring(self) -> None:
        for event in self._listening:
            event.set()

    def listen(self) -> asyncio.Event:
        event = asyncio.Event()
        self._listening.add(event)
        return event

    def leave(self, event: asyncio.Event) -> None:
        self._listening.discard(event)


@dataclass(frozen=True)
class Opening:
    """The first thing a watch yields: the rows (or changes since a resume point) and the
    position they are complete up to."""

    changes: list[Change]
    position: int


@dataclass(frozen=True)
class Changes:
    changes: list[Change]


@dataclass(frozen=True)
class Heartbeat:
    """Nothing changed for the heartbeat interval: a sign of life for the client."""


Watched = Opening | Changes | Heartbeat


class _InView:
    """The keys a client holds; a row that left a filtered view becomes a delete, once."""

    def __init__(self) -> None:
        self.keys: set[str] = set()

    def visible(self, changes: list[Change], *, resumed: bool) -> list[Change]:
        shown = []
        for change in changes:
            if change["op"] == "upsert" and change["row"] is not None:
                self.keys.add(change["key"])
                shown.append(change)
            elif change["key"] in self.keys or (resumed and change["op"] == "delete"):
                self.keys.discard(change["key"])
                shown.append({**change, "op": "delete", "row": None})
        return shown


async def watch_rows(
    bell: CommitBell,
    read_opening: Callable[[], tuple[list[Change], int]],
    read_since: ReadChanges,
    *,
    resumed: bool,
    stopped: Callable[[], bool],
    heartbeat: float,
    poll: float = WATCH_POLL,
) -> AsyncIterator[Watched]:
    """Yields an `Opening`, then `Changes` and `Heartbeat`s until `stopped()`.

    The reads run in a thread. An error of the opening read reaches the caller from the
    first `anext`, before anything is sent; `resumed` says the client already holds rows
    (a delete of a row it never saw is still sent).
    """
    wake = bell.listen()  # before the first read: a commit in between still wakes us
    try:
        opening, cursor = await asyncio.to_thread(read_opening)
        in_view = _InView()
        yield Opening(in_view.visible(opening, resumed=resumed), cursor)
        idle = 0.0
        while not stopped():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), poll)
            wake.clear()
            changes, as_of = await asyncio.to_thread(read_since, cursor)
            cursor = max(cursor, as_of)
            shown = in_view.visible(changes, resumed=True)
            if shown:
                yield Changes(shown)
            idle = 0.0 if shown else idle + poll
            if idle >= heartbeat:
                yield Heartbeat()
                idle = 0.0
    finally:
        bell.leave(wake)


async def folded_to(position: Callable[[], int], wanted: int, wait: float) -> int:
    """The model's position (read in a thread) once it is `wanted` or more, or where it
    stands after `wait` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    while True:
        reached = await asyncio.to_thread(position)
        if reached >= wanted or loop.time() >= deadline:
            return reached
        await asyncio.sleep(FOLDED_STEP)
