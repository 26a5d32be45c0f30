"""Extraction speed on one core, in MB/s of text, beside a baseline measured in the same run.

The baseline is the cheapest pass any extractor must make: segmenting the text into
sentences with one regex pass. Both wall time and CPU time (`time.process_time`) are
reported: on a shared, loaded machine the CPU figure is the fair one. Run:
`.venv/bin/python benchmarks/extract_speed.py`.

The corpus repeats its statements until it holds 3 MB, and a cache keyed by a text or a
sentence would serve every repeat after the first from memory, which a stream of new
statements never does. So each repeat is a variant no other repeat shares: a few spaces
between two lower-case words are doubled, chosen afresh per repeat, so nearly every sentence
differs in its characters while its words, names and facts stay as they were (the run
checks that every document and almost every sentence is new, and prints the share of
documents whose facts differ from the original's). `--repeat-verbatim` measures the old
way, for comparison.
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ctevents.extract import extract

ROOT = Path(__file__).resolve().parent.parent
TARGET_BYTES = 3 * 1024 * 1024
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
# A space between two lower-case words: doubling it changes no name, date or number.
_INNER_SPACE = re.compile(r"(?<=[a-z,]) (?=[a-z])")


def variant(text: str, repeat: int) -> str:
    """The text with about one in six spaces between lower-case words doubled, chosen by
    `repeat` (repeat 0 is the text itself)."""
    if repeat == 0:
        return text
    pick = random.Random(repeat * 7919 + len(text))
    return _INNER_SPACE.sub(lambda m: "  " if pick.random() < 1 / 6 else " ", text)


def sources() -> list[str]:
    paths = [
        *sorted((ROOT / "seeds").glob("*.txt")),
        *sorted((ROOT / "tests/corpus/extract_dev").glob("*.txt")),
        # real statements of the genre: longer, with page furniture and more names
        *sorted((ROOT / "tests/corpus/extract_real").glob("*.txt")),
    ]
    return [p.read_text(encoding="utf-8") for p in paths]


def corpus(verbatim: bool = False) -> list[str]:
    texts = sources()
    documents: list[str] = []
    size = 0
    repeat = 0
    while size < TARGET_BYTES:
        for text in texts:
            documents.append(text if verbatim else variant(text, repeat))
            size += len(text.encode("utf-8"))
        repeat += 1
    return documents


def check_novelty(documents: list[str]) -> None:
    """Print how many documents and sentences are new to the run (a cache would miss)."""
    sentences = [s.strip() for d in documents for s in _SENTENCE.findall(d) if s.strip()]
    print(
        f"{len(documents)} documents, {len(set(documents))} distinct; "
        f"{len(sentences)} sentences, {len(set(sentences))} distinct"
    )


def check_facts(documents: list[str], originals: int) -> None:
    """Share of varied documents whose facts (types and payloads) differ from the original's."""

    def facts(text: str) -> list[str]:
        found = extract(text, source_id="benchmark")
        return sorted(
            re.sub(
                r"\s+",
                " ",
                json.dumps([f.type_name, f.model_dump(mode="json", exclude={"evidence"})]),
            )
            for f in found
        )

    base = [facts(d) for d in documents[:originals]]
    sample = documents[originals : originals * 3]
    differ = sum(facts(d) != base[i % originals] for i, d in enumerate(sample))
    print(f"varied documents whose facts differ from the original's: {differ} of {len(sample)}")


def measure(label: str, documents: list[str], work: Callable[[str], object]) -> tuple[float, float]:
    """MB/s by wall clock and by this process's CPU time."""
    size = sum(len(d.encode("utf-8")) for d in documents) / 1e6
    wall_begin, cpu_begin = time.perf_counter(), time.process_time()
    for document in documents:
        work(document)
    wall = time.perf_counter() - wall_begin
    cpu = time.process_time() - cpu_begin
    # A clock tick of zero (the baseline is fast) must not divide by zero.
    wall_rate, cpu_rate = size / max(wall, 1e-9), size / max(cpu, 1e-9)
    print(
        f"{label:<36} {size:5.2f} MB  wall {wall:6.2f} s = {wall_rate:8.2f} MB/s"
        f"  cpu {cpu:6.2f} s = {cpu_rate:8.2f} MB/s"
    )
    return wall_rate, cpu_rate


def main() -> None:
    verbatim = "--repeat-verbatim" in sys.argv[1:]
    documents = corpus(verbatim)
    check_novelty(documents)
    base_wall, base_cpu = measure(
        "baseline: one-regex sentence split", documents, _SENTENCE.findall
    )
    wall, cpu = measure("extract()", documents, extract)
    print(
        f"extract runs at {wall:.2f} MB/s wall ({wall / base_wall:.4f}x the baseline), "
        f"{cpu:.2f} MB/s CPU ({cpu / base_cpu:.4f}x the baseline)"
    )
    if not verbatim:
        check_facts(documents, len(sources()))


if __name__ == "__main__":
    main()
