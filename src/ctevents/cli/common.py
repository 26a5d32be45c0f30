"""Options and output helpers shared by subcommands."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from ctevents.store import STORE_ENV, Store, StoreError


def add_store_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        default=None,
        help=f"SQLite file or postgresql:// URL (default: ${STORE_ENV}, else ./ctevents.db)",
    )


def open_store(url: str | None) -> Store:
    try:
        return Store(url)
    except StoreError as exc:
        fail(str(exc))


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def type_list(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def error(message: str) -> None:
    print(f"ctevents: error: {message}", file=sys.stderr)


def fail(message: str, status: int = 2) -> None:
    error(message)
    raise SystemExit(status)
