"""Reading query parameters: each one at most once, typed, with a 400 that names it."""

from __future__ import annotations

from collections.abc import Collection

from aiohttp import web

from ctevents.server.errors import ParameterError


def single(request: web.Request, name: str) -> str | None:
    """The parameter's one value, None when absent; given twice is an error, not a guess."""
    values = request.query.getall(name, [])
    if len(values) > 1:
        raise ParameterError(name, "given more than once")
    return values[0] if values else None


def whole_number(name: str, value: str, minimum: int, maximum: int | None = None) -> int:
    try:
        number = int(value)
    except ValueError:
        raise ParameterError(name, f"{value!r} is not a whole number") from None
    if number < minimum or (maximum is not None and number > maximum):
        upper = f" and at most {maximum}" if maximum is not None else ""
        raise ParameterError(name, f"must be at least {minimum}{upper}, not {number}")
    return number


def optional_whole_number(
    request: web.Request, name: str, minimum: int, maximum: int | None = None
) -> int | None:
    raw = single(request, name)
    return None if raw is None else whole_number(name, raw, minimum, maximum)


def known(request: web.Request, names: Collection[str]) -> None:
    """Rejects parameters the route does not take, so a typo is not silently ignored."""
    for name in request.query:
        if name not in names:
            raise ParameterError(name, f"unknown parameter; known: {', '.join(sorted(names))}")
