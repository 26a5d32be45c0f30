"""The audit ledger: the running hash of the whole log at every position, kept like a projection.

A row per event: its position, stream, version, stored chain link and the running
hash `running_link(running at the previous event, position, link)` (see
`ctevents.audit.verify`). Pages of events are written with the ledger's tracking
position in one transaction (eventsourcing's tracking recorder, as `views` does), so
a position is ledgered exactly once, when first seen; `ctevents verify` later
compares the log with what the ledger saw.

Storage: on SQLite a file of its own beside the log (`ctevents.db` →
`ctevents.ledger.db`), away from read-model rebuilds and their file lock; on
PostgreSQL the table `audit_ledger` in the log's schema.
"""

from __future__ import annotations

import logging
import threading

from ctevents.projections.leadership import Leadership
from ctevents.projections.views import ViewStore, open_ledger_views
from eventsourcing.persistence import IntegrityError

from ctevents.audit.verify import running_link, stored_link
from ctevents.chain import GENESIS
from ctevents.store import Store
from ctevents.workers import keep_stepping

log = logging.getLogger(__name__)

NAME = "audit_ledger"
DEFAULT_BATCH = 2000


class Ledger:
    """Appends each new position's running hash; reads them back for `verify` and the feed."""

    def __init__(self, store: Store, views: ViewStore, *, batch_size: int = DEFAULT_BATCH) -> None:
        self.store = store
        self.views = views
        self.batch_size = batch_size
        self.table = views.table(NAME)
        with views.transaction(commit=True) as cursor:
            views.lock_set_up(cursor)
            cursor.execute(
                f"CREATE TABLE IF NOT EXISTS {self.table} (position BIGINT PRIMARY KEY, "
                "stream TEXT NOT NULL, version BIGINT NOT NULL, chain TEXT, "
                "running TEXT NOT NULL)"
            )

    @classmethod
    def open(cls, store: Store, *, batch_size: int = DEFAULT_BATCH) -> Ledger:
        return cls(store, open_ledger_views(store.location), batch_size=batch_size)

    def close(self) -> None:
        self.views.close()

    # --- reading ----------------------------------------------------------------------

    def position(self) -> int:
        """The last position ledgered; 0 before the first page."""
        return self.views.position(NAME)

    def running_at(self, position: int) -> str | None:
        """The running hash after every event up to `position`; None if not ledgered yet.

        A position that holds no event (PostgreSQL leaves gaps) has the hash of the
        last event before it; position 0 has the empty chain's.
        """
        with self.views.transaction(commit=False) as cursor:
            if self.views.read_position(cursor, NAME) < position:
                return None
            return self._running_in(cursor, position)

    def _running_in(self, cursor: object, position: int) -> str:
        cursor.execute(  # type: ignore[attr-defined]
            self.views.sql(
                f"SELECT running FROM {self.table} WHERE position <= ? "
                "ORDER BY position DESC LIMIT 1"
            ),
            (position,),
        )
        found = cursor.fetchone()  # type: ignore[attr-defined]
        return GENESIS if found is None else str(found["running"])

    def running_hashes(self, after: int, until: int) -> dict[int, str]:
        """`{position: running}` for after < position ≤ until."""
        with self.views.transaction(commit=False) as cursor:
            cursor.execute(
                self.views.sql(
                    f"SELECT position, running FROM {self.table} "
                    "WHERE position > ? AND position <= ? ORDER BY position"
                ),
                (after, until),
            )
            return {int(r["position"]): str(r["running"]) for r in cursor.fetchall()}

    def running_through(self, position: int) -> str | None:
        """The running hash at `position`, computed from the ledger's last entry if it lags.

        None only if the log was read past the ledger by more than one page (a
        subscriber should then retry): that bounds the work a request can cause.
        """
        reached = self.position()
        if reached >= position:
            return self.running_at(position)
        page = self.store.notifications(after=reached, limit=self.batch_size, until=position)
        if page and page[-1].id < position and len(page) == self.batch_size:
            return None
        running = self.running_at(reached)
        if running is None:
            return None
        for notification in page:
            running = running_link(
                running, notification.id, stored_link(self.store, notification)[0]
            )
        return running

    # --- writing ----------------------------------------------------------------------

    def step(self) -> int:
        """Ledgers one page of new events; returns how many."""
        with self.views.transaction(commit=False) as cursor:
            after = self.views.read_position(cursor, NAME)
            running = self._running_in(cursor, after)
        page = self.store.notifications(after=after, limit=self.batch_size)
        if not page:
            return 0
        rows = []
        for notification in page:
            chain = stored_link(self.store, notification)[0]
            running = running_link(running, notification.id, chain)
            rows.append(
                (
                    notification.id,
                    str(notification.originator_id),
                    notification.originator_version,
                    chain,
                    running,
                )
            )
        try:
            with self.views.transaction(commit=True) as cursor:
                # The tracking row first: a racing writer fails here, before any rows.
                self.views.record_position(cursor, NAME, page[-1].id)
                cursor.executemany(
                    self.views.sql(f"INSERT INTO {self.table} VALUES (?, ?, ?, ?, ?)"), rows
                )
        except IntegrityError:
            # Another process ledgered this page first: exactly once, nothing to do.
            log.info("ledger: page after %d already recorded elsewhere", after)
            return 0
        return len(page)

    def catch_up(self) -> int:
        total = 0
        while ledgered := self.step():
            total += ledgered
        return total

    def run_forever(self, stop: threading.Event, idle: float = 0.1) -> None:
        """Follows the log until `stop` is set; database errors are logged and retried."""
        with Leadership(self.store.location, NAME) as leadership:
            keep_stepping(leadership.gate(self.step), stop, idle=idle, what="ledger")
