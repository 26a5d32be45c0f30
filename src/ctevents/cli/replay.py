"""`ctevents replay`: rebuild read models from the log beside the live ones and swap them in.

Argument parsing and output only; the work is `replay.rebuild`, `replay.outdated` and
`replay.snapshots`.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import Iterator

import orjson
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from ctevents.cli.common import add_store_argument, fail, open_read_models, open_store
from ctevents.projections.catalog import MODELS, by_name
from ctevents.replay.generations import ReplayBusy
from ctevents.replay.outdated import rebuild_outdated
from ctevents.replay.rebuild import ReplayProgress, ReplayResult, rebuild
from ctevents.replay.snapshots import SnapshotError, build_snapshot, parse_time, position_at


def register(subparsers: argparse._SubParsersAction) -> None:
    names = ", ".join(m.name for m in MODELS)
    parser = subparsers.add_parser(
        "replay",
        help="rebuild read models from the log beside the live ones, then swap them in",
        description=(
            "Rebuilds the named read models (all when none is named) from position 1 into "
            "fresh tables, catches up with the log and swaps them in atomically; prints "
            "each model's digest. With --until/--as-of and --into, builds a named snapshot "
            "of one model as it stood then instead (the live model is not touched)."
        ),
    )
    parser.add_argument("projections", nargs="*", metavar="PROJECTION", help=f"of {names}")
    parser.add_argument(
        "--outdated",
        action="store_true",
        help="only the models whose declared version differs from their live tables'",
    )
    as_of = parser.add_mutually_exclusive_group()
    as_of.add_argument("--until", type=int, metavar="N", help="snapshot as of position N")
    as_of.add_argument(
        "--as-of",
        metavar="TIMESTAMP",
        help="snapshot as of the last position recorded by then (ISO 8601; UTC if no zone)",
    )
    parser.add_argument("--into", metavar="NAME", help="the snapshot's name (with --until/--as-of)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="no progress; one JSON line per model: projection, events_replayed, seconds, "
        "events_per_second, digest",
    )
    parser.add_argument(
        "--processes",
        type=int,
        choices=(1, 2),
        default=1,
        help="fold the models in two processes (SQLite, logs of 10,000 events or more): "
        "faster when a core is idle, about a fifth more CPU in all (docs/replay.md)",
    )
    parser.add_argument(
        "--lock-timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="how long to wait for another replay of this store to finish (default 10)",
    )
    add_store_argument(parser)
    parser.set_defaults(run=run)


class RateColumn(ProgressColumn):
    """Events per second, from rich's own smoothed speed."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} events/s" if speed else "— events/s", style="cyan")


@contextlib.contextmanager
def progress_bar(label: str, enabled: bool) -> Iterator[ReplayProgress | None]:
    if not enabled:
        yield None
        return
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:,.0f}/{task.total:,.0f}"),
        RateColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(position: int, target: int) -> None:
            bar.update(task, completed=position, total=target)

        yield update


def report(results: list[ReplayResult], as_json: bool) -> None:
    for result in results:
        if as_json:
            print(orjson.dumps(result.as_json()).decode(), flush=True)
            continue
        where = f"snapshot {result.snapshot!r} of " if result.snapshot else ""
        print(
            f"{where}{result.projection}: {result.events_replayed:,} events in "
            f"{result.seconds:.2f} s ({result.events_per_second:,.0f} events/s), "
            f"position {result.position}, digest {result.digest}",
            flush=True,
        )


def run(args: argparse.Namespace) -> int:
    try:
        models = [by_name(name) for name in args.projections] if args.projections else list(MODELS)
    except KeyError as exc:
        fail(str(exc.args[0]))
    snapshot = args.until is not None or args.as_of is not None
    if snapshot and (len(models) != 1 or not args.into):
        fail("--until/--as-of build a snapshot of one model: name it, and give --into NAME")
    if args.into and not snapshot:
        fail("--into names a snapshot: give --until N or --as-of TIMESTAMP too")
    if snapshot and args.outdated:
        fail("--outdated rebuilds live models; it does not combine with --until/--as-of")
    logging.basicConfig(level=logging.WARNING, format="ctevents replay: %(message)s")
    show = not args.json and sys.stderr.isatty()
    with open_store(args.store) as store:
        live = open_read_models(store)
        try:
            with progress_bar("replay", show) as progress:
                if snapshot:
                    until = args.until
                    if until is None:
                        until = position_at(store, parse_time(args.as_of))
                    results = [
                        build_snapshot(
                            store,
                            live,
                            models[0],
                            until,
                            args.into,
                            lock_timeout=args.lock_timeout,
                        )
                    ]
                elif args.outdated:
                    results = rebuild_outdated(
                        store, live, models, progress=progress, lock_timeout=args.lock_timeout
                    )
                else:
                    results = rebuild(
                        store,
                        live,
                        models,
                        progress=progress,
                        lock_timeout=args.lock_timeout,
                        processes=args.processes,
                    )
        except (ReplayBusy, SnapshotError) as exc:
            fail(str(exc))
        finally:
            live.close()
    if args.outdated and not results and not args.json:
        print("every read model is up to date with its code's version")
    report(results, args.json)
    return 0
