"""`ctevents serve`: the HTTP feed and ingest API over a store (optionally seeded first)."""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from pathlib import Path

from ctevents.cli.common import (
    add_store_argument,
    error,
    fail,
    niceness,
    open_store,
    printable,
    whole_number,
)

WRITE_TOKEN_ENV = "CTEVENTS_WRITE_TOKEN"
WILDCARD_HOSTS = ("0.0.0.0", "::", "")
# Folding is background work: on a busy machine it yields the cores to the event loop
# that feeds subscribers and to the writes' extraction (which yields to the loop too, at
# DEFAULT_EXTRACT_NICE), and catches up (in larger batches) when idle. At 10, level with the
# extraction, it took a core's share from the writes: 0.60 of the 1-subscriber rate at 200
# subscribers against 0.70 at 19 (docs/feed.md, sixth round).
DEFAULT_FOLD_NICE = 19
# Extraction is most of a write's CPU: below the event loop's priority, it waits while the
# loop hands new events to subscribers (at 200 subscribers on 2 cores, fan-out p99 fell
# from ~100 to ~55 ms; docs/feed.md, sixth round); writes slow down only when cores are short.
DEFAULT_EXTRACT_NICE = 10


port_number = whole_number(0, 65535, "port number", " (0: any free)")


def host_address(value: str) -> str:
    """`[::1]` as written in URLs is `::1` to bind to."""
    host = value.strip()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not host:
        raise argparse.ArgumentTypeError("an empty host: use e.g. 127.0.0.1 or ::1")
    return host


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the change feed (/events) and ingest API (/sources) over HTTP",
        description="Quick start: ctevents serve --ingest seeds",
    )
    parser.add_argument(
        "--host",
        type=host_address,
        default="127.0.0.1",
        help="address to bind (default 127.0.0.1; IPv6 as ::1 or [::1])",
    )
    parser.add_argument(
        "--port", type=port_number, default=8080, help="port (default 8080; 0: any free)"
    )
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
    parser.add_argument(
        "--fold-nice",
        type=niceness,
        default=DEFAULT_FOLD_NICE,
        metavar="N",
        help="how much the folding worker yields the CPU to the server, as `nice` "
        f"(0–19, default {DEFAULT_FOLD_NICE}): read models may lag under load, the feed "
        "and the writes do not",
    )
    parser.add_argument(
        "--extract-nice",
        type=niceness,
        default=DEFAULT_EXTRACT_NICE,
        metavar="N",
        help="how much the extraction processes of `POST /sources` yield the CPU to the "
        f"server's event loop, as `nice` (0–19, default {DEFAULT_EXTRACT_NICE}): the feed "
        "stays prompt while writes run",
    )
    parser.add_argument(
        "--json", action="store_true", help="start-up messages as JSON lines (the log always is)"
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


def _say(message: str, as_json: bool, **fields: object) -> None:
    if as_json:
        import orjson

        print(orjson.dumps({"message": message, **fields}).decode(), flush=True)
    else:
        print(message, flush=True)


def ingest_paths(store_url: str | None, paths: list[Path], as_json: bool = False) -> None:
    from ctevents.documents import DocumentError, find_documents, read_document
    from ctevents.ingest import ingest

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
    _say(
        f"{recorded} recorded, {already} already present, {rejected} rejected; head {head}",
        as_json,
        recorded=recorded,
        already_recorded=already,
        rejected=rejected,
        head=head,
    )


def _allowed_hosts(host: str, configured: tuple[str, ...]) -> tuple[str, ...]:
    """The names the server answers to: configured ones, and the address it is bound to."""
    if configured:
        return configured
    if host in WILDCARD_HOSTS:
        # Bound to every address: the names it is reached by are not known here. Writes
        # need the token then (see run), which a rebinding page does not hold.
        return ("*",)
    return (host.lower(), f"[{host.lower()}]")


def run(args: argparse.Namespace) -> int:
    import logging
    import socket

    from aiohttp import web

    from ctevents.cli.fold_worker import FoldWorker
    from ctevents.server import Settings, create_app
    from ctevents.server.access_log import ACCESS_LOGGER, JsonAccessLogger

    settings = Settings.from_env(store_url=args.store)
    if not is_loopback(args.host) and not settings.write_token:
        fail(
            f"refusing to serve on {args.host}, which is not a loopback address, while writes "
            f"are open: set {WRITE_TOKEN_ENV} to a secret token, or bind to 127.0.0.1"
        )
    from dataclasses import replace

    settings = replace(settings, allowed_hosts=_allowed_hosts(args.host, settings.allowed_hosts))
    # The address first: a busy or unknown one is reported before anything else is done.
    try:
        family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((args.host, args.port))
    except OSError as exc:
        fail(f"cannot listen on {printable(args.host)} port {args.port}: {exc.strerror or exc}")
    open_store(args.store).close()  # a bad store URL fails here, with a clear message
    if args.ingest:
        ingest_paths(args.store, args.ingest, args.json)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    worker = FoldWorker(args.store, nice=args.fold_nice) if args.fold == "worker" else None
    if worker is not None:
        worker.start()
    try:
        web.run_app(
            create_app(
                settings,
                extract_processes=min(4, os.cpu_count() or 1),
                extract_nice=args.extract_nice,
            ),
            host=args.host,
            port=args.port,
            access_log=ACCESS_LOGGER,
            access_log_class=JsonAccessLogger,
            shutdown_timeout=settings.shutdown_timeout,
            print=lambda message: _say(message, args.json),
        )
    except OSError as exc:
        fail(f"cannot listen on {printable(args.host)} port {args.port}: {exc.strerror or exc}")
    finally:
        if worker is not None:
            worker.stop()
    return 0
