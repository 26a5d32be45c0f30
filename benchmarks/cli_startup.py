"""How long `ctevents --help` and `--version` take to start, beside the interpreter alone.

Usage: .venv/bin/python benchmarks/cli_startup.py [RUNS]
Prints the median wall time of each over RUNS runs (default 15), measured in this run.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
CASES = {
    "python -c pass (baseline)": [sys.executable, "-c", "pass"],
    "ctevents --version": [sys.executable, "-m", "ctevents.cli", "--version"],
    "ctevents --help": [sys.executable, "-m", "ctevents.cli", "--help"],
    "ctevents status --help": [sys.executable, "-m", "ctevents.cli", "status", "--help"],
}


def median_seconds(command: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


if __name__ == "__main__":
    baseline = None
    for name, command in CASES.items():
        seconds = median_seconds(command)
        baseline = baseline or seconds
        print(f"{name:<28} {seconds * 1000:7.1f} ms  ({seconds / baseline:.1f}x baseline)")
