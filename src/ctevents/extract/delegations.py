"""Who led each side: "The Indian delegation was led by …", "A, TITLE, and B, TITLE
led their respective delegations", "co-chaired by …", "… led the French side"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ctevents.extract import gazetteer
from ctevents.extract.people import (
    Official,
    known_person,
    officials_with_known,
    parse_official,
    split_officials,
)
from ctevents.extract.reading import Reading, header_end
from ctevents.extract.segment import Sentence
from ctevents.extract.starts import fast

_LED = r"(?:(?:co-?|jointly\s+)?(?:led|headed|chaired)|represented)"
SIDE_LED_BY = fast(
    re.compile(
        # "The Chinese inter-agency delegation of over thirty members was led by"
        # ("The US officials were led to the meeting by": the officials are a side too)
        r"\b(?:delegation|side|team|official)s?\b(?:\s+of\s+[\w\s-]{1,30}?\s+members)?,?\s+"
        # "hosted the EU delegation, which was headed by"
        r"(?:which\s+|that\s+)?(?:was\s+|were\s+|is\s+|being\s+|will\s+be\s+)?"
        rf"{_LED}(?:\s+to\s+the\s+(?:meeting|talks|session|consultations))?\s+by\s+",
        re.I,
    )
)
# "…, and the Canadian side by NAME", "…, the Chinese delegation by NAME", "…, the Chinese
# one - by NAME": the verb of the first clause is understood.
ELLIPTIC_SIDE = re.compile(
    r"(?:,?\s+(?:and|while|whereas)|;|,)\s+(?:the\s+|a\s+)?(?P<side>(?:[\w.’'-]+\s+){1,3}?)"
    r"(?:delegation|side|team|one)\s+(?:[-–—]\s+)?(?:was\s+|were\s+)?by\s+"
)
# Its first characters stated (see `starts`): the same matches, sooner.
ELLIPTIC_SIDE = fast(ELLIPTIC_SIDE)
# "Leading the Indian delegation was NAME", "Heading the Kenyan side was NAME": the
# subject after the verb.
LEADING_THE = fast(
    re.compile(
        r"\b(?:Leading|Heading|Chairing)\s+(?:the|a)\s+(?P<side>(?:[\w.’'-]+\s+){1,3}?)"
        r"(?:delegation|side|team)\s*,?\s+(?:was|were|is)\s+"
    )
)
# "Leading the team for Chile was TITLE, A, and for Peru its TITLE, B": the side after "for",
# the second side's heads after "and for" with the verb understood.
LEADING_FOR = fast(
    re.compile(
        r"\b(?:Leading|Heading)\s+the\s+(?:delegation|side|team)\s+(?:for|of)\s+(?:the\s+)?"
        r"(?P<side>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})\s*,?\s+(?:was|were|is)\s+"
    )
)
_AND_FOR = re.compile(
    r",?\s+and\s+for\s+(?:the\s+)?(?P<side>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})\s+"
    r"(?:(?:its|their)\s+)?"
)
# "…, and Iraq's by NAME": a side named by its possessive alone, the verb understood.
ELLIPTIC_POSSESSIVE = re.compile(
    r"(?:,?\s+(?:and|while|whereas)|;|,)\s+(?:the\s+)?(?P<side>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})"
    r"['’]s?\s+by\s+"
    # "The delegation of India was led by A and that of Chile by B"
    r"|(?:,?\s+(?:and|while|whereas)|;|,)\s+(?:that|those)\s+of\s+(?:the\s+)?"
    r"(?P<side2>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})\s+by\s+"
)
# Its first characters stated (see `starts`): the same matches, sooner.
ELLIPTIC_POSSESSIVE = fast(ELLIPTIC_POSSESSIVE)
# "A, TITLE, and B, TITLE, co-chaired the meeting": the chairs listed before the verb.
CHAIRED_THE = re.compile(
    # the article may be left out before a name ("co-chaired Chile-U.S. Counterterrorism Dialogue")
    r",?\s+(?:co-?chaired|co-?led|jointly\s+(?:led|chaired)|chaired)\s+(?:the\s+|(?=[A-Z]))"
    r"(?:[\w.-]+\s+){0,3}?(?:meeting|consultations?|dialogue|talks|session|round|JWG|group)\b",
    re.I,
)
# Its first characters stated (see `starts`): the same matches, sooner.
CHAIRED_THE = fast(CHAIRED_THE)
_JOINING_AND = re.compile(r"^[\s,;]*(?:and|while|whereas)\s+")
LED_THE_SIDE = re.compile(
    r"\s+(?:led|headed|represented|(?:will|would)\s+(?:lead|head|represent))\s+(?:(?:the|a)\s+"
    # ("… led the Malaysian Side": a report may capitalise it)
    r"(?:(?P<side>(?:[\w.-]+\s+){1,3}?)(?:[Dd]elegation|[Ss]ide|[Tt]eam|one)\b"
    # "A, TITLE, led the delegation of Chile": the side after "of"
    r"|(?:delegation|team)\s+of\s+(?P<of>(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}))"
    # "A, TITLE, led Chile's delegation": the side in the possessive, no article
    r"|(?P<own>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})(?:’s|'s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:delegation|side|team)\b"
    # "A, TITLE, led Indonesia, and B, TITLE, led Australia": the state itself the object
    r"|(?P<state>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})(?=\s*[,;.]|\s+(?:and|at|in|to)\s)"
    # "A led Pakistan delegation while …": the side's name with no article (news copy)
    r"|(?P<bare>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})\s+(?:delegation|side|team)\b)"
)
# "Led by A and B, the Indian and the U.S. delegations …", "Led by A, TITLE at Pakistan's
# …, and B, TITLE at the UK's …, the discussions focused on …": the heads open the sentence.
LED_BY_OPENING = re.compile(r"(?:Led|Headed|Co-?chaired|Chaired|Co-?led)\s+by\s+")
_OPENING_END = re.compile(
    r",\s+the\s+(?:[\w.’'-]+\s+){0,6}?(?:delegations?|discussions?|talks|meeting|dialogue|"
    r"sides?|consultations?|working\s+group)\b"
)
# "Vice Foreign Minister A led an inter-departmental delegation to visit Indonesia and held
# the … consultation with B, TITLE": the visiting side is the one not visited.
LED_DELEGATION_TO = re.compile(
    r"\s+led\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,3}?delegation\s+to\s+(?:visit\s+)?"
    r"(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})"
)
_JOINS = ("-", "–")  # a state joined to another in a name ("Chile-Peru …")
# "From 3 to 4 May, TITLE A led a delegation to attend the fifth meeting of …, and officials
# of Chile were present": the head's side from their title, else the one state the sentence
# names.
LED_TO_ATTEND = fast(
    re.compile(
        r"\s+led\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,3}?delegation\s+to\s+"
        r"(?:attend|participate\s+in|take\s+part\s+in)\b"
    )
)
# "…, and B, TITLE, the French delegation": the second clause of "A led the X side" with
# the verb understood.
ELLIPTIC_LED_THE = re.compile(
    r"(?:,?\s+and|;)\s+(?P<who>[^;]+?),?\s+(?:the|a)\s+(?P<side>(?:[\w.-]+\s+){1,3}?)"
    r"(?:delegation|side|team|one)\b"
)
# "A, TITLE, and B, TITLE held counter-terrorism talks", "TITLE A and TITLE B held a
# consultation …", "A, B and C held the Trilateral Consultation …", "A and B led the talks":
# the heads are the subject of the meeting verb (two or more of them).
HEADS_HELD = re.compile(
    r",?\s+(?:held|co-?chaired|chaired|co-?led|led|conducted|convened)\s+(?:the\s+|a\s+|an\s+|their\s+)?"
    # "… co-chaired the exchange at the EEAS", "… held discussions on …"
    r"(?:[\w-]+\s+){0,8}?(?:talks?|consultations?|dialogue|meeting|session|round|exchanges?|"
    r"discussions)\b"
    # reported speech: "TITLE A said after talks with TITLE B that …" (the other head after
    # "with", read by the caller)
    r"|,?\s+(?:said|stated|told\s+(?:reporters|journalists|the\s+press))\s+after\s+"
    r"(?:the\s+)?talks(?=\s+with\b)"
    # "TITLE A and TITLE B discussed … at the third … Dialogue": the heads as the subject of
    # what they did at the meeting.
    r"|,?\s+(?:discussed|reviewed|exchanged\s+views|met)\b[^;]{0,160}?\b(?:at|during|for)\s+"
    r"(?:the|a|an|their)\s+(?:[\w.’'-]+\s+){0,8}?(?:talks|consultations?|dialogue|meeting|session"
    r"|round)\b"
    # "TITLE of Chile, A, TITLE of Peru, B, and TITLE of Bolivia, C, met in Lima on 3 May":
    # the heads as the subject of the meeting, with its place and day
    r"|,?\s+met\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?,?\s+on\s+"
    # "TITLE A and TITLE B launched today in Lima the Chile-Peru Security Dialogue": its first
    # session, opened by the heads
    r"|,?\s+launched\s+(?:today\s+|here\s+|yesterday\s+)?(?:in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+)?"
    r"(?:the|their|a|an)\s+(?:[\w.’'-]+\s+){0,8}?(?:talks|consultations?|dialogue|meeting)\b",
    re.I,
)
# Its first characters stated (see `starts`): the same matches, sooner.
HEADS_HELD = fast(HEADS_HELD)
_WITH = re.compile(r"\s+with\s+")
# "During his visit, A held discussions with B": a call the head paid beside the meeting.
_DURING_THE_VISIT = re.compile(r"\s*During\s+(?:his|her|their|the)\s+(?:[\w-]+\s+){0,2}?visit\b")
_LED_RESPECTIVELY = re.compile(r"^.*?\b(?:led|headed)\s+respectively\s+by\s+", re.S)
# A person is named by two capitalised words at least ("Ambassador Sato", "Mr. Rao").
_TWO_CAPITALS = re.compile(r"[A-Z][\w’'.-]*\s+[A-Z]")
_MET_WITH = re.compile(r"\bmet\b[^.;]{0,40}?\bwith\s+(?:the\s+)?")
_MEETING_WORD = re.compile(r"talk|consultation|dialogue|meeting|session|round|exchange|discussions")
# A date or time phrase opening a sentence: "On January 19, 2022, …", "Earlier today, …".
_OPENING_PHRASE = re.compile(
    # "During the two-day Dialogue, A and B held …": when, not who
    r"^(?:(?:(?:On|on|From|Between)\s+[^,]{1,30}?(?:,\s*\d{4})?|During\s+[^,]{1,50}?"
    r"|Earlier\s+(?:today|this\s+week)|Today|"
    # "On the occasion of the renewal of …, the Deputy Director General …, A, and …": why
    # or where, not who
    r"(?:On|At|In|As)\s+the\s+(?:occasion|sidelines|margins|invitation|framework)\s+of\s+[^,]{1,100}?|"
    r"As\s+part\s+of\s+[^,]{1,100}?|"
    # "Condemning terrorism in all its forms, A, TITLE, and B, TITLE, emphasised …"
    r"(?:Condemning|Welcoming|Noting|Recalling|Reaffirming|Recognising|Recognizing)\s+[^,]{1,150}?|"
    r"Meanwhile|Separately|According\s+to\s+(?:the\s+)?[\w.’' -]{1,40}?)\s*,\s*"
    # a dateline run into the sentence: "Washington, DC - …"
    r"|[A-Z][\w.]*(?:,?\s+[A-Z][\w.]*){0,3}\s+[-–—]\s+"
    # reported speech: "“Terrorism knows no borders,” said A, who led the X delegation"
    # (or "“…,” A, who led the X delegation, told reporters")
    r"|[“\"][^”\"]{1,400}[”\"]\s*(?:(?:said|added|stated|noted|remarked|told\s+(?:reporters|"
    r"journalists|the\s+press))\s+)?)"
)
# "… with Mr. A, TITLE, … representing Japan, and Ambassador B, TITLE, … representing China".
REPRESENTING = re.compile(
    r",?\s+representing\s+(?:the\s+)?(?P<side>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})"
)
_REPRESENTING_START = re.compile(r"\bwith\s+|,?\s+and\s+|;\s*")
# Its first characters stated (see `starts`): the same matches, sooner.
_REPRESENTING_START = fast(_REPRESENTING_START)
# "India was represented by A and Russia by B": a country as the side.
COUNTRY_LED_BY = re.compile(r"\s+(?:was|were)\s+(?:co-?)?(?:represented|led|headed)\s+by\s+")
# "… and Chile by B", "… and that of Chile by B"
ELLIPTIC_COUNTRY = re.compile(
    r"(?:,?\s+(?:and|while|whereas)|;|,)\s+(?:(?:that|those)\s+of\s+(?:the\s+)?)?"
    r"(?P<side>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})\s+by\s+"
)
# "On the EU side, the Dialogue was chaired by NAME" (the comma may be left out).
ON_THE_SIDE_COMMA = fast(
    re.compile(
        r"\b[Oo]n\s+the\s+(?P<side>(?:[\w.’'-]+\s+){1,3}?)side\s*,?\s[^;.]{0,160}?"
        r"\b(?:was|were)\s+(?:co-?)?(?:led|chaired|headed|represented)\s+by\s+"
    )
)
# "Senior officials led the delegations, including India's A, Australia's Ambassador B, and
# the US State Department's C": each head after the possessive of their side.
INCLUDING = re.compile(
    r"\b(?:led|headed)\s+(?:the|their)\s+(?:respective\s+)?delegations?,?\s+(?:including|namely)\s+"
)
_POSSESSED = re.compile(
    r"^(?:and\s+)?(?:the\s+)?(?P<side>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}?)['’]s\s+(?P<who>.+)$"
)
# "Taking part were A, TITLE, and B, TITLE": the heads listed after the verb.
TAKING_PART = fast(
    re.compile(
        r"\b(?:Taking\s+part|Participating)\s+(?:in\s+(?:the\s+)?[\w\s-]{1,40}?\s+)?(?:were|was)\s+"
    )
)
# "… will be held in Vienna, with A and B taking part": the heads before "taking part".
WITH_TAKING_PART = fast(
    re.compile(r"\bwith\s+(?P<who>[^;]+?),?\s+(?:taking\s+part|participating|attending)\b")
)
# "TITLE A will participate in a U.S.-Russia Counterterrorism Dialogue", "The Russian TITLE,
# B, will attend on behalf of his government": the heads a meeting to come is announced with.
WILL_ATTEND = fast(
    re.compile(
        r",?\s+(?:will|is\s+to|would)\s+(?:participate\s+in|take\s+part\s+in|attend)\b"
        r"(?=(?:[^.;]|\.(?!\s))*\b(?:[Dd]ialogue|[Cc]onsultations?|[Tt]alks|Working\s+Group|JWG|"
        # not a "meeting" alone: a minister attends many meetings that are not the genre's
        r"on\s+behalf\s+of)\b)"
    )
)
# "The respective delegations were led by A, TITLE, … of India and B, TITLE, … of Egypt".
_BOTH_SIDES = re.compile(
    # "… after talks between the delegations headed by A and B": the delegations of the talks
    r"\b(?:respective|two|both)\s*$|\b(?:talks|consultations|meeting)\s+between\s+the\s*$",
    re.I,
)
# "The delegations were led by A and B": the plural noun after the article alone is both sides.
_PLURAL_SIDES = re.compile(r"\s*(?:[Tt]he\s+)?(?:delegations|sides|teams)")
RESPECTIVE = re.compile(
    # "led their respective interagency delegations", "led respective inter-Agency delegations"
    # "A, TITLE, and B, TITLE, leading their respective delegations, shared …"
    r",?\s+(?:led|headed|co-?led|leading|heading)\s+(?:(?:their|the)\s+(?:respective\s+|two\s+|countries['’]\s+)?"
    r"|respective\s+)(?:[\w/-]+\s+){0,2}?(?:delegations|sides|teams)\b"
    # "A, TITLE, and B, TITLE will represent respective sides"
    r"|,?\s+(?:will|would)\s+(?:represent|lead|head)\s+(?:their\s+|the\s+)?respective\s+"
    r"(?:delegations|sides|teams)\b"
    # "A, TITLE, and B, TITLE, attended the consultation as the heads of their respective
    # delegations"
    r"|,?\s+(?:attended|participated\s+in|took\s+part\s+in)\s+(?:[\w-]+\s+){1,4}?as\s+(?:the\s+)?"
    r"(?:heads?|leaders?)\s+of\s+(?:their|the)\s+respective\s+(?:delegations|sides|teams)\b"
    # "A and B, as heads of delegation, reviewed …"
    r"|,\s+as\s+(?:the\s+)?heads?\s+of\s+(?:(?:their|the)\s+(?:respective\s+|two\s+)?)?"
    r"(?:delegations?|sides)\s*,"
)
# Its first characters stated (see `starts`): the same matches, sooner.
RESPECTIVE = fast(RESPECTIVE)
# "The Indian delegation under Joint Secretary A and the Chilean delegation under B": the
# side before "under".
UNDER = fast(
    re.compile(
        r"\b(?P<side>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})\s+(?:delegation|side|team)\s+"
        r"under\s+(?:the\s+leadership\s+of\s+)?"
    )
)
# "The heads of the two delegations, A and B, …", "Heads of delegation: A (India) and B
# (Chile)", "The co-chairs, A of India and B of Chile, …": the heads listed after the noun.
HEADS_LISTED = fast(
    re.compile(
        r"\b(?:[Hh]eads?\s+of\s+(?:the\s+(?:two\s+|respective\s+)?)?delegations?|"
        r"[Cc]o-?chairs|[Hh]eads?\s+of\s+(?:the\s+)?(?:two\s+)?sides)\s*[:,]\s+"
    )
)
# "A, head of the Indian delegation, and B, head of the Chilean delegation": each name
# before the post that names its side.
HEAD_OF_SIDE = fast(
    re.compile(
        r",\s+(?:the\s+)?(?:head|leader|chief)\s+of\s+the\s+"
        r"(?P<side>[\w.’'-]+(?:\s+[\w.’'-]+){0,2}?)\s+(?:delegation|side|team)\b"
    )
)
# "Head of the Iranian delegation Ali Karimi said …", "the head of the Pakistani delegation,
# Interior Secretary B, told …": the post first, naming the side, then who holds it (a post
# after a name and a comma is `HEAD_OF_SIDE`'s).
HEAD_OF_SIDE_FIRST = fast(
    re.compile(
        # (in lower case after a comma, the post of the name before it: "A, head of …")
        r"(?:\b(?:Head|Leader|Chief)|(?<!,\s)(?<!,\sthe\s)\b(?:head|leader|chief))\s+of\s+the\s+"
        r"(?P<side>[\w.’'-]+(?:\s+[\w.’'-]+){0,2}?)\s+(?:delegation|side|team),?\s+(?=[A-Z])"
    )
)
# Who holds the post: capitalised words, with the small words of a title between them.
_HOLDER = re.compile(
    r"[A-Z][\w.’'-]*(?:\s+(?:(?:of|for|the|and|al|bin|van|de|der)\s+)*[A-Z][\w.’'-]*)*"
)
# "… was held in Rome, with TITLE A as Head of the Delegation of Italy and TITLE B as Head of
# the Peruvian Delegation": each name before the post that names its side.
AS_HEAD_OF = fast(
    re.compile(
        r"\s+as\s+(?:the\s+)?(?:[Hh]ead|[Ll]eader|[Cc]hief)\s+of\s+(?:the\s+|its\s+|his\s+|her\s+)?"
        r"(?:(?P<side>[\w.’'-]+(?:\s+[\w.’'-]+){0,2}?)\s+)?(?:[Dd]elegation|[Ss]ide|[Tt]eam)"
        r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}))?"
    )
)
_WITH_OR_AND = re.compile(r"^.*\bwith\s+|^[\s,;]*(?:and\s+)?", re.S)
# "A, TITLE, hosted the meeting at the Ministry": the host chaired a side of the meeting.
HOSTED_MEETING = fast(
    re.compile(
        r",?\s+hosted\s+(?:the|this|today’s|today's)\s+"
        # "… hosted the second annual Chile-Peru Joint Working Group on …"
        r"(?:[\w.’'-]+\s+){0,6}?"
        r"(?:meeting|talks|dialogue|consultations?|session|round|discussions|working\s+group|JWG)\b",
        re.I,
    )
)
# "headed on the Saudi side by A, and on the Egyptian side by B": the side before "by".
ON_SIDE = fast(re.compile(r"\bon\s+the\s+(?P<side>(?:[\w.’'-]+\s+){1,3}?)side\s+by\s+"))
# "co-chaired from the Omani side by A and from the Dutch side, B": the side before the name.
FROM_SIDE = fast(
    re.compile(r"\bfrom\s+the\s+(?P<side>(?:[\w.’'-]+\s+){1,3}?)side(?:\s*,|\s+by)\s+")
)
# "The Dialogue … was led by A and B": the meeting's chairs, one per side, when two are named.
MEETING_LED_BY = fast(
    re.compile(
        r"\b(?:meeting|dialogue|talks|consultations?|session|round|group|JWG|committee)"
        # ("The dialogue, led by A, TITLE, and B, TITLE, will conclude …": a reduced clause)
        r"(?:\s+(?:on|for)\s+[\w\s-]{1,60}?)?(?:\s+(?:was|were)\s+|,\s+)(?:co-?|jointly\s+)?"
        r"(?:led|chaired|headed)"
        r"(?:\s+jointly)?\s+by\s+",
        re.I,
    )
)
# "… were the focus of a meeting between TITLE A and B, TITLE": two officials (not two
# states) between whom the meeting was held are its heads.
MEETING_BETWEEN = fast(
    re.compile(r"\b(?:talks|meeting|consultations?|discussions)\s+between\s+(?=[A-Z])", re.I)
)
# "… the meeting that he chaired jointly with TITLE B, A underlined …": the pronoun's head
# is the subject of the main clause after the comma.
CHAIRED_WITH = re.compile(
    r"\b(?:that|which)\s+(?:he|she)\s+(?:co-?chaired|chaired(?:\s+jointly)?|co-?led)\s+with\s+"
)
# "A, at the invitation of the UAE, went to Abu Dhabi to co-chair the second meeting of …
# with TITLE B": the one who travelled and the one they chaired it with.
WENT_TO_CHAIR = re.compile(
    r"(?:,\s+at\s+the\s+invitation\s+of\s+[^,;]{1,80},)?\s+(?:went|travel(?:l)?ed|came|flew)\s+"
    r"to\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}\s+to\s+(?:co-?chair|chair|co-?lead)\s+the\s+"
    r"[^.;]{1,200}?\s+with\s+(?=[A-Z]|the\s)"
)
# "The meeting was attended by …", "It was attended by …": who came to the meeting held.
ATTENDED_BY = re.compile(
    r"\b(?:[Tt]he\s+(?:meeting|session|talks|consultations?|conference)|It)\s+was\s+attended\s+by\s+"
)
# Where one attendee of a list ends and the next begins.
_LIST_ITEM = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_SEMICOLON_ITEM = re.compile(r";\s+(?:and\s+)?")
# The verb after the officials who speak of the talks, as the subject of their sentence.
_SPOKE = re.compile(
    r",?\s+(?:discussed|emphasi[sz]ed|stressed|expressed|underlined|underscored|reaffirmed|"
    r"highlighted|reviewed|exchanged|briefed)\b"
)
_SUBJECT_AFTER = re.compile(
    r",\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})\s+(?:[a-z]+ed|said|says|told)\b"
)
# "the delegation comprised officials of …, and was led by NAME": the side named earlier.
# "Both delegations included …, and were headed by A, TITLE, and B, TITLE": one head a side.
AND_WAS_LED = re.compile(r",?\s+and\s+(?P<verb>was|were)\s+(?:led|headed)\s+by\s+")
# Its first characters stated (see `starts`): the same matches, sooner.
AND_WAS_LED = fast(AND_WAS_LED)
_PLURAL_SUBJECT = re.compile(r"\b(?:[Bb]oth|[Tt]he\s+two|[Tt]he)\s+(?:delegations|sides|teams)\b")
CO_CHAIRED = re.compile(
    # "The meeting was chaired jointly by A, TITLE, and B"
    r"(?:\b(?:co-?chaired|jointly\s+chaired|co-?led|(?:chaired|led|headed)\s+jointly)"
    r"|,\s+chaired)\s+by\s+"
    # "held under the chairmanship of Russian and Chinese Deputy Foreign Ministers A and B"
    r"|\bunder\s+the\s+(?:co-?)?chairmanship\s+of\s+",
    re.I,
)
# Its first characters stated (see `starts`): the same matches, sooner.
CO_CHAIRED = fast(CO_CHAIRED)


@dataclass(frozen=True)
class Shape:
    """One shape of the table: its pattern, words a sentence must hold for it to be tried,
    where the heads' names are ("after" the match, or the clause "before" it), whose side
    they are ("named" in the match's `side` group, or "each" by their titles, then in the
    order the statement names the sides), and how many heads it needs."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]
    names: str
    side: str
    at_least: int = 1
    # The words as one pattern, compiled once.
    cue: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cue", re.compile("|".join(map(re.escape, self.words))))


