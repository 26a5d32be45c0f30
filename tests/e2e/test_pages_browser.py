"""Journeys through the pages in a real Chromium, on the seeds, against a real server."""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from playwright.async_api import Browser, Page, async_playwright, expect

from tests.support.page_fixtures import (
    IN_MV_2,
    LATHEE_SOURCE,
    LATHEEF_SOURCE,
    artifact,
    chromium_path,
    folded,
    seeded_site,
)

TIMEOUT_MS = 10_000  # a bound for slow, shared machines; the latency is printed, not asserted

EVIL_TEXT = (
    "India and Japan held the 6th meeting of the India-Japan Joint Working Group on "
    "Counter-Terrorism in Tokyo on 12 March 2024. The Indian delegation was led by Joint "
    "Secretary Rahul Kumar and the Japanese delegation was led by Ambassador Kenji Tanaka. "
    "Both sides condemned terrorism in all its forms and manifestations, including "
    '<script>window.__pwned=1</script> and "><img src=x onerror="window.__pwned=2"> attacks.\n'
)
EVIL_TITLE = "<script>window.__pwned=3</script>"
EVIL_PUBLISHER = '"><img src=x onerror="window.__pwned=4">'

NEW_STATEMENT = (
    "India and Australia held the 14th meeting of the India-Australia Joint Working Group on "
    "Counter-Terrorism in Canberra on 3 April 2025. The Indian delegation was led by Joint "
    "Secretary Kumar Tuhin and the Australian delegation was led by Ambassador Roger Noble.\n"
)


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    executable = chromium_path()
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=executable)
        yield launched
        await launched.close()


@pytest.fixture
async def site(sqlite_url: str) -> AsyncIterator[str]:
    async with seeded_site(sqlite_url) as (_, url):
        yield url


@pytest.fixture
async def page(browser: Browser, request: pytest.FixtureRequest) -> AsyncIterator[Page]:
    """A desktop-sized tab; its last state is kept as a screenshot, passed or failed."""
    context = await browser.new_context(viewport={"width": 1200, "height": 900})
    opened = await context.new_page()
    opened.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    yield opened
    await opened.screenshot(path=artifact(f"{request.node.name}-last"), full_page=True)
    await context.close()
    assert not errors, f"script errors on the page: {errors}"


