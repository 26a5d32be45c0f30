"""The command line: one-line errors, no escape codes from stored text, `--json` on every
command, `events --follow` with the feed's filters, and nothing heavy imported for --help."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from ctevents.projections.views import views_path

from ctevents.documents import Document
from ctevents.ingest import ingest
from ctevents.store import Store
from tests.support.projection_fixtures import MEETING_KEY, MV_000, meeting_facts, record

ROOT = Path(__file__).resolve().parents[2]
TEXT = "India and the Maldives condemned terrorism in all its forms."


def ctevents(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ctevents.cli", *args],
        capture_output=True, text=True, timeout=timeout, cwd=ROOT,
    )  # fmt: skip


def test_help_and_version_import_nothing_heavy() -> None:
    probe = (
        "import sys; from ctevents.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('aiohttp', 'psycopg', 'eventsourcing', 'pydantic', "
        "'ctevents.extract', 'rich', 'ctevents.projections') if m in sys.modules]\n"
        "print(heavy, file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.stderr.strip().splitlines()[-1] == "[]"
    assert "ingest" in result.stdout and "digest" in result.stdout
    version = ctevents("--version")
    assert version.returncode == 0 and version.stdout.startswith("ctevents ")


def test_escape_codes_in_stored_text_never_reach_the_terminal(sqlite_url: str) -> None:
    hostile = "\x1b]0;owned\x07\x1b[2J"
    with Store(sqlite_url) as store:
        # Recorded beneath the door (it refuses such text now), as an older log may hold.
        mechanism = "Joint Working Group on Counter Terrorism"
        assert mechanism in MV_000
        text = MV_000.replace(mechanism, mechanism + hostile, 1)
        record(
            store,
            text,
            meeting_facts(mechanism + hostile, None, "Ahmed Lathee", "Foreign Secretary"),
            title=f"Title{hostile}",
            publisher=f"MEA{hostile}",
        )
    assert ctevents("project", "--once", "--store", sqlite_url).returncode == 0
    traced = ctevents("trace", MEETING_KEY, "--store", sqlite_url)
    assert traced.returncode == 0, traced.stderr
    assert "\x1b" not in traced.stdout and "\x07" not in traced.stdout
    assert "\\x1b" in traced.stdout  # shown, not sent
    as_json = ctevents("trace", MEETING_KEY, "--json", "--store", sqlite_url)
    assert "\x1b" not in as_json.stdout and orjson.loads(as_json.stdout)["meeting_key"]


def test_every_command_speaks_json(sqlite_url: str, tmp_path: Path) -> None:
    statement = tmp_path / "statement.txt"
    statement.write_text(TEXT)
    lines = [
        orjson.loads(x)
        for x in ctevents(
            "ingest", str(statement), "--json", "--store", sqlite_url
        ).stdout.splitlines()
    ]
    assert lines[0]["recorded"] is True and lines[-1]["recorded"] == 1
    source_id = lines[0]["source_id"]
    outputs = {
        "events": ctevents("events", "--json", "--store", sqlite_url),
        "extract": ctevents("extract", str(statement), "--json"),
        "project": ctevents("project", "--once", "--json", "--store", sqlite_url),
        "status": ctevents("status", "--json", "--store", sqlite_url),
        "digest": ctevents("digest", "meetings", "--json", "--store", sqlite_url),
        "verify": ctevents("verify", "--json", "--store", sqlite_url),
        "reextract": ctevents("reextract", source_id, "--json", "--store", sqlite_url),
        "retract": ctevents(
            "retract", source_id, "--reason", "test", "--json", "--store", sqlite_url
        ),
        "replay": ctevents("replay", "meetings", "--json", "--store", sqlite_url),
    }
    for name, result in outputs.items():
        assert result.returncode == 0, (name, result.stderr)
        for line in result.stdout.splitlines():
            orjson.loads(line)  # every line is JSON
    assert orjson.loads(outputs["retract"].stdout)["appended"] is True


def test_events_follow_with_the_feeds_filters(sqlite_url: str) -> None:
    with Store(sqlite_url) as store:
        ingest(store, Document(text=TEXT))
        head = store.head()
    follower = subprocess.Popen(
        [sys.executable, "-m", "ctevents.cli", "events", "--follow", "--poll", "0.1",
         "--after", str(head), "--type", "SourceRecorded", "--store", sqlite_url],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )  # fmt: skip
    try:
        time.sleep(1.0)
        with Store(sqlite_url) as store:
            later = ingest(store, Document(text="The Maldives and India met again in Male."))
        line = follower.stdout.readline()  # type: ignore[union-attr]
    finally:
        follower.terminate()
        follower.wait(10)
    envelope = orjson.loads(line)
    assert envelope["type"] == "SourceRecorded"
    assert envelope["stream"] == str(later.source_id)


def test_errors_are_one_line(sqlite_url: str) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        taken = ctevents("serve", "--port", str(port), "--store", sqlite_url, timeout=60)
    cases = {
        "busy port": (taken, "cannot listen"),
        "port out of range": (ctevents("serve", "--port", "70000"), "out of range"),
        "niceness out of range": (ctevents("serve", "--fold-nice", "20"), "out of range"),
        "extraction niceness": (ctevents("serve", "--extract-nice", "-3"), "out of range"),
        "niceness not a number": (ctevents("project", "--nice", "low"), "not a whole number"),
        "bad schema": (
            ctevents("status", "--store", "postgresql://u:Sup3rS3cret@127.0.0.1:1/db?schema=a;b"),
            "not a plain identifier",
        ),
        "unreachable password": (
            ctevents(
                "ingest",
                str(ROOT / "seeds"),
                "--store",
                "postgresql://u:Sup3rS3cret@127.0.0.1:1/db",
            ),
            "u:***@127.0.0.1:1",
        ),
        "missing store": (ctevents("trace", "XX", "--store", sqlite_url), "no store at"),
    }
    for what, (result, words) in cases.items():
        assert result.returncode != 0, what
        assert "Traceback" not in result.stderr, (what, result.stderr)
        errors = [line for line in result.stderr.splitlines() if "error:" in line]
        assert len(errors) == 1 and words in errors[0], (what, result.stderr)
        assert words in result.stderr, (what, result.stderr)
        assert "Sup3rS3cret" not in result.stderr + result.stdout


def test_read_models_that_cannot_open_are_a_one_line_error(sqlite_url: str) -> None:
    assert ctevents("ingest", str(ROOT / "seeds"), "--store", sqlite_url).returncode == 0
    views_path(Path(sqlite_url)).mkdir()  # a folder where the read models' file belongs
    commands = {
        "status": ("status",),
        "trace": ("trace", "IN-MV/jwg-counter-terrorism/2"),
        "digest": ("digest", "meetings"),
        "replay": ("replay",),
        "snapshots": ("snapshots", "list"),
        "project": ("project", "--once"),
    }
    for what, command in commands.items():
        result = ctevents(*command, "--store", sqlite_url)
        assert result.returncode != 0, what
        assert "Traceback" not in result.stderr, (what, result.stderr)
        errors = [line for line in result.stderr.splitlines() if "error:" in line]
        assert len(errors) == 1 and "cannot open the read models" in errors[0], (
            what,
            result.stderr,
        )


@pytest.mark.parametrize("host", ["[::1]", "::1"])
def test_serve_takes_an_ipv6_loopback_address(sqlite_url: str, host: str) -> None:
    with socket.socket(socket.AF_INET6) as probe:
        try:
            probe.bind(("::1", 0))
        except OSError:
            pytest.skip("no IPv6 loopback here")
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "ctevents.cli", "serve", "--host", host, "--port", str(port),
         "--store", sqlite_url],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT,
    )  # fmt: skip
    try:
        banner = server.stdout.readline()  # type: ignore[union-attr]
    finally:
        server.terminate()
        server.wait(20)
    assert f"[::1]:{port}" in banner
