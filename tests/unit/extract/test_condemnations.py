"""Condemnations: what is condemned, in examples written for these tests."""

from __future__ import annotations

import pytest

from ctevents.extract import gazetteer
from tests.unit.extract.helpers import facts_of

OPENING = (
    "The 6th meeting of the India-Chile Joint Working Group on Counter-Terrorism was held in "
    "Santiago on 4 May 2024. "
)


@pytest.mark.parametrize(
    ("sentence", "condemned"),
    [
        pytest.param(
            "The two sides condemned terrorism in all its form and manifestation and stressed "
            "the need for cooperation.",
            ["terrorism in all its form and manifestation"],
            id="a-singular-form-and-manifestation-stays-one-thing",
        ),
        pytest.param(
            "In their statement, the two sides condemned terrorism “in all its forms and "
            "manifestations,” including cross-border terrorism.",
            ["terrorism in all its forms and manifestations", "cross-border terrorism"],
            id="a-quoted-fragment-continues-the-thing-condemned",
        ),
        pytest.param(
            "Both sides firmly condemned all forms, means and manifestations of terrorism as "
            "unacceptable, whoever the perpetrators may be.",
            ["all forms, means and manifestations of terrorism"],
            id="nouns-sharing-one-complement-are-one-thing",
        ),
        pytest.param(
            "While condemning the deadly terrorist attacks in South Sudan and Burkina Faso, the "
            "two sides agreed that terrorism has no religion.",
            ["the deadly terrorist attacks in South Sudan and Burkina Faso"],
            id="places-of-two-words-joined-and-the-main-clause-after-the-participle",
        ),
        pytest.param(
            "The two sides strongly condemned the bombings in Arica and Iquique on 2 and 4 May "
            "2024, respectively, which killed six people.",
            ["the bombings in Arica and Iquique on 2 and 4 May 2024"],
            id="two-days-of-one-date-and-respectively",
        ),
        pytest.param(
            "The two sides condemned the attack on the Arica ferry, expressing sorrow for the "
            "victims and extending condolences to their families.",
            ["the attack on the Arica ferry"],
            id="what-the-side-also-did-after-a-comma",
        ),
    ],
)
def test_condemned(sentence: str, condemned: list[str]) -> None:
    found = facts_of(OPENING + sentence, "CondemnationIssued")
    assert found
    assert found[0]["condemned"] == condemned
    assert found[0]["parties"] == ["CL", "IN"]


def test_the_judgement_passed_is_not_a_thing_condemned() -> None:
    text = OPENING + "The two sides condemned the bombing in Iquique as cowardly and barbaric."
    found = facts_of(text, "CondemnationIssued")
    assert found and found[0]["condemned"] == ["the bombing in Iquique"]


def test_a_list_of_separate_acts_stays_a_list() -> None:
    text = OPENING + "The two sides condemned the bombings, kidnappings and killings of civilians."
    found = facts_of(text, "CondemnationIssued")
    assert found and len(found[0]["condemned"]) == 3


def test_the_participants_are_every_side_of_the_meeting() -> None:
    text = (
        OPENING + "The participants recalled the statements of the Peru-Chile Working Group, "
        "again condemning attacks on civilians by armed groups."
    )
    found = facts_of(text, "CondemnationIssued")
    assert found and found[0]["parties"] == ["CL", "IN"]


def test_to_denounce_is_to_condemn() -> None:
    text = OPENING + "The two sides strongly denounced all those who finance or shelter terrorists."
    found = facts_of(text, "CondemnationIssued")
    assert found and found[0]["condemned"] == ["all those who finance or shelter terrorists"]
    assert found[0]["strongly"] and found[0]["parties"] == ["CL", "IN"]


def test_a_principle_in_the_passive_names_no_one_condemning() -> None:
    text = OPENING + "Terrorism must be unanimously denounced everywhere, the statement said."
    assert facts_of(text, "CondemnationIssued") == []


