"""The pages' test bench: the seeds served on 127.0.0.1, a real Chromium, screenshots kept.

The browser is Debian's `chromium` (`/usr/bin/chromium`, or `$CTEVENTS_CHROMIUM`), driven
by playwright; nothing is downloaded. Without it the browser tests skip, or fail where
`CTEVENTS_REQUIRE_BROWSER=1` (as CI sets it). Each journey leaves its screenshots in
`test-artifacts/pages/` (or `$CTEVENTS_TEST_ARTIFACTS/pages/`) for a failed run to show.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from ctevents.documents import read_document
from ctevents.ingest import ingest
from ctevents.server import Settings
from ctevents.server.state import STORE
from tests.support.feed_fixtures import served
from tests.support.paths import SEEDS

CHROMIUM = Path(os.environ.get("CTEVENTS_CHROMIUM", "/usr/bin/chromium"))
REQUIRE_BROWSER_ENV = "CTEVENTS_REQUIRE_BROWSER"
ARTIFACTS = Path(os.environ.get("CTEVENTS_TEST_ARTIFACTS", "test-artifacts")) / "pages"
MODELS = ("meetings", "dialogues", "people", "sources")

IN_MV_2 = "IN-MV/jwg-counter-terrorism/2"
LATHEE_SOURCE = "ef090937-77d1-5433-969d-e4c695222976"  # names "Ahmed Lathee"
LATHEEF_SOURCE = "6ea06fa0-5c7c-506d-9ffe-78fa7547c56b"  # names "Ahmed Latheef"


async def folded(url: str, position: int) -> None:
    """Waits until every read model has folded the log up to `position`."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as client:
        for model in MODELS:
            async with client.get(
                f"{url}/{model}", params={"min_position": position, "wait": 30, "limit": 1}
            ) as response:
                assert response.status == 200, await response.text()


@asynccontextmanager
async def seeded_site(store_url: str) -> AsyncIterator[tuple[web.Application, str]]:
    """The app on a real socket with the five seed statements recorded and folded."""
    async with served(Settings(store_url=store_url)) as (app, url):
        store = app[STORE]
        head = 0
        for path in sorted(SEEDS.glob("*.txt")):
            result = await asyncio.to_thread(ingest, store, read_document(path))
            head = max(head, *result.positions)
        await folded(url, head)
        yield app, url


def chromium_path() -> str:
    if not CHROMIUM.exists():
        reason = f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get(REQUIRE_BROWSER_ENV) == "1":
            pytest.fail(f"{REQUIRE_BROWSER_ENV}=1 but {reason}")
        pytest.skip(reason)
    return str(CHROMIUM)


def artifact(name: str) -> Path:
    """Where a journey's screenshot goes: a stable name per test and step."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / (re.sub(r"[^A-Za-z0-9_.-]+", "-", name) + ".png")
