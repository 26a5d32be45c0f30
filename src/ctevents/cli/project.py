"""`ctevents project`: a worker that folds the log into the read models until stopped."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from functools import partial

from ctevents.cli.common import (
    add_store_argument,
    fail,
    niceness,
    open_read_models,
    open_store,
    type_list,
)
from ctevents.lifetime import end_with_parent_from_env
from ctevents.projections.catalog import MODELS, by_name
from ctevents.projections.engine import DEFAULT_BATCH, ProjectionEngine
from ctevents.projections.ledger import Ledger
from ctevents.workers import Worker


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "project", help="keep the read models up to date with the log (until stopped)"
    )
    parser.add_argument(
        "--only",
        type=type_list,
        default=[],
        metavar="NAME,…",
        help=f"only these read models (default: all of {', '.join(m.name for m in MODELS)})",
    )
    parser.add_argument(
        "--batch",
        type=int,
        default=DEFAULT_BATCH,
        metavar="N",
        help=f"events per transaction (default {DEFAULT_BATCH})",
    )
    parser.add_argument(
        "--once", action="store_true", help="catch up to the head, then exit instead of following"
    )
    parser.add_argument(
        "--poll", type=float, default=0.1, metavar="SECONDS", help="idle poll interval"
    )
    parser.add_argument(
        "--nice",
        type=niceness,
        default=0,
        metavar="N",
        help="lower this worker's CPU priority by N, as `nice` (0–19, default 0)",
    )
    parser.add_argument(
        "--json", action="store_true", help="with --once: the summary as one JSON document"
    )
    add_store_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.batch < 1:
        fail("--batch takes a whole number ≥ 1")
    try:
        models = [by_name(name) for name in args.only] if args.only else list(MODELS)
    except KeyError as exc:
        fail(str(exc.args[0]))
    logging.basicConfig(level=logging.INFO, format="ctevents project: %(message)s")
    if args.nice:
        os.nice(args.nice)
    stop = threading.Event()
    # SIGTERM and SIGINT end the worker after the batch in hand has committed (or not
    # begun): the tracking position and the rows always move together.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    end_with_parent_from_env()  # a worker of `serve` ends with its server, even a killed one
    with open_store(args.store) as store:
        views = open_read_models(store)
        # The audit ledger follows the log beside the read models (see docs/audit.md).
        ledger = Ledger.open(store, batch_size=args.batch)
        try:
            engine = ProjectionEngine(store, views, models, batch_size=args.batch)
            if args.once:
                ledger.catch_up()
                folded = engine.catch_up()
                if args.json:
                    print(f'{{"folded": {folded}, "head": {store.head()}}}')
                else:
                    print(f"folded {folded} events; at position {store.head()}", file=sys.stderr)
            else:
                ledgering = Worker("ledger", partial(ledger.run_forever, idle=args.poll), stop=stop)
                ledgering.start()
                try:
                    engine.run_forever(stop, idle=args.poll)
                finally:
                    ledgering.stop()
                    ledgering.join(None)  # the batch in hand commits, however long it takes
        finally:
            ledger.close()
            views.close()
    return 0
