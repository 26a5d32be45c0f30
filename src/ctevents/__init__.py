"""ctevents: immutable, typed, evidence-carrying events from counter-terrorism diplomacy."""

__version__ = "0.1.0"
