"""`ctevents retract SOURCE_ID --reason …`: withdraw a source by appending `SourceRetracted`."""

from __future__ import annotations

import argparse

from ctevents.cli.common import (
    add_json_argument,
    add_store_argument,
    correction_json,
    fail,
    open_store,
    printable,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "retract",
        help="withdraw a source (its events stay in the log for audit)",
        description="Appends SourceRetracted to the source's stream; retracting twice is a no-op.",
    )
    parser.add_argument("source_id", metavar="SOURCE_ID")
    parser.add_argument("--reason", required=True, help="why the source is withdrawn")
    add_json_argument(parser, "{source_id, appended, positions, message}")
    add_store_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:

    from ctevents.corrections import UnknownSource, retract
    from ctevents.documents import DocumentError, check_characters

    try:
        check_characters(args.reason, "--reason", "the reason")
    except DocumentError as exc:
        fail(str(exc))
    with open_store(args.store, must_exist=True) as store:
        try:
            result = retract(store, args.source_id, args.reason)
        except (UnknownSource, ValueError) as exc:
            fail(str(exc), status=1)
    if args.json:
        print(correction_json(result))
        return 0
    where = f" at position {result.positions[0]}" if result.positions else ""
    print(f"{result.source_id}: {printable(result.message)}{where}")
    return 0
