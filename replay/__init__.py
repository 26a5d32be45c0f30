"""Replay: rebuild read models from the immutable log, beside the live ones, then swap.

`rebuild` runs a full rebuild of one or more models into a fresh generation of tables
and swaps it in (`swap`); `fast_fold` is the rebuild's fast path over the whole log;
`decode` turns stored events into handler-ready events without per-event validation;
`generations` names, registers, locks and drops generations; `snapshots` builds and
finds named models as of a past position; `outdated` finds models whose declared
version differs from the one their live tables were built with.

Dependencies point one way: this package imports `ctevents` core and `projections`,
never the server or the command line.
"""
