"""The read models' query parameters as typed models: the page's, and each model's filters.

The filters are declared by the read models (`projections`), each with its SQL; here
each gets the type its values must have, and a valid value is handed to the model's
filter in the form it expects. Party lists are matched whatever their order: the stored
lists are sorted two-letter codes (`,IN,LK,MV,`), so the sorted codes joined by `,%`
match rows holding all of them.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field, create_model

from ctevents.projections.model import ReadModel
from ctevents.projections.queries import MAX_LIMIT
from ctevents.server.params import (
    BOOLEAN_SCHEMA,
    CONTROLS,
    DATE_SCHEMA,
    MAX_POSITION,
    PARTY_LIST_SCHEMA,
    SEARCH_SCHEMA,
    TEXT_SCHEMA,
    Flag,
    IsoDate,
    Parties,
    PlainText,
    Query,
    SearchText,
    Seconds,
    Whole,
    seconds_schema,
    whole_schema,
)

MAX_WAIT = 60.0
MAX_KEY = 1000

FILTER_TYPES: dict[str, Any] = {
    "party": Parties,
    "mechanism": SearchText,
    "name": SearchText,
    "year": Annotated[Whole, Field(ge=1, le=9999)],
    "contested": Flag,
    "led": Flag,
    "retracted": Flag,
    "publisher": PlainText,
    "published_after": IsoDate,
}


FILTER_SCHEMAS: dict[str, dict[str, Any]] = {
    "party": {
        **PARTY_LIST_SCHEMA,
        "description": "Country codes (ISO 3166 alpha-2 or alpha-3, any case), comma-separated "
        "in any order: rows naming all of them.",
    },
    "mechanism": {**SEARCH_SCHEMA, "description": "Words of the mechanism's name."},
    "name": {**SEARCH_SCHEMA, "description": "Words of the person's name."},
    "year": {**whole_schema(1, 9999), "description": "The meeting's year."},
    "contested": {**BOOLEAN_SCHEMA, "description": "Only rows whose values sources dispute."},
    "led": {**BOOLEAN_SCHEMA, "description": "Only people who led a delegation."},
    "retracted": {**BOOLEAN_SCHEMA, "description": "Only retracted (or only live) sources."},
    "publisher": {**TEXT_SCHEMA, "description": "The publisher, exactly."},
    "published_after": {**DATE_SCHEMA, "description": "Published on or after this date."},
}
PAGE_SCHEMAS: dict[str, dict[str, Any]] = {
    "limit": whole_schema(1, MAX_LIMIT),
    "after": {
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_KEY,
        "pattern": f"^[^{CONTROLS}]*$",
    },
    "min_position": whole_schema(0),
    "wait": seconds_schema(0, MAX_WAIT),
    "watch": BOOLEAN_SCHEMA,
    "as_of": whole_schema(1),
}


class PageParameters(Query):
    """What every read-model route takes besides its filters."""

    limit: Annotated[Whole, Field(ge=1, le=MAX_LIMIT)] | None = None
    after: Annotated[str, Field(min_length=1, max_length=MAX_KEY)] | None = None
    min_position: Annotated[Whole, Field(ge=0, le=MAX_POSITION)] | None = None
    wait: Annotated[Seconds, Field(ge=0, le=MAX_WAIT)] | None = None
    watch: Flag | None = None
    token: str | None = None
    as_of: Annotated[Whole, Field(ge=1)] | None = None
    view: Literal["compact", "full"] | None = None
    expand: Literal["evidence"] | None = None


_BY_MODEL: dict[str, type[Query]] = {}


def collection_parameters(model: ReadModel) -> type[Query]:
    """The typed parameters of `GET /{model}`: the page's and the model's filters."""
    found = _BY_MODEL.get(model.name)
    if found is None:
        fields: dict[str, Any] = {
            f.name: (FILTER_TYPES.get(f.name, PlainText) | None, None) for f in model.filters
        }
        found = create_model(f"{model.name}_parameters", __base__=PageParameters, **fields)
        _BY_MODEL[model.name] = found
    return found


def filter_schema(name: str) -> dict[str, Any]:
    return FILTER_SCHEMAS.get(name, TEXT_SCHEMA)


def filter_values(parameters: Query, model: ReadModel) -> dict[str, str]:
    """The given filters, each in the string form the model's filter reads."""
    found: dict[str, str] = {}
    for f in model.filters:
        value = getattr(parameters, f.name, None)
        if value is None:
            continue
        if isinstance(value, tuple):
            found[f.name] = ",%".join(value)
        elif isinstance(value, bool):
            found[f.name] = "true" if value else "false"
        elif isinstance(value, date):
            found[f.name] = value.isoformat()
        else:
            found[f.name] = str(value)
    return found
