"""Shared helpers: find and load the NHSRplotthedots vectors, compare outputs to ``expected``."""

from __future__ import annotations

import json
import math
import os
from functools import cache
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[3]
VECTORS_NAME = "nhsrplotthedots_cases.json"


def shared_dir() -> Path:
    """``$QUORATE_SHARED_DIR`` if set, else ``../shared`` beside the repository."""
    override = os.environ.get("QUORATE_SHARED_DIR")
    return Path(override) if override else (REPO_ROOT / ".." / "shared").resolve()


FIXTURE = REPO_ROOT / "tests" / "fixtures" / "spc-vectors" / VECTORS_NAME


def shared_vectors_path() -> Path:
    return shared_dir() / "spc-vectors" / VECTORS_NAME


def vectors_path() -> Path:
    """The shared vectors when the shared folder is there, else the repository's copy (so the
    reference cases always run: they are never skipped)."""
    shared = shared_vectors_path()
    return shared if shared.exists() else FIXTURE


@cache
def load_vectors() -> dict[str, Any]:
    return json.loads(vectors_path().read_text(encoding="utf-8"))


def cases(kind: str | None = None) -> list[dict[str, Any]]:
    return [c for c in load_vectors()["cases"] if kind is None or c["kind"] == kind]


def mismatches(expected: Any, actual: Any, tol: float, where: str = "") -> list[str]:
    """Differences between ``expected`` and ``actual``: only keys present in ``expected``;
    numbers within ``tol``; booleans and strings exactly; ``null`` means None or NaN."""
    if expected is None:
        ok = actual is None or (isinstance(actual, float) and math.isnan(actual))
        return [] if ok else [f"{where}: expected null, got {actual!r}"]
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected an object, got {actual!r}"]
        out: list[str] = []
        for key, value in expected.items():
            if key not in actual:
                out.append(f"{where}.{key}: missing")
            else:
                out.extend(mismatches(value, actual[key], tol, f"{where}.{key}"))
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list | tuple) or len(actual) != len(expected):
            return [f"{where}: expected {expected!r}, got {actual!r}"]
        out = []
        for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
            out.extend(mismatches(e, a, tol, f"{where}[{i}]"))
        return out
    if isinstance(expected, (bool, str)):
        same = type(actual) is bool if isinstance(expected, bool) else isinstance(actual, str)
        return (
            []
            if same and actual == expected
            else [f"{where}: expected {expected!r}, got {actual!r}"]
        )
    if isinstance(expected, int | float):
        if isinstance(actual, bool) or not isinstance(actual, int | float) or math.isnan(actual):
            return [f"{where}: expected {expected!r}, got {actual!r}"]
        return (
            []
            if abs(actual - expected) <= tol
            else [f"{where}: expected {expected!r}, got {actual!r}"]
        )
    return [f"{where}: cannot compare {expected!r}"]
