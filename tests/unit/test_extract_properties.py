"""Properties of the extractor on any text: it never raises, and every evidence span
is exact (`text[start:end] == quote`) and carries the source id."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ctevents.extract import extract
from ctevents.extract.segment import sentences

ROOT = Path(__file__).resolve().parents[2]
_CORPUS = [
    p.read_text(encoding="utf-8")
    for p in [
        *sorted((ROOT / "seeds").glob("*.txt")),
        *sorted((ROOT / "tests" / "corpus" / "extract_dev").glob("*.txt")),
    ]
]
GENRE_SENTENCES = sorted({s.text for text in _CORPUS for s in sentences(text)})
JOINERS = st.sampled_from([" ", "\n", "", ". ", "\n\n", " date 2023-07-25 ", "’."])


def _assert_valid(text: str, source_id: str | None, published_on: date | None) -> None:
    facts = extract(text, source_id=source_id, published_on=published_on)
    expected = source_id or extract.__globals__["source_id_for"](text)
    for fact in facts:
        assert fact.evidence
        for item in fact.evidence:
            assert text[item.start : item.end] == item.quote
            assert item.source_id == expected


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.none() | st.dates())
def test_any_unicode_text(text: str, published_on: date | None) -> None:
    _assert_valid(text, None, published_on)


@settings(max_examples=120, deadline=None)
@given(
    st.lists(st.sampled_from(GENRE_SENTENCES), min_size=1, max_size=8),
    st.lists(JOINERS, min_size=8, max_size=8),
    st.none() | st.dates(),
)
def test_recombined_genre_sentences(
    parts: list[str], joiners: list[str], published_on: date | None
) -> None:
    text = "".join(part + joiner for part, joiner in zip(parts, joiners, strict=False))
    _assert_valid(text, "prop", published_on)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(GENRE_SENTENCES), st.integers(0, 200), st.text(max_size=20))
def test_genre_sentence_with_noise_inserted(sentence: str, at: int, noise: str) -> None:
    at = min(at, len(sentence))
    _assert_valid(sentence[:at] + noise + sentence[at:], "prop", None)


def test_pipeline_itself_does_not_raise_on_seeds() -> None:
    # `extract` swallows rule failures; the rules themselves must not need it.
    from ctevents.extract.pipeline import run

    for text in _CORPUS:
        run(text, "prop", None)
