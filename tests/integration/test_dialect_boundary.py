"""Database differences stay in the per-database modules (see `ctevents.persistence`).

Reads the source of the core, the projections and the replay (not tests, not
benchmarks, which measure each database on purpose) and fails on anything outside the
per-database modules that tells the databases apart: a comparison with a database's
name, an isinstance check on a database's class, an import of a driver or of a
database's module, or SQL that only one of them speaks.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from ctevents.projections.views import VIEW_STORES, ViewStore, open_fold_lock, open_views

from ctevents.persistence import LogRecorder
from ctevents.store import Store
from tests.support.paths import ROOT

SOURCES = (ROOT / "src" / "ctevents", ROOT / "projections", ROOT / "replay")
# Where each database's differences live: eventsourcing's recorders composed with ours.
DIALECT_MODULES = {
    ROOT / "src" / "ctevents" / "sqlite.py",
    ROOT / "src" / "ctevents" / "postgres.py",
    ROOT / "projections" / "sqlite_views.py",
    ROOT / "projections" / "postgres_views.py",
}
DIALECT_NAMES = {"sqlite", "sqlite3", "postgres", "postgresql", "psycopg"}
DIALECT_IMPORTS = (
    "sqlite3",
    "psycopg",
    "psycopg_pool",
    "filelock",
    "eventsourcing.sqlite",
    "eventsourcing.postgres",
    "ctevents.sqlite",
    "ctevents.postgres",
    "ctevents.projections.sqlite_views",
    "ctevents.projections.postgres_views",
)
# A string that holds SQL, and SQL (or placeholders) that only one database speaks.
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA|COPY)\b")
DIALECT_SQL = re.compile(
    r"PRAGMA|\bpg_|\browid\b|::[a-z]|\bBYTEA\b|\bBLOB\b|\bCOPY\b|FOR UPDATE|hashtext|%s"
)


def _names_dialect(node: ast.AST) -> bool:
    """A string naming a database, or a class named after one (`SQLiteViews`)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.lower().rstrip(":/") in DIALECT_NAMES
    if isinstance(node, ast.Name | ast.Attribute):
        name = node.id if isinstance(node, ast.Name) else node.attr
        return "sqlite" in name.lower() or "postgres" in name.lower()
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(_names_dialect(e) for e in node.elts)
    return False


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string in the code but docstrings; an f-string's literal parts joined."""
    skipped = set()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skipped.add(id(node.value))  # a docstring
        elif isinstance(node, ast.JoinedStr):
            parts = [v for v in node.values if isinstance(v, ast.Constant)]
            skipped.update(id(v) for v in parts)
            found.append((node.lineno, " ".join(str(v.value) for v in parts)))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skipped
        ):
            found.append((node.lineno, node.value))
    return found


def dialect_branches(source: str) -> list[str]:
    """Each place in `source` that tells the databases apart, as `line: what`."""
    tree = ast.parse(source)
    found = []
    for line, text in _strings(tree):
        if SQL.search(text) and (word := DIALECT_SQL.search(text)):
            found.append(f"{line}: {word.group()!r} in SQL {text[:60]!r}")
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_names_dialect(o) for o in operands):
                found.append(f"{line}: compares with a database's name")
        elif isinstance(node, ast.match_case) and any(
            _names_dialect(n) for n in ast.walk(node.pattern)
        ):
            found.append(f"{node.pattern.lineno}: matches a database's name")
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if called in {"isinstance", "issubclass"} and len(node.args) == 2:
                if _names_dialect(node.args[1]):
                    found.append(f"{line}: {called} on a database's class")
            elif called in {"startswith", "endswith"} and any(
                isinstance(a, ast.Constant | ast.Tuple)
                and any(
                    isinstance(c, ast.Constant)
                    and isinstance(c.value, str)
                    and any(d in c.value.lower() for d in DIALECT_NAMES)
                    for c in ast.walk(a)
                )
                for a in node.args
            ):
                found.append(f"{line}: {called} with a database's name")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            modules = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            )
            for module in modules:
                if any(module == m or module.startswith(m + ".") for m in DIALECT_IMPORTS):
                    found.append(f"{line}: imports {module}")
                    break
    return found


def test_the_store_url_selects_each_database_recorder_and_view_store(store_url: str) -> None:
    # Selection as eventsourcing does it: the URL sets PERSISTENCE_MODULE, whose factory
    # makes the log recorder; the same module names the read models' store.
    with Store(store_url) as store:
        module = store.location.env["PERSISTENCE_MODULE"]
        assert isinstance(store.recorder, LogRecorder)
        assert type(store.recorder).__module__ == module
        views = open_views(store.location)
        try:
            assert isinstance(views, ViewStore)
            assert type(views).__module__ == VIEW_STORES[module].partition(":")[0]
            # One process folds: a second lock on the same name is refused until released.
            first, second = open_fold_lock(store.location, "x"), open_fold_lock(store.location, "x")
            try:
                assert first.try_acquire() and first.try_acquire()
                assert not second.try_acquire()
                first.release()
                assert second.try_acquire()
            finally:
                first.release()
                second.release()
        finally:
            views.close()


def _sources() -> list[Path]:
    return sorted(p for root in SOURCES for p in root.rglob("*.py") if p not in DIALECT_MODULES)


def test_no_dialect_branch_outside_the_database_modules():
    problems = [
        f"{path.relative_to(ROOT)}:{where}"
        for path in _sources()
        for where in dialect_branches(path.read_text(encoding="utf-8"))
    ]
    assert not problems, "database differences outside the per-database modules:\n" + "\n".join(
        problems
    )


def test_the_scan_covers_the_read_side_and_the_database_modules_exist():
    scanned = {p.relative_to(ROOT).parts[0] for p in _sources()}
    assert scanned == {"src", "projections", "replay"}
    assert all(module.is_file() for module in DIALECT_MODULES)


def test_each_kind_of_dialect_branch_is_caught():
    # What the per-database modules replaced: each must be reported.
    samples = {
        'if store.kind == "sqlite":\n    pass': "compares",
        'if location.kind != "postgresql":\n    pass': "compares",
        'ok = kind in ("sqlite", "postgresql")': "compares",
        "ok = isinstance(views, SQLiteViews)": "isinstance",
        'ok = url.startswith(("postgresql://", "postgres://"))': "startswith",
        "import filelock": "imports filelock",
        "from eventsourcing.postgres import PostgresDatastore": "imports eventsourcing.postgres",
        "from ctevents.projections import sqlite_views": "imports",
        'cursor.execute("PRAGMA page_count")': "PRAGMA",
        'cursor.execute(f"SELECT x FROM {t} WHERE id = %s FOR UPDATE")': "%s",
        'match kind:\n    case "sqlite":\n        pass': "matches",
    }
    for source, expected in samples.items():
        found = dialect_branches(source)
        assert found and expected in found[0], (source, found)
    # Dialect-neutral code passes: SQL both databases accept, a domain `kind`.
    neutral = (
        'cursor.execute(views.sql(f"SELECT running FROM {table} WHERE position <= ?"))\n'
        'if meeting.kind == mention.kind or generation.kind == "retired":\n    pass\n'
    )
    assert dialect_branches(neutral) == []
