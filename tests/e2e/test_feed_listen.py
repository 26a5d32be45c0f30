"""A lost LISTEN connection on real PostgreSQL: polling covers the gap, and LISTEN comes back.

The listening backend is ended from the database side (`pg_terminate_backend`), as a
restart, a failover or an administrator would end it; the appends then come through a
second store, as from another server, so only the wakers can find them.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import psycopg
import pytest

from ctevents.feed import HeadWaker, LogWatcher, NotifyWaker, PollingWaker
from ctevents.store import Store
from tests.support.feed_fixtures import ingest_with_facts
from tests.support.postgres import postgres_dsn

pytestmark = pytest.mark.postgres

WAIT = 20.0  # seconds to wait for a condition: a bound against hanging, not a timing claim


def listeners(store: Store) -> list[int]:
    """Backends LISTENing on the store's channel (each schema has its own)."""
    with psycopg.connect(postgres_dsn(), autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE query ILIKE 'LISTEN%%' AND query LIKE %s",
            (f"%{store.recorder.channel_name}%",),
        ).fetchall()
    return [pid for (pid,) in rows]


def terminate(pid: int) -> None:
    with psycopg.connect(postgres_dsn(), autocommit=True) as conn:
        assert conn.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone() == (True,)


async def until(condition: Callable[[], bool], what: str) -> None:
    async with asyncio.timeout(WAIT):
        while not condition():
            await asyncio.sleep(0.05)
    assert condition(), what


async def listening(store: Store, other_than: int | None = None) -> int:
    """The pid of the backend listening for the store (a new one when `other_than` is given)."""
    found: list[int] = []

    def check() -> bool:
        found[:] = [p for p in listeners(store) if p != other_than]
        return bool(found)

    async with asyncio.timeout(WAIT):
        while not await asyncio.to_thread(check):
            await asyncio.sleep(0.05)
    return found[0]


@asynccontextmanager
async def watching(
    url: str, wakers: Callable[[Store], list[HeadWaker]]
) -> AsyncIterator[tuple[LogWatcher, Store]]:
    """A watcher on `url` woken only by `wakers(store)`, and a second store to append through."""
    with Store(url) as store, Store(url) as other:
        watcher = LogWatcher(store, wakers(store))
        await watcher.start()
        try:
            yield watcher, other
        finally:
            await watcher.close()


async def append_elsewhere(other: Store, n: int) -> int:
    result = await asyncio.to_thread(ingest_with_facts, other, f"Statement {n}: India met Japan.")
    return max(result.positions)


async def test_a_dropped_listen_connection_falls_back_to_polling(
    postgres_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="ctevents.feed")

    def wakers(store: Store) -> list[HeadWaker]:
        # LISTEN is not tried again within the test: what arrives after the drop was polled.
        return [NotifyWaker(store, retry=3600), PollingWaker(store, 0.2)]

    async with watching(postgres_url, wakers) as (watcher, other):
        pid = await listening(watcher.store)
        first = await append_elsewhere(other, 1)
        await until(lambda: watcher.tail.end >= first, "the tail reads an append")
        terminate(pid)
        await until(
            lambda: any("listening for appends failed" in r.message for r in caplog.records),
            "the waker notices the lost connection",
        )
        assert await asyncio.to_thread(listeners, watcher.store) == []
        second = await append_elsewhere(other, 2)
        await until(lambda: watcher.tail.end >= second, "polling finds the append")
        assert first in watcher.tail.positions and second in watcher.tail.positions


async def test_listen_comes_back_after_its_connection_is_dropped(postgres_url: str) -> None:
    def wakers(store: Store) -> list[HeadWaker]:
        # NOTIFY alone, no polling: an append after the drop can only arrive once the
        # subscription listens again.
        return [NotifyWaker(store, retry=0.2)]

    async with watching(postgres_url, wakers) as (watcher, other):
        assert not any(isinstance(w, PollingWaker) for w in watcher.wakers)
        pid = await listening(watcher.store)
        terminate(pid)
        again = await listening(watcher.store, other_than=pid)
        assert again != pid
        position = await append_elsewhere(other, 3)
        await until(lambda: watcher.tail.end >= position, "NOTIFY wakes the tail again")
        assert position in watcher.tail.positions


def test_the_listening_thread_itself_passes_on_each_notify(postgres_url: str) -> None:
    # No pull thread or queue between the NOTIFY and `on_notify`: each is a thread's
    # wake-up (a wait for a CPU) on the way to the subscribers.
    with Store(postgres_url) as store, Store(postgres_url) as other:
        callers: list[int] = []
        subscription = store.head_notifications(
            store.head(), lambda: callers.append(threading.get_ident())
        )
        assert subscription is not None
        ended: list[object] = []

        def iterate() -> None:  # as the feed's relay does: iterating ends with the subscription
            with subscription:
                ended.extend(subscription)
            ended.append("ended")

        relay = threading.Thread(target=iterate)
        relay.start()
        try:
            deadline = time.monotonic() + WAIT
            while not callers and time.monotonic() < deadline:  # once LISTEN took effect
                time.sleep(0.01)
            assert callers, "on_notify is called once LISTEN has taken effect"
            before = len(callers)
            ingest_with_facts(other, "Statement 4: India met Japan.")
            while len(callers) == before and time.monotonic() < deadline:
                time.sleep(0.01)
            assert len(callers) > before, "an append through another store is notified"
            listening = subscription._listen_thread.ident  # type: ignore[attr-defined]
            assert set(callers) == {listening}
        finally:
            subscription.stop()
            relay.join(WAIT)
        assert not relay.is_alive() and ended == ["ended"]


async def test_a_waker_cancelled_while_it_opens_leaves_no_subscription(postgres_url: str) -> None:
    # A server shutting down cancels its wakers at any point; cancelled while the
    # subscription is being opened in a thread, the waker must still stop it once it is
    # open, or its threads and its connection outlive the server.
    with Store(postgres_url) as store:
        await asyncio.to_thread(store.head)  # the store's own connections, before counting
        before = {t.ident for t in threading.enumerate()}
        waker = NotifyWaker(store, retry=3600)
        running: list[asyncio.Task[None]] = []

        def moved(head: int | None) -> None:  # called just before the subscription opens
            running[0].cancel()

        running.append(asyncio.create_task(waker.run(moved)))
        with pytest.raises(asyncio.CancelledError):
            await running[0]

        def opened_threads() -> list[str]:
            return [
                t.name
                for t in threading.enumerate()
                if t.ident not in before and not t.name.startswith("asyncio_")
            ]

        await until(lambda: not opened_threads(), "the subscription opened after the cancel stops")
