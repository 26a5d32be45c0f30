"""`ctevents digest`: the SHA-256 of a live read model's rows in canonical order and encoding."""

from __future__ import annotations

import argparse

from ctevents.cli.common import add_store_argument, error, fail, open_store
from projections.catalog import MODELS, by_name
from projections.digest import digest
from projections.views import open_views


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "digest",
        help="print a live read model's digest (compare with `ctevents replay`)",
    )
    parser.add_argument("projection", metavar="PROJECTION", help=", ".join(m.name for m in MODELS))
    add_store_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        model = by_name(args.projection)
    except KeyError as exc:
        fail(str(exc.args[0]))
    with open_store(args.store) as store:
        views = open_views(store.location)
        try:
            views.ensure([model])
            position = views.position(model)
            print(f"{digest(views, model)}  {model.name} at position {position}")
            behind = store.head() - position
            if behind > 0:
                error(
                    f"{model.name} lags the log by {behind} event(s): run `ctevents project "
                    "--once` (or `ctevents replay`) for the digest of the whole log"
                )
        finally:
            views.close()
    return 0
