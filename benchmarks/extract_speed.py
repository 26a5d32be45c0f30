"""Extraction speed on one core, in MB/s of text, beside a baseline measured in the same run.

The baseline is the cheapest pass any extractor must make: segmenting the text into
sentences with one regex pass. Both wall time and CPU time (`time.process_time`) are
reported: on a shared, loaded machine the CPU figure is the fair one. Run:
`.venv/bin/python benchmarks/extract_speed.py`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

from ctevents.extract import extract

ROOT = Path(__file__).resolve().parent.parent
TARGET_BYTES = 3 * 1024 * 1024
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def corpus() -> list[str]:
    paths = [
        *sorted((ROOT / "seeds").glob("*.txt")),
        *sorted((ROOT / "tests/corpus/extract_dev").glob("*.txt")),
        # real statements of the genre: longer, with page furniture and more names
        *sorted((ROOT / "tests/corpus/extract_real").glob("*.txt")),
    ]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    documents: list[str] = []
    size = 0
    while size < TARGET_BYTES:
        for text in texts:
            documents.append(text)
            size += len(text.encode("utf-8"))
    return documents


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
    documents = corpus()
    base_wall, base_cpu = measure(
        "baseline: one-regex sentence split", documents, _SENTENCE.findall
    )
    wall, cpu = measure("extract()", documents, extract)
    print(
        f"extract runs at {wall:.2f} MB/s wall ({wall / base_wall:.4f}x the baseline), "
        f"{cpu:.2f} MB/s CPU ({cpu / base_cpu:.4f}x the baseline)"
    )


if __name__ == "__main__":
    main()
