"""The tail's reader has a connection of its own (`Store.log_reader`), and so have subscribers
catching up from the store (`Store.open_log_reader`): a writer holding the
write lock open, and appends waiting behind it in eventsourcing's pool, do not hold up its
reads of the head and of new events; and it reads what commits once the writer is done.

Asserted without timing: while the lock is held none of the waiting appends can finish
or give its pooled connection back, so reads that answer while every append still waits
did not queue behind them (through the pool, the same reads fail: on SQLite the appends
give up first, on PostgreSQL the reads wait out their bound).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager

import orjson
import pytest

from ctevents.closing import Closed
from ctevents.feed import EventFilter
from ctevents.store import Store
from ctevents.tail import SharedTail
from tests.support.event_samples import placed, sample_events

# As many appends as eventsourcing's pools hold connections (5 + 10 overflow, both
# databases): through the pool, a read would have to wait for one of them to finish.
WAITING_APPENDS = 15
LAST = 2**63 - 1
# Bounds the test if a read did wait (it would then fail, not hang).
READ_BOUND = 60.0


@contextmanager
def write_lock_held(store: Store) -> Iterator[None]:
    """A write transaction held open on a connection of the test's own, as a writer holds it.

    SQLite: `BEGIN IMMEDIATE` takes the file's write lock. PostgreSQL: the table lock every
    append takes (eventsourcing's `LOCK TABLE … IN EXCLUSIVE MODE`).
    """
    if store.kind == "sqlite":
        connection = sqlite3.connect(store.location.sqlite_path, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
    else:
        connection = store.location.connect_postgres(autocommit=False)
        connection.execute(f"LOCK TABLE {store.recorder.qualified_events_table} IN EXCLUSIVE MODE")
    try:
        yield
    finally:
        connection.rollback()
        connection.close()


def wait_until_appends_wait(store: Store) -> None:
    """PostgreSQL shows appends waiting for the lock; SQLite's busy waits show nowhere."""
    if store.kind == "sqlite":
        time.sleep(1.0)  # time for the appends to take their pool turns and wait on the lock
        return
    with store.location.connect_postgres() as watcher:
        deadline = time.monotonic() + READ_BOUND
        while time.monotonic() < deadline:
            waiting = watcher.execute(  # this store's appends (others share the database)
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND query LIKE 'LOCK TABLE%%' AND position(%s in query) > 0",
                (store.recorder.datastore.schema,),
            ).fetchone()[0]
            if waiting >= WAITING_APPENDS:
                return
            time.sleep(0.05)
    pytest.fail("the appends never waited for the table lock")


def waiting_appends(store: Store, threads: ThreadPoolExecutor) -> list[Future[list[int]]]:
    """WAITING_APPENDS appends started while the write lock is held, once they all wait."""
    appends = [
        threads.submit(store.append, placed(sample_events()[:1])) for _ in range(WAITING_APPENDS)
    ]
    wait_until_appends_wait(store)
    return appends


def test_a_tail_read_does_not_wait_for_a_writer_holding_the_write_lock(store_url, monkeypatch):
    # No statement timeout: an append waiting for the lock never gives its pooled
    # connection back, so a read that needed one would wait out READ_BOUND and fail.
    monkeypatch.setenv("PGOPTIONS", "-c statement_timeout=0")
    with Store(store_url) as store, ThreadPoolExecutor(WAITING_APPENDS + 1) as threads:
        first = store.append(placed(sample_events()[:2]))
        with write_lock_held(store):
            appends = waiting_appends(store, threads)
            head = threads.submit(store.log_reader.head).result(READ_BOUND)
            rows = threads.submit(store.log_reader.log_rows, 0, 100, LAST).result(READ_BOUND)
            # Every append still waits: the reads answered without taking a turn behind them.
            assert [a.done() for a in appends] == [False] * WAITING_APPENDS
            assert head == first[-1]
            assert [r[0] for r in rows] == first
        appended = sorted(p for a in appends for p in a.result(READ_BOUND))
        assert len(appended) == WAITING_APPENDS
        # The same connection reads what committed after the writer let go: no stale snapshot.
        assert store.log_reader.head() == appended[-1]
        after = [r[0] for r in store.log_reader.log_rows(first[-1], 100, LAST)]
        assert after == appended
        assert store.log_reader.log_rows(0, 100, LAST) == store.log_rows(0, 100, LAST)
        streams = store.log_reader.streams  # the rows as stored, their streams converted
        stored = store.log_reader.stored_log_rows(0, 100, LAST)
        assert [(p, streams[s], t, v, b) for p, s, t, v, b in stored] == store.log_rows(
            0, 100, LAST
        )


def test_the_reader_is_closed_with_the_store(store_url):
    store = Store(store_url)
    assert store.log_reader.head() == 0
    assert store.log_reader.connected
    store.close()
    assert not store.log_reader.connected
    with pytest.raises(Closed):
        store.log_reader.head()


def test_a_catch_up_page_does_not_wait_for_a_writer_holding_the_write_lock(store_url, monkeypatch):
    # Subscribers behind the window read pages of the store on readers of their own
    # (`Store.open_log_reader`), not through the pool the appends wait in.
    monkeypatch.setenv("PGOPTIONS", "-c statement_timeout=0")
    with Store(store_url) as store, ThreadPoolExecutor(WAITING_APPENDS + 1) as threads:
        tail = SharedTail(store)
        try:
            first = store.append(placed(sample_events()[:2]))
            with write_lock_held(store):
                appends = waiting_appends(store, threads)
                page = threads.submit(tail.read_store_chunk, 0, LAST, EventFilter(), "ndjson")
                chunk = page.result(READ_BOUND)
                assert [a.done() for a in appends] == [False] * WAITING_APPENDS
                assert chunk.positions == first
            appended = sorted(p for a in appends for p in a.result(READ_BOUND))
            chunk = tail.read_store_chunk(0, LAST, EventFilter(), "ndjson")
            assert chunk.positions == first + appended
            lines = [orjson.loads(line) for line in chunk.data.splitlines()]
            assert lines == store.envelopes(0, 100)
        finally:
            tail.close()


def test_catch_up_readers_are_closed_with_the_store(store_url):
    store = Store(store_url)
    reader = store.open_log_reader()
    assert reader.head() == 0
    assert reader.connected
    store.close()
    assert not reader.connected
    with pytest.raises(Closed):
        reader.head()
    with pytest.raises(Closed):
        store.open_log_reader()
