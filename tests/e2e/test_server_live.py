"""Live delivery: another process's appends, many subscribers, a subscriber that stops reading."""

from __future__ import annotations

import asyncio
import socket
import sys
import time
from pathlib import Path

import aiohttp
import orjson

from ctevents.server import Settings
from ctevents.server.state import STORE, WATCHER
from tests.support.feed_fixtures import TIMEOUT, append, read_ndjson, served


async def test_an_append_by_another_process_is_seen_live_within_a_second(
    sqlite_url: str, tmp_path: Path
) -> None:
    statement = tmp_path / "statement.txt"
    statement.write_text("India and Japan condemned terrorism in all its forms.\n")
    async with (
        served(Settings(store_url=sqlite_url)) as (_, url),
        aiohttp.ClientSession(timeout=TIMEOUT) as session,
        session.get(f"{url}/events?format=sse&after=now") as response,
    ):
        # The subscriber's cursor (the head, 0) is fixed before the other process starts.
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "ctevents.cli", "ingest", str(statement),
            "--store", sqlite_url,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        _, err = await asyncio.wait_for(process.communicate(), 30)
        assert process.returncode == 0, err.decode()
        committed = time.monotonic()  # the other process has committed and exited
        async with asyncio.timeout(5):
            async for line in response.content:
                if line.startswith(b"data: "):
                    break
        latency = time.monotonic() - committed
    envelope = orjson.loads(line.removeprefix(b"data: "))
    assert envelope["position"] == 1 and envelope["type"] == "SourceRecorded"
    assert latency < 1.0, f"seen {latency:.3f} s after the other process committed"
    print(f"another process's append seen live {latency * 1000:.0f} ms after it exited")


async def test_200_subscribers_each_receive_a_burst_in_order_exactly_once(
    sqlite_url: str,
) -> None:
    async with served(Settings(store_url=sqlite_url)) as (app, url):
        await append(app, 5)
        burst = 60
        total = app[WATCHER].head + burst
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(timeout=TIMEOUT, connector=connector) as session:
            forms = ["ndjson", "sse"]

            async def subscriber(i: int) -> list[int]:
                form = forms[i % 2]
                async with session.get(f"{url}/events?format={form}&limit={total}") as r:
                    assert r.status == 200
                    body = await r.read()
                if form == "ndjson":
                    return [orjson.loads(line)["position"] for line in body.splitlines() if line]
                return [int(line[4:]) for line in body.splitlines() if line.startswith(b"id: ")]

            tasks = [asyncio.create_task(subscriber(i)) for i in range(200)]
            async with asyncio.timeout(10):
                while len(app[WATCHER].subscriptions) < 200:
                    await asyncio.sleep(0.02)
            started = time.monotonic()
            await append(app, burst, start=1000)
            async with asyncio.timeout(30):
                results = await asyncio.gather(*tasks)
            elapsed = time.monotonic() - started
    expected = list(range(1, total + 1))
    assert all(positions == expected for positions in results)
    print(f"200 subscribers, burst of {burst} appends: all delivered in {elapsed:.2f} s")


async def test_a_subscriber_that_stops_reading_stalls_no_one(sqlite_url: str) -> None:
    async with served(Settings(store_url=sqlite_url)) as (app, url):
        host, port = url.removeprefix("http://").split(":")
        stalled = socket.socket()
        stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        stalled.connect((host, int(port)))
        stalled.sendall(b"GET /events?format=ndjson HTTP/1.1\r\nHost: localhost\r\n\r\n")
        try:
            async with asyncio.timeout(5):
                while len(app[WATCHER].subscriptions) < 1:
                    await asyncio.sleep(0.01)
            # About 4 MB of events: far more than the stalled client's socket takes.
            count, size = 400, 10_000
            positions = await append(app, count, size=size)
            async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
                readers = [
                    read_ndjson(session, f"{url}/events?format=ndjson&limit={count}", count, 20)
                    for _ in range(5)
                ]
                results = await asyncio.gather(*readers)
            assert all([e["position"] for e in r] == positions for r in results)

            async with asyncio.timeout(5):  # the readers' streams end with their limit
                while len(app[WATCHER].subscriptions) > 1:
                    await asyncio.sleep(0.01)
            (subscription,) = app[WATCHER].subscriptions  # the stalled one is still there
            head = app[STORE].head()
            # It fell behind and waits on its own connection; what the server holds for
            # it is bounded by the write chunk and one page, not by its lag.
            assert subscription.cursor < head
            assert subscription.backlog() <= 1024 * 1024
            assert set(vars(subscription)) == {"cursor", "backlog"}
        finally:
            stalled.close()
