"""A replay's fast pass in two processes: the models split in two shares, one share forked off.

The models are independent folds of the same log (each its own working set and
tables), so a second process can fold some of them while this one folds the rest.
Each reads the log itself (reading and decoding is a small part of a replay). The
second one builds its models' rows and packs every document (most of a replay's
time), and hands them over ready to insert (`fold.Prepared`: tuples of text, numbers
and bytes) with the evidence spans its models named; this process writes everything,
so the two never wait for each other's locks nor insert the same spans twice. The
rows are the same whichever process builds them: the tests compare the digests with
the engine's, as for a pass in one process.

The second process is forked, so that it starts with the modules imported (a fresh
interpreter importing them took 0.7–1.1 s, most of a 30,000-event replay), and
opens connections of its own; it never uses this process's, and leaves with
`os._exit` so that nothing of this process's (connections, files) is closed or
flushed by it. A fork copies only the thread that calls it, so it is used only in a
process with one thread (the CLI's replay on SQLite; not a server's background
rebuild, nor PostgreSQL, whose connection pool runs threads) and on logs long enough
for it to pay (`FORK_FROM`); otherwise the pass runs here alone.

It is asked for (`ctevents replay --processes 2`), not the default: on the shared
2-core machine it was measured, it cost about a fifth more CPU in all (both processes
read the log and name evidence spans) and was no faster, every core being busy
(docs/replay.md); it pays where a core is idle.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from ctevents.projections.fold import Prepared

FORK_FROM = 10_000  # events of log below which a second process costs more than it saves
POLL = 0.2  # seconds between looks at the stop event while waiting for the other process

T = TypeVar("T")


@dataclass(frozen=True)
class ShareResult:
    """What a share's fold gives: events read, models that fell back, spans named, and (from
    the second process) its models' tables ready to insert, by model name."""

    read: int
    fell_back: tuple[str, ...]
    spans: list[tuple[Any, ...]]
    prepared: dict[str, Prepared]


class ShareFailed(RuntimeError):
    """The second process failed; the replay fails with it (nothing live has changed)."""


def can_fork(processes: int, events: int, shares: int) -> bool:
    """Whether to fold in a second process: asked for, two shares, a long enough log, fork
    available, two cores at least, and no other thread here that a fork would leave behind."""
    return (
        processes >= 2
        and shares >= 2
        and events >= FORK_FROM
        and hasattr(os, "fork")
        and (os.cpu_count() or 1) >= 2
        and threading.active_count() == 1
    )


def split(items: Sequence[T], weight: Callable[[T], int]) -> tuple[list[T], list[T]]:
    """Two shares of about equal weight (heaviest first, each to the lighter share), in
    the items' own order within each share."""
    shares: tuple[list[T], list[T]] = ([], [])
    totals = [0, 0]
    for item in sorted(items, key=weight, reverse=True):
        lighter = 0 if totals[0] <= totals[1] else 1
        shares[lighter].append(item)
        totals[lighter] += weight(item)
    order = {id(item): i for i, item in enumerate(items)}
    for share in shares:
        share.sort(key=lambda item: order[id(item)])
    return shares


class ForkedShare:
    """The second process: runs `work` (which opens its own connections) and reports back."""

    def __init__(self, work: Callable[[], ShareResult]) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(work, send), daemon=True)
        self._process.start()
        send.close()  # the child's end: EOF here if it dies without a word

    def result(self, stop: threading.Event | None = None) -> ShareResult:
        """Waits for the second process's report (ShareFailed if it failed or died)."""
        while not self._receive.poll(POLL):
            if stop is not None and stop.is_set():
                self.abandon()
                raise ShareFailed("stopped while the second fold process ran")
            if not self._process.is_alive() and not self._receive.poll(0):
                break
        try:
            outcome, payload = self._receive.recv()
        except EOFError:
            outcome, payload = "error", f"exit code {self._process.exitcode}"
        self._process.join()
        if outcome != "ok":
            raise ShareFailed(f"the second fold process failed: {payload}")
        return payload

    def abandon(self) -> None:
        """Ends the second process if it still runs (the replay is being abandoned)."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receive.close()


def _run(work: Callable[[], ShareResult], send: Connection) -> None:
    try:
        result: tuple[str, Any] = ("ok", work())
    except BaseException as exc:  # reported, not raised: the parent decides
        result = ("error", f"{type(exc).__name__}: {exc}")
    try:
        send.send(result)
        send.close()
    finally:
        os._exit(0)  # nothing of the parent's (connections, files, buffers) is closed here
