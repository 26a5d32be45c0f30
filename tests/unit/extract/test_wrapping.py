"""Hard-wrapped copy: breaks inside sentences join back, headers and short lines stay apart.

Statements written for these tests, wrapped at about sixty-five characters as wire files
and archived releases are.
"""

from __future__ import annotations

from datetime import date

from ctevents.extract.wrapping import unwrap
from tests.unit.extract.helpers import facts_of, leaders

WRAPPED = (
    "Canada-Chile Group Meets on Terrorist Financing\n"
    "14 March 2011\n"
    "(Officials agree to share more financial intelligence) (600)\n"
    "The Canada-Chile Working Group on Counterterrorism held its fifth\n"
    "session on March 12, 2011, in Ottawa. The delegations were led by\n"
    "Canadian Assistant Deputy Minister Claire Fontaine and Chilean\n"
    "Undersecretary Diego Morales, who condemned terrorism in all its\n"
    "forms and manifestations and agreed to meet again in Santiago.\n"
    "Office of the Spokesman\n"
    "Ottawa, Ontario\n"
)


def test_breaks_inside_sentences_become_spaces_of_the_same_length() -> None:
    joined = unwrap(WRAPPED)
    assert len(joined) == len(WRAPPED)
    assert "held its fifth session on March 12" in joined
    assert "Claire Fontaine and Chilean Undersecretary Diego Morales" in joined


def test_headers_dates_and_short_lines_stay_lines() -> None:
    joined = unwrap(WRAPPED)
    assert "Terrorist Financing\n14 March 2011\n" in joined  # a headline never runs into a date
    assert "(600)\nThe Canada-Chile" in joined  # a bracketed line ends its line
    assert "Santiago.\nOffice of the Spokesman\nOttawa, Ontario\n" in joined


def test_prose_with_long_lines_is_left_as_given() -> None:
    prose = (
        "The Canada-Chile Working Group on Counterterrorism held its fifth session in Ottawa on "
        "12 March 2011, and the delegations were led by officials of both foreign ministries.\n"
        "both sides agreed to meet again\nin Santiago\nnext year\n"
    )
    assert unwrap(prose) is prose


def test_one_stray_break_does_not_make_a_text_wrapped() -> None:
    text = "The sides met in Ottawa and\ndiscussed terrorist financing.\nThey agreed to meet.\n"
    assert unwrap(text) is text


def test_facts_read_across_the_breaks_and_quote_the_text_as_given() -> None:
    assert leaders(WRAPPED) == {("CA", "Claire Fontaine"), ("CL", "Diego Morales")}
    condemned = facts_of(WRAPPED, "CondemnationIssued")
    assert condemned and condemned[0]["condemned"] == [
        "terrorism in all its forms and manifestations"
    ]
    meetings = facts_of(WRAPPED, "MeetingHeld")
    assert meetings and meetings[0]["location"] == "Ottawa"
    # facts_of checks every quote against the text as given, line breaks included
    assert any("\n" in item["quote"] for item in meetings[0]["evidence"])


# A cable wrapped at about sixty characters, under header lines wider than its body: a short
# line that ends in "of" or "the" still breaks a sentence.
CABLE = (
    "Classified By: Counselor for Political and Economic Affairs, for reasons\n"
    "1. Summary: On March 3, the Jordanian Ministry of\n"
    "Foreign Affairs hosted the second meeting of the\n"
    "U.S.-Jordan Counterterrorism Joint Working Group. The\n"
    "delegations reviewed border security and terrorist\n"
    "financing, and agreed to meet again next year.\n"
)


def test_a_line_ending_in_a_word_that_ends_no_sentence_runs_on() -> None:
    joined = unwrap(CABLE)
    assert "Ministry of Foreign Affairs hosted the second meeting of the U.S.-Jordan" in joined
    assert "Working Group. The delegations" in joined
    assert "for reasons\n1. Summary" in joined  # "reasons" may end a line of its own


def test_a_date_on_the_line_before_the_break_reaches_the_meeting() -> None:
    meetings = facts_of(CABLE, "MeetingHeld", published_on=date(2009, 5, 20))
    assert [m["date"] for m in meetings] == ["2009-03-03"]


def test_an_address_line_and_a_leading_date_set_no_width() -> None:
    # a source's address runs past the width of the wrapped copy; the leading date line adds
    # its own words to the first line
    text = (
        " date 2024-03-24 (Andes Wire) On March 24, the President of Chile\n"
        "Ana Tapia made a phone call to the President of Peru\n"
        "Luis Vega, the wire reports.\n"
        "President Tapia noted that Chile strongly condemns\n"
        "this horrific act of terrorism, adding that the Chilean\n"
        "people stand with the people of Peru.\n"
        "Source: https://example.org/news/2024/03/24/president-tapia-makes-phone-call-"
        "to-president-vega-of-peru\n"
    )
    (found,) = facts_of(text, "CondemnationIssued")
    assert (found["parties"], found["condemned"]) == (["CL"], ["this horrific act of terrorism"])
