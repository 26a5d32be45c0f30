"""`ctevents verify`: recompute the hash chains and the running hash; exit 1 at the first break."""

from __future__ import annotations

import argparse

from ctevents.cli.common import add_store_argument, open_store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "verify",
        help="prove the stored log unaltered (hash chains and the ledger's running hash)",
        description="Recomputes each stream's hash chain from the stored payloads and the "
        "running hash in position order, compares them with the stored links and the "
        "ledger, and reports the first position where either breaks (exit status 1).",
    )
    parser.add_argument("--json", action="store_true", help="one JSON document")
    parser.add_argument(
        "--no-ledger",
        action="store_true",
        help="check the stream chains only (do not read the ledger)",
    )
    add_store_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import orjson

    from ctevents.audit.verify import verify_log
    from ctevents.projections.ledger import Ledger

    with open_store(args.store, must_exist=True) as store:
        if args.no_ledger:
            result = verify_log(store)
        else:
            ledger = Ledger.open(store)
            try:
                result = verify_log(store, ledger.running_hashes, ledger.position())
            finally:
                ledger.close()
    if args.json:
        print(orjson.dumps(result.as_dict()).decode())
        return 0 if result.ok else 1
    first = result.first_break
    if first is None:
        print(
            f"verified: {result.events} events in {result.streams} streams up to position "
            f"{result.head}; running hash {result.running or '(empty log)'}; "
            f"ledger compared up to position {result.ledger_position}"
        )
        return 0
    where = f" (stream {first.stream} version {first.version})" if first.stream else ""
    print(f"BROKEN at position {first.position}{where}: {first.check}: {first.problem}")
    for later in result.breaks[1:]:
        print(f"  also at position {later.position}: {later.check}: {later.problem}")
    return 1
