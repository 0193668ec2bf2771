"""XmR limits: mean, moving ranges, optional screening of moving ranges, process limits."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from operator import sub

from quorate.core.spc.types import PTD_LIMIT_MULTIPLIER, PTD_SCREEN_MULTIPLIER, Limits

_isfinite = math.isfinite


def _mean(values: Sequence[float]) -> float:
    """Mean with an exactly rounded sum (``math.fsum``); falls back to ``sum`` on overflow."""
    try:
        total = math.fsum(values)
    except OverflowError:
        total = sum(values)
    return total / len(values)


def moving_ranges(values: Sequence[float]) -> list[float]:
    """``|x[i] - x[i-1]|`` for consecutive values (one fewer than the values)."""
    return list(map(abs, map(sub, values[1:], values)))


def mean_moving_range(
    values: Sequence[float],
    *,
    screen_outliers: bool = True,
    screen_multiplier: float = PTD_SCREEN_MULTIPLIER,
) -> float | None:
    """Mean moving range; with screening, ranges of ``screen_multiplier`` x the mean or more are
    dropped and the mean is recomputed. ``None`` when no moving range is left (fewer than two
    values, or a constant series with screening, NHSRplotthedots ptd-gen-016)."""
    if len(values) < 2:
        return None
    return limits_from(
        0.0,
        moving_ranges(values),
        screen_outliers=screen_outliers,
        limit_multiplier=1.0,
        screen_multiplier=screen_multiplier,
    ).mr_mean


LimitValues = tuple[float | None, float | None, float | None, float | None, float | None]
_UNDEFINED: LimitValues = (None, None, None, None, None)


def limit_values(
    mean: float,
    mr: Sequence[float],
    screen_outliers: bool,
    limit_multiplier: float,
    screen_multiplier: float,
) -> LimitValues:
    """``(mr_mean, lpl, upl, nlpl, nupl)`` from a finite mean and the moving ranges of the same
    values (the engine's allocation-free form of :func:`limits_from`)."""
    if not mr:
        return _UNDEFINED
    amr = _mean(mr)
    if screen_outliers:
        cut = screen_multiplier * amr
        if not max(mr) < cut:  # at least one range to drop: keep those below the cut
            ordered = sorted(mr)  # fsum is exact whatever the order, so sorting changes nothing
            kept = bisect_left(ordered, cut)
            if not kept:
                return _UNDEFINED
            amr = _mean(ordered[:kept])
    if not _isfinite(amr):
        return _UNDEFINED
    width = limit_multiplier * amr
    near = (2 * (limit_multiplier / 3)) * amr
    lpl = mean - width
    upl = mean + width
    if not (_isfinite(lpl) and _isfinite(upl)):
        return (amr, None, None, None, None)
    return (amr, lpl, upl, mean - near, mean + near)


def limits_from(
    mean: float,
    mr: Sequence[float],
    *,
    screen_outliers: bool,
    limit_multiplier: float,
    screen_multiplier: float,
) -> Limits:
    """Limits from a finite mean and the moving ranges of the same values."""
    amr, lpl, upl, nlpl, nupl = limit_values(
        mean, mr, screen_outliers, limit_multiplier, screen_multiplier
    )
    return Limits(mean, amr, lpl, upl, nlpl, nupl)


def xmr_limits(
    values: Sequence[float],
    *,
    fix_after_n_points: int | None = None,
    screen_outliers: bool = True,
    limit_multiplier: float = PTD_LIMIT_MULTIPLIER,
    screen_multiplier: float = PTD_SCREEN_MULTIPLIER,
) -> Limits:
    """Limits of one group of present (finite) values, in time order.

    The mean and moving ranges use only the first ``fix_after_n_points`` values when it is set.
    ``upl/lpl = mean +/- limit_multiplier x mean MR``; the 2-sigma lines use 2/3 of it.
    """
    base = values if fix_after_n_points is None else values[:fix_after_n_points]
    if not base:
        return Limits(None, None, None, None, None, None)
    mean = _mean(base)
    if not _isfinite(mean):
        return Limits(None, None, None, None, None, None)
    return limits_from(
        mean,
        moving_ranges(base),
        screen_outliers=screen_outliers,
        limit_multiplier=limit_multiplier,
        screen_multiplier=screen_multiplier,
    )
