"""One lexicon for officials: courtesies, ranks and styles written before a name, and the
words of titles and offices that never make a name. Every rule that reads a person takes
its words from here (`people` builds its patterns from them, `delegations` and `mous` read
people through `people`).
"""

from __future__ import annotations

# Courtesies: never part of a name, never a title on their own.
COURTESIES = (
    # "Senator the Hon A", "the Hon B": Australian and Commonwealth styles
    r"Senator\s+the\s+Hon(?:ourable)?|[Tt]he\s+Hon(?:ourable)?|"
    r"Shri|Smt|Sri|Sir|Dame|Lord|Mr|Mrs|Ms|Dr|H\.\s?E|HE|His Excellency|Her Excellency|Hon|"
    r"Honourable|Rt\.?\s+Hon"
)
# Malaysian, Gulf and Brunei styles: like courtesies, before the name.
STYLES = (
    r"Datuk\s+Seri|Dato['’]?\s+Sri|Dato['’]?\s+Seri|Datuk|Dato['’]|Dato|Tan\s+Sri|Tun|Puan\s+Sri"
    r"|Pehin|Sheikh|Shaikh|Haji|Hajah"
    # "Major-General Engineer A", "Eng. B": a professional style of the Gulf and Arab states
    r"|Engineer|Eng\.|Engr\.?"
)
# Posts written as honorifics ("Ambassador Jane Doe"): the title when no other is given.
POSTS = r"Ambassador|Amb|Prof"

# Military and police ranks, and the styles above: written before a name,
# never part of it. A rank is also the title when no other is given.
# "Police Lieutenant General", "Police Commissioner General", "Brigadier General (Pol.)":
# a service written before or bracketed after the rank belongs to the rank.
RANKS = (
    # ("Lieutenant-General": the hyphen as often as the space)
    # ("Senior Lieutenant General", "Colonel General": the ranks of the former Soviet
    # armies and of Vietnam's and China's)
    r"(?:Police\s+)?(?:(?:Senior\s+)?(?:Lieutenant|Lt\.?|Major|Maj\.?|Brigadier|Brig\.?|Colonel)"
    r"[\s-]+Gen(?:eral|\.)?"
    r"|Commissioner[\s-]+General)(?:\s+\((?:Pol|Police|Ret|Retd|rtd)\.?\))?"
    r"|(?:Police\s+)?(?:General|Gen\.?|Colonel|Col\.?)"  # "Police General A" (Thailand)
    r"|(?:Rear|Vice)\s+Admiral|Admiral|Adm\.?|Air\s+(?:Vice\s+|Chief\s+)?Marshal|Commodore"
    r"|(?:Senior\s+|Lieutenant\s+|Lt\.?\s+)?Colonel|Col\.?|Brigadier|Major|Captain|Capt\.?"
    r"|Commander|Cdr\.?|Inspector[\s-]+General|(?:Police\s+)?Commissioner\s+of\s+Police"
    r"|" + STYLES
)

# Words that belong to titles and offices, never to a personal name.
TITLE_WORDS = frozenset(
    [
        "secretary",
        "minister",
        "ministry",
        "federation",
        "republic",
        "kingdom",
        "undersecretary",
        "under-secretary",
        "ambassador",
        "director",
        "general",
        "joint",
        "additional",
        "deputy",
        "assistant",
        "under",
        "coordinator",
        "co-ordinator",
        "acting",
        "foreign",
        "special",
        "envoy",
        # ("Ambassador Extraordinary and Plenipotentiary of A to B, C")
        "extraordinary",
        "plenipotentiary",
        # ("Ambassador at Large Nathan Sales")
        "large",
        "head",
        "chief",
        "controller",
        "commissioner",
        "permanent",
        "representative",
        "counsellor",
        "counselor",
        "principal",
        "adviser",
        "advisor",
        "national",
        "security",
        "department",
        "affairs",
        "external",
        "home",
        "state",
        "mea",
        "counter",
        "terrorism",
        "counter-terrorism",
        "counterterrorism",
        "ct",
        "division",
        "office",
        "bureau",
        "president",
        "vice",
        "prime",
        "chairman",
        "chair",
        "officer",
        "senior",
        "high",
        "attorney",
        "governor",
        "spokesperson",
        "west",
        "east",
        "north",
        "south",
        "central",
        "multilateral",
        "political",
        "consular",
        "government",
        "federal",
        "agency",
        "police",
        "intelligence",
        "immigration",
        "customs",
        "defence",
        "defense",
        "justice",
        "interior",
        "european",
        "union",
        "centre",
        "center",
        "council",
        "commission",
        "affairs",
        "directorate",
        "unit",
        "bureau",
        "section",
        "desk",
        "ambassador-at-large",
        "at-large",
        "the",
        "of",
        "for",
        "and",
        "in",
        "at",
        "on",
        "to",
        "with",
        "a",
        "an",
        "mr",
        "ms",
        "mrs",
        "dr",
        "shri",
        "smt",
        "strategic",
        "disarmament",
        "legal",
        "cooperation",
        "international",
        "public",
        "policy",
        "plenipotentiary",
    ]
)

