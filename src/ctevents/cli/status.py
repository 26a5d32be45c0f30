"""`ctevents status`: the log's head and each read model's position, lag, version, failures.

Exits 1 when a read model fails (see `ctevents.read_side_health`), naming it and how far
behind the log it is, as `/healthz` does.
"""

from __future__ import annotations

import argparse

from ctevents.cli.common import (
    add_json_argument,
    add_store_argument,
    fail,
    open_read_models,
    open_store,
    printable,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "status",
        help="how far each read model has folded the log",
        description="Exit status 1 when a read model fails (events it could not fold).",
    )
    add_json_argument(parser)
    add_store_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import orjson

    from ctevents.projections.catalog import MODELS
    from ctevents.projections.failures import failures
    from ctevents.projections.queries import status
    from ctevents.read_side_health import DEGRADED, OK, failing_models

    with open_store(args.store, must_exist=True) as store:
        views = open_read_models(store)
        try:
            views.ensure(MODELS)
            report = status(store, views, MODELS)
            report["recent_failures"] = failures(views, limit=10)
            newest = {
                m["projection"]: failures(views, m["projection"], limit=1)
                for m in report["projections"]
                if m["failures"]
            }
        except Exception as exc:
            fail(f"cannot read the read models of {store.location.display}: {exc}")
        finally:
            views.close()
    report["failing"] = failing_models(
        report, {name: rows[0] for name, rows in newest.items() if rows}
    )
    report["status"] = DEGRADED if report["failing"] else OK
    code = 1 if report["failing"] else 0
    if args.json:
        print(orjson.dumps(report).decode())
        return code
    print(f"log head: {report['head']}  status: {report['status']}")
    print(f"{'projection':<12} {'position':>9} {'lag':>7} {'version':>8} {'failures':>9}")
    for p in report["projections"]:
        version = str(p["version"])
        if p["outdated"]:
            version += f" (built by {p['stored_version']}: rebuild)"
        print(
            f"{p['projection']:<12} {p['position']:>9} {p['lag']:>7} {version:>8} "
            f"{p['failures']:>9}"
        )
    for failing in report["failing"]:
        print(
            f"FAILING {failing['projection']}: {failing['reason']}; at position "
            f"{failing['position']}, {failing['lag']} behind the log"
        )
    for failure in report["recent_failures"]:
        print(
            f"failed: {failure['projection']} at {failure['position']}: "
            f"{printable(failure['error'])}"
        )
    return code
