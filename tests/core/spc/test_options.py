"""Each option variant of SpcOptions, on small hand-made series."""

from __future__ import annotations

import pytest

from quorate.core.spc import (
    MDC_SINGLE_CHART_2023,
    AssuranceIcon,
    ConflictPolicy,
    PointType,
    SpcOptions,
    TwoInThreeVariant,
    VariationIcon,
    compute_spc,
    xmr_limits,
)

BASE = [9.0, 11.0] * 10  # mean 10, every moving range 2


def flagged(result):
    pts = result.points
    return [(i, pts.special_cause_type[i]) for i in range(len(pts)) if pts.special_cause_flag[i]]


def test_two_in_three_ptd_ignores_a_point_beyond_3_sigma():
    ys = [*BASE, 15.5, 18.0, 11.0]
    g = compute_spc(ys).groups[0]
    assert g.nupl < 15.5 <= g.upl < 18.0  # one close point, one astronomical
    assert flagged(compute_spc(ys)) == [(21, "Above UCL")]


@pytest.mark.parametrize("variant", [TwoInThreeVariant.MDC2023, TwoInThreeVariant.POWERBI])
def test_two_in_three_mdc2023_and_powerbi_count_points_beyond_3_sigma(variant):
    ys = [*BASE, 15.5, 18.0, 11.0]
    result = compute_spc(ys, options=SpcOptions(two_in_three=variant))
    assert flagged(result) == [(20, "2 in 3 Above CL"), (21, "Above UCL")]


@pytest.mark.parametrize("variant", ["ptd", "mdc2023"])
def test_two_in_three_needs_all_three_points_on_one_side_except_powerbi(variant):
    ys = [*BASE, 15.5, 9.0, 15.5]  # the middle point is below the mean
    assert flagged(compute_spc(ys, options=SpcOptions(two_in_three=variant))) == []


def test_two_in_three_powerbi_has_no_mean_side_test():
    ys = [*BASE, 15.5, 9.0, 15.5]
    result = compute_spc(ys, options=SpcOptions(two_in_three="powerbi"))
    assert flagged(result) == [(20, "2 in 3 Above CL"), (22, "2 in 3 Above CL")]
    assert result.variation_icon is VariationIcon.IMPROVEMENT_HIGH


def test_conflict_precedence_labels_below_lcl_as_concern():
    # ptd-gen-015's shape: a point below the LCL starts a 7-point rising trend
    ys = [10, 11, 9, 10, 12, 9, 10, 11, 10, 9, 11, 10, 2, 3, 4, 5, 6, 7, 8]
    result = compute_spc(ys)
    assert result.points.special_cause_type[12] == "Below LCL"
    assert result.points.point_type[12] is PointType.CONCERN


def test_conflict_improvement_wins_shows_the_trend():
    ys = [10, 11, 9, 10, 12, 9, 10, 11, 10, 9, 11, 10, 2, 3, 4, 5, 6, 7, 8]
    result = compute_spc(ys, options=SpcOptions(conflict=ConflictPolicy.IMPROVEMENT_WINS))
    assert result.points.special_cause_type[12:15] == ("7 Point Trend (Increasing)",) * 3
    assert set(result.points.point_type[12:]) == {PointType.IMPROVEMENT}


def test_conflict_improvement_wins_fixes_the_shared_point_quirk():
    # ptd-gen-014: two rising trends with a fall between; v0.2.2 calls the peak "Decreasing"
    ys = [0, 3, 6, 9, 12, 15, 18, 10, 13, 16, 19, 22, 25, 28]
    assert compute_spc(ys).points.special_cause_type[6] == "7 Point Trend (Decreasing)"
    wins = compute_spc(ys, options=SpcOptions(conflict="improvement_wins"))
    assert wins.points.special_cause_type[6] == "7 Point Trend (Increasing)"


def test_conflict_improvement_wins_is_precedence_for_a_decrease_concern_only():
    ys = [0, 1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1]  # ptd-gen-008, decrease is better
    plain = compute_spc(ys, improvement_direction="decrease")
    wins = compute_spc(
        ys, improvement_direction="decrease", options=SpcOptions(conflict="improvement_wins")
    )
    # index 7 is above the UCL (concern) and ends the rising trend (concern), starts the fall
    assert plain.points.special_cause_type[7] == "Above UCL"
    assert wins.points.special_cause_type[7] == "7 Point Trend (Decreasing)"
    assert wins.points.point_type[7] is PointType.IMPROVEMENT


