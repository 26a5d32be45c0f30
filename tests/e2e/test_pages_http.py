"""The pages over HTTP: one URL, JSON or a page by `Accept`; files; and the pure parts."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import aiohttp
import pytest

from ctevents.server.pages import marks, present, retracted
from ctevents.server.pages.negotiation import _quality
from tests.support.page_fixtures import IN_MV_2, LATHEE_SOURCE, LATHEEF_SOURCE, folded, seeded_site

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
RESOURCES = (
    "/meetings",
    f"/meetings/{IN_MV_2}",
    "/dialogues",
    "/dialogues/IN-MV/jwg-counter-terrorism",
    "/people",
    "/people/ahmed-lathee",
    "/sources",
    f"/sources/{LATHEE_SOURCE}",
)


@pytest.fixture
async def site(sqlite_url: str) -> AsyncIterator[str]:
    async with seeded_site(sqlite_url) as (_, url):
        yield url


async def test_clients_keep_json_and_browsers_get_pages_at_the_same_urls(
    site: str, session: aiohttp.ClientSession
) -> None:
    for path in RESOURCES:
        for headers, params, expected in (
            ({}, {}, "application/json"),
            ({"Accept": "application/json"}, {}, "application/json"),
            ({"Accept": "*/*"}, {}, "application/json"),
            ({"Accept": BROWSER}, {}, "text/html"),
            ({"Accept": BROWSER}, {"format": "json"}, "application/json"),
            ({}, {"format": "html"}, "text/html"),
        ):
            async with session.get(f"{site}{path}", headers=headers, params=params) as r:
                body = await r.read()
                assert r.status == 200, (path, headers, params, body[:200])
                assert r.content_type == expected, (path, headers, params)
                vary = {v.strip() for v in r.headers["Vary"].split(",")}
                assert "Accept" in vary, path
    async with session.get(f"{site}/", headers={"Accept": BROWSER}) as r:
        assert r.content_type == "text/html"
        assert "default-src 'self'" in r.headers["Content-Security-Policy"]
    async with session.get(f"{site}/") as r:
        assert (await r.json())["meetings"] == "/meetings"


async def test_a_watch_stream_stays_a_stream(site: str, session: aiohttp.ClientSession) -> None:
    headers = {"Accept": "text/event-stream"}
    async with session.get(f"{site}/meetings?watch=1", headers=headers) as r:
        assert r.content_type == "text/event-stream"
        first = await r.content.readuntil(b"event: ready")
    assert IN_MV_2.encode() in first


async def test_the_source_texts_own_format_parameter_is_left_to_it(
    site: str, session: aiohttp.ClientSession
) -> None:
    async with session.get(f"{site}/sources/{LATHEEF_SOURCE}/text?format=json") as r:
        assert r.content_type == "application/json"
        assert (await r.json())["spans"]
    async with session.get(
        f"{site}/sources/{LATHEEF_SOURCE}/text", headers={"Accept": BROWSER}
    ) as r:
        page = await r.text()
    assert r.content_type == "text/html" and 'id="span-715-880"' in page


async def test_what_is_missing_is_a_page_for_browsers_and_json_for_clients(
    site: str, session: aiohttp.ClientSession
) -> None:
    async with session.get(f"{site}/meetings/XX-YY/none/1", headers={"Accept": BROWSER}) as r:
        assert r.status == 404 and r.content_type == "text/html"
        assert "No meeting XX-YY/none/1" in await r.text()
    async with session.get(f"{site}/meetings/XX-YY/none/1") as r:
        assert r.status == 404 and "error" in await r.json()
    async with session.get(f"{site}/sources/not-a-uuid", headers={"Accept": BROWSER}) as r:
        assert r.status == 404 and r.content_type == "text/html"


async def test_markup_from_a_statement_arrives_escaped(
    site: str, session: aiohttp.ClientSession
) -> None:
    text = (
        "India and Japan held the 6th meeting of the India-Japan Joint Working Group on "
        "Counter-Terrorism in Tokyo on 12 March 2024. Both sides condemned terrorism in all "
        'its forms, including <script>alert(1)</script> and "><img src=x onerror=alert(2)> '
        "attacks.\n"
    )
    body = {
        "text": text,
        "title": "<b>bold</b>",
        "publisher": '"><img src=x onerror=alert(3)>',
        "url": 'https://example.org/"><img/src=x/onerror=alert(4)>',
    }
    async with session.post(f"{site}/sources", json={**body, "url": "javascript:alert(4)"}) as r:
        assert r.status == 422  # not an http(s) address: refused at the door, never a link
    async with session.post(f"{site}/sources", json=body) as r:
        source_id = (await r.json())["source_id"]
    async with session.get(f"{site}/healthz") as r:
        await folded(site, (await r.json())["store"]["head"])
    for path in ("/", "/meetings/IN-JP/jwg-counter-terrorism/6", f"/sources/{source_id}"):
        async with session.get(f"{site}{path}", headers={"Accept": BROWSER}) as r:
            page = await r.text()
        assert "<script>alert" not in page and "<img src=x" not in page, path
        assert "<b>bold</b>" not in page, path
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(3)&gt;" in page
    assert (
        "/onerror=alert(4)&gt;" in page
        and "<img/src" not in page
        and 'href="javascript:' not in page
    )


async def test_files_come_from_the_package_and_nothing_else(
    site: str, session: aiohttp.ClientSession
) -> None:
    async with session.get(f"{site}/static/pages.css") as r:
        assert r.status == 200 and r.content_type == "text/css"
    async with session.get(f"{site}/docs/assets/swagger-ui-bundle.js") as r:
        assert r.status == 200 and len(await r.read()) > 100_000
    for bad in ("/static/.hidden", "/static/..%2F__init__.py", "/docs/assets/..%2F__init__.py"):
        async with session.get(f"{site}{bad}") as r:
            assert r.status == 404, bad
    async with session.get(f"{site}/docs", headers={"Accept": BROWSER}) as r:
        page = await r.text()
    assert "/docs/assets/swagger-ui-bundle.js" in page and "//" not in page.split("<body")[1]


# --- the pure parts ---------------------------------------------------------------------


def test_accept_prefers_the_most_specific_range() -> None:
    assert _quality(BROWSER, "text/html") == 1.0
    assert _quality(BROWSER, "application/json") == 0.8
    assert _quality("application/json, text/*;q=0.5", "text/html") == 0.5
    assert _quality("text/html;q=0, */*", "text/html") == 0.0
    assert _quality("text/event-stream", "text/html") == 0.0


def _meeting(key: str, date: str | None, parties: list[str], contested: bool = False) -> dict:
    return {
        "meeting_key": key,
        "date": {"value": date},
        "parties": {"value": parties},
        "ordinal": {"value": int(key.rsplit("/", 1)[1])},
        "mechanism": {"value": "JWG"},
        "contested": contested,
    }


def test_facets_count_within_the_other_choices_and_toggle() -> None:
    rows = [
        _meeting("IN-MV/jwg/1", None, ["IN", "MV"]),
        _meeting("IN-MV/jwg/2", "2023-07-24", ["IN", "MV"], contested=True),
        _meeting("IN-US/jwg/19", "XXXX-12-12", ["IN", "US"]),
    ]
    found = {f["name"]: f["entries"] for f in present.facets(rows, {"year": "2023"})}
    assert [(e["label"], e["count"]) for e in found["party"]] == [("India", 1), ("Maldives", 1)]
    years = {e["value"]: e for e in found["year"]}
    assert years["unknown"]["count"] == 2 and years["2023"]["chosen"]
    assert years["2023"]["href"] == "/"  # choosing it again clears it
    order = [r["meeting_key"] for r in present.newest_first(rows)]
    assert order == ["IN-MV/jwg/2", "IN-US/jwg/19", "IN-MV/jwg/1"]


def test_overlapping_spans_are_cut_into_flat_pieces_with_anchors_and_labels() -> None:
    text = "abcdefghij"
    spans = [
        {"start": 0, "end": 6, "facts": [{"type": "TopicDiscussed"}]},
        {"start": 3, "end": 9, "facts": [{"type": "MeetingHeld"}]},
    ]
    pieces = marks.pieces(text, spans)
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.span_ids, p.fact_type) for p in pieces] == [
        ("abc", ["0-6"], "TopicDiscussed"),
        ("def", ["0-6", "3-9"], "MeetingHeld"),
        ("ghi", ["3-9"], "MeetingHeld"),
        ("j", [], None),
    ]
    assert [p.anchors for p in pieces] == [["0-6"], ["3-9"], [], []]
    assert [[s["end"] for s in p.ending] for p in pieces] == [[], [6], [9], []]
    assert marks.legend(spans) == [("MeetingHeld", 1), ("TopicDiscussed", 1)]


def test_only_values_nobody_else_asserts_are_shown_as_retracted() -> None:
    row = {
        "location": {"values": [{"value": "Male'"}]},
        "leaders": {"MV": [{"name": {"values": [{"value": "Ahmed Latheef"}]}}]},
    }
    facts = [
        {"type": "MeetingHeld", "source_id": "s", "fields": {"location": "Male"}},
        {"type": "DelegationLed", "source_id": "s", "fields": {"party": "MV", "name": "A Lathee"}},
    ]
    lost = retracted.by_place(facts, row)
    assert list(lost) == ["leaders.MV"] and lost["leaders.MV"][0]["value"] == "A Lathee"


def test_unreported_rounds_read_as_runs() -> None:
    items = [{"gap": True, "ordinal": n} for n in (1, 2, 3)] + [
        {"gap": False, "ordinal": {"value": 4}},
        {"gap": True, "ordinal": 5},
    ]
    runs = present.timeline(items)
    assert [(r.get("first"), r.get("count")) for r in runs] == [(1, 3), (None, None), (5, 1)]
    assert present.ranges([5, 1, 2, 3, 9]) == "1–3, 5, 9"


async def test_the_meetings_page_links_to_its_rows_as_json(
    site: str, session: aiohttp.ClientSession
) -> None:
    async with session.get(f"{site}/?party=MV&year=2023", headers={"Accept": BROWSER}) as r:
        page = await r.text()
    assert "1 of 5 meetings" in page
    href = "/meetings?party=MV&amp;year=2023&amp;format=json"
    assert f'href="{href}"' in page
    async with session.get(f"{site}{href.replace('&amp;', '&')}", headers={"Accept": BROWSER}) as r:
        found = (await r.json())["meetings"]
    assert [m["meeting_key"] for m in found] == [IN_MV_2]


async def test_a_meeting_whose_every_source_was_retracted_shows_what_they_said(
    site: str, session: aiohttp.ClientSession
) -> None:
    france = "13df2bac-e171-5724-b3c0-789f9b7d6f66"  # the only source of FR-IN/…/14
    async with session.post(
        f"{site}/sources/{france}/retract", json={"reason": "withdrawn by its publisher"}
    ) as r:
        await folded(site, (await r.json())["position"])
    path = "/meetings/FR-IN/jwg-counter-terrorism/14"
    async with session.get(f"{site}{path}") as r:
        assert r.status == 404  # JSON clients: the read model has no such row
    async with session.get(f"{site}{path}", headers={"Accept": BROWSER}) as r:
        page = await r.text()
    assert r.status == 410
    assert "Every source of this meeting was retracted" in page
    greyed = page.split('id="leaders"')[1].split("</section>")[0]
    assert 'class="retracted"' in greyed and "David Bertolotti" in greyed
    assert "withdrawn by its publisher" in greyed


async def test_every_person_a_meeting_page_links_to_has_a_page(
    site: str, session: aiohttp.ClientSession
) -> None:
    async with session.get(f"{site}/meetings/{IN_MV_2}", headers={"Accept": BROWSER}) as r:
        page = await r.text()
    people = set(re.findall(r'href="(/people/[^"]+)"', page))
    assert "/people/ahmed-lathee" in people  # Lathee and Latheef: one person, one link
    for path in people:
        async with session.get(f"{site}{path}", headers={"Accept": BROWSER}) as r:
            assert r.status == 200, path