def test_a_trilateral_lead_lists_the_condemning_parties() -> None:
    text = (
        "Chilean, Peruvian and Argentine foreign ministers signed a joint statement after their "
        "trilateral meeting in Lima. The ministers condemned the bombing in Arica."
    )
    (found,) = facts_of(text, "CondemnationIssued")
    assert found["parties"] == ["AR", "CL", "PE"]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param(
            "Chile and Peru signed two memoranda on police cooperation during the visit of "
            "Peruvian President Luis Vega to Santiago. Vega condemned the rise of terrorism "
            "in the region.",
            ["PE"],
            id="a-person-introduced-with-their-sides-title-speaks-for-it",
        ),
        pytest.param(
            "Chile and Peru signed two memoranda on police cooperation in Santiago. "
            "Luis Vega condemned the rise of terrorism in the region.",
            ["CL", "PE"],
            id="a-person-whose-side-is-never-given-leaves-both",
        ),
        pytest.param(
            "Nigeria and Chad held talks on security. The two presidents strongly condemned the "
            "attacks by Boko Haram.",
            ["NG", "TD"],
            id="a-state-whose-name-is-also-a-first-name-joined-to-a-state",
        ),
        pytest.param(
            "The two Heads of State, Muhammadu Buhari (Nigeria) and Idriss Deby (Chad), strongly "
            "condemned the attacks by Boko Haram.",
            ["NG", "TD"],
            id="bracketed-after-a-person",
        ),
        pytest.param(
            "LIMA: Foreign Minister Luis Vega on Thursday held a telephone conversation with "
            "Foreign Minister of Chile Ana Tapia and condemned the bombing in Arica. Peru and "
            "Chile share a long border.",
            ["PE"],
            id="an-official-with-no-state-under-a-capitals-dateline",
        ),
        pytest.param(
            "Peruvian Interior Minister Luis Vega called on Acting Chilean Ambassador Ana M. "
            "Tapia to discuss security. During the talks, Ms Tapia strongly condemned the "
            "bombing in Lima.",
            ["CL"],
            id="an-initials-stop-ends-no-sentence",
        ),
        pytest.param(
            "Peruvian Prime Minister Luis Vega met President Ana Tapia in Santiago, Chile. Prime "
            "Minister Vega joined President Tapia in condemning the recent terror attacks.",
            ["CL", "PE"],
            id="one-joined-the-other-in-condemning",
        ),
        pytest.param(
            "Chilean Foreign Minister Ana Tapia, in phone talks with her Peruvian counterpart, "
            "Luis Vega, condemned the attack on the embassy in Lima.",
            ["CL"],
            id="whom-the-subject-spoke-to-set-off-by-commas",
        ),
        pytest.param(
            "S. Korea condemns bomb attack in Colombia\n"
            "South Korea on Saturday condemned the bombing of a police academy in Bogota.",
            ["KR"],
            id="a-headlines-short-form-of-a-state",
        ),
        pytest.param(
            "Media Statement\n4 May 2024\nGhana condemns the bombing in Lagos\nThe Government "
            "has learnt with shock of the bombing in the Nigerian city. We condemn in the "
            "strongest terms this cruel act.",
            ["GH"],
            id="we-in-a-statement-that-names-one-side-condemning",
        ),
        pytest.param(
            "Press Release Regarding the Terrorist Attack in Kenya\nWe strongly condemn the "
            "terrorist attack on a hotel in Nairobi today. Ghana shares the grief of the Kenyan "
            "people.",
            ["GH"],
            id="we-of-one-government-about-an-attack-in-the-other-state",
        ),
        pytest.param(
            "Joint Statement of Ghana and Kenya\nPresident Kofi Mensah of Ghana and President "
            "Ruth Wanjiru of Kenya met in Accra on 3 May 2024. We strongly condemn the terrorist "
            "attack on a hotel in Nairobi today.",
            ["GH", "KE"],
            id="we-of-a-joint-statement-is-both-sides",
        ),
        pytest.param(
            "Turkish Foreign Ministry on Friday “strongly” condemned a terror attack in "
            "Afghanistan.",
            ["TR"],
            id="a-quoted-adverb-opens-no-clause",
        ),
        pytest.param(
            "Foreign Secretary Ana Holt condemned this morning's terrorist attack in Nairobi. "
            "The United Kingdom stands with Kenya.",
            ["GB"],
            id="an-official-of-no-side-on-an-attack-in-the-other-state",
        ),
        pytest.param(
            "Minister condemns Kabul Attack\nMinister Mark Hale condemned the Kabul attack on "
            "the hotel. The UK stands with Afghanistan.",
            ["GB"],
            id="the-attacks-place-before-the-word-attack",
        ),
        pytest.param(
            "The council condemned the attacks of the Iran-backed militia in Saudi Arabia.",
            ["IR", "SA"],
            id="a-state-named-only-in-a-compound-speaks-for-no-one",
        ),
        pytest.param(
            "Minister Ana Ruiz condemned the bombing of the metro in Brussels. Spain stands "
            "with Belgium.",
            ["ES"],
            id="an-attack-in-a-seat-that-is-also-the-eus-is-in-its-state",
        ),
        pytest.param(
            "Minister Ana Ruiz condemned the attack on the market in Quetta. Spain stands with "
            "Pakistan.",
            ["ES"],
            id="an-attack-in-a-city-that-is-no-capital",
        ),
    ],
)
def test_the_side_that_condemns(text: str, parties: list[str]) -> None:
    (found,) = facts_of(text, "CondemnationIssued")
    assert found["parties"] == parties


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            OPENING + "The two sides condemned the occupation of the border territories.",
            [],
            id="a-thing-condemned-that-is-no-violence-is-not-of-the-genre",
        ),
        pytest.param(
            OPENING + "The two sides condemned the kidnapping of aid workers.",
            [["the kidnapping of aid workers"]],
            id="violence-without-the-word-terrorism-still-is",
        ),
        pytest.param(
            OPENING + "The two sides condemned Hizballah.",
            [["Hizballah"]],
            id="a-group-of-the-lexicon-named-alone",
        ),
    ],
)
def test_what_a_condemnation_of_the_genre_condemns(text: str, expected: list[list[str]]) -> None:
    assert [f["condemned"] for f in facts_of(text, "CondemnationIssued")] == expected


