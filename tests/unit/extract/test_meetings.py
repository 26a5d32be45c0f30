"""What is a meeting held: examples of each shape, written for these tests.

Each row is a statement and what the MeetingHeld facts must say (or that there is none).
"""

from __future__ import annotations

from datetime import date

import pytest

from ctevents.extract import mechanisms
from tests.unit.extract.helpers import TRANSCRIPT, facts_of


def held(text: str, published_on: date | None = None) -> list[dict]:
    return facts_of(text, "MeetingHeld", published_on)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param(
            "The 11th meeting of the BIMSTEC Joint Working Group on Counter Terrorism and "
            "Transnational Crime was held in Dhaka on 4 March 2024.",
            ["BD", "BT", "IN", "LK", "MM", "NP", "TH"],
            id="a-grouping-takes-its-members-from-the-table",
        ),
        pytest.param(
            "The second India-Japan-Australia Counter-Terrorism Consultation was held in Tokyo "
            "on 2 February 2024.",
            ["AU", "IN", "JP"],
            id="three-states-joined-in-the-name",
        ),
        pytest.param(
            "Officials of Russia, Iran and India held a trilateral consultation on "
            "counter-terrorism in Tehran on 8 August 2023.",
            ["IN", "IR", "RU"],
            id="a-trilateral-meeting-takes-the-states-its-sentence-lists",
        ),
        pytest.param(
            "The 4th ASEAN-India Dialogue on Counter-Terrorism was held in Vientiane on "
            "3 May 2022.",
            ["BN", "ID", "IN", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN"],
            id="a-grouping-joined-to-a-partner-takes-the-members-and-the-partner",
        ),
        pytest.param(
            "The eighth meeting of the BRICS Counter-Terrorism Working Group was held in "
            "Pretoria on 12 June 2023.",
            ["BR", "CN", "IN", "RU", "ZA"],
            id="brics-takes-its-five-members",
        ),
        pytest.param(
            "Delegations of Canada and the member states of the Gulf Cooperation Council met "
            "for the second Working Group on Counterterrorism in Muscat on 4 March 2024.",
            ["AE", "BH", "CA", "KW", "OM", "QA", "SA"],
            id="a-partner-and-the-member-states-of-a-grouping",
        ),
        pytest.param(
            "The 5th India-Japan Counter-Terrorism Dialogue was held in Tokyo on 3 May 2023. "
            "The sides also discussed cooperation with ASEAN and BRICS partners.",
            ["IN", "JP"],
            id="a-grouping-named-elsewhere-does-not-join-a-bilateral-meeting",
        ),
        pytest.param(
            "Sixth meeting of the Working Sub-Group on Combating Terrorism\n\n"
            "The sixth meeting of the Working Sub-Group on Combating Terrorism was held in "
            "Chisinau at the GUAM Secretariat on 4 June 2015 under the chairmanship of Georgia. "
            "Moldova and Georgia presented their national reports.",
            ["AZ", "GE", "MD", "UA"],
            id="a-meeting-at-a-groupings-secretariat-takes-its-members",
        ),
        pytest.param(
            "The Second Joint Working Group Meeting for Quadrilateral Cooperation Mechanism in "
            "Counter Terrorism by Iran-Iraq-Syria-Russia Armed Forces was held in Baghdad on 4 "
            "May 2024.",
            ["IQ", "IR", "RU", "SY"],
            id="a-quadrilateral-mechanism-named-after-its-working-group-takes-the-four",
        ),
    ],
)
def test_multilateral_parties(text: str, parties: list[str]) -> None:
    meetings = held(text)
    assert meetings and meetings[0]["parties"] == parties


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "India and Kenya held the third meeting of their Joint Working Group on Defence "
            "Cooperation in Nairobi on 9 May 2024. Terrorism in the region was also discussed.",
            id="a-working-group-on-something-else",
        ),
        pytest.param(
            "Joint statement of the Prime Ministers of Chile and Peru, 4 May 2024. When we met "
            "in March 2019, we launched the Chile-Peru Counter-Terrorism Dialogue. Today we "
            "received a report on its work.",
            id="a-launch-recalled-when-we-met-years-before",
        ),
        pytest.param(
            "Senegal and France held the fourth round of their Political Consultations in Dakar "
            "on 2 June 2024, where counter-terrorism was one of the subjects.",
            id="political-consultations",
        ),
        pytest.param(
            "Minister Tan also met the Chair of the Senate Foreign Relations Committee and the "
            "Ranking Member of the House Homeland Security Committee in Washington on 4 May "
            "2022. Both sides discussed counter-terrorism cooperation.",
            id="committees-of-a-legislature",
        ),
        pytest.param(
            "Separately, the Japan-Kenya Dialogue on Non-proliferation and Disarmament was held "
            "in Tokyo on 3 May 2024. Both sides condemned terrorism.",
            id="a-dialogue-on-non-proliferation",
        ),
        pytest.param(
            "India welcomed the listing of the group by the UN Security Council 1267 Sanctions "
            "Committee on 3 May 2024 and called for action against terrorism.",
            id="a-un-body-named-in-passing",
        ),
        pytest.param(
            "The India-Kenya Counter-Terrorism Dialogue will be held in Nairobi on 14 November "
            "2024, the two governments announced.",
            id="announced-for-later",
        ),
        pytest.param(
            "Following up on the inaugural India-Chile Counter-Terrorism Dialogue in June "
            "2023, officials exchanged notes on terrorist designations.",
            id="a-background-reference",
        ),
        pytest.param(
            "The first Chile-Peru Strategic Dialogue was held in Lima on 3 May 2005. The "
            "ministers reviewed the whole relationship: trade, energy, education and the fight "
            "against terrorism.",
            id="a-strategic-dialogue-on-the-whole-relation",
        ),
        pytest.param(
            "The 10th Chile-Peru Strategic Security Consultation was held in Lima on 6 June "
            "2014. The sides discussed the economy, energy cooperation and anti-terrorism.",
            id="a-strategic-security-consultation-on-many-subjects",
        ),
        pytest.param(
            "The sixth meeting of the Norway-Oman Joint Working Group took place in Oslo on 4 "
            "May 2024, chaired by the two deputy ministers, who reviewed trade, fisheries and "
            "education.",
            id="a-working-group-with-no-subject-in-a-statement-silent-on-terrorism",
        ),
        pytest.param(
            "Fiji will host the regional security committee in Suva on 14 June 2024. This will "
            "be preceded on 13 June by an inaugural Working Group on Counter-Terrorism.",
            id="a-meeting-that-will-precede-another-is-to-come",
        ),
        pytest.param(
            "Kenya's foreign minister met her Indian counterpart in New Delhi, where she heads "
            "Kenya's delegation in the 5th round of the Kenyan-Indian Joint Committee. The "
            "meeting also addressed cooperation against terrorism.",
            id="a-joint-committee-on-the-whole-relation",
        ),
        pytest.param(
            "The 9th meeting of the Chile-Peru Standing Committee opened in Lima on 4 May 2024 "
            "to discuss trade and fisheries.",
            id="a-standing-committee-in-a-statement-silent-on-terrorism",
        ),
        pytest.param(
            "Ghana and Togo signed a memorandum on terrorism. The signing was held in Tashkent, "
            "which is hosting the international conference of the Regional Anti-Terrorist "
            "Structure.",
            id="a-conference-a-body-holds-is-no-meeting-of-the-body",
        ),
        pytest.param(
            "The acting foreign minister also took part in the 5th Ghana-Togo-Benin Trilateral "
            "Foreign Ministers’ Dialogue yesterday, on trade and transit.",
            id="a-ministers-dialogue-with-no-subject-in-a-statement-silent-on-terrorism",
        ),
        pytest.param(
            "Minister of Public Security Li Wei met with Kyrgyzstan State National Security "
            "Committee chair Almaz Bekov in Beijing on 3 May 2016 to discuss terrorism.",
            id="a-states-own-national-committee-in-a-title",
        ),
    ],
)
def test_not_a_meeting_held(text: str) -> None:
    assert held(text) == []


def test_two_mechanisms_in_one_sentence_are_two_meetings_each_with_its_ordinal() -> None:
    text = (
        "The 9th meeting of the India-Brazil Joint Working Group on Counter-Terrorism and the "
        "second India-Brazil Designations Dialogue were held in Brasilia on 5-6 May 2024."
    )
    ordinals = sorted((m["mechanism"], m["ordinal"]) for m in held(text))
    assert [o for _, o in ordinals] == [2, 9] or [o for _, o in ordinals] == [9, 2]
    assert {o for _, o in ordinals} == {2, 9}


def test_the_ordinal_of_the_meeting_held_belongs_to_it() -> None:
    text = (
        "The 15th meeting of the Pakistan-U.S. Joint Working Group on Counter-Terrorism was held "
        "in Islamabad on 2 March 2024."
    )
    assert held(text)[0]["ordinal"] == 15


def test_a_working_group_of_a_dialogue_is_one_meeting_named_with_its_parent() -> None:
    text = (
        "On 4 June 2024, Ghana and Canada convened a working group of the Ghana-Canada "
        "Strategic Dialogue in Ottawa to deepen their counter-terrorism cooperation. The "
        "Working Group concluded with plans for training."
    )
    meetings = held(text)
    assert len(meetings) == 1
    assert "working group of the" in meetings[0]["mechanism"]
    assert "Strategic Dialogue" in meetings[0]["mechanism"]


