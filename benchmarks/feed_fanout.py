"""Fan-out of the change feed: real servers, real SSE subscribers, writers POSTing statements.

For each store and subscriber count, a fresh log, then:

1. `ctevents serve` starts (on PostgreSQL, two of them on one schema), folding its read
   models and ledger as it always does; the log is seeded with `--seed` statements;
2. SSE subscribers connect from position 0, spread over client processes (so the load
   generator is not the bottleneck; each reports its event loop's lag and its share of a
   core), in two waves, and catch up; the servers' RSS is read before and after each wave
   (per idle subscriber: what the second wave adds);
3. `--writers` concurrent writers POST real statements (the extraction corpora, each
   made unique) for `--duration` seconds; one subscriber in twenty drops its
   connection half way and resumes with Last-Event-ID;
4. every subscriber must then hold exactly the log, by position; fan-out is the time
   from a POST's answer to each subscriber's receipt of the events it appended. The
   servers' CPU time while writing (their worker processes included) per source
   written is the figure that the load of a shared machine disturbs least.

Baselines measured in the same run: sources/s written with 1 subscriber (the ratio
the targets speak of), and for catch-up, the raw floor (a plain SELECT of the log plus
`orjson.loads` of every payload) beside one SSE subscriber reading the log from 0.

    .venv/bin/python benchmarks/feed_fanout.py                       # 1, 200, 1000 on SQLite
    .venv/bin/python benchmarks/feed_fanout.py --subscribers 1,200 --duration 10
    .venv/bin/python benchmarks/feed_fanout.py --stores postgresql \\
        --postgres postgresql://postgres@127.0.0.1:5432/test

`--catch-up-from PATH` measures only the catch-up, on a copy of the SQLite log of an earlier
run (`/tmp/feed-fanout-*/ctevents.db`), so that two trees read the same log.

`--source DIR` serves from another checkout (e.g. an older commit, for before/after
figures); the clients and writers are this file's either way. `--compare DIR` runs
each configuration twice in turn, from DIR ("before") and from this tree ("after"),
so that both see the same load on a shared machine; each line carries the load average.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import multiprocessing as mp
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import orjson

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [
    "seeds",
    "tests/corpus/extract_dev",
    "tests/corpus/extract_heldout",
    "tests/corpus/extract_heldout2",
]
HIST_MS = 120_000  # fan-out histogram: 1 ms buckets up to two minutes
EVENT_ID = re.compile(rb"id: (\d+)\nevent: ")
LAG_TICK = 0.01


# --- statements ------------------------------------------------------------------------


def statements() -> list[str]:
    texts = []
    for corpus in CORPORA:
        texts += [p.read_text() for p in sorted((ROOT / corpus).glob("*.txt"))]
    return texts


def unique(text: str, n: int, run: str) -> str:
    # A closing reference line makes each POST a new source; the facts stay those of the text.
    return f"{text.rstrip()}\n\nReference {run}-{n}.\n"


# --- servers ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def rss_kb(self) -> int:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]

    def cpu_s(self) -> float:
        """CPU seconds (user + system) used so far by the server and its worker processes."""
        return sum(_cpu_s(pid) for pid in _descendants(self.process.pid))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _cpu_s(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _descendants(pid: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                stat = (entry / "stat").read_text().rpartition(")")[2].split()
                parents[int(entry.name)] = int(stat[1])
    found, frontier = [pid], [pid]
    while frontier:
        frontier = [child for child, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def start_server(
    store: str, workdir: Path, source: Path | None, index: int, fold: str | None = None
) -> Server:
    port = free_port()
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = f"{source / 'src'}:{source}"
    log = workdir / f"serve-{index}.log"
    command = [sys.executable, "-m", "ctevents.cli", "serve", "--port", str(port), "--store", store]
    process = subprocess.Popen(
        command + (["--fold", fold] if fold else []),
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        env=env,
        cwd=workdir,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return Server(process, url, log)
        if process.poll() is not None:
            raise SystemExit(f"serve exited: {log.read_text()[-2000:]}")
        time.sleep(0.1)
    raise SystemExit(f"serve did not start: {log.read_text()[-2000:]}")


# --- subscribers (in client processes) ----------------------------------------------------


@dataclass
class Received:
    positions: array = field(default_factory=lambda: array("q"))
    # Each read's time and how many positions it brought: the events of one read share it.
    times: array = field(default_factory=lambda: array("d"))
    counts: array = field(default_factory=lambda: array("q"))

    def arrivals(self) -> Iterator[tuple[int, float]]:
        """(position, time received) for every event."""
        at = 0
        for when, count in zip(self.times, self.counts, strict=True):
            for position in self.positions[at : at + count]:
                yield position, when
            at += count


@dataclass
class Plan:
    drop_at: float | None = None  # when to drop the connection once and resume


async def subscribe(
    session: aiohttp.ClientSession, url: str, got: Received, plan: Plan, stop: asyncio.Event
) -> None:
    """Reads SSE from 0 until `stop`; drops once at `plan.drop_at` and resumes (Last-Event-ID)."""
    headers: dict[str, str] = {}
    while not stop.is_set():
        try:
            async with session.get(f"{url}/events?format=sse&after=0", headers=headers) as r:
                rest = b""
                async for data in r.content.iter_any():
                    now = time.monotonic()
                    data = rest + data
                    cut = data.rfind(b"\n\n") + 2  # only whole frames; the rest waits
                    if cut > 1:
                        # findall and map run in C: a loop over the matches in Python took
                        # half again as long, in processes that share the server's cores.
                        ids = EVENT_ID.findall(data, 0, cut)
                        got.positions.extend(map(int, ids))
                        got.times.append(now)
                        got.counts.append(len(ids))
                        data = data[cut:]
                    rest = data
                    if plan.drop_at is not None and now >= plan.drop_at:
                        plan.drop_at = None
                        break
        except (aiohttp.ClientError, TimeoutError):
            await asyncio.sleep(0.2)
        if got.positions:
            headers = {"Last-Event-ID": str(got.positions[-1])}


async def measure_lag(lags: array, stop: asyncio.Event) -> None:
    while not stop.is_set():
        before = time.monotonic()
        await asyncio.sleep(LAG_TICK)
        lags.append(time.monotonic() - before - LAG_TICK)


def client_process(urls: list[str], drop_after: list[float | None], conn: Any) -> None:
    """One client process: its share of the subscribers, talking to the parent over `conn`."""
    asyncio.run(_client(urls, drop_after, conn))


async def _client(urls: list[str], drop_after: list[float | None], conn: Any) -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    got = [Received() for _ in urls]
    plans = [Plan() for _ in urls]
    lags: array = array("d")
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=None, sock_connect=30)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        lagging = asyncio.create_task(measure_lag(lags, stop))
        tasks = [
            asyncio.create_task(subscribe(session, url, g, plan, stop))
            for url, g, plan in zip(urls, got, plans, strict=True)
        ]
        conn.send(("started", len(tasks)))
        busy_since = (time.monotonic(), time.process_time())
        while True:
            message = await loop.run_in_executor(None, conn.recv)
            kind = message[0]
            if kind == "progress":  # how far the slowest subscriber has got
                conn.send(min((g.positions[-1] if g.positions else 0) for g in got))
            elif kind == "churn":
                now = time.monotonic()
                for plan, after in zip(plans, drop_after, strict=True):
                    plan.drop_at = None if after is None else now + after
                busy_since = (now, time.process_time())
                conn.send("ok")
            elif kind == "lag-reset":
                del lags[:]
                conn.send("ok")
            elif kind == "finish":
                # The share of a core this process used from the writers' start to here.
                elapsed = time.monotonic() - busy_since[0]
                cores = (time.process_time() - busy_since[1]) / elapsed
                _, answered, servers_of, server_urls, expected = message
                stop.set()
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, lagging, return_exceptions=True)
                answer = report(urls, got, answered, servers_of, server_urls, expected, lags)
                conn.send(answer | {"cores": cores})
                return


def report(
    urls: list[str],
    got: list[Received],
    answered: array,
    servers_of: bytes,
    server_urls: list[str],
    expected: list[int],
    lags: array,
) -> dict[str, Any]:
    """Fan-out histograms (all, cross-server), exactness, loop lag: small enough to send."""
    every = array("l", bytes(8 * HIST_MS))
    cross = array("l", bytes(8 * HIST_MS))
    exact = 0
    mismatches = []
    for url, g in zip(urls, got, strict=True):
        positions = list(g.positions)
        if positions == expected:
            exact += 1
        elif len(mismatches) < 3:
            missing = sorted(set(expected) - set(positions))
            mismatches.append(
                f"{len(positions)} received, {len(positions) - len(set(positions))} repeated, "
                f"{len(missing)} missing (first {missing[:3]}), "
                f"in order: {positions == sorted(positions)}"
            )
        mine = server_urls.index(url) + 1
        for position, at in g.arrivals():
            if position >= len(answered) or math.isnan(answered[position]):
                continue  # seeded before the writers started
            ms = min(HIST_MS - 1, max(0, int((at - answered[position]) * 1000)))
            every[ms] += 1
            if servers_of[position] and servers_of[position] != mine:
                cross[ms] += 1
    lag_sorted = sorted(lags)
    return {
        "every": every.tobytes(),
        "cross": cross.tobytes(),
        "exact": exact,
        "mismatches": mismatches,
        "count": len(urls),
        "lag_p99": lag_sorted[int(len(lag_sorted) * 0.99)] if lag_sorted else 0.0,
        "lag_max": lag_sorted[-1] if lag_sorted else 0.0,
    }


# --- writers ----------------------------------------------------------------------------


@dataclass
class Written:
    answered: dict[int, tuple[float, str]] = field(default_factory=dict)  # position → (t, url)
    post_ms: list[float] = field(default_factory=list)
    sources: int = 0
    errors: int = 0


async def write(urls: list[str], writers: int, duration: float, texts: list[str]) -> Written:
    run = uuid.uuid4().hex[:8]
    written = Written()
    counter = iter(range(10**9))
    deadline = time.monotonic() + duration
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=120)

    async def writer(i: int) -> None:
        url = urls[i % len(urls)]
        while time.monotonic() < deadline:
            n = next(counter)
            body = {"text": unique(texts[n % len(texts)], n, run), "title": f"bench {n}"}
            sent = time.monotonic()
            try:
                async with session.post(f"{url}/sources", json=body) as r:
                    answer = await r.json()
                    status = r.status
            except aiohttp.ClientError:
                written.errors += 1
                continue
            at = time.monotonic()
            if status == 201:
                written.sources += 1
                written.post_ms.append((at - sent) * 1000)
                for position in answer["positions"]:
                    written.answered[position] = (at, url)
            elif status != 200:
                written.errors += 1

    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        await asyncio.gather(*(writer(i) for i in range(writers)))
    return written


async def seed(url: str, count: int, texts: list[str]) -> None:
    run = uuid.uuid4().hex[:8]
    async with aiohttp.ClientSession() as session:
        sem = asyncio.Semaphore(10)

        async def one(n: int) -> None:
            async with (
                sem,
                session.post(
                    f"{url}/sources", json={"text": unique(texts[n % len(texts)], n, "seed" + run)}
                ) as r,
            ):
                await r.read()

        await asyncio.gather(*(one(n) for n in range(count)))


# --- one run -----------------------------------------------------------------------------


def percentile(hist: array, q: float) -> float | None:
    total = sum(hist)
    if not total:
        return None
    target, seen = q * total, 0
    for ms, n in enumerate(hist):
        seen += n
        if seen >= target:
            return float(ms)
    return float(len(hist))


def log_positions(store: str) -> list[int]:
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    from ctevents.store import Store

    with Store(store) as s:
        head = s.head()
        return [r[0] for r in s.log_rows(0, head + 1, head)] if head else []


def subscribers_of(server: Server) -> int:
    with urllib.request.urlopen(f"{server.url}/healthz", timeout=10) as r:
        return int(orjson.loads(r.read())["subscribers"])


def ask_all(conns: list[Any], message: tuple) -> list[Any]:
    for c in conns:
        c.send(message)
    return [c.recv() for c in conns]


def run_once(args: argparse.Namespace, kind: str, subscribers: int, texts: list[str]) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="feed-fanout-"))
    if kind == "sqlite":
        store, server_count = str(workdir / "ctevents.db"), 1
    else:
        sep = "&" if "?" in args.postgres else "?"
        store, server_count = f"{args.postgres}{sep}schema=bench_{uuid.uuid4().hex[:10]}", 2
    servers = [start_server(store, workdir, args.source, i, args.fold) for i in range(server_count)]
    clients: list[mp.Process] = []
    conns: list[Any] = []
    try:
        time.sleep(1.0)  # let start-up settle
        rss = [sum(s.rss_kb() for s in servers)]
        urls = [servers[i % server_count].url for i in range(subscribers)]
        processes = max(1, min(args.client_processes, math.ceil(subscribers / 50)))
        ctx = mp.get_context("spawn")
        # Two waves of client processes: the RSS the second wave adds is what each idle
        # subscriber costs; the first also pays for what a server sets up once (a reader
        # connection to the database, threads).
        waves = [range(processes // 2), range(processes // 2, processes)]
        connected, wave_sizes = 0, []
        for wave in (w for w in waves if w):
            for p in wave:
                mine = urls[p::processes]
                churn = [
                    args.duration / 2 if (p + processes * i) % 20 == 10 else None
                    for i in range(len(mine))
                ]
                parent, child = ctx.Pipe()
                proc = ctx.Process(target=client_process, args=(mine, churn, child), daemon=True)
                proc.start()
                clients.append(proc)
                conns.append(parent)
                connected += len(mine)
            for c in conns[-len(wave) :]:
                c.recv()
            deadline = time.monotonic() + 120
            while sum(subscribers_of(s) for s in servers) < connected:
                if time.monotonic() > deadline:
                    raise SystemExit("subscribers did not connect in 120 s")
                time.sleep(0.2)
            time.sleep(1.0)
            rss.append(sum(s.rss_kb() for s in servers))  # idle subscribers, at the head
            wave_sizes.append(sum(len(urls[p::processes]) for p in wave))
        asyncio.run(seed(servers[0].url, args.seed, texts))
        seeded = max(log_positions(store) or [0])
        deadline = time.monotonic() + 120
        while min(ask_all(conns, ("progress",))) < seeded:
            if time.monotonic() > deadline:
                raise SystemExit("subscribers did not catch up with the seed in 120 s")
            time.sleep(0.2)
        ask_all(conns, ("lag-reset",))
        ask_all(conns, ("churn",))
        started, cpu_before = time.monotonic(), sum(s.cpu_s() for s in servers)
        written = asyncio.run(write([s.url for s in servers], args.writers, args.duration, texts))
        elapsed = time.monotonic() - started
        cpu = sum(s.cpu_s() for s in servers) - cpu_before
        server_urls = [s.url for s in servers]
        expected = log_positions(store)
        head = expected[-1] if expected else 0
        drained_at = time.monotonic()
        while min(ask_all(conns, ("progress",))) < head:
            if time.monotonic() - drained_at > args.drain:
                break
            time.sleep(0.2)
        drain = time.monotonic() - drained_at
        answered = array("d", [math.nan]) * (head + 1)
        servers_of = bytearray(head + 1)
        for position, (at, url) in written.answered.items():
            answered[position] = at
            servers_of[position] = server_urls.index(url) + 1 if server_count > 1 else 0
        reports = ask_all(conns, ("finish", answered, bytes(servers_of), server_urls, expected))
    finally:
        for c in clients:
            c.join(30)
            if c.is_alive():
                c.kill()
        for s in servers:
            s.stop()
    every = array("l", bytes(8 * HIST_MS))
    cross = array("l", bytes(8 * HIST_MS))
    for r in reports:
        for target, raw in ((every, r["every"]), (cross, r["cross"])):
            part = array("l")
            part.frombytes(raw)
            for i, n in enumerate(part):
                if n:
                    target[i] += n
    post = sorted(written.post_ms)
    return {
        "store": kind,
        "servers": server_count,
        "subscribers": subscribers,
        "sources_per_s": written.sources / elapsed,
        "server_cpu_ms_per_source": cpu * 1000 / max(1, written.sources),
        "post_p50_ms": post[len(post) // 2] if post else None,
        "fanout_p50_ms": percentile(every, 0.5),
        "fanout_p99_ms": percentile(every, 0.99),
        "cross_p99_ms": percentile(cross, 0.99) if server_count > 1 else None,
        "exact": sum(r["exact"] for r in reports),
        "mismatches": [m for r in reports for m in r["mismatches"]],
        "events": len(expected),
        "drain_s": drain,
        "rss_per_idle_kb": (rss[-1] - rss[-2]) / wave_sizes[-1],
        "rss_per_idle_all_kb": (rss[-1] - rss[0]) / subscribers,
        "client_lag_p99_ms": max(r["lag_p99"] for r in reports) * 1000,
        "client_lag_max_ms": max(r["lag_max"] for r in reports) * 1000,
        "client_processes": len(clients),
        "client_cores": sum(r["cores"] for r in reports),
        "errors": written.errors,
        "store_url": store,
        "workdir": workdir,
    }


# --- catch-up ----------------------------------------------------------------------------


def raw_floor(store: str) -> tuple[int, float, float]:
    """A plain SELECT of the whole log plus `orjson.loads` of each payload (count, s, CPU s)."""
    started, cpu = time.perf_counter(), time.process_time()
    count = 0
    if store.startswith("postgresql"):
        import psycopg

        base, _, query = store.partition("?")
        schema = dict(p.split("=") for p in query.split("&"))["schema"]
        with psycopg.connect(base) as conn, conn.cursor() as cur:
            cur.execute(f'SELECT notification_id, state FROM "{schema}".ctevents_events')
            for _, state in cur:
                orjson.loads(state)
                count += 1
    else:
        with sqlite3.connect(store) as db:
            for _, state in db.execute("SELECT rowid, state FROM stored_events"):
                orjson.loads(state)
                count += 1
    return count, time.perf_counter() - started, time.process_time() - cpu


async def sse_catch_up(url: str, count: int) -> float:
    """Seconds for one SSE subscriber to read `count` events from position 0."""
    started = time.perf_counter()
    seen = 0
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{url}/events?format=sse&after=0") as r,
    ):
        assert r.status == 200, await r.text()
        carry = b""
        async for data in r.content.iter_any():
            data = carry + data  # a marker may straddle two reads
            seen += data.count(b"\nevent: ")
            carry = data[-7:] if not data.endswith(b"\nevent: ") else b""
            if seen >= count:
                break
    assert seen == count, (seen, count)
    return time.perf_counter() - started


def quiet(server: Server, idle_share: float = 0.05, timeout: float = 120.0) -> None:
    """Waits until the server and its workers use under `idle_share` of a core."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = server.cpu_s()
        time.sleep(0.5)
        if server.cpu_s() - before < idle_share * 0.5:
            return


