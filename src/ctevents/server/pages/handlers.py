"""The page handlers: read rows through `rows`, shape them with `present`, render a template."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from yarl import URL

from ctevents.audit.records import stored_source
from ctevents.audit.spans import source_text
from ctevents.server.auth import require_token
from ctevents.server.pages import marks, present, retracted, rows
from ctevents.server.state import PROJECTION_HEALTH, SETTINGS, STORE, WATCHER

# Pages carry no inline script or style: the policy forbids them, a second guard after escaping.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


# Rows the meetings table shows before "show all": the facets still count every row.
TABLE_ROWS = 200


async def projections_state(app: web.Application) -> dict[str, Any]:
    """Head, each model's lag and failures, for the corner of every page."""
    state: dict[str, Any] = {"head": app[WATCHER].head, "models": [], "ok": True}
    for name, reporter in app[PROJECTION_HEALTH].items():
        try:
            report = await reporter(app)
        except Exception as exc:
            state.update(ok=False, error=f"{name}: {type(exc).__name__}: {exc}")
            continue
        state["ok"] = state["ok"] and report.get("ok", True)
        state["head"] = max(state["head"], report.get("head", 0))
        for model in report.get("projections", ()):
            state["models"].append(
                {
                    "name": model["projection"],
                    "position": model["position"],
                    "lag": model["lag"],
                    "failures": model.get("failures", 0),
                }
            )
        if "lag" in report and "projections" not in report:
            state["models"].append(
                {"name": name, "position": report.get("position"), "lag": report["lag"]}
            )
    return state


def _json_href(request: web.Request) -> str:
    """This page's rows as JSON: `/` is the meetings, with the facets the model can filter by."""
    if request.path not in ("/", "/meetings"):
        return str(request.rel_url.update_query(format="json"))
    query = {name: request.query[name] for name in ("party", "contested") if name in request.query}
    if request.query.get("year", "").isdigit():
        query["year"] = request.query["year"]
    return str(URL("/meetings").with_query({**query, "format": "json"}))


async def render(
    request: web.Request,
    template: str,
    context: dict[str, Any],
    *,
    watch: str | None = None,
    status: int = 200,
) -> web.Response:
    token = request.query.get("token")
    if watch and token:  # a page opened with `?token=` watches with it too
        watch = str(URL(watch).update_query(token=token))
    response = aiohttp_jinja2.render_template(
        template,
        request,
        {
            "state": await projections_state(request.app),
            "json_href": _json_href(request) if status == 200 else None,
            "watch": watch,
            "as_of": context.pop("as_of", 0),
            **context,
        },
        status=status,
    )
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["Cache-Control"] = "no-cache"
    return response


async def not_found(request: web.Request, message: str) -> web.Response:
    return await render(request, "not_found.html", {"message": message}, status=404)


def _allowed(request: web.Request) -> None:
    require_token(request, request.app[SETTINGS].read_token)


# --- meetings ------------------------------------------------------------------------------


async def meetings_page(request: web.Request) -> web.Response:
    _allowed(request)
    found, as_of = await rows.all_rows(request.app, "meetings")
    chosen = present.selected(request.query)
    matching = present.newest_first(r for r in found if present.matches(r, chosen))
    everything = request.query.get("rows") == "all"
    return await render(
        request,
        "meetings.html",
        {
            "shown_rows": matching if everything else matching[:TABLE_ROWS],
            "matching": len(matching),
            "all_href": str(request.rel_url.update_query(rows="all")),
            "total": len(found),
            "chosen": chosen,
            "facets": present.facets(found, chosen, base=request.path),
            "base": request.path,
            "as_of": as_of,
        },
        watch="/meetings?watch=1",
    )


async def meeting_page(request: web.Request) -> web.Response:
    _allowed(request)
    key = request.match_info["key"]
    row, as_of = await rows.one_row(request.app, "meetings", key)
    status = 200
    if row is None:
        # Gone from the read model: if every source of it was retracted, show them greyed.
        earlier = await rows.meeting_sources(request.app, key)
        if not earlier:
            return await not_found(request, f"No meeting {key} as of position {as_of}.")
        row, status = _withdrawn_meeting(key, earlier), 410
    source_ids = [*row.get("sources", ()), *row.get("retracted_sources", ())]
    sources = await rows.rows_by_key(request.app, "sources", source_ids, as_of=as_of)
    facts = retracted.retracted_facts(sources, row.get("retracted_sources", []), key)
    lost = retracted.by_place(facts, row)
    sides = sorted(
        {*(row.get("leaders") or {})}
        | {p.split(".", 1)[1] for p in lost if p.startswith("leaders.")}
    )
    parties = present.parties_label(present.parties(row))
    ordinal = present.value(row.get("ordinal"))
    title = f"{parties} · {present.mechanism_label(row)}" + (f" · {ordinal}" if ordinal else "")
    return await render(
        request,
        "meeting.html",
        {
            "m": row,
            "title": title,
            "sources": sources,
            "sides": sides,
            "retracted": lost,
            "retracted_facts": facts,
            "as_of": as_of,
        },
        watch=f"/meetings/{key}?watch=1",
        status=status,
    )