def test_a_header_date_line_dates_today() -> None:
    text = (
        "Kenya, Norway hold counter-terrorism talks\n\n"
        "Thursday May 09, 2024\n\n"
        "NAIROBI: The first meeting of the Kenya-Norway Joint Working Group on "
        "Counter-Terrorism was held today in Nairobi, the foreign ministry said."
    )
    assert held(text)[0]["date"] == "2024-05-09"


@pytest.mark.parametrize(
    ("text", "parties", "mechanism_has"),
    [
        pytest.param(
            "A bilateral meeting on counter-terrorism cooperation between Ghana and Togo was "
            "held in Accra on 6 March 2024.",
            ["GH", "TG"],
            "meeting on counter-terrorism",
            id="a-lower-case-meeting-on-counter-terrorism",
        ),
        pytest.param(
            "The second consultation meeting on counter-terrorism between the foreign "
            "ministries of Oman and Qatar took place in Muscat on 2 May 2024.",
            ["OM", "QA"],
            "consultation meeting on counter-terrorism",
            id="a-consultation-meeting",
        ),
        pytest.param(
            "Counter-terrorism talks between Chile and Peru were held in Lima on 8 April 2024.",
            ["CL", "PE"],
            "talks",
            id="capitalised-opening-a-sentence",
        ),
        pytest.param(
            "During the Serbia–Hungary Interdepartmental Consultations on Counter-Terrorism in "
            "Belgrade on 4 June 2024, the sides discussed foreign fighters.",
            ["HU", "RS"],
            "Interdepartmental Consultations",
            id="during-the-consultations-the-sides-did",
        ),
        pytest.param(
            "On 9 April 2024, Director-General Bai Lin and Additional Secretary (Afghanistan and "
            "Iran) Saad Khan held China-Pakistan consultations on counter-terrorism in Beijing.",
            ["CN", "PK"],
            "China-Pakistan consultations",
            id="a-posts-bracketed-beat-names-no-party",
        ),
        pytest.param(
            "Delegations of the two grouping members met in Thimphu on 9 May 2024 for the "
            "BIMSTEC joint working group on counter-terrorism.",
            ["BD", "BT", "IN", "LK", "MM", "NP", "TH"],
            "BIMSTEC joint working group",
            id="a-lower-case-mechanism-keeps-its-owner",
        ),
        pytest.param(
            "The counter-terrorism experts of Ghana and the Netherlands met in Accra on 5 March "
            "2024 to review their cooperation.",
            ["GH", "NL"],
            "counter-terrorism experts",
            id="named-by-who-met-and-their-subject",
        ),
        pytest.param(
            "The fourth session of the Indian-Egyptian expert group on fighting terrorism took "
            "place in Cairo on 2 May 2024.",
            ["EG", "IN"],
            "expert group on fighting terrorism",
            id="to-fight-terrorism-is-to-combat-it",
        ),
        pytest.param(
            "At the end of the third annual bilateral dialogue between Ghana and the United "
            "Kingdom on security and the fight against terrorism, held on 4 May 2024 in Accra, "
            "the two sides issued a statement.",
            ["GB", "GH"],
            "bilateral dialogue between Ghana and the United Kingdom on security",
            id="a-lower-case-dialogue-between-two-states-on-its-subject",
        ),
    ],
)
def test_lower_case_and_unnamed_mechanisms(
    text: str, parties: list[str], mechanism_has: str
) -> None:
    meetings = held(text)
    assert meetings, text
    assert mechanism_has in meetings[0]["mechanism"]
    assert meetings[0]["parties"] == parties


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "During the visit on 4 June 2024, the two ministers also reviewed the work of the "
            "Laos-Cambodia Joint Working Group on Counter-Terrorism.",
            id="during-a-visit-a-mechanism-reviewed",
        ),
        pytest.param(
            "Laos and Cambodia held a bilateral consultation meeting on consular matters in "
            "Vientiane on 3 March 2024. They also condemned terrorism.",
            id="a-consultation-on-another-subject",
        ),
        pytest.param(
            "The sixth session of the Ghana-Togo Joint Commission was held in Lome on 5 May "
            "2024. The two sides also condemned terrorism in the Sahel.",
            id="a-joint-commission-on-every-subject",
        ),
        pytest.param(
            "The Nepal-Bhutan Foreign Office Consultations were held in Thimphu on 5 May 2024. "
            "Both sides condemned terrorism in all its forms.",
            id="foreign-office-consultations",
        ),
        pytest.param(
            "Chile and Peru held their 2+2 Ministerial Dialogue in Lima on 20 November 2023, "
            "where the ministers also condemned terrorism.",
            id="a-two-plus-two-ministerial-dialogue",
        ),
        pytest.param(
            "Since the first round of regular consultations on counter-terrorism in 2019, Laos "
            "and Cambodia have deepened their cooperation, the ministry said on 3 May 2024.",
            id="a-round-referred-to-in-the-background",
        ),
    ],
)
def test_not_a_meeting_held_in_lower_case(text: str) -> None:
    assert held(text) == []


def test_a_meeting_to_come_of_no_mechanism_after_none_held_is_not_scheduled() -> None:
    text = (
        "The inaugural meeting of the national security advisers of Peru and the Andean "
        "states will take place in Lima in December, officials said. Peru spoke about "
        "terrorism and drug trafficking at a regional forum on Friday."
    )
    assert facts_of(text, "NextMeetingScheduled") == []


def test_a_second_mechanism_held_alongside_takes_the_leads_date() -> None:
    text = (
        "The 3rd meeting of the Peru-Chile Joint Working Group on Counter-Terrorism was held in "
        "Lima on 16-17 January 2024. The two sides also held the 2nd Peru-Chile Designations "
        "Dialogue on the sidelines."
    )
    dates = {m["ordinal"]: m["date"] for m in held(text)}
    assert dates == {3: "2024-01-16/2024-01-17", 2: "2024-01-16/2024-01-17"}


@pytest.mark.parametrize(
    ("text", "location"),
    [
        pytest.param(
            "The Joint Working Group on Counter-Terrorism of Egypt and Jordan convened at the "
            "Arab League’s headquarters in Cairo on 3 May 2023.",
            "Cairo",
            id="the-city-of-a-seat-the-meeting-sat-at",
        ),
    ],
)
def test_place_of_a_seat(text: str, location: str) -> None:
    meetings = held(text)
    assert meetings and meetings[0]["location"] == location


def test_a_relative_clause_does_not_hide_the_future_verb() -> None:
    text = (
        "The 3rd Mexico-Spain Dialogue on Counter-Terrorism, which opens with an expert "
        "workshop, will be held from Monday, 3 June to Wednesday, 5 June 2024 in Madrid."
    )
    assert held(text) == []
    scheduled = facts_of(text, "NextMeetingScheduled")
    assert scheduled and scheduled[0]["date"] == "2024-06-03/2024-06-05"


def test_a_lower_case_dialogue_after_a_capitalised_subject() -> None:
    text = (
        "The fifth round of the Norway - Kenya Political Counter-Terrorism dialogue took place "
        "in Oslo on 3 May 2024."
    )
    meetings = held(text)
    assert meetings and meetings[0]["ordinal"] == 5
    assert meetings[0]["parties"] == ["KE", "NO"]
    assert "Counter-Terrorism dialogue" in meetings[0]["mechanism"]


def test_a_political_dialogue_alone_is_not_a_counter_terrorism_meeting() -> None:
    text = "The fifth round of the Norway - Kenya Political dialogue took place in Oslo in May."
    assert held(text) == []


def test_a_security_committee_of_two_governments_is_still_a_meeting() -> None:
    text = (
        "The Joint Committee on Homeland Security of Kenya and Ethiopia met for the third time "
        "in Nairobi on 4 May 2023."
    )
    assert [m["parties"] for m in held(text)] == [["ET", "KE"]]


def test_of_two_rounds_said_held_the_latest_is_reported() -> None:
    text = (
        "Chile and Peru set up a Joint Working Group on Counter-Terrorism. The first meeting "
        "of the Joint Working Group was held on 3-4 March 2021 in Lima. The second meeting of "
        "the Joint Working Group was held on 9-10 November 2021 in Santiago."
    )
    meetings = held(text)
    assert [(m["ordinal"], m["location"]) for m in meetings] == [(2, "Santiago")]


def test_a_later_round_to_come_does_not_replace_the_round_held() -> None:
    text = (
        "The first meeting of the Chile-Peru Joint Working Group on Counter-Terrorism was held "
        "on 3 March 2021 in Lima. The second meeting will be held in Santiago next year."
    )
    assert [m["ordinal"] for m in held(text)] == [1]


def test_an_ordinal_after_the_name_and_its_abbreviation() -> None:
    text = (
        "The Chile-Peru Working Group on Counterterrorism (CTWG) met for its ninth session, "
        "since 2010, on 14 September 2022 in Lima."
    )
    assert [m["ordinal"] for m in held(text)] == [9]


