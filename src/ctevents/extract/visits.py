"""Meetings named by no mechanism: two officials of two states who met or held talks.

"Minister of Public Security A met with visiting Tajik security chief B", "A and his Spanish
counterpart, B, held a working meeting": in a statement on terrorism whose lead reports such a
meeting and names no mechanism, the meeting is the one the statement is about. Its name is the
kind of meeting the sentence gives ("talks", "working meeting"; "meeting" for "met").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ctevents.extract import gazetteer
from ctevents.extract.lexicon import REPORTING_VERBS, STATE_POSTS, TITLE_WORDS
from ctevents.extract.mechanisms import MechanismMention, kind_of
from ctevents.extract.people import Official, counterpart_post, parse_official, split_officials
from ctevents.extract.reading import Reading
from ctevents.extract.segment import Sentence

# How far into the body the meeting must be told: a visit's report leads with it.
_LEAD_SENTENCES = 6
# "A met (with) B", "A held (nearly two-hour) talks with B", "A and B held talks / a working
# meeting", "A held productive discussions with B", "A and B had talks", "A and B discussed
# …", "A discussed security cooperation with his Egyptian counterpart B", "during talks
# between A and B", "a high-level meeting in Manama on Saturday between A and B", "the
# discussions took place in Rabat between A and B".
# ("A and his Iraqi counterpart B also tackled in Amman ways to …": discussed, in other words)
_DISCUSSED = ("discussed", "tackled", "reviewed", "explored")
_MET = re.compile(
    rf"\b(?:met(?:\s+with)?|{'|'.join(_DISCUSSED)}|(?:held|had|hold)\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?P<kind>(?:bilateral\s+|official\s+)?(?:talks|discussions)"
    r"|a\s+(?:working|bilateral|separate)?\s*meeting)"
    r"(?:\s+with)?|(?P<between>talks|meeting|discussions)(?=[^,.;]{0,50}?\sbetween\s)[^,.;]{0,50}?"
    r"\sbetween)\b"
)
# A meeting not in person: a call is no meeting.
_REMOTE = re.compile(r"\b(?:tele)?phone\b|\bcall\b|\bvideo|\bvirtual", re.I)
# Where the person met ends: the day, the place, a comma, what they then did.
_OBJECT_END = re.compile(
    # (a courtesy's stop, "Dr. A", ends nothing)
    # (nor does an initial's, "H. E. A", "John T. Godfrey")
    r",|(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bProf)(?<!\bGen)(?<!\b[A-Z])\.\s|[;:]\s"
    r"|\s+(?:on|in|at|here|today|yesterday)\s+(?=[A-Z0-9]|the\s+sidelines|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)|\s+and\s+(?=[a-z]+ed\b)"
    # ("… counterpart B during an official visit to Cairo", "… B who is visiting Pakistan")
    r"|\s+(?:during|who)\s"
)
# What a subject may open with before the first official: a dateline, a date phrase, a
# day ("Today, the British Minister …").
_OPENING = re.compile(
    # ("On May 13, 2019 Ambassador A met with B": a full date, with no comma after it)
    r"^(?:(?:On|In)\s+(?:[A-Z][a-z]+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}),?\s+"
    r"|[A-Z][A-Z .’'-]+(?:\s*\([^)]*\))?\s*[—–:-]+\s*|(?:On|In)\s+[^,]{3,40},\s*"
    r"|(?:Today|Yesterday|Earlier|Meanwhile),\s*)+"
)
_POSTS = [(re.compile(pattern), code) for pattern, code in STATE_POSTS]
# "China and Tajikistan vowed …, as A met with B": the clause whose subject met.
_CONJUNCTION = re.compile(r"(?:^|,\s*|\s)(?:as|when|after|while|where|before)\s+(?=[A-Z])")
# "Earlier, the Security Council said on Tuesday (that) A met B": the clause reported.
_REPORTED = re.compile(
    rf"\b(?:{REPORTING_VERBS})\s+(?:on\s+\w+\s+|(?:today|yesterday)\s+)?(?:that\s+)?"
)
# Words between the subject and its verb: "A and B also discussed", "A and B have met".
_TRAILING = re.compile(r"(?:\s+(?:also|then|further|jointly|have|has|had|later|earlier))+\s*$")
# Subjects that say the two states met, not two of their officials.
_TWO_SIDES = re.compile(r"\b(?:sides|delegations|countries|teams)\b")


def _side(official: Official) -> str | None:
    if official.party:
        return official.party
    title = official.title or ""
    codes = {m.code for m in gazetteer.mentions(title)}
    if not codes:
        codes = {code for post, code in _POSTS if post.search(title)}
    return codes.pop() if len(codes) == 1 else None


def _officials(chunk: str) -> list[Official]:
    chunk = re.sub(r"^\s*(?:the\s+)?visiting\s+", "", chunk)
    # ("A, who is currently visiting Pakistan": a relative clause after the name)
    chunk = re.sub(r",?\s+who\s+(?:is|was|has|had)\b.*$", "", chunk, flags=re.S)
    return [o for o in split_officials(chunk) if " " in o.name]


@dataclass(frozen=True)
class Visit:
    """The meeting told, and who met: each official with their side."""

    sentence: Sentence
    mention: MechanismMention
    parties: tuple[str, ...]
    heads: tuple[tuple[str, Official], ...]


def _heads(officials: list[Official], parties: tuple[str, ...]) -> tuple[tuple[str, Official], ...]:
    """Each official with their state: by their title, else the one side the statement names
    that the other is not of. Empty unless they are of two states."""
    sides = [_side(o) for o in officials]
    known = {s for s in sides if s}
    rest = [p for p in parties if p not in known]
    if len(known) == 1 and sides.count(None) == 1 and len(rest) == 1:
        sides = [s or rest[0] for s in sides]
    resolved = [s for s in sides if s]
    if len(resolved) != len(officials) or len(set(resolved)) != 2:
        return ()
    return tuple(zip(resolved, officials, strict=True))


# What makes two officials' meeting one of the genre: the lead says it was on security or
# counter-terrorism cooperation ("vowed to improve security cooperation, as A met B", "A met
# B and reaffirmed … ongoing collaboration on counterterrorism"). A meeting on the whole
# relation that mentions terrorism later is not.
_SECURITY_COOPERATION = re.compile(
    r"\b(?:counter-?terror\w*|anti-?terror\w*|terror\w*|security)\s+(?:cooperation|collaboration)"
    # "intelligence chiefs hold anti-terror talks"
    r"|\b(?:counter-?terror\w*|anti-?terror\w*)\s+(?:talks|consultations?|dialogue|meeting)"
    r"|\b(?:cooperation|collaboration)\s+(?:on|in|against)\s+(?:the\s+)?(?:counter-?terror|"
    # ("cooperation in combatting terrorism": the verb spelt with two t's too)
    r"anti-?terror|terror|security|fight(?:ing)?\s+against\s+terror|combatt?(?:ing)?\s+terror)"
    # "discuss counter terrorism", "to discuss … the struggle against international terrorism",
    # "cooperation in the intelligence sphere in the fight against terrorism"
    r"|\b(?:discuss\w*|cooperat\w*|collaborat\w*|coordinat\w*)\b[^.;]{0,80}?\b(?:"
    r"counter[- ]?terror|anti-?terror|(?:fight|struggle|war)\s+against\s+"
    r"(?:international\s+)?terror|combatt?(?:ing)?\s+(?:international\s+)?terror"
    r"|(?:fight|tackl)(?:e|ing)?\s+(?:the\s+)?(?:international\s+)?terror"
    # "cooperation … to counter the menace of terrorism"
    r"|(?:counter|combat|fight)(?:ing)?\s+the\s+(?:menace|threat|scourge)\s+of\s+terror"
    # "discussed bilateral cooperation in countering terrorism"
    r"|countering\s+(?:international\s+)?terror)"
    # "… a committee to pool efforts to fight the terrorism scourge": the sides' joint effort
    # ("agreed to work together to fight terrorism and control migration" at a summit on the
    # whole relation is not enough)
    r"|\befforts?\s+to\s+(?:better\s+)?(?:jointly\s+)?(?:fight|combatt?|counter|tackle)\s+"
    r"(?:the\s+)?(?:international\s+)?terror"
    # "The meeting was devoted to discussing issues of domestic and international terrorism"
    r"|\b(?:devoted|dedicated)\s+to\s+(?:discussing\s+)?(?:the\s+)?(?:issues?\s+of\s+)?"
    r"(?:[\w-]+\s+(?:and\s+)?){0,3}?terrorism\b"
    r"|\bdiscuss\w*\s+(?:the\s+)?issues?\s+(?:of|related\s+to)\s+(?:[\w-]+\s+(?:and\s+)?){0,3}?"
    r"terrorism\b",
    re.I,
)


def _on_security(reading: Reading, sentence: Sentence) -> bool:
    """Whether the headline, the sentence or the next one calls the meeting's subject
    security or counter-terrorism cooperation."""
    at = reading.sentences.index(sentence)
    lead = {reading.sentences[0], *reading.sentences[at : at + 2]}
    return any(_SECURITY_COOPERATION.search(s.text) for s in lead)


def met(reading: Reading, parties: tuple[str, ...]) -> Visit | None:
    """The meeting of two officials of two states told in the statement's lead, if any."""
    text = reading.text
    for sentence in reading.sentences[:_LEAD_SENTENCES]:
        if _REMOTE.search(sentence.text):
            continue
        for match in _MET.finditer(text, sentence.start, sentence.end):
            if match.group("between"):
                # "During talks between A and his Saudi counterpart, B, they agreed …"
                stop = _BETWEEN_END.search(text, match.end(), sentence.end)
                officials = _officials(text[match.end() : stop.start() if stop else sentence.end])
            else:
                officials = _subject_and_object(text, sentence, match)
            heads = _heads(officials, parties) if len(officials) == 2 else ()
            if not heads or not _on_security(reading, sentence):
                continue
            kind = match.group("kind")
            if kind:
                name = re.sub(r"^a\s+", "", kind)
                end = match.end("kind")
                start = end - len(name)
            elif match.group("between"):
                start, end = match.span("between")
                name = match.group("between")
            else:
                start, end, name = match.start(), match.end(), "meeting"
            type_name = "talks" if name.endswith("talks") else "meeting"
            mention = MechanismMention(
                start=start,
                end=end,
                name=name,
                kind=kind_of(type_name, "Counter Terrorism", ""),
                ordinal=None,
                has_subject=True,
            )
            return Visit(sentence, mention, tuple(sorted(side for side, _ in heads)), heads)
    return None


