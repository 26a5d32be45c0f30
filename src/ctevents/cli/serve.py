"""`ctevents serve`: the HTTP feed and ingest API over a store (optionally seeded first)."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import sys
from pathlib import Path

from aiohttp import web

from ctevents.cli.common import add_store_argument, error, fail, open_store
from ctevents.cli.fold_worker import FoldWorker
from ctevents.documents import DocumentError, find_documents, read_document
from ctevents.ingest import ingest
from ctevents.server import Settings, create_app
from ctevents.server.access_log import ACCESS_LOGGER, JsonAccessLogger
from ctevents.server.settings import WRITE_TOKEN_ENV


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the change feed (/events) and ingest API (/sources) over HTTP",
        description="Quick start: ctevents serve --ingest seeds",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port (default 8080; 0: any free)")
    parser.add_argument(
        "--ingest",
        nargs="+",
        type=Path,
        default=[],
        metavar="PATH",
        help="record these files and folders before serving",
    )
    parser.add_argument(
        "--fold",
        choices=("worker", "inline"),
        default="worker",
        help="fold the read models and ledger in a supervised worker process (default) "
        "or in threads of the server",
    )
    add_store_argument(parser)
    parser.set_defaults(run=run)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name may resolve anywhere


def ingest_paths(store_url: str | None, paths: list[Path]) -> None:
    recorded = already = rejected = 0
    with open_store(store_url) as store:
        for item in find_documents(paths):
            try:
                if isinstance(item, DocumentError):
                    raise item
                result = ingest(store, read_document(item))
            except DocumentError as exc:
                rejected += 1
                error(str(exc))
            else:
                recorded += result.recorded
                already += not result.recorded
        head = store.head()
    print(f"{recorded} recorded, {already} already present, {rejected} rejected; head {head}")


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env(store_url=args.store)
    if not is_loopback(args.host) and not settings.write_token:
        fail(
            f"refusing to serve on {args.host}, which is not a loopback address, while writes "
            f"are open: set {WRITE_TOKEN_ENV} to a secret token, or bind to 127.0.0.1"
        )
    open_store(args.store).close()  # a bad store URL fails here, with a clear message
    if args.ingest:
        ingest_paths(args.store, args.ingest)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    worker = FoldWorker(args.store) if args.fold == "worker" else None
    if worker is not None:
        worker.start()
    try:
        web.run_app(
            create_app(settings, extract_processes=min(4, os.cpu_count() or 1)),
            host=args.host,
            port=args.port,
            access_log=ACCESS_LOGGER,
            access_log_class=JsonAccessLogger,
            shutdown_timeout=settings.shutdown_timeout,
            print=lambda message: print(message, flush=True),
        )
    finally:
        if worker is not None:
            worker.stop()
    return 0
