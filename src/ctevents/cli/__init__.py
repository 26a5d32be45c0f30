"""The `ctevents` command: argument parsing only; each subcommand calls a service.

Each subcommand lives in its own module here with a `register(subparsers)` function.
Only the module of the command being run is imported (with what it needs): the others
appear in `--help` by their summary alone, so `--help` and `--version` start at once.
Every error reaches the terminal as one line, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from ctevents import __version__

# The order here is the order of `ctevents --help`; each module's own help says the same.
COMMANDS = {
    "ingest": "record statements (.txt, .md, .json) from files and folders",
    "events": "print the log as JSON lines",
    "extract": "print the facts a statement yields",
    "retract": "withdraw a source (its events stay in the log for audit)",
    "reextract": "re-run the extractor over recorded sources",
    "trace": "show who asserted each value of a meeting, where, when and by which extractor",
    "verify": "prove the stored log unaltered (hash chains and the ledger's running hash)",
    "serve": "serve the change feed (/events) and ingest API (/sources) over HTTP",
    "project": "keep the read models up to date with the log (until stopped)",
    "status": "how far each read model has folded the log",
    "replay": "rebuild read models from the log beside the live ones, then swap them in",
    "snapshots": "list or drop the as-of snapshots of the read models",
    "digest": "print a live read model's digest (compare with `ctevents replay`)",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; only `command`'s module is imported (all of them when None)."""
    parser = argparse.ArgumentParser(
        prog="ctevents",
        description="Immutable, typed events from counter-terrorism diplomacy statements.",
    )
    parser.add_argument("--version", action="version", version=f"ctevents {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, summary in COMMANDS.items():
        if command is None or name == command:
            importlib.import_module(f"{__name__}.{name}").register(subparsers)
        else:
            subparsers.add_parser(name, help=summary)
    return parser


def _command(argv: list[str]) -> str | None:
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def _one_line(exc: BaseException) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message if isinstance(exc, OSError | ValueError) else f"{type(exc).__name__}: {message}"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = _command(argv)
    args = build_parser(command or "").parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `ctevents events | head`: the reader left; that is not an error.
        sys.stderr.close()
        return 0
    except SystemExit:
        raise
    except Exception as exc:
        from ctevents.cli.common import error

        error(_one_line(exc))
        return 1


if __name__ == "__main__":
    sys.exit(main())
