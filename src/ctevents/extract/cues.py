"""Cue words of a pattern: literal strings at least one of which every match contains.

Most rules match in few sentences of a statement. Rather than run a rule's full pattern
on every sentence, a document is scanned once for the rule's cue words (one trie
alternation, which the regex engine skips through by first character), and the full
pattern runs only on the sentences holding a cue. The cue words are derived from the
pattern's own parse tree, so they cannot drift from the rule they guard: a sentence
without a cue word cannot match, which keeps the output exactly what a full scan gives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Generic, TypeVar

from ctevents.extract.gazetteer import trie_pattern

# Characters whose case-insensitive match is not their `str.lower()` (the long s, the
# Kelvin sign, dotless and dotted i): a text holding one is scanned in full instead. Written
# as escapes: the Kelvin sign looks like a capital K, which every "Kenya" or "UK" holds.
_FOLD_EXCEPTIONS = re.compile("[\u017f\u212a\u0131\u0130]")
K = TypeVar("K")
# A cue shorter than this matches almost everywhere and would not spare any work.
_MIN_USEFUL = 2


def _options(items: Sequence[tuple[object, object]], ignore_case: bool) -> list[str] | None:
    """Strings one of which every match of the concatenation `items` contains, or None."""
    best: list[str] | None = None
    run: list[str] = []

    def consider(candidate: list[str] | None) -> None:
        nonlocal best
        if not candidate:
            return
        if best is None or _score(candidate) > _score(best):
            best = candidate

    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))  # type: ignore[arg-type]
            continue
        if op is sre.AT:
            continue  # zero-width: the literals on either side stay adjacent
        consider(["".join(run)] if run else None)
        run = []
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, body = av  # type: ignore[misc]
            if (add_flags | del_flags) & re.IGNORECASE:
                continue  # a case switch inside: its literals are not comparable
            consider(_options(body.data if hasattr(body, "data") else body, ignore_case))
        elif op is sre.BRANCH:
            consider(_branches(av[1], ignore_case))  # type: ignore[index]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, body = av  # type: ignore[misc]
            if low >= 1:
                consider(_options(body.data if hasattr(body, "data") else body, ignore_case))
    consider(["".join(run)] if run else None)
    return best


def _branches(alternatives: Sequence[object], ignore_case: bool) -> list[str] | None:
    words: list[str] = []
    for alternative in alternatives:
        data = alternative.data if hasattr(alternative, "data") else alternative  # type: ignore[attr-defined]
        found = _options(data, ignore_case)  # type: ignore[arg-type]
        if not found:
            return None  # an alternative without a required literal: no cue for the whole
        words.extend(found)
    return words


# Words nearly every sentence of the genre holds: as cues they would spare no work, so a
# rule's rarer words are preferred ("border" over "terrorism" for "cross-border terrorism").
_COMMON = frozenset(
    [
        "terror",
        "terrorism",
        "terrorist",
        "terrorists",
        "counter",
        "security",
        "cooperation",
        "the",
        "and",
        "of",
        "two",
        "side",
        "sides",
    ]
)


def _score(words: list[str]) -> tuple[bool, int, int]:
    # The rarest set: no word of every sentence, the longest shortest word, the fewest words.
    common = any(w.lower() in _COMMON for w in words)
    return (not common, min(len(w) for w in words), -len(words))


# Compared by identity: each cue is a module constant, and hashing its pattern is slow.
@dataclass(frozen=True, slots=True, eq=False)
class Cue:
    """A pattern and the scan for the words its matches must contain."""

    pattern: re.Pattern[str]
    scan: re.Pattern[str] | None  # None: no useful cue, every sentence is a candidate
    lowered: bool  # the scan runs over the lowered text
    folded: bool  # … because the pattern ignores case (usable only on `foldable` texts)
    words: tuple[str, ...] = ()  # the cue words themselves (lowered when `lowered`)


def foldable(text: str, lowered: str) -> bool:
    """Whether a case-insensitive match in `text` shows as its lowered words in `lowered`."""
    return len(lowered) == len(text) and not _FOLD_EXCEPTIONS.search(text)


def cue(pattern: re.Pattern[str], *, on_lowered: bool = False) -> Cue:
    """The cue of a compiled pattern (no cue when its matches need no literal word).
    `on_lowered`: the rule runs the pattern over the lowered text."""
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    words = _options(sre_parse.parse(pattern.pattern, pattern.flags).data, ignore_case)
    lowered, folded = on_lowered or ignore_case, ignore_case and not on_lowered
    if not words or min(len(w) for w in words) < _MIN_USEFUL:
        return Cue(pattern, None, lowered, folded)
    if ignore_case:
        words = [w.lower() for w in words]
    unique = tuple(sorted(set(words)))
    return Cue(pattern, re.compile(trie_pattern(list(unique))), lowered, folded, unique)


class CueSet(Generic[K]):
    """Which of several cues may match in a text, from one scan for all their words.

    The trie finds, at each position, the longest word starting there, and a hit stands for
    every word it contains. A word that can begin inside another word's hit and run past
    its end ("informa" + "mation") could be hidden by the non-overlapping scan: such words
    are looked for with a substring test, so the answer is exact.
    """

    def __init__(self, cues: dict[K, Cue]) -> None:
        self._always = [key for key, c in cues.items() if c.scan is None]
        self._owners: dict[str, list[K]] = {}
        for key, c in cues.items():
            for word in c.words if c.scan is not None else ():
                self._owners.setdefault(word, []).append(key)
        words = list(self._owners)
        # Each hit's keys: those of every word the hit contains.
        self._keys = {
            u: frozenset(key for w in words if w in u for key in self._owners[w]) for u in words
        }
        self._hideable = [
            w
            for w in words
            if any(w.startswith(u[k:]) for u in words for k in range(1, len(u)) if u != w)
        ]
        self._scan = re.compile(trie_pattern(words)) if words else None
        # Offsets inside each word where another word may begin and run past its end: the
        # only places a non-overlapping scan could hide a word from `locate`.
        self._inner = {
            u: tuple(
                k
                for k in range(1, len(u))
                if any(w.startswith(u[k:]) and len(w) > len(u) - k for w in words)
            )
            for u in words
        }

    def present(self, text: str) -> set[K]:
        """The keys whose cue words occur in `text` (and those with no cue words)."""
        keys: set[K] = set(self._always)
        if self._scan is None:
            return keys
        for hit in set(self._scan.findall(text)):
            keys |= self._keys[hit]
        for word in self._hideable:
            if not keys.issuperset(self._owners[word]) and word in text:
                keys.update(self._owners[word])
        return keys

    def locate(self, text: str) -> dict[K, list[int] | None]:
        """For each key that may match in `text`, where its cue words occur (a word inside a
        hit counts at the hit's start), or None for a key with no cue words (anywhere).
        Every occurrence of every word is accounted for, overlapping ones included."""
        located: dict[K, list[int] | None] = dict.fromkeys(self._always)
        if self._scan is None:
            return located
        keys, inner, anchored = self._keys, self._inner, self._scan.match
        hits: list[tuple[int, str]] = []
        for hit in self._scan.finditer(text):
            start, word = hit.start(), hit.group()
            hits.append((start, word))
            for k in inner[word]:
                # A word beginning inside this hit and running past it.
                overlap = anchored(text, start + k)
                if overlap is not None:
                    hits.append((start + k, overlap.group()))
        hits.sort()
        for start, word in hits:
            for key in keys[word]:
                spots = located.setdefault(key, [])
                if spots is not None:
                    spots.append(start)
        return located
