"""The `ctevents` command: argument parsing only; each subcommand calls a service.

Each subcommand lives in its own module here with a `register(subparsers)` function.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from ctevents import __version__

# The order here is the order of `ctevents --help`.
COMMANDS = (
    "ingest",
    "events",
    "extract",
    "retract",
    "reextract",
    "trace",
    "verify",
    "serve",
    "project",
    "status",
    "replay",
    "snapshots",
    "digest",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ctevents",
        description="Immutable, typed events from counter-terrorism diplomacy statements.",
    )
    parser.add_argument("--version", action="version", version=f"ctevents {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `ctevents events | head`: the reader left; that is not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
