"""Helpers for the feed and server tests: a served app, documents, facts to filter on."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import orjson
from aiohttp import web

from ctevents.documents import Document, make_document
from ctevents.events import DelegationLed, Evidence, Fact, MeetingHeld, source_id_for
from ctevents.ingest import IngestResult, ingest
from ctevents.live_ingest import ingest_live
from ctevents.server import Settings, create_app
from ctevents.server.state import STORE, WATCHER
from ctevents.store import Store

TIMEOUT = aiohttp.ClientTimeout(total=20)


def document(n: int, size: int = 0) -> Document:
    text = f"Statement {n}: India and the Maldives condemned terrorism." + "x" * size
    return make_document(text, f"doc-{n}")


def meeting_facts(
    text: str, *, source_id: str | None = None, published_on: Any = None
) -> list[Fact]:
    """Facts to filter on: parties from the text's `parties=A,B` marker, else IN and MV."""
    source_id = source_id or source_id_for(text)
    parties = ("IN", "MV")
    if "parties=" in text:
        parties = tuple(text.split("parties=")[1].split()[0].split(","))
    key = f"{'-'.join(parties)}-JWG"
    evidence = (Evidence(source_id=source_id, start=0, end=9, quote=text[:9]),)
    return [
        MeetingHeld(
            evidence=evidence,
            extractor_version="t",
            meeting_key=key,
            mechanism="JWG",
            parties=parties,
        ),
        DelegationLed(
            evidence=evidence,
            extractor_version="t",
            meeting_key=key,
            party=parties[0],
            name="Someone",
        ),
    ]


def no_facts(text: str, **context: Any) -> list[Fact]:
    """Only `SourceRecorded`: one event per document, whatever the extractor finds."""
    return []


def ingest_with_facts(store: Store, text: str) -> IngestResult:
    return ingest(store, make_document(text, "test"), extractor=meeting_facts)


async def append(app: web.Application, n: int, start: int = 0, size: int = 0) -> list[int]:
    """Records `n` new documents through the app's own store (subscribers woken at once)."""
    positions: list[int] = []
    for i in range(start, start + n):
        result = await ingest_live(app[STORE], app[WATCHER], document(i, size), no_facts)
        positions.extend(result.positions)
    return positions


async def append_facts(app: web.Application, text: str) -> list[int]:
    result = await asyncio.to_thread(ingest_with_facts, app[STORE], text)
    app[WATCHER].appended(result.positions)
    return list(result.positions)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@asynccontextmanager
async def served(settings: Settings) -> AsyncIterator[tuple[web.Application, str]]:
    """The app on a real TCP socket on 127.0.0.1; yields it and its base URL."""
    app = create_app(settings)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=2)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield app, f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


async def read_ndjson(
    session: aiohttp.ClientSession, url: str, count: int, timeout: float = 10
) -> list[dict[str, Any]]:
    """The first `count` envelopes of an NDJSON stream (heartbeats and progress skipped)."""
    found: list[dict[str, Any]] = []
    async with asyncio.timeout(timeout), session.get(url) as response:
        assert response.status == 200, await response.text()
        async for line in response.content:
            if line.strip():
                item = orjson.loads(line)
                if "position" in item:
                    found.append(item)
                    if len(found) >= count:
                        break
    return found


def parse_sse(raw: str) -> list[dict[str, str]]:
    """Frames of an event stream as field dicts (comments dropped), per the WHATWG rules."""
    frames, current = [], {}
    for line in raw.replace("\r\n", "\n").split("\n"):
        if not line:
            if current:
                frames.append(current)
            current = {}
        elif not line.startswith(":"):
            name, _, value = line.partition(":")
            current[name] = value.removeprefix(" ")
    return frames
