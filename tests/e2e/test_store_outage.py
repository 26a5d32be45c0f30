"""PostgreSQL goes away while the server runs (a TCP proxy in between is stopped): every
answer is a fast JSON 503 with Retry-After, `/healthz` answers within its timeout, and
when the database is back, everything acknowledged before is there, once, in order."""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urlsplit

import aiohttp
import pytest

from ctevents.server import Settings
from tests.support.feed_fixtures import served
from tests.support.tcp_proxy import TcpProxy

pytestmark = pytest.mark.postgres

STORE_TIMEOUT = 3.0
# Generous: a hung request takes the driver's ten retries (well over 20 s); fast is seconds.
FAST = STORE_TIMEOUT + 4.0


def _through(proxy: TcpProxy, url: str) -> str:
    parts = urlsplit(url)
    netloc = parts.netloc.replace(
        f"{parts.hostname}:{parts.port or 5432}", f"127.0.0.1:{proxy.port}"
    )
    return parts._replace(netloc=netloc).geturl()


async def _timed(session: aiohttp.ClientSession, method: str, url: str, **kwargs):
    started = time.monotonic()
    async with session.request(method, url, **kwargs) as r:
        body = await r.json()
        return r.status, dict(r.headers), body, time.monotonic() - started


async def test_an_unreachable_store_gets_fast_503s_and_a_clean_recovery(postgres_url, session):
    parts = urlsplit(postgres_url)
    proxy = TcpProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    await proxy.start()
    settings = Settings(store_url=_through(proxy, postgres_url), store_timeout=STORE_TIMEOUT)
    acknowledged: list[int] = []
    try:
        async with served(settings) as (_, url):
            sources = []
            for n in range(3):
                async with session.post(f"{url}/sources", json={"text": f"Statement {n}."}) as r:
                    assert r.status == 201
                    answer = await r.json()
                    acknowledged += answer["positions"]
                    sources.append(answer["source_id"])

            await proxy.stop()  # the database is gone

            # Writes sent before the server knows: they wait for a connection until the
            # server gives up on the store and answers 503, and then must never be recorded,
            # though their threads get a connection once the database is back.
            for status, _, body, took in await asyncio.gather(
                _timed(
                    session, "POST", f"{url}/sources", json={"text": "Sent as the store went away."}
                ),
                _timed(
                    session,
                    "POST",
                    f"{url}/sources/{sources[0]}/retract",
                    json={"reason": "Withdrawn as the store went away."},
                ),
            ):
                assert status == 503, body
                assert took < FAST, f"a write took {took:.1f} s"

            status, _, health, took = await _timed(session, "GET", f"{url}/healthz")
            assert status == 503 and health["status"] == "unavailable", health
            assert took < FAST, f"/healthz took {took:.1f} s"
            for method, path, kwargs in [
                ("GET", "/events", {}),
                ("GET", "/meetings", {}),
                ("GET", "/sources", {}),
                ("POST", "/sources", {"json": {"text": "Written while the store is away."}}),
            ]:
                status, headers, body, took = await _timed(session, method, url + path, **kwargs)
                assert status == 503, (method, path, body)
                assert headers["Retry-After"] and "error" in body
                assert took < FAST, f"{method} {path} took {took:.1f} s"

            # What needs no store still answers: the API's description and the files
            # the pages and the documentation load.
            for path in [
                "/openapi.json",
                "/docs",
                "/docs/assets/swagger-ui.css",
                "/static/pages.css",
            ]:
                async with session.get(url + path) as r:
                    assert r.status == 200, path
                    await r.read()

            await proxy.start()  # the database is back, at the same address
            async with asyncio.timeout(60):
                while True:
                    async with session.get(f"{url}/healthz") as r:
                        if r.status == 200:
                            break
                    await asyncio.sleep(0.5)
            async with session.post(f"{url}/sources", json={"text": "After the outage."}) as r:
                assert r.status == 201, await r.text()
                acknowledged += (await r.json())["positions"]
            async with session.get(f"{url}/events", params={"limit": "1000"}) as r:
                positions = [e["position"] for e in (await r.json())["events"]]
    finally:
        if proxy._server is not None:
            await proxy.stop()
    # Nothing acknowledged was lost or doubled, and the log kept its order.
    assert positions == sorted(set(positions))
    assert set(acknowledged) <= set(positions)
    assert len(positions) == len(acknowledged)  # the refused write recorded nothing