# The shapes that are only a pattern, a place for the names and a side; the loop in `find`
# walks them. Shapes that need more (an elided second clause, a possessive list, a visit)
# are written out in `find`.
EARLY_SHAPES: tuple[Shape, ...] = (
    Shape(LEADING_THE, ("ing the",), "after", "named"),
    Shape(CHAIRED_THE, ("chaired", "led"), "before", "each"),
)
LATE_SHAPES: tuple[Shape, ...] = (
    Shape(ON_THE_SIDE_COMMA, ("side",), "after", "named"),
    Shape(TAKING_PART, ("part",), "after", "each"),
    Shape(RESPECTIVE, ("delegations", "delegation,", "sides", "teams"), "before", "each"),
    Shape(ON_SIDE, ("side",), "after", "named"),
    Shape(FROM_SIDE, ("from the",), "after", "named"),
    Shape(UNDER, ("under",), "after", "named"),
    Shape(HEADS_LISTED, ("heads of", "head of", "chairs"), "after", "each", at_least=2),
    Shape(MEETING_LED_BY, (" by ",), "after", "each", at_least=2),
)
# Read also in sentences with no other leader verb.
_ATTEND_SHAPES: tuple[Shape, ...] = (
    Shape(WILL_ATTEND, ("participate", "take part", "attend"), "before", "each"),
)
_BETWEEN_SHAPES: tuple[Shape, ...] = (Shape(MEETING_BETWEEN, ("between",), "after", "each", 2),)
_CHUNK_END = re.compile(
    r",?\s+(?:and|while|whereas)\s+(?:the\s+|a\s+|an\s+)?(?:[\w.’'-]+\s+){0,3}?"
    r"(?:delegation|side|team)\b"
    r"|,\s+(?:the\s+)?(?:[\w.’'-]+\s+){1,3}?(?:delegation|side|team|one)\s+(?:[-–—]\s+)?by\b"
    r"|,?\s+(?:and|while|whereas)\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}(?:['’]s?)?\s+by\b"
    # "… at both meetings", "… at all the sessions"
    r"|\s+at\s+(?:both|all\s+(?:the\s+)?|the\s+two)\s+\w+"
    # ", the Chinese side was led by …": the next side's own clause
    r"|,\s+(?:and\s+)?(?:the\s+)?(?:[\w.’'-]+\s+){1,3}?(?:delegation|side|team)\s+(?:was|were)\s+"
    # "… Mikhno Georgiy Viktorovich in Beijing.": the place after the last name
    r"|\s+in\s+[A-Z][\w-]+(?=\s*(?:[.,;]|$|\s+on\b))"
    r"|,?\s+(?:while|whereas|who|which|included|including|comprising|comprised|consisting|"
    r"accompanied|assisted|supported|held|met|called|said|joined|"
    r"and\s+(?:held|discussed|met|included|consisted|comprised))\b"
    # ", the Ministry of External Affairs said", ", officials said", ", according to …"
    r"|,\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}?(?:said|stated|added|noted|announced)\b"
    # "…, Reuters reported.": a news agency's attribution after the last name
    r"|,\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:reported|reports|wrote|cited)\b"
    r"|,?\s+according\s+to\b"
    # "…, B, in the presence of …": someone present is not a head
    r"|,?\s+in\s+the\s+presence\s+of\b"
    # "chaired by A and B, under the third … Dialogue": the frame, not a name
    r"|,\s+(?:under|within|as\s+part\s+of|on\s+the\s+sidelines\s+of)\b"
    # "… led by A, TITLE, will be arriving …", "the delegation, led by A, were fruitful":
    # the clause's own verb
    r"|,\s+(?:will|would|shall|has|have|had|was|were|is|are)\b"
    # "The co-chairs, A and B, reviewed …": the clause's verb after the list
    r"|,\s+(?:[a-z]+ed)\b(?!\s+by\b)"
    r"|\s+(?:reviewed|discussed|exchanged|agreed|noted|welcomed|signed|attended|expressed|"
    r"stressed|underlined|reaffirmed|emphasi[sz]ed|visited|arrived|travell?ed)\b"
    r"|,?\s+(?:and|while|whereas)\s+(?:that|those)\s+of\b"
    # "… said after talks with B that both sides …": the reported clause
    r"|\s+that\s+(?:both|the|their|they|it|he|she|his|her|we)\b"
    r"|,?\s+and\s+from\s+the\b"
    # "co-chaired by A, TITLE; and B, TITLE": a list whose items hold commas goes on past
    # its semicolon
    r"|;(?!\s*and\s+(?:H\.E\.|HE|Mr|Ms|Mrs|Dr|Ambassador)\s)|[.]\s*$"
)
# Its first characters stated (see `starts`): the same matches, sooner.
_CHUNK_END = fast(_CHUNK_END)
_CLAUSE_START = re.compile(r"(?:^|;|\bwhile\b|\bwhereas\b|,\s+and\b)\s*", re.I)


