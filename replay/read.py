"""The log as a rebuild reads it: pages of (position, stream, topic, stored state) rows."""

from __future__ import annotations

from typing import Any

from ctevents.store import Store

# position, stream, topic, stored state (as the recorder stored it: encoded JSON bytes)
StoredRow = tuple[int, str, str, Any]


class LogReader:
    """Reads pages of the log after a position, up to a position (see `Store.stored_rows`)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def page(self, after: int, limit: int, until: int) -> list[StoredRow]:
        return self.store.stored_rows(after, limit, until)
