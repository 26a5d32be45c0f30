"""Which read models are failing, from their status report: shared by `/healthz` and `status`.

A model fails when it has events it could not fold (recorded failures: the model
serves, but without those events), when its latest failure lies beyond its position
(it is retrying that event), or when it is behind the log and has not moved for a
while (a write that keeps failing without being recorded). Each failing model is
named with how far behind the log it is, so an operator knows what to look at.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

OK, DEGRADED, UNAVAILABLE = "ok", "degraded", "unavailable"


def failing_models(
    report: Mapping[str, Any],
    last_failures: Mapping[str, Mapping[str, Any]],
    stalled_for: Mapping[str, float] | None = None,
    stall_after: float = 30.0,
) -> list[dict[str, Any]]:
    """One entry per failing model: name, position, lag, failures and why it counts as failing.

    `report` is `projections.queries.status(...)`; `last_failures` the newest failure of
    each model that has one; `stalled_for` the seconds each model has been behind without
    moving (known only to a process that watches it, such as the server).
    """
    failing = []
    for model in report["projections"]:
        name = model["projection"]
        reasons = []
        last = last_failures.get(name)
        if last is not None and last["position"] > model["position"]:
            reasons.append(f"retrying position {last['position']}")
        elif model["failures"]:
            reasons.append(f"{model['failures']} event(s) could not be folded")
        idle = (stalled_for or {}).get(name, 0.0)
        if model["lag"] and idle >= stall_after:
            reasons.append(f"behind by {model['lag']} and not moving for {idle:.0f} s")
        if reasons:
            entry = {
                "projection": name,
                "position": model["position"],
                "lag": model["lag"],
                "failures": model["failures"],
                "reason": "; ".join(reasons),
            }
            if last is not None:
                entry["last_failure"] = dict(last)
            failing.append(entry)
    return failing


class StallClock:
    """How long each model has been behind the log without moving, as seen by one process."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[int, float]] = {}

    def observe(self, report: Mapping[str, Any], now: float) -> dict[str, float]:
        stalled = {}
        for model in report["projections"]:
            name, position = model["projection"], model["position"]
            seen = self._seen.get(name)
            if seen is None or seen[0] != position or not model["lag"]:
                self._seen[name] = (position, now)
                seen = self._seen[name]
            stalled[name] = now - seen[1] if model["lag"] else 0.0
        return stalled
