"""``compute_spc``: the Making Data Count XmR chart of one series.

The hot path: plain lists and tuples, C-level ``map``/``bytes.translate``/regex work (see
:mod:`quorate.core.spc.detect`), tables built once per option set, and one frozen result per
series with its per-point columns as tuples (no per-point objects). It computes exactly what
the building blocks of :mod:`quorate.core.spc.rules` compute
(``tests/core/spc/test_engine_matches_rules.py``).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from functools import lru_cache
from operator import itemgetter, sub
from typing import Any, TypeVar, cast

from quorate.core.spc.assurance import assurance, variation_icon
from quorate.core.spc.detect import classify
from quorate.core.spc.limits import _mean, limit_values
from quorate.core.spc.rebase import group_starts
from quorate.core.spc.rules import is_valid_fix_after_n_points
from quorate.core.spc.types import (
    Direction,
    PointType,
    SpcGroup,
    SpcOptions,
    SpcPoints,
    SpcResult,
)

DEFAULT_OPTIONS = SpcOptions()
_isfinite = math.isfinite
_fsum = math.fsum
_FLAG_OF_CODE = (False, *(True,) * 8)
_NEUTRAL = Direction.NEUTRAL
_VARIATION_ICON = {(p, d): variation_icon(p, d) for p in PointType for d in Direction}


@lru_cache(maxsize=32)
def _labels(trend_n: int, shift_n: int) -> tuple[str, ...]:
    return (
        "Common Cause",
        "Above UCL",
        "Below LCL",
        f"{trend_n} Point Trend (Increasing)",
        f"{trend_n} Point Trend (Decreasing)",
        "2 in 3 Above CL",
        "2 in 3 Below CL",
        f"{shift_n} Points Above CL",
        f"{shift_n} Points Below CL",
    )


@lru_cache(maxsize=8)
def _point_types(direction: Direction) -> tuple[PointType, ...]:
    if direction is Direction.NEUTRAL:
        high, low = PointType.NEUTRAL_HIGH, PointType.NEUTRAL_LOW
    elif direction is Direction.INCREASE:
        high, low = PointType.IMPROVEMENT, PointType.CONCERN
    else:
        high, low = PointType.CONCERN, PointType.IMPROVEMENT
    return (PointType.COMMON_CAUSE, *((high, low) * 4))


def compute_spc(
    values: Sequence[float | None],
    dates: Sequence[Hashable] | None = None,
    *,
    improvement_direction: Direction | str = Direction.INCREASE,
    target: float | None = None,
    rebase_at: Iterable[int] = (),
    rebase_dates: Iterable[Hashable] = (),
    fix_after_n_points: int | None = None,
    options: SpcOptions = DEFAULT_OPTIONS,
) -> SpcResult:
    """The XmR chart of one series in time order.

    ``values`` may hold ``None`` (or a non-finite float) for a missing observation: it is left
    out of every calculation (the series closes up around it) and reported as common cause
    with ``None`` in its comparison columns. Limit groups start at row 0, at each ``rebase_at``
    row and at each row whose date is in ``rebase_dates`` (dates that match no row are
    ignored). ``fix_after_n_points`` (one number, 12 or more) fixes each group's limits on its
    first that many values.
    """
    direction = (
        improvement_direction
        if improvement_direction.__class__ is Direction
        else Direction(improvement_direction)
    )
    if fix_after_n_points is not None:
        if not is_valid_fix_after_n_points(fix_after_n_points):
            raise ValueError(
                "fix_after_n_points must be a single number of 12 or more, "
                f"got {fix_after_n_points!r}"
            )
        fix_after_n_points = int(fix_after_n_points)
    if dates is not None and len(dates) != len(values):
        raise ValueError(f"dates has {len(dates)} entries but values has {len(values)}")
    if target is not None and not _isfinite(target):
        target = None
    n_rows = len(values)
    if rebase_at or rebase_dates:
        starts = group_starts(n_rows, rebase_at, dates, rebase_dates)
    else:
        starts = [0] if n_rows else []
    clean, total = _clean(values)
    complete = total is not None
    if complete and len(starts) == 1 and fix_after_n_points is None:
        single = _single_group(
            cast("list[float]", clean), cast("float", total), direction, target, options
        )
        if single is not None:
            return single
    screen = options.screen_outliers

    groups: list[SpcGroup] = []
    rtm_col: list[int | None] = []
    out_col: list[bool | None] = []
    close_col: list[bool | None] = []
    code_col: list[int] = []
    any_signal = False
    shown = True
    bounds = [*starts, n_rows]
    for g in range(len(starts)):
        s, e = bounds[g], bounds[g + 1]
        ys = (
            cast("list[float]", clean[s:e])
            if complete
            else [v for v in clean[s:e] if v is not None]
        )
        m = len(ys)
        shown = m > 0 and m >= options.min_points
        mean = mr_mean = lpl = upl = nlpl = nupl = None
        rtm: list[int] | None = None
        base = ys if fix_after_n_points is None else ys[:fix_after_n_points]
        outside = close = None
        codes = None
        if m:
            mean = _mean(base)
            if not _isfinite(mean):
                mean = None
        if mean is not None:
            mr = list(map(abs, map(sub, base[1:], base)))
            mr_mean, lpl, upl, nlpl, nupl = limit_values(
                mean, mr, screen, options.limit_multiplier, options.screen_multiplier
            )
            if not shown or lpl is None:
                lpl = upl = nlpl = nupl = None
            bands = None if lpl is None else (lpl, nlpl, nupl, upl)
            rtm, outside, close, codes = classify(
                ys,
                mean,
                cast("tuple[float, float, float, float] | None", bands),
                direction,
                options,
            )
            if codes is not None and shown:
                any_signal = True
            else:
                codes = None
        groups.append(
            _make(
                SpcGroup,
                {
                    "start": s,
                    "end": e - 1,
                    "n": m,
                    "mean": mean,
                    "lpl": lpl,
                    "upl": upl,
                    "nlpl": nlpl,
                    "nupl": nupl,
                    "mr_mean": mr_mean,
                    "short_group_warning": m < options.short_group_threshold,
                    "limits_shown": shown,
                },
            )
        )
        if m == n_rows and rtm is not None:  # one group, nothing missing: no copying
            rtm_col, code_col = rtm, (codes or [0] * m)  # type: ignore[assignment]
            out_col = [None] * m if outside is None else outside  # type: ignore[assignment]
            close_col = [None] * m if close is None else close  # type: ignore[assignment]
        else:
            _place(
                clean, s, e, m, rtm, outside, close, codes, rtm_col, out_col, close_col, code_col
            )

    labels = _labels(options.trend_n, options.shift_n)
    ptypes = _point_types(direction)
    if any_signal and n_rows > 1:
        pick = itemgetter(*code_col)  # one C-level lookup per column
        special_type, point_type, flag = pick(labels), pick(ptypes), pick(_FLAG_OF_CODE)
    elif any_signal:
        c = code_col[0]
        special_type, point_type, flag = (labels[c],), (ptypes[c],), (c != 0,)
    else:
        special_type = (labels[0],) * n_rows
        point_type = (ptypes[0],) * n_rows
        flag = (False,) * n_rows
    group_col = (
        (0,) * n_rows
        if len(starts) <= 1
        else tuple(g for g in range(len(starts)) for _ in range(bounds[g], bounds[g + 1]))
    )
    points = _make(
        SpcPoints,
        {
            "value": tuple(clean),
            "rebase_group": group_col,
            "outside_limits": tuple(out_col),
            "relative_to_mean": tuple(rtm_col),
            "close_to_limits": tuple(close_col),
            "special_cause_type": special_type,
            "point_type": point_type,
            "special_cause_flag": flag,
        },
    )
    v_icon = a_type = a_icon = None
    if groups and shown:
        last_row = n_rows - 1
        while last_row >= 0 and clean[last_row] is None:
            last_row -= 1
        if last_row >= 0:
            v_icon = _VARIATION_ICON[point_type[last_row], direction]
        if target is not None and direction is not _NEUTRAL:
            a_type, a_icon = assurance(target, groups[-1].lpl, groups[-1].upl, direction)
    return _make(
        SpcResult,
        {
            "improvement_direction": direction,
            "target": target,
            "groups": tuple(groups),
            "points": points,
            "variation_icon": v_icon,
            "assurance_type": a_type,
            "assurance_icon": a_icon,
            "options": options,
        },
    )


def _single_group(
    ys: list[float], total: float, direction: Direction, target: float | None, options: SpcOptions
) -> SpcResult | None:
    """The common case (one limit group, no missing value, limits not fixed) without the
    bookkeeping of the general loop; ``total`` is the exactly rounded sum of ``ys`` (from
    :func:`_clean`). ``None`` hands an unusual series back to the general loop."""
    m = len(ys)
    mean = total / m
    if not _isfinite(mean):  # the sum overflowed
        return None
    shown = m >= options.min_points
    mr_mean, lpl, upl, nlpl, nupl = limit_values(
        mean,
        list(map(abs, map(sub, ys[1:], ys))),
        options.screen_outliers,
        options.limit_multiplier,
        options.screen_multiplier,
    )
    if not shown or lpl is None:
        lpl = upl = nlpl = nupl = None
        bands = None
    else:
        bands = cast("tuple[float, float, float, float]", (lpl, nlpl, nupl, upl))
    rtm, outside, close, codes = classify(ys, mean, bands, direction, options)
    labels = _labels(options.trend_n, options.shift_n)
    ptypes = _point_types(direction)
    if codes is not None and shown and m > 1:
        pick = itemgetter(*codes)  # one C-level lookup per column
        special_type, point_type, flag = pick(labels), pick(ptypes), pick(_FLAG_OF_CODE)
    elif codes is not None and shown:
        c = codes[0]
        special_type, point_type, flag = (labels[c],), (ptypes[c],), (c != 0,)
    else:
        special_type = (labels[0],) * m
        point_type = (ptypes[0],) * m
        flag = (False,) * m
    group = _make(
        SpcGroup,
        {
            "start": 0,
            "end": m - 1,
            "n": m,
            "mean": mean,
            "lpl": lpl,
            "upl": upl,
            "nlpl": nlpl,
            "nupl": nupl,
            "mr_mean": mr_mean,
            "short_group_warning": m < options.short_group_threshold,
            "limits_shown": shown,
        },
    )
    points = _make(
        SpcPoints,
        {
            "value": tuple(ys),
            "rebase_group": (0,) * m,
            "outside_limits": (None,) * m if outside is None else tuple(outside),
            "relative_to_mean": tuple(rtm),
            "close_to_limits": (None,) * m if close is None else tuple(close),
            "special_cause_type": special_type,
            "point_type": point_type,
            "special_cause_flag": flag,
        },
    )
    v_icon = a_type = a_icon = None
    if shown:
        v_icon = _VARIATION_ICON[point_type[-1], direction]
        if target is not None and direction is not _NEUTRAL:
            a_type, a_icon = assurance(target, lpl, upl, direction)
    return _make(
        SpcResult,
        {
            "improvement_direction": direction,
            "target": target,
            "groups": (group,),
            "points": points,
            "variation_icon": v_icon,
            "assurance_type": a_type,
            "assurance_icon": a_icon,
            "options": options,
        },
    )


_T = TypeVar("_T")


def _make(cls: type[_T], fields: dict[str, Any]) -> _T:
    """Build a frozen result dataclass from its complete field dict in one step.

    The generated ``__init__`` of a frozen dataclass sets each field through
    ``object.__setattr__`` (about 150 ns a field); this hot path installs the instance dict at
    once. ``tests/core/spc/test_engine_matches_rules.py`` checks the objects equal ones built
    through ``__init__``.
    """
    obj = object.__new__(cls)
    object.__setattr__(obj, "__dict__", fields)
    return obj


def _place(
    clean: list[float | None],
    s: int,
    e: int,
    m: int,
    rtm: list[int] | None,
    outside: list[bool] | None,
    close: list[bool] | None,
    codes: list[int] | None,
    rtm_col: list[int | None],
    out_col: list[bool | None],
    close_col: list[bool | None],
    code_col: list[int],
) -> None:
    """Append one group's columns, with ``None``/0 at the rows of missing values."""
    size = e - s
    if rtm is None:
        rtm_col += [None] * size
        out_col += [None] * size
        close_col += [None] * size
        code_col += [0] * size
        return
    if m == size:
        rtm_col += rtm
        out_col += [None] * size if outside is None else outside
        close_col += [None] * size if close is None else close
        code_col += [0] * size if codes is None else codes
        return
    j = 0
    for v in clean[s:e]:
        if v is None:
            rtm_col.append(None)
            out_col.append(None)
            close_col.append(None)
            code_col.append(0)
        else:
            rtm_col.append(rtm[j])
            out_col.append(None if outside is None else outside[j])
            close_col.append(None if close is None else close[j])
            code_col.append(0 if codes is None else codes[j])
            j += 1


def _clean(values: Sequence[float | None]) -> tuple[list[float | None], float | None]:
    """The values with every missing or non-finite entry as ``None``, and their exactly
    rounded sum when none was (else ``None``).

    One C-level ``math.fsum`` proves the common case (every entry a finite number, the sum
    finite too) and gives the mean's numerator at once.
    """
    try:
        total = _fsum(cast("Sequence[float]", values))
        if _isfinite(total):
            return list(values), total
    except (TypeError, ValueError, OverflowError):  # None, inf - inf, a finite overflow
        pass
    clean = [float(v) if v is not None and _isfinite(v) else None for v in values]
    if None in clean:
        return clean, None
    try:
        return clean, _fsum(cast("list[float]", clean))
    except OverflowError:
        return clean, sum(cast("list[float]", clean))
