"""`ctevents events`: the log as JSON lines, one envelope per event; `--follow` keeps going."""

from __future__ import annotations

import argparse
import sys
import time
import uuid

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
    parser.add_argument("--stream", metavar="SOURCE_ID", help="only this stream (a source id)")
    parser.add_argument("--party", metavar="CODE", help="only events naming this party (ISO code)")
    parser.add_argument("--meeting", metavar="MEETING_KEY", help="only this meeting's events")
    parser.add_argument(
        "--follow",
        action="store_true",
        help="after the last event, wait for new ones and print them as they are recorded",
    )
    parser.add_argument(
        "--poll", type=float, default=0.5, metavar="SECONDS", help="how often --follow looks"
    )
    parser.add_argument(
        "--json", action="store_true", help="JSON lines (the only form; accepted for symmetry)"
    )
    add_store_argument(parser)
    parser.set_defaults(run=run)


def _selection(args: argparse.Namespace):  # -> EventFilter
    from ctevents.feed import EventFilter
    from ctevents.server.params import party_code

    stream = party = None
    if args.stream is not None:
        try:
            stream = str(uuid.UUID(args.stream))
        except ValueError:
            fail(f"--stream {args.stream!r} is not a source id (a UUID)")
    if args.party is not None:
        try:
            party = party_code(args.party)
        except ValueError as exc:
            fail(f"--party: {exc}")
    return EventFilter(
        types=tuple(args.type), stream=stream, party=party, meeting=args.meeting or None
    )


def run(args: argparse.Namespace) -> int:
    import orjson

    if args.after < 0 or (args.limit is not None and args.limit < 0):
        fail("--after and --limit take whole numbers ≥ 0")
    if args.poll <= 0:
        fail("--poll takes a number of seconds > 0")
    from ctevents.events import event_types

    unknown = [name for name in args.type if name not in event_types()]
    if unknown:
        fail(
            f"unknown event type(s): {', '.join(unknown)}; "
            f"known: {', '.join(sorted(event_types()))}"
        )
    selection = _selection(args)
    with open_store(args.store, must_exist=True) as store:
        head = store.head()
        if args.after > head:
            fail(f"--after {args.after} is beyond the log's head ({head})")
        out = sys.stdout.buffer
        after, remaining = args.after, args.limit
        while remaining is None or remaining > 0:
            envelopes = store.envelopes(after=after, limit=PAGE, types=args.type)
            if envelopes:
                after = envelopes[-1]["position"]
            matching = [e for e in envelopes if selection.matches(e)]
            if remaining is not None:
                matching = matching[:remaining]
                remaining -= len(matching)
            for envelope in matching:
                out.write(orjson.dumps(envelope) + b"\n")
            if len(envelopes) < PAGE:
                if not args.follow:
                    break
                out.flush()
                time.sleep(args.poll)
        out.flush()
    return 0
