"""Shared helpers: where the seeds are, and a field-by-field comparison with a clear diff."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "tests" / "fixtures" / "packs"


def shared_dir() -> Path:
    return Path(os.environ.get("QUORATE_SHARED_DIR", REPO.parent / "shared"))


def seeds_dir() -> Path:
    return shared_dir() / "seeds"


def schema() -> dict[str, Any]:
    return json.loads((shared_dir() / "schemas" / "pack.schema.json").read_text(encoding="utf-8"))


def compare(expected: Any, actual: Any, path: str = "$") -> list[str]:
    """Differences between ``expected`` and ``actual``: every key that ``expected`` names
    is compared (keys it leaves out are not); lists must have the same length."""
    diffs: list[str] = []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        for key, value in expected.items():
            if key.startswith("_"):
                continue
            if key not in actual:
                diffs.append(f"{path}.{key}: missing (expected {value!r})")
                continue
            diffs.extend(compare(value, actual[key], f"{path}.{key}"))
    elif isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{path}: expected a list, got {actual!r}"]
        if len(expected) != len(actual):
            diffs.append(
                f"{path}: expected {len(expected)} entries, got {len(actual)}: "
                + json.dumps(actual, ensure_ascii=False)[:600]
            )
        for n, (e, a) in enumerate(zip(expected, actual, strict=False)):
            diffs.extend(compare(e, a, f"{path}[{n}]"))
    elif expected != actual:
        diffs.append(f"{path}: expected {expected!r}, got {actual!r}")
    return diffs
