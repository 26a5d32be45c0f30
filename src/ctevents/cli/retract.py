"""`ctevents retract SOURCE_ID --reason …`: withdraw a source by appending `SourceRetracted`."""

from __future__ import annotations

import argparse

from ctevents.cli.common import add_store_argument, fail, open_store
from ctevents.corrections import UnknownSource, retract


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "retract",
        help="withdraw a source (its events stay in the log for audit)",
        description="Appends SourceRetracted to the source's stream; retracting twice is a no-op.",
    )
    parser.add_argument("source_id", metavar="SOURCE_ID")
    parser.add_argument("--reason", required=True, help="why the source is withdrawn")
    add_store_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args.store) as store:
        try:
            result = retract(store, args.source_id, args.reason)
        except (UnknownSource, ValueError) as exc:
            fail(str(exc), status=1)
    where = f" at position {result.positions[0]}" if result.positions else ""
    print(f"{result.source_id}: {result.message}{where}")
    return 0
