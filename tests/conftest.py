"""Store fixtures shared by every test: a SQLite file, a PostgreSQL schema, or each in turn.

The suite is split by what a test needs: `unit` (no store, no network), `integration`
(real stores, in one process), `e2e` (real servers on 127.0.0.1, `ctevents` commands,
Chromium) and `corpus` (the extractor scored against annotated statements); shared
helpers are in `support`. PostgreSQL: see `tests.support.postgres`.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.support.paths import SEEDS
from tests.support.postgres import drop_schema, postgres_dsn


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return str(tmp_path / "ctevents.db")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    dsn = postgres_dsn()
    schema = f"ctevents_test_{uuid.uuid4().hex[:12]}"
    separator = "&" if "?" in dsn else "?"
    yield f"{dsn}{separator}schema={schema}"
    drop_schema(dsn, schema)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest) -> str:
    """Each store kind in turn: the same behaviour is asserted of both."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return request.getfixturevalue(name)


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    """An HTTP client for tests against a real server on 127.0.0.1."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20)) as client:
        yield client
