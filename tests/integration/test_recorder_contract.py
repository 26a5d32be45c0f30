"""eventsourcing's own recorder test cases, run against the recorders as ctevents configures them.

The store chooses the persistence module, its settings (schema, table lock) and our
mapper/transcoder through the environment; the read models' views subclass the
library's tracking recorders. These suites prove both keep the library's contract.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import uuid
from pathlib import Path

from ctevents.projections.views import open_views
from eventsourcing.tests.persistence import (
    ApplicationRecorderTestCase,
    TrackingRecorderTestCase,
)

from ctevents.store import Store, locate
from tests.support.postgres import drop_schema, postgres_dsn


def join_threads_started_since(before: set[threading.Thread], timeout: float = 10.0) -> None:
    """Waits for threads a library test left running (its readers are stopped, not joined).

    Closing a recorder while one of them is inside a query would crash the interpreter.
    """
    for thread in set(threading.enumerate()) - before:
        if not thread.daemon:  # connection pools keep daemon workers for their lifetime
            thread.join(timeout)


class TestSQLiteRecorderAsConfigured(ApplicationRecorderTestCase):
    def setUp(self) -> None:
        self.threads = set(threading.enumerate())
        self.tmp = Path(tempfile.mkdtemp())
        self.stores: list[Store] = []

    def tearDown(self) -> None:
        join_threads_started_since(self.threads)
        for store in self.stores:
            store.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def create_recorder(self):
        store = Store(str(self.tmp / f"{uuid.uuid4().hex}.db"))
        self.stores.append(store)
        return store.recorder


class TestPostgresRecorderAsConfigured(ApplicationRecorderTestCase):
    # A rolled-back insert leaves a gap in a bigserial: ids are ordered, not contiguous.
    EXPECT_CONTIGUOUS_NOTIFICATION_IDS = False

    def setUp(self) -> None:
        self.threads = set(threading.enumerate())
        self.dsn = postgres_dsn()
        self.schemas: list[str] = []
        self.stores: list[Store] = []

    def tearDown(self) -> None:
        join_threads_started_since(self.threads)
        for store in self.stores:
            store.close()
        for schema in self.schemas:
            drop_schema(self.dsn, schema)

    def create_recorder(self):
        schema = f"ctevents_contract_{uuid.uuid4().hex[:12]}"
        self.schemas.append(schema)
        store = Store(f"{self.dsn}?schema={schema}")
        self.stores.append(store)
        return store.recorder


class TestSQLiteViewsKeepTheTrackingContract(TrackingRecorderTestCase):
    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp())
        self.views: list = []

    def tearDown(self) -> None:
        for views in self.views:
            views.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def create_recorder(self):
        views = open_views(locate(str(self.tmp / f"{uuid.uuid4().hex}.db")))
        self.views.append(views)
        return views


class TestPostgresViewsKeepTheTrackingContract(TrackingRecorderTestCase):
    def setUp(self) -> None:
        self.dsn = postgres_dsn()
        self.schemas: list[str] = []
        self.views: list = []

    def tearDown(self) -> None:
        for views in self.views:
            views.close()
        for schema in self.schemas:
            drop_schema(self.dsn, schema)

    def create_recorder(self):
        schema = f"ctevents_views_{uuid.uuid4().hex[:12]}"
        self.schemas.append(schema)
        location = locate(f"{self.dsn}?schema={schema}")
        Store(location.url).close()  # creates the schema, as opening the log does
        views = open_views(location)
        self.views.append(views)
        return views


# The library's base cases are not tests on their own.
del ApplicationRecorderTestCase, TrackingRecorderTestCase
