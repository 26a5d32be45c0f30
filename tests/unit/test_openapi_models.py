"""OpenAPI pieces from typed models (`server.openapi_models`): path parameters, nested answers."""

from __future__ import annotations

from typing import Annotated, Literal, NotRequired

from pydantic import Field
from typing_extensions import TypedDict

from ctevents.server.openapi_models import body, json_answer, one_of_components, parameters
from ctevents.server.params import Query, Whole


class ItemPath(Query):
    key: str = Field(description="The row's key.")


class Listing(Query):
    limit: Annotated[Whole, Field(ge=1)] | None = None
    format: Literal["json", "html"] | None = None


class Inner(TypedDict):
    count: int
    note: NotRequired[Annotated[str, Field(description="Why, when there is one.")]]


class Outer(TypedDict):
    inner: Inner
    many: list[Inner]
    row: one_of_components("Envelope")  # type: ignore[valid-type]


def test_a_required_field_is_a_required_path_parameter() -> None:
    assert parameters(ItemPath, "path") == [
        {
            "name": "key",
            "in": "path",
            "required": True,
            "description": "The row's key.",
            "schema": {"type": "string"},
        }
    ]


def test_an_optional_query_field_may_be_absent_and_is_never_null() -> None:
    limit, form = parameters(Listing)
    assert "required" not in limit and "required" not in form
    assert limit["schema"]["type"] == "integer" and limit["schema"]["minimum"] == 1
    assert form["schema"] == {"enum": ["json", "html"], "type": "string"}


def test_a_nested_answer_is_written_in_place_and_components_are_referred_to() -> None:
    inner = {
        "type": "object",
        "properties": {
            "count": {"type": "integer"},
            "note": {"type": "string", "description": "Why, when there is one."},
        },
        "required": ["count"],
    }
    schema = body(Outer)
    assert "$defs" not in schema
    assert schema["properties"]["inner"] == inner
    assert schema["properties"]["many"] == {"type": "array", "items": inner}
    assert schema["properties"]["row"] == {"$ref": "#/components/schemas/Envelope"}
    answer = json_answer("The outer shape.", Outer)
    assert answer == {
        "description": "The outer shape.",
        "content": {"application/json": {"schema": schema}},
    }
