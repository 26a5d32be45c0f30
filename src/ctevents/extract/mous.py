"""Memoranda of Understanding signed: subject, signing bodies, signatories, date, place.

A signing in the past perfect or in a year gone by ("had signed", "signed in 2016") is
background; a future one ("will sign") has not happened; both yield nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from ctevents.events import Signatory
from ctevents.extract import dates, gazetteer, multilateral, noise
from ctevents.extract.lexicon import REPORTING_VERBS
from ctevents.extract.people import officials_with_known, split_officials
from ctevents.extract.places import PARTICLES
from ctevents.extract.reading import Reading, sentences_at
from ctevents.extract.segment import Sentence
from ctevents.extract.starts import fast

# "a Memorandum on information exchange": a memorandum named by its subject alone.
# The nouns of an agreement counted as a memorandum when it is signed.
_AGREEMENT_NOUNS = ("agreement", "pact", "accord", "deal")
_AGREEMENT = rf"(?i:{'|'.join(_AGREEMENT_NOUNS)})"
_MOU = (
    # ("a Memo of Understanding (MoU) on internal security")
    r"(?i:memorandums?|memoranda|memos?)\s+(?i:of)\s+(?i:understanding)|MoUs?|MOUs?"
    # ("signed a declaration of intent to counter terrorism": an instrument of the same kind)
    r"|(?i:declarations?\s+of\s+intent)"
    r"|(?i:memorandum)(?=\s+on\s+(?!behalf\b))"
    # "signed an agreement on combating terrorism", "a pact to fight organised crime": an
    # agreement or pact signed, named by its subject or purpose, is counted as a memorandum
    # ("an agreement with the United Kingdom on law enforcement": the other side first)
    # ("inked a deal Thursday concerning …": the day it was signed between)
    rf"|{_AGREEMENT}(?=(?:\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?"
    r"(?:\s+with\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+on\s"
    # ("Agreement between the Government of A and the Government of B on cooperation …")
    r"|\s+between\s+the\s+Governments?\s+of\s+[^.;]{3,100}?\s+on\s"
    r"|\s+(?:on|to|for|aimed\s+at|regarding|concerning|"
    # ("signed the deal on a state visit": when, not what)
    r"in\s+the\s+(?:field|area)s?\s+of|in\s+which)\s+(?!behalf\b|(?:an?|the|his|her|their)\s+"
    r"(?:[\w-]+\s+)?visit\b)"
    # "they signed an agreement October 7 that establishes a basis for cooperation in …"
    r"|(?:\s+(?:on\s+)?[A-Z][a-z]+\s+\d{1,2}(?:,\s+\d{4})?)?\s+that\s+(?:establishes|provides|sets\s+up|creates)\b"
    # "The agreement signed in Washington by A and B would …", "The agreement was signed
    # Wednesday by A and B": named by who signed it
    r"|\s+(?:was\s+)?signed\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?"
    r"(?:in|at|by|today|yesterday)\b))"
    # "signed a refreshed security cooperation agreement": named by the topic before it
    r"|(?:(?<=[Ss]ecurity\s)|(?<=[Cc]ooperation\s)|(?<=[Tt]errorism\s)|(?<=-[Tt]error\s))"
    rf"{_AGREEMENT}"
)
MOU = re.compile(rf"\b(?:{_MOU})\b")
# What is signed, named in a sentence about the signing ("… to sign the agreement with B").
_SIGNED_THING = r"(?:agreement|memorandum|MoU|MOU|accord|pact|deal)"
# Words of praise before an agreement's topic ("a landmark security agreement"): not its topic.
_PRAISE = r"(?:new|historic|bilateral|trilateral|landmark|important)"
# "The memorandum was signed …" after an MoU is named: that MoU again.
# "It was signed by …" in the sentence after: the MoU just named.
_ANAPHOR = re.compile(
    r"\b[Tt](?:he|his)\s+(?:memorandum|document|deal)\b|\bIt\s+was\s+(?:signed|inked)\s+by\b"
    # "The agreement was signed by A and B" after the MoU is named
    r"|\bThe\s+agreement\s+was\s+(?:signed|inked)\s+by\b|\b[Tt]he\s+agreement,\s+signed\b"
    # "… A signed with his Iraqi counterpart, B, … a Memorandum of …" after the MoU is named
    r"|\bsigned\s+with\s+(?:his|her|their)\s+[A-Z][\w-]+\s+counterparts?\b"
    # "A and B signed on behalf of X and Y respectively" after the MoU is named
    r"|\bsigned\s+on\s+behalf\s+of\b[^.;]+\brespectively\b"
    # "Signing for Chile was …" after the MoU is named
    r"|\b[Ss]igning\s+for\s+(?:the\s+)?[A-Z]"
    # "A, TITLE, was in Lima last week to sign the agreement with B, TITLE" after it is named
    rf"|\bto\s+sign\s+the\s+{_SIGNED_THING}\s+with\b"
    # "A met with his counterpart B in Asuncion to sign the agreement" after it is named
    rf"|\bmet\s+(?:with\s+)?[^.;]+\bto\s+sign\s+the\s+{_SIGNED_THING}\b"
)
# "A, TITLE, was in Lima over the weekend to sign the agreement with B, TITLE": a signing the
# statement has reported, told as the purpose of a visit gone by.
CAME_TO_SIGN = re.compile(
    r",?\s+(?:was|were|travell?ed|came|arrived|flew)\b[^.;]{0,80}?\bto\s+sign\s+the\s+"
    rf"{_SIGNED_THING}\s+with\s+(?P<who>[^;.]+?)"
    r"(?=,?\s+(?:in|at|on)\s+[A-Z]|[.;]|$)"
)
# "A met with his Paraguayan counterpart B in Asuncion, Paraguay, to sign the agreement": the
# one met is the other signatory.
MET_TO_SIGN = re.compile(
    r",?\s+met\s+(?:with\s+)?(?P<who>[^;.]+?)(?:,?\s+(?:in|at)\s+[A-Z][^;.]*?)?,?\s+to\s+sign\s+"
    rf"the\s+{_SIGNED_THING}\b"
)
# "A, TITLE, and B, TITLE, signed on behalf of X and Y respectively": each for the side in
# the same place of the second list.
RESPECTIVELY = re.compile(
    r",?\s+signed\s+on\s+behalf\s+of\s+(?:the\s+)?(?P<sides>[A-Z][^.;]*?),?\s+respectively\b"
)
# "Australia has concluded MOUs on counter-terrorism with Indonesia, Fiji, …": memoranda in
# the plural, with no day given, are a summary of past agreements, not one signed.
_PLURAL = re.compile(r"\b(?:[Mm]emoranda|MoUs|MOUs)\b")
# ("has entered into a Memorandum of Understanding with …")
SIGNED = re.compile(r"\b(?:signed|signing|inked|exchanged|concluded|entered\s+into)\b", re.I)
_BACKGROUND = re.compile(
    r"\bhad\s+(?:been\s+)?(?:signed|inked)|\bpreviously\b|\bearlier\s+signed"
    r"|\bsigned\b[^.;\d]{0,100}?\bin\s+(?:[A-Z][a-z]+,?\s+)?(?:19|20)\d\d\b"
    r"|\b(?:review(?:ed|ing)?|implementation|implementing)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:MoU|MOU|[Mm]emorandum)"
    # "since the signing of the … Memorandum of Understanding … on July 11, 2017"
    r"|\bsince\s+the\s+signing\b"
    r"|\b(?:will|would|to)\s+(?:be\s+)?sign|\bproposed\b"
    # "Ethiopia has signed a cooperation agreement with most African countries": a summary
    r"|\bwith\s+(?:most|many|several|all|various|a\s+number\s+of)\s+(?:[\w-]+\s+){0,2}"
    r"(?:countries|states|nations|partners)\b",
    re.I,
)
# Its first characters stated (see `starts`): the same matches, sooner.
_BACKGROUND = fast(_BACKGROUND)
_WEEKDAY, _MONTH = dates.WEEKDAY_NAMES, dates.MONTH_NAMES
# "an MoU on Monday to …", "an MoU on July 23": a day after "on" is the signing's date,
# never the subject.
_NOT_A_DAY = rf"(?!{_WEEKDAY}\b|{_MONTH}\s+\d|\d)"
SUBJECT = re.compile(
    # "the MoU between the League of Arab States and the Government of Peru on …"
    # "the memorandum (MoU) with the financial intelligence unit of … concerning …"
    # ("a Memorandum of Understanding, MoU, on …": the short form set off by commas)
    rf"\b(?:{_MOU})(?:\s*\((?:MoU|MOU)\)|,\s*(?:MoU|MOU),)?"
    r"(?:\s+between\s+[^.;]{1,160}?\s+and\s+[^.;]{1,80}?"
    # "an agreement with the United Kingdom on law enforcement …"
    r"|\s+with\s+(?:the\s+)?[^.;,]{1,120}?(?=\s+(?:concerning|regarding|relating\s+to|on|"
    r"in\s+the\s+(?:field|area)s?\s+of)\s))?"
    # ("inked a cooperation deal Thursday concerning …": the day it was signed between)
    rf"(?:\s+{_WEEKDAY})?"
    r"\s+(?:on|for|regarding|concerning|relating\s+to|"
    # ("an MoU on the matter": what the sentence before was about, not a subject it names)
    rf"in\s+the\s+(?:field|area)s?\s+of)\s+(?!behalf\b|the\s+(?:matter|issue)\b){_NOT_A_DAY}"
    r"(?P<subject>.+?)"
    # ("… on 11th, November, 2017": an ordinal day)
    rf"(?=\s+(?:on\s+(?:{_WEEKDAY}|{_MONTH}\s+\d|\d+(?:st|nd|rd|th)?|the\s+\d+(?:st|nd|rd|th)?)|"
    r"between|was|were|is|at|in\s+[A-Z]\w*|during|by|with|signed|and\s+(?:was|were)|"
    r"(?:along|together)\s+with)\b"
    # ("concerning military, security and counter-terrorism": a list of subjects goes on)
    r"|,(?!\s*[\w-]+\s+and\s+[\w-]+\b)|[.;]|$)"
)
# "an MoU was also signed for cooperation in the field of marine industry": the subject after
# the passive verb.
SUBJECT_AFTER_SIGNED = re.compile(
    rf"\b(?:{_MOU})\s+(?:was|were)\s+(?:also\s+)?(?:signed|inked|concluded)\s+"
    r"(?:on|for|regarding|concerning|in\s+the\s+(?:field|area)s?\s+of)\s+"
    # ("The MoU was signed on the occasion of the dialogue in Kabul": when, not what)
    r"(?!the\s+(?:occasion|sidelines?|margins?)\s+of\b|behalf\s+of\b)"
    rf"{_NOT_A_DAY}(?P<subject>[a-z].+?)"
    r"(?=[,;]|\.\s|\.$|$|\s+(?:between|by|in\s+[A-Z]|at\s+the|during|on\s+the)\b)"
)
# "The MoU establishes a formal framework for cooperation in combating …": what a memorandum
# signed without a subject named is, said in a sentence of its own.
DESCRIBED = re.compile(
    rf"\s*(?:The|This)\s+(?:{_MOU}|memorandum|agreement)\s+(?:establishes|provides\s+for|covers|"
    r"sets\s+out|creates)\s+(?P<subject>[a-z][^.;]+?)(?=[.;]|,\s+(?:and\s+)?(?:it|which)\b|$)"
)
# "The MoU signed today by A and B strengthens the framework for combating terrorism", "The
# agreement signed in Washington by A and B would strengthen the exchange of …": what an MoU
# named without a subject does, said of it in any sentence about it.
DOES = re.compile(
    rf"\b[Tt](?:he|his)\s+(?:{_MOU}|memorandum|agreement)(?:\s*\((?:MoU|MOU)\))?"
    # (the signers' titles may hold initials: "by U.S. Attorney General A")
    r"(?:,?\s+signed\s+(?:[^.;]|(?<=\b[A-Z])\.){0,160}?,?)?\s+"
    r"(?:(?:would|will|is\s+to|is\s+meant\s+to|is\s+intended\s+to)\s+)?"
    r"(?:establish(?:es)?|strengthen(?:s)?|provides?\s+for|covers?|sets?\s+out|creates?|"
    r"aims\s+to|seeks\s+to|allows\s+for|enables?|enhances?|boosts?)\s+"
    r"(?P<subject>[a-z][^.;]+?)(?=[.;]|,\s+(?:and\s+)?(?:it|which|said|noted)\b|,\s+[A-Z]|"
    r",\s+(?:the\s+)?[\w-]+\s+(?:said|noted|added|stated)\b|$)"
)
# "The key objective of the MoU is to exchange information …": what it is for, said of it.
OBJECTIVE = re.compile(
    rf"\b(?:[Tt]he\s+)?(?:(?:key|main|chief|primary)\s+)?(?:objective|aim|purpose|goal)\s+of\s+"
    rf"(?:the|this)\s+(?:{_MOU}|memorandum|agreement)\s+(?:is|was)\s+(?:to\s+)?"
    r"(?P<subject>[a-z][^.;]+?)(?=[.;]|$)"
)
# "signed a Memorandum of Understanding, providing for law enforcement cooperation in …"
PROVIDING = re.compile(
    rf"\b(?:{_MOU}|memorandum|agreement),\s+(?:providing\s+for|covering|aimed\s+at|aiming\s+to)\s+"
    r"(?P<subject>[a-z][^.;,]+)"
)
# "signed a memorandum of understanding with Cuban Interior Minister, Vice Admiral A, for
# cooperation between …": the subject after the other signatory and their title.
SUBJECT_AFTER_WITH = re.compile(
    rf"\b(?:{_MOU})\s+with\s+[^.;]{{1,160}}?,\s+(?:for|on|concerning|regarding)\s+"
    r"(?P<subject>[a-z][^.;,]+?)(?=[,.;]|\s+(?:in|at|during|on)\s+[A-Z]|$)"
)
# "… agreed to jointly prevent terrorism, human trafficking and organised crime. A memorandum
# of understanding was signed by A and B": the purpose the sentence before gives.
AGREED_TO = re.compile(
    r"\bagreed\s+to\s+(?P<subject>(?:jointly\s+|further\s+)?[a-z][^.;]+?)(?=[.;]|,\s+(?:which|as|while)\b|$)"
)
# "signed a memorandum of understanding to strengthen cooperation in …": a weaker subject,
# replaced by an "MoU on …" named later.
PURPOSE = re.compile(
    # "… that promotes closer counterterrorism collaboration": the purpose in a relative clause
    # "a cooperation pact in which they agree to work together to fight terrorism"
    # "signed an MoU with the Financial Monitoring Unit of Pakistan to combat …": the other
    # side first
    rf"\b(?:{_MOU})(?:\s*\((?:MoU|MOU)\))?(?:\s+with\s+(?:the\s+)?[A-Z][^.;,]{{0,100}}?(?=\s+to\s))?"
    # ("an MOU on Thursday (Nov 14) to deepen …": the day may be bracketed after the weekday)
    rf"\s+(?:(?:on\s+)?{_WEEKDAY}\s+(?:\([^()]{{1,16}}\)\s+)?|(?:on\s+)?{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?\s+)?"
    r"(?:aimed\s+at|aiming\s+to|to|that\s+will|"
    r"that\s+(?:aims|seeks)\s+to|that(?=\s+[a-z]+s\s)|in\s+which\s+(?:they|both\s+sides|"
    r"the\s+(?:two\s+)?(?:sides|countries|parties))\s+(?:agree|agreed|pledge|pledged|commit)\s+to)\s+"
    r"(?P<subject>[a-z].+?)"
    rf"(?=,|;|\.\s|\.$|\s+(?:on\s+(?:{_WEEKDAY}|"
    r"\d+|the\s+\d+|[A-Z][a-z]+\s+\d+)|during|at\s+the|in\s+[A-Z]\w*|on\s+the\s+sidelines|"
    r"officials\s+said|the\s+\w+\s+said)\b|$)"
)
# "signed a Counterterrorism Cooperation Initiative (CCI) Memorandum of Understanding",
# "signed an anti-terrorism cooperation MoU": the subject named before the memorandum.
SUBJECT_BEFORE = re.compile(
    r"\b(?:signed|inked|concluded)\s+(?:an?|the)\s+"
    rf"(?P<subject>(?:(?!{_PRAISE}\s)"
    r"[\w()’'-]+\s+){1,5}?)"
    r"(?P<noun>(?i:memorandum)\s+(?i:of)\s+(?i:understanding)|MoU|MOU|agreement|pact|accord)\b"
)
# "signed a landmark security cooperation agreement": an agreement named by its topic, the
# noun with it (a memorandum's topic alone is `SUBJECT_BEFORE`'s).
AGREEMENT_BEFORE = re.compile(
    r"\b(?:signed|inked|concluded)\s+(?:an?|the)\s+"
    rf"(?:{_PRAISE}\s+)*"
    r"(?P<subject>(?P<topic>(?:[\w()’'-]+\s+){1,5}?)(?i:agreement|pact|accord))\b"
)
# An agreement's proper name: two or more capitalised words ending in its noun.
PROPER_NAME = re.compile(
    r"(?<![\w-])(?P<subject>(?!The\s)(?:[A-Z][\w-]*\s+(?:(?:and|of|on|for)\s+)?){2,6}"
    r"(?:Agreement|Pact|Accord))$"
)
# What makes the words before a memorandum its subject: a topic of the genre, or a name.
_TOPICAL = re.compile(r"(?i:terror|secur|crime|cooperation)|[A-Z]")
BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+)?(?P<a>[A-Z].+?)\s+and\s+(?:the\s+)?(?P<b>[A-Z].+?)"
    r"(?=[.,;]|\s+(?:on|in|at|during|was|were)\s|$)"
)
SIGNED_BY_THEM = re.compile(
    rf"\s+(?:signed|inked)\s+(?:the\s+|a\s+|an\s+)?(?:[\w()-]+\s+){{0,5}}?"
    rf"(?:{_MOU}|Memorandum|memorandum|agreement|document|deal)\b"
)
# "A, TITLE, signed with his Iraqi counterpart, B, in Baghdad, … a Memorandum …": the second
# signatory is the counterpart, of the side the demonym names.
SIGNED_WITH = re.compile(
    r",?\s+signed\s+with\s+(?:his|her|their)\s+(?P<side>[A-Z][\w-]+)\s+counterparts?,?\s+"
    r"(?P<who>[^,;]+?(?:,\s+[A-Z][^,;]+?)?)(?=,\s+(?:in|at|on)\b|,\s+[a-z]|[.;]|\s+in\s+[A-Z])"
)
# "A, TITLE, signed … along with his Chinese and Afghan counterparts, B and C respectively":
# the counterparts sign for the sides their demonyms name, in order.
ALONG_WITH = re.compile(
    r"\b(?:along|together)\s+with\s+(?:his|her|their)\s+"
    r"(?P<sides>[A-Z][\w-]+(?:(?:,\s*|,?\s+and\s+)[A-Z][\w-]+)*)\s+counterparts,?\s+"
    r"(?P<who>[^;.]+?)(?:,?\s+respectively)?(?=,?\s+(?:in|at|on)\s|[.;]|$)"
)
# "Signing for Chile was TITLE, A, and signing for Peru was TITLE, B": each for the state
# named after "for".
SIGNING_FOR = re.compile(
    r"\b[Ss]igning\s+for\s+(?:the\s+)?(?P<side>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})\s+"
    r"(?:was|were)\s+"
)
# "A signed the document along with Chinese Foreign Minister B and their Afghan counterpart
# C": the others by their own titles.
ALONG_WITH_OFFICIALS = re.compile(
    r"\b(?:along|together)\s+with\s+(?P<who>[A-Z][^;.]+?|(?:his|her|their)\s+[^;.]+?)"
    r"(?=,?\s+(?:in|at|on)\s|[.;]|$)"
)
# "A, who is leading the Pakistani delegation at the dialogue, signed": not a title
_WHO_CLAUSE = re.compile(r",?\s+who\s+(?:is|was)\b.*$", re.S)
_PLACE_AFTER = re.compile(r",?\s+(?:in|at)\s+(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")
SIGNED_BY = re.compile(
    rf"(?:\b(?:{_MOU}|[Mm]emorandum|agreement|document)\b[^.;]{{0,160}}?|\bIt\s+)\b(?:was|were)\s+(?:signed|inked)\b"
    r"[^.;]{0,60}?\bby\s+"
    # "The MoU signed on Wednesday by A and B comes in line with …"
    # "Under the agreement, signed in London by A, TITLE, and B, TITLE, the two sides …"
    rf"|\b[Tt]he\s+(?:{_MOU}|[Mm]emorandum|agreement),?\s+signed\s+(?:[^.;,]{{0,40}}?\s+)?by\s+"
)
# "signed on behalf of the State of Qatar by HE Dr. NAME and on behalf of the United States
# by Ambassador NAME": each signatory's side is the one they signed for.
ON_BEHALF = re.compile(r"\bon\s+behalf\s+of\s+(?:the\s+)?(?P<side>[^,;.]{1,60}?)\s+by\s+")
_SIGNED = re.compile(r"\bsigned\b")
_FRAME = re.compile(
    r",\s+(?:during|while|as\s+part\s+of|in\s+the\s+presence\s+of|at\s+the"
    # "… by A and B, TITLE, comes in line with …": the sentence's own verb ends the list
    r"|comes|marks|reflects|follows|is|was|will|the\s+(?:two\s+)?(?:sides|countries|parties)"
    # "… and his Spanish counterpart, B, who was visiting …": a clause about the last signer
    r"|who)\b"
    # "… Secretary of the SCRF, on 23 May 2017 in Zavidovo": when and where, not a title
    rf"|,\s+on\s+(?:the\s+)?(?:\d|{_MONTH}|{_WEEKDAY})"
    # "… and his Iraqi counterpart, B, in Tehran on Sunday": where, after the last name
    r"|,\s+in\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?(?=\s*(?:[,.;]|$|\s+(?:on|last|this)\b))"
    # "… by A and B would strengthen …": the verb of the sentence the list is subject in
    r"|\s+(?:would|will|is\s+to|aims\s+to|seeks\s+to)\s+[a-z]"
    # "… by A and B at the Ministry of Home Affairs (MHA) headquarters": the venue
    r"|\s+(?:at|in)\s+the\s+(?:[\w()’'-]+\s+){0,8}?(?:headquarters|premises|building|palace|"
    r"ceremony|secretariat)\b"
    # "… by A and B in Moscow, following their meeting", "… by A and B in Riga on Monday": the
    # place after the last name, with no comma before it (a comma and an "and" after it would
    # make it part of a title: "A, Ambassador in Moscow, and B")
    r"|\s+in\s+(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)(?=\s*(?:[.;]|$)|,\s+(?:following|after|"
    r"during|on|which|as)\b|\s+(?:on|last|this|following|after|during)\b)"
    # "… by A and B on 4 May", "…, following talks": when, and what came before
    rf"|\s+on\s+(?:the\s+)?(?:\d|{_MONTH}|{_WEEKDAY})|,\s+(?:following|after)\b"
)
# What stands between the signers and their verb: "A and Kosovan counterpart B on Thursday
# signed", "A and his Saudi counterpart have signed" (a counterpart given no name signs too,
# but names no signatory).
_BEFORE_SIGNED = re.compile(
    r"(?:,?\s+and\s+(?:his|her|its|their)\s+[A-Z][\w-]+\s+counterparts?)?"
    rf"(?:\s+(?:on\s+(?:the\s+)?(?:\d|{_MONTH}|{_WEEKDAY})[\w ,]*?|yesterday|today|last\s+week))?"
    r"(?:,?\s+(?:have|has|had|also|jointly))*,?\s*$"
)
# "signed by A on behalf of India and by B on behalf of Oman": each with the side after.
BY_ON_BEHALF = re.compile(
    r"(?:^|\s+and\s+(?:by\s+)?)(?P<who>[^,;]+?)\s+on\s+behalf\s+of\s+(?:the\s+)?"
    r"(?P<side>[A-Z][\w’' -]*?)(?=\s+and\s+|[,.;]|$)"
)
# "The Financial Intelligence Unit of Nepal and the FIU-India signed …": two bodies sign.
SUBJECT_BODIES = re.compile(
    r"^(?:The\s+)?(?P<a>[A-Z][^,;]+?)\s+and\s+(?:the\s+)?(?P<b>[A-Z][^,;]+?)\s+(?:signed|inked)\b"
)
_BODY_HEAD = re.compile(
    r"\b(?:Unit|Ministry|Agency|Bureau|Department|Centre|Center|Service|Police|Office|"
    r"Commission|Authority|Council|Directorate|Academy|Institute)\b"
)
# ("an agreement for South Africa's investment in the Lapsset project": a project, no place)
SIGNED_AT = re.compile(
    # ("in Dar es Salaam": a particle between the capitalised words of one name)
    r"\bsigned\b[^.;]{0,80}?\b(?:at|in)\s+(?:the\s+)?(?P<place>(?>[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|for|and"
    rf"|(?:{PARTICLES})(?=(?:\s+(?:{PARTICLES}))*\s+[A-Z])))*))"
    r"(?!\s+(?:project|programme|program|corridor|initiative|scheme|plan|process)\b)"
)
# Each stated with its possible first characters (see `starts`): the same matches, sooner.
MOU, SIGNED, SUBJECT, SIGNED_AT = fast(MOU), fast(SIGNED), fast(SUBJECT), fast(SIGNED_AT)


@dataclass
class MoU:
    subject: str
    parties: tuple[str, ...]
    bodies: list[str] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    date: str | None = None
    location: str | None = None
    passages: list[Sentence] = field(default_factory=list)


# An agreement or pact is the thing signed only as the object of the verb or its subject
# ("signed a security pact to …", "an agreement on … was signed"), never in "reached
# agreement on the need to …, and signed the minutes".
_SIGNED_AGREEMENT = re.compile(
    # "signed in Dushanbe an agreement on …": the place or day may come first
    r"\b(?:signed|inked|concluded)\s+(?:(?:in|at)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+"
    r"|on\s+[A-Z][a-z]+\s+|today\s+|yesterday\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,4}?"
    rf"{_AGREEMENT}\b"
    rf"|\b{_AGREEMENT}\b[^.;]{{0,120}}?\b(?:was|were)\s+(?:signed|inked|concluded)\b"
    # "The agreement signed in Washington by A and B …"
    rf"|\b{_AGREEMENT}\s+signed\s+(?:in|at|by|today|yesterday)\b",
    re.I,
)
# (the same nouns, as a found name is tested for them)
_AGREEMENT_WORDS = frozenset(_AGREEMENT_NOUNS)


def _fold(value: str) -> str:
    return re.sub(r"\W+", " ", value.lower()).strip()


def find(reading: Reading, parties: tuple[str, ...]) -> list[MoU]:
    """MoUs signed, one per subject, completed by later sentences about "the MoU"."""
    text = reading.text
    found: dict[str, MoU] = {}
    weak: set[str] = set()  # keys of MoUs known only by their purpose ("to combat …")
    last: MoU | None = None
    # Most statements sign nothing: one scan finds the sentences that name an MoU (or,
    # after one, "the memorandum"), and only those are read.
    if not SIGNED.search(text):
        return []
    named_at = [m.start() for m in MOU.finditer(text)]
    if named_at:
        named_at += [m.start() for m in _ANAPHOR.finditer(text, named_at[0])]
    for sentence in sentences_at(reading, sorted(named_at)):
        s, e = sentence.start, sentence.end
        visit = (
            CAME_TO_SIGN.search(text, s, e) or MET_TO_SIGN.search(text, s, e)
            if last and not last.signatories
            else None
        )
        if last and visit:
            _signed_on_a_visit(text, s, visit, last)
            last.passages.append(sentence)
            continue
        named = MOU.search(sentence.text) or (last and _ANAPHOR.search(sentence.text))
        described = DESCRIBED.match(sentence.text) if last and not last.subject else None
        if last and described:
            last.subject = described.group("subject")  # "The MoU establishes …"
            last.passages.append(sentence)
            continue
        listed = _listed_as_signed(text, s)
        if not named or not (SIGNED.search(sentence.text) or listed):
            continue
        if listed and not _LISTED_OF_THE_GENRE.search(sentence.text):
            continue  # a list of documents signed holds others: trade, culture, defence
        agreement = named.group().lower() in _AGREEMENT_WORDS
        if agreement and not (_SIGNED_AGREEMENT.search(sentence.text) or listed):
            continue
        if noise.is_negated(sentence.text) or _BACKGROUND.search(sentence.text):
            continue
        if (
            _PLURAL.search(sentence.text)
            and not MOU.search(_PLURAL.sub("", sentence.text))
            and not dates.first_day(reading.dates(s, e, reading.reference))
        ):
            continue
        subject_match = (
            SUBJECT.search(text, s, e)
            or _subject_before(text, s, e)
            or SUBJECT_AFTER_SIGNED.search(text, s, e)
        )
        purpose = None if subject_match else PURPOSE.search(text, s, e)
        if subject_match is None and purpose is None:
            # "signed a refreshed security cooperation agreement": an agreement's topic before
            # it, when nothing after it says what it is for
            subject_match = _subject_before(text, s, e, agreement=True)
        if subject_match is None and purpose is None:
            # "Communications Compatibility and Security Agreement, COMCASA, was signed": an
            # agreement known by its proper name
            subject_match = PROPER_NAME.search(text, s, s + named.end())
        if subject_match or purpose:
            subject = (subject_match or purpose).group("subject").strip()  # type: ignore[union-attr]
            key = _fold(subject)
            mou = found.get(key)
            if mou is None and subject_match and weak and not listed:
                # The "MoU on …" a lead announced by its purpose: one MoU, the better subject.
                mou = found.pop(weak.pop())
                mou.subject = subject
                found[key] = mou
            if mou is None and purpose and last is not None and not listed:
                mou = last
            if mou is None:
                mou = MoU(subject=subject, parties=_countries(reading, s, e) or parties)
                found[key] = mou
                if purpose or agreement:
                    # an agreement's subject gives way to a memorandum's named later
                    weak.add(key)
        elif last is not None:
            mou = last
        else:
            # "The MoU between A and B was signed by …": an MoU with no subject given.
            mou = MoU(subject="", parties=_countries(reading, s, e) or parties)
            found[f"#{s}"] = mou
            weak.add(f"#{s}")
            _named_before(reading, mou, sentence)
        last = mou
        mou.passages.append(sentence)
        _complete(reading, mou, sentence)
    for mou in found.values():
        if not mou.subject:
            _subject_told_elsewhere(reading, mou)
        grouped = _grouped_parties(mou.bodies)
        if grouped:
            mou.parties = grouped
        _assign_signatories(mou, text)
    return list(found.values())


# "The following documents were signed:" over a list of them, one to a line.
_SIGNED_LIST_HEAD = re.compile(r"\b(?:signed|inked|concluded|exchanged)\b[^.:\n]{0,40}:[ \t]*$")
_LISTED_OF_THE_GENRE = re.compile(r"terroris|extremis|radicali", re.I)
_LIST_ITEM = re.compile(r"[ \t]*(?:[-–•*·]|\d{1,2}[.)])[ \t]+\S")


def _listed_as_signed(text: str, start: int) -> bool:
    """Whether the line at `start` is an item of a list of documents signed: it and every
    line above it up to a head saying they were signed are the list's items."""
    line_start = text.rfind("\n", 0, start) + 1
    while _LIST_ITEM.match(text, line_start):
        if line_start == 0:
            return False
        head_start = text.rfind("\n", 0, line_start - 1) + 1
        if _SIGNED_LIST_HEAD.search(text, head_start, line_start - 1):
            return True
        line_start = head_start
    return False


