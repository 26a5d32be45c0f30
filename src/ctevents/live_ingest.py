"""Recording a document while the server runs: ingest it, then wake live subscribers at once.

The write service (`ingest`) with what a running server adds: extraction in the
watcher's process pool, writes taking turns, and the watcher told of the new positions.
"""

from __future__ import annotations

import asyncio
import functools
import threading
from typing import TYPE_CHECKING, Any

from ctevents.cancellable_write import write_in_thread
from ctevents.documents import Document
from ctevents.events import Fact, source_id_for
from ctevents.extract import extract
from ctevents.ingest import Extractor, IngestResult, ingest
from ctevents.store import Store

if TYPE_CHECKING:  # the feed starts the pool with `warm_up`, so it imports this module
    from ctevents.feed import LogWatcher


async def ingest_live(
    store: Store, watcher: LogWatcher, document: Document, extractor: Extractor = extract
) -> IngestResult:
    """Ingests a document and wakes live subscribers at once.

    With `watcher.extraction` (a process pool), the extractor runs there: extraction is
    the CPU-heavy part of a write, and in this process it would hold the GIL against
    the event loop that feeds the subscribers.
    """
    if watcher.extraction is not None and extractor is extract:
        facts = await asyncio.wrap_future(
            watcher.extraction.submit(
                extract,
                document.text,
                source_id=source_id_for(document.text),
                published_on=document.published_on,
            )
        )
        extractor = functools.partial(_extracted, facts)
    result = await write_in_thread(_ingest, watcher.ingesting, store, document, extractor)
    watcher.appended(result.positions)
    return result


def _ingest(
    turn: threading.BoundedSemaphore, store: Store, document: Document, extractor: Extractor
) -> IngestResult:
    with turn:
        return ingest(store, document, extractor=extractor)


def warm_up() -> None:
    """Run in an extraction process: importing this module has loaded the extractor."""


def _extracted(facts: list[Fact], text: str, **context: Any) -> list[Fact]:
    return facts
