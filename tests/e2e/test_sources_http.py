"""`POST /sources`: recording over HTTP, once; every bad input refused with nothing recorded."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import orjson
import pytest
from aiohttp import web

from ctevents.documents import MAX_BYTES
from ctevents.server import Settings
from ctevents.server.state import STORE
from tests.support.feed_fixtures import TIMEOUT, served

TEXT = "India and the Maldives strongly condemned terrorism in all its forms.\n"


@pytest.fixture
async def server(sqlite_url: str) -> AsyncIterator[tuple[web.Application, str]]:
    async with served(Settings(store_url=sqlite_url)) as found:
        yield found


async def test_text_is_recorded_once_and_its_events_are_in_the_feed(server, session) -> None:
    app, url = server
    params = {"title": "JWG", "published_on": "2023-07-25", "publisher": "MEA"}
    headers = {"Content-Type": "text/plain; charset=utf-8"}
    async with session.post(f"{url}/sources", data=TEXT, params=params, headers=headers) as r:
        assert r.status == 201, await r.text()
        created = await r.json()
        assert r.headers["Location"] == f"/events?stream={created['source_id']}"
    log = app[STORE].envelopes()
    assert created["positions"] == [e["position"] for e in log]
    assert created["types"] == [e["type"] for e in log]
    assert log[0]["data"]["title"] == "JWG" and log[0]["data"]["published_on"] == "2023-07-25"

    async with session.post(f"{url}/sources", json={"text": TEXT}) as r:
        assert r.status == 200
        assert await r.json() == {"source_id": created["source_id"], "recorded": False}
    assert app[STORE].head() == created["positions"][-1]


async def test_json_is_recorded(server, session) -> None:
    app, url = server
    body = {"text": TEXT, "url": "https://example.org/s", "published_on": "2023-07-24"}
    async with session.post(f"{url}/sources", json=body) as r:
        assert r.status == 201
    (first, *_) = app[STORE].envelopes()
    assert first["data"]["url"] == "https://example.org/s"


BAD_INPUTS = [
    # (content type, body, query, status, words in the error)
    ("text/plain", b"x" * (MAX_BYTES + 1), "", 413, "limit"),
    ("application/json", orjson.dumps({"text": "x" * MAX_BYTES}), "", 413, "limit"),
    ("text/html", TEXT.encode(), "", 415, "text/html"),
    ("application/octet-stream", TEXT.encode(), "", 415, "octet-stream"),
    ("", TEXT.encode(), "", 415, "Content-Type"),
    ("text/plain; charset=latin-1", TEXT.encode(), "", 415, "charset"),
    ("application/json", b"{not json", "", 400, "invalid JSON"),
    ("text/plain", b"caf\xe9 statement", "", 400, "UTF-8"),
    ("application/json", b'{"text": "caf\xe9"}', "", 400, "UTF-8"),
    ("text/plain", b"nul\x00byte", "", 422, "NUL"),
    ("text/plain", TEXT.encode(), "published_on=25/07/2023", 400, "published_on"),
    ("text/plain", TEXT.encode(), "colour=red", 400, "colour"),
    ("text/plain", TEXT.encode(), "title=a&title=b", 400, "title"),
    ("application/json", orjson.dumps({"text": TEXT, "title": "a"}), "title=b", 409, "differs"),
    ("text/plain", b"", "", 422, "empty"),
    ("text/plain", b"  \n\t ", "", 422, "empty"),
    ("application/json", b'{"text": "   "}', "", 422, "empty"),
    ("application/json", b'{"title": "no text"}', "", 422, "text"),
    ("application/json", b'["text"]', "", 422, "object"),
    ("application/json", b'{"text": "t", "extra": 1}', "", 422, "extra"),
    ("application/json", b'{"text": "t", "title": 5}', "", 422, "title"),
]


@pytest.mark.parametrize(("content_type", "body", "query", "status", "words"), BAD_INPUTS)
async def test_bad_input_is_refused_and_nothing_recorded(
    server, session, content_type, body, query, status, words
) -> None:
    app, url = server
    headers = {"Content-Type": content_type} if content_type else {}
    async with session.post(
        f"{url}/sources?{query}", data=body, headers=headers, skip_auto_headers=["Content-Type"]
    ) as r:
        assert r.status == status, await r.text()
        assert r.content_type == "application/json"
        error = (await r.json())["error"]
    assert words in error
    assert app[STORE].head() == 0


async def test_a_write_token_is_required_when_set(sqlite_url: str) -> None:
    settings = Settings(store_url=sqlite_url, write_token="s3cret")
    async with served(settings) as (app, url), aiohttp.ClientSession(timeout=TIMEOUT) as session:
        for headers, query in [
            ({}, ""),
            ({"Authorization": "Bearer wrong"}, ""),
            ({"Authorization": "Basic s3cret"}, ""),
            ({}, "?token=s3cre"),
        ]:
            async with session.post(f"{url}/sources{query}", json={"text": TEXT},
                                    headers=headers) as r:  # fmt: skip
                assert r.status == 401
                assert r.headers["WWW-Authenticate"].startswith("Bearer")
                assert "token" in (await r.json())["error"]
        assert app[STORE].head() == 0
        headers = {"Authorization": "Bearer s3cret"}
        async with session.post(f"{url}/sources", json={"text": TEXT}, headers=headers) as r:
            assert r.status == 201
        async with session.post(f"{url}/sources?token=s3cret", json={"text": TEXT + "!"}) as r:
            assert r.status == 201
        async with session.get(f"{url}/events?limit=1") as r:  # reads stay open
            assert r.status == 200
