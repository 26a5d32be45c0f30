"""Where and when: examples of the place and date shapes, written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.helpers import facts_of


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param(
            "The 7th meeting of the India-Turkey Joint Working Group on Counter-Terrorism was "
            "held on 3 May 2024 in Ankara.",
            "Ankara",
            id="held-on-a-date-in-a-place",
        ),
        pytest.param(
            "Secretary (West) Asha Rao visited Moscow for the 14th meeting of the India-Russia "
            "Joint Working Group on Counter-Terrorism on 2 May 2024.",
            "Moscow",
            id="visited-a-city-for-the-meeting",
        ),
        pytest.param(
            "India and Saudi Arabia held their Counter-Terrorism Dialogue in Riyadh on 6 May 2024.",
            "Riyadh",
            id="in-a-city-on-a-date",
        ),
        pytest.param(
            "The first meeting of the China-Nepal Counter-Terrorism Consultation was held at "
            "the Chinese capital Beijing on 3 June 2024.",
            "Beijing",
            id="at-a-countrys-capital",
        ),
    ],
)
def test_place(text: str, place: str) -> None:
    assert facts_of(text, "MeetingHeld")[0]["location"] == place


def test_the_evidence_holds_the_place_and_the_dates_words() -> None:
    text = (
        "The 7th meeting of the India-Turkey Joint Working Group on Counter-Terrorism was held "
        "on 3 May 2024 in Ankara."
    )
    meeting = facts_of(text, "MeetingHeld")[0]
    quotes = [e["quote"] for e in meeting["evidence"]]
    assert "Ankara" in quotes and "3 May 2024" in quotes


def test_a_bodys_seat_is_not_the_meetings_place() -> None:
    text = (
        "The EU and Nepal held an informal counterterrorism dialogue on 4 May 2024, the EU "
        "office in Nepal said in a statement."
    )
    assert facts_of(text, "MeetingHeld")[0]["location"] is None


def test_today_is_the_datelines_date() -> None:
    text = (
        "NEW DELHI, March 3 (PTI) — India and Peru held the second round of their "
        "Counter-Terrorism Dialogue today."
    )
    meeting = facts_of(text, "MeetingHeld", date(2024, 3, 3))[0]
    assert meeting["date"] == "2024-03-03"


def test_a_two_word_country_inside_a_mechanisms_name_stays_whole() -> None:
    text = (
        "The first meeting of the India-Saudi Arabia Joint Working Group on Counter-Terrorism "
        "was held in Riyadh on 9 May 2024."
    )
    meeting = facts_of(text, "MeetingHeld")[0]
    assert meeting["parties"] == ["IN", "SA"]
    assert not meeting["mechanism"].startswith("Arabia")


def test_the_host_of_the_next_meeting_is_its_place() -> None:
    text = (
        "The 5th meeting of the India-Egypt Joint Working Group on Counter-Terrorism was held in "
        "Cairo on 2 May 2024. Egypt will host the next meeting of the Joint Working Group."
    )
    upcoming = facts_of(text, "NextMeetingScheduled")
    assert upcoming and upcoming[0]["location"] == "Egypt"
