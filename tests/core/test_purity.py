"""The pure core must not import Django or do I/O: checked on the source itself."""

import ast
from pathlib import Path

import quorate.core

CORE = Path(quorate.core.__file__).parent
FORBIDDEN_MODULES = {
    "django",
    "quorate.people",
    "quorate.governance",
    "quorate.performance",
    "quorate.packs",
    "quorate.audit",
    "quorate.views",
    "requests",
    "urllib",
    "socket",
    "sqlite3",
    "psycopg",
    "subprocess",
    "holidays",
}
FORBIDDEN_CALLS = {"open", "input"}


def _core_files():
    return sorted(CORE.rglob("*.py"))


def test_core_imports_no_django_or_io_modules():
    offenders = []
    for path in _core_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN_MODULES):
                    offenders.append(f"{path.relative_to(CORE)}:{node.lineno} imports {name}")
    assert not offenders, "the pure core must stay pure:\n" + "\n".join(offenders)


def test_core_reads_no_clock_and_opens_no_files():
    offenders = []
    for path in _core_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
                    offenders.append(f"{path.relative_to(CORE)}:{node.lineno} calls {func.id}()")
                if isinstance(func, ast.Attribute) and func.attr in {"today", "now", "utcnow"}:
                    offenders.append(f"{path.relative_to(CORE)}:{node.lineno} reads the clock")
    assert not offenders, "\n".join(offenders)


def test_core_has_modules_to_check():
    assert len(_core_files()) >= 1
