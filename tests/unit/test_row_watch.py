"""`row_watch.watch_rows`: the opening, then each change as it commits, without HTTP."""

from __future__ import annotations

import asyncio
from contextlib import aclosing
from typing import Any

import pytest

from ctevents.row_watch import Changes, CommitBell, Heartbeat, Opening, folded_to, watch_rows

HANG_GUARD = 10.0  # seconds: a watch that never yields fails instead of hanging the suite


def change(position: int, key: str, op: str = "upsert", row: Any = "row") -> dict[str, Any]:
    return {"position": position, "key": key, "op": op, "row": None if op == "delete" else row}


class Log:
    """Changes as a read model records them; reads them after a position as the views do."""

    def __init__(self, *changes: dict[str, Any]) -> None:
        self.changes = list(changes)

    def opening(self) -> tuple[list[dict[str, Any]], int]:
        return self.since(0)

    def since(self, cursor: int) -> tuple[list[dict[str, Any]], int]:
        found = [c for c in self.changes if c["position"] > cursor]
        return found, max([cursor, *(c["position"] for c in self.changes)])


async def next_item(watched: Any) -> Any:
    return await asyncio.wait_for(anext(watched), HANG_GUARD)


def watching(log: Log, **options: Any) -> tuple[CommitBell, Any]:
    """A bell in this loop and a watch of `log` (never stopped, never beating, unless told)."""
    bell = CommitBell(asyncio.get_running_loop())
    settings: dict[str, Any] = {"resumed": False, "stopped": lambda: False, "heartbeat": 3600.0}
    watched = watch_rows(bell, log.opening, log.since, **{**settings, **options})
    return bell, watched


async def test_the_opening_then_a_commit_rung_by_the_bell() -> None:
    log = Log(change(1, "a"), change(2, "b"))
    bell, watched = watching(log, poll=3600.0)  # only the bell can wake it
    async with aclosing(watched):
        opening = await next_item(watched)
        assert opening == Opening([change(1, "a"), change(2, "b")], 2)
        log.changes.append(change(3, "c"))
        bell.ring_from_thread()
        assert await next_item(watched) == Changes([change(3, "c")])


async def test_a_row_that_leaves_the_view_is_deleted_once_and_unseen_rows_not_at_all() -> None:
    log = Log(change(1, "a"))
    _, watched = watching(log, poll=0.01)
    async with aclosing(watched):
        await next_item(watched)
        # `a` leaves the filtered view (its row is None for this watch), twice; `z` changes
        # outside it; `y` is deleted, which a client that resumed may hold, so it is told.
        log.changes += [change(2, "a", row=None), change(3, "z", row=None)]
        log.changes += [change(4, "a", row=None), change(5, "y", op="delete")]
        deleted = [change(2, "a", op="delete"), change(5, "y", op="delete")]
        assert await next_item(watched) == Changes(deleted)


async def test_a_resumed_watch_passes_deletes_on_and_beats_when_idle() -> None:
    log = Log(change(5, "gone", op="delete"))
    _, watched = watching(log, resumed=True, heartbeat=0.02, poll=0.01)
    async with aclosing(watched):
        assert await next_item(watched) == Opening([change(5, "gone", op="delete")], 5)
        assert await next_item(watched) == Heartbeat()


async def test_an_opening_that_fails_reaches_the_caller_and_leaves_the_bell() -> None:
    def refused() -> tuple[list[dict[str, Any]], int]:
        raise ValueError("unknown filter")

    bell = CommitBell(asyncio.get_running_loop())
    watched = watch_rows(
        bell, refused, Log().since, resumed=False, stopped=lambda: False, heartbeat=1.0
    )
    with pytest.raises(ValueError, match="unknown filter"):
        await next_item(watched)
    assert not bell._listening


async def test_the_watch_ends_when_the_read_side_stops() -> None:
    stopping = asyncio.Event()
    log = Log(change(1, "a"))
    bell, watched = watching(log, stopped=stopping.is_set, poll=0.01)
    await next_item(watched)
    stopping.set()
    with pytest.raises(StopAsyncIteration):
        await next_item(watched)
    assert not bell._listening


async def test_folded_to_waits_for_the_position_or_says_where_the_model_stands() -> None:
    positions = iter([3, 5, 8, 13])
    assert await folded_to(lambda: next(positions), 8, HANG_GUARD) == 8
    assert await folded_to(lambda: 2, 8, 0.0) == 2  # no wait: where it stands now
