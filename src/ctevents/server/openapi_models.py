"""OpenAPI parameters and bodies from the typed models the handlers read and answer with.

A route's query parameters are its pydantic `Query` model: each field is a parameter,
its JSON Schema what the model's types say (`params` gives each value type the schema
of what it accepts), its `description` the field's. Answers are `TypedDict`s, so a key
that may be absent is `NotRequired`, not nullable.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, WithJsonSchema
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema
from typing_extensions import TypedDict  # the one pydantic reads on Python 3.11

ERROR = {"$ref": "#/components/responses/Error"}
COMPONENT_REF = "#/components/schemas/{model}"
# Keys of a field's schema that belong to the parameter around it, not to the schema.
_PARAMETER_KEYS = ("description", "style", "explode")
# Constraints pydantic leaves under their Python names when a before-validator wraps them.
_CONSTRAINTS = {"ge": "minimum", "le": "maximum"}


class _ParameterSchemas(GenerateJsonSchema):
    """An optional parameter is one that may be absent, not one that may be null."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> dict[str, Any]:
        return self.generate_inner(schema["schema"])

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


class _BodySchemas(GenerateJsonSchema):
    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def _tidy(schema: dict[str, Any]) -> dict[str, Any]:
    # A bound the field states for the document (`json_schema_extra`) wins over its type's.
    tidy = {
        _CONSTRAINTS.get(key, key): value
        for key, value in schema.items()
        if _CONSTRAINTS.get(key) not in schema
    }
    if tidy.get("default", ...) is None:
        del tidy["default"]  # absent, not null
    return tidy


def parameters(
    model: type[BaseModel],
    where: str = "query",
    *,
    described: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """One OpenAPI parameter per field of `model` (by alias); `described` overrides
    descriptions that depend on the route (a page cursor names the model's key)."""
    found = model.model_json_schema(by_alias=True, schema_generator=_ParameterSchemas)
    required = set(found.get("required", ()))
    listed = []
    for name, field_schema in found["properties"].items():
        schema = _tidy(field_schema)
        parameter: dict[str, Any] = {"name": name, "in": where}
        if name in required:  # a path parameter; every query parameter may be absent
            parameter["required"] = True
        for key in _PARAMETER_KEYS:
            if key in schema:
                parameter[key] = schema.pop(key)
        if described and name in described:
            parameter["description"] = described[name]
        listed.append({**parameter, "schema": schema})
    return listed


_COMPONENTS = "x-components"  # stands for a reference until `body` resolves it


def one_of_components(*names: str) -> Any:
    """A value in any of the named component schemas, for a field of an answer (pydantic
    only refers to the schemas it generates itself, so the reference is resolved later)."""
    return Annotated[Any, WithJsonSchema({_COMPONENTS: list(names)})]


_LOCAL_REF = "#/$defs/{model}"


def _resolve(schema: Any, defs: dict[str, Any]) -> Any:
    if isinstance(schema, dict):
        if _COMPONENTS in schema:
            refs = [{"$ref": COMPONENT_REF.format(model=name)} for name in schema[_COMPONENTS]]
            return refs[0] if len(refs) == 1 else {"anyOf": refs}
        if "$ref" in schema:  # a nested shape, written in place (none refers to itself)
            found = dict(schema)
            name = found.pop("$ref").removeprefix(_LOCAL_REF.format(model=""))
            return _resolve({**defs[name], **found}, defs)
        return {key: _resolve(value, defs) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_resolve(value, defs) for value in schema]
    return schema


def body(shape: Any) -> dict[str, Any]:
    """The JSON Schema of an answer (a `TypedDict` or model), without titles."""
    schema = TypeAdapter(shape).json_schema(
        ref_template=_LOCAL_REF, schema_generator=_BodySchemas, mode="serialization"
    )
    schema.pop("title", None)
    defs = {name: _untitled(found) for name, found in schema.pop("$defs", {}).items()}
    resolved: dict[str, Any] = _resolve(schema, defs)
    return resolved


def _untitled(schema: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in schema.items() if key != "title"}


def json_answer(description: str, shape: Any) -> dict[str, Any]:
    """A response whose body is `shape` as JSON."""
    return {"description": description, "content": {"application/json": {"schema": body(shape)}}}


class SseEvent(TypedDict, total=False):  # one event as a client's parser yields it
    id: str
    event: str
    data: str  # JSON
    retry: int


def sse_events() -> dict[str, Any]:
    """A `text/event-stream` body, described by the events a client reads from it."""
    return {"schema": body(SseEvent)}


def errors(*statuses: int) -> dict[str, Any]:
    return {str(status): ERROR for status in statuses}
