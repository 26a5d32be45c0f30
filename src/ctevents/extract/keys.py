"""Meeting keys: deterministic from parties, mechanism kind and ordinal (or date).

`IN-MV/jwg-counter-terrorism/2` reads as: India–Maldives, the counter-terrorism
Joint Working Group, its second meeting. Without an ordinal the date stands in;
without either, the key is scoped to the source so that two unknown meetings in
different documents never share one.
"""

from __future__ import annotations


def meeting_key(
    parties: tuple[str, ...], kind: str, ordinal: int | None, date: str | None, source_id: str
) -> str:
    pair = "-".join(sorted(parties)) or "XX"
    if ordinal is not None:
        return f"{pair}/{kind}/{ordinal}"
    if date and "X" not in date and "/" not in date and len(date) == 10:
        return f"{pair}/{kind}/{date}"
    if date and "X" not in date:
        return f"{pair}/{kind}/{date.split('/')[0]}"
    return f"{pair}/{kind}/source-{source_id[:8]}"
