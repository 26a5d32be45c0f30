"""Bad values refused over HTTP, on both stores: control characters, huge and foreign numbers,
loose booleans and dates, wildcards, cursors past the head, cross-site writes, odd tokens."""

from __future__ import annotations

import asyncio
import logging
import types
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import orjson
import pytest
from aiohttp import web

from ctevents.server import Settings, create_app
from ctevents.server.app import RESOURCE_MODULES
from ctevents.server.read_models import READ_SIDE
from ctevents.server.state import STORE
from tests.support.feed_fixtures import served
from tests.support.projection_fixtures import MEETING_KEY, record_maldives_pair

TEXT = "India and the Maldives strongly condemned terrorism in all its forms.\n"
TWO_63, TWO_64 = str(2**63), str(2**64)


@pytest.fixture
async def server(store_url: str) -> AsyncIterator[tuple[web.Application, str]]:
    async with served(Settings(store_url=store_url)) as found:
        yield found


async def _post(session: aiohttp.ClientSession, url: str, **kwargs: Any) -> tuple[int, dict]:
    async with session.post(f"{url}/sources", **kwargs) as r:
        assert r.content_type == "application/json"
        return r.status, await r.json()


# --- control characters are refused at the door ---------------------------------------------

REFUSED_DOCUMENTS = [
    # (what, request keyword arguments, words in the error)
    ("NUL in JSON metadata", {"json": {"text": TEXT, "publisher": "a\u0000b"}}, "U+0000"),
    ("NUL in the query", {"data": TEXT, "params": {"publisher": "MEA\x00"}}, "U+0000"),
    ("NUL in the text", {"json": {"text": "India\u0000 and the Maldives"}}, "U+0000"),
    ("ESC in the title", {"json": {"text": TEXT, "title": "\x1b]0;pwned\x07"}}, "U+001B"),
    ("screen clear in the text", {"data": "India \x1b[2J condemned", "params": {}}, "U+001B"),
    ("C1 control in the publisher", {"json": {"text": TEXT, "publisher": "a\x9bb"}}, "U+009B"),
    ("not a date on the date line", {"data": "date 2023-13-45\n" + TEXT}, "2023-13-45"),
    ("a url that is not a URL", {"json": {"text": TEXT, "url": "not a url"}}, "url"),
    ("a url of another scheme", {"json": {"text": TEXT, "url": "javascript:alert(1)"}}, "url"),
]


@pytest.mark.parametrize(("what", "request_args", "words"), REFUSED_DOCUMENTS)
async def test_control_characters_and_bad_values_are_refused_and_nothing_recorded(
    server, session, what, request_args, words
) -> None:
    app, url = server
    if "data" in request_args:
        request_args = {**request_args, "headers": {"Content-Type": "text/plain"}}
    status, body = await _post(session, url, **request_args)
    assert status == 422, (what, body)
    assert words in body["error"]
    assert await asyncio.to_thread(app[STORE].head) == 0


async def test_whitespace_is_not_a_control_character(server, session) -> None:
    app, url = server
    text = "India\tand the Maldives\r\ncondemned terrorism.\f\n"
    status, body = await _post(session, url, json={"text": text, "title": "JWG\tMeeting"})
    assert status == 201, body
    (first, *_) = await asyncio.to_thread(app[STORE].envelopes)
    assert first["data"]["text"] == text


async def test_a_retraction_reason_with_escape_codes_is_refused(server, session) -> None:
    app, url = server
    status, created = await _post(session, url, json={"text": TEXT})
    assert status == 201
    head = await asyncio.to_thread(app[STORE].head)
    async with session.post(
        f"{url}/sources/{created['source_id']}/retract", json={"reason": "x\x1b[2Jy"}
    ) as r:
        assert r.status == 422 and (await r.json())["parameter"] == "reason"
    assert await asyncio.to_thread(app[STORE].head) == head


# --- every number is bounded, in every parameter and header -----------------------------------

NUMERIC = [
    # (path, parameter; "header:" for a header, extra query)
    ("/events", "after", {}),
    ("/events", "limit", {}),
    ("/events", "wait", {}),
    ("/events", "heartbeat", {"format": "ndjson"}),
    ("/events", "header:Last-Event-ID", {"format": "sse"}),
    ("/meetings", "year", {}),
    ("/meetings", "limit", {}),
    ("/meetings", "min_position", {}),
    ("/meetings", "wait", {"min_position": "1"}),
    ("/meetings", "as_of", {}),
    ("/meetings", "header:Last-Event-ID", {"watch": "true"}),
    (f"/meetings/{MEETING_KEY}", "min_position", {}),
    (f"/meetings/{MEETING_KEY}/provenance", "min_position", {}),
    (f"/meetings/{MEETING_KEY}/provenance", "wait", {"min_position": "1"}),
    ("/people", "limit", {}),
    ("/dialogues", "as_of", {}),
    ("/sources", "min_position", {}),
]


NUMBERS = (TWO_63, TWO_64, "-1", "٣", "1_0", "+7", "1e400")


