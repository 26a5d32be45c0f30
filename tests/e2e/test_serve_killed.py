"""SIGKILL of `ctevents serve` during concurrent HTTP ingest: every 201 is in the log, once,
at the positions it announced; on both stores."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

from ctevents.store import Store
from tests.support.feed_fixtures import free_port

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 6


def _serve(store_url: str, port: int, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "ctevents.cli", "serve", "--port", str(port),
         "--store", store_url],
        stdout=subprocess.DEVNULL, stderr=log.open("ab"), cwd=ROOT,
    )  # fmt: skip


async def _ready(session: aiohttp.ClientSession, url: str, process: subprocess.Popen) -> None:
    async with asyncio.timeout(60):
        while True:
            assert process.poll() is None, "the server exited"
            with contextlib.suppress(aiohttp.ClientError):
                async with session.get(f"{url}/healthz") as r:
                    if r.status in (200, 503):
                        return
            await asyncio.sleep(0.2)


async def test_every_acknowledged_write_survives_a_sigkill(store_url, session, tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = _serve(store_url, port, tmp_path / "serve.log")
    acknowledged: dict[str, list[int]] = {}
    try:
        await _ready(session, url, server)

        async def writer(w: int) -> None:
            n = 0
            while True:
                body = {"text": f"Statement {w}-{n}: India and the Maldives met in Male."}
                try:
                    async with session.post(f"{url}/sources", json=body) as r:
                        if r.status == 201:
                            created = await r.json()
                            acknowledged[created["source_id"]] = created["positions"]
                except (TimeoutError, aiohttp.ClientError):
                    return  # the server is gone
                n += 1

        writers = [asyncio.create_task(writer(w)) for w in range(WRITERS)]
        started = time.monotonic()
        while len(acknowledged) < 20 and time.monotonic() - started < 30:
            await asyncio.sleep(0.05)
        server.send_signal(signal.SIGKILL)
        server.wait(10)
        async with asyncio.timeout(30):
            await asyncio.gather(*writers)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait(10)
    assert len(acknowledged) >= 20

    with Store(store_url) as store:
        for source_id, positions in acknowledged.items():
            assert store.stream_positions(source_id) == positions, source_id
        logged = [e["position"] for e in store.envelopes(limit=100_000)]
    assert logged == sorted(set(logged))  # nothing doubled, in order

    # A new server on the same store starts and serves it.
    again = _serve(store_url, port, tmp_path / "serve.log")
    try:
        await _ready(session, url, again)
        async with session.get(f"{url}/events", params={"limit": "10000"}) as r:
            served = [e["position"] for e in (await r.json())["events"]]
    finally:
        again.terminate()
        again.wait(20)
    assert served == logged
