"""Condemnations: who condemned (both sides or one), what, and whether strongly."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ctevents.extract import entities, gazetteer, multilateral, noise
from ctevents.extract.cues import cue as cue_of
from ctevents.extract.lexicon import REPORTING_VERBS, TITLE_WORDS
from ctevents.extract.people import parse_official
from ctevents.extract.reading import Reading
from ctevents.extract.segment import Sentence
from ctevents.extract.starts import fast

# The verb, or the noun after any verb: "reiterated their strong condemnation of …",
# "expressed condemnation of …", "India's unequivocal condemnation of …".
# "strongly denounce all those who support terrorism": to denounce is to condemn.
VERB = re.compile(
    # ("Both ministers deplored the global scourge of terrorism": to deplore it is to condemn it)
    r"\bcondemn(?:ed|s|ing)?\b|\bdenounc(?:e|ed|es|ing)\b|\bdeplor(?:e|ed|es|ing)\b"
    r"|\b(?:(?:their|its|his|her|the|a)\s+)?(?:(?:strong(?:est)?|unequivocal|firm|unreserved|"
    # ("expresses its firm condemnations of these acts": the plural as the singular)
    r"vehement|utmost|deep)\s+)?(?:joint\s+)?(?:condemnation|denunciation)s?"
    # "Egypt's strong condemnation and complete rejection of all forms of violence"
    r"(?:\s+and\s+(?:(?:complete|total|firm|absolute|categorical)\s+)?(?:rejection|denunciation))?"
    r"\s+(?:of|for)\b",
    re.I,
)
STRONGLY = re.compile(
    r"\b(?:strongly|strong|strongest|unequivocal(?:ly)?|firmly|vehement(?:ly)?|resolutely|utterly)\b",
    re.I,
)
_BOTH = re.compile(
    # "A joined B in condemning …": both ("A has joined others in condemning …": A alone)
    r"\bjoined\s+(?!others\b|other\s|the\s+international\s+community\b|(?:world|other)\s+leaders\b)"
    r"[^,;]{1,80}?\s+in\s*$|"
    r"\b(?:both|two|they|sides|jointly|joint|together|the\s+leaders|countries|"
    # "The participants reaffirmed …, again condemning …": everyone at the meeting
    r"(?:the\s+)?participants)\b",
    re.I,
)
# Its first characters stated (see `starts`): the same matches, sooner.
_BOTH = fast(_BOTH)
_OBJECT_END = re.compile(
    # a quotation opening on a lower-case word ("terrorism “in all its forms …,” including
    # …") continues the thing condemned; other quote marks end it
    r";|[“\"](?![a-z])|”(?![,\s]*(?:including|as\s+well\s+as|especially|particularly)\b)"
    r"|\.\s*$|\.$"
    # ("… and once again calls on …": the adverb may be a phrase)
    r"|,?\s+and\s+(?:(?:\w+ly|once\s+again|again|also|further)\s+)?(?:stressed|emphasi[sz]ed|called|reiterated|underlined|agreed|"
    r"expressed|noted|reaffirmed|urged|resolved|pledged|committed|welcomed|highlighted|"
    r"underscored|recogni[sz]ed|affirmed|exchanged|discussed|sought|demanded|said|offered|"
    r"conveyed|extended|paid|voiced|praised|appreciated|thanked|assured|vowed|described|"
    r"reiterated|signall?ed|indicated|announced|renewed|sent|"
    # (a statement in the present: "… condemns X and renews its commitment to …")
    r"renews|stresses|reiterates|reaffirms|calls|urges|expresses|extends|offers|conveys|"
    r"sends|shares|stands|remains|wishes|hopes|supports|"
    # ("'We condemn this crime and offer condolences to the families'")
    r"offer|extend|express|convey|send|renew|reiterate|reaffirm)\b"
    r"|,\s+(?:as|while|which|saying|it\s+said|the\s+\w+\s+(?:said|noted)|according\s+to)\b"
    # ("… the action, for which the Taliban have claimed responsibility")
    r"|,\s+(?:for|in|by)\s+which\b"
    # "…, the Ministry of Foreign Affairs said in a statement": who reported it
    r"|,\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+(?:of\s+)?){1,7}(?:said|noted|stated|announced)\b"
    # "… condemnation of X and their commitment to assist …": a second thing expressed
    r"|,?\s+and\s+(?:their|its|his|her|our)\s+(?:commitment|determination|resolve|support|"
    r"solidarity|condolences|sympathy|readiness|willingness)\b"
    # "… in all its forms emphasizing the need for …": a participle after the thing condemned
    r"|\s+(?:emphasi[sz]ing|stressing|underlining|underscoring)\s+(?:the|that)\b"
    # "…, expressing sorrow for …, extending condolences …": what the condemning side also did
    r"|,\s+(?:and\s+)?(?:expressing|extending|offering|conveying|adding|stressing|calling|"
    r"spotlighting|highlighting|"
    r"noting|reiterating|reaffirming|underlining|urging"
    # ("… condemned the deadly attacks, offered condolences to …, and expressed …")
    r"|offered|expressed|extended|conveyed)\b"
    # "While condemning X, both sides reaffirmed …": the main clause after the participle's
    r"|,\s+(?:both|the(?:\s+two)?)\s+(?:sides|countries|delegations|parties|ministers|leaders)"
    r"\s+(?:\w+ly\s+)?[a-z]+ed\b"
    # "condemned X as criminal and unjustifiable": the judgement passed, not a thing condemned
    r"|\s+as\s+(?:criminal|unjustifiable|unjustified|unacceptable|abhorrent|heinous|"
    r"barbaric|cowardly|inhuman|reprehensible)\b"
    r"|,?\s+(?:India|the\s+\w+|it|the\s+(?:statement|ministry|MEA))\s+said\b"
    # "…, saying the government strongly condemned the attack, and that its people will …":
    # a second thing reported
    r"|,?\s+and\s+that\b"
    # "…, News.Az reports": the agency that reports it
    r"|,\s+(?:[A-Z][\w.-]*\s+){1,3}(?:reports|reported|informs|informed)\b"
)
# Its first characters stated (see `starts`): the same matches, sooner.
_OBJECT_END = fast(_OBJECT_END)


# A day or time right after the verb, before what is condemned.
_DAY_FIRST = re.compile(
    r"^\s*(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|late\s+on\s+\w+)"
    r"(?=\s+(?:the|a|an|all|this|these|those|what)\b)"
)


def _object_end(text: str, start: int, stop: int) -> re.Match[str] | None:
    """Where the thing condemned ends: `_OBJECT_END`, past a quote mark that closes a word
    quoted inside it ('the "terrorist" explosions that hit two churches')."""
    end = _OBJECT_END.search(text, start, stop)
    while end is not None and end.group() in ('"', "”"):
        opening = "“" if end.group() == "”" else '"'
        inside = text[start : end.start()]
        if not (inside.count(opening) % 2 if opening == '"' else "“" in inside):
            break
        start = end.end()
        end = _OBJECT_END.search(text, start, stop)
    return end


_ITEM_SPLIT = re.compile(
    # ("on September 11, 2001": the year after a day's comma is no thing condemned)
    r",(?!\s*(?:19|20)\d\d\b)\s*(?:including|and|as\s+well\s+as|such\s+as|especially|particularly)?\s*"
    r"|\s+(?:including|as\s+well\s+as|such\s+as|especially|particularly)\s+"
)
# (quoted too: 'condemned in the “strongest terms” the attack')
_STRONGEST = re.compile(
    r"\s*,?\s*in\s+the\s+[“\"]?strongest\s+(?:possible\s+)?(?:terms|ways?|manner)[”\"]?", re.I
)
# Each stated with its possible first characters (see `starts`): the same matches, sooner.
VERB, STRONGLY = fast(VERB), fast(STRONGLY)
_VERB = cue_of(VERB)
# Fixed phrases whose "and" does not separate two things condemned.
_KEEP_AND = re.compile(
    r"forms?\s+and\s+manifestations?|perpetrators\s+and\s+sponsors|"
    # the genre's pair: "terrorism and violent extremism" is one thing condemned
    r"terrorism\s+and\s+(?:violent\s+)?extremism"
    # "violence and terrorism in all its forms": the forms are of both
    r"|violence\s+and\s+terrorism\s+in\s+(?:all|any)\b"
    # "all forms of violence and terrorism": the forms are of both
    r"|\bforms\s+of\s+[a-z]+\s+and\s+[a-z]+$",
    re.I,
)


@dataclass
class Condemnation:
    parties: tuple[str, ...]
    condemned: list[str]
    strongly: bool
    passages: list[Sentence] = field(default_factory=list)


# "in Jammu and Kashmir", "of Iraq and Syria", "attacks in Sri Lanka and New Zealand": an
# "and" between the capitalised words of places after a preposition joins them in one thing
# condemned, not two.
_PLACE_AND = re.compile(
    # ("the attacks on New York and Washington")
    r"\b(?:in|at|near|of|from|on)\s+(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*\s+and\s+[A-Z]"
)
# "on 17 and 18 February": two days of one date.
_DAYS_AND = re.compile(r"\d\s+and\s+\d")


def _split_and(piece: str) -> list[str]:
    parts, position = [], 0
    for match in re.finditer(r"\s+and\s+", piece):
        joined = _PLACE_AND.search(piece, max(0, match.start() - 40), match.end() + 1)
        if joined and joined.end() == match.end() + 1:
            continue
        if _DAYS_AND.match(piece, match.start() - 1):
            continue
        parts.append(piece[position : match.start()])
        position = match.end()
    parts.append(piece[position:])
    return parts


# "all acts, methods and practices of terrorism": bare nouns sharing one complement are one
# thing condemned, not three.
_SHARED = re.compile(
    r"^\s*(?:all\s+)?[a-z]+(?:\s*,\s*[a-z]+)*\s*,?\s+(?:and|or)\s+[a-z]+\s+of\s+"
    r"(?:[\w-]+\s+){0,2}?(?:terrorism|extremism|violence)\b"
)


# "the barbaric, senseless and cowardly attack": words describing one thing, not things.
_DESCRIBING = r"[a-z]+(?:ic|less|ly|ous|ful|ble|ent|ant|ive|al|some|ed)"
_DESCRIPTIONS = re.compile(
    rf"\b(?:the|this|these|such|an?)\s+(?:{_DESCRIBING},?\s+)+(?:(?:and|or)\s+)?"
    rf"(?={_DESCRIBING}\s+[a-z])"
)
_COMMA, _AND = "\x1f", "\x1e"  # a description's commas and "and", kept from the split


def _items(phrase: str) -> list[str]:
    if "," in phrase or " and " in phrase:
        phrase = _DESCRIPTIONS.sub(
            lambda m: m.group().replace(",", _COMMA).replace(" and ", f" {_AND} "), phrase
        )
    return [item.replace(_COMMA, ",").replace(_AND, "and") for item in _split_items(phrase) if item]


def _split_items(phrase: str) -> list[str]:
    items: list[str] = []
    shared = _SHARED.match(phrase)
    if shared:
        items.append(shared.group().strip())
        phrase = phrase[shared.end() :]
    for piece in _ITEM_SPLIT.split(phrase):
        piece = piece.strip(' ,.;:“”"')
        if not piece:
            continue
        if _KEEP_AND.search(piece):
            items.append(piece)
            continue
        items.extend(p.strip(" ,.") for p in _split_and(piece) if p.strip(" ,."))
    # "Condemning A, both sides condemned B": a clause with its own verb is not a thing
    # condemned (its object is read from that verb).
    # "… in A and B on 17 and 18 May, respectively": the adverb is not a thing condemned.
    items = [item for item in items if not _OWN_VERB.search(item) and item != "respectively"]
    return [_QUOTES.sub("", re.sub(r"^and\s+", "", item)) for item in items]


_QUOTES = re.compile(r"[“”\"]")


# What a condemnation of the genre condemns: terrorism, violence, an attack or act, or a
# group (in capitals, "the LTTE", or of the lexicon, "Hizballah"). "The occupation of the
# territories" is not.
_OF_VIOLENCE = re.compile(
    r"(?i:terror|attack|bomb|violen|extremis|kill|massacre|atrocit|hostage|assassinat|blast|"
    r"explosi|murder|shoot|hijack|incident|\bacts?\b|crime|perpetrat|sponsor|financ|radical|"
    r"group|outfit|militan|insurgen|beheading|abduct|kidnap)|\b[A-Z]{2,6}\b"
)


def _of_the_genre(item: str) -> bool:
    return bool(_OF_VIOLENCE.search(item)) or entities.names_a_group(item)


# A verb in the passive with no agent after it states a principle, not who condemned.
_PASSIVE = re.compile(r"\b(?:be|is|are|was|were|been|being)\s+(?:\w+ly\s+)?$", re.I)
_AGENT = re.compile(r"\s+by\b")
_OWN_VERB = re.compile(r"\b(?:condemned|condemns|condemn)\b", re.I)


# A capitalised word in the subject, to find a named official ("Ambassador Kobayashi").
_WORD = re.compile(r"\b[A-Z][\w’'-]+")


# The capitalised words written just before a name ("South African President Jacob ").
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w.’'-]*\s+){1,8}$")


# Where a title may begin before a name: the sentence's start, a clause's, or a list's
# ("… including Colombia's foreign minister, Fernando A, and …").
_TITLE_MAY_BEGIN = re.compile(r"(?:^|[.;:]\s|\bincluding\s|\bwith\s|\band\s|,\s)")


def _introduced_side(text: str, word: str, parties: tuple[str, ...]) -> str | None:
    """The side of the person `word` names, from where the statement introduces them with a
    title that gives it: before the name ("South African President Jacob Zuma … Zuma
    condemned …", "Colombia's foreign minister, Fernando A"), or after it ("B, UK Secretary
    of State for …")."""
    if word.lower() in TITLE_WORDS or gazetteer.code_for(word):
        return None
    for mention in re.finditer(rf"\b{re.escape(word)}\b", text):
        # within the mention's sentence (an initial's stop ends none), at most 100 back
        window = max(0, mention.start() - 100)
        stops = [m.end() for m in _SENTENCE_STOP.finditer(text, window, mention.start())]
        begin = stops[-1] if stops else window
        # the whole name: "Lee" may be the first of "Lee Hsien Loong"
        end = _NAME_GOES_ON.match(text, mention.end()).end()  # type: ignore[union-attr]
        before = _CAPITALISED_RUN.search(text, begin, mention.start())
        starts = [before.start()] if before else []
        starts += [m.end() for m in _TITLE_MAY_BEGIN.finditer(text, begin, mention.start())][::-1]
        spans = [(start, end) for start in starts]
        if before is not None:
            # the title after the name, to one of its next commas ("B, UK Secretary of State
            # for Foreign, Commonwealth …")
            commas = [end + m.start() for m in re.finditer(",", text[end : end + 120])]
            spans += [(before.start(), stop) for stop in commas[1:4]]
        for start, stop in spans:
            official = parse_official(text[start:stop])
            if official and official.party in parties and word in official.name.split():
                return official.party
    return None


_SENTENCE_STOP = re.compile(r"(?<!\b[A-Z])\.\s|\n")
_NAME_GOES_ON = re.compile(r"(?:\s+[A-Z][\w’'-]+)*")


# The clause of the verb inside a longer subject: what follows a reporting verb ("…, saying
# the Pakistani government strongly condemned …", "A noted that Azerbaijan condemns …").
_REPORTED = re.compile(rf"\b(?:{REPORTING_VERBS})\s+(?:that\s+)?|\bthat\s+")
# An opening phrase before the subject ("Addressing a joint press meet, Mr A condemned …",
# "During the phone call, B expressed …"): it names no one who condemned.
_OPENING = re.compile(
    r"^\s*(?:[A-Z][a-z]+ing|During|At|In|On|After|Following|While|Speaking|Ahead\s+of)\b"
    r"[^,;]{0,120},\s+"
)
# A relative clause about the subject ("A, who was himself a hostage of …, condemned"), or a
# phrase set off by commas after it ("A, in phone talks with her Israeli counterpart, B,
# condemned …": whom the subject spoke to names no one who condemned).
_RELATIVE = re.compile(
    r",\s+(?:who|which)\s+[^,;]+,?|,\s+(?:in|during|at|after|while|on)\s+[^;]+,\s*$"
)
# "The minister expressed X and condemned Y": the subject is the words before the first
# verb of the first clause.
_FIRST_VERB = re.compile(
    r"\s+(?:(?:also|again|further|then)\s+)?(?:[a-z]{3,}ed|said|met|held|spoke|took|gave|"
    r"is|was|were|are|"
    # ("Türkiye shares the pain of the Pakistani people and condemns …")
    r"shares|expresses|extends|offers|conveys|stands|reiterates|reaffirms|voices|joins)\b"
)


@lru_cache(maxsize=512)
def _subject_clauses(subject: str) -> tuple[str, ...]:
    """The subject of the verb from the narrowest reading to the whole words before it: after
    a reporting verb, without an opening phrase or a relative clause, and, when the verb is
    the second of its clause ("A expressed X and condemned Y"), only the words before the
    first (the object of the first verb names no one who condemned). Cached: the first-person
    test and `_who` ask for the same subject."""
    narrow = subject
    reported = list(_REPORTED.finditer(narrow))
    if reported:
        narrow = narrow[reported[-1].end() :]
    narrow = _OPENING.sub("", narrow, count=1)
    narrow = _RELATIVE.sub("", narrow)
    if re.search(r"\band\s+(?:(?:also|strongly|firmly|\w+ly)\s+)?$", narrow):
        first = _FIRST_VERB.search(narrow)
        if first:
            return (narrow[: first.start()],)
    return (narrow, subject) if narrow.strip() and narrow != subject else (subject,)


# A body of government named with no state ("Khartoum — The Ministry of Foreign Affairs has
# strongly condemned …"): the dateline's state, as an official with no state is.
_OWN_BODY = re.compile(
    r"(?:[Tt]he\s+)?(?:(?:Foreign|Interior)\s+)?(?:Ministry|Government|Presidency|Cabinet)\b"
    # ("the Ministry of Foreign and Expatriate Affairs", "… of Foreign Affairs and Trade")
    r"(?:\s+of\s+(?:Foreign|External|Interior|Home)(?:\s+and\s+[A-Z]\w+)?\s+Affairs"
    r"(?:\s+and\s+[A-Z]\w+(?:\s+[A-Z]\w+)?)?)?\s*(?:has|have)?\s*(?:\w+ly)?$"
)
# A quotation's start of adverbs alone: 'the president “utterly condemns …”'.
_NO_ONE = re.compile(r"\s*(?:\w+ly\s*)*")
# A subject that is the speaker alone: "We condemn …", "I strongly condemn …".
_FIRST_PERSON = re.compile(r"^\s*(?:We|I)\s+(?:(?:also|too|again|\w+ly)\s+)*$")
_THEY = re.compile(r"^\s*They\s+(?:(?:also|too|again|have|had|\w+ly)\s+)*$")
# When, after the subject: "A on Thursday held …".
_WHEN_AFTER = re.compile(r"\s+(?:on|last|this|yesterday|today|earlier)\b.*$", re.S)
# The dateline's words before the subject ("ISLAMABAD: Foreign Minister A …").
_DATELINE_WORDS = re.compile(r"^\s*[A-Z][A-Z .’'-]+(?::|\s+[-–—])\s*")


def _who(
    subject: str,
    parties: tuple[str, ...],
    officials: dict[str, str],
    text: str = "",
    home: str | None = None,
    items: Sequence[str] = (),
) -> tuple[str, ...]:
    clauses = _subject_clauses(subject)
    for clause in clauses:
        who = _who_in(clause, parties, officials, text)
        if who is not None:
            return who
    # "ISLAMABAD: Foreign Minister A … condemned …": an official whose title names no state,
    # in a statement datelined in a side's capital, is of that side
    words = _WHEN_AFTER.sub("", _DATELINE_WORDS.sub("", clauses[0])).strip(" ,")
    official = parse_official(words)
    titled = official is not None and official.title and official.party is None
    if home is not None and ((home in parties and titled) or _OWN_BODY.match(words)):
        # (a ministry with no state speaks for the dateline's, whether or not the statement
        # is about it: "Amman (Petra) - The Ministry of Foreign Affairs condemned …")
        return (home,)
    # "Foreign Secretary A condemned this morning's attack in Kashmir": a subject that names
    # no side, in one government's statement on an attack in the other state, is its own side
    return _not_the_struck(items, parties, text) or parties


# "the ambassador", "the envoy" as the whole subject; "Argentina's Ambassador to India",
# "the Ambassador of Argentina to India": who sent the envoy introduced.
_THE_ENVOY = re.compile(r"\s*[Tt]he\s+(?:[Aa]mbassador|[Ee]nvoy)\s*")
_ENVOY_OF = re.compile(
    r"(?P<state>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)[´’']s\s+(?:Ambassador|Envoy)\s+to\b"
    r"|\b(?:Ambassador|Envoy)\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+to\b"
)


def _who_in(
    subject: str, parties: tuple[str, ...], officials: dict[str, str], text: str
) -> tuple[str, ...] | None:
    """Who the words `subject` say condemned, or None when they do not tell."""
    grouped = multilateral.with_members(subject, 0, len(subject))
    if grouped:
        return grouped  # "The United States and the GUUAM member states … denounce …"
    if _BOTH.search(subject):
        return parties
    mentions = gazetteer.mentions(subject)
    # "The Embassy of Iran in Pakistan": the state the subject is in is not who speaks, nor a
    # state named in an aside ("MINREX by its Spanish acronym")
    asides = [m.span() for m in _ASIDE.finditer(subject)]
    hosted = {
        m.code
        for m in mentions
        if re.search(r"\b(?:in|for|to)\s+(?:the\s+)?$", subject[: m.start])
        or any(a <= m.start < b for a, b in asides)
    }
    named = tuple(sorted({m.code for m in mentions} - hosted or {m.code for m in mentions}))
    if named:
        return named
    # "Moscow has strongly condemned …": a capital speaking for its state
    capitals = {gazetteer.CAPITALS[w] for w in _WORD.findall(subject) if w in gazetteer.CAPITALS}
    if len(capitals) == 1 and len(subject.split()) <= 4:
        return tuple(capitals)
    # "The Quad unequivocally condemns …": a grouping as the whole subject, its members
    if len(subject.split()) <= 5:
        members = multilateral.grouping_members(subject)
        if members:
            return members
    # "The ambassador condemned …" after "Argentina's Ambassador to India, A": the state that
    # sent the one envoy the statement introduces
    if _THE_ENVOY.fullmatch(subject):
        sent = {
            code
            for m in _ENVOY_OF.finditer(text)
            if (code := gazetteer.code_for(m.group("state") or m.group("of")))
        }
        if len(sent) == 1:
            return tuple(sent)
    # "Ambassador Kobayashi condemned …": a leader named alone speaks for their side.
    words = _WORD.findall(subject)
    sides = {officials[w.lower()] for w in words if w.lower() in officials}
    if not sides and text:
        # a person who led no delegation, introduced elsewhere with their side's title
        sides = {side for w in words if (side := _introduced_side(text, w, parties))}
    return tuple(sides) if len(sides) == 1 else None


_ADVERBS_AFTER = re.compile(r"(?:\s+(?:\w+ly|also|again|has|have|had|today|yesterday))+\s*$")
# A subject that is a person's name alone: one to three capitalised words.
_LONE_NAME = re.compile(
    r"(?!(?:We|I|They|He|She|It|The|This|That|These|Both|All|Our)\b)"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}"
)


