"""Audit routes: provenance (JSON, PROV-JSON), source text and spans, retraction, chain hash."""

from __future__ import annotations

import asyncio
import re

import pytest

from ctevents.audit.verify import running_link
from ctevents.chain import GENESIS
from ctevents.documents import Document, read_document
from ctevents.events import DelegationLed, MeetingHeld
from ctevents.ingest import ingest
from ctevents.server import Settings, create_app
from ctevents.server.state import STORE
from tests.support.projection_fixtures import evidence

MEETING = "IN-MV/jwg-counter-terrorism/2"
WAIT = 10  # seconds: the bound on every wait below
TOKEN = "s3cret-write"


@pytest.fixture
async def client(store_url, aiohttp_client):
    # store_url first: the app (and its background threads) stops before the store goes.
    settings = Settings(store_url=store_url, heartbeat=1.0, write_token=TOKEN)
    return await aiohttp_client(create_app(settings))


async def seed(client, seeds_dir) -> dict[str, str]:
    store = client.app[STORE]
    ids = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        result = await asyncio.to_thread(ingest, store, read_document(path))
        ids[path.name[:3]] = result.source_id
    return ids


async def head(client) -> int:
    return await asyncio.to_thread(client.app[STORE].head)


async def provenance(client, *, position: int, **query: str):
    params = {"min_position": str(position), "wait": str(WAIT), **query}
    return await client.get(f"/meetings/{MEETING}/provenance", params=params)


# --- provenance --------------------------------------------------------------------------


async def test_provenance_of_a_meeting_whose_key_has_slashes(client, seeds_dir):
    ids = await seed(client, seeds_dir)
    response = await provenance(client, position=await head(client), field="leaders.MV")
    assert response.status == 200, await response.text()
    assert response.headers["X-Verified"] == "true"
    body = await response.json()
    assert body["meeting_key"] == MEETING and body["verified"]
    (name,) = [f for f in body["fields"] if f["field"].endswith(".name")]
    assert name["contested"]
    assert {v["value"]: v["assertions"][0]["source_id"] for v in name["values"]} == {
        "Ahmed Lathee": ids["000"],
        "Ahmed Latheef": ids["002"],
    }
    # Every field without the filter; the item route for the same key still answers.
    everything = await (await provenance(client, position=await head(client))).json()
    assert {f["field"] for f in everything["fields"]} >= {"date", "mechanism", "topics"}
    item = await client.get(f"/meetings/{MEETING}")
    assert item.status == 200 and (await item.json())["item"]["meeting_key"] == MEETING


async def test_provenance_errors_are_named(client, seeds_dir):
    await seed(client, seeds_dir)
    position = await head(client)
    unknown_field = await provenance(client, position=position, field="venue")
    assert unknown_field.status == 404 and (await unknown_field.json())["parameter"] == "field"
    bad_format = await provenance(client, position=position, format="rdf")
    assert bad_format.status == 400
    missing = await client.get("/meetings/XX-YY/none/1/provenance")
    assert missing.status == 404 and "no meeting" in (await missing.json())["error"]


# --- PROV-JSON ---------------------------------------------------------------------------

RELATION_REFERENCES = {
    "wasDerivedFrom": {
        "prov:generatedEntity": "entity",
        "prov:usedEntity": "entity",
        "prov:activity": "activity",
    },
    "wasGeneratedBy": {"prov:entity": "entity", "prov:activity": "activity"},
    "used": {"prov:activity": "activity", "prov:entity": "entity"},
    "wasAssociatedWith": {"prov:activity": "activity", "prov:agent": "agent"},
    "wasAttributedTo": {"prov:entity": "entity", "prov:agent": "agent"},
}
QUALIFIED = re.compile(r"^([A-Za-z_][\w.-]*):(\S+)$")


def validate_prov(document: dict) -> None:
    """PROV-JSON structure: the keys, declared prefixes, and every reference resolving."""
    assert {"prefix", "entity", "activity", "agent"} <= set(document)
    assert set(document) <= {"prefix", "entity", "activity", "agent", *RELATION_REFERENCES}
    prefixes = document["prefix"]
    assert {"prov", "xsd"} <= set(prefixes)
    assert all(re.match(r"^(https?|urn):", iri) for iri in prefixes.values())

    def qualified(name: str) -> None:
        match = QUALIFIED.match(name)
        assert match and match.group(1) in prefixes, f"{name!r} uses no declared prefix"

    for kind in ("entity", "activity", "agent"):
        for identifier, attributes in document[kind].items():
            qualified(identifier)
            for attribute, value in attributes.items():
                qualified(attribute)
                if attribute == "prov:type":
                    qualified(value)
    for relation, references in RELATION_REFERENCES.items():
        for identifier, attributes in document.get(relation, {}).items():
            assert identifier.startswith("_:"), identifier
            required = [
                r for r in references if r != "prov:activity" or relation != "wasDerivedFrom"
            ]
            assert set(required) <= set(attributes), (relation, attributes)
            for attribute, kind in references.items():
                if attribute in attributes:
                    assert attributes[attribute] in document[kind], (relation, attributes)


