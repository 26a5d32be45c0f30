"""`ctevents status`: the log's head and each read model's position, lag, version, failures."""

from __future__ import annotations

import argparse

import orjson

from ctevents.cli.common import add_store_argument, open_store
from projections.catalog import MODELS
from projections.failures import failures
from projections.queries import status
from projections.views import open_views


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("status", help="how far each read model has folded the log")
    parser.add_argument("--json", action="store_true", help="one JSON document instead of a table")
    add_store_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args.store) as store:
        views = open_views(store.location)
        try:
            views.ensure(MODELS)
            report = status(store, views, MODELS)
            report["recent_failures"] = failures(views, limit=10)
        finally:
            views.close()
    if args.json:
        print(orjson.dumps(report).decode())
        return 0
    print(f"log head: {report['head']}")
    print(f"{'projection':<12} {'position':>9} {'lag':>7} {'version':>8} {'failures':>9}")
    for p in report["projections"]:
        version = str(p["version"])
        if p["outdated"]:
            version += f" (built by {p['stored_version']}: rebuild)"
        print(
            f"{p['projection']:<12} {p['position']:>9} {p['lag']:>7} {version:>8} "
            f"{p['failures']:>9}"
        )
    for failure in report["recent_failures"]:
        print(f"failed: {failure['projection']} at {failure['position']}: {failure['error']}")
    return 0