# What "it" stands for after the verb: an attack, or terrorism, named earlier in the sentence.
_ATTACK_NAMED = re.compile(
    r"\b(?:the|this|that|an?)\s+(?:[\w-]+\s+){0,3}?(?:attacks?|bombings?|blasts?|explosions?"
    r"|acts?\s+of\s+terror(?:ism)?)\b"
    # ("Saturday's attack")
    r"|\b\w+['’]s\s+(?:[\w-]+\s+){0,2}?(?:attacks?|bombings?|blasts?)\b"
    # ("terrorism is not to be tolerated … and Japan firmly condemns it")
    r"|\bterrorism\b"
)


def _antecedent(text: str, sentence: Sentence, verb: int) -> list[str]:
    """The attack (or terrorism) named last before the verb in its sentence, else none."""
    named = list(_ATTACK_NAMED.finditer(text, sentence.start, verb))
    return [named[-1].group()] if named else []


def find(
    reading: Reading,
    parties: tuple[str, ...],
    officials: dict[str, str] | None = None,
    met: bool = True,
) -> list[Condemnation]:
    """Condemnations, one per set of condemning parties, items merged across passages.
    `officials` maps each word of a delegation leader's name (lowered) to their side; `met`
    says whether the statement reports a meeting of the sides (held or to come)."""
    officials = officials or {}
    text = reading.text
    # "They have strongly condemned …" after "President A and Prime Minister B sent messages
    # …": in one government's statement, with no meeting of the sides, "they" are its own
    # speakers, not both sides
    own_they = not met and not _JOINT.search(text)
    city = reading.dateline.city
    home = gazetteer.CAPITALS.get(city.title() if city and city.isupper() else city or "")
    found: list[tuple[tuple[str, ...] | None, str, list[str], bool, Sentence]] = []
    for sentence in reading.candidates(_VERB):
        if noise.is_negated(sentence.text):
            continue
        for verb in VERB.finditer(text, sentence.start, sentence.end):
            # 'Singapore “strongly condemns” the attack': the verb quoted is the speaker's word,
            # no quotation of someone else's
            closing = _QUOTED_VERB.match(text, verb.end())
            quoted_verb = closing and _QUOTE_OPENED.search(
                text, max(sentence.start, verb.start() - 30), verb.start()
            )
            opened = -1 if quoted_verb else _open_quote(text, sentence.start, verb.start())
            clause_start = max(
                sentence.start, text.rfind(";", sentence.start, verb.start()) + 1, opened
            )
            subject = text[clause_start : verb.start()]
            if _PASSIVE.search(subject[-40:]) and not _AGENT.match(text, verb.end(), sentence.end):
                continue  # "it must be denounced everywhere": a principle, no one condemning
            # (a quotation of the words of emphasis right after the verb ends nothing)
            emphasis = _STRONGEST.match(text, verb.end(), sentence.end)
            after = closing.end() if closing and quoted_verb else verb.end()
            end = _object_end(text, emphasis.end() if emphasis else after, sentence.end)
            phrase = text[after : end.start() if end else sentence.end]
            # ("Oman condemned on Sunday the two attacks …": the day is when, not what)
            phrase = _DAY_FIRST.sub("", phrase)
            strongest = _STRONGEST.search(phrase)
            if strongest:
                phrase = phrase[: strongest.start()] + phrase[strongest.end() :]
            items = _items(phrase)
            if items in (["it"], ["this"], ["the action"], ["the act"], ["the incident"]):
                # "Norway was shocked by the attack and condemns it", "… described Saturday's
                # attack as cowardly and condemned the action": the attack named before
                items = _antecedent(text, sentence, verb.start())
            if not items or not any(_of_the_genre(item) for item in items):
                continue  # "condemned the occupation of the territories": not of the genre
            # "We condemn …": the speaker, known only once the statement's other passages are
            # (a "we" in quotation marks is whoever the quotation is from)
            quoted = text[clause_start - 1 : clause_start] in ("“", '"')
            narrow = _subject_clauses(subject)[0]
            if quoted and _NO_ONE.fullmatch(narrow):
                # 'the office said the president “utterly condemns …”': the subject is before
                # the quotation mark, not inside it
                subject = text[max(sentence.start, clause_start - 121) : clause_start - 1]
                narrow, quoted = _subject_clauses(subject)[0], False
            first_person = (_FIRST_PERSON.match(narrow) or (own_they and _THEY.match(narrow))) and (
                not quoted or _own_quote(text, verb.end(), sentence.end)
            )
            # ("Moussavi strongly condemned …" after "Iranian Foreign Ministry Spokesman Seyed
            # Abbas Mousavi condemned …": a name alone is the statement's one speaker, if any)
            bare = _ADVERBS_AFTER.sub("", narrow).strip(" ,")
            lone = _LONE_NAME.fullmatch(bare) and not gazetteer.mentions(bare)
            who = (
                None
                if first_person or lone
                else _who(subject, parties, officials, text, home, items)
            )
            if who is not None and not who:
                continue
            strongly = bool(STRONGLY.search(text, clause_start, verb.end()) or strongest)
            found.append((who, subject, items, strongly, sentence))
    # "South Africa condemns the attack … We condemn in the strongest terms this cruel act":
    # a statement that names one side condemning speaks for that side when it says "we".
    speakers = {who for who, *_ in found if who}
    speaker = speakers.pop() if len(speakers) == 1 else None
    resolved = []
    for who, subject, items, strongly, sentence in found:
        if who is None:
            who = speaker or _who(subject, parties, officials, text, home, items)
            if not who:
                continue
        resolved.append((who, items, strongly, sentence))
    # "The President condemned the attack in Dhaka. … India condemns terrorism in all its
    # forms.": a sentence of its own that condemns terrorism in general is a second
    # condemnation, beside the one of the attack (in one sentence, the two are one).
    attacks = {(who, sentence.start) for who, items, _, sentence in resolved if not _general(items)}
    merged: dict[tuple[tuple[str, ...], bool], Condemnation] = {}
    for who, items, strongly, sentence in resolved:
        apart = _general(items) and any(
            side == who and start != sentence.start for side, start in attacks
        )
        entry = merged.setdefault((who, apart), Condemnation(who, [], False))
        known = {_fold(i) for i in entry.condemned}
        for item in items:
            if _fold(item) not in known:
                entry.condemned.append(item)
                known.add(_fold(item))
        entry.strongly = entry.strongly or strongly
        entry.passages.append(sentence)
    return list(merged.values())