def test_limit_multiplier_scales_the_limits():
    ys = [1.0, 3.0, 2.0, 5.0, 4.0, 2.0, 3.0, 4.0]
    default = xmr_limits(ys)
    powerbi = xmr_limits(ys, limit_multiplier=3 / 1.128)
    assert default.mr_mean == powerbi.mr_mean
    assert default.upl - default.mean == pytest.approx(2.66 * default.mr_mean)
    assert powerbi.upl - powerbi.mean == pytest.approx(3 / 1.128 * powerbi.mr_mean)
    assert powerbi.nupl - powerbi.mean == pytest.approx(2 / 1.128 * powerbi.mr_mean)
    assert compute_spc(ys, options=SpcOptions(limit_multiplier=2.0)).groups[0].upl == (
        pytest.approx(default.mean + 2.0 * default.mr_mean)
    )


@pytest.mark.parametrize(("trend_n", "flagged_points"), [(5, 6), (6, 6), (7, 0)])
def test_trend_n_sets_the_trend_length(trend_n, flagged_points):
    ys = [5, 6, 5, 6, 5, 6, 3.5, 4, 4.5, 5, 5.5, 6, 5, 6, 5, 6]  # 6 rising points from 6
    result = compute_spc(ys, options=SpcOptions(trend_n=trend_n))
    trend = [t for t in result.points.special_cause_type if "Trend" in t]
    assert len(trend) == flagged_points
    assert all(t == f"{trend_n} Point Trend (Increasing)" for t in trend)


@pytest.mark.parametrize(("shift_n", "expect"), [(6, True), (7, True), (8, False)])
def test_shift_n_sets_the_shift_length(shift_n, expect):
    ys = [10, 12, 10, 12, 10, 12, 9, 8, 9, 8, 9, 8, 9, 12, 10, 12, 13, 11]  # 7 below from 6
    result = compute_spc(ys, options=SpcOptions(shift_n=shift_n))
    labels = result.points.special_cause_type[6:13]
    assert (labels == (f"{shift_n} Points Below CL",) * 7) is expect


def test_min_points_hides_limits_and_icons_of_short_groups():
    ys = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]
    shown = compute_spc(ys, target=20.0)
    assert shown.groups[0].upl is not None
    assert shown.variation_icon is VariationIcon.IMPROVEMENT_HIGH
    assert shown.assurance_icon is AssuranceIcon.FAIL
    hidden = compute_spc(ys, target=20.0, options=SpcOptions(min_points=13))
    group = hidden.groups[0]
    assert (group.lpl, group.upl, group.nlpl, group.nupl) == (None, None, None, None)
    assert group.mean == shown.groups[0].mean and not group.limits_shown
    assert hidden.variation_icon is None and hidden.assurance_icon is None
    assert set(hidden.points.point_type) == {PointType.COMMON_CAUSE}


def test_min_points_uses_only_the_last_group_for_icons():
    ys = [1.0, 2.0] * 3 + [5.0, 6.0] * 8
    result = compute_spc(ys, rebase_at=[6], options=SpcOptions(min_points=13))
    assert [g.limits_shown for g in result.groups] == [False, True]
    assert result.variation_icon is not None


def test_mdc_preset_does_not_screen_moving_ranges():
    ys = [1.0, 1.2, 0.9, 1.1, 1.0, 9.0, 1.0, 1.1, 0.9, 1.2, 1.0, 1.1, 0.9, 1.0]
    screened = compute_spc(ys).groups[0]
    mdc = compute_spc(ys, options=MDC_SINGLE_CHART_2023).groups[0]
    assert mdc.upl - mdc.lpl > screened.upl - screened.lpl


def test_options_reject_nonsense():
    with pytest.raises(ValueError, match="trend_n"):
        SpcOptions(trend_n=1)
    with pytest.raises(ValueError, match="limit_multiplier"):
        SpcOptions(limit_multiplier=0)
    with pytest.raises(ValueError):
        SpcOptions(two_in_three="sometimes")  # type: ignore[arg-type]