_LEADER_VERB = re.compile(
    r"led|lead|head|chair|represent|held|convened|taking\s+part|discussed|reviewed|exchanged\s+views"
    r"|\bmet\b"
    r"|(?:delegation|side|team)\s+under\b|participat|attend"
)
# The same words as one trie, a superset of `_LEADER_VERB`'s matches: one scan of the text
# finds the sentences that may name a leader (those it adds fail the tests in `find`).
_LEADER_WORDS = re.compile(
    gazetteer.trie_pattern(
        [
            "led",
            "lead",
            "head",
            "chair",
            "represent",
            "held",
            "convened",
            "taking part",
            "discussed",
            "reviewed",
            "exchanged views",
            "met",
            "under",
            "particip",
            "attend",
            "after talks",
            "after the talks",
            "launched",
            "meeting between",
            "talks between",
            "consultations between",
            "consultation between",
            "discussions between",
        ]
    )
)
# What the heads did at the meeting, a verb that reaches `heads_held` alone.
_MET_IN_ON = re.compile(r"\bmet\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?,?\s+on\s+")
_DID_AT = re.compile(
    r"discussed|reviewed|exchanged\s+views|\bmet\b|after\s+(?:the\s+)?talks|launched"
)
_OTHER_VERB = re.compile(
    r"led|lead|head|chair|represent|taking\s+part|(?:delegation|side|team)\s+under\b"
)


