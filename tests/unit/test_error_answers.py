"""The one table from domain errors to HTTP answers (`server.errors.DOMAIN_ERRORS`)."""

from __future__ import annotations

import orjson
import pytest
from ctevents.projections.provenance import UnknownField, UnknownMeeting

from ctevents.corrections import UnknownSource
from ctevents.documents import (
    ContradictoryDocument,
    DocumentError,
    DocumentTooLarge,
    UnreadableDocument,
    UnsupportedCharset,
    decode_text,
    document_from_json,
)
from ctevents.server.errors import domain_answer


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (DocumentTooLarge("body", "2 MiB is over the limit"), 413),
        (UnreadableDocument("body", "not valid UTF-8"), 400),
        (ContradictoryDocument("body", "title differs"), 409),
        (UnsupportedCharset("body", "charset latin-1 is not supported"), 415),
        (DocumentError("body", "empty text: nothing to record"), 422),
        (UnknownSource("0c8e"), 404),
        (UnknownMeeting("no meeting IN-MV/jwg/9"), 404),
    ],
)
def test_each_domain_error_has_its_status_and_its_own_words(error: Exception, status: int) -> None:
    answer = domain_answer(error)
    assert answer is not None and answer.status == status
    body = orjson.loads(answer.body)  # type: ignore[arg-type]
    reason = error.reason if isinstance(error, DocumentError) else str(error)
    assert body == {"error": reason}


def test_an_unknown_field_names_the_parameter() -> None:
    answer = domain_answer(UnknownField("IN-MV/jwg/2 has no field 'venue'"))
    assert answer is not None and answer.status == 404
    body = orjson.loads(answer.body)  # type: ignore[arg-type]
    assert body == {"error": "IN-MV/jwg/2 has no field 'venue'", "parameter": "field"}


def test_other_exceptions_are_not_the_tables_to_answer() -> None:
    assert domain_answer(RuntimeError("a bug")) is None


def test_the_documents_raise_the_kind_the_table_maps() -> None:
    with pytest.raises(DocumentTooLarge):
        decode_text(b"x" * (1024 * 1024 + 1), "body")
    with pytest.raises(UnreadableDocument):
        decode_text(b"\xff\xfe", "body")
    with pytest.raises(UnreadableDocument):
        document_from_json(b"{not json", "body")
    with pytest.raises(UnreadableDocument):
        document_from_json(b'{"text": "x", "published_on": "25 July"}', "body")
