"""The read models' routes in OpenAPI, from their parameter models and answer shapes."""

from __future__ import annotations

from typing import Annotated, Any, Generic, Literal, NotRequired, TypeVar

from pydantic import Field
from typing_extensions import TypedDict  # pydantic reads NotRequired from this one on 3.11

from ctevents.projections.model import ReadModel
from ctevents.projections.schemas import ROW_SHAPES
from ctevents.server.openapi_models import (
    body,
    errors,
    one_of_components,
    parameters,
    sse_events,
)
from ctevents.server.params import Query
from ctevents.server.read_model_params import PageParameters, WatchHeaders, collection_parameters

View = Literal["compact", "full"]
Lag = Annotated[int, Field(description="Log positions not folded yet.")]
AsOf = Annotated[dict[str, Any], Field(description="With `as_of`: which snapshot answered.")]
Row = TypeVar("Row")


class ItemKey(Query):
    key: str


class ItemAnswer(TypedDict, Generic[Row]):
    item: Row
    as_of_position: int
    view: View
    lag: NotRequired[Lag]
    as_of: NotRequired[AsOf]


def _row(model: ReadModel) -> Any:
    """A row of `model` in either shape; anyOf: a row with nothing to expand (a source
    without facts) fits both."""
    return one_of_components(*(shape.__name__ for shape in ROW_SHAPES[model.name]))


def _answers(model: ReadModel) -> tuple[Any, Any]:
    """The page and item answers of `model`; a page holds its rows under the model's name."""
    row = _row(model)
    page = TypedDict(  # type: ignore[misc]
        f"{model.name}_page",
        {
            model.name: list[row],  # type: ignore[valid-type]
            "as_of_position": int,
            "next_after": str | None,
            "view": View,
            "next": NotRequired[str],
            "lag": NotRequired[Lag],
            "as_of": NotRequired[AsOf],
        },
    )
    return page, ItemAnswer[row]  # type: ignore[valid-type]


def _ok(description: str, shape: Any) -> dict[str, Any]:
    return {
        "description": description,
        "content": {
            "application/json": {"schema": body(shape)},
            "text/event-stream": sse_events(),
        },
    }


def path_items(model: ReadModel) -> dict[str, Any]:
    cursor = {"after": f"Page cursor: the last `{model.key}` of the previous page."}
    headers = parameters(WatchHeaders, "header")
    unchanged = {"description": "Unchanged since the ETag in If-None-Match."}
    page, item = _answers(model)
    return {
        f"/{model.name}": {
            "get": {
                "operationId": f"list_{model.name}",
                "summary": f"The {model.name} read model, in `{model.key}` order.",
                "parameters": [
                    *parameters(collection_parameters(model), described=cursor),
                    *headers,
                ],
                "responses": {
                    "200": _ok("A page with `as_of_position`.", page),
                    "304": unchanged,
                    **errors(400, 401, 409, 503),
                },
            }
        },
        f"/{model.name}/{{key}}": {
            "get": {
                "operationId": f"get_{model.name}",
                "summary": f"One row of {model.name} by its `{model.key}`.",
                "parameters": [
                    *parameters(ItemKey, "path"),
                    *parameters(PageParameters, described=cursor),
                    *headers,
                ],
                "responses": {
                    "200": _ok("`{item, as_of_position}`.", item),
                    "304": unchanged,
                    **errors(404, 400, 401, 409, 503),
                },
            }
        },
    }
