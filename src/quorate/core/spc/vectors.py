"""Run the cases of an ``spc-vectors/1`` document (already parsed from JSON) through the engine.

Pure: the caller reads the file. Every problem with a case raises :class:`SpcCaseError` naming
the case id and the field at fault.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from quorate.core.spc.assurance import assurance
from quorate.core.spc.engine import compute_spc
from quorate.core.spc.limits import xmr_limits
from quorate.core.spc.rules import is_valid_fix_after_n_points
from quorate.core.spc.serialise import limits_to_dict, result_to_dict
from quorate.core.spc.types import (
    ConflictPolicy,
    Direction,
    SpcOptions,
    TwoInThreeVariant,
)

SCHEMA = "spc-vectors/1"
RESULTS_SCHEMA = "spc-results/1"
RUNNABLE_KINDS = ("series", "assurance", "limits")
_VARIANT_KEYS = ("two_in_three", "conflict", "min_points", "trend_n", "shift_n")


class SpcCaseError(ValueError):
    """A case that cannot be run; the message names the case and the field."""


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class _Case:
    """Typed access to one case's fields with errors that name them."""

    def __init__(self, case: object, position: int) -> None:
        if not isinstance(case, Mapping):
            raise SpcCaseError(f"case #{position}: not an object")
        self.raw = case
        ident = case.get("id")
        self.id = ident if isinstance(ident, str) and ident else f"#{position}"
        if not isinstance(ident, str) or not ident:
            raise self.error("id", "missing or not a string")

    def error(self, field: str, problem: str) -> SpcCaseError:
        return SpcCaseError(f"case {self.id!r}: field {field!r}: {problem}")

    def section(self, name: str, *, required: bool = True) -> Mapping[str, Any]:
        value = self.raw.get(name)
        if value is None and not required:
            return {}
        if not isinstance(value, Mapping):
            raise self.error(name, "missing or not an object")
        return value

    def number(self, where: Mapping[str, Any], path: str, key: str, *, default: Any = None) -> Any:
        value = where.get(key, default)
        if value is None:
            return None
        if not _is_number(value) or not math.isfinite(value):
            raise self.error(f"{path}.{key}", f"expected a number or null, got {value!r}")
        return value

    def values(self, where: Mapping[str, Any], path: str, key: str) -> list[float | None]:
        value = where.get(key)
        if not isinstance(value, list):
            raise self.error(f"{path}.{key}", "missing or not a list")
        for i, v in enumerate(value):
            if v is not None and not _is_number(v):
                raise self.error(f"{path}.{key}[{i}]", f"expected a number or null, got {v!r}")
        return value

    def dates(self, where: Mapping[str, Any], path: str, key: str) -> list[date | None] | None:
        value = where.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            raise self.error(f"{path}.{key}", "not a list")
        out: list[date | None] = []
        for i, v in enumerate(value):
            if v is None:
                out.append(None)
                continue
            try:
                out.append(date.fromisoformat(v))
            except (TypeError, ValueError):
                raise self.error(f"{path}.{key}[{i}]", f"not an ISO date: {v!r}") from None
        return out


def parse_options(case: _Case, opts: Mapping[str, Any]) -> SpcOptions:
    """``screen_outliers``, ``limit_multiplier`` and the ``variant`` object."""
    options = SpcOptions()
    changes: dict[str, Any] = {}
    screen = opts.get("screen_outliers", True)
    if not isinstance(screen, bool):
        raise case.error("options.screen_outliers", f"expected true or false, got {screen!r}")
    changes["screen_outliers"] = screen
    multiplier = case.number(opts, "options", "limit_multiplier")
    if multiplier is not None:
        if multiplier <= 0:
            raise case.error("options.limit_multiplier", "must be positive")
        changes["limit_multiplier"] = float(multiplier)
    variant = opts.get("variant")
    if variant is not None:
        if not isinstance(variant, Mapping):
            raise case.error("options.variant", "expected an object")
        unknown = sorted(set(variant) - set(_VARIANT_KEYS))
        if unknown:
            raise case.error(f"options.variant.{unknown[0]}", "unknown key")
        for key, enum in (("two_in_three", TwoInThreeVariant), ("conflict", ConflictPolicy)):
            if key in variant:
                try:
                    changes[key] = enum(variant[key])
                except ValueError:
                    allowed = ", ".join(e.value for e in enum)
                    raise case.error(
                        f"options.variant.{key}", f"{variant[key]!r} is not one of {allowed}"
                    ) from None
        for key, least in (("min_points", 0), ("trend_n", 2), ("shift_n", 1)):
            if key in variant:
                v = variant[key]
                if not isinstance(v, int) or isinstance(v, bool) or v < least:
                    raise case.error(
                        f"options.variant.{key}", f"expected a whole number >= {least}, got {v!r}"
                    )
                changes[key] = v
    return replace(options, **changes)


