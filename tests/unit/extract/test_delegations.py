"""Delegation leaders: each shape of the genre, in examples written for it.

Each row is a statement and the (side, name) pairs a careful reader finds in it.
"""

from __future__ import annotations

from datetime import date

import pytest

from ctevents.extract.people import parse_official
from tests.unit.extract.helpers import TRANSCRIPT, facts_of, leaders

OPENING = (
    "The fourth round of the Slovenia-India Counter-Terrorism Dialogue was held in Pune on "
    "3 May 2024."
)

CASES = [
    pytest.param(
        "Brazilian Deputy Foreign Minister Paulo Arantes and Indian Special Secretary Meera "
        "Kapoor held counter-terrorism talks in Brasilia on 2 June 2022.",
        {("BR", "Paulo Arantes"), ("IN", "Meera Kapoor")},
        id="heads-are-the-subject-of-held-talks",
    ),
    pytest.param(
        "The third meeting of the Kenya-Norway Joint Working Group on Counter-Terrorism was "
        "co-chaired by Kenya's Ministry of Interior Principal Secretary for Internal Security "
        "Grace Wanjiru and Norwegian Ministry of Foreign Affairs Director for Security Policy "
        "Lars Eide.",
        {("KE", "Grace Wanjiru"), ("NO", "Lars Eide")},
        id="co-chaired-by-two-long-titles-with-the-country-inside",
    ),
    pytest.param(
        "Egypt and Spain held their second counter-terrorism consultations in Madrid on 8 May "
        "2023. Ambassador Hala Mansour co-chaired the meeting with the Director-General for "
        "Security Affairs of the Spanish Ministry of Foreign Affairs, Javier Ruiz.",
        {("ES", "Javier Ruiz"), ("EG", "Hala Mansour")},
        id="co-chaired-the-meeting-with-title-comma-name",
    ),
    pytest.param(
        "Assistant Minister Chen Wei, Nepalese Foreign Ministry Joint Secretary Ram Thapa and "
        "Bhutan's Foreign Secretary Karma Dorji held the Trilateral Consultation on "
        "Counter-Terrorism among China, Nepal and Bhutan in Kunming on 4 April 2023.",
        {("CN", "Chen Wei"), ("NP", "Ram Thapa"), ("BT", "Karma Dorji")},
        id="three-heads-of-a-trilateral-meeting",
    ),
    pytest.param(
        "On 9 March 2023, Director of the Department of Security Affairs of the Foreign "
        "Ministry Zhou Ming and Director of the Department for New Challenges of the Ministry "
        "of Foreign Affairs of Armenia Aram Sargsyan held consultations on counter-terrorism "
        "in Beijing.",
        {("AM", "Aram Sargsyan"), ("CN", "Zhou Ming")},
        id="title-first-with-the-ministry-after-no-comma",
    ),
    pytest.param(
        f"{OPENING} The respective delegations were led by Mr. Anil Rao, Joint Secretary, "
        "Ministry of External Affairs of India and Ms. Petra Kolar, Director, Security Unit, "
        "Ministry of Foreign Affairs of Slovenia.",
        {("IN", "Anil Rao"), ("SI", "Petra Kolar")},
        id="side-from-ministry-of-country",
    ),
    pytest.param(
        "India and Chile held the first meeting of their Joint Working Group on "
        "Counter-Terrorism in Santiago on 4 July 2024. Chile was represented by Director "
        "Rosa Vidal and India by Joint Secretary Vikram Nair.",
        {("CL", "Rosa Vidal"), ("IN", "Vikram Nair")},
        id="country-was-represented-by-and-country-by",
    ),
    pytest.param(
        "Secretary (East) Anjali Mehra went to Hanoi on 5 March 2024 for the 6th India-Vietnam "
        "Joint Working Group on Counter-Terrorism. Mehra and Vietnamese Deputy Minister of "
        "Public Security Tran Van Long co-chaired the meeting.",
        {("IN", "Anjali Mehra"), ("VN", "Tran Van Long")},
        id="a-head-named-later-by-surname-alone",
    ),
    pytest.param(
        "Ghana and Brazil held the first Ghana-Brazil Counter-Terrorism Dialogue in Accra on "
        "6 June 2024. Led by Kwame Asante, Director at Ghana's Ministry of Foreign Affairs, and "
        "Ana Souza, Coordinator at Brazil's Ministry of External Relations, the discussions "
        "covered terrorist financing.",
        {("GH", "Kwame Asante"), ("BR", "Ana Souza")},
        id="led-by-opening-the-sentence",
    ),
    pytest.param(
        "The India-Mexico joint working group on counter-terrorism met today in Mexico City. "
        "The Indian delegation, led by the Joint Secretary (Counter Terrorism), Rahul Sen, met "
        "for two days with Elena Cruz, Director General for Security Affairs, who hosted it.",
        {("IN", "Rahul Sen"), ("MX", "Elena Cruz")},
        id="a-delegation-led-by-a-met-with-b",
    ),
    pytest.param(
        "The second Japan-Korea Counter-Terrorism Consultation was held in Seoul on 2 May "
        "2024. Mr. Ken Mori, Ambassador, Ministry of Foreign Affairs representing the Japan "
        "side, and Mr. Park Min-ho, Director, Ministry of Foreign Affairs and Trade "
        "representing the ROK side, reviewed the threat.",
        {("JP", "Ken Mori"), ("KR", "Park Min-ho")},
        id="representing-the-x-side-after-a-ministry-with-and",
    ),
    pytest.param(
        "The third India-Peru Counter-Terrorism Dialogue was held in Lima on 7 May 2024. The "
        "Peruvian delegation of some twenty members was led by Vice Minister Luis Paredes.",
        {("PE", "Luis Paredes")},
        id="a-delegation-of-n-members-was-led-by",
    ),
    pytest.param(
        "The fourth Oman-U.S. Joint Working Group on Counter-Terrorism was held in Muscat on "
        "3 May 2024. The American delegation was led by Coordinator Mary Lane and co-chaired "
        "by Deputy Assistant Secretary Tom Hill and Deputy Assistant Attorney General Ann "
        "Webb.",
        {("US", "Mary Lane"), ("US", "Tom Hill"), ("US", "Ann Webb")},
        id="a-side-led-by-a-and-co-chaired-by-b-and-c",
    ),
    pytest.param(
        "Ghana's Minister for the Interior, Dr. Kofi Mensah, and the UK's Security Minister, "
        "the Rt. Hon. Alan Price MP, agreed a new security partnership. The agreement "
        "followed talks, chaired by Dr. Mensah and Mr. Price, under the second UK-Ghana "
        "Security Dialogue.",
        {("GH", "Kofi Mensah"), ("GB", "Alan Price")},
        id="chaired-by-courtesy-and-surname-of-people-named-before",
    ),
    pytest.param(
        "The Japan-Peru Counter-Terrorism Consultations will be held in Lima on 10 October "
        "2024. Mr. Taro Ueda, Ambassador for Counter-Terrorism, Ministry of Foreign Affairs of "
        "Japan, and Ms. Lucia Paz, Director of Security, Ministry of Foreign Affairs of Peru, "
        "will represent respective sides.",
        {("JP", "Taro Ueda"), ("PE", "Lucia Paz")},
        id="an-announcement-names-the-heads-of-the-meeting-to-come",
    ),
    pytest.param(
        "Additional Secretary Imran Qureshi and Deputy Minister Dilnoza Karimova discussed "
        "regional threats at the fourth Pakistan-Uzbekistan Counter-Terrorism Dialogue in "
        "Tashkent on 3 April 2024.",
        {("PK", "Imran Qureshi"), ("UZ", "Dilnoza Karimova")},
        id="heads-are-the-subject-of-discussed-at-the-meeting",
    ),
    pytest.param(
        "The Japan-Canada Counter-Terrorism Consultations will be held in Ottawa on 3 June "
        "2025. H.E. Mr. Taro Ishida (Ambassador), Ambassador for Counter-Terrorism, Ministry "
        "of Foreign Affairs of Japan, and Ms. Claire Dubois, Director General, Global Affairs "
        "Canada, will represent respective sides.",
        {("JP", "Taro Ishida"), ("CA", "Claire Dubois")},
        id="a-bracketed-rank-after-the-name",
    ),
    pytest.param(
        "The 6th India-Egypt Joint Working Group on Counter-Terrorism will be held in Cairo on "
        "3 June 2025. Joint Secretary (Counter Terrorism) R. K. Menon (IFS), Ministry of "
        "External Affairs, and H.E. Omar Samy (Ambassador), Assistant Foreign Minister of "
        "Egypt, will represent respective sides.",
        {("IN", "R. K. Menon"), ("EG", "Omar Samy")},
        id="title-name-comma-ministry",
    ),
    pytest.param(
        "The India-Japan-Australia Counter-Terrorism Consultation was held in Perth on 9 May "
        "2024. Joint Secretary (Counter Terrorism) Ravi Menon of India, Ambassador for "
        "Counter-Terrorism Aiko Mori of Japan, and Ambassador Tom Hale of Australia led their "
        "respective delegations.",
        {("IN", "Ravi Menon"), ("JP", "Aiko Mori"), ("AU", "Tom Hale")},
        id="three-title-name-of-country-items",
    ),
    pytest.param(
        "Assistant Secretary of State Jane Cole and Director General Omar Idrissi discussed "
        "terrorist financing at the third U.S.-Morocco Counterterrorism Dialogue in Rabat on "
        "2 May 2024.",
        {("US", "Jane Cole"), ("MA", "Omar Idrissi")},
        id="discussed-at-a-mechanism-with-initials",
    ),
    pytest.param(
        OPENING + " The Slovenian delegation under State Secretary Marko Novak and the Indian "
        "delegation under Joint Secretary Leela Iyer reviewed the threat from drones.",
        {("SI", "Marko Novak"), ("IN", "Leela Iyer")},
        id="a-side-under-its-head",
    ),
    pytest.param(
        OPENING + " Heads of delegation: State Secretary Marko Novak (Slovenia) and Joint "
        "Secretary Leela Iyer (India).",
        {("SI", "Marko Novak"), ("IN", "Leela Iyer")},
        id="heads-listed-after-a-colon-with-bracketed-states",
    ),
    pytest.param(
        OPENING + " State Secretary Marko Novak and Joint Secretary Leela Iyer, as heads of "
        "delegation, reviewed the threat from drones.",
        {("SI", "Marko Novak"), ("IN", "Leela Iyer")},
        id="as-heads-of-delegation",
    ),
    pytest.param(
        OPENING + " The co-chairs, Joint Secretary Leela Iyer of India and State Secretary "
        "Marko Novak of Slovenia, welcomed the progress made.",
        {("SI", "Marko Novak"), ("IN", "Leela Iyer")},
        id="the-co-chairs-comma-list",
    ),
    pytest.param(
        OPENING + " The delegation of Slovenia was led by State Secretary Marko Novak and that "
        "of India by Joint Secretary Leela Iyer.",
        {("SI", "Marko Novak"), ("IN", "Leela Iyer")},
        id="and-that-of-a-state-by",
    ),
    pytest.param(
        OPENING + " State Secretary Marko Novak, head of the Slovenian delegation, and Joint "
        "Secretary Leela Iyer, head of the Indian delegation, signed the minutes.",
        {("SI", "Marko Novak"), ("IN", "Leela Iyer")},
        id="each-name-before-head-of-its-side",
    ),
    pytest.param(
        OPENING + " The Slovenian delegation was headed by State Secretary Marko Novak, and the "
        "Indian delegation by Director of the Counter-Terrorism Division of the MEA Leela Iyer.",
        {("SI", "Marko Novak"), ("IN", "Leela Iyer")},
        id="an-offices-initials-end-the-title",
    ),
    pytest.param(
        "Slovenian and Indian diplomats held consultations on countering the terrorist threat "
        "in Ljubljana on 3 May 2024. Slovenian State Secretary Marko Novak and his Indian "
        "counterpart, Joint Secretary Leela Iyer, led the talks.",
        {("SI", "Marko Novak"), ("IN", "Leela Iyer")},
        id="his-counterpart-comma-title-name",
    ),
    pytest.param(
        "The next round of Slovenian-Indian counter-terrorism consultations will be held in "
        "Vienna on 9 September 2024, with Slovenian State Secretary Marko Novak and Indian "
        "Joint Secretary Leela Iyer taking part.",
        {("SI", "Marko Novak"), ("IN", "Leela Iyer")},
        id="with-heads-taking-part",
    ),
    pytest.param(
        "State Secretary Marko Novak will participate in the Slovenia-India Counter-Terrorism "
        "Dialogue in Vienna on 9 September 2024. The Indian Joint Secretary for "
        "counter-terrorism, Leela Iyer, will attend on behalf of her government.",
        {("SI", "Marko Novak"), ("IN", "Leela Iyer")},
        id="will-participate-in-and-will-attend-on-behalf",
    ),
    pytest.param(
        "Ljubljana - Ambassador Marko J. Novak, the Coordinator for Counterterrorism, will "
        "lead the Slovenian interagency delegation to Pune June 3 for the annual meeting of "
        "the Slovenia-India Counter-Terrorism Dialogue.",
        {("SI", "Marko J. Novak")},
        id="a-run-in-dateline-before-the-head",
    ),
    pytest.param(
        OPENING + " The Slovenian delegation was led by Police General Marko Novak, and the "
        "Indian delegation by Joint Secretary Leela Iyer.",
        {("SI", "Marko Novak"), ("IN", "Leela Iyer")},
        id="a-police-rank-before-the-name",
    ),
    pytest.param(
        "The delegations of Slovenia and India, led respectively by State Secretary Marko "
        "Novak and Joint Secretary Leela Iyer, held the 5th meeting of the Joint Working Group "
        "on Counter-Terrorism in Ljubljana on 10 April 2024.",
        {("SI", "Marko Novak"), ("IN", "Leela Iyer")},
        id="led-respectively-by",
    ),
    pytest.param(
        "The Third Peru-Italy Consultations on Counter-Terrorism were held in Lima on 4 and 5 "
        "May 2023, with Director for Security Affairs Marco Bellini as Head of the Delegation "
        "of Italy and Vice Minister for Foreign Policy Ana Quispe as Head of the Peruvian "
        "Delegation.",
        {("IT", "Marco Bellini"), ("PE", "Ana Quispe")},
        id="with-each-name-as-head-of-a-named-delegation",
    ),
    pytest.param(
        "The second meeting of the Ghana-Canada Counter-Terrorism Working Group was held in "
        "Ottawa on 2 May 2022. Ambassador Claire Dubois, Canada's Director General for "
        "Counter-Terrorism, hosted the meeting at Global Affairs. The Ghanaian delegation was "
        "headed by Deputy Minister Kofi Mensah.",
        {("CA", "Claire Dubois"), ("GH", "Kofi Mensah")},
        id="the-host-of-the-meeting-with-the-side-in-her-title",
    ),
    pytest.param(
        "The fourth meeting of the Ghana-Canada Counter-Terrorism Working Group was held in "
        "Ottawa on 9 May 2024. Director General for Counter-Terrorism, Paul Tremblay, hosted "
        "the meeting at Global Affairs. The Ghanaian delegation was headed by Deputy Minister "
        "Kofi Mensah.",
        {("CA", "Paul Tremblay"), ("GH", "Kofi Mensah")},
        id="the-host-leads-the-side-no-other-head-leads",
    ),
    pytest.param(
        "The fifth round of the Norway - Kenya Political Counter-Terrorism dialogue took place "
        "in Oslo on 3 May 2024. On the Norwegian side the dialogue was chaired by Ms. Ingrid "
        "Berg, Director for Security Policy; on the Kenyan side by Mr. Peter Otieno, Director "
        "of Counter Terrorism.",
        {("NO", "Ingrid Berg"), ("KE", "Peter Otieno")},
        id="on-the-side-without-a-comma-then-the-elided-second-side",
    ),
    pytest.param(
        "The Maritime Security Working Group met on 3 May 2022 in Muscat. The meeting was "
        "co-chaired from the Omani side by the Undersecretary, Ministry of Foreign Affairs, "
        "Ambassador (Dr.) Salim Al-Harthy and from the Dutch side, Director-General for "
        "Political Affairs, Ambassador Joost de Wit.",
        {("OM", "Salim Al-Harthy"), ("NL", "Joost de Wit")},
        id="co-chaired-from-each-side",
    ),
    pytest.param(
        "Assistant Foreign Minister for Security Affairs, Ambassador Carmen Rojas, and US "
        "Department of State Coordinator for Counterterrorism, Ambassador Mark Ellis, "
        "co-chaired Chile-U.S. Counterterrorism Dialogue on 6 March 2024 in Santiago.",
        {("CL", "Carmen Rojas"), ("US", "Mark Ellis")},
        id="co-chaired-a-name-without-its-article",
    ),
    pytest.param(
        "The third EU-Denmark counter-terrorism dialogue was held in Copenhagen on 3 May "
        "2023. The Danish delegation hosted the EU delegation, which was headed by Deputy "
        "Secretary General of the European External Action Service Anna Holm and the EU "
        "Counter-Terrorism Coordinator Pierre Laurent.",
        {("EU", "Anna Holm"), ("EU", "Pierre Laurent")},
        id="a-delegation-which-was-headed-by-two",
    ),
    pytest.param(
        "The 3rd Chile-Peru Counter-Terrorism Dialogue was held in Lima on 4 May 2023. It was "
        "co-chaired by H.E. Rosa Vidal, Director of International Security, Ministry of "
        "Foreign Affairs of Chile; and H.E. QUISPE Mamani, Vice Minister, Ministry of "
        "Interior of Peru.",
        {("CL", "Rosa Vidal"), ("PE", "QUISPE Mamani")},
        id="co-chaired-by-a-list-whose-items-hold-commas-split-at-semicolon-and",
    ),
    pytest.param(
        "From 3 to 4 May 2023, Director of the Department of International Security of the "
        "Foreign Ministry Rosa Vidal led a delegation to attend the fifth meeting of the "
        "Chile-Peru Counter-Terrorism Working Group in Lima, and officials of relevant "
        "agencies of Chile were present.",
        {("CL", "Rosa Vidal")},
        id="led-a-delegation-to-attend-the-side-the-sentence-names",
    ),
    pytest.param(
        "The 2nd Australia-Chile Counter-Terrorism Dialogue was co-chaired by the Australian "
        "Attorney-General, Senator the Hon Mark Reid QC, and the Chilean Vice Minister of the "
        "Interior, Rosa Vidal, in Santiago on 3 May 2023.",
        {("AU", "Mark Reid"), ("CL", "Rosa Vidal")},
        id="a-commonwealth-style-and-letters-after-the-name",
    ),
    pytest.param(
        "The 3rd New Zealand-Chile Counter-Terrorism Dialogue was held in Wellington on 3 May "
        "2023. The New Zealand delegation was led by the Hon Anna Carter MP, Minister of "
        "Justice.",
        {("NZ", "Anna Carter")},
        id="the-hon-before-and-mp-after-the-name",
    ),
    pytest.param(
        "Chile and Peru will hold the next round of counter-terrorism talks in Lima, the "
        "ministry said after talks between the delegations headed by Chilean Deputy Foreign "
        "Minister Ana Soto and Peruvian Vice Minister Luis Ramos.",
        {("CL", "Ana Soto"), ("PE", "Luis Ramos")},
        id="after-talks-between-the-delegations-headed-by",
    ),
    pytest.param(
        "Canada and the European Union held counter-terrorism talks in Ottawa on Monday. The "
        "delegations were headed by Canadian Deputy Foreign Minister Ana Soto and EU Deputy "
        "Secretary General at the EEAS Luis Ramos, the news agency reported.",
        {("CA", "Ana Soto"), ("EU", "Luis Ramos")},
        id="a-news-agency-credited-after-the-last-head",
    ),
    pytest.param(
        "Joint Statement of the Trilateral Meeting on Counter-Terrorism\n\nThe Minister of "
        "Foreign Affairs of Chile, Ana Soto, the Minister of Foreign Affairs of Peru, Luis Ramos, "
        "and the Minister of Foreign Affairs of Bolivia, Eva Mena, met in Lima on 3 May 2021.",
        {("CL", "Ana Soto"), ("PE", "Luis Ramos"), ("BO", "Eva Mena")},
        id="titles-each-before-a-comma-and-a-name-who-met-in-a-city-on-a-day",
    ),
    pytest.param(
        "Joint Statement of the Trilateral Meeting on Counter-Terrorism\n\nThe Minister of "
        "Foreign Affairs of Chile, Ana Soto, the Minister of Foreign Affairs of Malaysia, . "
        "Dato’ Sri Aziz Hj. Rahman, and the Secretary of Foreign Affairs of the Philippines,. "
        "Jose Cruz met in Manila on 5 May 2022.",
        {("CL", "Ana Soto"), ("MY", "Aziz Hj. Rahman"), ("PH", "Jose Cruz")},
        id="a-stray-stop-after-a-comma-and-a-malay-honorific",
    ),
    pytest.param(
        "Chile and Peru held their first counter-terrorism dialogue in Lima on 8 November. "
        "Chilean Co-ordinator for Counter-terrorism Ambassador Ana A Soto led the Chilean "
        "delegation, which included officials of the interior ministry.",
        {("CL", "Ana A Soto")},
        id="a-middle-initial-without-its-full-stop",
    ),
    pytest.param(
        "Chilean Ambassador-at-Large for Counterterrorism Ana Soto, Interior Secretary Luis "
        "Prado, and Foreign Secretary Marta Ruiz convened the latest round of the Chile-Peru "
        "Counterterrorism Working Group today at the Ministry of Foreign Affairs in Lima.",
        {("CL", "Ana Soto"), ("PE", "Luis Prado"), ("PE", "Marta Ruiz")},
        id="three-heads-convened-the-round-the-last-side-listed-together",
    ),
    pytest.param(
        "Delegations of Chile and Peru held the third round of counter-terrorism consultations "
        "in Lima on 3 May. Both delegations included representatives of police and justice "
        "agencies, and were headed by Ambassador Ana Soto, the Foreign Ministry's Director for "
        "International Security, and Luis Prado, Director-General of the Department of "
        "Multilateral Affairs of the Peruvian Foreign Ministry.",
        {("CL", "Ana Soto"), ("PE", "Luis Prado")},
        id="both-delegations-and-were-headed-by",
    ),
    pytest.param(
        "On May 3, 2011, Ambassador R. Ana Soto, Coordinator for Counterterrorism, Luis Prado, "
        "Acting Assistant Secretary for Law Enforcement Affairs, and Marta Ruiz, Deputy Attorney "
        "General hosted the third annual Chile-Peru Joint Working Group on Counterterrorism at "
        "the Foreign Ministry. Mr. Jorge Vela, Secretary within Peru's Ministry of Interior, led "
        "the Peruvian delegation.",
        {("CL", "R. Ana Soto"), ("CL", "Luis Prado"), ("CL", "Marta Ruiz"), ("PE", "Jorge Vela")},
        id="three-hosts-listed-name-first-with-an-honorific",
    ),
    pytest.param(
        "The counter-terrorism teams of Chile and Peru held their third round of consultations "
        "in Lima on Monday. Leading the team for Chile was the coordinator for "
        "counterterrorism, Ana Soto, and for Peru its director-general of the Foreign Affairs "
        "ministry, Luis Prado, and deputy national security adviser and head of the "
        "Counterterrorism Bureau, Marta Ruiz.",
        {("CL", "Ana Soto"), ("PE", "Luis Prado"), ("PE", "Marta Ruiz")},
        id="leading-the-team-for-a-state-and-for-the-other",
    ),
    pytest.param(
        "Vice-Foreign Minister Luis Prado and Ana Soto, coordinator for counterterrorism at the "
        "Chilean Foreign Ministry, co-chaired the talk. Chile and Peru held their second "
        "counter-terrorism consultation in Lima on Tuesday.",
        {("CL", "Ana Soto"), ("PE", "Luis Prado")},
        id="co-chaired-the-talk",
    ),
    pytest.param(
        "The first EU-Peru dialogue on counter-terrorism was held in Lima on 11 July 2019. A "
        "delegation led by EU Counter-terrorism Coordinator Gilles de Kerchove visited Peru "
        "for the dialogue.",
        {("EU", "Gilles de Kerchove")},
        id="a-delegation-led-by-a-head-whose-title-names-the-side",
    ),
    pytest.param(
        "The first EU-Peru dialogue on counter-terrorism was held in Lima on 11 July 2019, "
        "attended by EU Counter-terrorism Coordinator Gilles de Kerchove. The dialogue, "
        "co-Chaired by Foreign Affairs Acting Secretary Luis A. Prado and EU Counter-terrorism "
        "Coordinator de Kerchove, covered recent counter-terrorism measures.",
        {("EU", "Gilles de Kerchove"), ("PE", "Luis A. Prado")},
        id="a-surname-with-its-particle-after-the-title",
    ),
    pytest.param(
        "Chile and Peru held a counter-terrorism dialogue in Lima on Tuesday. Chilean Foreign "
        "Ministry’s Coordinator for Counterterrorism Ana LoGerfo and Luis McDonald, Peru’s "
        "special secretary for the United Nations, co-chaired the dialogue.",
        {("CL", "Ana LoGerfo"), ("PE", "Luis McDonald")},
        id="surnames-with-a-capital-inside",
    ),
    pytest.param(
        "Croatia and India held the first Counter-Terrorism Dialogue in Zagreb on 2 May 2024. "
        "Ivana Horvat, director for security policy at the Ministry of Foreign Affairs, led "
        "Croatia’s delegation, while Joint Secretary Arun Mehta headed India's team.",
        {("HR", "Ivana Horvat"), ("IN", "Arun Mehta")},
        id="led-the-states-delegation-in-the-possessive",
    ),
    pytest.param(
        "Greece and India held their second Counter-Terrorism Dialogue in Athens on 2 May "
        "2024. The Greek delegation was headed by Deputy Foreign Minister Nikos Pappas, the "
        "Indian one - by Secretary (West) Meera Rao.",
        {("GR", "Nikos Pappas"), ("IN", "Meera Rao")},
        id="the-other-one-by-after-a-dash",
    ),
    pytest.param(
        "The second Ghana-Togo Counter-Terrorism Dialogue was held in Lome on 3 May 2024. The "
        "minister said the talks with the Ghanaian delegation, led by Minister of Regional "
        "Integration and Border Affairs Kwame Mensah, were fruitful.",
        {("GH", "Kwame Mensah")},
        id="the-delegation-led-by-a-head-before-the-clauses-verb",
    ),
    pytest.param(
        "The second Ghana-Kenya Counter-Terrorism Dialogue concluded today in Accra. During the "
        "two-day Dialogue, National Security Adviser Kofi Asante and his Kenyan counterpart "
        "Otieno Kamau held in-depth discussions.",
        {("GH", "Kofi Asante"), ("KE", "Otieno Kamau")},
        id="a-counterpart-after-an-opening-during-phrase",
    ),
    pytest.param(
        "The sixth Laos-Korea Security Dialogue took place in Vientiane on 3 May 2024. Senior "
        "Lieutenant General Somphong Keo, Vice Minister of Public Security of Laos, and Deputy "
        "Commissioner of the Korean National Police Agency Park Jiwon co-chaired the dialogue, "
        "which turned to terrorism in the region.",
        {("LA", "Somphong Keo"), ("KR", "Park Jiwon")},
        id="name-comma-title-and-title-of-an-agency-then-name",
    ),
    pytest.param(
        "The 12th meeting of the Tajikistan-Uzbekistan Joint Working Group on Counter-Terrorism "
        "opened in Dushanbe on Monday. Addressing it, Head of the Uzbek delegation Rustam "
        "Karimov called terrorism a threat to both states. The head of the Tajik delegation, "
        "Deputy Interior Minister Davron Saidov, agreed.",
        {("UZ", "Rustam Karimov"), ("TJ", "Davron Saidov")},
        id="head-of-the-sides-delegation-before-the-name",
    ),
    pytest.param(
        "Kenyan officers on Monday held a meeting with the Ugandan government aimed at ending "
        "the menace of terrorism. The Kenyan officials were led to the meeting by Deputy "
        "Secretary Mr. Peter Otieno. The Ugandan delegation was led by Gen. Moses Okello.",
        {("KE", "Peter Otieno"), ("UG", "Moses Okello")},
        id="officials-led-to-the-meeting-by",
    ),
    pytest.param(
        "The first meeting of the Quadrilateral Counter-Terrorism Mechanism of Kenya, Uganda, "
        "Somalia and Ethiopia was held in Kampala on 3 May 2024. The meeting was attended by "
        "Amos Kiprop, Chief of General Staff, Kenya Defence Forces; General Henry Mugisha, "
        "Chief of Defence Forces; Ali Farah, Chief of Army Staff, Somali National Army; and "
        "Major General Tesfaye Bekele, Chief of General Staff of the Ethiopian forces.",
        {
            ("KE", "Amos Kiprop"),
            ("UG", "Henry Mugisha"),
            ("SO", "Ali Farah"),
            ("ET", "Tesfaye Bekele"),
        },
        id="attendees-set-off-by-semicolons-the-one-with-no-state-heads-the-side-left",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_leaders(text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= leaders(text)


def test_someone_present_is_not_a_leader() -> None:
    text = (
        "The India-Chile Counter-Terrorism Dialogue was held in Santiago on 3 May 2024. "
        "Joint Secretary Anil Rao co-chaired the meeting with the Director of the Chilean "
        "Ministry of Foreign Affairs' Security Department, Rosa Vidal, in the presence of "
        "Ambassador Pedro Soto."
    )
    found = leaders(text)
    assert ("CL", "Rosa Vidal") in found and ("IN", "Anil Rao") in found
    assert not any(name == "Pedro Soto" for _, name in found)


def test_a_speaker_at_the_opening_is_not_a_leader() -> None:
    text = (
        "The 5th meeting of the India-Oman Joint Working Group on Counter-Terrorism was held in "
        "Muscat on 2 May 2024. Minister of State Ravi Kumar addressed the opening session."
    )
    assert ("IN", "Ravi Kumar") not in leaders(text)


def test_a_meeting_under_a_framework_names_no_leader() -> None:
    text = (
        OPENING + " The Dialogue took place under the Strategic Partnership agreed by Prime "
        "Minister Jan Horvat and Prime Minister Ravi Shankar Prasad in 2021."
    )
    names = {name for _, name in leaders(text)}
    assert not names & {"Jan Horvat", "Ravi Shankar Prasad"}


def test_attending_something_else_is_not_leading() -> None:
    text = (
        OPENING + " Prime Minister Jan Horvat will attend the opening of the new embassy "
        "building on Friday."
    )
    assert not any(name == "Jan Horvat" for _, name in leaders(text))


def test_a_minister_attending_another_meeting_is_not_a_head() -> None:
    text = (
        OPENING + " Foreign Minister Tanja Fajon will attend the meeting of the Council of "
        "Europe in Strasbourg next week."
    )
    assert not any(name == "Tanja Fajon" for _, name in leaders(text))


def test_a_state_is_never_a_person() -> None:
    text = (
        "The Norway-Japan Counter-Terrorism Consultations will be held in Oslo on 3 June 2024. "
        "Mr. Ken Sato, Director, Ministry of Foreign Affairs, and Ms. Ingrid Berg, Director, "
        "Ministry of Foreign Affairs, Kingdom of Norway will represent respective sides."
    )
    names = {f["name"] for f in facts_of(text, "DelegationLed")}
    assert "Kingdom of Norway" not in names and "Norway" not in names


def test_a_host_of_a_reception_is_not_a_head() -> None:
    text = OPENING + " Mayor Ana Kovač hosted a reception for the delegations in the evening."
    assert not any(name == "Ana Kovač" for _, name in leaders(text))


def test_a_head_of_another_body_is_not_a_head_of_delegation() -> None:
    text = (
        OPENING + " The talks welcomed Marta Zupan as Head of the Counter-Terrorism Unit of "
        "Europol."
    )
    assert not any(name == "Marta Zupan" for _, name in leaders(text))


def test_one_person_with_and_without_a_middle_initial() -> None:
    text = (
        "The 9th meeting of the Brazil-Canada Counter-Terrorism Working Group was co-chaired "
        "by Brazilian Vice Minister Joana Lima and Canadian Deputy Minister Robert Hayes in "
        "Ottawa on 3 May 2023. Canadian Deputy Minister Robert J. Hayes and Brazilian Vice "
        "Minister Joana Lima co-chaired the Working Group session."
    )
    canadians = {name for side, name in leaders(text) if side == "CA"}
    assert canadians == {"Robert Hayes"}


def test_two_people_sharing_a_surname_stay_two() -> None:
    text = (
        "The 9th meeting of the Brazil-Canada Counter-Terrorism Working Group was co-chaired "
        "by Brazilian Vice Minister Joana Lima and Canadian Deputy Minister Robert Hayes in "
        "Ottawa on 3 May 2023. The Canadian delegation was led by Deputy Minister Robert "
        "Hayes and Director Susan Hayes."
    )
    canadians = {name for side, name in leaders(text) if side == "CA"}
    assert canadians == {"Robert Hayes", "Susan Hayes"}


def test_a_clause_after_a_semicolon_is_not_a_second_head() -> None:
    text = (
        "The 3rd Chile-Peru Counter-Terrorism Dialogue was held in Lima on 4 May 2023. The "
        "Chilean delegation was led by Director Rosa Vidal; and the talks covered financing."
    )
    assert {name for _, name in leaders(text)} == {"Rosa Vidal"}


def test_a_delegation_to_attend_with_no_side_to_tell_names_no_head() -> None:
    text = (
        "The fifth meeting of the Chile-Peru Counter-Terrorism Working Group was held in Lima "
        "on 3 May 2023. Director Rosa Vidal led a delegation to attend the meeting, with "
        "officials of Chile and Peru."
    )
    assert not any(name == "Rosa Vidal" for _, name in leaders(text))


def test_capitals_inside_a_name_are_kept() -> None:
    text = (
        "The 3rd Japan-Chile Counter-Terrorism Dialogue was held in Tokyo on 3 May 2023. The "
        "Japanese delegation was led by Deputy Director-General KOBAYASHI Kenji."
    )
    assert ("JP", "KOBAYASHI Kenji") in leaders(text)


_CONSULTED = (
    "The first Chile-Peru Counter-Terrorism Consultations were held in Lima on 4 May 2023. "
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            _CONSULTED + "“Terrorism is a common threat,” said Deputy Minister Ana Torres, who "
            "led the Chilean delegation.",
            {("CL", "Ana Torres")},
            id="said-after-the-quotation",
        ),
        pytest.param(
            _CONSULTED + '"We agreed to share more," added Ambassador Luis Vega, who headed the '
            "Peruvian delegation.",
            {("PE", "Luis Vega")},
            id="added-after-straight-quotes",
        ),
        pytest.param(
            _CONSULTED + "“Terrorism is a common threat,” Deputy Minister Ana Torres, who led the "
            "Chilean delegation, told reporters.",
            {("CL", "Ana Torres")},
            id="the-head-right-after-the-quotation",
        ),
        pytest.param(
            _CONSULTED + "“The talks were useful,” said Ana Torres, a senior analyst.",
            set(),
            id="a-speaker-who-led-nothing",
        ),
    ],
)
def test_a_head_of_delegation_in_reported_speech(text: str, expected: set[tuple[str, str]]) -> None:
    assert leaders(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            _CONSULTED + "Chilean Deputy Minister Ana Torres and Peru’s Vice-Minister Luis Vega "
            "co-chaired the exchange at the foreign ministry.",
            {("CL", "Ana Torres"), ("PE", "Luis Vega")},
            id="co-chaired-the-exchange",
        ),
        pytest.param(
            _CONSULTED + "Chilean Deputy Minister Ana Torres and Peruvian Vice-Minister Luis "
            "Vega held discussions on terrorist financing.",
            {("CL", "Ana Torres"), ("PE", "Luis Vega")},
            id="held-discussions",
        ),
        pytest.param(
            _CONSULTED + "Chile and Peru held discussions on terrorist financing.",
            set(),
            id="states-holding-discussions-name-no-head",
        ),
    ],
)
def test_heads_as_the_subject_of_an_exchange_or_discussions(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert leaders(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            _CONSULTED + "Chilean Deputy Foreign Minister Ana Torres said after talks with "
            "Peruvian Vice-Minister Luis Vega that both sides condemned terrorism.",
            {("CL", "Ana Torres"), ("PE", "Luis Vega")},
            id="said-after-talks-with-the-other-head",
        ),
        pytest.param(
            _CONSULTED + "Ana Torres said after the talks with reporters that it went well.",
            set(),
            id="talks-with-reporters-name-no-head",
        ),
        pytest.param(
            _CONSULTED + "Chile said after talks with Peru that both sides condemned terrorism.",
            set(),
            id="states-after-talks-name-no-head",
        ),
    ],
)
def test_heads_in_reported_speech_after_talks(text: str, expected: set[tuple[str, str]]) -> None:
    assert leaders(text) == expected


