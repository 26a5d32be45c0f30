"""How a server is configured: one frozen value built by the CLI or by tests."""

from __future__ import annotations

import os
from dataclasses import dataclass

WRITE_TOKEN_ENV = "CTEVENTS_WRITE_TOKEN"
READ_TOKEN_ENV = "CTEVENTS_READ_TOKEN"
ALLOWED_ORIGINS_ENV = "CTEVENTS_ALLOWED_ORIGINS"
ALLOWED_HOSTS_ENV = "CTEVENTS_ALLOWED_HOSTS"


def _names(value: str | None) -> tuple[str, ...]:
    return tuple(n.strip().rstrip("/").lower() for n in (value or "").split(",") if n.strip())


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
    # Origins (`https://example.org`) whose pages may write, besides the server's own.
    allowed_origins: tuple[str, ...] = ()
    # Host names the server answers to besides loopback names (`*`: any).
    allowed_hosts: tuple[str, ...] = ()
    # How long a request may wait on the store before it is answered 503.
    store_timeout: float = 5.0
    # A read model behind the log and not moving for this long is reported as failing.
    stall_after: float = 30.0

    @classmethod
    def from_env(cls, store_url: str | None = None, **overrides: object) -> Settings:
        return cls(
            store_url=store_url,
            write_token=os.environ.get(WRITE_TOKEN_ENV) or None,
            read_token=os.environ.get(READ_TOKEN_ENV) or None,
            allowed_origins=_names(os.environ.get(ALLOWED_ORIGINS_ENV)),
            allowed_hosts=_names(os.environ.get(ALLOWED_HOSTS_ENV)),
            **overrides,  # type: ignore[arg-type]
        )
