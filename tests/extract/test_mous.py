"""Memoranda: signatories and background signings, in examples written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.helpers import facts_of


def test_a_signatory_and_the_counterpart_he_signed_with() -> None:
    text = (
        "Jordan and Egypt signed a Memorandum of Understanding on combating terrorism. "
        "Interior Minister Sami Haddad signed with his Egyptian counterpart, Karim Lotfy, in "
        "Cairo on Monday, a memorandum that covers information exchange."
    )
    mous = facts_of(text, "MoUSigned")
    assert mous
    signed = {(s["party"], s["name"]) for s in mous[0]["signatories"]}
    assert ("EG", "Karim Lotfy") in signed
    assert mous[0]["location"] == "Cairo"


def test_counterparts_named_in_order_by_their_demonyms() -> None:
    text = (
        "Tajikistan's Interior Minister Davron Nazarov signed a memorandum of understanding on "
        "countering terrorism along with his Kyrgyz and Kazakh counterparts, Bakyt Osmonov "
        "and Serik Zhakenov respectively, in Dushanbe on 5 May 2024."
    )
    mous = facts_of(text, "MoUSigned")
    assert mous and mous[0]["subject"] == "countering terrorism"
    signed = {(s["party"], s["name"]) for s in mous[0]["signatories"]}
    assert signed == {("TJ", "Davron Nazarov"), ("KG", "Bakyt Osmonov"), ("KZ", "Serik Zhakenov")}
    assert mous[0]["location"] == "Dushanbe"


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "The delegations reviewed the progress made since the signing of the "
            "counter-terrorism Memorandum of Understanding between the two countries on 3 March "
            "2021.",
            id="since-the-signing",
        ),
        pytest.param(
            "They welcomed progress in implementing the Kenya-Norway counter-terrorism "
            "Memorandum of Understanding signed in Oslo on 3 March.",
            id="implementing-an-mou-signed-before",
        ),
    ],
)
def test_a_memorandum_signed_before_is_background(sentence: str) -> None:
    opening = (
        "The first Kenya-Norway Counter-Terrorism Dialogue was held in Nairobi on 9 May 2024. "
    )
    assert facts_of(opening + sentence, "MoUSigned") == []