def _subject_told_elsewhere(reading: Reading, mou: MoU) -> None:
    """The subject of an MoU its sentences name without one: what a sentence about it says it
    does, the subject after the other signatory's title, or the purpose the two sides agreed
    to in the sentence before it (whose date is then the signing's, if it had none)."""
    if not mou.passages:
        return
    text = reading.text
    # its own sentences, and the few after the first ("… signed an MoU with B.The key objective
    # of the MoU is to …")
    at = bisect_left(reading.starts, mou.passages[0].start)
    after = [s for s in reading.sentences[at + 1 : at + 4] if s not in mou.passages]
    for sentence in [*mou.passages, *after]:
        found = next(
            (
                match
                for pattern in (DOES, SUBJECT_AFTER_WITH, OBJECTIVE, PROVIDING)
                if (match := pattern.search(text, sentence.start, sentence.end))
            ),
            None,
        )
        if found:
            mou.subject = found.group("subject").strip()
            return
    before = reading.sentences[at - 1] if at > 0 else None
    agreed = AGREED_TO.search(text, before.start, before.end) if before else None
    if before is None or agreed is None or not _TOPICAL.search(agreed.group("subject")):
        return
    mou.subject = agreed.group("subject").strip()
    mou.passages.insert(0, before)
    if mou.date is None:
        day = dates.first_day(reading.dates(before.start, before.end, reading.reference))
        mou.date = day.edtf if day is not None else None


