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
from ctevents.projections.shapes import COMPACT
from ctevents.server.params import (
    CONTROLS,
    Flag,
    IsoDate,
    Parties,
    PlainText,
    Query,
    SearchText,
    Seconds,
    Token,
    Whole,
)
from ctevents.server.snapshots import ON_DEMAND_LIMIT

DEFAULT_WAIT = 10.0  # seconds a `min_position` read waits at most, unless `wait=` says less
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
FILTER_DESCRIPTIONS = {
    "party": "Country codes (ISO 3166 alpha-2 or alpha-3, any case), comma-separated in any "
    "order: rows naming all of them.",
    "mechanism": "Words of the mechanism's name.",
    "name": "Words of the person's name.",
    "year": "The meeting's year.",
    "contested": "Only rows whose values sources dispute.",
    "led": "Only people who led a delegation.",
    "retracted": "Only retracted (or only live) sources.",
    "publisher": "The publisher, exactly.",
    "published_after": "Published on or after this date.",
}


class PageParameters(Query):
    """What every read-model route takes besides its filters."""

    limit: Annotated[Whole, Field(ge=1, le=MAX_LIMIT)] | None = None
    after: (
        Annotated[
            str,
            Field(
                min_length=1,
                max_length=MAX_KEY,
                json_schema_extra={"pattern": f"^[^{CONTROLS}]*$"},
            ),
        ]
        | None
    ) = Field(None, description="Page cursor: the last key of the previous page.")
    min_position: Whole | None = Field(
        None,
        description="Wait (bounded by `wait`, default 10 s) until the model has folded this "
        "position; 503 with Retry-After if it has not by then; 409 if it is beyond the log's "
        "head (or, with `as_of`, beyond the snapshot).",
    )
    wait: Annotated[Seconds, Field(ge=0, le=MAX_WAIT)] | None = Field(
        None, description="Seconds to wait for `min_position`."
    )
    watch: Flag | None = Field(
        None,
        description="Server-Sent Events: the rows, then each change `{op, key, row, position}` "
        "with `id:` its position; resumable with Last-Event-ID (409 with `as_of`: a snapshot "
        "never changes).",
    )
    token: Token | None = Field(
        None, description="Read token, if required (EventSource sends no headers)."
    )
    as_of: Annotated[Whole, Field(ge=1)] | None = Field(
        None,
        description="The model as of this log position, from a snapshot (`ctevents replay "
        "--until N --into NAME`), built on request for positions up to "
        f"{ON_DEMAND_LIMIT:,} (409 beyond, or beyond the head); the answer's `as_of` says "
        "which.",
    )
    view: Literal["compact", "full"] | None = Field(
        None,
        description="`compact` (default): each field's value or contested values and its "
        "sources (indexes into the row's `sources`; their number is its corroboration). "
        "`full`: every value with its status, corroboration, spellings and supporting sources "
        "with their evidence quotes.",
        json_schema_extra={"default": COMPACT},
    )
    expand: Literal["evidence"] | None = Field(
        None, description="`expand=evidence` is `view=full` (whatever `view` says)."
    )

    @property
    def freshness(self) -> tuple[int, float]:
        """The position the answer must have folded (0: any) and how long to wait for it."""
        return self.min_position or 0, DEFAULT_WAIT if self.wait is None else self.wait


class WatchHeaders(Query):
    """The headers a read-model route reads (`header_position`)."""

    last_event_id: Whole | None = Field(
        None, alias="Last-Event-ID", description="With watch: resume after this position."
    )


_BY_MODEL: dict[str, type[Query]] = {}


def collection_parameters(model: ReadModel) -> type[Query]:
    """The typed parameters of `GET /{model}`: the page's and the model's filters."""
    found = _BY_MODEL.get(model.name)
    if found is None:
        fields: dict[str, Any] = {
            f.name: (
                FILTER_TYPES.get(f.name, PlainText) | None,
                Field(None, description=FILTER_DESCRIPTIONS.get(f.name)),
            )
            for f in model.filters
        }
        found = create_model(f"{model.name}_parameters", __base__=PageParameters, **fields)
        _BY_MODEL[model.name] = found
    return found


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