# "Richard L. Armitage" and "Richard Armitage": one person, with and without a middle initial.
_INITIAL = re.compile(r"(?<=\s)[A-Z]\.\s+(?=[A-Z])")


@dataclass
class Leader:
    party: str
    name: str
    title: str | None
    passages: list[Sentence] = field(default_factory=list)


def _side_party(text: str, start: int, end: int) -> str | None:
    found = gazetteer.mentions(text, max(start, end - 45), end)
    return found[-1].code if found else None


def _chunk(text: str, start: int, end: int) -> str:
    stop = _CHUNK_END.search(text, start, end)
    return text[start : stop.start() if stop else end]


def _assign(officials: list[Official], parties: tuple[str, ...]) -> list[tuple[str, Official]]:
    """Parties by what each title names, the rest in the order the statement lists them."""
    taken = {o.party for o in officials if o.party in parties}
    remaining = [p for p in parties if p not in taken]
    result = []
    by_order: str | None = None  # the side the last official got by the order alone
    for official in officials:
        party = official.party if official.party in parties else None
        if party is None and remaining:
            party = by_order = remaining.pop(0)
        elif party is None:
            # "TITLE A (US), TITLE B, and TITLE C convened …": more heads than sides, the
            # last side's heads listed together.
            party = by_order
        else:
            by_order = None
        if party:
            result.append((party, official))
    return result