def _named_before(reading: Reading, mou: MoU, sentence: Sentence) -> None:
    """ "… a decree ratifying a memorandum of understanding on X with B. The two governments
    signed the MoU on 15 January": the memorandum's own name, said in one of the two
    sentences before the one that says it was signed, gives its subject and sides; failing
    a name, the purpose given there ("A and B have signed three memoranda aimed at
    combating … . The MoUs were signed yesterday during …")."""
    at = bisect_left(reading.starts, sentence.start)
    earlier = reading.sentences[max(0, at - 2) : at][::-1]
    for pattern in (SUBJECT, PURPOSE):
        for before in earlier:
            named = pattern.search(reading.text, before.start, before.end)
            if named and _TOPICAL.search(named.group("subject")):
                mou.subject = named.group("subject").strip()
                mou.parties = _countries(reading, before.start, before.end) or mou.parties
                mou.passages.insert(0, before)
                return


def _subject_before(
    text: str, start: int, end: int, agreement: bool = False
) -> re.Match[str] | None:
    """The subject named before the memorandum (or, with `agreement`, an agreement, pact or
    accord, the noun with it: "a security cooperation agreement"), when it says what the
    memorandum is on."""
    if agreement:
        found = AGREEMENT_BEFORE.search(text, start, end)
        return found if found and _TOPICAL.search(found.group("topic")) else None
    for found in SUBJECT_BEFORE.finditer(text, start, end):
        if found.group("noun").lower() in _AGREEMENT_WORDS:
            continue  # an agreement's topic is `AGREEMENT_BEFORE`'s, with its noun
        return found if _TOPICAL.search(found.group("subject")) else None
    return None


