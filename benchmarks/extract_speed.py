"""Extraction speed on one core, in MB/s of text, beside a baseline measured in the same run.

The baseline is the cheapest pass any extractor must make: segmenting the text into
sentences with one regex pass. Run: `.venv/bin/python benchmarks/extract_speed.py`.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from ctevents.extract import extract

ROOT = Path(__file__).resolve().parent.parent
TARGET_BYTES = 3 * 1024 * 1024
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def corpus() -> list[str]:
    paths = [
        *sorted((ROOT / "seeds").glob("*.txt")),
        *sorted((ROOT / "tests/extract_dev").glob("*.txt")),
    ]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    documents: list[str] = []
    size = 0
    while size < TARGET_BYTES:
        for text in texts:
            documents.append(text)
            size += len(text.encode("utf-8"))
    return documents


def measure(label: str, documents: list[str], work) -> float:
    size = sum(len(d.encode("utf-8")) for d in documents) / 1e6
    begin = time.perf_counter()
    for document in documents:
        work(document)
    elapsed = time.perf_counter() - begin
    rate = size / elapsed
    print(f"{label:<40} {size:6.2f} MB in {elapsed:6.2f} s = {rate:8.2f} MB/s")
    return rate


def main() -> None:
    documents = corpus()
    baseline = measure("baseline: one-regex sentence split", documents, _SENTENCE.findall)
    rate = measure("extract()", documents, extract)
    print(f"extract runs at {rate:.2f} MB/s, {rate / baseline:.3f}x the baseline")


if __name__ == "__main__":
    main()