# What only a statement of two sides together says.
_JOINT = re.compile(
    r"\b(?:[Jj]oint\s+(?:[Ss]tatement|[Dd]eclaration|[Cc]ommuniqu)|(?:two|both)\s+(?:sides|leaders|"
    r"ministers|countries|governments|delegations|presidents|prime\s+ministers))"
)
# The place an attack condemned was in: "… in a church in Cairo", "… in Egypt", "the Kabul
# attack".
_PLACE_IN = re.compile(
    # ("in the cities of Kabul, Mazar-i-Sharif and Kunduz": the first city named)
    # ("… Condemn Terrorist Acts In Colombo": a headline's capital "In" too)
    r"\b[Ii]n\s+(?:the\s+(?:(?:cities|city|towns?|provinces?)\s+of\s+)?)?"
    r"(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
    r"|\b(?P<before>[A-Z][\w’'-]+)\s+(?i:attacks?|bombings?|blasts?)\b"
)


# "the terrorist attack in Iraq", "attacks at a hotel in the Kenyan capital", "villages were
# attacked by terrorists in northeastern Nigeria": where the statement says an attack was.
_ATTACK_IN = re.compile(
    r"\b(?i:attack(?:s|ed)?|bombings?|blasts?|explosions?)\b[^.;\n]{0,60}?\bin\s+(?:the\s+)?"
    r"(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)ern\s+|central\s+)?"
    # (a headline's place ends with its line: "… bombing in Baghdad\nThe Ministry …")
    r"[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)?"
)