def test_a_person_named_like_a_state_is_no_state() -> None:
    text = "Acting Secretary Chad Wolf met officials of Nigeria and Georgia Smith of Peru."
    assert [m.code for m in gazetteer.mentions(text)] == ["NG", "PE"]


def test_a_state_and_a_groupings_member_states_condemn_together() -> None:
    text = "Chile and the BRICS member states together resolutely denounce the bombing in Arica."
    (found,) = facts_of(text, "CondemnationIssued")
    assert found["parties"] == ["BR", "CL", "CN", "IN", "RU", "ZA"]


@pytest.mark.parametrize(
    ("text", "condemned"),
    [
        pytest.param(
            OPENING + "The two sides condemned the bombing in Arica on March 3, 2023.",
            ["the bombing in Arica on March 3, 2023"],
            id="the-year-after-a-days-comma-stays-with-the-day",
        ),
        pytest.param(
            OPENING + "Chile expressed its condemnation of terrorism and violent extremism and "
            "its commitment to help India.",
            ["terrorism and violent extremism"],
            id="the-genres-pair-is-one-thing-and-a-commitment-is-none",
        ),
        pytest.param(
            "Peru condemned the attacks on Lima and Arica last week, and signaled it would "
            "back the inquiry.",
            ["the attacks on Lima and Arica last week"],
            id="places-joined-after-on-and-a-second-verb-signaled",
        ),
    ],
)
def test_what_is_condemned_ends_and_stays_whole(text: str, condemned: list[str]) -> None:
    (found,) = facts_of(text, "CondemnationIssued")
    assert found["condemned"] == condemned


@pytest.mark.parametrize(
    ("text", "parties", "condemned"),
    [
        pytest.param(
            OPENING + "The agenda opened with a strong joint denunciation of terrorism in all its "
            "manifestations, spotlighting attacks across the border.",
            ["CL", "IN"],
            ["terrorism in all its manifestations"],
            id="a-joint-denunciation-and-what-it-spotlights",
        ),
        pytest.param(
            OPENING + "Chile strongly condemned terrorism in all its forms emphasizing the need "
            "for cooperation.",
            ["CL"],
            ["terrorism in all its forms"],
            id="a-participle-without-a-comma-ends-the-thing-condemned",
        ),
    ],
)
def test_denunciations_and_their_ends(text: str, parties: list[str], condemned: list[str]) -> None:
    (found,) = facts_of(text, "CondemnationIssued")
    assert (found["parties"], found["condemned"]) == (parties, condemned)


