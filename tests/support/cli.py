"""Running the `ctevents` command line in a subprocess, as a user does."""

from __future__ import annotations

import subprocess
import sys


def ctevents(*args: str, store: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ctevents.cli", *args, "--store", store],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
