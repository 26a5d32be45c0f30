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


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Chile and Peru held the third round of their counter-terrorism consultations at the "
            "Foreign Ministry on 3 May 2011.",
            id="a-ministry-is-a-venue",
        ),
        pytest.param(
            "Ana Soto, Deputy Attorney General hosted the third Chile-Peru Counter-Terrorism "
            "Dialogue on 3 May 2011.",
            id="a-post-before-hosted-is-no-host-city",
        ),
        pytest.param(
            "The inaugural Police Chiefs Dialogue on counter-terrorism in January 2021, "
            "implementing the decision taken at the Home Minister Level Talks held in August "
            "2019, was noted by India and Bangladesh.",
            id="a-meetings-name-after-at-is-no-place",
        ),
    ],
)
def test_a_venue_or_a_post_is_not_the_meetings_place(text: str) -> None:
    assert facts_of(text, "MeetingHeld")[0]["location"] is None


def test_a_quarter_of_a_year_is_not_a_place() -> None:
    text = (
        "The 7th meeting of the Kenya-Uganda Joint Working Group on Counter-Terrorism was held "
        "in Kampala on 3 May 2022. The next meeting was decided to be held in Q4 2022 in Kenya."
    )
    (upcoming,) = facts_of(text, "NextMeetingScheduled")
    assert upcoming["location"] == "Kenya"


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


def test_a_news_sites_desk_in_place_of_an_agency_after_the_dateline() -> None:
    text = (
        "KABUL (Web Desk) – India and Afghanistan held the third round of their "
        "Counter-Terrorism Dialogue here on Monday."
    )
    assert facts_of(text, "MeetingHeld")[0]["location"] == "Kabul"


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


@pytest.mark.parametrize(
    ("text", "published_on", "expected"),
    [
        pytest.param(
            "The Sixth Japan-Peru Consultations on Counter-Terrorism were held in Lima on "
            "14 (Mon) and 15 (Tue) April 2025.",
            None,
            "2025-04-14/2025-04-15",
            id="a-day-range-with-bracketed-weekdays",
        ),
        pytest.param(
            "The Japan-Chile Counter-Terrorism Dialogue took place in Tokyo on March 9 (Thu), "
            "2023.",
            None,
            "2023-03-09",
            id="a-day-with-a-bracketed-weekday",
        ),
        pytest.param(
            "HANOI, May 16 (VNA) Vietnam and Australia held their counter-terrorism dialogue "
            "in Hanoi on Tuesday.",
            date(2024, 5, 20),
            "2024-05-14",
            id="a-weekday-under-a-wire-dateline-without-a-year",
        ),
    ],
)
def test_date(text: str, published_on: date | None, expected: str) -> None:
    assert facts_of(text, "MeetingHeld", published_on)[0]["date"] == expected


def test_today_opening_a_sentence() -> None:
    text = (
        "Lima, 12 March 2024 – Today, consultations on countering terrorism between the "
        "foreign ministries of Peru and Chile were held in Lima."
    )
    assert facts_of(text, "MeetingHeld")[0]["date"] == "2024-03-12"


def test_a_meeting_held_today_is_in_the_datelines_city() -> None:
    text = (
        "WELLINGTON, 6 June 2024\n\nNew Zealand and Malaysia held the third round of their "
        "Counter-Terrorism Dialogue today, officials said."
    )
    meeting = facts_of(text, "MeetingHeld")[0]
    assert (meeting["date"], meeting["location"]) == ("2024-06-06", "Wellington")


def test_a_venue_today_is_in_the_datelines_city() -> None:
    text = (
        "Lima, 17 April 2024 - The II Peru-Chile High-Level Dialogue on Counterterrorism took "
        "place today at the Palacio de Torre Tagle."
    )
    assert facts_of(text, "MeetingHeld")[0]["location"] == "Lima"


def test_a_place_in_the_sentence_wins_over_the_dateline() -> None:
    text = (
        "WELLINGTON, 6 June 2024\n\nNew Zealand and Malaysia held the third round of their "
        "Counter-Terrorism Dialogue in Kuala Lumpur today, officials said."
    )
    assert facts_of(text, "MeetingHeld")[0]["location"] == "Kuala Lumpur"


def test_the_capital_of_a_state_named_by_its_demonym() -> None:
    text = (
        "The 4th meeting of the Chile-Peru Joint Working Group on Counter-Terrorism was held in "
        "the Peruvian capital on 2 May 2024."
    )
    assert facts_of(text, "MeetingHeld")[0]["location"] == "Lima"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        pytest.param("02.05.2024", "2024-05-02", id="day-first-with-dots"),
        pytest.param("23/06/2023", "2023-06-23", id="day-first-with-slashes"),
        pytest.param("06/23/2023", "2023-06-23", id="month-first-where-the-day-cannot-be-a-month"),
    ],
)
def test_numeric_dates(written: str, expected: str) -> None:
    text = f"The Chile-Peru Counter-Terrorism Dialogue was held in Lima on {written}."
    assert facts_of(text, "MeetingHeld")[0]["date"] == expected


def test_next_year_is_the_year_after_the_meeting_held() -> None:
    text = (
        "The 4th Chile-Peru Counter-Terrorism Dialogue was held in Lima on 2 May 2024. The "
        "fifth Dialogue will be held in Santiago next year."
    )
    upcoming = facts_of(text, "NextMeetingScheduled")
    assert upcoming and (upcoming[0]["date"], upcoming[0]["location"]) == ("2025", "Santiago")