_CALL = (
    "Chilean Foreign Minister Ana Tapia spoke by telephone with Peruvian Foreign Minister "
    "Luis Vega on Monday. "
)


@pytest.mark.parametrize(
    ("text", "parties", "condemned"),
    [
        pytest.param(
            _CALL + "Speaking at a joint press conference later, Tapia condemned the bombing in "
            "Arica.",
            ["CL"],
            ["the bombing in Arica"],
            id="an-opening-phrase-names-no-one-who-condemned",
        ),
        pytest.param(
            _CALL + "During the call, Vega briefed Tapia on the inquiry into the blast in Tacna, "
            "saying the Peruvian government strongly condemned the attack, and that its people "
            "stood with Chile.",
            ["PE"],
            ["the attack"],
            id="the-clause-after-a-reporting-verb-and-a-second-thing-reported",
        ),
        pytest.param(
            "Ana Tapia, Chilean Minister of Foreign Affairs, and Luis Vega, Minister of Foreign "
            "Affairs of Peru, discussed the bilateral relationship by phone. "
            "Tapia expressed her strong condemnation of the attack on the border post.",
            ["CL"],
            ["the attack on the border post"],
            id="a-person-introduced-with-the-title-after-the-name",
        ),
        pytest.param(
            "The Peruvian deputy minister met senior officials in Santiago, including Chile's "
            "interior minister, Ana Tapia, and the speaker of the Senate. Minister Tapia, who was "
            "herself wounded in a bombing in 1991, condemned the attacks on Peru.",
            ["CL"],
            ["the attacks on Peru"],
            id="a-relative-clause-and-a-title-before-a-comma-and-the-name",
        ),
        pytest.param(
            "Chilean and Peruvian officials met in Lima. The Chilean minister voiced concern over "
            "smuggling from Bolivia and condemned the attacks on Peru.",
            ["CL"],
            ["the attacks on Peru"],
            id="the-subject-of-the-first-verb-when-condemned-is-the-second",
        ),
        pytest.param(
            _CALL + "Vega reiterated Peru's strong condemnation and complete rejection of all "
            "forms of violence and terrorism.",
            ["PE"],
            ["all forms of violence and terrorism"],
            id="condemnation-and-rejection-of-all-forms-of-two-things",
        ),
        pytest.param(
            "Chile and Peru reviewed their cooperation. Peru strongly condemned the bombing in "
            "Arica, Radio Sur reports.\nSource: https://example.org/peru-condemns-the-bombing-"
            "in-arica-and-chile-condemns",
            ["PE"],
            ["the bombing in Arica"],
            id="an-agency-reporting-and-an-address-line-are-no-thing-condemned",
        ),
    ],
)
def test_who_condemned_among_more_words(
    text: str, parties: list[str], condemned: list[str]
) -> None:
    (found,) = facts_of(text, "CondemnationIssued")
    assert (found["parties"], found["condemned"]) == (parties, condemned)


def test_a_pair_that_is_the_subject_stays_the_sides() -> None:
    # Peru is named most, but as what the two talked about, not as a side
    text = (
        "Chile and Bolivia held talks in La Paz on 4 May 2024. They strongly condemned "
        "cross-border terrorism and called on Peru to act. Peru has long denied the charge. "
        "Peru's government said Peru would respond, and Peru's army was put on alert."
    )
    (found,) = facts_of(text, "CondemnationIssued")
    assert found["parties"] == ["BO", "CL"]


def test_a_ministry_with_no_state_under_a_capitals_dateline() -> None:
    text = (
        "Lima — The Ministry of Foreign Affairs has strongly condemned the terrorist attack on "
        "the parliament of Chile on Wednesday. Peru stands with Chile."
    )
    (found,) = facts_of(text, "CondemnationIssued")
    assert found["parties"] == ["PE"]


def test_a_quoted_we_is_not_the_side_the_statement_names() -> None:
    text = (
        'Russia denounced terrorism in all its forms and manifestations. "We strongly condemn '
        "today's attack in Pulwama,\" the UN said in a statement."
    )
    condemnations = facts_of(text, "CondemnationIssued")
    russia = [c for c in condemnations if c["parties"] == ["RU"]]
    assert len(russia) == 1 and russia[0]["strongly"] is False


