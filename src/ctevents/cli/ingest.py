"""`ctevents ingest PATH…`: record statements from files and folders."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ctevents.cli.common import add_store_argument, error, iso_date, open_store
from ctevents.documents import DocumentError, find_documents, read_document
from ctevents.ingest import ingest

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
    add_store_argument(parser)
    parser.set_defaults(run=run)


@contextmanager
def _progress(total: int) -> Iterator[Progress | None]:
    if total < PROGRESS_THRESHOLD or not sys.stderr.isatty():
        yield None
        return
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
                error(str(exc))
            else:
                if result.recorded:
                    recorded += 1
                    appended += len(result.positions)
                    print(
                        f"recorded {result.source_id} {item} "
                        f"({len(result.positions)} events, positions "
                        f"{result.positions[0]}–{result.positions[-1]})"
                    )
                else:
                    already += 1
                    print(f"already recorded {result.source_id} {item}")
            if progress and task is not None:
                progress.advance(task)
        head = store.head()
    print(
        f"{recorded} recorded, {already} already present, {rejected} rejected; "
        f"{appended} events appended; head position {head}"
    )
    return 1 if rejected else 0
