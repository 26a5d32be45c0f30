"""Pages for people: the read models, sources and API docs as server-rendered HTML.

A resource module like the others (`routes`, `openapi`), plus `setup`, which the app
factory calls: templates (autoescaped), and the middleware that answers a browser at
the JSON routes' own URLs (`negotiation`). The pages stay current by themselves through
the read models' watch streams (`static/live.js`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from swagger_ui_bundle import swagger_ui_path

from ctevents.server.pages import handlers, marks, present
from ctevents.server.pages.negotiation import negotiating, wants_html

routes = web.RouteTableDef()
openapi: dict[str, Any] = {}

STATIC = Path(__file__).resolve().parent / "static"

# The JSON routes a browser gets a page for, by their canonical path.
PAGES = {
    "/": handlers.meetings_page,
    "/meetings": handlers.meetings_page,
    "/meetings/{key}": handlers.meeting_page,
    "/dialogues": handlers.dialogues_page,
    "/dialogues/{key}": handlers.dialogue_page,
    "/people": handlers.people_page,
    "/people/{key}": handlers.person_page,
    "/sources": handlers.sources_page,
    "/sources/{key}": handlers.source_page,
    "/sources/{source_id}/text": handlers.source_page,
}


@routes.get("/")
async def index(request: web.Request) -> web.Response:
    """For API clients, where everything is; browsers get the meetings page instead."""
    return web.json_response(
        {
            name: f"/{name}"
            for name in ("meetings", "dialogues", "people", "sources", "events", "healthz")
        }
        | {"openapi": "/openapi.json", "docs": "/docs"}
    )


@routes.get("/docs")
async def docs(request: web.Request) -> web.Response:
    return await handlers.docs_page(request)


routes.static("/static", STATIC)
routes.static("/docs/assets", Path(str(swagger_ui_path)))


def _environment() -> dict[str, Any]:
    return {
        "country": present.country,
        "value": present.value,
        "parties": present.parties,
        "parties_label": present.parties_label,
        "mechanism_label": present.mechanism_label,
        "dialogue_key": present.dialogue_key,
        "leader_names": present.leader_names,
        "quote_href": present.quote_href,
        "source_label": present.source_label,
        "fact_href": marks.fact_href,
    }


def setup(app: web.Application) -> None:
    environment = aiohttp_jinja2.setup(
        app,
        loader=jinja2.PackageLoader("ctevents.server.pages", "templates"),
        autoescape=True,  # everything from a statement is text, never markup
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(_environment())
    environment.filters["country"] = present.country
    app.middlewares.append(negotiating(PAGES))


__all__ = ["PAGES", "openapi", "routes", "setup", "wants_html"]
