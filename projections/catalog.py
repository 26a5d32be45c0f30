"""Every read model, in the order they are listed, run and reported."""

from __future__ import annotations

from ctevents.projections import dialogues, meetings, people, sources
from ctevents.projections.model import ReadModel

MODELS: tuple[ReadModel, ...] = (meetings.MODEL, dialogues.MODEL, people.MODEL, sources.MODEL)


def by_name(name: str) -> ReadModel:
    for model in MODELS:
        if model.name == name:
            return model
    raise KeyError(f"no read model {name!r}; known: {', '.join(m.name for m in MODELS)}")