def _grouped_parties(bodies: list[str]) -> tuple[str, ...] | None:
    """An MoU signed by a grouping ("the Association of Southeast Asian Nations") binds its
    member states: the members and the other side's state, sorted."""
    codes: set[str] = set()
    grouped = False
    for body in bodies:
        members = multilateral.grouping_members(body)
        if members:
            codes.update(members)
            grouped = True
        else:
            codes.update(m.code for m in gazetteer.mentions(body))
    return tuple(sorted(codes)) if grouped and len(codes) > 2 else None


# "Kuwait News Agency (KUNA)": the agency that reports the signing is no party to it.
_AGENCY_AFTER = re.compile(r"\s+(?:News|Press)\s+Agency\b")
# "Place: Canberra, Australia", "… signed in Canberra, Australia", "in the capital of
# Australia": where it was signed.
_PLACE_BEFORE = re.compile(
    r"(?:(?:\b[Ii]n|\b[Aa]t|\bPlace:)\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?,"
    r"|\b(?:in|at)\s+the\s+capital\s+(?:city\s+)?of)\s*$"
)


def _known_place(place: str) -> bool:
    """A state or capital the gazetteer knows, however cased ("UAE", "DOHA")."""
    return bool(gazetteer.code_for(place)) or place.title() in gazetteer.CAPITALS


