"""Merge rules on plain claims: precision, contest, corroboration, people across spellings."""

from __future__ import annotations

from ctevents.projections.merge import Claim, date_refines, merge_field, merge_people, text_refines
from ctevents.projections.names import dialogue_key, normalise, person_key


def claim(value, source, position=1):
    return Claim(value, source, ("span-id",), position)


def test_a_full_date_beats_a_partial_one_without_contest():
    field = merge_field(
        [claim("XXXX-07-24", "a"), claim("2023-07-24", "b", 2)], refines=date_refines
    )
    assert field["value"] == "2023-07-24"
    assert not field["contested"]
    assert field["corroboration"] == 2
    assert [v["status"] for v in field["values"]] == ["chosen", "less precise"]


def test_a_null_is_no_claim_and_no_contest():
    field = merge_field([claim(None, "a"), claim("2023-07-24", "b")], refines=date_refines)
    assert field["value"] == "2023-07-24"
    assert field["corroboration"] == 1
    assert len(field["values"]) == 1


def test_different_dates_are_contested_and_both_kept():
    field = merge_field([claim("2023-07-24", "a"), claim("2023-07-25", "b")], refines=date_refines)
    assert field["contested"] and field["value"] is None
    assert {v["value"] for v in field["values"]} == {"2023-07-24", "2023-07-25"}
    assert all(v["status"] == "contested" for v in field["values"])


def test_edtf_precision_order():
    assert date_refines("2023-07-24", "2023")
    assert date_refines("2023-07-24", "XXXX-07-24")
    assert date_refines("2022-12-12/2022-12-13", "XXXX-12-12/XXXX-12-13")
    assert not date_refines("2023-07-24", "2023-07-25")
    assert not date_refines("2023", "2023-07-24")
    assert text_refines("Foreign Secretary of Maldives", "Foreign Secretary")


def test_spelling_variants_are_one_value_with_their_spellings():
    field = merge_field(
        [
            claim("Counter Terrorism", "a"),
            claim("Counter-Terrorism", "b"),
            claim("Counter Terrorism", "c"),
        ]
    )
    assert field["value"] == "Counter Terrorism"
    assert field["corroboration"] == 3
    assert [s["value"] for s in field["values"][0]["spellings"]] == [
        "Counter Terrorism",
        "Counter-Terrorism",
    ]


def test_corroboration_counts_sources_not_passages():
    twice = Claim("Male", "a", ("span-a", "span-b"), 1)
    field = merge_field([twice, claim("Male", "a", 2)])
    assert field["corroboration"] == 1


def test_alike_names_from_different_sources_are_one_contested_leader():
    people = merge_people(
        [claim({"name": "Ahmed Lathee"}, "a"), claim({"name": "Ahmed Latheef"}, "b")]
    )
    assert len(people) == 1
    assert people[0]["name"]["contested"]
    assert {v["value"] for v in people[0]["name"]["values"]} == {"Ahmed Lathee", "Ahmed Latheef"}


def test_two_names_in_one_source_are_two_people():
    people = merge_people(
        [claim({"name": "Ahmed Lathee"}, "a"), claim({"name": "Ahmed Latheef"}, "a")]
    )
    assert len(people) == 2
    assert not any(p["name"]["contested"] for p in people)


def test_name_normal_forms():
    assert person_key("Shri Mahaveer Singhvi") == person_key("MAHAVEER SINGHVI")
    assert person_key("Dr. Sanjay Verma") == "sanjay-verma"
    assert normalise("Al-Qa'ida") == "al qaida"
    assert dialogue_key("IN-MV/jwg-counter-terrorism/2", ("IN", "MV"), "x") == (
        "IN-MV/jwg-counter-terrorism"
    )