def _direction(case: _Case, opts: Mapping[str, Any]) -> Direction:
    raw = opts.get("improvement_direction", "increase")
    try:
        return Direction(raw)
    except ValueError:
        raise case.error(
            "options.improvement_direction", f"{raw!r} is not increase, decrease or neutral"
        ) from None


def _fix_after(case: _Case, opts: Mapping[str, Any]) -> int | None:
    fix = opts.get("fix_after_n_points")
    if fix is None:
        return None
    if not is_valid_fix_after_n_points(fix):
        raise case.error(
            "options.fix_after_n_points", f"must be a single number of 12 or more, got {fix!r}"
        )
    return int(fix)


def run_case(raw: object, position: int = 0) -> dict[str, Any]:
    """Outputs of one ``series``, ``assurance`` or ``limits`` case, keyed as its ``expected``."""
    case = _Case(raw, position)
    kind = case.raw.get("kind")
    if kind not in RUNNABLE_KINDS:
        raise case.error("kind", f"{kind!r} is not one of {', '.join(RUNNABLE_KINDS)}")
    inp = case.section("input")
    opts = case.section("options", required=False)
    if kind == "assurance":
        direction = _direction(case, opts)
        target = case.number(inp, "input", "target")
        if "rows" in inp:
            rows = inp["rows"]
            if not isinstance(rows, list) or not rows:
                raise case.error("input.rows", "expected a non-empty list of {lpl, upl}")
            last = rows[-1]
            if not isinstance(last, Mapping):
                raise case.error(f"input.rows[{len(rows) - 1}]", "expected an object")
            lpl = case.number(last, f"input.rows[{len(rows) - 1}]", "lpl")
            upl = case.number(last, f"input.rows[{len(rows) - 1}]", "upl")
        else:
            lpl = case.number(inp, "input", "lpl")
            upl = case.number(inp, "input", "upl")
        kind_, icon = assurance(target, lpl, upl, direction)
        return {"assurance_type": _str(kind_), "assurance_icon": _str(icon)}
    values = case.values(inp, "input", "values")
    options = parse_options(case, opts)
    fix = _fix_after(case, opts)
    if kind == "limits":
        present = [float(v) for v in values if v is not None]
        limits = xmr_limits(
            present,
            fix_after_n_points=fix,
            screen_outliers=options.screen_outliers,
            limit_multiplier=options.limit_multiplier,
            screen_multiplier=options.screen_multiplier,
        )
        return dict(limits_to_dict(limits))
    dates = case.dates(inp, "input", "dates")
    if dates is not None and len(dates) != len(values):
        raise case.error("input.dates", f"has {len(dates)} entries for {len(values)} values")
    rebase_at = opts.get("rebase_at") or []
    if not isinstance(rebase_at, list) or not all(
        isinstance(i, int) and not isinstance(i, bool) and 0 <= i < len(values) for i in rebase_at
    ):
        raise case.error("options.rebase_at", f"expected row indices 0..{len(values) - 1}")
    # Without input.dates no row can match a rebase date, so they have no effect (README).
    rebase_dates = case.dates(opts, "options", "rebase_dates") or []
    result = compute_spc(
        values,
        dates,
        improvement_direction=_direction(case, opts),
        target=case.number(opts, "options", "target"),
        rebase_at=rebase_at,
        rebase_dates=[d for d in rebase_dates if d is not None],
        fix_after_n_points=fix,
        options=options,
    )
    return result_to_dict(result)


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def runnable_cases(document: object) -> tuple[list[tuple[int, Mapping[str, Any]]], list[str]]:
    """Check an ``spc-vectors/1`` document; return its runnable cases with their positions, and
    the ids of the ``rule`` cases (building blocks for unit tests, not run here)."""
    if not isinstance(document, Mapping):
        raise SpcCaseError("the document is not a JSON object")
    schema = document.get("schema")
    if schema != SCHEMA:
        raise SpcCaseError(f"field 'schema': {schema!r}, expected {SCHEMA!r}")
    cases = document.get("cases")
    if not isinstance(cases, list):
        raise SpcCaseError("field 'cases': missing or not a list")
    runnable: list[tuple[int, Mapping[str, Any]]] = []
    skipped: list[str] = []
    for position, case in enumerate(cases):
        checked = _Case(case, position)
        kind = checked.raw.get("kind")
        if kind == "rule":
            skipped.append(checked.id)
        elif kind in RUNNABLE_KINDS:
            runnable.append((position, checked.raw))
        else:
            raise checked.error("kind", f"{kind!r} is not one of series, assurance, limits, rule")
    return runnable, skipped