def _countries(reading: Reading, start: int, end: int) -> tuple[str, ...]:
    """Two or more countries named in the sentence as signing, in the order named (not the
    place of signing, nor a news agency's country)."""
    text = reading.text
    codes: list[str] = []
    for mention in gazetteer.mentions(text, start, end):
        if _AGENCY_AFTER.match(text, mention.end) or _PLACE_BEFORE.search(
            text, max(start, mention.start - 40), mention.start
        ):
            continue
        if mention.code not in codes:
            codes.append(mention.code)
    return tuple(codes) if len(codes) >= 2 else ()


_ABBREVIATION = re.compile(r"\((?P<abbr>[A-Z][\w-]{1,15})\)")


def _body_party(body: str, parties: tuple[str, ...]) -> str | None:
    named = [m.code for m in gazetteer.mentions(body) if m.code in parties]
    if named:
        return named[0]
    # "FIU-IND", "UAEFIU": a country's short form inside the abbreviation.
    for code in parties:
        if re.search(rf"(?<![A-Z]){code}|IND(?![A-Z])" if code == "IN" else code, body):
            return code
    return None


_ENVOY_TO = re.compile(
    r"\b(?:Ambassador|High\s+Commissioner|Envoy|Consul(?:\s+General)?|Charg[ée]\s+d['’]Affaires)"
    r"\s+(?:\w+\s+){0,3}?to\s+(?:the\s+)?(?P<host>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})"
)