def test_condemnations_in_the_plural_are_one_condemnation() -> None:
    text = (
        "The Government of Japan expresses its firm condemnations of these atrocious acts of "
        "terrorism in Kabul."
    )
    (found,) = facts_of(text, "CondemnationIssued")
    assert found["parties"] == ["JP"]
    assert found["condemned"] == ["these atrocious acts of terrorism in Kabul"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Foreign Minister of Chile strongly condemned the bombing of the bus station in "
            "La Paz. Chile condemns terrorism in all its forms and manifestations.",
            [
                (["CL"], ["the bombing of the bus station in La Paz"], True),
                (["CL"], ["terrorism in all its forms and manifestations"], False),
            ],
            id="terrorism-in-general-in-a-sentence-of-its-own-is-a-second-condemnation",
        ),
        pytest.param(
            "Norway condemned yesterday's attack on the hotel in Nairobi. Norway also condemns "
            "all forms of terrorism.",
            [
                (["NO"], ["yesterday's attack on the hotel in Nairobi"], False),
                (["NO"], ["all forms of terrorism"], False),
            ],
            id="all-forms-of-terrorism-apart-from-the-attack",
        ),
        pytest.param(
            "Chile strongly condemns the bombing of the bus station in La Paz. Chile condemns "
            "all forms of terrorism and once again urges all states to act against it.",
            [
                (["CL"], ["the bombing of the bus station in La Paz"], True),
                (["CL"], ["all forms of terrorism"], False),
            ],
            id="and-once-again-a-second-verb-ends-what-is-condemned",
        ),
        pytest.param(
            "Chile condemned terrorism in all its forms and the bombing of the bus station in "
            "La Paz.",
            [
                (
                    ["CL"],
                    ["terrorism in all its forms", "the bombing of the bus station in La Paz"],
                    False,
                )
            ],
            id="control-one-sentence-condemning-both-is-one-condemnation",
        ),
        pytest.param(
            "Chile condemned terrorism in all its forms. Chile condemned terrorism and violent "
            "extremism.",
            [(["CL"], ["terrorism in all its forms", "terrorism and violent extremism"], False)],
            id="control-general-condemnations-with-no-attack-stay-one",
        ),
    ],
)
def test_terrorism_in_general_apart_from_an_attack(
    text: str, expected: list[tuple[list[str], list[str], bool]]
) -> None:
    found = facts_of(text, "CondemnationIssued")
    assert [(f["parties"], f["condemned"], f["strongly"]) for f in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "OSLO, May 3. Norway's foreign ministry has strongly condemned the bombing in "
            "Mali's Mopti region. \"We strongly condemn this crime and offer condolences to the "
            'families," the ministry said in a statement.',
            [(["NO"], ["the bombing in Mali's Mopti region", "this crime"])],
            id="a-quoted-we-the-ministry-said-is-the-statements-speaker",
        ),
        pytest.param(
            "The Attack in Mali\n(Statement by the Press Secretary)\n\nWe are shocked by the "
            "bombing in Mali that killed 30 people. We strongly condemn such cowardly attacks "
            "on innocent people. Norway stands with the people and the Government of Mali.",
            [(["NO"], ["such cowardly attacks on innocent people"])],
            id="the-attacks-place-told-before-the-we-that-condemns-it",
        ),
        pytest.param(
            "Two villages were attacked by gunmen in northern Mali on Sunday, leaving dozens "
            "dead.\n\nAccording to the Norwegian Embassy in Bamako, no Norwegians were among the "
            "victims.\n\nWe firmly condemn this cruel attack on peaceful villagers.",
            [(["NO"], ["this cruel attack on peaceful villagers"])],
            id="villages-attacked-in-a-region-of-the-state-struck",
        ),
        pytest.param(
            "WIRE - News Agency)\n\nOslo, Dec 13 (NTB) - The Ministry of Foreign and "
            "Development Affairs strongly condemned the attack on Malian soldiers and French "
            "personnel near Gao in Mali.",
            [(["NO"], ["the attack on Malian soldiers", "French personnel near Gao in Mali"])],
            id="a-ministry-with-no-state-under-a-capitals-dateline-below-a-wire-line",
        ),
        pytest.param(
            "AMMAN: Jordan's foreign ministry strongly condemned the attack near Palmyra in Syria.",
            [(["JO"], ["the attack near Palmyra in Syria"])],
            id="jordans-in-the-possessive-is-the-state",
        ),
        pytest.param(
            "The Embassy of Norway in Mali strongly condemned the terrorist attack in Bamako.",
            [(["NO"], ["the terrorist attack in Bamako"])],
            id="an-embassy-of-one-state-in-another",
        ),
        pytest.param(
            "The ministry noted that Norway shares the grief of the Malian people and strongly "
            "condemns the attack on the market.",
            [(["NO"], ["the attack on the market"])],
            id="the-state-whose-grief-is-shared-does-not-condemn",
        ),
        pytest.param(
            'The ministers of the Quad condemned the bombing in Peshawar. "The Quad '
            "unequivocally condemns terrorism in all its forms and renews its commitment to "
            'counterterrorism cooperation."',
            [
                (["AU", "IN", "JP", "US"], ["the bombing in Peshawar"]),
                (["AU", "IN", "JP", "US"], ["terrorism in all its forms"]),
            ],
            id="a-grouping-as-the-subject-and-what-it-renews-after",
        ),
        pytest.param(
            "Norway condemned in the “strongest terms” the bombing in Mali's Mopti region.",
            [(["NO"], ["the bombing in Mali's Mopti region"])],
            id="the-words-of-emphasis-quoted",
        ),
        pytest.param(
            "OSLO: Norway “strongly condemns” the bombing of a bus in Bamako, the Ministry of "
            "Foreign Affairs said in a statement on Sunday.",
            [(["NO"], ["the bombing of a bus in Bamako"])],
            id="the-verb-quoted-and-the-ministry-that-said-it",
        ),
        pytest.param(
            "Norway's special envoy for Mali condemns the bombing in Bamako.",
            [(["NO"], ["the bombing in Bamako"])],
            id="the-state-an-envoys-post-is-for-does-not-condemn",
        ),
        pytest.param(
            "The Foreign Ministry condemns the terrorist acts committed in the cities of Bamako "
            "and Mopti. Norway stands with Mali.",
            [(["NO"], ["the terrorist acts committed in the cities of Bamako and Mopti"])],
            id="attacks-in-the-cities-of-a-state",
        ),
        pytest.param(
            "OSLO, May 3. Oslo has strongly condemned the attack the group (banned in Norway) "
            "carried out on Mali's army, Norwegian Foreign Ministry Spokeswoman Eva Lund said.",
            [(["NO"], ["the attack the group (banned in Norway) carried out on Mali's army"])],
            id="a-capital-speaks-for-its-state-and-an-aside-names-no-place-struck",
        ),
        pytest.param(
            "The Chilean Ministry of Foreign Affairs (MINREL by its Spanish acronym) condemned "
            "the attack on the Chilean embassy in Lima.",
            [(["CL"], ["the attack on the Chilean embassy in Lima"])],
            id="a-state-named-in-an-aside-of-the-subject-does-not-condemn",
        ),
        pytest.param(
            "We strongly condemn the attack carried out against the Norwegian Embassy in "
            "Bamako yesterday. Mali will continue its fight against terrorism with Norway.",
            [
                (
                    ["ML"],
                    ["the attack carried out against the Norwegian Embassy in Bamako yesterday"],
                )
            ],
            id="an-attack-on-an-embassy-strikes-the-embassys-state-not-the-host",
        ),
        pytest.param(
            "Norway condemns attack on village school\n\nNorway's Prime Minister Eva Lund "
            "condemned the attack by the armed group on a crowded village school in Mali. A "
            "statement from Lund's office said the prime minister “utterly condemns the "
            "targeting of children by terrorists.”",
            [
                (
                    ["NO"],
                    [
                        "attack on village school",
                        "the attack by the armed group on a crowded village school in Mali",
                        "the targeting of children by terrorists",
                    ],
                )
            ],
            id="an-attack-placed-farther-along-its-sentence-and-a-quotation-opened-in-the-clause",
        ),
    ],
)
def test_who_condemned_in_one_governments_statement(
    text: str, expected: list[tuple[list[str], list[str]]]
) -> None:
    found = facts_of(text, "CondemnationIssued")
    assert [(f["parties"], f["condemned"]) for f in found] == expected


