"""One URL, two answers: a page for browsers, JSON for everyone else, chosen by `Accept`.

A middleware, so the JSON handlers stay as they are: after routing, a GET whose route
has a page and whose `Accept` prefers `text/html` to `application/json` is answered by
the page; `?format=html|json` overrides `Accept` (a link can say which). Either answer
carries `Vary: Accept`. Ties (`*/*`, no `Accept`) go to JSON: API clients keep theirs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

HTML = "text/html"
JSON = "application/json"
# Routes with a `format` parameter of their own, which the override must leave to them.
OWN_FORMAT = frozenset({"/sources/{source_id}/text"})


def _quality(accept: str, media_type: str) -> float:
    """The q the most specific range of `accept` gives `media_type` (0 when none matches)."""
    kind = media_type.split("/")[0]
    best, best_rank = 0.0, -1
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media_range = fields[0].lower()
        rank = {media_type: 2, f"{kind}/*": 1, "*/*": 0}.get(media_range)
        if rank is None or rank < best_rank:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        best, best_rank = q, rank
    return best


def wants_html(request: web.Request) -> bool:
    """True for a browser's navigation, false for an API client or an event stream."""
    form = request.query.get("format")
    if form in ("html", "json") and _canonical(request) not in OWN_FORMAT:
        return form == "html"
    accept = request.headers.get("Accept", "")
    if not accept:
        return False
    return _quality(accept, HTML) > _quality(accept, JSON)


def _canonical(request: web.Request) -> str | None:
    resource = request.match_info.route.resource
    return resource.canonical if resource is not None else None


def negotiating(pages: dict[str, Handler]) -> Callable[..., Awaitable[web.StreamResponse]]:
    """The middleware answering the routes in `pages` (by canonical path) with their page."""

    @web.middleware
    async def negotiate(request: web.Request, handler: Handler) -> web.StreamResponse:
        page = pages.get(_canonical(request) or "") if request.method == "GET" else None
        if page is None:
            return await handler(request)
        if wants_html(request):
            response = await page(request)
        else:
            if "format" in request.query and _canonical(request) not in OWN_FORMAT:
                query = request.query.copy()
                del query["format"]
                request = request.clone(rel_url=request.rel_url.with_query(query))
            response = await handler(request)
        if not response.prepared:
            varies = [v.strip() for v in response.headers.get("Vary", "").split(",") if v.strip()]
            if "Accept" not in varies:
                response.headers["Vary"] = ", ".join([*varies, "Accept"])
        return response

    return negotiate
