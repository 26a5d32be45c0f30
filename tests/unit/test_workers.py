"""`ctevents.workers`: the one runtime for the folding, the ledger and rebuilds."""

from __future__ import annotations

import logging
import threading

import pytest

from ctevents import workers
from ctevents.workers import Worker, keep_stepping, running


def recorded_waits(
    monkeypatch: pytest.MonkeyPatch, stop: threading.Event, count: int
) -> list[float]:
    """The loop's rests, recorded instead of slept; the `count`-th sets `stop`."""
    waits: list[float] = []

    def wait(seconds: float) -> bool:
        waits.append(seconds)
        if len(waits) == count:
            stop.set()
        return stop.is_set()

    monkeypatch.setattr(stop, "wait", wait)
    return waits


def test_a_failing_step_is_retried_with_a_growing_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    stop = threading.Event()
    waits = recorded_waits(monkeypatch, stop, 3)
    calls = iter([RuntimeError("store away"), RuntimeError("still away"), 3, 0])

    def step() -> int:
        outcome = next(calls)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    keep_stepping(step, stop, idle=0.5, what="test")
    # two failures back off (0.5, then 1.0); after a success the idle rest is back to 0.5
    assert waits == [0.5, 1.0, 0.5]


def test_the_back_off_stops_growing_at_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    stop = threading.Event()
    waits = recorded_waits(monkeypatch, stop, 8)

    def step() -> int:
        raise RuntimeError("store away")

    keep_stepping(step, stop, idle=1.0, what="test")
    assert waits[-1] == workers.MAX_BACKOFF and max(waits) == workers.MAX_BACKOFF


async def test_running_starts_the_workers_then_stops_joins_and_closes_on_leaving() -> None:
    started = threading.Barrier(3)

    def work(stop: threading.Event) -> None:
        started.wait()
        stop.wait()

    folding = Worker("folding", work, stop=threading.Event())
    ledger = Worker("ledger", work, stop=threading.Event())
    closed_after: list[bool] = []  # whether both workers had finished when the close came

    def close() -> None:
        closed_after.append(not folding.alive and not ledger.alive)

    async with running([folding, ledger], then_close=close):
        started.wait()
        assert folding.alive and ledger.alive
    assert not folding.alive and not ledger.alive
    assert folding.stop_signal.is_set() and ledger.stop_signal.is_set()
    assert closed_after == [True]


def test_a_worker_that_fails_says_so_in_the_log(caplog: pytest.LogCaptureFixture) -> None:
    def work(stop: threading.Event) -> None:
        raise RuntimeError("cannot open the views")

    worker = Worker("rebuild", work, stop=threading.Event())
    with caplog.at_level(logging.ERROR, logger="ctevents.workers"):
        worker.start()
        worker.join()
    assert not worker.alive
    assert "worker rebuild failed" in caplog.text and "cannot open the views" in caplog.text