_ASIDE = re.compile(r"\s*\([^()]*\)")


_MISSION_BEFORE = re.compile(r"\b(?:Embassy|Consulate(?:\s+General)?|High\s+Commission)\s+$")


def _struck(items: Sequence[str]) -> set[str]:
    """The states the items say were attacked: named, or by a city of theirs."""
    struck: set[str] = set()
    for item in items:
        # ("the attack by the IS group (outlawed in Russia)": an aside names no place struck)
        item = _ASIDE.sub("", item)
        struck |= {m.code for m in gazetteer.mentions(item)}
        places = (
            m.group("place") or m.group("before")
            for m in _PLACE_IN.finditer(item)
            # ("the attack against the U.S. Embassy in Ankara": the embassy's state was struck,
            # not the state it stands in)
            if not _MISSION_BEFORE.search(item, 0, m.start())
        )
        struck |= {code for p in places if (code := gazetteer.city_code(p))}
    return struck


def _not_the_struck(items: Sequence[str], parties: tuple[str, ...], text: str) -> tuple[str, ...]:
    """ "We strongly condemn the attack … in a church in Cairo" in one government's statement
    about the attack on another state: the speaker is the side the attack was not in (where
    the statement is not the two sides' together)."""
    struck = _struck(items)
    if not struck:
        # "We … strongly condemn such heinous attacks" after "the terrorist attack in Iraq":
        # the attack's place is where the statement first says it was
        told = _ATTACK_IN.search(text)
        struck = _struck([told.group()]) if told else set()
    rest = [p for p in parties if p not in struck]
    if not (struck & set(parties)) or len(rest) != 1 or _JOINT.search(text):
        return ()
    # (a state named only inside a compound, "the Iran-backed militia", speaks for no one)
    named = any(
        m.code == rest[0] and text[m.end : m.end + 1] != "-" for m in gazetteer.mentions(text)
    )
    return (rest[0],) if named else ()


