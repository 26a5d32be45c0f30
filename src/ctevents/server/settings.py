"""How a server is configured: one frozen value built by the CLI or by tests."""

from __future__ import annotations

import os
from dataclasses import dataclass

WRITE_TOKEN_ENV = "CTEVENTS_WRITE_TOKEN"
READ_TOKEN_ENV = "CTEVENTS_READ_TOKEN"


@dataclass(frozen=True)
class Settings:
    store_url: str | None = None
    # Bearer token required by writes (`POST /sources`); None leaves writes open.
    write_token: str | None = None
    # Bearer token required to read `/events`; None leaves reads open.
    read_token: str | None = None
    heartbeat: float = 15.0  # seconds between stream heartbeats when idle
    retry_ms: int = 3000  # the SSE `retry:` reconnection hint
    poll_interval: float = 0.2  # how often other processes' appends are looked for
    default_limit: int = 100
    max_limit: int = 10_000
    max_wait: float = 300.0
    shutdown_timeout: float = 5.0

    @classmethod
    def from_env(cls, store_url: str | None = None, **overrides: object) -> Settings:
        return cls(
            store_url=store_url,
            write_token=os.environ.get(WRITE_TOKEN_ENV) or None,
            read_token=os.environ.get(READ_TOKEN_ENV) or None,
            **overrides,  # type: ignore[arg-type]
        )
