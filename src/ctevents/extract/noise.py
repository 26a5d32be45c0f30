"""Page furniture and negation: what must yield no fact.

Furniture is a line that is not part of the statement (an "Advertisement" slot, a
photo caption, a promo line). Negation is a sentence that denies the fact its
trigger word would otherwise assert ("terrorist financing was not discussed").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ctevents.extract.starts import fast

_FURNITURE = re.compile(
    r"^\s*(?:advertisement|advertisment|sponsored|also read|read more|read also|subscribe|"
    r"file photo|file image|photo|image|picture|representational|watch|click here|"
    r"follow us|share this|story continues|trending|recommended|related|listen to)\b",
    re.I,
)
# A line that is only an address, alone or after a label ("Source: https://…/uk-condemns-
# attack"): the words in it are the page's, never a sentence of the statement.
_ADDRESS_LINE = re.compile(r"(?:[\w ]{1,30}:\s*)?(?:https?://|www\.)\S+", re.I)
# Words a line of the statement itself nearly always carries.
_CONTENT_CUE = re.compile(
    r"terror|extrem|radicali|delegation|meeting|dialogue|working group|sides?\b|"
    r"countries|condemn|cooperation|secretary|minister|signed|talks|security",
    re.I,
)

_NEGATION = re.compile(
    r"\b(?:not|never|neither|nor)\b(?!\s+only)(?:\s+\w+){0,3}?\s+"
    r"(?:discuss|raise|mention|address|cover|touch|take|figure|feature|condemn|sign|held|hold|"
    r"be\s+held|take\s+place|took\s+place|on\s+the\s+agenda)\w*"
    r"|\b(?:did|was|were|is|are|has|have|had)n[’']t\s+(?:\w+\s+){0,2}?"
    r"(?:discuss|raise|mention|address|condemn|sign|held|hold)\w*"
    r"|\bno\s+(?:[\w-]+\s+){0,10}?(?:was|were|is|are|has\s+been|have\s+been)\s+"
    r"(?:discussed|raised|mentioned|signed|held|agreed|condemned)"
    r"|\bwithout\s+(?:discussing|mentioning|condemning|signing)"
    r"|\b(?:postponed|cancelled|canceled|called\s+off)\b",
    re.I,
)

# Each stated with its possible first characters (see `starts`): the same matches, sooner.
_CONTENT_CUE, _NEGATION = fast(_CONTENT_CUE), fast(_NEGATION)


def is_furniture(line: str) -> bool:
    """A line that belongs to the page, not to the statement."""
    stripped = line.strip()
    if _FURNITURE.match(stripped) or _ADDRESS_LINE.fullmatch(stripped):
        return True
    words = stripped.split()
    # A short line with no sentence end and no word of the genre is a promo or caption.
    return (
        len(words) <= 6
        and not stripped.endswith((".", ":", "”", '"'))
        and not (_CONTENT_CUE.search(stripped))
    )


# A word every branch of `_NEGATION` needs: most sentences have none and skip its branches.
_NEGATION_WORD = fast(
    re.compile(r"\b(?:not|never|neither|nor|no|without|postponed|cancell?ed|called)\b|n[’']t", re.I)
)


@lru_cache(maxsize=4096)
def is_negated(sentence: str) -> bool:
    """The sentence denies rather than asserts what it mentions."""
    return bool(_NEGATION_WORD.search(sentence) and _NEGATION.search(sentence))
