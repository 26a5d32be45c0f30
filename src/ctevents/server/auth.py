"""Bearer tokens: from the `Authorization` header or, for EventSource, `?token=`."""

from __future__ import annotations

import hmac

from aiohttp import web

from ctevents.server.errors import ErrorAnswer


def presented_token(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, credentials = header.partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    # A browser's EventSource cannot send headers.
    return request.query.get("token")


def require_token(request: web.Request, expected: str | None) -> None:
    """Raises 401 unless `expected` is None or the request presents it."""
    if expected is None:
        return
    presented = presented_token(request)
    # Compared as bytes in constant time, so timing does not reveal a prefix. Header bytes
    # that are not UTF-8 arrive as surrogates: encoded as such, they never match.
    if presented is None or not hmac.compare_digest(
        presented.encode("utf-8", "surrogatepass"), expected.encode("utf-8")
    ):
        raise ErrorAnswer(
            401,
            "a bearer token is required: send 'Authorization: Bearer <token>' "
            "or the 'token' query parameter",
            headers={"WWW-Authenticate": 'Bearer realm="ctevents"'},
        )