def catch_up(args: argparse.Namespace, store: str, workdir: Path) -> dict:
    server = start_server(store, workdir, args.source, 9)
    try:
        time.sleep(2.0)
        # The folding worker yields the CPU while writes run and catches up afterwards: the
        # catch-up is measured once it is idle, so its folding is not counted as the feed's.
        quiet(server)
        floor = [raw_floor(store) for _ in range(3)]
        count = floor[0][0]
        sse, server_cpu = [], []
        for _ in range(3):
            cpu = server.cpu_s()
            sse.append(asyncio.run(sse_catch_up(server.url, count)))
            server_cpu.append(server.cpu_s() - cpu)
    finally:
        server.stop()
    floor_rate = count / min(t for _, t, _ in floor)
    sse_rate = count / min(sse)
    # CPU time is what a loaded machine disturbs least: the floor's in this process, the
    # server's (its worker processes included) for one catch-up.
    return {
        "events": count,
        "floor_per_s": floor_rate,
        "sse_per_s": sse_rate,
        "floor_cpu_ms": min(c for _, _, c in floor) * 1000,
        "server_cpu_ms": min(server_cpu) * 1000,
    }


# --- main --------------------------------------------------------------------------------


def fmt(value: float | None, unit: str = "") -> str:
    return "—" if value is None else f"{value:,.0f}{unit}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", default="1,200,1000", help="counts, comma-separated")
    parser.add_argument("--stores", default="sqlite", help="sqlite,postgresql")
    parser.add_argument("--postgres", default=os.environ.get("CTEVENTS_TEST_POSTGRES", ""))
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of writing")
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--seed", type=int, default=100, help="statements before subscribing")
    parser.add_argument("--client-processes", type=int, default=4)
    parser.add_argument("--drain", type=float, default=60.0, help="seconds to wait for readers")
    parser.add_argument("--source", type=Path, default=None, help="serve from this checkout")
    parser.add_argument(
        "--compare", type=Path, default=None, help="also serve from this checkout, in turn"
    )
    parser.add_argument("--no-catch-up", action="store_true")
    parser.add_argument(
        "--catch-up-from",
        type=Path,
        default=None,
        help="only the catch-up, on a copy of this SQLite log of an earlier run (its read "
        "models beside it)",
    )
    parser.add_argument(
        "--fold", choices=("worker", "inline"), help="pass `--fold` to serve (default: its own)"
    )
    args = parser.parse_args()
    counts = [int(n) for n in args.subscribers.split(",")]
    texts = statements()
    trees: list[tuple[str, Path | None]] = [("", args.source)]
    if args.compare is not None:
        trees = [("before ", args.compare), ("after ", None)]
    print(
        f"{len(texts)} statements; {args.writers} writers for {args.duration:g} s per run; "
        f"cores: {os.cpu_count()}; load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    if args.catch_up_from is not None:
        catch_up_from(args, trees)
        return
    for kind in args.stores.split(","):
        if kind == "postgresql" and not args.postgres:
            raise SystemExit("--postgres (or CTEVENTS_TEST_POSTGRES) is needed for postgresql")
        results: dict[str, list[dict]] = {label: [] for label, _ in trees}
        for n in counts:
            for label, source in trees:
                args.source = source
                r = run_once(args, kind, n, texts)
                results[label].append(r)
                print_run(label, kind, n, r, counts[0], results[label][0]["sources_per_s"])
        try:
            if not args.no_catch_up:
                for label, source in trees:
                    args.source = source
                    report_catch_up(args, kind, results[label], label)
        finally:
            for runs in results.values():
                for r in runs:
                    drop_schema(r["store_url"])


def print_run(label: str, kind: str, n: int, r: dict, first: int, base: float) -> None:
    print(
        f"{label}{kind} x{r['servers']} | {n:>5} subscribers | "
        f"{r['sources_per_s']:6.1f} sources/s "
        f"({r['sources_per_s'] / base:.2f} of {first}) | POST p50 "
        f"{fmt(r['post_p50_ms'], ' ms')} | fan-out p50 {fmt(r['fanout_p50_ms'], ' ms')} "
        f"p99 {fmt(r['fanout_p99_ms'], ' ms')}"
        + (f" (cross-server p99 {fmt(r['cross_p99_ms'], ' ms')})" if r["servers"] > 1 else "")
        + f" | exactly the log: {r['exact']}/{n} ({r['events']} events, drained in "
        f"{r['drain_s']:.1f} s) | RSS/idle subscriber {r['rss_per_idle_kb']:.1f} kB "
        f"({r['rss_per_idle_all_kb']:.1f} with the first wave) | "
        f"client loop lag p99 {r['client_lag_p99_ms']:.0f} ms, max "
        f"{r['client_lag_max_ms']:.0f} ms, {r['client_cores']:.2f} of a core, over "
        f"{r['client_processes']} processes"
        + (f" | {r['errors']} write errors" if r["errors"] else "")
        + f" | server CPU {r['server_cpu_ms_per_source']:.0f} ms per source"
        + f" | load {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    for mismatch in r["mismatches"]:
        print(f"    not exactly the log: {mismatch}", flush=True)


def drop_schema(store: str) -> None:
    """Drops a PostgreSQL run's schema (SQLite runs live in temporary directories)."""
    if not store.startswith("postgresql"):
        return
    import psycopg
    from psycopg import sql

    base, _, query = store.partition("?")
    schema = dict(p.split("=") for p in query.split("&"))["schema"]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


def report_catch_up(args: argparse.Namespace, kind: str, results: list[dict], label: str) -> None:
    largest = max(results, key=lambda r: r["events"])  # the longest log of the runs
    print_catch_up(label, kind, catch_up(args, largest["store_url"], largest["workdir"]))


def catch_up_from(args: argparse.Namespace, trees: list[tuple[str, Path | None]]) -> None:
    """Catch-up alone, each tree in turn, on copies of one SQLite log and its read models."""
    source = args.catch_up_from.resolve()
    for label, tree in trees:
        args.source = tree
        workdir = Path(tempfile.mkdtemp(prefix="feed-catch-up-"))
        for path in source.parent.glob(source.name + "*"):  # the log, its WAL, its lock files
            shutil.copy(path, workdir)
        for path in source.parent.glob("*.views.db*"):
            shutil.copy(path, workdir)  # folded already: the server has nothing to fold
        for path in source.parent.glob("*.ledger.db*"):
            shutil.copy(path, workdir)
        try:
            print_catch_up(label, "sqlite", catch_up(args, str(workdir / source.name), workdir))
        finally:
            shutil.rmtree(workdir, ignore_errors=True)


def print_catch_up(label: str, kind: str, c: dict) -> None:
    print(
        f"{label}{kind} catch-up over SSE from 0: {c['sse_per_s']:,.0f} events/s vs raw floor "
        f"(SELECT + orjson.loads) {c['floor_per_s']:,.0f}/s = "
        f"{c['sse_per_s'] / c['floor_per_s']:.2f} of the floor ({c['events']} events) | "
        f"CPU: floor {c['floor_cpu_ms']:.0f} ms, server per catch-up {c['server_cpu_ms']:.0f} ms "
        f"({c['floor_cpu_ms'] / c['server_cpu_ms']:.2f}) | load {os.getloadavg()[0]:.1f}",
        flush=True,
    )


if __name__ == "__main__":
    main()