def test_a_short_form_takes_the_full_name_the_statement_gives() -> None:
    text = (
        "Chile and Peru cooperate through a Joint Working Group on Counter-Terrorism. The "
        "third meeting of the Joint Working Group was held on 9 November 2021 in Santiago."
    )
    assert [m["mechanism"] for m in held(text)] == ["Joint Working Group on Counter-Terrorism"]


def test_a_short_form_keeps_its_name_when_no_full_name_is_given() -> None:
    text = (
        "Chile and Peru discussed counter-terrorism. The third meeting of the Joint Working "
        "Group was held on 9 November 2021 in Santiago."
    )
    assert [m["mechanism"] for m in held(text)] == ["Joint Working Group"]


def test_a_lower_case_dialogue_with_its_qualifiers_and_a_quoted_subject() -> None:
    text = (
        "Chile and Peru held their third high-level political dialogue on ‘security and "
        "counter-terrorism’ in Lima on 9 November 2021."
    )
    meetings = held(text)
    assert [(m["mechanism"], m["ordinal"]) for m in meetings] == [
        ("high-level political dialogue on security and counter-terrorism", 3)
    ]


def test_a_lower_case_dialogue_on_security_alone_is_not_a_meeting() -> None:
    text = (
        "Chile and Peru held their third high-level political dialogue on ‘security and "
        "trade’ in Lima on 9 November 2021."
    )
    assert held(text) == []


@pytest.mark.parametrize(
    ("text", "mechanism"),
    [
        pytest.param(
            "Ghana and Norway held the third Ghana-Norway Security and Justice Dialogue in "
            "Accra on 4 May 2023. The delegations discussed countering terrorism and violent "
            "extremism in the Sahel, cybercrime and piracy in the Gulf of Guinea.",
            "Ghana-Norway Security and Justice Dialogue",
            id="security-and-another-subject-with-terrorism-first",
        ),
        pytest.param(
            "Chile and Spain held the first Chile-Spain Peace, Security and Defence Dialogue "
            "in Madrid on 2 June 2022. Terrorism topped the agenda, followed by organised "
            "crime and maritime security.",
            "Chile-Spain Peace, Security and Defence Dialogue",
            id="security-among-three-subjects-with-terrorism-first",
        ),
        pytest.param(
            "Kenya and Italy held the second Kenya-Italy Law and Security Partnership "
            "(LSP) Dialogue in Rome on 8 March 2021. Both sides condemned terrorism and "
            "agreed to share information on drug trafficking.",
            "Kenya-Italy Law and Security Partnership (LSP) Dialogue",
            id="security-second-with-a-partnership-and-its-abbreviation",
        ),
    ],
)
def test_a_security_dialogue_joined_to_other_subjects_led_by_terrorism(
    text: str, mechanism: str
) -> None:
    assert [m["mechanism"] for m in held(text)] == [mechanism]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Ghana and Norway held the third Ghana-Norway Security and Justice Dialogue in "
            "Accra on 4 May 2023. The delegations discussed cybercrime, piracy in the Gulf "
            "of Guinea and, briefly, terrorism.",
            id="another-subject-leads-the-agenda",
        ),
        pytest.param(
            "Chile and Spain held the first Chile-Spain Peace, Security and Defence Dialogue "
            "in Madrid on 2 June 2022. They reviewed defence industry cooperation.",
            id="terrorism-never-named",
        ),
        pytest.param(
            "Chile and Spain held the fourth Chile-Spain Trade and Investment Dialogue in "
            "Madrid on 2 June 2022. Terrorism was also raised.",
            id="no-security-in-the-name",
        ),
        pytest.param(
            "The third Chile-Peru Dialogue on Peace and Security was held in Lima on 4 May "
            "2023. They discussed trade and migration, then terrorism.",
            id="security-joined-to-peace-in-the-subject-after-on",
        ),
    ],
)
def test_a_security_dialogue_joined_to_other_subjects_not_led_by_terrorism(text: str) -> None:
    assert held(text) == []


def test_a_numeric_header_date_under_a_long_headline_dates_the_statement() -> None:
    text = (
        "Ghana and Norway open a new chapter of security cooperation and agree to meet "
        "again on a yearly basis in both capitals\n\n"
        "05.10.2023\n\n"
        "On 4 October, Ghana and Norway held the first Ghana-Norway Counter-Terrorism "
        "Dialogue in Accra."
    )
    assert held(text)[0]["date"] == "2023-10-04"


_HELD_FIRST = "The third Peru-Japan Counter-Terrorism Dialogue was held in Lima on 4 May 2023. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            _HELD_FIRST + "The Japanese delegation accepted an invitation to hold the fourth "
            "round in Tokyo in 2024.",
            [("Tokyo", "2024", 4)],
            id="an-invitation-accepted-names-the-round-and-its-place",
        ),
        pytest.param(
            _HELD_FIRST + "Vice-Minister Sato extended an invitation to host Director Ruiz in "
            "Japan in 2024 to co-chair the next iterations of the Dialogue.",
            [("Japan", "2024", None)],
            id="an-invitation-to-host-the-next-iterations",
        ),
        pytest.param(
            _HELD_FIRST + "Peru invited Japan to convene the next session in Lima in 2025.",
            [("Lima", "2025", None)],
            id="invited-to-convene-the-next-session",
        ),
        pytest.param(
            "At the invitation of the Peruvian side, the third Peru-Japan Counter-Terrorism "
            "Dialogue was held in Lima on 4 May 2023.",
            [],
            id="at-the-invitation-of-is-why-a-meeting-held-took-place",
        ),
    ],
)
def test_a_next_meeting_given_as_an_invitation(
    text: str, expected: list[tuple[str, str, int | None]]
) -> None:
    scheduled = facts_of(text, "NextMeetingScheduled")
    assert [(n["location"], n["date"], n["ordinal"]) for n in scheduled] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The India-Kenya Ad Hoc Group on Counter-Terrorism met in Nairobi on 4 May 2023.",
            [("India-Kenya Ad Hoc Group on Counter-Terrorism", None, "Nairobi")],
            id="an-ad-hoc-group-named-in-capitals",
        ),
        pytest.param(
            "The second meeting of the India-Kenya ad hoc group on counter-terrorism was held "
            "in Nairobi on 4 May 2023.",
            [("India-Kenya ad hoc group on counter-terrorism", 2, "Nairobi")],
            id="an-ad-hoc-group-in-lower-case-with-its-subject",
        ),
        pytest.param(
            "The Chile-Peru Expert Group on Counter-Terrorism met in Lima on 4 May 2023.",
            [("Chile-Peru Expert Group on Counter-Terrorism", None, "Lima")],
            id="an-expert-group-on-counter-terrorism",
        ),
        pytest.param(
            "Chile and Peru held consultations on terrorism issues in Lima on 4 May 2023.",
            [("consultations on terrorism issues", None, "Lima")],
            id="consultations-on-terrorism-issues",
        ),
        pytest.param(
            "The Chile-Peru Expert Group on Fisheries met in Lima on 4 May 2023 and also "
            "discussed terrorism.",
            [],
            id="a-group-on-another-subject-is-not-a-meeting-of-the-genre",
        ),
    ],
)
def test_mechanisms_named_as_groups_and_consultations(
    text: str, expected: list[tuple[str, int | None, str]]
) -> None:
    assert [(m["mechanism"], m["ordinal"], m["location"]) for m in held(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Ambassador Jane Roe led the U.S. delegation to the 12th Coordinating Committee "
            "Meeting of the Global Counterterrorism Forum (GCTF), hosted by Chile in Santiago "
            "on 4 May 2023.",
            id="a-committee-of-the-gctf",
        ),
        pytest.param(
            "The Risk Assessment Working Group of the FATF met in Paris on 4 May 2023 to discuss "
            "terrorist financing.",
            id="a-working-group-of-the-fatf",
        ),
        pytest.param(
            "The Counter-Terrorism Committee of the United Nations met in New York on 4 May 2023.",
            id="a-committee-of-the-united-nations",
        ),
    ],
)
def test_a_body_of_a_global_forum_is_not_a_meeting_held(text: str) -> None:
    assert held(text) == []


