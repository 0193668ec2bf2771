"""The fused engine agrees with the plain building blocks on arbitrary series."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quorate.core.spc import (
    SpcOptions,
    compute_spc,
    label_precedence,
    run_membership,
    shift_ends,
    trend_ends,
    two_in_three,
    xmr_limits,
)

# Small integers make ties, runs and values on the mean common; floats cover the rest.
values = st.lists(
    st.one_of(st.integers(0, 6).map(float), st.floats(-50, 50, allow_nan=False)),
    min_size=0,
    max_size=40,
)
options = st.builds(
    SpcOptions,
    screen_outliers=st.booleans(),
    limit_multiplier=st.sampled_from([2.66, 3 / 1.128, 1.5]),
    trend_n=st.integers(3, 8),
    shift_n=st.integers(3, 9),
    two_in_three=st.sampled_from(["ptd", "mdc2023", "powerbi"]),
)


def reference_labels(ys: list[float], opts: SpcOptions) -> list[str]:
    lim = xmr_limits(
        ys,
        screen_outliers=opts.screen_outliers,
        limit_multiplier=opts.limit_multiplier,
    )
    if lim.mean is None:
        return []
    mean = lim.mean
    rtm = [(y > mean) - (y < mean) for y in ys]
    if lim.upl is None:
        outside = [0] * len(ys)
        two = [0] * len(ys)
    else:
        outside = [int(y > lim.upl or y < lim.lpl) for y in ys]
        two = two_in_three(ys, mean, lim.nlpl, lim.nupl, lim.lpl, lim.upl, opts.two_in_three)
    trend = run_membership(trend_ends(ys, opts.trend_n), opts.trend_n)
    shift = run_membership(shift_ends(rtm, opts.shift_n), opts.shift_n)
    return label_precedence(
        ys, rtm, outside, trend, shift, two, trend_n=opts.trend_n, shift_n=opts.shift_n
    )


@settings(max_examples=400, deadline=None)
@given(values, options)
def test_engine_labels_match_building_blocks(ys, opts):
    result = compute_spc(ys, options=opts)
    assert list(result.points.special_cause_type) == reference_labels(ys, opts)


@settings(max_examples=200, deadline=None)
@given(values, st.booleans())
def test_engine_limits_match_xmr_limits(ys, screen):
    result = compute_spc(ys, options=SpcOptions(screen_outliers=screen))
    if not ys:
        assert result.groups == ()
        return
    lim = xmr_limits(ys, screen_outliers=screen)
    group = result.groups[0]
    assert (group.mean, group.lpl, group.upl, group.nlpl, group.nupl) == (
        lim.mean,
        lim.lpl,
        lim.upl,
        lim.nlpl,
        lim.nupl,
    )


@settings(max_examples=200, deadline=None)
@given(values, options, st.sampled_from(["increase", "decrease", "neutral"]))
def test_fast_path_equals_general_path(ys, opts, direction):
    # rebase_at=[0] changes nothing but sends the series through the general loop
    fast = compute_spc(ys, improvement_direction=direction, target=3.0, options=opts)
    general = compute_spc(
        ys, improvement_direction=direction, target=3.0, rebase_at=[0] if ys else [], options=opts
    )
    assert fast == general


def test_results_are_real_frozen_dataclasses():
    import dataclasses

    import pytest

    from quorate.core.spc import SpcGroup, SpcPoints, SpcResult

    result = compute_spc([1.0, 3.0, 2.0, 5.0], target=2.0)
    for obj, cls in (
        (result, SpcResult),
        (result.groups[0], SpcGroup),
        (result.points, SpcPoints),
    ):
        assert type(obj) is cls
        rebuilt = cls(**{f.name: getattr(obj, f.name) for f in dataclasses.fields(cls)})
        assert rebuilt == obj and hash(rebuilt) == hash(obj)
        with pytest.raises(dataclasses.FrozenInstanceError):
            obj.target = 1.0  # type: ignore[misc]
    assert dataclasses.replace(result, target=9.0).target == 9.0


def test_a_point_on_the_mean_breaks_a_shift_on_either_side():
    # mean 5: eight points above it, the fifth exactly on it; then the mirror image below.
    above = [6.0, 6.0, 6.0, 6.0, 5.0, 6.0, 6.0, 6.0, 6.0]
    below = [4.0, 4.0, 4.0, 4.0, 5.0, 4.0, 4.0, 4.0, 4.0]
    ys = above + below
    opts = SpcOptions(shift_n=5, screen_outliers=False, limit_multiplier=10.0)
    labels = compute_spc(ys, options=opts).points.special_cause_type
    assert list(labels) == reference_labels(ys, opts)
    assert "5 Points Above CL" not in labels and "5 Points Below CL" not in labels
    unbroken = [6.0] * 5 + [5.0] * 3 + [4.0] * 5
    labels = compute_spc(unbroken, options=opts).points.special_cause_type
    assert labels[:5] == ("5 Points Above CL",) * 5 and labels[-5:] == ("5 Points Below CL",) * 5


def test_runs_at_both_ends_and_several_runs_are_all_found():
    ys = [9.0] * 7 + [1.0, 9.0] * 5 + [1.0] * 7 + [9.0, 1.0] + [9.0] * 8
    opts = SpcOptions(screen_outliers=False, limit_multiplier=10.0)
    labels = list(compute_spc(ys, options=opts).points.special_cause_type)
    assert labels == reference_labels(ys, opts)
    assert labels[:7] == ["7 Points Above CL"] * 7 and labels[-8:] == ["7 Points Above CL"] * 8
