"""Schemathesis over the live app: `/openapi.json` is what the server does.

A real `ctevents serve` on a free port with the seeds recorded; schemathesis's own CLI
runs every check (server errors, undocumented statuses, schema-valid requests refused,
schema-violating requests accepted, response schemas) with a bounded number of examples
and a fixed seed. Streams are asked for as JSON pages (see `schemathesis_hooks`). The
coverage phase is left out: in this schemathesis release it stops with an internal error
(hypothesis's lambda-source inspection) before it reaches the server.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.feed_fixtures import free_port

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = 25


@pytest.fixture
def live_url(sqlite_url: str, seeds_dir: Path, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")  # the access log: a pipe would fill and block
    process = subprocess.Popen(
        [sys.executable, "-m", "ctevents.cli", "serve", "--port", str(port),
         "--store", sqlite_url, "--ingest", str(seeds_dir)],
        stdout=subprocess.DEVNULL, stderr=log, cwd=ROOT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        log.close()


def test_the_openapi_document_holds_against_the_live_server(live_url: str) -> None:
    schemathesis = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    assert schemathesis, "schemathesis is installed with the test extra"
    result = subprocess.run(
        [schemathesis, "run", f"{live_url}/openapi.json", "--checks", "all",
         "--max-examples", str(EXAMPLES), "--seed", "14", "--workers", "2",
         "--request-timeout", "5", "--phases", "examples,fuzzing,stateful", "--no-color"],
        capture_output=True, text=True, timeout=240, cwd=ROOT,
        env={**os.environ, "SCHEMATHESIS_HOOKS": "tests.support.schemathesis_hooks"},
    )  # fmt: skip
    report = result.stdout[-6000:] + result.stderr[-2000:]
    assert result.returncode == 0, report
    assert " passed" in result.stdout and "failures" not in result.stdout.lower(), report
