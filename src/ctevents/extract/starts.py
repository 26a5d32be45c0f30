"""Patterns told up front which characters their matches may start with.

Python's regex engine tries a pattern at every offset of the text. For a pattern that
opens with a word boundary and a long alternation ("\\b(?:next|agreed|…)"), each attempt
walks every branch before failing. The characters a match can start with follow from the
pattern's own parse tree; prefixed as a lookahead class (`(?=[nNaA…])`), they let most
offsets fail at one character test. The lookahead only restates what the pattern already
requires, so every match is exactly what the pattern alone gives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

# Class fragments for the categories a first character may be drawn from.
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_SPACE: r"\s",
}
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
# Fragments that stand only for word characters (letters, digits, the underscore).
_WORDISH = re.compile(r"\w|\\d|\\w|[A-Za-z0-9]-[A-Za-z0-9]")


def _literal(code: int, fold: bool) -> list[str]:
    char = chr(code)
    chars = {char, char.lower(), char.upper()} if fold else {char}
    return [re.escape(c) if c not in "-]\\^" else "\\" + c for c in sorted(chars)]


def _in(items: Sequence[tuple[object, object]], fold: bool) -> list[str] | None:
    fragments: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            fragments += _literal(av, fold)  # type: ignore[arg-type]
        elif op is sre.RANGE and not fold:
            low, high = av  # type: ignore[misc]
            fragments.append(f"{_literal(low, False)[0]}-{_literal(high, False)[0]}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            fragments.append(_CATEGORIES[av])
        else:
            return None  # a negated class, a folded range, …: anything may start
    return fragments


def _zero_width(items: Sequence[tuple[object, object]]) -> bool:
    """Whether `items` are assertions only, however grouped ("(?:(?<!x)|(?<=y))")."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.SUBPATTERN and _zero_width(av[3].data):  # type: ignore[index]
            continue
        if op is sre.BRANCH and all(_zero_width(a.data) for a in av[1]):  # type: ignore[index]
            continue
        return False
    return True


def _first(items: Sequence[tuple[object, object]], fold: bool) -> list[str] | None:
    """Class fragments covering every first character of a match of `items`, or None."""
    for index, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH or (op in (sre.SUBPATTERN, sre.BRANCH) and _zero_width([(op, av)])):
            continue  # consumes nothing: the next item supplies the first character
        if op is sre.LITERAL:
            return _literal(av, fold)  # type: ignore[arg-type]
        if op is sre.IN:
            return _in(av, fold)  # type: ignore[arg-type]
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, body = av  # type: ignore[misc]
            return _first(body.data, fold or bool(add_flags & re.IGNORECASE))
        if op is sre.BRANCH:
            fragments: list[str] = []
            for alternative in av[1]:  # type: ignore[index]
                found = _first(alternative.data, fold)
                if found is None:
                    return None
                fragments += found
            return fragments
        if op in _REPEATS:
            low, _high, body = av  # type: ignore[misc]
            found = _first(body.data, fold)
            if low >= 1 or found is None:
                return found
            # ",?\s+…": an optional item starts the match, or what follows it does.
            rest = _first(items[index + 1 :], fold)
            return None if rest is None else found + rest
        return None  # any character, a back reference, …
    return None  # the pattern may match the empty string


def _opens_with_boundary(items: Sequence[tuple[object, object]]) -> bool:
    """Whether every match begins at a word boundary (`\b` before anything consumed)."""
    for op, av in items:
        if op is sre.AT:
            return av is sre.AT_BOUNDARY
        if op is sre.SUBPATTERN:
            return _opens_with_boundary(av[3].data)  # type: ignore[index]
        if op is sre.BRANCH:
            return all(_opens_with_boundary(a.data) for a in av[1])  # type: ignore[index]
        return False
    return False


def fast(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` with its possible first characters stated up front (the same matches)."""
    fold = bool(pattern.flags & re.IGNORECASE)
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags).data
        fragments = _first(parsed, fold)
        if not fragments:
            return pattern
        prefix = f"(?=[{''.join(dict.fromkeys(fragments))}])"
        if _opens_with_boundary(parsed) and all(_WORDISH.fullmatch(f) for f in fragments):
            # A boundary before a word character is a non-word character (or none) behind.
            prefix = r"(?<!\w)" + prefix
        # The pattern's own flags apply to the class too (re.I folds it again: harmless).
        return re.compile(f"{prefix}(?:{pattern.pattern})", pattern.flags)
    except re.error:
        return pattern  # e.g. global inline flags that must stay at the start
