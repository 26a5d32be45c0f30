"""`ctevents trace MEETING_KEY [FIELD]`: each value of a meeting with the source spans behind it."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from ctevents.cli.common import (
    add_store_argument,
    error,
    fail,
    open_read_models,
    open_store,
    printable,
)

if TYPE_CHECKING:
    from ctevents.projections.views import ViewStore
    from ctevents.store import Store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "trace",
        help="show who asserted each value of a meeting, where, when and by which extractor",
        description="Reads the meetings read model, first bringing it up to the log's head "
        "(on a fresh store too), and re-checks every quote against the stored text and its "
        "SHA-256; exits 1 when any quote fails the check.",
    )
    parser.add_argument("meeting_key", metavar="MEETING_KEY")
    parser.add_argument("field", nargs="?", metavar="FIELD", help="e.g. date, leaders.MV")
    parser.add_argument(
        "--format", choices=("text", "json", "prov"), default="text", help="output form"
    )
    parser.add_argument("--json", action="store_true", help="the same as --format json")
    add_store_argument(parser)
    parser.set_defaults(run=run)


def bring_up_to_head(store: Store, views: ViewStore) -> None:
    """Folds what the meetings model has not folded yet, saying so when it is much."""
    from ctevents.projections.engine import ProjectionEngine
    from ctevents.projections.meetings import MODEL as MEETINGS

    engine = ProjectionEngine(store, views, [MEETINGS])
    behind = store.head() - engine.positions[MEETINGS.name]
    if behind > 1000:
        print(f"ctevents: folding {behind:,} events into the meetings read model…", file=sys.stderr)
    engine.catch_up()


def run(args: argparse.Namespace) -> int:
    import orjson

    from ctevents.audit.prov import meeting_lineage
    from ctevents.projections.provenance import UnknownField, UnknownMeeting, trace

    if args.json:
        args.format = "json"
    with open_store(args.store, must_exist=True) as store:
        views = open_read_models(store)
        try:
            bring_up_to_head(store, views)
            found = trace(store, views, args.meeting_key, args.field)
        except (UnknownMeeting, UnknownField) as exc:
            fail(str(exc), status=1)
        except Exception as exc:  # a database error: one line, not a traceback
            fail(f"cannot trace {args.meeting_key!r}: {type(exc).__name__}: {exc}")
        finally:
            views.close()
    if args.format == "json":
        print(orjson.dumps(found).decode())
    elif args.format == "prov":
        print(orjson.dumps(meeting_lineage(found)).decode())
    else:
        print_trace(found)
    if found["lag"]:
        error(
            f"the meetings read model lags the log by {found['lag']} event(s) (folded up to "
            f"position {found['as_of_position']} of {found['log_head']}): a write of it is "
            "failing, see `ctevents status`"
        )
    if not found["verified"]:
        for problem in found["problems"]:
            error(
                f"NOT VERIFIED {printable(problem['field'])} (position {problem['position']}): "
                f"{printable(problem['problem'])}"
            )
        return 1
    return 0


def _value(value: Any) -> str:
    import orjson

    return printable(value if isinstance(value, str) else orjson.dumps(value).decode())


def _line(text: str) -> str:
    """Context on one line: the text's line breaks shown, not made; no control characters."""
    return printable(text.replace("\n", " ⏎ "))


def print_trace(found: dict[str, Any]) -> None:
    out = sys.stdout
    print(
        f"meeting {printable(found['meeting_key'])} (as of position {found['as_of_position']})",
        file=out,
    )
    for field in found["fields"]:
        state = "CONTESTED" if field["contested"] else field["kind"]
        print(f"\n{printable(field['field'])}  [{state}]", file=out)
        if not field["values"]:
            print("  (no source asserts a value)", file=out)
        for value in field["values"]:
            print(
                f"  {_value(value['value'])}  ({value['status']}, "
                f"{value['corroboration']} source(s))",
                file=out,
            )
            for a in value["assertions"]:
                mark = "ok" if a["verified"] else "NOT VERIFIED"
                meta = ", ".join(
                    printable(str(a[k]))
                    for k in ("title", "publisher", "published_on", "url")
                    if a.get(k)
                )
                print(f"    - source {a['source_id']}{f' ({meta})' if meta else ''}", file=out)
                print(
                    f"      position {a.get('position')} recorded {a.get('recorded_at')} "
                    f"extractor {printable(str(a.get('extractor_version')))} {a.get('fact_type')}",
                    file=out,
                )
                context = a.get("context", {})
                print(
                    f"      [{a['start']}:{a['end']}] …{_line(context.get('before', ''))}"
                    f"«{_line(a['quote'])}»{_line(context.get('after', ''))}… [{mark}]",
                    file=out,
                )
                for problem in a["problems"]:
                    print(f"      ! {printable(str(problem))}", file=out)
