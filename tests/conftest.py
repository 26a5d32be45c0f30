"""Store fixtures shared by every test: a SQLite file, a PostgreSQL schema, or each in turn.

PostgreSQL tests run when CTEVENTS_TEST_POSTGRES holds a DSN
(e.g. postgresql://postgres@127.0.0.1:5432/test) and skip with that reason otherwise;
with CTEVENTS_REQUIRE_POSTGRES=1 (as CI sets it) a missing DSN fails them instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import pytest

POSTGRES_ENV = "CTEVENTS_TEST_POSTGRES"
REQUIRE_POSTGRES_ENV = "CTEVENTS_REQUIRE_POSTGRES"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def postgres_dsn() -> str:
    """The test server's DSN, or a skip (a failure where PostgreSQL is required)."""
    dsn = os.environ.get(POSTGRES_ENV, "").strip()
    if not dsn:
        reason = f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://user@host:port/db"
        if os.environ.get(REQUIRE_POSTGRES_ENV) == "1":
            pytest.fail(f"{REQUIRE_POSTGRES_ENV}=1 but {reason}")
        pytest.skip(reason)
    return dsn


def _drop_schema(dsn: str, schema: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(dsn)
    with psycopg.connect(
        dbname=parts.path.lstrip("/") or "postgres",
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password,
        autocommit=True,
    ) as conn:
        conn.execute("SET lock_timeout = '10s'")
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return str(tmp_path / "ctevents.db")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    dsn = postgres_dsn()
    schema = f"ctevents_test_{uuid.uuid4().hex[:12]}"
    separator = "&" if "?" in dsn else "?"
    yield f"{dsn}{separator}schema={schema}"
    _drop_schema(dsn, schema)


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