def _after_opening(chunk: str) -> str:
    """The clause without an opening date or time phrase ("On January 19, 2022, …")."""
    opening = _OPENING_PHRASE.match(chunk)
    return chunk[opening.end() :] if opening else chunk


# "Ikram-Ul-Haq": a full name written as one hyphened word, not a surname alone.
_HYPHENED_NAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+){2,}")


def find(reading: Reading, parties: tuple[str, ...]) -> list[Leader]:
    """Delegation leaders, one per person per side, with every passage naming them."""
    text = reading.text
    leaders: dict[tuple[str, str], Leader] = {}
    lists: dict[str, list[Official]] = {}

    def officials_in(chunk: str) -> list[Official]:
        """`split_officials`, once per chunk: several shapes end at the same words."""
        if chunk not in lists:
            lists[chunk] = split_officials(chunk)
        return lists[chunk]

    def add(party: str, official: Official, sentence: Sentence) -> None:
        alone = " " not in official.name and not _HYPHENED_NAME.fullmatch(official.name)
        if alone or official.name[0].islower():
            # "chaired by Dr. Matiang’i and Mr. Wallace", "… Coordinator de Kerchove": the
            # surname (with its particle) of a person named before in full
            known = known_person(text[: sentence.start], official.name)
            if known is None:
                return
            official = Official(known.name, official.title or known.title, official.party)
        key = (party, _INITIAL.sub("", official.name).lower())
        if key not in leaders:
            leaders[key] = Leader(party, official.name, official.title)
        leaders[key].passages.append(sentence)

    def add_head(party: str | None, head: Official | None, sentence: Sentence) -> None:
        """A head whose post names their side ("head of the Indian delegation", "as head of
        the Chilean side"), when named in full."""
        if party is not None and head is not None and " " in head.name:
            add(party, head, sentence)

    def heads_held(sentence: Sentence, low: str, chaired: bool) -> None:
        """ "TITLE A and TITLE B held talks …": the heads as the subject of the meeting verb."""
        if _DURING_THE_VISIT.match(sentence.text) and set(parties) <= {p for p, _ in leaders}:
            return  # "During his visit, A held discussions with B": a call, once heads are known
        met_on = "met in" in low and _MET_IN_ON.search(sentence.text)
        if not (
            met_on
            or (
                (chaired or "held" in low or "convened" in low or _DID_AT.search(low))
                and _MEETING_WORD.search(low)
            )
        ):
            return
        s, e = sentence.start, sentence.end
        for match in HEADS_HELD.finditer(text, s, e):
            clause = _after_opening(text[s : match.start()])
            # "The delegations of A and B, led respectively by X and Y, held …": the heads
            clause = _LED_RESPECTIVELY.sub("", clause)
            if not _TWO_CAPITALS.search(clause):
                continue  # "India and France held talks": no name of a person (two words)
            subjects = officials_with_known(text, clause, officials_in)
            others: list[Official] = []
            with_ = _WITH.search(text, match.end(), e)
            if with_ and with_.start() - match.end() < 80:
                others = officials_in(_chunk(text, with_.end(), e))
            if len(subjects) + len(others) >= 2 and subjects:
                for party, official in _assign([*subjects, *others], parties):
                    add(party, official, sentence)

    def walk(shapes: tuple[Shape, ...], sentence: Sentence, low: str) -> None:
        """One loop for the shapes of the table: where the names are, whose side they are."""
        s, e = sentence.start, sentence.end
        for shape in shapes:
            if not shape.cue.search(low):
                continue
            for match in shape.pattern.finditer(text, s, e):
                if shape.names == "after":
                    officials = officials_in(_chunk(text, match.end(), e))
                else:
                    clause = _after_opening(text[s : match.start()])
                    officials = officials_with_known(text, clause, officials_in)
                if len(officials) < shape.at_least:
                    continue
                if shape.side == "named":
                    party = _side_party(text, match.start("side"), match.end("side"))
                    for official in officials if party else ():
                        add(party, official, sentence)
                else:
                    for party, official in _assign(officials, parties):
                        add(party, official, sentence)

    def chaired_with(sentence: Sentence) -> None:
        """ "… of the meeting that he chaired jointly with TITLE B, A underlined …": B, and
        the subject the clause's pronoun stands for (named in full before, if by surname)."""
        s, e = sentence.start, sentence.end
        for match in CHAIRED_WITH.finditer(text, s, e):
            comma = text.find(",", match.end(), e)
            if comma < 0:
                continue
            other = officials_in(text[match.end() : comma])
            subject = _SUBJECT_AFTER.match(text, comma, e)
            if len(other) != 1 or subject is None:
                continue
            name = subject.group("name")
            head = known_person(text[:s], name) if " " not in name else parse_official(name)
            if head is not None and " " in head.name:
                for party, official in _assign([head, other[0]], parties):
                    add(party, official, sentence)

    # No sentence names a leader without one of these verbs: one scan finds the few that may.
    for sentence in reading.sentences_hit(_LEADER_WORDS):
        s, e = sentence.start, sentence.end
        # Words some rules cannot match without: a substring test spares their scan.
        low = sentence.text.lower()
        by, chaired = "by" in low, "chaired" in low or "led" in low
        if not _OTHER_VERB.search(low):
            heads_held(sentence, low, chaired)  # a sentence whose only verb is "held"
            if "particip" in low or "attend" in low:
                walk(_ATTEND_SHAPES, sentence, low)  # "… will attend on behalf of …"
            if "between" in low:
                walk(_BETWEEN_SHAPES, sentence, low)  # "… a meeting between A and B"
            continue
        led = list(SIDE_LED_BY.finditer(text, s, e)) if by else []
        for match in led:
            party = _side_party(text, s, match.start())
            if party is None:
                side_words = text[s : match.start()]
                plural = _PLURAL_SIDES.fullmatch(
                    text, s, match.start() + len(match.group().split()[0])
                )
                side_words = re.sub(r"\s*\b(?:delegation|side|team)s?\b.*$", "", side_words)
                officials = officials_in(_chunk(text, match.end(), e))
                if _BOTH_SIDES.search(side_words) or plural:
                    for both, official in _assign(officials, parties):
                        add(both, official, sentence)
                else:
                    # "A delegation led by EU Counter-terrorism Coordinator A visited …": the
                    # side the head's title names
                    for official in officials:
                        if official.party in parties:
                            add(official.party, official, sentence)
                continue
            for official in officials_in(_chunk(text, match.end(), e)):
                add(party, official, sentence)
        if "chaired" in low and " with " in low:
            chaired_with(sentence)
        for match in (
            WENT_TO_CHAIR.finditer(text, s, e)
            if " to co-chair " in low or " to chair " in low
            else ()
        ):
            visitor = officials_in(_after_opening(text[s : match.start()]))
            host = officials_in(_chunk(text, match.end(), e))
            if len(visitor) == 1 and len(host) == 1:
                for party, official in _assign([*visitor, *host], parties):
                    add(party, official, sentence)
        if led and "met" in low:
            # "The US delegation, led by A, met over a full day with B, TITLE, who hosted the
            # delegation": the head met is the other side's.
            named_here = {p for (p, _), leader in leaders.items() if sentence in leader.passages}
            others = [p for p in parties if p not in named_here]
            for match in _MET_WITH.finditer(text, led[0].end(), e):
                for official in officials_in(_chunk(text, match.end(), e))[:1]:
                    party = official.party if official.party in parties else None
                    if party or len(others) == 1:
                        add(party or others[0], official, sentence)
        if led:
            for match in ELLIPTIC_POSSESSIVE.finditer(text, led[0].end(), e):
                group = "side" if match.group("side") else "side2"
                party = _side_party(text, match.start(group), match.end(group))
                if party is None:
                    continue
                for official in officials_in(_chunk(text, match.end(), e)):
                    add(party, official, sentence)
            for match in ELLIPTIC_SIDE.finditer(text, led[0].end(), e):
                party = _side_party(text, match.start("side"), match.end("side"))
                if party is None:
                    continue
                for official in officials_in(_chunk(text, match.end(), e)):
                    add(party, official, sentence)
        walk(EARLY_SHAPES, sentence, low)
        for match in LEADING_FOR.finditer(text, s, e) if "ing the" in low else ():
            second = _AND_FOR.search(text, match.end(), e)
            spans = [(match, match.end(), second.start() if second else e)]
            if second:
                spans.append((second, second.end(), e))
            for named, begin, stop in spans:
                party = _side_party(text, named.start("side"), named.end("side"))
                for official in officials_in(_chunk(text, begin, stop)) if party else ():
                    add(party, official, sentence)
        previous = s  # where the clause of the next "… led the X side" may begin
        for match in LED_THE_SIDE.finditer(text, s, e):
            side = next(g for g in ("side", "of", "own", "state", "bare") if match.group(g))
            party = _side_party(text, match.start(side), match.end(side))
            begin = previous
            previous = match.end()
            if party is None:
                continue
            starts = list(_CLAUSE_START.finditer(text, begin, match.start()))
            clause = text[starts[-1].end() if starts else begin : match.start()]
            # ("… led the Malaysian Side and Mr. B, TITLE, led the United States Side": the
            # second clause opens with the "and" that joins it)
            clause = _JOINING_AND.sub("", clause)
            # "Washington, DC - Ambassador A, TITLE, will lead …": not the run-in dateline
            officials = officials_in(_after_opening(clause))
            if starts and begin == s and starts[-1].group().strip().startswith(","):
                # "A, TITLE, and B, TITLE, headed the UK delegation": both, when the whole
                # clause reads as officials.
                whole = officials_in(_after_opening(text[begin : match.start()]))
                if len(whole) > len(officials):
                    officials = whole
            for official in officials:
                add(party, official, sentence)
            after = ELLIPTIC_LED_THE.match(text, match.end(), e)
            if after:
                side = _side_party(text, after.start("side"), after.end("side"))
                if side is not None:
                    for official in officials_in(after.group("who")):
                        add(side, official, sentence)
        heads_held(sentence, low, chaired)
        previous = s
        heads_of = "head of the" in low or "leader of the" in low or "chief of the" in low
        for match in HEAD_OF_SIDE.finditer(text, s, e) if heads_of else ():
            # "A, head of the Indian delegation, and B, head of the Chilean delegation"
            party = _side_party(text, match.start("side"), match.end("side"))
            piece = re.sub(r"^[\s,;]*(?:and\s+)?", "", text[previous : match.start()])
            previous = match.end()
            add_head(party, parse_official(_after_opening(piece)) if party else None, sentence)
        for match in HEAD_OF_SIDE_FIRST.finditer(text, s, e) if heads_of else ():
            party = _side_party(text, match.start("side"), match.end("side"))
            holder = _HOLDER.match(text, match.end(), e)
            head = parse_official(holder.group()) if party and holder else None
            if head is not None:
                # ("Head of the Iranian delegation A said …": the post is the title)
                post = text[match.start() : match.end()].rstrip(" ,")
                head = Official(head.name, head.title or post[0].upper() + post[1:], party)
            add_head(party, head, sentence)
        previous = s
        for match in AS_HEAD_OF.finditer(text, s, e) if " as " in low else ():
            group = "of" if match.group("of") else "side"
            party = _side_party(text, match.start(group), match.end(group))
            piece = _WITH_OR_AND.sub("", text[previous : match.start()], count=1)
            previous = match.end()
            add_head(party, parse_official(_after_opening(piece)) if party else None, sentence)
        taking = "taking part" in low or "participating" in low or "attending" in low
        for match in WITH_TAKING_PART.finditer(text, s, e) if taking and "with" in low else ():
            officials = officials_in(match.group("who"))
            if len(officials) >= 2:
                for party, official in _assign(officials, parties):
                    add(party, official, sentence)
        opening = LED_BY_OPENING.match(text, s, e)
        if opening:
            end = _OPENING_END.search(text, opening.end(), e)
            if end:
                officials = officials_in(text[opening.end() : end.start()])
                for party, official in _assign(officials, parties):
                    add(party, official, sentence)
        for match in LED_DELEGATION_TO.finditer(text, s, e) if "delegation to" in low else ():
            visited = gazetteer.code_for(match.group("place"))
            visitors = [p for p in parties if p != visited]
            head = parse_official(_after_opening(text[s : match.start()]))
            if head is None or not visitors:
                continue
            add(head.party if head.party in parties else visitors[0], head, sentence)
            with_ = _WITH.search(text, match.end(), e)
            if with_:
                for official in officials_in(_chunk(text, with_.end(), e)):
                    host = visited if visited in parties else None
                    party = official.party if official.party in parties else host
                    if party:
                        add(party, official, sentence)
        for match in LED_TO_ATTEND.finditer(text, s, e) if "delegation to" in low else ():
            head = parse_official(_after_opening(text[s : match.start()]))
            if head is None or " " not in head.name:
                continue
            # the states the sentence names, not those joined in a mechanism's name
            named = {
                m.code
                for m in gazetteer.mentions(text, s, e)
                if text[m.start - 1 : m.start + 1][:1] not in _JOINS
                and text[m.end : m.end + 1] not in _JOINS
            } & set(parties)
            party = head.party if head.party in parties else None
            if party is None and len(named) == 1:
                party = named.pop()
            if party:
                add(party, head, sentence)
        if "representing" in low:
            begin = s
            for match in REPRESENTING.finditer(text, s, e):
                # (the side's dots are "U.S."'s, or the sentence's stop: "representing China.")
                named = match.group("side")
                side = gazetteer.code_for(named) or gazetteer.code_for(named.rstrip("."))
                starts = [m.end() for m in _REPRESENTING_START.finditer(text, begin, match.start())]
                # after a first head, the next begins at the first "and" ("…, and Mr. B, …,
                # Ministry of Foreign Affairs and Trade representing …"); else at the last
                first = starts[0] if begin > s else (starts[-1] if starts else begin)
                chunk = text[first if starts else begin : match.start()]
                begin = match.end()
                official = parse_official(chunk)
                if side and official is not None:
                    add(side, official, sentence)
        for match in COUNTRY_LED_BY.finditer(text, s, e) if by else ():
            named = gazetteer.mentions(text, max(s, match.start() - 40), match.start())
            if not named or named[-1].end != match.start():
                continue
            for official in officials_in(_chunk(text, match.end(), e)):
                add(named[-1].code, official, sentence)
            for other in ELLIPTIC_COUNTRY.finditer(text, match.end(), e):
                side = gazetteer.code_for(other.group("side"))
                if side is None:
                    continue
                for official in officials_in(_chunk(text, other.end(), e)):
                    add(side, official, sentence)
        listed = "including" in low or "namely" in low
        for match in INCLUDING.finditer(text, s, e) if listed else ():
            for piece in re.split(r",\s*", _chunk(text, match.end(), e)):
                owned = _POSSESSED.match(piece.strip())
                if not owned:
                    continue
                side = gazetteer.mentions(owned.group("side"))
                official = parse_official(owned.group("who"))
                if side and official is not None:
                    add(side[0].code, official, sentence)
        walk(LATE_SHAPES, sentence, low)
        walk(_ATTEND_SHAPES, sentence, low)
        for match in AND_WAS_LED.finditer(text, s, e) if " and w" in sentence.text else ():
            if match.group("verb") == "were":
                if _PLURAL_SUBJECT.search(text, s, match.start()):
                    chunk = _chunk(text, match.end(), e)
                    for party, official in _assign(officials_in(chunk), parties):
                        add(party, official, sentence)
                continue
            named = gazetteer.mentions(text, s, match.start())
            if not named or not re.search(r"\b(?:delegation|side|team)\b", text[s : match.start()]):
                continue
            for official in officials_in(_chunk(text, match.end(), e)):
                add(named[0].code, official, sentence)
        for match in CO_CHAIRED.finditer(text, s, e) if by or "chairmanship" in low else ():
            if any(side.end() == match.end() for side in led):
                continue  # "the Indian side was co-led by …": one side, read above
            before = [side for side in led if side.end() < match.start()]
            if before and re.search(r"\band\s*$", text[before[-1].end() : match.start()]):
                # "The American delegation was led by A and co-chaired by B and C": that side's
                side = _side_party(text, s, before[-1].start())
                if side:
                    for official in officials_in(_chunk(text, match.end(), e)):
                        add(side, official, sentence)
                    continue
            chunk = _chunk(text, match.end(), e)
            for party, official in _assign(officials_in(chunk), parties):
                add(party, official, sentence)
    # "A, TITLE, hosted the meeting": a host whose title names no side leads the side no
    # other head leads.
    hosts: list[tuple[Official, Sentence]] = []
    for sentence in reading.sentences if "hosted" in text else ():
        if "hosted" not in sentence.text:
            continue
        for match in HOSTED_MEETING.finditer(text, sentence.start, sentence.end):
            clause = _after_opening(text[sentence.start : match.start()])
            # "A, TITLE, B, TITLE, and C, TITLE hosted …": hosts of one side, listed
            heads = officials_in(clause)
            if len(heads) < 2:
                head = parse_official(clause)
                heads = [head] if head is not None else []
            hosts.extend((one, sentence) for one in heads if " " in one.name)
    led_sides = {party for party, _ in leaders}
    free = [p for p in parties if p not in led_sides]
    for head, sentence in hosts:
        party = head.party if head.party in parties else (free[0] if len(free) == 1 else None)
        if party:
            add(party, head, sentence)
    for party, official, line in _transcript_speakers(reading, parties):
        add(party, official, line)
    # "The meeting was attended by TITLE OF A NAME, TITLE OF B NAME, …": in a meeting of three
    # or more states, each attendee whose title names a side heads that side, where no
    # sentence said who led it (one a side; between two states the heads are named as such).
    attended = len(parties) > 2 and "attended by" in reading.lowered
    for sentence in reading.sentences if attended else ():
        for match in ATTENDED_BY.finditer(text, sentence.start, sentence.end):
            # (a quotation's close ends the list: "… B,” the council said")
            listed = re.split(r"[\"”]", text[match.end() : sentence.end], maxsplit=1)[0]
            # ("A, TITLE; B, TITLE; and C, TITLE": items holding commas are set off by semicolons)
            items = _SEMICOLON_ITEM if ";" in listed else _LIST_ITEM
            unplaced = []
            for piece in items.split(listed):
                official = parse_official(piece.strip(' ,.;"”'))
                if official is None or " " not in official.name:
                    continue
                taken = {party for party, _ in leaders}
                if official.party in parties and official.party not in taken:
                    add(official.party, official, sentence)
                elif official.party is None:
                    unplaced.append(official)
            # ("…; B, Chief of the Joint Staff Department; …": the one attendee whose title
            # names no state heads the one side left)
            left = [p for p in parties if p not in {party for party, _ in leaders}]
            if ";" in listed and len(unplaced) == 1 and len(left) == 1:
                add(left[0], unplaced[0], sentence)
    if not leaders and len(parties) == 2:
        # No sentence says who led: the officials the statement has speak of the talks, each
        # titled with a side's name, are its heads ("TITLE OF INDIA A and TITLE OF SINGAPORE B
        # emphasised …"), at most one for each side.
        for sentence in reading.sentences:
            verb = _SPOKE.search(sentence.text)
            if verb is None:
                continue
            subject = _after_opening(sentence.text[: verb.start()])
            for official in officials_in(subject) if _TWO_CAPITALS.search(subject) else ():
                taken = {party for party, _ in leaders}
                if official.party in parties and official.party not in taken:
                    add(official.party, official, sentence)
    return list(leaders.values())


