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

from ctevents.server.openapi_models import body, errors, parameters
from ctevents.server.pages import handlers, marks, present
from ctevents.server.pages.negotiation import negotiating, wants_html
from ctevents.server.params import Query

routes = web.RouteTableDef()

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


SWAGGER_UI = Path(str(swagger_ui_path))


def _file(folder: Path, name: str) -> web.FileResponse:
    # `{name}` holds no slash; a leading dot would reach `..` or hidden files.
    path = folder / name
    if name.startswith(".") or not path.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(path, headers={"Cache-Control": "public, max-age=3600"})


@routes.get("/static/{name}")
async def static(request: web.Request) -> web.FileResponse:
    return _file(STATIC, request.match_info["name"])


@routes.get("/docs/assets/{name}")
async def docs_assets(request: web.Request) -> web.FileResponse:
    return _file(SWAGGER_UI, request.match_info["name"])


class FileName(Query):
    name: str


HTML: dict[str, Any] = {"text/html": {}}
# The index answers API clients with its routes as JSON; files answer in their own type.
INDEX: dict[str, Any] = {**HTML, "application/json": {"schema": body(dict[str, Any])}}
FILES: dict[str, Any] = {"text/css": {}, "text/javascript": {}, "*/*": {}}


def _page(
    summary: str, operation_id: str, path: type[Query] | None = None, content: dict[str, Any] = HTML
) -> dict[str, Any]:
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": parameters(path, "path") if path else [],
            "responses": {
                "200": {"description": "The page or file.", "content": content},
                **errors(404),
            },
        }
    }


openapi: dict[str, Any] = {
    "/": _page(
        "The meetings page for a browser (`Accept: text/html`); the routes' index as JSON "
        "otherwise. The read models' and sources' routes answer browsers with pages too.",
        "getIndex",
        content=INDEX,
    ),
    "/docs": _page("This API's interactive documentation.", "getDocs"),
    "/static/{name}": _page("The pages' stylesheet and scripts.", "getStatic", FileName, FILES),
    "/docs/assets/{name}": _page(
        "Swagger UI's files, from the installed package.", "getDocsAsset", FileName, FILES
    ),
}


def _environment() -> dict[str, Any]:
    return {
        "country": present.country,
        "value": present.value,
        "parties": present.parties,
        "parties_label": present.parties_label,
        "mechanism_label": present.mechanism_label,
        "dialogue_key": present.dialogue_key,
        "leader_names": present.leader_names,
        "timeline": present.timeline,
        "ranges": present.ranges,
        "web_address": present.web_address,
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
