"""The test PostgreSQL server: its DSN from the environment (or a skip), and schema clean-up.

PostgreSQL tests run when CTEVENTS_TEST_POSTGRES holds a DSN
(e.g. postgresql://postgres@127.0.0.1:5432/test) and skip with that reason otherwise;
with CTEVENTS_REQUIRE_POSTGRES=1 (as CI sets it) a missing DSN fails them instead.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest

POSTGRES_ENV = "CTEVENTS_TEST_POSTGRES"
REQUIRE_POSTGRES_ENV = "CTEVENTS_REQUIRE_POSTGRES"


def postgres_dsn() -> str:
    """The test server's DSN, or a skip (a failure where PostgreSQL is required)."""
    dsn = os.environ.get(POSTGRES_ENV, "").strip()
    if not dsn:
        reason = f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://user@host:port/db"
        if os.environ.get(REQUIRE_POSTGRES_ENV) == "1":
            pytest.fail(f"{REQUIRE_POSTGRES_ENV}=1 but {reason}")
        pytest.skip(reason)
    return dsn


def drop_schema(dsn: str, schema: str) -> None:
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
