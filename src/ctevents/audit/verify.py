"""Proving the stored log unaltered: stream hash chains, and the running hash by position.

Two checks, one pass over the log in position order:

1. *Stream chains.* Each event's stored link must equal `link(previous stored link of
   its stream, canonical bytes of its stored payload)`, with versions 1, 2, 3, … An
   edited payload, an edited link, a deleted or inserted event all break it there.
2. *Running hash.* `running(p) = link(running(previous position), "p:link(p)")` over
   every event in position order, compared with what the ledger recorded when it first
   saw each position. This catches what (1) cannot: a stream rewritten with freshly
   recomputed links, or events removed from the end of a stream.

The ledger is read through a callable, so this module needs no read-model code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ctevents.chain import GENESIS, canonical_bytes, link
from ctevents.codec import CHAIN, RECORDED_AT, type_name_of
from ctevents.store import Store

PAGE = 1000

# (after, until) → {position: running hash} as the ledger recorded them in that range.
LedgerRange = Callable[[int, int], Mapping[int, str]]


def running_link(previous: str, position: int, chain: str | None) -> str:
    """The running hash after the event at `position`, whose stored stream link is `chain`."""
    return link(previous, f"{position}:{chain or ''}".encode("ascii"))


def stored_link(store: Store, notification: Any) -> tuple[str | None, bytes]:
    """An event's stored link and the canonical bytes of its stored payload."""
    data = store.mapper.decode_state(notification)
    data.pop(RECORDED_AT, None)
    chain = data.pop(CHAIN, None)
    canonical = canonical_bytes(
        str(notification.originator_id),
        notification.originator_version,
        type_name_of(notification.topic),
        data,
    )
    return chain, canonical


@dataclass(frozen=True)
class Break:
    """The first place a check failed: where, which event, and what was wrong."""

    check: str  # "stream chain" | "running hash"
    position: int
    stream: str | None
    version: int | None
    problem: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "position": self.position,
            "stream": self.stream,
            "version": self.version,
            "problem": self.problem,
        }


@dataclass
class Verification:
    """What `verify_log` found; `ok` when neither check broke."""

    head: int = 0
    events: int = 0
    streams: int = 0
    ledger_position: int = 0  # how far the running hash was compared with the ledger
    running: str = GENESIS  # the running hash at the last event read
    breaks: list[Break] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.breaks

    @property
    def first_break(self) -> Break | None:
        return min(self.breaks, key=lambda b: b.position) if self.breaks else None

    def as_dict(self) -> dict[str, Any]:
        first = self.first_break
        return {
            "ok": self.ok,
            "head": self.head,
            "events": self.events,
            "streams": self.streams,
            "ledger_position": self.ledger_position,
            "running_hash": self.running,
            "first_break": first.as_dict() if first else None,
            "breaks": [b.as_dict() for b in self.breaks],
        }


class _StreamChains:
    """Check (1): the last stored link and version seen of every stream."""

    def __init__(self) -> None:
        self.last: dict[str, tuple[int, str]] = {}
        self.broken: set[str] = set()

    def check(self, notification: Any, chain: str | None, canonical: bytes) -> str | None:
        stream = str(notification.originator_id)
        version = notification.originator_version
        previous_version, previous_link = self.last.get(stream, (0, GENESIS))
        self.last[stream] = (version, chain or "")
        if stream in self.broken:
            return None  # report a stream once: after a break every later link differs
        problem = None
        if version != previous_version + 1:
            problem = (
                f"version {version} follows version {previous_version}: "
                f"{'events are missing' if version > previous_version + 1 else 'out of order'}"
            )
        elif chain is None:
            problem = "the event was stored without a chain link"
        elif link(previous_link, canonical) != chain:
            problem = (
                "the stored payload no longer hashes to its stored chain link "
                "(the event, or the link, was altered after it was appended)"
            )
        if problem:
            self.broken.add(stream)
        return problem


def verify_log(
    store: Store,
    ledger: LedgerRange | None = None,
    ledger_position: int = 0,
    *,
    max_breaks: int = 20,
) -> Verification:
    """Recomputes both checks over the whole log; stops collecting after `max_breaks`."""
    head = store.head()
    result = Verification(head=head, ledger_position=min(ledger_position, head))
    chains = _StreamChains()
    running, running_broken = GENESIS, False
    after = 0
    while len(result.breaks) < max_breaks:
        page = store.notifications(after=after, limit=PAGE)
        if not page:
            break
        recorded: Mapping[int, str] = {}
        if ledger is not None and after < ledger_position and not running_broken:
            recorded = dict(ledger(after, min(page[-1].id, ledger_position)))
            # A position the ledger saw that is no longer in the log: an event was deleted.
            present = {n.id for n in page}
            for gone in sorted(set(recorded) - present):
                result.breaks.append(
                    Break(
                        "running hash",
                        gone,
                        None,
                        None,
                        f"the ledger recorded an event at position {gone}; the log has none",
                    )
                )
                running_broken = True
                break
        for notification in page:
            chain, canonical = stored_link(store, notification)
            stream = str(notification.originator_id)
            version = notification.originator_version
            problem = chains.check(notification, chain, canonical)
            if problem:
                result.breaks.append(
                    Break("stream chain", notification.id, stream, version, problem)
                )
            running = running_link(running, notification.id, chain)
            if ledger is not None and not running_broken and notification.id <= ledger_position:
                expected = recorded.get(notification.id)
                problem = None
                if expected is None:
                    problem = "the ledger has no entry here: the event was inserted later"
                elif expected != running:
                    problem = (
                        "the running hash differs from the ledger's: an event at or "
                        "before this position was altered, inserted or removed"
                    )
                if problem:
                    running_broken = True
                    result.breaks.append(
                        Break("running hash", notification.id, stream, version, problem)
                    )
            result.events += 1
        after = page[-1].id
    if ledger is not None and ledger_position > head and not running_broken:
        result.breaks.append(
            Break(
                "running hash",
                head + 1,
                None,
                None,
                f"the ledger recorded events up to position {ledger_position}; "
                f"the log ends at {head}: events were removed from its end",
            )
        )
    result.running = running
    result.streams = len(chains.last)
    result.breaks.sort(key=lambda b: (b.position, b.check))
    return result