# "the Security Council of the Russian Federation (SCRF)", "the National Security Council
# (NSC) of the Philippines": a body's abbreviation defined beside the state it belongs to.
_DEFINED = re.compile(
    r"(?P<name>[A-Z][\w’'-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'-]*)){1,8}?)\s+\((?P<abbr>[A-Z]{2,8})\)"
    r"(?P<after>\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})?"
)


def _defined_marks(text: str, parties: tuple[str, ...]) -> list[tuple[str, str]]:
    """(abbreviation, party) for every body the text names with its state and abbreviation."""
    marks = []
    for match in _DEFINED.finditer(text):
        named = gazetteer.mentions(match.group("name") + (match.group("after") or ""))
        codes = [m.code for m in named if m.code in parties]
        if len(set(codes)) == 1:
            marks.append((match.group("abbr"), codes[0]))
    return marks


def _assign_signatories(mou: MoU, text: str) -> None:
    """Each signatory's party from their own title: the country it names, else the signing
    body it names ("FIU-IND Director" signs for the body "Financial Intelligence Unit-India
    (FIU-IND)", "Secretary of the SCRF" for the body the text calls so), else the parties in
    the order the text names them."""
    if not mou.signatories:
        return
    marks: list[tuple[str, str]] = []  # (name or abbreviation of a body, its party)
    for body in mou.bodies:
        party = _body_party(body, mou.parties)
        if party is None:
            continue
        marks.append((re.sub(r"\s*\([^()]*\)", "", body).strip(), party))
        marks.extend((m.group("abbr"), party) for m in _ABBREVIATION.finditer(body))
    if "(" in text:
        marks.extend(_defined_marks(text, mou.parties))
    assigned: list[str | None] = []
    for signatory in mou.signatories:
        title = signatory.title or ""
        party = signatory.party if signatory.party in mou.parties else None
        envoy = _ENVOY_TO.search(title)
        if envoy and len(mou.parties) == 2:
            # "Ambassador to Morocco" signs for the side that sent them, not for Morocco.
            host = [m.code for m in gazetteer.mentions(envoy.group("host"))]
            if host and host[0] in mou.parties:
                party = next(p for p in mou.parties if p != host[0])
        for mark, code in marks:
            if (
                party is None
                and mark
                and re.search(rf"(?<![\w-]){re.escape(mark)}(?![\w-])", title)
            ):
                party = code
        assigned.append(party)
    remaining = [p for p in mou.parties if p not in assigned]
    mou.signatories = [
        Signatory(
            name=sig.name,
            title=sig.title,
            party=party or (remaining.pop(0) if remaining else sig.party),
        )
        for sig, party in zip(mou.signatories, assigned, strict=True)
    ]