async def post(url: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    async with (
        aiohttp.ClientSession() as client,
        client.post(f"{url}{path}", json=body) as response,
    ):
        assert response.status in (200, 201), await response.text()
        return await response.json()


async def test_the_contested_maldivian_leader_and_a_quote_followed_to_its_span(
    site: str, page: Page
) -> None:
    await page.goto(f"{site}/")
    # Narrow to the Maldives with the party facet, then open its second meeting.
    await (
        page.get_by_role("navigation", name="Filters").get_by_role("link", name="Maldives").click()
    )
    await expect(page.locator("tbody tr")).to_have_count(2)
    await page.get_by_role("link", name="meeting 2: India – Maldives").click()
    await expect(page).to_have_url(f"{site}/meetings/{IN_MV_2}")
    await expect(page.get_by_role("heading", level=1)).to_contain_text("India – Maldives")

    maldives = page.locator('.leader[data-side="MV"]')
    claims = maldives.locator(".contested .claim")
    await expect(claims).to_have_count(2)
    lathee = claims.filter(has=page.get_by_text("Ahmed Lathee", exact=True))
    latheef = claims.filter(has=page.get_by_text("Ahmed Latheef", exact=True))
    await expect(lathee.locator(".value")).to_have_text("Ahmed Lathee")
    await expect(latheef.locator(".value")).to_have_text("Ahmed Latheef")
    # Each side quotes its own source, and each quote names the spelling it supports.
    await expect(lathee.locator("blockquote").first).to_contain_text("Ahmed Lathee and")
    await expect(latheef.locator("blockquote")).to_contain_text("Ahmed Latheef.")
    assert LATHEE_SOURCE in (await lathee.locator("a.quote-link").first.get_attribute("href"))
    latheef_link = latheef.locator("a.quote-link")
    href = await latheef_link.get_attribute("href")
    assert href == f"/sources/{LATHEEF_SOURCE}#span-715-880"
    await page.screenshot(path=artifact("contested-leader-meeting"), full_page=True)

    quote = await latheef.locator("blockquote").inner_text()
    await latheef_link.click()
    await expect(page).to_have_url(f"{site}{href}")
    marked = page.locator('mark[data-spans~="715-880"]')
    texts = await marked.all_inner_texts()
    assert "".join(texts) == quote
    await expect(marked.first).to_have_class(re.compile(r"\btargeted\b"))  # outlined
    # The facts the span supports are written after it, as links to where they are shown.
    labels = page.locator('.facts[data-span="715-880"] a')
    assert "DelegationLed: party=MV name=Ahmed Latheef" in await labels.all_inner_texts()
    assert await labels.first.get_attribute("href") == f"/meetings/{IN_MV_2}#leaders"
    await expect(page.locator(".legend")).to_contain_text("DelegationLed")
    await page.screenshot(path=artifact("contested-leader-source-span"))


async def test_a_statement_posted_elsewhere_appears_without_a_reload(site: str, page: Page) -> None:
    await page.goto(f"{site}/")
    await expect(page.locator("#live-status")).to_have_text("live")
    await page.evaluate("window.__sameDocument = true")
    await expect(page.locator("tbody tr")).to_have_count(5)
    focused = page.get_by_role("link", name="meeting 2: India – Maldives")
    await focused.focus()

    started = time.monotonic()
    await post(site, "/sources", {"text": NEW_STATEMENT, "publisher": "MEA"})
    row = page.locator("tbody tr", has_text="Australia")
    await expect(row).to_be_visible()
    seen = time.monotonic() - started
    print(f"a POSTed statement appeared in the open meetings table {seen * 1000:.0f} ms later")
    await expect(row).to_contain_text("Canberra")
    await expect(page.locator("tbody tr")).to_have_count(6)
    await expect(focused).to_be_focused()  # a keyboard user keeps their place
    assert await page.evaluate("window.__sameDocument") is True, "the page was reloaded"
    await page.screenshot(path=artifact("live-new-statement"), full_page=True)


async def test_a_retraction_greys_out_its_values(site: str, page: Page) -> None:
    await page.goto(f"{site}/meetings/{IN_MV_2}")
    await expect(page.locator("#live-status")).to_have_text("live")
    await page.evaluate("window.__sameDocument = true")
    await expect(page.locator(".leader[data-side=MV] .claim")).to_have_count(2)

    await post(site, f"/sources/{LATHEE_SOURCE}/retract", {"reason": "misspells the leader"})
    greyed = page.locator(f'#leaders .retracted[data-source="{LATHEE_SOURCE}"]')
    await expect(greyed).to_have_count(1)  # Sanjay Verma, still named by the other, is not
    await expect(greyed).to_be_visible()
    await expect(greyed.locator(".value")).to_have_text("Ahmed Lathee")
    await expect(greyed).to_contain_text("misspells the leader")
    style = await greyed.locator(".value").evaluate(
        "e => [getComputedStyle(e).textDecorationLine, getComputedStyle(e).color]"
    )
    assert style[0] == "line-through" and style[1] != "rgb(27, 31, 36)", style
    # The live source's spelling is now the value, uncontested.
    await expect(page.locator(".leader[data-side=MV] .claim")).to_have_count(0)
    await expect(page.locator(".leader[data-side=MV] .value").first).to_have_text("Ahmed Latheef")
    withdrawn = page.locator("#sources ul.sources li.retracted")
    await expect(withdrawn).to_contain_text("misspells the leader")
    assert await page.evaluate("window.__sameDocument") is True, "the page was reloaded"
    await page.screenshot(path=artifact("retraction-greyed"), full_page=True)

    await page.goto(f"{site}/sources/{LATHEE_SOURCE}")
    await expect(page.locator(".retracted-banner")).to_contain_text("misspells the leader")


async def test_markup_in_a_statement_is_shown_as_text(site: str, page: Page) -> None:
    result = await post(
        site,
        "/sources",
        {"text": EVIL_TEXT, "title": EVIL_TITLE, "publisher": EVIL_PUBLISHER},
    )
    async with aiohttp.ClientSession() as client, client.get(f"{site}/healthz") as response:
        head = (await response.json())["store"]["head"]
    await folded(site, head)
    meeting = "IN-JP/jwg-counter-terrorism/6"
    for path in ("/", f"/meetings/{meeting}", f"/sources/{result['source_id']}", "/sources"):
        await page.goto(f"{site}{path}")
        await expect(page.locator("main")).to_be_visible()
        assert await page.evaluate("window.__pwned") is None, path
        assert await page.locator("main img").count() == 0, path
        await page.screenshot(path=artifact(f"escaping{path}"), full_page=True)
    # On the source page the markup is there to read, as text.
    await expect(page.locator("main")).to_contain_text("<script>window.__pwned=3</script>")
    await page.goto(f"{site}/sources/{result['source_id']}")
    await expect(page.get_by_role("heading", level=1)).to_have_text(EVIL_TITLE)
    await expect(page.locator("pre.source-text")).to_contain_text(
        '"><img src=x onerror="window.__pwned=2">'
    )
    await expect(page.locator(".meta-table")).to_contain_text(EVIL_PUBLISHER)
    await page.goto(f"{site}/meetings/{meeting}")
    await expect(page.locator("#condemnations")).to_contain_text(
        "<script>window.__pwned=1</script>"
    )
    assert await page.evaluate("window.__pwned") is None


async def test_the_api_docs_load_offline_and_list_the_routes(site: str, page: Page) -> None:
    outside: list[str] = []
    page.on(
        "request",
        lambda request: None if request.url.startswith(site) else outside.append(request.url),
    )
    await page.goto(f"{site}/docs")
    await expect(page.locator(".opblock").first).to_be_visible()
    async with aiohttp.ClientSession() as client, client.get(f"{site}/openapi.json") as response:
        paths = set((await response.json())["paths"])
    shown = {
        text.replace("\u200b", "").strip()
        for text in await page.locator(".opblock-summary-path").all_inner_texts()
    }
    assert paths <= shown, paths - shown
    assert not [u for u in outside if not u.startswith("data:")], outside
    await page.screenshot(path=artifact("api-docs"))


async def test_keyboard_phone_width_and_print(site: str, browser: Browser) -> None:
    context = await browser.new_context(viewport={"width": 390, "height": 844})
    phone = await context.new_page()
    try:
        await phone.goto(f"{site}/")
        # Nothing wider than the screen: no sideways scrolling.
        assert await phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
            "the meetings page scrolls sideways at 390 px"
        )
        # The skip link comes first and lands in the content; links follow in order.
        await phone.keyboard.press("Tab")
        await expect(phone.locator("a.skip")).to_be_focused()
        await phone.keyboard.press("Enter")
        await expect(phone).to_have_url(f"{site}/#main")
        link = phone.get_by_role("link", name="meeting 2: India – Maldives")
        await link.focus()
        await phone.keyboard.press("Enter")
        await expect(phone).to_have_url(f"{site}/meetings/{IN_MV_2}")
        assert await phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        await phone.screenshot(path=artifact("phone-meeting"), full_page=True)

        # Printing: navigation gone, the contested values and their quotes kept.
        await phone.emulate_media(media="print")
        await expect(phone.locator("header.site nav")).to_be_hidden()
        await expect(phone.locator(".claim blockquote").first).to_be_visible()
        closed = phone.locator("#topics details.evidence:not([open]) blockquote").first
        await expect(closed).to_be_visible()  # evidence folded on screen is printed
        pdf = await phone.pdf()
        assert pdf.startswith(b"%PDF")
    finally:
        await context.close()


async def test_a_dialogue_shows_its_missing_rounds_as_gaps(site: str, page: Page) -> None:
    await page.goto(f"{site}/dialogues/FR-IN/jwg-counter-terrorism")
    gaps = page.locator("ol.timeline li.gap")
    await expect(gaps).to_have_count(1)  # one run of thirteen unreported rounds
    await expect(gaps).to_have_attribute("data-rounds", "13")
    await expect(gaps).to_contain_text("rounds 1 to 13 (13) not reported")
    await expect(page.locator("ol.timeline li.round")).to_have_count(1)
    await expect(page.locator("ol.timeline li.round")).to_contain_text("2020-02-28")
    await expect(page.locator("ol.timeline li.next")).to_contain_text("2021")
    await page.goto(f"{site}/people")
    row = page.locator('tr[data-person="ahmed-lathee"]')
    await expect(row.locator(".contested-badge")).to_contain_text("Ahmed Lathee / Ahmed Latheef")
    await page.screenshot(path=artifact("people"), full_page=True)
