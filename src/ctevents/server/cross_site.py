"""Refusing requests a browser makes on behalf of another site.

Two attacks on a service that listens on loopback without a token: a page elsewhere
POSTs `text/plain` to it (a "simple" request, sent cross-site without a preflight), or
rebinds its own DNS name to 127.0.0.1 so that its scripts read our answers as
same-origin. The first is stopped by refusing unsafe methods whose `Origin` is not our
own or an allowed one; the second by answering only to the `Host` names we serve.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web

from ctevents.server.errors import json_error
from ctevents.server.state import SETTINGS

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})
ANY = "*"


def host_name(host: str) -> str:
    """`Host` without its port, lower-case: `[::1]:8080` → `[::1]`, `a.b:80` → `a.b`."""
    host = host.strip().lower()
    if host.startswith("["):
        return host.partition("]")[0] + "]"
    return host.rpartition(":")[0] if host.count(":") == 1 else host


def allowed_host(request: web.Request) -> bool:
    settings = request.app[SETTINGS]
    allowed = settings.allowed_hosts
    if ANY in allowed:
        return True
    name = host_name(request.host or "")
    return name in LOOPBACK_NAMES or name in allowed


def allowed_origin(request: web.Request, origin: str) -> bool:
    settings = request.app[SETTINGS]
    origin = origin.strip().rstrip("/").lower()
    own = f"{request.scheme}://{(request.host or '').lower()}"
    return origin == own or origin in settings.allowed_origins or ANY in settings.allowed_origins


@web.middleware
async def same_site_only(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    if not allowed_host(request):
        return json_error(
            421,
            f"this server does not answer to the host name {request.host!r}; "
            "add it to CTEVENTS_ALLOWED_HOSTS if it is one of ours",
        )
    if request.method not in SAFE_METHODS:
        origin = request.headers.get("Origin")
        fetch_site = request.headers.get("Sec-Fetch-Site", "").lower()
        if origin is not None and not allowed_origin(request, origin):
            return json_error(
                403,
                f"cross-site write refused: Origin {origin!r} is not this server's; "
                "add it to CTEVENTS_ALLOWED_ORIGINS to allow it",
            )
        if origin is None and fetch_site == "cross-site":
            return json_error(403, "cross-site write refused (Sec-Fetch-Site: cross-site)")
    return await handler(request)
