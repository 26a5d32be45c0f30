"""`ctevents serve` folds in a worker it supervises: restarted if killed, stopped with it;
its background processes yield the CPU to its event loop."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from ctevents.cli.serve import DEFAULT_EXTRACT_NICE, DEFAULT_FOLD_NICE
from tests.support.feed_fixtures import free_port

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def _children(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of the processes whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if int(stat.rpartition(")")[2].split()[1]) == pid:
            found.append((int(entry.name), command))
    return found


def _workers(pid: int) -> list[int]:
    return [child for child, command in _children(pid) if "ctevents.cli project" in command]


def _wait(condition, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def _health(url: str) -> dict:
    with urllib.request.urlopen(f"{url}/healthz", timeout=10) as response:
        return json.loads(response.read())


def _folded(url: str) -> bool:
    health = _health(url)
    head = health["store"]["head"]
    models = health["projections"]["read_models"]["projections"]
    return all(m["position"] >= head for m in models) and (
        health["projections"]["ledger"]["position"] >= head
    )


def _post(url: str, text: str) -> None:
    request = urllib.request.Request(
        f"{url}/sources", data=text.encode(), headers={"Content-Type": "text/plain"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 201


def test_the_folding_worker_is_restarted_when_killed_and_stopped_with_the_server(
    sqlite_url: str, tmp_path: Path
) -> None:
    log = tmp_path / "serve.log"
    server, url = _serve(sqlite_url, log)
    try:
        _wait(lambda: len(_workers(server.pid)) == 1, "the folding worker")
        (first,) = _workers(server.pid)
        # Folding is background work: the worker yields the cores to the server.
        nice = min(19, _niceness(server.pid) + DEFAULT_FOLD_NICE)
        _wait(lambda: _niceness(first) == nice, "the worker to lower its priority")
        _post(url, SEEDS[0].read_text())
        _wait(lambda: _folded(url), "the worker's fold")

        os.kill(first, signal.SIGKILL)
        _wait(lambda: _workers(server.pid) not in ([], [first]), "a new worker")
        _post(url, SEEDS[1].read_text())
        _wait(lambda: _folded(url), "the new worker's fold")
        assert "the folding worker exited" in log.read_text()
        (second,) = _workers(server.pid)
    finally:
        server.terminate()
        server.wait(30)
    assert server.returncode == 0, log.read_text()
    _wait(lambda: not Path(f"/proc/{second}").exists(), "the worker to stop with the server")


def test_extraction_runs_below_the_priority_of_the_event_loop(
    sqlite_url: str, tmp_path: Path
) -> None:
    server, url = _serve(sqlite_url, tmp_path / "serve.log")
    try:
        _post(url, SEEDS[0].read_text())  # starts the extraction pool
        nice = min(19, _niceness(server.pid) + DEFAULT_EXTRACT_NICE)

        def extraction_niceness() -> list[int]:
            return [
                _niceness(child)
                for child, command in _children(server.pid)
                if "spawn_main" in command  # the pool's processes, not the folding worker
            ]

        _wait(lambda: extraction_niceness() != [], "the extraction processes")
        _wait(
            lambda: set(extraction_niceness()) == {nice},
            f"every extraction process at niceness {nice}",
        )
    finally:
        server.terminate()
        server.wait(30)


def _serve(store: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`ctevents serve` on a free port, its stderr to `log`: the process and its URL, once it
    accepts connections."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "ctevents.cli", "serve", "--port", str(port), "--store", store],
        stdout=subprocess.DEVNULL, stderr=log.open("wb"),
    )  # fmt: skip
    try:
        _wait(lambda: _accepts(port), "the server")
    except BaseException:
        server.kill()
        server.wait(30)
        raise
    return server, f"http://127.0.0.1:{port}"


def _niceness(pid: int) -> int:
    return os.getpriority(os.PRIO_PROCESS, pid)


def _accepts(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), 0.2).close()
    except OSError:
        return False
    return True


def test_a_server_killed_with_sigkill_leaves_no_process_behind(
    sqlite_url: str, tmp_path: Path
) -> None:
    server, url = _serve(sqlite_url, tmp_path / "serve.log")
    try:
        _post(url, SEEDS[0].read_text())  # the extraction pool is busy
        children = [child for child, _ in _children(server.pid)]
        assert len(children) >= 2  # the folding worker and the extraction processes
    finally:
        server.kill()
        server.wait(30)
    # Nobody is left to stop them: each notices its server is gone and exits by itself.
    _wait(lambda: not any(Path(f"/proc/{child}").exists() for child in children), "orphans")