async def test_out_of_range_and_foreign_numbers_are_a_400_naming_them(server, session) -> None:
    _, url = server
    for path, name, extra in NUMERIC:
        for value in NUMBERS:
            headers, params = {}, dict(extra)
            if name.startswith("header:"):
                headers[name.removeprefix("header:")] = value
            else:
                params[name] = value
            async with session.get(f"{url}{path}", params=params, headers=headers) as r:
                assert r.content_type == "application/json", await r.text()
                body = await r.json()
                assert r.status == 400, (path, name, value, body)
            assert body["parameter"] == name.removeprefix("header:")


# --- typed read-model filters ---------------------------------------------------------------

REFUSED_FILTERS = [
    ("/meetings", {"contested": "banana"}, "contested"),
    ("/meetings", {"contested": "yes"}, "contested"),
    ("/sources", {"retracted": "2"}, "retracted"),
    ("/people", {"led": "xyz"}, "led"),
    ("/sources", {"published_after": "notadate"}, "published_after"),
    ("/sources", {"published_after": "2023-02-30"}, "published_after"),
    ("/sources", {"published_after": "20230725"}, "published_after"),
    ("/meetings", {"year": "abc"}, "year"),
    ("/meetings", {"year": "٢٠٢٣"}, "year"),
    ("/meetings", {"party": "%"}, "party"),
    ("/dialogues", {"party": "IN,%"}, "party"),
    ("/people", {"name": "_"}, "name"),
    ("/people", {"name": "%"}, "name"),
    ("/meetings", {"mechanism": "%%"}, "mechanism"),
    ("/meetings", {"watch": "on"}, "watch"),
    ("/meetings", {"party": "IN", "colour": "red"}, "colour"),
    ("/sources", {"publisher": "MEA\x00"}, "publisher"),
]


async def test_bad_filter_values_are_a_400_naming_them(server, session) -> None:
    _, url = server
    for path, params, name in REFUSED_FILTERS:
        async with session.get(f"{url}{path}", params=params) as r:
            body = await r.json()
            assert r.status == 400, (path, params, body)
        assert body["parameter"] == name


async def _rows(session: aiohttp.ClientSession, url: str, path: str, **params: str) -> list:
    async with session.get(f"{url}{path}", params=params) as r:
        assert r.status == 200, await r.text()
        body = await r.json()
    return body[path.strip("/")]


async def test_party_codes_are_case_and_order_independent(server, session) -> None:
    app, url = server
    await asyncio.to_thread(record_maldives_pair, app[STORE])
    head = await asyncio.to_thread(app[STORE].head)
    assert await asyncio.to_thread(app[READ_SIDE].engine.wait_for, head, 20)
    expected = await _rows(session, url, "/meetings", party="IN,MV")
    assert [m["meeting_key"] for m in expected] == [MEETING_KEY]
    for party in ("MV,IN", "mv,in", "mdv, IND", "Mv"):
        assert await _rows(session, url, "/meetings", party=party) == expected
    assert await _rows(session, url, "/meetings", party="IN,LK") == []
    assert await _rows(session, url, "/dialogues", party="mv,in") == await _rows(
        session, url, "/dialogues", party="IN,MV"
    )
    # The feed takes a code in any case too.
    async with session.get(f"{url}/events", params={"party": "mv"}) as r:
        lower = (await r.json())["events"]
    async with session.get(f"{url}/events", params={"party": "MV"}) as r:
        upper = (await r.json())["events"]
    assert lower and lower == upper


async def test_search_words_still_match(server, session) -> None:
    app, url = server
    await asyncio.to_thread(record_maldives_pair, app[STORE])
    head = await asyncio.to_thread(app[STORE].head)
    assert await asyncio.to_thread(app[READ_SIDE].engine.wait_for, head, 20)
    everyone = await _rows(session, url, "/people")
    assert everyone
    name = next(p["name"]["value"] for p in everyone if p["name"]["value"]).split()[-1]
    found = await _rows(session, url, "/people", name=name.lower())
    assert found and all(name.lower() in " ".join(_names(p)).lower() for p in found)


def _names(person: dict) -> list[str]:
    """A compact row's name, or each of its spellings when sources disagree on it."""
    name = person["name"]
    return [name["value"]] if name["value"] else [v["value"] for v in name["values"]]


# --- cursors beyond the head ----------------------------------------------------------------


async def test_a_cursor_beyond_the_head_says_so(server, session) -> None:
    app, url = server
    status, _ = await _post(session, url, json={"text": TEXT})
    assert status == 201
    head = await asyncio.to_thread(app[STORE].head)
    async with session.get(f"{url}/events", params={"after": "1000000"}) as r:
        body = await r.json()
        assert r.status == 409 and body["parameter"] == "after"
    assert f"beyond the log's head ({head})" in body["error"]
    headers = {"Last-Event-ID": "1000000"}
    async with session.get(f"{url}/events?format=sse", headers=headers) as r:
        assert r.status == 409 and (await r.json())["parameter"] == "Last-Event-ID"
    async with session.get(f"{url}/events", params={"after": str(head)}) as r:
        assert r.status == 200 and (await r.json())["events"] == []