# Terrorism condemned in general, no act named: "terrorism in all its forms and
# manifestations", "all forms of terrorism", "terrorism and violent extremism".
_IN_GENERAL = re.compile(
    r"(?:all\s+(?:forms|acts)\s+of\s+)?(?:international\s+|cross-border\s+)?terrorism"
    r"(?:\s+and\s+(?:violent\s+)?extremism)?(?:\s+in\s+(?:all|any)\s+(?:of\s+)?(?:its|their)\s+"
    # ("terrorism in all its form": the singular, as a statement may spell it)
    r"forms?(?:\s+and\s+manifestations?)?)?",
    re.I,
)


def _general(items: Sequence[str]) -> bool:
    """Whether every item condemned is terrorism in general, no act or group named."""
    return all(_IN_GENERAL.fullmatch(re.sub(r"^(?:the|any)\s+", "", i.strip())) for i in items)


# A quotation of the verb alone: it opens just before it (after its adverbs) and closes after.
_QUOTED_VERB = re.compile(r"[”\"]")
_QUOTE_OPENED = re.compile(r"[“\"](?:\w+ly\s+)*$")
# Who a quotation is from, after it closes: '…," the ministry said', '…” said the spokesman'.
_QUOTED_FROM = re.compile(
    rf"[”\"]\s*,?\s*(?:(?P<who>[^,.;”\"]{{2,60}}?)\s+(?:{REPORTING_VERBS})\b|"
    rf"(?:{REPORTING_VERBS})\s+(?P<after>[^,.;”\"]{{2,60}}))"
)
# The statement's own speaker, named by no state: "the ministry", "the spokesperson", "he".
_OWN_SPEAKER = re.compile(
    r"(?:the\s+)?(?:(?:foreign|interior|external\s+affairs)\s+)?(?:ministry|spokes(?:person|man|"
    r"woman)|statement|press\s+release|department|government|embassy)\b(?:\s+in\s+a\s+[\w\s]+)?"
    r"|he|she|it|they",
    re.I,
)


def _own_quote(text: str, start: int, end: int) -> bool:
    """Whether the quotation open at `start` is the statement's own speaker's (" '… we
    condemn …,' the ministry said"), not another body's (" '…,' the UN said")."""
    found = _QUOTED_FROM.search(text, start, end)
    if found is None:
        return False
    words = (found.group("who") or found.group("after")).strip()
    return bool(_OWN_SPEAKER.fullmatch(words)) and not gazetteer.mentions(words)


def _open_quote(text: str, start: int, end: int) -> int:
    """Where a quotation still open at `end` begins (after its mark), or -1: a word quoted
    and closed before the verb ("the ministry “strongly” condemned") opens no clause."""
    curly = text.rfind("“", start, end)
    if curly >= 0 and "”" in text[curly:end]:
        curly = -1
    straight = text.rfind('"', start, end)
    if straight >= 0 and text.count('"', start, end) % 2 == 0:
        straight = -1
    return max(curly, straight) + 1 if max(curly, straight) >= 0 else -1


def _fold(value: str) -> str:
    return re.sub(r"\W+", " ", value.lower()).strip()
