"""Normal forms for matching what sources spell differently: text, person names, mechanisms.

Matching only: every model keeps the spellings the sources actually used.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

_NOT_WORD = re.compile(r"[^0-9a-z]+")
# Forms of address and courtesy titles that are not part of a name.
HONORIFICS = frozenset(
    {
        *("shri", "sri", "smt", "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"),
        *("h", "e", "his", "her", "excellency", "ambassador", "amb"),
        *("hon", "honourable", "honorable"),
    }
)
# Words that do not tell one kind of mechanism from another.
MECHANISM_FILLER = frozenset(
    {"on", "of", "the", "for", "and", "in", "at", "to", "between", "meeting"}
)


@lru_cache(maxsize=1 << 16)  # the same names and phrases recur in every rebuild
def normalise(text: str) -> str:
    """Case, accents, punctuation, spacing folded: 'Counter-Terrorism' → 'counter terrorism'."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Apostrophes join (Qa'ida → qaida); other punctuation separates words.
    bare = re.sub(r"['’‘`]", "", bare.casefold())
    return _NOT_WORD.sub(" ", bare).strip()


@lru_cache(maxsize=1 << 16)
def person_key(name: str) -> str:
    """A person's matching key: normalised name without forms of address, hyphen-joined."""
    words = [w for w in normalise(name).split() if w not in HONORIFICS]
    return "-".join(words) or normalise(name).replace(" ", "-")


def mechanism_kind(mechanism: str) -> str:
    """A mechanism's kind from its name alone, independent of word order and filler words."""
    words = sorted({w for w in normalise(mechanism).split() if w not in MECHANISM_FILLER})
    return "-".join(words)


def dialogue_key(meeting_key: str | None, parties: Sequence[str], mechanism: str | None) -> str:
    """The dialogue (parties + kind of mechanism) a meeting belongs to.

    Meeting keys read `parties/kind/ordinal-or-date` (see `ctevents.extract.keys`): the
    dialogue is the key without its last part, so the extractor's judgement of the
    kind ("Joint Working Group on Counter Terrorism" = "Counter-Terrorism Joint
    Working Group") is used as is. A fact with no such key falls back to the parties
    and the mechanism's words.
    """
    if meeting_key and meeting_key.count("/") >= 2:
        return meeting_key.rsplit("/", 1)[0]
    return f"{'-'.join(sorted(parties)) or 'XX'}/{mechanism_kind(mechanism or '')}"