# --- security ---------------------------------------------------------------------------------


async def test_cross_site_writes_are_refused(store_url: str, session) -> None:
    settings = Settings(store_url=store_url, allowed_origins=("https://desk.example.org",))
    async with served(settings) as (app, url):
        foreign = {"Origin": "https://evil.example", "Content-Type": "text/plain"}
        status, body = await _post(session, url, data=TEXT, headers=foreign)
        assert status == 403 and "evil.example" in body["error"]
        sneaky = {"Sec-Fetch-Site": "cross-site", "Content-Type": "text/plain"}
        status, _ = await _post(session, url, data=TEXT, headers=sneaky)
        assert status == 403
        null = {"Origin": "null", "Content-Type": "text/plain"}
        assert (await _post(session, url, data=TEXT, headers=null))[0] == 403
        assert await asyncio.to_thread(app[STORE].head) == 0
        # The server's own pages, an allowed origin and a client without Origin may write.
        own = {"Origin": url, "Content-Type": "text/plain"}
        assert (await _post(session, url, data=TEXT, headers=own))[0] == 201
        allowed = {"Origin": "https://desk.example.org"}
        assert (await _post(session, url, json={"text": TEXT + "2"}, headers=allowed))[0] == 201
        assert (await _post(session, url, json={"text": TEXT + "3"}))[0] == 201
        # Reads are not writes: any origin may read (the answers carry no credentials).
        async with session.get(f"{url}/events", headers={"Origin": "https://evil.example"}) as r:
            assert r.status == 200


async def test_foreign_host_names_are_refused_and_nothing_is_sniffed(server, session) -> None:
    _, url = server
    async with session.get(f"{url}/events", headers={"Host": "attacker.example"}) as r:
        assert r.status == 421 and "attacker.example" in (await r.json())["error"]
    for host in ("localhost", "127.0.0.1", f"localhost:{url.rsplit(':', 1)[1]}"):
        async with session.get(f"{url}/healthz", headers={"Host": host}) as r:
            assert r.status == 200
            assert r.headers["X-Content-Type-Options"] == "nosniff"
    async with session.get(f"{url}/no-such-route") as r:
        assert r.status == 404 and r.headers["X-Content-Type-Options"] == "nosniff"


async def test_a_non_ascii_bearer_token_is_a_401(store_url: str) -> None:
    settings = Settings(store_url=store_url, write_token="s3cret", read_token="r3ad")
    async with served(settings) as (_, url):
        host, port = url.removeprefix("http://").split(":")
        for path, method in (("/events", "GET"), ("/sources", "POST")):
            reader, writer = await asyncio.open_connection(host, int(port))
            writer.write(
                f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n".encode()
                + "Authorization: Bearer café☕\r\n\r\n".encode()
            )
            await writer.drain()
            status_line = await asyncio.wait_for(reader.readline(), 10)
            writer.close()
            assert b" 401 " in status_line, status_line


# --- a catch-all JSON 500 with an id that is also in the log ----------------------------------


async def test_an_unexpected_error_is_a_json_500_with_an_id_in_the_log(
    store_url: str, session, caplog
) -> None:
    broken = types.ModuleType("broken")
    broken.routes = web.RouteTableDef()  # type: ignore[attr-defined]

    @broken.routes.get("/broken")  # type: ignore[attr-defined]
    async def fails(request: web.Request) -> web.Response:
        return web.json_response({"value": 1 / 0})

    app = create_app(Settings(store_url=store_url), (*RESOURCE_MODULES, broken))
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        with caplog.at_level(logging.ERROR, logger="ctevents.server.errors"):
            async with session.get(f"http://127.0.0.1:{port}/broken") as r:
                assert r.status == 500 and r.content_type == "application/json"
                body = await r.json()
    finally:
        await runner.cleanup()
    assert body["error_id"] and "ZeroDivisionError" not in body["error"]
    logged = [rec for rec in caplog.records if body["error_id"] in rec.getMessage()]
    assert logged and logged[0].exc_info is not None


async def test_the_store_url_password_is_masked_in_healthz(postgres_url: str, session) -> None:
    # Trust authentication ignores the password; the server must still never show it.
    with_password = postgres_url.replace("postgres@", "postgres:Sup3rS3cret@", 1)
    assert "Sup3rS3cret" in with_password
    async with (
        served(Settings(store_url=with_password)) as (_, url),
        session.get(f"{url}/healthz") as r,
    ):
        raw = await r.read()
    assert b"Sup3rS3cret" not in raw
    assert orjson.loads(raw)["store"]["url"].startswith("postgresql://postgres:***@")


async def test_a_request_with_json_errors_everywhere(server, session) -> None:
    _, url = server
    async with session.request("DELETE", f"{url}/events") as r:
        assert r.status == 405 and r.content_type == "application/json"
    async with session.get(f"{url}/events", params={"after": TWO_64}) as r:
        assert r.status == 400 and r.content_type == "application/json"
    async with session.get(f"{url}/meetings", params={"year": "9223372036854775808"}) as r:
        assert r.status == 400 and (await r.json())["parameter"] == "year"