# Words of offices and units, never of a personal name ("… Counter-Terrorism and Riot Control").
OFFICE_WORDS = frozenset(
    [
        "control",
        "crime",
        "crimes",
        "trade",
        "development",
        "expatriates",
        "planning",
        "finance",
        "operations",
        "branch",
        "service",
        "services",
        "forces",
        "force",
        "command",
        "administration",
        "authority",
        "organisation",
        "organization",
        "group",
        "task",
        "investigation",
        "narcotics",
        "drugs",
        "analysis",
        "research",
        "management",
        "protection",
        "relations",
        "welfare",
        "treasury",
        # bodies named in a title ("… Affairs, African Union and Arab League Abdelkader Messahel")
        "union",
        "league",
        "alliance",
        "resolution",
        "mediation",
        "conflict",
        "negotiation",
        "negotiations",
        "economic",
        "europe",
        "asia",
        "africa",
        "americas",
        "pacific",
        "region",
        "regional",
        "global",
        "world",
        "transnational",
        "human",
        "rights",
        # ("Minister of Relations with the Constitutional Bodies, Civil Society and Human
        # Rights, B": the words of a ministry's list are no person's name)
        "civil",
        "society",
        "democracy",
        "constitutional",
        "law",
        "enforcement",
        "anti-terrorism",
        "border",
        # ("the Singapore Police Coast Guard": a body, never a person's name)
        "guard",
        "maritime",
        "aviation",
        "homeland",
        "affairs",
        "cooperation",
        "policy",
        "security",
        "defence",
        "defense",
        "intelligence",
        "strategy",
        "strategic",
        "programme",
        "program",
        "centre",
        "center",
        "institute",
        "academy",
        "secretariat",
        "mission",
        "embassy",
        "consulate",
        "commission",
        "committee",
        "council",
        "department",
        "ministry",
        "division",
        "bureau",
        "unit",
        "directorate",
        "wing",
        "cell",
        "desk",
        "team",
        "staff",
        # Words of departments' names ("New Challenges and Threats", "Foreign,
        # Commonwealth and Development Office", "United Nations and International
        # Organizations"): never part of a personal name.
        "challenges",
        "threats",
        "commonwealth",
        "nations",
        "organizations",
        "organisations",
        "international",
        "counter-terrorism",
        "terrorism",
        "prevent",
        "diplomacy",
        "coordination",
        "extremism",
        "countering",
        "violent",
        "improvised",
        "explosive",
        "devices",
    ]
)

# Posts that name their state without naming it: "Secretary of State" alone is the United
# States' (the United Kingdom's are "Secretary of State for …"), a "State Councilor" China's,
# a "Union" minister India's, a "Cabinet Secretary" Kenya's.
STATE_POSTS: tuple[tuple[str, str], ...] = (
    (r"\bSecretary\s+of\s+State\b(?!\s+for\b)", "US"),
    (r"\bState\s+Councill?or\b", "CN"),
    (r"\bUnion\s+(?:Home\s+|External\s+Affairs\s+)?Minister\b", "IN"),
    (r"\bCabinet\s+Secretary\b", "KE"),
)

# Verbs that report what someone said: the clause after the last one is what was reported
# ("…, saying the government condemned …", "the Council said on Tuesday that A met B").
REPORTING_VERBS = (
    r"said|says|saying|added|adding|stated|stating|announced|reported|noted|noting|stressed|"
    r"stressing"
)
