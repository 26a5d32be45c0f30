"""Meetings held and next meetings scheduled, from mechanism mentions in context.

A mention is a meeting held when the sentence says so (an ordinal, "held", "met",
"meeting of"); it is a next meeting when "next" governs it or the verb is future;
background ("the previous meeting", "was set up in") is skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ctevents.extract import dates, gazetteer, multilateral, noise, parties, places, visits
from ctevents.extract.cues import cue as cue_of
from ctevents.extract.keys import meeting_key
from ctevents.extract.mechanisms import TYPE_WORDS, MechanismMention, kind_of, mentions
from ctevents.extract.ordinals import ORDINAL_TEXT, SESSION_QUALIFIER, ordinals
from ctevents.extract.people import Official
from ctevents.extract.reading import Reading, header_end
from ctevents.extract.segment import Sentence, content_start
from ctevents.extract.starts import fast

_LAUNCHED = r"launched(?=\s+(?:today|here|yesterday|the|their|an?)\b)"
# "The … Consultations resulted in an agreement": a meeting that produced something was held
# ("the Group has resulted in …" speaks of the mechanism over the years).
_RESULTED = r"(?<!has\s)(?<!have\s)resulted\s+in"
HELD = fast(
    re.compile(
        r"\b(?:held|hold|met|meet|took\s+place|convened|conducted|meeting|session|round|co-?chaired|"
        # "A and B launched today in Lima the Chile-Peru Security Dialogue": its first session
        # ("the Dialogue, launched in 2011," is background: no object, no "today")
        rf"chaired|concluded|hosted|edition|talks|opened|{_LAUNCHED}|{_RESULTED})\b"
        # "During the … Consultations in Moscow on 4 June, the sides discussed …"
        r"|^\W*during\s+the\s+(?:[^,.;]|\.(?!\s)){0,100}?\b(?:consultations?|dialogue|talks|working\s+group|jwg|"
        r"committee|meeting|round)\b(?:[^,.;]|\.(?!\s))*,",
        re.I,
    )
)
_MEETING_NOUN = (
    r"(?:meeting|round|session|edition|iteration|JWG|Dialogue|dialogue|Consultations?|"
    r"consultations?|talks|Group|Committee)"
)
# A future verb: "will be held", "would be hosted by", "is scheduled to take place".
_FUTURE_VERB = (
    r"(?:will|shall|would|is\s+to|are\s+to|(?:is|are)\s+(?:scheduled|expected|slated|due|"
    r"planned|set)\s+to)\s+(?:also\s+)?(?:be\s+(?:held|hosted|convened|organi[sz]ed)|"
    r"take\s+place|meet|convene|resume"
    # ("the X Committee will hold its sixth ordinary session"): the mechanism holding a round
    r"|hold\s+(?:its|their)\s+(?:[\w-]+\s+){0,3}?(?:session|meeting|round))\b"
)
NEXT = fast(
    re.compile(
        # "the next round", "the next iterations of the Council"
        rf"\bnext\s+(?:[\w-]+\s+){{0,3}}?{_MEETING_NOUN}s?\b"
        # An invitation to the next meeting: "invited the Kenyan side to hold the fourth round
        # in Delhi", "accepted an invitation to host the next session" (never "at the
        # invitation of", which says why a meeting held took place)
        rf"|\binvit(?<!at the invit)(?<!on the invit)(?:ed|es|ing|ations?)\b[^.;]{{0,120}}?"
        rf"\bto\s+(?:hold|host|convene|co-?chair|attend)\s+(?:[\w.-]+\s+){{0,8}}?{_MEETING_NOUN}s?\b"
        r"|\b(?:agreed|decided|consented)\s+to\s+(?:hold|convene|meet)\s+(?:again|the\s+next)"
        # "The 13th meeting … will be held in India", "the tenth round … will be hosted by Japan"
        rf"|\b{_MEETING_NOUN}\b[^.;]{{0,90}}?\b{_FUTURE_VERB}"
        # "agreed to hold the second meeting …", "Australia will host the seventh Dialogue"
        # "agreed to hold a third round in the U.S.": an article before the round's ordinal;
        # "consented to organise the 10th meeting …"
        rf"|\b(?:(?:agreed|decided|consented)\s+to|will|would|shall)\s+"
        rf"(?:hold|host|convene|organi[sz]e)\s+"
        rf"(?:the|an?(?=\s+{ORDINAL_TEXT}\b))\s+(?:[\w-]+\s+){{0,6}}?{_MEETING_NOUN}\b"
        r"|\blook(?:s|ed)?\s+forward\s+to\s+(?:convening|hosting|holding)\b"
        # An announcement: "… will hold a two-day counter-terrorism dialogue", "will
        # participate in a U.S.-Russia Counterterrorism Dialogue", "officials will meet here
        # on Thursday for the 14th …", "will lead the delegation to Jerusalem for the annual
        # meeting of …"
        rf"|\b(?:(?:will|shall)\s+(?:hold|participate\s+in)|to\s+participate\s+in)\s+(?:a|an|the|their)\s+"
        rf"(?:[\w.-]+\s+){{0,6}}?{_MEETING_NOUN}\b"
        rf"|\b(?:will|shall)\s+(?:meet|lead)\b[^;]{{0,80}}?\bfor\s+the\s+(?:[\w.-]+\s+){{0,6}}?"
        rf"{_MEETING_NOUN}\b",
        re.I,
    )
)
# Before a mechanism named as the next one: "agreed to hold the second meeting of the …".
_FUTURE_BEFORE = re.compile(
    # "This will be preceded on 13 June by an inaugural Working Group on …": one to come too
    r"(?:\bnext\b|\b(?:to|will|would|shall)\s+(?:hold|host|convene|meet|organi[sz]e|participate\s+in)\b"
    r"|\b(?:will|would|shall)\s+be\s+(?:preceded|followed)\b"
    r"|\bwill\s+(?:meet|lead)\b[^.;,]{0,80}?\bfor\b|\bforward\s+to\s+"
    r"(?:convening|hosting|holding)\b"
    # "A will lead the U.S. delegation to the Sixth Regular Session of …"
    r"|\b(?:will|to)\s+(?:lead|head)\s+(?:the\s+|a\s+)?(?:[\w.-]+\s+)?delegation\s+to\b)"
    # ("… participate in the sixth regular session of the Organization of …": the words up
    # to a long name)
    r"(?:\s+[\w’'.-]+){0,10}\s*$",
    re.I,
)
# After one: "… of the JWG will be held in New Delhi", "… would take place in 2025", also
# past a relative clause set off by commas ("The Dialogue, which opens with a workshop,
# will take place in Hanoi").
_FUTURE_AFTER = re.compile(
    # ("… Committee Against Terrorism, which will take place in Lima")
    # ("… of the Joint Anti-Terror Mechanism with Pakistan, will be held on 24 October")
    rf"(?:,\s*which\b[^,;.]{{0,80}},)?(?:[^,;.]{{0,40}}?,\s*(?:which\s+)?)?[^,;.]{{0,60}}?\b{_FUTURE_VERB}",
    re.I,
)
BACKGROUND = fast(
    re.compile(
        r"\b(?:previous|last|earlier|preceding|prior|past)\s+(?:[\w-]+\s+){0,2}?(?:meeting|round|session|edition)s?\b"
        r"|\bhad\s+(?:held|met|convened)\b|\bsince\s+(?:its|the)\s+(?:inception|establishment)"
        r"|\b(?:was|were)\s+(?:set\s+up|established|constituted|created|launched)\b"
        # "set up their Joint Working Group in 2017; it last met in New Delhi in 2022"
        r"|\b(?:set\s+up|established|constituted|instituted)\s+(?:the|their|its|a|an)\b"
        r"|\blast\s+(?:met|convened)\b"
        # "Following up on the inaugural Designations Dialogue in December 2017, …"
        r"|\bfollowing\s+up\s+on\b|\bsince\s+the\s+(?:inaugural|first|previous|last)\b",
        re.I,
    )
)
GENERIC_MEETING = fast(
    re.compile(
        r"\b(?:meeting|talks|dialogue|consultations|session)\s+(?:[\w-]+\s+){0,3}?(?:was|were)\s+held\b"
        # "… reached during the meeting in Wellington on May 28": the meeting's place and day
        r"|\b(?:during|at)\s+the\s+(?:meeting|talks|session|consultations)\s+(?:held\s+)?in\s+"
        r"(?-i:[A-Z])[\w’'.-]+(?:\s+(?-i:[A-Z])[\w’'.-]+)?,?\s+on\s+",
        re.I,
    )
)
# "… will hold the next round of counter-terrorism talks, the ministry said after talks
# between the delegations headed by A and B": the round just ended, named by the one to come.
_JUST_HELD = re.compile(
    r"\b(?:after|following|at\s+the\s+(?:end|close)\s+of)\s+(?:the\s+|their\s+|today['’]s\s+)?"
    r"(?:talks|consultations|meeting)\s+(?:between|of)\s+(?:the\s+)?(?:two\s+)?"
    r"(?:delegations|sides)\b",
    re.I,
)
# "Joint Statement of the Chile-Peru Trilateral Meeting on Security": the statement a
# meeting issued says it was held ("… ahead of the X" does not).
_STATEMENT_OF = re.compile(
    r"\W*Joint\s+(?:Press\s+)?Statement\s+(?:of|at|from|issued\s+at)\s+(?:the\s+)?"
    r"(?:[\w’'-]+\s+){0,6}?(?:Meeting|Dialogue|Consultations?|Talks|Group|Committee|Mechanism)\b",
    re.I,
)
# "… met in Lima on 3 May 2021 to …": the body's sentence saying the heads met.
_MET_IN = re.compile(r"\bmet\s+(?:today\s+)?in\s+[A-Z]")
# "Remarks Following Meetings of the Chile-Peru Counter-Terrorism Working Group"
_REMARKS_AFTER = re.compile(
    r"\W*(?:Joint\s+)?(?:Press\s+)?Remarks\s+(?:Following|After|at\s+the\s+(?:End|Close)\s+of)\s+"
    r"(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:Meetings?|Talks|Consultations|Dialogue)\s+of\s+the\b",
    re.I,
)
# "This is the 14th meeting in this series": the speaker gives the ordinal.
_THIS_IS_NTH = re.compile(
    rf"^(?:This|It)\s+(?:is|was)\s+the\s+({ORDINAL_TEXT})\s+(?:meeting|round|session)\b", re.I
)
# "This is the fourth time the group has met since its inception", "It was the third
# round": the round of the meeting reported, said in a sentence of its own.
_NTH_TIME = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?:This|It|The\s+meeting)\s+(?:is|was|marks|marked)\s+the\s+"
    rf"(?P<ordinal>{ORDINAL_TEXT})\s+(?:time\b[^.;]{{0,60}}?\b(?:met|meet|convened|been\s+held)\b"
    r"|(?:meeting|round|session)\b"
    # "It is the second counter-terrorism dialogue that has taken place between A and B"
    r"|(?:[\w-]+\s+){0,3}?(?:dialogue|consultations|talks|meeting|round|session)\s+"
    r"(?:that|which)\s+(?:has|have|had)\s+(?:taken\s+place|been\s+held)\b)"
    # "“This ninth bilateral consultation meeting is a routine annual meeting …”"
    rf"|(?:^|(?<=[.!?]\s)|(?<=[“\"]))This\s+(?P<ordinal2>{ORDINAL_TEXT})\s+(?:[a-z-]+\s+){{0,3}}?"
    r"(?:meeting|round|session)\s+(?:is|was)\b",
)
# Its first characters stated (see `starts`): the same matches, sooner.
_NTH_TIME = fast(_NTH_TIME)
# A header line naming a place alone: "Lima, Peru".
_CITY_LINE = re.compile(r"(?P<city>[A-Z][\w.-]+(?:\s[A-Z][\w.-]+)?),\s+(?P<state>[A-Z][\w ]+)")
_TO_COME = re.compile(r"\b(?:next|will|shall)\b", re.I)
_RECALLED = re.compile(
    r"when\s+(?:we|they|the\s+(?:two\s+)?(?:leaders|ministers|sides))\s+(?:last\s+|first\s+)?"
    r"met\s+in\b",
    re.I,
)
# Verbs that assert a meeting happened, not merely refer to it.
STRONG_HELD = fast(
    re.compile(
        r"\b(?:held|met|took\s+place|convened|conducted|co-?chaired|chaired|concluded|hosted|"
        rf"opened|commenced|{_LAUNCHED}|{_RESULTED})\b"
        # "During the … Consultations …, the sides discussed …": what was done there
        r"|^\W*during\s+the\s+(?:[^,.;]|\.(?!\s)){0,100}?\b(?:consultations?|dialogue|talks|working\s+group|"
        r"jwg|committee|meeting|round)\b(?:[^,.;]|\.(?!\s))*,\s+(?:the|both|they)\b[^.;]*\b\w+ed\b",
        re.I,
    )
)
# "declined to say whether a date had been fixed for the next meeting": no meeting is
# scheduled by a sentence that leaves it open.
_UNCERTAIN = re.compile(
    r"\b(?:declined|refused|did\s+not\s+(?:say|confirm)|would\s+not\s+(?:say|confirm)|"
    r"could\s+not\s+(?:say|confirm)|unclear|uncertain)\b(?:\s+\w+){0,3}?\s+(?:whether|when|if)\b",
    re.I,
)
_NO_DATE = re.compile(r"\bno\s+date|\bnot\s+(?:yet\s+)?(?:been\s+)?(?:fixed|decided|set)", re.I)
_HOSTS = re.compile(r"\b(?P<host>[A-Z][\w ]{1,30}?)\s+(?:will|would|is\s+to|agreed\s+to)\s+host\b")
_HOSTED_BY = re.compile(r"\bhosted\s+by\s+(?:the\s+)?(?P<host>[A-Z][\w]+(?:\s+[A-Z][\w]+){0,2})")
# Cue scans for the rules above, so sentences without their words are skipped cheaply.
_BACKGROUND, _GENERIC, _HELD = (
    cue_of(BACKGROUND),
    cue_of(GENERIC_MEETING),
    cue_of(HELD),
)
_TYPED = cue_of(TYPE_WORDS)
# A word every branch of `NEXT` needs (its cue words include "held", which nearly every
# report has): "next", a future auxiliary, "agreed/decided to", "forward to", "participate",
# or "is/are/scheduled/… to". A sentence without one is spared the full pattern, whose
# "meeting … will be held" branch looks ninety characters ahead of every meeting noun.
_NEXT_WORDS = fast(
    re.compile(
        r"\b(?:next|will|shall|would|forward|agreed|decided|consented|participate|invit(?:ed|es|ing|ations?)"
        r"|(?:is|are|scheduled|expected|slated|due|planned|set)\s+to)\b",
        re.I,
    )
)


def _next_in(reading: Reading, sentence: Sentence) -> re.Match[str] | None:
    """`NEXT.search(sentence.text)` for a sentence of the reading, found once per sentence
    (four steps ask), and only in the sentences holding one of `_NEXT_WORDS`."""
    key = ("next", sentence.start, sentence.end)
    if key not in reading.ranges:
        worded = reading.ranges.get(("next-words",))
        if worded is None:
            worded = reading.ranges[("next-words",)] = reading.starts_hit(_NEXT_WORDS)
        hit = sentence.start in worded  # type: ignore[operator]
        found = NEXT.search(sentence.text) if hit else None
        reading.ranges[key] = found
    return reading.ranges[key]  # type: ignore[return-value]


_NUMBERED_NOUN = fast(
    re.compile(rf"\b(?P<ordinal>{ORDINAL_TEXT})\s+(?:[\w-]+\s+){{0,2}}?{_MEETING_NOUN}\b", re.I)
)


# "held a regular round of consultations via videoconference", "held a consultation here on
# Tuesday", "a round of Kyrgyz-Uzbek consultations was held": a meeting named by its kind
# alone. It counts only in a statement about terrorism, which is then its subject.
_BARE_HELD = re.compile(
    # "Tashkent hosted bilateral consultations between …": no article before a sides' word
    r"\b(?:held|hosted|convened)\s+(?:(?:a|an|the|their)\s+|(?=(?:bilateral|trilateral)\s))"
    rf"(?P<phrase>(?:(?:regular|annual|routine|new|bilateral|{ORDINAL_TEXT})\s+)*"
    r"(?:round\s+of\s+(?:(?:their|bilateral|[A-Z][\w-]+)\s+){0,2})?"
    r"(?P<type>consultations?|talks|dialogue))\b"
    # "held a bilateral consultation meeting on consular matters": on another subject
    r"(?!(?:\s+meetings?)?\s+(?:on|about|regarding)\s+(?!(?:the\s+)?(?:issues\s+of\s+)?"
    r"(?:[Cc]ounter|[Aa]nti|[Cc]ombat|[Ff]ight|[Tt]error|[Ee]xtremis|[Ss]ecurity)))"
    rf"|\b(?:[Aa]|[Tt]he)\s+(?P<phrase2>(?:(?:regular|annual|routine|{ORDINAL_TEXT})\s+)*"
    r"round\s+of\s+(?:[A-Z][\w-]+\s+)?(?P<type2>consultations?|talks|dialogue))"
    r"\s+(?:was|were)\s+held\b"
)
# "Cuba and the United States held a technical meeting here in Havana to discuss collaboration
# in fighting terrorism": a meeting named by its kind, held by two states for terrorism.
_HELD_FOR_TERRORISM = re.compile(
    r"\b(?:held|hosted|convened)\s+(?:a|an)\s+(?P<phrase>(?:[a-z][\w-]*\s+){0,2}?"
    r"(?P<type>meeting|talks|consultations?))\b"
    r"(?=[^.;]{0,60}?\b(?:to\s+(?:discuss|review|address)|on|about|aimed\s+at)\s+[^.;]{0,60}?"
    r"(?i:terror|extremis))"
)
# "… held a meeting with the Nigerian government …": the other side, named after "with".
_WITH_SIDE = re.compile(
    r"\s+with\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?=\s+(?:government|side|officials)\b)"
)
# "The first consultations between secretaries of the Security Councils from A, B and C were
# held in Astana": a meeting named by its kind and who met, reported as held.
_BETWEEN_HELD = re.compile(
    rf"\b(?:[Tt]he|[Aa])\s+(?P<phrase>(?:(?:{ORDINAL_TEXT}|bilateral|trilateral|regular|annual)\s+)*"
    r"(?P<type>consultations?|talks|meeting))\s+(?P<between>between\s+[^.;]{1,160}?)"
    r"(?=\s+(?:was|were)\s+held\b)"
)
# "in the 7th session of the strategic bilateral dialogue between A and B": a dialogue named
# by its kind, its round and its two sides (in a sentence about terrorism).
_ROUND_BETWEEN = fast(
    re.compile(
        rf"\b(?P<ordinal3>{ORDINAL_TEXT})\s+(?:session|round|meeting)\s+of\s+(?:the|their)\s+"
        r"(?P<type3>(?:(?:strategic|bilateral|political|security|high-level|annual)\s+){1,3}"
        r"(?:dialogue|consultations?))\s+between\b"
    )
)


# "The counterterrorism teams of the United States and Israel met in Washington": the
# meeting named by who met, their subject before them.
_TEAMS_MET = fast(
    re.compile(
        r"\b(?P<name>(?:[Cc]ounter-?\s?terrorism|[Aa]nti-?terrorism)\s+(?:teams|officials|experts))\s+"
        r"of\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s+and\s+(?:the\s+)?"
        r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s+(?:met|held\s+talks)\b"
    )
)


# "the home secretary-level meeting of the two countries that took place in New Delhi": a
# meeting named by the rank of those who met, reported as held.
_LEVEL_MEETING = re.compile(
    r"\b(?P<name>(?:(?:home|foreign|interior|defen[cs]e|deputy|vice|senior)\s+)?"
    r"(?:secretary|minister|ministerial|official|expert)s?-level\s+"
    r"(?P<type>meeting|talks|consultations?|dialogue))\b"
    r"(?=[^.;]{0,80}?\b(?:took\s+place|was\s+held|were\s+held|concluded)\b)"
)


_SIDES_WORD = re.compile(r"\b(?:bilateral|trilateral)\s+$")


def _counter_terrorism(
    text: str, start: int, end: int, type_name: str, ordinal: int | None = None
) -> MechanismMention:
    """`text[start:end]`, a meeting named by its kind alone, read as a counter-terrorism one."""
    return MechanismMention(
        start=start,
        end=end,
        name=text[start:end],
        kind=kind_of(type_name, "Counter Terrorism", ""),
        ordinal=ordinal,
        has_subject=True,
    )


def _first_ordinal(text: str, start: int, end: int) -> int | None:
    numbered = ordinals(text, start, end)
    return numbered[0][2] if numbered else None


def _bare_mentions(text: str, sentence: Sentence) -> list[MechanismMention]:
    """Meetings named only by their kind in `sentence`, as counter-terrorism mechanisms."""
    found: list[MechanismMention] = []
    low = sentence.text.lower()
    if " met" in low or " held talks" in low:
        for match in _TEAMS_MET.finditer(text, sentence.start, sentence.end):
            found.append(_counter_terrorism(text, *match.span("name"), "talks"))
    if " between " in low and "terror" in low:
        # "the 7th session of the strategic bilateral dialogue between A and B": a general
        # dialogue unless its sentence reports it on terrorism
        for match in _ROUND_BETWEEN.finditer(text, sentence.start, sentence.end):
            ordinal = _first_ordinal(text, *match.span("ordinal3"))
            kind = match.group("type3").split()[-1]
            found.append(_counter_terrorism(text, *match.span("type3"), kind, ordinal))
    for match in (
        _LEVEL_MEETING.finditer(text, sentence.start, sentence.end) if "-level" in low else ()
    ):
        found.append(_counter_terrorism(text, *match.span("name"), match.group("type")))
    if "terror" in low or "extremis" in low:
        for match in _HELD_FOR_TERRORISM.finditer(text, sentence.start, sentence.end):
            # two states hold it ("Cuba and the United States held …"), not one government
            # or a body chaired by one
            held_by = {m.code for m in gazetteer.mentions(text, sentence.start, match.start())}
            # ("A held a meeting with the B government aimed at …": the other side after it)
            other = _WITH_SIDE.match(text, match.end())
            if other:
                held_by |= {m.code for m in gazetteer.mentions(text, *other.span())}
            if len(held_by) >= 2:
                found.append(_counter_terrorism(text, *match.span("phrase"), match.group("type")))
    if " between " in low and " held" in low:
        for match in _BETWEEN_HELD.finditer(text, sentence.start, sentence.end):
            ordinal = _first_ordinal(text, *match.span("phrase"))
            # the kind with who met: "consultations between secretaries of the Security
            # Councils …" (its sides' words before it stay with it)
            sides = _SIDES_WORD.search(text, match.start("phrase"), match.start("type"))
            start = sides.start() if sides else match.start("type")
            end = match.end("between")
            found.append(_counter_terrorism(text, start, end, match.group("type"), ordinal))
    for match in _BARE_HELD.finditer(text, sentence.start, sentence.end):
        group = "type" if match.group("type") else "type2"
        phrase = "phrase" if match.group("type") else "phrase2"
        ordinal = _first_ordinal(text, *match.span(phrase))
        # "a bilateral consultation": the word that says who met stays with the kind
        sides = _SIDES_WORD.search(text, match.start(phrase), match.start(group))
        start = sides.start() if sides else match.start(group)
        found.append(_counter_terrorism(text, start, match.end(group), match.group(group), ordinal))
    return found


@dataclass
class Meeting:
    key: str
    mechanism: str
    kind: str
    parties: tuple[str, ...]
    ordinal: int | None
    date: str | None
    location: str | None
    passages: list[Sentence] = field(default_factory=list)
    virtual: bool = False
    # Who met, by side, where no sentence says who led ("A met with visiting B").
    heads: tuple[tuple[str, Official], ...] = ()
    # Where each passage names this meeting (by the passage's start), to read its own date
    # when one sentence reports two meetings.
    anchors: dict[int, int] = field(default_factory=dict)


@dataclass
class NextMeeting:
    mechanism: str | None
    kind: str
    parties: tuple[str, ...]
    ordinal: int | None
    location: str | None
    date: str | None
    passages: list[Sentence] = field(default_factory=list)


@dataclass(frozen=True)
class _Candidate:
    sentence: Sentence
    mention: MechanismMention
    parties: tuple[str, ...]


def _asserted(text: str, candidate: _Candidate) -> bool:
    """Whether the candidate's sentence says its meeting was held (or a round's number, a
    statement's or remarks' title does), not only refers to it."""
    return bool(
        candidate.mention.ordinal is not None
        or STRONG_HELD.search(candidate.sentence.text)
        or _JUST_HELD.search(candidate.sentence.text)
        or _STATEMENT_OF.match(text, candidate.sentence.start)
        or _REMARKS_AFTER.match(text, candidate.sentence.start)
    )


def _mentions(reading: Reading, start: int, end: int) -> list[MechanismMention]:
    """`mentions` of the range, read once per document: the held meetings, their dates and
    the meetings to come ask about the same sentences. The list is shared: never mutate it."""
    key = ("mechanisms", start, end)
    found = reading.ranges.get(key)
    if found is None:
        found = reading.ranges[key] = mentions(reading.text, start, end)
    return found  # type: ignore[return-value]


def _is_next(reading: Reading, sentence: Sentence, mention: MechanismMention) -> bool:
    """The mention names a meeting to come: "next" or a future verb governs it."""
    text = reading.text
    before = text[max(sentence.start, mention.start - 70) : mention.start]
    if re.search(r"[;,]|\band\s+(?:the\s+)?(?:held|met)\b", before):
        before = re.split(r"[;,]", before)[-1]
    if _FUTURE_BEFORE.search(before):
        return True
    return bool(_FUTURE_AFTER.match(text, mention.end, sentence.end))


# "According to an agreement reached during the X in March, …", "as agreed at the X": the
# meeting where something was agreed before the one reported.
_AGREED_AT = re.compile(
    r"\b(?:agreement|understanding|decision)\s+(?:was\s+)?(?:reached|taken|made)\s+(?:during|at)\s+"
    r"(?:the\s+)?(?:[\w’'.-]+\s+){0,3}$|\bas\s+agreed\s+(?:during|at)\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,3}$",
    re.I,
)


# Subjects a security dialogue's agenda may lead with instead of terrorism.
_OTHER_AGENDA = re.compile(
    r"cyber|crime|drug|narcotic|maritime|pira(?:cy|tes)|kidnap|traffick|migra|smuggl|"
    r"disarmament|mediation|climate|trade|energy|health",
    re.I,
)


def _terrorism_leads(reading: Reading) -> bool:
    """Whether terrorism leads the statement's agenda: the first sentence naming it names it
    before any other threat or subject ("threats, including terrorism and violent extremism,
    cybercrime …"), not after them ("cyber security, organised crime and terrorism")."""
    for sentence in reading.sentences:
        at = sentence.text.lower().find("terror")
        if at < 0:
            continue
        other = _OTHER_AGENDA.search(sentence.text)
        return other is None or other.start() > at
    return False


# A statement that calls its dialogue general ("a wide-ranging discussion of the future of
# the relationship", "covered many subjects", "a variety of issues") …
_GENERAL_TALK = re.compile(
    r"\bwide[- ]ranging\b|\bmany\s+(?:subjects|issues|topics)\b|\bvariety\s+of\s+"
    r"(?:issues|subjects|topics)\b|\bfull\s+range\s+of\s+(?:bilateral|our)\b|"
    r"\bthe\s+(?:whole|entire|overall)\s+(?:bilateral\s+)?relationship\b|\bfuture\s+of\s+the\s+"
    r"(?:[\w.’'-]+\s+){0,2}relationship\b",
    re.I,
)
# … or that names two or more subjects of the whole relation beside terrorism.
_RELATION_SUBJECTS = re.compile(
    r"non-?proliferation|nuclear|disarmament|\btrade\b|econom|energy|education|\bspace\b|"
    r"investment|climate|\bhealth|peace\s+process|lasting\s+peace|mediation|human\s+rights|"
    r"agricultur|cultur",
    re.I,
)


# "the Saudi-US Strategic Dialogue", "the … Strategic Security Consultation", "the Bilateral
# Strategic Dialogue": a strategic mechanism, whose subject is the whole relation unless its
# name or the statement says terrorism ("the working group of the … Strategic Dialogue" is a
# group of its own).
_STRATEGIC = re.compile(r"^(?:(?!\bof\s).)*\b[Ss]trategic\b")


def _names_terrorism(reading: Reading) -> bool:
    """Whether the statement speaks of terrorism or extremism at all: a mechanism whose name
    gives no subject is of the genre only in a statement that does."""
    return "terror" in reading.lowered or "extremis" in reading.lowered


def _general_dialogue(reading: Reading) -> bool:
    """Whether the statement reports a dialogue on the whole relation, not on terrorism."""
    key = ("general-dialogue",)
    found = reading.ranges.get(key)
    if found is None:
        text = reading.text[reading.sentences[0].start :] if reading.sentences else ""
        subjects = {m.group().lower()[:5] for m in _RELATION_SUBJECTS.finditer(text)}
        found = reading.ranges[key] = bool(_GENERAL_TALK.search(text)) or len(subjects) >= 2
    return bool(found)


# "The meeting … is organized by the Standing Committee on …": the body that organises or
# sponsors a meeting is not the meeting.
_ORGANISED_BY = re.compile(r"\b(?:organi[sz]ed|sponsored|convened)\s+by\s+(?:the\s+)?$")


def find(reading: Reading, statement_parties: tuple[str, ...]) -> list[Meeting]:
    """Meetings the statement reports as held, first-mentioned first."""
    text = reading.text
    candidates: list[_Candidate] = []
    bare: list[_Candidate] = []
    counts = _state_counts(reading)
    announced: set[str] = set()  # kinds of mechanisms the statement says will meet
    # the round the lead announces, by kind ("X will hold its sixth session on Monday")
    leading: dict[str, int] = {}
    lead = reading.sentences[:2]
    generic: list[Sentence] = []
    names: list[str] = []  # every mechanism the statement names, held or not
    # One scan for the mechanism type words spares most sentences the mechanism grammar.
    typed = reading.cued(_TYPED)
    rounds = _rounds_of_the_kind(reading)
    for sentence in reading.sentences:
        if noise.is_negated(sentence.text) or reading.search(_BACKGROUND, sentence):
            continue
        if sentence.text[:4].lower() == "when" and _RECALLED.match(sentence.text):
            continue  # "When we met in March 2019, we launched the X": recalled, not reported
        if typed is not None and sentence.start not in typed:
            found = []
        else:
            found = _mentions(reading, sentence.start, sentence.end)
        if not found and reading.search(_GENERIC, sentence) and not _next_in(reading, sentence):
            generic.append(sentence)
        if not found and (
            (typed is not None and sentence.start in typed) or " met " in sentence.text
        ):
            for mention in _bare_mentions(text, sentence):
                # "consultations between the secretaries of A, B, C and D": all who met
                named = {m.code for m in gazetteer.mentions(text, mention.start, mention.end)}
                pair = tuple(sorted(named)) if len(named) > 2 else None
                pair = pair or parties.sentence_parties(text, sentence.start, sentence.end)
                bare.append(_Candidate(sentence, mention, pair or statement_parties))
        names.extend(mention.name for mention in found)
        for mention in found:
            upcoming = _is_next(reading, sentence, mention)
            if sentence in lead and upcoming:
                round_ = mention.ordinal or _its_round(text, mention.end, sentence.end)
                if round_:
                    leading[mention.kind] = max(leading.get(mention.kind, 0), round_)
            window = text[max(sentence.start, mention.start - 40) : mention.start]
            if ("during" in window or "at " in window) and _AGREED_AT.search(window):
                continue  # "under an agreement reached during the X, …": an earlier meeting
            if " by " in window and _ORGANISED_BY.search(window):
                continue  # "organised by the X": who holds the meeting, not the meeting
            if mention.compound and not _terrorism_leads(reading):
                continue  # "Security and Defence Dialogue" on an agenda terrorism does not lead
            strategic = _STRATEGIC.search(mention.name) and "terror" not in mention.kind
            if strategic and _general_dialogue(reading):
                continue  # a strategic dialogue with no subject, on the whole relation
            if not mention.has_subject and not _names_terrorism(reading):
                continue  # "the UK-Bahrain Joint Working Group" in a statement silent on it
            if upcoming and not _JUST_HELD.search(sentence.text):
                # ("… agreed to have the next meeting of the X in Tehran": a later round than
                # any the statement reports held, which it does not unsay)
                if not _NEXT_BEFORE.search(
                    text, max(sentence.start, mention.start - 40), mention.start
                ):
                    announced.add(mention.kind)
                continue
            if mention.ordinal is None and _BEFORE_SUBJECT.fullmatch(
                text, sentence.start, mention.start
            ):
                # "The Task Force on … in the Middle East … commenced its fourth meeting": the
                # mechanism opening the sentence, its round told after the words placing it
                mention = replace(
                    mention, ordinal=_its_round(text, mention.end, sentence.end, _HELD_ITS_ROUND)
                )
            if mention.ordinal is None and mention.kind.split("-")[0] in rounds:
                # "the meeting of the X Joint Working Group and Designations Dialogue … This
                # was the 16th meeting of the working group": the round its kind is given
                mention = replace(mention, ordinal=rounds[mention.kind.split("-")[0]])
            if mention.ordinal is None and not reading.search(_HELD, sentence):
                continue
            located = places.place_in(text, mention.end, sentence.end)
            exclude = (located[1], located[2]) if located else None
            pair = multilateral.members(
                text, sentence.start, sentence.end, mention.start, mention.end, counts()
            ) or parties.sentence_parties(text, sentence.start, sentence.end, exclude)
            candidates.append(_Candidate(sentence, mention, pair or statement_parties))
    if "terror" in reading.lowered:
        candidates.extend(_from_headline(reading, statement_parties, bool(candidates)))
    if not candidates and "terror" in reading.lowered:
        candidates = bare  # the statement names no mechanism: its meeting is named by kind
    visit = None
    if "terror" in reading.lowered and not any(_asserted(text, c) for c in candidates):
        # nor a kind said to be held ("intelligence chiefs hold anti-terror talks" in a
        # headline): two officials of two states who met ("A met with visiting B")
        visit = visits.met(reading, statement_parties)
        candidates = [_Candidate(visit.sentence, visit.mention, visit.parties)] if visit else []
    meetings: list[Meeting] = []
    # Mentions with an ordinal and a full name define meetings; bare ones fold into them.
    # A name as the statement capitalises it ("Counter-Terrorism Dialogue") is preferred to
    # a headline's lower-case wording of the same meeting.
    ordered = sorted(
        candidates,
        key=lambda c: (
            c.mention.ordinal is None,
            not c.mention.has_subject,
            c.mention.name[:1].islower(),
            c.mention.start,
        ),
    )
    for candidate in ordered:
        target = _same_meeting(meetings, candidate.mention)
        # ("during talks between A and B, they agreed …": two officials who met)
        met = visit is not None and candidate.sentence is visit.sentence
        if not met and not _asserted(text, candidate):
            continue  # a passing reference ("the JWG meeting converged …")
        if target is None:
            target = _new_meeting(candidate)
            meetings.append(target)
        elif (
            STRONG_HELD.search(candidate.sentence.text)
            and len(candidate.mention.name) >= len(target.mechanism)
            and not any(STRONG_HELD.search(p.text) for p in target.passages)
        ):
            # The name the sentence saying it was held gives ("The 15th meeting of the
            # India-U.S. Counterterrorism Joint Working Group was held …") is the one kept.
            target.mechanism = candidate.mention.name
        if set(target.parties) < set(candidate.parties):
            # the headline names two of the states, the body all of them
            target.parties = candidate.parties
        target.passages.append(candidate.sentence)
        target.anchors.setdefault(candidate.sentence.start, candidate.mention.start)
    # A title naming a round that the body says will be held is no meeting held.
    meetings = [
        m
        for m in meetings
        if m.kind not in announced or any(STRONG_HELD.search(p.text) for p in m.passages)
    ]
    meetings.sort(key=lambda m: min(p.start for p in m.passages))
    if visit is not None:
        for meeting in meetings:
            if visit.sentence in meeting.passages:
                meeting.heads = visit.heads
    meetings = _without_earlier_rounds(_without_descriptions(meetings))
    for meeting in meetings:
        _with_listed_participants(reading, meeting)
        if not meeting.parties:
            # "the 19th SOMTC Working Group on Counter Terrorism", no state named, in a
            # statement about the ASEAN countries: the grouping's members met
            meeting.parties = multilateral.only_grouping(text) or ()
    _with_full_names(meetings, names)
    if len(meetings) == 1 and meetings[0].ordinal is None:
        meetings[0].ordinal = _stated_round(reading)
    if meetings:
        # "The meeting was held on …" completes the first meeting named.
        meetings[0].passages.extend(generic)
    for meeting in meetings:
        _finish(reading, meeting)
    if announced and reading.reference:
        # "… will hold the dialogue this week. The first round … was held on March 6, 2023":
        # a statement announcing a round recalls the rounds long past as background.
        meetings = [m for m in meetings if not _long_past(m.date, reading.reference)]
    # "X will hold its sixth session on Monday. … The fifth session took place in Niamey":
    # a statement whose lead announces a round recalls the earlier ones as background.
    meetings = [m for m in meetings if not (m.ordinal and m.ordinal < leading.get(m.kind, 0))]
    for meeting in meetings:
        # "… amid the developments in Afghanistan": a third state is what the talks were
        # about, not where they were held (a meeting abroad is placed by its city)
        state = gazetteer.code_for(meeting.location) if meeting.location else None
        if state and state not in meeting.parties:
            meeting.location = None
    if meetings and meetings[0].location is None and not meetings[0].virtual:
        meetings[0].location = _venue(reading)
    for meeting in meetings:
        # "CANBERRA, 14 March … held … today": a meeting held the day of the dateline, with no
        # other place given, was held in the dateline's city.
        quiet = meeting.location is None and not meeting.virtual
        if quiet and reading.dateline.city and any(_TODAY.search(p.text) for p in meeting.passages):
            meeting.location = reading.dateline.city
    if meetings and meetings[0].location is None and not meetings[0].virtual:
        # "JERUSALEM: … officials from India and Israel met here for …", then the round
        # named: the lead's "here" is the dateline's city
        lead = reading.sentences[:2]
        if reading.dateline.city and any(_MET_HERE.search(s.text) for s in lead):
            meetings[0].location = reading.dateline.city
    place = _lead_meeting_place(reading) if any(m.location is None for m in meetings) else None
    for meeting in meetings:
        # "… following a joint counterterrorism meeting in Washington, D.C. March 29", then
        # the rounds named: where the lead says the meeting was
        if meeting.location is None and not meeting.virtual:
            meeting.location = place
    for meeting in meetings:
        if len(meeting.parties) < 2:
            _with_host(meeting, counts(), reading.source_id)
    return _merged_by_key(meetings)


# "This was the 16th meeting of the working group": a round of a mechanism named before,
# called by its kind in lower case.
# (scanned over the whole text: told its first characters, most offsets fail at once)
_ROUND_OF_THE_KIND = fast(
    re.compile(
        rf"\b(?P<ordinal>{ORDINAL_TEXT})\s+(?:meeting|session|round)\s+of\s+the\s+"
        r"(?P<type>(?:joint\s+)?working\s+group|dialogue|consultations?|committee|commission)\b"
        r"(?!\s+(?:on|of|for)\s)"
    )
)


def _rounds_of_the_kind(reading: Reading) -> dict[str, int]:
    """The rounds the statement gives mechanisms by their kind alone, by the kind's slug."""
    rounds: dict[str, int] = {}
    if "of the" not in reading.lowered:
        return rounds
    for match in _ROUND_OF_THE_KIND.finditer(reading.text):
        ordinal = _first_ordinal(reading.text, *match.span("ordinal"))
        kind = kind_of(match.group("type"), "", "")
        if ordinal is not None:
            rounds.setdefault(kind, ordinal)
    return rounds


def _with_listed_participants(reading: Reading, meeting: Meeting) -> None:
    """A meeting of three or more states whose report lists who took part, soon after
    naming it ("… was held in Astana. Delegations from A, B, C and D attended."):
    those states, with the host the sentence saying it was held names."""
    text, first = reading.text, meeting.passages[0]
    at = bisect_left(reading.starts, first.start)
    for sentence in reading.sentences[at : at + 5]:
        listed = multilateral.listed_participants(text, sentence.start, sentence.end)
        if listed is not None:
            host = {m.code for m in gazetteer.mentions(text, first.start, first.end)}
            meeting.parties = tuple(sorted(set(listed) | (host if len(host) == 1 else set())))
            return


def _from_headline(
    reading: Reading, statement_parties: tuple[str, ...], named_in_body: bool
) -> list[_Candidate]:
    """ "Joint Statement of the Trilateral Meeting on Security among A, B and C" over a body
    whose heads "met in Lima on 3 May" and that names no mechanism: the headline names the
    meeting the body says was held (its place and day are the body's). "Remarks Following
    Meetings of the X" says so itself: the remarks were made after it."""
    text = reading.text
    if not reading.sentences:
        return []
    begin = content_start(text)
    opening = text[begin : begin + 400]
    if "Statement" not in opening and "Remarks" not in opening:
        return []  # (the headlines read here: a cheap test spares the header's scan)
    body = header_end(reading)
    for _ in range(3):  # the headline is one of the first lines above the body
        line_end = text.find("\n", begin, body)
        if line_end < 0:
            return []
        if _STATEMENT_OF.match(text, begin, line_end) or _REMARKS_AFTER.match(
            text, begin, line_end
        ):
            break
        begin = line_end + 1
    else:
        return []
    met = None
    if not _REMARKS_AFTER.match(text, begin, line_end):
        if named_in_body:
            return []  # the body names its mechanism: the headline adds nothing
        met = next((s for s in reading.sentences[:6] if _MET_IN.search(s.text)), None)
        if met is None:
            return []
    headline = Sentence(begin, line_end, text[begin:line_end], -1)
    found = [m for m in _mentions(reading, begin, line_end) if not m.compound]
    if len(found) != 1:
        return []
    # every state the headline names takes part ("among Chile, Peru and Bolivia")
    named = tuple(sorted({m.code for m in gazetteer.mentions(text, begin, line_end)}))
    pair = named if len(named) >= 2 else statement_parties
    if met:
        return [_Candidate(headline, found[0], pair), _Candidate(met, found[0], pair)]
    # A transcript: its header's place and date lines ("Lima, Peru", "May 3, 2021") and
    # the speaker's "This is the 14th meeting …" complete the meeting.
    mention = found[0]
    extra = []
    for sentence in [s for s in reading.sentences if s.start >= body][:8]:
        said = _THIS_IS_NTH.match(sentence.text)
        if said:
            number = ordinals(sentence.text, said.start(1), said.end(1))
            mention = replace(mention, ordinal=number[0][2] if number else None)
            extra.append(sentence)
            break
    for line in re.finditer(r"[^\n]+", text[:body]):
        if line.start() <= begin:
            continue
        words = line.group().rstrip()
        if words != words.lstrip():
            continue
        if _CITY_LINE.fullmatch(words) or dates.date_mentions(words, 0, len(words), None):
            extra.append(Sentence(line.start(), line.start() + len(words), words, -1))
    return [_Candidate(headline, mention, pair), *(_Candidate(x, mention, pair) for x in extra)]


def _with_full_names(meetings: list[Meeting], names: list[str]) -> None:
    """ "The second meeting of the Joint Working Group was held …" in a statement that names
    the "Joint Working Group on Counter-terrorism": the name in full."""
    for meeting in meetings:
        if "-" in meeting.kind:
            continue  # the name already gives its subject
        longer = [n for n in names if n.startswith(meeting.mechanism + " on ")]
        if longer:
            meeting.mechanism = max(longer, key=len)


def _with_host(meeting: Meeting, named: Counter[str], source_id: str) -> None:
    """A meeting whose statement names one side only: the other is the state it met in."""
    host = gazetteer.CAPITALS.get(meeting.location or "")
    sides = set(meeting.parties) or {code for code, _ in named.most_common(1)}
    if host and host not in sides and len(sides) == 1:
        meeting.parties = tuple(sorted(sides | {host}))
    elif host and not meeting.parties and set(named) == {host}:
        # "The Task Force on … commenced its fourth meeting in Abu Dhabi", the UAE the one
        # state the text names: a regional body's meeting, its host the one side told
        meeting.parties = (host,)
    else:
        return
    meeting.key = meeting_key(
        meeting.parties, meeting.kind, meeting.ordinal, meeting.date, source_id
    )


def _state_counts(reading: Reading):  # type: ignore[no-untyped-def]
    """How often the statement names each state, counted once and only when asked."""
    cache: list[Counter[str]] = []

    def counts() -> Counter[str]:
        if not cache:
            cache.append(
                Counter(m.code for m in gazetteer.mentions(reading.text) if m.code != "EU")
            )
        return cache[0]

    return counts


def _compatible(kind: str, other: str) -> bool:
    """Kinds that may name one mechanism: equal, or one the bare type of the other."""
    return kind == other or kind.split("-")[0] == other or other.split("-")[0] == kind


def _same_meeting(meetings: list[Meeting], mention: MechanismMention) -> Meeting | None:
    for meeting in meetings:
        same_kind = meeting.kind == mention.kind or (
            not mention.has_subject and meeting.kind.split("-")[0] == mention.kind
        )
        if same_kind and mention.ordinal in (None, meeting.ordinal):
            return meeting
    return None


def _without_earlier_rounds(meetings: list[Meeting]) -> list[Meeting]:
    """Drop other rounds of the lead meeting's mechanism named later in the text: "The 15th
    meeting of the JWG was held in London" in a report of the 16th is background."""
    if not meetings:
        return meetings
    # The lead is the first meeting a sentence says was held ("The Seventeenth meeting … was
    # held" after "on the occasion of the third …"), else the first named.
    lead = next(
        (
            m
            for m in meetings
            if m.ordinal is not None and any(STRONG_HELD.search(p.text) for p in m.passages)
        ),
        meetings[0],
    )
    if lead.ordinal is None:
        return meetings
    # "The first meeting … was held in February. … The second meeting … was held in
    # September": of rounds of one mechanism each said held, the statement reports the latest.
    later = [
        m
        for m in meetings
        if m.ordinal is not None
        and m.ordinal > lead.ordinal
        and _same_mechanism(m, lead)
        and any(STRONG_HELD.search(p.text) for p in m.passages)
    ]
    if later:
        lead = max(later, key=lambda m: m.ordinal or 0)
    return [
        m
        for m in meetings
        if m is lead or not (_same_mechanism(m, lead) and m.ordinal not in (None, lead.ordinal))
    ]


def _same_mechanism(meeting: Meeting, lead: Meeting) -> bool:
    """One mechanism: compatible kinds, or a short form of the lead's name ("the II Strategic
    Dialogue" for "the III Strategic Dialogue on Counterterrorism")."""
    if _compatible(meeting.kind, lead.kind):
        return True
    short, full = meeting.mechanism.lower(), lead.mechanism.lower()
    return full.startswith(short) and full[len(short) : len(short) + 1] in ("", " ")


def _without_descriptions(meetings: list[Meeting]) -> list[Meeting]:
    """Drop a meeting known only by a lower-case description without an ordinal ("held
    consultations on countering terrorism") when the statement names a mechanism for the
    same sides: the description is that meeting in other words."""
    named = [m for m in meetings if not m.mechanism[:1].islower()]
    return [
        m
        for m in meetings
        if not (
            m.mechanism[:1].islower()
            and m.ordinal is None
            and any(set(n.parties) == set(m.parties) for n in named)
        )
    ]


def _merged_by_key(meetings: list[Meeting]) -> list[Meeting]:
    """One meeting per key: a headline and a body naming one meeting are one event."""
    by_key: dict[str, Meeting] = {}
    for meeting in meetings:
        kept = by_key.get(meeting.key)
        if kept is None:
            by_key[meeting.key] = meeting
            continue
        kept.passages.extend(meeting.passages)
        kept.date = kept.date or meeting.date
        kept.location = kept.location or meeting.location
    return list(by_key.values())


# A round held this long before the statement's date is not the news it reports.
_PAST = timedelta(days=60)


def _long_past(edtf: str | None, reference: date) -> bool:
    """Whether a meeting dated `edtf` (a day, or a range starting on one) ended long before
    `reference`."""
    if not edtf or "X" in edtf:
        return False
    day = edtf.rpartition("/")[2]
    try:
        return date.fromisoformat(day) < reference - _PAST
    except ValueError:
        return False  # a month or a year: too coarse to tell


# "sixth ordinary session", "fourth meeting": a round and what it is a round of.
_ROUND = rf"(?P<ordinal>{ORDINAL_TEXT})\s+(?:[\w-]+\s+)?(?:session|meeting|round)\b"
# "The X will hold its sixth ordinary session …": the round, after the mechanism's name.
_ITS_ROUND = re.compile(rf"\s(?:its|their)\s+{_ROUND}")


# What may stand before a mechanism that is its sentence's subject: an article, after a wire's
# name in capitals ("KAZINFORM The Council of …").
_BEFORE_SUBJECT = re.compile(r"(?:[A-Z]{2,}\s+)*(?:[Tt]he\s+|[Aa]n?\s+)?")


# "… commenced its fourth meeting", "… held its 12th session": a round said held.
_HELD_ITS_ROUND = re.compile(
    rf"\s(?:held|had|convened|commenced|opened|concluded)\s+(?:its|their)\s+{SESSION_QUALIFIER}"
    + _ROUND
)


def _its_round(
    text: str, start: int, end: int, pattern: re.Pattern[str] = _ITS_ROUND
) -> int | None:
    """The round `pattern` ("its sixth session", "held its fourth meeting") gives in
    `text[start:end]`."""
    found = pattern.search(text, start, end)
    number = ordinals(text, found.start("ordinal"), found.end("ordinal")) if found else []
    return number[0][2] if number else None


def _stated_round(reading: Reading) -> int | None:
    """The round a sentence of the statement gives its one meeting ("This is the fourth
    time the group has met"); None when no sentence does, or when two disagree."""
    found = {
        number[0][2]
        for match in _NTH_TIME.finditer(reading.text)
        if (group := "ordinal" if match.group("ordinal") else "ordinal2")
        and (number := ordinals(reading.text, match.start(group), match.end(group)))
    }
    return found.pop() if len(found) == 1 else None


def _new_meeting(candidate: _Candidate) -> Meeting:
    mention = candidate.mention
    return Meeting(
        key="",
        mechanism=mention.name,
        kind=mention.kind,
        parties=candidate.parties,
        ordinal=mention.ordinal,
        date=None,
        location=None,
    )


def _meeting_date(reading: Reading, meeting: Meeting) -> str | None:
    text = reading.text
    unresolved = False
    said: str | None = None  # the day a statement about the meeting was made, if no other
    for passage in meeting.passages:
        start, end = _own_dates(text, passage, meeting.anchors.get(passage.start))
        found = reading.dates(start, end, reading.reference, reading.today)
        # "… held a meeting in Havana, the Ministry announced Thursday": the day of the
        # announcement, kept only if no passage dates the meeting itself; "… and will
        # conclude on Wednesday": a day to come is not the day it was held
        told = [m for m in found if _SAID_ON.search(text, passage.start, m.start)]
        own = [
            m for m in found if m not in told and not _WILL_ON.search(text, passage.start, m.start)
        ]
        if found and not own:
            if told:
                said = said or (dates.first_day(told) or told[0]).edtf
            continue
        found = own
        day = dates.first_day(found)
        if day is not None and day.edtf is not None:
            return day.edtf
        if day is not None or unresolved:
            # "on Thursday" with nothing to resolve it against: another passage may still
            # give the day ("The meeting was held on February 13."), not a coarser date.
            unresolved = True
            continue
        coarse = [m for m in found if m.precision == "month"] or [
            m for m in found if m.precision == "year"
        ]
        if coarse:
            return coarse[0].edtf
    if unresolved:
        return None
    heading = _month_heading(reading, meeting.passages[0]) if meeting.passages else None
    if heading is not None:
        return heading
    # The lead usually dates what the statement reports, unless a sentence of it dates
    # something else: an attack, or another round of the mechanism.
    for passage in reading.sentences[:3]:
        if _next_in(reading, passage) or reading.search(_BACKGROUND, passage):
            continue
        if _ATTACK.search(passage.text) or any(
            m.ordinal not in (None, meeting.ordinal) and _compatible(m.kind, meeting.kind)
            for m in _mentions(reading, passage.start, passage.end)
        ):
            continue
        found = reading.dates(passage.start, passage.end, reading.reference, reading.today)
        # "… BNPT head A said in a written statement on Wednesday": the statement's day.
        found = [m for m in found if not _another_day(text, passage.start, m.start)]
        day = dates.first_day(found)
        if day is not None:
            return day.edtf
    return said


# "May 2010:" on a line of its own, over what was done then (a report's "Dates Group
# Convened" list).
_MONTH_LINE = re.compile(r"^[A-Z][a-z]+\s+\d{4}\s*:?$")


def _month_heading(reading: Reading, passage: Sentence) -> str | None:
    """The month of a heading line right above the passage's paragraph."""
    at = bisect_left(reading.starts, passage.start)
    if at == 0:
        return None
    above = reading.sentences[at - 1]
    if above.paragraph != passage.paragraph - 1 or not _MONTH_LINE.match(above.text):
        return None
    found = reading.dates(above.start, above.end, reading.reference, reading.today)
    return found[0].edtf if len(found) == 1 and found[0].precision == "month" else None


_NEXT_BEFORE = re.compile(r"\bnext\s+(?:[\w-]+\s+){0,3}?(?:of\s+(?:the\s+)?)?$", re.I)
_WILL_ON = re.compile(r"\bwill\s+(?:[a-z]+\s+){0,3}?(?:(?:on|by)\s+)?$")
_SAID_ON = re.compile(
    r"\b(?:said|stated|told|announced)\s+(?:in\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|release|interview)\s+)?(?:on\s+)?(?:\w+,?\s+)?$"
)


def _another_day(text: str, start: int, at: int) -> bool:
    """Whether the day written at `at` is not the meeting's: the day a statement was made
    ("announced Thursday") or one to come ("will conclude on Wednesday")."""
    return bool(_SAID_ON.search(text, start, at) or _WILL_ON.search(text, start, at))


_ATTACK = re.compile(r"\b(?:attacks?|bomb\w*|blasts?|condemn\w*|killed|massacre\w*)\b", re.I)
# Its first characters stated (see `starts`): the same matches, sooner.
_ATTACK = fast(_ATTACK)

# "… held the JWG on Tuesday, followed on Wednesday by the Dialogue on …": back-to-back
# meetings, each with its own day.
_FOLLOWED = re.compile(r"\bfollowed\s+(?P<when>on\s+[^,;.]{1,40}?)\s+by\b")


# "The X resulted in … holding the next round in Bishkek in 2025": what follows is the next
# meeting's, not the one held.
_NEXT_AFTER = re.compile(r"\bnext\s+(?:\w+\s+)?(?:round|meeting|session|edition)\b", re.I)


def _before_next(text: str, passage: Sentence, anchor: int | None) -> int:
    """Where a passage stops speaking of the meeting named at `anchor`: at a next meeting
    named after it, else at the passage's end."""
    if anchor is None:
        return passage.end
    found = _NEXT_AFTER.search(text, anchor, passage.end)
    return found.start() if found else passage.end


def _own_dates(text: str, passage: Sentence, anchor: int | None) -> tuple[int, int]:
    """The part of a passage whose dates are this meeting's: the day after "followed on" for
    the meeting named after it, the words before "followed" for the one before it, and
    nothing after a next meeting named after it."""
    followed = _FOLLOWED.search(text, passage.start, passage.end) if anchor is not None else None
    if followed is None or anchor is None:
        # "Following the minister's visit to Algiers on 11-12 November, the second meeting …
        # met in London on 29-30 November": the opening phrase dates what came before
        prior = _PRIOR_EVENT.match(text, passage.start, passage.end)
        start = (
            prior.end() if prior and (anchor is None or anchor >= prior.end()) else passage.start
        )
        return start, _before_next(text, passage, anchor)
    if anchor >= followed.end():
        return followed.start("when"), followed.end("when")
    return passage.start, followed.start()


# ("Pursuant to the decision reached at the 9th Forum on 30 July 2002, …", "As agreed by the
# Ministers … on 18 June 2003, …": the decision the meeting carries out is dated before it)
_PRIOR_EVENT = re.compile(
    r"\s*(?:Following|After|Pursuant\s+to|As\s+(?:agreed|decided)|In\s+(?:accordance|line)\s+with|"
    r"In\s+pursuance\s+of)\s[^,;]{1,200},\s*"
)
_TODAY = re.compile(r"\btoday\b", re.I)
_AT_VENUE = re.compile(r"\bat\s+(?:the\s+)?$")
_NEXT_YEAR = re.compile(r"\bnext\s+year\b", re.I)
# "The next meeting will be in Moscow in December": a month named alone, no day, no year.
_MONTH_ALONE = re.compile(
    r"\bin\s+(?:early\s+|mid-?|late\s+)?(?P<month>January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b(?!\s*(?:\d|of\b))"
)


def _on_or_after(held: str | None, edtf: str) -> str:
    """A next meeting's month or days given without a year (`XXXX-03`, `XXXX-03-22/XXXX-03-24`):
    their year is the first on or after the meeting held (unknown when the meeting's year is)."""
    if not held or not held[:4].isdigit():
        return edtf
    # compare as far as both are written: a month with a day, days with a month alone
    width = min(len(edtf), len(held), 10)
    later = held[5:7].isdigit() and edtf[5:width] < held[5:width]
    return edtf.replace("XXXX", str(int(held[:4]) + later))


def _venue(reading: Reading) -> str | None:
    """Where "the meeting, held at …" or "the talks, which were held in …" says it was."""
    for sentence in reading.sentences:
        if _next_in(reading, sentence) or reading.search(_BACKGROUND, sentence):
            continue
        if noise.is_negated(sentence.text):
            continue
        found = places.venue_in(reading.text, sentence.start, sentence.end)
        if found:
            return found
    return None


_HERE_IN = re.compile(r"\bhere\s+in\s+[A-Z]")
_MEETING_IN = re.compile(
    r"\b(?:meeting|talks|dialogue|consultations?)\s+(?=(?:held\s+)?in\s+[A-Z])"
)


def _lead_meeting_place(reading: Reading) -> str | None:
    """The place the statement's first sentence gives a meeting ("a meeting in Lima")."""
    lead = reading.sentences[0] if reading.sentences else None
    found = _MEETING_IN.search(reading.text, lead.start, lead.end) if lead else None
    if lead is None or found is None or _TO_COME.search(lead.text):
        return None
    place = places.place_in(reading.text, found.end(), lead.end)
    return place[0] if place else None


_MET_HERE = re.compile(
    r"\b(?:met|meet|meets|held|hold|holds|talks|meeting)\s+(?:[\w-]+\s+){0,2}?here\b"
)


def _meeting_place(reading: Reading, meeting: Meeting) -> str | None:
    text = reading.text
    if any(places.VIRTUAL.search(p.text) for p in meeting.passages):
        meeting.virtual = True
        return None
    for passage in meeting.passages:
        line = _CITY_LINE.fullmatch(passage.text) if passage.paragraph == -1 else None
        if line and gazetteer.code_for(line.group("state")):
            return line.group("city")  # a transcript's header: "Lima, Peru"
        if _TO_COME.search(passage.text) and _JUST_HELD.search(passage.text):
            continue  # the place in "will hold the next round in Brussels after talks …"
        # "here" in any case: a passage without those letters is not searched.
        # ("held a meeting here in Havana": the place is named after "here")
        here = "here" in passage.text.lower() and places.HERE.search(passage.text)
        if here and not _HERE_IN.search(passage.text):
            if reading.dateline.city:
                return reading.dateline.city
            for other in reading.sentences:
                stay = places.stay_place(text, other.start, other.end)
                if stay:
                    return stay
            return None
        end = _before_next(text, passage, meeting.anchors.get(passage.start))
        found = places.place_in(text, passage.start, end)
        # "took place today at the Palacio San Martín" under a BUENOS AIRES dateline: the
        # city, not the venue
        today = found and reading.dateline.city and _TODAY.search(passage.text)
        if today and found and _AT_VENUE.search(text, max(0, found[1] - 10), found[1]):
            return reading.dateline.city
        if found:
            return found[0]
    # "travelled to Moscow … for the 12th …", "led a delegation to visit Indonesia and held …":
    # the place the delegation went to for the meeting.
    for passage in meeting.passages:
        visited = places.visited_place(text, passage.start, passage.end)
        if visited:
            return visited
    return None


def _finish(reading: Reading, meeting: Meeting) -> None:
    meeting.date = _meeting_date(reading, meeting)
    if meeting.date and meeting.date.startswith("XXXX"):
        _with_year_given_later(reading, meeting)
    meeting.location = _meeting_place(reading, meeting)
    meeting.key = meeting_key(
        meeting.parties, meeting.kind, meeting.ordinal, meeting.date, reading.source_id
    )


_YEAR = re.compile(r"\d{4}|XXXX")


def _with_year_given_later(reading: Reading, meeting: Meeting) -> None:
    """ "… held a Dialogue on 1 October in Sarajevo. … The Dialogue in Sarajevo on 1 October
    2021 …": the day with no year takes the one year another sentence on the meeting gives
    the same day; that sentence joins the evidence. Sentences on an attack are not read (the
    day of an attack may share the meeting's day and month in another year)."""
    wanted = _YEAR.sub("Y", meeting.date or "")
    years: dict[str, Sentence] = {}
    for sentence in reading.sentences:
        if not TYPE_WORDS.search(sentence.text) or _ATTACK.search(sentence.text):
            continue
        for found in reading.dates(sentence.start, sentence.end, reading.reference, reading.today):
            edtf = found.edtf or ""
            if "XXXX" not in edtf and found.precision == "day" and _YEAR.sub("Y", edtf) == wanted:
                years.setdefault(edtf, sentence)
    if len(years) == 1:
        ((edtf, sentence),) = years.items()
        meeting.date = edtf
        if sentence not in meeting.passages:
            meeting.passages.append(sentence)


def _ordinal_of_noun(text: str, start: int, end: int) -> int | None:
    """The ordinal of "the seventh Dialogue", "the tenth round of consultations"."""
    for match in _NUMBERED_NOUN.finditer(text, start, end):
        found = ordinals(match.group("ordinal"), 0, len(match.group("ordinal")))
        if found:
            return found[0][2]
    return None


def find_next(
    reading: Reading, held: list[Meeting], statement_parties: tuple[str, ...]
) -> list[NextMeeting]:
    """Next meetings the statement says were agreed, one per mechanism."""
    text = reading.text
    if not held and "terror" not in reading.lowered:
        return []  # neither a meeting of the genre nor a word of its subject: not ours
    found: dict[str, NextMeeting] = {}
    primary = held[0] if held else None
    # what a next meeting's date without a year is counted from: the meeting held, or the
    # statement's own date
    since = primary.date if primary and primary.date else reading.today
    for sentence in reading.sentences:
        cue = _next_in(reading, sentence)
        if not cue or noise.is_negated(sentence.text) or reading.search(_BACKGROUND, sentence):
            continue
        if _UNCERTAIN.search(sentence.text):
            continue
        named = _mentions(reading, sentence.start, sentence.end)
        upcoming = [m for m in named if _is_next(reading, sentence, m)]
        mention = upcoming[0] if upcoming else (named[0] if named else None)
        if mention is None and primary is None:
            # "The inaugural meeting of the national security advisers will take place …":
            # a meeting to come that names no mechanism of the genre, after none held.
            continue
        cue_start = min(sentence.start + cue.start(), mention.start if mention else sentence.end)
        kind = mention.kind if mention else (primary.kind if primary else "meeting")
        mechanism = mention.name if mention else (primary.mechanism if primary else None)
        for meeting in held:
            if mention and _compatible(meeting.kind, kind):
                kind, mechanism = meeting.kind, meeting.mechanism
                break
        location = None
        if not places.VIRTUAL.search(sentence.text):
            where = places.place_in(text, cue_start, sentence.end)
            location = where[0] if where else None
            host = _HOSTS.search(sentence.text) or _HOSTED_BY.search(sentence.text)
            if location is None and host:
                location = places.clean_place(host.group("host"))
            if location is None:
                location = places.visited_place(text, sentence.start, sentence.end)
        when = None
        if not _NO_DATE.search(sentence.text):
            mentioned = reading.dates(cue_start, sentence.end, None)
            explicit = [m for m in mentioned if m.edtf and not m.relative]
            when = explicit[0].edtf if explicit else None
            if when and when.startswith("XXXX-"):
                # "from March 22-24" to come: the first such days on or after the meeting
                # held, or the statement's own date
                when = _on_or_after(since, when)
            next_year = when is None and _NEXT_YEAR.search(text, cue_start, sentence.end)
            if next_year and since and since[:4].isdigit():
                # "… in Baghdad next year": the year after the meeting held, or after the
                # statement's own date.
                when = str(int(since[:4]) + 1)
            alone = None if when else _MONTH_ALONE.search(text, cue_start, sentence.end)
            if alone:
                month = dates.MONTHS[alone.group("month").lower()]
                when = _on_or_after(since, f"XXXX-{month:02d}")
        ordinal = mention.ordinal if mention else None
        if ordinal is None:
            ordinal = _ordinal_of_noun(text, sentence.start, sentence.end)
        several = (
            multilateral.members(
                text, sentence.start, sentence.end, mention.start, mention.end, None
            )
            if mention and not primary
            else None
        )
        entry = found.get(kind)
        if entry is None:
            entry = NextMeeting(
                mechanism=mechanism,
                kind=kind,
                parties=several or (primary.parties if primary else statement_parties),
                ordinal=ordinal,
                location=location,
                date=when,
            )
            found[kind] = entry
        entry.location = entry.location or location
        entry.date = entry.date or when
        entry.ordinal = entry.ordinal or ordinal
        entry.passages.append(sentence)
    return list(found.values())
