"""`ctevents digest`: the SHA-256 of a live read model's rows in canonical order and encoding."""

from __future__ import annotations

import argparse

from ctevents.cli.common import (
    add_json_argument,
    add_store_argument,
    error,
    fail,
    open_read_models,
    open_store,
)

MODEL_NAMES = ("meetings", "dialogues", "people", "sources")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "digest",
        help="print a live read model's digest (compare with `ctevents replay`)",
    )
    parser.add_argument("projection", metavar="PROJECTION", help=", ".join(MODEL_NAMES))
    add_json_argument(parser, "{projection, position, digest}")
    add_store_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import orjson

    from ctevents.projections.catalog import by_name
    from ctevents.projections.digest import digest

    try:
        model = by_name(args.projection)
    except KeyError as exc:
        fail(str(exc.args[0]))
    with open_store(args.store, must_exist=True) as store:
        views = open_read_models(store)
        try:
            views.ensure([model])
            position = views.position(model)
            found = digest(views, model)
            behind = store.head() - position
        finally:
            views.close()
    if args.json:
        body = {"projection": model.name, "position": position, "digest": found, "lag": behind}
        print(orjson.dumps(body).decode())
    else:
        print(f"{found}  {model.name} at position {position}")
    if behind > 0:
        error(
            f"{model.name} lags the log by {behind} event(s): run `ctevents project "
            "--once` (or `ctevents replay`) for the digest of the whole log"
        )
    return 0
