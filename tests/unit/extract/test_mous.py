"""Memoranda: signatories and background signings, in examples written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.helpers import facts_of


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


def test_each_signatory_on_behalf_of_a_side_and_the_subject_ends_at_the_place() -> None:
    text = (
        "Ghana and Togo signed an MoU on countering terrorism financing in Accra on 5 May 2024. "
        "The MoU was signed by Deputy Minister Kofi Mensah on behalf of Ghana and by Director "
        "General Yao Agbeko on behalf of Togo."
    )
    mous = facts_of(text, "MoUSigned")
    assert mous and mous[0]["subject"] == "countering terrorism financing"
    assert mous[0]["location"] == "Accra"
    signed = {(s["party"], s["name"]) for s in mous[0]["signatories"]}
    assert signed == {("GH", "Kofi Mensah"), ("TG", "Yao Agbeko")}


def test_a_day_after_on_is_no_subject_and_a_frame_is_no_title() -> None:
    text = (
        "The Financial Intelligence Centre of Ghana and the Financial Intelligence Unit of "
        "Togo signed a memorandum of understanding on Monday to enhance cooperation against "
        "terrorist financing. It was signed by Kofi Mensah, Director of the Centre, and Yao "
        "Agbeko, Head of the Unit, during a visit by a Togolese delegation."
    )
    mous = facts_of(text, "MoUSigned")
    assert mous and mous[0]["subject"] == "enhance cooperation against terrorist financing"
    titles = {s["title"] for s in mous[0]["signatories"]}
    assert titles == {"Director of the Centre", "Head of the Unit"}


def test_two_bodies_as_the_subject_of_signed() -> None:
    text = (
        "The Financial Intelligence Unit of Ghana and the Financial Intelligence Centre of "
        "Togo signed a memorandum of understanding on the exchange of information on "
        "terrorist financing on 3 March 2024."
    )
    mous = facts_of(text, "MoUSigned")
    assert mous and mous[0]["bodies"] == [
        "Financial Intelligence Unit of Ghana",
        "Financial Intelligence Centre of Togo",
    ]


def test_a_purpose_ends_before_the_meeting_it_was_signed_at() -> None:
    text = (
        "Ghana and Togo signed a memorandum of understanding to combat terrorism and extremism "
        "during the second meeting of their Joint Committee on Counter-Terrorism in Lome on 5 "
        "May 2024. The memorandum was signed by Ambassador Kofi Mensah and Colonel Yao Agbeko."
    )
    mous = facts_of(text, "MoUSigned")
    assert mous and mous[0]["subject"] == "combat terrorism and extremism"
    assert {s["name"] for s in mous[0]["signatories"]} == {"Kofi Mensah", "Yao Agbeko"}


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
            "The Dialogue was set up following the MoU signed during the visit of the President "
            "of Kenya to Norway in December, 2019.",
            id="signed-in-a-month-and-year-gone-by",
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


def test_an_mou_with_a_grouping_binds_its_members() -> None:
    text = (
        "CANBERRA, 4 June 2024 – The Gulf Cooperation Council and New Zealand today signed "
        "the Memorandum of Understanding between the Gulf Cooperation Council (GCC) and the "
        "Government of New Zealand on Countering Terrorist Financing. Secretary-General of the "
        "GCC Ali Al-Mansouri and Minister of Foreign Affairs of New Zealand Grace Tane, signed "
        "on behalf of the GCC and New Zealand respectively."
    )
    mous = facts_of(text, "MoUSigned")
    assert mous and mous[0]["subject"] == "Countering Terrorist Financing"
    assert mous[0]["parties"] == ["AE", "BH", "KW", "NZ", "OM", "QA", "SA"]
    # the grouping's signatory signs for no one state
    assert [(s["party"], s["name"]) for s in mous[0]["signatories"]] == [("NZ", "Grace Tane")]


def test_memoranda_concluded_with_many_partners_are_a_summary() -> None:
    text = (
        "Norway has also concluded Memoranda of Understanding (MOUs) on counter-terrorism with "
        "Kenya, Ghana, Chile, Peru and Vietnam."
    )
    assert facts_of(text, "MoUSigned") == []


def test_one_mou_between_two_states_is_still_signed() -> None:
    text = (
        "Norway and Kenya signed the Memorandum of Understanding between the Kingdom of Norway "
        "and the Republic of Kenya on Countering Violent Extremism in Nairobi on 3 May 2024."
    )
    mous = facts_of(text, "MoUSigned")
    assert mous and mous[0]["parties"] == ["KE", "NO"]
    assert mous[0]["subject"] == "Countering Violent Extremism"


_TALKS = "The first Chile-Peru Counter-Terrorism Consultations were held in Lima on 4 May 2023. "


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        pytest.param(
            _TALKS + "The two sides signed an agreement on cooperation in combating terrorism.",
            ["cooperation in combating terrorism"],
            id="an-agreement-signed-named-by-its-subject",
        ),
        pytest.param(
            _TALKS
            + "Chile and Peru signed a security pact to fight terrorism and organised crime.",
            ["fight terrorism and organised crime"],
            id="a-pact-signed-named-by-its-purpose",
        ),
        pytest.param(
            _TALKS + "An agreement on the exchange of financial intelligence was signed by the "
            "two ministers.",
            ["the exchange of financial intelligence"],
            id="an-agreement-as-the-subject-of-was-signed",
        ),
        pytest.param(
            "Chile and Peru signed a new agreement on aviation security. A Memorandum of "
            "Understanding on aviation security cooperation was signed in Lima on 4 May 2023.",
            ["aviation security cooperation"],
            id="an-agreement-in-a-headline-is-the-memorandum-named-later",
        ),
        pytest.param(
            _TALKS + "The two sides reached agreement on the need to share information and "
            "signed the minutes.",
            [],
            id="agreement-reached-is-not-an-agreement-signed",
        ),
        pytest.param(
            _TALKS + "They will sign an agreement on extradition next year.",
            [],
            id="an-agreement-to-be-signed",
        ),
    ],
)
def test_agreements_and_pacts_signed_count_as_memoranda(text: str, subjects: list[str]) -> None:
    assert [m["subject"] for m in facts_of(text, "MoUSigned")] == subjects


def test_the_subject_named_before_the_memorandum_and_a_month_after_on() -> None:
    text = (
        "Chilean Ambassador to Peru Ana Soto and Peruvian Interior Secretary Luis Prado signed "
        "a Counterterrorism Cooperation Initiative (CCI) Memorandum of Understanding on July 23, "
        "marking the latest effort between Chile and Peru on counterterrorism."
    )
    (mou,) = facts_of(text, "MoUSigned")
    assert mou["subject"] == "Counterterrorism Cooperation Initiative (CCI)"
    signed = {(s["party"], s["name"]) for s in mou["signatories"]}
    assert signed == {("CL", "Ana Soto"), ("PE", "Luis Prado")}


def test_a_lower_case_subject_before_the_memorandum() -> None:
    text = (
        "Chile, Peru and Bolivia signed an anti-terrorism cooperation Memorandum of "
        "Understanding on Saturday during the second trilateral ministerial dialogue in Lima."
    )
    (mou,) = facts_of(text, "MoUSigned")
    assert mou["subject"] == "anti-terrorism cooperation"


def test_signing_for_each_state() -> None:
    text = (
        "Chile and Peru recently signed a Memorandum of Understanding on the Exchange of "
        "Terrorist Screening Information. Signing for Chile was the Director of the National "
        "Screening Center, Ana Soto, and signing for Peru was the Director General of the "
        "National Intelligence Service, Luis Prado."
    )
    (mou,) = facts_of(text, "MoUSigned")
    signed = {(s["party"], s["name"]) for s in mou["signatories"]}
    assert signed == {("CL", "Ana Soto"), ("PE", "Luis Prado")}


def test_signed_along_with_others_named_by_their_titles() -> None:
    text = (
        "Chile, Peru and Bolivia signed an anti-terrorism cooperation Memorandum of "
        "Understanding on Saturday in Lima. Foreign Minister Ana Soto, who is leading the "
        "Chilean delegation at the dialogue, signed the document along with Peruvian Foreign "
        "Minister Luis Prado and their Bolivian counterpart Marta Ruiz."
    )
    (mou,) = facts_of(text, "MoUSigned")
    signed = {(s["party"], s["name"]) for s in mou["signatories"]}
    assert signed == {("CL", "Ana Soto"), ("PE", "Luis Prado"), ("BO", "Marta Ruiz")}


def test_words_before_a_memorandum_that_say_nothing_of_it_are_no_subject() -> None:
    text = (
        "Chile and Peru signed a long awaited memorandum of understanding on Monday to "
        "strengthen cooperation against terrorism."
    )
    (mou,) = facts_of(text, "MoUSigned")
    assert mou["subject"] == "strengthen cooperation against terrorism"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "(MENAFN- Kuwait News Agency (KUNA)) LIMA, Aug 15 (KUNA) -- Chile and Peru signed a "
            "MoU on security cooperation and the combat against terrorism, said the Chilean "
            "minister on Thursday.",
            id="the-agency-that-reports-it",
        ),
        pytest.param(
            "The Financial Intelligence Unit of Chile has signed the memorandum of understanding "
            "(MoU) with the financial intelligence unit of Peru concerning the exchange of "
            "information on money laundering, at the annual meeting in the capital of Australia, "
            "Canberra, on 19 August 2019.",
            id="the-place-of-signing",
        ),
    ],
)
def test_a_state_that_only_reports_or_hosts_the_signing_is_no_party(text: str) -> None:
    (mou,) = facts_of(text, "MoUSigned")
    assert mou["parties"] == ["CL", "PE"]
    assert mou["subject"]


def test_the_subject_after_the_counterpart_signed_with() -> None:
    text = (
        "The Financial Intelligence Unit of Chile has signed the memorandum of understanding "
        "(MoU) with the financial intelligence unit of Peru concerning cooperation in the "
        "exchange of information on money laundering."
    )
    (mou,) = facts_of(text, "MoUSigned")
    assert mou["subject"] == "cooperation in the exchange of information on money laundering"


def test_a_purpose_in_a_relative_clause_and_a_title_before_today() -> None:
    text = (
        "Lena Berg, Director of Security Policy at Sweden's Ministry of Justice, and Tomás "
        "Silva, Chile's Undersecretary of the Interior, today in Santiago signed a memorandum "
        "of understanding that promotes closer counter-terrorism training between the two "
        "countries."
    )
    (mou,) = facts_of(text, "MoUSigned", date(2024, 5, 2))
    assert "counter-terrorism training" in mou["subject"]
    titles = {s["name"]: s["title"] for s in mou["signatories"]}
    assert titles["Tomás Silva"] == "Chile's Undersecretary of the Interior"


@pytest.mark.parametrize(
    ("text", "parties", "subject_has"),
    [
        pytest.param(
            "The heads of the security services of Armenia and Kazakhstan signed in Yerevan an "
            "agreement on cooperation in the fight against terrorism.",
            ["AM", "KZ"],
            "fight against terrorism",
            id="the-place-between-the-verb-and-the-agreement",
        ),
        pytest.param(
            "Chile and Peru on Tuesday signed a cooperation pact in which they agree to work "
            "together to fight terrorism and organised crime.",
            ["CL", "PE"],
            "fight terrorism",
            id="a-pact-and-what-the-sides-agree-to-in-it",
        ),
        pytest.param(
            "China and Kirghizia have signed an agreement on cooperation in the fight against "
            "terrorism and separatism.",
            ["CN", "KG"],
            "fight against terrorism",
            id="an-older-spelling-of-a-state",
        ),
    ],
)
def test_agreements_signed(text: str, parties: list[str], subject_has: str) -> None:
    (mou,) = facts_of(text, "MoUSigned", date(2024, 5, 2))
    assert mou["parties"] == parties
    assert subject_has in mou["subject"]


def test_an_agreement_with_the_other_state_on_its_subject() -> None:
    text = (
        "Chile has signed an agreement with Peru on police cooperation to combat terrorism and "
        "organised crime."
    )
    (found,) = facts_of(text, "MoUSigned")
    assert found["parties"] == ["CL", "PE"]
    assert found["subject"] == "police cooperation to combat terrorism and organised crime"


def test_an_agreement_with_an_official_names_no_subject_by_the_title() -> None:
    # "for the Interior" belongs to the official's title, not to the agreement
    text = _TALKS + (
        "The minister signed the new agreement with Peruvian Vice Minister for the Interior "
        "Luis Vega."
    )
    assert facts_of(text, "MoUSigned") == []


@pytest.mark.parametrize(
    ("text", "signatories"),
    [
        pytest.param(
            "Chile has signed an agreement with Peru on police cooperation against terrorism. "
            "The Chilean Deputy Minister of the Interior, Ana Torres, was in Lima last week to "
            "sign the agreement with the Minister of Justice, Lieutenant-General Luis Vega.",
            [
                {
                    "name": "Ana Torres",
                    "title": "Chilean Deputy Minister of the Interior",
                    "party": "CL",
                },
                {"name": "Luis Vega", "title": "Minister of Justice", "party": "PE"},
            ],
            id="a-visit-made-to-sign",
        ),
        pytest.param(
            "The Memorandum of Understanding between the National Security Council (NSC) of "
            "Chile and the Security Council of the Republic of Peru (SCRP) entered into force. "
            "The MOU was signed by National Security Adviser Luis Vega and Mr. Ana Torres, "
            "Secretary of the SCRP, on 23 May 2017 in Cusco, to strengthen cooperation against "
            "terrorism.",
            [
                {"name": "Luis Vega", "title": "National Security Adviser", "party": "CL"},
                {"name": "Ana Torres", "title": "Secretary of the SCRP", "party": "PE"},
            ],
            id="a-signing-body-named-by-its-abbreviation-gives-the-side",
        ),
    ],
)
def test_signatories_and_their_sides(text: str, signatories: list[dict[str, str]]) -> None:
    (found,) = facts_of(text, "MoUSigned")
    assert found["signatories"] == signatories


def test_the_subject_after_the_passive_verb_and_who_met_are_no_bodies() -> None:
    text = (
        "Two memorandums of understanding were signed at a meeting between Chilean Foreign "
        "Minister Ana Torres and Peruvian Foreign Minister Luis Vega. An MoU was also signed "
        "for cooperation in the field of port security."
    )
    (found,) = facts_of(text, "MoUSigned")
    assert found["subject"] == "cooperation in the field of port security"
    assert found["bodies"] == []


def test_a_project_named_after_in_is_no_place_of_signing() -> None:
    text = _TALKS + "They signed an agreement on investment in the Ilo Port project."
    (found,) = facts_of(text, "MoUSigned")
    assert found["location"] is None


@pytest.mark.parametrize(
    ("text", "subject", "signatories"),
    [
        pytest.param(
            "The Financial Intelligence Unit of Chile signed a Memorandum of Understanding (MoU) "
            "with the Financial Analysis Unit of Peru to combat money laundering and terrorist "
            "financing. The MoU signed on Monday by Ana Torres, Director of the Unit, and Luis "
            "Vega, Ambassador of Peru to Chile, comes in line with international efforts.",
            "combat money laundering and terrorist financing",
            [("Ana Torres", "Director of the Unit"), ("Luis Vega", "Ambassador of Peru to Chile")],
            id="the-purpose-after-the-other-body-and-the-signing-in-a-reduced-clause",
        ),
        pytest.param(
            "The Chilean committee signed a Memorandum of Understanding with the Peruvian "
            "committee. The agreement was signed by Ana Torres, Secretary-General of the Chilean "
            "committee, and Luis Vega, Chair of the Peruvian committee. The MoU establishes a "
            "framework for cooperation in combating terrorist financing.",
            "a framework for cooperation in combating terrorist financing",
            [
                ("Ana Torres", "Secretary-General of the Chilean committee"),
                ("Luis Vega", "Chair of the Peruvian committee"),
            ],
            id="the-agreement-signed-by-and-what-the-mou-establishes",
        ),
        pytest.param(
            "Chile and Peru signed a Memorandum of Understanding that establishes a joint team. "
            "Under the agreement, signed in Lima by Ana Torres, the foreign minister, and Luis "
            "Vega, Peruvian Interior Minister, the two sides pledged to fight terrorism.",
            "establishes a joint team",
            [("Ana Torres", "foreign minister"), ("Luis Vega", "Peruvian Interior Minister")],
            id="under-the-agreement-signed-by",
        ),
        pytest.param(
            "The governments of Chile and Peru recognise terrorism as a threat. To this end, they "
            "signed an agreement October 7 that establishes a basis for cooperation in the "
            "struggle against terrorism.",
            "establishes a basis for cooperation in the struggle against terrorism",
            [],
            id="an-agreement-that-establishes-after-its-day",
        ),
    ],
)
def test_memoranda_of_financial_bodies_and_agreements_described(
    text: str, subject: str, signatories: list[tuple[str, str]]
) -> None:
    (found,) = facts_of(text, "MoUSigned")
    assert found["subject"] == subject
    assert [(s["name"], s["title"]) for s in found["signatories"]] == signatories


def test_the_subject_after_the_counterpart_in_the_field_of() -> None:
    text = (
        "The Chilean Minister of the Interior signed a memorandum of understanding (MoU) with his "
        "Peruvian counterpart in the field of security cooperation, in Lima, on Monday."
    )
    (found,) = facts_of(text, "MoUSigned")
    assert found["subject"] == "security cooperation"


def test_signers_in_a_reported_clause_and_a_place_with_a_particle() -> None:
    text = (
        "Chilean and Peruvian police forces have signed a Memorandum of Understanding (MoU) "
        "aimed at building cooperation to curb terrorism. This was announced by Chile’s "
        "Inspector General of Police Ana Torres, who said the police chiefs of Chile and Peru, "
        "Ana Torres and Luis Vega, have signed the document in Puerto de la Cruz at the "
        "Ministry of the Interior."
    )
    (found,) = facts_of(text, "MoUSigned")
    assert found["location"] == "Puerto de la Cruz"
    assert [s["name"] for s in found["signatories"]] == ["Ana Torres", "Luis Vega"]
    assert not any("announced" in (s["title"] or "") for s in found["signatories"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Memorandum of Understanding (MoU) signed today by Chile and Peru strengthens the "
            "existing framework for combating terrorism, the minister said.",
            {"subject": "the existing framework for combating terrorism"},
            id="what-the-memorandum-does-said-of-it",
        ),
        pytest.param(
            "The Chilean minister signed a memorandum of understanding with Peruvian Interior "
            "Minister, General Luis Vega, for cooperation between the police forces of both "
            "countries.",
            {"subject": "cooperation between the police forces of both countries"},
            id="the-subject-after-the-other-signatory-and-their-title",
        ),
        pytest.param(
            "On 14 May 2022, the intelligence services of Chile and Peru agreed to jointly prevent "
            "terrorism and organised crime in the Andes. A memorandum of understanding was signed "
            "by Chile's intelligence director Ana Tapia and Peru's intelligence director Luis "
            "Vega.",
            {
                "subject": "jointly prevent terrorism and organised crime in the Andes",
                "date": "2022-05-14",
            },
            id="the-purpose-agreed-in-the-sentence-before",
        ),
        pytest.param(
            "The agreement signed in Lima by Chilean Interior Minister Ana Tapia and Peruvian "
            "Justice Minister Luis Vega would strengthen the exchange of information on terrorist "
            "suspects.",
            {
                "subject": "the exchange of information on terrorist suspects",
                "location": "Lima",
                "signatories": [
                    {"name": "Ana Tapia", "title": "Chilean Interior Minister", "party": "CL"},
                    {"name": "Luis Vega", "title": "Peruvian Justice Minister", "party": "PE"},
                ],
            },
            id="an-agreement-named-by-who-signed-it-and-what-it-would-do",
        ),
    ],
)
def test_what_a_memorandum_is_for_told_elsewhere(text: str, expected: dict) -> None:
    (mou,) = facts_of(text, "MoUSigned", date(2024, 5, 2))
    assert {key: mou[key] for key in expected} == expected


def test_an_agreement_named_by_its_topic_and_the_state_named_most() -> None:
    text = (
        "Chile has signed security agreements with Peru and Bolivia. In Lima, Defence Minister "
        "Ana Tapia signed a refreshed security cooperation agreement following talks with "
        "Peruvian ministers. Tapia said Chile counts Peru as a close partner, and Chile's "
        "navy will train with Peru's. Chile will also send advisers to Bolivia, Chile's "
        "defence ministry said."
    )
    (mou,) = facts_of(text, "MoUSigned", date(2024, 5, 2))
    assert mou["parties"] == ["CL", "PE"]
    assert "security cooperation" in mou["subject"]
    assert [(s["name"], s["title"], s["party"]) for s in mou["signatories"]] == [
        ("Ana Tapia", "Defence Minister", "CL")
    ]


def test_an_agreement_with_most_countries_is_a_summary() -> None:
    text = (
        "Chile and Peru signed a memorandum of understanding on border security on 4 May. "
        "Tapia said that Chile has signed a cooperation agreement with most South American "
        "countries to prevent terrorism."
    )
    assert [m["subject"] for m in facts_of(text, "MoUSigned", date(2024, 5, 6))] == [
        "border security"
    ]


def test_a_purpose_after_a_bracketed_day_and_signers_before_the_venue() -> None:
    text = (
        "Chile and Peru signed a Memorandum of Understanding (MOU) on Thursday (May 2) to deepen "
        "cooperation in combating transnational crimes. The MOU was signed by Chile's Minister of "
        "the Interior Ana Tapia and Peru's Minister for Home Affairs and Law Luis Vega at the "
        "Ministry of the Interior (MININT) headquarters."
    )
    (mou,) = facts_of(text, "MoUSigned", date(2024, 5, 4))
    assert mou["subject"] == "deepen cooperation in combating transnational crimes"
    assert [(s["name"], s["party"]) for s in mou["signatories"]] == [
        ("Ana Tapia", "CL"),
        ("Luis Vega", "PE"),
    ]


@pytest.mark.parametrize(
    ("text", "subject", "day"),
    [
        pytest.param(
            "The Financial Analysis Unit of Chile has entered into a Memorandum of Understanding "
            "(MoU) with the Financial Intelligence Unit of Peru (UIF) concerning cooperation in "
            "the exchange of financial intelligence on 11th, November, 2017.",
            "cooperation in the exchange of financial intelligence",
            "2017-11-11",
            id="entered-into-and-a-day-with-commas",
        ),
        pytest.param(
            "The Financial Analysis Unit of Chile signed a Memorandum of Understanding (MoU) with "
            "the Financial Intelligence Unit of Peru recently.The key objective of the MoU is to "
            "exchange information on money laundering and terrorist financing.",
            "exchange information on money laundering and terrorist financing",
            None,
            id="the-objective-of-the-memorandum-in-the-sentence-after",
        ),
        pytest.param(
            "The governments of Chile and Peru have signed a Memorandum of Understanding, "
            "providing for law enforcement cooperation in areas of both countries' security.",
            "law enforcement cooperation in areas of both countries' security",
            None,
            id="a-participle-says-what-it-provides-for",
        ),
        pytest.param(
            "Interior Minister Ana Tapia and her Peruvian counterpart Luis Vega signed in Lima a "
            "Memo of Understanding (MoU) on internal security cooperation.",
            "internal security cooperation",
            None,
            id="a-memo-of-understanding",
        ),
    ],
)
def test_memoranda_entered_into_and_their_objectives(
    text: str, subject: str, day: str | None
) -> None:
    (mou,) = facts_of(text, "MoUSigned")
    assert mou["subject"] == subject
    if day:
        assert mou["date"] == day


@pytest.mark.parametrize(
    ("text", "subject", "parties"),
    [
        pytest.param(
            "Ghana on Sunday published a decree ratifying a memorandum of understanding (MoU) on "
            "cooperation and the exchange of security information with Nigeria. The two "
            "governments signed the MoU on 15 January. The memorandum sets out the duties of "
            "each party.",
            "cooperation and the exchange of security information",
            ["GH", "NG"],
            id="the-memorandums-name-said-before-it-was-signed",
        ),
        pytest.param(
            "Ghana and Togo signed a memorandum of understanding on cooperation in countering "
            "terrorism on March 3 in Accra.",
            "cooperation in countering terrorism",
            ["GH", "TG"],
            id="a-month-and-day-after-on-ends-the-subject",
        ),
        pytest.param(
            "Ghana and Togo have signed a Memorandum of Understanding, MoU, on security "
            "cooperation and counter-terrorism.",
            "security cooperation and counter-terrorism",
            ["GH", "TG"],
            id="the-short-form-set-off-by-commas",
        ),
        pytest.param(
            "Ghana and Togo signed a memorandum of understanding on combating terrorism with the "
            "Spain-based International Iberian Institution on 14 March 2018.",
            "combating terrorism",
            ["GH", "TG"],
            id="a-body-based-in-a-state-is-not-that-state",
        ),
        pytest.param(
            "The minister said the Maritime Information Sharing and Security Agreement, MISSA, "
            "was signed between Ghana and Togo yesterday.",
            "Maritime Information Sharing and Security Agreement",
            ["GH", "TG"],
            id="an-agreement-known-by-its-proper-name",
        ),
        pytest.param(
            "Ghana and Togo yesterday signed a landmark security cooperation agreement and "
            "pledged to work together to combat terrorism.",
            "security cooperation agreement",
            ["GH", "TG"],
            id="an-agreement-named-by-its-topic-after-an-adjective-with-its-noun",
        ),
        pytest.param(
            "Ghana and Togo inked a cooperation deal Thursday concerning police, border and "
            "counter-terrorism matters.",
            "police, border and counter-terrorism matters",
            ["GH", "TG"],
            id="a-deal-the-day-it-was-signed-and-a-list-of-subjects",
        ),
        pytest.param(
            "Ghana and Togo signed a deal Tuesday to set up a joint security committee to fight "
            "terrorism.",
            "set up a joint security committee to fight terrorism",
            ["GH", "TG"],
            id="a-deal-the-day-it-was-signed-and-its-purpose",
        ),
        pytest.param(
            "The leaders of Ghana and Togo signed an accord to boost security cooperation against "
            "terrorism. Ghana's President Kofi Mensah signed the deal on a state visit to Lome.",
            "boost security cooperation against terrorism",
            ["GH", "TG"],
            id="control-on-a-state-visit-is-when-not-what",
        ),
    ],
)
def test_subject_and_sides(text: str, subject: str, parties: list[str]) -> None:
    (mou,) = facts_of(text, "MoUSigned")
    assert (mou["subject"], mou["parties"]) == (subject, parties)


@pytest.mark.parametrize(
    "second",
    [
        pytest.param(
            "The agreement was inked by Ghanaian Interior Minister Brigadier General Kofi Mensah "
            "and his Togolese counterpart, Koffi Agbeko, in Accra on Sunday.",
            id="inked-by-both-then-where-and-when",
        ),
        pytest.param(
            "Ghanaian Interior Minister Kofi Mensah met with his Togolese counterpart Koffi "
            "Agbeko in Lome, Togo, to sign the agreement.",
            id="met-the-other-to-sign-it",
        ),
        pytest.param(
            "Ghana's interior minister Kofi Mensah and his Togolese counterpart, Koffi Agbeko, "
            "signed the deal yesterday in Accra.",
            id="the-deal-signed-by-the-two",
        ),
        pytest.param(
            "The MoU was signed during a meeting last week in Accra between visiting Togo's "
            "Minister of Security Koffi Agbeko and Ghanaian Interior Minister Kofi Mensah.",
            id="signed-during-a-meeting-between-the-two",
        ),
    ],
)
def test_signatories_in_the_sentence_after(second: str) -> None:
    text = (
        "Ghana and Togo have signed a memorandum of understanding to boost cooperation against "
        "terrorism. " + second
    )
    (mou,) = facts_of(text, "MoUSigned")
    signed = {(s["party"], s["name"]) for s in mou["signatories"]}
    assert signed == {("GH", "Kofi Mensah"), ("TG", "Koffi Agbeko")}


def test_a_counterpart_holds_the_post_for_the_other_side() -> None:
    text = (
        "Ghanaian and Togolese prosecutors signed a memorandum of understanding on fighting "
        "terrorism. The MoU was signed during a meeting in Accra between visiting Togo's "
        "Attorney General Koffi Agbeko and Ghanaian counterpart Kofi Mensah."
    )
    (mou,) = facts_of(text, "MoUSigned")
    titles = {s["name"]: s["title"] for s in mou["signatories"]}
    assert titles == {"Koffi Agbeko": "Togo's Attorney General", "Kofi Mensah": "Attorney General"}


@pytest.mark.parametrize(
    ("text", "signed", "location"),
    [
        pytest.param(
            "Ghana and Togo signed a memorandum of understanding on border security. The MoU "
            "was signed by Ghana's Interior Minister Kofi Mensah and Togolese police chief "
            "Koffi Agbeko in Lome, following their talks, the agency said.",
            {("GH", "Kofi Mensah"), ("TG", "Koffi Agbeko")},
            "Lome",
            id="signed-by-the-two-in-a-city-with-no-comma-before-it",
        ),
        pytest.param(
            "The MoU on border security was signed by Kenyan Interior Minister Kofi Mensah and "
            "Nigerian Security Minister Koffi Agbeko on 4 May 2024.",
            {("KE", "Kofi Mensah"), ("NG", "Koffi Agbeko")},
            None,
            id="signed-by-the-two-on-a-day",
        ),
        pytest.param(
            "Kenya's security minister Kofi Mensah and Nigerian counterpart Koffi Agbeko on "
            "Friday signed an agreement to strengthen police cooperation against terrorism.",
            {("KE", "Kofi Mensah"), ("NG", "Koffi Agbeko")},
            None,
            id="the-two-on-a-weekday-signed",
        ),
        pytest.param(
            "The Ghanaian Minister of the Interior, Kofi Mensah, and his Togolese counterpart "
            "have signed a memorandum of understanding on border security.",
            {("GH", "Kofi Mensah")},
            None,
            id="a-counterpart-given-no-name-names-no-signatory",
        ),
        pytest.param(
            "Serbia's interior minister Ana Petrovic and Kosovan counterpart Driton Gashi on "
            "Monday signed an agreement to strengthen police cooperation against terrorism.",
            {("RS", "Ana Petrovic"), ("XK", "Driton Gashi")},
            None,
            id="kosovo-by-its-demonym",
        ),
    ],
)
def test_who_signed_before_or_after_the_verb(
    text: str, signed: set[tuple[str, str]], location: str | None
) -> None:
    (mou,) = facts_of(text, "MoUSigned")
    assert {(s["party"], s["name"]) for s in mou["signatories"]} == signed
    assert mou["location"] == location


def test_a_title_with_a_city_in_it_stays_whole() -> None:
    text = (
        "The MoU on border security was signed by Kofi Mensah, Ambassador in Lome, and Koffi "
        "Agbeko, Director of the Togolese Police."
    )
    (mou,) = facts_of(text, "MoUSigned")
    titles = {s["name"]: s["title"] for s in mou["signatories"]}
    assert titles == {
        "Kofi Mensah": "Ambassador in Lome",
        "Koffi Agbeko": "Director of the Togolese Police",
    }


def test_the_purpose_of_memoranda_told_before_they_were_signed() -> None:
    text = (
        "Ghana and Togo have signed two memoranda of understanding aimed at closer cooperation "
        "in fighting terrorist financing and piracy.\n\nThe MoUs were signed at a meeting of "
        "the two interior ministers in Accra yesterday."
    )
    (mou,) = facts_of(text, "MoUSigned", published_on=date(2024, 5, 6))
    assert mou["subject"] == "closer cooperation in fighting terrorist financing and piracy"
    assert mou["parties"] == ["GH", "TG"]


def test_a_declaration_of_intent_signed() -> None:
    text = (
        "Ghana and the Netherlands on 13 April 2017 signed a declaration of intent to counter "
        "terrorism and violent extremism."
    )
    (mou,) = facts_of(text, "MoUSigned")
    assert mou["subject"] == "counter terrorism and violent extremism"
    assert mou["parties"] == ["GH", "NL"]


def test_the_agreement_was_signed_on_a_weekday_by_two_and_a_clause_after_them() -> None:
    text = (
        "Ghana and Togo have reached a security deal to combat trafficking across their "
        "border. The agreement was signed Wednesday by Ghanaian Interior Minister Kofi Mensah "
        "and his Togolese counterpart, Koffi Agbeko, who was visiting Accra, the agency said."
    )
    (mou,) = facts_of(text, "MoUSigned")
    titles = {s["name"]: s["title"] for s in mou["signatories"]}
    assert titles == {
        "Kofi Mensah": "Ghanaian Interior Minister",
        "Koffi Agbeko": "Interior Minister",
    }


def test_a_signer_by_surname_alone_and_an_opening_phrase_is_no_title() -> None:
    text = (
        "Speaking after talks with his Nigerian counterpart, Interior Minister Kofi Mensah said "
        "the border would be patrolled jointly. Mensah and Nigerian Security Minister Koffi "
        "Agbeko signed a memorandum of understanding on the matter in Nairobi. Kenya and "
        "Nigeria face the same terrorist groups."
    )
    (mou,) = facts_of(text, "MoUSigned")
    assert mou["subject"] == ""
    titles = {(s["party"], s["name"]): s["title"] for s in mou["signatories"]}
    assert titles == {
        ("KE", "Kofi Mensah"): "Interior Minister",
        ("NG", "Koffi Agbeko"): "Nigerian Security Minister",
    }


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        pytest.param(
            "Following talks between Kenyan President Kofi Mensah and visiting Nigerian "
            "President Koffi Agbeko, officials of both sides signed a memorandum of "
            "understanding on combating terrorism.",
            set(),
            id="officials-signed-after-the-leaders-talks",
        ),
        pytest.param(
            "Kenya and Nigeria signed a memorandum of understanding on combating terrorism. The "
            "MoU was signed during a meeting in Nairobi between visiting Nigerian Security "
            "Minister Koffi Agbeko and Kenyan Interior Minister Kofi Mensah.",
            {("KE", "Kofi Mensah"), ("NG", "Koffi Agbeko")},
            id="control-signed-during-a-meeting-between-the-two",
        ),
    ],
)
def test_who_met_signed_only_when_it_was_signed_at_their_meeting(
    text: str, signed: set[tuple[str, str]]
) -> None:
    (mou,) = facts_of(text, "MoUSigned")
    assert {(s["party"], s["name"]) for s in mou["signatories"]} == signed


def test_initials_after_in_are_a_field_not_a_place() -> None:
    text = (
        "Ghana and Togo signed a memorandum of understanding on cooperation in CVE, the "
        "ministry said."
    )
    (mou,) = facts_of(text, "MoUSigned")
    assert mou["location"] is None


def test_a_coast_guard_is_a_body_not_a_person() -> None:
    text = (
        "Indonesia's Directorate General of Customs and Excise and the Singapore Police Coast "
        "Guard signed a memorandum of understanding on maritime security on Monday."
    )
    (mou,) = facts_of(text, "MoUSigned")
    assert mou["signatories"] == []


def test_a_list_of_documents_signed_holds_the_one_against_terrorism() -> None:
    text = (
        "Presidents of Chile and Peru sign documents\n\n"
        "Several documents were signed after the talks of the two presidents in Lima.\n"
        "The following documents were signed:\n"
        "- Agreement between the Government of Chile and the Government of Peru on cooperation "
        "in combating terrorism;\n"
        "- Agreement between the Government of Peru and the Government of Chile on cooperation "
        "in tourism;\n"
        "- Protocol on consultations between the foreign ministries of the two countries."
    )
    (mou,) = facts_of(text, "MoUSigned")
    assert mou["subject"] == "cooperation in combating terrorism"
    assert mou["parties"] == ["CL", "PE"]


def test_a_list_of_documents_not_said_to_be_signed_signs_nothing() -> None:
    text = (
        "The two presidents discussed these drafts:\n"
        "- Agreement between the Government of Chile and the Government of Peru on cooperation "
        "in combating terrorism;\n"
        "- Agreement between the Government of Peru and the Government of Chile on tourism."
    )
    assert facts_of(text, "MoUSigned") == []


def test_signatories_after_an_opening_on_the_margins_and_east_timor() -> None:
    text = (
        "On the margins of the regional ministerial talks, Ana Soto of East Timor and Luis "
        "Ramos of Chile signed a bilateral agreement for Santiago to help Dili counter "
        "terrorist threats."
    )
    (mou,) = facts_of(text, "MoUSigned")
    assert mou["parties"] == ["CL", "TL"]
    assert [(s["name"], s["title"], s["party"]) for s in mou["signatories"]] == [
        ("Ana Soto", None, "TL"),
        ("Luis Ramos", None, "CL"),
    ]


def test_signed_on_the_occasion_of_a_meeting_is_when_not_what() -> None:
    text = (
        "Chile and Peru on Monday signed a memorandum of understanding for closer "
        "counterterrorism cooperation. The MoU was signed on the occasion of the third "
        "foreign ministers' dialogue in Lima."
    )
    (mou,) = facts_of(text, "MoUSigned")
    assert mou["subject"] == "closer counterterrorism cooperation"
