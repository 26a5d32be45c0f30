"""`ctevents ingest` and `ctevents events` as a user runs them: real processes, real stores."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from ctevents.documents import MAX_BYTES, leading_date
from ctevents.events import source_id_for
from ctevents.store import Store
from tests.support.cli import ctevents


def log_of(store_url: str) -> list[dict]:
    with Store(store_url) as store:
        return store.envelopes(limit=100_000)


def test_events_prints_the_seeds_as_envelopes(seeds_dir, sqlite_url):
    ingested = ctevents("ingest", str(seeds_dir), store=sqlite_url)
    assert ingested.returncode == 0, ingested.stderr
    assert "5 recorded, 0 already present, 0 rejected" in ingested.stdout

    printed = ctevents("events", store=sqlite_url)
    assert printed.returncode == 0, printed.stderr
    lines = [orjson.loads(line) for line in printed.stdout.splitlines()]
    assert lines == log_of(sqlite_url)
    assert [e["position"] for e in lines] == list(range(1, len(lines) + 1))
    for envelope in lines:
        assert list(envelope) == ["position", "type", "stream", "version", "recorded_at", "data"]

    sources = [e for e in lines if e["type"] == "SourceRecorded"]
    seeds = sorted(seeds_dir.glob("*.txt"))
    assert len(sources) == len(seeds)
    for seed, envelope in zip(seeds, sources, strict=True):
        text = seed.read_text(encoding="utf-8")
        assert envelope["data"]["text"] == text
        assert envelope["stream"] == envelope["data"]["source_id"] == source_id_for(text)
        expected = leading_date(text)
        assert envelope["data"]["published_on"] == (expected.isoformat() if expected else None)

    page = ctevents(
        "events", "--after", "2", "--limit", "2", "--type", "SourceRecorded", store=sqlite_url
    )
    assert [orjson.loads(x)["position"] for x in page.stdout.splitlines()] == [
        e["position"] for e in sources if e["position"] > 2
    ][:2]


def test_ingest_is_idempotent(seeds_dir, sqlite_url):
    ctevents("ingest", str(seeds_dir), store=sqlite_url)
    head = len(log_of(sqlite_url))
    again = ctevents("ingest", str(seeds_dir / "003_c387223b24257c80.txt"), store=sqlite_url)
    assert again.returncode == 0
    text = (seeds_dir / "003_c387223b24257c80.txt").read_text(encoding="utf-8")
    assert f"already recorded {source_id_for(text)}" in again.stdout
    assert "0 recorded, 1 already present" in again.stdout
    assert len(log_of(sqlite_url)) == head


def test_published_on_option_overrides_the_date_line(seeds_dir, sqlite_url):
    result = ctevents(
        "ingest",
        str(seeds_dir / "002_03e607b7b9aa5c2b.txt"),
        "--published-on",
        "2023-07-30",
        store=sqlite_url,
    )
    assert result.returncode == 0, result.stderr
    assert log_of(sqlite_url)[0]["data"]["published_on"] == "2023-07-30"


def test_json_documents_carry_their_metadata(tmp_path, sqlite_url):
    doc = tmp_path / "statement.json"
    doc.write_bytes(
        orjson.dumps(
            {
                "text": "India and France held the 15th meeting of their JWG.",
                "title": "JWG meeting",
                "url": "https://example.org/x",
                "publisher": "MEA",
                "published_on": "2021-05-04",
            }
        )
    )
    assert ctevents("ingest", str(doc), store=sqlite_url).returncode == 0
    data = log_of(sqlite_url)[0]["data"]
    assert (data["title"], data["url"], data["publisher"], data["published_on"]) == (
        "JWG meeting",
        "https://example.org/x",
        "MEA",
        "2021-05-04",
    )


BAD_INPUTS = {
    "empty.txt": (b"", "empty text"),
    "blank.txt": (b"  \n\t \n", "empty text"),
    "latin1.txt": ("Réunion à Délhi".encode("latin-1"), "not valid UTF-8"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary content"),
    "huge.txt": (b"a" * (MAX_BYTES + 1), "over the limit"),
    "broken.json": (b'{"text": "India and', "invalid JSON"),
    "no_text.json": (b'{"title": "x"}', "needs a 'text' string"),
    "list.json": (b'["text"]', "must be an object"),
    "bad_date.json": (b'{"text": "x", "published_on": "24 July"}', "not an ISO date"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_rejected_with_a_reason_and_records_nothing(tmp_path, sqlite_url, name):
    content, reason = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(content)
    result = ctevents("ingest", str(path), store=sqlite_url)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"ctevents: error: {path}: ") and reason in line
    assert "0 recorded, 0 already present, 1 rejected; 0 events appended" in result.stdout
    assert log_of(sqlite_url) == []


def test_a_missing_path_is_an_error(tmp_path, sqlite_url):
    result = ctevents("ingest", str(tmp_path / "nope.txt"), store=sqlite_url)
    assert result.returncode == 1
    assert f"{tmp_path / 'nope.txt'}: no such file or directory" in result.stderr


def test_in_a_batch_good_files_are_recorded_and_bad_ones_reported(tmp_path, seeds_dir, sqlite_url):
    batch = tmp_path / "batch"
    (batch / "nested").mkdir(parents=True)
    for seed in sorted(seeds_dir.glob("*.txt"))[:2]:
        (batch / "nested" / seed.name).write_bytes(seed.read_bytes())
    (batch / "empty.md").write_bytes(b"")
    (batch / "ignored.pdf").write_bytes(b"%PDF")
    result = ctevents("ingest", str(batch), store=sqlite_url)
    assert result.returncode == 1
    assert "empty.md: empty text" in result.stderr
    assert "2 recorded, 0 already present, 1 rejected" in result.stdout
    assert [e["type"] for e in log_of(sqlite_url)].count("SourceRecorded") == 2


def test_events_rejects_unknown_types(sqlite_url):
    result = ctevents("events", "--type", "MeetingHeld,Nope", store=sqlite_url)
    assert result.returncode == 2
    assert "unknown event type(s): Nope" in result.stderr


def _race(store_url: str, path: Path, writers: int) -> list[subprocess.CompletedProcess[str]]:
    command = [sys.executable, "-m", "ctevents.cli", "ingest", str(path), "--store", store_url]
    procs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(writers)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(command, proc.returncode, out, err))
    return results


def test_concurrent_ingests_of_one_text_leave_exactly_one_stream(store_url, seeds_dir):
    seed = seeds_dir / "002_03e607b7b9aa5c2b.txt"
    with Store(store_url):
        pass  # create the tables first, so the race is over the stream, not the schema
    results = _race(store_url, seed, writers=6)
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    outcomes = sorted("recorded" if "1 recorded" in r.stdout else "already" for r in results)
    assert outcomes == ["already"] * 5 + ["recorded"]
    source_id = source_id_for(seed.read_text(encoding="utf-8"))
    with Store(store_url) as store:
        stream = store.stream(source_id)
        assert [r.originator_version for r in stream] == list(range(1, len(stream) + 1))
        assert sum(e["type"] == "SourceRecorded" for e in store.envelopes()) == 1
