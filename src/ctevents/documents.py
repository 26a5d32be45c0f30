"""Reading statements from files and requests into validated `Document`s.

Validation happens here, before anything is stored, so a bad input is rejected
whole with a message that names what was wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import orjson

MAX_BYTES = 1024 * 1024
DOCUMENT_SUFFIXES = (".txt", ".md", ".json")

# A dateline some sources carry as their first line: " date 2023-07-25 ...".
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LEADING_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")
# Control characters that are whitespace; every other one is refused: NUL cannot be
# stored in PostgreSQL text, and escape sequences would reach operators' terminals.
_CONTROL_CLASS = r"\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
_CONTROLS = re.compile(f"[{_CONTROL_CLASS}]")
# The same rule as a JSON Schema pattern (in `/openapi.json`): no such character, and
# something other than whitespace.
TEXT_PATTERN = rf"^[^{_CONTROL_CLASS}]*[^\s\x00-\x1f\x7f-\x9f][^{_CONTROL_CLASS}]*$"
# Metadata (title, publisher) may be empty; they hold no control character either.
METADATA_PATTERN = f"^[^{_CONTROL_CLASS}]*$"
# An absolute http(s) URL with a host, without whitespace or control characters.
URL_PATTERN = (
    r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#\x00-\x1f\x7f-\x9f]+([/?#][^\s\x00-\x1f\x7f-\x9f]*)?$"
)
_URL = re.compile(URL_PATTERN)


class DocumentError(ValueError):
    """A document that cannot be recorded; `reason` says why."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class DocumentTooLarge(DocumentError):
    """Over `MAX_BYTES`."""


class UnreadableDocument(DocumentError):
    """Bytes that cannot be read as claimed: not UTF-8, not JSON, a date not YYYY-MM-DD."""


class ContradictoryDocument(DocumentError):
    """Two parts of one submission give different values for the same field."""


class UnsupportedCharset(DocumentError):
    """Text in an encoding other than UTF-8."""


@dataclass(frozen=True)
class Document:
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published_on: date | None = None


def leading_date(text: str) -> date | None:
    """The publication date of a leading `date YYYY-MM-DD` line, if any (lenient: for reading)."""
    match = _LEADING_DATE.match(text)
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def checked_leading_date(text: str, origin: str) -> date | None:
    """As `leading_date`, but a line with the form and not a real date is an error.

    `date 2023-13-45` is refused at the door as the same value in `published_on` is:
    recording it would silently lose the date.
    """
    match = _LEADING_DATE.match(text)
    if match and leading_date(text) is None:
        raise DocumentError(
            origin, f"leading line 'date {match.group(1)}' is not a valid date (YYYY-MM-DD)"
        )
    return leading_date(text)


def check_characters(value: str, origin: str, field: str) -> str:
    """`value`, unless it holds a control character that is not whitespace (NUL, ESC, …)."""
    found = _CONTROLS.search(value)
    if found is None:
        return value
    raise DocumentError(
        origin,
        f"{field} holds a control character (U+{ord(found.group()):04X}) at offset "
        f"{found.start()}: only text and whitespace are accepted",
    )


def check_url(value: str, origin: str) -> str:
    """An absolute http(s) URL with a host; anything else is refused, not stored."""
    if not _URL.match(value):
        raise DocumentError(origin, f"url {value!r} is not an absolute http:// or https:// URL")
    return value


def parse_date(value: object, origin: str, field: str = "published_on") -> date | None:
    """An ISO date (`YYYY-MM-DD` exactly) or None when absent; anything else is an error."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise DocumentError(origin, f"{field} must be an ISO date string (YYYY-MM-DD)")
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise UnreadableDocument(
            origin, f"{field} {value!r} is not an ISO date (YYYY-MM-DD)"
        ) from None


def decode_text(raw: bytes, origin: str) -> str:
    if len(raw) > MAX_BYTES:
        raise DocumentTooLarge(
            origin, f"{len(raw)} bytes is over the limit of {MAX_BYTES} bytes (1 MiB)"
        )
    if b"\x00" in raw:
        raise DocumentError(origin, "binary content (NUL bytes), not a text document")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(
            origin, f"not valid UTF-8 (byte {exc.start}: {exc.reason})"
        ) from None


def make_document(
    text: str,
    origin: str,
    *,
    title: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    published_on: date | None = None,
) -> Document:
    """A validated document; the publication date falls back to a leading date line."""
    if not text.strip():
        raise DocumentError(origin, "empty text: nothing to record")
    check_characters(text, origin, "text")
    for field, value in (("title", title), ("url", url), ("publisher", publisher)):
        if value is not None:
            check_characters(value, origin, field)
    if url is not None:
        check_url(url, origin)
    found_on = checked_leading_date(text, origin)
    return Document(
        text=text,
        title=title,
        url=url,
        publisher=publisher,
        published_on=published_on or found_on,
    )


def document_from_json(raw: bytes, origin: str, published_on: date | None = None) -> Document:
    """A document from `{text, title?, url?, publisher?, published_on?}`."""
    body = decode_text(raw, origin)
    try:
        data: Any = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise UnreadableDocument(origin, f"invalid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise DocumentError(origin, "JSON document must be an object with a 'text' field")
    unknown = set(data) - {"text", "title", "url", "publisher", "published_on"}
    if unknown:
        raise DocumentError(
            origin, f"unknown field(s) in JSON document: {', '.join(sorted(unknown))}"
        )
    text = data.get("text")
    if not isinstance(text, str):
        raise DocumentError(origin, "JSON document needs a 'text' string")
    meta: dict[str, str | None] = {}
    for field in ("title", "url", "publisher"):
        value = data.get(field)
        if value is not None and not isinstance(value, str):
            raise DocumentError(origin, f"{field} must be a string")
        meta[field] = value
    return make_document(
        text,
        origin,
        published_on=published_on or parse_date(data.get("published_on"), origin),
        **meta,
    )


def read_document(path: Path, published_on: date | None = None) -> Document:
    """One file as a document; raises `DocumentError` naming the file and the reason."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentTooLarge(
                origin, f"{size} bytes is over the limit of {MAX_BYTES} bytes (1 MiB)"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(origin, "no such file or directory") from None
    except IsADirectoryError:
        raise DocumentError(origin, "is a directory") from None
    except PermissionError:
        raise DocumentError(origin, "permission denied") from None
    if path.suffix.lower() == ".json":
        return document_from_json(raw, origin, published_on)
    return make_document(decode_text(raw, origin), origin, published_on=published_on)


def find_documents(paths: list[Path]) -> Iterator[Path | DocumentError]:
    """Files named, and documents found recursively in folders, in a stable order."""
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file() and found.suffix.lower() in DOCUMENT_SUFFIXES:
                    yield found
        elif path.exists():
            yield path
        else:
            yield DocumentError(str(path), "no such file or directory")
