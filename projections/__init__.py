"""The read side: folds of the immutable log into queryable read models.

One module per read model (`meetings`, `dialogues`, `people`, `sources`), each a recipe:
its table, its `VERSION`, one small function per event type it cares about, and how
its row is built from every source's contribution. The machinery they share lives
beside them: `model` (what a model declares), `views` (where rows and tracking
positions are stored), `stored` (how documents are packed), `evidence` (spans stored
once, by id), `fold` (the fold kernel the engine and replay share), `engine` (the
batched, exactly-once runner), `merge` (how several sources' values combine),
`failures`, `queries`, `shapes` (compact and full rows), `schemas` (their pydantic
models), `digest` and `storage`.

Dependencies point one way: this package imports `ctevents` core only.
"""