_WORKING_GROUP = "The Chile-Peru Working Group on Counterterrorism met in Lima on 4 May 2023. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            _WORKING_GROUP + "The delegations were led by Peruvian Vice-Minister Luis Vega and "
            "Chilean Undersecretary Ana Torres.",
            {("PE", "Luis Vega"), ("CL", "Ana Torres")},
            id="the-delegations-plural-alone-are-both-sides",
        ),
        pytest.param(
            _WORKING_GROUP + "Observer delegations were led by Ambassador Hugo Ruiz.",
            set(),
            id="other-delegations-led-name-no-head",
        ),
    ],
)
def test_the_delegations_were_led_by(text: str, expected: set[tuple[str, str]]) -> None:
    assert leaders(text) == expected


def test_heads_who_launched_the_dialogue() -> None:
    text = (
        "Interior Minister Ana Torres and Peruvian Security Minister Luis Vega launched today "
        "in Lima the Chile-Peru Homeland Security Dialogue, to counter terrorism."
    )
    assert leaders(text) == {("CL", "Ana Torres"), ("PE", "Luis Vega")}


def test_people_who_launched_a_report_are_not_heads() -> None:
    text = (
        "The Chile-Peru Counter-Terrorism Dialogue met in Lima on 4 May 2023. Professor Ana "
        "Torres and Dr Luis Vega launched a report on extremism."
    )
    assert leaders(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The first meeting of the Chile-Peru-Bolivia Trilateral Consultation on counter "
            "terrorism was held in Lima. Ana Torres, Director (Security Affairs), Ministry of "
            "Foreign Affairs of Chile, Luis Vega, Director of the Department of Internal "
            "Security, Ministry of Foreign Affairs of Peru, and Rosa Quispe, Adviser to the "
            "Foreign Minister, Ministry of Foreign Affairs of Bolivia, led their respective "
            "delegations.",
            {("CL", "Ana Torres"), ("PE", "Luis Vega"), ("BO", "Rosa Quispe")},
            id="three-names-each-with-a-title-holding-commas",
        ),
        pytest.param(
            "The first meeting of the Chile-Peru-Bolivia Trilateral Consultation on counter "
            "terrorism was held in Lima. Delegates from Chile, Peru, Bolivia, Ecuador and "
            "Colombia attended.",
            set(),
            id="a-list-of-states-names-no-head",
        ),
    ],
)
def test_a_list_of_three_names_each_with_its_title(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert leaders(text) == expected


_CHILE_PERU = "The fourth Chile-Peru Counter-Terrorism Dialogue was held in Lima on 4 May 2023. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            _CHILE_PERU + "Ana Torres, Director of Security Affairs, led the delegation of Chile, "
            "and Luis Vega, Vice-Minister, led the delegation of Peru.",
            {("CL", "Ana Torres"), ("PE", "Luis Vega")},
            id="led-the-delegation-of-a-state",
        ),
        pytest.param(
            _CHILE_PERU + "Ana Torres led the delegation of experts to the meeting.",
            set(),
            id="a-delegation-of-experts-names-no-side",
        ),
        pytest.param(
            _CHILE_PERU + "The meeting was chaired jointly by Ana Torres, Chilean Director of "
            "Security Affairs, and Peruvian Vice-Minister Luis Vega.",
            {("CL", "Ana Torres"), ("PE", "Luis Vega")},
            id="chaired-jointly-by",
        ),
        pytest.param(
            _CHILE_PERU + "The Dialogue was led jointly by Chilean Ambassador Ana Torres and "
            "Peruvian Vice-Minister Luis Vega.",
            {("CL", "Ana Torres"), ("PE", "Luis Vega")},
            id="the-dialogue-was-led-jointly-by",
        ),
    ],
)
def test_led_jointly_and_the_delegation_of(text: str, expected: set[tuple[str, str]]) -> None:
    assert leaders(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            _CHILE_PERU + "Terrorism was the focus of a meeting between Chilean Deputy Minister "
            "Ana Torres and Luis Vega, director of the Peruvian ministry’s department for "
            "security.",
            {("CL", "Ana Torres"), ("PE", "Luis Vega")},
            id="a-meeting-between-two-officials",
        ),
        pytest.param(
            _CHILE_PERU + "Talks between Chile and Peru focused on terrorism.",
            set(),
            id="talks-between-two-states-name-no-head",
        ),
        pytest.param(
            _CHILE_PERU + "The meeting between Ana Torres and journalists was short.",
            set(),
            id="a-meeting-with-the-press-names-no-head",
        ),
    ],
)
def test_a_meeting_between_two_officials(text: str, expected: set[tuple[str, str]]) -> None:
    assert leaders(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Cooperation against terrorism was reaffirmed in the 5th session of the strategic "
            "bilateral dialogue between Chile and Peru, said Minister of Andean Affairs and "
            "Pacific Alliance Ana Torres. On the sidelines of the meeting that she chaired "
            "jointly with Peruvian Vice-Minister Luis Vega, Torres underlined their shared "
            "views.",
            {("CL", "Ana Torres"), ("PE", "Luis Vega")},
            id="the-meeting-that-she-chaired-jointly-with-b-then-a",
        ),
        pytest.param(
            _CHILE_PERU + "On the sidelines of the meeting that she chaired jointly with "
            "Peruvian Vice-Minister Luis Vega, the press asked questions.",
            set(),
            id="no-subject-after-the-clause-names-no-heads",
        ),
    ],
)
def test_the_meeting_a_head_chaired_with_another(text: str, expected: set[tuple[str, str]]) -> None:
    assert leaders(text) == expected