_LIST_TAIL = re.compile(r"[\s,]*(?:and)?[\s,.]*$")


def _one_per_side(
    text: str,
    matches: list[re.Match[str]],
    end: int,
    side_of: Callable[[str, re.Match[str]], str | None],
) -> list[Signatory]:
    """ "on behalf of X by A, and on behalf of Y by B", "Signing for X was A, and signing
    for Y was B": the first official after each match, up to the next, signs for the side
    `side_of` reads in the match (else the side their title names)."""
    signed = []
    for index, match in enumerate(matches):
        stop = matches[index + 1].start() if index + 1 < len(matches) else end
        side = side_of(text, match)
        for official in split_officials(_LIST_TAIL.sub("", text[match.end() : stop]))[:1]:
            signed.append(
                Signatory(name=official.name, title=official.title, party=side or official.party)
            )
    return signed


def _named_in_side(text: str, match: re.Match[str]) -> str | None:
    """The first state named in the match's side ("the State of Qatar")."""
    named = gazetteer.mentions(text, match.start("side"), match.end("side"))
    return named[0].code if named else None


def _side_named(text: str, match: re.Match[str]) -> str | None:
    """The state the match's side is, named whole."""
    return gazetteer.code_for(match.group("side"))


def _signed_on_a_visit(text: str, start: int, visit: re.Match[str], mou: MoU) -> None:
    """The visitor (the clause's subject) and the official they signed with, each for the
    side their title names, else the side the other does not hold."""
    visitors = split_officials(_after_frame(text[start : visit.start()]))[:1]
    hosts = split_officials(visit.group("who"))[:1]
    for official in [*visitors, *hosts]:
        mou.signatories.append(
            Signatory(name=official.name, title=official.title, party=official.party)
        )


def _after_frame(clause: str) -> str:
    """The signatories' clause without an opening phrase ("On Monday, A and B …", "In
    Nairobi, TITLE A …", "Following talks between A and B, officials … signed")."""
    return re.sub(
        # ("On the margins of the trilateral discussions, A and B signed …")
        r"^\s*(?:(?:On|In|At)\s+[^,]{1,40},\s*|(?:Following|After|During)\s+[^,]{1,120},\s*"
        r"|On\s+the\s+(?:margins?|sidelines?)\s+of\s+[^,]{1,100},\s*)",
        "",
        clause,
    )


# "… signed during a meeting in Cairo between visiting A and his counterpart B".
_MET_BETWEEN = re.compile(
    # (signed at the meeting: "Following talks between A and B, officials … signed" names
    # who met, not who signed)
    r"\b(?:during|at)\s+(?:(?:a|the|their)\s+)?(?:[\w-]+\s+){0,3}?(?:meeting|talks)\b[^.;]{0,40}?"
    r"\bbetween\s+(?:the\s+)?(?:visiting\s+)?"
    # (the place of the meeting after the last name ends the list)
    r"(?P<who>[A-Z][^.;]+?)(?=[.;]|,\s|\s+in\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s*[.,;]|$)"
)
_SAID = re.compile(rf"\b(?:{REPORTING_VERBS})\s+(?:that\s+)?")
_MEETING_BEFORE = re.compile(r"\b(?:meeting|talks|discussions|consultations|visit)\s*$", re.I)