@pytest.mark.parametrize(
    ("published_on", "expected"),
    [
        pytest.param(date(2024, 2, 20), "2024-02-19", id="a-report-looks-back"),
        pytest.param(date(2024, 12, 30), "2025-01-05", id="an-announcement-looks-ahead"),
    ],
)
def test_a_day_without_a_year_takes_the_nearest_year(published_on: date, expected: str) -> None:
    day = "19 February" if expected.endswith("02-19") else "5 January"
    text = f"The 7th Japan-Peru Counter-Terrorism Consultations were held in Lima on {day}."
    assert facts_of(text, "MeetingHeld", published_on)[0]["date"] == expected


def test_a_dateline_with_the_date_first_then_the_city_and_its_province() -> None:
    text = (
        "March 4, 2015 - Halifax, Nova Scotia - Canada and Chile held the second round of "
        "their Counter-Terrorism Dialogue today."
    )
    meeting = facts_of(text, "MeetingHeld")[0]
    assert (meeting["date"], meeting["location"]) == ("2015-03-04", "Halifax")


def test_a_sentence_opening_with_a_date_and_a_dash_is_not_a_dateline() -> None:
    text = (
        "Canada and Chile reviewed their work. March 4, 2015 - the day the second round of "
        "their Counter-Terrorism Dialogue was held in Santiago - was a milestone."
    )
    meeting = facts_of(text, "MeetingHeld")[0]
    assert meeting["location"] == "Santiago"


@pytest.mark.parametrize(
    ("text", "location"),
    [
        pytest.param(
            "The second meeting of the Chile-US Counterterrorism Dialogue was held on 3 May "
            "2019 in Washington D.C.  Ambassador Jane Roe hosted the meeting at the State "
            "Department.",
            "Washington D.C.",
            id="initials-before-the-two-spaces-between-sentences",
        ),
        pytest.param(
            "The second meeting of the Chile-US Counterterrorism Dialogue was held on 3 May "
            "2019 in Washington, D.C. Ambassador Jane Roe hosted the meeting.",
            "Washington, D.C.",
            id="initials-after-a-comma",
        ),
    ],
)
def test_a_place_ending_in_initials_ends_its_sentence(text: str, location: str) -> None:
    assert [m["location"] for m in facts_of(text, "MeetingHeld")] == [location]


@pytest.mark.parametrize(
    ("text", "when"),
    [
        pytest.param(
            "The third meeting of the Chile-Peru Counter-Terrorism Dialogue was held on 3-4, "
            "May 2021 in Lima.",
            "2021-05-03/2021-05-04",
            id="a-range-of-days-before-a-comma-and-the-month",
        ),
        pytest.param(
            "The third meeting of the Chile-Peru Counter-Terrorism Dialogue was held on 3, "
            "May 2021 in Lima.",
            "2021-05",
            id="one-day-before-a-comma-is-not-read-as-the-day",
        ),
    ],
)
def test_a_range_of_days_written_with_a_comma(text: str, when: str) -> None:
    assert [m["date"] for m in facts_of(text, "MeetingHeld")] == [when]


@pytest.mark.parametrize(
    ("text", "mechanism", "location", "when"),
    [
        pytest.param(
            "Chile and Peru held counterterrorism consultations on 4 May 2023. The consultations "
            "on counterterrorism were conducted in Arica, officials said.",
            "counterterrorism consultations",
            "Arica",
            "2023-05-04",
            id="consultations-conducted-in-a-city",
        ),
        pytest.param(
            "Following an agreement reached during the Chile-Peru Strategic Mechanism in Lima in "
            "March, counterterrorism consultations were conducted in Arica on 4 May 2023.",
            "counterterrorism consultations",
            "Arica",
            "2023-05-04",
            id="the-meeting-where-it-was-agreed-is-an-earlier-one",
        ),
        pytest.param(
            "Chile and Peru reinforced their cooperation through the third meeting of the Joint "
            "Working Group on Countering Terrorism. The minister praised the understanding reached "
            "during the meeting in Arica on June 3.",
            "Joint Working Group on Countering Terrorism",
            "Arica",
            "XXXX-06-03",
            id="during-the-meeting-in-a-city-on-a-day",
        ),
    ],
)
def test_the_place_and_day_said_in_another_sentence(
    text: str, mechanism: str, location: str, when: str
) -> None:
    (meeting,) = facts_of(text, "MeetingHeld")
    assert (meeting["mechanism"], meeting["location"], meeting["date"]) == (
        mechanism,
        location,
        when,
    )


def test_a_news_stamp_with_the_time_first_and_the_weekday_after_dates_the_statement() -> None:
    text = (
        "Chile, Peru hold counterterrorism consultations\n\n"
        "09:15 - 09/05/2023 Tuesday\n\n"
        "Chile and Peru on Monday held bilateral counterterrorism consultations in Arica, "
        "officials said.\n"
    )
    (meeting,) = facts_of(text, "MeetingHeld")
    assert meeting["date"] == "2023-05-08"


def test_an_agencys_credit_line_is_no_dateline() -> None:
    text = (
        "Chile and Peru hold counter-terrorism talks\n\nAPS : Sunday, 09 October 2016\n"
        "SANTIAGO- Chile and Peru held the third round of their Counter-Terrorism Dialogue "
        "here today."
    )
    meeting = facts_of(text, "MeetingHeld")[0]
    assert (meeting["date"], meeting["location"]) == ("2016-10-09", "Santiago")