def _withdrawn_meeting(key: str, source_ids: list[str]) -> dict[str, Any]:
    """A meeting row with no live source: only its key and its retracted sources."""
    parties = key.split("/", 1)[0].split("-")
    return {
        "meeting_key": key,
        "withdrawn": True,
        "parties": {"value": parties, "values": []},
        "corroboration": 0,
        "sources": [],
        "retracted_sources": source_ids,
    }


# --- dialogues -----------------------------------------------------------------------------


async def dialogues_page(request: web.Request) -> web.Response:
    _allowed(request)
    found, as_of = await rows.all_rows(request.app, "dialogues")
    return await render(
        request, "dialogues.html", {"rows": found, "as_of": as_of}, watch="/dialogues?watch=1"
    )


async def dialogue_page(request: web.Request) -> web.Response:
    _allowed(request)
    key = request.match_info["key"]
    row, as_of = await rows.one_row(request.app, "dialogues", key)
    if row is None:
        return await not_found(request, f"No dialogue {key} as of position {as_of}.")
    parties = present.parties_label(present.value(row.get("parties")) or [])
    title = f"{parties} · {present.value(row.get('mechanism')) or key}"
    return await render(
        request,
        "dialogue.html",
        {"d": row, "title": title, "as_of": as_of},
        watch=f"/dialogues/{key}?watch=1",
    )


# --- people --------------------------------------------------------------------------------


async def people_page(request: web.Request) -> web.Response:
    _allowed(request)
    found, as_of = await rows.all_rows(request.app, "people")
    meetings, _ = await rows.all_rows(request.app, "meetings")
    return await render(
        request,
        "people.html",
        {"rows": found, "contested": present.contested_names(meetings), "as_of": as_of},
        watch="/people?watch=1",
    )


async def person_page(request: web.Request) -> web.Response:
    _allowed(request)
    key = request.match_info["key"]
    row, as_of = await rows.one_row(request.app, "people", key)
    if row is None:
        return await not_found(request, f"No person {key} as of position {as_of}.")
    meetings = await rows.rows_by_key(
        request.app, "meetings", [m["meeting_key"] for m in row.get("meetings", ())], as_of=as_of
    )
    sources = await rows.rows_by_key(request.app, "sources", row.get("sources", ()), as_of=as_of)
    return await render(
        request,
        "person.html",
        {
            "p": row,
            "sources": sources,
            "contested": present.contested_names(meetings.values()).get(key, []),
            "as_of": as_of,
        },
        watch=f"/people/{key}?watch=1",
    )


# --- sources -------------------------------------------------------------------------------


async def sources_page(request: web.Request) -> web.Response:
    _allowed(request)
    found, as_of = await rows.all_rows(request.app, "sources")
    found.sort(key=lambda s: (s.get("published_on") or "", s["source_id"]), reverse=True)
    return await render(
        request, "sources.html", {"rows": found, "as_of": as_of}, watch="/sources?watch=1"
    )


async def source_page(request: web.Request) -> web.Response:
    """The text from the log (re-checked against its hash), marked with its facts' spans."""
    _allowed(request)
    source_id = request.match_info.get("key") or request.match_info["source_id"]
    store = request.app[STORE]
    source = await asyncio.to_thread(stored_source, store, source_id)
    if source is None:
        return await not_found(request, f"No source {source_id} in the log.")
    document = await asyncio.to_thread(source_text, store, source)
    row, as_of = await rows.one_row(request.app, "sources", source_id)
    return await render(
        request,
        "source.html",
        {
            "doc": document,
            "row": row,
            "heading": document.get("title") or present.source_label(row, source_id),
            "pieces": marks.pieces(document["text"], document["spans"]),
            "legend": marks.legend(document["spans"]),
            "as_of": as_of,
        },
        watch=f"/sources/{source_id}?watch=1",
    )


# --- API documentation ---------------------------------------------------------------------


async def docs_page(request: web.Request) -> web.Response:
    response = aiohttp_jinja2.render_template("docs.html", request, {})
    # Swagger UI sets styles from script; everything still comes from this server.
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self'; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
    return response