def test_words_describing_one_attack_stay_with_it_and_utterly_is_strong() -> None:
    text = (
        "The Government of Chile utterly condemns the brutal, senseless and cowardly attack on "
        "the embassy in Lima this morning."
    )
    (found,) = facts_of(text, "CondemnationIssued")
    assert found["condemned"] == [
        "the brutal, senseless and cowardly attack on the embassy in Lima this morning"
    ]
    assert found["strongly"] is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Both ministers deplored the global scourge of terrorism.\n\nChile and Peru "
            "will work together.",
            [(["CL", "PE"], ["the global scourge of terrorism"], False)],
            id="to-deplore-it-is-to-condemn-it",
        ),
        pytest.param(
            "Chile strongly condemns the calculated and cowardly terrorist attack in Lima.",
            [(["CL"], ["the calculated and cowardly terrorist attack in Lima"], True)],
            id="a-description-in-ed-stays-with-the-attack",
        ),
        pytest.param(
            "Chile condemns violence and terrorism in all its forms.",
            [(["CL"], ["violence and terrorism in all its forms"], False)],
            id="violence-and-terrorism-in-all-its-forms-is-one-thing",
        ),
        pytest.param(
            "LIMA, May 3: Norway has condemned the attack on the station. Norway's Ambassador "
            "to Peru, Mr Lars Berg, spoke to the press. The ambassador condemned terrorism and "
            "described the act as unacceptable.",
            [
                (["NO"], ["the attack on the station"], False),
                (["NO"], ["terrorism"], False),
            ],
            id="the-ambassador-speaks-for-the-state-that-sent-him",
        ),
        pytest.param(
            "Chile condemns twin bombing in Lima\nThe Foreign Ministry on Thursday condemned "
            "the twin bombing that targeted a market in central Lima. The ministry voiced "
            "Chile's full solidarity with Peru.",
            [
                (
                    ["CL"],
                    [
                        "twin bombing in Lima",
                        "the twin bombing that targeted a market in central Lima",
                    ],
                    False,
                )
            ],
            id="a-headlines-place-ends-with-its-line",
        ),
    ],
)
def test_condemnations_of_set_61s_shapes(
    text: str, expected: list[tuple[list[str], list[str], bool]]
) -> None:
    found = facts_of(text, "CondemnationIssued")
    assert [(f["parties"], f["condemned"], f["strongly"]) for f in found] == expected


