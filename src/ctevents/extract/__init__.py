"""Text → fact events: deterministic, offline, versioned.

`extract` never raises: a rule that fails loses only its own facts (logged with the source
id, see `pipeline`); a text that cannot be read at all yields no facts, also logged.
"""

from __future__ import annotations

import logging
from datetime import date

from ctevents.events import Fact, source_id_for
from ctevents.extract.pipeline import EXTRACTOR_VERSION, run

__all__ = ["EXTRACTOR_VERSION", "extract"]


def extract(
    text: str, *, source_id: str | None = None, published_on: date | None = None
) -> list[Fact]:
    """Every fact the text asserts, each with its evidence spans into `text`."""
    sid = source_id or source_id_for(text)
    try:
        return run(text, sid, published_on)
    except Exception:
        # Reading the text itself failed (the rules are guarded one by one).
        logging.getLogger("ctevents.extract").exception("extraction failed on source %s", sid)
        return []