async def test_prov_export_of_a_fact_lineage(client, seeds_dir):
    ids = await seed(client, seeds_dir)
    response = await provenance(client, position=await head(client), format="prov")
    assert response.status == 200
    document = await response.json()
    validate_prov(document)

    entities, derived = document["entity"], document["wasDerivedFrom"].values()
    lathee = [
        name
        for name, e in entities.items()
        if e.get("prov:value") == "Ahmed Lathee" and e["prov:type"] == "ctevents:DelegationLed"
    ]
    assert lathee
    fact = lathee[0]
    spans = {d["prov:usedEntity"] for d in derived if d["prov:generatedEntity"] == fact}
    assert spans  # seed 000 says it twice: one derivation per span
    for from_span in spans:
        span = entities[from_span]
        assert span["prov:type"] == "ctevents:SourceSpan" and "Ahmed Lathee" in span["prov:value"]
        quoted = [d for d in derived if d["prov:generatedEntity"] == from_span]
        assert quoted == [
            {
                "prov:generatedEntity": from_span,
                "prov:usedEntity": f"src:{ids['000']}",
                "prov:type": "prov:Quotation",
            }
        ]
    (generation,) = [g for g in document["wasGeneratedBy"].values() if g["prov:entity"] == fact]
    activity = document["activity"][generation["prov:activity"]]
    assert activity["ctevents:extractor_version"]
    agents = [
        a["prov:agent"] for a in document["wasAttributedTo"].values() if a["prov:entity"] == fact
    ]
    assert [document["agent"][a]["prov:type"] for a in agents] == ["prov:Organization"]


# --- a source's text with its spans --------------------------------------------------------

TEXT = (
    '<script>alert("x")</script> India & the Maldives met in Male. '
    "The Maldivian side was led by Ahmed Lathee."
)


def overlapping_facts(text, *, source_id, published_on=None):
    """Two facts whose spans overlap (`met in Male.` is in both)."""
    return [
        MeetingHeld(
            meeting_key="IN-MV/jwg/9",
            mechanism="JWG",
            parties=("IN", "MV"),
            evidence=evidence(text, "India & the Maldives met in Male.", source_id),
            extractor_version="t",
        ),
        DelegationLed(
            meeting_key="IN-MV/jwg/9",
            party="MV",
            name="Ahmed Lathee",
            evidence=evidence(
                text, "met in Male. The Maldivian side was led by Ahmed Lathee", source_id
            ),
            extractor_version="t",
        ),
    ]


async def test_source_text_with_spans_and_an_escaped_highlighted_page(client):
    store = client.app[STORE]
    document = Document(text=TEXT, title="<b>Press</b> release", publisher="MEA & co")
    result = await asyncio.to_thread(ingest, store, document, extractor=overlapping_facts)
    body = await (await client.get(f"/sources/{result.source_id}/text")).json()
    assert body["text"] == TEXT and body["verified"] and len(body["sha256"]) == 64
    spans = body["spans"]
    assert [(s["start"], s["end"]) for s in spans] == sorted((s["start"], s["end"]) for s in spans)
    assert [[f["type"] for f in s["facts"]] for s in spans] == [["MeetingHeld"], ["DelegationLed"]]
    for span in spans:
        assert TEXT[span["start"] : span["end"]] == span["quote"]
        (fact,) = span["facts"]
        assert fact["meeting_key"] == "IN-MV/jwg/9" and isinstance(fact["position"], int)
    assert spans[0]["end"] > spans[1]["start"]  # they overlap

    page = await client.get(f"/sources/{result.source_id}/text", params={"format": "html"})
    assert page.status == 200 and page.content_type == "text/html"
    html = await page.text()
    assert "<script>" not in html and "&lt;script&gt;alert(&quot;x&quot;)" in html
    assert "<b>" not in html and "&lt;b&gt;Press&lt;/b&gt; release" in html
    assert "MEA &amp; co" in html
    marks = re.findall(r'<mark( class="overlap")? title="([^"]*)"[^>]*>([^<]*)</mark>', html)
    assert [m[2] for m in marks] == [
        "India &amp; the Maldives ",
        "met in Male.",
        " The Maldivian side was led by Ahmed Lathee",
    ]
    assert marks[1][0] and "MeetingHeld" in marks[1][1] and "DelegationLed" in marks[1][1]
    assert html.count("<mark") == html.count("</mark>") == 3

    missing = await client.get("/sources/6ea06fa0-0000-0000-0000-000000000000/text")
    assert missing.status == 404


