"""`ctevents ingest PATH…`: record statements from files and folders."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ctevents.cli.common import add_json_argument, add_store_argument, error, iso_date, open_store
from ctevents.cli.common import printable as shown

# Below this many files a progress bar is more noise than help.
PROGRESS_THRESHOLD = 10


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="record statements (.txt, .md, .json) from files and folders",
        description="Record each statement once: the same text again is 'already recorded'.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument(
        "--published-on",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="publication date for every document (overrides a 'date' line)",
    )
    add_json_argument(parser, "one JSON line per file, then a summary line")
    add_store_argument(parser)
    parser.set_defaults(run=run)


@contextmanager
def _progress(total: int) -> Iterator[Any]:
    if total < PROGRESS_THRESHOLD or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        yield progress


def run(args: argparse.Namespace) -> int:
    import orjson

    from ctevents.documents import DocumentError, find_documents, read_document
    from ctevents.ingest import ingest

    def emit(line: dict[str, Any]) -> None:
        print(orjson.dumps(line).decode(), flush=True)

    found = list(find_documents(args.paths))
    recorded = already = rejected = appended = 0
    with open_store(args.store) as store, _progress(len(found)) as progress:
        task = progress.add_task("ingest", total=len(found)) if progress else None
        for item in found:
            try:
                if isinstance(item, DocumentError):
                    raise item
                result = ingest(store, read_document(item, args.published_on))
            except DocumentError as exc:
                rejected += 1
                if args.json:
                    emit({"path": exc.origin, "rejected": True, "error": exc.reason})
                else:
                    error(str(exc))
            else:
                if result.recorded:
                    recorded += 1
                    appended += len(result.positions)
                else:
                    already += 1
                if args.json:
                    emit(
                        {
                            "path": str(item),
                            "source_id": str(result.source_id),
                            "recorded": result.recorded,
                            "positions": list(result.positions),
                        }
                    )
                elif result.recorded:
                    print(
                        f"recorded {result.source_id} {shown(str(item))} "
                        f"({len(result.positions)} events, positions "
                        f"{result.positions[0]}–{result.positions[-1]})"
                    )
                else:
                    print(f"already recorded {result.source_id} {shown(str(item))}")
            if progress and task is not None:
                progress.advance(task)
        head = store.head()
    if args.json:
        emit(
            {
                "recorded": recorded,
                "already_recorded": already,
                "rejected": rejected,
                "appended": appended,
                "head": head,
            }
        )
    else:
        print(
            f"{recorded} recorded, {already} already present, {rejected} rejected; "
            f"{appended} events appended; head position {head}"
        )
    return 1 if rejected else 0
