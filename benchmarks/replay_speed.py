"""Replay speed beside the floor, measured in the same run on a generated log, per store.

Generates a log of N events (default 100,000; the generator of
`tests/support/generated_corpus.py`: many sources, meetings, leaders, topics, some
retractions and re-extractions) in each store, then measures there, in events per
second of log:
- floor: every event read with one plain SQL query and its payload decoded with
  orjson, nothing else;
- replay: `ctevents replay --json` of all four read models together (in this process,
  with the CLI's modules imported beforehand, so the interpreter's start-up is not
  counted): fresh tables, fast pass, tail, swap, digests; its wall time, and its CPU
  time (on a shared machine wall time moves with the others' load far more), a second
  fold process's included (`--processes 2`, see docs/replay.md);
and then the read models' storage beside the log's (`projections.storage`), and, on
SQLite, what storing the rows the replay built costs on its own, all of it in C: each
document of the four models packed again as `projections.stored.pack` packs it (orjson,
zlib at level 1) and every row inserted into fresh tables of an in-memory database. Set
beside the time a replay at 0.25 of the floor may take, it shows how much of that time the
stored rows alone leave to reading, folding and merging.

    .venv/bin/python benchmarks/replay_speed.py [--events N] [--postgres DSN] [--sqlite-only]
                                                [--processes 2]

SQLite uses a temporary file; PostgreSQL (the DSN from --postgres, else
$CTEVENTS_TEST_POSTGRES) a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ctevents.projections.catalog import MODELS
from ctevents.projections.storage import log_bytes, read_model_bytes
from ctevents.projections.stored import pack, unpacked_json
from ctevents.projections.views import open_views, views_path

from ctevents.cli import build_parser
from ctevents.cli import main as ctevents
from ctevents.store import Store
from tests.support.generated_corpus import generate
from tests.support.postgres import drop_schema


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


def measure_replay(url: str, processes: int) -> tuple[float, float, list[dict]]:
    """Wall seconds, CPU seconds of this process and of a second fold process if any (on
    PostgreSQL the server's are not in them), and each model's JSON line."""
    out = io.StringIO()
    started, cpu = time.perf_counter(), _cpu()
    with contextlib.redirect_stdout(out):
        ctevents(["replay", "--json", "--store", url, "--processes", str(processes)])
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    return seconds, cpu, [orjson.loads(line) for line in out.getvalue().splitlines()]


def _cpu() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def storage(url: str) -> tuple[int, int]:
    with Store(url) as store:
        views = open_views(store.location)
        try:
            return read_model_bytes(views, MODELS), log_bytes(store)
        finally:
            views.close()


def storing_alone(url: str) -> tuple[float, float, int]:
    """Seconds to pack the live read models' documents again and to insert their rows into
    an in-memory database, and the documents' JSON bytes (SQLite only)."""
    import sqlite3

    with Store(url) as store:
        assert store.location.sqlite_path is not None
        path = views_path(store.location.sqlite_path)
    source = sqlite3.connect(path)
    tables = [
        name for (name,) in source.execute("SELECT name FROM sqlite_master WHERE type='table'")
    ]
    contents = {}
    for name in tables:
        columns = [row[1] for row in source.execute(f'PRAGMA table_info("{name}")')]
        contents[name] = (columns, source.execute(f'SELECT * FROM "{name}"').fetchall())
    source.close()
    stored_json = [
        unpacked_json(row[columns.index(column)])
        for columns, rows in contents.values()
        for column in ("row", "doc")
        if column in columns
        for row in rows
    ]
    documents = [orjson.loads(data) for data in stored_json]
    started = time.process_time()
    packed = [pack(document) for document in documents]
    packing = time.process_time() - started
    target = sqlite3.connect(":memory:")
    started = time.process_time()
    for name, (columns, rows) in contents.items():
        target.execute(f'CREATE TABLE "{name}" ({", ".join(columns)})')
        marks = ", ".join("?" * len(columns))
        target.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)
    target.commit()
    inserting = time.process_time() - started
    del packed
    # The stored JSON is canonical already: its length is what `pack` compressed.
    return packing, inserting, sum(len(data) for data in stored_json)


def run(url: str, events: int, processes: int) -> None:
    with Store(url) as store:
        started = time.perf_counter()
        head = generate(store, events)
        generated = time.perf_counter() - started
        count, floor_seconds = measure_floor(store)
        kind = store.kind
    seconds, cpu, results = measure_replay(url, processes)
    models_bytes, log_size = storage(url)
    floor = count / floor_seconds
    replay = head / seconds
    print(f"store: {kind}; log: {head:,} events (generated in {generated:.1f} s)")
    print(f"  floor, plain SELECT + orjson:      {floor:>10,.0f} events/s ({floor_seconds:.2f} s)")
    print(
        f"  ctevents replay, 4 read models:    {replay:>10,.0f} events/s ({seconds:.2f} s, "
        f"{cpu:.2f} s CPU, {processes} fold process{'es' if processes > 1 else ''})"
    )
    print(f"  replay / floor: {replay / floor:.3f}; load average {os.getloadavg()[0]:.1f}")
    print(
        f"  storage: read models {models_bytes / 1e6:.1f} MB, log {log_size / 1e6:.1f} MB, "
        f"ratio {models_bytes / log_size:.2f}"
    )
    for result in results:
        print(f"    {result['projection']:<10} digest {result['digest'][:16]}…")
    if kind == "sqlite":
        packing, inserting, size = storing_alone(url)
        allowed = floor_seconds / 0.25
        print(
            f"  storing the rows alone ({size / 1e6:.1f} MB of JSON, CPU): packing "
            f"{packing:.2f} s, inserting {inserting:.2f} s; a replay at 0.25 of the floor may "
            f"take {allowed:.2f} s in all: these two alone are "
            f"{(packing + inserting) / allowed:.2f} of it"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--postgres", default=os.environ.get("CTEVENTS_TEST_POSTGRES", ""))
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--processes", type=int, choices=(1, 2), default=1)
    args = parser.parse_args()
    build_parser()  # imports every command's modules: start-up, not replay, so not timed
    with tempfile.TemporaryDirectory() as tmp:
        run(str(Path(tmp) / "bench.db"), args.events, args.processes)
    if args.sqlite_only:
        return
    if not args.postgres:
        print("PostgreSQL: skipped (give --postgres DSN or set CTEVENTS_TEST_POSTGRES)")
        return
    schema = f"ctevents_bench_{uuid.uuid4().hex[:8]}"
    separator = "&" if "?" in args.postgres else "?"
    try:
        run(f"{args.postgres}{separator}schema={schema}", args.events, args.processes)
    finally:
        drop_schema(args.postgres, schema)


if __name__ == "__main__":
    main()
