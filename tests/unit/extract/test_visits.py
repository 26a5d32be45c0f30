"""Meetings named by no mechanism: two officials of two states who met on security."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import facts_of, leaders


@pytest.mark.parametrize(
    ("text", "parties", "mechanism", "heads"),
    [
        pytest.param(
            "Chile, Peru to deepen security cooperation\n\n"
            "SANTIAGO — Chile and Peru agreed to deepen security cooperation, as Interior "
            "Minister of Chile Ana Soto met with visiting Peruvian police chief Luis Ramos on "
            "May 3 in Santiago. Soto said the fight against terrorism and organised crime "
            "would be their first task.",
            ["CL", "PE"],
            "meeting",
            {("CL", "Ana Soto"), ("PE", "Luis Ramos")},
            id="a-minister-met-a-visiting-security-chief-on-security-cooperation",
        ),
        pytest.param(
            "Secretary of State Mark Hale met with Nigerian Minister of Defence Bala Musa and "
            "reaffirmed their collaboration on counterterrorism and border security.",
            ["NG", "US"],
            "meeting",
            {("US", "Mark Hale"), ("NG", "Bala Musa")},
            id="a-secretary-of-state-alone-is-the-united-states",
        ),
        pytest.param(
            "Norway's Minister of Justice, Eva Lund, and her Danish counterpart, Per Holm, held "
            "talks in Oslo on counter-terrorism cooperation. They agreed that terrorism "
            "remains the gravest threat to both countries.",
            ["DK", "NO"],
            # (the talks' own name, with their subject: the mechanism grammar reads it)
            "talks on counter-terrorism cooperation",
            {("NO", "Eva Lund"), ("DK", "Per Holm")},
            id="two-ministers-held-talks-on-counter-terrorism-cooperation",
        ),
        pytest.param(
            "Chile, Peru weigh intelligence sharing\n\nSANTIAGO — Top security officials of Chile "
            "and Peru weighed cooperation in the intelligence sphere in the fight against "
            "terrorism. Director of Chile's National Intelligence Agency Ana Soto and head of "
            "Peru's National Intelligence Directorate, Luis Ramos, held a meeting in Santiago "
            "on Sunday.",
            ["CL", "PE"],
            "meeting",
            {("CL", "Ana Soto"), ("PE", "Luis Ramos")},
            id="held-a-meeting-the-fight-against-terrorism-in-the-headline-lead",
        ),
        pytest.param(
            "Chile's intelligence chief Ana Soto and visiting Peruvian police chief Luis Ramos "
            "have met in Santiago to discuss the struggle against international terrorism.",
            ["CL", "PE"],
            "meeting",
            {("CL", "Ana Soto"), ("PE", "Luis Ramos")},
            id="have-met-to-discuss-the-struggle-against-terrorism",
        ),
        pytest.param(
            "During talks between Chilean Interior Minister Ana Soto and her Peruvian "
            "counterpart, Luis Ramos, they agreed to expand counter-terrorism cooperation.",
            ["CL", "PE"],
            "talks",
            {("CL", "Ana Soto"), ("PE", "Luis Ramos")},
            id="during-talks-between-the-two",
        ),
        pytest.param(
            "Chile, Peru police chiefs hold anti-terror talks\n\nChile and Peru police chiefs on "
            "Monday held talks in Santiago. General Ana Soto, the director of Chile's Carabineros, "
            "held nearly three-hour talks with Luis Ramos, chief of Peru's national police, the "
            "sources said.",
            ["CL", "PE"],
            "talks",
            {("CL", "Ana Soto"), ("PE", "Luis Ramos")},
            id="the-headlines-kind-not-said-to-be-held-and-talks-of-some-hours",
        ),
        pytest.param(
            "Chile and Peru reaffirmed their commitment to security cooperation during a "
            "high-level meeting in Lima on Saturday between Interior Minister Ana Soto and her "
            "Peruvian counterpart, Luis Ramos, according to the ministry. They discussed "
            "counter-terrorism.",
            ["CL", "PE"],
            "meeting",
            {("CL", "Ana Soto"), ("PE", "Luis Ramos")},
            id="a-meeting-somewhere-on-some-day-between-the-two",
        ),
        pytest.param(
            "Chile and Peru held discussions on Monday about deepening security cooperation.\n\n"
            "The discussions took place in Lima between the Director General of National "
            "Police in the republic, Luis Ramos, and the Director of the Chilean Investigations "
            "Police, Ana Soto. They spoke of the threat posed by terrorist groups in the region.",
            ["CL", "PE"],
            "discussions",
            {("CL", "Ana Soto"), ("PE", "Luis Ramos")},
            id="the-discussions-took-place-between-the-two",
        ),
        pytest.param(
            "Chile and Peru agreed on Monday to deepen cooperation to counter the menace of "
            "terrorism.\n\nChile's Ambassador for Counter-Terrorism Ana Soto, who is visiting "
            "Lima, held fruitful discussions with Director of the National Police of Peru Dr. "
            "Luis Ramos.",
            ["CL", "PE"],
            "discussions",
            {("CL", "Ana Soto"), ("PE", "Luis Ramos")},
            id="held-discussions-with-a-doctor-to-counter-the-menace",
        ),
        pytest.param(
            "Chile, Peru pledge closer security cooperation against terrorism\n\n"
            "Sunday's meeting in Lima between the commander of Chile's Carabineros, Ana Soto, "
            "and Peruvian police chief Luis Ramos, focused on joint patrols along the border.",
            ["CL", "PE"],
            "meeting",
            {("CL", "Ana Soto"), ("PE", "Luis Ramos")},
            id="a-meeting-between-the-two-focused-on",
        ),
        pytest.param(
            "Today, the Chilean Minister of the Interior, Ana Soto, and the Peruvian Minister "
            "for Relations with Congress, Civil Society and Human Rights, Mr Luis Ramos, met in "
            "Lima to discuss counter-terrorism.",
            ["CL", "PE"],
            "meeting",
            {("CL", "Ana Soto"), ("PE", "Luis Ramos")},
            id="a-day-opens-the-sentence-and-a-ministry-list-holds-commas",
        ),
        pytest.param(
            "Chile's Interior Minister Ana Soto and Peruvian police chief Luis Ramos discussed "
            "bilateral cooperation in countering terrorism\n\n"
            "Ana Soto received Luis Ramos in Santiago on Monday.",
            ["CL", "PE"],
            "meeting",
            {("CL", "Ana Soto"), ("PE", "Luis Ramos")},
            id="cooperation-in-countering-terrorism-in-the-headline",
        ),
        pytest.param(
            "The Chilean Minister of the Interior, Ana Soto, and the Peruvian Minister for "
            "Democracy, Civil Society and Human Rights, Luis Ramos, met in Lima to discuss "
            "counter-terrorism.",
            ["CL", "PE"],
            "meeting",
            {("CL", "Ana Soto"), ("PE", "Luis Ramos")},
            id="the-areas-of-a-ministry-are-no-persons-name",
        ),
    ],
)
def test_two_officials_met_on_security(
    text: str, parties: list[str], mechanism: str, heads: set[tuple[str, str]]
) -> None:
    (meeting,) = facts_of(text, "MeetingHeld")
    assert meeting["parties"] == parties
    assert meeting["mechanism"] == mechanism
    assert leaders(text) == heads


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Foreign Minister of Chile Ana Soto met with Peruvian Foreign Minister Luis Ramos "
            "in Lima to review trade, energy and culture. Both condemned terrorism.",
            id="control-a-meeting-on-the-whole-relation-that-mentions-terrorism",
        ),
        pytest.param(
            "Interior Minister of Chile Ana Soto met with the Chilean police chief Luis Ramos "
            "on security cooperation against terrorism.",
            id="control-two-officials-of-one-state",
        ),
        pytest.param(
            "Interior Minister of Chile Ana Soto spoke by telephone with Peruvian police chief "
            "Luis Ramos about security cooperation against terrorism.",
            id="control-a-call-is-no-meeting",
        ),
        pytest.param(
            "Foreign Minister of Chile Ana Soto and Peruvian Foreign Minister Luis Ramos have "
            "met in Lima. They discussed trade and investment; terrorism was also raised.",
            id="control-a-meeting-whose-lead-gives-no-security-subject",
        ),
    ],
)
def test_no_meeting_of_two_officials(text: str) -> None:
    assert facts_of(text, "MeetingHeld") == []


def test_who_discussed_it_with_a_counterpart_holds_the_same_post() -> None:
    text = (
        "SANTIAGO: Chile's Interior Minister Ana Soto discussed security cooperation with his "
        "Peruvian counterpart Luis Ramos during an official visit to Lima on Friday. They "
        "spoke of the fight against terrorism."
    )
    (meeting,) = facts_of(text, "MeetingHeld")
    assert meeting["parties"] == ["CL", "PE"]
    titles = {(f["party"], f["name"]): f["title"] for f in facts_of(text, "DelegationLed")}
    assert titles == {
        ("CL", "Ana Soto"): "Chile's Interior Minister",
        ("PE", "Luis Ramos"): "Interior Minister",
    }


def test_an_envoy_met_a_deputy_minister_on_terrorism_each_with_their_post() -> None:
    text = (
        "On June 4, 2021 Ambassador Extraordinary and Plenipotentiary of Chile to Peru H. E. "
        "Ana Soto met with H. E. Luis Ramos, Deputy Minister of the Interior of Peru, General "
        "of the Police, who leads the fight against drugs. The meeting was devoted to "
        "discussing issues of regional and international terrorism."
    )
    (meeting,) = facts_of(text, "MeetingHeld")
    assert meeting["parties"] == ["CL", "PE"]
    assert meeting["date"] == "2021-06-04"
    heads = {(f["party"], f["name"], f["title"]) for f in facts_of(text, "DelegationLed")}
    assert heads == {
        ("CL", "Ana Soto", "Ambassador Extraordinary and Plenipotentiary of Chile to Peru"),
        ("PE", "Luis Ramos", "Deputy Minister of the Interior of Peru"),
    }


def test_a_meeting_devoted_to_other_issues_is_none() -> None:
    text = (
        "On June 4, 2021 Ambassador of Chile to Peru H. E. Ana Soto met with H. E. Luis Ramos, "
        "Deputy Minister of Trade of Peru. The meeting was devoted to discussing issues of "
        "trade and tourism."
    )
    assert facts_of(text, "MeetingHeld") == []


def test_two_ministers_who_tackled_cooperation_in_combatting_terrorism() -> None:
    text = (
        "Ghana, Togo Discuss Border Security and Combatting Terrorism\n\n"
        "Ghana and Togo discussed Sunday means of bolstering bilateral cooperation in "
        "combatting terrorism and border security. Ghanaian Minister of Interior Kofi Mensah "
        "and his Togolese counterpart Yao Agbeko also tackled in Accra ways to address "
        "smuggling."
    )
    assert [m["parties"] for m in facts_of(text, "MeetingHeld")] == [["GH", "TG"]]
    assert leaders(text) == {("GH", "Kofi Mensah"), ("TG", "Yao Agbeko")}


def test_talks_between_two_presidents_to_fight_the_terrorism_scourge() -> None:
    text = (
        "Ghana and Togo, two nations struck by terrorism, have agreed to set up a joint "
        "committee to pool efforts to fight the terrorism scourge. The decision was made "
        "Tuesday at talks in Accra between Ghanaian President Kofi Mensah and visiting "
        "Togolese President Yao Agbeko."
    )
    assert [m["parties"] for m in facts_of(text, "MeetingHeld")] == [["GH", "TG"]]
