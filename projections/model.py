"""What a read model declares: its name, version, key, queried columns, handlers and row builder.

Every read model is stored the same way (see `views`): a row table with the domain key,
explicit columns for what is queried and a JSON document for the rest, plus each
source's contribution per key. A model therefore only says how one event changes
one source's contribution (`handlers`) and how a row is built from all of them
(`build`). That split is what makes retraction and re-extraction cheap: only the
changed source's contribution moves, and the row is recomputed from the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from ctevents.events import Event

Row = dict[str, Any]


class Source(Protocol):
    """One source's contributions to a model, as a handler sees and changes them.

    Implemented by `projections.fold.SourceFold`; declared here so that the models
    and the fold depend on this module and not on each other.
    """

    source_id: str

    @property
    def state(self) -> dict[str, Any]:
        """Per-source facts the fold needs later (retracted, extractor version, …); mutable."""
        ...

    def peek_state(self) -> dict[str, Any]: ...

    def contribution(self, key: str, position: int) -> dict[str, Any]:
        """This source's contribution to `key`, created empty if new; marks the row changed."""
        ...

    def contributed_keys(self) -> list[str]: ...

    def peek(self, key: str) -> dict[str, Any] | None:
        """This source's contribution to `key` as it stands, to read (not to change)."""
        ...

    def drop(self, key: str, position: int) -> None: ...

    def spans(self, evidence: Iterable[Any]) -> list[str]:
        """The ids of evidence spans (`projections.evidence`), each stored once."""
        ...


Handler = Callable[[Any, Any, int], None]  # (Source, event, position)


class Contribution(NamedTuple):
    """What one source asserts about one key, as the model's handlers recorded it."""

    # A named tuple, not a frozen dataclass: a rebuild makes one per stored contribution
    # (tens of thousands), and a frozen dataclass's `__init__` is several times slower.
    source_id: str
    doc: dict[str, Any]

    @property
    def retracted(self) -> bool:
        return bool(self.doc.get("retracted"))


@dataclass(frozen=True)
class Column:
    """An explicit, queryable column: its SQL type and how its value is read off a row."""

    name: str
    sql_type: str  # "TEXT" | "BIGINT" | "BOOLEAN": the same spelling on SQLite and PostgreSQL
    value: Callable[[Row], Any]


def truthy(text: str) -> bool:
    """A query parameter read as a boolean: 1, true, yes, on."""
    return text.strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Filter:
    """A query parameter of the model's list: a SQL condition on its columns."""

    name: str
    condition: str  # with one `?` placeholder
    parameter: Callable[[str], Any]


@dataclass(frozen=True)
class Grouping:
    """A model whose rows merge the contributions of several keys (people across spellings).

    Besides its row keys such a model keeps index keys (`is_index`), which hold
    contributions and never make a row. `related` names the keys to read next from a
    key's contributions and whether the batch touched it (a name's sides; a touched
    side's names, an untouched side's merged names only); `rows` maps every row key
    of what was read to the key of the row it belongs in.
    """

    is_index: Callable[[str], bool]
    related: Callable[[str, list[Contribution], bool], Iterable[str]]
    rows: Callable[[dict[str, list[Contribution]]], dict[str, str]]


@dataclass(frozen=True)
class ReadModel:
    name: str
    version: int
    key: str  # the domain key's name, e.g. "meeting_key"
    handlers: Mapping[type[Event], Handler]
    build: Callable[[str, list[Contribution]], Row | None]
    columns: tuple[Column, ...] = ()
    filters: tuple[Filter, ...] = field(default=())
    grouping: Grouping | None = None
    # For a model whose key is a source id, whose row is built from that source's one
    # contribution and holds all of it (sources): the contribution read back from the
    # row. Such a model stores no contributions: it would store every fact twice.
    contribution_of_row: Callable[[str, Row], dict[str, Any]] | None = None

    def filter(self, name: str) -> Filter | None:
        return next((f for f in self.filters if f.name == name), None)
