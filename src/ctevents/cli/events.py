"""`ctevents events`: the log as JSON lines, one envelope per event."""

from __future__ import annotations

import argparse
import sys

import orjson

from ctevents.cli.common import add_store_argument, fail, open_store, type_list

PAGE = 1000


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("events", help="print the log as JSON lines")
    parser.add_argument(
        "--after",
        type=int,
        default=0,
        metavar="N",
        help="start after position N (exclusive cursor; default 0)",
    )
    parser.add_argument(
        "--limit", type=int, default=None, metavar="N", help="print at most N events (default: all)"
    )
    parser.add_argument(
        "--type",
        type=type_list,
        default=[],
        metavar="T,…",
        help="only these event types, e.g. MeetingHeld,DelegationLed",
    )
    add_store_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.after < 0 or (args.limit is not None and args.limit < 0):
        fail("--after and --limit take whole numbers ≥ 0")
    with open_store(args.store) as store:
        try:
            store.topics_for(args.type)
        except ValueError as exc:
            fail(str(exc))
        out = sys.stdout.buffer
        after, remaining = args.after, args.limit
        while remaining is None or remaining > 0:
            page = PAGE if remaining is None else min(PAGE, remaining)
            envelopes = store.envelopes(after=after, limit=page, types=args.type)
            for envelope in envelopes:
                out.write(orjson.dumps(envelope) + b"\n")
            if len(envelopes) < page:
                break
            after = envelopes[-1]["position"]
            if remaining is not None:
                remaining -= len(envelopes)
        out.flush()
    return 0
