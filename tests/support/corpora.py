"""The annotated corpora the extractor is scored on, declared once.

Each corpus is a folder of statements under `tests/corpus/` with their gold facts (one
`gold.json`, or one `NAME.json` beside each `NAME.txt`), in the format and conventions of
`tests/corpus/seeds-gold.json`. What differs between corpora is only what they are for and
the floors they keep; loading, well-formedness, spans and scoring are the same for all
(`tests/corpus/test_corpora.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import pycountry

from tests.support.extraction_scoring import SCORED_TYPES, load_folder, predict_in_process
from tests.support.paths import CORPUS


@dataclass(frozen=True)
class Corpus:
    folder: str
    about: str
    statements: int  # how many the folder holds: a text lost by accident fails
    f1_floor: float  # floors only ever rise
    accuracy_floor: float | None = None
    # The first blind scoring (F1, attribute accuracy): a floor never goes below it.
    first_scoring: tuple[float, float] | None = None
    # Real statements carry their address and whether they are official or our own words.
    real: bool = False


CORPORA = (
    Corpus("extract_dev", "written for development", 55, 1.0),
    Corpus("extract_heldout", "held out, written in the genre's manner", 30, 1.0),
    Corpus("extract_heldout2", "held out, written in the genre's manner", 20, 1.0),
    Corpus("extract_heldout3", "held out, written in the genre's manner", 25, 1.0),
    # 1.31.0 places the Turkey-Iraq mechanism's meeting where the lead says it was (0.988)
    Corpus("extract_heldout4", "held out, written in the genre's manner", 30, 0.994),
    # 1.48.0 reads the second head of "with A, TITLE representing X, and B, TITLE representing Y."
    Corpus("extract_real", "real statements, development", 60, 0.990, 1.0, real=True),
    Corpus("extract_shapes", "the weak shapes of earlier rounds, own words", 18, 1.0, 1.0),
    Corpus("extract_blind1", "real official statements, once blind", 12, 1.0, 1.0, (0.542, 0.882)),
    Corpus("extract_blind2", "real official statements, once blind", 9, 0.935, 1.0, (0.636, 0.944)),
    Corpus(
        "extract_blind3",
        "real official statements, Asia and Oceania",
        20,
        # 1.21.0 reads the ministerial council on law and security (0.871 before)
        0.889,
        1.0,
        (0.491, 0.957),
        real=True,
    ),
    Corpus(
        "extract_blind4",
        "real official statements, Americas, Europe, Middle East, Africa",
        23,
        0.971,
        1.0,
        (0.680, 0.940),
        real=True,
    ),
    Corpus(
        "extract_blind5",
        "real official statements, blind sets 5 and 6",
        15,
        # rules written from these sets' misses (1.8.0: 0.792; 1.9.0: 0.844): no longer blind;
        # 1.21.0 reads the ministerial council on law and security
        0.939,
        1.0,
        (0.511, 0.912),
        real=True,
    ),
    Corpus(
        "extract_blind6",
        "real official statements, blind set 7",
        9,
        # 1.8.0 on arrival (1.7.0 scored the same) 0.278 / 0.571, the blind figure; 1.9.0 with
        # rules written from the set's misses 0.980 / 1.0: no longer blind
        0.980,
        1.0,
        (0.278, 0.571),
        real=True,
    ),
    Corpus(
        "extract_blind7",
        "real official statements, blind set 8",
        6,
        # 1.9.0 on arrival 0.462 / 0.812, the blind figure; 1.10.0 with rules written from
        # the set's misses 0.875 / 1.0: no longer blind
        0.875,
        1.0,
        (0.462, 0.812),
        real=True,
    ),
    Corpus(
        "extract_blind8",
        "real official statements, blind set 9",
        3,
        # 1.10.0 on arrival (1.8.0 and 1.9.0 scored the same), the blind figure; the facts it
        # found carried no attribute to check (1.0 of nothing). 1.11.0 with rules written
        # from its misses 1.0 / 1.0: no longer blind
        1.0,
        1.0,
        (0.778, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind9",
        "real official statements, blind set 10",
        11,
        # 1.10.0 on arrival 0.560 / 0.917, the blind figure; 1.11.0 with rules written from
        # the set's misses 0.750 / 0.950: no longer blind; 1.26.0 reads annual bilateral
        # consultations as the whole relation, not a meeting of the genre (0.778)
        0.778,
        0.95,
        (0.56, 0.917),
        real=True,
    ),
    Corpus(
        "extract_blind10",
        "real official statements, blind set 11",
        8,
        # 1.11.0 on arrival 0.522 / 0.900 (1.10.0 the same), the blind figure; 1.12.0 with
        # rules written from the set's misses 0.696 / 1.0: no longer blind
        0.696,
        1.0,
        (0.522, 0.9),
        real=True,
    ),
    Corpus(
        "extract_blind11",
        "real official statements, blind set 12",
        8,
        # 1.12.0 on arrival, the blind figure (1.10.0 scored 0.381 / 0.833); 1.13.0 with rules
        # written from the set's misses 0.600 / 0.882: no longer blind; 1.22.0 reads the
        # lower-case consultation mechanism and its heads (0.783 / 0.917)
        0.783,
        0.917,
        (0.522, 0.882),
        real=True,
    ),
    Corpus(
        "extract_blind12",
        "real official statements, blind set 13",
        10,
        # 1.13.0 on arrival, the blind figure (1.10.0: 0.222 / 0.786); 8 of the 10 report no
        # meeting of the genre, so the false facts weigh most. 1.14.0 with rules written from
        # the set's misses (memoranda) 0.316 / 0.857: no longer blind
        0.316,
        0.857,
        (0.211, 0.786),
        real=True,
    ),
    Corpus(
        "extract_blind13",
        "real official statements, blind set 14",
        9,
        # 1.14.0 on arrival, the blind figure (1.10.0: 0.500; the facts found carried no
        # attribute to check). 1.15.0 with rules written from the set's misses 0.621 / 1.0:
        # no longer blind
        0.621,
        1.0,
        (0.552, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind14",
        "real official statements, blind set 15",
        6,
        # 1.15.0 on arrival, the blind figure (1.10.0 scored the same). 1.16.0 joins a
        # hard-wrapped line that ends in "of" to the next, found from its misses: 0.667 /
        # 1.0, no longer blind
        0.667,
        1.0,
        (0.444, 0.8),
        real=True,
    ),
    Corpus(
        "extract_blind15",
        "real official statements of a nearby genre (no meeting), blind set 16",
        2,
        # 1.16.0 on arrival, the blind figure (1.15.0 scored the same); no rule written from
        # the set's misses
        1.0,
        1.0,
        (1.0, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind16",
        "a real official statement, blind set 17",
        1,
        # 1.16.0 on arrival, the blind figure: its memorandum found with no subject and a
        # title run on ("…, today at the Pentagon"). 1.17.0 with rules written from the set's
        # misses: 1.0 / 1.0, no longer blind
        1.0,
        1.0,
        (0.0, 0.667),
        real=True,
    ),
    Corpus(
        "extract_blind17",
        "a real official statement of a nearby genre (no meeting), blind set 19",
        1,
        # 1.18.0 on arrival, the blind figure (1.16.0 and 1.17.0 scored the same): a joint
        # working group on the whole relation read as a meeting of the genre, its two chairs
        # and its next meeting, four false facts. 1.19.0, with rules written from the set's
        # misses: 1.0 / 1.0, no longer blind
        1.0,
        1.0,
        (0.0, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind18",
        "a real official statement of a nearby genre (meetings to come), blind set 20",
        1,
        # 1.19.0 on arrival, the blind figure (1.18.0 and 1.16.0 scored the same): a working
        # group that "will precede" another meeting read as held, one false fact. 1.20.0 with
        # rules written from the set's misses: 1.0 / 1.0, no longer blind
        1.0,
        1.0,
        (0.0, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind19",
        "real official statements, blind set 22",
        4,
        # 1.20.0 on arrival, the blind figure (1.16.0 scored the same): 0.625 / 1.0. 1.21.0,
        # with rules written from the set's misses: 0.842 / 1.0, no longer blind
        0.842,
        1.0,
        (0.625, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind20",
        "real official statements, blind set 24",
        2,
        # 1.22.0 on arrival, the blind figure (1.20.0 and 1.16.0 scored the same): 0.0 / 1.0
        # (no fact found right). 1.23.0, with rules written from the set's misses: 1.0 / 1.0,
        # no longer blind
        1.0,
        1.0,
        (0.0, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind21",
        "a real official statement, blind set 25",
        1,
        # 1.23.0 on arrival, the blind figure (1.20.0 and 1.16.0 scored the same): 1.0 / 1.0
        1.0,
        1.0,
        (1.0, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind22",
        "real official statements, blind set 26",
        2,
        # 1.25.0 on arrival, the blind figure (1.20.0 and 1.16.0 scored the same): 0.0 / 0.667.
        # 1.26.0, with rules written from the set's misses: 1.0 / 1.0, no longer blind
        1.0,
        1.0,
        (0.0, 0.667),
        real=True,
    ),
    Corpus(
        "extract_blind23",
        "a real official statement, blind set 27",
        1,
        # 1.26.0 on arrival, the blind figure (1.20.0 and 1.16.0 scored the same): 0.5 / 1.0.
        # 1.27.0, with rules written from the set's misses: 1.0 / 1.0, no longer blind
        1.0,
        1.0,
        (0.5, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind24",
        "real official statements, blind set 28",
        2,
        # 1.28.0 on arrival, the blind figure (1.20.0 and 1.16.0 scored the same): 0.667 / 1.0
        # (a signed defence document, counted as a memorandum by its annotator, not found)
        0.667,
        1.0,
        (0.667, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind25",
        "real official statements, blind sets 29 and 30",
        8,
        # 1.28.0 on arrival, the blind figure: 0.455 / 1.0; 1.29.0, with rules written from
        # the sets' misses: 0.833 / 1.0, no longer blind
        0.833,
        1.0,
        (0.455, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind26",
        "real official statements, blind sets 31 and 32",
        4,
        # 1.29.0 on arrival, the blind figure: 0.0 (two meetings of groupings and their eight
        # heads missed); 1.30.0, with rules written from the sets' misses: 1.0, no longer blind
        1.0,
        1.0,
        (0.0, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind27",
        "real official statements, blind sets 33 and 34",
        5,
        # 1.30.0 on arrival, the blind figure: 0.5 / 0.769; 1.31.0, with rules written from
        # the sets' misses: 0.667 / 0.923, no longer blind
        0.667,
        0.923,
        (0.5, 0.769),
        real=True,
    ),
    Corpus(
        "extract_blind28",
        "real official statements, blind sets 35 and 36",
        7,
        # 1.31.0 on arrival, the blind figure: 0.545 / 1.0; 1.32.0, with rules written from
        # the sets' misses: 0.636 / 1.0, no longer blind
        0.636,
        1.0,
        (0.545, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind29",
        "real official statements, blind sets 37 and 38",
        3,
        # 1.32.0 on arrival, the blind figure: 0.333 / 0.667 (1.33.0 the same: a dialogue's
        # round inferred from "the first dialogue" before it, an unnamed meeting of a visit);
        # 1.52.0 reads the round and the year later sentences give (0.667 / 1.0)
        0.667,
        1.0,
        (0.333, 0.667),
        real=True,
    ),
    Corpus(
        "extract_blind30",
        "real official statements, blind set 39",
        4,
        # 1.33.0 on arrival, the blind figure: 0.6 / 1.0 (1.34.0 the same)
        0.6,
        1.0,
        (0.6, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind31",
        "real official statements, blind set 40",
        4,
        # 1.34.0 on arrival, the blind figure: 0.333 / 0.5; 1.35.0 reads "we condemn" as the
        # side the headline names, and a joint committee as no meeting of the genre
        1.0,
        1.0,
        (0.333, 0.5),
        real=True,
    ),
    Corpus(
        "extract_blind32",
        "real official statements, blind set 41",
        3,
        # 1.35.0 on arrival, the blind figure: 0.0 / 1.0; 1.36.0 reads a ministry's "we" about
        # an attack in another state as its own (groupings whose members the gold leaves out,
        # and one state's delegation at a regional dialogue, stay missed)
        0.333,
        1.0,
        (0.0, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind33",
        "real official statements, blind set 42",
        5,
        # 1.36.0 on arrival, the blind figure: 0.222 / 1.0 (1.37.0 the same: a security
        # dialogue whose agenda leads with crime, a ministers' working meeting, one state's
        # delegation at a regional exercise)
        0.222,
        1.0,
        (0.222, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind34",
        "real official statements, blind set 43",
        6,
        # 1.37.0 on arrival, the blind figure: 0.286 / 0.667 (1.38.0 the same: memoranda of
        # bodies with no state, a grouping's ministerial meetings with the members unlisted)
        0.286,
        0.667,
        (0.286, 0.667),
        real=True,
    ),
    Corpus(
        "extract_blind35",
        "real official statements, blind set 44",
        6,
        # 1.38.0 on arrival, the blind figure: 0.533 / 0.909; 1.39.0 reads a state's own
        # national committee in a title as no meeting (0.571 / 1.0); 1.43.0 reads two
        # ministers who met on security cooperation as a meeting, and terrorism condemned in
        # general in a sentence of its own as a second condemnation (0.889)
        0.889,
        1.0,
        (0.533, 0.909),
        real=True,
    ),
    Corpus(
        "extract_blind36",
        "real official statements, blind set 45",
        6,
        # 1.39.0 on arrival, the blind figure: 0.286 / 1.0; 1.40.0 names the Houthis (0.4);
        # 1.57.0 reads the two ministers' meeting of the Russia-Bangladesh statement (0.667)
        0.667,
        1.0,
        (0.286, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind37",
        "real official statements, blind set 46",
        9,
        # 1.40.0 on arrival, the blind figure: 0.429 / 1.0; 1.41.0 reads one government's
        # official condemning an attack in another state as that government's alone (0.538);
        # 1.43.0 places an attack in Brussels or Karachi and condemns terrorism in general
        # apart from the attack (0.741)
        0.741,
        1.0,
        (0.429, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind38",
        "real official statements, blind set 47",
        5,
        # 1.41.0 on arrival, the blind figure: 0.0 / 1.0 (1.42.0 the same: groupings' meetings
        # whose members the texts list in full titles, one organisation's condemnation)
        0.0,
        1.0,
        (0.0, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind39",
        "real official statements, blind set 48",
        5,
        # 1.42.0 on arrival, the blind figure: 0.667 / 1.0; 1.43.0 reads an official who met
        # another state's on counterterrorism collaboration as a meeting (1.0)
        1.0,
        1.0,
        (0.667, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind40",
        "real official statements, blind set 49",
        1,
        # 1.42.0 on arrival, the blind figure: 1.0 / 1.0
        1.0,
        1.0,
        (1.0, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind41",
        "real official statements, blind set 50",
        3,
        # 1.42.0 on arrival, the blind figure: 0.8 / 1.0; 1.43.0 reads the attack's place
        # where the statement first tells it, for a "we" that condemns it (1.0)
        1.0,
        1.0,
        (0.8, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind42",
        "real official statements, blind set 51",
        6,
        # 1.43.0 on arrival, the blind figure: 0.6 / 1.0 (a symposium of seven states, two
        # ministers who met on counter-terrorism and migration, told after a long heading);
        # 1.49.0 reads the two ministers' meeting (0.923)
        0.923,
        1.0,
        (0.6, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind43",
        "real official statements, blind set 52",
        3,
        # 1.43.0 on arrival, the blind figure: 1.0 / 1.0
        1.0,
        1.0,
        (1.0, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind44",
        "real official statements, blind set 53",
        2,
        # 1.44.0 on arrival, the blind figure: 0.4 / 1.0 (a national security and rule of law
        # dialogue whose agenda terrorism leads, which its annotator counted as no meeting)
        0.4,
        1.0,
        (0.4, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind45",
        "real official statements, blind set 54",
        5,
        # 1.44.0 on arrival, the blind figure: 0.875 / 1.0
        0.875,
        1.0,
        (0.875, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind46",
        "real official statements, blind set 55",
        3,
        # 1.45.0 on arrival, the blind figure: 0.909 / 1.0
        0.909,
        1.0,
        (0.909, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind47",
        "real official statements, blind set 56",
        3,
        # 1.46.0 on arrival, the blind figure: 0.75 / 1.0 (Croatia's condemnation of attacks in
        # France and on France's consulate in Saudi Arabia read as Saudi Arabia's)
        0.75,
        1.0,
        (0.75, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind48",
        "real official statements, blind set 57",
        3,
        # 1.47.0 on arrival, the blind figure: 0.727 / 1.0 (the "3+1" group on Tri-Border Area
        # security, a mechanism named by no type word the extractor knows)
        0.727,
        1.0,
        (0.727, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind49",
        "real official statements, blind set 58",
        5,
        # 1.47.0 on arrival, the blind figure: 0.556 / 1.0 (an Italian and a German text read
        # as nothing; Argentina's second condemnation and Russia's "we" misread); 1.48.0 reads
        # the two condemnations (0.737)
        0.737,
        1.0,
        (0.556, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind50",
        "real official statements, blind set 59",
        4,
        # 1.48.0 on arrival, the blind figure: 0.0 / 1.0 (a security committee named in lower
        # case, a security and defence dialogue whose stored text never says terrorism, two
        # police chiefs' working sessions with no word of terrorism, and a border committee
        # announced, read as held)
        0.0,
        1.0,
        (0.0, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind51",
        "real official statements, blind set 60",
        6,
        # 1.49.0 on arrival, the blind figure: 0.5 / 0.818 (an exchange on preventing
        # extremism and a security adviser's meetings in Brussels, both with no mechanism
        # named; "the barbaric, senseless and cowardly attack" read as three things); 1.50.0
        # keeps such a description whole and reads "utterly condemn" as strong (0.625 / 0.909)
        0.625,
        0.909,
        (0.5, 0.818),
        real=True,
    ),
    Corpus(
        "extract_blind52",
        "real official statements, blind set 61",
        6,
        # 1.50.0 on arrival, the blind figure: 0.333 / 0.833 (ministers' and police chiefs'
        # meetings with no mechanism named, their heads, and Oman's "violence and terrorism
        # in all its forms" read as two things condemned where its gold has one phrase);
        # 1.51.0 reads it as one and "deplored" as a condemnation (0.526 / 1.0); 1.52.0 reads
        # two counter-terrorism meetings of two officials, with their heads (0.880 / 1.0)
        0.880,
        1.0,
        (0.333, 0.833),
        real=True,
    ),
    Corpus(
        "extract_blind53",
        "real official statements, blind set 62",
        5,
        # 1.51.0 on arrival, the blind figure: 0.615 / 0.889 (Norway's condemnation of an
        # attack in Mogadishu read as Somalia's, the UK's of an attack in Kenya as the UK's
        # and Kenya's, and a memorandum on terrorist financing given no subject)
        0.615,
        0.889,
        (0.615, 0.889),
        real=True,
    ),
    Corpus(
        "extract_blind54",
        "real official statements, blind set 63 (the issue's line for meetings)",
        16,
        # on arrival, the blind figure (b/ with 1.52.0, a/ with 1.53.0): 0.387 / 0.786;
        # 1.54.0, written from both halves' misses: 0.452 / 0.824; 1.55.0 finds Japan's
        # "Japan firmly condemns it" and reads "firmly" as strong, where this annotator did
        # not and the other corpora's golds accept both (0.485 / 0.810)
        0.485,
        0.810,
        (0.387, 0.786),
        real=True,
    ),
    Corpus(
        "extract_blind55",
        "real official statements, blind set 64 (the issue's line for meetings)",
        12,
        # on arrival, the blind figure (a/ with 1.55.0, b/ with 1.56.0): 0.645 / 0.955;
        # 1.57.0 reads the envoy's meeting with a deputy minister on terrorism (0.765 / 0.966)
        0.765,
        0.966,
        (0.645, 0.955),
        real=True,
    ),
    Corpus(
        "extract_blind56",
        "real official statements, blind set 65 (the issue's line for meetings)",
        14,
        # 1.57.0 on arrival, the blind figure; 1.58.0 reads the regional task force's
        # fourth meeting in its host city, and who condemned an attack on an embassy
        # (0.783 / 1.0)
        0.783,
        1.0,
        (0.609, 1.0),
        real=True,
    ),
    Corpus(
        "extract_blind57",
        "real official statements, blind set 66 (the issue's line for meetings)",
        10,
        # 1.58.0 on arrival, the blind figure
        0.556,
        0.917,
        (0.556, 0.917),
        real=True,
    ),
    Corpus(
        "extract_blind58",
        "real official statements, blind set 67 (the issue's line for meetings)",
        13,
        # 1.59.0 on arrival, the blind figure; 1.60.0 dates the regional forum's meetings
        # past the decision they carry out, lists who attended, and reads both heads and a
        # Roman round (0.462 / 0.889)
        0.462,
        0.889,
        (0.270, 0.727),
        real=True,
    ),
    Corpus(
        "extract_blind59",
        "real official statements, blind set 68 (the issue's line for meetings)",
        10,
        # 1.60.0 on arrival, the blind figure
        0.417,
        0.714,
        (0.417, 0.714),
        real=True,
    ),
    Corpus(
        "extract_blind60",
        "real official statements, blind set 69 (the issue's line for meetings)",
        10,
        # 1.61.0 on arrival, the blind figure; no rule written from it
        0.519,
        0.875,
        (0.519, 0.875),
        real=True,
    ),
)
BY_FOLDER = {c.folder: c for c in CORPORA}

# Attributes a gold item may state, by type (`*_contains` counts as its field).
ALLOWED: dict[str, frozenset[str]] = {
    "MeetingHeld": frozenset({"parties", "mechanism", "ordinal", "date", "location"}),
    "DelegationLed": frozenset({"party", "name", "title"}),
    "CondemnationIssued": frozenset({"parties", "condemned", "strongly"}),
    "MoUSigned": frozenset({"parties", "subject", "bodies", "signatories", "date", "location"}),
    "NextMeetingScheduled": frozenset({"parties", "mechanism", "ordinal", "location", "date"}),
    "TerroristEntityNamed": frozenset({"name", "aliases"}),
}
# (EU for the Union; XK, the code in common use for Kosovo, which ISO 3166-1 does not list)
PARTY_CODES = frozenset({c.alpha_2 for c in pycountry.countries} | {"EU", "XK"})
EDTF = re.compile(
    r"\A(?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?(?:/(?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?)?\Z"
)


@cache
def run(folder: str) -> tuple[dict[str, dict[str, Any]], dict[str, str], dict[str, list]]:
    """(gold documents, texts, predictions) of one corpus, extracted once per test run."""
    documents, texts = load_folder(CORPUS / folder)
    return documents, texts, predict_in_process(documents, texts)


def _alternatives(value: object) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _party_lists(value: object) -> list[Any]:
    """A list of parties, or a list of such lists (alternatives)."""
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        return value
    return [value]


def gold_problems(name: str, doc: dict[str, Any]) -> list[str]:
    """What is wrong with one document's gold: unknown attributes or codes, unsorted
    parties, dates that are not EDTF, empty phrase lists."""
    problems = [f"{name}: no {t} list" for t in SCORED_TYPES if not isinstance(doc.get(t), list)]
    for kind in SCORED_TYPES:
        for item in doc.get(kind) or ():
            where = f"{name} {kind} {item}"
            fields = {k.removesuffix("_contains") for k in item}
            if not item or not fields <= ALLOWED[kind]:
                problems.append(f"{where}: attributes {sorted(fields - ALLOWED[kind])}")
            for parties in _party_lists(item.get("parties", [])):
                if not isinstance(parties, list) or parties != sorted(parties):
                    problems.append(f"{where}: parties must be a sorted list")
                elif not set(parties) <= PARTY_CODES:
                    problems.append(f"{where}: unknown party code in {parties}")
            for party in [item.get("party")] + [
                s.get("party") for s in item.get("signatories", [])
            ]:
                if party is not None and party not in PARTY_CODES:
                    problems.append(f"{where}: unknown party {party!r}")
            for value in _alternatives(item.get("date")):
                if value is not None and not (isinstance(value, str) and EDTF.match(value)):
                    problems.append(f"{where}: date {value!r} is not EDTF")
            for key, value in item.items():
                if key.endswith("_contains") and not (isinstance(value, list) and all(value)):
                    problems.append(f"{where}: {key} must be a list of phrases")
    return problems