def test_a_working_group_of_two_states_is_still_a_meeting() -> None:
    text = (
        "The 5th meeting of the Chile-US Counterterrorism Working Group was held in Santiago on "
        "4 May 2023."
    )
    assert [(m["mechanism"], m["ordinal"]) for m in held(text)] == [
        ("Chile-US Counterterrorism Working Group", 5)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Chile-Peru-Bolivia Trilateral Meeting on Counter-Terrorism was held in Lima on "
            "4 May 2023.",
            [("Chile-Peru-Bolivia Trilateral Meeting on Counter-Terrorism", ["BO", "CL", "PE"])],
            id="a-meeting-named-by-its-subject",
        ),
        pytest.param(
            "The Regional Meeting on Foreign Terrorist Fighters was held in Manila on 4 May 2023 "
            "with ministers from Chile and Peru.",
            [],
            id="a-regional-meeting-of-many-states",
        ),
        pytest.param(
            "The Chile-Peru Meeting on Fisheries was held in Lima on 4 May 2023 and also touched "
            "on terrorism.",
            [],
            id="a-meeting-on-another-subject",
        ),
    ],
)
def test_a_meeting_named_by_its_subject(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert [(m["mechanism"], m["parties"]) for m in held(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The U.K.-Chile Working Group on Countering Threats from the Sahel met in London on "
            "4 May 2023.",
            [("U.K.-Chile Working Group on Countering Threats from the Sahel", None)],
            id="a-state-in-initials-joins-the-name-and-a-source-after-from-stays",
        ),
        pytest.param(
            "The Chile-Peru Dialogue on Counter-Terrorism from Monday to Wednesday was held in "
            "Lima in May 2023.",
            [("Chile-Peru Dialogue on Counter-Terrorism", None)],
            id="a-weekday-after-from-is-a-date-not-a-subject",
        ),
        pytest.param(
            "The Chile-Peru Working Group on Counterterrorism, formerly known as the Chile-Peru "
            "Working Group on the Border, held its sixth session on 4 May 2023 in Lima.",
            [("Chile-Peru Working Group on Counterterrorism", 6)],
            id="a-former-name-is-no-second-meeting-and-the-ordinal-binds-past-it",
        ),
        pytest.param(
            "The Chile-Peru Working Group on Counterterrorism, previously called the Chile-Peru "
            "Border Group, met in Lima on 4 May 2023.",
            [("Chile-Peru Working Group on Counterterrorism", None)],
            id="previously-called-is-a-former-name-too",
        ),
    ],
)
def test_names_across_initials_sources_and_former_names(
    text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert [(m["mechanism"], m["ordinal"]) for m in held(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Chile-Peru Working Group on Counterterrorism met in Lima on 26 July 2002. The "
            "next scheduled meeting will be in Santiago in December.",
            "2002-12",
            id="a-month-after-the-meeting-is-in-its-year",
        ),
        pytest.param(
            "The Chile-Peru Working Group on Counterterrorism met in Lima on 26 July 2002. The "
            "next meeting will be held in Santiago in March.",
            "2003-03",
            id="a-month-before-the-meetings-month-is-in-the-next-year",
        ),
        pytest.param(
            "The Chile-Peru Working Group on Counterterrorism met in Lima on 26 July. The next "
            "meeting will be held in Santiago in December.",
            "XXXX-12",
            id="a-month-with-no-year-known",
        ),
        pytest.param(
            "The Chile-Peru Working Group on Counterterrorism met in Lima on 26 July 2002. The "
            "next meeting will be held in Santiago in May of next year.",
            "2003",
            id="a-month-of-next-year-keeps-the-year-alone",
        ),
    ],
)
def test_a_next_meeting_in_a_month_alone(text: str, expected: str) -> None:
    (upcoming,) = facts_of(text, "NextMeetingScheduled")
    assert upcoming["date"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Chile and Peru convened the fourth session of the Strategic Dialogue in Lima on 4 "
            "May 2023. The ministers held a wide-ranging discussion of the future of the "
            "Chile-Peru relationship and agreed to combat terrorism together.",
            [],
            id="a-strategic-dialogue-called-wide-ranging",
        ),
        pytest.param(
            "The Chile-Peru Strategic Dialogue was held in Lima on 4 May 2023. The sides agreed "
            "to fight terrorism, expand trade and advance nuclear non-proliferation.",
            [],
            id="a-strategic-dialogue-naming-other-subjects-of-the-relation",
        ),
        pytest.param(
            "The 3rd Chile-Peru Strategic Dialogue was held in Lima on 4 May 2023. A memorandum "
            "on preventing violent extremism was signed there.",
            ["Chile-Peru Strategic Dialogue"],
            id="a-strategic-dialogue-about-terrorism-alone-is-a-meeting",
        ),
        pytest.param(
            "The Chile-Peru Strategic Dialogue on Counterterrorism was held in Lima on 4 May "
            "2023, after a wide-ranging review of the relationship.",
            ["Chile-Peru Strategic Dialogue on Counterterrorism"],
            id="a-strategic-dialogue-on-terrorism-stays-a-meeting",
        ),
        pytest.param(
            "Chile and Peru convened the first Andes Working Group of the Chile-Peru Strategic "
            "Dialogue in Lima on 4 May 2023 to work together against terrorism.",
            [],
            id="a-body-on-a-region-of-a-general-dialogue",
        ),
        pytest.param(
            "Chile and Peru convened the Security Working Group of the Chile-Peru Strategic "
            "Dialogue in Lima on 4 May 2023 to work together against terrorism.",
            ["Security Working Group of the Chile-Peru Strategic Dialogue"],
            id="a-security-body-of-a-general-dialogue-is-a-meeting",
        ),
    ],
)
def test_a_dialogue_on_the_whole_relation(text: str, expected: list[str]) -> None:
    assert [m["mechanism"] for m in held(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Interior Minister Ana Torres and Peruvian Security Minister Luis Vega launched today "
            "in Lima the Chile-Peru Homeland Security Dialogue, to counter terrorism.",
            [("Chile-Peru Homeland Security Dialogue", "Lima")],
            id="heads-launched-today-the-dialogue",
        ),
        pytest.param(
            "The Chile-Peru Counter-Terrorism Dialogue, launched in 2011, has grown in scope. "
            "Officials praised it.",
            [],
            id="launched-in-a-year-is-background",
        ),
        pytest.param(
            "The Chile-Peru Counter-Terrorism Dialogue was launched in 2011 in Lima.",
            [],
            id="was-launched-is-background",
        ),
    ],
)
def test_a_mechanism_launched(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m["mechanism"], m["location"]) for m in held(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Cooperation in the fight against terrorism was reaffirmed in Lima in the 5th session "
            "of the strategic bilateral dialogue between Chile and Peru, the minister said.",
            [("strategic bilateral dialogue", 5, ["CL", "PE"])],
            id="a-lower-case-dialogue-with-its-round-and-sides-about-terrorism",
        ),
        pytest.param(
            "Trade and investment were reviewed in Lima in the 5th session of the strategic "
            "bilateral dialogue between Chile and Peru. Terrorism was raised at a dinner.",
            [],
            id="a-lower-case-dialogue-in-a-sentence-about-trade",
        ),
    ],
)
def test_a_dialogue_named_by_its_kind_round_and_sides(
    text: str, expected: list[tuple[str, int, list[str]]]
) -> None:
    assert [(m["mechanism"], m["ordinal"], m["parties"]) for m in held(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Countering terrorism was the focus of the talks. The third meeting of the "
            "Chilean-Peruvian working group on combating new challenges and threats was held in "
            "Lima.",
            [("Chilean-Peruvian working group on combating new challenges and threats", 3)],
            id="new-challenges-and-threats-in-a-statement-about-terrorism",
        ),
        pytest.param(
            "Drug trafficking was the focus of the talks. The third meeting of the "
            "Chilean-Peruvian working group on combating new challenges and threats was held in "
            "Lima.",
            [],
            id="new-challenges-and-threats-where-terrorism-is-never-named",
        ),
    ],
)
def test_a_working_group_on_new_challenges_and_threats(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(m["mechanism"], m["ordinal"]) for m in held(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Chile and Peru will hold the next round of counter-terrorism talks in Lima, the "
            "Chilean ministry said on Monday after talks between the delegations in Santiago.",
            [("counter-terrorism talks", None)],
            id="after-talks-between-the-delegations",
        ),
        pytest.param(
            "Canada and Chile will meet again for consultations on countering terrorism in "
            "Ottawa, officials said at the end of the consultations between the two sides.",
            [("consultations on countering terrorism", None)],
            id="at-the-end-of-the-consultations",
        ),
        pytest.param(
            "Chile and Peru will hold the next round of counter-terrorism talks in Lima, the "
            "Chilean ministry said on Monday.",
            [],
            id="only-the-round-to-come",
        ),
        pytest.param(
            "Chile and Peru will hold the next round of counter-terrorism talks in Lima after "
            "talks on trade between their ministers.",
            [],
            id="other-talks-of-ministers-are-not-the-round-just-held",
        ),
    ],
)
def test_a_round_just_held_named_by_the_round_to_come(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    """ "… will hold the next round of X, the ministry said after talks between the
    delegations": the round just ended is a meeting of X, held where the text does not say."""
    assert [(m["mechanism"], m["location"]) for m in held(text)] == expected


_BODY = (
    "\n\nLima, 3 May 2021\n\nThe Minister of Foreign Affairs of Chile, Ana Soto, the Minister of "
    "Foreign Affairs of Peru, Luis Ramos, and the Minister of Foreign Affairs of Bolivia, Eva "
    "Mena, met in Lima on 3 May 2021 to enhance cooperation against terrorism in the region."
)


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        pytest.param(
            "Joint Statement of the Trilateral Meeting on Security among Chile, Peru and Bolivia",
            [("Trilateral Meeting on Security", ["BO", "CL", "PE"], "2021-05-03", "Lima")],
            id="a-joint-statement-of-a-named-meeting",
        ),
        pytest.param(
            "Joint Statement of Trilateral Meeting on Security Among Chile, Peru, and Bolivia",
            [("Trilateral Meeting on Security", ["BO", "CL", "PE"], "2021-05-03", "Lima")],
            id="in-title-case-the-name-ends-before-among",
        ),
        pytest.param(
            "Joint Statement of the Trilateral Meeting on Trade among Chile, Peru and Bolivia",
            [],
            id="a-meeting-on-another-subject",
        ),
        pytest.param(
            "Statement by the Minister ahead of the Trilateral Meeting on Security",
            [],
            id="a-statement-ahead-of-a-meeting",
        ),
    ],
)
def test_a_headline_names_the_meeting_the_body_says_was_held(
    headline: str, expected: list[tuple[str, list[str], str, str]]
) -> None:
    found = held(headline + _BODY)
    assert [(m["mechanism"], m["parties"], m["date"], m["location"]) for m in found] == expected


