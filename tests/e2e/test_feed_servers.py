"""Several servers on one PostgreSQL schema: the feed live on each, each read model folded once."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import orjson
import pytest
from ctevents.projections.catalog import MODELS
from ctevents.projections.digest import digest
from ctevents.projections.ledger import Ledger
from ctevents.projections.views import open_views

from ctevents.feed import PollingWaker
from ctevents.server import Settings
from ctevents.server.state import WATCHER
from ctevents.store import Store
from tests.support.feed_fixtures import TIMEOUT, free_port, served
from tests.support.projection_fixtures import projected

pytestmark = pytest.mark.postgres

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


async def test_an_append_through_one_server_reaches_the_others_subscribers_without_polling(
    postgres_url: str,
) -> None:
    # Polling every minute: only NOTIFY can bring the event over within the wait below.
    settings = Settings(store_url=postgres_url, poll_interval=60)
    async with (
        served(settings) as (_, writer_url),
        served(settings) as (reader, reader_url),
        aiohttp.ClientSession(timeout=TIMEOUT) as session,
    ):
        polls = [w.interval for w in reader[WATCHER].wakers if isinstance(w, PollingWaker)]
        assert polls and min(polls) >= 60
        async with session.get(f"{reader_url}/events?format=sse&after=now") as stream:
            await asyncio.sleep(0.2)  # the stream's cursor is fixed at the head before the POST
            latencies = []
            for n in range(3):
                async with session.post(
                    f"{writer_url}/sources", data=f"Statement {n}: India and Japan met.".encode(),
                    headers={"Content-Type": "text/plain"},
                ) as posted:  # fmt: skip
                    assert posted.status == 201
                    positions = (await posted.json())["positions"]
                    answered = time.monotonic()
                async with asyncio.timeout(5):
                    async for line in stream.content:
                        if line.startswith(b"data: "):
                            envelope = orjson.loads(line[6:])
                            if envelope["position"] == positions[-1]:
                                break
                latencies.append(time.monotonic() - answered)
    print(f"cross-server latencies: {[round(s * 1000) for s in latencies]} ms")
    assert max(latencies) < 5


def _serve(url: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "ctevents.cli", "serve", "--port", str(port), "--store", url,
         "--fold", "inline"],
        stdout=subprocess.DEVNULL, stderr=log.open("wb"),
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            assert process.poll() is None, log.read_text()
            time.sleep(0.1)
    raise AssertionError(f"serve did not start: {log.read_text()}")


def _folding(log: Path, pid: int) -> int:
    """How many runners (read models, ledger) this server's log says it folds."""
    return log.read_text().count(f"folding here (process {pid} holds the lock)")


def _wait(condition, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def _post(url: str, text: str) -> None:
    import urllib.request

    request = urllib.request.Request(
        f"{url}/sources", data=text.encode(), headers={"Content-Type": "text/plain"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status in (200, 201)


def test_kill_9_of_the_folding_server_hands_its_read_models_to_another(
    postgres_url: str, tmp_path: Path
) -> None:
    logs = [tmp_path / "a.log", tmp_path / "b.log"]
    a, _ = _serve(postgres_url, logs[0])
    b = None
    try:
        _wait(lambda: _folding(logs[0], a.pid) == 2, "the first server to take both locks")
        b, b_url = _serve(postgres_url, logs[1])
        with Store(postgres_url) as store:
            views = open_views(store.location)
            ledger = Ledger.open(store)
            try:
                for path in SEEDS[:3]:
                    _post(b_url, path.read_text())
                head = store.head()
                _wait(lambda: min(views.position(m) for m in MODELS) >= head, "the first fold")
                assert _folding(logs[1], b.pid) == 0  # the second stood by

                os.kill(a.pid, signal.SIGKILL)
                a.wait(10)
                took_over = time.monotonic()
                _wait(lambda: _folding(logs[1], b.pid) == 2, "the take-over", timeout=10)
                print(f"taken over {time.monotonic() - took_over:.2f} s after kill -9")
                for path in SEEDS[3:]:
                    _post(b_url, path.read_text())
                head = store.head()
                _wait(lambda: min(views.position(m) for m in MODELS) >= head, "the second fold")
                _wait(lambda: ledger.position() >= head, "the ledger")
                live = {m.name: digest(views, m) for m in MODELS}
            finally:
                ledger.close()
                views.close()
    finally:
        for process in (a, b):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(15)
    with projected(postgres_url, prefix="clean_", batch_size=100_000) as (_, clean):
        clean.catch_up()
        replayed = {m.name: digest(clean.views, m) for m in MODELS}
    assert live == replayed
