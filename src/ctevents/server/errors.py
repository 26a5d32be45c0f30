"""Errors as JSON: `{"error": …}` for every 4xx and 5xx the server answers.

Anything a handler did not expect becomes a JSON 500 carrying an `error_id` that is
also in the log beside the traceback, so an operator can find what a client saw. A
store that cannot be reached is a 503 with `Retry-After`, not a 500: it is temporary.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from eventsourcing.persistence import OperationalError, PersistenceError

from ctevents.store import StoreError

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 2
# What a store raises when its database is away or too slow: answered 503, not 500.
UNAVAILABLE = (StoreError, OperationalError, PersistenceError, TimeoutError, ConnectionError)


def json_error(status: int, message: str, **detail: Any) -> web.Response:
    return web.json_response({"error": message, **detail}, status=status)


def unavailable(message: str, **detail: Any) -> web.Response:
    response = json_error(503, message, **detail)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response.headers["Cache-Control"] = "no-store"
    return response


class ParameterError(Exception):
    """A request parameter (query or header) that cannot be used; `name` says which."""

    def __init__(self, name: str, message: str, status: int = 400) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message
        self.status = status

    def response(self) -> web.Response:
        return json_error(self.status, f"{self.name}: {self.message}", parameter=self.name)


class StoreUnavailable(Exception):
    """The store did not answer in time; the request may be retried."""


def _internal_error(request: web.Request, exc: BaseException) -> web.Response:
    error_id = uuid.uuid4().hex[:16]
    log.error(
        "error_id=%s %s %s failed: %s: %s",
        error_id,
        request.method,
        request.path,
        type(exc).__name__,
        exc,
        exc_info=exc,
    )
    return json_error(
        500,
        "internal error: the server could not answer; quote error_id when reporting it",
        error_id=error_id,
    )


@web.middleware
async def json_errors(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Turns aiohttp's plain-text errors, parameter errors and anything unexpected into JSON."""
    try:
        response = await handler(request)
    except ParameterError as exc:
        response = exc.response()
    except web.HTTPException as exc:
        if exc.status < 400 or exc.content_type == "application/json":
            raise
        response = json_error(exc.status, exc.reason)
        for name in ("Allow", "WWW-Authenticate", "Retry-After"):
            if name in exc.headers:
                response.headers[name] = exc.headers[name]
    except (StoreUnavailable, *UNAVAILABLE) as exc:
        if request.transport is None or request.transport.is_closing():
            raise
        log.warning("%s %s: store unavailable: %s", request.method, request.path, exc)
        response = unavailable("the store cannot be reached just now; retry shortly")
    except Exception as exc:
        if request.transport is None or request.transport.is_closing():
            raise  # the client left; nobody to answer
        response = _internal_error(request, exc)
    return response


async def no_sniffing(request: web.Request, response: web.StreamResponse) -> None:
    """`on_response_prepare`: browsers must not guess a type other than the one declared."""
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