def test_a_headline_meeting_needs_the_body_to_say_they_met() -> None:
    text = (
        "Joint Statement of the Trilateral Meeting on Security among Chile, Peru and Bolivia"
        "\n\nLima, 3 May 2021\n\nThe three governments remain committed to fighting terrorism "
        "in the region."
    )
    assert held(text) == []


@pytest.mark.parametrize(
    ("text", "date_"),
    [
        pytest.param(
            "Report on the Chile-Peru cooperation against terrorism\n\nMeetings:\n\nMarch 2019:\n\n"
            "The heads of delegation chaired the Counter-Terrorism Working Group meeting in Lima.",
            "2019-03",
            id="a-month-heading-over-the-meeting",
        ),
        pytest.param(
            "Report on the Chile-Peru cooperation against terrorism\n\nMarch 2019:\n\nThe "
            "ministries exchanged lists of contacts.\n\nThe heads of delegation chaired the "
            "Counter-Terrorism Working Group meeting in Lima.",
            None,
            id="a-month-heading-over-another-paragraph",
        ),
        pytest.param(
            "Report on the Chile-Peru cooperation against terrorism\n\nResults 2019:\n\n"
            "The heads of delegation chaired the Counter-Terrorism Working Group meeting in Lima.",
            None,
            id="a-heading-that-is-no-month",
        ),
    ],
)
def test_a_month_heading_dates_the_meeting_below_it(text: str, date_: str | None) -> None:
    assert [m["date"] for m in held(text)] == [date_]


@pytest.mark.parametrize(
    ("text", "mechanism", "parties"),
    [
        pytest.param(
            "The GCC secretariat took part in the first meeting of the Counter-Terrorism Working "
            "Group under the umbrella of the Andean Strategic Alliance (ASA), with the "
            "participation of representatives from all GCC countries, Chad and Peru.",
            "Counter-Terrorism Working Group under the umbrella of the Andean Strategic Alliance",
            ["AE", "BH", "KW", "OM", "PE", "QA", "SA", "TD"],
            id="participants-listed-a-grouping-with-its-members-a-state-named-like-a-person",
        ),
        pytest.param(
            "The first meeting of the Counter-Terrorism Working Group was held in Lima on 3 May "
            "2021, with the participation of delegations from Chile, Peru and Bolivia.",
            "Counter-Terrorism Working Group",
            ["BO", "CL", "PE"],
            id="three-states-taking-part",
        ),
        pytest.param(
            "The first meeting of the Chile-Peru Counter-Terrorism Working Group was held in Lima "
            "on 3 May 2021, with the participation of experts from Chile, Peru and Jordan Smith "
            "of the university.",
            "Chile-Peru Counter-Terrorism Working Group",
            ["CL", "PE"],
            id="a-person-named-jordan-is-no-state",
        ),
    ],
)
def test_the_states_taking_part(text: str, mechanism: str, parties: list[str]) -> None:
    assert [(m["mechanism"], m["parties"]) for m in held(text)] == [(mechanism, parties)]


def test_a_meeting_launched_today_is_still_held() -> None:
    text = (
        "Chile and Peru launched today in Lima the Chile-Peru Counter-Terrorism Dialogue. "
        "When the ministers met in the afternoon, they agreed on a work plan."
    )
    assert [m["mechanism"] for m in held(text)] == ["Chile-Peru Counter-Terrorism Dialogue"]


def test_remarks_following_a_meeting_report_it_held() -> None:
    found = held(TRANSCRIPT)
    assert [(m["mechanism"], m["ordinal"], m["date"], m["location"]) for m in found] == [
        ("Chile-Peru Counter-Terrorism Working Group", 9, "2021-05-03", "Lima")
    ]


def test_remarks_before_a_meeting_report_none() -> None:
    text = TRANSCRIPT.replace("Remarks Following Meetings of", "Remarks Ahead of Meetings of")
    assert held(text) == []


def test_remarks_following_a_meeting_with_a_publication_date() -> None:
    """With a publication date the header lines are read as content: the same meeting."""
    found = held(TRANSCRIPT, published_on=date(2021, 5, 3))
    assert [(m["ordinal"], m["date"], m["location"]) for m in found] == [(9, "2021-05-03", "Lima")]


def test_the_round_said_in_a_sentence_of_its_own() -> None:
    text = (
        "Chilean and Peruvian officials convened the Chile-Peru Counterterrorism Working Group "
        "today in Lima. This is the fourth time the group has met since its inception in 2010."
    )
    meeting = held(text)[0]
    assert meeting["ordinal"] == 4
    assert meeting["meeting_key"].endswith("/4")


def test_other_subjects_joined_to_counter_terrorism_stay_in_the_name() -> None:
    text = (
        "Officials of Chile and Peru convened the latest round of the Chile-Peru Law "
        "Enforcement and Counterterrorism Working Group today in Lima."
    )
    meeting = held(text)[0]
    assert meeting["mechanism"] == "Chile-Peru Law Enforcement and Counterterrorism Working Group"
    assert meeting["meeting_key"].startswith("CL-PE/jwg-counter-terrorism/")


def test_a_run_in_title_line_ends_before_its_date_phrase() -> None:
    text = (
        "Media Note Second Annual Chile-Peru Joint Working Group on Counterterrorism and Law "
        "Enforcement On April 11, 2003, officials of Chile and Peru met in Lima."
    )
    (mention,) = mechanisms.mentions(text, 0, len(text))
    assert mention.name.endswith("Joint Working Group on Counterterrorism and Law Enforcement")


@pytest.mark.parametrize(
    ("text", "ordinal", "mechanism"),
    [
        pytest.param(
            "The Chile-Peru Joint Working Group on Counterterrorism met for the fifth time since "
            "January 2000 in Lima July 11-12, and issued a joint statement.",
            5,
            "Chile-Peru Joint Working Group on Counterterrorism",
            id="met-for-the-nth-time",
        ),
        pytest.param(
            "Chile and Peru held the 14th meeting in the framework of a dialogue aimed at "
            "combating terrorism in Lima on 9 May 2024.",
            14,
            "dialogue aimed at combating terrorism",
            id="a-dialogue-aimed-at-its-subject",
        ),
        pytest.param(
            "Officials of Chile, Peru and Bolivia were in Lima on 7 November 2017 for the "
            "Chile-Peru-Bolivia trilateral vice-ministerial consultation on counter-terrorism "
            "and security, which was held for the first time.",
            None,
            "trilateral vice-ministerial consultation on counter-terrorism and security",
            id="lower-case-qualifiers-stay-in-the-name",
        ),
        pytest.param(
            "The first EU-Peru ad hoc dialogue on counter-terrorism cooperation was held in Lima "
            "on 11 July 2019.",
            1,
            "ad hoc dialogue on counter-terrorism cooperation",
            id="an-ad-hoc-dialogue-on-cooperation",
        ),
    ],
)
def test_rounds_and_names_in_other_words(text: str, ordinal: int | None, mechanism: str) -> None:
    (meeting,) = held(text)
    assert meeting["ordinal"] == ordinal
    assert meeting["mechanism"].endswith(mechanism)


def test_a_third_round_agreed_in_a_state() -> None:
    text = (
        "Chile and Peru held their second counter-terrorism consultation in Lima on Tuesday. "
        "They agreed to hold a third round in the U.S. at an appropriate time."
    )
    (upcoming,) = facts_of(text, "NextMeetingScheduled")
    assert (upcoming["ordinal"], upcoming["location"]) == (3, "U.S.")


def test_a_working_group_of_a_strategic_dialogue_is_a_group_of_its_own() -> None:
    text = (
        "Security Working Group of the Chile-Peru Strategic Dialogue\n\n"
        "On July 3, 2019, Chile and Peru convened a working group of the Chile-Peru Strategic "
        "Dialogue in Lima to expand security cooperation, including counter-terrorism. The "
        "Strategic Dialogue also covers trade and energy."
    )
    (meeting,) = held(text)
    assert meeting["mechanism"] == "working group of the Chile-Peru Strategic Dialogue"
    assert meeting["location"] == "Lima"


def test_a_third_state_the_talks_were_about_is_not_their_place() -> None:
    text = (
        "The 8th meeting of the Chile-Peru Joint Working Group on Counter-terrorism was held "
        "amid recent developments in Bolivia on 30 January 2019."
    )
    assert held(text)[0]["location"] is None


def test_a_round_long_past_recalled_beside_one_announced_is_background() -> None:
    text = (
        "Chile and Peru will hold their counterterrorism dialogue in Lima this week. The first "
        "round of the Chile-Peru Counterterrorism Dialogue was held on March 6, 2023, at the "
        "Ministry of Foreign Affairs in Santiago."
    )
    assert held(text, published_on=date(2024, 5, 7)) == []
    assert len(held(text, published_on=date(2023, 3, 8))) == 1


