"""Schemathesis hooks for the suite's run over the live app (`SCHEMATHESIS_HOOKS`).

Streams (`format=sse|ndjson`, `watch`) never end by themselves and send heartbeats, so a
generated request for one would hold the run; they are asked for as JSON pages here and
tested on their own in test_server_events and test_projection_http.
"""

from __future__ import annotations

from typing import Any

import schemathesis

STREAMS = ("sse", "ndjson")


@schemathesis.hook
def map_query(context: Any, query: dict[str, Any] | None) -> dict[str, Any] | None:
    if not query:
        return query
    query = dict(query)
    query.pop("watch", None)
    if query.get("format") in STREAMS:
        query["format"] = "json"
    # A long poll may hold a request as long as it asks: keep them short here.
    if isinstance(query.get("wait"), int | float) and query["wait"] > 1:
        query["wait"] = 1
    return query


@schemathesis.hook
def map_headers(context: Any, headers: dict[str, Any] | None) -> dict[str, Any] | None:
    if headers and "text/event-stream" in str(headers.get("Accept", "")):
        headers = {k: v for k, v in headers.items() if k != "Accept"}
    return headers
