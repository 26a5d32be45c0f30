"""Crash safety: a projection worker killed with SIGKILL mid-batch resumes to the same model."""

from __future__ import annotations

import subprocess
import sys

from ctevents.projections.catalog import MODELS
from ctevents.projections.digest import digest

from ctevents.events import DelegationLed, Fact, MeetingHeld, TopicDiscussed
from ctevents.store import Store
from tests.support.processes import kill_when
from tests.support.projection_fixtures import VERSION, evidence, projected, record

SOURCES = 500  # × 8 events = 4,000 events
BATCH = 400
TIMEOUT = 30


def many_facts(n: int):
    ordinal = n % 40 + 1
    pair = ("IN", ["MV", "US", "FR", "JP"][n % 4])
    key = f"{'-'.join(sorted(pair))}/jwg-counter-terrorism/{ordinal}"
    leader = ["Ahmed Lathee", "Ahmed Latheef", "Sanjay Verma"][n % 3]
    text = f"Report {n}: the Joint Working Group met; {leader} led; radicalisation was discussed."

    def facts(text: str, source_id: str) -> list[Fact]:
        def ev(quote: str):
            return evidence(text, quote, source_id)

        found: list[Fact] = [
            MeetingHeld(
                meeting_key=key,
                mechanism="Joint Working Group",
                parties=tuple(sorted(pair)),
                ordinal=ordinal,
                date=f"20{10 + n % 10}-0{1 + n % 9}-1{n % 10}" if n % 2 else None,
                evidence=ev("Joint Working Group"),
                extractor_version=VERSION,
            )
        ]
        for i in range(5):
            found.append(
                DelegationLed(
                    meeting_key=key,
                    party=pair[i % 2],
                    name=f"{leader} {i}" if i else leader,
                    evidence=ev(leader),
                    extractor_version=VERSION,
                )
            )
        found.append(
            TopicDiscussed(
                meeting_key=key,
                topic="radicalisation",
                text="radicalisation",
                evidence=ev("radicalisation"),
                extractor_version=VERSION,
            )
        )
        return found

    return text, facts


def worker(url: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ctevents.cli",
            "project",
            "--store",
            url,
            "--batch",
            str(BATCH),
            *extra,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_a_killed_worker_resumes_to_the_model_of_a_clean_pass(store_url):
    with Store(store_url) as store:
        for n in range(SOURCES):
            record(store, *many_facts(n))
        head = store.head()
    assert head == SOURCES * 8

    with projected(store_url) as (_, engine):
        views = engine.views
        process = worker(store_url)
        # Kill once the first batch has committed: the next ones are in flight.
        kill_when(
            process,
            lambda: min(views.position(m) for m in MODELS) > 0,
            TIMEOUT,
            "the worker committed nothing",
        )
        at_kill = {m.name: views.position(m) for m in MODELS}
        assert min(at_kill.values()) < head, "the worker finished before it could be killed"

        resumed = worker(store_url, "--once")
        assert resumed.wait(timeout=TIMEOUT) == 0, resumed.stderr.read().decode()
        after_crash = {m.name: digest(views, m) for m in MODELS}
        assert all(views.position(m) == head for m in MODELS)

    with projected(store_url, prefix="clean_", batch_size=100_000) as (_, clean):
        clean.catch_up()
        in_one_pass = {m.name: digest(clean.views, m) for m in MODELS}
    assert after_crash == in_one_pass
