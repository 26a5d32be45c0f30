"""How the pages name a party: ISO 3166-1's name, or the name of a party ISO does not list."""

from __future__ import annotations

import pytest

from ctevents.server.pages.present import country


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("MV", "Maldives"),
        ("us", "United States"),
        ("EU", "European Union"),
        ("XK", "Kosovo"),
        ("ZZ", "ZZ"),
    ],
)
def test_country_names(code: str, name: str) -> None:
    assert country(code) == name