# --- retraction over HTTP ------------------------------------------------------------------


def live_mous(meeting: dict, sources: list[dict]) -> set[str]:
    """MoU subjects any read model still shows as asserted by a live source."""
    found = {m["subject"]["value"] for m in meeting["mous"]}
    for source in sources:
        if not source["retracted"]:
            found |= {f["data"]["subject"] for f in source["facts"] if f["type"] == "MoUSigned"}
    return found


async def read(client, path: str, position: int) -> dict:
    response = await client.get(path, params={"min_position": str(position), "wait": str(WAIT)})
    assert response.status == 200, await response.text()
    return await response.json()


async def test_retracting_seed_002_leaves_the_meeting_to_seed_000(client, seeds_dir):
    ids = await seed(client, seeds_dir)
    before = await head(client)
    meeting = (await read(client, f"/meetings/{MEETING}", before))["item"]
    sources = (await read(client, "/sources?limit=100", before))["sources"]
    assert meeting["sources"] == sorted([ids["000"], ids["002"]])
    assert any("immigration" in subject for subject in live_mous(meeting, sources))

    url = f"/sources/{ids['002']}/retract"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert (await client.post(url, json={"reason": "wire copy"})).status == 401
    empty = await client.post(url, json={"reason": "  "}, headers=auth)
    assert empty.status == 422 and (await empty.json())["parameter"] == "reason"
    unknown = await client.post(
        "/sources/6ea06fa0-0000-0000-0000-000000000000/retract", json={"reason": "x"}, headers=auth
    )
    assert unknown.status == 404
    assert (await head(client)) == before

    first = await client.post(url, json={"reason": "duplicate wire copy"}, headers=auth)
    assert first.status == 200
    assert await first.json() == {
        "source_id": ids["002"],
        "retracted": True,
        "message": "retracted",
        "position": before + 1,
    }
    second = await (await client.post(url, json={"reason": "again"}, headers=auth)).json()
    assert second["retracted"] is False and second["position"] is None
    assert "already retracted" in second["message"]

    feed = await (await client.get("/events", params={"type": "SourceRetracted"})).json()
    assert [(e["stream"], e["position"], e["data"]["reason"]) for e in feed["events"]] == [
        (ids["002"], before + 1, "duplicate wire copy")
    ]

    meeting = (await read(client, f"/meetings/{MEETING}", before + 1))["item"]
    sources = (await read(client, "/sources?limit=100", before + 1))["sources"]
    assert meeting["sources"] == [ids["000"]] and meeting["corroboration"] == 1
    assert meeting["retracted_sources"] == [ids["002"]]
    assert not any("immigration" in subject for subject in live_mous(meeting, sources))
    (maldivian,) = meeting["leaders"]["MV"]
    assert maldivian["name"]["value"] == "Ahmed Lathee" and not maldivian["name"].get("contested")

    traced = await (await provenance(client, position=before + 1)).json()
    assert traced["verified"] and traced["retracted_sources"] == [ids["002"]]
    assert {
        a["source_id"] for f in traced["fields"] for v in f["values"] for a in v["assertions"]
    } == {ids["000"]}


# --- the chain hash on feed pages ------------------------------------------------------------


async def test_event_pages_carry_the_running_hash_of_their_last_position(client, seeds_dir):
    await seed(client, seeds_dir)
    store = client.app[STORE]
    recorded = await asyncio.to_thread(store.recorded_events, 0, 10_000)
    expected, running = {}, GENESIS
    for position, event in recorded:
        running = expected[position] = running_link(running, position, event.chain)

    first = await (await client.get("/events", params={"limit": "5"})).json()
    assert first["last_position"] == 5 and first["last_chain"] == expected[5]
    # Whether the ledger has caught up or not, the page's hash is the same.
    async with asyncio.timeout(WAIT):
        while True:
            health = await (await client.get("/healthz")).json()
            if health["projections"]["ledger"]["lag"] == 0:
                break
            await asyncio.sleep(0.05)
    rest = await (await client.get("/events", params={"after": "5", "limit": "10000"})).json()
    assert rest["last_chain"] == expected[len(recorded)] == running
    empty = await (await client.get("/events", params={"after": str(len(recorded))})).json()
    assert empty["events"] == [] and empty["last_chain"] == running
