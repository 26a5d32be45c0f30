"""eventsourcing's own recorder test cases, run against the recorders as ctevents configures them.

The store chooses the persistence module, its settings (schema, table lock) and our
mapper/transcoder through the environment; the read models' views subclass the
library's tracking recorders. These suites prove both keep the library's contract.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from pathlib import Path

from eventsourcing.tests.persistence import (
    ApplicationRecorderTestCase,
    TrackingRecorderTestCase,
)

from ctevents.store import Store, locate
from projections.views import open_views
from tests.conftest import _drop_schema, postgres_dsn


class TestSQLiteRecorderAsConfigured(ApplicationRecorderTestCase):
    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp())
        self.stores: list[Store] = []

    def tearDown(self) -> None:
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
        self.dsn = postgres_dsn()
        self.schemas: list[str] = []
        self.stores: list[Store] = []

    def tearDown(self) -> None:
        for store in self.stores:
            store.close()
        for schema in self.schemas:
            _drop_schema(self.dsn, schema)

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
            _drop_schema(self.dsn, schema)

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