@pytest.mark.parametrize(
    ("text", "condemned", "strongly"),
    [
        pytest.param(
            "Chile was shocked by the bombing in Lima and condemns it.",
            ["the bombing"],
            False,
            id="it-stands-for-the-attack-named-before-it",
        ),
        pytest.param(
            "Chile condemns the cowardly attack on the market in Lima in the strongest possible "
            "ways.",
            ["the cowardly attack on the market in Lima"],
            True,
            id="in-the-strongest-possible-ways-is-strong",
        ),
        pytest.param(
            "Chile welcomed the peace accord and condemns it.",
            [],
            False,
            id="control-it-with-no-attack-before-it-is-nothing-condemned",
        ),
    ],
)
def test_what_it_stands_for_and_the_strongest_ways(
    text: str, condemned: list[str], strongly: bool
) -> None:
    found = facts_of(text, "CondemnationIssued")
    assert [f["condemned"] for f in found] == ([condemned] if condemned else [])
    assert all(f["strongly"] is strongly and f["parties"] == ["CL"] for f in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Foreign Minister Ana Soto has joined others in condemning the bombing that killed "
            "20 people at a market in Peru's south.\n\n"
            '"Chile strongly condemns this cowardly attack," Ms Soto says.',
            [(["CL"], True)],
            id="joined-others-in-condemning-is-the-speaker-alone",
        ),
        pytest.param(
            "Chile joined Peru in condemning the bombing of the market in Bolivia.",
            [(["CL", "PE"], False)],
            id="control-joined-a-named-state-in-condemning-is-both",
        ),
    ],
)
def test_who_joined_whom_in_condemning(text: str, expected: list[tuple[list[str], bool]]) -> None:
    found = facts_of(text, "CondemnationIssued")
    assert [(f["parties"], f["strongly"]) for f in found] == expected