# Where "talks between A and B" ends: what they did in them.
_BETWEEN_END = re.compile(
    r",\s+(?:they|the\s+(?:two|sides|ministers)|according\s+to|\w+\s+said)\b|[.;]\s"
    # ("Saturday's meeting between A, and B, focused on …": the meeting's own verb)
    r"|,\s+(?:focused|focussed|centred|centered|concentrated|dealt|touched)\s+(?:on|with)\b"
)
# "A discussed security cooperation with his Egyptian counterpart B": who it was discussed with.
_DISCUSSED_WITH = re.compile(r"^[^,;]*?\bwith\s+(?=(?:his|her|their|the|[A-Z]))")


def _with_post_after(text: str, official: Official, start: int, end: int) -> Official:
    """The official with the post written after their name and a comma, if it reads as one."""
    stop = text.find(",", start, end)
    post = text[start : stop if stop >= 0 else end].strip(" .")
    titled = parse_official(f"{official.name}, {post}") if post else None
    if titled is None or titled.name != official.name or not titled.title:
        return official
    if titled.title.split()[0].lower() not in TITLE_WORDS:
        return official  # ("B, General of the Army": a rank or words of another kind)
    return Official(official.name, titled.title, official.party or titled.party)


def _subject_and_object(text: str, sentence: Sentence, match: re.Match[str]) -> list[Official]:
    """The officials before the verb (after any opening or earlier clause) and after it; none
    where the subject is the two sides rather than two of their officials."""
    subject = text[sentence.start : match.start()]
    opening = _OPENING.match(subject)
    subject = subject[opening.end() :] if opening else subject
    clauses = list(_CONJUNCTION.finditer(subject))
    subject = subject[clauses[-1].end() :] if clauses else subject
    reported = list(_REPORTED.finditer(subject))
    subject = subject[reported[-1].end() :] if reported else subject
    subject = _TRAILING.sub("", subject)
    if _TWO_SIDES.search(subject):
        return []
    stop = _OBJECT_END.search(text, match.end(), sentence.end)
    object_ = text[match.end() : stop.start() if stop else sentence.end]
    if match.group().startswith(_DISCUSSED):
        with_ = _DISCUSSED_WITH.match(object_)
        object_ = object_[with_.end() :] if with_ else object_
    subjects = _officials(subject)
    objects = _officials(object_) if object_.strip() else []
    if len(objects) == 1 and objects[0].title is None and stop and stop.group() == ",":
        # "A met with B, Deputy Minister of Foreign Affairs of Russia, who …": B's post after
        objects = [_with_post_after(text, objects[0], stop.end(), sentence.end)]
    # "A discussed … with his Egyptian counterpart B": B holds A's post
    lone = len(subjects) == 1 and len(objects) == 1 and objects[0].title is None
    if lone and subjects[0].title and re.search(r"\bcounterpart\b", object_):
        objects = [replace(objects[0], title=counterpart_post(subjects[0].title))]
    return subjects + objects
