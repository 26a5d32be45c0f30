"""The tail's gathering pause: a multiple of the loop's CPU spent delivering, within bounds."""

from __future__ import annotations

import time

from ctevents.feed import GATHER_MAX, GATHER_MIN, GATHER_RATIO, gathering


def test_the_pause_is_a_multiple_of_the_delivery_cpu_within_bounds() -> None:
    assert gathering(0.0) == GATHER_MIN
    between = (GATHER_MIN + GATHER_MAX) / 2 / GATHER_RATIO  # a delivery whose pause is inside
    assert gathering(between) == GATHER_RATIO * between
    assert gathering(10.0) == GATHER_MAX


def test_waiting_costs_no_cpu_so_a_delivery_that_waited_gathers_briefly() -> None:
    # What `_keep_tail` measures: the thread's CPU time, which a wait (here a sleep,
    # on a loaded machine a wait for a CPU) does not add to.
    busy = time.thread_time()
    time.sleep(0.2)
    assert gathering(time.thread_time() - busy) < GATHER_MAX
