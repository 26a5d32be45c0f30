"""A write made in a thread for a caller that may be cancelled, recorded only if it began to
commit before the caller gave up.

The server cancels requests waiting on a store that stopped answering and answers them
503. A thread cannot be cancelled: one still waiting for a connection would commit once
the database is back, and a write answered "not recorded" would be recorded. The write
and its caller settle which comes first through a `PendingWrite` in the thread's context
(the recorder checks it inside the append's transaction).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from ctevents.persistence import PENDING_WRITE, PendingWrite

T = TypeVar("T")


async def write_in_thread(call: Callable[..., T], *args: Any) -> T:
    """`call(*args)` in a thread. Cancelled before the write began to commit, it records
    nothing (and the cancellation goes on); cancelled after, this waits for the write's
    outcome and answers with it."""
    pending = PendingWrite()
    token = PENDING_WRITE.set(pending)
    try:  # the thread runs in a copy of this context, pending write included
        work = asyncio.ensure_future(asyncio.to_thread(call, *args))
    finally:
        PENDING_WRITE.reset(token)
    try:
        return await asyncio.shield(work)
    except asyncio.CancelledError:
        if pending.give_up():
            # The thread ends by itself (WriteAbandoned, or the store's error): not awaited.
            work.add_done_callback(_ended)
            raise
    task = asyncio.current_task()
    if task is not None:
        task.uncancel()  # the write is committing: its outcome is the answer
    return await work


def _ended(work: asyncio.Future[Any]) -> None:
    if not work.cancelled():
        work.exception()  # retrieved, so asyncio does not report it as never retrieved
