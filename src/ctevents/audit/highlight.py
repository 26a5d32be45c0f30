"""A source's text as an HTML page with each asserted span marked.

Overlapping spans are cut at every span boundary into flat segments, each marked
once with the facts of every span covering it, so marks never nest or cross.
Everything from the log (text, quotes, titles, metadata) is escaped.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise
from typing import Any

_STYLE = (
    "body{font:16px/1.6 system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em}"
    "pre{white-space:pre-wrap;font:inherit}mark{background:#fff1a8}"
    "mark.overlap{background:#ffd36e}.warning{color:#a00;font-weight:bold}"
)


def _segments(length: int, spans: list[dict[str, Any]]) -> list[tuple[int, int, list[int]]]:
    """`(start, end, indexes of the spans covering it)` for consecutive pieces of the text."""
    cuts = {0, length}
    for span in spans:
        cuts.update((max(0, min(length, span["start"])), max(0, min(length, span["end"]))))
    ordered = sorted(cuts)
    return [
        (a, b, [i for i, s in enumerate(spans) if s["start"] <= a and b <= s["end"]])
        for a, b in pairwise(ordered)
        if a < b
    ]


def render(document: dict[str, Any]) -> str:
    """The page for a `spans.source_text` document."""
    text: str = document["text"]
    spans: list[dict[str, Any]] = document["spans"]
    body = []
    for start, end, covering in _segments(len(text), spans):
        piece = escape(text[start:end])
        if not covering:
            body.append(piece)
            continue
        facts = [f["summary"] for i in covering for f in spans[i]["facts"]]
        ids = " ".join(f"{spans[i]['start']}-{spans[i]['end']}" for i in covering)
        css = ' class="overlap"' if len(covering) > 1 else ""
        title = escape("\n".join(dict.fromkeys(facts)), quote=True)
        body.append(f'<mark{css} title="{title}" data-spans="{ids}">{piece}</mark>')
    heading = escape(document.get("title") or document["source_id"])
    meta = " · ".join(
        escape(str(document[k])) for k in ("publisher", "published_on", "url") if document.get(k)
    )
    warnings = "".join(f'<p class="warning">{escape(p)}</p>' for p in document["problems"])
    if document.get("retracted"):
        reason = escape(document.get("retraction") or "")
        warnings += f'<p class="warning">Retracted: {reason}</p>'
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{heading}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{heading}</h1><p>{meta}</p>"
        f"<p>source {escape(document['source_id'])} · sha256 {escape(document['sha256'])} · "
        f"{'verified' if document['verified'] else 'NOT VERIFIED'}</p>{warnings}"
        f"<pre>{''.join(body)}</pre></body></html>\n"
    )
