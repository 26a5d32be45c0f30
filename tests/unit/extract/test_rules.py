"""The rule contract: a declared list of rules, each `extract(ctx) -> facts`, and a rule
that raises losing only its own facts, logged with the source id."""

from __future__ import annotations

import logging

import pytest

from ctevents.events import Fact
from ctevents.extract.context import Context
from ctevents.extract.pipeline import run
from ctevents.extract.rules import RULES, Rule

TEXT = (
    "The 3rd meeting of the India-Egypt Joint Working Group on Counter-Terrorism was held in "
    "New Delhi on 16 February 2023. The Indian delegation was led by Mr. Anil Rao, Joint "
    "Secretary, and the Egyptian delegation by Mr. Omar Fathy, Director. Both sides strongly "
    "condemned terrorism in all its forms and manifestations."
)


def _broken(ctx: Context) -> list[Fact]:
    raise RuntimeError("a rule that cannot read this statement")


def test_every_fact_type_has_one_declared_rule() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert {"meetings-held", "delegations-led", "condemnations-issued"} <= set(names)


def test_a_failing_rule_loses_only_its_own_facts(caplog: pytest.LogCaptureFixture) -> None:
    whole = run(TEXT, "source-ok", None)
    rules = [rule if rule.name != "delegations-led" else Rule(rule.name, _broken) for rule in RULES]
    with caplog.at_level(logging.ERROR, logger="ctevents.extract"):
        partial = run(TEXT, "source-7", None, rules)
    kinds = {f.type_name for f in partial}
    assert "DelegationLed" not in kinds
    assert {"MeetingHeld", "CondemnationIssued"} <= kinds
    assert len(partial) == len([f for f in whole if f.type_name != "DelegationLed"])
    assert any(
        "delegations-led" in r.getMessage() and "source-7" in r.getMessage() for r in caplog.records
    )
