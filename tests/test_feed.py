"""The feed's semantics without HTTP: read by position, catch-up then live, on each store."""

from __future__ import annotations

import asyncio

from ctevents.feed import (
    Batch,
    EventFilter,
    Heartbeat,
    LogWatcher,
    PollingWaker,
    Progress,
    follow,
    read_batch,
    read_page,
    record,
)
from ctevents.store import Store
from tests.feed_fixtures import document, ingest_with_facts, no_facts


async def test_follow_catches_up_then_goes_live_without_gap_or_duplicate(store_url: str) -> None:
    store = await asyncio.to_thread(Store, store_url)
    watcher = LogWatcher(store, wakers=(PollingWaker(store, 0.05),))
    for i in range(7):
        await record(store, watcher, document(i), no_facts)
    await watcher.start()
    seen: list[int] = []

    async def subscriber() -> None:
        async for item in follow(watcher, 0, EventFilter(), heartbeat=5):
            if isinstance(item, Batch):
                seen.extend(e["position"] for e in item.events)
            if len(seen) >= 20:
                return

    async def writer() -> None:
        for i in range(7, 20):
            await record(store, watcher, document(i), no_facts)
            await asyncio.sleep(0.005 * (i % 3))

    try:
        async with asyncio.timeout(10):
            await asyncio.gather(subscriber(), writer())
        expected = [n.id for n in store.notifications(after=0, limit=100)]
        assert seen == expected
        assert not watcher.subscriptions  # the subscription ended with the subscriber
    finally:
        await watcher.close()
        store.close()


async def test_sparse_filter_reports_how_far_it_scanned(store_url: str) -> None:
    store = await asyncio.to_thread(Store, store_url)
    watcher = LogWatcher(store)
    try:
        for i in range(5):
            await record(store, watcher, document(i), no_facts)
        facts = await asyncio.to_thread(ingest_with_facts, store, "parties=US,IN joint statement")
        for i in range(5, 8):
            await record(store, watcher, document(i), no_facts)
        await watcher.start()
        head = store.head()
        items = []
        async with asyncio.timeout(5):
            async for item in follow(watcher, 0, EventFilter(party="US"), heartbeat=0.2):
                items.append(item)
                if isinstance(item, Heartbeat):
                    break
        matched = [e["position"] for i in items if isinstance(i, Batch) for e in i.events]
        assert matched == list(facts.positions[1:])  # MeetingHeld and DelegationLed
        assert Progress(head) in items  # scanned to the head after the match: resume there
        batch = read_batch(store, 0, head, EventFilter(meeting="nobody"), want=2, page=3)
        assert batch == Batch(events=[], scanned_to=3)
    finally:
        await watcher.close()
        store.close()


async def test_long_poll_page_is_woken_by_an_append(sqlite_url: str) -> None:
    store = await asyncio.to_thread(Store, sqlite_url)
    watcher = LogWatcher(store, wakers=(PollingWaker(store, 10),))  # only in-process wakes
    await watcher.start()
    try:
        waiting = asyncio.create_task(read_page(watcher, 0, 10, EventFilter(), wait=5))
        await asyncio.sleep(0.1)
        assert not waiting.done()
        await record(store, watcher, document(1), no_facts)
        async with asyncio.timeout(1):
            page = await waiting
        assert [e["position"] for e in page.events] == [1]
        assert page.last_position == 1 and not page.immutable
    finally:
        await watcher.close()
        store.close()
