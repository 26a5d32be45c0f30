"""`ctevents snapshots list|drop`: the read models' snapshots as of past positions.

Argument parsing and output only; the work is `replay.snapshots`.
"""

from __future__ import annotations

import argparse

import orjson

from ctevents.cli.common import add_store_argument, fail, open_read_models, open_store
from ctevents.projections.catalog import MODELS, by_name
from ctevents.replay.generations import Generation, ReplayBusy
from ctevents.replay.snapshots import ON_DEMAND_PREFIX, drop_snapshots, snapshots


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "snapshots",
        help="list or drop the read models' snapshots as of past positions",
        description="Snapshots are built by `ctevents replay PROJECTION --until N --into NAME` "
        f"or on demand by `?as_of=N` reads (named {ON_DEMAND_PREFIX}N).",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="every snapshot: name, model, position, version")
    listing.add_argument("--json", action="store_true", help="one JSON line per snapshot")
    add_store_argument(listing)
    dropping = actions.add_parser("drop", help="drop snapshots by name (or every on-demand one)")
    dropping.add_argument("names", nargs="*", metavar="NAME")
    dropping.add_argument(
        "--on-demand", action="store_true", help=f"every snapshot named {ON_DEMAND_PREFIX}N"
    )
    dropping.add_argument(
        "--projection",
        metavar="NAME",
        help=f"only of this model ({', '.join(m.name for m in MODELS)})",
    )
    add_store_argument(dropping)
    parser.set_defaults(run=run)


def _describe(generation: Generation) -> dict[str, object]:
    return {
        "name": generation.name,
        "projection": generation.projection,
        "position": generation.until,
        "version": generation.version,
        "created_at": generation.created_at,
        "tables": generation.prefix,
    }


def run(args: argparse.Namespace) -> int:
    projection = getattr(args, "projection", None)
    if projection:
        try:
            by_name(projection)
        except KeyError as exc:
            fail(str(exc.args[0]))
    if args.action == "drop" and not args.names and not args.on_demand:
        fail("name the snapshots to drop, or give --on-demand")
    with open_store(args.store) as store:
        live = open_read_models(store)
        try:
            found = snapshots(live, projection)
            if args.action == "list":
                show(found, args.json)
                return 0
            chosen = [
                g
                for g in found
                if g.name in args.names
                or (args.on_demand and (g.name or "").startswith(ON_DEMAND_PREFIX))
            ]
            missing = sorted(set(args.names) - {g.name for g in chosen})
            if missing:
                fail(f"no snapshot named {', '.join(missing)}; see `ctevents snapshots list`")
            try:
                drop_snapshots(store, live, chosen)
            except ReplayBusy as exc:
                fail(str(exc))
        finally:
            live.close()
    for generation in chosen:
        print(f"dropped {generation.name} ({generation.projection} at {generation.until})")
    if not chosen:
        print("no on-demand snapshot to drop")
    return 0


def show(found: list[Generation], as_json: bool) -> None:
    if as_json:
        for generation in found:
            print(orjson.dumps(_describe(generation)).decode())
        return
    if not found:
        print("no snapshots")
        return
    print(f"{'name':<24} {'projection':<10} {'position':>9} {'version':>7}  created")
    for g in found:
        name, position, version = g.name or "", g.until or 0, g.version or 0
        print(f"{name:<24} {g.projection:<10} {position:>9} {version:>7}  {g.created_at}")
