"""`ctevents reextract [SOURCE_ID…|--all]`: record new facts where the extractor changed."""

from __future__ import annotations

import argparse

from ctevents.cli.common import (
    add_json_argument,
    add_store_argument,
    correction_json,
    error,
    fail,
    open_store,
    printable,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "reextract",
        help="re-run the extractor over recorded sources",
        description="Appends ExtractionSuperseded and the new facts only where they differ "
        "from the newest recorded extraction; running it twice appends nothing.",
    )
    parser.add_argument("source_ids", nargs="*", metavar="SOURCE_ID")
    parser.add_argument("--all", action="store_true", help="every recorded source")
    add_json_argument(parser, "one JSON line per source, then a summary line")
    add_store_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import orjson

    from ctevents.corrections import UnknownSource, reextract, source_ids
    from ctevents.extract import EXTRACTOR_VERSION

    if bool(args.source_ids) == args.all:
        fail("name SOURCE_IDs or give --all (not both)")
    changed = unchanged = missing = 0
    with open_store(args.store, must_exist=True) as store:
        for source_id in source_ids(store) if args.all else args.source_ids:
            try:
                result = reextract(store, source_id)
            except UnknownSource as exc:
                missing += 1
                if args.json:
                    print(orjson.dumps({"source_id": source_id, "error": str(exc)}).decode())
                else:
                    error(str(exc))
                continue
            changed += result.appended
            unchanged += not result.appended
            if args.json:
                print(correction_json(result))
            else:
                print(f"{printable(source_id)}: {printable(result.message)}")
    summary = {
        "reextracted": changed,
        "unchanged": unchanged,
        "unknown": missing,
        "extractor_version": EXTRACTOR_VERSION,
    }
    if args.json:
        print(orjson.dumps(summary).decode())
    else:
        print(
            f"{changed} re-extracted, {unchanged} unchanged, {missing} unknown "
            f"(extractor {EXTRACTOR_VERSION})"
        )
    return 1 if missing else 0
