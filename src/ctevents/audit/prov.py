"""A meeting's lineage as W3C PROV-JSON (https://www.w3.org/submissions/prov-json/).

Per assertion of a traced value:

- the fact (`ctevents:fact/<position>`), an entity with its value, field and status,
  `wasDerivedFrom` the source span (`ctevents:span/<source>/<start>-<end>`), itself
  `wasDerivedFrom` the source (`src:<source id>`) as a `prov:Quotation`;
- the fact `wasGeneratedBy` the extraction (`ctevents:extraction/<source>/<version>`),
  which `used` the source and `wasAssociatedWith` the extractor (a software agent);
- the fact and the source `wasAttributedTo` the publisher (an organisation).

Built from a trace document (plain data), so nothing here reads a read model.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import orjson

PREFIXES = {
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "ctevents": "urn:ctevents:",
    "src": "urn:ctevents:source:",
}
RELATIONS = ("wasDerivedFrom", "wasGeneratedBy", "used", "wasAssociatedWith", "wasAttributedTo")
UNKNOWN_PUBLISHER = "unknown"


def _local(text: str) -> str:
    """A qualified name's local part: reserved characters percent-encoded."""
    return quote(text, safe="-._~/")


def _literal(value: Any) -> Any:
    """PROV-JSON attribute values: strings, numbers and booleans as they are, others as JSON."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return "" if value is None else value
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


class _Document:
    def __init__(self) -> None:
        self.doc: dict[str, Any] = {
            "prefix": dict(PREFIXES),
            "entity": {},
            "activity": {},
            "agent": {},
            **{relation: {} for relation in RELATIONS},
        }
        self.counter = 0

    def add(self, kind: str, identifier: str, attributes: dict[str, Any]) -> None:
        self.doc[kind].setdefault(identifier, attributes)

    def relate(self, relation: str, attributes: dict[str, Any]) -> None:
        self.counter += 1
        self.doc[relation][f"_:{relation}{self.counter}"] = attributes


def meeting_lineage(trace: dict[str, Any]) -> dict[str, Any]:
    """The PROV-JSON document of every assertion in a trace (see `projections.provenance`)."""
    document = _Document()
    meeting = f"ctevents:meeting/{_local(trace['meeting_key'])}"
    document.add(
        "entity", meeting, {"prov:type": "ctevents:Meeting", "prov:label": trace["meeting_key"]}
    )
    for field in trace["fields"]:
        for index, value in enumerate(field["values"]):
            for assertion in value["assertions"]:
                _assertion(document, meeting, field, index, value, assertion)
    return document.doc


def _assertion(
    document: _Document,
    meeting: str,
    field: dict[str, Any],
    index: int,
    value: dict[str, Any],
    assertion: dict[str, Any],
) -> None:
    source_id = assertion["source_id"]
    source = f"src:{source_id}"
    document.add(
        "entity",
        source,
        {
            "prov:type": "ctevents:Source",
            "prov:label": _literal(assertion.get("title") or source_id),
            "ctevents:url": _literal(assertion.get("url")),
            "ctevents:published_on": _literal(assertion.get("published_on")),
            "ctevents:retracted": bool(assertion.get("retracted")),
        },
    )
    span = f"ctevents:span/{source_id}/{assertion['start']}-{assertion['end']}"
    if span not in document.doc["entity"]:
        document.add(
            "entity",
            span,
            {
                "prov:type": "ctevents:SourceSpan",
                "prov:value": assertion["quote"],
                "ctevents:start": assertion["start"],
                "ctevents:end": assertion["end"],
                "ctevents:verified": bool(assertion["verified"]),
            },
        )
        document.relate(
            "wasDerivedFrom",
            {
                "prov:generatedEntity": span,
                "prov:usedEntity": source,
                "prov:type": "prov:Quotation",
            },
        )
    publisher = f"ctevents:publisher/{_local(assertion.get('publisher') or UNKNOWN_PUBLISHER)}"
    document.add(
        "agent",
        publisher,
        {
            "prov:type": "prov:Organization",
            "prov:label": assertion.get("publisher") or "publisher not recorded",
        },
    )
    version = assertion.get("extractor_version") or "unknown"
    extractor = f"ctevents:extractor/{_local(version)}"
    document.add(
        "agent",
        extractor,
        {"prov:type": "prov:SoftwareAgent", "ctevents:extractor_version": version},
    )
    extraction = f"ctevents:extraction/{source_id}/{_local(version)}"
    if extraction not in document.doc["activity"]:
        document.add(
            "activity",
            extraction,
            {"prov:type": "ctevents:Extraction", "ctevents:extractor_version": version},
        )
        document.relate("used", {"prov:activity": extraction, "prov:entity": source})
        document.relate("wasAssociatedWith", {"prov:activity": extraction, "prov:agent": extractor})
        document.relate("wasAttributedTo", {"prov:entity": source, "prov:agent": publisher})
    position = assertion.get("position")
    fact = (
        f"ctevents:fact/{position}/{_local(field['field'])}/{index}"
        if position is not None
        else f"ctevents:fact/unrecorded/{source_id}/{assertion['start']}-{assertion['end']}"
    )
    # A fact read from several spans is one entity derived from each of them.
    document.relate(
        "wasDerivedFrom",
        {"prov:generatedEntity": fact, "prov:usedEntity": span, "prov:activity": extraction},
    )
    if fact in document.doc["entity"]:
        return
    document.add(
        "entity",
        fact,
        {
            "prov:type": f"ctevents:{assertion.get('fact_type') or 'Fact'}",
            "prov:value": _literal(value["value"]),
            "ctevents:field": field["field"],
            "ctevents:status": _literal(value.get("status")),
            "ctevents:position": _literal(position),
            "ctevents:verified": bool(assertion["verified"]),
        },
    )
    document.relate("wasDerivedFrom", {"prov:generatedEntity": meeting, "prov:usedEntity": fact})
    generation: dict[str, Any] = {"prov:entity": fact, "prov:activity": extraction}
    if assertion.get("recorded_at"):
        generation["prov:time"] = assertion["recorded_at"]
    document.relate("wasGeneratedBy", generation)
    document.relate("wasAttributedTo", {"prov:entity": fact, "prov:agent": publisher})
