"""Every case of the NHSRplotthedots v0.2.2 vectors, through the engine and its building blocks."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from quorate.core.spc import (
    is_valid_fix_after_n_points,
    label_precedence,
    rebase_flags,
    run_membership,
    shift_ends,
    short_group_warnings,
    trend_ends,
    two_in_three,
    two_in_three_windows,
)
from quorate.core.spc.vectors import run_case
from tests.core.spc.vectors import (
    FIXTURE,
    cases,
    load_vectors,
    mismatches,
    shared_vectors_path,
)

ALL_CASES = cases()


def test_the_repository_copy_of_the_vectors_equals_the_shared_file():
    shared = shared_vectors_path()
    if not shared.exists():
        pytest.skip(f"no shared folder at {shared.parent}: the repository copy is used")
    assert FIXTURE.read_bytes() == shared.read_bytes(), (
        f"{FIXTURE} differs from {shared}: copy the shared file over it"
    )


def _dates(values: list[str]) -> list[date]:
    return [date.fromisoformat(v) for v in values]


def run_rule(case: dict[str, Any]) -> Any:
    rule, inp, opts = case["rule"], case["input"], case["options"]
    if rule == "ptd_trend_ends":
        return trend_ends(inp["y"], opts.get("n", 7))
    if rule == "ptd_shift_ends":
        return shift_ends(inp["rtm"], opts.get("n", 7))
    if rule == "ptd_run_membership":
        return run_membership(inp["ends"], opts.get("n", 7))
    if rule == "ptd_two_in_three_windows":
        return two_in_three_windows(inp["close"], inp["rtm"])
    if rule == "two_in_three":
        return two_in_three(**inp, variant=opts.get("variant", "ptd"))
    if rule == "ptd_label_precedence":
        return label_precedence(**inp)
    if rule == "rebase_flags":
        if "rebase_dates_by_facet" in inp:
            by_facet = {f: _dates(ds) for f, ds in inp["rebase_dates_by_facet"].items()}
            return rebase_flags(
                _dates(inp["dates"]), facets=inp["facets"], rebase_dates_by_facet=by_facet
            )
        return rebase_flags(_dates(inp["dates"]), _dates(inp["rebase_dates"]), facets=inp["facets"])
    if rule == "short_group_warning":
        return short_group_warnings(inp["group_sizes"], opts["threshold"])
    if rule == "validate_fix_after_n_points":
        return is_valid_fix_after_n_points(inp["fix_after_n_points"])
    raise AssertionError(f"unknown rule {rule}")


def test_vectors_file_has_all_101_cases():
    data = load_vectors()
    assert data["schema"] == "spc-vectors/1"
    assert len(data["cases"]) == 101


@pytest.mark.parametrize("case", ALL_CASES, ids=[c["id"] for c in ALL_CASES])
def test_vector_case_matches_expected(case):
    if case["kind"] == "rule":
        actual: Any = {"output": run_rule(case)}
    else:
        actual = run_case(case)
    problems = mismatches(case["expected"], actual, case["tolerance"]["abs"])
    assert not problems, "\n".join(problems[:20])
