"""Reading query parameters through typed pydantic models, with a 400 that names the parameter.

Each parameter is given at most once; unknown ones are refused (a typo is not silently
ignored). Numbers are ASCII digits within a signed 64-bit range (`٣` and `1_000` are not
numbers, 2^63 is out of range, not a server error); booleans are `true`/`false`/`1`/`0`
and nothing else; dates are `YYYY-MM-DD`; party codes are ISO 3166 in any case, a list
in any order; free-text filters must hold a letter or digit (a filter of only `%` or `_`
would match everything). No value may hold a control character.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping
from datetime import date
from functools import cache
from typing import Annotated, Any, TypeVar

from aiohttp import web
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, WithJsonSchema

from ctevents.server.errors import ParameterError

MAX_POSITION = 2**63 - 1  # PostgreSQL's BIGINT and SQLite's INTEGER
MAX_TEXT = 200
# The patterns are also the OpenAPI document's (`schema`), so what it promises is what is
# accepted. Written in the subset where Python's and ECMA-262's regular expressions agree.
CONTROLS = r"\x00-\x1f\x7f-\x9f"
LINE_TEXT = rf"^[^{CONTROLS}]*[^\s{CONTROLS}][^{CONTROLS}]*$"  # one line, not blank
SEARCH_TEXT = rf"^[^{CONTROLS}]*[^\W_][^{CONTROLS}]*$"  # holds a letter or digit
PARTY = r"^ *[A-Za-z]{2,3} *$"
PARTY_LIST = r"^ *[A-Za-z]{2,3} *(, *[A-Za-z]{2,3} *)*$"
BOOLEANS = ("true", "false", "1", "0")
_DIGITS = re.compile(r"[0-9]{1,19}")
_DECIMAL = re.compile(r"-?[0-9]{1,20}(\.[0-9]{1,20})?([eE][-+]?[0-9]{1,3})?")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CONTROL = re.compile(f"[{CONTROLS}]")
_LINE_TEXT, _SEARCH_TEXT = re.compile(LINE_TEXT), re.compile(SEARCH_TEXT)
_PARTY, _PARTY_LIST = re.compile(PARTY), re.compile(PARTY_LIST)
TRUE, FALSE = frozenset({"true", "1"}), frozenset({"false", "0"})

M = TypeVar("M", bound=BaseModel)


# --- value types --------------------------------------------------------------------------


def whole(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if not isinstance(value, str) or not _DIGITS.fullmatch(value):
        raise ValueError(f"{value!r} is not a whole number (ASCII digits 0-9)")
    number = int(value)
    if number > MAX_POSITION:
        raise ValueError(f"{value} is out of range (at most {MAX_POSITION})")
    return number


def decimal(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, str) or not _DECIMAL.fullmatch(value):
        raise ValueError(f"{value!r} is not a number of seconds (e.g. 2 or 0.5)")
    number = float(value)
    if number == 0:
        return 0.0  # -0 and 0e5 alike
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{value!r} is not a finite number")
    return number


def flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = value if isinstance(value, str) else ""
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise ValueError(f"{value!r} is not a boolean: use true or false (or 1 or 0)")


def iso_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a valid date (YYYY-MM-DD)") from None


@cache
def _alpha_3() -> dict[str, str]:
    import pycountry

    return {c.alpha_3: c.alpha_2 for c in pycountry.countries}


def party_code(value: str) -> str:
    """A two- or three-letter code in any case; an ISO 3166 alpha-3 code as its alpha-2.

    The log's parties are alpha-2 codes (and a few like EU): any other code of the form
    is a valid question whose answer is empty.
    """
    if not isinstance(value, str) or not _PARTY.fullmatch(value):
        raise ValueError(f"{value!r} is not a country code (two or three letters: IN, MV, mdv)")
    code = value.strip(" ").upper()
    return _alpha_3().get(code, code) if len(code) == 3 else code


def party_codes(value: Any) -> tuple[str, ...]:
    """`IN,mv` or `MV, IN`: the same sorted codes whatever the order or case."""
    if isinstance(value, tuple):
        return value
    if not isinstance(value, str) or not _PARTY_LIST.fullmatch(value):
        raise ValueError(f"{value!r} is not a list of country codes (e.g. IN,MV)")
    return tuple(sorted({party_code(part) for part in value.split(",")}))


def search_text(value: Any) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT or not _SEARCH_TEXT.fullmatch(value):
        raise ValueError(f"must hold a letter or digit, in at most {MAX_TEXT} characters")
    return value.strip()


def plain_text(value: Any) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT or not _LINE_TEXT.fullmatch(value):
        raise ValueError(f"must be a non-blank value of at most {MAX_TEXT} characters")
    return value.strip()


class Query(BaseModel):
    """Base of every route's parameters: unknown names are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- reading --------------------------------------------------------------------------------


