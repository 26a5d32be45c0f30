"""One order of fact types (`ctevents.events`): the extractor's tie-break, the pages' colours."""

from __future__ import annotations

from ctevents.events import FACT_TYPE_ORDER, Fact, event_types
from ctevents.extract import pipeline
from ctevents.server.pages import marks


def test_the_order_names_every_fact_type_once() -> None:
    facts = {name for name, cls in event_types().items() if issubclass(cls, Fact)}
    assert len(FACT_TYPE_ORDER) == len(set(FACT_TYPE_ORDER))
    assert set(FACT_TYPE_ORDER) == facts


def test_the_extractor_breaks_ties_in_that_order() -> None:
    assert sorted(pipeline._TYPE_ORDER, key=pipeline._TYPE_ORDER.__getitem__) == list(
        FACT_TYPE_ORDER
    )


def test_attacks_and_forums_colour_a_mark_before_topics() -> None:
    text = "attack on the forum's topic"
    spans = [
        {"start": 0, "end": 27, "facts": [{"type": "TopicDiscussed"}]},
        {"start": 0, "end": 6, "facts": [{"type": "AttackReferenced"}]},
        {"start": 14, "end": 19, "facts": [{"type": "MultilateralForumCited"}]},
    ]
    colours = [(p.text, p.fact_type) for p in marks.pieces(text, spans)]
    assert colours == [
        ("attack", "AttackReferenced"),
        (" on the ", "TopicDiscussed"),
        ("forum", "MultilateralForumCited"),
        ("'s topic", "TopicDiscussed"),
    ]
    assert [t for t, _ in marks.legend(spans)] == [
        "AttackReferenced",
        "MultilateralForumCited",
        "TopicDiscussed",
    ]
