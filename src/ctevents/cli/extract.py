"""`ctevents extract FILE`: show the facts a statement yields, without storing anything."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import orjson
from rich.console import Console
from rich.table import Table

from ctevents.cli.common import fail, iso_date
from ctevents.documents import DocumentError, read_document
from ctevents.events import Fact, source_id_for
from ctevents.extract import extract

# Fields the table leaves out: they are shown in their own columns or are too long.
_NOT_SHOWN = {"evidence", "extractor_version"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("extract", help="print the facts a statement yields")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--published-on",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="publication date (else a leading 'date YYYY-MM-DD' line)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='one {"type", "data"} object per line, data as it would be stored',
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        document = read_document(args.file, args.published_on)
    except DocumentError as exc:
        fail(str(exc), status=1)
    facts = extract(
        document.text, source_id=source_id_for(document.text), published_on=document.published_on
    )
    if args.json:
        out = sys.stdout.buffer
        for fact in facts:
            out.write(orjson.dumps({"type": fact.type_name, "data": fact.model_dump()}) + b"\n")
        out.flush()
    else:
        _print_table(facts)
    return 0


def _print_table(facts: list[Fact]) -> None:
    table = Table(title=f"{len(facts)} facts", show_lines=True)
    table.add_column("type", style="bold")
    table.add_column("fields")
    table.add_column("evidence")
    for fact in facts:
        fields = fact.model_dump(mode="json", exclude=_NOT_SHOWN)
        shown = "\n".join(
            f"{key}: {value}" for key, value in fields.items() if value not in (None, [], "")
        )
        spans = "\n".join(f"{e.start}–{e.end}: {e.quote[:80]}" for e in fact.evidence)
        table.add_row(fact.type_name, shown, spans)
    Console().print(table)
