"""Properties of the engine that hold for any input."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quorate.core.spc import (
    PointType,
    SpcOptions,
    compute_spc,
    xmr_limits,
)

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
series = st.lists(finite, min_size=2, max_size=50)


@settings(max_examples=200, deadline=None)
@given(series)
def test_limits_are_symmetric_about_the_mean(ys):
    lim = xmr_limits(ys)
    assume(lim.upl is not None)
    assert lim.upl - lim.mean == pytest.approx(lim.mean - lim.lpl, rel=1e-9, abs=1e-6)
    assert lim.lpl <= lim.nlpl <= lim.mean <= lim.nupl <= lim.upl


@settings(max_examples=200, deadline=None)
@given(series, st.randoms(use_true_random=False))
def test_mean_is_permutation_invariant(ys, rnd):
    shuffled = list(ys)
    rnd.shuffle(shuffled)
    assert xmr_limits(shuffled).mean == xmr_limits(ys).mean  # fsum: exactly rounded


@settings(max_examples=200, deadline=None)
@given(series, st.sampled_from([2.0, 0.5, 10.0, 1024.0]))
def test_mean_and_limits_scale_with_the_data(ys, k):
    base, scaled = xmr_limits(ys), xmr_limits([k * y for y in ys])
    assert scaled.mean == pytest.approx(k * base.mean, rel=1e-9, abs=1e-9)
    if base.upl is not None and scaled.upl is not None:
        assert scaled.upl == pytest.approx(k * base.upl, rel=1e-9, abs=1e-6)


@settings(max_examples=150, deadline=None)
@given(series, st.sampled_from([2.0, 0.25, 8.0]))
def test_point_types_survive_power_of_two_scaling(ys, k):
    # powers of two scale exactly, so every comparison keeps its outcome
    plain = compute_spc(ys)
    scaled = compute_spc([k * y for y in ys])
    assert scaled.points.point_type == plain.points.point_type
    assert scaled.variation_icon == plain.variation_icon


@settings(max_examples=150, deadline=None)
@given(series)
def test_decrease_swaps_improvement_and_concern(ys):
    up = compute_spc(ys, improvement_direction="increase").points.point_type
    down = compute_spc(ys, improvement_direction="decrease").points.point_type
    swap = {PointType.IMPROVEMENT: PointType.CONCERN, PointType.CONCERN: PointType.IMPROVEMENT}
    assert [swap.get(p, p) for p in up] == list(down)


anything = st.one_of(
    st.none(),
    st.floats(),  # NaN, infinities, huge values
    st.integers(-(10**6), 10**6),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(anything, max_size=40),
    st.sampled_from(["increase", "decrease", "neutral"]),
    st.one_of(st.none(), st.floats()),
    st.booleans(),
    st.sampled_from(["ptd", "mdc2023", "powerbi"]),
    st.sampled_from(["precedence", "improvement_wins"]),
)
def test_no_crash_on_any_values(ys, direction, target, screen, variant, conflict):
    opts = SpcOptions(screen_outliers=screen, two_in_three=variant, conflict=conflict)
    result = compute_spc(ys, improvement_direction=direction, target=target, options=opts)
    pts = result.points
    assert len(pts) == len(ys)
    for i, v in enumerate(ys):
        missing = v is None or (isinstance(v, float) and not math.isfinite(v))
        if missing:
            assert pts.value[i] is None and pts.relative_to_mean[i] is None
            assert pts.point_type[i] is PointType.COMMON_CAUSE
    for g in result.groups:
        for x in (g.mean, g.lpl, g.upl, g.nlpl, g.nupl):
            assert x is None or math.isfinite(x)


def test_missing_values_are_left_out_and_reported_as_common_cause():
    ys = [1.0, 2.0, None, 3.0, float("nan"), 2.0, 1.0]
    result = compute_spc(ys)
    complete = compute_spc([1.0, 2.0, 3.0, 2.0, 1.0])
    assert result.groups[0].mean == complete.groups[0].mean
    assert result.groups[0].upl == complete.groups[0].upl
    assert result.groups[0].n == 5 and result.groups[0].end == 6
    assert result.points.relative_to_mean == (-1, 1, None, 1, None, 1, -1)


def test_last_point_missing_uses_the_last_present_point_for_the_icon():
    ys = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, None]
    assert compute_spc(ys).variation_icon == compute_spc(ys[:-1]).variation_icon


def test_empty_series_has_no_groups_and_no_icons():
    result = compute_spc([])
    assert result.groups == () and result.variation_icon is None
    assert result.assurance_type is None


def test_all_missing_group_has_no_mean():
    result = compute_spc([None, None, 1.0, 2.0, 3.0], rebase_at=[2], target=1.0)
    assert result.groups[0].mean is None and result.groups[0].n == 0
    assert result.groups[1].mean == 2.0
    assert result.assurance_type is not None


def test_constant_series_has_undefined_limits_when_screened():
    result = compute_spc([7.0] * 15, target=5.0)
    assert result.groups[0].lpl is None and result.groups[0].upl is None
    assert result.points.outside_limits == (None,) * 15
    assert result.assurance_type == "inconsistent"
    unscreened = compute_spc([7.0] * 15, options=SpcOptions(screen_outliers=False))
    assert unscreened.groups[0].upl == 7.0 == unscreened.groups[0].lpl
    assert not any(unscreened.points.special_cause_flag)


def test_single_value_has_a_mean_and_no_limits():
    result = compute_spc([4.0])
    assert result.groups[0].mean == 4.0 and result.groups[0].upl is None


def test_fix_after_n_points_is_validated():
    with pytest.raises(ValueError, match="12 or more"):
        compute_spc([1.0] * 20, fix_after_n_points=11)


def test_rebase_date_matching_no_row_has_no_effect():
    from datetime import date, timedelta

    days = [date(2024, 1, 1) + timedelta(days=i) for i in range(20)]
    ys = [float(i % 5) for i in range(20)]
    assert len(compute_spc(ys, days, rebase_dates=[date(2023, 1, 1)]).groups) == 1
    two = compute_spc(ys, days, rebase_dates=[days[10]])
    assert [(g.start, g.end) for g in two.groups] == [(0, 9), (10, 19)]
    assert two.points.rebase_group == (0,) * 10 + (1,) * 10


def test_rebase_at_out_of_range_is_an_error():
    with pytest.raises(ValueError, match="outside rows"):
        compute_spc([1.0, 2.0], rebase_at=[5])