def _complete(reading: Reading, mou: MoU, sentence: Sentence) -> None:
    text, s, e = reading.text, sentence.start, sentence.end
    between = BETWEEN.search(text, s, e)
    if between and _MEETING_BEFORE.search(text, max(s, between.start() - 30), between.start()):
        between = None  # "signed at a meeting between A and B": who met, not who signed
    if between and not mou.bodies:
        bodies = [between.group("a").strip(), between.group("b").strip()]
        if not all(gazetteer.code_for(b) for b in bodies):
            mou.bodies = bodies
    signers = SUBJECT_BODIES.match(sentence.text) if not mou.bodies else None
    if signers and all(_BODY_HEAD.search(signers.group(g)) for g in ("a", "b")):
        mou.bodies = [signers.group("a").strip(), signers.group("b").strip()]
    if mou.date is None:
        day = dates.first_day(reading.dates(s, e, reading.reference, reading.today))
        if day is not None:
            mou.date = day.edtf
    if mou.location is None:
        at = SIGNED_AT.search(text, s, e)
        place = re.sub(r"\s+(?:and|of|for)$", "", at.group("place")) if at else ""
        # ("… on cooperation in PVE": initials are a field's, not a place's)
        if place and not (place.isupper() and len(place) <= 6 and not _known_place(place)):
            mou.location = place.rstrip("’'\"”") or None
    chunk = None
    by_them = SIGNED_BY_THEM.search(text, s, e)
    if by_them:
        chunk = _after_frame(text[s : by_them.start()])
        # "This was announced by A, who said the police chiefs, B and C, have signed …": the
        # signers are the subject of the reported clause, not the one who reported it
        said = list(_SAID.finditer(chunk))
        if said:
            chunk = chunk[said[-1].end() :]
        chunk = _BEFORE_SIGNED.sub("", chunk, count=1)
    by = SIGNED_BY.search(text, s, e)
    if by:
        # "… signed by A, TITLE, and B, TITLE, during a visit by …": the frame is no title.
        after = text[by.end() : e]
        frame = _FRAME.search(after)
        chunk = after[: frame.start()] if frame else after
        if frame and frame.group("place") and mou.location is None:
            mou.location = frame.group("place")
    if _SIGNED.search(text, s, e) and not mou.signatories:
        behalf = list(ON_BEHALF.finditer(text, s, e))
        mou.signatories.extend(_one_per_side(text, behalf, e, _named_in_side))
    with_ = SIGNED_WITH.search(text, s, e)
    if with_ and not mou.signatories:
        clause = text[s : with_.start()]
        clause = clause[clause.rfind(", ") + 2 :] if clause.count(",") > 2 else clause
        clause = _after_frame(re.sub(r"^(?:According\s+to\s+[^,]+,\s*)", "", clause))
        first = split_officials(clause)[:1]
        second = split_officials(with_.group("who"))[:1]
        side = gazetteer.code_for(with_.group("side"))
        for official in first:
            mou.signatories.append(
                Signatory(name=official.name, title=official.title, party=official.party)
            )
        for official in second:
            mou.signatories.append(
                Signatory(name=official.name, title=official.title, party=side or official.party)
            )
        chunk = None
    along = ALONG_WITH.search(text, s, e)
    if along and not mou.signatories:
        clause = _after_frame(text[s : along.start()])
        signed = _SIGNED.search(clause)
        first = split_officials(clause[: signed.start()] if signed else clause)[:1]
        sides = [gazetteer.code_for(w) for w in re.split(r",\s*|,?\s+and\s+", along["sides"])]
        others = split_officials(along.group("who"))
        for official in first:
            mou.signatories.append(
                Signatory(name=official.name, title=official.title, party=official.party)
            )
        for index, official in enumerate(others):
            side = sides[index] if index < len(sides) and len(others) == len(sides) else None
            mou.signatories.append(
                Signatory(name=official.name, title=official.title, party=side or official.party)
            )
        place = _PLACE_AFTER.match(text, along.end(), e)
        if place and mou.location is None:
            mou.location = place.group("place")
        chunk = None
    signing_for = list(SIGNING_FOR.finditer(text, s, e)) if "igning for" in sentence.text else []
    if signing_for and not mou.signatories:
        mou.signatories.extend(_one_per_side(text, signing_for, e, _side_named))
        chunk = None
    with_others = ALONG_WITH_OFFICIALS.search(text, s, e) if "with" in sentence.text else None
    signed = (
        _SIGNED.search(text, s, with_others.start())
        if with_others and not mou.signatories
        else None
    )
    if with_others and signed:
        clause = _WHO_CLAUSE.sub("", _after_frame(text[s : signed.start()]).strip(" ,"))
        first = split_officials(clause)[:1]
        others = split_officials(with_others.group("who"))
        if first and others:
            for official in [*first, *others]:
                mou.signatories.append(
                    Signatory(name=official.name, title=official.title, party=official.party)
                )
            chunk = None
    respectively = RESPECTIVELY.search(text, s, e) if "respectively" in sentence.text else None
    if respectively and not mou.signatories:
        sides = re.split(r",\s*(?:and\s+)?|\s+and\s+", respectively.group("sides"))
        officials = split_officials(_after_frame(text[s : respectively.start()]))
        for official, side in zip(officials, sides, strict=False):
            if multilateral.grouping_members(side):
                continue  # signed for a grouping: not one state's signatory
            code = gazetteer.code_for(side.strip()) or official.party
            mou.signatories.append(Signatory(name=official.name, title=official.title, party=code))
        chunk = None
    if between is None and not mou.signatories and _SIGNED.search(text, s, e):
        # "The MoU was signed during a meeting in Cairo between visiting Libya's Attorney
        # General A and his Egyptian counterpart B": the two who met, one for each side
        met = _MET_BETWEEN.search(text, s, e)
        officials = split_officials(met.group("who")) if met else []
        sides = {o.party for o in officials}
        if len(officials) == 2 and len(sides) == 2 and sides <= set(mou.parties):
            mou.signatories.extend(
                Signatory(name=o.name, title=o.title, party=o.party) for o in officials
            )
            chunk = None
    if chunk and not mou.signatories and "on behalf of" in chunk:
        for match in BY_ON_BEHALF.finditer(chunk.strip(" .")):
            side = gazetteer.code_for(match.group("side").strip())
            for official in split_officials(match.group("who"))[:1]:
                mou.signatories.append(
                    Signatory(
                        name=official.name, title=official.title, party=side or official.party
                    )
                )
    if chunk and not mou.signatories:
        # ("Yirfas and Iraqi Interior Minister B signed": the first by the surname alone)
        for official in officials_with_known(text, chunk):
            mou.signatories.append(
                Signatory(name=official.name, title=official.title, party=official.party)
            )
    if not mou.subject:
        mou.subject = ""