def _message(error: Mapping[str, Any]) -> str:
    message = str(error.get("msg", "is not valid"))
    message = message.removeprefix("Value error, ")
    if error.get("type") in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        message = f"{message}, not {error.get('input')!r}"
    return message


def read_query(request: web.Request, model: type[M], *, ignore: Collection[str] = ()) -> M:
    """The route's parameters as `model`; a ParameterError names the first bad one."""
    given: dict[str, str] = {}
    for name in request.query:
        if name in ignore or name in given:
            continue
        values = request.query.getall(name)
        if len(values) > 1:
            raise ParameterError(name, "given more than once")
        if _CONTROL.search(values[0]):
            raise ParameterError(name, "holds a control character")
        given[name] = values[0]
    try:
        return model.model_validate(given)
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0]) if error["loc"] else "query"
        if error["type"] == "extra_forbidden":
            known = ", ".join(sorted({*model.model_fields, *ignore}))
            raise ParameterError(name, f"unknown parameter; known: {known}") from None
        raise ParameterError(name, _message(error)) from None


def header_position(request: web.Request, name: str) -> int | None:
    """A position in a header (`Last-Event-ID`), read as strictly as a query parameter."""
    raw = request.headers.get(name)
    if raw is None:
        return None
    try:
        return whole(raw.strip(" "))
    except ValueError as exc:
        raise ParameterError(name, str(exc)) from None


# --- the older helpers, now as strict as the models ------------------------------------------


def single(request: web.Request, name: str) -> str | None:
    """The parameter's one value, None when absent; given twice is an error, not a guess."""
    values = request.query.getall(name, [])
    if len(values) > 1:
        raise ParameterError(name, "given more than once")
    if values and _CONTROL.search(values[0]):
        raise ParameterError(name, "holds a control character")
    return values[0] if values else None


def whole_number(name: str, value: str, minimum: int, maximum: int | None = None) -> int:
    try:
        number = whole(value)
    except ValueError as exc:
        raise ParameterError(name, str(exc)) from None
    if number < minimum or (maximum is not None and number > maximum):
        upper = f" and at most {maximum}" if maximum is not None else ""
        raise ParameterError(name, f"must be at least {minimum}{upper}, not {number}")
    return number


def optional_whole_number(
    request: web.Request, name: str, minimum: int, maximum: int | None = None
) -> int | None:
    raw = single(request, name)
    return None if raw is None else whole_number(name, raw, minimum, maximum)


def known(request: web.Request, names: Collection[str]) -> None:
    """Rejects parameters the route does not take, so a typo is not silently ignored."""
    for name, value in request.query.items():
        if name not in names:
            raise ParameterError(name, f"unknown parameter; known: {', '.join(sorted(names))}")
        if _CONTROL.search(value):
            raise ParameterError(name, "holds a control character")


# --- the same rules as OpenAPI schemas --------------------------------------------------------

TEXT_SCHEMA = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT, "pattern": LINE_TEXT}
SEARCH_SCHEMA = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT, "pattern": SEARCH_TEXT}
PARTY_SCHEMA = {"type": "string", "pattern": PARTY}
PARTY_LIST_SCHEMA = {"type": "string", "pattern": PARTY_LIST}
BOOLEAN_SCHEMA = {"type": "string", "enum": list(BOOLEANS)}
# Any value without a control character (the door refuses those in every parameter).
TOKEN_SCHEMA = {"type": "string", "pattern": f"^[^{CONTROLS}]*$"}
DATE_SCHEMA = {"type": "string", "format": "date"}


def whole_schema(minimum: int = 0, maximum: int = MAX_POSITION) -> dict[str, Any]:
    return {"type": "integer", "minimum": minimum, "maximum": maximum}


# --- the value types: each validates as above and says so in its JSON Schema ---------------

Whole = Annotated[int, BeforeValidator(whole), Field(ge=0, le=MAX_POSITION)]
Seconds = Annotated[float, BeforeValidator(decimal)]
Flag = Annotated[bool, BeforeValidator(flag), WithJsonSchema(BOOLEAN_SCHEMA)]
IsoDate = Annotated[date, BeforeValidator(iso_date), WithJsonSchema(DATE_SCHEMA)]
Party = Annotated[str, BeforeValidator(party_code), WithJsonSchema(PARTY_SCHEMA)]
Parties = Annotated[
    tuple[str, ...], BeforeValidator(party_codes), WithJsonSchema(PARTY_LIST_SCHEMA)
]
SearchText = Annotated[str, BeforeValidator(search_text), WithJsonSchema(SEARCH_SCHEMA)]
PlainText = Annotated[str, BeforeValidator(plain_text), WithJsonSchema(TEXT_SCHEMA)]
Token = Annotated[str, WithJsonSchema(TOKEN_SCHEMA)]
