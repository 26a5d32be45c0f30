"""The shared tail against a real server: exactly the log for every subscriber, whatever its pace.

The tail's window is made small here so that subscribers joining mid-burst start
behind it and catch up from the store, and a subscriber that stops reading falls off it.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import aiohttp
import orjson
from aiohttp import web

from ctevents.feed import EventFilter
from ctevents.server import Settings
from ctevents.server.state import STORE, WATCHER
from tests.support.feed_fixtures import TIMEOUT, append, append_facts, served

WINDOW = 40


def log_of(app: web.Application) -> list[dict[str, Any]]:
    """Every envelope in the log, straight from the store."""
    store = app[STORE]
    return store.envelopes(after=0, limit=1_000_000)


async def read_until(
    session: aiohttp.ClientSession, url: str, last: asyncio.Future[int], form: str
) -> list[int]:
    """Event positions of a stream, until the position `last` resolves to is received."""
    positions: list[int] = []
    after = int(url.rpartition("after=")[2])
    async with session.get(url) as response:
        assert response.status == 200
        rest = b""
        async for data in response.content.iter_any():
            data = rest + data
            lines = data.split(b"\n")
            rest = lines.pop()
            for line in lines:
                if form == "sse" and line.startswith(b"id: ") and b"event:" not in line:
                    continue
                if form == "sse" and line.startswith(b"data: "):
                    positions.append(orjson.loads(line[6:])["position"])
                elif form == "ndjson" and line.startswith(b'{"position"'):
                    positions.append(orjson.loads(line)["position"])
            if last.done() and (positions[-1] if positions else after) >= last.result():
                return positions
    return positions


async def test_every_subscriber_gets_exactly_the_log_across_a_burst(store_url: str) -> None:
    async with (
        served(Settings(store_url=store_url)) as (app, url),
        aiohttp.ClientSession(timeout=TIMEOUT, connector=aiohttp.TCPConnector(limit=0)) as s,
    ):
        tail = app[WATCHER].tail
        tail.max_events = WINDOW
        await append(app, 30)
        last: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        forms = ["ndjson", "sse"]
        early = [
            asyncio.create_task(
                read_until(s, f"{url}/events?format={f}&heartbeat=0.2&after=0", last, f)
            )
            for f in forms * 5
        ]
        late: list[asyncio.Task[list[int]]] = []
        started_at: list[int] = []
        for round_ in range(6):
            await append(app, 25, start=1000 + 25 * round_)
            # Joining mid-burst: from 0 (behind the window by now) and from the head.
            late += [
                asyncio.create_task(
                    read_until(s, f"{url}/events?format={f}&heartbeat=0.2&after=0", last, f)
                )
                for f in forms
            ]
            head = app[WATCHER].head
            started_at.append(head)
            late.append(
                asyncio.create_task(
                    read_until(
                        s, f"{url}/events?format=ndjson&heartbeat=0.2&after={head}", last, "ndjson"
                    )
                )
            )
            await asyncio.sleep(0.01)
        last.set_result(app[WATCHER].head)
        async with asyncio.timeout(30):
            results = await asyncio.gather(*early, *late)
        log = [e["position"] for e in log_of(app)]
        assert tail.start > 0, "the window never moved: nobody had to catch up"
        assert len(tail.events) <= WINDOW
    from_head = iter(started_at)
    for task, positions in zip([*early, *late], results, strict=True):
        if task in late and (late.index(task) + 1) % 3 == 0:
            after = next(from_head)
            assert positions == [p for p in log if p > after]
        else:
            assert positions == log


async def test_a_subscriber_that_stops_reading_falls_off_the_tail_then_catches_up(
    sqlite_url: str,
) -> None:
    async with served(Settings(store_url=sqlite_url)) as (app, url):
        watcher = app[WATCHER]
        watcher.tail.max_events = WINDOW
        host, port = url.removeprefix("http://").split(":")
        stalled = socket.socket()
        stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        stalled.connect((host, int(port)))
        stalled.sendall(
            b"GET /events?format=ndjson&after=0 HTTP/1.1\r\nHost: %s\r\n\r\n" % host.encode()
        )
        try:
            async with asyncio.timeout(5):
                while not watcher.subscriptions:
                    await asyncio.sleep(0.01)
            (subscription,) = watcher.subscriptions
            # About 9 MB of events: far more than the socket buffers on both sides take.
            positions = await append(app, 300, size=30_000)
            async with asyncio.timeout(10):
                while watcher.tail.end < positions[-1]:
                    await asyncio.sleep(0.01)
            # It is behind the window, and the server holds for it no more than its
            # socket's buffer and one chunk; the window itself stays within its bounds.
            assert subscription.cursor < watcher.tail.start
            assert subscription.backlog() <= 1024 * 1024
            assert len(watcher.tail.events) <= WINDOW
            assert set(vars(subscription)) == {"cursor", "backlog"}

            stalled.setblocking(False)
            loop = asyncio.get_running_loop()
            raw = bytearray()
            end = b'{"position":%d,' % positions[-1]
            body = b""
            async with asyncio.timeout(20):
                while end not in body or not body.endswith(b"\n"):
                    raw += await loop.sock_recv(stalled, 1 << 20)
                    if end in raw:
                        body = dechunk(bytes(raw))
        finally:
            stalled.close()
    received = [orjson.loads(line)["position"] for line in _lines(body)]
    assert received == positions


def dechunk(raw: bytes) -> bytes:
    """The body of an HTTP/1.1 chunked response (as far as it was read)."""
    _, _, rest = raw.partition(b"\r\n\r\n")
    body = bytearray()
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line, 16)
        if size == 0 or len(rest) < size:
            body += rest[:size]
            break
        body += rest[:size]
        rest = rest[size + 2 :]
    return bytes(body)


def _lines(body: bytes) -> list[bytes]:
    return [line for line in body.split(b"\n") if line.startswith(b'{"position"')]


FILTERS = [
    "",
    "type=MeetingHeld",
    "type=MeetingHeld,DelegationLed",
    "party=US",
    "party=US",  # the same filter twice: one evaluation shared by both
    "meeting=FR-IN-JWG",
    "party=FR&type=DelegationLed",
]


def _selection(query: str) -> EventFilter:
    params = dict(p.split("=") for p in query.split("&") if p)
    return EventFilter(
        types=tuple(params["type"].split(",")) if "type" in params else (),
        party=params.get("party"),
        meeting=params.get("meeting"),
    )


async def test_filters_under_the_shared_tail(store_url: str) -> None:
    async with (
        served(Settings(store_url=store_url)) as (app, url),
        aiohttp.ClientSession(timeout=TIMEOUT) as session,
    ):
        await append_facts(app, "parties=IN,MV first")
        streams: list[str] = []
        last: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        readers = []
        for query in FILTERS:
            for form in ("ndjson", "sse"):
                stream_url = f"{url}/events?format={form}&after=0&heartbeat=0.1&{query}"
                readers.append(asyncio.create_task(_matching(session, stream_url, last, form)))
        for n in range(12):
            pair = ["US,IN", "FR,IN", "IN,MV"][n % 3]
            positions = await append_facts(app, f"parties={pair} statement {n}")
            streams.append(app[STORE].envelopes(after=positions[0] - 1, limit=1)[0]["stream"])
            await asyncio.sleep(0.005 * (n % 3))
        stream_reader = asyncio.create_task(
            _matching(session, f"{url}/events?format=ndjson&stream={streams[4]}", last, "ndjson")
        )
        last.set_result(app[WATCHER].head)
        async with asyncio.timeout(20):
            results = await asyncio.gather(*readers, stream_reader)
        log = log_of(app)
    for i, query in enumerate(FILTERS):
        selection = _selection(query)
        expected = [e["position"] for e in log if _wanted(selection, e)]
        assert expected, query
        assert results[2 * i] == expected, query
        assert results[2 * i + 1] == expected, query
    assert results[-1] == [e["position"] for e in log if e["stream"] == streams[4]]


def _wanted(selection: EventFilter, envelope: dict[str, Any]) -> bool:
    if selection.types and envelope["type"] not in selection.types:
        return False
    return selection.matches(envelope)


async def _matching(
    session: aiohttp.ClientSession, url: str, last: asyncio.Future[int], form: str
) -> list[int]:
    """Positions of matching events until the stream reports it has scanned past `last`."""
    positions: list[int] = []
    async with session.get(url) as response:
        assert response.status == 200, await response.text()
        rest = b""
        scanned = 0
        async for data in response.content.iter_any():
            data = rest + data
            lines = data.split(b"\n")
            rest = lines.pop()
            for line in lines:
                if line.startswith(b"data: ") or line.startswith(b'{"position"'):
                    item = orjson.loads(line.removeprefix(b"data: "))
                    positions.append(item["position"])
                    scanned = item["position"]
                elif line.startswith(b"id: "):
                    scanned = max(scanned, int(line[4:]))
                elif line.startswith(b'{"last_position"'):
                    scanned = orjson.loads(line)["last_position"]
            if last.done() and scanned >= last.result():
                return positions
    return positions
