"""The feed's semantics without HTTP: read by position, catch-up then live, on each store."""

from __future__ import annotations

import asyncio

import orjson

from ctevents.feed import (
    Delivery,
    EnvelopeBatch,
    EventFilter,
    LogWatcher,
    PollingWaker,
    follow,
    read_batch,
    read_page,
)
from ctevents.live_ingest import ingest_live
from ctevents.store import Store
from tests.support.feed_fixtures import document, ingest_with_facts, no_facts


def lines(delivery: Delivery) -> list[dict]:
    """The NDJSON items of one delivery (an empty dict for a heartbeat)."""
    return [orjson.loads(line) if line else {} for line in delivery.data.split(b"\n")[:-1]]


async def test_follow_catches_up_then_goes_live_without_gap_or_duplicate(store_url: str) -> None:
    store = await asyncio.to_thread(Store, store_url)
    watcher = LogWatcher(store, wakers=(PollingWaker(store, 0.05),))
    for i in range(7):
        await ingest_live(store, watcher, document(i), no_facts)
    await watcher.start()
    seen: list[int] = []

    async def subscriber() -> None:
        async for delivery in follow(watcher, 0, EventFilter(), heartbeat=5):
            seen.extend(item["position"] for item in lines(delivery) if "position" in item)
            assert delivery.positions == seen[len(seen) - len(delivery.positions) :]
            if len(seen) >= 20:
                return

    async def writer() -> None:
        for i in range(7, 20):
            await ingest_live(store, watcher, document(i), no_facts)
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
            await ingest_live(store, watcher, document(i), no_facts)
        facts = await asyncio.to_thread(ingest_with_facts, store, "parties=US,IN joint statement")
        for i in range(5, 8):
            await ingest_live(store, watcher, document(i), no_facts)
        await watcher.start()
        head = store.head()
        items = []
        async with asyncio.timeout(5):
            async for delivery in follow(watcher, 0, EventFilter(party="US"), heartbeat=0.2):
                items.extend(lines(delivery))
                if items[-1] == {}:  # a heartbeat: nothing more came
                    break
        matched = [i["position"] for i in items if "position" in i]
        assert matched == list(facts.positions[1:])  # MeetingHeld and DelegationLed
        # Scanned to the head after the match: the subscriber may resume there.
        assert {"last_position": head} in items
        batch = read_batch(store, 0, head, EventFilter(meeting="nobody"), want=2, page=3)
        assert batch == EnvelopeBatch(events=[], scanned_to=3)
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
        await ingest_live(store, watcher, document(1), no_facts)
        async with asyncio.timeout(1):
            page = await waiting
        assert [e["position"] for e in page.events] == [1]
        assert page.last_position == 1 and not page.immutable
    finally:
        await watcher.close()
        store.close()
