"""Replay: rebuild read models from the immutable log, beside the live ones, then swap.

`rebuild` runs a full rebuild of one or more models into a fresh generation of tables
(its fast pass folds the whole log with the live engine's kernel, `projections.fold`,
and decoder, `ctevents.codec`) and swaps it in (`swap`); `generations` names,
registers, locks and drops generations; `snapshots` builds, finds, lists and drops
named models as of a past position; `outdated` finds models whose declared version
differs from the one their live tables were built with.

Dependencies point one way: this package imports `ctevents` core and `ctevents.projections`,
never the server or the command line.
"""