def test_a_second_predicate_in_the_present_ends_what_is_condemned() -> None:
    text = (
        "The Government of Chile strongly condemns this act of terrorism and remains firmly "
        "committed to working with its partners against terrorism."
    )
    (found,) = facts_of(text, "CondemnationIssued")
    assert found["condemned"] == ["this act of terrorism"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The minister said that terrorism can never be justified and that Chile condemns it.",
            [["terrorism"]],
            id="it-stands-for-terrorism-named-before-it",
        ),
        pytest.param(
            "Chile was shocked by the bombing in Lima and condemns it.\n\n"
            "Chile condemns terrorism in all its form and supports every effort to defeat it.",
            [["the bombing"], ["terrorism in all its form"]],
            id="a-general-condemnation-in-the-singular-apart-and-supports-ends-it",
        ),
    ],
)
def test_it_terrorism_and_a_general_condemnation_apart(
    text: str, expected: list[list[str]]
) -> None:
    found = facts_of(text, "CondemnationIssued")
    assert [f["condemned"] for f in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "SANTIAGO - Chilean Foreign Ministry Spokesman Ana Soto condemned the bombings in "
            "Lima. British and Dutch tourists were among the dead.\n\n"
            "Sotto strongly condemned the deadly attacks, offered condolences to the families, "
            "and expressed sympathy with the people of Peru.",
            [(["CL"], ["the bombings in Lima", "the deadly attacks"])],
            id="a-name-alone-is-the-statements-one-speaker-and-offered-ends-the-thing",
        ),
        pytest.param(
            "Ms Soto described Sunday's bombing in Lima as cowardly and said the Chilean "
            "government strongly condemned the action, for which a militant group has claimed "
            "responsibility.",
            [(["CL"], ["Sunday's bombing"])],
            id="the-action-stands-for-the-attack-named-before-and-for-which-ends-it",
        ),
    ],
)
def test_who_a_name_alone_is_and_what_the_action_was(
    text: str, expected: list[tuple[list[str], list[str]]]
) -> None:
    found = facts_of(text, "CondemnationIssued")
    assert [(f["parties"], f["condemned"]) for f in found] == expected


def _condemnations(text: str) -> list[tuple[list[str], list[str]]]:
    return [(f["parties"], f["condemned"]) for f in facts_of(text, "CondemnationIssued")]


def test_a_word_quoted_inside_what_is_condemned_does_not_end_it() -> None:
    assert _condemnations(
        "An official source at the Ministry expressed Chile's strong condemnation of the "
        '"terrorist" explosions that hit a market in Lima on Sunday.'
    ) == [(["CL"], ["the terrorist explosions that hit a market in Lima on Sunday"])]


def test_what_the_speaker_then_sent_is_not_condemned() -> None:
    assert _condemnations(
        "Chile's foreign minister condemned the attack in Lima and sent \"deepest "
        'condolences" to the families.'
    ) == [(["CL"], ["the attack in Lima"])]


def test_the_day_and_the_source_around_what_is_condemned_are_not_condemned() -> None:
    assert _condemnations(
        "Chile condemned on Sunday the two attacks that hit churches in Lima, according to "
        "the national news agency."
    ) == [(["CL"], ["the two attacks that hit churches in Lima"])]


def test_they_in_one_governments_statement_are_its_own_speakers() -> None:
    assert _condemnations(
        "President Soto And Minister Rojas Condemn Bombings In Lima\n\n"
        "President Ana Soto and Foreign Minister Luis Rojas of Chile sent messages of "
        "condolence to their counterparts in Peru on the loss of lives in the attacks in "
        "several places of Peru today. They have strongly condemned the criminal acts "
        "against humanity."
    ) == [(["CL"], ["Bombings In Lima", "the criminal acts against humanity"])]


def test_they_after_a_meeting_are_both_sides() -> None:
    # (control: in a report of the two sides' meeting, "they" condemn together)
    assert _condemnations(
        "The fifth Chile-Peru Counter-Terrorism Dialogue was held in Lima on 3 May 2021. "
        "They strongly condemned terrorism in all its forms."
    ) == [(["CL", "PE"], ["terrorism in all its forms"])]
