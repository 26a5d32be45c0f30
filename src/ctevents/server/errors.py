"""Errors as JSON: `{"error": …}` for every 4xx and 5xx the server answers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web


def json_error(status: int, message: str, **detail: Any) -> web.Response:
    return web.json_response({"error": message, **detail}, status=status)


class ParameterError(Exception):
    """A request parameter (query or header) that cannot be used; `name` says which."""

    def __init__(self, name: str, message: str, status: int = 400) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message
        self.status = status

    def response(self) -> web.Response:
        return json_error(self.status, f"{self.name}: {self.message}", parameter=self.name)


@web.middleware
async def json_errors(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Turns aiohttp's plain-text errors (404, 405, 413, …) and parameter errors into JSON."""
    try:
        return await handler(request)
    except ParameterError as exc:
        return exc.response()
    except web.HTTPException as exc:
        if exc.status < 400 or exc.content_type == "application/json":
            raise
        response = json_error(exc.status, exc.reason)
        for name in ("Allow", "WWW-Authenticate"):
            if name in exc.headers:
                response.headers[name] = exc.headers[name]
        return response