def test_the_speakers_of_remarks_following_a_meeting_are_its_heads() -> None:
    assert leaders(TRANSCRIPT) == {("CL", "Ana Soto"), ("PE", "Luis Ramos")}


def test_the_speakers_with_a_publication_date() -> None:
    found = {
        (f["party"], f["name"]) for f in facts_of(TRANSCRIPT, "DelegationLed", date(2021, 5, 3))
    }
    assert found == {("CL", "Ana Soto"), ("PE", "Luis Ramos")}


def test_speakers_of_remarks_on_another_occasion_are_not_heads() -> None:
    text = TRANSCRIPT.replace("Remarks Following Meetings of", "Remarks on the Anniversary of")
    assert leaders(text) == set()


def test_an_article_is_not_an_initial() -> None:
    text = (
        "Chile and Peru held counter-terrorism talks in Lima on 3 May 2022. A Chilean "
        "delegation led by Deputy Minister Ana Soto met Peruvian officials."
    )
    assert ("CL", "Ana Soto") in leaders(text)
    assert not any(name.startswith("A ") for _, name in leaders(text))


def test_a_counterpart_holds_the_same_post() -> None:
    text = (
        "The second Ghana-Kenya Counter-Terrorism Dialogue concluded today in Accra. During the "
        "two-day Dialogue, National Security Adviser Kofi Asante and his Kenyan counterpart "
        "Otieno Kamau held in-depth discussions."
    )
    titles = {f["name"]: f["title"] for f in facts_of(text, "DelegationLed", date(2024, 5, 3))}
    assert titles == {
        "Kofi Asante": "National Security Adviser",
        "Otieno Kamau": "National Security Adviser",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            _CHILE_PERU + "Deputy Foreign Minister Ana Torres led Chile, and Vice Minister of "
            "the Interior Luis Vega led Peru.",
            {("CL", "Ana Torres"), ("PE", "Luis Vega")},
            id="a-head-led-the-state-itself",
        ),
        pytest.param(
            _CHILE_PERU + "The Director for Security of the Chilean Ministry of Foreign Affairs, "
            "Ana Torres, and the Director for Counter-Terrorism of the Peruvian Ministry of the "
            "Interior, Luis Vega, leading their respective delegations, shared their experience.",
            {("CL", "Ana Torres"), ("PE", "Luis Vega")},
            id="leading-their-respective-delegations",
        ),
        pytest.param(
            _CHILE_PERU + "On the occasion of the renewal of the partnership between the two "
            "countries, the Director for Security of the Chilean Ministry of Foreign Affairs, "
            "Ana Torres, and the Director for Counter-Terrorism of the Peruvian Ministry of the "
            "Interior, Luis Vega, led their respective delegations.",
            {("CL", "Ana Torres"), ("PE", "Luis Vega")},
            id="an-opening-phrase-of-occasion-is-no-title",
        ),
        pytest.param(
            _CHILE_PERU + "Ana Torres, who has led Chile since 2022, opened the meeting.",
            set(),
            id="a-state-led-for-years-is-no-delegation",
        ),
    ],
)
def test_heads_who_led_a_state_or_their_respective_delegations(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert leaders(text) == expected
    if expected:
        titles = [f["title"] for f in facts_of(text, "DelegationLed")]
        assert not any(t.startswith(("On ", "the ")) for t in titles)


def test_a_head_who_went_to_co_chair_with_the_host() -> None:
    text = (
        "On 4 May 2023, Deputy Foreign Minister Ana Torres of Chile, at the invitation of Peru, "
        "went to Lima to co-chair the third meeting of the Chile-Peru Counter-Terrorism "
        "Consultations with Director General of Security of Peru Luis Vega."
    )
    assert leaders(text) == {("CL", "Ana Torres"), ("PE", "Luis Vega")}


def test_a_state_in_the_possessive_before_a_name_is_the_side() -> None:
    text = (
        "The third session of the Chile-Saudi Arabia Security Working Group on Counter-Terrorism "
        "was held in Riyadh on 4 May 2023. Co-chaired by Chile’s Ana Torres and Saudi Arabia’s "
        "Ahmad Al-Eisa from the Ministry of Interior, the meeting reviewed cooperation."
    )
    assert leaders(text) == {("CL", "Ana Torres"), ("SA", "Ahmad Al-Eisa")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            _CHILE_PERU + "Condemning terrorism in all its forms, Ana Torres, Director for "
            "Security at the Ministry of Foreign Affairs of Chile and Mr Luis Vega, Deputy "
            "Secretary at the Ministry of the Interior of Peru, emphasised the need to act.",
            {("CL", "Ana Torres"), ("PE", "Luis Vega")},
            id="no-head-said-to-lead-the-officials-of-each-side-who-spoke",
        ),
        pytest.param(
            _CHILE_PERU + "Chilean Deputy Minister Ana Torres led the Chilean delegation. "
            "Peruvian Vice Minister Luis Vega and Chilean Director Rosa Diaz discussed training.",
            {("CL", "Ana Torres")},
            id="a-head-said-to-lead-leaves-the-others-who-spoke",
        ),
        pytest.param(
            _CHILE_PERU + "Analysts discussed the results at length.",
            set(),
            id="people-without-a-side-are-no-heads",
        ),
    ],
)
def test_heads_when_no_sentence_says_who_led(text: str, expected: set[tuple[str, str]]) -> None:
    assert leaders(text) == expected


