"""The read models built from the seed statements through the real extractor."""

from __future__ import annotations

import pytest
from ctevents.projections import queries
from ctevents.projections.catalog import by_name

from ctevents.extract import EXTRACTOR_VERSION
from tests.support.projection_fixtures import seeds_projected

pytestmark = pytest.mark.skipif(
    EXTRACTOR_VERSION == "0.0.0", reason="extractor not yet producing facts"
)


@pytest.fixture
def seeded(store_url, seeds_dir):
    with seeds_projected(store_url, seeds_dir) as (_, engine, ids):
        yield engine.views, ids


def rows(views, name, **filters):
    return queries.list_rows(views, by_name(name), filters, limit=1000).items


def test_india_maldives_meeting_2_merged_from_two_sources(seeded):
    views, ids = seeded
    (meeting,) = [m for m in rows(views, "meetings", party="MV") if m["ordinal"]["value"] == 2]
    assert meeting["corroboration"] == 2
    assert meeting["sources"] == sorted([ids["000"], ids["002"]])
    maldivian = [p for p in meeting["leaders"]["MV"] if p["name"]["contested"]]
    assert len(maldivian) == 1
    supported = {
        v["value"]: [s["source_id"] for s in v["supported_by"]]
        for v in maldivian[0]["name"]["values"]
    }
    assert supported == {"Ahmed Lathee": [ids["000"]], "Ahmed Latheef": [ids["002"]]}
    assert meeting["date"]["value"] == "2023-07-24" and not meeting["date"]["contested"]


def test_india_maldives_dialogue_has_meetings_1_and_2(seeded):
    views, _ = seeded
    (dialogue,) = rows(views, "dialogues", party="MV")
    assert [m["ordinal"]["value"] for m in dialogue["meetings"]] == [1, 2]
    assert dialogue["missing_ordinals"] == []


def test_india_us_has_two_mechanisms(seeded):
    views, _ = seeded
    dialogues = rows(views, "dialogues", party="US")
    assert len(dialogues) == 2
    assert len({d["mechanism"]["value"] for d in dialogues}) == 2


def test_india_france_next_meeting_in_france_in_2021(seeded):
    views, _ = seeded
    (dialogue,) = rows(views, "dialogues", party="FR")
    assert dialogue["next_meeting"]["location"]["value"] == "France"
    assert dialogue["next_meeting"]["date"]["value"] == "2021"
    (meeting,) = rows(views, "meetings", party="FR")
    assert meeting["next_meeting"]["location"]["value"] == "France"


def test_mahaveer_singhvi_led_two_meetings(seeded):
    views, _ = seeded
    person, _ = queries.get_row(views, by_name("people"), "mahaveer-singhvi")
    assert person["sides"] == ["IN"]
    assert len(person["meetings"]) == 2
    assert {tuple(m["parties"]) for m in person["meetings"]} == {("IN", "US"), ("FR", "IN")}


def test_every_seed_is_a_source_with_its_facts(seeded):
    views, ids = seeded
    sources = rows(views, "sources")
    assert sorted(s["source_id"] for s in sources) == sorted(ids.values())
    assert all(s["facts"] and not s["retracted"] for s in sources)
