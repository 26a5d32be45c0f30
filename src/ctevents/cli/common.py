"""Options and output helpers shared by subcommands.

Nothing heavy is imported here at module level: `ctevents --help` must start at once.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ctevents.corrections import CorrectionResult
    from ctevents.projections.views import ViewStore
    from ctevents.store import Store

STORE_ENV = "CTEVENTS_STORE"
# C0 and C1 control characters other than the line break: escape sequences in stored text
# (`\x1b]0;…\x07`, `\x1b[2J`) must not reach the operator's terminal as such.
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def add_store_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        default=None,
        help=f"SQLite file or postgresql:// URL (default: ${STORE_ENV}, else ./ctevents.db)",
    )


def add_json_argument(parser: argparse.ArgumentParser, what: str = "one JSON document") -> None:
    parser.add_argument("--json", action="store_true", help=f"{what} instead of text")


def open_store(url: str | None, *, must_exist: bool = False) -> Store:
    """The store; with `must_exist`, one that has not been created is an error, not created.

    Commands that only read say so: `verify --store typo.db` must not answer "verified"
    over an empty log it has just made.
    """
    from ctevents.store import Store, StoreError, locate, store_exists

    try:
        if must_exist:
            location = locate(url)
            if not store_exists(location):
                fail(
                    f"no store at {location.display}: nothing has been recorded there "
                    "(check --store or $CTEVENTS_STORE)"
                )
        return Store(url)
    except StoreError as exc:
        fail(str(exc))
        raise  # unreachable: fail exits


def open_read_models(store: Store) -> ViewStore:
    """The store's read models; one that cannot be opened is a one-line error naming the
    store as people see it (its password masked)."""
    from ctevents.projections.views import open_views

    try:
        return open_views(store.location)
    except Exception as exc:
        fail(
            f"cannot open the read models of {store.location.display}: {type(exc).__name__}: {exc}"
        )
        raise  # unreachable: fail exits


def printable(text: str, *, keep_lines: bool = False) -> str:
    """Stored text made safe for a terminal: control characters shown as `\\xNN`, not sent."""
    if keep_lines:
        return _CONTROLS.sub(_escape, text)
    return _CONTROLS.sub(_escape, text).replace("\n", "\\n")


def _escape(match: re.Match[str]) -> str:
    return "\\t" if match.group() == "\t" else f"\\x{ord(match.group()):02x}"


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def whole_number(
    low: int, high: int, noun: str = "whole number", note: str = ""
) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, else a one-line error."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a {noun}") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{number} is out of range: use {low} to {high}{note}")
        return number

    return parse


# A `nice` increment for a background worker: 0 (as the caller) to 19 (yields most).
niceness = whole_number(0, 19)


def type_list(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def error(message: str) -> None:
    # One line whatever the message holds (a driver's error may span several).
    line = " ".join(printable(message).replace("\\n", " ").split())
    print(f"ctevents: error: {line}", file=sys.stderr)


def fail(message: str, status: int = 2) -> None:
    error(message)
    raise SystemExit(status)


def correction_json(result: CorrectionResult) -> str:
    """A correction's outcome as `retract --json` and `reextract --json` print it."""
    import orjson

    body = {
        "source_id": str(result.source_id),
        "appended": result.appended,
        "positions": list(result.positions),
        "message": result.message,
    }
    return orjson.dumps(body).decode()
