"""Terrorist entities named: examples of each shape, written for these tests."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import facts_of


def names(text: str) -> set[str]:
    return {f["name"] for f in facts_of(text, "TerroristEntityNamed")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Both sides exchanged views on the threat posed by the YPG and FETO in the region.",
            {"YPG", "FETO"},
            id="groups-on-a-national-list",
        ),
        pytest.param(
            "The Turkish side briefed on the activities of FETÖ/PDY and the DHKP-C abroad.",
            {"FETÖ/PDY", "DHKP-C"},
            id="national-list-spellings",
        ),
        pytest.param(
            "The ministers noted that Hizb ut-Tahrir continues to recruit online.",
            {"Hizb ut-Tahrir"},
            id="a-group-banned-in-central-asia",
        ),
        pytest.param(
            "They reviewed their work within the Global Coalition to Defeat Da'esh.",
            {"Da'esh"},
            id="a-group-inside-a-coalition-name-is-named",
        ),
        pytest.param(
            "The delegation pointed to cross-border attacks by groups such as LeT and JeM.",
            {"LeT", "JeM"},
            id="abbreviations-alone",
        ),
        pytest.param(
            "They called for action against the Islamic State of Syria and Iraq (ISIS).",
            {"Islamic State of Syria and Iraq"},
            id="syria-before-iraq",
        ),
        pytest.param(
            "Obama vowed to destroy the Islamic State of Syria and the Levant (ISIS).",
            {"Islamic State of Syria and the Levant"},
            id="syria-and-the-levant",
        ),
        pytest.param(
            'A militant group called "Jaish ul-Adl" claimed the attack on the border guards.',
            {"Jaish ul-Adl"},
            id="an-article-transliterated-ul",
        ),
        pytest.param(
            "The two sides agreed to crack down on the separatist forces of 'East Turkistan'.",
            {"East Turkistan"},
            id="forces-named-by-the-state-they-would-found",
        ),
        pytest.param(
            "Some want an independent state they call 'East Turkistan'.",
            set(),
            id="the-state-they-would-found-alone-is-no-group",
        ),
        pytest.param(
            "They discussed the camps of NDFB and KLO militants in the border districts.",
            {"NDFB", "KLO"},
            id="groups-on-indias-first-schedule",
        ),
        pytest.param(
            "The council condemned the Houthi militia's ballistic missile attack on Jazan.",
            {"Houthi militia"},
            id="a-group-on-the-us-list-since-2025",
        ),
        pytest.param(
            "Kenya is committed to fighting al-Shabaab, the terrorist group, by giving support to "
            "Somalia until the Somali National Army (SNA) can hold the towns by itself.",
            {"al-Shabaab"},
            id="a-states-army-is-no-group",
        ),
        pytest.param(
            "Peru took part in the first meeting of the Counter-Terrorism Working Group under "
            "the umbrella of the Andean Strategic Alliance (ASA), with all its members.",
            set(),
            id="an-alliance-of-states-is-no-group",
        ),
        pytest.param(
            "Chile raised the Pacific Maritime League (PML) and its joint programme against "
            "terrorist groups such as the Shining Path (SP).",
            {"Shining Path"},
            id="a-league-of-states-is-no-group-a-group-beside-it-is",
        ),
        pytest.param(
            "The two delegations discussed youth employment programmes in the border provinces.",
            set(),
            id="no-group-named",
        ),
    ],
)
def test_entities(text: str, expected: set[str]) -> None:
    assert names(text) == expected


def test_a_state_closing_a_list_of_groups_is_no_group() -> None:
    text = (
        "The two sides will ensure the defeat of terrorist organizations such as the PKK, "
        "DHKP-C and Daesh/ISIS in Syria and Iraq."
    )
    assert "Iraq" not in names(text) and {"PKK", "DHKP-C", "Daesh"} <= names(text)


def test_a_sanctions_committee_named_after_groups_names_no_group() -> None:
    text = (
        "Chile and Peru work together in the ISIL (Da'esh) and Al-Qaida Sanctions Committee "
        "and the Taliban Sanctions Committee of the Security Council."
    )
    assert names(text) == set()


def test_a_group_beside_a_sanctions_committee_is_still_named() -> None:
    text = (
        "The sides asked the Sanctions Committee to list more members of Al-Qaida and of "
        "Lashkar-e-Taiba."
    )
    assert {"Al-Qaida", "Lashkar-e-Taiba"} <= names(text)


_DIALOGUE = "The first Chile-Peru Counter-Terrorism Dialogue was held in Lima on 4 May 2023. "


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param(
            _DIALOGUE + "They discussed the work of the Security Council Committee on Sanctions "
            "against Taliban, Al-Qaeda as well as associated persons.",
            [],
            id="groups-listed-in-a-sanctions-committees-name",
        ),
        pytest.param(
            _DIALOGUE + "They discussed the committee on sanctions against ISIL and Al-Qaida.",
            [],
            id="groups-joined-by-and-in-the-name",
        ),
        pytest.param(
            _DIALOGUE + "They discussed sanctions against Al-Shabaab.",
            ["Al-Shabaab"],
            id="sanctions-against-a-group-outside-a-bodys-name",
        ),
    ],
)
def test_a_group_in_a_sanctions_bodys_name_is_not_named(text: str, names: list[str]) -> None:
    assert [e["name"] for e in facts_of(text, "TerroristEntityNamed")] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param(
            _DIALOGUE + "They discussed the threat from Taliban fighters and Al-Qaida cells.",
            ["Taliban", "Al-Qaida"],
            id="the-taliban-as-an-armed-group",
        ),
        pytest.param(
            _DIALOGUE + "Both sides said the policies of the Taliban fostered terrorism.",
            [],
            id="the-taliban-as-a-regime-with-policies",
        ),
        pytest.param(
            _DIALOGUE + "They spoke of the Taliban government and of sanctions imposed on the "
            "Taliban.",
            [],
            id="the-taliban-as-a-government-under-sanctions",
        ),
        pytest.param(
            _DIALOGUE + "Diplomats are holding talks with Taliban envoys in Doha.",
            [],
            id="the-taliban-as-a-party-to-talks",
        ),
        pytest.param(
            _DIALOGUE + "Chile will keep the FARC dissidents (FARC-D) on its list; the listing "
            "of the FARC is unchanged, and the ELN remains designated.",
            ["FARC dissidents", "FARC", "ELN"],
            id="colombian-groups-on-the-us-list",
        ),
        pytest.param(
            _DIALOGUE + "The statement did not say whether the listing of the leader of "
            "Lashkar-e-Jhangvi (LeJ) was discussed.",
            ["Lashkar-e-Jhangvi"],
            id="a-group-named-in-a-sentence-that-denies-something",
        ),
    ],
)
def test_groups_named_by_their_role(text: str, names: list[str]) -> None:
    assert sorted(e["name"] for e in facts_of(text, "TerroristEntityNamed")) == sorted(names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The minister warned that IS and Al-Qaeda were seeking new ground in the region.",
            {"IS", "Al-Qaeda"},
            id="the-short-form-beside-another-group",
        ),
        pytest.param(
            "Officials discussed the return of IS fighters to the region.",
            {"IS"},
            id="the-short-form-before-its-members",
        ),
        pytest.param(
            "WHAT IS NEXT FOR THE DIALOGUE ON TERRORISM",
            set(),
            id="a-capitalised-verb-is-no-group",
        ),
        pytest.param(
            "They vowed action against terror groups such as Yemen-based Ansar Beit and "
            "Lashkar-e-Taiba.",
            {"Ansar Beit", "Lashkar-e-Taiba"},
            id="where-a-group-is-based-is-no-part-of-its-name",
        ),
        pytest.param(
            "The suspects wanted to establish an Islamic state in the region.",
            set(),
            id="an-islamic-state-in-lower-case-is-a-common-noun",
        ),
        pytest.param(
            'They agreed on common approaches to the "Islamic state" group.',
            {"Islamic state"},
            id="in-lower-case-quoted-and-called-a-group",
        ),
        pytest.param(
            "Members of Jemaah Islamiah were arrested.",
            {"Jemaah Islamiah"},
            id="another-spelling-of-jemaah-islamiyah",
        ),
        pytest.param(
            "The two ministers agreed a joint police team against ETA and praised Peru's fight "
            "against the Shining Path.",
            {"ETA", "Shining Path"},
            id="groups-the-older-statements-name",
        ),
    ],
)
def test_short_forms_spellings_and_bases(text: str, expected: set[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param(
            "Mali condemned the attack claimed by Jama'at Nasr al-Islam wal Muslimin.",
            {("Jama'at Nasr al-Islam wal Muslimin", ())},
            id="jnim-spelled-nasr",
        ),
        pytest.param(
            "Pakistan condemned the attack; the Majeed Brigade claimed it.",
            {("Majeed Brigade", ())},
            id="the-majeed-brigade",
        ),
        pytest.param(
            "Russia condemned the attack by Al Qaeda (outlawed in Russia) on the convoy.",
            {("Al Qaeda", ())},
            id="a-legal-status-in-brackets-is-no-alias",
        ),
        pytest.param(
            "Egypt named Agnad Misr and Ansar Beit Al-Maqdis; Iraq named al-Qaida in Iraq.",
            {("Agnad Misr", ()), ("Ansar Beit Al-Maqdis", ()), ("al-Qaida in Iraq", ())},
            id="other-spellings-and-al-qaida-in-iraq",
        ),
        pytest.param(
            "Uganda and Rwanda named ADF-Nalu; the ADF was at the airshow.",
            {("ADF-Nalu", ())},
            id="adf-nalu-but-not-adf-alone",
        ),
        pytest.param(
            "Chile condemned the attack by the Islamic State (IS) on the convoy.",
            {("Islamic State", ("IS",))},
            id="control-an-abbreviation-in-brackets-is-an-alias",
        ),
    ],
)
def test_names_and_asides(text: str, names: set[tuple[str, tuple[str, ...]]]) -> None:
    found = {(f["name"], tuple(f["aliases"])) for f in facts_of(text, "TerroristEntityNamed")}
    assert found == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Chile will not support terror groups, namely the PKK, PYD/YPG and others. The YPG "
            "was named again.",
            {("PKK", ()), ("PYD", ("YPG",))},
            id="two-known-groups-joined-by-a-slash-are-one",
        ),
        pytest.param(
            "Chile will not support terror groups such as the YPG/PYD.",
            {("YPG", ("PYD",))},
            id="either-order",
        ),
        pytest.param(
            "Chile condemned the terrorist groups PKK and YPG.",
            {("PKK", ()), ("YPG", ())},
            id="control-two-groups-joined-by-and-stay-two",
        ),
    ],
)
def test_a_slash_joins_two_names_of_one_group(
    text: str, expected: set[tuple[str, tuple[str, ...]]]
) -> None:
    found = facts_of(text, "TerroristEntityNamed")
    assert {(f["name"], tuple(f["aliases"])) for f in found} == expected


def test_the_other_name_a_group_is_also_known_as_is_its_alias() -> None:
    found = facts_of(
        "The army chiefs said the rebels are now allied with the Islamic State, also known as "
        "ISIS, in the border region.",
        "TerroristEntityNamed",
    )
    assert [(f["name"], f["aliases"]) for f in found] == [("Islamic State", ["ISIS"])]


def test_the_pakistani_taliban_is_the_movement_not_the_afghan_rulers() -> None:
    assert names("Police said the Pakistani Taliban claimed the attack on the checkpoint.") == {
        "Pakistani Taliban"
    }
