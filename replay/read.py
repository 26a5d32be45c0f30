"""The log as a rebuild reads it: pages of (position, stream, topic, stored state) rows.

eventsourcing's `select_notifications` makes a `Notification` per event and parses
its stream id into a UUID, which the fold then turns back into a string: together as
much time as decoding the payloads. A rebuild needs only those four columns, so it
selects them itself, through the recorder's own connection and events table, with the
stream id as the string the folds key sources by (`str(UUID)`).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from ctevents.store import Store

# position, stream, topic, stored state (as the recorder stored it: encoded JSON bytes)
StoredRow = tuple[int, str, str, Any]


class LogReader:
    """Reads pages of the log after a position, up to a position."""

    def __init__(self, store: Store) -> None:
        self.store = store
        recorder: Any = store.recorder
        self._datastore = recorder.datastore
        table = recorder.events_table_name
        if store.kind == "sqlite":
            self._statement = (
                f"SELECT rowid AS position, originator_id, topic, state FROM {table} "
                "WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?"
            )
        else:
            self._statement = (
                "SELECT notification_id AS position, originator_id::text AS originator_id, "
                f'topic, state FROM "{self._datastore.schema}"."{table}" '
                "WHERE notification_id > %s AND notification_id <= %s "
                "ORDER BY notification_id LIMIT %s"
            )
        # SQLite keeps stream ids as the UUID's hex; each stream's string is made once.
        self._streams: dict[str, str] = {}

    def page(self, after: int, limit: int, until: int) -> list[StoredRow]:
        with self.store._gate.use(), self._datastore.transaction(commit=False) as cursor:
            cursor.execute(self._statement, (after, until, limit))
            rows = cursor.fetchall()
        if self.store.kind != "sqlite":
            return [(r["position"], r["originator_id"], r["topic"], r["state"]) for r in rows]
        streams = self._streams
        page = []
        for r in rows:
            stored = r["originator_id"]
            stream = streams.get(stored)
            if stream is None:
                stream = streams[stored] = str(UUID(stored))
            page.append((r["position"], stream, r["topic"], r["state"]))
        return page
