"""Version bumps: which live models were built by another version of their code; rebuilds.

Each model declares a `VERSION`; `projection_versions` records the version that built
the live tables (set when they are first created and by each swap). When the two
differ, `rebuild_outdated` rebuilds the model beside the old tables, which keep
serving, and swaps. `ctevents serve` runs it in the background at start-up and
`ctevents replay --outdated` in the foreground.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

from ctevents.projections.model import ReadModel
from ctevents.projections.views import ViewStore
from ctevents.replay.rebuild import ReplayProgress, ReplayResult, rebuild

from ctevents.store import Store

log = logging.getLogger(__name__)


def outdated(live: ViewStore, models: Sequence[ReadModel]) -> list[ReadModel]:
    """The models whose live tables were built by a different version of their code."""
    found = []
    for model in models:
        stored = live.stored_version(model)
        if stored is not None and stored != model.version:
            found.append(model)
    return found


def rebuild_outdated(
    store: Store,
    live: ViewStore,
    models: Sequence[ReadModel],
    *,
    progress: ReplayProgress | None = None,
    stop: threading.Event | None = None,
    lock_timeout: float = 10.0,
) -> list[ReplayResult]:
    stale = outdated(live, models)
    if not stale:
        return []
    names = ", ".join(m.name for m in stale)
    log.info("rebuilding outdated read models beside the live ones: %s", names)
    results = rebuild(store, live, stale, progress=progress, stop=stop, lock_timeout=lock_timeout)
    for result in results:
        log.info("%s rebuilt and swapped in: digest %s", result.projection, result.digest)
    return results
