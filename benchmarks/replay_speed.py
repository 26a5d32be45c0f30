"""Replay speed beside the floor, measured in the same run on a generated log.

Generates a log of N events (default 100,000; the generator of
`tests/test_replay_generated.py`: many sources, meetings, leaders, topics, some
retractions and re-extractions), then measures, in events per second of log:
- floor: every event read with one plain SQL query and its payload decoded with
  orjson, nothing else;
- replay: `ctevents replay --json` of all four read models (in this process, with the
  CLI's modules imported beforehand, so the interpreter's start-up is not counted):
  fresh tables, fast pass, tail, swap, digests.

    .venv/bin/python benchmarks/replay_speed.py [--events N] [--store URL]

Without --store a temporary SQLite file is used; pass a postgresql:// URL (with a
`?schema=` of its own) to measure PostgreSQL.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ctevents.cli import build_parser
from ctevents.cli import main as ctevents
from ctevents.store import Store
from tests.test_replay_generated import generate


def measure_floor(store: Store) -> tuple[int, float]:
    """One plain SELECT over the stored events, each payload decoded with orjson."""
    if store.kind == "sqlite":
        import sqlite3

        assert store.location.sqlite_path is not None
        connection = sqlite3.connect(store.location.sqlite_path)
        started = time.perf_counter()
        count = 0
        for (state,) in connection.execute("SELECT state FROM stored_events ORDER BY rowid"):
            orjson.loads(state)
            count += 1
        seconds = time.perf_counter() - started
        connection.close()
        return count, seconds
    schema = store.location.env.get("POSTGRES_SCHEMA", "public")
    with store.location.connect_postgres(autocommit=False) as connection:
        started = time.perf_counter()
        count = 0
        with connection.cursor(name="floor") as cursor:  # server-side: streamed, not buffered
            cursor.itersize = 10_000
            cursor.execute(f'SELECT state FROM "{schema}".ctevents_events ORDER BY notification_id')
            for (state,) in cursor:
                orjson.loads(state)
                count += 1
        return count, time.perf_counter() - started


def measure_replay(url: str) -> tuple[float, list[dict]]:
    build_parser()  # imports every command's modules: start-up, not replay, so not timed
    out = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out):
        ctevents(["replay", "--json", "--store", url])
    seconds = time.perf_counter() - started
    return seconds, [orjson.loads(line) for line in out.getvalue().splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--store", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.store or str(Path(tmp) / "bench.db")
        with Store(url) as store:
            started = time.perf_counter()
            head = generate(store, args.events)
            generated = time.perf_counter() - started
            count, floor_seconds = measure_floor(store)
        seconds, results = measure_replay(url)
    floor = count / floor_seconds
    replay = head / seconds
    print(f"store: {store.kind}; log: {head:,} events (generated in {generated:.1f} s)")
    print(f"floor, plain SELECT + orjson:      {floor:>10,.0f} events/s ({floor_seconds:.2f} s)")
    print(f"ctevents replay, 4 read models:    {replay:>10,.0f} events/s ({seconds:.2f} s)")
    print(f"replay / floor: {replay / floor:.2f}")
    for result in results:
        print(f"  {result['projection']:<10} digest {result['digest'][:16]}…")


if __name__ == "__main__":
    main()