def test_a_side_without_its_article_and_a_name_of_hyphened_words() -> None:
    text = (
        "The 6th Chile-Peru Joint Security Commission meeting on counter-terrorism was held in "
        "Lima on 5 May 2022. Retired General Luis Ramos-De-Vega led Peru delegation while the "
        "Chilean delegation was led by Undersecretary Ana Tapia."
    )
    assert leaders(text) == {("PE", "Luis Ramos-De-Vega"), ("CL", "Ana Tapia")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The first meeting of the Chile-Peru Joint Working Group on Counter-Terrorism was "
            "held under the chairmanship of Chilean and Peruvian Deputy Foreign Ministers Ana "
            "Tapia and Luis Vega in Lima.",
            {("CL", "Ana Tapia"), ("PE", "Luis Vega")},
            id="one-plural-title-shared-and-under-the-chairmanship-of",
        ),
        pytest.param(
            "The 9th Meeting of Security Council Secretaries of the Andean States took place in "
            "Quito on 3 May 2024. The meeting was attended by Deputy Security Adviser of the "
            "Republic of Chile Ana Tapia, Presidential Aide and Security Council Secretary of the "
            "Republic of Peru Luis Vega, Security Council Secretary of the Plurinational State of "
            "Bolivia Juan Mamani and Director of the Executive Committee Rosa Quispe. Terrorism "
            "was discussed.",
            {("CL", "Ana Tapia"), ("PE", "Luis Vega"), ("BO", "Juan Mamani")},
            id="attendees-of-a-meeting-of-several-states-titled-with-their-states",
        ),
        pytest.param(
            "The 3rd Chile-Peru Counter-Terrorism Dialogue is being held in Lima this week. The "
            "dialogue, led by Ana Tapia, Chilean Deputy Minister, and Luis Vega, Peruvian Vice "
            "Minister, will conclude on Wednesday.",
            {("CL", "Ana Tapia"), ("PE", "Luis Vega")},
            id="the-meeting-led-by-in-a-reduced-clause",
        ),
        pytest.param(
            OPENING + " The Indian delegation was led by Major-General Engineer Ravi Menon, and "
            "the Slovenian delegation by State Secretary Ana Novak.",
            {("IN", "Ravi Menon"), ("SI", "Ana Novak")},
            id="a-professional-style-after-the-rank-is-no-part-of-the-name",
        ),
    ],
)
def test_heads_of_shared_titles_reduced_clauses_and_meetings_of_several_states(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert leaders(text) == expected


def test_attendees_of_a_meeting_of_two_states_are_not_heads() -> None:
    text = (
        "The 3rd Chile-Peru Counter-Terrorism Dialogue was held in Lima on 3 May 2024. The "
        "meeting was attended by the Chilean Ambassador to Peru Rosa Quispe."
    )
    assert leaders(text) == set()


def test_each_head_representing_a_state_the_last_before_the_stop() -> None:
    text = (
        "The 2nd Chile-Peru Counter-Terrorism Consultations were held on 3 May 2021 in Lima with "
        "Ms. Ana Soto, Ambassador for Counter-Terrorism, Ministry of Foreign Affairs representing "
        "Chile, and Ambassador RAMOS Luis, Director General of the Department of Security "
        "Affairs, Ministry of Foreign Affairs representing Peru."
    )
    assert leaders(text) == {("CL", "Ana Soto"), ("PE", "RAMOS Luis")}


def test_a_name_with_the_in_it_and_a_call_during_the_visit() -> None:
    text = (
        "India and Vietnam held their fourth Security Dialogue on 3 May 2021 in Hanoi. The "
        "meeting was co-chaired by India's Deputy National Security Adviser, Arun Mehta, and "
        "Vietnam's Deputy Minister of Public Security, Lt. Gen. Nguyen The Binh. They discussed "
        "countering terrorism. During his visit, Deputy Adviser Mehta held discussions with "
        "Vietnam's Minister of Public Security, General To Van Lam."
    )
    assert leaders(text) == {("IN", "Arun Mehta"), ("VN", "Nguyen The Binh")}


def test_a_comma_before_an_honorific_is_no_part_of_the_title() -> None:
    text = (
        "The Interior Minister of Chile, the Rt Hon. Ana Soto, and the Interior Minister of "
        "Peru, Luis Ramos, co-chaired the Chile-Peru Counter-Terrorism Dialogue in Lima."
    )
    titles = {f["name"]: f["title"] for f in facts_of(text, "DelegationLed")}
    assert titles["Ana Soto"] == "Interior Minister of Chile"


@pytest.mark.parametrize(
    ("chunk", "name", "title"),
    [
        pytest.param(
            "Chilean Ambassador to Lima Ana Soto",
            "Ana Soto",
            "Chilean Ambassador to Lima",
            id="the-city-after-ambassador-to-is-the-posts",
        ),
        pytest.param(
            "Peruvian Ambassador in Abu Dhabi Luis Ramos",
            "Luis Ramos",
            "Peruvian Ambassador in Abu Dhabi",
            id="a-city-of-two-words-opening-with-a-particle",
        ),
        pytest.param(
            "Ambassador at Large Mark Hale",
            "Mark Hale",
            "Ambassador at Large",
            id="at-large-is-the-posts",
        ),
        pytest.param(
            "Chilean Ambassador to Peru Ana Soto",
            "Ana Soto",
            "Chilean Ambassador to Peru",
            id="control-a-state-after-to-was-already-the-posts",
        ),
    ],
)
def test_a_post_held_in_a_place(chunk: str, name: str, title: str) -> None:
    official = parse_official(chunk)
    assert official is not None
    assert (official.name, official.title) == (name, title)


def test_the_second_clause_of_two_sides_led_opens_with_and() -> None:
    assert leaders(
        "The 3rd Chile-Peru Counter-Terrorism Dialogue was held in Lima on 3 May 2021. Ana "
        "Soto, Director General, Ministry of Foreign Affairs, Chile, led the Chilean Side and "
        "Mr. Luis Ramos, Deputy Chief of Mission, Embassy of Peru, Santiago, led the Peruvian "
        "Side."
    ) == {("CL", "Ana Soto"), ("PE", "Luis Ramos")}