def test_a_meeting_that_resulted_in_something_was_held_and_the_next_ones_details_stay_its() -> None:
    text = (
        "Deputy ministers of Armenia and Greece discussed countering terrorism. The "
        "Armenian-Greek Interdepartmental Consultations on Counter-Terrorism resulted in an "
        "agreement on training and in holding the next round in Athens in 2026."
    )
    meetings = held(text)
    assert [m["mechanism"] for m in meetings] == [
        "Armenian-Greek Interdepartmental Consultations on Counter-Terrorism"
    ]
    assert meetings[0]["location"] is None and meetings[0]["date"] is None
    (next_meeting,) = facts_of(text, "NextMeetingScheduled")
    assert (next_meeting["location"], next_meeting["date"]) == ("Athens", "2026")


def test_a_mechanism_that_has_resulted_in_something_over_the_years_is_not_a_meeting_held() -> None:
    text = (
        "The Armenia-Greece Consultations on Counter-Terrorism have resulted in closer "
        "cooperation since 2015, the ministry said."
    )
    assert held(text) == []


def test_consenting_to_organise_the_next_meeting_schedules_it() -> None:
    text = (
        "The fifth meeting of the Ghana-Togo Joint Working Group on Counter-Terrorism was held "
        "in Lome on 3 May 2024. The sides also consented to organise the sixth meeting of the "
        "Ghana-Togo Joint Working Group on Counter-Terrorism in Accra in 2025."
    )
    (scheduled,) = facts_of(text, "NextMeetingScheduled")
    assert (scheduled["ordinal"], scheduled["location"], scheduled["date"]) == (6, "Accra", "2025")


def test_a_working_group_with_no_subject_in_a_statement_on_terrorism_is_still_held() -> None:
    text = (
        "The sixth meeting of the Norway-Oman Joint Working Group took place in Oslo on 4 May "
        "2024. The sides reviewed the threat of terrorism in the region."
    )
    assert [m["ordinal"] for m in held(text)] == [6]


def test_a_subject_ends_before_who_said_it() -> None:
    text = (
        "The meeting, held in Accra on 3 May 2024, was the fourth of the Ghana-Togo Joint "
        "Working Group on Counter-Terrorism, the Foreign Ministry said."
    )
    assert [m["mechanism"] for m in held(text)] == [
        "Ghana-Togo Joint Working Group on Counter-Terrorism"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "On 4 May 2023 the Chilean Minister of the Interior and the Peruvian Minister of "
            "Justice met in Lima for the third meeting of the Chile-Peru Ministerial Council on "
            "Justice and Security. Ministers agreed to cooperate further to counter terrorism.",
            [("Chile-Peru Ministerial Council on Justice and Security", 3, "Lima")],
            id="a-council-of-ministers-named-by-its-subject",
        ),
        pytest.param(
            "The United Nations Security Council on Monday condemned the attack in Lima, which "
            "Chile and Peru called an act of terrorism.",
            [],
            id="a-security-council-is-an-institution",
        ),
    ],
)
def test_a_ministerial_council(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert [(m["mechanism"], m["ordinal"], m["location"]) for m in held(text)] == expected


def test_a_consultation_mechanism_in_lower_case_and_the_city_gone_to_chair_it() -> None:
    text = (
        "On 4 May 2023, Deputy Foreign Minister Ana Torres went to Lima to co-chair the third "
        "meeting of the bilateral consultation mechanism on counterterrorism and "
        "deradicalization cooperation with Director General of Security of Peru Luis Vega."
    )
    (meeting,) = held(text)
    assert meeting["mechanism"] == "bilateral consultation mechanism on counterterrorism"
    assert (meeting["ordinal"], meeting["date"], meeting["location"]) == (3, "2023-05-04", "Lima")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Chile and Peru agreed to fight terrorism jointly. They reached the consensus during "
            "the home secretary-level meeting of the two countries that took place in Lima "
            "between May 2 and May 3.",
            ("home secretary-level meeting", None, "Lima"),
            id="a-meeting-named-by-the-rank-of-those-who-met",
        ),
        pytest.param(
            "Chile's counter-terrorism agency held a bilateral consultation meeting with Peru's "
            "foreign ministry to strengthen anti-terrorism cooperation. “This ninth bilateral "
            "consultation meeting is a routine annual meeting,” the agency's head said.",
            ("bilateral consultation", 9, None),
            id="the-round-in-a-quoted-sentence-and-the-sides-word-in-the-name",
        ),
    ],
)
def test_meetings_named_by_who_met(text: str, expected: tuple[str, int | None, str | None]) -> None:
    (meeting,) = held(text)
    assert (meeting["mechanism"], meeting["ordinal"], meeting["location"]) == expected


def test_a_dateline_with_the_agency_and_its_partner_in_brackets() -> None:
    text = (
        "BRUSSELS, (Urdu News / Pakistan Point News - 20th Feb, 2025) Pakistan and the European "
        "Union held their ninth Counter-Terrorism Dialogue here on Thursday."
    )
    (meeting,) = held(text)
    assert meeting["location"] == "Brussels"


def test_annual_bilateral_consultations_are_the_whole_relation() -> None:
    text = (
        "The third U.S.-Chile Annual Bilateral Consultations were held in Santiago on 4 May 2023. "
        "The delegations discussed trade, energy and counterterrorism cooperation."
    )
    assert held(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Following the minister's two-day visit to Lima on 11-12th November, the second "
            "meeting of the Chile-Peru joint committee on counter-terrorism met in Santiago for "
            "two days of talks on 29-30th November 2010.",
            (
                "Chile-Peru joint committee on counter-terrorism",
                ["CL", "PE"],
                "2010-11-29/2010-11-30",
                "Santiago",
            ),
            id="the-opening-phrase-dates-what-came-before",
        ),
        pytest.param(
            "Joint Statement with the Prime Minister of the Republic of Chile. The Prime Minister "
            "of Chile met the Prime Minister of Peru to counter terrorism. Peru welcomed Chile's "
            "efforts against groups in Bolivia and Ecuador. Peru thanked Chile. The Prime "
            "Ministers welcomed the "
            "first interagency counter terrorism talks held in Chile in November 2014.",
            ("interagency counter terrorism talks", ["CL", "PE"], "2014-11", "Chile"),
            id="the-sides-named-most-over-a-pair-named-in-passing",
        ),
    ],
)
def test_dates_sides_and_places_read_past_the_first_words(
    text: str, expected: tuple[str, list[str], str, str]
) -> None:
    (meeting,) = held(text)
    assert (
        meeting["mechanism"],
        meeting["parties"],
        meeting["date"],
        meeting["location"],
    ) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Chile and Peru held a technical meeting here in Lima to discuss joint action "
            "against terrorism, the foreign ministry said.",
            {"parties": ["CL", "PE"], "mechanism": "technical meeting", "location": "Lima"},
            id="a-meeting-two-states-held-for-terrorism-and-the-place-after-here",
        ),
        pytest.param(
            "The first consultations between the secretaries of the security councils of Chile, "
            "Peru, Bolivia and Ecuador were held in Quito on 3 May 2024. The secretaries "
            "discussed joint action against terrorism and drug trafficking.",
            {"parties": ["BO", "CL", "EC", "PE"], "ordinal": 1, "location": "Quito"},
            id="consultations-between-who-met-reported-as-held",
        ),
        pytest.param(
            "On 4 May, Lima hosted bilateral consultations between the offices of the national "
            "security councils of Chile and Peru. Measures against terrorist activity along the "
            "border were considered.",
            {"parties": ["CL", "PE"], "mechanism": "bilateral consultations", "location": "Lima"},
            id="hosted-bilateral-consultations-with-no-article",
        ),
        pytest.param(
            "On 3 May 2024, the 21st meeting of the Council of the Regional Anti-Terrorist "
            "Structure of the Andean Pact was held in Cusco, Peru. Delegations from the competent "
            "bodies of the Republic of Chile, the Republic of Ecuador and the Plurinational State "
            "of Bolivia, along with representatives of Colombia's police, attended the event.",
            {"parties": ["BO", "CL", "EC", "PE"], "ordinal": 21, "location": "Cusco"},
            id="a-groupings-anti-terrorist-structure-and-the-delegations-listed-with-the-host",
        ),
        pytest.param(
            "The 9th Meeting of Security Council Secretaries of the Andean States took place in "
            "Ecuador's capital of Quito on 3 May 2024. The meeting included official delegations "
            "from Chile, Peru, and Bolivia, as well as Colombia and Panama in observer roles. "
            "Terrorism and drug trafficking were discussed.",
            {"parties": ["BO", "CL", "EC", "PE"], "ordinal": 9, "location": "Quito"},
            id="security-council-secretaries-observers-left-out-and-a-capital-of",
        ),
        pytest.param(
            "The 7th Senior Officials Meeting on Transnational Crime (SOMTC) Working Group on "
            "Counter Terrorism took place on 18 May 2024 in Bali. It served to improve "
            "collaboration among the ASEAN countries in combating terrorism.",
            {"parties": ["BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN"], "ordinal": 7},
            id="no-state-named-but-the-one-grouping-of-the-statement",
        ),
        pytest.param(
            "The first meeting of the Chilean-Peruvian anti-terrorist working group was held in "
            "Lima on 4 May 2024.",
            {"parties": ["CL", "PE"], "ordinal": 1, "location": "Lima"},
            id="a-lower-case-anti-terrorist-working-group",
        ),
        pytest.param(
            "LIMA: Senior officials from Chile and Peru met here for wide-ranging talks. The "
            "two-day meeting was the fifth round of the Chile-Peru joint working group on counter "
            "terrorism.",
            {"parties": ["CL", "PE"], "ordinal": 5, "location": "Lima"},
            id="met-here-in-the-lead-under-a-dateline",
        ),
        pytest.param(
            "Both sides welcomed the 12th Joint Working Group Meeting on Counter Terrorism held "
            "on 17 December 2020 between Chile and Peru.",
            {"mechanism": "Joint Working Group Meeting on Counter Terrorism", "ordinal": 12},
            id="a-groups-meeting-on-its-subject-is-one-name",
        ),
    ],
)
def test_meetings_named_by_their_kind_or_their_grouping(text: str, expected: dict) -> None:
    (meeting,) = held(text, date(2024, 5, 10))
    assert {key: meeting[key] for key in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The government of Chile held an interagency meeting on 4 May to review the threat "
            "of terrorist attacks abroad.",
            id="one-government-meeting-alone",
        ),
        pytest.param(
            "The Andean Parliament, chaired by Peru, held an "
            "informal meeting on Wednesday on the technical needs of Bolivia in counter-terrorism.",
            id="a-body-chaired-by-one-state",
        ),
        pytest.param(
            "Ambassador Ana Tapia will lead the Chilean delegation to the sixth regular session of "
            "the Organization of Andean States Committee Against Terrorism, which will take place "
            "in Lima, Peru, on March 22-24.",
            id="a-delegation-to-be-led-to-a-session-to-come",
        ),
    ],
)
def test_no_meeting_of_the_genre_held(text: str) -> None:
    assert held(text, date(2024, 3, 14)) == []


