"""What the pages cost beside the JSON they are made from, measured in the same run.

Generates a log (default 20,000 events: 2,000 sources, 1,000 meetings of two sources
each), serves it on 127.0.0.1, and times each request (median of --repeat) with its
size, against its baseline:
- the meetings table (`/`, newest 200 rows, facets over all) and `/?rows=all`, beside
  `GET /meetings?limit=1000` (the same rows as one JSON page);
- a meeting's page, beside `GET /meetings/{key}` (the row it renders);
- the opening of the meetings watch stream a live page subscribes to (all rows, once).

    .venv/bin/python benchmarks/page_render.py [--events N] [--repeat N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parent))
from projection_catchup import generate  # the same generated log

from ctevents.server import Settings, create_app
from ctevents.store import Store

HTML = {"Accept": "text/html"}


async def timed(
    client: aiohttp.ClientSession, url: str, repeat: int, headers: dict[str, str] | None = None
) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        async with client.get(url, headers=headers or {}) as response:
            body = await response.read()
            assert response.status == 200, body[:300]
        times.append(time.perf_counter() - started)
        size = len(body)
    return statistics.median(times) * 1000, size


async def watch_opening(client: aiohttp.ClientSession, url: str) -> tuple[float, int]:
    started = time.perf_counter()
    size = 0
    async with client.get(url, headers={"Accept": "text/event-stream"}) as response:
        async for line in response.content:  # frames up to and including `ready`
            size += len(line)
            if line.startswith(b"event: ready"):
                break
    return (time.perf_counter() - started) * 1000, size


async def run(url: str, head: int, repeat: int) -> None:
    app = create_app(Settings(store_url=url))
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    base = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]
    timeout = aiohttp.ClientTimeout(total=600)
    try:
        async with aiohttp.ClientSession(timeout=timeout) as client:
            for model in ("meetings", "sources"):
                async with client.get(
                    f"{base}/{model}?min_position={head}&wait=60&limit=1"
                ) as response:
                    assert response.status == 200, await response.text()
            async with client.get(f"{base}/meetings?limit=1") as response:
                key = (await response.json())["meetings"][0]["meeting_key"]
            item, every = f"{base}/meetings/{key}", f"{base}/meetings?limit=1000"
            rows = [
                ("JSON /meetings?limit=1000", await timed(client, every, repeat)),
                ("page / (200 rows shown)", await timed(client, f"{base}/", repeat, HTML)),
                ("page /?rows=all", await timed(client, f"{base}/?rows=all", repeat, HTML)),
                ("JSON /meetings/{key}", await timed(client, item, repeat)),
                ("page /meetings/{key}", await timed(client, item, repeat, HTML)),
                ("watch opening /meetings", await watch_opening(client, f"{every}&watch=1")),
            ]  # fmt: skip
    finally:
        await runner.cleanup()
    baseline = {"page": rows[0][1][0], "item": rows[3][1][0]}
    print(f"{'request':<28} {'median ms':>10} {'KB':>9}  ratio to its JSON")
    for name, (ms, size) in rows:
        against = baseline["item"] if "{key}" in name else baseline["page"]
        ratio = "" if name.startswith("JSON") else f"x{ms / against:.1f}"
        print(f"{name:<28} {ms:>10.1f} {size / 1024:>9.1f}  {ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = str(Path(tmp) / "bench.db")
        with Store(url) as store:
            generate(store, args.events)
            head = store.head()
        print(f"log: {head} events, {args.events // 20} meetings")
        asyncio.run(run(url, head, args.repeat))


if __name__ == "__main__":
    main()
