"""Errors as JSON: `{"error": …}` for every 4xx and 5xx the server answers.

Handlers raise; `json_errors` answers. A refusal the HTTP layer makes itself is an
`ErrorAnswer` (a `ParameterError` names the parameter); an error of the domain carries
no status, and `DOMAIN_ERRORS` is the one table that says which status answers it.
Anything a handler did not expect becomes a JSON 500 carrying an `error_id` that is
also in the log beside the traceback, so an operator can find what a client saw. A
store that cannot be reached is a 503 with `Retry-After`, not a 500: it is temporary.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from eventsourcing.persistence import OperationalError, PersistenceError

from ctevents.corrections import UnknownSource
from ctevents.documents import (
    ContradictoryDocument,
    DocumentError,
    DocumentTooLarge,
    UnreadableDocument,
    UnsupportedCharset,
)
from ctevents.projections.provenance import UnknownField, UnknownMeeting
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


class ErrorAnswer(Exception):
    """A refusal a handler raises: answered `{"error": message, **detail}` with `status`."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        headers: Mapping[str, str] | None = None,
        **detail: Any,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})
        self.detail = detail

    def response(self) -> web.Response:
        response = json_error(self.status, self.message, **self.detail)
        response.headers.update(self.headers)
        return response


class ParameterError(ErrorAnswer):
    """A request parameter (query or header) that cannot be used; `name` says which."""

    def __init__(self, name: str, message: str, status: int = 400) -> None:
        super().__init__(status, f"{name}: {message}", parameter=name)
        self.name = name


@dataclass(frozen=True)
class DomainStatus:
    error: type[Exception]
    status: int
    parameter: str | None = None  # the request's part the error is about, when there is one


# Which status answers each domain error; the first row the error is an instance of wins.
DOMAIN_ERRORS = (
    DomainStatus(DocumentTooLarge, 413),
    DomainStatus(UnreadableDocument, 400),  # not UTF-8, not JSON, a date not YYYY-MM-DD
    DomainStatus(ContradictoryDocument, 409),
    DomainStatus(UnsupportedCharset, 415),
    DomainStatus(DocumentError, 422),  # readable, but not a statement that can be recorded
    DomainStatus(UnknownSource, 404),
    DomainStatus(UnknownMeeting, 404),
    DomainStatus(UnknownField, 404, parameter="field"),
)


def domain_answer(exc: Exception) -> web.Response | None:
    """The answer to a domain error, from `DOMAIN_ERRORS`; None for any other exception."""
    for row in DOMAIN_ERRORS:
        if isinstance(exc, row.error):
            message = exc.reason if isinstance(exc, DocumentError) else str(exc)
            detail = {"parameter": row.parameter} if row.parameter else {}
            return json_error(row.status, message, **detail)
    return None


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
    """Answers refusals, domain errors, aiohttp's plain-text errors and anything unexpected
    in JSON."""
    try:
        response = await handler(request)
    except ErrorAnswer as exc:
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
        response = domain_answer(exc) or _internal_error(request, exc)
    return response


async def no_sniffing(request: web.Request, response: web.StreamResponse) -> None:
    """`on_response_prepare`: browsers must not guess a type other than the one declared."""
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