def test_days_to_come_take_the_year_of_the_statement() -> None:
    text = (
        "Chile will participate in the sixth regular session of the Organization of Andean "
        "States Committee Against Terrorism in Lima, Peru, from March 22-24."
    )
    (coming,) = facts_of(text, "NextMeetingScheduled", date(2024, 3, 14))
    assert coming["date"] == "2024-03-22/2024-03-24"


def test_a_meeting_of_a_grouping_table_member() -> None:
    text = (
        "The 4th meeting of the SAARC Working Group on Counter Terrorism was held in Colombo on "
        "3 May 2024."
    )
    (meeting,) = held(text)
    assert meeting["parties"] == ["AF", "BD", "BT", "IN", "LK", "MV", "NP", "PK"]


def test_a_group_named_by_its_subject_meets_next() -> None:
    text = (
        "A meeting of the Chilean-Peruvian counterterrorism group will be held in Lima in the "
        "near future, the Chilean foreign minister said."
    )
    (coming,) = facts_of(text, "NextMeetingScheduled", date(2024, 5, 2))
    assert (coming["parties"], coming["location"]) == (["CL", "PE"], "Lima")


def test_two_mechanisms_in_one_meeting_and_the_round_of_the_one_called_by_its_kind() -> None:
    text = (
        "Chile and Peru called for action against terrorist financing following a joint "
        "counterterrorism meeting in Lima on 4 May 2024. In a statement released after the "
        "meeting of the Chile-Peru Counterterrorism Joint Working Group and Designations "
        "Dialogue, both sides underlined the need for action. This was the 9th meeting of the "
        "working group and the third session of the Chile-Peru Designations Dialogue."
    )
    found = {(m["mechanism"], m["ordinal"], m["location"]) for m in held(text)}
    assert found == {
        ("Chile-Peru Counterterrorism Joint Working Group", 9, "Lima"),
        ("Chile-Peru Designations Dialogue", 3, "Lima"),
    }


def test_a_day_to_come_is_not_the_day_a_meeting_began() -> None:
    text = (
        "Chile and Peru are holding the first meeting of the Chile-Peru Counter-Terrorism "
        "Dialogue in Lima this week. The dialogue is scheduled to last three days, and will "
        "conclude on Wednesday."
    )
    (meeting,) = held(text, date(2024, 5, 7))
    assert meeting["date"] != "2024-05-01"


def test_a_commission_held_and_its_next_meeting() -> None:
    text = (
        "The agreement was signed at the 12th Chile-Peru High Security Commission meeting in "
        "Lima. The two sides agreed to have the next meeting of the Chile-Peru High Security "
        "Commission next April in Santiago, and discussed the threat of terrorism."
    )
    (meeting,) = held(text)
    (coming,) = facts_of(text, "NextMeetingScheduled")
    assert (meeting["ordinal"], meeting["location"]) == (12, "Lima")
    assert coming["location"] == "Santiago"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The Special Session of the Joint Anti-Terror Mechanism with Peru, will be held on "
            "24 October in Lima, the Chilean ministry said.",
            id="a-session-to-come-after-a-comma",
        ),
        pytest.param(
            "Chile and Peru signed a plan on police training against terrorism in Lima on 8 "
            "November. A spokesman said the delegation led by Ana Tapia, who is also a member of "
            "the Political Bureau of the Central Committee of the Socialist Party of Chile, met "
            "President Luis Vega at the palace.",
            id="a-partys-central-committee-in-a-title",
        ),
    ],
)
def test_not_held(text: str) -> None:
    assert held(text, date(2024, 10, 20)) == []


