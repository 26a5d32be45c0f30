"""eventsourcing's own recorder test cases, run against the recorders as ctevents configures them.

The store chooses the persistence module, its settings (schema, table lock) and our
mapper/transcoder through the environment; these suites prove the recorders behind
that configuration keep the library's contract.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from pathlib import Path

from eventsourcing.tests.persistence import ApplicationRecorderTestCase

from ctevents.store import Store
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


del ApplicationRecorderTestCase  # not a test on its own
