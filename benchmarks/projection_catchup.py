"""Catch-up speed of the batched projection engine, beside two baselines measured in the same run.

Generates a log of N events (default 20,000: sources of 10 fact events each), then
measures, in events per second of log:
- read: reading and decoding every event of the log as the engine does (the floor
  for any projection that needs typed events);
- stock: eventsourcing's `ProjectionRunner`-style processing, one transaction per
  event (a `SQLiteTrackingRecorder`/`PostgresTrackingRecorder` view writing one row
  and the tracking position per event), on the first 2,000 events;
- engine: `ProjectionEngine` catching all four read models up from position 0.

    .venv/bin/python benchmarks/projection_catchup.py [--events N] [--store URL]

Without --store a temporary SQLite file is used; pass a postgresql:// URL (with a
`?schema=`) to measure PostgreSQL.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

from ctevents.projections.catalog import MODELS
from ctevents.projections.engine import ProjectionEngine
from ctevents.projections.views import open_views
from eventsourcing.persistence import Tracking

from ctevents.codec import EventDecoder, RecordedEvent
from ctevents.events import DelegationLed, Evidence, MeetingHeld, SourceRecorded, TopicDiscussed
from ctevents.store import Store

PER_SOURCE = 10


def generate(store: Store, events: int) -> None:
    now = datetime.now(UTC)
    for n in range(events // PER_SOURCE):
        stream = uuid4()
        sid = str(stream)
        ev = (Evidence(source_id=sid, start=0, end=6, quote="Report"),)
        # Each meeting is reported by two sources, as the seeds' India–Maldives meeting is.
        meeting = n // 2
        key = f"IN-{['MV', 'US', 'FR', 'JP'][meeting % 4]}/jwg-counter-terrorism/{meeting}"
        parties = tuple(sorted(("IN", ["MV", "US", "FR", "JP"][meeting % 4])))
        batch = [
            SourceRecorded(source_id=sid, sha256="0" * 64, text=f"Report {n}", received_at=now),
            MeetingHeld(
                meeting_key=key,
                mechanism="Joint Working Group",
                parties=parties,
                ordinal=meeting,
                evidence=ev,
                extractor_version="bench",
            ),
        ]
        for i in range(PER_SOURCE - 3):
            batch.append(
                DelegationLed(
                    meeting_key=key,
                    party=parties[i % 2],
                    name=f"Person {meeting % 300} {i}",
                    evidence=ev,
                    extractor_version="bench",
                )
            )
        batch.append(
            TopicDiscussed(
                meeting_key=key,
                topic="radicalisation",
                text="radicalisation",
                evidence=ev,
                extractor_version="bench",
            )
        )
        store.append([RecordedEvent(stream, v + 1, now, e) for v, e in enumerate(batch)])


def measure_read(store: Store) -> float:
    """Pages of the log decoded for every model, as the engine (and replay) decode them."""
    decoder = EventDecoder(store.mapper, {c for m in MODELS for c in m.handlers})
    head = store.head()
    started, after, count = time.perf_counter(), 0, 0
    while rows := store.stored_rows(after, 2000, head):
        page = decoder.decode(rows, after)
        count += page.read
        after = page.end
    return count / (time.perf_counter() - started)


def measure_stock(store: Store, events: int) -> float:
    """One transaction per event, as the stock ProjectionRunner commits."""
    views = open_views(store.location, prefix="stock_")
    try:
        with views.transaction(commit=True) as cursor:
            cursor.execute(
                f"CREATE TABLE IF NOT EXISTS {views.table('stock')} "
                "(key TEXT PRIMARY KEY, row TEXT NOT NULL)"
            )
        page = store.recorded_events(after=0, limit=events)
        started = time.perf_counter()
        for position, recorded in page:
            with views.transaction(commit=True) as cursor:
                cursor.execute(
                    views.sql(
                        f"INSERT INTO {views.table('stock')} VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET row = excluded.row"
                    ),
                    (recorded.stream, recorded.event.type_name),
                )
                views._insert_tracking(cursor, Tracking("stock", position))
        return len(page) / (time.perf_counter() - started)
    finally:
        views.close()


def measure_engine(store: Store) -> float:
    views = open_views(store.location, prefix=f"bench{uuid4().hex[:6]}_")
    try:
        engine = ProjectionEngine(store, views, MODELS)
        started = time.perf_counter()
        folded = engine.catch_up()
        return folded / (time.perf_counter() - started)
    finally:
        views.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--store", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.store or str(Path(tmp) / "bench.db")
        with Store(url) as store:
            generate(store, args.events)
            head = store.head()
            read = measure_read(store)
            stock = measure_stock(store, min(2000, head))
            engine = measure_engine(store)
        print(f"store: {store.kind}, log: {head} events")
        print(f"read + decode the log (floor):        {read:>9,.0f} events/s")
        print(f"stock, one transaction per event:     {stock:>9,.0f} events/s")
        print(f"engine, 4 read models, batched:       {engine:>9,.0f} events/s")
        print(f"engine / stock: {engine / stock:.1f}x; engine / floor: {engine / read:.2f}")


if __name__ == "__main__":
    main()