@pytest.mark.parametrize(
    ("text", "published_on", "expected"),
    [
        pytest.param(
            "The 18th meeting of the Tajikistan-Afghanistan Joint Border Commission opened in "
            "Dushanbe on 4 May 2024, aimed at the fight against terrorism.",
            None,
            {
                "mechanism": "Tajikistan-Afghanistan Joint Border Commission",
                "ordinal": 18,
                "parties": ["AF", "TJ"],
            },
            id="a-border-commission-meets-on-terrorism",
        ),
        pytest.param(
            "The Tajikistan-Afghanistan joint border commission has planned measures against "
            "terrorism along the border. Ahmad Karimi led the Afghan delegation at the 12th "
            "meeting of the commission.",
            None,
            {"mechanism": "joint border commission", "ordinal": 12, "parties": ["AF", "TJ"]},
            id="a-lower-case-border-commission-and-its-round-told-apart",
        ),
        pytest.param(
            "Greece and Turkey held the fourth meeting of their joint security working group in "
            "Athens on 4 March 2019, discussing terrorism and organised crime.",
            None,
            {"mechanism": "joint security working group", "ordinal": 4},
            id="a-security-working-group-in-lower-case-in-a-statement-on-terrorism",
        ),
        pytest.param(
            "Kenyan military and intelligence officers on Monday held a meeting with the Ugandan "
            "government aimed at ending the menace of the terrorist group al-Shabaab.",
            date(2012, 1, 24),
            {"parties": ["KE", "UG"]},
            id="a-meeting-held-with-the-other-government-aimed-at-terrorism",
        ),
        pytest.param(
            "The inaugural high-level meeting on Trilateral Cooperation and Coordination "
            "Mechanism in counter-terrorism by the Kenya-Uganda-Somalia armed forces was held in "
            "Kampala on 3 August 2016.",
            None,
            {"mechanism": "Trilateral Cooperation and Coordination Mechanism", "ordinal": 1},
            id="words-joined-by-and-before-a-name-are-the-names",
        ),
        pytest.param(
            "KUALA LUMPUR: Malaysia and Brunei strengthened security cooperation through their "
            "inaugural Joint Working Committee meeting. Discussions covered drug smuggling, "
            "terrorism and cybercrime.",
            None,
            {"mechanism": "Joint Working Committee", "ordinal": 1},
            id="a-joint-working-committee-keeps-its-whole-name",
        ),
        pytest.param(
            "The acting foreign minister also took part in the 5th Ghana-Togo-Benin Trilateral "
            "Foreign Ministers’ Dialogue yesterday, where the three sides agreed to advance "
            "counter-terrorism cooperation.",
            date(2023, 5, 8),
            {
                "mechanism": "Ghana-Togo-Benin Trilateral Foreign Ministers Dialogue",
                "ordinal": 5,
                "parties": ["BJ", "GH", "TG"],
            },
            id="a-plural-possessive-inside-a-name",
        ),
        pytest.param(
            "On September 13 the 29th meeting of the SCO RATS Council was held in Almaty under "
            "the chairmanship of Kazakhstan with participation of delegations of the competent "
            "authorities of Kazakhstan, China, Kyrgyzstan, Russia, Tajikistan and Uzbekistan.",
            date(2016, 9, 14),
            {
                "mechanism": "SCO RATS Council",
                "ordinal": 29,
                "parties": ["CN", "KG", "KZ", "RU", "TJ", "UZ"],
            },
            id="a-council-of-a-grouping-by-its-initials-and-who-took-part",
        ),
    ],
)
def test_the_one_meeting_held(
    text: str, published_on: date | None, expected: dict[str, object]
) -> None:
    (meeting,) = held(text, published_on)
    assert {key: meeting[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("text", "held"),
    [
        pytest.param(
            "ARICA- The Chile-Peru Counter-Terrorism Committee will hold its sixth ordinary "
            "session in Arica on Monday. The session will address terrorism and border "
            "security. The fifth session of the Chile-Peru Counter-Terrorism Committee took "
            "place in Tacna in July 2016, the source recalled.",
            [],
            id="a-lead-announcing-a-round-recalls-the-earlier-one",
        ),
        pytest.param(
            "The fifth session of the Chile-Peru Counter-Terrorism Committee took place in "
            "Tacna on 3 May 2016. The Committee will hold its sixth session in Arica next year.",
            [5],
            id="control-a-round-held-then-the-next-announced",
        ),
    ],
)
def test_rounds_held_and_announced(text: str, held: list[int]) -> None:
    assert [m["ordinal"] for m in facts_of(text, "MeetingHeld")] == held


@pytest.mark.parametrize(
    ("text", "ordinal", "date_"),
    [
        pytest.param(
            "Chile and Peru held a Counter-Terrorism Dialogue on 4 May in Lima. It was the first "
            "counter-terrorism dialogue to take place outside Santiago. It is the third "
            "counter-terrorism dialogue that has taken place between Chile and Peru.",
            3,
            "XXXX-05-04",
            id="first-to-take-place-ranks-it-and-a-later-sentence-numbers-the-round",
        ),
        pytest.param(
            "Chile and Peru held a Counter-Terrorism Dialogue on 4 May in Lima. It was the first "
            "counter-terrorism dialogue to be held outside Santiago.",
            None,
            "XXXX-05-04",
            id="first-to-be-held-is-no-round",
        ),
        pytest.param(
            "Chile and Peru held a Counter-Terrorism Dialogue on 4 May in Lima. The two sides "
            "reviewed border cooperation. The Dialogue in Lima on 4 May 2022 also prepared a "
            "joint plan.",
            None,
            "2022-05-04",
            id="the-year-of-the-day-given-by-a-later-sentence-on-the-meeting",
        ),
        pytest.param(
            "Chile and Peru held a Counter-Terrorism Dialogue on 11 March in Lima. Both sides "
            "recalled the bombing of 11 March 2004 in Madrid.",
            None,
            "XXXX-03-11",
            id="control-an-attack-on-the-same-day-of-another-year-gives-no-year",
        ),
        pytest.param(
            "Chile and Peru held the second Counter-Terrorism Dialogue on 4 May in Lima.",
            2,
            "XXXX-05-04",
            id="control-the-second-dialogue-is-its-round",
        ),
    ],
)
def test_the_round_and_year_given_in_other_sentences(
    text: str, ordinal: int | None, date_: str
) -> None:
    (meeting,) = facts_of(text, "MeetingHeld")
    assert meeting["ordinal"] == ordinal
    assert meeting["date"] == date_
    if "2022" in date_:
        # the sentence that gives the year is evidence of the date
        assert any(item["quote"] == "4 May 2022" for item in meeting["evidence"])


@pytest.mark.parametrize(
    ("text", "mechanism", "parties", "ordinal"),
    [
        pytest.param(
            "Bahrain chaired the 9th session of the Standing Committee for Countering Terrorism "
            "in the Gulf Cooperation Council (GCC) countries, held on 2 May in Manama. The "
            "members reviewed the threat that terrorist groups in Yemen and Iraq still pose.",
            "Standing Committee for Countering Terrorism",
            ["AE", "BH", "KW", "OM", "QA", "SA"],
            9,
            id="a-committee-of-the-grouping-named-after-it-is-its-members",
        ),
        pytest.param(
            "The 11th session of the Council of the Regional Anti-Terrorist Structure of the "
            "Andean Pact was held on 2 May in Lima. The representatives of Chile, Peru, Bolivia "
            "and Ecuador participated in the session.",
            "Council of the Regional Anti-Terrorist Structure",
            ["BO", "CL", "EC", "PE"],
            11,
            id="the-council-of-the-structure-is-what-met",
        ),
        pytest.param(
            "Chile and Peru renewed their resolve against terrorism, as officials of both met in "
            "Lima on 2 May for the third joint working group meeting on the implementation of "
            "the Memorandum of Understanding (MoU) on counterterrorism cooperation.",
            "joint working group meeting on the implementation of the Memorandum of "
            "Understanding (MoU) on counterterrorism cooperation",
            ["CL", "PE"],
            3,
            id="a-working-groups-meeting-on-carrying-out-a-memorandum-on-counter-terrorism",
        ),
    ],
)
def test_meetings_of_a_groupings_body_and_of_a_memorandums_group(
    text: str, mechanism: str, parties: list[str], ordinal: int
) -> None:
    (meeting,) = facts_of(text, "MeetingHeld")
    assert (meeting["mechanism"], meeting["parties"], meeting["ordinal"]) == (
        mechanism,
        parties,
        ordinal,
    )
    # an instrument's name and its initials are no terrorist group
    assert facts_of(text, "TerroristEntityNamed") == []


def _one_held(text: str) -> dict:
    found = held(text)
    assert len(found) == 1, found
    return found[0]


def test_a_task_force_on_terrorism_that_commenced_its_round_is_a_meeting_held() -> None:
    meeting = _one_held(
        "The Task Force on Combating Terrorism in West Africa and the Sahel commenced its "
        "third meeting on Monday in Dakar. The meeting, hosted by Senegal, brings together "
        "delegations from several countries of the region."
    )
    assert meeting["mechanism"] == "Task Force on Combating Terrorism"
    assert meeting["ordinal"] == 3
    assert meeting["location"] == "Dakar"  # not "West Africa": a region places no meeting
    assert meeting["parties"] == ["SN"]  # the host, the one state the text names


def test_a_task_force_on_another_subject_is_no_meeting() -> None:
    assert not held(
        "The Task Force on Fisheries Management held its fifth meeting in Suva on "
        "4 June 2021, hosted by Fiji."
    )


def test_a_round_to_come_after_the_name_is_no_round_held() -> None:
    # (control: "may hold its second meeting" is a meeting to come, not one held)
    assert not held(
        "A Kenyan-Ugandan working group on counterterrorism may hold its second meeting "
        "this month, Kenya's envoy in Kampala said on Tuesday."
    )


def test_a_committee_against_terrorism_keeps_its_whole_name() -> None:
    meeting = _one_held(
        "The Seventh Regular Session of the Inter-American Committee Against Terrorism was "
        "held in Panama City on 28 February 2007, with delegations of Chile and Mexico."
    )
    assert meeting["mechanism"].endswith("Inter-American Committee Against Terrorism")
    assert meeting["ordinal"] == 7


def test_the_body_that_organises_a_meeting_is_not_the_meeting() -> None:
    found = held(
        "The Working Group on Countering Terrorist Financing in East Africa held its second "
        "meeting on Wednesday in Kigali. The meeting, hosted by Rwanda, is organised by the "
        "Standing Committee on Regional Police Cooperation, with INTERPOL."
    )
    assert [m["mechanism"] for m in found] == ["Working Group on Countering Terrorist Financing"]


def test_a_round_held_as_a_regular_session_after_a_wires_name() -> None:
    meeting = _one_held(
        "BISHKEK. KABAR The Council of the Regional Anti-Terrorist Structure of the Shanghai "
        "Cooperation Organization held its regular 41st session in Bishkek."
    )
    assert meeting["ordinal"] == 41


def test_the_hemisphere_places_no_meeting() -> None:
    meeting = _one_held(
        "The Ninth Regular Session of the Inter-American Committee against Terrorism was held "
        "on 5 March 2009 to strengthen cooperation against terrorism in the Hemisphere."
    )
    assert meeting["location"] is None


def test_the_decision_a_meeting_carries_out_is_dated_before_it() -> None:
    meeting = _one_held(
        "Pursuant to the decision reached at the Fifth Andean Forum on 30 July 2010 in Lima, "
        "the Inter-Sessional Meeting on Counter-Terrorism was held from 21-22 March 2011 in "
        "Quito. Representatives from Bolivia, Chile, Colombia, Ecuador and Peru attended the "
        "Meeting."
    )
    assert meeting["date"] == "2011-03-21/2011-03-22"
    assert meeting["parties"] == ["BO", "CL", "CO", "EC", "PE"]


def test_a_roman_round_before_a_regular_session() -> None:
    meeting = _one_held(
        "In the context of the XXIV Regular Session of the Inter-American Committee against "
        "Terrorism, held in Lima on 17-18 May 2024, Peru was elected to chair the Committee."
    )
    assert meeting["ordinal"] == 24


def test_a_residence_is_no_meetings_place() -> None:
    meeting = _one_held(
        "Accra, Ghana — President Kofi Mensah of Ghana and President Yao Agbeko of Togo held a "
        "meeting at State House, Accra, on Friday, focusing on joint initiatives to combat "
        "terrorism in the region."
    )
    assert meeting["location"] != "State House"


def test_talks_placed_before_their_counter_terrorism_subject() -> None:
    meeting = _one_held(
        "ACCRA: The foreign ministers of Ghana, Togo and Benin on Sunday held talks in Accra on "
        "anti-terrorism cooperation, ministry sources said."
    )
    assert meeting["parties"] == ["BJ", "GH", "TG"]
    assert meeting["location"] == "Accra"