# "Remarks Following Meetings of the Chile-Peru Counter-Terrorism Working Group" over the
# speakers' lines ("Ana Soto, Chilean Deputy Foreign Minister;"): the heads who spoke.
_REMARKS_HEADLINE = re.compile(
    r"^\W*(?:Joint\s+)?(?:Press\s+)?Remarks\s+(?:Following|After|at\s+the\s+(?:End|Close)\s+of)\s+"
    r"(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:Meetings?|Talks|Consultations|Dialogue)\s+of\s+the\b",
    re.I | re.M,
)


def _transcript_speakers(
    reading: Reading, parties: tuple[str, ...]
) -> list[tuple[str, Official, Sentence]]:
    """The header lines "NAME, TITLE;" under a remarks transcript's headline, two or more."""
    text = reading.text
    if not reading.sentences or len(parties) < 2:
        return []
    if "Remarks" not in text[:400]:
        return []
    body = header_end(reading)
    headline = _REMARKS_HEADLINE.search(text, 0, body)
    if headline is None:
        return []
    speakers: list[tuple[Official, Sentence]] = []
    for line in re.finditer(r"[^\n]+", text[:body]):
        if line.start() <= headline.start():
            continue
        words = line.group().rstrip().rstrip(";")
        if "," not in words or words != words.lstrip():
            continue
        official = parse_official(words)
        if official is not None and official.title and words.startswith(official.name):
            speakers.append(
                (official, Sentence(line.start(), line.start() + len(words), words, -1))
            )
    if len(speakers) < 2:
        return []
    officials = [official for official, _ in speakers]
    lines = {id(official): line for official, line in speakers}
    return [(party, o, lines[id(o)]) for party, o in _assign(officials, parties)]
